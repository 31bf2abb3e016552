// A prepared run that is not to be sent is cancelled: its instalments are due again.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { policy } from '../../domain/roles.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { locateRun } from './approve-run.ts';
import { lockPaymentSettings } from './prepare-run.ts';

export async function cancelRun(ctx: AppContext, user: SignedInUser, runId: string, reason: string | null, options: CommandOptions = {}) {
  const funderId = await locateRun(ctx, user, runId);
  if (!policy.managePayments(user, funderId)) throw new Problem(403, 'forbidden');
  const now = clockOf(options);
  return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
    await lockPaymentSettings(tx, funderId);
    const run = await tx.selectFrom('payment_runs').selectAll().where('id', '=', runId).forUpdate().executeTakeFirstOrThrow();
    if (run.status !== 'prepared') throw new Problem(409, 'run_not_prepared');
    const withdrawn = await tx
      .updateTable('payments')
      .set({ status: 'withdrawn' })
      .where('run_id', '=', runId)
      .where('status', '=', 'in_run')
      .returning('instalment_id')
      .execute();
    const ids = withdrawn.map((w) => w.instalment_id);
    for (let k = 0; k < ids.length; k += 1000)
      await tx
        .updateTable('instalments')
        .set({ status: 'due' })
        .where('id', 'in', ids.slice(k, k + 1000))
        .execute();
    const row = await tx
      .updateTable('payment_runs')
      .set({ status: 'cancelled', cancelled_by: user.userId, cancelled_at: now })
      .where('id', '=', runId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actorOf(user), {
      action: 'payment_run.cancelled',
      objectType: 'payment_run',
      objectId: runId,
      funderId,
      reason: auditReason(options, reason?.trim() || null),
      data: { number: run.number, count: run.count, total: run.total },
    });
    return row;
  });
}
