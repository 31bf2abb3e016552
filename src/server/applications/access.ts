import { type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/connection.ts';
import type { ApplicationsTable } from '../../db/schema.ts';
import { type Scope, scoped } from '../../db/scope.ts';
import { policy } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';

export type ApplicationRow = Selectable<ApplicationsTable>;
export type Access = 'applicant' | 'partner' | 'staff';

export interface Located {
  id: string;
  funderId: string;
  organisationId: string;
  callId: string;
  status: ApplicationRow['status'];
  access: Access;
  scope: Scope;
}

/**
 * Who the user is to an application: a member of the applying organisation, of a
 * co-applicant, or staff of the funder (who see it only once it is submitted).
 * Anyone else is told it does not exist.
 */
export async function locate(ctx: AppContext, user: SignedInUser, id: string): Promise<Located> {
  // One statement as the owner, outside a transaction: who may see the row is decided below.
  const row = await ctx.db.kysely
    .selectFrom('applications')
    .select(['id', 'funder_id', 'organisation_id', 'call_id', 'status'])
    .select((eb) =>
      eb.fn
        .coalesce(
          eb
            .selectFrom('application_partners')
            .select((p) => p.fn.agg<string[]>('array_agg', ['application_partners.organisation_id']).as('ids'))
            .whereRef('application_id', '=', 'applications.id'),
          sql<string[]>`'{}'::uuid[]`,
        )
        .as('partners'),
    )
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new Problem(404, 'not_found');
  const partners = row.partners;
  const base = { id, funderId: row.funder_id, organisationId: row.organisation_id, callId: row.call_id, status: row.status };
  if (policy.actForOrganisation(user, row.organisation_id)) return { ...base, access: 'applicant', scope: scopeOf(user) };
  if (partners.some((o) => policy.actForOrganisation(user, o))) return { ...base, access: 'partner', scope: scopeOf(user) };
  if (policy.readFunder(user, row.funder_id) && row.status !== 'draft') return { ...base, access: 'staff', scope: scopeOf(user, row.funder_id) };
  throw new Problem(404, 'not_found');
}

export function inScope<T>(ctx: AppContext, located: Located, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return scoped(ctx.db, located.scope, fn);
}

export function requireApplicant(located: Located) {
  if (located.access !== 'applicant') throw new Problem(403, 'forbidden');
}
