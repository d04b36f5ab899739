import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';

describe('journeys, stages and touchpoints API', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp(); });
  after(() => t.close());

  test('stages keep a dense order when inserted, moved and deleted', async () => {
    const journey = await t.api('/api/v1/journeys', { body: { name: 'Billing', persona: 'Household' } });
    assert.equal(journey.status, 201);
    const id = journey.body.id;
    const a = await t.api(`/api/v1/journeys/${id}/stages`, { body: { name: 'Bill arrives', phase: 'during' } });
    const b = await t.api(`/api/v1/journeys/${id}/stages`, { body: { name: 'Payment', phase: 'during' } });
    const c = await t.api(`/api/v1/journeys/${id}/stages`, { body: { name: 'Price info', phase: 'before', position: 1 } });
    const names = async () => (await t.api(`/api/v1/journeys/${id}`)).body.stages.map((s: { name: string; position: number }) => `${s.position}:${s.name}`);
    assert.deepEqual(await names(), ['1:Price info', '2:Bill arrives', '3:Payment']);
    await t.api(`/api/v1/stages/${c.body.id}`, { method: 'PATCH', body: { position: 3 } });
    assert.deepEqual(await names(), ['1:Bill arrives', '2:Payment', '3:Price info']);
    assert.equal((await t.api(`/api/v1/stages/${a.body.id}`, { method: 'DELETE' })).status, 204);
    assert.deepEqual(await names(), ['1:Payment', '2:Price info']);
    const tp = await t.api('/api/v1/touchpoints', { body: { stageId: b.body.id, name: 'E-invoice', channel: 'email', mode: 'passive' } });
    assert.equal(tp.status, 201);
    const full = await t.api(`/api/v1/journeys/${id}`);
    assert.equal(full.body.stages[0].touchpoints[0].name, 'E-invoice');
    assert.equal(full.body.stages[0].touchpoints[0].mode, 'passive');
  });

  test('bad input is refused with the field named', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['/api/v1/journeys', { name: '' }, 'name'],
      ['/api/v1/journeys', { name: 'x', colour: 'red' }, 'colour'],
      ['/api/v1/touchpoints', { stageId: 'not-a-uuid', name: 'x', channel: 'web' }, 'stageId'],
      ['/api/v1/touchpoints', { stageId: '00000000-0000-4000-8000-000000000000', name: 'x', channel: 'web' }, 'stageId'],
      ['/api/v1/touchpoints', { stageId: '00000000-0000-4000-8000-000000000000', name: 'x', channel: 'pigeon' }, 'channel'],
    ];
    for (const [path, body, field] of cases) {
      const res = await t.api(path, { body });
      assert.ok(res.status === 400 || res.status === 404, `${path} ${JSON.stringify(body)} → ${res.status}`);
      assert.equal(res.body.field, field, JSON.stringify(res.body));
    }
  });

  test('a touchpoint, stage, journey or unit with responses cannot be deleted', async () => {
    const unit = await t.api('/api/v1/units', { body: { name: 'Kept unit' } });
    const journey = await t.api('/api/v1/journeys', { body: { name: 'Kept' } });
    const stage = await t.api(`/api/v1/journeys/${journey.body.id}/stages`, { body: { name: 'S', phase: 'after' } });
    const tp = await t.api('/api/v1/touchpoints', { body: { stageId: stage.body.id, name: 'T', channel: 'web', ownerUnitId: unit.body.id } });
    const survey = await t.api('/api/v1/surveys', { body: { name: 'S', kind: 'pulse', defaultLanguage: 'en', languages: ['en'], title: { en: 'S' },
      touchpointId: tp.body.id, questions: [{ key: 'csat', type: 'csat', text: { en: 'Satisfied?' } }] } });
    assert.equal((await t.api('/api/v1/responses', { body: { surveyId: survey.body.id, answers: [{ question: 'csat', value: 5 }] } })).status, 201);
    for (const path of [`/api/v1/touchpoints/${tp.body.id}`, `/api/v1/stages/${stage.body.id}`, `/api/v1/journeys/${journey.body.id}`, `/api/v1/units/${unit.body.id}`]) {
      const res = await t.api(path, { method: 'DELETE' });
      assert.equal(res.status, 409, `${path}: ${JSON.stringify(res.body)}`);
    }
    assert.equal((await t.api(`/api/v1/journeys/${journey.body.id}`)).body.stages[0].touchpoints.length, 1);
  });

  test("another organisation's journey is not found", async () => {
    const other = await startTestApp({ db: t.db });
    try {
      const mine = await t.api('/api/v1/journeys', { body: { name: 'Private' } });
      assert.equal((await other.api(`/api/v1/journeys/${mine.body.id}`)).status, 404);
      assert.equal((await other.api(`/api/v1/journeys/${mine.body.id}`, { method: 'DELETE' })).status, 404);
      assert.equal((await t.api(`/api/v1/journeys/${mine.body.id}`)).status, 200);
    } finally {
      await other.close();
    }
  });
});
