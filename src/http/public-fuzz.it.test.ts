/**
 * Property-based fuzzing (fast-check) of every public endpoint: random and near-valid
 * requests never get a 5xx, and an invalid request stores nothing (row counts and password
 * hashes are compared before and after each endpoint's run). The figures go to docs/security.md.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { issueFormToken } from './bot-guard.ts';

const RUNS = Number(process.env.KAIKU_FUZZ_RUNS ?? 50);

/** What an invalid request must not change. */
const STORED = `select
  (select count(*) from responses)::int as responses, (select count(*) from answers)::int as answers,
  (select count(*) from touchpoint_events)::int as events, (select count(*) from sessions)::int as sessions,
  (select count(*) from password_resets)::int as resets, (select count(*) from invitations where answered_at is not null)::int as answered,
  (select md5(coalesce(string_agg(password_hash, ',' order by id), '')) from users) as passwords`;

/** Strings a fuzzer likes: empty, huge, unicode, control characters, HTML, SQL, JSON-ish. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '<script>alert(1)</script>', "' or 1=1 --", '../../etc/passwd', '%00', '{"a":', 'null', '-1', '1e309', 'NaN',
    'x'.repeat(5000), '00000000-0000-0000-0000-000000000000', '\uFFFF\uD800'),
);
/** Path segments: encodeURIComponent refuses lone surrogates (which a URL cannot carry anyway); pairs are replaced too, it does not matter here. */
const enc = (text: string) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
const json = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(nasty, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }));
/** Any score the NPS question does not accept (required, 0–10 whole numbers). */
const badScore = fc.oneof(fc.constant(undefined), nasty, fc.integer({ min: 11 }).map(String), fc.integer({ max: -1 }).map(String), fc.double().map(String))
  .filter((v) => v === undefined || !(v.trim() !== '' && /^\d+$/.test(v.trim()) && Number(v) <= 10));

