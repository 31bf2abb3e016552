// Follow-up reports (uppföljning, redovisning): what the association reports back on an agreement, and
// when. An interim report halfway through a long period (or when an instalment waits for one), a final
// report some months after the period ends, as the call says.
import type { RuleProblem } from '../calls/types.ts';
import { addDays, addMonths, type CalendarDate, isCalendarDate } from '../deadlines.ts';
import type { Ore } from '../money.ts';
import type { ScheduleSpec } from '../payments/schedule.ts';

export const REPORT_KINDS = ['interim', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/**
 * draft: not yet submitted (overdue once its due date has passed); submitted: waits for the caseworker;
 * completion_requested: the caseworker asked for more (a completion round); approved: done.
 */
export const REPORT_STATUSES = ['draft', 'submitted', 'completion_requested', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Age bands, shared by the report's participant counts and the survey's one question about age. */
export const AGE_BANDS = ['under_13', '13_15', '16_18', '19_25', 'over_25'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Participants are counted by gender as the association sees fit to count; never named. */
export const GENDERS = ['girls', 'boys', 'other', 'not_stated'] as const;
export type Gender = (typeof GENDERS)[number];

/** The report's limits: a count above these is taken for a typing error. */
export const REPORT_LIMITS = { count: 100_000, occasions: 10_000, text: 10_000, activities: 50, attachments: 20 } as const;

export interface SpendingRow {
  /** The budget row's label as in the application's plan (or the association's own, for a row outside it). */
  label: string;
  /** What the application planned for the row; null for a row outside the plan. */
  planned: Ore | null;
  /** What was spent on the row in all. */
  spent: Ore | null;
  /** Of what was spent, what came from the grant. */
  fromGrant: Ore | null;
  /** Required when spent deviates from planned by more than the funder's share. */
  explanation: string;
}

export interface ActivityHeld {
  /** The catalogue's activity type, or a proposed one in the association's words. */
  typeKey: string | null;
  proposedType: string | null;
  area: string;
  from: CalendarDate | null;
  to: CalendarDate | null;
  /** "Fredagar och lördagar", "varje vecka" … */
  frequency: string;
  occasions: number | null;
}

export type ParticipantCounts = Partial<Record<AgeBand, Partial<Record<Gender, number | null>>>>;

export interface ReportContent {
  spending: SpendingRow[];
  activities: ActivityHeld[];
  participants: ParticipantCounts;
  worked: string;
  didNotWork: string;
  wouldChange: string;
  /** The association's comment on its survey results (which it reads, never edits). */
  surveyComment: string;
  attachments: { fileId: string; name: string }[];
}

export interface PlannedReport {
  kind: ReportKind;
  dueOn: CalendarDate;
}

/** Whole months from one date to another (the part of a month left over does not count). */
export function wholeMonths(from: CalendarDate, to: CalendarDate): number {
  let n = 0;
  while (addMonths(from, n + 1) <= to) n++;
  return n;
}

/**
 * The reports an agreement asks for and when each is due.
 * - Interim: when an instalment waits for an interim report, or the period is longer than six months.
 *   It covers the first half of the period and is due a month after the half ends.
 * - Final: `finalDueMonths` (the call's follow-up rule) after the period ends.
 */
export function plannedReports(period: { from: CalendarDate; to: CalendarDate }, schedule: ScheduleSpec, finalDueMonths: number): PlannedReport[] {
  const months = wholeMonths(period.from, addDays(period.to, 1));
  const waitsForInterim = schedule.kind === 'instalments' && schedule.parts.some((p) => p.condition === 'after_interim_report');
  const reports: PlannedReport[] = [];
  const final = addMonths(period.to, Math.max(0, finalDueMonths));
  if (waitsForInterim || months > 6) {
    const half = addMonths(period.from, Math.max(1, Math.round(months / 2)));
    const interim = addDays(addMonths(half, 1), -1);
    // In a period shorter than two months the month after its half ends after the final report is due.
    reports.push({ kind: 'interim', dueOn: interim < final ? interim : final });
  }
  reports.push({ kind: 'final', dueOn: final });
  return reports;
}

/** A report is overdue the day after its due date while it has not been submitted. */
export const isOverdue = (report: { status: ReportStatus; dueOn: CalendarDate }, today: CalendarDate): boolean =>
  report.status === 'draft' && today > report.dueOn;

/** A report can be submitted (again) in these states. */
export const canSubmit = (status: ReportStatus) => status === 'draft' || status === 'completion_requested';

/** An empty report, its spending rows prefilled from the application's budget plan. */
export function emptyReport(plan: readonly { label: string; amount: Ore }[]): ReportContent {
  return {
    spending: plan.map((r) => ({ label: r.label, planned: r.amount, spent: null, fromGrant: null, explanation: '' })),
    activities: [],
    participants: {},
    worked: '',
    didNotWork: '',
    wouldChange: '',
    surveyComment: '',
    attachments: [],
  };
}

/** The largest amount a report row takes: more is taken for a typing error (as the application's budget). */
export const MAX_REPORT_AMOUNT = 10_000_000_000_000;

/** What a report's rules depend on besides its content: the funder's deviation share and what has been paid. */
export interface ReportRuleContext {
  /** A row may deviate from its planned amount by this share (percent) without an explanation. */
  deviationPercent: number;
  /** An interim report is written with part of the period left: only spending above the plan asks why. */
  kind: ReportKind;
  /** Paid to date on the agreement: the grant money reported as used cannot exceed it. */
  paid: Ore;
}

const isBlank = (s: string | null | undefined) => !s?.trim();

function amountProblem(value: Ore | null, field: string): RuleProblem | null {
  if (value === null) return null;
  if (!Number.isSafeInteger(value)) return { field, code: 'invalid_value' };
  if (value < 0) return { field, code: 'amount_negative' };
  if (value > MAX_REPORT_AMOUNT) return { field, code: 'report_amount_absurd', params: { max: MAX_REPORT_AMOUNT } };
  return null;
}

function countProblem(value: number | null | undefined, field: string, max: number): RuleProblem | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value)) return { field, code: 'report_count_whole' };
  if (value < 0) return { field, code: 'report_count_negative' };
  if (value > max) return { field, code: 'report_count_absurd', params: { max } };
  return null;
}

