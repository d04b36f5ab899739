import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';

describe('responses API', () => {
  let t: TestApp;
  let surveyId: string;
  let ids: Awaited<ReturnType<typeof journeyWithTouchpoint>>;
  before(async () => {
    t = await startTestApp();
    ids = await journeyWithTouchpoint(t);
    const survey = await t.api('/api/v1/surveys', { body: pulseSurvey(ids.touchpointId) });
    assert.equal(survey.status, 201, JSON.stringify(survey.body));
    surveyId = survey.body.id;
  });
  after(() => t.close());

  const countRows = async () => (await t.db.query<{ r: number; a: number }>(
    `select (select count(*)::int from responses where org_id = $1) as r, (select count(*)::int from answers where org_id = $1) as a`, [t.orgId]))[0];

  test('an NPS question gets its open "why" follow-up', async () => {
    const survey = await t.api(`/api/v1/surveys/${surveyId}`);
    assert.deepEqual(survey.body.questions.map((q: { key: string }) => q.key), ['nps', 'nps_why', 'csat', 'ease', 'staff_kind', 'topic']);
  });

  test('a response is stored as typed answer rows with context from the touchpoint', async () => {
    const res = await t.api('/api/v1/responses', { body: { surveyId, language: 'en', answers: [
      { question: 'nps', value: 9 }, { question: 'nps_why', value: 'Quick and friendly' }, { question: 'staff_kind', dontKnow: true },
      { question: 'topic', value: 'billing' }] } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const [row] = await t.db.query<{ channel: string; unit_id: string; touchpoint_id: string }>(
      `select channel, unit_id, touchpoint_id from responses where org_id = $1 and id = $2`, [t.orgId, res.body.id]);
    assert.deepEqual(row, { channel: 'phone', unit_id: ids.unitId, touchpoint_id: ids.touchpointId });
    const answers = await t.db.query(`select a.number, a.choice, a.text, a.dont_know from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
      where a.org_id = $1 and a.response_id = $2 order by q.position`, [t.orgId, res.body.id]);
    assert.deepEqual(answers, [
      { number: 9, choice: null, text: null, dont_know: false },
      { number: null, choice: null, text: 'Quick and friendly', dont_know: false },
      { number: null, choice: null, text: null, dont_know: true },
      { number: null, choice: 'billing', text: null, dont_know: false },
    ]);
  });

  test('a retried request with the same Idempotency-Key is stored once', async () => {
    const before = await countRows();
    const body = { surveyId, answers: [{ question: 'nps', value: 3 }] };
    const first = await t.api('/api/v1/responses', { body, headers: { 'idempotency-key': 'retry-1' } });
    const second = await t.api('/api/v1/responses', { body, headers: { 'idempotency-key': 'retry-1' } });
    assert.equal(first.status, 201);
    assert.equal(second.status, 200);
    assert.equal(second.body.id, first.body.id);
    assert.equal(second.body.created, false);
    const afterRows = await countRows();
    assert.deepEqual(afterRows, { r: before.r + 1, a: before.a + 1 });
  });

  const badBodies: Array<[string, unknown, number, string]> = [
    ['out-of-range score', { answers: [{ question: 'nps', value: 11 }] }, 400, 'answers[0].value'],
    ['score as a string', { answers: [{ question: 'nps', value: '9' }] }, 400, 'answers[0].value'],
    ['fractional score', { answers: [{ question: 'nps', value: 8.5 }] }, 400, 'answers[0].value'],
    ['unknown field', { answers: [{ question: 'nps', value: 9 }], mood: 'happy' }, 400, 'mood'],
    ['unknown question', { answers: [{ question: 'nope', value: 1 }] }, 400, 'answers[0].question'],
    ['unknown option', { answers: [{ question: 'nps', value: 5 }, { question: 'topic', value: 'weather' }] }, 400, 'answers[1].value'],
    ['dont know where not offered', { answers: [{ question: 'nps', dontKnow: true }] }, 400, 'answers[0].dontKnow'],
    ['missing required nps', { answers: [{ question: 'csat', value: 4 }] }, 400, 'answers'],
    ['why without its nps', { answers: [{ question: 'nps_why', value: 'x' }, { question: 'csat', value: 4 }] }, 400, 'answers'],
    ['future time', { answers: [{ question: 'nps', value: 9 }], submittedAt: '2999-01-01T00:00:00Z' }, 400, 'submittedAt'],
  ];
  for (const [name, extra, status, field] of badBodies) {
    test(`bad input (${name}) gets ${status} naming ${field} and stores nothing`, async () => {
      const before = await countRows();
      const res = await t.api('/api/v1/responses', { body: { surveyId, ...(extra as object) } });
      assert.equal(res.status, status, JSON.stringify(res.body));
      assert.equal(res.body.field, field, JSON.stringify(res.body));
      assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.deepEqual(await countRows(), before);
    });
  }

  test('an unknown survey is a 404 and a foreign touchpoint a 400 naming it', async () => {
    const unknown = await t.api('/api/v1/responses', { body: { surveyId: '00000000-0000-4000-8000-000000000000', answers: [{ question: 'nps', value: 9 }] } });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.field, 'surveyId');
    const foreign = await t.api('/api/v1/responses', { body: { surveyId, touchpointId: '00000000-0000-4000-8000-000000000001', answers: [{ question: 'nps', value: 9 }] } });
    assert.equal(foreign.status, 400);
    assert.equal(foreign.body.field, 'touchpointId');
  });

  test('an oversized body is refused with 413', async () => {
    const res = await t.api('/api/v1/responses', { body: { surveyId, answers: [{ question: 'nps_why', value: 'x'.repeat(6 * 1024 * 1024) }] } });
    assert.equal(res.status, 413);
  });

  test('a batch with one bad response stores none; a good batch stores all', async () => {
    const before = await countRows();
    const bad = await t.api('/api/v1/responses/batch', { body: { responses: [
      { surveyId, answers: [{ question: 'nps', value: 10 }] }, { surveyId, answers: [{ question: 'nps', value: -1 }] }] } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.field, 'responses[1].answers[0].value');
    assert.deepEqual(await countRows(), before);
    const good = await t.api('/api/v1/responses/batch', { body: { responses: [
      { surveyId, idempotencyKey: 'b1', answers: [{ question: 'nps', value: 10 }] }, { surveyId, idempotencyKey: 'b2', answers: [{ question: 'nps', value: 7 }] }] } });
    assert.equal(good.status, 200);
    assert.deepEqual([good.body.created, good.body.duplicates], [2, 0]);
    const again = await t.api('/api/v1/responses/batch', { body: { responses: [{ surveyId, idempotencyKey: 'b1', answers: [{ question: 'nps', value: 10 }] }] } });
    assert.deepEqual([again.body.created, again.body.duplicates], [0, 1]);
    assert.equal(again.body.items[0].id, good.body.items[0].id);
  });

  test('NPS from the API matches the hand count of the stored answers', async () => {
    // Stored NPS answers so far: 9, 3, 10, 7 → promoters 2/4, passives 1/4, detractors 1/4.
    // NPS = 100·(0.5 − 0.25) = 25; variance = 0.5 + 0.25 − 0.25² = 0.6875; se = 100·√(0.6875/4) = 41.4578…
    const res = await t.api('/api/v1/metrics/nps');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const o = res.body.overall;
    assert.deepEqual([o.n, o.promoters, o.passives, o.detractors, o.nps], [4, 0.5, 0.25, 0.25, 25]);
    assert.ok(Math.abs(o.se - 41.45780987) < 1e-6);
    assert.ok(Math.abs(o.ci95[0] - (25 - 1.959964 * 41.45780987)) < 1e-4);
    assert.equal(o.ci95[1], 100); // 25 + 81.26 clipped to the scale
    const byTouchpoint = await t.api(`/api/v1/metrics/nps?by=touchpoint,journey`);
    assert.equal(byTouchpoint.body.groups.length, 1);
    assert.deepEqual(byTouchpoint.body.groups[0].label, { touchpoint: 'Contract by phone', journey: 'Move-in' });
  });

  test('the API refuses requests without a valid key', async () => {
    assert.equal((await t.api('/api/v1/responses', { key: null })).status, 401);
    assert.equal((await t.api('/api/v1/responses', { key: 'kk_nonsense' })).status, 401);
  });
});
