import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInAs, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { pulseSurvey } from '../../test/helpers/factories.ts';
import { createUser } from '../auth/service.ts';
import { createEmployee, createUnit } from '../orgs/service.ts';

/**
 * Fixture: region North with branch N1 (team inside) and region South.
 * Employee Eeva (N1) serves 6 answers, Pekka (South) 3 answers.
 * NPS answers: Eeva 10,10,9,8,5,0 ; Pekka 9,6,3.
 */
describe('metrics API: slices, comparisons, roles and small-group suppression', () => {
  let t: TestApp;
  let surveyId: string;
  const ids: Record<string, string> = {};
  before(async () => {
    t = await startTestApp();
    ids.north = await createUnit(t.db, t.orgId, { name: 'North', kind: 'region' });
    ids.n1 = await createUnit(t.db, t.orgId, { name: 'N1', parentId: ids.north, kind: 'branch' });
    ids.south = await createUnit(t.db, t.orgId, { name: 'South', kind: 'region' });
    const frontline = await createUser(t.db, t.orgId, { email: 'eeva@example.com', name: 'Eeva', role: 'frontline', password: 'frontline-pass-1' });
    ids.eeva = await createEmployee(t.db, t.orgId, { name: 'Eeva', unitId: ids.n1, userId: frontline });
    ids.pekka = await createEmployee(t.db, t.orgId, { name: 'Pekka', unitId: ids.south });
    await createUser(t.db, t.orgId, { email: 'manager@example.com', name: 'Maija', role: 'unit_manager', unitId: ids.north, password: 'manager-pass-1' });
    await createUser(t.db, t.orgId, { email: 'viewer@example.com', name: 'Ville', role: 'viewer', password: 'viewer-pass-12' });
    surveyId = (await t.api('/api/v1/surveys', { body: pulseSurvey() })).body.id;
    const post = (employeeId: string, scores: number[], month: string) => t.api('/api/v1/responses/batch', { body: {
      responses: scores.map((s, i) => ({ surveyId, employeeId, submittedAt: `2026-${month}-1${i}T10:00:00Z`, answers: [{ question: 'nps', value: s }, { question: 'ease', value: 7 - (i % 3) }] })),
    } });
    assert.equal((await post(ids.eeva, [10, 10, 9], '03')).status, 200);
    assert.equal((await post(ids.eeva, [8, 5, 0], '04')).status, 200);
    assert.equal((await post(ids.pekka, [9, 6, 3], '04')).status, 200);
  });
  after(() => t.close());

  test('NPS by unit: the unit comes from the employee', async () => {
    const res = await t.api('/api/v1/metrics/nps?by=unit');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const byName = Object.fromEntries(res.body.groups.map((g: any) => [g.label.unit, [g.n, g.nps]]));
    // N1 (Eeva): 3 promoters (10,10,9), 1 passive (8), 2 detractors (5,0) of 6 → 100·(3−2)/6 = 16.666…
    // South (Pekka): 1 promoter, 2 detractors of 3 → 100·(1−2)/3 = −33.333…
    assert.equal(byName.N1[0], 6);
    assert.ok(Math.abs(byName.N1[1] - 100 / 6) < 1e-9);
    assert.equal(byName.South[0], 3);
    assert.ok(Math.abs(byName.South[1] + 100 / 3) < 1e-9);
  });

  test('groups by survey and question are labelled with the survey name and question key, units beside them', async () => {
    const res = await t.api('/api/v1/metrics/nps?by=question,unit');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const labels = res.body.groups.map((g: any) => `${g.label.question} ${g.label.unit} ${g.n}`).sort();
    assert.deepEqual(labels, ['nps N1 6', 'nps South 3']);
    const bySurvey = await t.api('/api/v1/metrics/nps?by=survey');
    assert.deepEqual(bySurvey.body.groups.map((g: any) => [g.key.survey, g.label.survey, g.n]), [[surveyId, pulseSurvey().name, 9]]);
  });

  test('the unit filter includes sub-units; by month uses the organisation time zone', async () => {
    const res = await t.api(`/api/v1/metrics/nps?unitId=${ids.north}&by=period&interval=month`);
    // March: Eeva 10,10,9 → 100. April: Eeva 8,5,0 → P 0, D 2/3 → −66.67.
    assert.deepEqual(res.body.groups.map((g: any) => [g.key.period, g.n]), [['2026-03-01', 3], ['2026-04-01', 3]]);
    assert.equal(res.body.groups[0].nps, 100);
    assert.ok(Math.abs(res.body.groups[1].nps + 200 / 3) < 1e-9);
  });

  test('two periods compared: difference, z and p of the NPS', async () => {
    const res = await t.api('/api/v1/metrics/nps/compare?dimension=period&a=2026-03-01T00:00:00Z/2026-04-01T00:00:00Z&b=2026-04-01T00:00:00Z/2026-05-01T00:00:00Z');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    // A (March): 10,10,9 → NPS 100, variance 1 + 0 − 1 = 0 → se 0.
    // B (April): 8,5,0,9,6,3 → P = 1/6, D = 4/6 → NPS = −50; var = 5/6 − 0.25 = 7/12; se = 100·√(7/72) = 31.180478…
    // difference 150, z = 150 / 31.180478 = 4.810702…, p = 2·(1 − Φ(4.810702)) = 1.5038e-6 (R: 2*pnorm(-4.810702))
    assert.equal(res.body.test.difference, 150);
    assert.ok(Math.abs(res.body.test.z - 4.810702) < 1e-5);
    assert.ok(Math.abs(res.body.test.p - 1.5038e-6) < 2e-9);
  });

  test('CES means compared by unit with Welch\'s t-test', async () => {
    const res = await t.api(`/api/v1/metrics/ces/compare?dimension=unit&a=${ids.n1}&b=${ids.south}`);
    // ease = 7,6,5 per batch: N1 gets 7,6,5,7,6,5 (mean 6, sd √0.8); South 7,6,5 (mean 6, sd 1) → difference 0, t 0, p 1.
    assert.equal(res.body.a.mean, 6);
    assert.equal(res.body.b.mean, 6);
    assert.equal(res.body.test.difference, 0);
    assert.equal(res.body.test.p, 1);
  });

  test('a unit manager sees only their subtree', async () => {
    const manager = await signInAs(t, 'manager@example.com', 'manager-pass-1');
    const res = await manager('/api/v1/metrics/nps?by=unit');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.groups.map((g: any) => g.label.unit), ['N1']);
    assert.equal(res.body.overall.n, 6);
  });

  test('by employee, groups under the minimum size are suppressed', async () => {
    const res = await t.api('/api/v1/metrics/nps?by=employee');
    const byName = Object.fromEntries(res.body.groups.map((g: any) => [g.label.employee, g]));
    assert.equal(byName.Eeva.suppressed, false);
    assert.equal(byName.Eeva.n, 6);
    assert.equal(byName.Pekka.suppressed, true);
    assert.equal(byName.Pekka.n, null);
    assert.equal(byName.Pekka.nps, null);
  });

  test('frontline staff see their own feedback only, and may not write', async () => {
    const eeva = await signInAs(t, 'eeva@example.com', 'frontline-pass-1');
    const res = await eeva('/api/v1/metrics/nps');
    assert.equal(res.body.overall.n, 6);
    assert.ok(Math.abs(res.body.overall.nps - 100 / 6) < 1e-9);
    const list = await eeva('/api/v1/responses?limit=100');
    assert.equal(list.body.items.length, 6);
    assert.ok(list.body.items.every((r: any) => r.employeeId === ids.eeva));
    assert.equal((await eeva('/api/v1/surveys')).status, 403);
    assert.equal((await eeva('/api/v1/journeys', { body: { name: 'x' } })).status, 403);
  });

  test('a viewer may read metrics but not responses; cookie writes must be JSON', async () => {
    const viewer = await signInAs(t, 'viewer@example.com', 'viewer-pass-12');
    assert.equal((await viewer('/api/v1/metrics/nps')).status, 200);
    assert.equal((await viewer('/api/v1/responses')).status, 403);
    const admin = await signInAs(t, `admin-${t.orgId.slice(0, 8)}@example.com`, 'correct horse battery');
    const form = await admin('/api/v1/journeys', { method: 'POST', body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(form.status, 403, JSON.stringify(form.body));
  });

  test('likert needs a statement, and bad dimensions are named', async () => {
    assert.equal((await t.api('/api/v1/metrics/likert')).body.field, 'questionId');
    assert.equal((await t.api('/api/v1/metrics/nps?by=weather')).body.field, 'by');
    assert.equal((await t.api('/api/v1/metrics/nps/compare?dimension=period&a=2026-05-01/2026-04-01&b=2026-01-01/2026-02-01')).body.field, 'a');
    assert.equal((await t.api('/api/v1/metrics/happiness')).status, 400);
  });
});