/**
 * What a draft may not hold even while it is being typed: amounts and counts that cannot be right
 * (negative, not whole, absurdly large) and dates that are not dates. A save with one of these is
 * refused on the field; everything else may be incomplete until the report is submitted.
 */
export function reportLimitProblems(c: ReportContent): RuleProblem[] {
  const p: RuleProblem[] = [];
  const add = (x: RuleProblem | null) => {
    if (x) p.push(x);
  };
  c.spending.forEach((r, i) => {
    add(amountProblem(r.spent, `spending.${i}.spent`));
    add(amountProblem(r.fromGrant, `spending.${i}.fromGrant`));
  });
  c.activities.forEach((a, i) => {
    add(countProblem(a.occasions, `activities.${i}.occasions`, REPORT_LIMITS.occasions));
    for (const k of ['from', 'to'] as const) {
      const d = a[k];
      if (d !== null && d !== '' && !isCalendarDate(d)) p.push({ field: `activities.${i}.${k}`, code: 'invalid_date' });
    }
  });
  for (const band of AGE_BANDS) {
    for (const gender of GENDERS) add(countProblem(c.participants[band]?.[gender], `participants.${band}.${gender}`, REPORT_LIMITS.count));
  }
  if (c.activities.length > REPORT_LIMITS.activities) p.push({ field: 'activities', code: 'too_many_items', params: { max: REPORT_LIMITS.activities } });
  if (c.attachments.length > REPORT_LIMITS.attachments) p.push({ field: 'attachments', code: 'too_many_items', params: { max: REPORT_LIMITS.attachments } });
  return p;
}

/**
 * Whether a row's spending deviates from its plan by more than the share, so that it needs an explanation.
 * A final report explains a deviation either way. An interim report compares what is spent so far with the
 * whole period's plan, so spending below it is expected and only spending above it asks why.
 */
export function needsExplanation(row: Pick<SpendingRow, 'planned' | 'spent'>, deviationPercent: number, kind: ReportKind): boolean {
  if (row.spent === null) return false;
  // A row outside the plan that was spent on must always say why.
  if (row.planned === null) return row.spent > 0;
  const off = row.spent - row.planned;
  if (kind === 'interim' && off <= 0) return false;
  // In whole numbers: |spent − planned| > percent/100 × planned.
  return Math.abs(off) * 100 > deviationPercent * row.planned;
}

/**
 * Everything that stands in the way of submitting the report, each on its field: the draft's limits,
 * then what must be filled in and what must add up.
 */
export function reportProblems(c: ReportContent, ctx: ReportRuleContext): RuleProblem[] {
  const p = reportLimitProblems(c);
  const has = (field: string) => p.some((x) => x.field === field);
  let usedOfGrant = 0;
  c.spending.forEach((r, i) => {
    const at = `spending.${i}`;
    if (r.planned === null && isBlank(r.label)) p.push({ field: `${at}.label`, code: 'required' });
    if (r.spent === null) p.push({ field: `${at}.spent`, code: 'required' });
    if (r.fromGrant === null) p.push({ field: `${at}.fromGrant`, code: 'required' });
    if (r.spent !== null && r.fromGrant !== null && !has(`${at}.spent`) && !has(`${at}.fromGrant`)) {
      if (r.fromGrant > r.spent) p.push({ field: `${at}.fromGrant`, code: 'report_row_does_not_add_up', params: { spent: r.spent, fromGrant: r.fromGrant } });
    }
    if (r.fromGrant !== null && !has(`${at}.fromGrant`)) usedOfGrant += r.fromGrant;
    if (!has(`${at}.spent`) && needsExplanation(r, ctx.deviationPercent, ctx.kind) && isBlank(r.explanation)) {
      p.push({
        field: `${at}.explanation`,
        code: r.planned === null ? 'report_explanation_unplanned' : 'report_explanation_needed',
        params: { planned: r.planned, spent: r.spent, percent: ctx.deviationPercent },
      });
    }
  });
  if (usedOfGrant > ctx.paid) p.push({ field: 'spending', code: 'report_grant_above_paid', params: { paid: ctx.paid, used: usedOfGrant } });
  c.activities.forEach((a, i) => {
    const at = `activities.${i}`;
    if (!a.typeKey && isBlank(a.proposedType)) p.push({ field: `${at}.typeKey`, code: 'required' });
    if (isBlank(a.area)) p.push({ field: `${at}.area`, code: 'required' });
    if (a.occasions === null && !has(`${at}.occasions`)) p.push({ field: `${at}.occasions`, code: 'required' });
    if (!a.from && isBlank(a.frequency)) p.push({ field: `${at}.from`, code: 'report_dates_or_frequency' });
    if (a.from && a.to && !has(`${at}.from`) && !has(`${at}.to`) && a.to < a.from) {
      p.push({ field: `${at}.to`, code: 'end_before_start_date', params: { from: a.from } });
    }
  });
  return p;
}

export type { RuleProblem };
