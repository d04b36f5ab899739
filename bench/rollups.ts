/**
 * Dashboard reads from the score-histogram rollup on PostgreSQL (issue 4 target: "NPS by
 * touchpoint by month, last 24 months, filtered by unit" over 10,000,000 responses ≤ 20 ms
 * median, and a cost that grows with the groups, not the responses).
 *
 * Two organisations in one scratch database, 100,000 and 10,000,000 responses with one NPS
 * answer each, spread over 24 months, 12 touchpoints (2 journeys) and 40 branches in 4 regions,
 * generated in SQL (generate_series). The rollup is then built as the migration's backfill
 * builds it (`kaiku_rebuild_score_histograms`). Timed: `scoreHistograms` + the NPS summaries
 * per group, as GET /api/v1/metrics/nps?by=touchpoint,period&unitId=<region>&from=… runs them,
 * and the same query straight from the answers (the full scan the rollup replaces).
 *
 * Where the wall-clock time of a read goes: Node's CPU time per read (process.cpuUsage), the
 * planning and execution time inside PostgreSQL (EXPLAIN ANALYZE), and the whole request over
 * HTTP — GET /api/v1/metrics/nps against a separate `kaiku serve` (the bundle) with an API key,
 * timed to the last byte (auth, the route, the label query, JSON) — unless --no-http.
 * Generating 10,000,000 responses takes 15–20 minutes: --keep leaves the database behind and
 * --reuse times the reads on it again without generating.
 * Run: npx tsx bench/rollups.ts [--large 10000000] [--small 100000] [--runs 30] [--keep] [--reuse] [--database NAME] [--no-http]
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { openPostgres, type Database, type Queryable } from '../src/db/connection.ts';
import { createApiKey } from '../src/auth/service.ts';
import { createOrganization, createUnit } from '../src/orgs/service.ts';
import { createJourney, createStage, createTouchpoint } from '../src/journeys/service.ts';
import { createSurvey } from '../src/surveys/service.ts';
import { answerHistograms, scoreHistograms, type HistogramQuery } from '../src/metrics/queries.ts';
import { summarize } from '../src/metrics/service.ts';
import { dropDatabase, machine, median, scratchDatabase, serverUrl, startServer, stopServer } from './lib.ts';

const { values } = parseArgs({ options: {
  large: { type: 'string', default: '10000000' }, small: { type: 'string', default: '100000' },
  runs: { type: 'string', default: '30' }, 'raw-runs': { type: 'string', default: '3' }, keep: { type: 'boolean', default: false },
  database: { type: 'string', default: 'kaiku_bench_rollups' }, reuse: { type: 'boolean', default: false },
  'no-http': { type: 'boolean', default: false },
} });
const loadAtStart = loadavg().map((l) => l.toFixed(1)).join(' ');
const startedAt = new Date().toISOString();
const runs = Number(values.runs);
const rawRuns = Number(values['raw-runs']);
const DB = values.database;
const TARGET_MS = 20;
const CHUNK = 1_000_000;
const channels = ['phone', 'store', 'web', 'email', 'chat', 'app'] as const;

// --reuse times the reads again on the database a --keep run left behind, without generating it.
const reuseUrl = new URL(serverUrl);
reuseUrl.pathname = `/${DB}`;
const db = openPostgres({ url: values.reuse ? reuseUrl.toString() : await scratchDatabase(DB) });
await db.migrate();

interface Organisation { orgId: string; region: string; responses: number; loadSeconds: number; rollupSeconds: number }

/** One organisation with `responses` NPS answers over the 24 months before `now`. */
async function organisation(db: Database, slug: string, responses: number, prefix: number, now: Date): Promise<Organisation> {
  const orgId = await createOrganization(db, { name: slug, slug });
  const regions: string[] = [];
  const branches: string[] = [];
  for (let r = 0; r < 4; r++) {
    regions.push(await createUnit(db, orgId, { name: `Region ${r + 1}`, kind: 'region' }));
    for (let b = 0; b < 10; b++) branches.push(await createUnit(db, orgId, { name: `Branch ${r + 1}.${b + 1}`, parentId: regions[r], kind: 'branch' }));
  }
  const touchpoints: string[] = [];
  const touchpointChannels: string[] = [];
  for (const journeyName of ['Move-in', 'Billing']) {
    const journey = await createJourney(db, orgId, { name: journeyName });
    for (const [s, phase] of (['before', 'during', 'after'] as const).entries()) {
      const stage = await createStage(db, orgId, journey, { name: `${journeyName} ${phase}`, phase });
      for (let t = 0; t < 2; t++) {
        const channel = channels[(s * 2 + t) % channels.length];
        touchpoints.push(await createTouchpoint(db, orgId, { stageId: stage, name: `${journeyName} ${phase} ${channel}`, channel }));
        touchpointChannels.push(channel);
      }
    }
  }
  const survey = await createSurvey(db, orgId, {
    name: 'Relationship', kind: 'strategic', defaultLanguage: 'fi', languages: ['fi'], title: { fi: 'Tutkimus' },
    questions: [{ key: 'nps', type: 'nps', required: true, text: { fi: 'Suosittelisitko?' } }],
  });
  await db.query('alter table answers disable trigger score_deltas_answers_insert');
  const loadStarted = performance.now();
  for (let start = 0; start < responses; start += CHUNK) {
    // Ids ordered like UUIDv7 (the prefix tells the organisations apart); times spread evenly
    // but scrambled over 730 days; every touchpoint × branch combination occurs.
    await db.query(
      `with stored as (
         insert into responses (org_id, id, survey_id, touchpoint_id, channel, unit_id, language, source, submitted_at)
         select $1, (lpad(to_hex($2::int), 8, '0') || lpad(to_hex(i), 24, '0'))::uuid, $3, ($4::uuid[])[1 + i % 12], ($5::channel[])[1 + i % 12],
                ($6::uuid[])[1 + (i / 12) % 40], 'fi', 'import', $7::timestamptz - make_interval(secs => (i::bigint * 7919 % 63072000)::float8)
           from generate_series($8::int, $9::int) as i
         returning id, submitted_at
       )
       insert into answers (org_id, response_id, question_id, number)
       select $1, id, $10, extract(epoch from submitted_at)::bigint % 11 from stored`,
      [orgId, prefix, survey.id, touchpoints, touchpointChannels, branches, now.toISOString(), start, Math.min(start + CHUNK, responses) - 1, survey.questions[0].id]);
    process.stdout.write(`\r${slug}: ${Math.min(start + CHUNK, responses).toLocaleString('en')} responses`);
  }
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  await db.query('alter table answers enable trigger score_deltas_answers_insert');
  const rollupStarted = performance.now();
  await db.query('select kaiku_rebuild_score_histograms($1)', [orgId]);
  const rollupSeconds = (performance.now() - rollupStarted) / 1000;
  process.stdout.write(` in ${loadSeconds.toFixed(0)} s, rollup built in ${rollupSeconds.toFixed(1)} s\n`);
  return { orgId, region: regions[1], responses, loadSeconds, rollupSeconds };
}

