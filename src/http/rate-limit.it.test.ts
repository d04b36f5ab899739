import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { RateLimiter } from './rate-limit.ts';

describe('rate limits', () => {
  let t: TestApp;
  let surveyId: string;

  before(async () => {
    t = await startTestApp({ config: { rateLimitPublic: 3, rateLimitToken: 2, rateLimitLogin: 2, rateLimitIngestIp: 4, rateLimitApiKey: 1000 } });
    const ids = await journeyWithTouchpoint(t);
    const survey = await t.api('/api/v1/surveys', { body: { ...pulseSurvey(ids.touchpointId), status: 'active' } });
    assert.equal(survey.status, 201, JSON.stringify(survey.body));
    surveyId = survey.body.id;
  });
  after(() => t.close());

  /** Limits count in fixed minute windows: a sequence that crossed a minute's end would start again at zero. */
  async function sameWindow() {
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 10_000) await new Promise((r) => setTimeout(r, left + 100));
  }

  /** From a given client address: the test app trusts X-Forwarded-For from loopback (KAIKU_TRUST_PROXY default). */
  const from = (ip: string, path: string, init: RequestInit = {}) =>
    fetch(t.url + path, { ...init, redirect: 'manual', headers: { 'x-forwarded-for': ip, ...(init.headers as Record<string, string> ?? {}) } });

  test('a public survey page allows the limit per IP per minute, then 429 with Retry-After and RateLimit headers; other IPs are not affected', async () => {
    await sameWindow();
    const statuses = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await from('198.51.100.1', `/s/${surveyId}`);
      statuses.push(last.status);
      if (i === 0) {
        assert.equal(last.headers.get('ratelimit-limit'), '3');
        assert.equal(last.headers.get('ratelimit-remaining'), '2');
        assert.equal(last.headers.get('ratelimit-policy'), '3;w=60');
      }
    }
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const retryAfter = Number(last!.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal(last!.headers.get('ratelimit-remaining'), '0');
    assert.equal(last!.headers.get('ratelimit-reset'), String(retryAfter));
    assert.match(last!.headers.get('content-type') ?? '', /text\/html/); // a respondent still gets a page
    assert.equal((await from('198.51.100.2', `/s/${surveyId}`)).status, 200);
  });

  test('an invitation token is limited on its own, whichever IPs use it', async () => {
    await sameWindow();
    const invitation = await t.api(`/api/v1/surveys/${surveyId}/invitations`, { body: {} });
    assert.equal(invitation.status, 201);
    const path = `/r/${invitation.body.token}`;
    const statuses = [];
    for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) statuses.push((await from(ip, path)).status);
    assert.deepEqual(statuses, [200, 200, 429]);
  });

  test('sign-in is limited per IP before any password is checked', async () => {
    await sameWindow();
    const login = (ip: string) => from(ip, '/api/v1/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.com', password: 'x' }),
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await login('192.0.2.10')).status);
    assert.deepEqual(statuses, [401, 401, 429]);
    const refused = await login('192.0.2.10');
    assert.equal(refused.status, 429);
    assert.equal((await refused.json()).code, 'rate_limited');
  });

  test('response ingestion is limited per IP', async () => {
    await sameWindow();
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const res = await from('192.0.2.20', '/api/v1/responses', {
        method: 'POST', headers: { authorization: `Bearer ${t.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ surveyId, answers: [{ question: 'nps', value: 9 }] }),
      });
      statuses.push(res.status);
    }
    assert.deepEqual(statuses, [201, 201, 201, 201, 429]);
  });

  test('an API key has its own limit, set at creation and changed later; other keys are not affected', async () => {
    await sameWindow();
    const created = await t.api('/api/v1/api-keys', { body: { name: 'partner', scopes: ['read'], rateLimitPerMinute: 2 } });
    assert.equal(created.status, 201);
    assert.equal(created.body.rateLimitPerMinute, 2);
    const key = created.body.key as string;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await t.api('/api/v1/journeys', { key })).status);
    assert.deepEqual(statuses, [200, 200, 429]);
    const limited = await t.api('/api/v1/journeys', { key });
    assert.equal(limited.headers.get('ratelimit-limit'), '2');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal((await t.api('/api/v1/journeys')).status, 200); // the admin key

    const raised = await t.api(`/api/v1/api-keys/${created.body.id}`, { method: 'PATCH', body: { rateLimitPerMinute: 100 } });
    assert.equal(raised.status, 200);
    const after = await t.api('/api/v1/journeys', { key });
    assert.equal(after.status, 200);
    assert.equal(after.headers.get('ratelimit-limit'), '100');
    const listed = await t.api('/api/v1/api-keys');
    assert.equal(listed.body.items.find((k: { id: string }) => k.id === created.body.id).rateLimitPerMinute, 100);
  });

  test('two app processes share one count through Postgres', async () => {
    // Two limiters on the same database stand for two processes.
    const a = new RateLimiter(t.db);
    const b = new RateLimiter(t.db);
    const bucket = `shared:${Date.now()}`;
    for (let i = 0; i < 6; i++) assert.equal(a.hit(bucket, 10).allowed, true);
    await a.sync();
    assert.equal(b.hit(bucket, 10).allowed, true); // b has not heard of a's six yet
    await b.sync(); // now it has: 7 used
    const allowed = [];
    for (let i = 0; i < 5; i++) allowed.push(b.hit(bucket, 10).allowed);
    assert.deepEqual(allowed, [true, true, true, false, false]);
    await Promise.all([a.close(), b.close()]);
    const [row] = await t.db.query<{ hits: number }>(`select hits from throttle.rate_counters where bucket = $1`, [bucket]);
    assert.equal(row.hits, 10);
  });

  test('two servers on one database refuse together once their shared count reaches the limit', async () => {
    const second = await startTestApp({ db: t.db, config: { rateLimitPublic: 3 } });
    try {
      await sameWindow();
      const ip = '198.51.100.99';
      const at = (server: TestApp) => fetch(`${server.url}/s/${surveyId}`, { headers: { 'x-forwarded-for': ip } });
      const statuses = [];
      // Alternate between the servers, letting both do their once-a-second sync after each request.
      for (const server of [t, second, t, second]) {
        const res = await at(server);
        await res.arrayBuffer();
        statuses.push(res.status);
        await t.app.rateLimiter.sync();
        await second.app.rateLimiter.sync();
      }
      assert.deepEqual(statuses, [200, 200, 200, 429]);
    } finally {
      await second.close();
    }
  });

  test('hits on their way to Postgres still count while the sync is under way', async () => {
    const limiter = new RateLimiter(t.db);
    const bucket = `in-flight:${Date.now()}`;
    await sameWindow();
    assert.equal(limiter.hit(bucket, 3).allowed, true);
    const syncing = limiter.sync(); // the first hit is now being sent
    const during = [limiter.hit(bucket, 3).allowed, limiter.hit(bucket, 3).allowed, limiter.hit(bucket, 3).allowed];
    assert.deepEqual(during, [true, true, false]);
    await syncing;
    assert.equal(limiter.hit(bucket, 3).allowed, false);
    await limiter.close();
  });

  test('a window that has passed starts from zero', async () => {
    let now = 1_000_000_040_000; // 20 s into a minute window
    const limiter = new RateLimiter(t.db, 60_000, 1000, () => now);
    const bucket = `window:${Date.now()}`;
    assert.equal(limiter.hit(bucket, 1).allowed, true);
    const refused = limiter.hit(bucket, 1);
    assert.equal(refused.allowed, false);
    assert.equal(refused.resetSeconds, 40);
    now += 40_000;
    assert.equal(limiter.hit(bucket, 1).allowed, true);
    await limiter.close();
  });
});
