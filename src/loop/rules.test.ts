import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluatorFor, likertBucket, npsCategory, resolveUnits, unitsNamed, usesTextAnalysis, validateCondition, validateRoute,
  type AnswerFact, type ResponseFacts } from './rules.ts';
import type { KaikuError } from '../errors.ts';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const U_PARENT = '33333333-3333-4333-8333-333333333333';
const U_CHILD = '44444444-4444-4444-8444-444444444444';

const answer = (key: string, type: string, value: Partial<AnswerFact>): AnswerFact =>
  ({ key, type, number: null, choice: null, choices: null, text: null, dontKnow: false, ...value });

function facts(over: Partial<ResponseFacts> = {}): ResponseFacts {
  return {
    touchpointId: T1, unitId: U_CHILD, segment: 'household', language: 'fi',
    answers: [
      answer('nps', 'nps', { number: 3 }),
      answer('csat', 'csat', { number: 2 }),
      answer('staff_kind', 'likert7', { number: 2 }),
      answer('ease', 'likert7', { dontKnow: true }),
      answer('topic', 'single_choice', { choice: 'billing' }),
      answer('channels', 'multi_choice', { choices: ['web', 'phone'] }),
      answer('why', 'text', { text: 'Lasku oli väärin ja palvelu todella huonoa' }),
    ],
    contact: { segment: 'household', attributes: { vip: true, tier: 'Gold' }, operational: { revenue: 12500, plan: 'premium' } },
    ...over,
  };
}

const check = (condition: unknown, f = facts()) => evaluatorFor(f)(validateCondition(condition));

