// Checks run in the browser before a form is sent. The rules and the messages
// are the server's own (src/domain, src/i18n), so both sides say the same thing.
import { normaliseOrgNumber } from '../../domain/organisation.ts';
import { checkPassword } from '../../domain/password.ts';
import { both, type MessageCode } from '../../i18n/messages.ts';
import type { FieldError } from '../api.ts';

export function fieldError(field: string, code: MessageCode, params: Record<string, unknown> = {}): FieldError {
  return { field, code, messages: both(code, params) };
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

export function orgNumber(field: string, value: string): FieldError[] {
  if (!value.trim()) return [];
  return normaliseOrgNumber(value.trim()) ? [] : [fieldError(field, 'org_number_invalid', { value: value.trim() })];
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
