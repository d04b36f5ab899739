import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { newOrg, signInAs, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser } from '../auth/service.ts';
import { uuidv7 } from '../db/ids.ts';
import { publishLoopEvent, type LoopEvent } from '../loop/events.ts';
import { WEBHOOK_RETRY_JOB } from './service.ts';
import { waitUntil } from '../../test/helpers/wait.ts';

interface Received { path: string; headers: http.IncomingHttpHeaders; body: string }

/** A local receiver: /ok answers 200, /flaky 500 twice then 200. */
async function startReceiver() {
  const received: Received[] = [];
  let flakyCalls = 0;
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (c: string) => { body += c; });
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body });
      if (request.url === '/flaky' && ++flakyCalls <= 2) { response.writeHead(500); response.end('temporarily broken'); return; }
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('thanks');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('webhooks: signed deliveries to a local receiver, retries with back-off, log and replay', () => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let clock = new Date();
  const insertCase = async (title: string) => {
    const id = uuidv7();
    await t.db.query(`insert into cases (org_id, id, title, priority) values ($1, $2, $3, 'urgent')`, [t.orgId, id, title]);
    return id;
  };
  const publish = (type: LoopEvent['type'], caseId: string, data?: Record<string, unknown>) =>
    publishLoopEvent({ queue: () => t.jobs! }, { type, orgId: t.orgId, caseId, at: clock.toISOString(), data });

  before(async () => {
    receiver = await startReceiver();
    t = await startTestApp({ jobs: true, now: () => clock, config: { webhooksAllowPrivate: true } });
  });
  after(async () => { await t.close(); await receiver.close(); });

  test('a subscribed event arrives with a signature the receiver can verify; the secret is shown once', async () => {
    const created = await t.api('/api/v1/webhooks', { body: { url: `${receiver.url}/ok`, events: ['case.created', 'alert.fired'] } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const secret: string = created.body.secret;
    assert.match(secret, /^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await t.api('/api/v1/webhooks');
    assert.deepEqual(listed.body.items.map((h: any) => [h.id, h.url, h.events, h.enabled, 'secret' in h]),
      [[created.body.id, `${receiver.url}/ok`, ['case.created', 'alert.fired'], true, false]]);

    const caseId = await insertCase('Detractor <b>VIP</b>');
    await publish('case.updated', caseId, { status: 'in_progress' }); // not subscribed
    await publish('case.created', caseId, { ruleId: null });
    const [hit] = await waitUntil(() => receiver.received.filter((r) => r.path === '/ok'), (list) => list.length >= 1, 'the webhook');
    assert.equal(hit.headers['content-type'], 'application/json');
    assert.equal(hit.headers['kaiku-event'], 'case.created');
    const timestamp = hit.headers['kaiku-timestamp'] as string;
    assert.ok(Math.abs(Number(timestamp) - Date.now() / 1000) < 30);
    // Verified independently of Kaiku's code: HMAC-SHA256 over "<t>.<raw body>" with the secret.
    const expected = createHmac('sha256', secret).update(`${timestamp}.${hit.body}`).digest('hex');
    assert.equal(hit.headers['kaiku-signature'], `t=${timestamp},v1=${expected}`);
    const payload = JSON.parse(hit.body);
    assert.equal(payload.type, 'case.created');
    assert.equal(payload.orgId, t.orgId);
    assert.equal(payload.data.case.id, caseId);
    assert.equal(payload.data.case.title, 'Detractor <b>VIP</b>');
    assert.equal(payload.data.case.priority, 'urgent');
    assert.deepEqual(payload.data.details, { ruleId: null });

    // The receiver has answered; Kaiku records the outcome right after.
    const log = await waitUntil(() => t.api(`/api/v1/webhooks/${created.body.id}/deliveries`), (res) => res.body.items[0]?.status === 'delivered', 'the delivery recorded');
    assert.equal(log.body.items.length, 1, 'the unsubscribed case.updated made no delivery');
    const [delivery] = log.body.items;
    assert.equal(delivery.id, hit.headers['kaiku-delivery']);
    assert.deepEqual([delivery.status, delivery.attempts, delivery.lastStatusCode, delivery.lastError], ['delivered', 1, 200, null]);
    assert.deepEqual(delivery.attemptLog.map((a: any) => [a.statusCode, a.error]), [[200, null]]);
  });

  test('a receiver that fails twice gets three attempts, spaced by the back-off, all in the log', async () => {
    const hook = await t.api('/api/v1/webhooks', { body: { url: `${receiver.url}/flaky`, events: ['praise.received'] } });
    const caseId = await insertCase('Praise for Eeva');
    await publish('praise.received', caseId);
    const flaky = () => receiver.received.filter((r) => r.path === '/flaky');
    await waitUntil(flaky, (list) => list.length === 1, 'the first attempt');
    const deliveries = async () => (await t.api(`/api/v1/webhooks/${hook.body.id}/deliveries`)).body.items;
    let [delivery] = await waitUntil(deliveries, (items) => items[0]?.attempts === 1 && items[0].status === 'retrying', 'the first failure recorded');
    assert.equal(delivery.lastStatusCode, 500);
    assert.equal(delivery.lastError, 'HTTP 500: temporarily broken');
    assert.equal(new Date(delivery.nextAttemptAt).getTime(), clock.getTime() + 30_000, 'first retry 30 s later');

    // Not yet due: the retry sweep leaves it alone.
    await t.jobs!.send(WEBHOOK_RETRY_JOB, {});
    await new Promise((r) => setTimeout(r, 1200));
    assert.equal(flaky().length, 1);

    clock = new Date(clock.getTime() + 31_000);
    await t.jobs!.send(WEBHOOK_RETRY_JOB, {});
    [delivery] = await waitUntil(deliveries, (items) => items[0]?.attempts === 2, 'the second attempt');
    assert.equal(delivery.status, 'retrying');
    assert.equal(new Date(delivery.nextAttemptAt).getTime(), clock.getTime() + 120_000, 'second retry 2 min later');

    clock = new Date(clock.getTime() + 121_000);
    await t.jobs!.send(WEBHOOK_RETRY_JOB, {});
    [delivery] = await waitUntil(deliveries, (items) => items[0]?.status === 'delivered', 'the third attempt');
    assert.equal(delivery.attempts, 3);
    assert.deepEqual(delivery.attemptLog.map((a: any) => a.statusCode), [500, 500, 200]);
    assert.equal(delivery.lastStatusCode, 200);
    assert.equal(delivery.lastError, null);
    assert.equal(new Set(flaky().map((r) => r.headers['kaiku-delivery'])).size, 1, 'every attempt carries the same delivery id');
  });

  test('replay sends the same event again as a new delivery', async () => {
    const [hook] = (await t.api('/api/v1/webhooks')).body.items;
    const [original] = (await t.api(`/api/v1/webhooks/${hook.id}/deliveries`)).body.items;
    const before = receiver.received.filter((r) => r.path === '/ok').length;
    const replay = await t.api(`/api/v1/webhook-deliveries/${original.id}/replay`, { method: 'POST' });
    assert.equal(replay.status, 202, JSON.stringify(replay.body));
    assert.notEqual(replay.body.id, original.id);
    const hits = await waitUntil(() => receiver.received.filter((r) => r.path === '/ok'), (list) => list.length === before + 1, 'the replayed delivery');
    const last = hits.at(-1)!;
    assert.equal(last.headers['kaiku-delivery'], replay.body.id);
    assert.equal(JSON.parse(last.body).id, original.payload.id, 'the event id stays, so receivers can deduplicate');
    const log = await waitUntil(async () => (await t.api(`/api/v1/webhooks/${hook.id}/deliveries?limit=1`)).body, (b) => b.items[0]?.status === 'delivered', 'the replay logged');
    assert.equal(log.items[0].id, replay.body.id, 'newest first');
    assert.ok(log.nextCursor);
    const rest = await t.api(`/api/v1/webhooks/${hook.id}/deliveries?limit=1&cursor=${log.nextCursor}`);
    assert.equal(rest.body.items[0].id, original.id);
  });

  test('update, disable and delete a webhook', async () => {
    const hook = await t.api('/api/v1/webhooks', { body: { url: `${receiver.url}/ok`, events: ['response.created'] } });
    const patched = await t.api(`/api/v1/webhooks/${hook.body.id}`, { method: 'PATCH', body: { enabled: false, events: ['case.updated', 'case.updated'] } });
    assert.deepEqual([patched.status, patched.body.enabled, patched.body.events], [200, false, ['case.updated']]);
    assert.equal((await t.api(`/api/v1/webhooks/${hook.body.id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await t.api(`/api/v1/webhooks/${hook.body.id}`)).status, 404);
  });

  test('bad input is refused naming the field; only admins manage webhooks; other organisations see nothing', async () => {
    const badEvent = await t.api('/api/v1/webhooks', { body: { url: `${receiver.url}/ok`, events: ['case.deleted'] } });
    assert.equal(badEvent.status, 400);
    assert.equal(badEvent.body.field, 'events.0');
    const badUrl = await t.api('/api/v1/webhooks', { body: { url: 'ftp://example.com/hook', events: ['case.created'] } });
    assert.deepEqual([badUrl.status, badUrl.body.field], [400, 'url']);
    const noEvents = await t.api('/api/v1/webhooks', { body: { url: `${receiver.url}/ok`, events: [] } });
    assert.deepEqual([noEvents.status, noEvents.body.field], [400, 'events']);
    const extra = await t.api('/api/v1/webhooks', { body: { url: `${receiver.url}/ok`, events: ['case.created'], secret: 'mine' } });
    assert.deepEqual([extra.status, extra.body.field], [400, 'secret']);

    await createUser(t.db, t.orgId, { email: 'analyst@example.com', name: 'Anna', role: 'analyst', password: 'analyst-pass-1' });
    const analyst = await signInAs(t, 'analyst@example.com', 'analyst-pass-1');
    assert.equal((await analyst('/api/v1/webhooks')).status, 403);

    const [hook] = (await t.api('/api/v1/webhooks')).body.items;
    const [delivery] = (await t.api(`/api/v1/webhooks/${hook.id}/deliveries`)).body.items;
    const other = await newOrg(t.db, 'Other Org');
    const as = { key: other.apiKey };
    assert.equal((await t.api(`/api/v1/webhooks/${hook.id}`, as)).status, 404);
    assert.equal((await t.api(`/api/v1/webhooks/${hook.id}/deliveries`, as)).status, 404);
    assert.equal((await t.api(`/api/v1/webhooks/${hook.id}`, { ...as, method: 'PATCH', body: { enabled: false } })).status, 404);
    assert.equal((await t.api(`/api/v1/webhook-deliveries/${delivery.id}/replay`, { ...as, method: 'POST' })).status, 404);
    assert.deepEqual((await t.api('/api/v1/webhooks', as)).body.items, []);
  });
});

describe('webhooks: SSRF protection by default', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp(); });
  after(() => t.close());

  test('loopback, private and metadata addresses are refused unless KAIKU_WEBHOOKS_ALLOW_PRIVATE is set', async () => {
    for (const url of ['http://127.0.0.1:9/hook', 'http://localhost/hook', 'http://10.0.0.5/hook', 'http://169.254.169.254/latest', 'http://[::1]/x']) {
      const res = await t.api('/api/v1/webhooks', { body: { url, events: ['case.created'] } });
      assert.deepEqual([res.status, res.body.field], [400, 'url'], url);
    }
  });
});
