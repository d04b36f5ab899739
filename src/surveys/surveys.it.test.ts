import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { pulseSurvey } from '../../test/helpers/factories.ts';

describe('surveys API', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp(); });
  after(() => t.close());

  test('a definition with every question type, display logic and driver flags round-trips', async () => {
    const body = {
      name: 'Strategic 2026', kind: 'strategic', defaultLanguage: 'fi', languages: ['fi', 'sv'],
      title: { fi: 'Asiakastutkimus', sv: 'Kundundersökning' },
      questions: [
        { key: 'ltr', type: 'nps', required: true, why: false, text: { fi: 'Suosittelisitko?' } },
        { key: 'sat', type: 'csat', text: { fi: 'Tyytyväisyys' } },
        { key: 'effort', type: 'ces', text: { fi: 'Vaivattomuus' } },
        { key: 'reliable', type: 'likert7', allowDontKnow: true, isDriver: true, text: { fi: 'Toimitusvarmuus' } },
        { key: 'stars', type: 'rating', scaleMax: 4, text: { fi: 'Tähdet' } },
        { key: 'channels', type: 'multi_choice', text: { fi: 'Kanavat' }, options: [{ value: 'web', label: { fi: 'Verkko' } }, { value: 'phone', label: { fi: 'Puhelin' } }] },
        { key: 'low_reason', type: 'text', text: { fi: 'Miksi?' }, displayIf: { question: 'ltr', op: 'lte', value: 6 } },
      ],
    };
    const created = await t.api('/api/v1/surveys', { body });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.questions.map((q: any) => [q.key, q.type, q.position]),
      [['ltr', 'nps', 1], ['sat', 'csat', 2], ['effort', 'ces', 3], ['reliable', 'likert7', 4], ['stars', 'rating', 5], ['channels', 'multi_choice', 6], ['low_reason', 'text', 7]]);
    assert.equal(created.body.questions[3].isDriver, true);
    assert.equal(created.body.questions[4].scaleMax, 4);
    const surveyId = created.body.id;
    // Display logic: low_reason only when ltr ≤ 6.
    const shownForPromoter = await t.api('/api/v1/responses', { body: { surveyId, answers: [{ question: 'ltr', value: 10 }, { question: 'low_reason', value: 'x' }] } });
    assert.equal(shownForPromoter.status, 400);
    assert.equal(shownForPromoter.body.field, 'answers[1].question');
    const detractor = await t.api('/api/v1/responses', { body: { surveyId, answers: [{ question: 'ltr', value: 4 }, { question: 'low_reason', value: 'Slow' },
      { question: 'stars', value: 4 }, { question: 'channels', value: ['web', 'phone'] }] } });
    assert.equal(detractor.status, 201, JSON.stringify(detractor.body));
    const stored = await t.api(`/api/v1/responses/${detractor.body.id}`);
    assert.deepEqual(stored.body.answers.find((a: any) => a.key === 'channels').choices, ['web', 'phone']);
    assert.equal((await t.api('/api/v1/responses', { body: { surveyId, answers: [{ question: 'ltr', value: 4 }, { question: 'stars', value: 5 }] } })).body.field, 'answers[1].value');

    // Replacing keeps answered questions (same id) and refuses to change their type.
    const replaced = await t.api(`/api/v1/surveys/${surveyId}`, { method: 'PUT', body: { ...body, name: 'Strategic 2026 v2' } });
    assert.equal(replaced.status, 200);
    assert.equal(replaced.body.questions[0].id, created.body.questions[0].id);
    const typeChange = await t.api(`/api/v1/surveys/${surveyId}`, { method: 'PUT', body: { ...body, questions: [{ ...body.questions[0], type: 'csat', why: undefined }] } });
    assert.equal(typeChange.status, 409);
    assert.equal((await t.api(`/api/v1/surveys/${surveyId}`, { method: 'DELETE' })).status, 409);
  });

  const invalid: Array<[string, (b: any) => any, string]> = [
    ['default language not listed', (b) => ({ ...b, defaultLanguage: 'de' }), 'defaultLanguage'],
    ['question key twice', (b) => ({ ...b, questions: [b.questions[1], b.questions[1]] }), 'questions[1].key'],
    ['choice without options', (b) => ({ ...b, questions: [{ key: 'c', type: 'single_choice', text: { fi: 'x' } }] }), 'questions[0].options'],
    ['display logic pointing forward', (b) => ({ ...b, questions: [{ key: 'a', type: 'text', text: { fi: 'x' }, displayIf: { question: 'b', op: 'answered' } }, { key: 'b', type: 'text', text: { fi: 'y' } }] }), 'questions[0].displayIf.question'],
    ['text missing in default language', (b) => ({ ...b, questions: [{ key: 'a', type: 'csat', text: { en: 'x' } }] }), 'questions[0].text'],
    ['unknown question type', (b) => ({ ...b, questions: [{ key: 'a', type: 'emoji', text: { fi: 'x' } }] }), 'questions.0.type'],
    ['unknown field', (b) => ({ ...b, colour: 'blue' }), 'colour'],
  ];
  for (const [name, mutate, field] of invalid) {
    test(`an invalid definition (${name}) is refused naming ${field}`, async () => {
      const before = (await t.api('/api/v1/surveys')).body.items.length;
      const res = await t.api('/api/v1/surveys', { body: mutate(pulseSurvey()) });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.field, field);
      assert.equal((await t.api('/api/v1/surveys')).body.items.length, before);
    });
  }

  test('an invitation link is created for an own survey only', async () => {
    const survey = await t.api('/api/v1/surveys', { body: pulseSurvey() });
    const inv = await t.api(`/api/v1/surveys/${survey.body.id}/invitations`, { body: { language: 'sv', expiresInDays: 7 } });
    assert.equal(inv.status, 201);
    assert.match(inv.body.url, /\/r\/[A-Za-z0-9_-]{20,}$/);
    assert.equal((await t.api('/api/v1/surveys/00000000-0000-4000-8000-000000000000/invitations', { body: {} })).status, 404);
  });
});
