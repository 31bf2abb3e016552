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
 * The kinds of legal person whose organisation numbers may begin with each digit (Skatteverket's
 * group numbers: 2 the state, regions, municipalities and parishes, also registered faith
 * communities; 5 limited companies; 7 economic associations; 8 non-profit associations and
 * foundations). 'annan' takes any group.
 */
export const ORG_NUMBER_GROUPS: Record<Exclude<LegalForm, 'annan'>, readonly string[]> = {
  ideell_forening: ['8'],
  studieforbund: ['8'],
  trossamfund: ['2', '8'],
  stiftelse: ['8'],
  ekonomisk_forening: ['7'],
  kommun: ['2'],
  region: ['2'],
  myndighet: ['2'],
  aktiebolag: ['5'],
};

type OrgNumberVerdict =
  | { ok: true; orgNumber: string }
  | { ok: false; code: 'org_number_invalid' | 'org_number_personal'; params: { value: string } }
  | { ok: false; code: 'org_number_form_mismatch'; params: { value: string; digit: string; legalForm: LegalForm } };

/**
 * Checks an organisationsnummer as typed: ten digits (or twelve with the century 16) with a valid
 * check digit; not a personal identity number (whose third and fourth digits are a month, where an
 * organisation number's are at least 20); and, given the legal form, a first digit that belongs to it.
 * The number is normalised to NNNNNN-NNNN.
 */
export function checkOrgNumber(input: string, legalForm?: LegalForm): OrgNumberVerdict {
  const value = input.trim();
  const compact = value.replace(/\s/g, '');
  const invalid = { ok: false as const, code: 'org_number_invalid' as const, params: { value } };
  const match = /^(\d{2})?(\d{6})[-+]?(\d{4})$/.exec(compact);
  if (!match) return invalid;
  const [, century, first, last] = match as unknown as [string, string | undefined, string, string];
  if (Number(first.slice(2, 4)) < 20) return { ok: false, code: 'org_number_personal', params: { value } };
  // Twelve digits carry the century 16, which only organisation numbers have.
  if ((century !== undefined && century !== '16') || !Organisationsnummer.valid(`${first}${last}`)) return invalid;
  const digit = first[0] as string;
  if (legalForm && legalForm !== 'annan' && !ORG_NUMBER_GROUPS[legalForm].includes(digit)) {
    return { ok: false, code: 'org_number_form_mismatch', params: { value, digit, legalForm } };
  }
  return { ok: true, orgNumber: `${first}-${last}` };
}

/** An organisationsnummer normalised to NNNNNN-NNNN, or null when it is not one (see checkOrgNumber). */
export function normaliseOrgNumber(input: string): string | null {
  const verdict = checkOrgNumber(input);
  return verdict.ok ? verdict.orgNumber : null;
}
