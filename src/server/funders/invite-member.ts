// Inviting a colleague to a role at a funder: the one place that checks who may (its administrators),
// refuses someone who already has the role, keeps the invitation (its token only as a hash), mails the
// link and appends the audit entry.
import { sql } from 'kysely';
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import type { FunderRole } from '../../domain/roles.ts';
import type { Lang } from '../../i18n/messages.ts';
import { auditReason, type CommandOptions, clockOf, mailFor } from '../command.ts';
import type { AppContext } from '../context.ts';
import { invitationMail, ROLE_LABELS } from '../mail/templates.ts';
import { actorOf, hashToken, newToken, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem } from '../problem.ts';
import { INVITATION_DAYS, requireAdmin } from './access.ts';

/** Invites `email` to `role`, the mail in the inviter's language `lang`; answers the invitation's id. */
export async function inviteMember(
  ctx: AppContext,
  user: SignedInUser,
  funderId: string,
  { email, role, lang }: { email: string; role: FunderRole; lang: Lang },
  options: CommandOptions = {},
): Promise<string> {
  requireAdmin(user, funderId);
  const now = clockOf(options);
  return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
    const funder = await tx.selectFrom('funders').select('name').where('id', '=', funderId).executeTakeFirstOrThrow();
    const existing = await tx
      .selectFrom('funder_memberships')
      .innerJoin('users', 'users.id', 'funder_memberships.user_id')
      .select('users.locale')
      .where('funder_memberships.funder_id', '=', funderId)
      .where('funder_memberships.role', '=', role)
      .where(sql`lower(users.email)`, '=', email.toLowerCase())
      .executeTakeFirst();
    if (existing) throw fieldProblem(409, 'email', 'already_member', { email, role: ROLE_LABELS[role][lang] });
    const token = newToken();
    const row = await tx
      .insertInto('auth_tokens')
      .values({
        token_hash: hashToken(token),
        kind: 'invitation',
        email: email.trim(),
        funder_id: funderId,
        role,
        created_by: user.userId,
        expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mail = invitationMail(lang, {
      funderName: funder.name,
      inviterName: user.name,
      roleLabel: ROLE_LABELS[role][lang],
      link: `${ctx.config.publicUrl}/invitation?token=${token}`,
      validDays: INVITATION_DAYS,
    });
    await mailFor(ctx, tx, options, [{ to: email.trim(), funderId, ...mail }]);
    await audit(tx, actorOf(user), {
      action: 'funder.user_invited',
      objectType: 'funder',
      objectId: funderId,
      funderId,
      reason: auditReason(options),
      data: { email: email.trim(), role },
    });
    return row.id;
  });
}
