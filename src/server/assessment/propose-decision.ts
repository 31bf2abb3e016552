// Proposing a decision: the one place that checks who may, checks the amount against what was applied
// for and the screening (a grant only for an application screened eligible), keeps the proposal (every
// one is kept), tells the decision-makers as each chose and appends the audit entry.

import { audit } from '../../db/audit.ts';
import type { Ore } from '../../domain/money.ts';
import { policy } from '../../domain/roles.ts';
import { inScope } from '../applications/access.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { notify, recipientsOf } from '../notifications/notify.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { locateAsStaff } from './access.ts';
import { assessedApplication, latestScreening } from './store.ts';

/** Proposes an amount (0 proposes rejection) with reasons; answers the proposal as kept. */
export async function proposeDecision(
  ctx: AppContext,
  user: SignedInUser,
  id: string,
  { amount, reasons }: { amount: Ore; reasons: string },
  options: CommandOptions = {},
) {
  const located = await locateAsStaff(ctx, user, id, policy.assess);
  const now = clockOf(options);
  const committee = await recipientsOf(ctx, located.funderId, 'proposal_ready', { actorId: user.userId });
  return inScope(ctx, located, async (tx) => {
    const a = await assessedApplication(tx, located.id);
    if (a.status !== 'submitted') throw new Problem(409, 'application_withdrawn');
    const requested = a.content.amountRequested;
    if (amount > requested) throw fieldProblem(422, 'amount', 'amount_above_requested', { requested });
    if (!reasons.trim()) throw fieldProblem(422, 'reasons', 'required');
    const screening = await latestScreening(tx, a.id);
    if (amount > 0 && screening?.outcome !== 'eligible') throw fieldProblem(422, 'amount', screening ? 'grant_for_ineligible' : 'application_not_screened');
    const row = await tx
      .insertInto('decision_proposals')
      .values({
        funder_id: a.funder_id,
        call_id: a.call_id,
        application_id: a.id,
        amount,
        reasons: reasons.trim(),
        proposed_by: user.userId,
        proposed_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actorOf(user), {
      action: 'application.proposed',
      objectType: 'application',
      objectId: a.id,
      funderId: a.funder_id,
      organisationId: a.organisation_id,
      reason: auditReason(options),
      data: { amount, requested },
    });
    await notify(
      ctx,
      tx,
      options,
      committee,
      {
        event: 'proposal_ready',
        funderId: a.funder_id,
        objectId: a.id,
        link: `/applications/${a.id}/assessment#decision`,
        about: { caseNumber: a.caseNumber, title: a.content.title, organisationName: a.organisation_name, callTitle: a.rules.title },
      },
      now,
    );
    return row;
  });
}
