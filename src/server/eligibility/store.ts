import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/connection.ts';
import type { DB, EligibilityApprovalsTable } from '../../db/schema.ts';
import { type EligibilityEvidence, type LeadTime, usualLeadTime } from '../../domain/eligibility.ts';
import type { AppContext } from '../context.ts';

export type ApprovalRow = Selectable<EligibilityApprovalsTable>;

/** What an approval rests on, as the domain's rules read it. */
export const evidenceOf = (r: ApprovalRow): EligibilityEvidence => ({
  statutesFile: r.statutes_file,
  annualReportFile: r.annual_report_file,
  accountsFile: r.accounts_file,
  board: r.board,
  memberCount: r.member_count,
  payoutKind: r.payout_kind,
  payoutNumber: r.payout_number,
});

/** Eligibility approvals with their funder's and organisation's names. */
export function approvals(tx: Tx) {
  return tx
    .selectFrom('eligibility_approvals')
    .innerJoin('funders', 'funders.id', 'eligibility_approvals.funder_id')
    .innerJoin('organisations', 'organisations.id', 'eligibility_approvals.organisation_id')
    .selectAll('eligibility_approvals')
    .select(['funders.name as funderName', 'organisations.name as organisationName', 'organisations.org_number as organisationNumber']);
}

/**
 * The latest date the applying organisation is approved as eligible by the call's funder (null
 * without an approval), as a subquery of a statement over applications joined with calls.
 */
export function eligibleUntil(eb: ExpressionBuilder<DB, 'applications' | 'calls'>) {
  return eb
    .selectFrom('eligibility_approvals')
    .select((e) => e.fn.max('valid_until').as('until'))
    .whereRef('eligibility_approvals.funder_id', '=', 'calls.funder_id')
    .whereRef('eligibility_approvals.organisation_id', '=', 'applications.organisation_id')
    .where('eligibility_approvals.status', '=', 'approved')
    .as('eligible_until');
}

/** Who to tell about an organisation's case: its members (read outside the funder's scope, which cannot see them). */
export function organisationMembers(ctx: AppContext, organisationId: string) {
  // One plain statement as the owner: no transaction is needed for a single read.
  return ctx.db.kysely
    .selectFrom('organisation_memberships')
    .innerJoin('users', 'users.id', 'organisation_memberships.user_id')
    .select(['users.email', 'users.locale'])
    .where('organisation_memberships.organisation_id', '=', organisationId)
    .where('users.disabled_at', 'is', null)
    .execute();
}

/** How many of a funder's latest decided requests its usual pace is read from: recent practice, not the distant past. */
const LEAD_TIME_SAMPLE = 50;

/**
 * How long the funder usually takes to approve or reject an eligibility request: the waits, in days,
 * from the request (or its last completion) to the decision over its latest decided requests, through
 * the domain's rule. Only the aggregate leaves the database; read as the owner, since anyone may see it.
 */
export async function leadTimeOf(tx: Tx, funderId: string): Promise<LeadTime> {
  const rows = await tx
    .selectFrom('eligibility_approvals')
    .select(sql<number>`extract(epoch from (decided_at - submitted_at)) / 86400.0`.as('days'))
    .where('funder_id', '=', funderId)
    .where('status', 'in', ['approved', 'rejected'])
    .where('decided_at', 'is not', null)
    .orderBy('decided_at', 'desc')
    .limit(LEAD_TIME_SAMPLE)
    .execute();
  return usualLeadTime(rows.map((r) => Number(r.days)));
}
