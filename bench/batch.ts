/**
 * Batch ingestion over HTTP on PostgreSQL (issue 2 target: ≥ 50,000 answers/s).
 * 1,000 responses × 6 answers per request, 4 requests in flight, against a separate `kaiku serve`.
 * Run: npx tsx bench/batch.ts [--batches 60] [--runs 3] [--without-rollup]
 */
import { parseArgs } from 'node:util';
import { benchOrganisation, dropDatabase, postBodies, machine, median, startServer, stopServer, seededRandom } from './lib.ts';

const { values } = parseArgs({ options: {
  batches: { type: 'string', default: '60' }, runs: { type: 'string', default: '3' },
  // Experiment: no score-histogram deltas on insert, to see what keeping the rollup costs (issue 4).
  'without-rollup': { type: 'boolean', default: false },
} });
const batches = Number(values.batches);
const runs = Number(values.runs);
const PER_BATCH = 1000;
const IN_FLIGHT = 4;

const { url, db, orgId, key, survey } = await benchOrganisation('kaiku_bench_batch', 'write');
if (values['without-rollup']) await db.query('alter table answers disable trigger score_deltas_answers_insert');

const rand = seededRandom(42);
const body = (run: number, b: number) => JSON.stringify({ responses: Array.from({ length: PER_BATCH }, (_, i) => ({
  surveyId: survey.id, idempotencyKey: `r${run}-b${b}-${i}`, submittedAt: new Date(Date.UTC(2026, rand(10), 1 + rand(28))).toISOString(),
  answers: [
    { question: 'nps', value: rand(11) }, { question: 'nps_why', value: 'Hyvää palvelua, mutta jonotusaika oli pitkä' },
    { question: 'csat', value: 1 + rand(5) }, { question: 'ces', value: 1 + rand(7) },
    rand(10) === 0 ? { question: 'reliable', dontKnow: true } : { question: 'reliable', value: 1 + rand(7) }, { question: 'price', value: 1 + rand(7) },
  ],
})) });

const server = await startServer({ DATABASE_URL: url, KAIKU_DEMO: 'false' }, 3902);
const rates: number[] = [];
let peakRss = 0;
try {
  for (let run = 0; run < runs; run++) {
    const bodies = Array.from({ length: batches }, (_, b) => body(run, b));
    const result = await postBodies(server, '/api/v1/responses/batch', key, bodies, IN_FLIGHT);
    const seconds = result.seconds;
    peakRss = Math.max(peakRss, result.peakRss);
    const answers = batches * PER_BATCH * 6;
    rates.push(answers / seconds);
    console.log(`run ${run + 1}: ${answers} answers in ${seconds.toFixed(2)} s = ${(answers / seconds).toFixed(0)} answers/s`);
  }
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from answers where org_id = $1`, [orgId]);
  console.log(`stored answers: ${n} (expected ${runs * batches * PER_BATCH * 6})`);
} finally {
  await stopServer(server.child);
  await db.close();
  await dropDatabase('kaiku_bench_batch');
}
console.log(`\nBatch ingestion over HTTP on PostgreSQL (${machine()}, ${new Date().toISOString().slice(0, 10)})`);
console.log(`median ${median(rates).toFixed(0)} answers/s (target ≥ 50,000; ratio ${(median(rates) / 50_000).toFixed(2)}), peak server RSS ${peakRss.toFixed(0)} MB`);
