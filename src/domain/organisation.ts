import OrganisationsnummerModule from 'organisationsnummer';

// The package's types describe an ES default export; Node hands over its CommonJS exports, which are the class itself.
const Organisationsnummer = OrganisationsnummerModule as unknown as typeof OrganisationsnummerModule.default;

/** Legal forms (organisationsform) a Samverka organisation can have. */
export const LEGAL_FORMS = [
  'ideell_forening',
  'studieforbund',
  'trossamfund',
  'stiftelse',
  'ekonomisk_forening',
  'kommun',
  'region',
  'myndighet',
  'aktiebolag',
  'annan',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

/** Non-profit forms: the civil society that calls are usually open to. */
export const NON_PROFIT_FORMS: readonly LegalForm[] = ['ideell_forening', 'studieforbund', 'trossamfund', 'stiftelse'];

export function isLegalForm(value: string): value is LegalForm {
  return (LEGAL_FORMS as readonly string[]).includes(value);
}

/**
 * Normalises an organisationsnummer to NNNNNN-NNNN, or returns null when it
 * is not a valid one (wrong length or check digit).
 */
export function normaliseOrgNumber(input: string): string | null {
  const compact = input.replace(/[\s]/g, '');
  if (!/^(\d{2})?\d{6}[-+]?\d{4}$/.test(compact)) return null;
  if (!Organisationsnummer.valid(compact)) return null;
  return Organisationsnummer.parse(compact).format(true);
}
