import {
  easterSunday,
  federalHolidays,
  isFederalHoliday,
  type FederalHoliday,
} from '../../../src/shared/holidays';

const dateOf = (year: number, holiday: FederalHoliday) =>
  federalHolidays(year).find((h) => h.holiday === holiday)?.date;

describe('the federal public service’s designated holidays', () => {
  it.each([
    [1943, '1943-04-25'], // the latest possible Easter
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'], // the earliest possible Easter
  ])('finds Easter Sunday %i on %s', (year, easter) => {
    expect(easterSunday(year)).toBe(easter);
  });

  it.each([
    [2024, '2024-03-29', '2024-04-01'],
    [2025, '2025-04-18', '2025-04-21'],
    [2026, '2026-04-03', '2026-04-06'],
    [2027, '2027-03-26', '2027-03-29'],
    [2038, '2038-04-23', '2038-04-26'],
  ])('puts Good Friday and Easter Monday %i around Easter', (year, goodFriday, easterMonday) => {
    expect(dateOf(year, 'goodFriday')).toBe(goodFriday);
    expect(dateOf(year, 'easterMonday')).toBe(easterMonday);
  });

  it('lists 2026’s twelve holidays on the days the public service takes them', () => {
    expect(federalHolidays(2026).map((h) => `${h.holiday} ${h.date}`)).toEqual([
      'newYear 2026-01-01',
      'goodFriday 2026-04-03',
      'easterMonday 2026-04-06',
      'victoriaDay 2026-05-18', // May 25 is a Monday: the Monday before it
      'canadaDay 2026-07-01',
      'civicHoliday 2026-08-03',
      'labourDay 2026-09-07',
      'truthAndReconciliation 2026-09-30',
      'thanksgiving 2026-10-12',
      'remembranceDay 2026-11-11',
      'christmas 2026-12-25',
      'boxingDay 2026-12-28', // Saturday the 26th, taken on Monday
    ]);
  });

  it.each([
    [2022, 'newYear', '2022-01-03'], // Saturday → Monday
    [2023, 'newYear', '2023-01-02'], // Sunday → Monday
    [2023, 'canadaDay', '2023-07-03'],
    [2023, 'truthAndReconciliation', '2023-10-02'],
    [2023, 'remembranceDay', '2023-11-13'],
    [2021, 'christmas', '2021-12-27'], // Christmas on Saturday, Boxing Day on Sunday
    [2021, 'boxingDay', '2021-12-28'],
    [2022, 'christmas', '2022-12-27'], // Christmas on Sunday: Boxing Day keeps Monday, Christmas moves on
    [2027, 'christmas', '2027-12-27'],
    [2027, 'boxingDay', '2027-12-28'],
  ] as const)('moves a weekend holiday to the next free weekday: %i %s on %s', (year, holiday, date) => {
    expect(dateOf(year, holiday)).toBe(date);
    expect(federalHolidays(year).find((h) => h.holiday === holiday)?.moved).toBe(true);
  });

  it('never observes a holiday on a weekend, nor two on one day', () => {
    for (let year = 2000; year <= 2060; year++) {
      const days = federalHolidays(year).map((h) => h.date);
      expect(new Set(days).size).toBe(days.length);
      for (const day of days) expect([0, 6]).not.toContain(new Date(`${day}T12:00:00Z`).getUTCDay());
    }
  });

  it('keeps a weekday holiday where it is, even when another one is moved next to it', () => {
    expect(federalHolidays(2022).find((h) => h.holiday === 'boxingDay')).toEqual({
      holiday: 'boxingDay',
      date: '2022-12-26',
      moved: false,
    });
  });

  it('computes the Monday holidays for any year', () => {
    expect(dateOf(2025, 'victoriaDay')).toBe('2025-05-19');
    expect(dateOf(2030, 'victoriaDay')).toBe('2030-05-20');
    expect(dateOf(2025, 'civicHoliday')).toBe('2025-08-04');
    expect(dateOf(2025, 'labourDay')).toBe('2025-09-01');
    expect(dateOf(2025, 'thanksgiving')).toBe('2025-10-13');
    expect(dateOf(2031, 'thanksgiving')).toBe('2031-10-13');
  });

  it('has the National Day for Truth and Reconciliation from 2021 only, and no Quebec-only holiday', () => {
    expect(dateOf(2020, 'truthAndReconciliation')).toBeUndefined();
    expect(federalHolidays(2020)).toHaveLength(11);
    expect(dateOf(2021, 'truthAndReconciliation')).toBe('2021-09-30');
    expect(isFederalHoliday('2026-06-24')).toBe(false); // Saint-Jean-Baptiste
    expect(isFederalHoliday('2026-09-30')).toBe(true);
    expect(isFederalHoliday('2026-12-26')).toBe(false); // the Saturday itself is simply a weekend
    expect(isFederalHoliday('2026-12-28')).toBe(true);
  });
});
