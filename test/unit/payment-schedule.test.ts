import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBankDay } from '../../src/domain/bank-days.ts';
import { addDays, addMonths } from '../../src/domain/deadlines.ts';
import { ore } from '../../src/domain/money.ts';
import {
  dueOnFor,
  type InstalmentCondition,
  type InstalmentPart,
  planInstalments,
  type ScheduleSpec,
  scheduleProblems,
} from '../../src/domain/payments/schedule.ts';

const year2026 = { from: '2026-01-01', to: '2026-12-31' };
const at2026 = (signedOn: string | null) => ({ periodFrom: '2026-01-01', periodTo: '2026-12-31', signedOn });

describe('schedule problems', () => {
  it('accepts the three kinds of schedule when they add up', () => {
    expect(scheduleProblems({ kind: 'on_signing' }, ore(100), year2026)).toEqual([]);
    expect(scheduleProblems({ kind: 'quarterly' }, ore(100), year2026)).toEqual([]);
    const parts: InstalmentPart[] = [
      { percent: 60, condition: 'on_signing', date: null },
      { percent: 30, condition: 'on_date', date: '2026-12-31' },
      { percent: 10, condition: 'after_interim_report', date: null },
    ];
    expect(scheduleProblems({ kind: 'instalments', parts }, ore(100), year2026)).toEqual([]);
  });

  it('wants something to pay', () => {
    expect(scheduleProblems({ kind: 'on_signing' }, ore(0), year2026)).toEqual([{ field: 'schedule', code: 'nothing_to_pay' }]);
    expect(scheduleProblems({ kind: 'quarterly' }, ore(-5), year2026)).toEqual([{ field: 'schedule', code: 'nothing_to_pay' }]);
  });

  it('wants parts', () => {
    expect(scheduleProblems({ kind: 'instalments', parts: [] }, ore(100), year2026)).toEqual([{ field: 'schedule.parts', code: 'required' }]);
    const missing = { kind: 'instalments' } as unknown as ScheduleSpec;
    expect(scheduleProblems(missing, ore(100), year2026)).toEqual([{ field: 'schedule.parts', code: 'required' }]);
  });

  it('wants whole percents from 1 to 100, and names the part', () => {
    const parts: InstalmentPart[] = [
      { percent: 50, condition: 'on_signing', date: null },
      { percent: 49.5, condition: 'on_signing', date: null },
      { percent: 0, condition: 'on_signing', date: null },
      { percent: 101, condition: 'on_signing', date: null },
    ];
    expect(scheduleProblems({ kind: 'instalments', parts }, ore(100), year2026)).toEqual([
      { field: 'schedule.parts.1.percent', code: 'invalid_value' },
      { field: 'schedule.parts.2.percent', code: 'invalid_value' },
      { field: 'schedule.parts.3.percent', code: 'invalid_value' },
    ]);
  });

  it('wants the percents to sum to 100, and says what they sum to', () => {
    const parts: InstalmentPart[] = [
      { percent: 50, condition: 'on_signing', date: null },
      { percent: 40, condition: 'after_interim_report', date: null },
    ];
    expect(scheduleProblems({ kind: 'instalments', parts }, ore(100), year2026)).toEqual([
      { field: 'schedule.parts', code: 'percent_sum', params: { sum: 90 } },
    ]);
  });

  it('wants a date inside the period for a part paid on a date', () => {
    const parts: InstalmentPart[] = [
      { percent: 25, condition: 'on_date', date: null },
      { percent: 25, condition: 'on_date', date: '2025-12-31' },
      { percent: 25, condition: 'on_date', date: '2027-01-01' },
      { percent: 25, condition: 'on_date', date: '2026-02-30' },
    ];
    expect(scheduleProblems({ kind: 'instalments', parts }, ore(100), year2026)).toEqual([
      { field: 'schedule.parts.0.date', code: 'required' },
      { field: 'schedule.parts.1.date', code: 'date_outside_period', params: { from: '2026-01-01', to: '2026-12-31' } },
      { field: 'schedule.parts.2.date', code: 'date_outside_period', params: { from: '2026-01-01', to: '2026-12-31' } },
      { field: 'schedule.parts.3.date', code: 'invalid_value' },
    ]);
    // The period's own first and last days are inside it.
    const edges: InstalmentPart[] = [
      { percent: 50, condition: 'on_date', date: '2026-01-01' },
      { percent: 50, condition: 'on_date', date: '2026-12-31' },
    ];
    expect(scheduleProblems({ kind: 'instalments', parts: edges }, ore(100), year2026)).toEqual([]);
  });

  it('allows twelve parts, not thirteen', () => {
    const part = (percent: number): InstalmentPart => ({ percent, condition: 'after_interim_report', date: null });
    const twelve = [...Array.from({ length: 11 }, () => part(8)), part(12)];
    expect(scheduleProblems({ kind: 'instalments', parts: twelve }, ore(100), year2026)).toEqual([]);
    const thirteen = [...Array.from({ length: 12 }, () => part(7)), part(16)];
    expect(scheduleProblems({ kind: 'instalments', parts: thirteen }, ore(100), year2026)).toEqual([
      { field: 'schedule.parts', code: 'too_many_parts', params: { max: 12, count: 13 } },
    ]);
  });

  it('refuses an unknown condition', () => {
    const parts = [{ percent: 100, condition: 'när_det_passar', date: null }] as unknown as InstalmentPart[];
    expect(scheduleProblems({ kind: 'instalments', parts }, ore(100), year2026)).toEqual([{ field: 'schedule.parts.0.condition', code: 'invalid_value' }]);
  });
});

