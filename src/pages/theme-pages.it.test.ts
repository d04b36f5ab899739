/**
 * The organisation's theme over HTTP with real multipart posts, as the browser sends the form:
 * a colour and a logo are stored and the survey page, the kiosk and the widget use them; a
 * colour under 4.5:1 (ratios worked out by hand below), a logo over 200 kB or of another type
 * is refused naming the field, and the stored theme stays as it was.
 *
 * By hand (WCAG 2.x): white L = 1; page background #eef0f3 L = 0.2126·0.85499 + 0.7152·0.87136
 * + 0.0722·0.89628 = 0.86968. #ffd400: L = 0.2126 + 0.7152·0.65837 = 0.68347, so with white
 * 1.05 / 0.73347 = 1.43 → "1.4:1". #767676: L = 0.18116, with white 4.54 (passes), on the page
 * 0.91968 / 0.23116 = 3.98 → "3.9:1" (fails). #b30000: L = 0.2126·0.45079 = 0.09584, with
 * white 7.20, on the page 6.31 (passes).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, shortPulse } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { createUser } from '../auth/service.ts';
import { systemDatabase } from '../db/connection.ts';

const unescape = (text: string) => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** A 1 × 1 PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#b30000"/></svg>');

describe('organisation theme', () => {
  let t: TestApp;
  let admin: PageClient;
  let cookie: string;
  let surveyId: string;
  let kioskKey: string;
  let widgetKey: string;
  const sys = () => systemDatabase(t.db, 'test reads every organisation');
  const stored = async () => (await sys().query<{ brand_color: string | null; logo_type: string | null; logo: Buffer | null }>(
    `select brand_color, logo_type, logo from org_themes where org_id = $1`, [t.orgId]))[0];

  /** The theme form posted as a browser does: the colour field first, then the file (empty with filename="" when none is chosen). */
  const saveForm = async (color: string, file?: { name: string; content: Buffer; type?: string }) => {
    const boundary = '----kaikuThemeBoundary91c2';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="brandColor"\r\n\r\n${color}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="logo"; filename="${file?.name ?? ''}"\r\nContent-Type: ${file?.type ?? 'application/octet-stream'}\r\n\r\n`),
      file?.content ?? Buffer.alloc(0), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const res = await fetch(`${t.url}/app/setup/organisation/theme?lang=en`, {
      method: 'POST', body, redirect: 'manual', headers: { cookie, origin: t.url, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    return { status: res.status, text: unescape(await res.text()), location: res.headers.get('location') };
  };
  const surveyPage = async () => unescape(await (await fetch(`${t.url}/s/${surveyId}?lang=en`)).text());

  before(async () => {
    t = await startTestApp();
    const { touchpointId } = await journeyWithTouchpoint(t);
    surveyId = (await t.api('/api/v1/surveys', { body: shortPulse(touchpointId) })).body.id;
    kioskKey = (await t.api('/api/v1/collectors', { body: { kind: 'kiosk', name: 'Lobby', surveyId } })).body.publicKey;
    widgetKey = (await t.api('/api/v1/collectors', { body: { kind: 'widget', name: 'Shop', surveyId, allowedOrigins: ['https://shop.example'], triggers: [] } })).body.publicKey;
    await sys().query(`update organizations set name = 'Lumo Energia' where id = $1`, [t.orgId]);
    await createUser(t.db, t.orgId, { email: `viewer-theme-${t.orgId.slice(0, 8)}@example.com`, name: 'Viewer', role: 'viewer', unitId: null, password: 'correct horse battery' });
    cookie = await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`);
    admin = pageClient(t, cookie);
  });
  after(() => t.close());

  test('without a theme the pages look as before: no theme stylesheet, no logo, Kaiku blue in the form', async () => {
    const page = await surveyPage();
    assert.doesNotMatch(page, /<link rel="stylesheet"/);
    assert.doesNotMatch(page, /class="logo"/);
    assert.equal((await fetch(`${t.url}/s/${surveyId}/theme.css`)).status, 404);
    assert.equal((await fetch(`${t.url}/s/${surveyId}/logo`)).status, 404);
    const form = unescape((await admin.get('/app/setup/organisation/theme?lang=en')).text);
    assert.match(form, /<input id="brandColor" name="brandColor" type="color" value="#0b4f9c"/);
    assert.match(form, /No logo: the pages show the survey title only\./);
    // Reachable from the set-up index.
    assert.match((await admin.get('/app/setup?lang=en')).text, /href="\/app\/setup\/organisation\/theme"/);
    const viewer = pageClient(t, await sessionCookie(t, `viewer-theme-${t.orgId.slice(0, 8)}@example.com`));
    assert.equal((await viewer.get('/app/setup/organisation/theme')).status, 403);
  });

  test('a colour and a PNG logo from the form: the survey page links the logo and uses the colour', async () => {
    const res = await saveForm('#B30000', { name: 'logo.png', content: png, type: 'image/png' });
    assert.equal(res.status, 303, res.text);
    assert.equal(res.location, '/app/setup/organisation/theme?saved=theme');
    const row = await stored();
    assert.equal(row.brand_color, '#b30000');
    assert.equal(row.logo_type, 'image/png');
    assert.deepEqual(Buffer.from(row.logo as Buffer), png);

    const page = await surveyPage();
    const css = /<link rel="stylesheet" href="(\/s\/[^"]+\/theme\.css\?v=\d+)">/.exec(page)?.[1];
    const logo = /<img class="logo" src="(\/s\/[^"]+\/logo\?v=\d+)" alt="Lumo Energia">/.exec(page)?.[1];
    assert.ok(css?.startsWith(`/s/${surveyId}/`), page);
    assert.ok(logo?.startsWith(`/s/${surveyId}/`), page);
    const sheet = await fetch(t.url + css);
    assert.equal(sheet.headers.get('content-type'), 'text/css; charset=utf-8');
    const text = await sheet.text();
    assert.match(text, /^button\{background:#b30000;border-color:#b30000\}$/m);
    assert.match(text, /^\.tile input:checked\+span\{background:#b30000;border-color:#b30000\}$/m);
    // Hover: each channel × 0.75, rounded down: 179 → 134 = 0x86.
    assert.match(text, /^button:hover\{background:#860000\}$/m);
    const image = await fetch(t.url + logo);
    assert.equal(image.headers.get('content-type'), 'image/png');
    assert.equal(image.headers.get('content-security-policy'), "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    assert.deepEqual(Buffer.from(await image.arrayBuffer()), png);
    // The page's policy stays strict: styles from Kaiku itself or the one hashed inline style, nothing else inline.
    const csp = (await fetch(`${t.url}/s/${surveyId}`)).headers.get('content-security-policy') ?? '';
    assert.match(csp, /^default-src 'none'; style-src 'self' 'sha256-[^']+'; script-src 'sha256-/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    // The thank-you page too.
    assert.match(unescape(await (await fetch(`${t.url}/s/${surveyId}/thanks?lang=en`)).text()), /<img class="logo" src="\/s\/[^"]+\/logo\?v=\d+" alt="Lumo Energia">/);

    const audit = await sys().query<{ details: unknown }>(`select details from audit_log where org_id = $1 and action = 'org.settings_change' order by at desc limit 1`, [t.orgId]);
    assert.deepEqual(audit[0].details, { changes: { brandColor: { from: null, to: '#b30000' }, logo: { from: null, to: 'image/png' } } });
  });

  test('the kiosk and the widget use the same theme', async () => {
    const kiosk = unescape(await (await fetch(`${t.url}/k/${kioskKey}`)).text());
    const css = /<link rel="stylesheet" href="(\/k\/[^"]+\/theme\.css\?v=\d+)">/.exec(kiosk)?.[1];
    assert.ok(css?.startsWith(`/k/${kioskKey}/`), kiosk);
    assert.match(kiosk, new RegExp(`<img class="logo" src="/k/${kioskKey}/logo\\?v=\\d+" alt="Lumo Energia">`));
    assert.match(await (await fetch(t.url + css)).text(), /^button\{border-color:#b30000;background:#b30000\}$/m);
    assert.equal((await fetch(`${t.url}/k/${kioskKey}/logo`)).headers.get('content-type'), 'image/png');
    const config = await t.api(`/api/v1/public/collectors/${widgetKey}?lang=en`, { key: null, headers: { origin: 'https://shop.example' } });
    assert.equal(config.status, 200, JSON.stringify(config.body));
    assert.equal(config.body.theme.brandColor, '#b30000');
    assert.equal(config.body.theme.organization, 'Lumo Energia');
    assert.match(config.body.theme.logo, new RegExp(`^${t.url}/s/${surveyId}/logo\\?v=\\d+$`));
    // The widget shows it on the customer's site: the logo may be loaded cross-origin.
    assert.equal((await fetch(config.body.theme.logo)).headers.get('cross-origin-resource-policy'), 'cross-origin');
  });

  test('a colour under 4.5:1 is refused with its ratio, naming the field, and nothing is stored', async () => {
    const yellow = await saveForm('#ffd400', { name: 'logo.svg', content: svg, type: 'image/svg+xml' });
    assert.equal(yellow.status, 400);
    assert.match(yellow.text, /<a href="#brandColor">The colour #ffd400 with white text has contrast 1\.4:1; at least 4\.5:1 is needed\. The nearest darker shade that meets it is #[0-9a-f]{6}\.<\/a>/);
    assert.match(yellow.text, /aria-invalid="true"/);
    const grey = await saveForm('#767676');
    assert.equal(grey.status, 400);
    assert.match(grey.text, /The colour #767676 on the page background has contrast 3\.9:1; at least 4\.5:1 is needed\./);
    const bad = await saveForm('red');
    assert.match(bad.text, /Give the colour as #rrggbb/);
    const row = await stored();
    assert.deepEqual([row.brand_color, row.logo_type], ['#b30000', 'image/png']);
  });

  test('a logo over 200 kB or not PNG, JPEG or SVG is refused naming the logo field; the stored theme stays', async () => {
    const large = await saveForm('#004d40', { name: 'big.png', content: Buffer.concat([png, Buffer.alloc(200 * 1024)]), type: 'image/png' });
    assert.equal(large.status, 413);
    assert.match(large.text, /<a href="#logo">The logo is too large: at most 200 kB\.<\/a>/);
    const gif = await saveForm('#004d40', { name: 'logo.png', content: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;'), type: 'image/png' });
    assert.equal(gif.status, 400);
    assert.match(gif.text, /<a href="#logo">The logo must be a PNG, JPEG or SVG image\.<\/a>/);
    const html = await saveForm('#004d40', { name: 'logo.svg', content: Buffer.from('<html><script>alert(1)</script></html>'), type: 'image/svg+xml' });
    assert.equal(html.status, 400);
    const row = await stored();
    assert.deepEqual([row.brand_color, row.logo_type], ['#b30000', 'image/png']);
    assert.deepEqual(Buffer.from(row.logo as Buffer), png);
  });

  test('an SVG logo is kept and served as an image under which no script runs; no file keeps the logo', async () => {
    assert.equal((await saveForm('#004d40', { name: 'logo.svg', content: svg, type: 'image/svg+xml' })).status, 303);
    const image = await fetch(`${t.url}/s/${surveyId}/logo`);
    assert.equal(image.headers.get('content-type'), 'image/svg+xml');
    assert.equal(image.headers.get('content-security-policy'), "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    assert.equal(image.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await image.text(), svg.toString());
    // A colour change alone leaves the logo as it is.
    assert.equal((await saveForm('#1b5e20')).status, 303);
    assert.deepEqual([(await stored()).brand_color, (await stored()).logo_type], ['#1b5e20', 'image/svg+xml']);
  });

  test('remove logo and Kaiku’s own colour bring the pages back to how they were', async () => {
    const removed = await admin.post('/app/setup/organisation/theme/remove-logo', {});
    assert.equal(removed.location, '/app/setup/organisation/theme?saved=logo');
    let page = await surveyPage();
    assert.doesNotMatch(page, /class="logo"/);
    assert.match(page, /<link rel="stylesheet" href="\/s\/[^"]+\/theme\.css/);
    assert.equal((await admin.post('/app/setup/organisation/theme/reset-colour', {})).location, '/app/setup/organisation/theme?saved=colour');
    page = await surveyPage();
    assert.doesNotMatch(page, /<link rel="stylesheet"/);
    assert.deepEqual([(await stored()).brand_color, (await stored()).logo_type], [null, null]);
    // Choosing Kaiku's blue in the form is the same as no colour of one's own.
    assert.equal((await saveForm('#0b4f9c')).status, 303);
    assert.equal((await stored()).brand_color, null);
  });
});
