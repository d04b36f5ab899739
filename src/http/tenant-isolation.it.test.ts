/**
 * Cross-tenant suite: organisation B's admin (by API key and by browser session) tries every
 * route of the server with organisation A's ids — in the path, in every id-shaped query
 * parameter and in every id-shaped body field. Routes and their parameters come from Fastify's
 * route table and the live OpenAPI document, so a new route is attacked the moment it exists.
 * Nothing may answer with A's data, succeed in changing it, or fail with a 5xx; a route
 * addressed by A's id must answer 404.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, signInAs, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey, shortPulse } from '../../test/helpers/factories.ts';
import { listRoutes } from '../../test/helpers/routes.ts';
import { pageClient, sessionCookie } from '../../test/helpers/pages.ts';
import { pageRoutes } from '../pages/page-kit.ts';
import { createUser } from '../auth/service.ts';
import { permissions, type Permission } from '../auth/permissions.ts';

/** Routes authorised by possessing a public token or survey link, not by belonging to an organisation. */
const publicByToken = /^\/(r|s|u|k)\/:|^\/api\/v1\/public\//;

/** A's rows are tagged with this, so any of them showing up in B's answers is caught. */
const MARK = 'alphaonly7f3a';

/** Path segment (or query/body field) → kind of A's entity whose id it takes. */
const kindBySegment: Record<string, string> = {
  'api-keys': 'apiKey', 'action-plans': 'actionPlan', 'alert-rules': 'alertRule', units: 'unit', users: 'user',
  journeys: 'journey', stages: 'stage', surveys: 'survey', touchpoints: 'touchpoint', topics: 'topic',
  schedules: 'schedule', 'root-causes': 'rootCause', 'by-external-id': 'contactExternalId', contacts: 'contact',
  collectors: 'collector', cases: 'case', webhooks: 'webhook', 'pulse-rules': 'pulseRule', responses: 'response',
};
const kindByField: Record<string, string> = {
  unitId: 'unit', ownerUnitId: 'unit', parentId: 'unit', journeyId: 'journey', stageId: 'stage', surveyId: 'survey',
  touchpointId: 'touchpoint', contactId: 'contact', employeeId: 'employee', responseId: 'response', caseId: 'case',
  userId: 'user', assigneeId: 'user', ownerId: 'user', webhookId: 'webhook', collectorId: 'collector', questionId: 'question',
  actionPlanId: 'actionPlan', ruleId: 'alertRule',
};

type Json = Record<string, any>;

