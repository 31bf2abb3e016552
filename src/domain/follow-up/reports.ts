// Follow-up reports (uppföljning, redovisning): what the association reports back on an agreement, and
// when. An interim report halfway through a long period (or when an instalment waits for one), a final
// report some months after the period ends, as the call says.
import type { RuleProblem } from '../calls/types.ts';
import { addDays, addMonths, type CalendarDate } from '../deadlines.ts';
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
  if (waitsForInterim || months > 6) {
    const half = addMonths(period.from, Math.max(1, Math.round(months / 2)));
    reports.push({ kind: 'interim', dueOn: addDays(addMonths(half, 1), -1) });
  }
  reports.push({ kind: 'final', dueOn: addMonths(period.to, Math.max(0, finalDueMonths)) });
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

export type { RuleProblem };
