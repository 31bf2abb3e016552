// Checks run in the browser before a form is sent. The rules and the messages
// are the server's own (src/domain, src/i18n), so both sides say the same thing.

import type { TFunction } from 'i18next';
import i18n from 'i18next';
import type { RuleProblem } from '../../domain/calls/types.ts';
import { checkOrgNumber, isLegalForm } from '../../domain/organisation.ts';
import { checkPassword } from '../../domain/password.ts';
import { both, isMessageCode, type MessageCode } from '../../i18n/messages.ts';
import type { FieldError } from '../api/client.ts';

export function fieldError(field: string, code: MessageCode, params: Record<string, unknown> = {}): FieldError {
  return { field, code, messages: both(code, params) };
}

/** A domain rule's problems (src/domain), with the server's own messages. */
export function ruleErrors(problems: RuleProblem[]): FieldError[] {
  return problems.map((p) => fieldError(p.field, isMessageCode(p.code) ? p.code : 'invalid_value', p.params));
}

export function required<T extends object>(values: T, ...fields: (keyof T & string)[]): FieldError[] {
  return fields.filter((f) => !String(values[f] ?? '').trim()).map((f) => fieldError(f, 'required'));
}

// A light check only: the server has the last word on e-mail addresses.
export function email(field: string, value: string): FieldError[] {
  return value.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? [fieldError(field, 'invalid_email')] : [];
}

export function newPassword(field: string, value: string): FieldError[] {
  if (!value) return [];
  const verdict = checkPassword(value);
  return verdict.ok ? [] : [fieldError(field, verdict.code, { limit: verdict.limit })];
}

/** An organisation number as typed, and, once the legal form is chosen, whether it belongs to that form. */
export function orgNumber(field: string, value: string, legalForm?: string): FieldError[] {
  if (!value.trim()) return [];
  const verdict = checkOrgNumber(value, legalForm && isLegalForm(legalForm) ? legalForm : undefined);
  return verdict.ok ? [] : [fieldError(field, verdict.code, verdict.params)];
}

/** A field error with the web app's own words (for checks the server has no message for), in both languages. */
export function localFieldError(
  field: string,
  key: string,
  values: Record<string, unknown> | ((lng: 'sv' | 'en') => Record<string, unknown>) = {},
): FieldError {
  const text = (lng: 'sv' | 'en') => (i18n.getFixedT(lng) as TFunction)(key, typeof values === 'function' ? values(lng) : values);
  return { field, code: key, messages: { sv: text('sv'), en: text('en') } };
}

/** Keeps the first error per field, in the order the checks were listed. */
export function collect(...lists: FieldError[][]): FieldError[] {
  const seen = new Set<string>();
  return lists.flat().filter((e) => {
    if (seen.has(e.field)) return false;
    seen.add(e.field);
    return true;
  });
}
