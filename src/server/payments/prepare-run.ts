// Finance prepares a payment run of what is due (the first attest, kontrollattest). Only instalments
// with nothing holding them back go in: a verified account with no change waiting, and no more than
// is left of the grant. The run's payments keep the payee and account as they are now.
//
// Lock order for payment work (see src/server/budget/guard.ts for decisions): the funder's payment
// settings → the run → budget lines, calls and applications (by id) → agreements (key share) →
// instalments and payments. Locking the settings first queues every prepare and approval of one
// funder behind each other.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { bankDayOnOrAfter, isBankDay } from '../../domain/bank-days.ts';
import { dateInStockholm, isCalendarDate } from '../../domain/deadlines.ts';
import { sumOre } from '../../domain/money.ts';
import { sanitiseId } from '../../domain/payments/pain001.ts';
import { policy } from '../../domain/roles.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { nextNumber } from '../numbering.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { dueInstalments } from './store.ts';

export async function lockPaymentSettings(tx: Parameters<Parameters<typeof scoped>[2]>[0], funderId: string) {
  const s = await tx.selectFrom('funder_payment_settings').select('funder_id').where('funder_id', '=', funderId).forUpdate().executeTakeFirst();
  if (!s) throw new Problem(409, 'payment_settings_missing');
}

const INSERT_BATCH = 1000;

export async function prepareRun(
  ctx: AppContext,
  user: SignedInUser,
  funderId: string,
  input: { executionDate: string; instalmentIds?: string[] },
  options: CommandOptions = {},
) {
  if (!policy.managePayments(user, funderId)) throw new Problem(403, 'forbidden');
  const now = clockOf(options);
  const today = dateInStockholm(now);
  if (!isCalendarDate(input.executionDate)) throw fieldProblem(422, 'executionDate', 'invalid_date');
  if (input.executionDate < today) throw fieldProblem(422, 'executionDate', 'date_in_past');
  if (!isBankDay(input.executionDate))
    throw fieldProblem(422, 'executionDate', 'not_a_bank_day', { date: input.executionDate, next: bankDayOnOrAfter(input.executionDate) });
  return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
    await lockPaymentSettings(tx, funderId);
    const wanted = input.instalmentIds ? new Set(input.instalmentIds) : null;
    const ready = (d: Awaited<ReturnType<typeof dueInstalments>>[number]) => !d.hold && (!wanted || wanted.has(d.id));
    // The agreements are key-shared before their instalments are locked (the payments' foreign key takes
    // that share anyway): a decision holds its agreement and then waits for the instalments, so taking the
    // share after them deadlocks. An instalment of an agreement not shared here waits for the next run.
    const agreementIds = [...new Set((await dueInstalments(tx, funderId, input.executionDate)).filter(ready).map((d) => d.agreementId))].sort();
    for (let k = 0; k < agreementIds.length; k += INSERT_BATCH)
      await tx
        .selectFrom('agreements')
        .select('id')
        .where('id', 'in', agreementIds.slice(k, k + INSERT_BATCH))
        .orderBy('id')
        .forKeyShare()
        .execute();
    const shared = new Set(agreementIds);
    const due = (await dueInstalments(tx, funderId, input.executionDate, true)).filter((d) => ready(d) && shared.has(d.agreementId));
    if (due.length === 0) throw fieldProblem(422, 'executionDate', 'nothing_due');
    const year = Number(today.slice(0, 4));
    const number = await nextNumber(tx, funderId, 'payment_run', year);
    const total = sumOre(due.map((d) => d.amount));
    const run = await tx
      .insertInto('payment_runs')
      .values({
        funder_id: funderId,
        number,
        status: 'prepared',
        execution_date: input.executionDate,
        count: due.length,
        total,
        message_id: sanitiseId(number),
        prepared_by: user.userId,
        prepared_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const runKey = sanitiseId(number.replace(/^\S+\s+/, ''), 20).replace(/\//g, '-');
    const rows = due.map((d, position) => ({
      funder_id: funderId,
      run_id: run.id,
      position,
      instalment_id: d.id,
      agreement_id: d.agreementId,
      organisation_id: d.organisationId,
      payout_account_id: d.accountId as string,
      amount: d.amount,
      payee_name: d.organisationName,
      payee_org_number: d.orgNumber,
      account_kind: d.accountKind as 'bankgiro' | 'plusgiro',
      account_number: d.accountNumber as string,
      end_to_end_id: `${runKey}-${String(position + 1).padStart(5, '0')}`,
      remittance: `Uppdragsbidrag ${d.agreementNumber} del ${d.number}`,
      agreement_number: d.agreementNumber,
      accounting: JSON.stringify(d.accounting),
      status: 'in_run' as const,
    }));
    for (let k = 0; k < rows.length; k += INSERT_BATCH)
      await tx
        .insertInto('payments')
        .values(rows.slice(k, k + INSERT_BATCH))
        .execute();
    const ids = due.map((d) => d.id);
    for (let k = 0; k < ids.length; k += INSERT_BATCH) {
      await tx
        .updateTable('instalments')
        .set({ status: 'in_run' })
        .where('id', 'in', ids.slice(k, k + INSERT_BATCH))
        .execute();
    }
    await audit(tx, actorOf(user), {
      action: 'payment_run.prepared',
      objectType: 'payment_run',
      objectId: run.id,
      funderId,
      reason: auditReason(options),
      data: { number, executionDate: input.executionDate, count: due.length, total },
    });
    return run;
  });
}
