import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInAs, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { loopUiText } from '../i18n/loop-ui.ts';

describe('the fallback owner rule: no case opens unassigned', () => {
  let t: TestApp;
  let unitId: string;
  let touchpointId: string;
  let surveyId: string;
  let adminId: string;
  const password = 'correct horse battery';

  const caseOf = async (responseId: string) => (await waitUntil(async () => {
    const [row] = await t.db.query<{ id: string; owner_user_id: string | null; owner_unit_id: string | null; fallback: string | null }>(
      `select c.id, c.owner_user_id, c.owner_unit_id, a.data->>'assignedByFallback' as fallback
         from cases c join case_activity a on a.org_id = c.org_id and a.case_id = c.id and a.kind = 'created'
        where c.org_id = $1 and c.response_id = $2`, [t.orgId, responseId]);
    return row;
  }, (row) => row !== undefined, 'the case', 15_000))!;
  const detractor = async () => {
    const response = await t.api('/api/v1/responses', { body: { surveyId, answers: [{ question: 'nps', value: 2 }] } });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return caseOf(response.body.id);
  };

  before(async () => {
    t = await startTestApp({ jobs: true });
    ({ unitId, touchpointId } = await journeyWithTouchpoint(t));
    surveyId = (await t.api('/api/v1/surveys', { body: pulseSurvey(touchpointId) })).body.id;
    const [admin] = await t.db.query<{ id: string }>(`select id from users where org_id = $1 and role = 'admin' order by created_at limit 1`, [t.orgId]);
    adminId = admin.id;
    const rule = await t.api('/api/v1/alert-rules', { body: { name: 'Detractors', condition: { nps: 'detractor' } } });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
  });
  after(async () => { await t.close(); });

  test('a unit without a manager, with none above it: the case goes to the organisation\'s admin, by fallback, and the case page says so', async () => {
    const found = await detractor();
    assert.equal(found.owner_user_id, adminId);
    assert.equal(found.owner_unit_id, unitId);
    assert.equal(found.fallback, 'org_admin');
    const api = await signInAs(t, `admin-${t.orgId.slice(0, 8)}@example.com`, password);
    const page = await api(`/app/cases/${found.id}`);
    assert.equal(page.status, 200);
    const texts = (['fi', 'sv', 'en', 'pl'] as const).map((l) => loopUiText(l).assignedByFallback);
    assert.ok(texts.some((s) => String(page.body).includes(s)), 'the case page shows “assigned by fallback”');
  });

  test('a manager above the unit: the case goes to that ancestor\'s manager, by fallback', async () => {
    const regionId = (await t.api('/api/v1/units', { body: { name: 'Southern region' } })).body.id;
    assert.equal((await t.api(`/api/v1/units/${unitId}`, { method: 'PATCH', body: { name: 'Customer service', parentId: regionId } })).status, 200);
    const regionManagerId = (await t.api('/api/v1/users', { body: { email: 'region@example.com', name: 'Riikka Region', role: 'unit_manager', unitId: regionId, password } })).body.id;
    const found = await detractor();
    assert.equal(found.owner_user_id, regionManagerId);
    assert.equal(found.fallback, 'parent_unit');
  });

  test('once the unit has its own manager, that manager owns the case and no fallback is recorded', async () => {
    const managerId = (await t.api('/api/v1/users', { body: { email: 'manager@example.com', name: 'Matti Manager', role: 'unit_manager', unitId, password } })).body.id;
    const found = await detractor();
    assert.equal(found.owner_user_id, managerId);
    assert.equal(found.fallback, null);
    const api = await signInAs(t, `admin-${t.orgId.slice(0, 8)}@example.com`, password);
    const page = await api(`/app/cases/${found.id}`);
    const texts = (['fi', 'sv', 'en', 'pl'] as const).map((l) => loopUiText(l).assignedByFallback);
    assert.ok(!texts.some((s) => String(page.body).includes(s)));
  });
});
