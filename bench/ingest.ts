/**
 * Single-response POST throughput, latency and server memory on PostgreSQL (issue 2 targets:
 * ≥ 3,000 responses/s at 50 connections, p99 ≤ 50 ms, RSS ≤ 300 MB).
 * Load comes from wrk (Debian package) on loopback; the server is a separate `kaiku serve`.
 * Run: npx tsx bench/ingest.ts [--seconds 20] [--runs 3] [--rate-limits off]
 * The rate limiter (src/http/rate-limit.ts) is on, with limits far above the load so every
 * request pays for its checks (per IP and per key) without being refused; `off` measures
 * the same path without it, for the overhead figure in BENCHMARKS.md.
 * Memory: the server's RSS from /proc every 250 ms, and its V8 heap and external memory from
 * /metrics every second, so a peak can be told apart as live data, garbage not yet collected,
 * or buffers. (The score-histogram deltas are written by the ingestion statement itself since
 * migration 0024, so there is no longer a switch to leave them out.)
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openPostgres } from '../src/db/connection.ts';
import { createOrganization } from '../src/orgs/service.ts';
import { createApiKey } from '../src/auth/service.ts';
import { createSurvey } from '../src/surveys/service.ts';
import { dropDatabase, machine, median, rssMb, scratchDatabase, startServer, stopServer } from './lib.ts';

const { values } = parseArgs({ options: {
  seconds: { type: 'string', default: '20' }, runs: { type: 'string', default: '3' }, connections: { type: 'string', default: '50' },
  // Experiment: drop the foreign keys of responses/answers to see what their checks cost.
  'drop-fks': { type: 'boolean', default: false },
  pool: { type: 'string', default: '' },
  'rate-limits': { type: 'string', default: 'on' },
  // Node/V8 options for the server process, space-separated (e.g. "--trace-gc-nvp"), and a file
  // that receives the server's output when it stops.
  'node-args': { type: 'string', default: '' },
  'server-log': { type: 'string', default: '' },
} });
const rateLimits = values['rate-limits'] !== 'off';
const seconds = Number(values.seconds);
const runs = Number(values.runs);
const connections = Number(values.connections);

const url = await scratchDatabase('kaiku_bench_ingest');
const db = openPostgres({ url });
await db.migrate();
if (values['drop-fks']) {
  const fks = await db.query<{ table_name: string; constraint_name: string }>(
    `select table_name, constraint_name from information_schema.table_constraints where constraint_type = 'FOREIGN KEY' and table_name in ('responses', 'answers')`);
  for (const fk of fks) await db.query(`alter table ${fk.table_name} drop constraint "${fk.constraint_name}"`);
  console.log(`dropped ${fks.length} foreign keys (experiment)`);
}
const orgId = await createOrganization(db, { name: 'Bench', slug: 'bench' });
const { key } = await createApiKey(db, orgId, 'bench', ['write'], undefined, rateLimits ? 1_000_000_000 : null);
const survey = await createSurvey(db, orgId, {
  name: 'Bench pulse', kind: 'pulse', defaultLanguage: 'fi', languages: ['fi'], title: { fi: 'Pulssi' },
  questions: [
    { key: 'nps', type: 'nps', required: true, text: { fi: 'Suosittelisitko?' } },
    { key: 'ces', type: 'ces', text: { fi: 'Helppoa?' } },
  ],
});

const dir = mkdtempSync(join(tmpdir(), 'kaiku-bench-'));
const script = join(dir, 'post.lua');
// Each request: a random NPS 0–10, a CES 1–7 and a short why text — 3 answer rows per response.
writeFileSync(script, `
wrk.method = "POST"
wrk.headers["content-type"] = "application/json"
wrk.headers["authorization"] = "Bearer ${key}"
request = function()
  local body = '{"surveyId":"${survey.id}","answers":[{"question":"nps","value":' .. math.random(0, 10) ..
    '},{"question":"ces","value":' .. math.random(1, 7) .. '},{"question":"nps_why","value":"Palvelu oli nopeaa ja ystävällistä"}]}'
  return wrk.format(nil, "/api/v1/responses", nil, body)
end
`);

const limits: Record<string, string> = rateLimits ? { KAIKU_RATE_LIMIT_INGEST_IP: '1000000000' } : { KAIKU_RATE_LIMIT_INGEST_IP: '0', KAIKU_RATE_LIMIT_API_KEY: '0' };
const server = await startServer({ DATABASE_URL: url, KAIKU_DEMO: 'false', ...limits, ...(values.pool ? { KAIKU_DB_POOL_SIZE: values.pool } : {}) }, 3901,
  values['node-args'].split(' ').filter(Boolean));
const results: Array<{ rps: number; p50: number; p99: number; rss: number; heap: number; used: number; external: number; errors: number }> = [];
/** The server's own memory figures (prom-client's default metrics), in MB. */
async function heapMb(url: string): Promise<{ heap: number; used: number; external: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const mb = (name: string) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? NaN) / 2 ** 20;
  return { heap: mb('kaiku_nodejs_heap_size_total_bytes'), used: mb('kaiku_nodejs_heap_size_used_bytes'), external: mb('kaiku_nodejs_external_memory_bytes') };
}
try {
  // Warm-up so JIT and connection pool are ready.
  execFileSync('wrk', ['-t2', `-c${connections}`, '-d3s', '-s', script, server.url], { encoding: 'utf8' });
  for (let i = 0; i < runs; i++) {
    let peakRss = 0;
    const sampler = setInterval(() => { peakRss = Math.max(peakRss, rssMb(server.child.pid!)); }, 250);
    const memory = { heap: 0, used: 0, external: 0 };
    const heapSampler = setInterval(() => {
      heapMb(server.url).then((m) => { memory.heap = Math.max(memory.heap, m.heap); memory.used = Math.max(memory.used, m.used); memory.external = Math.max(memory.external, m.external); }, () => undefined);
    }, 1000);
    const out = await new Promise<string>((resolve, reject) => {
      import('node:child_process').then(({ execFile }) => execFile('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', script, server.url],
        { encoding: 'utf8' }, (error, stdout) => (error ? reject(error) : resolve(stdout))));
    });
    clearInterval(sampler);
    clearInterval(heapSampler);
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
    const toMs = (m: RegExpExecArray | null) => (m ? Number(m[1]) * ({ us: 0.001, ms: 1, s: 1000 }[m[2] as 'us' | 'ms' | 's']) : NaN);
    const p50 = toMs(/50%\s+([\d.]+)(us|ms|s)/.exec(out));
    const p99 = toMs(/99%\s+([\d.]+)(us|ms|s)/.exec(out));
    const errors = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0) + Number(/Socket errors:.*timeout (\d+)/.exec(out)?.[1] ?? 0);
    results.push({ rps, p50, p99, rss: peakRss, ...memory, errors });
    console.log(`run ${i + 1}: ${rps.toFixed(0)} responses/s, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, peak RSS ${peakRss.toFixed(0)} MB `
      + `(V8 heap ≤ ${memory.heap.toFixed(0)} MB, in use ≤ ${memory.used.toFixed(0)} MB, external ≤ ${memory.external.toFixed(0)} MB), errors ${errors}`);
  }
  const [{ stored }] = await db.query<{ stored: number }>(`select count(*)::int as stored from responses where org_id = $1`, [orgId]);
  console.log(`\nstored responses: ${stored}`);
} finally {
  await stopServer(server.child);
  if (values['server-log']) writeFileSync(values['server-log'], server.output());
  await db.close();
  await dropDatabase('kaiku_bench_ingest');
}
console.log(`\nSingle-response POST on PostgreSQL, rate limits ${rateLimits ? 'on' : 'off'}, ${connections} connections, ${seconds} s × ${runs} runs (${machine()}, ${new Date().toISOString().slice(0, 10)})`);
console.log(`median: ${median(results.map((r) => r.rps)).toFixed(0)} responses/s (target ≥ 3,000; ratio ${(median(results.map((r) => r.rps)) / 3000).toFixed(2)}), `
  + `p99 ${median(results.map((r) => r.p99)).toFixed(1)} ms (target ≤ 50), peak RSS ${Math.max(...results.map((r) => r.rss)).toFixed(0)} MB (target ≤ 300), `
  + `non-2xx ${results.reduce((s, r) => s + r.errors, 0)}`);
