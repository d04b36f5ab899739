import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, signInAs, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { ESCALATE_OVERDUE_JOB } from './escalate.ts';

// Monday 13 January 2025 10:00 in Helsinki (UTC+2); office hours Mon–Fri 08–16.
let clock = new Date('2025-01-13T08:00:00Z');

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('closing the loop: rules, cases, SLA and escalation', () => {
  let t: TestApp;
  let unitId: string;
  let regionId: string;
  let touchpointId: string;
  let surveyId: string;
  let managerId: string;
  let regionManagerId: string;
  let frontlineUserId: string;
  let employeeId: string;
  let detractorRuleId: string;
  let detractorCaseId: string;
  const password = 'correct horse battery';

  const respond = (answers: Array<{ question: string; value: unknown }>, extra: Record<string, unknown> = {}) =>
    t.api('/api/v1/responses', { body: { surveyId, answers, ...extra } });
  const casesOfResponse = async (responseId: string) =>
    t.db.query<{ id: string; kind: string }>(`select id, kind from cases where org_id = $1 and response_id = $2`, [t.orgId, responseId]);

  before(async () => {
    t = await startTestApp({ jobs: true, now: () => clock });
    ({ unitId, touchpointId } = await journeyWithTouchpoint(t));
    regionId = (await t.api('/api/v1/units', { body: { name: 'Southern region' } })).body.id;
    assert.equal((await t.api(`/api/v1/units/${unitId}`, { method: 'PATCH', body: { name: 'Customer service', parentId: regionId } })).status, 200);
    surveyId = (await t.api('/api/v1/surveys', { body: pulseSurvey(touchpointId) })).body.id;
    regionManagerId = (await t.api('/api/v1/users', { body: { email: 'region@example.com', name: 'Riikka Region', role: 'unit_manager', unitId: regionId, password } })).body.id;
    managerId = (await t.api('/api/v1/users', { body: { email: 'manager@example.com', name: 'Matti Manager', role: 'unit_manager', unitId, password } })).body.id;
    frontlineUserId = (await t.api('/api/v1/users', { body: { email: 'sanna@example.com', name: 'Sanna', role: 'frontline', unitId, password } })).body.id;
    employeeId = (await t.api('/api/v1/employees', { body: { name: 'Sanna Virtanen', unitId, userId: frontlineUserId } })).body.id;
    assert.ok(managerId && regionManagerId && frontlineUserId && employeeId);
  });
  after(async () => { await t.close(); });

  test('rule validation errors are 400s naming the bad node', async () => {
    const bad = await t.api('/api/v1/alert-rules', { body: { name: 'x', condition: { all: [{ nps: 'detractor' }, { answer: 'csat', op: 'below', value: 2 }] } } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.field, 'condition.all[1].op');
    const route = await t.api('/api/v1/alert-rules', { body: { name: 'x', condition: { nps: 'detractor' }, route: { to: 'user', userId: '00000000-0000-4000-8000-000000000000' } } });
    assert.equal(route.status, 400);
    assert.equal(route.body.field, 'route.userId');
    const unknown = await t.api('/api/v1/alert-rules', { body: { name: 'x', condition: { nps: 'detractor' }, colour: 'red' } });
    assert.equal(unknown.status, 400);
  });

  test('a detractor answer opens a case for the touchpoint unit\'s manager within seconds, due after 4 office hours', async () => {
    const rule = await t.api('/api/v1/alert-rules', { body: { name: 'Detractor at contract', condition: { all: [{ nps: 'detractor' }, { touchpoint: [touchpointId] }] }, priority: 'high', slaHours: 4 } });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    detractorRuleId = rule.body.id;
    const started = Date.now();
    const response = await respond([{ question: 'nps', value: 3 }, { question: 'nps_why', value: 'Lasku oli väärin' }]);
    assert.equal(response.status, 201, JSON.stringify(response.body));
    const [created] = await waitFor('the case', async () => { const rows = await casesOfResponse(response.body.id); return rows.length ? rows : undefined; });
    assert.ok(Date.now() - started < 5_000, `case after ${Date.now() - started} ms`);
    detractorCaseId = created.id;
    const got = await t.api(`/api/v1/cases/${detractorCaseId}`);
    assert.equal(got.status, 200);
    assert.equal(got.body.ownerUserId, managerId);
    assert.equal(got.body.ownerUnitId, unitId);
    assert.equal(got.body.priority, 'high');
    assert.equal(got.body.status, 'new');
    assert.equal(got.body.ruleId, detractorRuleId);
    // 10:00 + 4 h = 14:00 Helsinki = 12:00Z.
    assert.equal(got.body.dueAt, '2025-01-13T12:00:00.000Z');
    assert.deepEqual(got.body.activity.map((a: { kind: string }) => a.kind), ['created']);
    assert.equal(got.body.activity[0].data.routedBy, 'touchpoint_owner');
    assert.deepEqual(got.body.answers.map((a: { key: string }) => a.key), ['nps', 'nps_why']);
    // A promoter does not match.
    const promoter = await respond([{ question: 'nps', value: 10 }]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(await casesOfResponse(promoter.body.id), []);
  });

  test('a praise rule routes to the employee\'s own user', async () => {
    const rule = await t.api('/api/v1/alert-rules', { body: { name: 'Praise', kind: 'praise', condition: { nps: 'promoter' } } });
    assert.equal(rule.status, 201);
    assert.deepEqual(rule.body.route, { to: 'employee' });
    const response = await respond([{ question: 'nps', value: 10 }, { question: 'nps_why', value: 'Sanna oli todella ystävällinen' }], { employeeId });
    const [created] = await waitFor('the praise', async () => { const rows = await casesOfResponse(response.body.id); return rows.length ? rows : undefined; });
    const got = await t.api(`/api/v1/cases/${created.id}`);
    assert.equal(got.body.kind, 'praise');
    assert.equal(got.body.ownerUserId, frontlineUserId);
    assert.equal(got.body.dueAt, null);
    // The employee sees their praise, not the manager's case.
    const sanna = await signInAs(t, 'sanna@example.com', password);
    const mine = await sanna('/api/v1/cases');
    assert.deepEqual(mine.body.items.map((c: { id: string }) => c.id), [created.id]);
    assert.equal((await sanna(`/api/v1/cases/${detractorCaseId}`)).status, 404);
  });

  test('an overdue case is escalated once to the manager above the owner when the clock passes due', async () => {
    clock = new Date('2025-01-13T11:59:00Z');
    await t.jobs!.send(ESCALATE_OVERDUE_JOB, {});
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal((await t.api(`/api/v1/cases/${detractorCaseId}`)).body.escalatedAt, null, 'not yet due');
    clock = new Date('2025-01-13T12:01:00Z');
    await t.jobs!.send(ESCALATE_OVERDUE_JOB, {});
    const escalated = await waitFor('escalation', async () => {
      const c = await t.api(`/api/v1/cases/${detractorCaseId}`);
      return c.body.escalatedAt ? c.body : undefined;
    });
    assert.equal(escalated.escalatedAt, '2025-01-13T12:01:00.000Z');
    const entry = escalated.activity.find((a: { kind: string }) => a.kind === 'escalated');
    assert.equal(entry.data.escalatedToUserId, regionManagerId);
    const overdue = await t.api('/api/v1/cases?overdue=true');
    assert.deepEqual(overdue.body.items.map((c: { id: string }) => c.id), [detractorCaseId]);
    await t.jobs!.send(ESCALATE_OVERDUE_JOB, {});
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const again = await t.api(`/api/v1/cases/${detractorCaseId}`);
    assert.equal(again.body.activity.filter((a: { kind: string }) => a.kind === 'escalated').length, 1);
  });

  test('status flow: invalid transitions are refused, resolving needs a resolution, reopening counts', async () => {
    const manager = await signInAs(t, 'manager@example.com', password);
    const patch = (body: unknown) => manager(`/api/v1/cases/${detractorCaseId}`, { method: 'PATCH', body });
    const skip = await patch({ status: 'resolved' });
    assert.equal(skip.status, 409);
    assert.equal(skip.body.field, 'status');
    clock = new Date('2025-01-13T13:00:00Z');
    const working = await patch({ status: 'in_progress' });
    assert.equal(working.status, 200);
    assert.equal(working.body.firstActionAt, '2025-01-13T13:00:00.000Z');
    assert.equal((await manager(`/api/v1/cases/${detractorCaseId}/notes`, { body: { text: 'Called the customer' } })).status, 201);
    const noResolution = await patch({ status: 'resolved' });
    assert.equal(noResolution.status, 400);
    assert.equal(noResolution.body.field, 'resolution');
    const badCode = await patch({ rootCauseCode: 'nope' });
    assert.equal(badCode.status, 400);
    assert.equal(badCode.body.field, 'rootCauseCode');
    assert.equal((await t.api('/api/v1/root-causes', { body: { code: 'billing_error', labels: { fi: 'Laskutusvirhe', en: 'Billing error' } } })).status, 201);
    clock = new Date('2025-01-13T14:00:00Z');
    const resolved = await patch({ status: 'resolved', resolution: 'Invoice corrected', rootCauseCode: 'billing_error' });
    assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
    assert.equal(resolved.body.resolvedAt, '2025-01-13T14:00:00.000Z');
    assert.equal(resolved.body.firstActionAt, '2025-01-13T13:00:00.000Z');
    // Closing needs a recovery outcome besides the root cause, and names the field it misses.
    const noOutcome = await patch({ status: 'closed' });
    assert.equal(noOutcome.status, 400);
    assert.equal(noOutcome.body.field, 'recoveryOutcome');
    assert.equal((await patch({ status: 'closed', recoveryOutcome: 'recovered' })).body.status, 'closed');
    const reopened = await patch({ status: 'in_progress' });
    assert.equal(reopened.body.reopenCount, 1);
    assert.equal(reopened.body.resolvedAt, null);
    assert.deepEqual(reopened.body.activity.map((a: { kind: string }) => a.kind),
      ['created', 'escalated', 'status_changed', 'note', 'root_cause', 'resolution', 'status_changed', 'recovery_outcome', 'status_changed', 'reopened']);
    const unknownStatus = await patch({ status: 'done' });
    assert.equal(unknownStatus.status, 400);
  });

  test('closed-loop metrics: time to first action, within SLA and re-open rate by unit', async () => {
    const metrics = await t.api('/api/v1/cases/metrics?by=unit');
    assert.equal(metrics.status, 200);
    // The one problem case: created 08:00Z, first action 13:00Z = 5 h; resolved at 14:00Z after due 12:00Z; reopened once.
    assert.equal(metrics.body.overall.cases, 1);
    assert.equal(metrics.body.overall.medianHoursToFirstAction, 5);
    assert.equal(metrics.body.overall.withinSlaShare, null, 'reopened: no longer resolved');
    assert.equal(metrics.body.overall.reopenRate, 1);
    assert.deepEqual(metrics.body.groups.map((g: { key: string }) => g.key), [unitId]);
  });

  test('a case by hand from a response, and another organisation sees none of it', async () => {
    const response = await respond([{ question: 'nps', value: 8 }]);
    const made = await t.api('/api/v1/cases', { body: { responseId: response.body.id, title: 'Ask about delivery', slaHours: 8 } });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.equal(made.body.ownerUserId, managerId);
    // 14:00Z = 16:00 local, closing time: 8 office hours → Tuesday 16:00 local = 14:00Z.
    assert.equal(made.body.dueAt, '2025-01-14T14:00:00.000Z');
    const other = await newOrg(t.db, 'Other');
    assert.equal((await t.api(`/api/v1/cases/${made.body.id}`, { key: other.apiKey })).status, 404);
    assert.equal((await t.api(`/api/v1/cases/${made.body.id}`, { method: 'PATCH', body: { status: 'in_progress' }, key: other.apiKey })).status, 404);
    assert.equal((await t.api(`/api/v1/cases/${made.body.id}/notes`, { body: { text: 'x' }, key: other.apiKey })).status, 404);
    assert.equal((await t.api('/api/v1/cases', { body: { responseId: response.body.id }, key: other.apiKey })).status, 404);
    assert.deepEqual((await t.api('/api/v1/cases', { key: other.apiKey })).body.items, []);
    assert.equal((await t.api(`/api/v1/alert-rules/${detractorRuleId}`, { key: other.apiKey })).status, 404);
  });

  test('a batch import matching a rule opens one case per response, in batches, without errors', async () => {
    const n = Number(process.env.KAIKU_LOOP_IMPORT ?? 3000);
    const before = (await t.db.query<{ n: number }>(`select count(*)::int as n from cases where org_id = $1 and rule_id = $2`, [t.orgId, detractorRuleId]))[0].n;
    for (let offset = 0; offset < n; offset += 1000) {
      const responses = Array.from({ length: Math.min(1000, n - offset) }, (_, i) => ({ surveyId, answers: [{ question: 'nps', value: (offset + i) % 7 }] }));
      const res = await t.api('/api/v1/responses/batch', { body: { responses } });
      assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
    }
    await waitFor('all cases', async () => {
      const [row] = await t.db.query<{ n: number }>(`select count(*)::int as n from cases where org_id = $1 and rule_id = $2`, [t.orgId, detractorRuleId]);
      return row.n - before === n ? row : undefined;
    }, 120_000);
    const [outbox] = await t.db.query<{ n: number }>(`select count(*)::int as n from response_outbox`);
    assert.equal(outbox.n, 0);
    const page = await t.api('/api/v1/cases?inbox=all&status=new&limit=100');
    assert.equal(page.status, 200, JSON.stringify(page.body));
    assert.equal(page.body.items.length, 100);
    const next = await t.api(`/api/v1/cases?inbox=all&status=new&limit=100&cursor=${page.body.nextCursor}`);
    assert.equal(next.body.items.length, 100);
    assert.equal(new Set([...page.body.items, ...next.body.items].map((c: { id: string }) => c.id)).size, 200);
  });
});
