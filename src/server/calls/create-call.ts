// Creating a call as a draft: the one place that checks who may, locks the budget line the call will
// draw on before checking its amount against what is left on the line, writes the call and appends the
// audit entry.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { draftProblems } from '../../domain/calls/rules.ts';
import type { CallRules } from '../../domain/calls/types.ts';
import { policy } from '../../domain/roles.ts';
import { availableOnLine, lockNewCallLine } from '../budget/guard.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';
import { columnsOf } from './store.ts';

/** Creates a draft call for a funder; answers the call as stored. */
export async function createCall(ctx: AppContext, user: SignedInUser, funderId: string, rules: CallRules, options: CommandOptions = {}) {
  if (!policy.designCalls(user, funderId)) throw new Problem(403, 'forbidden');
  const now = clockOf(options);
  return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
    await lockNewCallLine(tx, rules.budgetLineId);
    const problems = draftProblems(rules, { lineAvailable: await availableOnLine(tx, funderId, rules.budgetLineId, null) });
    if (problems.length) throw rulesProblem(problems);
    const row = await tx
      .insertInto('calls')
      .values({ funder_id: funderId, created_by: user.userId, created_at: now, updated_at: now, ...columnsOf(rules) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actorOf(user), {
      action: 'call.created',
      objectType: 'call',
      objectId: row.id,
      funderId,
      reason: auditReason(options),
      data: { title: row.title, amount: row.amount },
    });
    const funder = await tx.selectFrom('funders').select('name').where('id', '=', funderId).executeTakeFirstOrThrow();
    return { row, funderId, funderName: funder.name };
  });
}
