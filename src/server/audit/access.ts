import type { Tx } from '../../db/connection.ts';
import { type Scope, system } from '../../db/scope.ts';
import { policy } from '../../domain/roles.ts';
import { locate } from '../applications/access.ts';
import type { AppContext } from '../context.ts';
import { type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';

/** How many of an object's newest entries are returned. */
export const AUDIT_PAGE = 500;

/** Who an object belongs to, as far as reading its history goes. */
interface Owner {
  /** The funders whose object it is (a document goes to each funder it is submitted to); their staff may see it. */
  funderIds: readonly string[];
  /** The organisation whose members may see it and what row-level security shows them of its history. */
  organisationId: string | null;
  /** The base catalogue: every signed-in user may see it. */
  everyone?: boolean;
}

/** Finds one object, checks the user may see it, and gives the scope its history is read in. */
export type Locator = (ctx: AppContext, user: SignedInUser, id: string, funderId: string | undefined) => Promise<Scope>;

const notFound = () => new Problem(404, 'not_found');

/** Of a funder's staff, those who may read audit trails do; the rest may see the object, not its history. */
function funderTrail(user: SignedInUser, funderId: string): Scope {
  if (!policy.viewFunderAudit(user, funderId)) throw new Problem(403, 'forbidden');
  return scopeOf(user, funderId);
}

/**
 * A locator for objects looked up as the owner, then checked: an unknown object, another tenant's, and
 * one named under a funder it does not belong to all answer the same 404.
 */
function owned(find: (tx: Tx, id: string) => Promise<Owner | undefined>): Locator {
  return async (ctx, user, id, funderId) => {
    const owner = await system(ctx.db, (tx) => find(tx, id));
    if (!owner || (funderId !== undefined && !owner.funderIds.includes(funderId))) throw notFound();
    if (owner.organisationId && policy.viewOrganisationAudit(user, owner.organisationId)) return scopeOf(user);
    const staffOf = (funderId === undefined ? owner.funderIds : [funderId]).find((f) => policy.readFunder(user, f));
    if (staffOf) return funderTrail(user, staffOf);
    if (owner.everyone) return scopeOf(user);
    throw notFound();
  };
}

/**
 * Every kind of object whose history can be read. Each is found first and its owner checked, so
 * that another tenant's object answers exactly as an unknown one does and its existence does not
 * leak; a new kind cannot be read until it is listed here. `funderId`, when given, must be the
 * funder the object belongs to.
 */
export const locators = {
  /**
   * An application's history: its organisation's members see what the organisation and the funder
   * recorded for them; of the funder's staff, those who may read audit trails see all of it (the
   * assessment too, so not reviewers, who must not see others' scores early); co-applicants see none.
   */
  application: async (ctx, user, id, funderId) => {
    const located = await locate(ctx, user, id);
    if (funderId !== undefined && funderId !== located.funderId) throw notFound();
    if (located.access === 'partner') throw new Problem(403, 'forbidden');
    if (located.access === 'staff') return funderTrail(user, located.funderId);
    return located.scope;
  },
  call: owned(async (tx, id) => {
    const row = await tx.selectFrom('calls').select('funder_id').where('id', '=', id).executeTakeFirst();
    return row && { funderIds: [row.funder_id], organisationId: null };
  }),
  programme: owned(async (tx, id) => {
    const row = await tx.selectFrom('programmes').select('funder_id').where('id', '=', id).executeTakeFirst();
    return row && { funderIds: [row.funder_id], organisationId: null };
  }),
  funder: owned(async (tx, id) => {
    const row = await tx.selectFrom('funders').select('id').where('id', '=', id).executeTakeFirst();
    return row && { funderIds: [row.id], organisationId: null };
  }),
  /** Only its members see an organisation, as GET /api/organisations/:id; it belongs to no funder. */
  organisation: owned(async (tx, id) => {
    const row = await tx.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst();
    return row && { funderIds: [], organisationId: row.id };
  }),
  eligibility: owned(async (tx, id) => {
    const row = await tx.selectFrom('eligibility_approvals').select(['funder_id', 'organisation_id']).where('id', '=', id).executeTakeFirst();
    return row && { funderIds: [row.funder_id], organisationId: row.organisation_id };
  }),
  file: owned(async (tx, id) => {
    const row = await tx.selectFrom('files').select(['funder_id', 'organisation_id']).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const granted = await tx.selectFrom('file_grants').select('funder_id').where('file_id', '=', id).execute();
    const funderIds = [...new Set([...(row.funder_id ? [row.funder_id] : []), ...granted.map((g) => g.funder_id)])];
    return { funderIds, organisationId: row.organisation_id };
  }),
  /** A follow-up report: its organisation's members and the funder's staff who read audit trails. */
  report: owned(async (tx, id) => {
    const row = await tx.selectFrom('follow_up_reports').select(['funder_id', 'organisation_id']).where('id', '=', id).executeTakeFirst();
    return row && { funderIds: [row.funder_id], organisationId: row.organisation_id };
  }),
  activity_type: owned(async (tx, id) => {
    const row = await tx.selectFrom('activity_types').select(['funder_id', 'proposed_by_organisation']).where('id', '=', id).executeTakeFirst();
    return row && { funderIds: row.funder_id ? [row.funder_id] : [], organisationId: row.proposed_by_organisation, everyone: row.funder_id === null };
  }),
  /**
   * A person's history: their own, or, with `funderId`, that funder's record of them, for its staff,
   * while the person is or has been one of its members (a removed member's history stays readable).
   */
  user: async (ctx, user, id, funderId) => {
    if (funderId === undefined) {
      if (id !== user.userId) throw notFound();
      return scopeOf(user);
    }
    if (!policy.readFunder(user, funderId)) throw notFound();
    if (id !== user.userId) {
      const known = await system(ctx.db, (tx) =>
        tx
          .selectFrom('users')
          .select('id')
          .where('id', '=', id)
          .where((eb) =>
            eb.or([
              eb.exists(eb.selectFrom('funder_memberships').select('user_id').where('user_id', '=', id).where('funder_id', '=', funderId)),
              eb.exists(
                eb.selectFrom('audit_log').select('seq').where('object_type', '=', 'user').where('object_id', '=', id).where('funder_id', '=', funderId),
              ),
            ]),
          )
          .executeTakeFirst(),
      );
      if (!known) throw notFound();
    }
    return funderTrail(user, funderId);
  },
} satisfies Record<string, Locator>;

export type AuditedObjectType = keyof typeof locators;
export const AUDITED_OBJECT_TYPES = Object.keys(locators) as AuditedObjectType[];
