// Money paid back on a recovery is recorded by finance when it arrives; never more than is owed.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { dateInStockholm, isCalendarDate } from '../../domain/deadlines.ts';
import type { Ore } from '../../domain/money.ts';
import { policy } from '../../domain/roles.ts';
import { lockApplication } from '../budget/guard.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { ledgerDims, postEvent } from '../ledger/store.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';

export async function recordRepayment(
  ctx: AppContext,
  user: SignedInUser,
  recoveryId: string,
  input: { amount: Ore; receivedOn: string },
  options: CommandOptions = {},
) {
  const found = await ctx.db.kysely
    .selectFrom('recoveries as r')
    .innerJoin('agreements as g', 'g.id', 'r.agreement_id')
    .select(['r.funder_id', 'r.number', 'r.amount', 'r.organisation_id', 'g.application_id', 'g.call_id', 'g.id as agreement_id'])
    .where('r.id', '=', recoveryId)
    .executeTakeFirst();
  if (!found || !policy.readFunder(user, found.funder_id)) throw new Problem(404, 'not_found');
  if (!policy.managePayments(user, found.funder_id)) throw new Problem(403, 'forbidden');
  const now = clockOf(options);
  if (!isCalendarDate(input.receivedOn)) throw fieldProblem(422, 'receivedOn', 'invalid_date');
  if (input.receivedOn > dateInStockholm(now)) throw fieldProblem(422, 'receivedOn', 'date_in_future');
  return scoped(ctx.db, scopeOf(user, found.funder_id), async (tx) => {
    await lockApplication(tx, found.call_id, found.application_id);
    // What this recovery still has owing: its amount less what has come back on it.
    const back = await tx
      .selectFrom('recovery_repayments')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string | number>('amount'), eb.lit(0)).as('sum'))
      .where('recovery_id', '=', recoveryId)
      .executeTakeFirstOrThrow();
    const owing = found.amount - Number(back.sum);
    if (input.amount > owing) throw fieldProblem(422, 'amount', 'ledger_exceeds_owed', { left: owing });
    const id = crypto.randomUUID();
    await postEvent(tx, await ledgerDims(tx, found.application_id), { kind: 'repay', amount: input.amount }, true, {
      source: 'repayment',
      sourceId: id,
      at: now,
      by: user.userId,
    });
    const row = await tx
      .insertInto('recovery_repayments')
      .values({
        id,
        funder_id: found.funder_id,
        recovery_id: recoveryId,
        amount: input.amount,
        received_on: input.receivedOn,
        recorded_by: user.userId,
        recorded_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actorOf(user), {
      action: 'recovery.repaid',
      objectType: 'agreement',
      objectId: found.agreement_id,
      funderId: found.funder_id,
      organisationId: found.organisation_id,
      reason: auditReason(options),
      data: { number: found.number, amount: input.amount, receivedOn: input.receivedOn, owingBefore: owing },
    });
    return row;
  });
}
