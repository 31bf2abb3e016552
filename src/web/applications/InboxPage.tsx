import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { INBOX_STATUSES } from '../../domain/applications/types.ts';
import { isDecisionOutcome } from '../../domain/assessment/types.ts';
import { LEGAL_FORMS } from '../../domain/organisation.ts';
import { listFunderCalls } from '../calls/api.ts';
import { kr } from '../calls/format.ts';
import { SelectField, TextField } from '../components/fields.tsx';
import { useFunder } from '../components/funder.ts';
import { LoadError, Loading, Page } from '../components/page.tsx';
import { keys } from '../queryKeys.ts';
import { type InboxQuery, inboxExportUrl, listInbox } from './api.ts';
import { dateTime } from './format.ts';
import { StatusBadge } from './StatusBadge.tsx';

const FILTERS = ['callId', 'status', 'area', 'focus', 'orgType', 'q', 'sort'] as const;
const SORTS = ['submitted_desc', 'submitted_asc', 'amount_desc', 'amount_asc', 'organisation'] as const;
const PAGE = 25;

/** The caseworker's inbox: received applications, filtered and searched, a page at a time, and as CSV or Excel. */
export function InboxPage() {
  const { t } = useTranslation();
  const { funderId = '' } = useParams();
  const funder = useFunder(funderId);
  const [params, setParams] = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const filters = new URLSearchParams();
  for (const k of FILTERS) {
    const v = params.get(k)?.trim();
    if (v) filters.set(k, v);
  }
  const query = filters.toString();
  const calls = useQuery({
    queryKey: keys.funderCalls(funderId),
    queryFn: () => listFunderCalls(funderId),
  });
  const inbox = useInfiniteQuery({
    queryKey: keys.inbox(funderId, query),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      // The filters come from the address bar as typed; the server refuses one it does not know.
      const q = { ...(Object.fromEntries(filters) as InboxQuery), limit: PAGE, ...(pageParam ? { after: pageParam } : {}) };
      return listInbox(funderId, q);
    },
    getNextPageParam: (last) => last.next,
  });
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  // After "Show more", focus goes to the first new row once it is rendered (not before: the button it leaves may be gone).
  const focusRow = useRef<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when rows are added
  useEffect(() => {
    if (focusRow.current === null) return;
    const row = document.getElementById(`inbox-row-${focusRow.current}`);
    if (!row) return;
    focusRow.current = null;
    row.focus();
  }, [items.length]);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const k of FILTERS) {
      const v = String(data.get(k) ?? '').trim();
      if (v) next.set(k, v);
    }
    setParams(next);
  }

  // The first page names the areas and focus areas received applications mention; the calls' own focus areas fill in before it arrives.
  const facets = inbox.data?.pages[0]?.facets;
  const focusAreas = facets?.focusAreas ?? [...new Set((calls.data?.calls ?? []).flatMap((c) => c.focusAreas))];
  const areas = [...new Set([...(facets?.areas ?? []), ...(params.get('area') ? [params.get('area') as string] : [])])];
  const title = t('inbox.title');
  return (
    <Page title={funder.name ? `${title} – ${funder.name}` : title} heading={title}>
      {funder.name ? <p className="lead">{funder.name}</p> : null}
      <form ref={formRef} onSubmit={apply} className="form filter-form" aria-labelledby="filter-heading" key={query}>
        <h2 id="filter-heading" className="visually-hidden">
          {t('inbox.filters')}
        </h2>
        <TextField id="inbox-q" name="q" type="search" label={t('inbox.search')} hint={t('inbox.searchHint')} defaultValue={params.get('q') ?? ''} />
        <div className="filter-grid">
          <SelectField
            id="inbox-call"
            name="callId"
            label={t('inbox.call')}
            placeholder={t('inbox.all')}
            defaultValue={params.get('callId') ?? ''}
            options={(calls.data?.calls ?? []).filter((c) => c.status === 'published').map((c) => ({ value: c.id, label: c.title }))}
          />
          <SelectField
            id="inbox-status"
            name="status"
            label={t('inbox.status')}
            placeholder={t('inbox.all')}
            defaultValue={params.get('status') ?? ''}
            options={INBOX_STATUSES.map((s) => ({
              value: s,
              label: isDecisionOutcome(s) ? t(`assessment.outcome.${s}`) : t(`application.status.${s}`),
            }))}
          />
          <SelectField
            id="inbox-area"
            name="area"
            label={t('inbox.area')}
            placeholder={t('inbox.all')}
            defaultValue={params.get('area') ?? ''}
            options={areas.map((a) => ({ value: a, label: a }))}
          />
          <SelectField
            id="inbox-focus"
            name="focus"
            label={t('inbox.focus')}
            placeholder={t('inbox.all')}
            defaultValue={params.get('focus') ?? ''}
            options={focusAreas.map((f) => ({ value: f, label: f }))}
          />
          <SelectField
            id="inbox-orgType"
            name="orgType"
            label={t('inbox.orgType')}
            placeholder={t('inbox.all')}
            defaultValue={params.get('orgType') ?? ''}
            options={LEGAL_FORMS.map((f) => ({ value: f, label: t(`legalForms.${f}`) }))}
          />
          <SelectField
            id="inbox-sort"
            name="sort"
            label={t('inbox.sort')}
            defaultValue={params.get('sort') ?? 'submitted_desc'}
            options={SORTS.map((s) => ({ value: s, label: t(`inbox.sorts.${s}`) }))}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('inbox.apply')}
          </button>
          {query ? (
            <Link to={`/funders/${funderId}/applications`} className="button button-secondary">
              {t('inbox.clear')}
            </Link>
          ) : null}
        </div>
      </form>
      <p className="inline-links">
        <a href={inboxExportUrl(funderId, 'csv', Object.fromEntries(filters))} download>
          {t('inbox.csv')}
        </a>{' '}
        <a href={inboxExportUrl(funderId, 'xlsx', Object.fromEntries(filters))} download>
          {t('inbox.xlsx')}
        </a>
      </p>
      {inbox.error ? (
        <LoadError error={inbox.error} />
      ) : inbox.isPending ? (
        <Loading />
      ) : (
        <>
          <p className="result-count" role="status">
            {inbox.hasNextPage ? t('inbox.countMore', { count: items.length }) : t('inbox.count', { count: items.length })}
          </p>
          {items.length ? (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
            <section className="table-wrap" aria-label={t('inbox.caption')} tabIndex={0}>
              <table className="table inbox-table">
                <caption id="inbox-caption">{t('inbox.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('application.caseNumber')}</th>
                    <th scope="col">{t('inbox.organisation')}</th>
                    <th scope="col">{t('application.fields.title')}</th>
                    <th scope="col" className="numeric">
                      {t('inbox.amount')}
                    </th>
                    <th scope="col">{t('inbox.areas')}</th>
                    <th scope="col">{t('application.received')}</th>
                    <th scope="col">{t('inbox.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((a, i) => (
                    <tr key={a.id}>
                      <th scope="row">
                        <Link to={`/applications/${a.id}`} id={`inbox-row-${i}`}>
                          {a.caseNumber ?? t('common.notGiven')}
                        </Link>
                      </th>
                      <td>{a.organisationName}</td>
                      <td>{a.title}</td>
                      <td className="numeric">{kr(a.amountRequested)}</td>
                      <td>{a.areas.join(', ')}</td>
                      <td>{a.submittedAt ? dateTime(a.submittedAt) : ''}</td>
                      <td>
                        <StatusBadge status={a.status} awaiting={a.awaitingCompletion} decision={a.decision} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : (
            <p>{t('inbox.empty')}</p>
          )}
          {inbox.hasNextPage ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={inbox.isFetchingNextPage}
              onClick={() => {
                focusRow.current = items.length;
                void inbox.fetchNextPage();
              }}
            >
              {t('inbox.more')}
            </button>
          ) : null}
        </>
      )}
    </Page>
  );
}
