// Screening a submitted application: the one place that checks who may, applies the call's rules to
// the submitted version, takes the caseworker's confirmation or override of each (an override needs a
// reason), keeps the screening (every one is kept) and appends the audit entry.
import { audit } from '../../db/audit.ts';
import { type ScreeningChoice, settleScreening } from '../../domain/assessment/screening.ts';
import { policy } from '../../domain/roles.ts';
import { inScope } from '../applications/access.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';
import { locateAsStaff } from './access.ts';
import { assessedApplication } from './store.ts';

/** Records a screening; answers the automatic screening and what the funder's scope is, for presenting. */
export async function recordScreening(ctx: AppContext, user: SignedInUser, id: string, rules: ScreeningChoice[], options: CommandOptions = {}) {
  const located = await locateAsStaff(ctx, user, id, policy.assess);
  const now = clockOf(options);
  const automatic = await inScope(ctx, located, async (tx) => {
    const a = await assessedApplication(tx, located.id);
    if (a.status !== 'submitted') throw new Problem(409, 'application_withdrawn');
    const settled = settleScreening(a.automatic, rules);
    if (settled.problems.length) throw rulesProblem(settled.problems);
    await tx
      .insertInto('screenings')
      .values({
        funder_id: a.funder_id,
        application_id: a.id,
        outcome: settled.outcome,
        rules: JSON.stringify(settled.rules),
        screened_by: user.userId,
        screened_at: now,
      })
      .execute();
    await audit(tx, actorOf(user), {
      action: 'application.screened',
      objectType: 'application',
      objectId: a.id,
      funderId: a.funder_id,
      organisationId: a.organisation_id,
      reason: auditReason(options),
      data: {
        outcome: settled.outcome,
        overridden: settled.rules.filter((r) => r.ok !== r.automatic).map((r) => ({ rule: r.rule, ok: r.ok, reason: r.reason })),
      },
    });
    return a.automatic;
  });
  return { located, automatic };
}