const now = new Date('2026-11-24T12:00:00Z');
async function existing(slug: string): Promise<Organisation> {
  const [row] = await db.query<{ org_id: string; region: string; responses: number }>(
    `select o.id as org_id, (select id from units where org_id = o.id and name = 'Region 2') as region,
            (select count(*)::int from responses where org_id = o.id) as responses
       from organizations o where o.slug = $1`, [slug]);
  return { orgId: row.org_id, region: row.region, responses: row.responses, loadSeconds: Number.NaN, rollupSeconds: Number.NaN };
}
const small = values.reuse ? await existing('bench-small') : await organisation(db, 'bench-small', Number(values.small), 1, now);
const large = values.reuse ? await existing('bench-large') : await organisation(db, 'bench-large', Number(values.large), 2, now);
if (!values.reuse) await db.query('vacuum analyze responses, answers, score_histogram_days, score_histogram_months, score_histogram_deltas');
const [{ from }] = await db.query<{ from: string }>(
  `select (date_trunc('month', $1::timestamptz at time zone 'Europe/Helsinki') - interval '23 months') at time zone 'Europe/Helsinki' as from`, [now.toISOString()]);

const query = (org: Organisation): HistogramQuery => ({
  orgId: org.orgId, metric: 'nps', by: ['touchpoint', 'period'], interval: 'month', timeZone: 'Europe/Helsinki',
  filters: { unitId: org.region, from: new Date(from).toISOString() }, scope: { kind: 'all' },
});

