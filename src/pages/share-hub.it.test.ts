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
import { createUser } from '../auth/service.ts';

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
    assert.ok(hub.text.includes(`value="${t.url}/k/${row.public_key}?lang=fi"`));
    const device = await fetch(`${t.url}/k/${row.public_key}?lang=en`);
    assert.equal(device.status, 200);
  });
});
