/**
 * The journey and touchpoint editor over HTTP: create a journey, add and reorder its stages,
 * move a touchpoint between stages, errors at the field and in the summary, confirmation before
 * removing, responses never lost, another organisation's ids answer 404, viewers are refused.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, shortPulse } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { createUser } from '../auth/service.ts';
import { createOrganization } from '../orgs/service.ts';
import { createJourney, createStage, createTouchpoint } from '../journeys/service.ts';

describe('journey editor pages', () => {
  let t: TestApp;
  let admin: PageClient;
  let tp: Awaited<ReturnType<typeof journeyWithTouchpoint>>;

  const stagesOf = (journeyId: string) => t.db.query<{ name: string; position: number }>(
    `select name, position from stages where org_id = $1 and journey_id = $2 order by position`, [t.orgId, journeyId]);
  const idFrom = (location: string | null) => /\/app\/setup\/journeys\/([0-9a-f-]{36})/.exec(location ?? '')?.[1] ?? '';

  before(async () => {
    t = await startTestApp();
    tp = await journeyWithTouchpoint(t);
    await createUser(t.db, t.orgId, { email: 'viewer@example.com', name: 'Vera Viewer', role: 'viewer', unitId: null, password: 'correct horse battery' });
    admin = pageClient(t, await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`));
  });
  after(() => t.close());

  test('create a journey, add three stages and move the last one up: positions stay 1, 2, 3', async () => {
    assert.match((await admin.get('/app/setup?lang=en')).text, /<a href="\/app\/setup\/journeys">Journeys and touchpoints<\/a>/);
    const created = await admin.post('/app/setup/journeys', { name: 'Claims', persona: 'Household', lang: 'en' });
    assert.equal(created.status, 303);
    const id = idFrom(created.location);
    assert.ok(id, String(created.location));
    assert.match((await admin.get('/app/setup/journeys?lang=en')).text, /<a href="\/app\/setup\/journeys\/[^"]+">Claims<\/a>/);
    for (const [name, phase] of [['Report', 'during'], ['Assess', 'during'], ['Pay', 'after']]) {
      assert.equal((await admin.post(`/app/setup/journeys/${id}/stages`, { name, phase })).status, 303);
    }
    const [, , pay] = await t.db.query<{ id: string }>(`select id from stages where org_id = $1 and journey_id = $2 order by position`, [t.orgId, id]);
    assert.equal((await admin.post(`/app/setup/stages/${pay.id}/move`, { direction: 'up' })).status, 303);
    assert.deepEqual(await stagesOf(id), [{ name: 'Report', position: 1 }, { name: 'Pay', position: 2 }, { name: 'Assess', position: 3 }]);
    const page = await admin.get(`/app/setup/journeys/${id}?lang=en&done=stageMoved`);
    assert.match(page.text, /The stage was moved\./);
    assert.match(page.text, /1\. Report[\s\S]*2\. Pay[\s\S]*3\. Assess/);
  });

  test('a touchpoint moves to another stage and keeps its id; the journey map draws it there', async () => {
    const later = await t.api(`/api/v1/journeys/${tp.journeyId}/stages`, { body: { name: 'Moving day', phase: 'during' } });
    const moved = await admin.post(`/app/setup/touchpoints/${tp.touchpointId}`, { name: 'Contract by phone', stageId: later.body.id, channel: 'chat', mode: 'active', ownerUnitId: tp.unitId });
    assert.equal(moved.status, 303);
    const [row] = await t.db.query<{ stage_id: string; channel: string }>(`select stage_id, channel from touchpoints where org_id = $1 and id = $2`, [t.orgId, tp.touchpointId]);
    assert.deepEqual(row, { stage_id: later.body.id, channel: 'chat' });
    const journey = (await t.api(`/api/v1/journeys/${tp.journeyId}`)).body;
    assert.deepEqual(journey.stages.map((s: { name: string; touchpoints: unknown[] }) => [s.name, s.touchpoints.length]), [['Contract', 0], ['Moving day', 1]]);
  });

  test('errors stand next to the field and in the summary, with the API’s limits', async () => {
    const bad = await admin.post('/app/setup/journeys', { name: '', persona: 'x'.repeat(201), lang: 'en' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /<a href="#name">Fill in this field\.<\/a>/);
    assert.match(bad.text, /<a href="#persona">Use at most 200 characters\.<\/a>/);
    assert.match(bad.text, /id="name"[^>]*aria-describedby="name-error" aria-invalid="true"/);
    const badTp = await admin.post(`/app/setup/touchpoints/${tp.touchpointId}`, { name: 'Contract by phone', stageId: tp.stageId, channel: 'pigeon', mode: 'active', lang: 'en' });
    assert.equal(badTp.status, 400);
    assert.match(badTp.text, /<a href="#channel">Choose one of the options\.<\/a>/);
    const badStage = await admin.post(`/app/setup/journeys/${tp.journeyId}/stages`, { name: 'Later', phase: 'sometime', lang: 'en' });
    assert.equal(badStage.status, 400);
    assert.match(badStage.text, /<a href="#stage-phase">Choose one of the options\.<\/a>/);
    assert.equal((await t.db.query(`select 1 from journeys where org_id = $1 and name = ''`, [t.orgId])).length, 0);
  });

  test('removing asks first; a touchpoint with responses is kept with a message, an empty stage goes', async () => {
    const survey = await t.api('/api/v1/surveys', { body: { ...shortPulse(tp.touchpointId), status: 'active' } });
    assert.equal((await t.api('/api/v1/responses', { body: { surveyId: survey.body.id, answers: [{ question: 'nps', value: 9 }] } })).status, 201);
    const ask = await admin.post(`/app/setup/touchpoints/${tp.touchpointId}/delete`, { lang: 'en' });
    assert.equal(ask.status, 200);
    assert.match(ask.text, /Please confirm[\s\S]*Remove the touchpoint “Contract by phone”\?[\s\S]*name="confirm" value="1"/);
    const refused = await admin.post(`/app/setup/touchpoints/${tp.touchpointId}/delete`, { confirm: '1', lang: 'en' });
    assert.equal(refused.status, 409);
    assert.match(refused.text, /This touchpoint has responses, so it is kept/);
    assert.equal((await t.db.query(`select 1 from touchpoints where org_id = $1 and id = $2`, [t.orgId, tp.touchpointId])).length, 1);

    const empty = await t.api(`/api/v1/journeys/${tp.journeyId}/stages`, { body: { name: 'Empty', phase: 'after' } });
    assert.equal((await admin.post(`/app/setup/stages/${empty.body.id}/delete`, {})).status, 200, 'asks first');
    assert.equal((await t.db.query(`select 1 from stages where org_id = $1 and id = $2`, [t.orgId, empty.body.id])).length, 1);
    assert.equal((await admin.post(`/app/setup/stages/${empty.body.id}/delete`, { confirm: '1' })).status, 303);
    assert.equal((await t.db.query(`select 1 from stages where org_id = $1 and id = $2`, [t.orgId, empty.body.id])).length, 0);
    const positions = (await stagesOf(tp.journeyId)).map((s) => s.position);
    assert.deepEqual(positions, positions.map((_, i) => i + 1), 'positions stay dense');
  });

  test('another organisation’s journey, stage and touchpoint answer 404 and stay unchanged', async () => {
    const other = await createOrganization(t.db, { name: 'Other', slug: `other-${Date.now()}` });
    const journeyId = await createJourney(t.db, other, { name: 'Theirs' });
    const stageId = await createStage(t.db, other, journeyId, { name: 'Their stage', phase: 'before' });
    const touchpointId = await createTouchpoint(t.db, other, { stageId, name: 'Their touchpoint', channel: 'web' });
    for (const [method, path] of [
      ['GET', `/app/setup/journeys/${journeyId}`], ['POST', `/app/setup/journeys/${journeyId}`], ['POST', `/app/setup/journeys/${journeyId}/delete`],
      ['POST', `/app/setup/journeys/${journeyId}/stages`], ['POST', `/app/setup/journeys/${journeyId}/touchpoints`], ['POST', `/app/setup/stages/${stageId}`],
      ['POST', `/app/setup/stages/${stageId}/move`], ['POST', `/app/setup/stages/${stageId}/delete`], ['GET', `/app/setup/touchpoints/${touchpointId}`],
      ['POST', `/app/setup/touchpoints/${touchpointId}`], ['POST', `/app/setup/touchpoints/${touchpointId}/delete`],
    ] as const) {
      const res = method === 'GET' ? await admin.get(path) : await admin.post(path, { name: 'Mine now', phase: 'after', direction: 'up', confirm: '1', stageId, channel: 'web', mode: 'active' });
      assert.equal(res.status, 404, `${method} ${path}`);
      assert.doesNotMatch(res.text, /Theirs|Their stage|Their touchpoint/);
    }
    // Their stage as the target of a move of our touchpoint: refused at the field.
    const into = await admin.post(`/app/setup/touchpoints/${tp.touchpointId}`, { name: 'Contract by phone', stageId, channel: 'web', mode: 'active', lang: 'en' });
    assert.equal(into.status, 400);
    assert.match(into.text, /<a href="#stageId">Choose one of the options\.<\/a>/);
    const rows = await t.db.query<{ name: string }>(`select name from journeys where org_id = $1 union all select name from stages where org_id = $1 union all select name from touchpoints where org_id = $1`, [other]);
    assert.deepEqual(rows.map((r) => r.name).sort(), ['Their stage', 'Their touchpoint', 'Theirs']);
  });

  test('a viewer may not open or post the editor', async () => {
    const viewer = pageClient(t, await sessionCookie(t, 'viewer@example.com'));
    assert.equal((await viewer.get('/app/setup/journeys')).status, 403);
    assert.equal((await viewer.get(`/app/setup/journeys/${tp.journeyId}`)).status, 403);
    assert.equal((await viewer.post('/app/setup/journeys', { name: 'Nope' })).status, 403);
    assert.equal((await viewer.post(`/app/setup/stages/${tp.stageId}/move`, { direction: 'down' })).status, 403);
    assert.equal((await t.db.query(`select 1 from journeys where org_id = $1 and name = 'Nope'`, [t.orgId])).length, 0);
  });
});
