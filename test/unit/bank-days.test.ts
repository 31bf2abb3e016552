import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankDayOnOrAfter, easterSunday, isBankDay, nextBankDay, swedishHolidays } from '../../src/domain/bank-days.ts';
import { addDays } from '../../src/domain/deadlines.ts';

const weekday = (d: string): number => new Date(`${d}T00:00:00Z`).getUTCDay();

/** Any date from 1900 to 2199. */
const anyDate = fc.integer({ min: 0, max: 300 * 366 - 1 }).map((n) => addDays('1900-01-01', n));

describe('Easter by the Gregorian computus', () => {
  it('finds the known Easter Sundays, the earliest and latest possible among them', () => {
    expect(easterSunday(2022)).toBe('2022-04-17');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2008)).toBe('2008-03-23');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(1954)).toBe('1954-04-18');
  });

  it('always falls on a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (year) => {
        const e = easterSunday(year);
        expect(weekday(e)).toBe(0);
        expect(e >= `${year}-03-22` && e <= `${year}-04-25`).toBe(true);
      }),
    );
  });
});

describe('Swedish bank holidays', () => {
  it('lists the twelve closed days of 2026', () => {
    expect([...swedishHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-01-06',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-06-06',
      '2026-06-19',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-31',
    ]);
  });

  it('puts midsommarafton on the Friday between 19 and 25 June', () => {
    expect(swedishHolidays(2022).has('2022-06-24')).toBe(true);
    expect(swedishHolidays(2026).has('2026-06-19')).toBe(true);
    expect(swedishHolidays(2025).has('2025-06-20')).toBe(true);
    expect(swedishHolidays(2027).has('2027-06-25')).toBe(true);
    for (let year = 1950; year < 2150; year++) {
      const eves = [...swedishHolidays(year)].filter((d) => d >= `${year}-06-19` && d <= `${year}-06-25`);
      expect(eves).toHaveLength(1);
      expect(weekday(eves[0])).toBe(5);
    }
  });

  it('knows the movable feasts around Easter', () => {
    const h2022 = swedishHolidays(2022);
    for (const d of ['2022-04-15', '2022-04-18', '2022-05-26']) expect(h2022.has(d)).toBe(true);
    expect(swedishHolidays(2026).has('2026-05-14')).toBe(true); // Kristi himmelsfärd
    // Whit Monday has not been a holiday since 2005.
    expect(swedishHolidays(2026).has('2026-05-25')).toBe(false);
    expect(isBankDay('2026-05-25')).toBe(true);
  });

  it('copes with Kristi himmelsfärd on the first of May (2008)', () => {
    const h = swedishHolidays(2008);
    expect(h.has('2008-05-01')).toBe(true);
    expect(h.size).toBe(11);
  });

  it('hands out a copy that cannot spoil later answers', () => {
    swedishHolidays(2026).delete('2026-12-24');
    expect(isBankDay('2026-12-24')).toBe(false);
  });
});

describe('bank days', () => {
  it('are closed over Christmas and New Year 2026', () => {
    for (const d of ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-27', '2026-12-31', '2027-01-01']) expect(isBankDay(d)).toBe(false);
    expect(isBankDay('2026-12-28')).toBe(true);
    expect(bankDayOnOrAfter('2026-12-24')).toBe('2026-12-28');
    expect(bankDayOnOrAfter('2026-12-31')).toBe('2027-01-04');
    expect(nextBankDay('2026-12-23')).toBe('2026-12-28');
  });

  it('skips Easter and weekends', () => {
    expect(bankDayOnOrAfter('2026-04-03')).toBe('2026-04-07');
    expect(nextBankDay('2026-04-02')).toBe('2026-04-07');
    expect(bankDayOnOrAfter('2026-04-07')).toBe('2026-04-07');
    expect(nextBankDay('2026-04-07')).toBe('2026-04-08');
    expect(bankDayOnOrAfter('2026-06-19')).toBe('2026-06-22');
    expect(bankDayOnOrAfter('2026-06-06')).toBe('2026-06-08');
  });

  it('count 251 in 2026: 261 weekdays less the ten holidays that fall on them', () => {
    let n = 0;
    for (let d = '2026-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) if (isBankDay(d)) n++;
    expect(n).toBe(251);
  });

  it('refuses what is not a date', () => {
    expect(() => isBankDay('2026-02-30')).toThrow(RangeError);
    expect(() => nextBankDay('imorgon')).toThrow(RangeError);
  });

  it('the bank day on or after a day is a bank day, not before it, with none between', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const b = bankDayOnOrAfter(d);
        expect(isBankDay(b)).toBe(true);
        expect(b >= d).toBe(true);
        for (let x = d; x < b; x = addDays(x, 1)) expect(isBankDay(x)).toBe(false);
        expect(b === d).toBe(isBankDay(d));
      }),
    );
  });

  it('the next bank day is strictly after, with none between', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const n = nextBankDay(d);
        expect(isBankDay(n)).toBe(true);
        expect(n > d).toBe(true);
        for (let x = addDays(d, 1); x < n; x = addDays(x, 1)) expect(isBankDay(x)).toBe(false);
        // Never more than the longest closure (Christmas to New Year over a weekend) away.
        expect(n <= addDays(d, 6)).toBe(true);
      }),
    );
  });
});
