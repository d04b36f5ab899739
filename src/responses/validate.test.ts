import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KaikuError } from '../errors.ts';
import type { Question, Survey } from '../surveys/schema.ts';
import { validateAnswers } from './validate.ts';

const q = (key: string, type: Question['type'], extra: Partial<Question> = {}): Question => ({
  id: `id-${key}`, key, position: 0, type, required: false, texts: { en: { label: key } }, options: null, scaleMax: null,
  allowDontKnow: false, isDriver: false, displayIf: null, ...extra,
});

const survey: Survey = {
  id: 's', orgId: 'o', name: 'S', kind: 'pulse', status: 'active', defaultLanguage: 'en', languages: ['en'], texts: { title: { en: 'S' } }, touchpointId: null, askContactConsent: false,
  questions: [
    q('nps', 'nps', { required: true }),
    q('why', 'text', { displayIf: { question: 'nps', op: 'answered' } }),
    q('low', 'text', { displayIf: { question: 'nps', op: 'lte', value: 6 }, required: true }),
    q('agree', 'likert7', { allowDontKnow: true }),
    q('stars', 'rating', { scaleMax: 3 }),
    q('pick', 'single_choice', { options: [{ value: 'a', label: { en: 'A' } }, { value: 'b', label: { en: 'B' } }] }),
    q('many', 'multi_choice', { options: [{ value: 'a', label: { en: 'A' } }, { value: 'b', label: { en: 'B' } }], displayIf: { question: 'pick', op: 'in', value: ['a'] } }),
  ],
};

const fieldOf = (fn: () => unknown) => {
  try { fn(); } catch (error) { assert.ok(error instanceof KaikuError); return (error as KaikuError).field; }
  assert.fail('expected a validation error');
};

test('valid answers become typed rows', () => {
  const rows = validateAnswers(survey, [
    { question: 'nps', value: 10 }, { question: 'why', value: '  Great  ' }, { question: 'agree', dontKnow: true },
    { question: 'stars', value: 3 }, { question: 'pick', value: 'a' }, { question: 'many', value: ['b', 'a'] },
  ]);
  assert.deepEqual(rows, [
    { questionId: 'id-nps', number: 10, choice: null, choices: null, text: null, dontKnow: false },
    { questionId: 'id-why', number: null, choice: null, choices: null, text: 'Great', dontKnow: false },
    { questionId: 'id-agree', number: null, choice: null, choices: null, text: null, dontKnow: true },
    { questionId: 'id-stars', number: 3, choice: null, choices: null, text: null, dontKnow: false },
    { questionId: 'id-pick', number: null, choice: 'a', choices: null, text: null, dontKnow: false },
    { questionId: 'id-many', number: null, choice: null, choices: ['b', 'a'], text: null, dontKnow: false },
  ]);
});

test('empty text counts as unanswered', () => {
  assert.equal(validateAnswers(survey, [{ question: 'nps', value: 9 }, { question: 'why', value: '   ' }]).length, 1);
});

test('scale bounds are inclusive and checked per type', () => {
  assert.equal(validateAnswers(survey, [{ question: 'nps', value: 0 }, { question: 'low', value: 'x' }])[0].number, 0);
  assert.equal(fieldOf(() => validateAnswers(survey, [{ question: 'nps', value: 10 }, { question: 'stars', value: 4 }])), 'answers[1].value');
  assert.equal(fieldOf(() => validateAnswers(survey, [{ question: 'nps', value: 10 }, { question: 'agree', value: 0 }])), 'answers[1].value');
  assert.equal(fieldOf(() => validateAnswers(survey, [{ question: 'nps', value: Number.NaN }])), 'answers[0].value');
});

test('display logic: a detractor must explain (required when shown), a promoter may not answer the hidden question', () => {
  assert.equal(fieldOf(() => validateAnswers(survey, [{ question: 'nps', value: 6 }])), 'answers');
  assert.equal(fieldOf(() => validateAnswers(survey, [{ question: 'nps', value: 9 }, { question: 'low', value: 'x' }])), 'answers[1].question');
  assert.equal(validateAnswers(survey, [{ question: 'nps', value: 9 }]).length, 1);
  assert.equal(fieldOf(() => validateAnswers(survey, [{ question: 'nps', value: 9 }, { question: 'pick', value: 'b' }, { question: 'many', value: ['a'] }])), 'answers[2].question');
});

test('choices: unknown, repeated or wrongly typed values are refused', () => {
  assert.equal(fieldOf(() => validateAnswers(survey, [{ question: 'nps', value: 9 }, { question: 'pick', value: 'c' }])), 'answers[1].value');
  assert.equal(fieldOf(() => validateAnswers(survey, [{ question: 'nps', value: 9 }, { question: 'pick', value: 'a' }, { question: 'many', value: ['a', 'a'] }])), 'answers[2].value');
  assert.equal(fieldOf(() => validateAnswers(survey, [{ question: 'nps', value: 9 }, { question: 'pick', value: ['a'] }])), 'answers[1].value');
  assert.equal(fieldOf(() => validateAnswers(survey, [{ question: 'nps', value: 9 }, { question: 'why', value: 5 }])), 'answers[1].value');
});

test('a question answered twice, or with both a value and don\'t know, is refused', () => {
  assert.equal(fieldOf(() => validateAnswers(survey, [{ question: 'nps', value: 9 }, { question: 'id-nps', value: 8 }])), 'answers[1].question');
  assert.equal(fieldOf(() => validateAnswers(survey, [{ question: 'nps', value: 9 }, { question: 'agree', value: 5, dontKnow: true }])), 'answers[1].value');
});
