import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cohortOf, normaliseEmail, normalisePhone, normaliseTimeZone } from './normalize.ts';

const ORG = '0190a000-0000-7000-8000-000000000001';

test('cohort is the first four bytes of SHA-256("<org>:<key>") modulo 4', () => {
  // Expected values from `printf '%s' "<org>:<key>" | sha256sum`: first 8 hex digits mod 4.
  assert.equal(cohortOf(ORG, 'AS-100001'), 2); // d235ca5a
  assert.equal(cohortOf(ORG, 'AS-100002'), 2); // 96ad1ec6
  assert.equal(cohortOf('0190a000-0000-7000-8000-000000000002', 'AS-100001'), 1); // 1d1fd825: another org, another wave
});

test('cohort is stable: the same contact always lands in the same cohort', () => {
  for (let i = 0; i < 100; i++) assert.equal(cohortOf(ORG, `C-${i}`), cohortOf(ORG, `C-${i}`));
});

test('the four cohorts are balanced: each holds 25 % ± 2 % of 10,000 contacts', () => {
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < 10_000; i++) counts[cohortOf(ORG, `AS-${100000 + i}`)]++;
  for (const count of counts) assert.ok(count >= 2300 && count <= 2700, `cohort sizes ${counts.join(', ')}`);
  assert.equal(counts.reduce((a, b) => a + b, 0), 10_000);
});

test('phone numbers become E.164', () => {
  assert.deepEqual(normalisePhone('040 123 4567'), { value: '+358401234567' });
  assert.deepEqual(normalisePhone('+358 (0)40'.replace('(0)', '') + '-123 4567'), { value: '+358401234567' });
  assert.deepEqual(normalisePhone('0046 8 123 456 78'), { value: '+46812345678' });
  assert.deepEqual(normalisePhone('+48 601 234 567'), { value: '+48601234567' });
  assert.deepEqual(normalisePhone('(09) 310.1691'), { value: '+35893101691' });
  assert.deepEqual(normalisePhone('0601234567', '48'), { value: '+48601234567' });
});

test('phone numbers that cannot be made E.164 are refused', () => {
  for (const bad of ['401234567', '+0401234567', '+35840abc4567', '+3584', '+1234567890123456', '', '00', '0']) {
    assert.ok('error' in normalisePhone(bad), bad);
  }
});

test('e-mail addresses: trimmed, domain lower-cased, malformed ones refused', () => {
  assert.deepEqual(normaliseEmail('  Maija.Meikalainen@Example.FI '), { value: 'Maija.Meikalainen@example.fi' });
  assert.deepEqual(normaliseEmail('anna+kaiku@posti.example.com'), { value: 'anna+kaiku@posti.example.com' });
  assert.deepEqual(normaliseEmail('jörgen@exempel.se'.replace('ö', 'o')), { value: 'jorgen@exempel.se' });
  for (const bad of ['no-at-sign', 'a@b', 'a@@b.fi', 'a b@c.fi', '.a@b.fi', 'a..b@c.fi', 'a@-b.fi', 'a@b.f', `${'x'.repeat(65)}@b.fi`]) {
    assert.ok('error' in normaliseEmail(bad), bad);
  }
});

test('time zones: IANA names with their own letter case; offsets and abbreviations refused', () => {
  assert.deepEqual(normaliseTimeZone('Europe/Helsinki'), { value: 'Europe/Helsinki' });
  assert.deepEqual(normaliseTimeZone('europe/warsaw'), { value: 'Europe/Warsaw' });
  assert.deepEqual(normaliseTimeZone('America/Argentina/Buenos_Aires'), { value: 'America/Argentina/Buenos_Aires' });
  assert.deepEqual(normaliseTimeZone('Asia/Kolkata'), { value: 'Asia/Kolkata' });
  assert.deepEqual(normaliseTimeZone('UTC'), { value: 'UTC' });
  for (const bad of ['Europe/Espoo', '+02:00', 'EET', 'Helsinki', '', 'Europe/../etc']) assert.ok('error' in normaliseTimeZone(bad), bad);
});
