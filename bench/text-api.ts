/**
 * Text analytics over the database (issue 5): `GET /api/v1/text/topics` (matrix, NPS drivers,
 * trend) over all open answers of the demo organisation (~20,000 responses), analysed on
 * request, on embedded PGlite (a data directory, as `npm start` uses) and on a PostgreSQL
 * server. "Cold" empties the per-process analysis cache first; "warm" is the same request again.
 * Also times themes and verbatim pages. Median of `runs` (default 3) requests each.
 *
 * Run: npx tsx bench/text-api.ts [runs] [--write]   (--write replaces this benchmark's section
 * of BENCHMARKS.md). Postgres: BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { openPglite, openPostgres, type Database } from '../src/db/connection.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { createApiKey } from '../src/auth/service.ts';
import { buildServer } from '../src/http/server.ts';
import { analysisCache } from '../src/text/service.ts';
import { dropDatabase, machine, median, scratchDatabase, serverUrl } from './lib.ts';

const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 3);
const write = process.argv.includes('--write');
const HEADING = '## Text analytics over the database (issue 5)';

interface Timing { label: string; cold: number; warm: number; detail: string }

async function measure(db: Database): Promise<{ timings: Timing[]; answers: number; seedSeconds: number }> {
  const t0 = performance.now();
  const { orgId } = await seedDemo(db);
  const seedSeconds = (performance.now() - t0) / 1000;
  const key = (await createApiKey(db, orgId, 'bench', ['read'])).key;
  const app = await buildServer({ db, config: { ...loadConfig({}), port: 0, host: '127.0.0.1' } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const get = async (path: string) => {
    const started = performance.now();
    const res = await fetch(base + path, { headers: { authorization: `Bearer ${key}` } });
    const body = await res.json() as Record<string, unknown>;
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - started, body };
  };
  const timed = async (label: string, path: string, describe: (body: Record<string, unknown>) => string): Promise<Timing> => {
    const cold: number[] = [];
    const warm: number[] = [];
    let detail = '';
    for (let i = 0; i < runs; i++) {
      analysisCache.clear();
      const first = await get(path);
      cold.push(first.ms);
      warm.push((await get(path)).ms);
      detail = describe(first.body);
    }
    return { label, cold: median(cold), warm: median(warm), detail };
  };
  try {
    await get('/api/v1/text/topics'); // JIT, lexicons, stemmer caches, connection pool
    const timings = [
      await timed('topics (matrix, drivers, monthly trend)', '/api/v1/text/topics', (b) => {
        const timing = b.timing as { fetchMs: number };
        return `${b.answers} answers; database ${timing.fetchMs} ms of it`;
      }),
      await timed('themes per month', '/api/v1/text/themes', (b) => `${(b.periods as unknown[]).length} periods`),
      await timed('verbatims, first page of 50', '/api/v1/text/verbatims?limit=50', (b) => `${(b.items as unknown[]).length} items`),
      await timed('verbatims, topic=billing & sentiment=negative', '/api/v1/text/verbatims?limit=50&topic=billing&sentiment=negative', (b) => `${(b.items as unknown[]).length} items`),
      await timed('verbatims, search q=lasku', '/api/v1/text/verbatims?limit=50&q=lasku', (b) => `${(b.items as unknown[]).length} items`),
    ];
    const [{ n }] = await db.query<{ n: number }>(
      `select count(*)::int as n from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id where a.org_id = $1 and q.type = 'text'`, [orgId]);
    return { timings, answers: n, seedSeconds };
  } finally {
    await app.close();
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const results: Array<{ backend: string; timings: Timing[]; answers: number }> = [];
const loadAtStart = loadavg()[0];

const dir = mkdtempSync(join(tmpdir(), 'kaiku-bench-text-'));
try {
  const db = await openPglite({ dataDir: join(dir, 'pg') });
  await db.migrate();
  const r = await measure(db);
  await db.close();
  console.log(`PGlite: demo seeded in ${r.seedSeconds.toFixed(1)} s`);
  results.push({ backend: 'PGlite (data directory)', ...r });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (await reachable(serverUrl)) {
  const name = `kaiku_bench_text_${process.pid}`;
  const url = await scratchDatabase(name);
  try {
    const db = openPostgres({ url, max: 10 });
    await db.migrate();
    const r = await measure(db);
    await db.close();
    console.log(`PostgreSQL: demo seeded in ${r.seedSeconds.toFixed(1)} s`);
    results.push({ backend: 'PostgreSQL server', ...r });
  } finally {
    await dropDatabase(name);
  }
} else {
  console.log(`(PostgreSQL at ${serverUrl} not reachable: server pass skipped)`);
}

const lines = [
  '| backend | request | cold (cache emptied) | warm | notes |',
  '|---|---|---:|---:|---|',
  ...results.flatMap((r) => r.timings.map((t) => `| ${r.backend} | ${t.label} | ${Math.round(t.cold)} ms | ${Math.round(t.warm)} ms | ${t.detail} |`)),
];
const table = lines.join('\n');
console.log(`\n${table}\n`);

const slowestTopics = Math.max(...results.map((r) => r.timings[0].cold));
console.log(`Slowest cold topics request: ${Math.round(slowestTopics)} ms (${slowestTopics <= 1000 ? 'within' : 'over'} the ~1 s interactive budget)`);

if (write) {
  const section = `${HEADING}

\`npx tsx bench/text-api.ts --write\` — ${new Date().toISOString().slice(0, 10)}, ${machine()}, load average
${loadAtStart.toFixed(1)} at the start (the machine is shared; figures move with its load).
All open answers of the demo organisation (${results[0]?.answers.toLocaleString('en')} texts over ~20,000 responses, fi/sv/en/pl)
analysed on request over HTTP with an API key, median of ${runs} requests. "Cold" empties the per-process analysis cache
(\`src/text/service.ts\`) first; "warm" repeats the request.

${table}

The slowest cold \`GET /api/v1/text/topics\` took ${Math.round(slowestTopics)} ms, ${slowestTopics <= 1000 ? 'within' : 'over'} the ~1 s budget for an
interactive view. The LRU cache of analyses (keyed by response, question, language and a hash of the text) saves the
analysis on repeated views — the difference between the cold and warm columns; the rest is the database read of the
answers with their paired NPS score (one primary-key lookup per answer; a correlated subquery over the questions took
about three times as long on PGlite) and the aggregation.
`;
  const path = new URL('../BENCHMARKS.md', import.meta.url);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(HEADING);
  if (start === -1) writeFileSync(path, `${current.replace(/\n*$/, '\n\n')}${section}`);
  else {
    const next = current.indexOf('\n## ', start + HEADING.length);
    writeFileSync(path, current.slice(0, start) + section + (next === -1 ? '' : `\n${current.slice(next + 1)}`));
  }
  console.log(`BENCHMARKS.md: section "${HEADING.slice(3)}" written`);
}
