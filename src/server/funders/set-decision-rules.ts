// Setting who decides a funder's grants: the one place that checks who may (its administrators), locks
// the funder, writes the committee's name and the delegation limit and appends the audit entry with
// what they were before.

import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import type { Ore } from '../../domain/money.ts';
import { auditReason, type CommandOptions } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem } from '../problem.ts';
import { requireAdmin } from './access.ts';

/** Sets the decision body and the most a delegate may decide alone; answers them as stored. */
export async function setDecisionRules(
  ctx: AppContext,
  user: SignedInUser,
  funderId: string,
  { decisionBody, delegationLimit }: { decisionBody: string; delegationLimit: Ore },
  options: CommandOptions = {},
) {
  requireAdmin(user, funderId);
  if (!decisionBody.trim()) throw fieldProblem(422, 'decisionBody', 'required');
  return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
    const before = await tx
      .selectFrom('funders')
      .select(['decision_body', 'delegation_limit'])
      .where('id', '=', funderId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await tx.updateTable('funders').set({ decision_body: decisionBody.trim(), delegation_limit: delegationLimit }).where('id', '=', funderId).execute();
    await audit(tx, actorOf(user), {
      action: 'funder.decision_rules_changed',
      objectType: 'funder',
      objectId: funderId,
      funderId,
      reason: auditReason(options),
      data: {
        before: { decisionBody: before.decision_body, delegationLimit: before.delegation_limit },
        after: { decisionBody: decisionBody.trim(), delegationLimit },
      },
    });
    return { decisionBody: decisionBody.trim(), delegationLimit };
  });
}
