// Remembering a signed-in user's language: writes it when it changed and appends the audit entry.
import { audit } from '../../db/audit.ts';
import { system } from '../../db/scope.ts';
import type { Lang } from '../../i18n/messages.ts';
import { auditReason, type CommandOptions } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';

/** Sets the account's language; nothing is written when it already is that one. */
export async function setLocale(ctx: AppContext, user: SignedInUser, locale: Lang, options: CommandOptions = {}): Promise<void> {
  if (user.locale === locale) return;
  await system(ctx.db, async (tx) => {
    await tx.updateTable('users').set({ locale }).where('id', '=', user.userId).execute();
    await audit(tx, actorOf(user), {
      action: 'user.locale_changed',
      objectType: 'user',
      objectId: user.userId,
      reason: auditReason(options),
      data: { locale },
    });
  });
}
