import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../audit/AuditTrail.tsx';
import { LoadError, Loading, Page } from '../components/page.tsx';
import { useMailbox } from './useMailbox.ts';

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;

/** Mail text with its web addresses made into links; everything else stays text. */
export function Linkified({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:)]+$/, '');
    const start = match.index ?? 0;
    parts.push(text.slice(last, start));
    parts.push(
      <a key={start} href={url}>
        {url}
      </a>,
    );
    last = start + url.length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

export function MailPage() {
  const { t } = useTranslation();
  const { mailId = '' } = useParams();
  const mailbox = useMailbox();
  const mail = mailbox.data?.mails.find((m) => m.id === mailId);
  return (
    <Page title={mail?.subject ?? t('mailbox.mailTitle')}>
      <p>
        <Link to="/mailbox">{t('mailbox.back')}</Link>
      </p>
      {mailbox.isPending ? (
        <Loading />
      ) : mailbox.error ? (
        <LoadError error={mailbox.error} />
      ) : !mail ? (
        <p>{t('mailbox.notFound')}</p>
      ) : (
        <article className="mail">
          <dl className="facts">
            <div>
              <dt>{t('mailbox.to')}</dt>
              <dd>{mail.to}</dd>
            </div>
            <div>
              <dt>{t('mailbox.date')}</dt>
              <dd>
                <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt)}</time>
              </dd>
            </div>
          </dl>
          <div className="mail-body">
            <Linkified text={mail.text} />
          </div>
        </article>
      )}
    </Page>
  );
}
