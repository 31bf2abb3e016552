import fc from 'fast-check';
import Organisationsnummer from 'organisationsnummer';
import { describe, expect, it } from 'vitest';
import { checkOrgNumber, isLegalForm, LEGAL_FORMS, normaliseOrgNumber, ORG_NUMBER_GROUPS } from '../../src/domain/organisation.ts';
import { translate } from '../../src/i18n/messages.ts';

/** Nine digits with the Luhn check digit the tenth must be. */
function withCheckDigit(nine: string): string {
  const sum = [...nine].reduce((s, d, i) => {
    const n = Number(d) * (i % 2 === 0 ? 2 : 1);
    return s + (n > 9 ? n - 9 : n);
  }, 0);
  return `${nine}${(10 - (sum % 10)) % 10}`;
}

describe('organisationsnummer', () => {
  it('accepts valid numbers in the forms people type and normalises them', () => {
    expect(normaliseOrgNumber('212000-0449')).toBe('212000-0449');
    expect(normaliseOrgNumber('2120000449')).toBe('212000-0449');
    expect(normaliseOrgNumber(' 802000 1239 ')).toBe('802000-1239');
    expect(normaliseOrgNumber('16802000-1239')).toBe('802000-1239');
  });

  it('refuses a wrong check digit, wrong length and letters', () => {
    expect(normaliseOrgNumber('212000-0448')).toBeNull();
    expect(normaliseOrgNumber('21200004')).toBeNull();
    expect(normaliseOrgNumber('80200O-1239')).toBeNull();
    expect(normaliseOrgNumber('')).toBeNull();
  });

  it('agrees with the organisationsnummer package on any ten digits that are not a personal number', () => {
    const O = Organisationsnummer as unknown as { valid(v: string): boolean };
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{10}$/), (digits) => {
        const personal = Number(digits.slice(2, 4)) < 20;
        expect(normaliseOrgNumber(digits) !== null).toBe(!personal && O.valid(digits));
        if (personal) expect(checkOrgNumber(digits)).toMatchObject({ ok: false, code: 'org_number_personal' });
      }),
    );
  });

  it('refuses a personal identity number, with or without century, and a coordination number, saying why', () => {
    for (const n of ['811218-9876', '8112189876', '19811218-9876', '198112189876', '811278-9873', '20081218+9876', '001231-0000']) {
      expect(checkOrgNumber(n, 'ideell_forening'), n).toMatchObject({ ok: false, code: 'org_number_personal', params: { value: n } });
    }
    expect(translate('org_number_personal', 'sv', { value: '811218-9876' })).toContain('”811218-9876” är ett personnummer');
    expect(translate('org_number_personal', 'en', { value: '811218-9876' })).toContain('third and fourth digits are 20 or more');
  });

  it('checks the first digit against the legal form, for every form and group', () => {
    for (const form of LEGAL_FORMS) {
      for (const digit of ['1', '2', '3', '5', '6', '7', '8', '9']) {
        const number = withCheckDigit(`${digit}02000123`);
        const verdict = checkOrgNumber(number, form);
        const fits = form === 'annan' || ORG_NUMBER_GROUPS[form].includes(digit);
        expect(verdict.ok, `${form} ${number}`).toBe(fits);
        if (!fits) expect(verdict).toMatchObject({ code: 'org_number_form_mismatch', params: { digit, legalForm: form } });
      }
    }
    expect(checkOrgNumber('802000-1239', 'ideell_forening')).toEqual({ ok: true, orgNumber: '802000-1239' });
    expect(checkOrgNumber('252003-1002', 'trossamfund')).toEqual({ ok: true, orgNumber: '252003-1002' });
    expect(checkOrgNumber('16802000-1239', 'stiftelse')).toEqual({ ok: true, orgNumber: '802000-1239' });
    expect(checkOrgNumber('19802000-1239')).toMatchObject({ ok: false, code: 'org_number_invalid' });
    const mismatch = checkOrgNumber(withCheckDigit('556036079'), 'ideell_forening');
    expect(mismatch.ok).toBe(false);
    if (!mismatch.ok) {
      expect(translate(mismatch.code, 'sv', mismatch.params)).toBe(
        'Organisationsnummer som börjar på 5 ges till aktiebolag, men organisationsformen är ideell förening. Kontrollera numret, eller välj rätt organisationsform.',
      );
      expect(translate(mismatch.code, 'en', mismatch.params)).toBe(
        'Organisation numbers starting with 5 are given to limited companies, but the legal form chosen is non-profit association. Check the number, or choose the right legal form.',
      );
    }
  });

  it('knows the legal forms of the domain', () => {
    for (const f of ['ideell_forening', 'studieforbund', 'trossamfund', 'kommun', 'myndighet', 'aktiebolag']) expect(isLegalForm(f)).toBe(true);
    expect(isLegalForm('hemlig')).toBe(false);
  });
});
