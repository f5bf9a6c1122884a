import { civilDate, isFederalHoliday, type CivilDate } from './holidays';

/**
 * Business-hours arithmetic: "2 business hours after Friday 16:00" is Monday 09:00 (or Tuesday 09:00 after a
 * long weekend). A working day is a span of wall-clock time in one IANA zone, Monday to Friday, holidays off;
 * its start and end are converted to instants for each date, so a change to or from daylight saving time
 * moves them as the office's clocks move (a day that changes inside the working hours is an hour shorter or
 * longer, as worked).
 */
export interface BusinessCalendar {
  readonly timeZone: string;
  /** Minutes after local midnight the working day starts (08:00 → 480) and ends (17:00 → 1020, at most 1440). */
  readonly dayStart: number;
  readonly dayEnd: number;
  /** Days off besides weekends (the federal public service's designated holidays by default). */
  readonly isHoliday?: (date: CivilDate) => boolean;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Longest search for the end of a span: ten years of calendar, far beyond any reminder threshold. */
const MAX_DAYS = 3660;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time at `ms` in the zone, as if it were UTC (so offset = wall − instant). */
function wallClockMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterOf(timeZone).formatToParts(new Date(ms)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The zone's offset from UTC at an instant, in ms (Toronto in winter: −5 h). */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallClockMs(whole, timeZone) - whole;
}

/** The date (days since 1970-01-01) the zone's calendar shows at an instant. */
function localDay(ms: number, timeZone: string): number {
  return Math.floor(wallClockMs(ms, timeZone) / DAY_MS);
}

/**
 * The instant the zone's clocks show `minutes` after midnight on a date. The zone's offsets a day before and
 * a day after give the candidates; a time shown twice (the hour repeated when daylight saving time ends) is
 * its first occurrence, and a time skipped by the change to daylight saving time (02:30 on a spring-forward
 * night) gives the instant as long after the jump (03:30): a day does not start in an hour that does not
 * exist.
 */
function instantOf(day: number, minutes: number, timeZone: string): number {
  const wall = day * DAY_MS + minutes * MINUTE_MS;
  const before = wall - offsetAt(wall - DAY_MS, timeZone);
  const after = wall - offsetAt(wall + DAY_MS, timeZone);
  const shown = [before, after].filter((ms) => wallClockMs(ms, timeZone) === wall);
  return shown.length > 0 ? Math.min(...shown) : before;
}

function isBusinessDay(day: number, calendar: BusinessCalendar): boolean {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !(calendar.isHoliday ?? isFederalHoliday)(civilDate(day));
}

/**
 * The instant when `ms` of business time have passed since `from`: only working hours of working days
 * count. Zero gives `from` itself; outside working hours the count starts at the next opening.
 */
export function addBusinessTime(from: Date, ms: number, calendar: BusinessCalendar): Date {
  if (ms <= 0) return from;
  const { timeZone, dayStart, dayEnd } = calendar;
  let remaining = ms;
  let cursor = from.getTime();
  let day = localDay(cursor, timeZone);
  for (let i = 0; i < MAX_DAYS; i++, day++) {
    if (isBusinessDay(day, calendar)) {
      const opens = instantOf(day, dayStart, timeZone);
      const closes = instantOf(day, dayEnd, timeZone);
      const start = Math.max(cursor, opens);
      if (start < closes) {
        if (remaining <= closes - start) return new Date(start + remaining);
        remaining -= closes - start;
      }
    }
    cursor = Math.max(cursor, instantOf(day + 1, 0, timeZone));
  }
  throw new Error('No working time found within ten years: check the business calendar');
}

/** Business time between two instants, in ms (0 if `to` is not after `from`). */
export function businessTimeBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const { timeZone, dayStart, dayEnd } = calendar;
  const end = to.getTime();
  let total = 0;
  let cursor = from.getTime();
  for (let day = localDay(cursor, timeZone), i = 0; cursor < end && i < MAX_DAYS; day++, i++) {
    if (isBusinessDay(day, calendar)) {
      const start = Math.max(cursor, instantOf(day, dayStart, timeZone));
      const stop = Math.min(end, instantOf(day, dayEnd, timeZone));
      if (start < stop) total += stop - start;
    }
    cursor = Math.max(cursor, instantOf(day + 1, 0, timeZone));
  }
  return total;
}

/** "08:00-17:00" → minutes after midnight, or undefined when malformed or not a forward span within a day. */
export function parseWorkingDay(text: string): { dayStart: number; dayEnd: number } | undefined {
  const m = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return undefined;
  const [h1, m1, h2, m2] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  if (m1 > 59 || m2 > 59) return undefined;
  const dayStart = h1 * 60 + m1;
  const dayEnd = h2 * 60 + m2;
  if (dayStart >= dayEnd || dayEnd > 24 * 60) return undefined;
  return { dayStart, dayEnd };
}
