import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../src/domain/deadlines.ts';
import {
  AGE_BANDS,
  emptyReport,
  GENDERS,
  isOverdue,
  MAX_REPORT_AMOUNT,
  needsExplanation,
  plannedReports,
  REPORT_KINDS,
  REPORT_LIMITS,
  REPORT_STATUSES,
  type ReportContent,
  type ReportRuleContext,
  reportLimitProblems,
  reportProblems,
  type SpendingRow,
} from '../../src/domain/follow-up/reports.ts';
import { type Ore, ore } from '../../src/domain/money.ts';
import type { ScheduleSpec } from '../../src/domain/payments/schedule.ts';

const onSigning: ScheduleSpec = { kind: 'on_signing' };
const quarterly: ScheduleSpec = { kind: 'quarterly' };
const waitsForInterim: ScheduleSpec = {
  kind: 'instalments',
  parts: [
    { percent: 50, condition: 'on_signing', date: null },
    { percent: 50, condition: 'after_interim_report', date: null },
  ],
};
const onDates: ScheduleSpec = {
  kind: 'instalments',
  parts: [
    { percent: 70, condition: 'on_signing', date: null },
    { percent: 30, condition: 'on_date', date: '2027-06-01' },
  ],
};

describe('the reports an agreement asks for', () => {
  it('a year: an interim report a month after the half, the final the call’s months after the end', () => {
    expect(plannedReports({ from: '2027-01-01', to: '2027-12-31' }, onSigning, 3)).toEqual([
      { kind: 'interim', dueOn: '2027-07-31' },
      { kind: 'final', dueOn: '2028-03-31' },
    ]);
  });

  it('clamps to the month’s end: two months after 31 December 2027 is 29 February 2028, after 30 November 2026 28 February', () => {
    expect(plannedReports({ from: '2027-01-01', to: '2027-12-31' }, onSigning, 2).at(-1)).toEqual({ kind: 'final', dueOn: '2028-02-29' });
    expect(plannedReports({ from: '2026-03-01', to: '2026-11-30' }, onSigning, 3).at(-1)).toEqual({ kind: 'final', dueOn: '2027-02-28' });
    expect(plannedReports({ from: '2026-03-01', to: '2026-08-31' }, onSigning, 1)).toEqual([{ kind: 'final', dueOn: '2026-09-30' }]);
  });

  it('six months or less without an instalment waiting: only the final report', () => {
    expect(plannedReports({ from: '2027-01-01', to: '2027-06-30' }, onSigning, 2)).toEqual([{ kind: 'final', dueOn: '2027-08-30' }]);
    expect(plannedReports({ from: '2027-01-01', to: '2027-06-30' }, onDates, 2)).toEqual([{ kind: 'final', dueOn: '2027-08-30' }]);
    expect(plannedReports({ from: '2027-01-01', to: '2027-06-30' }, quarterly, 2)).toEqual([{ kind: 'final', dueOn: '2027-08-30' }]);
  });

  it('an instalment that waits for the interim report asks for one, however short the period', () => {
    expect(plannedReports({ from: '2027-01-01', to: '2027-06-30' }, waitsForInterim, 2)).toEqual([
      { kind: 'interim', dueOn: '2027-04-30' },
      { kind: 'final', dueOn: '2027-08-30' },
    ]);
    // A month's period: the interim report is due no later than the final one.
    expect(plannedReports({ from: '2027-02-01', to: '2027-02-28' }, waitsForInterim, 0)).toEqual([
      { kind: 'interim', dueOn: '2027-02-28' },
      { kind: 'final', dueOn: '2027-02-28' },
    ]);
  });

  it('longer than six months with or without an interim instalment, on dates or quarterly: an interim report', () => {
    for (const schedule of [onSigning, quarterly, onDates, waitsForInterim]) {
      expect(plannedReports({ from: '2027-03-15', to: '2028-03-14' }, schedule, 2)).toEqual([
        { kind: 'interim', dueOn: '2027-10-14' },
        { kind: 'final', dueOn: '2028-05-14' },
      ]);
    }
  });

  it('a negative number of months is taken as none', () => {
    expect(plannedReports({ from: '2027-01-01', to: '2027-03-31' }, onSigning, -4)).toEqual([{ kind: 'final', dueOn: '2027-03-31' }]);
  });

  const dates = fc.integer({ min: 0, max: 3650 }).map((d) => addDays('2024-01-01', d));
  const schedules = fc.constantFrom(onSigning, quarterly, onDates, waitsForInterim);

  it('always ends with one final report, due on or after the period’s end; an interim report comes before it, inside the half after the start', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 1100 }), schedules, fc.integer({ min: 0, max: 24 }), (from, length, schedule, months) => {
        const to = addDays(from, length);
        const reports = plannedReports({ from, to }, schedule, months);
        const final = reports.at(-1);
        expect(final?.kind).toBe('final');
        expect(final?.dueOn).toBe(addMonths(to, months));
        expect(reports.filter((r) => r.kind === 'final')).toHaveLength(1);
        const interim = reports.find((r) => r.kind === 'interim');
        const waits = schedule === waitsForInterim;
        expect(!!interim).toBe(waits || addMonths(from, 7) <= addDays(to, 1));
        if (interim && final) {
          expect(interim.dueOn > from).toBe(true);
          expect(interim.dueOn <= final.dueOn).toBe(true);
          expect(reports[0]).toBe(interim);
        }
      }),
    );
  });
});

