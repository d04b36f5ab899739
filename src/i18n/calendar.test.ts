import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarDayIn, instantOf, isTimeZone, isoDayIn, localMinutes, localTime, startOfDayIn } from './calendar.ts';

const iso = (ms: number | Date) => new Date(ms).toISOString();

test('Warsaw days and wall times around both daylight-saving changes of 2026, worked by hand', () => {
  // Spring: 29 March starts at 00:00 CET = 23:00 UTC the day before; 02:00–03:00 does not exist.
  assert.equal(iso(startOfDayIn(2026, 3, 29, 'Europe/Warsaw')), '2026-03-28T23:00:00.000Z');
  assert.equal(iso(startOfDayIn(2026, 3, 30, 'Europe/Warsaw')), '2026-03-29T22:00:00.000Z'); // CEST: the day had 23 hours
  assert.equal(iso(instantOf(2026, 3, 29, 9 * 60, 'Europe/Warsaw')), '2026-03-29T07:00:00.000Z');
  assert.equal(iso(instantOf(2026, 3, 29, 2 * 60 + 30, 'Europe/Warsaw')), '2026-03-29T01:30:00.000Z'); // skipped 02:30 read as 03:30
  // Autumn: 25 October, 02:00–03:00 happens twice; the first (CEST) is taken.
  assert.equal(iso(instantOf(2026, 10, 25, 2 * 60 + 30, 'Europe/Warsaw')), '2026-10-25T00:30:00.000Z');
  assert.equal(iso(startOfDayIn(2026, 10, 26, 'Europe/Warsaw')), '2026-10-25T23:00:00.000Z'); // the day had 25 hours
  assert.deepEqual(localTime(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Warsaw'), { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 });
  assert.equal(localMinutes(new Date('2026-03-29T01:30:00Z'), 'Europe/Warsaw'), 3 * 60 + 30);
  assert.equal(localMinutes(new Date('2026-03-29T00:30:00Z'), 'Europe/Warsaw'), 60 + 30);
});

test('the calendar day of an instant depends on the zone; month and day overflow like Date.UTC', () => {
  assert.deepEqual(calendarDayIn(new Date('2026-06-30T22:30:00Z'), 'Europe/Helsinki'), { year: 2026, month: 7, day: 1 });
  assert.deepEqual(calendarDayIn(new Date('2026-06-30T22:30:00Z'), 'Europe/Stockholm'), { year: 2026, month: 7, day: 1 });
  assert.deepEqual(calendarDayIn(new Date('2026-06-30T21:30:00Z'), 'Europe/Stockholm'), { year: 2026, month: 6, day: 30 });
  assert.equal(isoDayIn(Date.parse('2026-12-31T23:30:00Z'), 'Europe/Warsaw'), '2027-01-01');
  assert.equal(iso(startOfDayIn(2026, 13, 1, 'Europe/Helsinki')), '2026-12-31T22:00:00.000Z');
  assert.equal(iso(startOfDayIn(2026, 1, 32, 'UTC')), '2026-02-01T00:00:00.000Z');
});

test('time zones: IANA names are known, anything else is not', () => {
  assert.equal(isTimeZone('Europe/Warsaw'), true);
  assert.equal(isTimeZone('UTC'), true);
  assert.equal(isTimeZone('Europe/Atlantis'), false);
  assert.equal(isTimeZone('+02:00 and more'), false);
});
