import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalKronor, formatKronor, type Ore, ore, parseKronor, splitLargestRemainder } from '../../src/domain/money.ts';

describe('money in öre', () => {
  it('formats kronor the Swedish way and the English way', () => {
    expect(formatKronor(ore(300_000_000))).toBe('3\u00a0000\u00a0000 kr');
    expect(formatKronor(ore(50_000_050))).toBe('500\u00a0000,50 kr');
    expect(formatKronor(ore(300_000_000), 'en')).toBe('SEK 3,000,000');
  });

  it('parses what people type, and refuses what is not an amount', () => {
    expect(parseKronor('3 000 000')).toBe(300_000_000);
    expect(parseKronor('12 500,50 kr')).toBe(1_250_050);
    expect(parseKronor('7000000')).toBe(700_000_000);
    for (const bad of ['', 'tre miljoner', '1,234', '-5', '1.2.3']) expect(parseKronor(bad)).toBeNull();
  });

  it('refuses fractions of an öre', () => {
    expect(() => ore(1.5)).toThrow(RangeError);
  });

  it('splits exactly: the parts always sum to the whole, each within one öre of its share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 30 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const parts = splitLargestRemainder(ore(total), weights);
        const sum = weights.reduce((a, b) => a + b, 0);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((p, i) => {
          expect(Number.isInteger(p)).toBe(true);
          expect(Math.abs(p - (total * weights[i]) / sum)).toBeLessThan(1);
        });
      }),
    );
  });

  it('splits Örebro’s 7 M over its four lines exactly', () => {
    expect(splitLargestRemainder(ore(700_000_000), [20, 25, 20, 5])).toEqual([200_000_000, 250_000_000, 200_000_000, 50_000_000]);
    expect(splitLargestRemainder(ore(100), [1, 1, 1])).toEqual([34, 33, 33]);
  });
});

describe('amounts for files', () => {
  it('writes kronor with a point and two decimals, no grouping', () => {
    expect(decimalKronor(ore(123456))).toBe('1234.56');
    expect(decimalKronor(ore(300_000_000))).toBe('3000000.00');
    expect(decimalKronor(ore(5))).toBe('0.05');
    expect(decimalKronor(ore(0))).toBe('0.00');
    expect(decimalKronor(ore(-5))).toBe('-0.05');
    expect(decimalKronor(ore(-123400))).toBe('-1234.00');
    expect(() => decimalKronor(1.5 as Ore)).toThrow(RangeError);
  });

  it('reads back to the same öre for every safe amount', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.boolean(), (n, negative) => {
        const amount = negative ? -n : n;
        const text = decimalKronor(ore(amount));
        expect(text).toMatch(/^-?\d+\.\d{2}$/);
        const [whole, frac] = text.replace('-', '').split('.') as [string, string];
        const back = BigInt(whole) * 100n + BigInt(frac);
        expect(negative && n !== 0 ? -back : back).toBe(BigInt(amount));
      }),
    );
  });
});