describe('overdue', () => {
  it('is a draft the day after its due date, never one that was submitted', () => {
    expect(isOverdue({ status: 'draft', dueOn: '2027-07-31' }, '2027-07-31')).toBe(false);
    expect(isOverdue({ status: 'draft', dueOn: '2027-07-31' }, '2027-08-01')).toBe(true);
    expect(isOverdue({ status: 'submitted', dueOn: '2027-07-31' }, '2027-08-01')).toBe(false);
    expect(isOverdue({ status: 'completion_requested', dueOn: '2027-07-31' }, '2028-01-01')).toBe(false);
    expect(isOverdue({ status: 'approved', dueOn: '2027-07-31' }, '2030-01-01')).toBe(false);
  });

  it('holds exactly when the report is a draft and today is after its due date', () => {
    const date = fc.integer({ min: 0, max: 2000 }).map((d) => addDays('2025-01-01', d));
    fc.assert(
      fc.property(fc.constantFrom(...REPORT_STATUSES), date, date, (status, dueOn, today) => {
        expect(isOverdue({ status, dueOn }, today)).toBe(status === 'draft' && today > dueOn);
      }),
    );
  });
});

const row = (over: Partial<SpendingRow>): SpendingRow => ({
  label: 'Ledararvoden',
  planned: ore(100_000),
  spent: null,
  fromGrant: null,
  explanation: '',
  ...over,
});
const ctx: ReportRuleContext = { deviationPercent: 10, kind: 'final', paid: ore(1_000_000) };
const fields = (c: ReportContent, c2 = ctx) => reportProblems(c, c2).map((p) => `${p.field}:${p.code}`);
const withRows = (...spending: SpendingRow[]): ReportContent => ({ ...emptyReport([]), spending });