/**
 * Planning + execution time inside PostgreSQL of the statements a read sends (EXPLAIN ANALYZE),
 * free of the client round trips that dominate on a machine loaded by other work.
 */
async function serverMs(read: (db: Queryable) => Promise<unknown>): Promise<{ total: number; planning: number; statements: number }> {
  const statements: Array<[string, unknown[] | undefined]> = [];
  await read({ query: async (text, params) => { statements.push([text, params]); return db.query(text, params); } });
  let total = 0;
  let planning = 0;
  for (const [text, params] of statements) {
    const [{ 'QUERY PLAN': [plan] }] = await db.query<{ 'QUERY PLAN': Array<{ 'Planning Time': number; 'Execution Time': number }> }>(`explain (analyze, format json) ${text}`, params);
    total += plan['Planning Time'] + plan['Execution Time'];
    planning += plan['Planning Time'];
  }
  return { total, planning, statements: statements.length };
}

async function timed(read: () => Promise<unknown>, n: number): Promise<{ median: number; all: number[] }> {
  const all: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await read();
    all.push(performance.now() - started);
  }
  return { median: median(all), all };
}

const results = [];
for (const org of [small, large]) {
  const q = query(org);
  const nps = async (histograms: typeof scoreHistograms, on: Queryable = db) => (await histograms(on, q)).map((g) => ({ key: g.key, ...summarize('nps', g.histogram) }));
  const fromRollup = await nps(scoreHistograms);
  const fromAnswers = await nps(answerHistograms);
  if (JSON.stringify(fromRollup) !== JSON.stringify(fromAnswers)) throw new Error(`${org.responses} responses: the rollup and the answers disagree`);
  await timed(() => nps(scoreHistograms), 3); // warm the caches and the plans
  const cpuBefore = process.cpuUsage();
  const rollup = await timed(() => nps(scoreHistograms), runs);
  const cpu = process.cpuUsage(cpuBefore);
  const nodeCpuMs = (cpu.user + cpu.system) / 1000 / runs;
  const raw = await timed(() => nps(answerHistograms), rawRuns);
  const inServer: Array<{ total: number; planning: number; statements: number }> = [];
  for (let i = 0; i < 10; i++) inServer.push(await serverMs((on) => nps(scoreHistograms, on)));
  const server = median(inServer.map((x) => x.total));
  const planning = median(inServer.map((x) => x.planning));
  const [rows] = await db.query<{ month_rows: number; day_rows: number; answers_in_slice: number }>(
    `select (select count(*)::int from score_histogram_months where org_id = $1) as month_rows,
            (select count(*)::int from score_histogram_days where org_id = $1) as day_rows,
            (select count(*)::int from responses where org_id = $1 and unit_id in (select id from units where org_id = $1 and parent_id = $2) and submitted_at >= $3) as answers_in_slice`,
    [org.orgId, org.region, from]);
  const groups = fromRollup.length;
  results.push({ org, rollup, raw, server, groups, ...rows });
  console.log(`${org.responses.toLocaleString('en')} responses: ${groups} groups (${rows.answers_in_slice.toLocaleString('en')} answers in the slice); `
    + `rollup ${rollup.median.toFixed(2)} ms median (min ${Math.min(...rollup.all).toFixed(2)}, max ${Math.max(...rollup.all).toFixed(2)}; `
    + `${server.toFixed(2)} ms of it planning (${planning.toFixed(2)}) and executing ${inServer[0].statements} statements in PostgreSQL, `
    + `${nodeCpuMs.toFixed(2)} ms Node CPU per read); `
    + `answers ${raw.median.toFixed(0)} ms median; rollup rows: ${rows.month_rows.toLocaleString('en')} month, ${rows.day_rows.toLocaleString('en')} day`);
}

