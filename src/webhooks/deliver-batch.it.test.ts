import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { deliverMany, publishWebhookEvents, retryDueDeliveries } from './service.ts';

/** A receiver that keeps every request's delivery id and the connection it came on. */
async function startReceiver(status = () => 200) {
  const received: Array<{ delivery: string; socket: number }> = [];
  const sockets = new WeakMap<object, number>();
  let opened = 0;
  const server = http.createServer((request, response) => {
    if (!sockets.has(request.socket)) sockets.set(request.socket, ++opened);
    request.resume();
    request.on('end', () => {
      received.push({ delivery: String(request.headers['kaiku-delivery']), socket: sockets.get(request.socket) as number });
      response.writeHead(status()).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    connections: () => opened,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

describe('webhooks: deliveries claimed and recorded in batches', () => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let clock = new Date();
  const ctx = () => ({ db: t.db, now: () => clock, allowPrivate: true });
  let eventNo = 0;
  /** Queues `n` case.created deliveries (no job queue: the test drives the attempts). */
  const queue = async (n: number) => {
    const events = Array.from({ length: n }, () => ({ eventId: `evt-${++eventNo}`, data: { n: eventNo } }));
    await publishWebhookEvents({ db: t.db, now: () => clock }, t.orgId, 'case.created', events);
    const rows = await t.db.query<{ id: string }>(
      `select id from webhook_deliveries where org_id = $1 and payload->>'id' = any($2::text[])`, [t.orgId, events.map((e) => e.eventId)]);
    return rows.map((r) => ({ orgId: t.orgId, deliveryId: r.id }));
  };
  const rowsOf = (keys: Array<{ deliveryId: string }>) => t.db.query<{ id: string; status: string; attempts: number; delivered_at: Date | null; log: number }>(
    `select id, status, attempts, delivered_at, jsonb_array_length(attempt_log) as log from webhook_deliveries
      where org_id = $1 and id = any($2::uuid[]) order by id`, [t.orgId, keys.map((k) => k.deliveryId)]);

  before(async () => {
    receiver = await startReceiver();
    t = await startTestApp({ now: () => clock, config: { webhooksAllowPrivate: true } });
    await t.db.query(`insert into webhooks (org_id, url, secret, events) values ($1, $2, 'whsec_test', $3)`, [t.orgId, receiver.url, ['case.created']]);
  });
  after(async () => { await t.close(); await receiver.close(); });

  test('150 deliveries: each sent once, each recorded delivered with one attempt, over kept-alive connections', async () => {
    const keys = await queue(150);
    assert.equal(keys.length, 150);
    const results = await deliverMany(ctx(), keys);
    assert.equal(results.size, 150);
    assert.ok([...results.values()].every((r) => r.statusCode === 200 && r.error === null));
    const sent = receiver.received.map((r) => r.delivery).sort();
    assert.deepEqual(sent, keys.map((k) => k.deliveryId).sort(), 'every delivery arrived exactly once');
    const rows = await rowsOf(keys);
    assert.ok(rows.every((r) => r.status === 'delivered' && r.attempts === 1 && r.delivered_at !== null && r.log === 1), JSON.stringify(rows.find((r) => r.status !== 'delivered')));
    // At most 32 in flight, so at most 32 connections; without keep-alive it would be 150.
    assert.ok(receiver.connections() <= 32, `${receiver.connections()} connections for 150 deliveries`);
  });

  test('two workers given the same deliveries at once: the claim lets each go out once', async () => {
    receiver.received.length = 0;
    const keys = await queue(100);
    const [a, b] = await Promise.all([deliverMany(ctx(), keys), deliverMany(ctx(), [...keys].reverse())]);
    assert.equal(a.size + b.size, 100, 'each delivery attempted by one worker only');
    assert.deepEqual(receiver.received.map((r) => r.delivery).sort(), keys.map((k) => k.deliveryId).sort());
    // A delivered one is not sent again by a later sweep either.
    clock = new Date(clock.getTime() + 3_600_000);
    await retryDueDeliveries(ctx());
    assert.equal(receiver.received.length, 100);
  });

  test('a worker that died after claiming (outcome never recorded) is replaced after the lease: sent once more, same delivery id', async () => {
    receiver.received.length = 0;
    const [key] = await queue(1);
    // As the claim leaves it: 'sending', leased for two minutes; the process then died.
    await t.db.query(`update webhook_deliveries set status = 'sending', next_attempt_at = $3::timestamptz + interval '120 seconds' where org_id = $1 and id = $2`,
      [t.orgId, key.deliveryId, clock.toISOString()]);
    await retryDueDeliveries(ctx());
    assert.equal(receiver.received.length, 0, 'not taken while the lease holds');
    assert.equal((await deliverMany(ctx(), [key])).size, 0);
    clock = new Date(clock.getTime() + 121_000);
    await retryDueDeliveries(ctx());
    assert.deepEqual(receiver.received.map((r) => r.delivery), [key.deliveryId]);
    const [row] = await rowsOf([key]);
    assert.deepEqual([row.status, row.attempts], ['delivered', 1]);
  });
});
