// Deciding a proposed activity type: the one place that checks who may (the funder's caseworkers and
// administrators), locks the proposal, refuses one already decided, adopts it into the catalogue under
// its labels in both languages (or declines it) and appends the audit entry.
import { audit } from '../../db/audit.ts';
import { scoped, system } from '../../db/scope.ts';
import { policy } from '../../domain/roles.ts';
import { auditReason, type CommandOptions } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { keyFor } from './store.ts';

/** Adopts or declines the proposal; answers the activity type as it now stands. */
export async function decideActivityType(
  ctx: AppContext,
  user: SignedInUser,
  id: string,
  body: { adopt: boolean; labelSv?: string; labelEn?: string; reason?: string },
  options: CommandOptions = {},
) {
  const found = await system(ctx.db, (tx) => tx.selectFrom('activity_types').select(['funder_id']).where('id', '=', id).executeTakeFirst());
  if (!found?.funder_id || !policy.readFunder(user, found.funder_id)) throw new Problem(404, 'not_found');
  const funderId = found.funder_id;
  if (!policy.manageCatalogue(user, funderId)) throw new Problem(403, 'forbidden');
  return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
    const current = await tx.selectFrom('activity_types').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (current.status !== 'proposed') throw new Problem(409, 'already_decided');
    const labelSv = body.labelSv?.trim() || current.label_sv;
    const row = await tx
      .updateTable('activity_types')
      .set({
        status: body.adopt ? 'active' : 'declined',
        label_sv: labelSv,
        label_en: body.labelEn?.trim() || labelSv,
        key: body.adopt ? keyFor(labelSv) : current.key,
        decided_by: user.userId,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: { code?: string }) => {
        if (error.code === '23505') throw new Problem(409, 'already_exists', {}, [{ field: 'labelSv', code: 'already_exists' }]);
        throw error;
      });
    await audit(tx, actorOf(user), {
      action: body.adopt ? 'activity_type.adopted' : 'activity_type.declined',
      objectType: 'activity_type',
      objectId: id,
      funderId,
      organisationId: current.proposed_by_organisation,
      reason: auditReason(options, body.reason ?? null),
      data: { labelSv: row.label_sv, labelEn: row.label_en },
    });
    return row;
  });
}
