import fc from 'fast-check';
import Organisationsnummer from 'organisationsnummer';
import { describe, expect, it } from 'vitest';
import { isLegalForm, normaliseOrgNumber } from '../../src/domain/organisation.ts';

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

  it('agrees with the organisationsnummer package on any ten digits', () => {
    const O = Organisationsnummer as unknown as { valid(v: string): boolean };
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{10}$/), (digits) => {
        expect(normaliseOrgNumber(digits) !== null).toBe(O.valid(digits));
      }),
    );
  });

  it('knows the legal forms of the domain', () => {
    for (const f of ['ideell_forening', 'studieforbund', 'trossamfund', 'kommun', 'myndighet', 'aktiebolag']) expect(isLegalForm(f)).toBe(true);
    expect(isLegalForm('hemlig')).toBe(false);
  });
});
