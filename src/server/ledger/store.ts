// The ledger in the database: append-only journals, each of which sums to zero (a trigger refuses
// one that does not). The rules of what may be posted are src/domain/ledger.ts; this module reads the
// balances the rules need and writes what they answer. The caller holds the application's lock
// (src/server/budget/guard.ts), so the balances read cannot change before the journal is written.
import { randomUUID } from 'node:crypto';
import { type Insertable, sql } from 'kysely';
import type { Tx } from '../../db/connection.ts';
import type { LedgerEntriesTable } from '../../db/schema.ts';
import { apply, type Balances, EMPTY_BALANCES, type LedgerAccount, type LedgerEvent, type LedgerLine, type LedgerRefusal, post } from '../../domain/ledger.ts';
import { ore } from '../../domain/money.ts';
import { fieldProblem, type Problem } from '../problem.ts';

/** What each journal line is booked against, so the ledger can be read per budget line, call, agreement and organisation. */
export interface LedgerDims {
  funderId: string;
  budgetLineId: string | null;
  callId: string;
  applicationId: string;
  agreementId: string | null;
  organisationId: string;
}

export interface Journal {
  dims: LedgerDims;
  lines: readonly LedgerLine[];
  source: 'decision' | 'agreement' | 'payment' | 'payment_rejected' | 'recovery' | 'repayment';
  sourceId: string;
  at: Date;
  by: string | null;
}

/** The dimensions of an application's journals. */
export async function ledgerDims(tx: Tx, applicationId: string): Promise<LedgerDims> {
  const r = await tx
    .selectFrom('applications as a')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .leftJoin('agreements as g', 'g.application_id', 'a.id')
    .select(['a.funder_id', 'c.budget_line_id', 'a.call_id', 'a.id', 'g.id as agreement_id', 'a.organisation_id'])
    .where('a.id', '=', applicationId)
    .executeTakeFirstOrThrow();
  return {
    funderId: r.funder_id,
    budgetLineId: r.budget_line_id,
    callId: r.call_id,
    applicationId: r.id,
    agreementId: r.agreement_id,
    organisationId: r.organisation_id,
  };
}

/** Each account's balance for the given applications. */
export async function balancesByApplication(tx: Tx, applicationIds: readonly string[]): Promise<Map<string, Balances>> {
  const out = new Map<string, Balances>();
  if (applicationIds.length === 0) return out;
  const rows = await tx
    .selectFrom('ledger_entries')
    .select(['application_id', 'account', sql<string>`sum(amount)`.as('sum')])
    .where('application_id', 'in', applicationIds)
    .groupBy(['application_id', 'account'])
    .execute();
  for (const r of rows) {
    const b = out.get(r.application_id) ?? { ...EMPTY_BALANCES };
    b[r.account as LedgerAccount] = ore(Number(r.sum));
    out.set(r.application_id, b);
  }
  return out;
}

export async function balancesOfApplication(tx: Tx, applicationId: string): Promise<Balances> {
  return (await balancesByApplication(tx, [applicationId])).get(applicationId) ?? { ...EMPTY_BALANCES };
}

/** A refusal of the ledger's rules as the message a person can act on, naming the amount left. */
export function ledgerProblem(refusal: LedgerRefusal, field = 'amount'): Problem {
  return fieldProblem(422, field, `ledger_${refusal.code}`, { left: refusal.left });
}

/**
 * Posts one event for an application under its lock: reads its balances, asks the rules, and either
 * writes the journal or throws the refusal. `signed` says whether its agreement is signed.
 */
export async function postEvent(
  tx: Tx,
  dims: LedgerDims,
  event: LedgerEvent,
  signed: boolean,
  meta: { source: Journal['source']; sourceId: string; at: Date; by: string | null },
  field?: string,
): Promise<Balances> {
  const before = await balancesOfApplication(tx, dims.applicationId);
  const answer = post(before, event, signed);
  if ('refused' in answer) throw ledgerProblem(answer.refused, field);
  await writeJournals(tx, [{ dims, lines: answer.lines, ...meta }]);
  return apply(before, answer.lines);
}

const LINES_PER_STATEMENT = 2000;

/** Appends whole journals, many per statement (each journal inside one statement, as the balance trigger needs). */
export async function writeJournals(tx: Tx, journals: readonly Journal[]): Promise<void> {
  let batch: Parameters<typeof insertLines>[1] = [];
  for (const j of journals) {
    const journalId = randomUUID();
    if (batch.length + j.lines.length > LINES_PER_STATEMENT) {
      await insertLines(tx, batch);
      batch = [];
    }
    for (const line of j.lines) {
      batch.push({
        funder_id: j.dims.funderId,
        journal_id: journalId,
        at: j.at,
        account: line.account,
        amount: line.amount,
        budget_line_id: j.dims.budgetLineId,
        call_id: j.dims.callId,
        application_id: j.dims.applicationId,
        agreement_id: j.dims.agreementId,
        organisation_id: j.dims.organisationId,
        source: j.source,
        source_id: j.sourceId,
        created_by: j.by,
      });
    }
  }
  await insertLines(tx, batch);
}

async function insertLines(tx: Tx, rows: Insertable<LedgerEntriesTable>[]) {
  if (rows.length) await tx.insertInto('ledger_entries').values(rows).execute();
}