describe('the report’s rules', () => {
  it('an empty report can be saved but not submitted: every row asks for what was spent and what came from the grant', () => {
    const c = emptyReport([{ label: 'Hyra', amount: ore(50_000) }]);
    expect(reportLimitProblems(c)).toEqual([]);
    expect(fields(c)).toEqual(['spending.0.spent:required', 'spending.0.fromGrant:required']);
  });

  it('a row adds up when no more came from the grant than was spent on it; the problem is on the row', () => {
    expect(fields(withRows(row({ spent: ore(100_000), fromGrant: ore(100_000) })))).toEqual([]);
    expect(reportProblems(withRows(row({ spent: ore(100_000), fromGrant: ore(100_001) })), ctx)).toEqual([
      { field: 'spending.0.fromGrant', code: 'report_row_does_not_add_up', params: { spent: 100_000, fromGrant: 100_001 } },
    ]);
  });

  it('asks for an explanation only beyond the funder’s share, and always for money spent outside the plan', () => {
    expect(fields(withRows(row({ spent: ore(110_000), fromGrant: ore(0) })))).toEqual([]);
    expect(fields(withRows(row({ spent: ore(90_000), fromGrant: ore(0) })))).toEqual([]);
    expect(fields(withRows(row({ spent: ore(110_001), fromGrant: ore(0) })))).toEqual(['spending.0.explanation:report_explanation_needed']);
    expect(fields(withRows(row({ spent: ore(89_999), fromGrant: ore(0) })))).toEqual(['spending.0.explanation:report_explanation_needed']);
    expect(fields(withRows(row({ spent: ore(89_999), fromGrant: ore(0), explanation: 'Färre pass i juli.' })))).toEqual([]);
    expect(fields(withRows(row({ spent: ore(130_000), fromGrant: ore(0) })), { ...ctx, deviationPercent: 30 })).toEqual([]);
    expect(fields(withRows(row({ label: 'Fika ☕', planned: null, spent: ore(1), fromGrant: ore(0) })))).toEqual([
      'spending.0.explanation:report_explanation_unplanned',
    ]);
    expect(fields(withRows(row({ label: 'Fika ☕', planned: null, spent: ore(0), fromGrant: ore(0) })))).toEqual([]);
    expect(fields(withRows(row({ label: ' ', planned: null, spent: ore(0), fromGrant: ore(0) })))).toEqual(['spending.0.label:required']);
    expect(fields(withRows(row({ planned: ore(0), spent: ore(1), fromGrant: ore(0) })))).toEqual(['spending.0.explanation:report_explanation_needed']);
  });

  it('at an interim report, asks why only when more than planned was spent: the rest of the period is still to come', () => {
    const interim: ReportRuleContext = { ...ctx, kind: 'interim' };
    expect(fields(withRows(row({ spent: ore(40_000), fromGrant: ore(0) })), interim)).toEqual([]);
    expect(fields(withRows(row({ spent: ore(0), fromGrant: ore(0) })), interim)).toEqual([]);
    expect(fields(withRows(row({ spent: ore(110_000), fromGrant: ore(0) })), interim)).toEqual([]);
    expect(fields(withRows(row({ spent: ore(110_001), fromGrant: ore(0) })), interim)).toEqual(['spending.0.explanation:report_explanation_needed']);
    expect(fields(withRows(row({ label: 'Fika ☕', planned: null, spent: ore(1), fromGrant: ore(0) })), interim)).toEqual([
      'spending.0.explanation:report_explanation_unplanned',
    ]);
  });

  it('refuses more from the grant than has been paid, naming what was paid', () => {
    const c = withRows(
      row({ spent: ore(700_000), fromGrant: ore(700_000), explanation: 'Mer än planerat.' }),
      row({ spent: ore(400_000), fromGrant: ore(400_000), explanation: 'Också.' }),
    );
    expect(reportProblems(c, ctx)).toEqual([{ field: 'spending', code: 'report_grant_above_paid', params: { paid: 1_000_000, used: 1_100_000 } }]);
    expect(reportProblems(c, { ...ctx, paid: ore(1_100_000) })).toEqual([]);
  });

  it('refuses negative, broken and absurd amounts and counts while a draft, on their fields', () => {
    const c: ReportContent = {
      ...withRows(row({ spent: ore(-1) as Ore, fromGrant: (MAX_REPORT_AMOUNT + 1) as Ore })),
      activities: [
        { typeKey: 'nattvandring', proposedType: null, area: 'Hageby', from: '2027-13-01', to: null, frequency: '', occasions: REPORT_LIMITS.occasions + 1 },
      ],
      participants: { '13_15': { girls: -1, boys: 2.5 }, over_25: { other: REPORT_LIMITS.count + 1, not_stated: REPORT_LIMITS.count } },
    };
    expect(reportLimitProblems(c).map((p) => `${p.field}:${p.code}`)).toEqual([
      'spending.0.spent:amount_negative',
      'spending.0.fromGrant:report_amount_absurd',
      'activities.0.occasions:report_count_absurd',
      'activities.0.from:invalid_date',
      'participants.13_15.girls:report_count_negative',
      'participants.13_15.boys:report_count_whole',
      'participants.over_25.other:report_count_absurd',
    ]);
  });

  it('wants each activity’s type, area, occasions and when: dates or how often', () => {
    const c: ReportContent = {
      ...emptyReport([]),
      activities: [
        { typeKey: null, proposedType: '  ', area: '', from: null, to: null, frequency: '', occasions: null },
        { typeKey: 'nattvandring', proposedType: null, area: 'Hageby', from: '2027-05-01', to: '2027-04-30', frequency: '', occasions: 3 },
        { typeKey: null, proposedType: 'Padel', area: 'Navestad', from: null, to: null, frequency: 'Varje lördag', occasions: 0 },
      ],
    };
    expect(fields(c)).toEqual([
      'activities.0.typeKey:required',
      'activities.0.area:required',
      'activities.0.occasions:required',
      'activities.0.from:report_dates_or_frequency',
      'activities.1.to:end_before_start_date',
    ]);
  });
});

