import { describe, expect, it } from 'vitest';
import { addMonths, dateInStockholm, endOfDay, isCalendarDate, phaseAt, startOfDay, timeLeft } from '../../src/domain/deadlines.ts';

describe('deadlines in Europe/Stockholm', () => {
  it('“by 6 March 2022” runs until 23:59:59.999 local time (CET, UTC+1)', () => {
    expect(endOfDay('2022-03-06').toISOString()).toBe('2022-03-06T22:59:59.999Z');
    expect(phaseAt('2022-02-01', '2022-03-06', new Date('2022-03-06T22:59:59.999Z'))).toBe('open');
    expect(phaseAt('2022-02-01', '2022-03-06', new Date('2022-03-06T23:00:00.000Z'))).toBe('closed');
  });

  it('holds on the day summer time starts (29 March 2026: the day has 23 hours)', () => {
    expect(startOfDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(endOfDay('2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.999Z');
  });

  it('holds on the day summer time ends (25 October 2026: the day has 25 hours)', () => {
    expect(startOfDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(endOfDay('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.999Z');
    expect(endOfDay('2026-10-25').getTime() - startOfDay('2026-10-25').getTime()).toBe(25 * 3_600_000 - 1);
  });

  it('opens at the first instant of the opening day, local time', () => {
    expect(phaseAt('2026-06-01', '2026-06-30', new Date('2026-05-31T21:59:59.999Z'))).toBe('upcoming');
    expect(phaseAt('2026-06-01', '2026-06-30', new Date('2026-05-31T22:00:00.000Z'))).toBe('open');
  });

  it('tells the Stockholm date of an instant near midnight', () => {
    expect(dateInStockholm(new Date('2022-03-06T23:30:00Z'))).toBe('2022-03-07');
    expect(dateInStockholm(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });

  it('counts the time left to the end of the deadline day', () => {
    expect(timeLeft('2022-03-06', new Date('2022-03-05T23:00:00Z'))).toMatchObject({ days: 1, hours: 0, minutes: 0 });
    expect(timeLeft('2022-03-06', new Date('2022-03-07T00:00:00Z')).totalMs).toBe(0);
  });

  it('knows real calendar dates and adds months the way people count them', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('6 mars')).toBe(false);
    expect(addMonths('2022-04-15', 12)).toBe('2023-04-15');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });
});
