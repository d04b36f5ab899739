/**
 * Outgoing webhooks: subscriptions per organisation, a delivery row per (event, webhook), and
 * the HTTP attempts. A delivery is tried at once by the `webhook-deliver` job; failures wait
 * `retryDelaySeconds` in `next_attempt_at` and the `webhook-retry` schedule picks them up, so
 * retries survive restarts and follow the job clock. Every attempt is appended to
 * `attempt_log` for the delivery log.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/connection.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { uuidv7 } from '../db/ids.ts';
import { badInput, conflict, notFound } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../http/schemas.ts';
import { assertWebhookUrl, guardedLookup, isPublicAddress } from './address-guard.ts';
import { newWebhookSecret, retryDelaySeconds, signatureHeader, type WebhookEvent } from './signature.ts';

export const WEBHOOK_DELIVER_JOB = 'webhook-deliver';
export const WEBHOOK_RETRY_JOB = 'webhook-retry';
/** Each attempt gives up after this long (connect, send, response). */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** A claimed delivery whose process died is tried again after this lease. */
const LEASE_SECONDS = 120;

export interface Webhook {
  id: string;
  url: string;
  events: WebhookEvent[];
  enabled: boolean;
  createdAt: string;
}

const webhookColumns = `id, url, events, enabled, created_at as "createdAt"`;

export async function listWebhooks(db: Queryable, orgId: string, id?: string): Promise<Webhook[]> {
  return db.query<Webhook>(
    `select ${webhookColumns} from webhooks where org_id = $1 ${id ? 'and id = $2' : ''} order by created_at, id`, id ? [orgId, id] : [orgId]);
}

function distinctEvents(events: WebhookEvent[]): WebhookEvent[] {
  if (events.length === 0) throw badInput('events must name at least one event', 'events');
  return [...new Set(events)];
}

/** Creates a subscription; the secret is returned here and never again. */
export async function createWebhook(db: Queryable, orgId: string, input: { url: string; events: WebhookEvent[]; enabled?: boolean }, allowPrivate: boolean) {
  const url = await assertWebhookUrl(input.url, allowPrivate);
  const secret = newWebhookSecret();
  const [row] = await db.query<Webhook>(
    `insert into webhooks (org_id, url, secret, events, enabled) values ($1, $2, $3, $4, $5) returning ${webhookColumns}`,
    [orgId, url.toString(), secret, distinctEvents(input.events), input.enabled ?? true]);
  return { ...row, secret };
}

export async function updateWebhook(db: Queryable, orgId: string, id: string, input: { url?: string; events?: WebhookEvent[]; enabled?: boolean }, allowPrivate: boolean) {
  const url = input.url === undefined ? null : (await assertWebhookUrl(input.url, allowPrivate)).toString();
  const events = input.events === undefined ? null : distinctEvents(input.events);
  const [row] = await db.query<Webhook>(
    `update webhooks set url = coalesce($3, url), events = coalesce($4, events), enabled = coalesce($5, enabled)
      where org_id = $1 and id = $2 returning ${webhookColumns}`, [orgId, id, url, events, input.enabled ?? null]);
  if (!row) throw notFound('Webhook', 'id');
  return row;
}

export async function deleteWebhook(db: Queryable, orgId: string, id: string) {
  const rows = await db.query(`delete from webhooks where org_id = $1 and id = $2 returning id`, [orgId, id]);
  if (!rows[0]) throw notFound('Webhook', 'id');
}

/** A UUID derived from a seed, so a retried job inserts the same rows (and conflicts) instead of duplicates. */
export function derivedId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface WebhookContext {
  db: Queryable;
  /** Without a queue (an API-only process) pending deliveries wait for the `webhook-retry` sweep. */
  queue?: () => JobQueue | undefined;
  now: () => Date;
}

/** The enabled webhooks of the organisation subscribed to `event`. */
export async function subscribedWebhooks(db: Queryable, orgId: string, event: WebhookEvent): Promise<string[]> {
  const rows = await db.query<{ id: string }>(`select id from webhooks where org_id = $1 and enabled and $2 = any(events)`, [orgId, event]);
  return rows.map((r) => r.id);
}

