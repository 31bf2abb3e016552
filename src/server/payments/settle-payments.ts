// What happened to sent payments: paid (finance confirms the run, or the bank's debit notification
// camt.054 says so) or rejected (the bank's status report pain.002, or finance records it). A rejected
// payment's instalment is due again with the bank's reason, and its money goes back from paid to
// committed in the ledger. Settling the same payment twice changes nothing.
import { audit } from '../../db/audit.ts';
import type { Tx } from '../../db/connection.ts';
import { scoped } from '../../db/scope.ts';
import { dateInStockholm, isCalendarDate } from '../../domain/deadlines.ts';
import { BankFileError, parseCamt054, parsePain002 } from '../../domain/payments/bank-status.ts';
import { policy } from '../../domain/roles.ts';
import { lockApplicationsForLedger } from '../budget/guard.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { ledgerDims, postEvent } from '../ledger/store.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { locateRun } from './approve-run.ts';
import { lockPaymentSettings } from './prepare-run.ts';

interface Settlement {
  endToEndId: string;
  outcome: 'paid' | 'rejected';
  on: string;
  reasonCode?: string | null;
  reasonText?: string | null;
}

export interface SettleResult {
  paid: number;
  rejected: number;
  unchanged: number;
  unknown: string[];
}

async function settle(tx: Tx, funderId: string, items: Settlement[], by: string, now: Date): Promise<SettleResult> {
  const result: SettleResult = { paid: 0, rejected: 0, unchanged: 0, unknown: [] };
  if (!items.length) return result;
  const ids = items.map((i) => i.endToEndId);
  const payments = await tx
    .selectFrom('payments as p')
    .innerJoin('agreements as g', 'g.id', 'p.agreement_id')
    .select(['p.id', 'p.end_to_end_id', 'p.status', 'p.instalment_id', 'p.amount', 'g.application_id'])
    .where('p.funder_id', '=', funderId)
    .where('p.end_to_end_id', 'in', ids)
    .execute();
  const byId = new Map(payments.map((p) => [p.end_to_end_id, p]));
  // Rejections move ledger money: their applications are locked first, in the budget guard's order.
  const rejectedApps = [
    ...new Set(
      items
        .filter((i) => i.outcome === 'rejected')
        .map((i) => byId.get(i.endToEndId)?.application_id)
        .filter((x): x is string => !!x),
    ),
  ].sort();
  await lockApplicationsForLedger(tx, rejectedApps);
  for (const item of items) {
    const p = byId.get(item.endToEndId);
    if (!p) {
      result.unknown.push(item.endToEndId);
      continue;
    }
    const current = await tx.selectFrom('payments').select('status').where('id', '=', p.id).forUpdate().executeTakeFirstOrThrow();
    if (current.status !== 'sent') {
      result.unchanged++;
      continue;
    }
    if (item.outcome === 'paid') {
      await tx.updateTable('payments').set({ status: 'paid', settled_on: item.on }).where('id', '=', p.id).execute();
      await tx.updateTable('instalments').set({ status: 'paid', paid_on: item.on }).where('id', '=', p.instalment_id).execute();
      result.paid++;
    } else {
      const reason = [item.reasonCode, item.reasonText].filter(Boolean).join(': ') || 'Avvisad av banken';
      await tx
        .updateTable('payments')
        .set({ status: 'rejected', settled_on: item.on, reason_code: item.reasonCode ?? null, reason_text: item.reasonText ?? null })
        .where('id', '=', p.id)
        .execute();
      await tx.updateTable('instalments').set({ status: 'due', last_reason: reason }).where('id', '=', p.instalment_id).execute();
      await postEvent(tx, await ledgerDims(tx, p.application_id), { kind: 'payment_rejected', amount: p.amount }, true, {
        source: 'payment_rejected',
        sourceId: p.id,
        at: now,
        by,
      });
      result.rejected++;
    }
  }
  return result;
}

/** Finance confirms that every sent payment of an approved run has been paid. */
export async function confirmRunPaid(ctx: AppContext, user: SignedInUser, runId: string, input: { paidOn: string }, options: CommandOptions = {}) {
  const funderId = await locateRun(ctx, user, runId);
  if (!policy.managePayments(user, funderId)) throw new Problem(403, 'forbidden');
  const now = clockOf(options);
  if (!isCalendarDate(input.paidOn)) throw fieldProblem(422, 'paidOn', 'invalid_date');
  if (input.paidOn > dateInStockholm(now)) throw fieldProblem(422, 'paidOn', 'date_in_future');
  return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
    await lockPaymentSettings(tx, funderId);
    const run = await tx.selectFrom('payment_runs').selectAll().where('id', '=', runId).forUpdate().executeTakeFirstOrThrow();
    if (run.status !== 'approved') throw new Problem(409, 'run_not_approved');
    const sent = await tx.selectFrom('payments').select('end_to_end_id').where('run_id', '=', runId).where('status', '=', 'sent').execute();
    const result = await settle(
      tx,
      funderId,
      sent.map((s) => ({ endToEndId: s.end_to_end_id, outcome: 'paid', on: input.paidOn })),
      user.userId,
      now,
    );
    await audit(tx, actorOf(user), {
      action: 'payment_run.confirmed_paid',
      objectType: 'payment_run',
      objectId: runId,
      funderId,
      reason: auditReason(options),
      data: { number: run.number, paidOn: input.paidOn, ...result },
    });
    return result;
  });
}

