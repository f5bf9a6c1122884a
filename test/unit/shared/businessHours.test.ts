import {
  addBusinessTime,
  businessTimeBetween,
  parseWorkingDay,
  type BusinessCalendar,
} from '../../../src/shared/businessHours';

const HOUR = 3_600_000;
/** The default: 08:00–17:00 in Ottawa's time, federal holidays off. */
const OTTAWA: BusinessCalendar = { timeZone: 'America/Toronto', dayStart: 8 * 60, dayEnd: 17 * 60 };
const add = (from: string, hours: number, calendar = OTTAWA) =>
  addBusinessTime(new Date(from), hours * HOUR, calendar).toISOString();

describe('business hours', () => {
  it('counts within a working day', () => {
    // Tuesday 3 March 2026, 10:00 EST → 12:00 EST.
    expect(add('2026-03-03T15:00:00Z', 2)).toBe('2026-03-03T17:00:00.000Z');
  });

  it('stops at the end of the day and goes on the next morning', () => {
    // Tuesday 16:00 EST + 2 h: one hour Tuesday, one from 08:00 Wednesday.
    expect(add('2026-03-03T21:00:00Z', 2)).toBe('2026-03-04T14:00:00.000Z');
  });

  it('starts counting at opening time when the case comes in at night', () => {
    // Tuesday 06:00 EST + 1 h → 09:00 EST.
    expect(add('2026-03-03T11:00:00Z', 1)).toBe('2026-03-03T14:00:00.000Z');
    // Tuesday 23:00 EST + 1 h → Wednesday 09:00 EST.
    expect(add('2026-03-04T04:00:00Z', 1)).toBe('2026-03-04T14:00:00.000Z');
  });

  it('skips the weekend, and follows the clocks when daylight saving time begins on it', () => {
    // Friday 6 March 2026 16:00 EST + 2 h → Monday 9 March 09:00 EDT, which is 13:00 UTC (not 14:00).
    expect(add('2026-03-06T21:00:00Z', 2)).toBe('2026-03-09T13:00:00.000Z');
    // A working day of 8 h from Friday noon: 5 h Friday, 3 h Monday → Monday 11:00 EDT.
    expect(add('2026-03-06T17:00:00Z', 8)).toBe('2026-03-09T15:00:00.000Z');
    // Saturday, any time → Monday 08:00 EDT + 1 h.
    expect(add('2026-03-07T15:00:00Z', 1)).toBe('2026-03-09T13:00:00.000Z');
  });

  it('follows the clocks when daylight saving time ends over the weekend', () => {
    // Friday 30 October 2026 16:00 EDT + 2 h → Monday 2 November 09:00 EST (14:00 UTC).
    expect(add('2026-10-30T20:00:00Z', 2)).toBe('2026-11-02T14:00:00.000Z');
  });

  it('counts a day on which the clocks change during working hours as it is worked: 23 or 25 hours', () => {
    // Cairo moves its clocks at midnight, on a Friday in April (forward) and a Thursday in October (back).
    const cairo: BusinessCalendar = { timeZone: 'Africa/Cairo', dayStart: 0, dayEnd: 24 * 60 };
    const between = (from: string, to: string) =>
      businessTimeBetween(new Date(from), new Date(to), cairo) / HOUR;
    // Friday 26 April 2024, local midnight to Saturday's midnight.
    expect(between('2024-04-25T22:00:00Z', '2024-04-26T21:00:00Z')).toBe(23);
    // Thursday 31 October 2024, local midnight to Friday's midnight.
    expect(between('2024-10-30T21:00:00Z', '2024-10-31T22:00:00Z')).toBe(25);
    // 24 business hours from the start of that Thursday ends an hour before the local midnight.
    expect(add('2024-10-30T21:00:00Z', 24, cairo)).toBe('2024-10-31T21:00:00.000Z');
  });

  it('skips Good Friday and Easter Monday', () => {
    // Thursday 2 April 2026 16:00 EDT + 2 h: one hour Thursday, then Tuesday 7 April from 08:00.
    expect(add('2026-04-02T20:00:00Z', 2)).toBe('2026-04-07T13:00:00.000Z');
    // 2027: Good Friday 26 March, Easter Monday 29 March.
    expect(add('2027-03-25T20:00:00Z', 2)).toBe('2027-03-30T13:00:00.000Z');
  });

  it('skips an observed holiday: Christmas 2026 on Friday, Boxing Day taken on Monday the 28th', () => {
    // Thursday 24 December 16:00 EST + 2 h → Tuesday 29 December 09:00 EST.
    expect(add('2026-12-24T21:00:00Z', 2)).toBe('2026-12-29T14:00:00.000Z');
  });

  it('counts 40 business hours in 9-hour days, and longer over a holiday', () => {
    // Monday 11 May 2026 08:00 EDT + 40 h: four days of 9 h, then 4 h Friday → Friday 12:00 EDT.
    expect(add('2026-05-11T12:00:00Z', 40)).toBe('2026-05-15T16:00:00.000Z');
    // Thursday 14 May 09:00 EDT + 40 h: 8 + 9, Victoria Day off, 9 + 9 Tuesday and Wednesday, 5 h Thursday.
    expect(add('2026-05-14T13:00:00Z', 40)).toBe('2026-05-21T17:00:00.000Z');
  });

  it('uses the configured zone and working day', () => {
    const vancouver: BusinessCalendar = {
      timeZone: 'America/Vancouver',
      dayStart: 9 * 60,
      dayEnd: 16 * 60 + 30,
    };
    // Tuesday 16:00 PST + 1 h → 30 min Tuesday, 30 min from 09:00 Wednesday (17:30 UTC).
    expect(add('2026-03-04T00:00:00Z', 1, vancouver)).toBe('2026-03-04T17:30:00.000Z');
  });

  it('agrees with itself: the business time up to the instant it gives is what was added', () => {
    for (const [from, hours] of [
      ['2026-03-06T21:00:00Z', 2],
      ['2026-04-02T20:00:00Z', 8],
      ['2026-12-20T10:00:00Z', 40],
      ['2026-10-29T19:17:00Z', 13.5],
    ] as const) {
      const to = addBusinessTime(new Date(from), hours * HOUR, OTTAWA);
      expect(businessTimeBetween(new Date(from), to, OTTAWA)).toBe(hours * HOUR);
    }
    expect(add('2026-03-03T15:00:00Z', 0)).toBe('2026-03-03T15:00:00.000Z');
  });

  it('reads a working day written HH:MM-HH:MM, and refuses one that is not a forward span', () => {
    expect(parseWorkingDay('08:00-17:00')).toEqual({ dayStart: 480, dayEnd: 1020 });
    expect(parseWorkingDay(' 7:30 - 15:45 ')).toEqual({ dayStart: 450, dayEnd: 945 });
    expect(parseWorkingDay('00:00-24:00')).toEqual({ dayStart: 0, dayEnd: 1440 });
    for (const bad of ['17:00-08:00', '08:00-08:00', '8-17', '08:60-17:00', '08:00-24:30', ''])
      expect(parseWorkingDay(bad)).toBeUndefined();
  });
});
