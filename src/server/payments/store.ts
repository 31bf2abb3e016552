// Reading payments: the funder's settings, what is due and what holds it back, and a run's payments
// page by page for its files (a run may hold thousands; a file is streamed, never built whole).
import { sql } from 'kysely';
import type { Tx } from '../../db/connection.ts';
import { type CalendarDate, dateInStockholm } from '../../domain/deadlines.ts';
import { summary } from '../../domain/ledger.ts';
import type { Ore } from '../../domain/money.ts';
import type { Accounting, PayerSettings, RunHeader, RunPayment } from '../../domain/payments/types.ts';
import { balancesByApplication } from '../ledger/store.ts';
import { type OverdueReport, overdueReports } from './report-hold.ts';

export const FALLBACK_ACCOUNTING: Accounting = { account: '4590', responsibility: null, activity: null, project: null };

export async function paymentSettings(tx: Tx, funderId: string): Promise<(PayerSettings & { defaultAccounting: Accounting }) | null> {
  const s = await tx.selectFrom('funder_payment_settings').selectAll().where('funder_id', '=', funderId).executeTakeFirst();
  if (!s) return null;
  return {
    debtorName: s.debtor_name,
    debtorOrgNumber: s.debtor_org_number,
    debtorAccount: { kind: s.debtor_account_kind, number: s.debtor_account_number },
    debtorBic: s.debtor_bic,
    initiatingPartyId: s.initiating_party_id,
    initiatingPartyScheme: s.initiating_party_scheme,
    voucherSeries: s.voucher_series,
    creditAccount: s.credit_account,
    defaultAccounting: s.default_accounting,
  };
}

export const HOLDS = ['no_verified_account', 'account_change_pending', 'report_overdue', 'exceeds_remaining'] as const;
export type Hold = (typeof HOLDS)[number];

export interface DueInstalment {
  id: string;
  agreementId: string;
  agreementNumber: string;
  applicationId: string;
  organisationId: string;
  organisationName: string;
  orgNumber: string;
  number: number;
  amount: Ore;
  dueOn: string;
  lastReason: string | null;
  accountId: string | null;
  accountKind: 'bankgiro' | 'plusgiro' | null;
  accountNumber: string | null;
  accounting: Accounting;
  hold: Hold | null;
  /** For exceeds_remaining: what is left of the grant to pay. */
  left: Ore | null;
  /** The agreement's overdue follow-up report, if it has one: it holds the instalment even when another hold is named first. */
  overdueReport: OverdueReport | null;
}

/**
 * Instalments due by the day, each with what holds it back, if anything: no verified account, a
 * change of account waiting for approval, a follow-up report of the agreement overdue `today`, or more
 * than is left of the grant. Read under the lock of the funder's payment settings (and the reports'
 * share, see ./report-hold.ts) when a run is made of it.
 */
export async function dueInstalments(
  tx: Tx,
  funderId: string,
  by: string,
  lock = false,
  today: CalendarDate = dateInStockholm(new Date()),
): Promise<DueInstalment[]> {
  let q = tx
    .selectFrom('instalments as i')
    .innerJoin('agreements as g', 'g.id', 'i.agreement_id')
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .innerJoin('calls as c', 'c.id', 'g.call_id')
    .leftJoin('budget_lines as bl', 'bl.id', 'c.budget_line_id')
    .leftJoin('payout_accounts as pa', (j) =>
      j.onRef('pa.funder_id', '=', 'i.funder_id').onRef('pa.organisation_id', '=', 'i.organisation_id').on('pa.status', '=', 'approved'),
    )
    .select([
      'i.id',
      'i.agreement_id',
      'g.number as agreement_number',
      'g.application_id',
      'i.organisation_id',
      'o.name as organisation_name',
      'o.org_number',
      'i.number',
      'i.amount',
      'i.due_on',
      'i.last_reason',
      'pa.id as account_id',
      'pa.kind as account_kind',
      'pa.number as account_number',
      'bl.accounting',
      sql<boolean>`exists (select 1 from payout_accounts p2 where p2.funder_id = i.funder_id and p2.organisation_id = i.organisation_id and p2.status = 'pending')`.as(
        'pending',
      ),
    ])
    .where('i.funder_id', '=', funderId)
    .where('i.status', '=', 'due')
    .where('i.due_on', '<=', by)
    .orderBy('i.due_on')
    .orderBy('o.name')
    .orderBy('g.number')
    .orderBy('i.number');
  if (lock) q = q.forUpdate('i');
  const rows = await q.execute();
  const settings = await paymentSettings(tx, funderId);
  const balances = await balancesByApplication(tx, [...new Set(rows.map((r) => r.application_id))]);
  const overdue = await overdueReports(
    tx,
    rows.map((r) => r.agreement_id),
    today,
  );
  const left = new Map<string, number>();
  for (const [id, b] of balances) left.set(id, summary(b).committed);
  return rows.map((r) => {
    const remaining = left.get(r.application_id) ?? 0;
    let hold: Hold | null = null;
    const report = overdue.get(r.agreement_id) ?? null;
    if (r.pending) hold = 'account_change_pending';
    else if (!r.account_id) hold = 'no_verified_account';
    else if (report) hold = 'report_overdue';
    else if (r.amount > remaining) hold = 'exceeds_remaining';
    else left.set(r.application_id, remaining - r.amount);
    return {
      id: r.id,
      agreementId: r.agreement_id,
      agreementNumber: r.agreement_number,
      applicationId: r.application_id,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      orgNumber: r.org_number,
      number: r.number,
      amount: r.amount,
      dueOn: r.due_on as string,
      lastReason: r.last_reason,
      accountId: r.account_id,
      accountKind: r.account_kind,
      accountNumber: r.account_number,
      accounting: r.accounting ?? settings?.defaultAccounting ?? FALLBACK_ACCOUNTING,
      hold,
      left: hold === 'exceeds_remaining' ? (remaining as Ore) : null,
      overdueReport: report,
    };
  });
}

export function runHeader(run: {
  number: string;
  message_id: string;
  approved_at: Date | null;
  prepared_at: Date;
  execution_date: string;
  count: number;
  total: Ore;
}): RunHeader {
  return {
    runNumber: run.number,
    messageId: run.message_id,
    createdAt: run.approved_at ?? run.prepared_at,
    executionDate: run.execution_date,
    count: run.count,
    total: run.total,
  };
}

const PAGE = 1000;

/** A run's payments in file order, read a page at a time through `read` (a transaction per page, or the caller's). */
export async function* runPayments(read: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>, runId: string): AsyncGenerator<RunPayment> {
  let after = -1;
  for (;;) {
    const page = await read((tx) =>
      tx
        .selectFrom('payments')
        .select([
          'position',
          'end_to_end_id',
          'amount',
          'payee_name',
          'payee_org_number',
          'account_kind',
          'account_number',
          'remittance',
          'agreement_number',
          'accounting',
        ])
        .where('run_id', '=', runId)
        .where('position', '>', after)
        .where('status', '!=', 'withdrawn')
        .orderBy('position')
        .limit(PAGE)
        .execute(),
    );
    for (const p of page) {
      yield {
        endToEndId: p.end_to_end_id,
        amount: p.amount,
        payeeName: p.payee_name,
        payeeOrgNumber: p.payee_org_number,
        account: { kind: p.account_kind, number: p.account_number },
        remittance: p.remittance,
        agreementNumber: p.agreement_number,
        accounting: p.accounting,
      };
    }
    if (page.length < PAGE) return;
    after = page[page.length - 1].position;
  }
}
