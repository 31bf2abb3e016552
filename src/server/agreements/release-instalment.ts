// An instalment that waits for an approved interim report becomes due when the report is approved: on
// the next bank day from the approval. Approving the report in Samverka does it (src/server/follow-up/
// approve-report.ts); for a report approved outside Samverka the caseworker records the approval here.
import type { Selectable } from 'kysely';
import { type Actor, audit } from '../../db/audit.ts';
import type { Tx } from '../../db/connection.ts';
import type { InstalmentsTable } from '../../db/schema.ts';
import { scoped } from '../../db/scope.ts';
import { type CalendarDate, dateInStockholm, isCalendarDate } from '../../domain/deadlines.ts';
import { dueOnFor } from '../../domain/payments/schedule.ts';
import { policy } from '../../domain/roles.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';

export type InstalmentRow = Selectable<InstalmentsTable>;

/**
 * Makes an instalment that waits for the interim report due, given the day the report was approved.
 * The caller has locked the instalment (FOR UPDATE) and decided the user may; this checks that it waits,
 * writes the due date and appends the audit entry, in the caller's transaction.
 */
export async function makeInstalmentDue(
  tx: Tx,
  actor: Actor,
  i: InstalmentRow,
  release: { reportApprovedOn: CalendarDate; by: string; at: Date; reportId?: string },
  options: CommandOptions = {},
): Promise<InstalmentRow> {
  if (i.condition !== 'after_interim_report') throw new Problem(409, 'instalment_not_conditional');
  if (i.status !== 'planned') throw new Problem(409, 'instalment_released');
  const a = await tx.selectFrom('agreements').select(['number', 'signed_at']).where('id', '=', i.agreement_id).executeTakeFirstOrThrow();
  const dueOn = dueOnFor('after_interim_report', {
    signedOn: a.signed_at ? dateInStockholm(a.signed_at) : null,
    reportApprovedOn: release.reportApprovedOn,
    date: null,
  });
  const row = await tx
    .updateTable('instalments')
    .set({ status: 'due', due_on: dueOn, condition_date: release.reportApprovedOn, released_by: release.by, released_at: release.at })
    .where('id', '=', i.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(tx, actor, {
    action: 'instalment.released',
    objectType: 'agreement',
    objectId: i.agreement_id,
    funderId: i.funder_id,
    organisationId: i.organisation_id,
    reason: auditReason(options),
    data: {
      number: a.number,
      instalment: i.number,
      amount: i.amount,
      reportApprovedOn: release.reportApprovedOn,
      dueOn,
      ...(release.reportId ? { reportId: release.reportId } : {}),
    },
  });
  return row;
}

export async function releaseInstalment(
  ctx: AppContext,
  user: SignedInUser,
  instalmentId: string,
  input: { reportApprovedOn: string },
  options: CommandOptions = {},
) {
  const found = await ctx.db.kysely.selectFrom('instalments').select(['funder_id']).where('id', '=', instalmentId).executeTakeFirst();
  if (!found || !policy.readFunder(user, found.funder_id)) throw new Problem(404, 'not_found');
  if (!policy.draftAgreement(user, found.funder_id)) throw new Problem(403, 'forbidden');
  const now = clockOf(options);
  if (!isCalendarDate(input.reportApprovedOn)) throw fieldProblem(422, 'reportApprovedOn', 'invalid_date');
  if (input.reportApprovedOn > dateInStockholm(now)) throw fieldProblem(422, 'reportApprovedOn', 'date_in_future');
  return scoped(ctx.db, scopeOf(user, found.funder_id), async (tx) => {
    const i = await tx.selectFrom('instalments').selectAll().where('id', '=', instalmentId).forUpdate().executeTakeFirstOrThrow();
    return makeInstalmentDue(tx, actorOf(user), i, { reportApprovedOn: input.reportApprovedOn, by: user.userId, at: now }, options);
  });
}
