import { type QueryClient, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { isUuid } from '../../domain/uuid.ts';
import { ApiError } from '../api/client.ts';
import { Content } from '../components/Content.tsx';
import { LoadError, Loading, Page } from '../components/page.tsx';
import { EligibilityNotice, eligibilityFacts } from '../eligibility/EligibilityNotice.tsx';
import { keys } from '../queryKeys.ts';
import { useSession } from '../session.ts';
import { getPublicCall } from './api.ts';
import { AmendmentList, CallRulesView } from './CallRulesView.tsx';
import { CallStatus } from './CallStatus.tsx';
import { formatDate } from './format.ts';

const publicCall = (id: string) => ({
  queryKey: keys.publicCall(id),
  queryFn: () => getPublicCall(id),
  enabled: isUuid(id),
  retry: false,
  retryOnMount: false,
  // Loaded ahead for the first view (`prepare`): not asked for again as the page mounts.
  staleTime: 30_000,
});

/** Loads what the page shows first, so the app can take over the server's first view of it whole. */
export function prepare(client: QueryClient, id: string) {
  return isUuid(id) ? client.prefetchQuery(publicCall(id)) : Promise.resolve();
}

/** An address that names no call: said in words, with the way to the list of calls. */
function NoSuchCall({ malformed }: { malformed: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="alert">
      <p>{t(malformed ? 'calls.badAddress' : 'calls.noSuchCall')}</p>
      <p>
        <Link to="/calls">{t('calls.seeAllCalls')}</Link>
      </p>
    </div>
  );
}

/** A published call for anyone: its rules in plain words, where it stands, and how it has been changed. */
export function PublicCallPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const call = useQuery(publicCall(id));
  const data = call.data;
  const last = data?.amendments.at(-1);
  const mayEdit = !!data && !!user?.funders.some((f) => f.funderId === data.funderId && (f.role === 'caseworker' || f.role === 'administrator'));

  return (
    <Page title={data?.title ?? t('calls.callTitle')} heading={data ? <Content>{data.title}</Content> : undefined}>
      <p>
        <Link to="/calls">{t('calls.backToList')}</Link>
      </p>
      {!isUuid(id) || (call.error instanceof ApiError && call.error.status === 404) ? (
        <NoSuchCall malformed={!isUuid(id)} />
      ) : call.isPending ? (
        <Loading />
      ) : call.error ? (
        <LoadError error={call.error} />
      ) : data ? (
        <>
          <Content as="p" className="lead">
            {data.summary}
          </Content>
          <CallStatus call={data} />
          {data.phase !== 'closed' ? <EligibilityNotice call={eligibilityFacts(data)} organisations={user?.organisations ?? []} signedIn={!!user} /> : null}
          {data.phase === 'open' ? (
            <p>
              <Link to={`/calls/${data.id}/apply`} className="button">
                {t('apply.cta')}
              </Link>
            </p>
          ) : null}
          {last ? (
            <div className="notice">
              <p>
                {t('calls.amendedNotice', { count: data.amendments.length, date: formatDate(dateInStockholm(new Date(last.at))) })}{' '}
                <a href="#amendments-heading">{t('calls.seeAmendments')}</a>
              </p>
            </div>
          ) : null}
          {mayEdit ? (
            <p>
              <Link to={`/funders/${data.funderId}/calls/${data.id}/edit`}>{t('calls.amendThisCall')}</Link>
            </p>
          ) : null}
          <CallRulesView call={data} />
          <section className="section" aria-labelledby="amendments-heading">
            <h2 id="amendments-heading" tabIndex={-1}>
              {t('calls.sections.amendments')}
            </h2>
            <AmendmentList amendments={data.amendments} funderId={data.funderId} />
          </section>
        </>
      ) : null}
    </Page>
  );
}
