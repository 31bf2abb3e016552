import { type QueryClient, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Content } from '../components/Content.tsx';
import { LoadError, Loading, Page } from '../components/page.tsx';
import { keys } from '../queryKeys.ts';
import { listPublicCalls } from './api.ts';
import { livePhase, PhaseBadge } from './CallStatus.tsx';
import { formatDate, kr } from './format.ts';
import { useNow } from './useNow.ts';

const PHASES = ['open', 'upcoming', 'closed'] as const;
type Filter = (typeof PHASES)[number] | 'all';

const filterOf = (params: URLSearchParams): Filter => {
  const raw = params.get('phase');
  return PHASES.includes(raw as (typeof PHASES)[number]) ? (raw as Filter) : 'all';
};

const publicCalls = (filter: Filter) => ({
  queryKey: keys.publicCalls(filter),
  queryFn: () => listPublicCalls(filter === 'all' ? undefined : filter),
  // Loaded ahead for the first view (`prepare`): not asked for again as the page mounts.
  staleTime: 30_000,
});

/** Loads what the page shows first, so the app can take over the server's first view of it whole. */
export function prepare(client: QueryClient, params: URLSearchParams) {
  return client.prefetchQuery(publicCalls(filterOf(params)));
}

/** The published calls anyone can read: open and upcoming first, then closed; filtered by phase. */
export function PublicCallsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const filter = filterOf(params);
  const now = useNow();
  const calls = useQuery(publicCalls(filter));
  const title = filter === 'all' ? t('calls.publicTitle') : `${t('calls.publicTitle')}: ${t(`calls.filter.${filter}`)}`;

  return (
    <Page title={title} heading={t('calls.publicTitle')}>
      <p className="lead">{t('calls.publicIntro')}</p>
      <nav aria-label={t('calls.filterLabel')}>
        <ul className="filter-list">
          {(['all', ...PHASES] as Filter[]).map((f) => (
            <li key={f}>
              <Link to={f === 'all' ? '/calls' : `/calls?phase=${f}`} aria-current={f === filter ? 'page' : undefined} className="filter-link">
                {t(`calls.filter.${f}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {calls.isPending ? (
        <Loading />
      ) : calls.error ? (
        <LoadError error={calls.error} />
      ) : (
        <>
          <p className="result-count" role="status">
            {t('calls.count', { count: calls.data.calls.length })}
          </p>
          {calls.data.calls.length ? (
            <ul className="card-list call-list">
              {calls.data.calls.map((call) => {
                const phase = livePhase(call, now);
                return (
                  <li key={call.id} className="card call-card">
                    <h2 className="call-title">
                      <Link to={`/calls/${call.id}`}>
                        <Content>{call.title}</Content>
                      </Link>
                    </h2>
                    <Content as="p" className="call-funder">
                      {call.funderName}
                    </Content>
                    <p>
                      <PhaseBadge phase={phase} />
                    </p>
                    <dl className="facts facts-compact">
                      <div>
                        <dt>{t('callFields.amount')}</dt>
                        <dd>{kr(call.amount)}</dd>
                      </div>
                      {phase === 'upcoming' && call.opensOn ? (
                        <div>
                          <dt>{t('callFields.opensOn')}</dt>
                          <dd>{formatDate(call.opensOn)}</dd>
                        </div>
                      ) : null}
                      {call.deadline ? (
                        <div>
                          <dt>{t('callFields.deadline')}</dt>
                          <dd>{phase === 'closed' ? t('calls.deadlinePassed', { date: formatDate(call.deadline) }) : formatDate(call.deadline)}</dd>
                        </div>
                      ) : null}
                      {call.focusAreas.length ? (
                        <div>
                          <dt>{t('callFields.focusAreas')}</dt>
                          <dd>
                            <Content>{call.focusAreas.join(', ')}</Content>
                          </dd>
                        </div>
                      ) : null}
                    </dl>
                    {call.summary ? (
                      <Content as="p" className="call-summary">
                        {call.summary}
                      </Content>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p>{t(`calls.noneFound.${filter}`)}</p>
          )}
        </>
      )}
    </Page>
  );
}
