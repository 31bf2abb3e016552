import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAssessmentRights } from '../assessment/shared.tsx';
import { useFunder } from '../components/funder.ts';
import { LoadError, Loading, Page } from '../components/page.tsx';
import { keys } from '../queryKeys.ts';
import { type CallSummary, listFunderCalls } from './api.ts';
import { PhaseBadge } from './CallStatus.tsx';
import { formatDate, kr } from './format.ts';

function CallCard({ call, funderId, mayDesign, mayAssess = false }: { call: CallSummary; funderId: string; mayDesign: boolean; mayAssess?: boolean }) {
  const { t } = useTranslation();
  const edit = `/funders/${funderId}/calls/${call.id}/edit`;
  return (
    <li className="card call-card">
      <h3 className="call-title">{mayDesign ? <Link to={edit}>{call.title || t('calls.untitled')}</Link> : call.title || t('calls.untitled')}</h3>
      <p>
        <PhaseBadge phase={call.phase} />
        {call.version > 1 ? <span className="hint-inline"> {t('calls.amendedTimes', { count: call.version - 1 })}</span> : null}
      </p>
      <dl className="facts facts-compact">
        <div>
          <dt>{t('callFields.amount')}</dt>
          <dd>{kr(call.amount)}</dd>
        </div>
        <div>
          <dt>{t('callFields.opensOn')}</dt>
          <dd>{call.opensOn ? formatDate(call.opensOn) : t('common.notGiven')}</dd>
        </div>
        <div>
          <dt>{t('callFields.deadline')}</dt>
          <dd>{call.deadline ? formatDate(call.deadline) : t('common.notGiven')}</dd>
        </div>
      </dl>
      <ul className="link-list inline-links">
        {mayDesign ? (
          <li>
            <Link to={edit}>
              {call.status === 'draft' ? t('calls.editDraft') : t('calls.amend')}
              <span className="visually-hidden">: {call.title || t('calls.untitled')}</span>
            </Link>
          </li>
        ) : null}
        {call.status === 'published' ? (
          <li>
            <Link to={`/calls/${call.id}`}>
              {t('calls.viewPublic')}
              <span className="visually-hidden">: {call.title}</span>
            </Link>
          </li>
        ) : null}
        {call.status === 'published' && mayAssess ? (
          <li>
            <Link to={`/calls/${call.id}/assessment`}>
              {t('assessment.callLink')}
              <span className="visually-hidden">: {call.title}</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </li>
  );
}

/** A funder's calls, drafts first, for its staff. */
export function FunderCallsPage() {
  const { t } = useTranslation();
  const { funderId = '' } = useParams();
  const funder = useFunder(funderId);
  const assessment = useAssessmentRights(funderId);
  const data = useQuery({
    queryKey: keys.funderCalls(funderId),
    queryFn: () => listFunderCalls(funderId),
    retry: false,
  });
  const calls = data.data?.calls ?? [];
  const drafts = calls.filter((c) => c.status === 'draft');
  const published = calls.filter((c) => c.status === 'published');
  return (
    <Page title={t('calls.funderTitle')}>
      {funder.name ? <p className="lead">{funder.name}</p> : null}
      <ul className="link-list inline-links">
        {funder.designCalls ? (
          <li>
            <Link to={`/funders/${funderId}/calls/new`} className="button">
              {t('calls.newCall')}
            </Link>
          </li>
        ) : null}
        <li>
          <Link to={`/funders/${funderId}/programmes`}>{t('calls.toProgrammes')}</Link>
        </li>
      </ul>
      {data.isPending ? (
        <Loading />
      ) : data.error ? (
        <LoadError error={data.error} />
      ) : (
        <>
          <section className="section" aria-labelledby="drafts-heading">
            <h2 id="drafts-heading">{t('calls.draftsHeading', { count: drafts.length })}</h2>
            {drafts.length ? (
              <ul className="card-grid">
                {drafts.map((c) => (
                  <CallCard key={c.id} call={c} funderId={funderId} mayDesign={funder.designCalls} />
                ))}
              </ul>
            ) : (
              <p>{t('calls.noDrafts')}</p>
            )}
          </section>
          <section className="section" aria-labelledby="published-heading">
            <h2 id="published-heading">{t('calls.publishedHeading', { count: published.length })}</h2>
            {published.length ? (
              <ul className="card-grid">
                {published.map((c) => (
                  <CallCard key={c.id} call={c} funderId={funderId} mayDesign={funder.designCalls} mayAssess={assessment.view} />
                ))}
              </ul>
            ) : (
              <p>{t('calls.noPublished')}</p>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