describe('cross-tenant: organisation B tries every route with organisation A’s ids', () => {
  let t: TestApp;
  const a: Record<string, string> = {};
  let bKey: string;
  let bSession: TestApp['api'];
  let spec: Json;

  before(async () => {
    // SMTP points at a closed port: mail-sending routes get as far as looking the case up.
    t = await startTestApp({ config: { webhooksAllowPrivate: true, smtpHost: '127.0.0.1', smtpPort: 9 } });
    const ids = await journeyWithTouchpoint(t, `Journey ${MARK}`);
    Object.assign(a, { unit: ids.unitId, journey: ids.journeyId, stage: ids.stageId, touchpoint: ids.touchpointId });
    const created = async (path: string, body: unknown, method = 'POST') => {
      const res = await t.api(path, { method, body });
      assert.ok(res.status === 200 || res.status === 201, `${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as Json;
    };
    const survey = await created('/api/v1/surveys', { ...pulseSurvey(a.touchpoint), status: 'active' });
    a.survey = survey.id;
    a.question = survey.questions?.[0]?.id;
    a.employee = (await created('/api/v1/employees', { name: `Employee ${MARK}`, unitId: a.unit })).id;
    a.contactExternalId = `ext-${MARK}`;
    a.contact = (await created(`/api/v1/contacts/by-external-id/${a.contactExternalId}`, { email: `${MARK}@example.com`, name: `Contact ${MARK}` }, 'PUT')).id;
    a.response = (await created('/api/v1/responses', {
      surveyId: a.survey, contactId: a.contact, employeeId: a.employee, language: 'fi',
      answers: [{ question: 'nps', value: 2 }, { question: 'nps_why', value: `Slow service ${MARK}` }],
    })).id;
    a.case = (await created('/api/v1/cases', { responseId: a.response })).id;
    a.webhook = (await created('/api/v1/webhooks', { url: `http://127.0.0.1:9/${MARK}`, events: ['case.created'] })).id;
    a.actionPlan = (await created('/api/v1/action-plans', { title: `Plan ${MARK}`, topic: 'waiting time', startsOn: '2026-05-01T08:00:00+03:00' })).id;
    a.alertRule = (await created('/api/v1/alert-rules', { name: `Rule ${MARK}`, condition: { nps: 'detractor' }, route: { to: 'round_robin', unitId: a.unit } })).id;
    a.pulseRule = (await created('/api/v1/pulse-rules', { name: `Pulse ${MARK}`, touchpointId: a.touchpoint, surveyId: a.survey, channels: ['email'] })).id;
    a.kioskSurvey = (await created('/api/v1/surveys', { ...shortPulse(a.touchpoint), status: 'active' })).id;
    a.collector = (await created('/api/v1/collectors', { kind: 'kiosk', name: `Kiosk ${MARK}`, surveyId: a.kioskSurvey, unitId: a.unit })).id;
    a.apiKey = (await created('/api/v1/api-keys', { name: `Key ${MARK}`, scopes: ['read'] })).id;
    a.schedule = (await created('/api/v1/reports/board/schedules', { recipients: [`${MARK}@example.com`], language: 'sv', dayOfMonth: 3, hour: 7 })).id;
    a.rootCause = `rc_${MARK}`;
    await created('/api/v1/root-causes', { code: a.rootCause, labels: { fi: MARK, en: MARK } });
    a.topic = `topic_${MARK}`;
    await created(`/api/v1/text/taxonomy/topics/${a.topic}`, { label: `Topic ${MARK}`, keywords: { en: [MARK] } }, 'PUT');
    a.user = await createUser(t.db, t.orgId, { email: `user-${MARK}@example.com`, name: `User ${MARK}`, role: 'analyst' });
    a.org = t.orgId;
    for (const [kind, id] of Object.entries(a)) assert.ok(id, `A's ${kind} was not created`);

    const b = await newOrg(t.db, 'Organisation B');
    bKey = b.apiKey;
    await createUser(t.db, b.orgId, { email: 'admin-b@example.com', name: 'B admin', role: 'admin', password: 'correct horse battery' });
    bSession = await signInAs(t, 'admin-b@example.com', 'correct horse battery');
    spec = t.app.swagger() as Json;
  });
  after(() => t.close());

  /** Batch endpoints answer 200 with a result per row: each row referring to A's rows must be an error. */
  function batchRowsAllRefused(text: string): boolean {
    const body = JSON.parse(text) as Json;
    const rows = (Array.isArray(body) ? body : Object.values(body).find(Array.isArray)) as Json[] | undefined;
    return !!rows && rows.length > 0 && rows.every((row) => row.error && !row.id);
  }

  /** A's ids that are UUIDs (codes and external ids are names, not secrets, and may be echoed back in a 404). */
  const secretIds = () => Object.entries(a).filter(([k]) => !['rootCause', 'topic', 'contactExternalId'].includes(k)).map(([, id]) => id);

  function operation(method: string, path: string): Json | undefined {
    const openapiPath = path.replace(/:([A-Za-z]+)/g, '{$1}');
    return spec.paths?.[openapiPath]?.[method.toLowerCase()];
  }

  /** A value for a JSON-schema node; id-shaped fields get A's ids. */
  function sample(schema: Json | undefined, field: string): unknown {
    if (!schema) return 'x';
    if (schema.anyOf) return sample(schema.anyOf.find((s: Json) => s.type !== 'null') ?? schema.anyOf[0], field);
    if (schema.const !== undefined) return schema.const;
    if (schema.enum) return schema.enum[0];
    switch (schema.type) {
      case 'object': {
        const out: Json = {};
        for (const [key, sub] of Object.entries<Json>(schema.properties ?? {})) {
          if ((schema.required ?? []).includes(key) || key in kindByField) out[key] = sample(sub, key);
        }
        // A patch needs at least one field to get past validation to the lookup.
        for (const [key, sub] of Object.entries<Json>(schema.properties ?? {})) {
          if (Object.keys(out).length >= (schema.minProperties ?? 0)) break;
          out[key] ??= sample(sub, key);
        }
        return out;
      }
      case 'array': return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(schema.items, field));
      case 'integer': case 'number': return schema.minimum ?? 1;
      case 'boolean': return false;
      default:
        if (schema.format === 'uuid') return a[kindByField[field] ?? ''] ?? a.survey;
        if (schema.format === 'email') return 'someone@example.com';
        if (schema.format === 'date-time') return '2026-06-01T00:00:00Z';
        if (schema.format === 'date') return '2026-06-01';
        return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    }
  }

  interface Attempt { caller: string; method: string; url: string; body?: string }

  function attemptsFor(method: string, path: string): Attempt[] {
    const op = operation(method, path);
    const query = new URLSearchParams();
    for (const p of op?.parameters ?? []) {
      if (p.in === 'query' && p.schema?.format === 'uuid') query.set(p.name, a[kindByField[p.name] ?? ''] ?? a.survey);
    }
    const bodySchema = op?.requestBody?.content?.['application/json']?.schema;
    const body = method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(sample(bodySchema ?? { type: 'object' }, ''));
    const params = [...path.matchAll(/:([A-Za-z]+)/g)];
    const urls: string[] = [];
    if (params.length === 0) {
      urls.push(path);
    } else {
      const segments = path.split('/');
      const typed = (name: string) => {
        const segment = segments[segments.indexOf(`:${name}`) - 1];
        if (name === 'metric') return ['nps'];
        if (name === 'unitId') return [a.unit];
        const kind = kindBySegment[segment];
        return kind ? [a[kind]] : secretIds(); // no such row in A: every id of A must miss too
      };
      for (const candidate of typed(params[0][1])) {
        urls.push(path.replace(/:([A-Za-z]+)/g, (_, name: string) => (name === params[0][1] ? candidate : typed(name)[0])));
      }
    }
    const qs = query.toString();
    return urls.flatMap((url) => ['key', 'session'].map((caller) => ({ caller, method, url: qs ? `${url}?${qs}` : url, body })));
  }

  async function send(attempt: Attempt): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = attempt.body !== undefined ? { 'content-type': 'application/json' } : {};
    if (attempt.caller === 'key') {
      headers.authorization = `Bearer ${bKey}`;
      const res = await fetch(t.url + attempt.url, { method: attempt.method, headers, body: attempt.body, redirect: 'manual' });
      return { status: res.status, text: await res.text() };
    }
    const res = await bSession(attempt.url, { method: attempt.method, body: attempt.body, headers: { ...headers, origin: t.url } });
    return { status: res.status, text: typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? '') };
  }

  /** What A sees of its own rows, to prove B changed nothing. */
  async function snapshotOfA() {
    const paths = ['/api/v1/org', '/api/v1/units', '/api/v1/journeys/' + a.journey, '/api/v1/surveys/' + a.survey, '/api/v1/responses/' + a.response,
      '/api/v1/contacts/' + a.contact, '/api/v1/cases/' + a.case, '/api/v1/webhooks/' + a.webhook, '/api/v1/action-plans/' + a.actionPlan,
      '/api/v1/alert-rules/' + a.alertRule, '/api/v1/pulse-rules/' + a.pulseRule, '/api/v1/collectors/' + a.collector, '/api/v1/api-keys',
      '/api/v1/users', '/api/v1/employees', '/api/v1/root-causes', '/api/v1/reports/board/schedules', '/api/v1/text/taxonomy'];
    const out: Record<string, unknown> = {};
    for (const path of paths) {
      const res = await t.api(path);
      assert.equal(res.status, 200, `A reads ${path}: ${res.status}`);
      out[path] = res.body;
    }
    return JSON.stringify(out, (key, value) => (key === 'lastUsedAt' || key === 'lastSeenAt' ? undefined : value));
  }

  test('every route refuses A’s ids: 404 where the route is addressed by one, never A’s data, never a change, never a 5xx', async () => {
    const before = await snapshotOfA();
    const order = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
    const routes = listRoutes(t.app)
      .filter((r) => order.includes(r.method) && !publicByToken.test(r.path) && t.app.routePermissions.has(`${r.method} ${r.path}`))
      .sort((x, y) => order.indexOf(x.method) - order.indexOf(y.method));
    const problems: string[] = [];
    const tally = { routes: routes.length, attempts: 0, byId: 0, byId404: 0, byIdRefusedByValidation: 0, withIdsInQueryOrBody: 0, refused4xx: 0, batchRowsRefused: 0, emptyResult: 0, ownUpserts: 0 };
    for (const route of routes) {
      const permission = t.app.routePermissions.get(`${route.method} ${route.path}`) as Permission;
      for (const attempt of attemptsFor(route.method, route.path)) {
        // A person's own notifications: API keys belong to nobody and are refused before any lookup (role matrix).
        if (attempt.caller === 'key' && permissions[permission].scopes.length === 0) continue;
        const sent = `${attempt.url} ${attempt.body ?? ''}`;
        const nameKeyed = /:(code|externalId)\b|topics\/:id/.test(route.path);
        const addressedById = /\/:(?!metric\b)/.test(route.path);
        const carriesIds = secretIds().some((id) => sent.includes(id));
        if (!addressedById && !carriesIds) continue; // nothing of A's in this request: not a cross-tenant attempt
        const res = await send(attempt);
        tally.attempts++;
        const what = `${attempt.caller} ${attempt.method} ${attempt.url} ${attempt.body ?? ''} → ${res.status}`;
        const leaked = secretIds().filter((id) => res.text.includes(id) && !sent.includes(id));
        const markLeaked = res.text.toLowerCase().includes(MARK) && !sent.includes(MARK);
        if (markLeaked || res.text.includes(t.orgId) || leaked.length > 0) problems.push(`${what}: A's data in the answer ${res.text.slice(0, 200)}`);
        if (res.status >= 500) problems.push(`${what}: server error ${res.text.slice(0, 200)}`);
        const refusedByValidation = res.status === 400 && attempt.method !== 'GET';
        if (nameKeyed && res.status < 300) {
          // Codes, topic ids and external ids are names inside an organisation: PUT creates B's own row of that
          // name, which B may then change or delete; A's row is checked unchanged below.
          tally.ownUpserts++;
        } else if (addressedById) {
          tally.byId++;
          if (res.status === 404) tally.byId404++;
          else if (refusedByValidation) tally.byIdRefusedByValidation++;
          else problems.push(`${what}: expected 404 ${res.text.slice(0, 200)}`);
        } else {
          tally.withIdsInQueryOrBody++;
          if (res.status >= 400 && res.status < 500) tally.refused4xx++;
          else if (attempt.method === 'GET' && res.status === 200) tally.emptyResult++; // a filter matching nothing of B's (no A data: checked above)
          else if (/\/batch$/.test(route.path) && res.status === 200 && batchRowsAllRefused(res.text)) tally.batchRowsRefused++;
          else problems.push(`${what}: a write referring to A's rows was accepted ${res.text.slice(0, 200)}`);
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.equal(await snapshotOfA(), before, 'A’s data changed');
    assert.ok(tally.byId > 100, `only ${tally.byId} attempts by id`);
    console.log(`cross-tenant: ${JSON.stringify(tally)}`);
  });

  /**
   * Dashboard pages (page-kit.ts): B's admin opens and posts every page with A's ids — in the
   * path (must be 404) and in every form field that takes an id (must not change A, must not
   * show A's data). Pages of other modules that use page-kit are attacked the same way.
   */
  test('every dashboard page refuses A’s ids: 404 by id, never A’s data, never a change', async () => {
    const before = await snapshotOfA();
    const b = pageClient(t, await sessionCookie(t, 'admin-b@example.com'));
    const kindByPageSegment: Record<string, string> = { ...kindBySegment, 'webhook-deliveries': 'webhook' };
    const fields: Array<[string, string]> = [
      ['id', a.case], ['confirm', '1'], ['action', 'assign'], ['ownerUserId', a.user], ['status', 'in_progress'], ['priority', 'urgent'], ['reason', 'x'],
      ['text', 'x'], ['message', 'x'], ['resolution', 'x'], ['role', 'viewer'], ['active', '0'], ['enabled', '0'], ['name', `B ${Date.now()}`],
      ['email', `b-${Date.now()}@example.com`], ['unitId', a.unit], ['scopes', 'read'], ['url', 'http://127.0.0.1:9/b'], ['events', 'case.created'],
      ['kind', 'problem'], ['rows', '1'], ['c0_field', 'touchpoint'], ['c0_value', a.touchpoint], ['routeTo', 'user'], ['routeUser', a.user], ['routeUnit', a.unit],
      ['slaHours', '8'], ['touchpointId', a.touchpoint], ['surveyId', a.survey], ['channels', 'email'],
    ];
    const problems: string[] = [];
    let byId = 0;
    for (const route of pageRoutes) {
      const param = /\/([a-z-]+)\/:([A-Za-z]+)/.exec(route.path);
      const targets = param ? (kindByPageSegment[param[1]] ? [a[kindByPageSegment[param[1]]]] : secretIds()) : [undefined];
      for (const target of targets) {
        const url = target ? route.path.replace(/:[A-Za-z]+/, target) : route.path;
        const res = route.method === 'GET' ? await b.get(url) : await b.post(url, fields);
        const what = `${route.method} ${url} → ${res.status}`;
        const sent = `${url} ${JSON.stringify(fields)}`;
        // The earlier test's PUT by external id made B a contact of its own named by A's external id (a name, not a secret): B's contacts page lists it.
        // A page echoes its own address (language links): a code B put in the URL (A's root-cause code) is not A's data shown.
        const text = res.text.toLowerCase().replaceAll(a.contactExternalId.toLowerCase(), '').replaceAll(url.toLowerCase(), '');
        if (text.includes(MARK) || secretIds().some((id) => res.text.includes(id) && !sent.includes(id))) problems.push(`${what}: A's data in the page`);
        if (res.status >= 500 && res.status !== 503) problems.push(`${what}: server error`);
        if (target) {
          byId++;
          if (res.status !== 404) problems.push(`${what}: expected 404`);
        } else if (route.method === 'POST' && res.status === 303 && /cases\/bulk/.test(route.path)) problems.push(`${what}: a bulk change of A's cases was accepted`);
      }
    }
    assert.deepEqual(problems, []);
    assert.equal(await snapshotOfA(), before, 'A’s data changed');
    assert.ok(byId >= 10, `only ${byId} page attempts by id`);
  });
});
