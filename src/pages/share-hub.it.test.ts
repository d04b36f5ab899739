/**
 * The distribution hub over HTTP: admins open it (links per touchpoint, QR downloads, poster),
 * roles without collector management are refused, an unknown touchpoint is a 400 at its field,
 * and another organisation's survey answers 404.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, shortPulse } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { createHash } from 'node:crypto';
import { createUser } from '../auth/service.ts';
import { widgetCss } from '../../widget/widget-css.ts';

describe('distribution hub page', () => {
  let t: TestApp;
  let admin: PageClient;
  let surveyId: string;
  let tp: Awaited<ReturnType<typeof journeyWithTouchpoint>>;

  before(async () => {
    t = await startTestApp();
    tp = await journeyWithTouchpoint(t);
    for (const role of ['viewer', 'unit_manager'] as const) {
      await createUser(t.db, t.orgId, { email: `${role}@example.com`, name: role, role, unitId: role === 'unit_manager' ? tp.unitId : null, password: 'correct horse battery' });
    }
    admin = pageClient(t, await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`));
    surveyId = (await t.api('/api/v1/surveys', { body: shortPulse(tp.touchpointId) })).body.id;
  });
  after(() => t.close());

  test('an admin sees the touchpoint link and the general link, with QR downloads, a poster and the way to sending', async () => {
    const res = await admin.get(`/app/setup/surveys/${surveyId}/share?lang=en`);
    assert.equal(res.status, 200, res.text.slice(0, 500));
    const link = `${t.url}/s/${surveyId}?tp=${tp.touchpointId}`;
    assert.ok(res.text.includes(`readonly value="${link.replace(/&/g, '&amp;')}"`), 'touchpoint link in a readonly field');
    assert.ok(res.text.includes(`readonly value="${t.url}/s/${surveyId}"`), 'general link');
    assert.ok(res.text.includes(`href="/app/setup/surveys/${surveyId}/share/qr.svg?tp=${tp.touchpointId}"`));
    assert.ok(res.text.includes(`href="/app/setup/surveys/${surveyId}/send"`), 'send to people');
    const svg = await fetch(`${t.url}/app/setup/surveys/${surveyId}/share/qr.svg?tp=${tp.touchpointId}`, { headers: { cookie: await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`) } });
    assert.equal(svg.status, 200);
    assert.match(svg.headers.get('content-type') ?? '', /image\/svg\+xml/);
    assert.match(await svg.text(), /<svg/);
    const png = await admin.get(`/app/setup/surveys/${surveyId}/share/qr.png`);
    assert.equal(png.status, 200);
    const poster = await admin.get(`/app/setup/surveys/${surveyId}/share/poster?tp=${tp.touchpointId}&lang=en`);
    assert.equal(poster.status, 200);
    assert.match(poster.text, /<svg/);
    assert.ok(poster.text.includes(link.replace(/&/g, '&amp;')), 'the poster prints the link too');
  });

  test('roles without collector management are refused; anonymous goes to sign in', async () => {
    for (const role of ['viewer', 'unit_manager']) {
      const client = pageClient(t, await sessionCookie(t, `${role}@example.com`));
      for (const path of ['/share', '/share/qr.svg', '/share/poster']) assert.equal((await client.get(`/app/setup/surveys/${surveyId}${path}`)).status, 403, `${role} ${path}`);
    }
    assert.equal((await pageClient(t, null).get(`/app/setup/surveys/${surveyId}/share`)).status, 303);
  });

  test('an unknown touchpoint is a 400 shown at its field; another organisation’s survey is not found', async () => {
    const res = await admin.get(`/app/setup/surveys/${surveyId}/share?tp=00000000-0000-4000-8000-000000000000&lang=en`);
    assert.equal(res.status, 400);
    assert.match(res.text, /id="tp-error">Choose one of the organisation’s touchpoints\./);
    assert.equal((await admin.get(`/app/setup/surveys/${surveyId}/share/qr.svg?tp=nope`)).status, 400);
    const other = await newOrg(t.db);
    const theirs = await t.api('/api/v1/surveys', { body: shortPulse(), key: other.apiKey });
    assert.equal(theirs.status, 201, JSON.stringify(theirs.body));
    assert.equal((await admin.get(`/app/setup/surveys/${theirs.body.id}/share`)).status, 404);
  });

  test('a widget is created through the form with an allowed origin and a trigger; bad input is a 400 at its field', async () => {
    const form = { widgetName: 'Shop widget', allowedOrigins: 'https://shop.example/', trigger: 'pageview', urlPattern: '/checkout/*', delaySeconds: '3', selector: '', frequencyDays: '14', lang: 'en' };
    const bad = await admin.post(`/app/setup/surveys/${surveyId}/share/widget`, { ...form, allowedOrigins: 'shop.example/path' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /id="allowedOrigins-error">[^<]*not a web origin/);
    assert.match(bad.text, />shop.example\/path<\/textarea>/, 'what was typed stays');
    const noSelector = await admin.post(`/app/setup/surveys/${surveyId}/share/widget`, { ...form, trigger: 'click' });
    assert.equal(noSelector.status, 400);
    assert.match(noSelector.text, /id="selector-error">Write a CSS selector\./);
    const badDelay = await admin.post(`/app/setup/surveys/${surveyId}/share/widget`, { ...form, delaySeconds: 'soon' });
    assert.equal(badDelay.status, 400);
    assert.match(badDelay.text, /id="delaySeconds-error"/);
    const res = await admin.post(`/app/setup/surveys/${surveyId}/share/widget`, form);
    assert.equal(res.status, 303, res.text.slice(0, 1500));
    const [row] = await t.db.query<{ id: string; public_key: string; allowed_origins: string[]; triggers: unknown; frequency_days: number }>(
      `select id, public_key, allowed_origins, triggers, frequency_days from collectors where org_id = $1 and survey_id = $2 and kind = 'widget'`, [t.orgId, surveyId]);
    assert.deepEqual([row.allowed_origins, row.triggers, row.frequency_days], [['https://shop.example'], [{ type: 'pageview', urlPattern: '/checkout/*', delaySeconds: 3 }], 14]);
    assert.equal(res.location, `/app/setup/surveys/${surveyId}/share?widget=created#widget-${row.id}`);
    const hub = await admin.get(`/app/setup/surveys/${surveyId}/share?widget=created&lang=en`);
    assert.match(hub.text, /The widget was created\./);
    assert.ok(hub.text.includes(`data-site-key=&quot;${row.public_key}&quot;`), 'the snippet carries the site key');
  });

  test('a kiosk is created with its idle reset; the hub shows its device link in each survey language', async () => {
    const bad = await admin.post(`/app/setup/surveys/${surveyId}/share/kiosk`, { kioskName: 'Front desk', resetSeconds: '1', lang: 'en' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /id="resetSeconds-error"/);
    assert.doesNotMatch(bad.text, /id="allowedOrigins-error"/, 'the widget form is not blamed');
    const res = await admin.post(`/app/setup/surveys/${surveyId}/share/kiosk`, { kioskName: 'Front desk', resetSeconds: '20', lang: 'en' });
    assert.equal(res.status, 303, res.text.slice(0, 1500));
    const [row] = await t.db.query<{ public_key: string; reset_seconds: number }>(
      `select public_key, reset_seconds from collectors where org_id = $1 and survey_id = $2 and kind = 'kiosk'`, [t.orgId, surveyId]);
    assert.equal(row.reset_seconds, 20);
    const hub = await admin.get(`/app/setup/surveys/${surveyId}/share?kiosk=created&lang=en`);
    assert.match(hub.text, /The kiosk was created\./);
    assert.ok(hub.text.includes(`value="${t.url}/k/${row.public_key}?lang=en"`), 'the device link in the survey’s default language, chosen by default');
    const device = await fetch(`${t.url}/k/${row.public_key}?lang=en`);
    assert.equal(device.status, 200);
  });

  test('a kiosk’s language and idle reset are edited with the API’s checks; its device link and page follow them', async () => {
    const created = await admin.post(`/app/setup/surveys/${surveyId}/share/kiosk`, { kioskName: 'Lobby', kioskLanguage: 'en', resetSeconds: '8', lang: 'en' });
    assert.equal(created.status, 303);
    const id = /#kiosk-([0-9a-f-]{36})$/.exec(created.location ?? '')![1];
    const stored = async () => (await t.db.query<{ name: string; language: string | null; reset_seconds: number; idle_seconds: number; public_key: string }>(
      `select name, language, reset_seconds, idle_seconds, public_key from collectors where org_id = $1 and id = $2`, [t.orgId, id]))[0];
    assert.deepEqual({ ...await stored(), public_key: undefined }, { name: 'Lobby', language: 'en', reset_seconds: 8, idle_seconds: 45, public_key: undefined });
    const path = `/app/setup/surveys/${surveyId}/share/kiosk/${id}`;
    const form = await admin.get(`${path}?lang=en`);
    assert.equal(form.status, 200);
    assert.match(form.text, /<select id="kioskLanguage" name="kioskLanguage"[^>]*><option value="en" selected>English<\/option><option value="fi">Suomi<\/option><\/select>/);
    assert.match(form.text, /<label for="idleSeconds">Start over after this many seconds without a touch, mid-survey<\/label>/);
    assert.match(form.text, /<input [^>]*id="idleSeconds"[^>]*value="45"|<input [^>]*value="45"[^>]*id="idleSeconds"/);
    const refusals: Array<[Record<string, string>, string, string]> = [
      [{ kioskLanguage: 'de' }, 'kioskLanguage', 'Choose one of the survey’s languages.'],
      // 2–300 s: the API's limits (collectorLimits).
      [{ resetSeconds: '1' }, 'resetSeconds', 'Enter a whole number from 2 to 300.'],
      [{ resetSeconds: '301' }, 'resetSeconds', 'Enter a whole number from 2 to 300.'],
      [{ idleSeconds: '14' }, 'idleSeconds', 'Enter a whole number from 15 to 600.'],
      [{ idleSeconds: '601' }, 'idleSeconds', 'Enter a whole number from 15 to 600.'],
      [{ kioskName: 'k'.repeat(201) }, 'kioskName', ''],
    ];
    for (const [change, field, message] of refusals) {
      const res = await admin.post(path, { kioskName: 'Lobby', kioskLanguage: 'fi', resetSeconds: '12', lang: 'en', ...change });
      assert.equal(res.status, 400, field);
      assert.match(res.text, new RegExp(`id="${field}-error">${message.replace(/[.*+?()]/g, '\\$&')}`), field);
    }
    assert.equal((await stored()).language, 'en', 'refused edits change nothing');
    const res = await admin.post(path, { kioskName: 'Lobby desk', kioskLanguage: 'fi', resetSeconds: '12', idleSeconds: '120', lang: 'en' });
    assert.equal(res.status, 303, res.text.slice(0, 1000));
    assert.equal(res.location, `/app/setup/surveys/${surveyId}/share?kiosk=saved#kiosk-${id}`);
    const row = await stored();
    assert.deepEqual([row.name, row.language, row.reset_seconds, row.idle_seconds], ['Lobby desk', 'fi', 12, 120]);
    const hub = await admin.get(`/app/setup/surveys/${surveyId}/share?kiosk=saved&lang=en`);
    assert.match(hub.text, /The kiosk’s settings were saved\./);
    assert.ok(hub.text.includes(`<label for="kiosk-${id}-link">Device link (Suomi)</label>`));
    assert.ok(hub.text.includes(`value="${t.url}/k/${row.public_key}?lang=fi"`));
    // The kiosk page without ?lang= starts in the kiosk's language, whatever the tablet's browser says; its data resets after 12 s.
    const page = await (await fetch(`${t.url}/k/${row.public_key}`, { headers: { 'accept-language': 'en' } })).text();
    assert.match(page, /<html lang="fi">/);
    assert.match(page, /"defaultLanguage":"fi","resetSeconds":12,"idleSeconds":120,/);
    // The API has the same checks and says the same link.
    const api = await t.api(`/api/v1/collectors/${id}`, { method: 'PATCH', body: { language: 'de' } });
    assert.equal(api.status, 400);
    assert.equal((await stored()).language, 'fi');
    for (const idleSeconds of [5, 601]) {
      const tooIdle = await t.api(`/api/v1/collectors/${id}`, { method: 'PATCH', body: { idleSeconds } });
      assert.deepEqual([tooIdle.status, tooIdle.body.field], [400, 'idleSeconds'], JSON.stringify(tooIdle.body));
      const created = await t.api('/api/v1/collectors', { body: { kind: 'kiosk', name: 'Too idle', surveyId, idleSeconds } });
      assert.deepEqual([created.status, created.body.field], [400, 'idleSeconds'], JSON.stringify(created.body));
    }
    assert.equal((await stored()).idle_seconds, 120);
    assert.equal((await t.api(`/api/v1/collectors/${id}`)).body.idleSeconds, 120);
    assert.equal((await t.api(`/api/v1/collectors/${id}`)).body.kioskUrl, `${t.url}/k/${row.public_key}?lang=fi`);
    const widget = await t.api('/api/v1/collectors', { body: { kind: 'widget', name: 'W', surveyId, allowedOrigins: ['https://w.example'], language: 'fi' } });
    assert.equal(widget.status, 400, 'a widget follows its page’s language');
  });

  test('a widget is edited through its own form with the creation checks; errors name the field and nothing stored changes', async () => {
    const created = await t.api('/api/v1/collectors', { body: { kind: 'widget', name: 'Edit me', surveyId, allowedOrigins: ['https://a.example'],
      triggers: [{ type: 'pageview', urlPattern: '/cart/*', delaySeconds: 2 }, { type: 'event', name: 'paid' }], frequencyDays: 30 } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id: string = created.body.id;
    const path = `/app/setup/surveys/${surveyId}/share/widget/${id}`;
    const form = await admin.get(`${path}?lang=en`);
    assert.equal(form.status, 200);
    assert.match(form.text, /<textarea id="allowedOrigins" name="allowedOrigins"[^>]*>https:\/\/a.example<\/textarea>/);
    assert.match(form.text, /id="urlPattern" name="urlPattern" type="text" value="\/cart\/\*"/);
    assert.match(form.text, /id="delaySeconds" name="delaySeconds" type="number" value="2"/);
    assert.match(form.text, /kept as they are:<\/p><ul><li>kaiku\(&#39;track&#39;, &#39;paid&#39;\)<\/li>/, 'the API-made event trigger is shown as kept');
    const good = { widgetName: 'Edited', allowedOrigins: 'https://b.example/\nhttps://c.example', trigger: 'click', urlPattern: '/cart/*', delaySeconds: '0', selector: '#buy', frequencyDays: '7', lang: 'en' };
    const stored = async () => (await t.db.query<{ name: string; allowed_origins: string[]; triggers: unknown; frequency_days: number }>(
      `select name, allowed_origins, triggers, frequency_days from collectors where org_id = $1 and id = $2`, [t.orgId, id]))[0];
    const before = await stored();
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ allowedOrigins: 'https://b.example/path' }, 'allowedOrigins', /not a web origin/],
      [{ allowedOrigins: '' }, 'allowedOrigins', /Fill in this field\./],
      [{ allowedOrigins: `https://${'x'.repeat(200)}.example` }, 'allowedOrigins', /at most 200 characters/],
      [{ selector: '' }, 'selector', /Write a CSS selector\./],
      [{ selector: 'x'.repeat(301) }, 'selector', /At most 300 characters\./],
      [{ trigger: 'pageview', urlPattern: '' }, 'urlPattern', /Write a page address pattern\./],
      // 600 s is the API's limit for a page view's delay (collectorLimits), the form's too.
      [{ trigger: 'pageview', delaySeconds: '601' }, 'delaySeconds', /0.*600/],
      [{ frequencyDays: '-1' }, 'frequencyDays', /0.*3650/],
      [{ trigger: 'hover' }, 'trigger', /Fill in this field\./],
      [{ widgetName: 'n'.repeat(201) }, 'widgetName', /200/],
    ];
    for (const [change, field, message] of cases) {
      const res = await admin.post(path, { ...good, ...change });
      assert.equal(res.status, 400, `${field}: ${JSON.stringify(change).slice(0, 80)}`);
      assert.match(res.text, new RegExp(`id="${field}-error">[^<]*${message.source}`), field);
      assert.match(res.text, new RegExp(`<a href="#${field}">`), `the summary links to ${field}`);
    }
    assert.deepEqual(await stored(), before, 'refused edits change nothing');
    const res = await admin.post(path, good);
    assert.equal(res.status, 303, res.text.slice(0, 1500));
    assert.equal(res.location, `/app/setup/surveys/${surveyId}/share?widget=saved#widget-${id}`);
    assert.deepEqual(await stored(), { name: 'Edited', allowed_origins: ['https://b.example', 'https://c.example'], frequency_days: 7,
      triggers: [{ type: 'click', selector: '#buy' }, { type: 'event', name: 'paid' }] });
    const hub = await admin.get(`/app/setup/surveys/${surveyId}/share?widget=saved&lang=en`);
    assert.match(hub.text, /The widget’s settings were saved\./);
    assert.ok(hub.text.includes(`href="${path}/test"`), 'the hub links to the test page');
    // Another survey's or another organisation's widget, and a kiosk, are not this form's.
    const kiosk = await t.api('/api/v1/collectors', { body: { kind: 'kiosk', name: 'K', surveyId } });
    assert.equal((await admin.get(`/app/setup/surveys/${surveyId}/share/widget/${kiosk.body.id}`)).status, 404);
    const other = await newOrg(t.db);
    const theirSurvey = await t.api('/api/v1/surveys', { body: shortPulse(), key: other.apiKey });
    const theirs = await t.api('/api/v1/collectors', { body: { kind: 'widget', name: 'T', surveyId: theirSurvey.body.id, allowedOrigins: ['https://t.example'] }, key: other.apiKey });
    assert.equal((await admin.post(`/app/setup/surveys/${surveyId}/share/widget/${theirs.body.id}`, good)).status, 404);
    const viewer = pageClient(t, await sessionCookie(t, 'viewer@example.com'));
    assert.equal((await viewer.get(`${path}/test`)).status, 403);
  });

  test('the test page embeds the real snippet under a policy that allows exactly it; Kaiku’s own origin is a test that stores nothing', async () => {
    const created = await t.api('/api/v1/collectors', { body: { kind: 'widget', name: 'Tested', surveyId, allowedOrigins: ['https://shop.example'],
      triggers: [{ type: 'pageview', urlPattern: '/checkout/*', delaySeconds: 1 }, { type: 'click', selector: 'button#buy.big' }, { type: 'exit_intent' }, { type: 'event', name: 'paid' }], frequencyDays: 30 } });
    const { id, publicKey } = created.body as { id: string; publicKey: string };
    const res = await fetch(`${t.url}/app/setup/surveys/${surveyId}/share/widget/${id}/test?lang=en`, { headers: { cookie: await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`) } });
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.ok(text.includes(`<script>window.kaiku=window.kaiku||function(){(kaiku.q=kaiku.q||[]).push(arguments)}</script>\n<script async src="${t.url}/widget.js" data-site-key="${publicKey}"></script>`), 'the snippet itself');
    assert.match(text, /<script src="\/assets\/share-hub.js" defer><\/script>/);
    assert.match(text, /value="\/checkout\/test"/, 'a page address the pattern matches, to simulate');
    assert.match(text, /Delay 1 s\./);
    assert.match(text, /<button type="button" id="buy" class="button secondary widget-test-target big">Test element<\/button>/, 'an element the click selector matches');
    assert.match(text, /move the mouse pointer out over the top/);
    assert.match(text, /data-track="paid"/);
    assert.match(text, /Answers given here are not stored/);
    const csp = res.headers.get('content-security-policy') ?? '';
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    assert.ok(csp.includes(`script-src 'self' ${new URL(t.url).origin} ${hash('window.kaiku=window.kaiku||function(){(kaiku.q=kaiku.q||[]).push(arguments)}')};`), csp);
    assert.ok(csp.includes(`style-src 'self' ${hash(widgetCss)};`), csp);
    assert.doesNotMatch(csp, /unsafe-inline/);
    const hub = await fetch(`${t.url}/app/setup/surveys/${surveyId}/share`, { headers: { cookie: await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`) } });
    assert.match(hub.headers.get('content-security-policy') ?? '', /script-src 'self';/);
    assert.match((await fetch(`${t.url}/assets/share-hub.js`)).headers.get('content-type') ?? '', /javascript/);

    // The public endpoints from Kaiku's own origin: real triggers, no limit, answers checked and not stored.
    const pub = (path: string, origin: string, body?: unknown) => fetch(`${t.url}/api/v1/public/collectors/${publicKey}${path}`, {
      method: body ? 'POST' : 'GET', headers: { origin, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const own = new URL(t.url).origin;
    const config = await (await pub('', own)).json();
    assert.equal(config.frequencyDays, 0);
    assert.equal(config.triggers.length, 4);
    for (let i = 0; i < 2; i++) assert.deepEqual(await (await pub('/show', own, { visitorId: 'v'.repeat(20) })).json(), { show: true });
    const count = async () => Number((await t.db.query<{ n: string }>(`select count(*) as n from responses where org_id = $1 and survey_id = $2`, [t.orgId, surveyId]))[0].n);
    const before = await count();
    const answer = await pub('/responses', own, { idempotencyKey: 'k'.repeat(20), answers: [{ question: 'nps', value: 9 }] });
    assert.equal(answer.status, 200);
    assert.deepEqual(await answer.json(), { test: true, stored: false });
    assert.equal((await pub('/responses', own, { idempotencyKey: 'k'.repeat(20), answers: [{ question: 'nope', value: 9 }] })).status, 400, 'still checked');
    assert.equal(await count(), before, 'nothing stored');
    // The real site still counts: the frequency limit and storing.
    assert.equal((await (await pub('', 'https://shop.example')).json()).frequencyDays, 30);
    assert.deepEqual(await (await pub('/show', 'https://shop.example', { visitorId: 'w'.repeat(20) })).json(), { show: true });
    assert.deepEqual(await (await pub('/show', 'https://shop.example', { visitorId: 'w'.repeat(20) })).json(), { show: false });
    assert.equal((await pub('/responses', 'https://shop.example', { idempotencyKey: 'r'.repeat(20), answers: [{ question: 'nps', value: 9 }] })).status, 201);
    assert.equal(await count(), before + 1);
  });

  test('two kiosks of one name are told apart on the hub, in its headings and link labels', async () => {
    for (const _ of [1, 2]) {
      const res = await admin.post(`/app/setup/surveys/${surveyId}/share/kiosk`, { kioskName: 'Till', resetSeconds: '20', lang: 'en' });
      assert.equal(res.status, 303);
    }
    const hub = await admin.get(`/app/setup/surveys/${surveyId}/share?lang=en`);
    const headings = [...hub.text.matchAll(/<h3 id="kiosk-[^"]+-heading">([^<]*)<\/h3>/g)].map((m) => m[1]).filter((h) => h.startsWith('Till'));
    assert.deepEqual(headings, ['Till (1)', 'Till (2)']);
    assert.ok(!hub.text.includes('>Till</h3>'));
  });
});