describe('fuzzing the public endpoints', () => {
  let t: TestApp;
  let surveyId: string;
  let token: string;
  const figures: Array<{ endpoint: string; cases: number; status5xx: number }> = [];

  before(async () => {
    t = await startTestApp();
    const ids = await journeyWithTouchpoint(t);
    surveyId = (await t.api('/api/v1/surveys', { body: { ...pulseSurvey(ids.touchpointId), status: 'active' } })).body.id;
    token = (await t.api(`/api/v1/surveys/${surveyId}/invitations`, { body: {} })).body.token;
  });
  after(async () => {
    await t.close();
    const total = figures.reduce((s, f) => s + f.cases, 0);
    console.log(`fuzz figures (${process.env.KAIKU_TEST_DB ?? 'pglite'}): ${JSON.stringify(figures)} total ${total}`);
  });

  type Request = { method: string; path: string; headers?: Record<string, string>; body?: string };
  const form = (fields: Array<[string, string]>) => new URLSearchParams(fields).toString();

  /** Runs `RUNS` generated requests at one endpoint and checks the two properties. */
  async function fuzz(endpoint: string, requests: fc.Arbitrary<Request>, runs = RUNS) {
    const [before] = await t.db.query(STORED);
    let cases = 0;
    let status5xx = 0;
    await fc.assert(fc.asyncProperty(requests, async (request) => {
      cases++;
      const res = await fetch(t.url + request.path, { method: request.method, headers: request.headers, body: request.body, redirect: 'manual' });
      await res.arrayBuffer();
      if (res.status >= 500) status5xx++;
      assert.ok(res.status < 500, `${request.method} ${request.path} → ${res.status}`);
    }), { numRuns: runs });
    const [afterwards] = await t.db.query(STORED);
    assert.deepEqual(afterwards, before, `${endpoint} stored something`);
    figures.push({ endpoint, cases, status5xx });
  }

  const jsonPost = (path: string, body: fc.Arbitrary<unknown>, headers: Record<string, string> = {}) =>
    body.map((b): Request => ({ method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(b) }));
  const rawPost = (path: string, contentType: string) =>
    fc.tuple(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(contentType, 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'))
      .map(([body, type]): Request => ({ method: 'POST', path, headers: { 'content-type': type }, body }));

  test('survey page GET (/s/:surveyId, /r/:token, /s/:surveyId/thanks) with random ids and query strings', async () => {
    await fuzz('GET survey pages', fc.tuple(fc.constantFrom('/s/', '/r/', '/s/thanks/'), fc.oneof(fc.constant(surveyId), fc.constant(token), fc.uuid(), nasty), fc.dictionary(nasty, nasty, { maxKeys: 4 }))
      .map(([prefix, id, query]) => ({
        method: 'GET',
        path: `${prefix === '/s/thanks/' ? `/s/${enc(id)}/thanks` : prefix + enc(id)}?${new URLSearchParams(query).toString()}`,
      })));
  });

  test('survey form POST (/s/:surveyId): random fields, forged, missing or valid form tokens, never a valid answer', async () => {
    const nonce = fc.oneof(fc.constant(undefined), nasty, fc.constant('valid'));
    const fields = fc.array(fc.tuple(fc.constantFrom('csat', 'ease', 'topic', 'staff_kind', '_lang', '_website', 'other'), nasty), { maxLength: 8 });
    await fuzz('POST /s/:surveyId', fc.oneof(
      fc.tuple(nonce, badScore, fields).map(([n, nps, rest]): Request => {
        const pairs: Array<[string, string]> = [...rest];
        if (n !== undefined) pairs.push(['_nonce', n === 'valid' ? issueFormToken(t.app.deps.config.secret, surveyId) : n]);
        if (nps !== undefined) pairs.push(['nps', nps]);
        return { method: 'POST', path: `/s/${surveyId}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form(pairs) };
      }),
      rawPost(`/s/${surveyId}`, 'application/x-www-form-urlencoded'),
    ));
  });

  test('invitation form POST (/r/:token): unknown tokens, and the real token with invalid answers', async () => {
    await fuzz('POST /r/:token', fc.tuple(fc.oneof(fc.constant(token), nasty), badScore, fc.boolean()).map(([tok, nps, withNonce]): Request => {
      const pairs: Array<[string, string]> = [];
      if (withNonce) pairs.push(['_nonce', issueFormToken(t.app.deps.config.secret, surveyId)]);
      if (nps !== undefined) pairs.push(['nps', nps]);
      return { method: 'POST', path: `/r/${enc(tok || 'x')}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form(pairs) };
    }));
  });

  test('response ingestion (POST /api/v1/responses and /batch): random JSON and near-valid responses with bad values', async () => {
    const auth = () => ({ authorization: `Bearer ${t.apiKey}` });
    const nearValid = fc.record({
      surveyId: fc.oneof(fc.constant(surveyId), fc.uuid(), nasty),
      answers: fc.array(fc.record({ question: fc.oneof(fc.constant('nps'), nasty), value: fc.oneof(fc.integer({ min: 11 }), fc.integer({ max: -1 }), nasty, fc.constant(null)) }), { maxLength: 3 }),
      language: fc.oneof(fc.constant(undefined), nasty),
    }, { requiredKeys: ['surveyId', 'answers'] });
    await fuzz('POST /api/v1/responses', fc.oneof(jsonPost('/api/v1/responses', json, auth()), jsonPost('/api/v1/responses', nearValid, auth()), rawPost('/api/v1/responses', 'application/json')));
    await fuzz('POST /api/v1/responses/batch', fc.oneof(
      jsonPost('/api/v1/responses/batch', json, auth()),
      jsonPost('/api/v1/responses/batch', fc.array(nearValid, { minLength: 1, maxLength: 3 }).map((responses) => ({ responses })), auth()),
    ));
  });

  test('event ingestion (POST /api/v1/events and /batch): random JSON and events naming unknown things', async () => {
    const auth = { authorization: `Bearer ${t.apiKey}` };
    const event = fc.record({
      touchpointId: fc.oneof(fc.uuid(), nasty), contactExternalId: fc.oneof(fc.constant(undefined), nasty),
      occurredAt: fc.oneof(fc.constant(undefined), nasty), attributes: fc.oneof(fc.constant(undefined), json),
    }, { requiredKeys: ['touchpointId'] });
    await fuzz('POST /api/v1/events', fc.oneof(jsonPost('/api/v1/events', json, auth), jsonPost('/api/v1/events', event, auth), rawPost('/api/v1/events', 'application/json')));
    await fuzz('POST /api/v1/events/batch', jsonPost('/api/v1/events/batch', fc.array(event, { maxLength: 3 }).map((events) => ({ events })), auth));
  });

  test('sign-in (POST /api/v1/auth/login and the /login form)', async () => {
    const credentials = fc.record({ email: nasty, password: nasty, totpCode: fc.oneof(fc.constant(undefined), nasty) }, { requiredKeys: ['email', 'password'] });
    // Each well-formed attempt costs an argon2 verification: fewer runs.
    await fuzz('POST /api/v1/auth/login', fc.oneof(jsonPost('/api/v1/auth/login', json), jsonPost('/api/v1/auth/login', credentials)), Math.ceil(RUNS / 2));
    await fuzz('POST /login', fc.tuple(nasty, nasty, nasty).map(([email, password, next]): Request => ({
      method: 'POST', path: '/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form([['email', email], ['password', password], ['next', next]]),
    })), Math.ceil(RUNS / 2));
  });

  test('password reset (API and pages): unknown addresses and forged tokens', async () => {
    await fuzz('POST /api/v1/auth/password-reset', fc.oneof(jsonPost('/api/v1/auth/password-reset', json), jsonPost('/api/v1/auth/password-reset', fc.record({ email: nasty }))));
    const forgedToken = fc.oneof(nasty, fc.uuid().map((org) => `${org}.${'A'.repeat(43)}`), fc.constant(`${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}.x`));
    await fuzz('POST /api/v1/auth/password-reset/confirm', fc.oneof(
      jsonPost('/api/v1/auth/password-reset/confirm', json),
      jsonPost('/api/v1/auth/password-reset/confirm', fc.record({ token: forgedToken, password: fc.string({ minLength: 10, maxLength: 30 }) })),
    ));
    await fuzz('POST /forgot-password', fc.tuple(nasty).map(([email]): Request => ({
      method: 'POST', path: '/forgot-password', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form([['email', email]]),
    })));
    await fuzz('POST /reset-password', fc.tuple(forgedToken, nasty).map(([tok, password]): Request => ({
      method: 'POST', path: '/reset-password', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form([['token', tok], ['password', password]]),
    })));
    await fuzz('GET /reset-password', forgedToken.map((tok) => ({ method: 'GET', path: `/reset-password?token=${enc(tok)}` })));
  });

  test('widget and kiosk public API (/api/v1/public/collectors/:key…) with unknown keys and random bodies', async () => {
    const key = fc.oneof(nasty.filter((k) => k.length > 0), fc.uuid());
    await fuzz('GET /api/v1/public/collectors/:key', fc.tuple(key, fc.dictionary(nasty, nasty, { maxKeys: 3 }))
      .map(([k, q]) => ({ method: 'GET', path: `/api/v1/public/collectors/${enc(k)}?${new URLSearchParams(q).toString()}` })));
    for (const action of ['show', 'responses']) {
      await fuzz(`POST /api/v1/public/collectors/:key/${action}`, fc.tuple(key, json).map(([k, body]): Request => ({
        method: 'POST', path: `/api/v1/public/collectors/${enc(k)}/${action}`, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
      })));
    }
  });

  test('no endpoint answered 5xx', () => {
    assert.ok(figures.length >= 15);
    assert.equal(figures.reduce((s, f) => s + f.status5xx, 0), 0);
  });
});
