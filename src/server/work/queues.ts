// What needs a staff member: the queues of work waiting for them at one funder, each one statement that
// answers its count and its oldest items together, so the start page costs one query per queue.
import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '../../db/connection.ts';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { type FunderRole, hasFunderRole, policy } from '../../domain/roles.ts';
import { overdueOn, toReview } from '../follow-up/list.ts';
import type { SignedInUser } from '../plugins/session.ts';

export const WORK_QUEUES = [
  'eligibility_approvals',
  'applications_to_screen',
  'completions_answered',
  'reviews_assigned',
  'proposals_to_decide',
  'agreements_to_sign',
  'runs_to_approve',
  'accounts_to_approve',
  'reports_to_review',
  'reports_overdue',
] as const;
export type WorkQueue = (typeof WORK_QUEUES)[number];

export interface WorkItem {
  id: string;
  caseNumber: string | null;
  title: string | null;
  organisationName: string;
  since: string;
  link: string;
}

export interface QueueAnswer {
  queue: WorkQueue;
  count: number;
  items: WorkItem[];
  /** The page that lists the whole queue. */
  all: string;
}

interface Row {
  id: string;
  case_number: string | null;
  title: string | null;
  organisation_name: string;
  since: Date;
  total: string | number;
}

/** An application's case that needs deciding is not one that was decided (any decision, current or superseded). */
const undecided = sql`not exists (select 1 from decisions d where d.application_id = a.id)`;

function queueSql(queue: WorkQueue, funderId: string, userId: string): RawBuilder<Row> {
  switch (queue) {
    // Requests for approval as eligible for grants that wait for a caseworker's decision.
    case 'eligibility_approvals':
      return sql<Row>`
        select e.id, null as case_number, null as title, o.name as organisation_name, e.submitted_at as since
        from eligibility_approvals e join organisations o on o.id = e.organisation_id
        where e.funder_id = ${funderId} and e.status = 'submitted'`;
    // Received and not yet screened, with no completion round begun (those wait for the applicant or are answered below).
    case 'applications_to_screen':
      return sql<Row>`
        select a.id, a.case_number, a.title, a.organisation_name, a.submitted_at as since
        from applications a
        where a.funder_id = ${funderId} and a.status = 'submitted' and ${undecided}
          and not exists (select 1 from screenings s where s.application_id = a.id)
          and not exists (select 1 from completion_requests c where c.application_id = a.id and c.report_id is null)`;
    // The applicant has answered every completion request, and nobody has screened the application since.
    case 'completions_answered':
      return sql<Row>`
        select a.id, a.case_number, a.title, a.organisation_name, c.answered_at as since
        from applications a
        join lateral (select max(r.answered_at) as answered_at, bool_and(r.answered_at is not null) as all_answered
                      from completion_requests r where r.application_id = a.id and r.report_id is null) c on c.all_answered
        where a.funder_id = ${funderId} and a.status = 'submitted' and ${undecided}
          and not exists (select 1 from screenings s where s.application_id = a.id and s.screened_at >= c.answered_at)`;
    // The person's own assignments, not submitted and not declined for a conflict of interest (jäv).
    case 'reviews_assigned':
      return sql<Row>`
        select a.id, a.case_number, a.title, a.organisation_name, r.assigned_at as since
        from review_assignments r join applications a on a.id = r.application_id
        where r.funder_id = ${funderId} and r.reviewer_id = ${userId} and r.submitted_at is null
          and r.conflict is distinct from 'conflict' and a.status = 'submitted' and ${undecided}`;
    // Proposed by the caseworker, with no decision yet: the committee's list of cases.
    case 'proposals_to_decide':
      return sql<Row>`
        select a.id, a.case_number, a.title, a.organisation_name, p.proposed_at as since
        from applications a
        join lateral (select max(x.proposed_at) as proposed_at from decision_proposals x where x.application_id = a.id) p on p.proposed_at is not null
        where a.funder_id = ${funderId} and a.status = 'submitted' and ${undecided}`;
    // Drafts the association has signed as they stand, waiting for the funder's delegate.
    case 'agreements_to_sign':
      return sql<Row>`
        select g.id, a.case_number, g.number as title, a.organisation_name, s.signed_at as since
        from agreements g join applications a on a.id = g.application_id
        join agreement_signatures s on s.agreement_id = g.id and s.party = 'organisation' and s.content_sha256 = g.content_sha256
        where g.funder_id = ${funderId} and g.status = 'draft'`;
    // Prepared runs waiting for the second attest, from someone other than who prepared them.
    case 'runs_to_approve':
      return sql<Row>`
        select r.id, null as case_number, r.number as title, u.name as organisation_name, r.prepared_at as since
        from payment_runs r join users u on u.id = r.prepared_by
        where r.funder_id = ${funderId} and r.status = 'prepared' and r.prepared_by <> ${userId}`;
    // New payout accounts waiting for approval by someone other than who entered them.
    case 'accounts_to_approve':
      return sql<Row>`
        select p.id, null as case_number, null as title, o.name as organisation_name, p.requested_at as since
        from payout_accounts p join organisations o on o.id = p.organisation_id
        where p.funder_id = ${funderId} and p.status = 'pending' and p.requested_by is distinct from ${userId}`;
    // Follow-up reports the association has submitted (or answered a completion round on), waiting for the caseworker.
    case 'reports_to_review':
      return sql<Row>`
        select r.id, a.case_number, a.title, a.organisation_name, r.submitted_at as since
        from follow_up_reports r join applications a on a.id = r.application_id
        where r.funder_id = ${funderId} and ${toReview}`;
    // Reports still in draft after their due date (isOverdue), the longest overdue first: since the day after the due date.
    case 'reports_overdue':
      return sql<Row>`
        select r.id, a.case_number, a.title, a.organisation_name, (r.due_on + 1)::timestamp at time zone 'Europe/Stockholm' as since
        from follow_up_reports r join applications a on a.id = r.application_id
        where r.funder_id = ${funderId} and ${overdueOn(dateInStockholm(new Date()))}`;
  }
}

