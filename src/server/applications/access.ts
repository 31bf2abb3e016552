import type { Selectable } from 'kysely';
import type { Tx } from '../../db/connection.ts';
import type { ApplicationsTable } from '../../db/schema.ts';
import { scoped, system, type Scope } from '../../db/scope.ts';
import { policy } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { scopeOf, type SignedInUser } from '../plugins/session.ts';
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
  const found = await system(ctx.db, async (tx) => {
    const row = await tx.selectFrom('applications').select(['id', 'funder_id', 'organisation_id', 'call_id', 'status']).where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const partners = await tx.selectFrom('application_partners').select('organisation_id').where('application_id', '=', id).execute();
    return { row, partners: partners.map((p) => p.organisation_id) };
  });
  if (!found) throw new Problem(404, 'not_found');
  const { row, partners } = found;
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
