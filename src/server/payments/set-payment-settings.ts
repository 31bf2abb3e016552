// The funder's bank and accounting settings, and where each budget line's payments are booked. Every
// bank's identifiers and every municipality's accounts differ: these are settings, never constants.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import type { RuleProblem } from '../../domain/calls/types.ts';
import { normaliseGiro } from '../../domain/giro.ts';
import { normaliseOrgNumber } from '../../domain/organisation.ts';
import { ACCOUNT_NUMBER, accountingProblems } from '../../domain/payments/accounting.ts';
import type { Accounting, PayerSettings } from '../../domain/payments/types.ts';
import { policy } from '../../domain/roles.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';

export type PaymentSettingsInput = PayerSettings & { defaultAccounting: Accounting };

const BANK_ID = /^[A-Za-z0-9/\-?:().,'+ ]{1,35}$/;

export function settingsProblems(s: PaymentSettingsInput): RuleProblem[] {
  const p: RuleProblem[] = [];
  if (!s.debtorName.trim()) p.push({ field: 'debtorName', code: 'required' });
  if (!normaliseOrgNumber(s.debtorOrgNumber)) p.push({ field: 'debtorOrgNumber', code: 'org_number_invalid', params: { value: s.debtorOrgNumber } });
  const acct = s.debtorAccount;
  if (acct.kind === 'iban') {
    if (!/^SE\d{22}$/.test(acct.number.replace(/\s/g, ''))) p.push({ field: 'debtorAccount.number', code: 'invalid_format' });
  } else if (!normaliseGiro(acct.kind, acct.number)) {
    p.push({ field: 'debtorAccount.number', code: acct.kind === 'bankgiro' ? 'bankgiro_invalid' : 'plusgiro_invalid', params: { value: acct.number } });
  }
  if (s.debtorBic !== null && !/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(s.debtorBic)) p.push({ field: 'debtorBic', code: 'invalid_format' });
  if (!BANK_ID.test(s.initiatingPartyId)) p.push({ field: 'initiatingPartyId', code: 'invalid_format' });
  if (!/^[A-Z]{1,10}$/.test(s.initiatingPartyScheme)) p.push({ field: 'initiatingPartyScheme', code: 'invalid_format' });
  if (!/^[A-Za-z0-9]{1,10}$/.test(s.voucherSeries)) p.push({ field: 'voucherSeries', code: 'invalid_format' });
  if (!ACCOUNT_NUMBER.test(s.creditAccount)) p.push({ field: 'creditAccount', code: 'account_four_digits' });
  return [...p, ...accountingProblems(s.defaultAccounting, 'defaultAccounting.')];
}

export async function setPaymentSettings(ctx: AppContext, user: SignedInUser, funderId: string, input: PaymentSettingsInput, options: CommandOptions = {}) {
  if (!policy.managePayments(user, funderId) && !policy.manageUsers(user, funderId)) throw new Problem(403, 'forbidden');
  const problems = settingsProblems(input);
  if (problems.length) throw rulesProblem(problems);
  const now = clockOf(options);
  const digits = (n: string) => n.replace(/[\s-]/g, '');
  const values = {
    debtor_name: input.debtorName.trim(),
    debtor_org_number: digits(input.debtorOrgNumber),
    debtor_account_kind: input.debtorAccount.kind,
    debtor_account_number: digits(input.debtorAccount.number),
    debtor_bic: input.debtorBic,
    initiating_party_id: input.initiatingPartyId,
    initiating_party_scheme: input.initiatingPartyScheme,
    voucher_series: input.voucherSeries,
    credit_account: input.creditAccount,
    default_accounting: JSON.stringify(input.defaultAccounting),
    updated_by: user.userId,
    updated_at: now,
  };
  return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
    const before = await tx.selectFrom('funder_payment_settings').selectAll().where('funder_id', '=', funderId).forUpdate().executeTakeFirst();
    await tx
      .insertInto('funder_payment_settings')
      .values({ funder_id: funderId, ...values })
      .onConflict((oc) => oc.column('funder_id').doUpdateSet(values))
      .execute();
    await audit(tx, actorOf(user), {
      action: 'payment_settings.updated',
      objectType: 'funder',
      objectId: funderId,
      funderId,
      reason: auditReason(options),
      data: {
        before: before
          ? { debtorAccount: `${before.debtor_account_kind} ${before.debtor_account_number}`, initiatingPartyId: before.initiating_party_id }
          : null,
        after: { debtorAccount: `${values.debtor_account_kind} ${values.debtor_account_number}`, initiatingPartyId: values.initiating_party_id },
      },
    });
  });
}

export async function setLineAccounting(ctx: AppContext, user: SignedInUser, budgetLineId: string, input: Accounting | null, options: CommandOptions = {}) {
  const found = await ctx.db.kysely.selectFrom('budget_lines').select(['funder_id', 'name']).where('id', '=', budgetLineId).executeTakeFirst();
  if (!found || !policy.readFunder(user, found.funder_id)) throw new Problem(404, 'not_found');
  if (!policy.managePayments(user, found.funder_id) && !policy.designCalls(user, found.funder_id)) throw new Problem(403, 'forbidden');
  if (input) {
    const problems = accountingProblems(input);
    if (problems.length) throw rulesProblem(problems);
  }
  return scoped(ctx.db, scopeOf(user, found.funder_id), async (tx) => {
    await tx
      .updateTable('budget_lines')
      .set({ accounting: input ? JSON.stringify(input) : null })
      .where('id', '=', budgetLineId)
      .execute();
    await audit(tx, actorOf(user), {
      action: 'budget_line.accounting_set',
      objectType: 'budget_line',
      objectId: budgetLineId,
      funderId: found.funder_id,
      reason: auditReason(options),
      data: { name: found.name, accounting: input },
    });
  });
}
