// Proposing a new kind of activity to a funder's catalogue: the one place that checks the user acts for
// the proposing organisation and that the funder exists, writes the proposal and appends the audit entry.
import { audit } from '../../db/audit.ts';
import { scoped, system } from '../../db/scope.ts';
import { policy } from '../../domain/roles.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { keyFor } from './store.ts';

/** Proposes the activity type on behalf of the organisation; answers the proposal's id. */
export async function proposeActivityType(
  ctx: AppContext,
  user: SignedInUser,
  body: { funderId: string; organisationId: string; label: string; description?: string },
  options: CommandOptions = {},
): Promise<string> {
  if (!policy.actForOrganisation(user, body.organisationId)) throw new Problem(403, 'forbidden');
  if (!body.label.trim()) throw fieldProblem(400, 'label', 'required');
  const funder = await system(ctx.db, (tx) => tx.selectFrom('funders').select('id').where('id', '=', body.funderId).executeTakeFirst());
  if (!funder) throw fieldProblem(422, 'funderId', 'invalid_choice');
  const now = clockOf(options);
  return scoped(ctx.db, scopeOf(user), async (tx) => {
    const key = `${keyFor(body.label)}_${now.getTime().toString(36)}`;
    const row = await tx
      .insertInto('activity_types')
      .values({
        funder_id: body.funderId,
        key,
        label_sv: body.label.trim(),
        label_en: body.label.trim(),
        description: body.description?.trim() ?? '',
        status: 'proposed',
        proposed_by_organisation: body.organisationId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, actorOf(user), {
      action: 'activity_type.proposed',
      objectType: 'activity_type',
      objectId: row.id,
      funderId: body.funderId,
      organisationId: body.organisationId,
      reason: auditReason(options),
      data: { label: body.label },
    });
    return row.id;
  });
}
