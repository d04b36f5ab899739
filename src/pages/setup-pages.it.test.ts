/**
 * The set-up pages over HTTP: who may open them, and each form's happy path, its errors at the
 * field with the summary, and its confirmation step where it destroys something.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, shortPulse } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { createUser } from '../auth/service.ts';

describe('set-up pages', () => {
  let t: TestApp;
  let admin: PageClient;
  let analyst: PageClient;
  let tp: Awaited<ReturnType<typeof journeyWithTouchpoint>>;
  let surveyId = '';

  before(async () => {
    t = await startTestApp({ config: { webhooksAllowPrivate: true } });
    tp = await journeyWithTouchpoint(t);
    surveyId = (await t.api('/api/v1/surveys', { body: { ...shortPulse(tp.touchpointId), status: 'active' } })).body.id;
    for (const role of ['analyst', 'unit_manager', 'frontline', 'viewer'] as const) {
      await createUser(t.db, t.orgId, { email: `${role}@example.com`, name: `Person ${role}`, role, unitId: role === 'unit_manager' || role === 'frontline' ? tp.unitId : null, password: 'correct horse battery' });
    }
    admin = pageClient(t, await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`));
    analyst = pageClient(t, await sessionCookie(t, 'analyst@example.com'));
  });
  after(() => t.close());

  test('frontline staff, viewers and unit managers cannot open set-up; analysts see only rules', async () => {
    for (const role of ['frontline', 'viewer', 'unit_manager']) {
      const client = pageClient(t, await sessionCookie(t, `${role}@example.com`));
      for (const path of ['/app/setup', '/app/setup/users', '/app/setup/api-keys', '/app/setup/webhooks', '/app/setup/alert-rules', '/app/setup/pulse-rules/new']) {
        assert.equal((await client.get(path)).status, 403, `${role} ${path}`);
      }
      assert.equal((await client.post('/app/setup/api-keys', { name: 'x', scopes: 'admin' })).status, 403, role);
      assert.doesNotMatch((await client.get('/app/praise')).text, /href="\/app\/setup"/, `${role} is not offered the set-up link`);
    }
    const index = await analyst.get('/app/setup?lang=en');
    assert.equal(index.status, 200);
    assert.match(index.text, /Alert rules/);
    assert.doesNotMatch(index.text, /href="\/app\/setup\/users"/);
    assert.equal((await analyst.get('/app/setup/users')).status, 403);
    assert.equal((await analyst.get('/app/setup/webhooks')).status, 403);
  });

  test('users: invite with errors at the fields, change a role, deactivate after confirming', async () => {
    const bad = await admin.post('/app/setup/users', { name: '', email: 'not-an-address', role: 'unit_manager', lang: 'en' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /<a href="#name">Fill in this field.<\/a>/);
    assert.match(bad.text, /<a href="#email">Enter an e-mail address/);
    assert.match(bad.text, /<a href="#unitId">A unit manager needs a unit.<\/a>/);
    assert.match(bad.text, /id="email"[^>]*aria-describedby="email-error" aria-invalid="true"/);
    const ok = await admin.post('/app/setup/users', { name: 'Uusi Ulla', email: 'ulla@example.com', role: 'viewer', language: 'sv', lang: 'en' });
    assert.equal(ok.status, 200);
    assert.match(ok.text, /ulla@example.com was invited/);
    const [ulla] = await t.db.query<{ id: string; role: string; language: string; password_hash: string | null }>(`select id, role, language, password_hash from users where email = 'ulla@example.com'`);
    assert.deepEqual([ulla.role, ulla.language, ulla.password_hash], ['viewer', 'sv', null]);
    assert.equal((await admin.post('/app/setup/users', { name: 'Ulla again', email: 'ulla@example.com', role: 'viewer', lang: 'en' })).status, 409);
    assert.equal((await admin.post(`/app/setup/users/${ulla.id}/role`, { role: 'analyst' })).status, 303);
    assert.equal((await t.db.query<{ role: string }>(`select role from users where id = $1`, [ulla.id]))[0].role, 'analyst');
    const ask = await admin.post(`/app/setup/users/${ulla.id}/active`, { active: '0', lang: 'en' });
    assert.match(ask.text, /Deactivate Uusi Ulla\?/);
    assert.equal((await t.db.query(`select 1 from users where id = $1 and disabled_at is null`, [ulla.id])).length, 1, 'not before the confirmation');
    assert.equal((await admin.post(`/app/setup/users/${ulla.id}/active`, { active: '0', confirm: '1' })).status, 303);
    assert.equal((await t.db.query(`select 1 from users where id = $1 and disabled_at is not null`, [ulla.id])).length, 1);
    const audit = await t.db.query<{ action: string }>(`select action from audit_log where org_id = $1 order by at`, [t.orgId]);
    assert.deepEqual(audit.map((a) => a.action).filter((a) => a.startsWith('user.')), ['user.create', 'user.role_change', 'user.update']);
  });

  test('API keys: the key is shown once, works, and stops working once revoked', async () => {
    const none = await admin.post('/app/setup/api-keys', { name: 'BI', lang: 'en' });
    assert.equal(none.status, 400);
    assert.match(none.text, /<a href="#scopes">Choose one of the options.<\/a>/);
    const created = await admin.post('/app/setup/api-keys', { name: 'Power BI', scopes: 'read', rate: '600', lang: 'en' });
    assert.equal(created.status, 201);
    const key = /<p class="secret">(kk_[^<]+)<\/p>/.exec(created.text)?.[1];
    assert.ok(key, 'the new key is on the page');
    assert.equal((await t.api('/api/v1/org', { key })).status, 200);
    assert.doesNotMatch((await admin.get('/app/setup/api-keys')).text, new RegExp(key!), 'shown only once');
    const [row] = await t.db.query<{ id: string; rate_limit_per_minute: number }>(`select id, rate_limit_per_minute from api_keys where name = 'Power BI'`);
    assert.equal(row.rate_limit_per_minute, 600);
    const ask = await admin.post(`/app/setup/api-keys/${row.id}/revoke`, { lang: 'en' });
    assert.match(ask.text, /Revoke the key “Power BI”\?/);
    assert.equal((await t.api('/api/v1/org', { key })).status, 200);
    assert.equal((await admin.post(`/app/setup/api-keys/${row.id}/revoke`, { confirm: '1' })).status, 303);
    assert.equal((await t.api('/api/v1/org', { key })).status, 401);
  });

  test('webhooks: create (secret once), delivery log, disable, replay refused while disabled', async () => {
    const bad = await admin.post('/app/setup/webhooks', { url: 'ftp://example.com/x', events: 'case.created', lang: 'en' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /<a href="#url">This address cannot be used/);
    const created = await admin.post('/app/setup/webhooks', [['url', 'http://127.0.0.1:9/hook'], ['events', 'case.created'], ['events', 'case.updated'], ['lang', 'en']]);
    assert.equal(created.status, 201);
    assert.match(created.text, /Copy the signing secret now/);
    const [hook] = await t.db.query<{ id: string; events: string[] }>(`select id, events from webhooks where org_id = $1`, [t.orgId]);
    assert.deepEqual(hook.events, ['case.created', 'case.updated']);
    const empty = await admin.get(`/app/setup/webhooks/${hook.id}?lang=en`);
    assert.match(empty.text, /Nothing has been sent yet/);
    const [delivery] = await t.db.query<{ id: string }>(
      `insert into webhook_deliveries (org_id, id, webhook_id, event, payload, status, attempts, last_status_code, last_error, next_attempt_at)
       values ($1, gen_random_uuid(), $2, 'case.created', '{"id":"e1"}', 'failed', 3, 500, 'Internal Server Error', now()) returning id`, [t.orgId, hook.id]);
    const log = await admin.get(`/app/setup/webhooks/${hook.id}?lang=en`);
    assert.match(log.text, /Internal Server Error/);
    assert.equal((await admin.post(`/app/setup/webhook-deliveries/${delivery.id}/replay`, {})).status, 303);
    assert.equal((await t.db.query(`select 1 from webhook_deliveries where webhook_id = $1`, [hook.id])).length, 2);
    assert.equal((await admin.post(`/app/setup/webhooks/${hook.id}/enabled`, { enabled: '0' })).status, 303);
    const refused = await admin.post(`/app/setup/webhook-deliveries/${delivery.id}/replay`, { lang: 'en' });
    assert.equal(refused.status, 409);
    assert.match(refused.text, /Enable the webhook before sending again/);
  });

  test('distribution rules: create with errors at the fields, pause and resume', async () => {
    const bad = await analyst.post('/app/setup/pulse-rules', { name: '', touchpointId: tp.touchpointId, surveyId, sampling: '0', quietStart: '25:00', lang: 'en' });
    assert.equal(bad.status, 400);
    for (const field of ['name', 'channels', 'sampling', 'quietStart']) assert.match(bad.text, new RegExp(`<a href="#${field}">`), field);
    const ok = await analyst.post('/app/setup/pulse-rules', [['name', 'After contract'], ['touchpointId', tp.touchpointId], ['surveyId', surveyId], ['enabled', '1'],
      ['channels', 'email'], ['channels', 'sms'], ['delayMinutes', '30'], ['sampling', '50'], ['quietStart', '21:00'], ['quietEnd', '08:00'], ['expiryHours', '72'], ['reminderDays', '2']]);
    assert.equal(ok.status, 303, ok.text.slice(0, 400));
    const [rule] = (await t.api('/api/v1/pulse-rules')).body.items;
    assert.deepEqual([rule.channels, rule.samplingRate, rule.delayMinutes, rule.quietHours, rule.reminderDays], [['email', 'sms'], 0.5, 30, { start: '21:00', end: '08:00' }, 2]);
    const late = await analyst.post(`/app/setup/pulse-rules/${rule.id}`, [['name', 'After contract'], ['touchpointId', tp.touchpointId], ['surveyId', surveyId], ['enabled', '1'],
      ['channels', 'email'], ['expiryHours', '24'], ['reminderDays', '2'], ['lang', 'en']]);
    assert.equal(late.status, 400, 'the reminder must come before the invitation expires (the service’s own check)');
    assert.match(late.text, /<a href="#reminderDays">/);
    assert.equal((await analyst.post(`/app/setup/pulse-rules/${rule.id}/enabled`, { enabled: '0' })).status, 303);
    assert.equal((await t.api(`/api/v1/pulse-rules/${rule.id}`)).body.enabled, false);
    const list = await analyst.get('/app/setup/pulse-rules?lang=en');
    assert.match(list.text, /Paused/);
    assert.match(list.text, />Resume<span class="visually-hidden"> After contract<\/span>/);
  });
});