/**
 * Queues events of one kind for every enabled webhook of the organisation subscribed to it: one
 * lookup, one insert. An event's `eventId` (the payload's `id`) queues nothing new the second
 * time, so a retried job sends nothing twice. With
 * `tx` the deliveries and their jobs are written in that transaction, so they exist exactly
 * when the work that raised them committed (the outbox drain).
 */
export async function publishWebhookEvents(
  ctx: WebhookContext, orgId: string, event: WebhookEvent, events: Array<{ eventId: string; data: Record<string, unknown>; occurredAt?: string }>,
  tx?: Queryable,
): Promise<number> {
  if (events.length === 0) return 0;
  const db = tx ?? ctx.db;
  const hooks = (await subscribedWebhooks(db, orgId, event)).map((id) => ({ id }));
  if (hooks.length === 0) return 0;
  const now = ctx.now().toISOString();
  const rows = events.flatMap((e) => hooks.map((h) => ({
    id: derivedId(e.eventId, h.id),
    webhookId: h.id,
    payload: JSON.stringify({ id: e.eventId, type: event, createdAt: e.occurredAt ?? now, orgId, data: e.data }),
  })));
  const inserted = await db.query<{ id: string }>(
    `insert into webhook_deliveries (org_id, id, webhook_id, event, payload, status, next_attempt_at)
     select $1, d.id, d.webhook_id, $2, d.payload, 'pending', $3
       from unnest($4::uuid[], $5::uuid[], $6::jsonb[]) as d(id, webhook_id, payload)
     on conflict (org_id, id) do nothing returning id`,
    [orgId, event, now, rows.map((r) => r.id), rows.map((r) => r.webhookId), rows.map((r) => r.payload)]);
  const queue = ctx.queue?.();
  if (queue && inserted.length > 0) {
    const jobs = inserted.map((row) => ({ name: WEBHOOK_DELIVER_JOB, data: { orgId, deliveryId: row.id } }));
    // Within `tx` the caller wakes the worker once it commits (the outbox drain does).
    if (tx) await queue.boss.insert(jobs, { db: { executeSql: async (text: string, values?: unknown[]) => ({ rows: await tx.query(text, values) }) } });
    else {
      await queue.boss.insert(jobs);
      queue.wake(WEBHOOK_DELIVER_JOB);
    }
  }
  return inserted.length;
}

interface ClaimedDelivery {
  id: string;
  org_id: string;
  event: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret: string;
}

export interface AttemptResult {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** Deliveries claimed per statement; a chunk is claimed when the senders reach it, so its lease starts then. */
const CLAIM_CHUNK = 64;
/** Deliveries in flight at a time: one slow receiver must not hold up the others for long. */
export const DELIVERY_CONCURRENCY = 32;

/**
 * Takes the deliveries for one attempt each, in one statement, except those another worker holds
 * or that are not due. The lease (next_attempt_at) lets another worker try again should this
 * process die before recording the outcome: at least once, with the same Kaiku-Delivery id.
 */
async function claimMany(db: Queryable, keys: Array<{ orgId: string; deliveryId: string }>, now: Date): Promise<ClaimedDelivery[]> {
  const claimed: ClaimedDelivery[] = [];
  // One statement per organisation (a batch is nearly always one), each delivery found by its
  // primary key: joined with the webhooks in the update, the planner walked every delivery of
  // the webhook for each key on tables without statistics (364 ms for 64 of 6,000).
  for (const [orgId, mine] of byOrganisation(keys, (k) => k.orgId)) {
    const ids = mine.map((k) => k.deliveryId);
    claimed.push(...await db.query<ClaimedDelivery>(
      `with claimed as (
         update webhook_deliveries d set status = 'sending', next_attempt_at = $3::timestamptz + make_interval(secs => ${LEASE_SECONDS})
          where d.org_id = $1 and d.id = any($2::uuid[])
            and d.status in ('pending', 'retrying', 'sending') and d.next_attempt_at <= $3::timestamptz
            and exists (select 1 from webhooks w where w.org_id = d.org_id and w.id = d.webhook_id and w.enabled)
          returning d.id, d.org_id, d.webhook_id, d.event, d.payload, d.attempts)
       select c.id, c.org_id, c.event, c.payload, c.attempts, w.url, w.secret
         from claimed c join webhooks w on w.org_id = c.org_id and w.id = c.webhook_id`,
      [orgId, ids, now.toISOString()]));
  }
  return claimed;
}

function byOrganisation<T>(items: T[], orgOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(orgOf(item));
    if (group) group.push(item); else groups.set(orgOf(item), [item]);
  }
  return groups;
}

