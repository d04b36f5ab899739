/**
 * No lost feedback under faults (issue 9), during a load of 10,000 responses with idempotency
 * keys on PostgreSQL. Clients retry every request they got no acknowledgement for (no answer, or
 * 5xx), as a real client would; afterwards every acknowledged response must be stored exactly
 * once, with the id it was acknowledged with, and all its answers.
 *   --fault kill      `kill -9` of the server process, then a new one is started on the same port.
 *   --fault postgres  the database goes away for --outage seconds under the running server, as in a
 *                     PostgreSQL restart: the server reaches PostgreSQL through a TCP proxy in this
 *                     script, which resets every connection and refuses new ones for the outage (so
 *                     other users of the shared PostgreSQL server are not disturbed); the server must
 *                     answer 503 with Retry-After and reconnect by itself.
 * Run by hand: npx tsx bench/fault-load.ts --fault kill|postgres [--responses 10000] [--clients 32] [--fault-after 4000] [--outage 5]
 */
import { parseArgs } from 'node:util';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { benchOrganisation, dropDatabase, machine, startServer, stopServer } from './lib.ts';

const { values } = parseArgs({ options: {
  fault: { type: 'string', default: 'kill' }, responses: { type: 'string', default: '10000' }, clients: { type: 'string', default: '32' },
  'fault-after': { type: 'string', default: '4000' }, outage: { type: 'string', default: '5' },
} });
if (values.fault !== 'kill' && values.fault !== 'postgres') throw new Error('--fault kill|postgres');
const total = Number(values.responses);
const clients = Number(values.clients);
const faultAfter = Number(values['fault-after']);
const port = 3911;

const { url, db, key, survey } = await benchOrganisation('kaiku_bench_fault', 'write');
 
/** A TCP proxy to PostgreSQL that can drop every connection and refuse new ones, like a restart. */
const pgPort = Number(new URL(url).port || 5432);
const sockets = new Set<Socket>();
let proxy: Server | undefined;
const listen = () => new Promise<void>((resolve) => {
  proxy = createServer((client) => {
    const upstream = createConnection(pgPort, '127.0.0.1');
    for (const s of [client, upstream]) { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => { client.destroy(); upstream.destroy(); }); }
    client.pipe(upstream).pipe(client);
  }).listen(55439, '127.0.0.1', resolve);
});
await listen();
const proxiedUrl = new URL(url);
proxiedUrl.port = '55439';

const env = { DATABASE_URL: values.fault === 'postgres' ? proxiedUrl.toString() : url, KAIKU_DEMO: 'false', KAIKU_RATE_LIMIT_INGEST_IP: '0', KAIKU_RATE_LIMIT_API_KEY: '0' };
let server = await startServer(env, port);

const acknowledged = new Map<number, string>(); // request index → response id the server answered with
let firstTry201 = 0;
let retriedAnswered200 = 0; // committed before the kill but never answered: the retry got the stored id back
let failedAttempts = 0;
let answered503 = 0;
let answered503WithRetryAfter = 0;
const otherStatuses: Record<string, number> = {};
let inFlight = 0;
let inFlightAtFault = 0;
let faultAt = 0;
let recoveredAt = 0;
let restarting: Promise<void> | undefined;

const body = (i: number) => JSON.stringify({
  surveyId: survey.id, idempotencyKey: `fault-load-${i}`,
  answers: [{ question: 'nps', value: i % 11 }, { question: 'csat', value: 1 + (i % 5) }, { question: 'nps_why', value: `Vastaus numero ${i}` }],
});

async function fault() {
  inFlightAtFault = inFlight;
  faultAt = performance.now();
  if (values.fault === 'kill') {
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGKILL');
    await exited;
    server = await startServer(env, port);
  } else {
    const closed = new Promise((r) => proxy?.close(r));
    for (const socket of sockets) socket.destroy();
    await closed;
    await new Promise((r) => setTimeout(r, Number(values.outage) * 1000));
    await listen();
  }
  recoveredAt = performance.now();
}

let next = 0;
const started = performance.now();
await Promise.all(Array.from({ length: clients }, async () => {
  while (next < total) {
    const i = next++;
    let attempt = 0;
    for (;;) {
      attempt++;
      inFlight++;
      try {
        const res = await fetch(`${server.url}/api/v1/responses`, {
          method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: body(i),
        });
        const text = await res.text();
        if (res.status === 201 || res.status === 200) {
          acknowledged.set(i, JSON.parse(text).id);
          if (res.status === 201 && attempt === 1) firstTry201++;
          if (res.status === 200 && attempt > 1) retriedAnswered200++;
          break;
        }
        if (res.status < 500) throw new Error(`response ${i}: ${res.status} ${text}`);
        failedAttempts++;
        if (res.status === 503) {
          answered503++;
          if (res.headers.get('retry-after')) answered503WithRetryAfter++;
        } else {
          otherStatuses[res.status] = (otherStatuses[res.status] ?? 0) + 1;
        }
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('response ')) throw error;
        failedAttempts++; // connection refused or reset: no answer, so not acknowledged; retry
      } finally {
        inFlight--;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    if (acknowledged.size >= faultAfter && !restarting) restarting = fault();
  }
}));
const seconds = (performance.now() - started) / 1000;
await restarting;

const rows = await db.query<{ key: string; id: string; copies: number; answers: number }>(
  `select r.idempotency_key as key, min(r.id::text) as id, count(*)::int as copies,
          (select count(*)::int from answers a where a.org_id = min(r.org_id::text)::uuid and a.response_id = min(r.id::text)::uuid) as answers
     from responses r where r.idempotency_key like 'fault-load-%' group by r.idempotency_key`);
const stored = new Map(rows.map((r) => [r.key, r]));
let lost = 0;
let wrongId = 0;
let duplicated = 0;
let incomplete = 0;
for (const [i, id] of acknowledged) {
  const row = stored.get(`fault-load-${i}`);
  if (!row) { lost++; continue; }
  if (row.id !== id) wrongId++;
  if (row.copies !== 1) duplicated++;
  if (row.answers !== 3) incomplete++;
}
await stopServer(server.child);
proxy?.close();
await db.close();
await dropDatabase('kaiku_bench_fault');

console.log(JSON.stringify({
  fault: values.fault, machine: machine(), responses: total, clients, acknowledged: acknowledged.size, storedResponses: rows.reduce((s, r) => s + r.copies, 0),
  lost, duplicated, wrongId, incomplete, firstTry201, retriedAnswered200, failedAttempts, answered503, answered503WithRetryAfter, otherStatuses, inFlightAtFault: inFlightAtFault,
  faultSeconds: Number(((recoveredAt - faultAt) / 1000).toFixed(2)), seconds: Number(seconds.toFixed(1)),
}, null, 2));
if (Object.keys(otherStatuses).length || lost || duplicated || wrongId || incomplete || acknowledged.size !== total || rows.length !== total) process.exit(1);
