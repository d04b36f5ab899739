import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Question } from '../surveys/schema.ts';
import { parseSurveyForm, prefillFromQuery, TEXT_MAX_LENGTH } from './survey-form.ts';

function question(key: string, type: Question['type'], extra: Partial<Question> = {}): Question {
  return {
    id: `id-${key}`, key, position: 0, type, required: false, texts: { en: { label: key } }, options: null,
    scaleMax: type === 'rating' ? 5 : null, allowDontKnow: false, isDriver: false, displayIf: null, ...extra,
  };
}

const options = (...values: string[]) => values.map((value) => ({ value, label: { en: value } }));

const survey = {
  questions: [
    question('nps', 'nps', { required: true }),
    question('nps_why', 'text', { displayIf: { question: 'nps', op: 'answered' } }),
    question('staff', 'likert7', { allowDontKnow: true }),
    question('topic', 'single_choice', { options: options('billing', 'contract') }),
    question('channels', 'multi_choice', { options: options('phone', 'chat', 'email') }),
    question('low_reason', 'single_choice', { options: options('price', 'service'), displayIf: { question: 'nps', op: 'lte', value: 6 } }),
    question('stars', 'rating', { scaleMax: 4 }),
  ],
};

describe('survey form → answers', () => {
  test('each question type becomes its typed answer, in survey order', () => {
    const parsed = parseSurveyForm(survey, {
      _nonce: 'ignored-control-field', _lang: 'en',
      nps: '9', nps_why: '  Quick and friendly \n', staff: 'dk', topic: 'billing',
      channels: ['email', 'phone'], stars: '4',
    });
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.answers, [
      { question: 'nps', value: 9 },
      { question: 'nps_why', value: 'Quick and friendly' },
      { question: 'staff', dontKnow: true },
      { question: 'topic', value: 'billing' },
      // survey option order, not the order the browser sent them in
      { question: 'channels', value: ['phone', 'email'] },
      { question: 'stars', value: 4 },
    ]);
  });

  test('empty fields are unanswered, and a single checkbox value is a one-item list', () => {
    const parsed = parseSurveyForm(survey, { nps: '0', nps_why: '   ', topic: '', channels: 'chat' });
    assert.deepEqual(parsed.answers, [{ question: 'nps', value: 0 }, { question: 'channels', value: ['chat'] }]);
    assert.deepEqual(parsed.errors, []);
  });

  test('an answer to a question whose condition is not met is dropped, not an error', () => {
    // nps 9 > 6, so low_reason is not shown: the no-JS respondent who answered it anyway loses only that answer.
    const parsed = parseSurveyForm(survey, { nps: '9', low_reason: 'price' });
    assert.deepEqual(parsed.answers, [{ question: 'nps', value: 9 }]);
    assert.deepEqual(parsed.dropped, ['low_reason']);
    assert.deepEqual(parsed.errors, []);
    // nps 6 ≤ 6: shown, so kept.
    assert.deepEqual(parseSurveyForm(survey, { nps: '6', low_reason: 'price' }).answers,
      [{ question: 'nps', value: 6 }, { question: 'low_reason', value: 'price' }]);
  });

  test('a follow-up of an invalid answer is dropped with it, and the invalid one is named', () => {
    const parsed = parseSurveyForm(survey, { nps: '11', nps_why: 'why' });
    assert.deepEqual(parsed.errors, [{ question: 'nps', problem: { kind: 'range', min: 0, max: 10 } }]);
    assert.deepEqual(parsed.dropped, ['nps_why']);
  });

  test('problems are reported per question', () => {
    const parsed = parseSurveyForm(survey, {
      staff: '8', topic: 'weather', channels: ['phone', 'fax'], stars: '2.5',
    });
    assert.deepEqual(parsed.errors, [
      { question: 'nps', problem: { kind: 'required' } },
      { question: 'staff', problem: { kind: 'range', min: 1, max: 7 } },
      { question: 'topic', problem: { kind: 'option' } },
      { question: 'channels', problem: { kind: 'option' } },
      { question: 'stars', problem: { kind: 'range', min: 1, max: 4 } },
    ]);
    assert.deepEqual(parsed.answers, []);
  });

  test('"don\'t know" counts only where the question offers it; two values for one scale are refused', () => {
    assert.deepEqual(parseSurveyForm(survey, { nps: 'dk' }).errors, [{ question: 'nps', problem: { kind: 'range', min: 0, max: 10 } }]);
    assert.deepEqual(parseSurveyForm(survey, { nps: ['3', '4'] }).errors, [{ question: 'nps', problem: { kind: 'range', min: 0, max: 10 } }]);
  });

  test('an open answer longer than the page allows is refused', () => {
    const parsed = parseSurveyForm(survey, { nps: '5', nps_why: 'x'.repeat(TEXT_MAX_LENGTH + 1) });
    assert.deepEqual(parsed.errors, [{ question: 'nps_why', problem: { kind: 'too_long', max: TEXT_MAX_LENGTH } }]);
    assert.equal(parseSurveyForm(survey, { nps: '5', nps_why: 'x'.repeat(TEXT_MAX_LENGTH) }).errors.length, 0);
  });

  test('a form with nothing answered is one form-level problem when nothing is required', () => {
    const optional = { questions: survey.questions.slice(2) };
    assert.deepEqual(parseSurveyForm(optional, {}).errors, [{ question: null, problem: { kind: 'empty' } }]);
  });

  test('what the respondent sent is kept for re-rendering, even when invalid', () => {
    const parsed = parseSurveyForm(survey, { nps: '11', topic: '<b>x</b>', channels: ['phone', 'chat'], unknown: 'x' });
    assert.deepEqual(parsed.values, { nps: ['11'], topic: ['<b>x</b>'], channels: ['phone', 'chat'] });
  });

  test('prototype keys in a form are not questions', () => {
    const parsed = parseSurveyForm({ questions: [question('constructor', 'text')] }, {});
    assert.deepEqual(parsed.answers, []);
  });

  test('a link pre-fills only the first question: ?nps=9 or ?<key>=value', () => {
    assert.deepEqual(prefillFromQuery(survey, { nps: '9', topic: 'billing' }), { nps: ['9'] });
    const byKey = { questions: [question('recommend', 'nps'), survey.questions[3]] };
    assert.deepEqual(prefillFromQuery(byKey, { nps: '7' }), { recommend: ['7'] });
    assert.deepEqual(prefillFromQuery(byKey, { recommend: '10', nps: '7' }), { recommend: ['10'] });
    assert.deepEqual(prefillFromQuery({ questions: [survey.questions[3]] }, { topic: 'contract' }), { topic: ['contract'] });
    assert.deepEqual(prefillFromQuery(survey, {}), {});
  });
});
