import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  addWorkingDays,
  afterPeriod,
  atwHolidays,
  dayNumber,
  dutchDate,
  easterSunday,
  fromDayNumber,
  isWorkingDay,
  weekday,
  workingDaysBetween,
} from './working-days.js';

const anyDate = fc
  .integer({ min: dayNumber('1990-01-01'), max: dayNumber('2100-12-31') })
  .map((n) => fromDayNumber(n));
const anyYear = fc.integer({ min: 1583, max: 4099 });

test('Easter Sunday on the published dates', () => {
  // Dates from the Gregorian Easter tables (e.g. the Dutch almanac / Wikipedia's "Easter dates" list).
  const known: Record<number, string> = {
    1818: '1818-03-22',
    1943: '1943-04-25',
    2000: '2000-04-23',
    2019: '2019-04-21',
    2024: '2024-03-31',
    2025: '2025-04-20',
    2026: '2026-04-05',
    2027: '2027-03-28',
    2038: '2038-04-25',
    2285: '2285-03-22',
  };
  for (const [year, date] of Object.entries(known)) assert.equal(easterSunday(Number(year)), date, year);
});

test('Easter is always a Sunday between 22 March and 25 April', () => {
  fc.assert(
    fc.property(anyYear, (year) => {
      const e = easterSunday(year);
      assert.equal(weekday(e), 0);
      const md = e.slice(5);
      assert.ok(md >= '03-22' && md <= '04-25', e);
    }),
  );
});

test('the Atw holidays of 2026 and 2027', () => {
  assert.deepEqual(
    atwHolidays(2026).map((h) => `${h.date} ${h.name}`),
    [
      '2026-01-01 nieuwjaarsdag',
      '2026-04-03 goedeVrijdag',
      '2026-04-06 tweedePaasdag',
      '2026-04-27 koningsdag',
      '2026-05-05 bevrijdingsdag',
      '2026-05-14 hemelvaartsdag',
      '2026-05-25 tweedePinksterdag',
      '2026-12-25 eersteKerstdag',
      '2026-12-26 tweedeKerstdag',
    ],
  );
  // Koningsdag on a Sunday moves back to Saturday (27 April 2025 was a Sunday).
  assert.equal(atwHolidays(2025).find((h) => h.name === 'koningsdag')?.date, '2025-04-26');
});

test('every year has nine holidays inside that year, none of them a working day', () => {
  // Two can fall on one day: in 2016 Hemelvaartsdag was on 5 May (Easter on 27 March).
  const y2016 = atwHolidays(2016);
  assert.equal(y2016.find((h) => h.name === 'hemelvaartsdag')?.date, '2016-05-05');
  assert.equal(new Set(y2016.map((h) => h.date)).size, 8);
  fc.assert(
    fc.property(fc.integer({ min: 1950, max: 2200 }), (year) => {
      const hs = atwHolidays(year);
      assert.equal(hs.length, 9);
      const distinct = new Set(hs.map((h) => h.date)).size;
      const ascension = hs.find((h) => h.name === 'hemelvaartsdag')!.date;
      // Only Hemelvaartsdag can coincide with another holiday (5 May, or Koningsdag before 2014).
      assert.ok(
        distinct === 9 ||
          (distinct === 8 && hs.some((h) => h.name !== 'hemelvaartsdag' && h.date === ascension)),
        String(year),
      );
      for (const h of hs) {
        assert.equal(h.date.slice(0, 4), String(year));
        assert.equal(isWorkingDay(h.date), false);
      }
    }),
  );
});

test('one working day after the Thursday before Easter is the Tuesday after it', () => {
  assert.equal(addWorkingDays('2026-04-02', 1), '2026-04-07');
  assert.equal(addWorkingDays('2026-12-24', 1), '2026-12-28');
  assert.equal(addWorkingDays('2026-12-04', 2), '2026-12-08'); // Friday + 2 → Tuesday
  assert.equal(addWorkingDays('2026-12-05', 0), '2026-12-07'); // Saturday → Monday
  assert.equal(addWorkingDays('2026-05-13', 1, { extraHolidays: new Set(['2026-05-15']) }), '2026-05-18');
});

test('n working days later is a working day, exactly n working days on, and later for larger n', () => {
  fc.assert(
    fc.property(anyDate, fc.integer({ min: 1, max: 80 }), (date, n) => {
      const due = addWorkingDays(date, n);
      assert.ok(isWorkingDay(due));
      assert.ok(due > date);
      assert.equal(workingDaysBetween(date, due), n);
      // No working day is skipped: the day before the due date is n-1 working days on at most.
      assert.equal(workingDaysBetween(date, addDays(due, -1)), n - 1);
      assert.ok(addWorkingDays(date, n + 1) > due);
    }),
  );
});

test('a week never has more than five working days', () => {
  fc.assert(fc.property(anyDate, (date) => assert.ok(workingDaysBetween(date, addDays(date, 7)) <= 5)));
});

test('a period later lands on the first working day on or after the calendar date', () => {
  assert.equal(afterPeriod('2026-11-30', { months: 3 }), '2027-03-01'); // 28 Feb 2027 is a Sunday
  assert.equal(afterPeriod('2026-01-31', { months: 1 }), '2026-03-02'); // 28 Feb 2026 is a Saturday
  assert.equal(afterPeriod('2026-12-18', { days: 7 }), '2026-12-28'); // 25 Dec → after Christmas
  fc.assert(
    fc.property(anyDate, fc.integer({ min: 0, max: 60 }), (date, days) => {
      const due = afterPeriod(date, { days });
      const calendar = addDays(date, days);
      assert.ok(due >= calendar && isWorkingDay(due));
      for (let d = calendar; d < due; d = addDays(d, 1)) assert.equal(isWorkingDay(d), false);
    }),
  );
});

test('invalid dates are refused; the Dutch calendar day of an instant', () => {
  assert.throws(() => dayNumber('2026-02-30'), RangeError);
  assert.throws(() => addWorkingDays('2026-01-01', -1), RangeError);
  assert.equal(dutchDate(new Date('2026-12-07T23:30:00Z')), '2026-12-08');
  assert.equal(dutchDate(new Date('2026-07-07T21:30:00Z')), '2026-07-07');
});