/** Finance records that the bank rejected one payment, with the bank's reason. */
export async function rejectPayment(ctx: AppContext, user: SignedInUser, paymentId: string, input: { reason: string }, options: CommandOptions = {}) {
  const found = await ctx.db.kysely.selectFrom('payments').select(['funder_id', 'run_id', 'end_to_end_id']).where('id', '=', paymentId).executeTakeFirst();
  if (!found || !policy.readFunder(user, found.funder_id)) throw new Problem(404, 'not_found');
  if (!policy.managePayments(user, found.funder_id)) throw new Problem(403, 'forbidden');
  if (!input.reason.trim()) throw fieldProblem(422, 'reason', 'required');
  const now = clockOf(options);
  return scoped(ctx.db, scopeOf(user, found.funder_id), async (tx) => {
    await lockPaymentSettings(tx, found.funder_id);
    const result = await settle(
      tx,
      found.funder_id,
      [{ endToEndId: found.end_to_end_id, outcome: 'rejected', on: dateInStockholm(now), reasonText: input.reason.trim() }],
      user.userId,
      now,
    );
    if (result.unchanged) throw new Problem(409, 'already_decided');
    await audit(tx, actorOf(user), {
      action: 'payment.rejected',
      objectType: 'payment_run',
      objectId: found.run_id,
      funderId: found.funder_id,
      reason: auditReason(options, input.reason.trim()),
      data: { endToEndId: found.end_to_end_id },
    });
    return result;
  });
}

/** Reads the bank's answer, a status report (pain.002) or a debit notification (camt.054), and settles what it names. */
export async function importBankFile(ctx: AppContext, user: SignedInUser, funderId: string, input: { content: string }, options: CommandOptions = {}) {
  if (!policy.managePayments(user, funderId)) throw new Problem(403, 'forbidden');
  const now = clockOf(options);
  const today = dateInStockholm(now);
  let kind: 'pain.002' | 'camt.054';
  let items: Settlement[];
  let groupRejectedMessage: { id: string; code: string | null; text: string | null } | null = null;
  try {
    const report = parsePain002(input.content);
    kind = 'pain.002';
    items = report.payments
      .filter((p) => p.status === 'rejected')
      .map((p) => ({ endToEndId: p.endToEndId, outcome: 'rejected', on: today, reasonCode: p.reasonCode, reasonText: p.reasonText }));
    if (report.groupStatus?.status === 'rejected' && report.originalMessageId) {
      groupRejectedMessage = { id: report.originalMessageId, code: report.groupStatus.reasonCode, text: report.groupStatus.reasonText };
    }
  } catch (e) {
    if (!(e instanceof BankFileError)) throw e;
    try {
      kind = 'camt.054';
      items = parseCamt054(input.content)
        .entries.filter((x) => x.debit)
        .map((x) => ({ endToEndId: x.endToEndId, outcome: 'paid', on: x.bookingDate }));
    } catch (e2) {
      if (e2 instanceof BankFileError) throw fieldProblem(422, 'content', 'bank_file_unreadable');
      throw e2;
    }
  }
  return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
    await lockPaymentSettings(tx, funderId);
    if (groupRejectedMessage) {
      const g = groupRejectedMessage;
      const inRun = await tx
        .selectFrom('payments as p')
        .innerJoin('payment_runs as r', 'r.id', 'p.run_id')
        .select('p.end_to_end_id')
        .where('r.funder_id', '=', funderId)
        .where('r.message_id', '=', g.id)
        .execute();
      const named = new Set(items.map((i) => i.endToEndId));
      for (const p of inRun)
        if (!named.has(p.end_to_end_id)) items.push({ endToEndId: p.end_to_end_id, outcome: 'rejected', on: today, reasonCode: g.code, reasonText: g.text });
    }
    const result = await settle(tx, funderId, items, user.userId, now);
    await audit(tx, actorOf(user), {
      action: 'bank_file.imported',
      objectType: 'funder',
      objectId: funderId,
      funderId,
      reason: auditReason(options),
      data: { kind, paid: result.paid, rejected: result.rejected, unchanged: result.unchanged, unknown: result.unknown.length },
    });
    return { kind, ...result };
  });
}
