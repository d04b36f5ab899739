/**
 * Bulk export over HTTP on PostgreSQL (issue 8 targets: 1,000,000 answers to CSV ≤ 10 s and to
 * Parquet ≤ 15 s, streaming, server memory flat and ≤ 300 MB).
 * 1,000,000 answers (166,667 responses × 6) are stored with storeResponses in chunks, then
 * GET /api/v1/exports/answers.csv and .parquet are timed to the last byte against a separate
 * `kaiku serve`, sampling its RSS every 100 ms. The server runs each export in a worker thread
 * with a heap of its own (src/exports/isolated.ts); `--in-process` also measures a second server
 * with KAIKU_EXPORT_HEAP_MB=0 (exports in the server's own thread, as before) on the same data.
 * `--keep` leaves the scratch database in place and `--reuse` exports from it again without
 * loading (loading 1,000,000 answers takes minutes); `--heap-mb N` sets KAIKU_EXPORT_HEAP_MB.
 * Run: npx tsx bench/export.ts [--answers 1000000] [--runs 3] [--xlsx] [--in-process] [--keep] [--reuse] [--heap-mb 64]
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { prepareResponse, storeResponses, type PreparedResponse } from '../src/responses/service.ts';
import { benchOrganisation, dropDatabase, machine, median, rssMb, serverUrl, startServer, stopServer, seededRandom } from './lib.ts';
import { openPostgres } from '../src/db/connection.ts';
import { createApiKey } from '../src/auth/service.ts';

const { values } = parseArgs({ options: {
  answers: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' }, xlsx: { type: 'boolean', default: false },
  'in-process': { type: 'boolean', default: false }, keep: { type: 'boolean', default: false }, reuse: { type: 'boolean', default: false },
  'heap-mb': { type: 'string' },
} });
const ANSWERS_PER_RESPONSE = 6;
const responses = Math.ceil(Number(values.answers) / ANSWERS_PER_RESPONSE);
const runs = Number(values.runs);
const CHUNK = 2000;
const DB = 'kaiku_bench_export';

/** The database a `--keep` run left: its organisation, a new read key, its answers already stored. */
async function keptOrganisation() {
  const kept = new URL(serverUrl);
  kept.pathname = `/${DB}`;
  const keptDb = openPostgres({ url: kept.toString() });
  const [org] = await keptDb.query<{ id: string }>(`select id from organizations where slug = 'bench'`);
  if (!org) throw new Error(`--reuse: ${DB} has no bench organisation; run once with --keep first`);
  const { key: readKey } = await createApiKey(keptDb, org.id, 'bench again', ['read']);
  return { url: kept.toString(), db: keptDb, orgId: org.id, key: readKey };
}

const { url, db, orgId, key, survey } = values.reuse ? { ...await keptOrganisation(), survey: undefined } : await benchOrganisation(DB, 'read');
const loadStarted = performance.now();
if (survey) {
  const rand = seededRandom(42);
  const whys = ['Hyvää palvelua, mutta jonotusaika oli pitkä', 'Nopea ja ystävällinen, "kiitos"', '=1+1 ei kaava', 'Laskutus, taas kerran\nväärin'];
  for (let start = 0; start < responses; start += CHUNK) {
    const prepared: PreparedResponse[] = [];
    for (let i = start; i < Math.min(start + CHUNK, responses); i++) {
      prepared.push(await prepareResponse(db, orgId, {
        surveyId: survey.id, language: 'fi', idempotencyKey: `bench-${i}`,
        submittedAt: new Date(Date.UTC(2025, rand(12), 1 + rand(28), rand(24), rand(60))).toISOString(),
        answers: [
          { question: 'nps', value: rand(11) }, { question: 'nps_why', value: whys[rand(whys.length)]! },
          { question: 'csat', value: 1 + rand(5) }, { question: 'ces', value: 1 + rand(7) },
          rand(10) === 0 ? { question: 'reliable', dontKnow: true } : { question: 'reliable', value: 1 + rand(7) }, { question: 'price', value: 1 + rand(7) },
        ],
      }));
    }
    await storeResponses(db, orgId, prepared, 'import');
    if ((start / CHUNK) % 10 === 0) process.stderr.write(`\rstored ${Math.min(start + CHUNK, responses)} / ${responses} responses`);
  }
}
await db.query('analyze');
const [{ n: stored }] = await db.query<{ n: number }>(`select count(*)::int as n from answers where org_id = $1`, [orgId]);
console.log(`\nstored ${stored} answers in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`);

