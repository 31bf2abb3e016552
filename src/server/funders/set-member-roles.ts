// Setting a user's roles at a funder: the one place that checks who may (its administrators), locks the
// user's memberships (and the administrators' when one may be demoted, so two cannot demote each other
// at once), keeps at least one administrator, writes the roles and appends the audit entry.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import type { FunderRole } from '../../domain/roles.ts';
import { auditReason, type CommandOptions } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { requireAdmin } from './access.ts';

/** Sets the user's roles at the funder (an empty list removes them), with a reason if given. */
export async function setMemberRoles(
  ctx: AppContext,
  user: SignedInUser,
  { funderId, userId }: { funderId: string; userId: string },
  { roles, reason }: { roles: FunderRole[]; reason?: string | null },
  options: CommandOptions = {},
): Promise<void> {
  requireAdmin(user, funderId);
  await scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
    const before = await tx
      .selectFrom('funder_memberships')
      .select('role')
      .where('funder_id', '=', funderId)
      .where('user_id', '=', userId)
      .forUpdate()
      .execute();
    if (before.length === 0) throw new Problem(404, 'not_found');
    if (!roles.includes('administrator') && before.some((r) => r.role === 'administrator')) {
      // Lock the admin rows so two admins cannot demote each other at once.
      const admins = await tx
        .selectFrom('funder_memberships')
        .select('user_id')
        .where('funder_id', '=', funderId)
        .where('role', '=', 'administrator')
        .forUpdate()
        .execute();
      if (admins.length <= 1) throw fieldProblem(409, 'roles', 'last_administrator');
    }
    await tx.deleteFrom('funder_memberships').where('funder_id', '=', funderId).where('user_id', '=', userId).execute();
    if (roles.length) {
      await tx
        .insertInto('funder_memberships')
        .values(roles.map((role) => ({ funder_id: funderId, user_id: userId, role })))
        .execute();
    }
    await audit(tx, actorOf(user), {
      action: 'funder.roles_changed',
      objectType: 'user',
      objectId: userId,
      funderId,
      reason: auditReason(options, reason ?? null),
      data: { before: before.map((r) => r.role).sort(), after: [...roles].sort() },
    });
  });
}
