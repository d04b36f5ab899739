/**
 * Soak (issue 9): a sustained, open-loop 500 responses/s for 10 minutes against `kaiku serve` on
 * PostgreSQL. Targets: p99 ≤ 100 ms, memory flat (server RSS sampled every 10 s), no errors.
 * Open loop: requests are sent on schedule whether or not earlier ones have been answered, so a
 * slow server shows up as latency instead of a lower rate.
 * Run by hand: npx tsx bench/soak.ts [--rate 500] [--minutes 10]
 */
import { parseArgs } from 'node:util';
import { benchOrganisation, dropDatabase, machine, rssMb, startServer, stopServer } from './lib.ts';

const { values } = parseArgs({ options: { rate: { type: 'string', default: '500' }, minutes: { type: 'string', default: '10' } } });
const rate = Number(values.rate);
const seconds = Number(values.minutes) * 60;

const { url, db, key, survey } = await benchOrganisation('kaiku_bench_soak', 'write');
const server = await startServer({ DATABASE_URL: url, KAIKU_DEMO: 'false', KAIKU_RATE_LIMIT_INGEST_IP: '0', KAIKU_RATE_LIMIT_API_KEY: '0' }, 3913);

const latencies: number[] = [];
const perWindow: Array<{ second: number; rssMb: number; p99: number; sent: number }> = [];
let windowLatencies: number[] = [];
let errors = 0;
let sent = 0;
const pending = new Set<Promise<void>>();
const p = (values: number[], q: number) => { const s = [...values].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0; };

async function post(i: number) {
  const started = performance.now();
  try {
    const res = await fetch(`${server.url}/api/v1/responses`, {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ surveyId: survey.id, answers: [{ question: 'nps', value: i % 11 }, { question: 'csat', value: 1 + (i % 5) }, { question: 'nps_why', value: `Palaute ${i}` }] }),
    });
    await res.arrayBuffer();
    if (res.status !== 201) errors++;
  } catch {
    errors++;
  }
  const ms = performance.now() - started;
  latencies.push(ms);
  windowLatencies.push(ms);
}

const t0 = performance.now();
let nextWindow = 10;
while (true) {
  const elapsed = (performance.now() - t0) / 1000;
  if (elapsed >= seconds) break;
  // Send whatever the schedule says should have gone out by now.
  const due = Math.floor(elapsed * rate);
  while (sent < due) {
    const promise = post(sent++);
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
  }
  if (elapsed >= nextWindow) {
    perWindow.push({ second: nextWindow, rssMb: Math.round(rssMb(server.child.pid!)), p99: Number(p(windowLatencies, 0.99).toFixed(1)), sent });
    windowLatencies = [];
    nextWindow += 10;
  }
  await new Promise((r) => setTimeout(r, 2));
}
await Promise.all(pending);
const stored = (await db.query<{ n: number }>('select count(*)::int as n from responses'))[0].n;
await stopServer(server.child);
await db.close();
await dropDatabase('kaiku_bench_soak');

const rss = perWindow.map((w) => w.rssMb);
console.log(JSON.stringify({
  machine: machine(), rate, seconds, sent, stored, errors,
  achievedRate: Number((sent / seconds).toFixed(1)),
  p50: Number(p(latencies, 0.5).toFixed(1)), p99: Number(p(latencies, 0.99).toFixed(1)), max: Number(p(latencies, 1).toFixed(1)),
  rssFirstMinute: Math.max(...rss.slice(0, 6)), rssLastMinute: Math.max(...rss.slice(-6)), rssMin: Math.min(...rss), rssMax: Math.max(...rss),
  windows: perWindow,
}));
