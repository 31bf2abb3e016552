// Creating an account (for applicants): the one place that checks the password, refuses an address
// already taken, writes the account and appends the audit entry. Signing it in is the route's.
import { hash } from '@node-rs/argon2';
import { sql } from 'kysely';
import { audit } from '../../db/audit.ts';
import { system } from '../../db/scope.ts';
import type { Lang } from '../../i18n/messages.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { fieldProblem } from '../problem.ts';
import { assertPassword } from './passwords.ts';

/** Creates the account in the visitor's language; answers its id. */
export async function registerAccount(
  ctx: AppContext,
  body: { name: string; email: string; password: string; locale: Lang },
  options: CommandOptions = {},
): Promise<string> {
  assertPassword(body.password);
  const passwordHash = await hash(body.password);
  const now = clockOf(options);
  return system(ctx.db, async (tx) => {
    const taken = await tx.selectFrom('users').select('id').where(sql`lower(email)`, '=', body.email.toLowerCase()).executeTakeFirst();
    if (taken) throw fieldProblem(409, 'email', 'email_taken');
    const user = await tx
      .insertInto('users')
      .values({ email: body.email.trim(), name: body.name.trim(), password_hash: passwordHash, locale: body.locale, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, { userId: user.id, label: body.email }, { action: 'user.registered', objectType: 'user', objectId: user.id, reason: auditReason(options) });
    return user.id;
  });
}
