/**
 * Closed loop on PostgreSQL (issue 6: "response stored → case created ≤ 2 s p95 at 500
 * responses/s", and a 50,000-response import that matches a rule). A separate `kaiku serve`
 * with its job workers; single responses are POSTed at a steady 500/s, a third of them
 * detractors matched by a rule routed to the touchpoint's unit manager; the latency of each
 * case is created_at(case) − received_at(response), both stamped by the database clock.
 * Notification latency is measured on the same stream: response received → in-app
 * notification stored, → e-mail accepted by a local SMTP server and →
 * `case.created` webhook delivered to a local HTTP receiver. Cases go round robin to a team
 * large enough that nobody gets more than 5 in the stream, since a person's e-mails beyond 5 a
 * minute wait for the gathered e-mail by design (src/notifications/service.ts); the e-mail
 * figure counts those sent at once.
 * Each hop is reported on its own too (case → in-app notification, notification → e-mail
 * accepted by the SMTP server, case → webhook delivered), to show where the time goes; the
 * e-mail is timed when the local SMTP server accepted it (bench clock, same machine).
 * The stream is measured on a warm server: first a warm-up organisation streams at the same
 * rate for --warmup seconds (default 10; its figures are printed as "cold start"), then,
 * without a pause, the measured organisation. The mail server runs in a thread of its own
 * (bench/smtp-sink.ts), as a real one is a program of its own.
 * Then 50,000 detractors arrive through the batch API (1,000 per request, 4 in flight) and
 * the time until every one has its case is measured (--import 0 skips it).
 * Run: npx tsx bench/loop.ts [--rate 500] [--seconds 20] [--warmup 10] [--import 50000]
 */
import { parseArgs } from 'node:util';
import http from 'node:http';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { startSmtpSink } from './smtp-sink.ts';
import { openPostgres } from '../src/db/connection.ts';
import { createOrganization, createUnit } from '../src/orgs/service.ts';
import { createApiKey, createUser } from '../src/auth/service.ts';
import { createJourney, createStage, createTouchpoint } from '../src/journeys/service.ts';
import { createSurvey } from '../src/surveys/service.ts';
import { dropDatabase, machine, scratchDatabase, startServer, stopServer } from './lib.ts';

const percentile = (values: number[], p: number) => { const sorted = [...values].sort((a, b) => a - b); return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]; };

const { values } = parseArgs({ options: {
  rate: { type: 'string', default: '500' }, seconds: { type: 'string', default: '20' }, warmup: { type: 'string', default: '10' }, import: { type: 'string', default: '50000' },
} });
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const warmupSeconds = Number(values.warmup);
const importSize = Number(values.import);

const url = await scratchDatabase('kaiku_bench_loop');
const db = openPostgres({ url });
await db.migrate();
const smtp = await startSmtpSink();
const receiver = http.createServer((request, response) => { request.resume(); request.on('end', () => response.end('ok')); });
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));

