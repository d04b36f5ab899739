import { test } from 'node:test';
import assert from 'node:assert/strict';
import { churnReasonWords, keyInWords } from './churn-reasons.ts';

const en = (feature: string, value: number | string | null) => churnReasonWords('en', { feature, value }, String);
const pl = (feature: string, value: number | string | null) => churnReasonWords('pl', { feature, value }, String);

test('experience features read as phrases, counts with plural forms, missing answers named', () => {
  assert.equal(en('complaints', 1), '1 complaint');
  assert.equal(en('complaints', 3), '3 complaints');
  assert.equal(en('openCases', 2), '2 open cases');
  assert.equal(en('nps', 3), 'NPS answer 3');
  assert.equal(en('ces', null), 'no effort answer');
  assert.equal(en('npsChange', -4), 'NPS answer down 4');
  assert.equal(en('npsChange', 0), 'NPS answer unchanged');
  // Polish: 1 one, 2–4 few, 5–21 many, 22 few again.
  assert.deepEqual([1, 2, 5, 22].map((n) => pl('complaints', n)), ['1 reklamacja', '2 reklamacje', '5 reklamacji', '22 reklamacje']);
  assert.equal(churnReasonWords('fi', { feature: 'negativeTexts', value: 2 }, String), '2 kielteistä kommenttia');
});

test('the organisation\'s own keys read as words, not codes', () => {
  assert.equal(keyInWords('tenureYears'), 'Tenure years');
  assert.equal(keyInWords('contract_type'), 'Contract type');
  assert.equal(en('tenureYears', 5), 'Tenure years: 5');
  assert.equal(en('plan', 'spot'), 'Plan: spot');
  assert.equal(en('plan', null), 'Plan: not known');
  for (const text of [en('tenureYears', 5), en('contract_type', 'fixed'), en('ces', null)]) assert.doesNotMatch(text, /[a-z][A-Z]|_/);
});
