// Changing a draft call: the one place that checks who may, takes the budget guard's locks (the lines
// the call draws on before and after, then the call), checks the rules against the line, writes the
// call and appends the audit entry with what changed. A published call changes only by amendment.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { diffRules } from '../../domain/calls/amend.ts';
import { draftProblems } from '../../domain/calls/rules.ts';
import type { CallRules } from '../../domain/calls/types.ts';
import { policy } from '../../domain/roles.ts';
import { availableOnLine, lockCall } from '../budget/guard.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';
import { callFunder } from './access.ts';
import { columnsOf } from './store.ts';

/** Replaces a draft call's rules; answers the call as it now stands. */
export async function updateCall(ctx: AppContext, user: SignedInUser, id: string, rules: CallRules, options: CommandOptions = {}) {
  const { funderId, funderName } = await callFunder(ctx, user, id, policy.designCalls);
  const now = clockOf(options);
  const row = await scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
    const current = await lockCall(tx, id, rules.budgetLineId);
    if (current.status !== 'draft') throw new Problem(409, 'call_published');
    const problems = draftProblems(rules, { lineAvailable: await availableOnLine(tx, funderId, rules.budgetLineId, id) });
    if (problems.length) throw rulesProblem(problems);
    const row = await tx
      .updateTable('calls')
      .set({ ...columnsOf(rules), updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const changes = diffRules(current.rules, rules);
    await audit(tx, actorOf(user), {
      action: 'call.draft_updated',
      objectType: 'call',
      objectId: id,
      funderId,
      reason: auditReason(options),
      data: { changed: Object.keys(changes) },
    });
    return row;
  });
  return { row, funderId, funderName };
}
