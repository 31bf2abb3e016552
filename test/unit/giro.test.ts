import { describe, expect, it } from 'vitest';
import { normaliseGiro } from '../../src/domain/giro.ts';

describe('bankgiro and plusgiro', () => {
  it('accepts numbers with a correct check digit and prints them the usual way', () => {
    expect(normaliseGiro('bankgiro', '5050-1055')).toBe('5050-1055');
    expect(normaliseGiro('bankgiro', '991 2346')).toBe('991-2346');
    expect(normaliseGiro('plusgiro', '4 12 34-6')).toBe('41234-6');
  });

  it('refuses a wrong check digit, a wrong length and letters', () => {
    expect(normaliseGiro('bankgiro', '5050-1056')).toBeNull();
    expect(normaliseGiro('bankgiro', '123456')).toBeNull();
    expect(normaliseGiro('bankgiro', '5050-105S')).toBeNull();
    expect(normaliseGiro('plusgiro', '41234-5')).toBeNull();
  });
});
