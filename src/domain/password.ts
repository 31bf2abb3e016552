export const MIN_PASSWORD_LENGTH = 10;

// The most common choices in breach lists, in the forms people here use.
const COMMON = new Set([
  '1234567890',
  '0123456789',
  'qwertyuiop',
  'password123',
  'losenord123',
  'lösenord123',
  'sommar2024',
  'sommar2025',
  'sommar2026',
  'vinter2026',
  'password1234',
  'qwerty1234',
  'samverka123',
  'abcdefghij',
]);

export type PasswordVerdict = { ok: true } | { ok: false; code: 'password_too_short' | 'password_too_common'; limit?: number };

/** NIST SP 800-63B: a length floor and a deny-list, no composition rules. */
export function checkPassword(password: string): PasswordVerdict {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { ok: false, code: 'password_too_short', limit: MIN_PASSWORD_LENGTH };
  if (COMMON.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) return { ok: false, code: 'password_too_common' };
  return { ok: true };
}
