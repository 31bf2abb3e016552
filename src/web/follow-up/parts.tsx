// Pieces of a follow-up report that its page and the lists of reports share: its name, its status in
// words, and when it is due (moved, overdue).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../calls/format.ts';
import { LoadError, Loading } from '../components/page.tsx';
import { keys } from '../queryKeys.ts';
import { listAgreementReports, listOrganisationReports, type Report } from './api.ts';

/** The status in words, with a badge that never carries the meaning by colour alone; an overdue draft says so. */
export function ReportStatus({ report }: { report: Pick<Report, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  const tone = { draft: 'badge-draft', submitted: 'badge-submitted', completion_requested: 'badge-needs', approved: 'badge-approved' }[report.status];
  return (
    <>
      <span className={`badge ${tone}`}>{t(`report.status.${report.status}`)}</span>
      {report.overdue ? (
        <>
          {' '}
          <span className="badge badge-rejected">{t('report.overdueBadge')}</span>
        </>
      ) : null}
    </>
  );
}

/** "Delrapport" / "Slutrapport" */
export function useReportName() {
  const { t } = useTranslation();
  return (r: Pick<Report, 'kind'>) => t(`report.kind.${r.kind}`);
}

/** When the report is due; a moved date says from what and why. */
export function DueText({ report }: { report: Pick<Report, 'dueOn' | 'plannedDueOn' | 'dueMovedReason'> }) {
  const { t } = useTranslation();
  return (
    <>
      <time dateTime={report.dueOn}>{formatDate(report.dueOn)}</time>
      {report.dueOn !== report.plannedDueOn ? (
        <span className="hint-inline">
          {' '}
          {report.dueMovedReason
            ? t('report.movedFrom', { date: formatDate(report.plannedDueOn), reason: report.dueMovedReason })
            : t('report.movedFromNoReason', { date: formatDate(report.plannedDueOn) })}
        </span>
      ) : null}
    </>
  );
}

function ReportCard({ report, withAgreement }: { report: Report; withAgreement: boolean }) {
  const { t } = useTranslation();
  const name = useReportName();
  const headingId = `report-card-${report.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={`/reports/${report.id}`}>
          {name(report)}
          {withAgreement ? `, ${t('report.agreementN', { number: report.agreementNumber })}` : null}
        </Link>
      </h3>
      {withAgreement ? <p>{report.title}</p> : null}
      <dl className="facts facts-compact">
        <div>
          <dt>{t('report.facts.status')}</dt>
          <dd>
            <ReportStatus report={report} />
          </dd>
        </div>
        <div>
          <dt>{t('report.facts.dueOn')}</dt>
          <dd>
            <DueText report={report} />
          </dd>
        </div>
      </dl>
      {report.can.edit && report.status === 'draft' ? (
        <p>
          <Link to={`/reports/${report.id}`} className="button">
            {t('report.list.write')}
            <span className="visually-hidden">: {name(report)}</span>
          </Link>
        </p>
      ) : null}
    </li>
  );
}

function ReportCards({ query, withAgreement }: { query: { isPending: boolean; error: unknown; data?: { reports: Report[] } }; withAgreement: boolean }) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.error) return <LoadError error={query.error} />;
  const list = query.data?.reports ?? [];
  if (!list.length) return <p>{t('report.list.none')}</p>;
  return (
    <ul className="card-list">
      {list.map((r) => (
        <ReportCard key={r.id} report={r} withAgreement={withAgreement} />
      ))}
    </ul>
  );
}

/** The agreement's follow-up reports, on the agreement's page. */
export function AgreementReports({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: keys.reports.ofAgreement(agreementId), queryFn: () => listAgreementReports(agreementId), retry: false });
  return (
    <section className="section" aria-labelledby="agreement-reports-heading">
      <h2 id="agreement-reports-heading">{t('report.list.heading')}</h2>
      <p className="hint">{t('report.list.intro')}</p>
      <ReportCards query={query} withAgreement={false} />
    </section>
  );
}

/** Every follow-up report of the organisation's agreements, the next due first: on its agreements and payments page. */
export function OrganisationReports({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: keys.reports.ofOrganisation(organisationId), queryFn: () => listOrganisationReports(organisationId), retry: false });
  const overdue = query.data?.reports.filter((r) => r.overdue).length ?? 0;
  return (
    <section className="section" aria-labelledby="organisation-reports-heading">
      <h2 id="organisation-reports-heading">{t('report.list.heading')}</h2>
      <p className="hint">{t('report.list.orgIntro')}</p>
      {overdue ? (
        <div className="notice notice-warning">
          <p>{t('report.list.overdue', { count: overdue })}</p>
        </div>
      ) : null}
      <ReportCards query={query} withAgreement />
    </section>
  );
}
