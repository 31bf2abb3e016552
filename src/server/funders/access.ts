import { sql } from 'kysely';
import { system } from '../../db/scope.ts';
import { policy } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { hashToken, type SignedInUser } from '../plugins/session.ts';
import { Problem } from '../problem.ts';

/** How long an invitation link holds. */
export const INVITATION_DAYS = 7;

/** The funder's users, roles and invitations are its administrators' to manage. */
export function requireAdmin(user: SignedInUser, funderId: string) {
  if (!policy.manageUsers(user, funderId)) throw new Problem(403, 'forbidden');
}

/** The open invitation a link's token stands for, and the account its address already has, if any. */
export async function findInvitation(ctx: AppContext, token: string) {
  const row = await system(ctx.db, (tx) =>
    tx
      .selectFrom('auth_tokens')
      .innerJoin('funders', 'funders.id', 'auth_tokens.funder_id')
      .leftJoin('users', (j) => j.on(sql`lower(users.email)`, '=', sql`lower(auth_tokens.email)`))
      .select([
        'auth_tokens.id',
        'auth_tokens.email',
        'auth_tokens.role',
        'auth_tokens.funder_id',
        'auth_tokens.used_at',
        'auth_tokens.expires_at',
        'funders.name as funderName',
        'users.id as userId',
      ])
      .where('auth_tokens.token_hash', '=', hashToken(token))
      .where('auth_tokens.kind', '=', 'invitation')
      .executeTakeFirst(),
  );
  if (!row || row.used_at || !row.funder_id || !row.role) throw new Problem(400, 'token_invalid');
  if (row.expires_at.getTime() < Date.now()) throw new Problem(400, 'token_expired');
  return { id: row.id, email: row.email, role: row.role, funderId: row.funder_id, funderName: row.funderName, userId: row.userId };
}
