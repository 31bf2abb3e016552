// A funder's follow-up reports as the caseworker's list shows them: one statement for the whole list,
// and the conditions "to review" and "overdue" that the start page's queues count with the same words.
import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '../../db/connection.ts';
import type { CalendarDate } from '../../domain/deadlines.ts';
import { isOverdue, type ReportKind, type ReportStatus } from '../../domain/follow-up/reports.ts';

export const REPORT_FILTERS = ['to_review', 'overdue', 'all'] as const;
export type ReportFilter = (typeof REPORT_FILTERS)[number];

/** At most this many reports in one list; `count` says how many there are. */
export const REPORT_LIST_LIMIT = 500;

// Both conditions are written against the report as `r`, as the queues and the list name it.
/** Submitted (or submitted again after a completion round) and waiting for the caseworker. */
export const toReview: RawBuilder<boolean> = sql<boolean>`r.status = 'submitted'`;
/** Still a draft after its due date: `isOverdue` in SQL. */
export const overdueOn = (today: CalendarDate): RawBuilder<boolean> => sql<boolean>`(r.status = 'draft' and r.due_on < ${today})`;

interface Row {
  id: string;
  agreement_id: string;
  agreement_number: string;
  organisation_id: string;
  organisation_name: string;
  application_id: string;
  case_number: string | null;
  title: string;
  kind: ReportKind;
  status: ReportStatus;
  due_on: CalendarDate;
  submitted_at: Date | null;
  total: string | number;
}

/** The funder's reports the filter picks, the overdue first, each group by due date (the interim before the final on a day). */
export async function listFunderReports(tx: Tx, funderId: string, filter: ReportFilter, today: CalendarDate) {
  const overdue = overdueOn(today);
  const where = filter === 'to_review' ? toReview : filter === 'overdue' ? overdue : sql<boolean>`true`;
  const { rows } = await sql<Row>`
    select r.id, r.agreement_id, g.number as agreement_number, r.organisation_id, o.name as organisation_name,
           r.application_id, a.case_number, a.title, r.kind, r.status, r.due_on, r.submitted_at,
           count(*) over () as total
    from follow_up_reports r
    join agreements g on g.id = r.agreement_id
    join applications a on a.id = r.application_id
    join organisations o on o.id = r.organisation_id
    where r.funder_id = ${funderId} and ${where}
    order by ${overdue} desc, r.due_on, r.kind desc, a.case_number, r.id
    limit ${REPORT_LIST_LIMIT}`.execute(tx);
  return {
    count: rows.length ? Number(rows[0].total) : 0,
    reports: rows.map((r) => ({
      id: r.id,
      agreementId: r.agreement_id,
      agreementNumber: r.agreement_number,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      applicationId: r.application_id,
      caseNumber: r.case_number ?? '',
      title: r.title,
      kind: r.kind,
      status: r.status,
      dueOn: r.due_on,
      overdue: isOverdue({ status: r.status, dueOn: r.due_on }, today),
      submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    })),
  };
}
