// Accepting an invitation: the one place that checks the link holds and who may use it (the signed-in
// owner of the invited address, or, when the address has no account, someone signed out who names
// themselves and sets a password), locks the invitation so it is used once, creates the account if
// needed, adds the role and appends the audit entry. Signing in the new account is the route's.
import { audit } from '../../db/audit.ts';
import { system } from '../../db/scope.ts';
import type { Lang } from '../../i18n/messages.ts';
import { assertPassword, hashPassword } from '../auth/passwords.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import type { SignedInUser } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { findInvitation } from './access.ts';

/** Accepts the invitation; answers the funder, the account and whether it was made now. */
export async function acceptInvitation(
  ctx: AppContext,
  user: SignedInUser | null,
  body: { token: string; name?: string; password?: string; lang: Lang },
  options: CommandOptions = {},
): Promise<{ funderId: string; userId: string; newAccount: boolean }> {
  const inv = await findInvitation(ctx, body.token);
  let passwordHash: string | null = null;
  if (inv.userId) {
    if (user?.userId !== inv.userId) throw new Problem(401, 'not_authenticated');
  } else {
    if (user) throw new Problem(409, 'signed_in_as_other', { email: user.email });
    const fields = [];
    if (!body.name?.trim()) fields.push({ field: 'name', code: 'required' as const });
    if (!body.password) fields.push({ field: 'password', code: 'required' as const });
    if (fields.length) throw new Problem(400, 'validation_failed', {}, fields);
    assertPassword(body.password as string);
    passwordHash = await hashPassword(body.password as string);
  }
  const now = clockOf(options);
  const userId = await system(ctx.db, async (tx) => {
    const token = await tx.selectFrom('auth_tokens').select(['used_at']).where('id', '=', inv.id).forUpdate().executeTakeFirstOrThrow();
    if (token.used_at) throw new Problem(400, 'token_invalid');
    const uid =
      inv.userId ??
      (
        await tx
          .insertInto('users')
          .values({ email: inv.email, name: (body.name as string).trim(), password_hash: passwordHash, locale: body.lang })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    await tx.updateTable('auth_tokens').set({ used_at: now, user_id: uid }).where('id', '=', inv.id).execute();
    await tx
      .insertInto('funder_memberships')
      .values({ funder_id: inv.funderId, user_id: uid, role: inv.role })
      .onConflict((oc) => oc.columns(['funder_id', 'user_id', 'role']).doNothing())
      .execute();
    await audit(
      tx,
      { userId: uid, label: inv.email },
      {
        action: 'funder.invitation_accepted',
        objectType: 'user',
        objectId: uid,
        funderId: inv.funderId,
        reason: auditReason(options),
        data: { role: inv.role, newAccount: inv.userId === null },
      },
    );
    return uid;
  });
  return { funderId: inv.funderId, userId, newAccount: inv.userId === null };
}
