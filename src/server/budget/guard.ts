// The budget guard: every change that moves money (a decision, a superseding decision, a call's
// creation, change, publication or amendment) takes its locks here, in one order, and reads the
// sums only after them. On PostgreSQL two transactions that lock the same rows in different orders
// can deadlock, and one that sums rows it has not locked can be overtaken, so:
//
//   lock order: budget lines (by id) → the call → the application → its agreement → its instalments
//
// A call's row is locked only after the budget lines it draws on (before and after a change);
// an application's only after its call. Nothing else locks these rows for a money change.
//
// Payments (src/server/payments/) lock in their own order, which never takes a line or a call:
//
//   the funder's payment settings → the run → applications (by id) → their agreements' follow-up
//   reports (share, by id) → instalments and payments
//
// A decision holds at most one application and takes instalments only after it; a run's approval
// takes all its applications before any instalment, so the two orders cannot wait on each other in a
// circle. Recoveries and repayments lock like a decision (line, call, application). The ledger's
// journals are written only under the application's lock (src/server/ledger/store.ts).
//
// A follow-up report is locked after its agreement (a recovery started from it), or first and then the
// instalment that waits for it (approving it); its other commands (saving, submitting, moving its due
// date) lock only the report. Payment work shares the reports of the agreements it pays, after their
// applications and before any instalment, so that none is submitted or has its due date moved while a
// run is prepared or approved from what it says (no payment on an agreement with an overdue report).
// Approving a report never locks an application, and the instalment it makes due is one no run holds.
import { sql } from 'kysely';
import type { Tx } from '../../db/connection.ts';
import type { BudgetState } from '../../domain/assessment/budget.ts';
import { type Ore, ore } from '../../domain/money.ts';
import { lineAvailable } from '../../domain/programmes.ts';
import type { CallRow } from '../calls/store.ts';
import { Problem } from '../problem.ts';

/** Decisions (aliased d) that no later decision supersedes: the current ones. */
export const isCurrent = sql<boolean>`not exists (select 1 from decisions s where s.supersedes = d.id)`;

/** A sum of öre as the database answers it: sum() of bigint is numeric, which arrives as a string. */
const oreSum = (value: string | number): Ore => ore(Number(value));

/** Locks budget lines in id order, so two guards over the same lines always queue in the same order. */
async function lockLines(tx: Tx, lineIds: readonly (string | null | undefined)[]) {
  const ids = [...new Set(lineIds.filter((x): x is string => typeof x === 'string'))].sort();
  for (const id of ids) await tx.selectFrom('budget_lines').select('id').where('id', '=', id).forUpdate().execute();
}

/**
 * Locks a call for a change that moves money: first the budget line it draws on (and any line it is
 * about to draw on), then the call itself. Should the call move to another line between the first
 * read and the lock, the locks are taken again for the line it now has.
 */
export async function lockCall(tx: Tx, callId: string, movingTo: string | null = null): Promise<CallRow> {
  for (;;) {
    const seen = await tx.selectFrom('calls').select('budget_line_id').where('id', '=', callId).executeTakeFirstOrThrow();
    await lockLines(tx, [seen.budget_line_id, movingTo]);
    const call = await tx.selectFrom('calls').selectAll().where('id', '=', callId).forUpdate().executeTakeFirstOrThrow();
    if (call.budget_line_id === seen.budget_line_id) return call;
  }
}

/**
 * Locks applications that payments post to the ledger for (many at once), in the guard's order: their
 * budget lines, then their calls, then the applications, each in id order. Lines and calls are only
 * key-shared, which is what the ledger's foreign keys to them take anyway; taken after the applications
 * instead, that share would wait on a decision holding its call while the decision waits on an
 * application held here: a deadlock.
 */
