import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { concrete, listRoutes } from '../../test/helpers/routes.ts';
import Fastify from 'fastify';
import { securityHeadersPlugin } from './security-headers.ts';

/**
 * Anonymous public writes: they act for nobody's session (a respondent, a widget visitor, an
 * unsubscribe link), so a cross-site request cannot borrow anyone's rights through them.
 * They are protected by tokens (signed form tokens, invitation/site keys), not by origin.
 */
const anonymousWrites = new Set([
  'POST /s/:surveyId', 'POST /r/:token', 'POST /u/:token',
  'POST /api/v1/public/collectors/:key/show', 'POST /api/v1/public/collectors/:key/responses',
  // A signed-in visitor's web invitation: the site's HMAC signature of the external id is the credential.
  'POST /api/v1/public/collectors/:key/invitation', 'POST /api/v1/public/collectors/:key/invitation/responses',
]);

describe('security headers and CSRF on every route', () => {
  let t: TestApp;
  let cookie: string;
  let surveyId: string;

  before(async () => {
    t = await startTestApp({ config: { hstsMaxAge: 31_536_000 } });
    const ids = await journeyWithTouchpoint(t);
    surveyId = (await t.api('/api/v1/surveys', { body: { ...pulseSurvey(ids.touchpointId), status: 'active' } })).body.id;
    const login = await fetch(`${t.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `admin-${t.orgId.slice(0, 8)}@example.com`, password: 'correct horse battery' }),
    });
    assert.equal(login.status, 200);
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  });
  after(() => t.close());

  function assertHeaders(what: string, headers: Headers) {
    assert.equal(headers.get('x-content-type-options'), 'nosniff', what);
    assert.equal(headers.get('x-frame-options'), 'DENY', what);
    assert.ok(headers.get('referrer-policy'), `${what}: Referrer-Policy`);
    // Documents say who may frame them; scripts and workers carry their own policy (frame-ancestors does not apply to them).
    const csp = headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'|default-src 'self'/, `${what}: CSP`);
    if (/html|json/.test(headers.get('content-type') ?? '')) assert.match(csp, /frame-ancestors/, `${what}: frame-ancestors`);
    assert.equal(headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains', what);
  }

  test('every GET route, whatever it answers (page, JSON, problem, file, script, redirect), has the headers', async () => {
    const gets = listRoutes(t.app).filter((r) => r.method === 'GET');
    assert.ok(gets.length > 80, `only ${gets.length} GET routes found`);
    for (const route of gets) {
      const url = concrete(route.path.replace(':surveyId', surveyId));
      const callers: Array<Record<string, string>> = [{ authorization: `Bearer ${t.apiKey}` }, {}];
      for (const headers of callers) {
        const res = await fetch(t.url + url, { headers, redirect: 'manual' });
        await res.arrayBuffer();
        assert.ok(res.status < 500, `${route.path}: ${res.status}`);
        assertHeaders(`GET ${url} (${res.status})`, res.headers);
      }
    }
  });

  test('pages keep their own stricter CSP; JSON gets one that loads nothing', async () => {
    const page = await fetch(`${t.url}/s/${surveyId}`);
    // Styles: Kaiku's own stylesheets (the organisation's theme) and the one hashed inline style, never 'unsafe-inline'.
    assert.match(page.headers.get('content-security-policy') ?? '', /^default-src 'none'; style-src 'self' 'sha256-[^' ]+'; script-src 'sha256-/);
    const login = await fetch(`${t.url}/login`);
    assert.match(login.headers.get('content-security-policy') ?? '', /style-src 'self'/);
    const json = await t.api('/api/v1/org');
    assert.equal(json.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    const notFound = await fetch(`${t.url}/no/such/thing`);
    assertHeaders('404', notFound.headers);
  });

  test('HSTS only when configured', async () => {
    const plain = Fastify();
    await plain.register(securityHeadersPlugin, { hstsMaxAge: 0 });
    plain.get('/', async () => ({ ok: true }));
    const res = await plain.inject({ url: '/' });
    assert.equal(res.headers['strict-transport-security'], undefined);
    assert.equal(res.headers['x-frame-options'], 'DENY');
    await plain.close();
  });

  test('every write route refuses a cross-site request carrying the session cookie (403), except anonymous public forms', async () => {
    const writes = listRoutes(t.app).filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));
    const unprotected: string[] = [];
    for (const route of writes) {
      const name = `${route.method} ${route.path}`;
      if (anonymousWrites.has(name)) continue;
      const url = concrete(route.path);
      const isPage = !route.path.startsWith('/api/');
      const res = await fetch(t.url + url, {
        method: route.method, redirect: 'manual',
        headers: {
          cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site',
          ...(route.method === 'DELETE' ? {} : { 'content-type': isPage ? 'application/x-www-form-urlencoded' : 'application/json' }),
        },
        body: route.method === 'DELETE' ? undefined : isPage ? 'email=a%40b.c&password=xxxxxxxxxxxx&token=x' : JSON.stringify(sampleBody(route.path)),
      });
      await res.arrayBuffer();
      if (res.status !== 403) unprotected.push(`${name} → ${res.status}`);
    }
    assert.deepEqual(unprotected, [], 'write routes that a cross-site page could call with the session');
  });

  test('a cookie-session write must be JSON even from our own origin; a same-origin JSON write works', async () => {
    const form = await fetch(`${t.url}/api/v1/units`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=Evil' });
    assert.equal(form.status, 403);
    const json = await fetch(`${t.url}/api/v1/units`, {
      method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: t.url, 'sec-fetch-site': 'same-origin' }, body: JSON.stringify({ name: 'Good' }),
    });
    assert.equal(json.status, 201);
    // An API key is not ambient authority: no origin check applies to it.
    const keyed = await t.api('/api/v1/units', { body: { name: 'Scripted' }, headers: { origin: 'https://integration.example' } });
    assert.equal(keyed.status, 201);
  });
});

/** Bodies that pass validation for the public routes that check the origin in their handler. */
function sampleBody(path: string): unknown {
  if (path === '/api/v1/auth/login') return { email: 'someone@example.com', password: 'whatever' };
  if (path === '/api/v1/auth/password-reset') return { email: 'someone@example.com' };
  if (path === '/api/v1/auth/password-reset/confirm') return { token: 'x', password: 'long enough password' };
  return {};
}
