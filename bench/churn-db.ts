/**
 * Churn over the database (issue 4): the training job end to end on PostgreSQL — the feature
 * table from answers, cases and texts joined with operational data, training with the holdout,
 * scoring every non-churned contact with top reasons and storing the scores — then the at-risk
 * list (first and a deep page) and the CSV export's read rate.
 * Data: N contacts (default 200,000) with tenure, plan, revenue, usage and service contacts;
 * 70 % answered (NPS, CSAT, CES; 30 % twice; 10 % an open answer), 5 % a complaint case, churn
 * drawn from a known model for 80 % of contacts. Run: npx tsx bench/churn-db.ts [contacts]
 */
import { performance } from 'node:perf_hooks';
import { dropDatabase, machine, scratchDatabase } from './lib.ts';
import { openPostgres } from '../src/db/connection.ts';
import { createOrganization } from '../src/orgs/service.ts';
import { createSurvey } from '../src/surveys/service.ts';
import { contactFeatureRows } from '../src/churn/queries.ts';
import { atRiskAll, atRiskPage, runChurnTraining } from '../src/churn/service.ts';

const contacts = Number(process.argv[2] ?? 200_000);
const database = 'kaiku_bench_churn_db';
const url = await scratchDatabase(database);
const db = openPostgres({ url });
try {
  await db.migrate();
  const orgId = await createOrganization(db, { name: 'Bench', slug: 'bench' });
  const survey = await createSurvey(db, orgId, {
    name: 'Relationship', kind: 'strategic', defaultLanguage: 'en', languages: ['en'], title: { en: 'Relationship' },
    questions: [
      { key: 'nps', type: 'nps', required: true, text: { en: 'Recommend?' } },
      { key: 'csat', type: 'csat', text: { en: 'Satisfied?' } },
      { key: 'ces', type: 'ces', text: { en: 'Easy?' } },
      { key: 'nps_why', type: 'text', text: { en: 'Why?' } },
    ],
  });
  const q = Object.fromEntries(survey.questions.map((x) => [x.key, x.id]));
  let start = performance.now();
  await db.query('select setseed(0.42)');
  await db.query(
    `insert into contacts (org_id, external_id, name, email, cohort, operational)
     select $1, 'c' || g, 'Customer ' || g, 'c' || g || '@example.com', g % 4,
            jsonb_build_object('tenureMonths', (g * 7919) % 120, 'plan', (array['basic', 'plus', 'pro'])[1 + g % 3], 'revenue', 100 + (g * 31) % 900,
                               'usage', (g * 13) % 50, 'serviceContacts', (g * 17) % 6)
       from generate_series(1::bigint, $2) g`, [orgId, contacts]);
  await db.query(
    `insert into responses (org_id, id, survey_id, contact_id, language, source, submitted_at)
     select $1, gen_random_uuid(), $2, c.id, 'en', 'import', timestamptz '2026-06-01' - make_interval(days => d * 120 + (random() * 30)::int)
       from contacts c cross join generate_series(0, 1) d
      where c.org_id = $1 and (substr(c.external_id, 2)::int % 10) < case d when 0 then 7 else 3 end`, [orgId, survey.id]);
  await db.query(
    `insert into answers (org_id, response_id, question_id, number)
     select $1, r.id, x.q, x.v from responses r
      cross join lateral (values ($2::uuid, floor(random() * 11)), ($3::uuid, 1 + floor(random() * 5)), ($4::uuid, 1 + floor(random() * 7))) as x(q, v)
      where r.org_id = $1`, [orgId, q.nps, q.csat, q.ces]);
  await db.query(
    `insert into answers (org_id, response_id, question_id, text)
     select $1, r.id, $2, case when random() < 0.5 then 'Terrible, slow and rude service. Very disappointed.' else 'Great friendly service, thank you!' end
       from responses r where r.org_id = $1 and random() < 0.1`, [orgId, q.nps_why]);
  await db.query(
    `insert into cases (org_id, id, kind, title, status, contact_id)
     select $1, gen_random_uuid(), 'problem', 'Complaint', case when random() < 0.5 then 'new' else 'closed' end::case_status, c.id
       from contacts c where c.org_id = $1 and random() < 0.05`, [orgId]);
  await db.query(
    `with latest as (
       select distinct on (r.contact_id) r.contact_id, a.number as nps
         from responses r join answers a on a.org_id = r.org_id and a.response_id = r.id and a.question_id = $2
        where r.org_id = $1 order by r.contact_id, r.submitted_at desc)
     update contacts c set operational = c.operational || jsonb_build_object('churned',
            random() < 1 / (1 + exp(-(-1.2 - 0.25 * (coalesce(l.nps, 7) - 7) - 0.015 * ((c.operational ->> 'tenureMonths')::int - 60)))))
       from contacts c2 left join latest l on l.contact_id = c2.id
      where c.org_id = $1 and c2.org_id = $1 and c2.id = c.id and random() < 0.8`, [orgId, q.nps]);
  await db.query('analyze');
  const [{ responses, answers }] = await db.query<{ responses: number; answers: number }>(
    'select (select count(*) from responses)::int as responses, (select count(*) from answers)::int as answers');
  console.log(`machine: ${machine()}`);
  console.log(`data: ${contacts.toLocaleString('en')} contacts, ${responses.toLocaleString('en')} responses, ${answers.toLocaleString('en')} answers; loaded in ${((performance.now() - start) / 1000).toFixed(1)} s`);

  start = performance.now();
  const rows = await contactFeatureRows(db, orgId);
  const featureSeconds = (performance.now() - start) / 1000;
  console.log(`feature table alone: ${featureSeconds.toFixed(1)} s for ${rows.ids.length.toLocaleString('en')} contacts`);

  const [run] = await db.query<{ id: string }>(`insert into churn_models (org_id, options) values ($1, $2) returning id`,
    [orgId, JSON.stringify({ target: 'churned', l2: 1, holdoutFraction: 0.2, seed: 1 })]);
  start = performance.now();
  await runChurnTraining(db, orgId, run.id);
  const trainSeconds = (performance.now() - start) / 1000;
  const [model] = await db.query<{ status: string; error: string | null; auc: number; trainedOn: number; scored: number; seconds: Record<string, number> }>(
    `select status, error, auc, trained_on as "trainedOn", scored, quality -> 'seconds' as seconds from churn_models where id = $1`, [run.id]);
  if (model.status !== 'done') throw new Error(`training failed: ${model.error}`);
  console.log(`training job phases: features ${model.seconds.features.toFixed(1)} s, fit + holdout ${model.seconds.training.toFixed(1)} s, score + reasons + store ${model.seconds.scoring.toFixed(1)} s`);
  console.log(`training job (features + fit + holdout + score + store): ${trainSeconds.toFixed(1)} s; trained on ${model.trainedOn.toLocaleString('en')}, holdout AUC ${model.auc.toFixed(4)}, ${model.scored.toLocaleString('en')} contacts scored (${Math.round(model.scored / trainSeconds).toLocaleString('en')}/s end to end)`);

  const auth = { orgId, scope: { kind: 'all' as const }, viaCookie: false };
  const pageTimes: number[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    start = performance.now();
    const page = await atRiskPage(db, auth, { limit: 50, cursor });
    pageTimes.push(performance.now() - start);
    cursor = page.nextCursor ?? undefined;
  }
  pageTimes.sort((a, b) => a - b);
  console.log(`at-risk list, 50 a page, 20 consecutive pages: median ${pageTimes[10].toFixed(1)} ms, max ${pageTimes[19].toFixed(1)} ms`);
  start = performance.now();
  let exported = 0;
  for await (const chunk of atRiskAll(db, auth, {})) exported += chunk.length;
  const exportSeconds = (performance.now() - start) / 1000;
  console.log(`export read (all at-risk contacts with reasons, 5,000 a query): ${exported.toLocaleString('en')} in ${exportSeconds.toFixed(1)} s (${Math.round(exported / exportSeconds).toLocaleString('en')}/s)`);
} finally {
  await db.close();
  await dropDatabase(database);
}
