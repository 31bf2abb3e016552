/** Bankgiro and plusgiro numbers: payouts go only to a checksum-valid registered account. */
export type GiroKind = 'bankgiro' | 'plusgiro';

/** The Luhn (mod 10) check both giro systems use on their last digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Normalises to the printed form (bankgiro NNN-NNNN or NNNN-NNNN, plusgiro NN…N-N), or null when invalid. */
export function normaliseGiro(kind: GiroKind, input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  if (kind === 'bankgiro') {
    if (digits.length < 7 || digits.length > 8 || !luhnValid(digits)) return null;
    return `${digits.slice(0, -4)}-${digits.slice(-4)}`;
  }
  if (digits.length < 2 || digits.length > 8 || !luhnValid(digits)) return null;
  return `${digits.slice(0, -1)}-${digits.slice(-1)}`;
}