export async function lockApplicationsForLedger(tx: Tx, applicationIds: readonly string[]): Promise<void> {
  const ids = [...new Set(applicationIds)].sort();
  if (ids.length === 0) return;
  const BATCH = 1000;
  const owners = [];
  for (let k = 0; k < ids.length; k += BATCH)
    owners.push(
      ...(await tx
        .selectFrom('applications as a')
        .innerJoin('calls as c', 'c.id', 'a.call_id')
        .select(['c.id', 'c.budget_line_id'])
        .where('a.id', 'in', ids.slice(k, k + BATCH))
        .execute()),
    );
  const lines = [...new Set(owners.map((o) => o.budget_line_id).filter((x): x is string => !!x))].sort();
  const calls = [...new Set(owners.map((o) => o.id))].sort();
  for (let k = 0; k < lines.length; k += BATCH)
    await tx
      .selectFrom('budget_lines')
      .select('id')
      .where('id', 'in', lines.slice(k, k + BATCH))
      .orderBy('id')
      .forKeyShare()
      .execute();
  for (let k = 0; k < calls.length; k += BATCH)
    await tx
      .selectFrom('calls')
      .select('id')
      .where('id', 'in', calls.slice(k, k + BATCH))
      .orderBy('id')
      .forKeyShare()
      .execute();
  for (let k = 0; k < ids.length; k += BATCH)
    await tx
      .selectFrom('applications')
      .select('id')
      .where('id', 'in', ids.slice(k, k + BATCH))
      .orderBy('id')
      .forUpdate()
      .execute();
}

/** Locks a call and then one of its applications, for a decision on it. */
export async function lockApplication(tx: Tx, callId: string, applicationId: string): Promise<CallRow> {
  const call = await lockCall(tx, callId);
  await tx.selectFrom('applications').select('id').where('id', '=', applicationId).forUpdate().execute();
  return call;
}

/** What a call has granted by its current decisions. */
export async function grantedByCall(tx: Tx, callId: string): Promise<Ore> {
  const r = await tx
    .selectFrom('decisions as d')
    .where(isCurrent)
    .where('d.call_id', '=', callId)
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string | number>('d.amount'), eb.lit(0)).as('sum'))
    .executeTakeFirstOrThrow();
  return oreSum(r.sum);
}

/**
 * What a call has granted by its current decisions, and what its budget line has and has granted.
 * Exact only under `lockCall` (or `lockApplication`); unlocked, it is an overview that may be stale.
 */
export async function budgetState(tx: Tx, callId: string): Promise<BudgetState & { budgetLineId: string | null }> {
  const call = await tx.selectFrom('calls').select(['amount', 'budget_line_id']).where('id', '=', callId).executeTakeFirstOrThrow();
  let line: BudgetState['line'] = null;
  if (call.budget_line_id) {
    const budgetLine = await tx.selectFrom('budget_lines').select('amount').where('id', '=', call.budget_line_id).executeTakeFirstOrThrow();
    const lineGranted = await tx
      .selectFrom('decisions as d')
      .where(isCurrent)
      .innerJoin('calls', 'calls.id', 'd.call_id')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string | number>('d.amount'), eb.lit(0)).as('sum'))
      .where('calls.budget_line_id', '=', call.budget_line_id)
      .executeTakeFirstOrThrow();
    line = { amount: budgetLine.amount, granted: oreSum(lineGranted.sum) };
  }
  return { callAmount: call.amount, callGranted: await grantedByCall(tx, callId), line, budgetLineId: call.budget_line_id };
}

/**
 * What is left on a budget line for this call (the line's amount less what its other calls are
 * for). The caller holds the line's lock: `lockCall` for an existing call, `lockNewCallLine` for a new one.
 */
export async function availableOnLine(tx: Tx, funderId: string, budgetLineId: string | null, exceptCallId: string | null): Promise<Ore | null> {
  if (!budgetLineId) return null;
  const line = await tx.selectFrom('budget_lines').select(['amount']).where('id', '=', budgetLineId).where('funder_id', '=', funderId).executeTakeFirst();
  if (!line) throw new Problem(422, 'validation_failed', {}, [{ field: 'budgetLineId', code: 'budget_line_unknown' }]);
  let q = tx.selectFrom('calls').select(sql<Ore>`coalesce(sum(amount), 0)::bigint`.as('committed')).where('budget_line_id', '=', budgetLineId);
  if (exceptCallId) q = q.where('id', '!=', exceptCallId);
  const { committed } = await q.executeTakeFirstOrThrow();
  return lineAvailable(line.amount, committed);
}

/** Locks the line a new call will draw on, before its amount is checked against the line. */
export function lockNewCallLine(tx: Tx, budgetLineId: string | null) {
  return lockLines(tx, [budgetLineId]);
}
