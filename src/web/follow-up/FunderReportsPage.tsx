// The funder's follow-up reports for its staff: those to review, the overdue ones or all, the overdue
// first; the start page's report queues link here with their filter in the address.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { dateTime } from '../applications/format.ts';
import { formatDate } from '../calls/format.ts';
import { useFunder } from '../components/funder.ts';
import { LoadError, Loading, Page } from '../components/page.tsx';
import { keys } from '../queryKeys.ts';
import { type FunderReportFilter, listFunderReports } from './api.ts';
import { ReportStatus, useReportName } from './parts.tsx';

const FILTERS = ['to_review', 'overdue', 'all'] as const satisfies readonly FunderReportFilter[];

export function FunderReportsPage() {
  const { t } = useTranslation();
  const name = useReportName();
  const { funderId = '' } = useParams();
  const [params] = useSearchParams();
  const funder = useFunder(funderId);
  const raw = params.get('status');
  const filter: FunderReportFilter = FILTERS.includes(raw as FunderReportFilter) ? (raw as FunderReportFilter) : 'all';
  const data = useQuery({
    queryKey: keys.reports.ofFunder(funderId, filter),
    queryFn: () => listFunderReports(funderId, filter),
    retry: false,
  });
  const title = t('report.funder.title');
  const caption = t(`report.funder.caption.${filter}`);
  return (
    <Page title={funder.name ? `${title} – ${funder.name}` : title} heading={title}>
      {funder.name ? <p className="lead">{funder.name}</p> : null}
      <p>{t('report.funder.intro')}</p>
      <nav aria-label={t('report.funder.filterLabel')}>
        <ul className="filter-list">
          {FILTERS.map((x) => (
            <li key={x}>
              <Link
                to={x === 'all' ? `/funders/${funderId}/reports` : `/funders/${funderId}/reports?status=${x}`}
                aria-current={x === filter ? 'page' : undefined}
                className="filter-link"
              >
                {t(`report.funder.filter.${x}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {data.isPending ? (
        <Loading />
      ) : data.error ? (
        <LoadError error={data.error} />
      ) : (
        <>
          <p className="result-count" role="status">
            {data.data.count > data.data.reports.length
              ? t('report.funder.countMore', { count: data.data.count, shown: data.data.reports.length })
              : t('report.funder.count', { count: data.data.count })}
          </p>
          {data.data.reports.length ? (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
            <section className="table-wrap" aria-label={caption} tabIndex={0}>
              <table className="table">
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('report.funder.report')}</th>
                    <th scope="col">{t('report.facts.caseNumber')}</th>
                    <th scope="col">{t('report.funder.organisation')}</th>
                    <th scope="col">{t('report.funder.project')}</th>
                    <th scope="col">{t('report.facts.status')}</th>
                    <th scope="col">{t('report.facts.dueOn')}</th>
                    <th scope="col">{t('report.facts.submitted')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.data.reports.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        <Link to={`/reports/${r.id}`}>
                          {name(r)}, {t('report.agreementN', { number: r.agreementNumber })}
                        </Link>
                      </th>
                      <td>{r.caseNumber}</td>
                      <td>{r.organisationName}</td>
                      <td>{r.title}</td>
                      <td>
                        <ReportStatus report={r} />
                      </td>
                      <td>
                        <time dateTime={r.dueOn}>{formatDate(r.dueOn)}</time>
                      </td>
                      <td>{r.submittedAt ? dateTime(r.submittedAt) : t('report.funder.notSubmitted')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : (
            <p>{t(`report.funder.empty.${filter}`)}</p>
          )}
        </>
      )}
    </Page>
  );
}
