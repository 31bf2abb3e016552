// Reading agreements: who may see one, its current content (the signed text as amended), what each
// party has accepted, and the hash that names exactly what was signed.
import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Tx } from '../../db/connection.ts';
import type { AgreementsTable } from '../../db/schema.ts';
import type { Scope } from '../../db/scope.ts';
import { type AgreementContent, canonicalJson } from '../../domain/agreements.ts';
import { policy } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';

export type AgreementRow = Selectable<AgreementsTable>;

export interface LocatedAgreement {
  id: string;
  funderId: string;
  organisationId: string;
  applicationId: string;
  access: 'organisation' | 'staff';
  scope: Scope;
}

/** Who the user is to an agreement: a member of the organisation or staff of the funder; anyone else is told it does not exist. */
export async function locateAgreement(ctx: AppContext, user: SignedInUser, id: string): Promise<LocatedAgreement> {
  const row = await ctx.db.kysely
    .selectFrom('agreements')
    .select(['id', 'funder_id', 'organisation_id', 'application_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new Problem(404, 'not_found');
  return { id: row.id, funderId: row.funder_id, organisationId: row.organisation_id, applicationId: row.application_id, ...partyAccess(user, row) };
}

/**
 * How a person reaches an agreement, or what follows from it (its reports, its survey): as staff of its funder
 * or a member of its organisation; anyone else is told it does not exist.
 */
export function partyAccess(user: SignedInUser, row: { funder_id: string; organisation_id: string }): { access: 'organisation' | 'staff'; scope: Scope } {
  if (policy.readFunder(user, row.funder_id)) return { access: 'staff', scope: scopeOf(user, row.funder_id) };
  if (policy.actForOrganisation(user, row.organisation_id)) return { access: 'organisation', scope: scopeOf(user) };
  throw new Problem(404, 'not_found');
}

/** What a signature accepts: the kind, the amount, the content and the schedule, in one canonical form. */
export function signedPayload(a: Pick<AgreementRow, 'kind' | 'amount' | 'content' | 'schedule'>): string {
  return canonicalJson({ kind: a.kind, amount: a.amount, content: a.content, schedule: a.schedule });
}

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export const contentHash = (a: Pick<AgreementRow, 'kind' | 'amount' | 'content' | 'schedule'>) => sha256(signedPayload(a));

/** The content in force: the last amendment's, or the signed content when there is none. */
export async function currentContent(tx: Tx, a: AgreementRow): Promise<AgreementContent> {
  const last = await tx
    .selectFrom('agreement_amendments')
    .select('content')
    .where('agreement_id', '=', a.id)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last?.content ?? a.content;
}

export function signaturesOf(tx: Tx, agreementId: string) {
  return tx.selectFrom('agreement_signatures').selectAll().where('agreement_id', '=', agreementId).orderBy('signed_at').execute();
}

/**
 * Whom the organisation's approved eligibility names as signatories (firmatecknare), by e-mail: the
 * latest approved request to this funder.
 */
export async function signatoriesOf(tx: Tx, funderId: string, organisationId: string): Promise<{ name: string; role: string; email: string }[]> {
  const latest = await tx
    .selectFrom('eligibility_approvals')
    .select('board')
    .where('funder_id', '=', funderId)
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'approved')
    .orderBy('decided_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (latest?.board ?? []).filter((m) => m.signatory && m.email).map((m) => ({ name: m.name, role: m.role, email: (m.email ?? '').toLowerCase() }));
}
