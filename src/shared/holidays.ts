/**
 * The federal public service's designated paid holidays, computed for any year (nothing is hard-coded per
 * year), so reminders count business hours the way the office works.
 *
 * Source: the "Designated paid holidays" article of the Treasury Board's collective agreements (for example
 * article 30 of the Program and Administrative Services (PA) agreement), which every federal employee's
 * conditions follow:
 *   - New Year's Day (January 1)
 *   - Good Friday and Easter Monday (from Easter Sunday, Gregorian computus)
 *   - the day fixed by proclamation for the celebration of the Sovereign's birthday: Victoria Day, the
 *     Monday before May 25
 *   - Canada Day (July 1)
 *   - Labour Day (first Monday of September)
 *   - National Day for Truth and Reconciliation (September 30, a holiday since 2021: S.C. 2021, c. 11)
 *   - Thanksgiving (the day fixed by proclamation: the second Monday of October)
 *   - Remembrance Day (November 11)
 *   - Christmas Day (December 25) and Boxing Day (December 26)
 *   - "one additional day ... recognized to be a provincial or civic holiday in the area", which for the
 *     public service in most of Canada (and in the National Capital Region) is the Civic Holiday, the first
 *     Monday of August.
 * Left out on purpose: Saint-Jean-Baptiste (June 24) is a Quebec holiday, not a federal one (in Quebec it
 * takes the place of the Civic Holiday for employees there; one calendar serves the whole office), and days
 * proclaimed once by an Act of Parliament (such as a state funeral), which no rule can foresee.
 *
 * Observed days: "when a day designated as a holiday coincides with an employee's day of rest, the holiday
 * shall be moved to the employee's first scheduled working day following the day of rest". For a
 * Monday-to-Friday week a holiday on a Saturday or Sunday moves to the next weekday that is not already a
 * holiday: Christmas on a Saturday and Boxing Day on a Sunday give Monday the 27th and Tuesday the 28th;
 * Christmas on a Sunday gives Boxing Day on Monday the 26th and Christmas on Tuesday the 27th.
 */

/** A calendar date with no time and no zone: 2026-07-01. */
export type CivilDate = string;

export const FEDERAL_HOLIDAYS = [
  'newYear',
  'goodFriday',
  'easterMonday',
  'victoriaDay',
  'canadaDay',
  'civicHoliday',
  'labourDay',
  'truthAndReconciliation',
  'thanksgiving',
  'remembranceDay',
  'christmas',
  'boxingDay',
] as const;
export type FederalHoliday = (typeof FEDERAL_HOLIDAYS)[number];

export interface HolidayDate {
  readonly holiday: FederalHoliday;
  /** The day it is observed (a weekend's holiday moved to a weekday). */
  readonly date: CivilDate;
  /** True when it was moved from a Saturday or a Sunday. */
  readonly moved: boolean;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a Gregorian date (month 1–12), for arithmetic on dates without a zone. */
function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(days: number): number {
  return new Date(days * DAY_MS).getUTCDay();
}

export function civilDate(days: number): CivilDate {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CivilDate {
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
  return civilDate(dayNumber(year, month, day));
}

/** The `n`th Monday (1-based) of a month. */
function nthMonday(year: number, month: number, n: number): number {
  const first = dayNumber(year, month, 1);
  return first + ((8 - weekdayOf(first)) % 7) + (n - 1) * 7;
}

/** The Monday strictly before a date (Victoria Day: the Monday before May 25). */
function mondayBefore(year: number, month: number, day: number): number {
  const date = dayNumber(year, month, day);
  return date - ((weekdayOf(date) + 6) % 7 || 7);
}

const cache = new Map<number, readonly HolidayDate[]>();

/** The year's designated paid holidays, on the days they are observed, in calendar order. */
export function federalHolidays(year: number): readonly HolidayDate[] {
  const known = cache.get(year);
  if (known) return known;
  const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`) / DAY_MS;
  const days: [FederalHoliday, number][] = [
    ['newYear', dayNumber(year, 1, 1)],
    ['goodFriday', easter - 2],
    ['easterMonday', easter + 1],
    ['victoriaDay', mondayBefore(year, 5, 25)],
    ['canadaDay', dayNumber(year, 7, 1)],
    ['civicHoliday', nthMonday(year, 8, 1)],
    ['labourDay', nthMonday(year, 9, 1)],
    ...(year >= 2021 ? [['truthAndReconciliation', dayNumber(year, 9, 30)] as [FederalHoliday, number]] : []),
    ['thanksgiving', nthMonday(year, 10, 2)],
    ['remembranceDay', dayNumber(year, 11, 11)],
    ['christmas', dayNumber(year, 12, 25)],
    ['boxingDay', dayNumber(year, 12, 26)],
  ];
  // Weekday holidays keep their day; then each weekend one, in calendar order, takes the first weekday
  // after it that is not already taken (so Christmas and Boxing Day never land on the same Monday).
  const taken = new Set(days.filter(([, d]) => !isWeekend(d)).map(([, d]) => d));
  const result: HolidayDate[] = days.map(([holiday, d]) => {
    if (!isWeekend(d)) return { holiday, date: civilDate(d), moved: false };
    let observed = d + 1;
    while (isWeekend(observed) || taken.has(observed)) observed++;
    taken.add(observed);
    return { holiday, date: civilDate(observed), moved: true };
  });
  result.sort((x, y) => x.date.localeCompare(y.date));
  cache.set(year, result);
  return result;
}

function isWeekend(days: number): boolean {
  const weekday = weekdayOf(days);
  return weekday === 0 || weekday === 6;
}

/** Whether the federal public service is off on this date (its observed holidays; weekends aside). */
export function isFederalHoliday(date: CivilDate): boolean {
  const year = Number(date.slice(0, 4));
  return federalHolidays(year).some((h) => h.date === date);
}
