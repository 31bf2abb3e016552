import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../audit/AuditTrail.tsx';
import { Info, LoadError, Loading, Page } from '../components/page.tsx';
import { useMailbox } from './useMailbox.ts';

export function MailboxPage() {
  const { t } = useTranslation();
  const mailbox = useMailbox();
  const mails = [...(mailbox.data?.mails ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Page title={t('mailbox.title')}>
      <p className="lead">{t('mailbox.intro')}</p>
      {mailbox.isPending ? (
        <Loading />
      ) : mailbox.error ? (
        <LoadError error={mailbox.error} />
      ) : mails.length === 0 ? (
        <Info>{t('mailbox.empty')}</Info>
      ) : (
        <>
          <p className="visually-hidden" role="status">
            {t('mailbox.count', { count: mails.length })}
          </p>
          <ol className="mail-list">
            {mails.map((m) => (
              <li key={m.id} className="mail-item">
                <Link to={`/mailbox/${m.id}`} className="mail-subject">
                  {m.subject}
                </Link>
                <p className="mail-meta">
                  {t('mailbox.to')}: {m.to}
                  <span aria-hidden="true"> · </span>
                  <span className="visually-hidden">, </span>
                  <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
                  <span aria-hidden="true"> · </span>
                  <span className="visually-hidden">, </span>
                  {t(`mailbox.status.${m.status}`, { defaultValue: m.status })}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </Page>
  );
}
