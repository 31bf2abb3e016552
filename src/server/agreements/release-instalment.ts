// An instalment that waits for an approved interim report becomes due when the caseworker records
// that the report is approved: on the next bank day from the approval.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { dateInStockholm, isCalendarDate } from '../../domain/deadlines.ts';
import { dueOnFor } from '../../domain/payments/schedule.ts';
import { policy } from '../../domain/roles.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';

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
    if (i.condition !== 'after_interim_report') throw new Problem(409, 'instalment_not_conditional');
    if (i.status !== 'planned') throw new Problem(409, 'instalment_released');
    const a = await tx.selectFrom('agreements').select(['number', 'signed_at', 'application_id']).where('id', '=', i.agreement_id).executeTakeFirstOrThrow();
    const dueOn = dueOnFor('after_interim_report', {
      signedOn: a.signed_at ? dateInStockholm(a.signed_at) : null,
      reportApprovedOn: input.reportApprovedOn,
      date: null,
    });
    const row = await tx
      .updateTable('instalments')
      .set({ status: 'due', due_on: dueOn, condition_date: input.reportApprovedOn, released_by: user.userId, released_at: now })
      .where('id', '=', i.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actorOf(user), {
      action: 'instalment.released',
      objectType: 'agreement',
      objectId: i.agreement_id,
      funderId: i.funder_id,
      organisationId: i.organisation_id,
      reason: auditReason(options),
      data: { number: a.number, instalment: i.number, amount: i.amount, reportApprovedOn: input.reportApprovedOn, dueOn },
    });
    return row;
  });
}
