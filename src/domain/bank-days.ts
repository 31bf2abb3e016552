// Swedish bank days: the days a payment can be executed. Banks are closed on weekends, on the public
// holidays that fall on weekdays, and on midsommarafton, julafton and nyårsafton (not public
// holidays, but bank holidays all the same).
import { addDays, type CalendarDate, isCalendarDate } from './deadlines.ts';

const pad = (n: number): string => String(n).padStart(2, '0');
const dateOf = (year: number, month: number, day: number): CalendarDate => `${year}-${pad(month)}-${pad(day)}`;

/** Easter Sunday by the Gregorian computus (the anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dateOf(year, month, day);
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(d: CalendarDate): number {
  return new Date(`${d}T00:00:00Z`).getUTCDay();
}

// Holidays are asked for on every day a search steps over; a year's set is computed once.
const byYear = new Map<number, Set<CalendarDate>>();

/**
 * The days of a year banks are closed besides weekends. Påskdagen, pingstdagen, midsommardagen and
 * alla helgons dag always fall on a weekend, so they need no entry; annandag pingst stopped being a
 * holiday in 2005.
 */
export function swedishHolidays(year: number): Set<CalendarDate> {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`not a year: ${year}`);
  const cached = byYear.get(year);
  if (cached) return new Set(cached);
  const easter = easterSunday(year);
  // Midsommarafton: the Friday between 19 and 25 June.
  let midsummerEve = dateOf(year, 6, 19);
  while (weekday(midsummerEve) !== 5) midsummerEve = addDays(midsummerEve, 1);
  const days = new Set<CalendarDate>([
    dateOf(year, 1, 1), // nyårsdagen
    dateOf(year, 1, 6), // trettondedag jul
    addDays(easter, -2), // långfredagen
    addDays(easter, 1), // annandag påsk
    dateOf(year, 5, 1), // första maj
    addDays(easter, 39), // Kristi himmelsfärdsdag
    dateOf(year, 6, 6), // nationaldagen
    midsummerEve,
    dateOf(year, 12, 24), // julafton
    dateOf(year, 12, 25), // juldagen
    dateOf(year, 12, 26), // annandag jul
    dateOf(year, 12, 31), // nyårsafton
  ]);
  byYear.set(year, days);
  return new Set(days);
}

/** Not a Saturday, a Sunday or a bank holiday. */
export function isBankDay(d: CalendarDate): boolean {
  if (!isCalendarDate(d)) throw new RangeError(`not a calendar date: ${d}`);
  const w = weekday(d);
  if (w === 0 || w === 6) return false;
  const year = Number(d.slice(0, 4));
  return !(byYear.get(year) ?? swedishHolidays(year)).has(d);
}

/** The day itself when it is a bank day, else the next bank day. */
export function bankDayOnOrAfter(d: CalendarDate): CalendarDate {
  let day = d;
  while (!isBankDay(day)) day = addDays(day, 1);
  return day;
}

/** The first bank day strictly after a day. */
export function nextBankDay(d: CalendarDate): CalendarDate {
  if (!isCalendarDate(d)) throw new RangeError(`not a calendar date: ${d}`);
  return bankDayOnOrAfter(addDays(d, 1));
}