/**
 * Keep-alive connections per receiver, so a stream of deliveries to one endpoint does not open a
 * TCP (and TLS) connection each. A reused connection was checked by the address guard when it
 * was opened; one agent per guard setting, so a connection opened without the guard is never
 * lent to a request that needs it.
 */
const agents = new Map<string, http.Agent>();
function agentFor(protocol: string, allowPrivate: boolean): http.Agent {
  const key = `${protocol}/${allowPrivate}`;
  let agent = agents.get(key);
  if (!agent) {
    const options = { keepAlive: true, maxSockets: DELIVERY_CONCURRENCY, maxFreeSockets: DELIVERY_CONCURRENCY, scheduling: 'lifo' as const };
    agent = protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
    agents.set(key, agent);
  }
  return agent;
}

/** One HTTP POST; resolves with the status code or the error, never rejects. */
export async function postSigned(target: { url: string; secret: string; event: string; deliveryId: string; body: string }, allowPrivate: boolean): Promise<{ statusCode: number | null; error: string | null }> {
  const first = await postOnce(target, allowPrivate);
  // A kept-alive connection the receiver closed just as it was reused fails before the request
  // reached it (Node's advice: retry such a request once); the receiver sees one delivery, or at
  // worst the same Kaiku-Delivery id twice, which at-least-once delivery allows anyway.
  return first.staleConnection ? postOnce(target, allowPrivate) : first;
}

function postOnce(target: { url: string; secret: string; event: string; deliveryId: string; body: string }, allowPrivate: boolean): Promise<{ statusCode: number | null; error: string | null; staleConnection?: boolean }> {
  return new Promise((resolve) => {
    const url = new URL(target.url);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // An IP literal skips the DNS lookup, so the guard checks it here.
    if (!allowPrivate && net.isIP(host) && !isPublicAddress(host)) {
      resolve({ statusCode: null, error: `${host} is a private or reserved address` });
      return;
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      agent: agentFor(url.protocol, allowPrivate),
      lookup: guardedLookup(allowPrivate),
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(target.body),
        'user-agent': 'Kaiku-Webhooks/1',
        'kaiku-event': target.event,
        'kaiku-delivery': target.deliveryId,
        'kaiku-timestamp': String(timestamp),
        'kaiku-signature': signatureHeader(target.secret, timestamp, target.body),
      },
    }, (response) => {
      let snippet = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => { if (snippet.length < 200) snippet += chunk; });
      response.on('end', () => {
        const code = response.statusCode ?? 0;
        const ok = code >= 200 && code < 300;
        resolve({ statusCode: code, error: ok ? null : `HTTP ${code}${snippet ? `: ${snippet.slice(0, 200)}` : ''}` });
      });
      response.on('error', (error) => resolve({ statusCode: response.statusCode ?? null, error: error.message }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve({
      statusCode: null,
      error: error.name === 'AbortError' || error.name === 'TimeoutError' ? `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s` : error.message,
      staleConnection: request.reusedSocket && error.code === 'ECONNRESET',
    }));
    request.end(target.body);
  });
}

interface Outcome {
  delivery: ClaimedDelivery;
  result: AttemptResult;
  /** When the receiver answered (job clock): delivered_at of a delivered one. */
  finishedAt: Date;
}

