// An organisation's payout account as a funder has it. Money goes only to the approved account; a new
// account waits for a second person at the funder, and while one waits the organisation is paid nothing.
import { type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/connection.ts';
import type { PayoutAccountsTable } from '../../db/schema.ts';
import type { GiroKind } from '../../domain/giro.ts';

export type PayoutAccountRow = Selectable<PayoutAccountsTable>;

/** Digits only, as the bank files want the number; the printed form is made at the edge. */
export const giroDigits = (printed: string) => printed.replace(/\D/g, '');

/** The printed form of stored digits: bankgiro NNN-NNNN / NNNN-NNNN, plusgiro NN…N-N. */
export function printedGiro(kind: GiroKind, digits: string): string {
  return kind === 'bankgiro' ? `${digits.slice(0, -4)}-${digits.slice(-4)}` : `${digits.slice(0, -1)}-${digits.slice(-1)}`;
}

export function payoutAccountsOf(tx: Tx, funderId: string, organisationId: string) {
  return tx
    .selectFrom('payout_accounts')
    .selectAll()
    .where('funder_id', '=', funderId)
    .where('organisation_id', '=', organisationId)
    .orderBy('requested_at', 'desc')
    .execute();
}

/**
 * Queues every change of an organisation's accounts at a funder behind each other, before any row is
 * read: two changes entered at once would otherwise each find no change waiting and insert one, and the
 * second would break the one-waiting index. A transaction-scoped advisory lock, since the first account
 * has no row to lock yet.
 */
export async function lockPayoutAccounts(tx: Tx, funderId: string, organisationId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`samverka.payout-accounts:${funderId}:${organisationId}`}))`.execute(tx);
}

/** Why an organisation cannot be paid now, or null: no approved account, or a change waiting for approval. */
export function payoutHold(accounts: readonly Pick<PayoutAccountRow, 'status'>[]): 'no_verified_account' | 'account_change_pending' | null {
  if (accounts.some((a) => a.status === 'pending')) return 'account_change_pending';
  if (!accounts.some((a) => a.status === 'approved')) return 'no_verified_account';
  return null;
}

/**
 * The account an approved eligibility request names becomes the organisation's account: verified at
 * once when it has none (the applicant entered it, the caseworker approved it), otherwise a change
 * that waits for finance like any other. Answers the row's id, or null when nothing changed.
 */
export async function accountFromEligibility(
  tx: Tx,
  a: {
    funderId: string;
    organisationId: string;
    kind: GiroKind;
    number: string;
    holderOrgNumber: string;
    requestedBy: string | null;
    decidedBy: string | null;
    at: Date;
  },
): Promise<{ id: string; status: 'approved' | 'pending' } | null> {
  const digits = giroDigits(a.number);
  await lockPayoutAccounts(tx, a.funderId, a.organisationId);
  const existing = await tx
    .selectFrom('payout_accounts')
    .selectAll()
    .where('funder_id', '=', a.funderId)
    .where('organisation_id', '=', a.organisationId)
    .where('status', 'in', ['approved', 'pending'])
    .forUpdate()
    .execute();
  if (existing.some((x) => x.kind === a.kind && x.number === digits)) return null;
  const hasApproved = existing.some((x) => x.status === 'approved');
  if (existing.some((x) => x.status === 'pending')) {
    await tx
      .updateTable('payout_accounts')
      .set({ status: 'replaced', decided_at: a.at })
      .where('funder_id', '=', a.funderId)
      .where('organisation_id', '=', a.organisationId)
      .where('status', '=', 'pending')
      .execute();
  }
  const row = await tx
    .insertInto('payout_accounts')
    .values({
      funder_id: a.funderId,
      organisation_id: a.organisationId,
      kind: a.kind,
      number: digits,
      holder_org_number: a.holderOrgNumber,
      status: hasApproved ? 'pending' : 'approved',
      source: 'eligibility',
      requested_by: a.requestedBy,
      requested_at: a.at,
      decided_by: hasApproved ? null : a.decidedBy,
      decided_at: hasApproved ? null : a.at,
    })
    .returning(['id', 'status'])
    .executeTakeFirstOrThrow();
  return { id: row.id, status: row.status as 'approved' | 'pending' };
}