describe('planned instalments', () => {
  it('pays all on signing, on the signing day’s bank day', () => {
    expect(planInstalments(ore(10_000_000), { kind: 'on_signing' }, at2026('2026-12-24'))).toEqual([
      { number: 1, amount: 10_000_000, condition: 'on_signing', dueOn: '2026-12-28' },
    ]);
    expect(planInstalments(ore(10_000_000), { kind: 'on_signing' }, at2026(null))[0].dueOn).toBeNull();
  });

  it('splits instalments by their percents to the öre, the odd öre to the largest remainder', () => {
    const spec: ScheduleSpec = {
      kind: 'instalments',
      parts: [
        { percent: 40, condition: 'on_signing', date: null },
        { percent: 40, condition: 'after_interim_report', date: null },
        { percent: 20, condition: 'on_date', date: '2026-06-06' },
      ],
    };
    expect(planInstalments(ore(100_001), spec, at2026('2026-02-14'))).toEqual([
      { number: 1, amount: 40_001, condition: 'on_signing', dueOn: '2026-02-16' },
      { number: 2, amount: 40_000, condition: 'after_interim_report', dueOn: null },
      { number: 3, amount: 20_000, condition: 'on_date', dueOn: '2026-06-08' },
    ]);
  });

  it('pays quarterly in equal parts, the first on signing and the rest on the quarters’ first days', () => {
    expect(planInstalments(ore(10_000_001), { kind: 'quarterly' }, at2026('2026-01-09'))).toEqual([
      { number: 1, amount: 2_500_001, condition: 'on_signing', dueOn: '2026-01-09' },
      { number: 2, amount: 2_500_000, condition: 'on_date', dueOn: '2026-04-01' },
      { number: 3, amount: 2_500_000, condition: 'on_date', dueOn: '2026-07-01' },
      { number: 4, amount: 2_500_000, condition: 'on_date', dueOn: '2026-10-01' },
    ]);
  });

  it('counts quarters from the period’s start without drifting at month ends', () => {
    const plan = planInstalments(ore(400), { kind: 'quarterly' }, { periodFrom: '2026-01-31', periodTo: '2027-01-30', signedOn: null });
    // 31 Jan, 30 Apr, 31 Jul, 31 Oct (a Saturday, so Monday 2 Nov).
    expect(plan.map((p) => p.dueOn)).toEqual([null, '2026-04-30', '2026-07-31', '2026-11-02']);
  });

  it('pays a short period in one part on signing', () => {
    const plan = planInstalments(ore(999), { kind: 'quarterly' }, { periodFrom: '2026-03-01', periodTo: '2026-05-31', signedOn: '2026-03-02' });
    expect(plan).toEqual([{ number: 1, amount: 999, condition: 'on_signing', dueOn: '2026-03-02' }]);
  });

  it('will not plan a schedule with problems', () => {
    expect(() => planInstalments(ore(0), { kind: 'on_signing' }, at2026(null))).toThrow(/nothing_to_pay/);
    const spec: ScheduleSpec = { kind: 'instalments', parts: [{ percent: 90, condition: 'on_signing', date: null }] };
    expect(() => planInstalments(ore(100), spec, at2026(null))).toThrow(/percent_sum/);
  });
});

