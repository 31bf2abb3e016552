import { TZDate } from '@date-fns/tz';

/** Deadlines and opening dates are calendar dates in Swedish local time. */
export const ZONE = 'Europe/Stockholm';

/** A calendar date, YYYY-MM-DD. */
export type CalendarDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function parts(date: CalendarDate): [number, number, number] {
  const m = DATE.exec(date);
  if (!m || !isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
}

/** The first instant of a day in Stockholm (00:00:00 local). */
export function startOfDay(date: CalendarDate): Date {
  const [y, m, d] = parts(date);
  return new Date(+new TZDate(y, m, d, 0, 0, 0, 0, ZONE));
}

/** The last instant of a day in Stockholm: "by 6 March" means until 23:59:59.999 that day, local time. */
export function endOfDay(date: CalendarDate): Date {
  const [y, m, d] = parts(date);
  return new Date(+new TZDate(y, m, d, 23, 59, 59, 999, ZONE));
}

// Built once: constructing an Intl formatter costs far more than using one.
const STOCKHOLM_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Stockholm calendar date of an instant. */
export function dateInStockholm(at: Date): CalendarDate {
  const p = Object.fromEntries(STOCKHOLM_DAY.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

export type Phase = 'upcoming' | 'open' | 'closed';

/** Where a window of dates stands at an instant. */
export function phaseAt(opensOn: CalendarDate, deadline: CalendarDate, now: Date): Phase {
  if (now < startOfDay(opensOn)) return 'upcoming';
  if (now <= endOfDay(deadline)) return 'open';
  return 'closed';
}

/** Time left until the end of the deadline day, in whole days, hours and minutes (0 when past). */
export function timeLeft(deadline: CalendarDate, now: Date): { days: number; hours: number; minutes: number; totalMs: number } {
  const ms = Math.max(0, endOfDay(deadline).getTime() + 1 - now.getTime());
  const minutes = Math.floor(ms / 60_000);
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60, totalMs: ms };
}

/** Adds whole months to a calendar date, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = parts(date);
  const target = new Date(Date.UTC(y, m + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Adds whole days to a calendar date. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m, d + days)).toISOString().slice(0, 10);
}
