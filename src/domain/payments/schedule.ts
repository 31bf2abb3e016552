// An agreement's payment schedule: how the granted total is paid out, and when each part falls due.
import { bankDayOnOrAfter } from '../bank-days.ts';
import type { RuleProblem } from '../calls/types.ts';
import { addMonths, type CalendarDate, isCalendarDate } from '../deadlines.ts';
import { type Ore, splitLargestRemainder } from '../money.ts';

export type InstalmentCondition = 'on_signing' | 'after_interim_report' | 'on_date';
export const INSTALMENT_CONDITIONS: readonly InstalmentCondition[] = ['on_signing', 'after_interim_report', 'on_date'];

export interface InstalmentPart {
  percent: number;
  condition: InstalmentCondition;
  date: CalendarDate | null;
}

export type ScheduleSpec =
  /** All of it on signing. */
  | { kind: 'on_signing' }
  | { kind: 'instalments'; parts: InstalmentPart[] }
  /** Equal parts, one per quarter of the period, the first on signing. */
  | { kind: 'quarterly' };

export interface PlannedInstalment {
  /** 1, 2, … in the order of the schedule. */
  number: number;
  amount: Ore;
  condition: InstalmentCondition;
  /** Null until its condition is met. */
  dueOn: CalendarDate | null;
}

export const MAX_PARTS = 12;

/** The first day of each quarter of a period: from, from + 3 months, … while before `to`; always at least one. */
export function quarterStarts(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const starts = [from];
  // Each from the period's start, not from the previous quarter: 31 Jan + 3 months clamps to 30 Apr,
  // and stepping on from there would drift to the 30th for good.
  for (let k = 1; ; k++) {
    const next = addMonths(from, 3 * k);
    if (next >= to) break;
    starts.push(next);
  }
  return starts;
}

/** What is wrong with a schedule for a total over a period; empty when it can be planned. */
export function scheduleProblems(spec: ScheduleSpec, total: Ore, period: { from: CalendarDate; to: CalendarDate }): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!Number.isSafeInteger(total) || total <= 0) problems.push({ field: 'schedule', code: 'nothing_to_pay' });
  if (spec.kind !== 'instalments') return problems;

  const parts = (spec as { parts?: unknown }).parts;
  if (!Array.isArray(parts) || parts.length === 0) {
    problems.push({ field: 'schedule.parts', code: 'required' });
    return problems;
  }
  if (parts.length > MAX_PARTS) problems.push({ field: 'schedule.parts', code: 'too_many_parts', params: { max: MAX_PARTS, count: parts.length } });

  let allPercentsValid = true;
  let sum = 0;
  (parts as InstalmentPart[]).forEach((part, i) => {
    const at = `schedule.parts.${i}`;
    const p = part?.percent;
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > 100) {
      problems.push({ field: `${at}.percent`, code: 'invalid_value' });
      allPercentsValid = false;
    } else sum += p;
    if (!INSTALMENT_CONDITIONS.includes(part?.condition)) problems.push({ field: `${at}.condition`, code: 'invalid_value' });
    if (part?.condition === 'on_date') {
      const date = part.date;
      if (date === null || date === undefined || date === '') problems.push({ field: `${at}.date`, code: 'required' });
      else if (typeof date !== 'string' || !isCalendarDate(date)) problems.push({ field: `${at}.date`, code: 'invalid_value' });
      else if (date < period.from || date > period.to) {
        problems.push({ field: `${at}.date`, code: 'date_outside_period', params: { from: period.from, to: period.to } });
      }
    }
  });
  // A sum over invalid percents would only repeat what the part's own problem already says.
  if (allPercentsValid && sum !== 100) problems.push({ field: 'schedule.parts', code: 'percent_sum', params: { sum } });
  return problems;
}

/**
 * The instalments a schedule makes of a total, with the due dates known so far. The amounts always
 * sum to the total exactly. Throws when the schedule has problems (see `scheduleProblems`).
 */
export function planInstalments(
  total: Ore,
  spec: ScheduleSpec,
  at: { periodFrom: CalendarDate; periodTo: CalendarDate; signedOn: CalendarDate | null },
): PlannedInstalment[] {
  const problems = scheduleProblems(spec, total, { from: at.periodFrom, to: at.periodTo });
  if (problems.length > 0) throw new RangeError(`schedule cannot be planned: ${problems.map((p) => `${p.field} ${p.code}`).join(', ')}`);

  let parts: InstalmentPart[];
  let weights: number[];
  if (spec.kind === 'on_signing') {
    parts = [{ percent: 100, condition: 'on_signing', date: null }];
    weights = [1];
  } else if (spec.kind === 'instalments') {
    parts = spec.parts;
    weights = parts.map((p) => p.percent);
  } else {
    const starts = quarterStarts(at.periodFrom, at.periodTo);
    parts = starts.map((date, i) => (i === 0 ? { percent: 0, condition: 'on_signing', date: null } : { percent: 0, condition: 'on_date', date }));
    weights = starts.map(() => 1);
  }
  const amounts = splitLargestRemainder(total, weights);
  return parts.map((p, i) => ({
    number: i + 1,
    amount: amounts[i],
    condition: p.condition,
    dueOn: dueOnFor(p.condition, { signedOn: at.signedOn, reportApprovedOn: null, date: p.date }),
  }));
}

/**
 * When an instalment falls due: always a bank day, and never before the bank day of the signing,
 * since nothing is paid out before the agreement is signed. Null while its condition is unmet.
 * An on-date instalment of an unsigned agreement shows its own date (moved to a bank day), so the
 * plan can be read before signing.
 */
export function dueOnFor(
  condition: InstalmentCondition,
  at: { signedOn: CalendarDate | null; reportApprovedOn?: CalendarDate | null; date: CalendarDate | null },
): CalendarDate | null {
  const signing = at.signedOn ? bankDayOnOrAfter(at.signedOn) : null;
  const notBeforeSigning = (d: CalendarDate): CalendarDate => (signing !== null && signing > d ? signing : d);
  switch (condition) {
    case 'on_signing':
      return signing;
    case 'on_date':
      return at.date ? notBeforeSigning(bankDayOnOrAfter(at.date)) : null;
    case 'after_interim_report':
      return at.reportApprovedOn ? notBeforeSigning(bankDayOnOrAfter(at.reportApprovedOn)) : null;
  }
}
