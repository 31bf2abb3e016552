// Asking for a password reset: the one place that finds the active account by address, keeps a
// single-use token (only as a hash), mails the link and appends the audit entry. It answers nothing,
// so the caller cannot tell whether the account exists.
import { sql } from 'kysely';
import { audit } from '../../db/audit.ts';
import { system } from '../../db/scope.ts';
import { auditReason, type CommandOptions, clockOf, mailFor } from '../command.ts';
import type { AppContext } from '../context.ts';
import { passwordResetMail } from '../mail/templates.ts';
import { hashToken, newToken } from '../plugins/session.ts';

/** How long a reset link holds. */
export const RESET_MINUTES = 60;

/** Mails a reset link to the account at `email`, if there is one; `ip` is kept with the audit entry. */
export async function requestPasswordReset(ctx: AppContext, { email, ip }: { email: string; ip: string }, options: CommandOptions = {}): Promise<void> {
  const now = clockOf(options);
  await system(ctx.db, async (tx) => {
    const user = await tx
      .selectFrom('users')
      .select(['id', 'email', 'locale'])
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!user) return;
    const token = newToken();
    await tx
      .insertInto('auth_tokens')
      .values({
        token_hash: hashToken(token),
        kind: 'password_reset',
        email: user.email,
        user_id: user.id,
        expires_at: new Date(now.getTime() + RESET_MINUTES * 60_000),
      })
      .execute();
    const mail = passwordResetMail(user.locale, `${ctx.config.publicUrl}/reset-password?token=${token}`, RESET_MINUTES);
    await mailFor(ctx, tx, options, [{ to: user.email, ...mail }]);
    await audit(
      tx,
      { userId: null, label: 'anonymous' },
      { action: 'user.password_reset_requested', objectType: 'user', objectId: user.id, reason: auditReason(options), data: { ip } },
    );
  });
}
