/**
 * Privacy operations on PostgreSQL at a realistic size (issue 9): erasing one contact, exporting
 * one, and a retention run, in an organisation with N responses (one NPS answer each, an open
 * text on every fifth) over 36 months from N/10 contacts, plus N/100 contacts who never answered
 * (inactive: erased by the retention run). After the retention run the rollup's
 * NPS histograms are compared with a direct count of the answers (must be equal).
 * Run: npx tsx bench/privacy.ts [--responses 1000000] [--samples 20] [--keep]
 */
import { parseArgs } from 'node:util';
import assert from 'node:assert/strict';
import { openPostgres } from '../src/db/connection.ts';
import { createOrganization } from '../src/orgs/service.ts';
import { createSurvey } from '../src/surveys/service.ts';
import { answerHistograms, scoreHistograms, type HistogramQuery } from '../src/metrics/queries.ts';
import { foldScoreHistograms } from '../src/metrics/rollups.ts';
import { eraseContact } from '../src/privacy/erase.ts';
import { exportContact } from '../src/privacy/export.ts';
import { applyRetention, setRetentionPolicy, type RetentionFigures } from '../src/privacy/retention.ts';
import { dropDatabase, machine, median, scratchDatabase } from './lib.ts';

const { values } = parseArgs({ options: {
  responses: { type: 'string', default: '1000000' }, samples: { type: 'string', default: '20' }, keep: { type: 'boolean', default: false },
} });
const N = Number(values.responses);
const CONTACTS = Math.max(1, Math.floor(N / 10));
const SAMPLES = Number(values.samples);
const DB = 'kaiku_bench_privacy';
const now = new Date('2026-11-24T12:00:00Z');

const db = openPostgres({ url: await scratchDatabase(DB) });
await db.migrate();
const orgId = await createOrganization(db, { name: 'Privacy bench', slug: 'privacy-bench' });
const survey = await createSurvey(db, orgId, {
  name: 'Relationship', kind: 'strategic', defaultLanguage: 'fi', languages: ['fi'], title: { fi: 'Tutkimus' },
  questions: [{ key: 'nps', type: 'nps', required: true, text: { fi: 'Suosittelisitko?' } }, { key: 'why', type: 'text', text: { fi: 'Miksi?' } }],
});
const [npsQuestion, whyQuestion] = survey.questions.map((q) => q.id);

const loadStarted = performance.now();
await db.query(
  `insert into contacts (org_id, id, external_id, email, name, cohort, created_at, updated_at)
   select $1, ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'C-' || i, 'c' || i || '@example.com', 'Customer ' || i, i % 4,
          $2::timestamptz - interval '40 months', $2::timestamptz - interval '40 months'
     from generate_series(0, $3::int - 1) as i`, [orgId, now.toISOString(), CONTACTS + Math.floor(CONTACTS / 10)]);
await db.query('alter table answers disable trigger score_deltas_answers_insert');
const CHUNK = 500_000;
for (let start = 0; start < N; start += CHUNK) {
  await db.query(
    `with stored as (
       insert into responses (org_id, id, survey_id, contact_id, language, source, submitted_at)
       select $1, ('00000001-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, $2, ('00000000-0000-7000-8000-' || lpad(to_hex(i % $3), 12, '0'))::uuid,
              'fi', 'import', $4::timestamptz - make_interval(secs => (i::bigint * 7919 % 94608000)::float8)
         from generate_series($5::int, $6::int) as i
       returning id, submitted_at
     ), scores as (
       insert into answers (org_id, response_id, question_id, number)
       select $1, id, $7, extract(epoch from submitted_at)::bigint % 11 from stored returning response_id
     )
     insert into answers (org_id, response_id, question_id, text)
     select $1, id, $8, 'Asiakas kertoo kokemuksestaan ' || id from stored where get_byte(uuid_send(id), 15) % 5 = 0`,
    [orgId, survey.id, CONTACTS, now.toISOString(), start, Math.min(start + CHUNK, N) - 1, npsQuestion, whyQuestion]);
  process.stdout.write(`\r${Math.min(start + CHUNK, N).toLocaleString('en')} responses`);
}
await db.query('alter table answers enable trigger score_deltas_answers_insert');
await db.query('select kaiku_rebuild_score_histograms($1)', [orgId]);
await db.query('vacuum analyze contacts, responses, answers');
process.stdout.write(` and ${CONTACTS.toLocaleString('en')} contacts loaded in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s\n`);

const time = async (work: () => Promise<unknown>) => { const t0 = performance.now(); await work(); return performance.now() - t0; };
const exportMs: number[] = [];
const eraseMs: number[] = [];
for (let i = 0; i < SAMPLES; i++) {
  const id = `00000000-0000-7000-8000-${(i * 7 + 1).toString(16).padStart(12, '0')}`;
  exportMs.push(await time(() => exportContact(db, orgId, id, now)));
  eraseMs.push(await time(() => eraseContact(db, orgId, id, { actor: {}, now })));
}

await setRetentionPolicy(db, orgId, { openTextMonths: 24, responseMonths: 30, inactiveContactMonths: 36 }, { actor: {} });
let figures: RetentionFigures = { openTexts: 0, feedbackTexts: 0, responses: 0, contacts: 0 };
const firstRunMs = await time(async () => { figures = await applyRetention(db, orgId, now); });
const firstRun = { figures };
const secondRunMs = await time(async () => { figures = await applyRetention(db, orgId, now); });
assert.deepEqual(figures, { openTexts: 0, feedbackTexts: 0, responses: 0, contacts: 0 }, 'a second run removes nothing');

const query: HistogramQuery = { orgId, metric: 'nps', by: ['period'], interval: 'month', timeZone: 'Europe/Helsinki', filters: {}, scope: { kind: 'all' } };
const expected = await answerHistograms(db, query);
assert.deepEqual(await scoreHistograms(db, query), expected, 'rollup with pending deltas equals the answers');
await foldScoreHistograms(db);
assert.deepEqual(await scoreHistograms(db, query), expected, 'folded rollup equals the answers');

console.log(`machine: ${machine()}, ${new Date().toISOString().slice(0, 10)}`);
console.log(`${N.toLocaleString('en')} responses, ${CONTACTS.toLocaleString('en')} contacts with 10 responses each, ${Math.floor(CONTACTS / 10).toLocaleString('en')} without`);
console.log(`export one contact: median ${median(exportMs).toFixed(0)} ms, max ${Math.max(...exportMs).toFixed(0)} ms (${SAMPLES} contacts)`);
console.log(`erase one contact: median ${median(eraseMs).toFixed(0)} ms, max ${Math.max(...eraseMs).toFixed(0)} ms (${SAMPLES} contacts)`);
console.log(`retention run: ${(firstRunMs / 1000).toFixed(1)} s, ${JSON.stringify(firstRun.figures)}; second run ${secondRunMs.toFixed(0)} ms, nothing removed; rollup = answers over ${expected.length} months`);
await db.close();
if (!values.keep) await dropDatabase(DB);