/** An organisation with a detractor rule routed round robin in a unit, a webhook and a survey. */
async function benchOrganisation(slug: string, streamSeconds: number) {
  const orgId = await createOrganization(db, { name: slug, slug });
  const { key } = await createApiKey(db, orgId, 'bench', ['admin']);
  const unitId = await createUnit(db, orgId, { name: 'Customer service' });
  await createUser(db, orgId, { email: `manager@${slug}.example.com`, name: 'Manager', role: 'unit_manager', unitId });
  // Enough agents that nobody gets more than 5 cases in the stream: a person's sixth e-mail in a
  // minute is gathered with the rest a minute later (by design), which is not the latency measured.
  const agents = Math.max(20, Math.ceil((rate * streamSeconds) / 3 / 4));
  for (let i = 0; i < agents; i++) await createUser(db, orgId, { email: `agent${i}@${slug}.example.com`, name: `Agent ${i}`, role: 'frontline', unitId });
  await db.query(`insert into webhooks (org_id, url, secret, events) values ($1, $2, 'whsec_bench', $3)`,
    [orgId, `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, ['case.created']]);
  const journeyId = await createJourney(db, orgId, { name: 'Customer' });
  const stageId = await createStage(db, orgId, journeyId, { name: 'Service', phase: 'during' });
  const touchpointId = await createTouchpoint(db, orgId, { stageId, name: 'Phone', channel: 'phone', ownerUnitId: unitId });
  const survey = await createSurvey(db, orgId, {
    name: 'Pulse', kind: 'pulse', defaultLanguage: 'fi', languages: ['fi'], title: { fi: 'Pulssi' }, touchpointId,
    questions: [{ key: 'nps', type: 'nps', required: true, text: { fi: 'Suosittelisitko?' } }],
  } as never);
  await db.query(`insert into alert_rules (org_id, name, condition, route, sla_hours) values ($1, 'Detractor', $2, $3, 24)`,
    [orgId, JSON.stringify({ nps: 'detractor' }), JSON.stringify({ to: 'round_robin', unitId })]);
  return { orgId, slug, surveyId: survey.id as string, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } };
}
type BenchOrg = Awaited<ReturnType<typeof benchOrganisation>>;
const warmup = warmupSeconds > 0 ? await benchOrganisation('warmup', warmupSeconds) : undefined;
const measured = await benchOrganisation('bench', seconds);

const server = await startServer({
  DATABASE_URL: url, KAIKU_DEMO: 'false', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), KAIKU_WEBHOOKS_ALLOW_PRIVATE: 'true',
}, 3906, process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean));
const caseCount = async (orgId: string) => (await db.query<{ n: number }>(`select count(*)::int as n from cases where org_id = $1`, [orgId]))[0].n;
async function waitForCases(orgId: string, n: number, timeoutMs: number) {
  const started = Date.now();
  while ((await caseCount(orgId)) < n) {
    if (Date.now() - started > timeoutMs) throw new Error(`only ${await caseCount(orgId)} of ${n} cases after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Steady stream: every 10 ms, rate/100 single responses, a third of them detractors. */
async function stream(org: BenchOrg, streamSeconds: number) {
  const total = rate * streamSeconds;
  const perTick = rate / 100;
  let sent = 0;
  let failed = 0;
  const inFlight = new Set<Promise<void>>();
  // Event-loop delay of this process (load generator) and of the app, sampled from its /metrics.
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const serverLags: Array<{ p50: number; p99: number }> = [];
  const serverLag = setInterval(async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text().catch(() => '');
    const pick = (name: string) => Number(new RegExp(`^kaiku_nodejs_eventloop_lag_${name}_seconds (\\S+)`, 'm').exec(text)?.[1] ?? NaN) * 1000;
    serverLags.push({ p50: pick('p50'), p99: pick('p99') });
  }, 2000);
  const started = Date.now();
  while (sent < total) {
    const due = Math.min(total, Math.floor(((Date.now() - started) / 10 + 1) * perTick));
    for (; sent < due; sent++) {
      const score = sent % 3 === 0 ? sent % 7 : 7 + (sent % 4);
      const p = fetch(`${server.url}/api/v1/responses`, { method: 'POST', headers: org.headers, body: JSON.stringify({ surveyId: org.surveyId, answers: [{ question: 'nps', value: score }] }) })
        .then(async (r) => { if (r.status !== 201) failed++; await r.arrayBuffer(); }, () => { failed++; })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await new Promise((r) => setTimeout(r, 10 - ((Date.now() - started) % 10)));
  }
  await Promise.all(inFlight);
  lag.disable();
  clearInterval(serverLag);
  const sendSeconds = (Date.now() - started) / 1000;
  console.log(`${org.slug} stream: ${total} responses in ${sendSeconds.toFixed(1)} s (${(total / sendSeconds).toFixed(0)}/s offered ${rate}/s), ${failed} failed`);
  console.log(`  event-loop delay: load generator p50 ${(lag.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms; `
    + `app (p50/p99 ms every 2 s) ${serverLags.map((l) => `${l.p50.toFixed(0)}/${l.p99.toFixed(0)}`).join(' ')}`);
  return { achieved: total / sendSeconds, failed };
}

type Figures = { p50: number; p95: number; max: number; n: number };
const ms = (to: string, from: string) => `extract(epoch from ${to} - ${from}) * 1000 as ms`;
const percentiles = `percentile_cont(0.5) within group (order by ms) as p50, percentile_cont(0.95) within group (order by ms) as p95, max(ms) as max, count(*)::int as n`;
const caseLinks = (text: string) => [...new Set(text.match(/\/app\/cases\/[0-9a-f-]{36}/g) ?? [])];

/** Every path's latency for one organisation's stream; returns the paths for the summary. */
async function measure(org: BenchOrg) {
  const paths: Array<{ what: string; p50: number; p95: number; n: number; expected: number }> = [];
  // The cases to expect are the detractor answers stored (a refused POST opens none).
  const [{ detractors }] = await db.query<{ detractors: number }>(
    `select count(*)::int as detractors from answers where org_id = $1 and number <= 6`, [org.orgId]);
  await waitForCases(org.orgId, detractors, 120_000);
  const [lat] = await db.query<Figures & { p99: number }>(
    `select ${percentiles}, percentile_cont(0.99) within group (order by ms) as p99
       from (select ${ms('c.created_at', 'r.received_at')}
               from cases c join responses r on r.org_id = c.org_id and r.id = c.response_id where c.org_id = $1) x`, [org.orgId]);
  console.log(`${org.slug}: ${detractors} detractor answers stored, each with its case`);
  console.log(`response stored → case created: p50 ${lat.p50.toFixed(0)} ms, p95 ${lat.p95.toFixed(0)} ms, p99 ${lat.p99.toFixed(0)} ms, max ${lat.max.toFixed(0)} ms`);
  paths.push({ what: 'stored → case created', p50: lat.p50, p95: lat.p95, n: detractors, expected: detractors });
  /** Waits until `sql` yields `expected` rows (or a minute), then prints their percentiles. */
  const notified = async (what: string, sql: string, expected: number, params: unknown[] = [org.orgId]) => {
    const started = Date.now();
    let row: Figures | undefined;
    for (;;) {
      [row] = await db.query<Figures>(`select ${percentiles} from (${sql}) x`, params);
      if (row.n >= expected || Date.now() - started > 60_000) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    console.log(`${what}: p50 ${Number(row.p50).toFixed(0)} ms, p95 ${Number(row.p95).toFixed(0)} ms, max ${Number(row.max).toFixed(0)} ms (${row.n}${expected ? ` of ${expected}` : ''})`);
    if (!what.startsWith(' ')) paths.push({ what: what.replace('response stored', 'stored'), p50: Number(row.p50), p95: Number(row.p95), n: row.n, expected: expected || detractors });
  };
  const inApp = `from notifications n join cases c on c.org_id = n.org_id and c.id = n.case_id
    join responses r on r.org_id = c.org_id and r.id = c.response_id where n.org_id = $1`;
  await notified('response stored → in-app notification', `select ${ms('n.created_at', 'r.received_at')} ${inApp}`, detractors);
  await notified('  hop: case created → in-app notification', `select ${ms('n.created_at', 'c.created_at')} ${inApp}`, detractors);
  const hooks = `from webhook_deliveries d join cases c on c.org_id = d.org_id and c.id = (d.payload->'data'->'case'->>'id')::uuid
    join responses r on r.org_id = c.org_id and r.id = c.response_id where d.org_id = $1 and d.delivered_at is not null`;
  await notified('response stored → webhook delivered', `select ${ms('d.delivered_at', 'r.received_at')} ${hooks}`, detractors);
  await notified('  hop: case created → webhook delivered', `select ${ms('d.delivered_at', 'c.created_at')} ${hooks}`, detractors);
  // E-mails as the SMTP server accepted them: each lists its cases' links (/app/cases/<id>).
  // With at most 5 cases a person, every case's e-mail goes at once (none is gathered).
  const ours = () => smtp.received.filter((m) => m.envelopeTo.some((to) => to.endsWith(`@${org.slug}.example.com`)));
  const linked = () => new Set(ours().flatMap((m) => caseLinks(m.text))).size;
  for (const waitStarted = Date.now(); linked() < detractors && Date.now() - waitStarted < 60_000;) await new Promise((r) => setTimeout(r, 200));
  console.log(`cases e-mailed: ${linked()} of ${detractors}, in ${ours().length} e-mails`);
  const mailed = ours().flatMap((m) => caseLinks(m.text).map((link) => ({ caseId: link.slice(-36), at: m.receivedAt.toISOString() })));
  const emails = `from unnest($2::uuid[], $3::timestamptz[]) as m(case_id, at)
    join cases c on c.org_id = $1 and c.id = m.case_id join responses r on r.org_id = c.org_id and r.id = c.response_id
    join notifications n on n.org_id = c.org_id and n.case_id = c.id`;
  const mailParams = [org.orgId, mailed.map((m) => m.caseId), mailed.map((m) => m.at)];
  await notified('response stored → e-mail accepted by the SMTP server', `select ${ms('m.at', 'r.received_at')} ${emails}`, detractors, mailParams);
  await notified('  hop: in-app notification → e-mail accepted', `select ${ms('m.at', 'n.created_at')} ${emails}`, 0, mailParams);
  // Where in the stream the slow ones were.
  const rows = await db.query<{ w: number; ms: number }>(
    `select floor(extract(epoch from r.received_at - min(r.received_at) over ()) / 5)::int * 5 as w, ${ms('m.at', 'r.received_at')} ${emails}`, mailParams);
  const byWindow = new Map<number, number[]>();
  for (const row of rows) byWindow.set(row.w, [...(byWindow.get(row.w) ?? []), Number(row.ms)]);
  console.log(`  e-mail p95 by 5 s of the stream: ${[...byWindow].sort((a, b) => a[0] - b[0]).map(([w, list]) => `${w}–${w + 5} s ${percentile(list, 95).toFixed(0)} ms`).join(', ')}`);
  return paths;
}

const loadBefore = loadavg().map((l) => l.toFixed(1)).join(' ');
function printSummary(paths: Awaited<ReturnType<typeof measure>>, achieved: number, failed: number, cold?: Awaited<ReturnType<typeof measure>>) {
  const pad = (text: string, width: number) => text.padEnd(width);
  console.log(`\nsummary — target: stored → case created and notification sent ≤ 2,000 ms p95 at ${rate} responses/s`);
  console.log(`  stream: offered ${rate}/s for ${seconds} s${warmup ? ` after ${warmupSeconds} s of warm-up at the same rate` : ' on a cold server'}, achieved ${achieved.toFixed(0)}/s, ${failed} refused; `
    + `load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')} (before: ${loadBefore}); ${machine()}`);
  console.log(`  ${pad('path', 50)}${pad('p50 ms', 10)}${pad('p95 ms', 10)}${pad('done', 14)}verdict`);
  for (const s of paths) {
    const verdict = s.n < s.expected ? 'not all done within the wait' : s.p95 <= 2000 ? 'meets ≤ 2 s p95' : 'over 2 s p95';
    console.log(`  ${pad(s.what, 50)}${pad(s.p50.toFixed(0), 10)}${pad(s.p95.toFixed(0), 10)}${pad(`${s.n} of ${s.expected}`, 14)}${verdict}`);
  }
  if (cold) console.log(`  cold start (the warm-up's first ${warmupSeconds} s on a just-started server), p95 ms: ${cold.map((s) => `${s.what.replace('stored → ', '')} ${s.p95.toFixed(0)}`).join(', ')}`);
  if (achieved < rate * 0.95) console.log(`  the stream ran below the offered rate (${achieved.toFixed(0)} of ${rate}/s): the machine was busy, so this does not show the target rate`);
}

try {
  // The warm-up runs straight into the measured stream: one continuous load on the server.
  if (warmup) await stream(warmup, warmupSeconds);
  const { achieved, failed } = await stream(measured, seconds);
  const paths = await measure(measured);
  const cold = warmup ? await measure(warmup) : undefined;
  printSummary(paths, achieved, failed, cold);
  // Import: every response a detractor.
  if (importSize > 0) await measureImport();
  console.log(`${machine()}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (before the stream: ${loadBefore})`);
} finally {
  await stopServer(server.child);
  await smtp.close();
  receiver.close();
  await db.close();
  await dropDatabase('kaiku_bench_loop');
}

async function measureImport() {
  const before = await caseCount(measured.orgId);
  const importStarted = Date.now();
  const batches = Math.ceil(importSize / 1000);
  let next = 0;
  const worker = async () => {
    for (let b = next++; b < batches; b = next++) {
      const responses = Array.from({ length: Math.min(1000, importSize - b * 1000) }, (_, i) => ({ surveyId: measured.surveyId, answers: [{ question: 'nps', value: (b + i) % 7 }] }));
      const r = await fetch(`${server.url}/api/v1/responses/batch`, { method: 'POST', headers: measured.headers, body: JSON.stringify({ responses }) });
      if (r.status !== 200) throw new Error(`batch ${b}: ${r.status} ${await r.text()}`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const stored = (Date.now() - importStarted) / 1000;
  await waitForCases(measured.orgId, before + importSize, 600_000);
  const done = (Date.now() - importStarted) / 1000;
  const [outbox] = await db.query<{ n: number }>(`select count(*)::int as n from response_outbox`);
  console.log(`import: ${importSize} detractors stored in ${stored.toFixed(1)} s; all ${importSize} cases created ${done.toFixed(1)} s after the first request (${(importSize / done).toFixed(0)} cases/s), outbox left ${outbox.n}`);
}
