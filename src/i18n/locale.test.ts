import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate } from './index.ts';
import { plural } from './plural.ts';

test('dates are shown in the organisation\'s time zone, also across a DST change (Warsaw, 29 March 2026 at 01:00 UTC)', () => {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  // 00:30 UTC is 01:30 CET (UTC+1) in Warsaw, 02:30 EET in Helsinki; after the change 01:30 UTC is 03:30 CEST and 04:30 EEST.
  assert.equal(formatDate('2026-03-29T00:30:00Z', 'en', 'Europe/Warsaw', options), '01:30');
  assert.equal(formatDate('2026-03-29T01:30:00Z', 'en', 'Europe/Warsaw', options), '03:30');
  assert.equal(formatDate('2026-03-29T00:30:00Z', 'en', 'Europe/Helsinki', options), '02:30');
  assert.equal(formatDate('2026-10-25T00:30:00Z', 'en', 'Europe/Stockholm', options), '02:30'); // still CEST
  assert.equal(formatDate('2026-10-25T01:30:00Z', 'en', 'Europe/Stockholm', options), '02:30'); // CET again: the hour repeats
  // Late evening in UTC is the next day in Helsinki.
  assert.equal(formatDate('2026-06-30T22:30:00Z', 'fi', 'Europe/Helsinki', { day: 'numeric', month: 'numeric' }), '1.7.');
  assert.equal(formatDate('2026-06-30T22:30:00Z', 'fi', 'UTC', { day: 'numeric', month: 'numeric' }), '30.6.');
});

test('plural forms follow each language\'s rules (Polish: one, few, many)', () => {
  const pl = { one: '# sprawa', few: '# sprawy', many: '# spraw', other: '# sprawy' };
  const expected: Array<[number, string]> = [[1, '1 sprawa'], [2, '2 sprawy'], [4, '4 sprawy'], [5, '5 spraw'], [12, '12 spraw'], [14, '14 spraw'],
    [21, '21 spraw'], [22, '22 sprawy'], [24, '24 sprawy'], [25, '25 spraw'], [0, '0 spraw'], [112, '112 spraw'], [102, '102 sprawy']];
  for (const [n, text] of expected) assert.equal(plural('pl', n, pl), text, String(n));
  const fi = { one: '# tapaus', other: '# tapausta' };
  assert.deepEqual([0, 1, 2, 21].map((n) => plural('fi', n, fi)), ['0 tapausta', '1 tapaus', '2 tapausta', '21 tapausta']);
  const sv = { one: '# ärende', other: '# ärenden' };
  assert.deepEqual([1, 2].map((n) => plural('sv', n, sv)), ['1 ärende', '2 ärenden']);
  const en = { one: '# case', other: '# cases' };
  assert.deepEqual([0, 1, 2].map((n) => plural('en', n, en)), ['0 cases', '1 case', '2 cases']);
  assert.equal(plural('en', 3000, en, (n) => new Intl.NumberFormat('en-GB').format(n)), '3,000 cases');
});

test('the closed loop\'s case counts use the one plural helper in every language', async () => {
  const { loopUiText } = await import('./loop-ui.ts');
  assert.deepEqual([1, 2, 5, 22].map((n) => plural('pl', n, loopUiText('pl').cases)), ['1 sprawa', '2 sprawy', '5 spraw', '22 sprawy']);
  assert.deepEqual([1, 2].map((n) => plural('fi', n, loopUiText('fi').cases)), ['1 tapaus', '2 tapausta']);
  assert.deepEqual([1, 2].map((n) => plural('sv', n, loopUiText('sv').cases)), ['1 ärende', '2 ärenden']);
  assert.deepEqual([1, 2].map((n) => plural('en', n, loopUiText('en').cases)), ['1 case', '2 cases']);
});
