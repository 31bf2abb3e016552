import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AppContext } from '../context.ts';

/**
 * The latest date the applying organisation is approved as eligible by the call's funder (null
 * without an approval), as a subquery of a statement over applications joined with calls.
 */
export function eligibleUntil(eb: ExpressionBuilder<DB, 'applications' | 'calls'>) {
  return eb
    .selectFrom('eligibility_approvals')
    .select((e) => e.fn.max('valid_until').as('until'))
    .whereRef('eligibility_approvals.funder_id', '=', 'calls.funder_id')
    .whereRef('eligibility_approvals.organisation_id', '=', 'applications.organisation_id')
    .where('eligibility_approvals.status', '=', 'approved')
    .as('eligible_until');
}

/** Who to tell about an organisation's case: its members (read outside the funder's scope, which cannot see them). */
export function organisationMembers(ctx: AppContext, organisationId: string) {
  // One plain statement as the owner: no transaction is needed for a single read.
  return ctx.db.kysely
    .selectFrom('organisation_memberships')
    .innerJoin('users', 'users.id', 'organisation_memberships.user_id')
    .select(['users.email', 'users.locale'])
    .where('organisation_memberships.organisation_id', '=', organisationId)
    .where('users.disabled_at', 'is', null)
    .execute();
}
