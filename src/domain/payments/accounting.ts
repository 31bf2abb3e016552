// Where a payment is booked: a Kommun-Bas account and the funder's own objects. One rule for the
// server's settings and the web's forms.
import type { RuleProblem } from '../calls/types.ts';
import type { Accounting } from './types.ts';

export const ACCOUNT_NUMBER = /^\d{4}$/;
/** SIE object codes: ASCII letters, digits, _ and -, so the code page 437 file carries them unchanged. */
export const OBJECT_CODE = /^[A-Za-z0-9_-]{1,20}$/;

/** Field problems of an accounting's account and objects; `prefix` names where it sits in a larger form. */
export function accountingProblems(a: Accounting, prefix = ''): RuleProblem[] {
  const p: RuleProblem[] = [];
  if (!a.account.trim()) p.push({ field: `${prefix}account`, code: 'required' });
  else if (!ACCOUNT_NUMBER.test(a.account)) p.push({ field: `${prefix}account`, code: 'account_four_digits' });
  for (const k of ['responsibility', 'activity', 'project'] as const) {
    const v = a[k];
    if (v !== null && !OBJECT_CODE.test(v)) p.push({ field: `${prefix}${k}`, code: 'invalid_format' });
  }
  return p;
}