/** Records many attempts' outcomes in one statement: attempts, status, next attempt, the log. */
async function recordOutcomes(db: Queryable, outcomes: Outcome[]): Promise<void> {
  const rows = outcomes.map(({ delivery, result, finishedAt }) => {
    const attempts = delivery.attempts + 1;
    const delivered = result.error === null;
    const delay = delivered ? null : retryDelaySeconds(attempts);
    return {
      orgId: delivery.org_id, id: delivery.id, attempts,
      status: delivered ? 'delivered' : delay === null ? 'failed' : 'retrying',
      code: result.statusCode, error: result.error,
      next: delay === null ? null : new Date(new Date(result.at).getTime() + delay * 1000).toISOString(),
      deliveredAt: delivered ? finishedAt.toISOString() : null,
      log: JSON.stringify([result]),
    };
  });
  for (const [orgId, mine] of byOrganisation(rows, (r) => r.orgId)) {
    const col = <K extends keyof (typeof rows)[number]>(key: K) => mine.map((r) => r[key]);
    // By primary key within the organisation (see claimMany).
    await db.query(
      `update webhook_deliveries d set attempts = o.attempts, status = o.status, last_status_code = o.code, last_error = o.error,
              next_attempt_at = o.next, delivered_at = coalesce(o.delivered_at, d.delivered_at), attempt_log = d.attempt_log || o.log
         from unnest($2::uuid[], $3::int[], $4::text[], $5::int[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::jsonb[])
           as o(id, attempts, status, code, error, next, delivered_at, log)
        where d.org_id = $1 and d.id = any($2::uuid[]) and d.id = o.id`,
      [orgId, col('id'), col('attempts'), col('status'), col('code'), col('error'), col('next'), col('deliveredAt'), col('log')]);
  }
}

/**
 * Collects items and writes them in as few statements as it can without holding any back: the
 * first item is written at once, what arrives meanwhile goes in the next statement.
 */
function groupWriter<T>(write: (items: T[]) => Promise<void>) {
  let buffer: T[] = [];
  let running: Promise<void> | null = null;
  let failure: unknown = null;
  const kick = () => {
    if (running || buffer.length === 0) return;
    const items = buffer;
    buffer = [];
    running = write(items).catch((error: unknown) => { failure ??= error; }).finally(() => { running = null; kick(); });
  };
  return {
    push(item: T) { buffer.push(item); kick(); },
    async flush() {
      while (running) await running;
      if (failure) throw failure;
    },
  };
}

/**
 * Makes one attempt of each due delivery: claimed 64 per statement as the senders reach them, up
 * to 32 POSTs in flight over kept-alive connections, the outcomes recorded together as they come
 * (one statement for all that finished while the previous one was written). Returns the results
 * by delivery id; a delivery another worker holds or that is not due is left out.
 */
export async function deliverMany(ctx: WebhookContext & { allowPrivate: boolean }, keys: Array<{ orgId: string; deliveryId: string }>): Promise<Map<string, AttemptResult>> {
  const results = new Map<string, AttemptResult>();
  const unclaimed = [...keys];
  const ready: ClaimedDelivery[] = [];
  let claiming: Promise<void> | null = null;
  const claimNext = () => (claiming ??= claimMany(ctx.db, unclaimed.splice(0, CLAIM_CHUNK), ctx.now())
    .then((rows) => { ready.push(...rows); })
    .finally(() => { claiming = null; }));
  const recorder = groupWriter((outcomes: Outcome[]) => recordOutcomes(ctx.db, outcomes));
  const sender = async () => {
    for (;;) {
      const delivery = ready.shift();
      if (!delivery) {
        if (unclaimed.length === 0 && !claiming) return;
        await claimNext();
        continue;
      }
      const started = ctx.now();
      const clock = Date.now();
      const outcome = await postSigned({
        url: delivery.url, secret: delivery.secret, event: delivery.event, deliveryId: delivery.id, body: JSON.stringify(delivery.payload),
      }, ctx.allowPrivate);
      const result: AttemptResult = { at: started.toISOString(), statusCode: outcome.statusCode, error: outcome.error, durationMs: Date.now() - clock };
      results.set(delivery.id, result);
      recorder.push({ delivery, result, finishedAt: ctx.now() });
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(DELIVERY_CONCURRENCY, keys.length) }, sender));
  await recorder.flush();
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return results;
}

