import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../calls/format.ts';

/** An overdue follow-up report of an agreement, as the API names it. */
export interface OverdueReport {
  id: string;
  kind: 'interim' | 'final';
  dueOn: string;
}

/** Says that nothing is paid on the agreement until its overdue report is in, with the way to the report. */
export function ReportHoldNotice({ report, heading = true }: { report: OverdueReport; heading?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-warning">
      <p>
        {heading ? <strong>{t('agreement.hold.heading')} </strong> : null}
        {t(`agreement.hold.reportOverdue.${report.kind}`, { date: formatDate(report.dueOn) })}
      </p>
      <p>
        <Link to={`/reports/${report.id}`}>{t('agreement.hold.openReport')}</Link>
      </p>
    </div>
  );
}
