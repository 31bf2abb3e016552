// Publishing a draft call: the one place that checks who may, takes the budget guard's locks (the
// call's line, then the call), checks the call has every part it needs and fits its line, publishes it
// and appends the audit entry. From then on it shows on the public pages.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { publishProblems } from '../../domain/calls/rules.ts';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { policy } from '../../domain/roles.ts';
import { availableOnLine, lockCall } from '../budget/guard.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';
import { callFunder } from './access.ts';

/** Publishes a draft call; answers the call as published. */
export async function publishCall(ctx: AppContext, user: SignedInUser, id: string, options: CommandOptions = {}) {
  const { funderId, funderName } = await callFunder(ctx, user, id, policy.designCalls);
  const now = clockOf(options);
  const row = await scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
    const current = await lockCall(tx, id);
    if (current.status !== 'draft') throw new Problem(409, 'call_published');
    const problems = publishProblems(current.rules, {
      lineAvailable: await availableOnLine(tx, funderId, current.budget_line_id, id),
      today: dateInStockholm(now),
    });
    if (problems.length) throw rulesProblem(problems, 'publish_incomplete');
    const row = await tx
      .updateTable('calls')
      .set({ status: 'published', published_at: now, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actorOf(user), {
      action: 'call.published',
      objectType: 'call',
      objectId: id,
      funderId,
      reason: auditReason(options),
      data: { title: row.title, deadline: row.deadline },
    });
    return row;
  });
  return { row, funderId, funderName };
}