function linkOf(queue: WorkQueue, funderId: string, id: string): string {
  if (queue === 'eligibility_approvals') return `/funders/${funderId}/eligibility`;
  if (queue === 'reviews_assigned') return `/applications/${id}/review`;
  if (queue === 'proposals_to_decide') return `/applications/${id}/assessment#decision`;
  if (queue === 'agreements_to_sign') return `/agreements/${id}`;
  if (queue === 'runs_to_approve') return `/payment-runs/${id}`;
  if (queue === 'accounts_to_approve') return `/funders/${funderId}/payments#accounts`;
  if (queue === 'reports_to_review' || queue === 'reports_overdue') return `/reports/${id}`;
  return `/applications/${id}/assessment`;
}

const ALL: Record<WorkQueue, (funderId: string) => string> = {
  eligibility_approvals: (f) => `/funders/${f}/eligibility`,
  applications_to_screen: (f) => `/funders/${f}/applications?status=submitted&sort=submitted_asc`,
  completions_answered: (f) => `/funders/${f}/applications?status=submitted&sort=submitted_asc`,
  reviews_assigned: () => '/reviews',
  proposals_to_decide: (f) => `/funders/${f}/applications?status=undecided&sort=submitted_asc`,
  agreements_to_sign: (f) => `/funders/${f}/payments`,
  runs_to_approve: (f) => `/funders/${f}/payments#runs`,
  accounts_to_approve: (f) => `/funders/${f}/payments#accounts`,
  reports_to_review: (f) => `/funders/${f}/reports?status=to_review`,
  reports_overdue: (f) => `/funders/${f}/reports?status=overdue`,
};

/**
 * The queues a person's roles at the funder give them: a caseworker's approvals, screening, answered
 * completions, reports to review and overdue reports (shown when there are some), a decision-maker's proposals; and the reviews assigned to anyone who may review (always
 * shown to a reviewer, to others only when there are some).
 */
export function queuesFor(user: SignedInUser, funderId: string): { queue: WorkQueue; hideEmpty: boolean }[] {
  const has = (role: FunderRole) => hasFunderRole(user, funderId, role);
  const queues: { queue: WorkQueue; hideEmpty: boolean }[] = [];
  if (has('caseworker'))
    queues.push(
      { queue: 'eligibility_approvals', hideEmpty: false },
      { queue: 'applications_to_screen', hideEmpty: false },
      { queue: 'completions_answered', hideEmpty: false },
      { queue: 'reports_to_review', hideEmpty: false },
      { queue: 'reports_overdue', hideEmpty: true },
    );
  if (policy.mayReview(user, funderId)) queues.push({ queue: 'reviews_assigned', hideEmpty: !has('reviewer') });
  if (has('decision_maker')) queues.push({ queue: 'proposals_to_decide', hideEmpty: false }, { queue: 'agreements_to_sign', hideEmpty: true });
  if (has('finance')) queues.push({ queue: 'runs_to_approve', hideEmpty: false }, { queue: 'accounts_to_approve', hideEmpty: false });
  return queues;
}

/** One queue: its count and its oldest `limit` items, in one statement. */
export async function readQueue(tx: Tx, queue: WorkQueue, funderId: string, userId: string, limit: number): Promise<QueueAnswer> {
  const { rows } = await sql<Row>`
    select q.*, count(*) over () as total from (${queueSql(queue, funderId, userId)}) q
    order by q.since, q.id
    limit ${limit}`.execute(tx);
  return {
    queue,
    count: rows.length ? Number(rows[0].total) : 0,
    items: rows.map((r) => ({
      id: r.id,
      caseNumber: r.case_number,
      title: r.title,
      organisationName: r.organisation_name,
      since: new Date(r.since).toISOString(),
      link: linkOf(queue, funderId, r.id),
    })),
    all: ALL[queue](funderId),
  };
}
