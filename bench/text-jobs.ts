/**
 * Persisted text analysis on PostgreSQL (issue 5): how fast the background job turns a backlog
 * of stored open answers and imported feedback texts into stored analyses, end to end (read the
 * unanalysed rows, analyse, write `text_insights`, advance the cursor), and how fast a taxonomy
 * change is re-analysed. Also the analysis alone on the same texts (one core) and a topics
 * report read from the stored analyses against one that analyses on request.
 * Texts: the evaluation set (src/text/eval, fi/sv/en/pl) cycled.
 *
 * Run: npx tsx bench/text-jobs.ts [--texts 60000] [--feedback 10000]
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { prepareResponse, storeResponses, type PreparedResponse } from '../src/responses/service.ts';
import { loadEvalSet } from '../src/text/evaluate.ts';
import { LANGUAGES } from '../src/text/tokens.ts';
import { analyzeText } from '../src/text/analyze.ts';
import { analyseNewTexts, reanalyseOrganisation } from '../src/text/analysis.ts';
import { storeFeedbackTexts, type FeedbackTextInput } from '../src/text/feedback.ts';
import { putTopic } from '../src/text/taxonomy.ts';
import { analysisCache, topicReport } from '../src/text/service.ts';
import { benchOrganisation, dropDatabase, machine, seededRandom } from './lib.ts';

const { values } = parseArgs({ options: { texts: { type: 'string', default: '60000' }, feedback: { type: 'string', default: '10000' } } });
const TEXTS = Number(values.texts);
const FEEDBACK = Number(values.feedback);
const DB = 'kaiku_bench_text_jobs';
const CHUNK = 2_000;

const corpus = LANGUAGES.flatMap((language) => [...loadEvalSet('dev', language), ...loadEvalSet('test', language)].map((e) => ({ text: e.text, language })));
const { db, orgId, survey } = await benchOrganisation(DB, 'write');
const rand = seededRandom(7);
console.log(`machine: ${machine()}; load average ${loadavg()[0].toFixed(1)} at the start`);

const loadStarted = performance.now();
for (let start = 0; start < TEXTS; start += CHUNK) {
  const prepared: PreparedResponse[] = [];
  for (let i = start; i < Math.min(start + CHUNK, TEXTS); i++) {
    const sample = corpus[i % corpus.length];
    prepared.push(await prepareResponse(db, orgId, {
      surveyId: survey.id, language: sample.language, idempotencyKey: `bench-${i}`,
      submittedAt: new Date(Date.UTC(2026, rand(10), 1 + rand(28), rand(24))).toISOString(),
      answers: [{ question: 'nps', value: rand(11) }, { question: 'nps_why', value: sample.text }],
    }));
  }
  await storeResponses(db, orgId, prepared, 'import');
}
for (let start = 0; start < FEEDBACK; start += 1_000) {
  const batch: FeedbackTextInput[] = [];
  for (let i = start; i < Math.min(start + 1_000, FEEDBACK); i++) {
    const sample = corpus[(i * 7) % corpus.length];
    batch.push({ source: i % 2 ? 'complaint' : 'chat', externalId: `fb-${i}`, text: sample.text, occurredAt: '2026-06-01T10:00:00Z' });
  }
  await storeFeedbackTexts(db, orgId, batch);
}
await db.query('analyze');
console.log(`stored ${TEXTS} open answers and ${FEEDBACK} feedback texts in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`);

// Analysis alone, one core, the same texts.
{
  const started = performance.now();
  for (let i = 0; i < TEXTS; i++) analyzeText(corpus[i % corpus.length].text);
  const seconds = (performance.now() - started) / 1000;
  console.log(`analysis alone: ${TEXTS} texts in ${seconds.toFixed(2)} s = ${Math.round(TEXTS / seconds)} texts/s (one core, language detected)`);
}

const auth = { orgId, scope: { kind: 'all' as const }, role: 'admin' as const, viaCookie: false };
async function timedReport(label: string) {
  analysisCache.clear();
  const started = performance.now();
  const report = await topicReport(db, auth, { filters: {}, interval: 'month' });
  console.log(`${label}: ${Math.round(performance.now() - started)} ms for ${report.answers} texts, ${report.storedAnalyses} stored analyses used`);
}
await timedReport('topics report before the job (analysed on request, cache emptied)');

// The job's end-to-end pass over the backlog.
{
  const started = performance.now();
  let analysed = 0;
  let passes = 0;
  const newestSeen = new Map<string, string>(); // as the job keeps it between its passes
  for (;;) {
    const pass = await analyseNewTexts(db, { newestSeen });
    analysed += pass.analysed;
    passes++;
    if (!pass.more) break;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`text-analyse backlog: ${analysed} texts in ${passes} passes, ${seconds.toFixed(1)} s = ${Math.round(analysed / seconds)} texts/s end to end`);
  for (const [label, options] of [['an idle pass (nothing new)', { newestSeen }], ['an idle pass rescanning the 2-minute window', {}]] as const) {
    const idle = performance.now();
    const empty = await analyseNewTexts(db, options);
    console.log(`${label}: ${Math.round(performance.now() - idle)} ms, analysed ${empty.analysed}`);
  }
}
await timedReport('topics report from stored analyses (cache emptied)');

// A taxonomy change and its re-analysis.
{
  await db.transaction((tx) => putTopic(tx, orgId, 'sauna', { keywords: { fi: ['sauna', 'löyly*'], sv: ['bastu'], en: ['sauna'], pl: ['saun*'] } }));
  const started = performance.now();
  const { reanalysed } = await reanalyseOrganisation(db, orgId);
  const seconds = (performance.now() - started) / 1000;
  console.log(`re-analysis after a taxonomy change: ${reanalysed} texts in ${seconds.toFixed(1)} s = ${Math.round(reanalysed / seconds)} texts/s`);
}

await db.close();
await dropDatabase(DB);