test('NPS categories: 0–6 detractor, 7–8 passive, 9–10 promoter', () => {
  assert.deepEqual([0, 6, 7, 8, 9, 10].map(npsCategory), ['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  assert.equal(check({ nps: 'detractor' }), true);
  assert.equal(check({ nps: 'promoter' }), false);
  for (const [score, category] of [[6, 'detractor'], [7, 'passive'], [8, 'passive'], [9, 'promoter']] as const) {
    assert.equal(check({ nps: category }, facts({ answers: [answer('nps', 'nps', { number: score })] })), true, `${score} is ${category}`);
  }
  // No NPS answer, or "don't know", is no category at all.
  assert.equal(check({ nps: 'detractor' }, facts({ answers: [] })), false);
  assert.equal(check({ nps: 'detractor' }, facts({ answers: [answer('nps', 'nps', { dontKnow: true })] })), false);
});

test('CSAT bounds', () => {
  assert.equal(check({ csat: { lte: 2 } }), true);
  assert.equal(check({ csat: { lte: 1 } }), false);
  assert.equal(check({ csat: { gte: 2, lte: 3 } }), true);
  assert.equal(check({ csat: { gte: 4 } }), false);
});

test('Likert buckets: 5–7 agree, 4 neutral, 1–3 disagree, and don\'t know apart', () => {
  assert.deepEqual([1, 3, 4, 5, 7].map((n) => likertBucket(answer('q', 'likert7', { number: n }))), ['disagree', 'disagree', 'neutral', 'agree', 'agree']);
  assert.equal(check({ likert: 'staff_kind', bucket: 'disagree' }), true);
  assert.equal(check({ likert: 'staff_kind', bucket: 'agree' }), false);
  assert.equal(check({ likert: 'ease', bucket: 'dont_know' }), true);
  assert.equal(check({ likert: 'ease', bucket: 'disagree' }), false);
  assert.equal(check({ likert: 'missing', bucket: 'disagree' }), false);
});

test('answer operators on numbers, choices, multiple choices and don\'t know', () => {
  assert.equal(check({ answer: 'nps', op: 'lte', value: 3 }), true);
  assert.equal(check({ answer: 'nps', op: 'lte', value: 2 }), false);
  assert.equal(check({ answer: 'nps', op: 'gte', value: 3 }), true);
  assert.equal(check({ answer: 'nps', op: 'eq', value: 3 }), true);
  assert.equal(check({ answer: 'nps', op: 'in', value: [0, 1, 2] }), false);
  assert.equal(check({ answer: 'topic', op: 'eq', value: 'Billing' }), true, 'choices compare case-insensitively');
  assert.equal(check({ answer: 'topic', op: 'in', value: ['contract', 'billing'] }), true);
  assert.equal(check({ answer: 'channels', op: 'in', value: ['phone'] }), true);
  assert.equal(check({ answer: 'channels', op: 'eq', value: 'store' }), false);
  assert.equal(check({ answer: 'ease', op: 'dont_know' }), true);
  assert.equal(check({ answer: 'staff_kind', op: 'dont_know' }), false);
  assert.equal(check({ answer: 'ease', op: 'lte', value: 7 }), false, 'a don\'t-know answer has no score');
  assert.equal(check({ answer: 'topic', op: 'lte', value: 7 }), false, 'a choice is not a number');
});

test('text: sentiment, topic and case-insensitive keyword on any open answer', () => {
  assert.equal(check({ text: 'negative' }), true);
  assert.equal(check({ text: 'positive' }), false);
  assert.equal(check({ topic: 'billing' }), true);
  assert.equal(check({ topic: 'delivery' }), false);
  assert.equal(check({ keyword: 'LASKU' }), true);
  assert.equal(check({ keyword: 'toimitus' }), false);
  const praise = facts({ answers: [answer('why', 'text', { text: 'Erittäin ystävällinen ja nopea palvelu, kiitos!' })] });
  assert.equal(check({ text: 'positive' }, praise), true);
  assert.equal(check({ text: 'negative' }, facts({ answers: [] })), false);
});

test('context: touchpoint, unit, segment', () => {
  assert.equal(check({ touchpoint: [T2, T1] }), true);
  assert.equal(check({ touchpoint: [T2] }), false);
  assert.equal(check({ unit: [U_CHILD] }), true);
  assert.equal(check({ segment: ['Household', 'business'] }), true);
  assert.equal(check({ segment: ['business'] }), false);
  assert.equal(check({ segment: ['household'] }, facts({ segment: null })), true, 'falls back to the contact\'s segment');
  assert.equal(check({ touchpoint: [T1] }, facts({ touchpointId: null })), false);
});

test('units include their sub-units once resolved', () => {
  const condition = validateCondition({ all: [{ nps: 'detractor' }, { unit: [U_PARENT] }] });
  assert.deepEqual(unitsNamed(condition), [U_PARENT]);
  assert.equal(evaluatorFor(facts())(condition), false, 'unresolved: only the parent itself');
  const resolved = resolveUnits(condition, (id) => (id === U_PARENT ? [U_PARENT, U_CHILD] : [id]));
  assert.equal(evaluatorFor(facts())(resolved), true);
});

test('contact values: operational data, attributes, numbers and existence', () => {
  assert.equal(check({ contact: 'revenue', op: 'gte', value: 10000 }), true);
  assert.equal(check({ contact: 'revenue', op: 'gte', value: 20000 }), false);
  assert.equal(check({ contact: 'revenue', op: 'lte', value: 12500 }), true);
  assert.equal(check({ contact: 'vip', op: 'eq', value: true }), true);
  assert.equal(check({ contact: 'vip', op: 'exists' }), true);
  assert.equal(check({ contact: 'churned', op: 'exists' }), false);
  assert.equal(check({ contact: 'tier', op: 'in', value: ['gold', 'platinum'] }), true);
  assert.equal(check({ contact: 'plan', op: 'eq', value: 'basic' }), false);
  assert.equal(check({ contact: 'revenue', op: 'gte', value: 1 }, facts({ contact: null })), false, 'anonymous responses have no contact values');
  const asText = facts({ contact: { segment: null, attributes: {}, operational: { revenue: '15000' } } });
  assert.equal(check({ contact: 'revenue', op: 'gte', value: 10000 }, asText), true, 'numeric text compares as a number');
});

test('all, any and not combine', () => {
  assert.equal(check({ all: [{ nps: 'detractor' }, { contact: 'vip', op: 'eq', value: true }] }), true);
  assert.equal(check({ all: [{ nps: 'detractor' }, { segment: ['business'] }] }), false);
  assert.equal(check({ any: [{ nps: 'promoter' }, { csat: { lte: 2 } }] }), true);
  assert.equal(check({ any: [{ nps: 'promoter' }, { keyword: 'kiitos' }] }), false);
  assert.equal(check({ not: { nps: 'promoter' } }), true);
  assert.equal(check({ all: [{ any: [{ nps: 'detractor' }, { csat: { lte: 2 } }] }, { not: { touchpoint: [T2] } }] }), true);
});

test('text analysis is needed only by sentiment and topic conditions', () => {
  assert.equal(usesTextAnalysis(validateCondition({ all: [{ nps: 'detractor' }, { keyword: 'x' }] })), false);
  assert.equal(usesTextAnalysis(validateCondition({ any: [{ nps: 'detractor' }, { not: { topic: 'billing' } }] })), true);
});

function invalid(condition: unknown): { field?: string; message: string } {
  try {
    validateCondition(condition);
  } catch (error) {
    return { field: (error as KaikuError).field, message: (error as Error).message };
  }
  throw new Error('expected a validation error');
}

test('invalid conditions name the path of the bad node', () => {
  assert.equal(invalid({ all: [{ nps: 'detractor' }, { answer: 'nps', op: 'lt', value: 3 }] }).field, 'condition.all[1].op');
  assert.equal(invalid({ any: [] }).field, 'condition.any');
  assert.equal(invalid({ nps: 'angry' }).field, 'condition.nps');
  assert.equal(invalid({ nps: 'detractor', extra: 1 }).field, 'condition.extra');
  assert.equal(invalid({ colour: 'red' }).field, 'condition');
  assert.match(invalid({ colour: 'red' }).message, /unknown condition "colour"/);
  assert.equal(invalid('detractor').field, 'condition');
  assert.equal(invalid({ answer: 'nps', op: 'lte', value: '3' }).field, 'condition.value');
  assert.equal(invalid({ answer: 'nps', op: 'in', value: [] }).field, 'condition.value');
  assert.equal(invalid({ answer: 'ease', op: 'dont_know', value: true }).field, 'condition.value');
  assert.equal(invalid({ csat: {} }).field, 'condition.csat');
  assert.equal(invalid({ csat: { lt: 2 } }).field, 'condition.csat');
  assert.equal(invalid({ csat: { lte: 'two' } }).field, 'condition.csat.lte');
  assert.equal(invalid({ likert: 'staff', bucket: 'maybe' }).field, 'condition.bucket');
  assert.equal(invalid({ text: 'angry' }).field, 'condition.text');
  assert.equal(invalid({ topic: 'weather' }).field, 'condition.topic');
  assert.equal(invalid({ keyword: '  ' }).field, 'condition.keyword');
  assert.equal(invalid({ touchpoint: ['not-a-uuid'] }).field, 'condition.touchpoint[0]');
  assert.equal(invalid({ unit: [] }).field, 'condition.unit');
  assert.equal(invalid({ segment: [''] }).field, 'condition.segment[0]');
  assert.equal(invalid({ contact: 'revenue', op: 'gte', value: 'lots' }).field, 'condition.value');
  assert.equal(invalid({ not: { all: [{ any: [{ nps: 'x' }] }] } }).field, 'condition.not.all[0].any[0].nps');
  let deep: unknown = { nps: 'detractor' };
  for (let i = 0; i < 10; i++) deep = { not: deep };
  assert.match(invalid(deep).message, /nest at most/);
  assert.match(invalid({ any: Array.from({ length: 201 }, () => ({ nps: 'detractor' })) }).message, /at most 200 nodes/);
});

test('routes are validated', () => {
  assert.deepEqual(validateRoute({ to: 'touchpoint_owner' }), { to: 'touchpoint_owner' });
  assert.deepEqual(validateRoute({ to: 'user', userId: T1 }), { to: 'user', userId: T1 });
  assert.deepEqual(validateRoute({ to: 'round_robin', unitId: T2 }), { to: 'round_robin', unitId: T2 });
  const field = (route: unknown) => { try { validateRoute(route); return 'valid'; } catch (e) { return (e as KaikuError).field; } };
  assert.equal(field({ to: 'user' }), 'route.userId');
  assert.equal(field({ to: 'round_robin', unitId: 'x' }), 'route.unitId');
  assert.equal(field({ to: 'everyone' }), 'route.to');
  assert.equal(field({ to: 'touchpoint_owner', userId: T1 }), 'route.userId');
  assert.equal(field([]), 'route');
});
