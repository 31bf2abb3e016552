// Setting a new password with a reset link: the one place that checks the password and the token
// (locked, so it is used once; not expired), writes the password, lifts a lockout, ends every session
// of the account and appends the audit entry.
import { hash } from '@node-rs/argon2';
import { audit } from '../../db/audit.ts';
import { system } from '../../db/scope.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { hashToken } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { assertPassword } from './passwords.ts';

/** Sets the password of the account the token was made for. */
export async function resetPassword(ctx: AppContext, { token, password }: { token: string; password: string }, options: CommandOptions = {}): Promise<void> {
  assertPassword(password);
  const passwordHash = await hash(password);
  const now = clockOf(options);
  await system(ctx.db, async (tx) => {
    const row = await tx
      .selectFrom('auth_tokens')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .where('kind', '=', 'password_reset')
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.used_at || !row.user_id) throw new Problem(400, 'token_invalid');
    if (row.expires_at.getTime() < now.getTime()) throw new Problem(400, 'token_expired');
    await tx.updateTable('auth_tokens').set({ used_at: now }).where('id', '=', row.id).execute();
    await tx.updateTable('users').set({ password_hash: passwordHash, failed_logins: 0, locked_until: null }).where('id', '=', row.user_id).execute();
    await tx.deleteFrom('sessions').where('user_id', '=', row.user_id).execute();
    await audit(
      tx,
      { userId: row.user_id, label: row.email },
      { action: 'user.password_reset', objectType: 'user', objectId: row.user_id, reason: auditReason(options) },
    );
  });
}