describe('due dates', () => {
  it('an on-date instalment is due on its date’s bank day, but never before the signing', () => {
    expect(dueOnFor('on_date', { signedOn: null, date: '2026-03-02' })).toBe('2026-03-02');
    expect(dueOnFor('on_date', { signedOn: null, date: '2026-05-01' })).toBe('2026-05-04');
    expect(dueOnFor('on_date', { signedOn: '2026-03-10', date: '2026-03-02' })).toBe('2026-03-10');
    expect(dueOnFor('on_date', { signedOn: '2026-03-07', date: '2026-03-02' })).toBe('2026-03-09');
    expect(dueOnFor('on_date', { signedOn: '2026-02-01', date: '2026-03-02' })).toBe('2026-03-02');
    expect(dueOnFor('on_date', { signedOn: '2026-02-01', date: null })).toBeNull();
  });

  it('an instalment after the interim report waits for its approval', () => {
    expect(dueOnFor('after_interim_report', { signedOn: '2026-01-09', date: null })).toBeNull();
    expect(dueOnFor('after_interim_report', { signedOn: '2026-01-09', reportApprovedOn: null, date: null })).toBeNull();
    expect(dueOnFor('after_interim_report', { signedOn: '2026-01-09', reportApprovedOn: '2026-04-03', date: null })).toBe('2026-04-07');
  });

  it('an instalment on signing waits for the signing', () => {
    expect(dueOnFor('on_signing', { signedOn: null, date: null })).toBeNull();
    expect(dueOnFor('on_signing', { signedOn: '2026-06-19', date: null })).toBe('2026-06-22');
  });
});

describe('schedule properties', () => {
  const day = (from: string, span: number) => fc.integer({ min: 0, max: span }).map((n) => addDays(from, n));
  const period = fc
    .tuple(day('2020-01-01', 3650), fc.integer({ min: 1, max: 48 }))
    .map(([from, months]) => ({ from, months, to: addDays(addMonths(from, months), -1) }));
  const condition = fc.constantFrom<InstalmentCondition>('on_signing', 'after_interim_report', 'on_date');
  // Percents that sum to 100: cut 1..100 at distinct points.
  const percents = fc
    .uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 11 })
    .map((cuts) => [0, ...cuts.sort((a, b) => a - b), 100].flatMap((c, i, all) => (i === 0 ? [] : [c - all[i - 1]])));

  const spec = period.chain((p) =>
    fc.record({
      period: fc.constant(p),
      spec: fc.oneof(
        fc.constant<ScheduleSpec>({ kind: 'on_signing' }),
        fc.constant<ScheduleSpec>({ kind: 'quarterly' }),
        percents.chain((ps) =>
          fc.tuple(...ps.map(() => fc.tuple(condition, fc.integer({ min: 0, max: 10_000 })))).map(
            (cs): ScheduleSpec => ({
              kind: 'instalments',
              parts: ps.map((percent, i) => {
                const [c, n] = cs[i];
                // A date inside the period: the from date plus some days, clamped to the end.
                const date = c === 'on_date' ? [addDays(p.from, n), p.to].sort()[0] : null;
                return { percent, condition: c, date };
              }),
            }),
          ),
        ),
      ),
      total: fc.integer({ min: 1, max: 10 ** 13 }),
      signedOn: fc.option(day(p.from, 400), { nil: null }),
      reportApprovedOn: fc.option(day(p.from, 800), { nil: null }),
    }),
  );

  it('plans every valid schedule: amounts sum to the total, every due date is a bank day not before signing', () => {
    fc.assert(
      fc.property(spec, ({ period: p, spec: s, total, signedOn }) => {
        expect(scheduleProblems(s, ore(total), p)).toEqual([]);
        const plan = planInstalments(ore(total), s, { periodFrom: p.from, periodTo: p.to, signedOn });
        expect(plan.reduce((a, b) => a + b.amount, 0)).toBe(total);
        plan.forEach((x, i) => {
          expect(x.number).toBe(i + 1);
          expect(x.amount).toBeGreaterThanOrEqual(0);
          if (x.dueOn !== null) {
            expect(isBankDay(x.dueOn)).toBe(true);
            if (signedOn) expect(x.dueOn >= signedOn).toBe(true);
          }
          if (x.condition === 'on_signing') expect(x.dueOn === null).toBe(signedOn === null);
          if (x.condition === 'on_date') expect(x.dueOn).not.toBeNull();
        });
      }),
    );
  });

  it('plans one quarterly part per started quarter, in parts no more than an öre apart', () => {
    fc.assert(
      fc.property(period, fc.integer({ min: 1, max: 10 ** 13 }), ({ from, to, months }, total) => {
        const plan = planInstalments(ore(total), { kind: 'quarterly' }, { periodFrom: from, periodTo: to, signedOn: from });
        expect(plan).toHaveLength(Math.ceil(months / 3));
        const amounts = plan.map((x) => x.amount);
        expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
        expect(plan.slice(1).every((x) => x.condition === 'on_date')).toBe(true);
        expect(plan[0].condition).toBe('on_signing');
      }),
    );
  });

  it('every due date found is a bank day not before the signing', () => {
    fc.assert(
      fc.property(spec, condition, ({ signedOn, reportApprovedOn, period: p }, c) => {
        const due = dueOnFor(c, { signedOn, reportApprovedOn, date: p.to });
        if (due !== null) {
          expect(isBankDay(due)).toBe(true);
          if (signedOn) expect(due >= signedOn).toBe(true);
        }
      }),
    );
  });
});