/** Makes one attempt of a delivery if it is due; records the outcome and the next attempt. */
export async function attemptDelivery(ctx: WebhookContext & { allowPrivate: boolean }, orgId: string, deliveryId: string): Promise<AttemptResult | undefined> {
  return (await deliverMany(ctx, [{ orgId, deliveryId }])).get(deliveryId);
}

/** Attempts every delivery whose retry time has come (and any whose worker died mid-attempt). */
export async function retryDueDeliveries(ctx: WebhookContext & { allowPrivate: boolean }, limit = 200): Promise<number> {
  const due = await ctx.db.query<{ org_id: string; id: string }>(
    `select d.org_id, d.id from webhook_deliveries d
       join webhooks w on w.org_id = d.org_id and w.id = d.webhook_id and w.enabled
      where d.status in ('pending', 'retrying', 'sending') and d.next_attempt_at <= $1::timestamptz
      order by d.next_attempt_at limit $2`, [ctx.now().toISOString(), limit]);
  await deliverMany(ctx, due.map((d) => ({ orgId: d.org_id, deliveryId: d.id })));
  return due.length;
}

const deliveryColumns = `id, webhook_id as "webhookId", event, payload, attempts, status, last_status_code as "lastStatusCode",
  last_error as "lastError", next_attempt_at as "nextAttemptAt", delivered_at as "deliveredAt", created_at as "createdAt", attempt_log as "attemptLog"`;

/** The delivery log of one webhook, newest first. */
export async function listDeliveries(db: Queryable, orgId: string, webhookId: string, page: { limit: number; cursor?: string }) {
  if (!(await listWebhooks(db, orgId, webhookId))[0]) throw notFound('Webhook', 'id');
  const after = decodeCursor(page.cursor) as [string, string] | undefined;
  const params: unknown[] = [orgId, webhookId, page.limit + 1];
  const keyset = after ? `and (created_at, id) < ($4::timestamptz, $5::uuid)` : '';
  if (after) params.push(after[0], after[1]);
  const rows = await db.query<{ id: string; createdAt: Date | string }>(
    `select ${deliveryColumns} from webhook_deliveries where org_id = $1 and webhook_id = $2 ${keyset}
      order by created_at desc, id desc limit $3`, params);
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > page.limit && last ? encodeCursor([new Date(last.createdAt).toISOString(), last.id]) : null,
  };
}

/** The webhook a delivery belongs to; undefined when there is no such delivery. */
export async function deliveryWebhookId(db: Queryable, orgId: string, deliveryId: string): Promise<string | undefined> {
  const [delivery] = await db.query<{ webhookId: string }>(`select webhook_id as "webhookId" from webhook_deliveries where org_id = $1 and id = $2`, [orgId, deliveryId]);
  return delivery?.webhookId;
}

/** Sends a past delivery's payload again as a new delivery (new Kaiku-Delivery id, same event id). */
export async function replayDelivery(ctx: WebhookContext, orgId: string, deliveryId: string) {
  const [original] = await ctx.db.query<{ enabled: boolean }>(
    `select w.enabled from webhook_deliveries d join webhooks w on w.org_id = d.org_id and w.id = d.webhook_id
      where d.org_id = $1 and d.id = $2`, [orgId, deliveryId]);
  if (!original) throw notFound('Webhook delivery', 'id');
  if (!original.enabled) throw conflict('The webhook is disabled; enable it before replaying its deliveries', 'id');
  const id = uuidv7();
  await ctx.db.query(
    `insert into webhook_deliveries (org_id, id, webhook_id, event, payload, status, next_attempt_at)
     select org_id, $3, webhook_id, event, payload, 'pending', $4 from webhook_deliveries where org_id = $1 and id = $2`,
    [orgId, deliveryId, id, ctx.now().toISOString()]);
  const queue = ctx.queue?.();
  if (queue) {
    await queue.send(WEBHOOK_DELIVER_JOB, { orgId, deliveryId: id });
    queue.wake(WEBHOOK_DELIVER_JOB);
  }
  const [delivery] = await ctx.db.query(`select ${deliveryColumns} from webhook_deliveries where org_id = $1 and id = $2`, [orgId, id]);
  return delivery;
}