// The same read as a client sees it: GET /api/v1/metrics/nps on a separate server, to the last byte.
const http: number[] = [];
if (!values['no-http']) {
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${DB}`;
  const server = await startServer({ DATABASE_URL: dbUrl.toString(), KAIKU_DEMO: 'false' }, 3907);
  try {
    for (const org of [small, large]) {
      const { key } = await createApiKey(db, org.orgId, 'bench-rollups', ['read']);
      const path = `/api/v1/metrics/nps?by=touchpoint,period&interval=month&unitId=${org.region}&from=${encodeURIComponent(new Date(from).toISOString())}`;
      const get = async () => {
        const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
        const body = await res.json() as { groups: unknown[] };
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
        return body;
      };
      const body = await get();
      const expected = results.find((r) => r.org === org)!.groups;
      if (body.groups.length !== expected) throw new Error(`HTTP answered ${body.groups.length} groups, the rollup ${expected}`);
      await timed(get, 3);
      const t = await timed(get, runs);
      http.push(t.median);
      console.log(`${org.responses.toLocaleString('en')} responses over HTTP: ${t.median.toFixed(2)} ms median (min ${Math.min(...t.all).toFixed(2)}, max ${Math.max(...t.all).toFixed(2)})`);
    }
  } finally {
    await stopServer(server.child);
  }
}

const [s, l] = results;
console.log(`\nNPS by touchpoint by month, last 24 months, one region (10 of 40 branches), PostgreSQL (${machine()}, ${startedAt.slice(0, 16)} UTC; `
  + `load average ${loadAtStart} at the start, ${loadavg().map((x) => x.toFixed(1)).join(' ')} at the end)`);
console.log(`${l.org.responses.toLocaleString('en')} responses: ${l.rollup.median.toFixed(2)} ms median (target ≤ ${TARGET_MS} ms; ratio ${(l.rollup.median / TARGET_MS).toFixed(2)}; in PostgreSQL ${l.server.toFixed(2)} ms), `
  + `${(l.raw.median / l.rollup.median).toFixed(0)}× faster than the ${(l.raw.median / 1000).toFixed(2)} s read of the answers`);
console.log(`${s.org.responses.toLocaleString('en')} → ${l.org.responses.toLocaleString('en')} responses (×${(l.org.responses / s.org.responses).toFixed(0)}): `
  + `rollup time ×${(l.rollup.median / s.rollup.median).toFixed(2)}, month rows ×${(l.month_rows / s.month_rows).toFixed(2)}, answers read ×${(l.raw.median / s.raw.median).toFixed(0)}`);
if (http.length === 2) console.log(`over HTTP: ${http[0].toFixed(2)} ms (${s.org.responses.toLocaleString('en')}) and ${http[1].toFixed(2)} ms (${l.org.responses.toLocaleString('en')} responses); ratio to the target ${(http[1] / TARGET_MS).toFixed(2)}`);
if (!values.reuse) console.log(`load ${l.org.loadSeconds.toFixed(0)} s (generate_series), rollup built by the backfill in ${l.org.rollupSeconds.toFixed(1)} s`);

await db.close();
if (!values.keep && !values.reuse) await dropDatabase(DB);
if (l.rollup.median > TARGET_MS) process.exitCode = 1;
