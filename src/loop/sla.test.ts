import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addBusinessHours, validateBusinessHours } from './sla.ts';
import { instantOf } from '../i18n/calendar.ts';
import { KaikuError } from '../errors.ts';

// Helsinki is UTC+2 in winter and UTC+3 in summer (from 30 March 2025 03:00 to 26 October 2025 04:00).
const office = { days: [1, 2, 3, 4, 5], start: '08:00', end: '16:00' };
const HEL = 'Europe/Helsinki';
const due = (startUtc: string, hours: number, bh = office, tz = HEL) => addBusinessHours(new Date(startUtc), hours, bh, tz).toISOString();

test('hours inside one business day are simply added', () => {
  // Monday 13 January 2025 10:00 Helsinki = 08:00Z; + 4 h = 14:00 local.
  assert.equal(due('2025-01-13T08:00:00Z', 4), '2025-01-13T12:00:00.000Z');
});

test('a due time reached exactly at closing stays on that day', () => {
  assert.equal(due('2025-01-13T06:00:00Z', 8), '2025-01-13T14:00:00.000Z');
});

test('Friday afternoon hours carry over the weekend to Monday', () => {
  // Friday 17 Jan 14:00 local: 2 h on Friday, 2 h from Monday 08:00 → Monday 10:00 local = 08:00Z.
  assert.equal(due('2025-01-17T12:00:00Z', 4), '2025-01-20T08:00:00.000Z');
});

test('a start after closing counts from the next opening', () => {
  // Tuesday 18:00 local → Wednesday 08:00 + 1 h = 09:00 local = 07:00Z.
  assert.equal(due('2025-01-14T16:00:00Z', 1), '2025-01-15T07:00:00.000Z');
});

test('a start before opening counts from that morning', () => {
  // Monday 06:00 local → 08:00 + 1 h.
  assert.equal(due('2025-01-13T04:00:00Z', 1), '2025-01-13T07:00:00.000Z');
});

test('a weekend start counts from Monday morning', () => {
  // Saturday noon + 8 h = all of Monday → Monday 16:00 local = 14:00Z.
  assert.equal(due('2025-01-18T10:00:00Z', 8), '2025-01-20T14:00:00.000Z');
});

test('24 business hours are three office days', () => {
  assert.equal(due('2025-01-13T06:00:00Z', 24), '2025-01-15T14:00:00.000Z');
});

test('fractions of an hour are counted', () => {
  assert.equal(due('2025-01-13T08:00:00Z', 0.5), '2025-01-13T08:30:00.000Z');
});

test('over the spring DST change Monday opens at 08:00 summer time', () => {
  // Friday 28 March 15:00 local (UTC+2) = 13:00Z; 1 h Friday, 1 h Monday → 09:00 UTC+3 = 06:00Z.
  assert.equal(due('2025-03-28T13:00:00Z', 2), '2025-03-31T06:00:00.000Z');
});

test('over the autumn DST change Monday opens at 08:00 winter time', () => {
  // Friday 24 October 15:00 local (UTC+3) = 12:00Z; → Monday 27 October 09:00 UTC+2 = 07:00Z.
  assert.equal(due('2025-10-24T12:00:00Z', 2), '2025-10-27T07:00:00.000Z');
});

test('round-the-clock hours count the real hours through the night the clock jumps', () => {
  const always = { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' };
  assert.equal(due('2025-03-29T10:00:00Z', 24, always), '2025-03-30T10:00:00.000Z');
  assert.equal(due('2025-10-25T10:00:00Z', 24, always), '2025-10-26T10:00:00.000Z');
});

test('weekend-only hours and another time zone', () => {
  // New York, Saturday–Sunday 10–14. Friday 10 Jan 2025 12:00 EST (17:00Z) + 6 h → Sat 4 h, Sun 10:00 + 2 h = 12:00 EST = 17:00Z.
  assert.equal(due('2025-01-10T17:00:00Z', 6, { days: [6, 7], start: '10:00', end: '14:00' }, 'America/New_York'), '2025-01-12T17:00:00.000Z');
});

test('wall-clock times around DST changes', () => {
  // 03:30 does not exist on 30 March 2025 in Helsinki: read with winter offset → 01:30Z (04:30 summer time).
  assert.equal(new Date(instantOf(2025, 3, 30, 210, HEL)).toISOString(), '2025-03-30T01:30:00.000Z');
  // 03:30 happens twice on 26 October 2025: the first, still UTC+3 → 00:30Z.
  assert.equal(new Date(instantOf(2025, 10, 26, 210, HEL)).toISOString(), '2025-10-26T00:30:00.000Z');
  assert.equal(new Date(instantOf(2025, 7, 1, 480, HEL)).toISOString(), '2025-07-01T05:00:00.000Z');
});

test('business hours are validated with the field named', () => {
  const field = (input: unknown) => { try { validateBusinessHours(input); return 'valid'; } catch (e) { return (e as KaikuError).field; } };
  assert.equal(field({ days: [1, 2], start: '08:00', end: '16:00' }), 'valid');
  assert.equal(field({ days: [], start: '08:00', end: '16:00' }), 'businessHours.days');
  assert.equal(field({ days: [0], start: '08:00', end: '16:00' }), 'businessHours.days');
  assert.equal(field({ days: [1], start: '8:00', end: '16:00' }), 'businessHours.start');
  assert.equal(field({ days: [1], start: '16:00', end: '08:00' }), 'businessHours.end');
  assert.equal(field(null), 'businessHours');
});
