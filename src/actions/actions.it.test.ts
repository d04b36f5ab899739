import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, signInAs, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { createUser } from '../auth/service.ts';

const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);

/**
 * Today is 2026-06-01. A plan at the touchpoint "Contract by phone" starts 2026-04-01.
 * NPS answers at that touchpoint: 10 on Feb 15; 10, 9, 6, 3, 0 in March; 10, 10, 9, 8, 2 in April; 0 on May 10.
 * Another touchpoint gets 0s inside every window (they must not count).
 */
describe('action plans: CRUD and the effect before vs after the start', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  before(async () => {
    t = await startTestApp({ now: () => new Date('2026-06-01T00:00:00Z') });
    const tp = await journeyWithTouchpoint(t);
    ids.touchpoint = tp.touchpointId;
    ids.other = (await t.api('/api/v1/touchpoints', { body: { stageId: tp.stageId, name: 'Shop', channel: 'store' } })).body.id;
    const survey = await t.api('/api/v1/surveys', { body: pulseSurvey() });
    ids.survey = survey.body.id;
    ids.driver = survey.body.questions.find((q: any) => q.key === 'staff_kind').id;
    ids.nps = survey.body.questions.find((q: any) => q.key === 'nps').id;
    ids.owner = await createUser(t.db, t.orgId, { email: 'owner@example.com', name: 'Olli', role: 'analyst', password: 'analyst-pass-1' });
    await createUser(t.db, t.orgId, { email: 'viewer@example.com', name: 'Ville', role: 'viewer', password: 'viewer-pass-12' });
    await createUser(t.db, t.orgId, { email: 'front@example.com', name: 'Fanni', role: 'frontline', password: 'front-pass-123' });
    const at = (touchpointId: string, score: number, day: string) => ({ surveyId: ids.survey, touchpointId, submittedAt: `${day}T12:00:00Z`, answers: [{ question: 'nps', value: score }] });
    const responses = [
      at(ids.touchpoint, 10, '2026-02-15'),
      ...[10, 9, 6, 3, 0].map((s, i) => at(ids.touchpoint, s, `2026-03-0${i + 3}`)),
      ...[10, 10, 9, 8, 2].map((s, i) => at(ids.touchpoint, s, `2026-04-0${i + 3}`)),
      at(ids.touchpoint, 0, '2026-05-10'),
      ...['2026-02-20', '2026-03-20', '2026-04-20', '2026-05-20'].map((d) => at(ids.other, 0, d)),
    ];
    const stored = await t.api('/api/v1/responses/batch', { body: { responses } });
    assert.equal(stored.status, 200, JSON.stringify(stored.body));
  });
  after(() => t.close());

  const plan = (extra: Record<string, unknown> = {}) => ({
    title: 'Call back within a day', touchpointId: ids.touchpoint, questionId: ids.driver, ownerUserId: ids.owner,
    startsOn: '2026-04-01', dueOn: '2026-06-30', ...extra,
  });

  test('a plan is created, read, changed and listed', async () => {
    const created = await t.api('/api/v1/action-plans', { body: plan({ description: 'Every detractor gets a call' }) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual({ ...created.body, id: undefined, createdAt: undefined, updatedAt: undefined }, {
      id: undefined, title: 'Call back within a day', description: 'Every detractor gets a call', ownerUserId: ids.owner, status: 'planned',
      metric: 'nps', touchpointId: ids.touchpoint, questionId: ids.driver, topic: null, startsOn: '2026-04-01T00:00:00.000Z',
      dueOn: '2026-06-30T00:00:00.000Z', createdAt: undefined, updatedAt: undefined,
    });
    ids.plan = created.body.id;
    const patched = await t.api(`/api/v1/action-plans/${ids.plan}`, { method: 'PATCH', body: { status: 'in_progress', description: null } });
    assert.deepEqual([patched.status, patched.body.status, patched.body.description, patched.body.updatedAt], [200, 'in_progress', null, '2026-06-01T00:00:00.000Z']);
    const topicPlan = await t.api('/api/v1/action-plans', { body: { title: 'Shorter queues', topic: 'waiting time', startsOn: '2026-05-01T08:00:00+03:00' } });
    assert.equal(topicPlan.status, 201);
    assert.equal(topicPlan.body.startsOn, '2026-05-01T05:00:00.000Z');
    const page1 = await t.api('/api/v1/action-plans?limit=1');
    assert.deepEqual(page1.body.items.map((p: any) => p.id), [topicPlan.body.id]);
    const page2 = await t.api(`/api/v1/action-plans?limit=1&cursor=${page1.body.nextCursor}`);
    assert.deepEqual([page2.body.items.map((p: any) => p.id), page2.body.nextCursor], [[ids.plan], null]);
    assert.deepEqual((await t.api('/api/v1/action-plans?status=in_progress')).body.items.map((p: any) => p.id), [ids.plan]);
  });

  test('the effect over 30-day windows matches the hand-computed NPS and z-test', async () => {
    const res = await t.api(`/api/v1/action-plans/${ids.plan}/effect?days=30`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const e = res.body;
    // The driver is a Likert question: an NPS plan on it measures NPS at the touchpoint, not the driver's answers.
    assert.deepEqual(e.filters, { touchpointId: ids.touchpoint });
    assert.equal(e.windowDays, 30);
    assert.deepEqual([e.before.from, e.before.to, e.after.from, e.after.to],
      ['2026-03-02T00:00:00.000Z', '2026-04-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z']);
    // Before: promoters 10, 9; detractors 6, 3, 0 → P 2/5, D 3/5 → NPS −20.
    assert.equal(e.before.n, 5);
    close(e.before.nps, -20, 'before NPS');
    // After: 10, 10, 9 | 8 | 2 → P 3/5, D 1/5 → NPS 40.
    assert.equal(e.after.n, 5);
    close(e.after.nps, 40, 'after NPS');
    // se = 100·√((p+d−(p−d)²)/n): before √((0.4+0.6−0.04)/5) = √0.192, after √((0.6+0.2−0.16)/5) = √0.128.
    close(e.before.se, 100 * Math.sqrt(0.192), 'before se');
    close(e.after.se, 100 * Math.sqrt(0.128), 'after se');
    close(e.test.difference, 60, 'difference after − before');
    const se = 100 * Math.sqrt(0.192 + 0.128);
    close(e.test.se, se, 'se of the difference');
    close(e.test.z, 60 / se, 'z');
    // z = 60/56.5685 = 1.06066; two-sided p = 2·(1 − Φ(1.06066)) = 0.28884 (normal table).
    assert.ok(Math.abs(e.test.p - 0.28884) < 5e-5, `p ${e.test.p}`);
    assert.equal(e.significant, false);
  });

  test('the default 90-day windows shrink to the time since the start', async () => {
    const e = (await t.api(`/api/v1/action-plans/${ids.plan}/effect`)).body;
    // 2026-04-01 → 2026-06-01 is 61 days, so both windows are 61 days: before from 2026-01-30.
    assert.equal(e.windowDays, 61);
    assert.equal(e.before.from, '2026-01-30T00:00:00.000Z');
    assert.equal(e.after.to, '2026-06-01T00:00:00.000Z');
    // Before adds Feb 15's 10: P 3/6, D 3/6 → 0. After adds May 10's 0: P 3/6, D 2/6 → 16.67.
    assert.deepEqual([e.before.n, e.after.n], [6, 6]);
    close(e.before.nps, 0, 'before');
    close(e.after.nps, 100 / 6, 'after');
  });

  test('a likert plan measures its own statement; a plan not yet started has no effect', async () => {
    const likert = await t.api('/api/v1/action-plans', { body: plan({ metric: 'likert', touchpointId: null }) });
    assert.equal(likert.status, 201);
    const effect = await t.api(`/api/v1/action-plans/${likert.body.id}/effect`);
    assert.deepEqual([effect.status, effect.body.filters, effect.body.before.n], [200, { questionId: ids.driver }, 0]);
    const future = await t.api('/api/v1/action-plans', { body: plan({ startsOn: '2026-07-01', dueOn: null }) });
    const notYet = await t.api(`/api/v1/action-plans/${future.body.id}/effect`);
    assert.deepEqual([notYet.status, notYet.body.field], [409, 'startsOn']);
  });

  test('bad input is refused naming the field', async () => {
    const refused = async (body: Record<string, unknown>, field: string) => {
      const res = await t.api('/api/v1/action-plans', { body });
      assert.deepEqual([res.status, res.body.field], [400, field], JSON.stringify(res.body));
    };
    await refused(plan({ touchpointId: null, questionId: null }), 'questionId');
    await refused(plan({ dueOn: '2026-03-01' }), 'dueOn');
    await refused(plan({ startsOn: 'next monday' }), 'startsOn');
    await refused(plan({ metric: 'likert', questionId: null }), 'questionId');
    await refused(plan({ metric: 'rating' }), 'questionId');
    await refused(plan({ questionId: '00000000-0000-4000-8000-000000000000' }), 'questionId');
    await refused(plan({ touchpointId: '00000000-0000-4000-8000-000000000000' }), 'touchpointId');
    await refused(plan({ ownerUserId: '00000000-0000-4000-8000-000000000000' }), 'ownerUserId');
    await refused(plan({ status: 'someday' }), 'status');
    await refused(plan({ priority: 'high' }), 'priority');
    const { title: _title, ...untitled } = plan();
    await refused(untitled, 'title');
    const patch = await t.api(`/api/v1/action-plans/${ids.plan}`, { method: 'PATCH', body: { dueOn: '2026-01-01' } });
    assert.deepEqual([patch.status, patch.body.field], [400, 'dueOn']);
    const days = await t.api(`/api/v1/action-plans/${ids.plan}/effect?days=0`);
    assert.deepEqual([days.status, days.body.field], [400, 'days']);
  });

  test('roles: viewers read, analysts write, frontline staff do not see plans; other organisations get 404', async () => {
    const viewer = await signInAs(t, 'viewer@example.com', 'viewer-pass-12');
    assert.equal((await viewer(`/api/v1/action-plans/${ids.plan}/effect`)).status, 200);
    assert.equal((await viewer('/api/v1/action-plans', { body: plan() })).status, 403);
    const frontline = await signInAs(t, 'front@example.com', 'front-pass-123');
    assert.equal((await frontline('/api/v1/action-plans')).status, 403);
    const analyst = await signInAs(t, 'owner@example.com', 'analyst-pass-1');
    assert.equal((await analyst('/api/v1/action-plans', { body: plan({ title: 'By an analyst' }) })).status, 201);

    const other = await newOrg(t.db, 'Other Org');
    const as = { key: other.apiKey };
    assert.equal((await t.api(`/api/v1/action-plans/${ids.plan}`, as)).status, 404);
    assert.equal((await t.api(`/api/v1/action-plans/${ids.plan}/effect`, as)).status, 404);
    assert.equal((await t.api(`/api/v1/action-plans/${ids.plan}`, { ...as, method: 'PATCH', body: { status: 'done' } })).status, 404);
    assert.equal((await t.api(`/api/v1/action-plans/${ids.plan}`, { ...as, method: 'DELETE' })).status, 404);
    assert.deepEqual((await t.api('/api/v1/action-plans', as)).body.items, []);
    // Another organisation's touchpoint cannot be tied to a plan here.
    const theirs = await t.api('/api/v1/action-plans', { ...as, body: plan({ questionId: null, ownerUserId: null }) });
    assert.deepEqual([theirs.status, theirs.body.field], [400, 'touchpointId']);
    assert.equal((await t.api(`/api/v1/action-plans/${ids.plan}`, { method: 'DELETE' })).status, 204);
    assert.equal((await t.api(`/api/v1/action-plans/${ids.plan}`)).status, 404);
  });
});