/** A report that meets every rule: amounts that add up within what was paid, explanations where wanted, counts within limits. */
const goodReport = fc
  .record({
    rows: fc.array(
      fc.record({
        planned: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
        spent: fc.integer({ min: 0, max: 10_000_000 }),
        share: fc.double({ min: 0, max: 1, noNaN: true }),
        label: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
        explain: fc.boolean(),
      }),
      { maxLength: 8 },
    ),
    counts: fc.dictionary(
      fc.constantFrom(...AGE_BANDS),
      fc.dictionary(fc.constantFrom(...GENDERS), fc.option(fc.integer({ min: 0, max: REPORT_LIMITS.count }), { nil: null })),
    ),
    occasions: fc.array(fc.integer({ min: 0, max: REPORT_LIMITS.occasions }), { maxLength: 5 }),
    deviationPercent: fc.integer({ min: 1, max: 100 }),
    kind: fc.constantFrom(...REPORT_KINDS),
    headroom: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map(({ rows, counts, occasions, deviationPercent, kind, headroom }) => {
    const spending = rows.map((r) => {
      const spent = ore(r.spent);
      const fromGrant = ore(Math.floor(r.spent * r.share));
      const planned = r.planned === null ? null : ore(r.planned);
      const needs = needsExplanation({ planned, spent }, deviationPercent, kind);
      return { label: r.label, planned, spent, fromGrant, explanation: needs || r.explain ? 'Så blev det – Çağla förklarar.' : '' };
    });
    const content: ReportContent = {
      ...emptyReport([]),
      spending,
      participants: counts,
      activities: occasions.map((n, i) => ({
        typeKey: 'nattvandring',
        proposedType: null,
        area: `Område ${i}`,
        from: '2027-01-01',
        to: '2027-12-31',
        frequency: '',
        occasions: n,
      })),
    };
    const used = spending.reduce((s, r) => s + r.fromGrant, 0);
    return { content, ctx: { deviationPercent, kind, paid: ore(used + headroom) } };
  });

describe('the report’s rules, for any report', () => {
  it('find nothing wrong with a report that adds up', () => {
    fc.assert(
      fc.property(goodReport, ({ content, ctx }) => {
        expect(reportProblems(content, ctx)).toEqual([]);
      }),
    );
  });

  it('find a count made negative, broken or absurd on its own field, already while a draft', () => {
    fc.assert(
      fc.property(
        goodReport,
        fc.constantFrom(...AGE_BANDS),
        fc.constantFrom(...GENDERS),
        fc.constantFrom<[number, string]>([-1, 'report_count_negative'], [1.5, 'report_count_whole'], [REPORT_LIMITS.count + 1, 'report_count_absurd']),
        ({ content, ctx }, band, gender, [value, code]) => {
          const bad = { ...content, participants: { ...content.participants, [band]: { ...content.participants[band], [gender]: value } } };
          const expected = [{ field: `participants.${band}.${gender}`, code }];
          const found = (ps: { field: string; code: string }[]) => ps.map(({ field, code }) => ({ field, code }));
          expect(found(reportLimitProblems(bad))).toEqual(expected);
          expect(found(reportProblems(bad, ctx))).toEqual(expected);
        },
      ),
    );
  });

  it('find a row where more came from the grant than was spent on that row, and on no other', () => {
    fc.assert(
      fc.property(
        goodReport.filter(({ content }) => content.spending.length > 0),
        fc.nat(),
        fc.integer({ min: 1, max: 1000 }),
        ({ content, ctx }, pick, extra) => {
          const i = pick % content.spending.length;
          const spending = content.spending.map((r, k) => (k === i ? { ...r, fromGrant: ore((r.spent ?? 0) + extra) } : r));
          const problems = reportProblems({ ...content, spending }, { ...ctx, paid: ore(ctx.paid + extra) });
          expect(problems.filter((p) => p.code === 'report_row_does_not_add_up').map((p) => p.field)).toEqual([`spending.${i}.fromGrant`]);
        },
      ),
    );
  });

  it('find more from the grant than was paid, naming both amounts', () => {
    fc.assert(
      fc.property(
        goodReport.filter(({ content }) => content.spending.some((r) => (r.fromGrant ?? 0) > 0)),
        ({ content, ctx }) => {
          const used = content.spending.reduce((s, r) => s + (r.fromGrant ?? 0), 0);
          const paid = ore(used - 1);
          expect(reportProblems(content, { ...ctx, paid })).toEqual([{ field: 'spending', code: 'report_grant_above_paid', params: { paid, used } }]);
        },
      ),
    );
  });

  it('ask for an explanation exactly when the row deviates by more than the share, at an interim report only above it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_REPORT_AMOUNT }),
        fc.integer({ min: 0, max: MAX_REPORT_AMOUNT }),
        fc.integer({ min: 1, max: 100 }),
        (planned, spent, percent) => {
          // Exactly, in whole numbers far beyond a double's integers.
          const exact = BigInt(Math.abs(spent - planned)) * 100n > BigInt(percent) * BigInt(planned);
          expect(needsExplanation({ planned: ore(planned), spent: ore(spent) }, percent, 'final')).toBe(exact);
          expect(needsExplanation({ planned: ore(planned), spent: ore(spent) }, percent, 'interim')).toBe(exact && spent > planned);
        },
      ),
    );
  });
});
