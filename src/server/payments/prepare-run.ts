// Finance prepares a payment run of what is due (the first attest, kontrollattest). Only instalments
// with nothing holding them back go in: a verified account with no change waiting, no follow-up report
// of the agreement overdue, and no more than is left of the grant. The run's payments keep the payee
// and account as they are now.
//
// Lock order for payment work (see src/server/budget/guard.ts for decisions): the funder's payment
// settings → the run → budget lines, calls and applications (by id) → agreements (key share) →
// their follow-up reports (share, by id) → instalments and payments. Locking the settings first queues
// every prepare and approval of one funder behind each other.
import { sql } from 'kysely';
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
import { lockReports } from './report-hold.ts';
import { dueInstalments, FALLBACK_ACCOUNTING, paymentSettings } from './store.ts';

export async function lockPaymentSettings(tx: Parameters<Parameters<typeof scoped>[2]>[0], funderId: string) {
  const s = await tx.selectFrom('funder_payment_settings').select('funder_id').where('funder_id', '=', funderId).forUpdate().executeTakeFirst();
  if (!s) throw new Problem(409, 'payment_settings_missing');
}

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
    const { rows: dueAgreements } = await sql<{ id: string }>`
      select distinct i.agreement_id as id from instalments i
       where i.funder_id = ${funderId} and i.status = 'due' and i.due_on <= ${input.executionDate}`.execute(tx);
    const agreementIds = dueAgreements.map((r) => r.id).sort();
    await tx.selectFrom('agreements').select('id').where('id', '=', sql<string>`any(${agreementIds}::uuid[])`).orderBy('id').forKeyShare().execute();
    const shared = new Set(agreementIds);
    // Their reports are shared before they are read for holds: one submitted or moved meanwhile is waited
    // for and read as it then stands.
    await lockReports(tx, agreementIds);
    const due = (await dueInstalments(tx, funderId, input.executionDate, true, today)).filter((d) => ready(d) && shared.has(d.agreementId));
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
    // The payments are written by the database from the rows just read under the lock, in the order
    // chosen: the payee and account as they are now, and where the payment is booked (the budget line's
    // accounting, or the funder's default).
    const ids = due.map((d) => d.id);
    const settings = await paymentSettings(tx, funderId);
    const inserted = await sql`
      insert into payments (funder_id, run_id, position, instalment_id, agreement_id, organisation_id, payout_account_id, amount,
                            payee_name, payee_org_number, account_kind, account_number, end_to_end_id, remittance, agreement_number,
                            accounting, status)
      select i.funder_id, ${run.id}, x.ord - 1, i.id, i.agreement_id, i.organisation_id, pa.id, i.amount,
             o.name, o.org_number, pa.kind, pa.number, ${runKey} || '-' || lpad(x.ord::text, 5, '0'),
             'Uppdragsbidrag ' || g.number || ' del ' || i.number, g.number,
             coalesce(bl.accounting, ${JSON.stringify(settings?.defaultAccounting ?? FALLBACK_ACCOUNTING)}::jsonb), 'in_run'
        from unnest(${ids}::uuid[]) with ordinality as x (id, ord)
        join instalments i on i.id = x.id
        join agreements g on g.id = i.agreement_id
        join organisations o on o.id = i.organisation_id
        join calls c on c.id = g.call_id
        left join budget_lines bl on bl.id = c.budget_line_id
        join payout_accounts pa on pa.funder_id = i.funder_id and pa.organisation_id = i.organisation_id and pa.status = 'approved'`.execute(tx);
    if (Number(inserted.numAffectedRows ?? 0) !== ids.length) throw new Error('a payment run lost a payment between reading and writing');
    await tx.updateTable('instalments').set({ status: 'in_run' }).where('id', '=', sql<string>`any(${ids}::uuid[])`).execute();
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