interface Run { seconds: number; bytes: number; lines: number; peakRss: number; rssAtStart: number; rssSamples: number[] }

async function timeExport(serverUrl: string, pid: number, path: string): Promise<Run> {
  const samples: number[] = [];
  const rssAtStart = rssMb(pid);
  const sampler = setInterval(() => samples.push(rssMb(pid)), 100);
  const started = performance.now();
  const res = await fetch(`${serverUrl}${path}`, { headers: { authorization: `Bearer ${key}` } });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  let bytes = 0;
  let lines = 0;
  let previous = 0;
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    // CRLF ends a CSV record; LF alone occurs inside quoted answers.
    for (let i = 0; i < value.length; i++) { if (value[i] === 10 && previous === 13) lines++; previous = value[i]!; }
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  samples.push(rssMb(pid));
  return { seconds, bytes, lines, peakRss: Math.max(...samples), rssAtStart, rssSamples: samples };
}

const formatsToRun = values.xlsx ? ['csv', 'parquet', 'xlsx'] : ['csv', 'parquet'];
const modes: Array<[string, Record<string, string>]> = [[`worker thread${values['heap-mb'] ? ` (KAIKU_EXPORT_HEAP_MB=${values['heap-mb']})` : ''}`,
  values['heap-mb'] ? { KAIKU_EXPORT_HEAP_MB: values['heap-mb'] } : {}]];
if (values['in-process']) modes.push(['in-process (KAIKU_EXPORT_HEAP_MB=0)', { KAIKU_EXPORT_HEAP_MB: '0' }]);
const results: Record<string, Record<string, Run[]>> = {};
const load = (label: string) => console.log(`load average ${label}: ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min)`);
load('before the exports');
try {
  for (const [mode, env] of modes) {
    const server = await startServer({ DATABASE_URL: url, KAIKU_DEMO: 'false', ...env }, 3903);
    const idle = rssMb(server.child.pid!);
    console.log(`\n${mode}: server idle RSS ${idle.toFixed(0)} MB`);
    results[mode] = Object.fromEntries(formatsToRun.map((f) => [f, []]));
    try {
      for (let run = 0; run < runs; run++) {
        for (const format of formatsToRun) {
          const r = await timeExport(server.url, server.child.pid!, `/api/v1/exports/answers.${format}`);
          results[mode]![format]!.push(r);
          const quartiles = [0.25, 0.5, 0.75].map((q) => r.rssSamples[Math.floor(q * (r.rssSamples.length - 1))]!.toFixed(0));
          console.log(`run ${run + 1} ${format}: ${(r.bytes / 2 ** 20).toFixed(1)} MB in ${r.seconds.toFixed(2)} s${format === 'csv' ? `, ${r.lines - 1} records` : ''}; `
            + `server RSS ${r.rssAtStart.toFixed(0)} MB before, ${quartiles.join(' / ')} MB at 25/50/75 %, peak ${r.peakRss.toFixed(0)} MB; load ${loadavg()[0]!.toFixed(1)}`);
        }
      }
    } finally {
      await stopServer(server.child);
    }
  }
} finally {
  await db.close();
  if (!values.keep) await dropDatabase(DB);
}
load('after the exports');

const targets: Record<string, number> = { csv: 10, parquet: 15 };
let missed = false;
console.log(`\nExport of ${stored.toLocaleString('en')} answers over HTTP on PostgreSQL (${machine()}, ${new Date().toISOString().slice(0, 10)}), ${runs} runs each`);
for (const [mode] of modes) {
  for (const format of formatsToRun) {
    const rs = results[mode]![format]!;
    const secs = median(rs.map((r) => r.seconds));
    const peaks = rs.map((r) => r.peakRss);
    const target = targets[format];
    if (mode === modes[0]![0] && target !== undefined && (secs > target || Math.max(...peaks) > 300)) missed = true;
    console.log(`${mode}, ${format}: median ${secs.toFixed(2)} s (${rs.map((r) => r.seconds.toFixed(1)).join(', ')})${target ? ` (target ≤ ${target} s)` : ''}, `
      + `${(median(rs.map((r) => r.bytes)) / 2 ** 20).toFixed(0)} MB, ${(stored / secs).toFixed(0)} answers/s, `
      + `peak server RSS median ${median(peaks).toFixed(0)} MB (${peaks.map((p) => p.toFixed(0)).join(', ')}; target ≤ 300 MB)`);
  }
}
process.exit(missed ? 1 : 0);
