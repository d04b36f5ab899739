/**
 * Board report for an organisation with 1,000,000 responses (issue 6 target: ≤ 10 s) on
 * PostgreSQL. Seeds a strategic survey (NPS, CSAT, CES, two driver statements, an open "why"
 * on every tenth answer) over 24 months on three touchpoints of one journey, 2,000 cases and
 * three action plans, then times the report of the last full month: the data (every section),
 * the HTML, and the PDF printed by Chromium, three times each. The score-histogram rollups are
 * kept by their triggers while seeding and folded before the report, as the fold job would.
 * Run: npx tsx bench/board.ts [--responses 1000000] [--keep]   (--keep leaves the database for
 * another run with --reuse, which skips the seeding)
 */
import { parseArgs } from 'node:util';
import { createJourney, createStage, createTouchpoint } from '../src/journeys/service.ts';
import { createUnit } from '../src/orgs/service.ts';
import { loadBoardReport, previousMonth } from '../src/reports/board.ts';
import { renderBoardReport } from '../src/reports/render.ts';
import { printPdf } from '../src/reports/pdf.ts';
import { openPostgres } from '../src/db/connection.ts';
import { foldScoreHistograms } from '../src/metrics/rollups.ts';
import { benchOrganisation, dropDatabase, machine, median, serverUrl } from './lib.ts';

const { values } = parseArgs({ options: { responses: { type: 'string', default: '1000000' }, keep: { type: 'boolean' }, reuse: { type: 'boolean' } } });
const total = Number(values.responses);

const { db, orgId } = values.reuse ? await existing() : await seed();
try {
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from responses where org_id = $1`, [orgId]);
  const month = previousMonth(new Date(), 'Europe/Helsinki');
  const data: number[] = [];
  const pdf: number[] = [];
  let pages = 0;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const report = await loadBoardReport(db, orgId, month, new Date());
    const loaded = performance.now();
    const file = await printPdf(renderBoardReport(report, 'en'), '/usr/bin/chromium');
    data.push(loaded - started);
    pdf.push(performance.now() - loaded);
    pages = (file.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    const nps = report.headlines[0];
    console.log(`run ${run + 1}: data ${(loaded - started).toFixed(0)} ms, HTML+PDF ${(performance.now() - loaded).toFixed(0)} ms; ${month} NPS ${nps.value?.toFixed(1)} (n ${nps.n}), ${pages} pages`);
  }
  console.log(`board report of ${month} over ${n} responses: data median ${median(data).toFixed(0)} ms, PDF median ${median(pdf).toFixed(0)} ms, total median ${median(data.map((d, i) => d + pdf[i])).toFixed(0)} ms`);
  console.log(machine());
} finally {
  await db.close();
  if (!values.keep) await dropDatabase('kaiku_bench_board');
}

async function existing() {
  const db = openPostgres({ url: `${serverUrl.replace(/\/[^/]*$/, '')}/kaiku_bench_board` });
  const [org] = await db.query<{ id: string }>(`select id from organizations where slug = 'bench'`);
  return { db, orgId: org.id };
}

async function seed() {
  const { db, orgId, survey } = await benchOrganisation('kaiku_bench_board', 'read');
  const unitId = await createUnit(db, orgId, { name: 'Service' });
  const journeyId = await createJourney(db, orgId, { name: 'Customer' });
  const touchpoints: string[] = [];
  for (const [i, stage] of ['Buying', 'Using', 'Renewing'].entries()) {
    const stageId = await createStage(db, orgId, journeyId, { name: stage, phase: (['before', 'during', 'after'] as const)[i] });
    touchpoints.push(await createTouchpoint(db, orgId, { stageId, name: `${stage} online`, channel: 'web', ownerUnitId: unitId }));
  }
  await db.query(`update questions set is_driver = true where org_id = $1 and key in ('reliable', 'price')`, [orgId]);
  const q = Object.fromEntries(survey.questions.map((x) => [x.key, x.id]));

  const seeded = Date.now();
  // Responses spread over the last 730 days; scores from a hash of the row number, so every run seeds the same data.
  await db.query(
    `insert into responses (org_id, id, survey_id, touchpoint_id, channel, unit_id, language, source, idempotency_key, submitted_at, received_at)
     select $1, gen_random_uuid(), $2, ($3::uuid[])[1 + g % 3], 'web', $4, 'fi', 'import', 'b' || g,
            now() - make_interval(mins => ((g::bigint * 7919) % (730 * 1440))::int), now()
       from generate_series(1, $5::int) g`, [orgId, survey.id, touchpoints, unitId, total]);
  const score = (salt: string, modulo: number, offset: number) => `${offset} + abs(hashtext(r.idempotency_key || '${salt}')) % ${modulo}`;
  await db.query(
    `insert into answers (org_id, response_id, question_id, number)
     select $1, r.id, x.question_id, x.value from responses r
     cross join lateral (values ($2::uuid, (${score('n', 11, 0)})::float8), ($3::uuid, (${score('c', 5, 1)})::float8),
                                ($4::uuid, (${score('e', 7, 1)})::float8), ($5::uuid, (${score('r', 7, 1)})::float8),
                                ($6::uuid, (${score('p', 7, 1)})::float8)) as x(question_id, value)
      where r.org_id = $1`, [orgId, q.nps, q.csat, q.ces, q.reliable, q.price]);
  await db.query(
    `insert into answers (org_id, response_id, question_id, text)
     select $1, r.id, $2, (array['Laskutus oli sekavaa ja hinta liian korkea', 'Palvelu oli nopeaa ja ystävällistä', 'Jonotin puhelimessa liian kauan'])[1 + abs(hashtext(r.idempotency_key)) % 3]
       from responses r where r.org_id = $1 and abs(hashtext(r.idempotency_key || 'w')) % 10 = 0`, [orgId, q.nps_why]);
  await db.query(
    `insert into cases (org_id, id, title, status, priority, response_id, touchpoint_id, owner_unit_id, due_at, first_action_at, resolved_at, created_at, updated_at)
     select $1, gen_random_uuid(), 'Detractor', (array['new', 'in_progress', 'resolved', 'closed'])[1 + n % 4]::case_status, 'normal', r.id, r.touchpoint_id, $2,
            r.submitted_at + interval '1 day', r.submitted_at + interval '2 hours',
            case when n % 4 >= 2 then r.submitted_at + interval '20 hours' end, r.submitted_at, r.submitted_at
       from (select r.*, row_number() over (order by r.submitted_at desc) as n from responses r where r.org_id = $1 order by r.submitted_at desc limit 2000) r`,
    [orgId, unitId]);
  for (const [i, title] of ['Faster phone service', 'Clearer invoices', 'Price communication'].entries()) {
    await db.query(`insert into action_plans (org_id, title, metric, touchpoint_id, starts_on) values ($1, $2, 'nps', $3, now() - make_interval(days => $4))`,
      [orgId, title, touchpoints[i], 30 + i * 60]);
  }
  // As the every-minute fold job would have by now.
  await foldScoreHistograms(db);
  await db.query('analyze');
  console.log(`seeded ${total} responses (5 scores each, a text on every tenth), 2,000 cases, 3 action plans in ${((Date.now() - seeded) / 1000).toFixed(0)} s`);
  return { db, orgId };
}
