// Who the user is to a follow-up report: a member of the reporting organisation or staff of the funder;
// anyone else is told it does not exist.
import type { Selectable } from 'kysely';
import type { Tx } from '../../db/connection.ts';
import type { FollowUpReportsTable } from '../../db/schema.ts';
import { type Scope, scoped } from '../../db/scope.ts';
import { policy } from '../../domain/roles.ts';
import { partyAccess } from '../agreements/store.ts';
import type { AppContext } from '../context.ts';
import type { SignedInUser } from '../plugins/session.ts';
import { Problem } from '../problem.ts';

export type ReportRow = Selectable<FollowUpReportsTable>;
export type ReportAccess = 'organisation' | 'staff';

export interface LocatedReport {
  id: string;
  funderId: string;
  organisationId: string;
  agreementId: string;
  applicationId: string;
  access: ReportAccess;
  scope: Scope;
}

export async function locateReport(ctx: AppContext, user: SignedInUser, id: string): Promise<LocatedReport> {
  // One statement as the owner, outside a transaction: who may see the row is decided below.
  const row = await ctx.db.kysely
    .selectFrom('follow_up_reports')
    .select(['id', 'funder_id', 'organisation_id', 'agreement_id', 'application_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new Problem(404, 'not_found');
  return {
    id: row.id,
    funderId: row.funder_id,
    organisationId: row.organisation_id,
    agreementId: row.agreement_id,
    applicationId: row.application_id,
    ...partyAccess(user, row),
  };
}

export function inReportScope<T>(ctx: AppContext, located: LocatedReport, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return scoped(ctx.db, located.scope, fn);
}

/** Only the organisation's members write the report. */
export function requireReporter(located: LocatedReport) {
  if (located.access !== 'organisation') throw new Problem(403, 'forbidden');
}

/** The caseworker follows the report up (approves, asks for more, moves its due date). */
export function requireCaseworker(user: SignedInUser, located: LocatedReport) {
  if (located.access !== 'staff' || !policy.draftAgreement(user, located.funderId)) throw new Problem(403, 'forbidden');
}

/** The report's row, locked for a change. */
export function lockReport(tx: Tx, id: string): Promise<ReportRow> {
  return tx.selectFrom('follow_up_reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}
