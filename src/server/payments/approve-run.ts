// A second person approves the run (beslutsattest). The payments are then sent: each instalment
// moves from committed to paid in the ledger, which refuses anything beyond what is left of the
// grant. The files' hashes are taken now and kept with the run and in the audit trail. Two people
// approving at once: the first takes the locks, the second finds the run approved. A run is refused,
// as when an account changed, if a follow-up report of one of its agreements became overdue since it
// was prepared: finance cancels it and prepares another, which leaves that agreement out.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { post } from '../../domain/ledger.ts';
import { addOre, type Ore } from '../../domain/money.ts';
import { policy } from '../../domain/roles.ts';
import { lockApplicationsForLedger } from '../budget/guard.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { balancesByApplication, type Journal, ledgerProblem, writeJournals } from '../ledger/store.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { runFileHashes, within } from './files.ts';
import { lockPaymentSettings } from './prepare-run.ts';
import { lockReports, overdueReports } from './report-hold.ts';
import { paymentSettings, runHeader, runPayments } from './store.ts';

export async function locateRun(ctx: AppContext, user: SignedInUser, runId: string) {
  const found = await ctx.db.kysely.selectFrom('payment_runs').select(['funder_id']).where('id', '=', runId).executeTakeFirst();
  if (!found || !policy.readFunder(user, found.funder_id)) throw new Problem(404, 'not_found');
  return found.funder_id;
}

export async function approveRun(ctx: AppContext, user: SignedInUser, runId: string, options: CommandOptions = {}) {
  const funderId = await locateRun(ctx, user, runId);
  if (!policy.managePayments(user, funderId)) throw new Problem(403, 'forbidden');
  const now = clockOf(options);
  return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
    await lockPaymentSettings(tx, funderId);
    const run = await tx.selectFrom('payment_runs').selectAll().where('id', '=', runId).forUpdate().executeTakeFirstOrThrow();
    if (run.status !== 'prepared') throw new Problem(409, 'run_not_prepared');
    if (run.prepared_by === user.userId) throw new Problem(403, 'second_attest_required');
    const payments = await tx
      .selectFrom('payments as p')
      .innerJoin('agreements as g', 'g.id', 'p.agreement_id')
      .innerJoin('calls as c', 'c.id', 'g.call_id')
      .select([
        'p.id',
        'p.instalment_id',
        'p.amount',
        'p.payout_account_id',
        'p.organisation_id',
        'p.payee_name',
        'p.agreement_number',
        'g.id as agreement_id',
        'g.application_id',
        'g.call_id',
        'c.budget_line_id',
      ])
      .where('p.run_id', '=', runId)
      .where('p.status', '=', 'in_run')
      .orderBy('p.position')
      .execute();
    // An account changed since the run was prepared (replaced, or a change waiting): nothing is sent.
    const accounts = await tx
      .selectFrom('payout_accounts')
      .select(['id', 'organisation_id', 'status'])
      .where('funder_id', '=', funderId)
      .where('status', 'in', ['approved', 'pending'])
      .where('organisation_id', 'in', [...new Set(payments.map((p) => p.organisation_id)), '00000000-0000-0000-0000-000000000000'])
      .execute();
    const approved = new Set(accounts.filter((a) => a.status === 'approved').map((a) => a.id));
    const pending = new Set(accounts.filter((a) => a.status === 'pending').map((a) => a.organisation_id));
    const changed = [...new Set(payments.filter((p) => !approved.has(p.payout_account_id) || pending.has(p.organisation_id)).map((p) => p.payee_name))];
    if (changed.length) throw new Problem(409, 'run_accounts_changed', { names: changed.join(', ') });
    // The applications' locks (after their lines and calls, as the budget guard takes them), so no
    // decision changes a grant while it is paid from.
    const applicationIds = [...new Set(payments.map((p) => p.application_id))].sort();
    await lockApplicationsForLedger(tx, applicationIds);
    // The agreements' reports, shared after the applications (the order in src/server/budget/guard.ts): a
    // report submitted or moved meanwhile is waited for, and none is overdue when the money goes.
    const agreementIds = [...new Set(payments.map((p) => p.agreement_id))];
    await lockReports(tx, agreementIds);
    const overdue = await overdueReports(tx, agreementIds, dateInStockholm(now));
    const held = [...new Set(payments.filter((p) => overdue.has(p.agreement_id)).map((p) => p.agreement_number))];
    if (held.length) throw new Problem(409, 'run_report_overdue', { agreements: held.join(', ') });
    // One journal per application for the run (what the run pays under that grant), checked against what
    // is left of the grant: a run paying several instalments of one agreement books them together.
    const balances = await balancesByApplication(tx, applicationIds);
    const byApplication = new Map<string, { first: (typeof payments)[number]; amount: Ore }>();
    for (const p of payments) {
      const sum = byApplication.get(p.application_id);
      if (sum) sum.amount = addOre(sum.amount, p.amount);
      else byApplication.set(p.application_id, { first: p, amount: p.amount });
    }
    const journals: Journal[] = [];
    for (const [applicationId, { first: p, amount }] of byApplication) {
      const before = balances.get(applicationId);
      if (!before) throw new Problem(409, 'no_grant_to_agree');
      const answer = post(before, { kind: 'pay', amount }, true);
      if ('refused' in answer) {
        const problem = ledgerProblem(answer.refused);
        throw new Problem(422, problem.code, { ...problem.params, agreement: p.agreement_number }, problem.fields);
      }
      journals.push({
        dims: { funderId, budgetLineId: p.budget_line_id, callId: p.call_id, applicationId, agreementId: p.agreement_id, organisationId: p.organisation_id },
        lines: answer.lines,
        source: 'payment',
        sourceId: runId,
        at: now,
        by: user.userId,
      });
    }
    await writeJournals(tx, journals);
    await tx.updateTable('payments').set({ status: 'sent' }).where('run_id', '=', runId).where('status', '=', 'in_run').execute();
    await tx
      .updateTable('instalments')
      .set({ status: 'sent' })
      .where('id', 'in', (eb) => eb.selectFrom('payments').select('instalment_id').where('run_id', '=', runId).where('status', '=', 'sent'))
      .execute();
    const settings = await paymentSettings(tx, funderId);
    if (!settings) throw new Problem(409, 'payment_settings_missing');
    const { defaultAccounting: _, ...payer } = settings;
    const approvedRun = { ...run, approved_at: now };
    const files = await runFileHashes(runHeader(approvedRun), payer, () => runPayments(within(tx), runId));
    const row = await tx
      .updateTable('payment_runs')
      .set({ status: 'approved', approved_by: user.userId, approved_at: now, settings: JSON.stringify(payer), files: JSON.stringify(files) })
      .where('id', '=', runId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actorOf(user), {
      action: 'payment_run.approved',
      objectType: 'payment_run',
      objectId: runId,
      funderId,
      reason: auditReason(options),
      data: { number: run.number, preparedBy: run.prepared_by, count: run.count, total: run.total, executionDate: run.execution_date, files },
    });
    return row;
  });
}
