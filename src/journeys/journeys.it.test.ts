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
