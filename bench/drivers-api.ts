/**
 * The drivers endpoint over the database (issue 4): GET /api/v1/drivers against a separate
 * `kaiku serve` on a scratch PostgreSQL database holding the demo organisation (strategic survey,
 * 2,400 respondents × 6 drivers) and a synthetic strategic survey of 100,000 respondents × 12
 * likert7 drivers stored through storeResponses. Also times the pivot query alone
 * (respondentScores), so the report separates database time from the analysis.
 * Run: npx tsx bench/drivers-api.ts [--respondents 100000] [--runs 3]
 */
import { parseArgs } from 'node:util';
import { openPostgres } from '../src/db/connection.ts';
import { createOrganization } from '../src/orgs/service.ts';
import { createApiKey } from '../src/auth/service.ts';
import { createSurvey } from '../src/surveys/service.ts';
import { prepareResponse, storeResponses, type PreparedResponse } from '../src/responses/service.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { respondentScores } from '../src/drivers/queries.ts';
import { dropDatabase, machine, median, scratchDatabase, startServer, stopServer } from './lib.ts';

const { values } = parseArgs({ options: { respondents: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' } } });
const respondents = Number(values.respondents);
const runs = Number(values.runs);
const ATTRIBUTES = 12;
const CHUNK = 2_000;

const url = await scratchDatabase('kaiku_bench_drivers');
const db = openPostgres({ url });
await db.migrate();
const lines: string[] = [];
const server = { current: undefined as Awaited<ReturnType<typeof startServer>> | undefined };
try {
  let started = performance.now();
  const demo = await seedDemo(db);
  const demoKey = (await createApiKey(db, demo.orgId, 'bench', ['read'])).key;
  const [{ id: demoSurvey }] = await db.query<{ id: string }>(`select id from surveys where org_id = $1 and kind = 'strategic'`, [demo.orgId]);
  console.log(`demo seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  started = performance.now();
  const orgId = await createOrganization(db, { name: 'Bench', slug: 'bench-drivers' });
  const key = (await createApiKey(db, orgId, 'bench', ['read'])).key;
  const attributeKeys = Array.from({ length: ATTRIBUTES }, (_, k) => `driver_${k + 1}`);
  const survey = await createSurvey(db, orgId, {
    name: 'Strategic (synthetic)', kind: 'strategic', defaultLanguage: 'fi', languages: ['fi'], title: { fi: 'Tutkimus' },
    questions: [
      { key: 'nps', type: 'nps', required: true, text: { fi: 'Suosittelisitko?' } },
      ...attributeKeys.map((k) => ({ key: k, type: 'likert7' as const, allowDontKnow: true, isDriver: true, text: { fi: k } })),
    ],
  });
  // NPS from a weighted sum of correlated attributes (weights 12, 11, …, 1) plus noise; 3 % don't know per attribute.
  let seed = 7;
  const random = () => { seed = (seed * 48271) % 2147483647; return seed / 2147483647; };
  const normal = () => Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));
  const weightSum = (ATTRIBUTES * (ATTRIBUTES + 1)) / 2;
  for (let done = 0; done < respondents; done += CHUNK) {
    const prepared: PreparedResponse[] = [];
    for (let i = done; i < Math.min(respondents, done + CHUNK); i++) {
      const general = normal();
      const latent = attributeKeys.map(() => 0.5 * general + 0.85 * normal());
      const driven = latent.reduce((s, x, k) => s + ((ATTRIBUTES - k) / weightSum) * x, 0);
      const answers = [{ question: 'nps', value: clamp(7 + 3 * driven + normal(), 0, 10) } as { question: string; value?: number; dontKnow?: boolean }];
      attributeKeys.forEach((k, j) => answers.push(random() < 0.03 ? { question: k, dontKnow: true } : { question: k, value: clamp(4.5 + 1.4 * latent[j], 1, 7) }));
      prepared.push(await prepareResponse(db, orgId, {
        surveyId: survey.id, submittedAt: new Date(Date.UTC(2025, i % 12, 1 + (i % 28))).toISOString(), answers,
      }));
    }
    await storeResponses(db, orgId, prepared, 'import');
  }
  await db.query('analyze');
  console.log(`${respondents} synthetic respondents stored in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  server.current = await startServer({ DATABASE_URL: url, KAIKU_DEMO: 'false' }, 3907);
  const time = async (label: string, path: string, apiKey: string) => {
    const call = async () => {
      const t0 = performance.now();
      const res = await fetch(`${server.current!.url}${path}`, { headers: { authorization: `Bearer ${apiKey}` } });
      const body = await res.json() as { n: number; excluded: number; r2: number; bootstrap: { used: number } | null };
      if (res.status !== 200) throw new Error(`${label}: ${res.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - t0, body };
    };
    await call(); // warm-up: plans, survey cache, JIT
    const times: number[] = [];
    let last;
    for (let run = 0; run < runs; run++) { last = await call(); times.push(last.ms); }
    const line = `| ${label} | ${last!.body.n.toLocaleString('en')} used, ${last!.body.excluded.toLocaleString('en')} excluded | ${median(times).toFixed(0)} ms | ${times.map((t) => t.toFixed(0)).join(', ')} ms |`;
    console.log(line);
    lines.push(line);
  };
  const sql = async (label: string, org: string, surveyId: string, questions: number) => {
    const ids = (await db.query<{ id: string }>(`select id from questions where org_id = $1 and survey_id = $2 and type in ('nps', 'likert7') order by position limit $3`, [org, surveyId, questions])).map((r) => r.id);
    await respondentScores(db, org, surveyId, ids, {}, { kind: 'all' });
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      await respondentScores(db, org, surveyId, ids, {}, { kind: 'all' });
      times.push(performance.now() - t0);
    }
    const line = `| ${label} | pivot query alone (respondentScores, in the bench process) | ${median(times).toFixed(0)} ms | ${times.map((t) => t.toFixed(0)).join(', ')} ms |`;
    console.log(line);
    lines.push(line);
  };
  const drivers = (surveyId: string, query: string) => `/api/v1/drivers?surveyId=${surveyId}&target=nps&${query}`;
  await time('demo, shapley, bootstrap 200', drivers(demoSurvey, 'method=shapley&bootstrap=200'), demoKey);
  await time('demo, relative-weights, bootstrap 200', drivers(demoSurvey, 'method=relative-weights&bootstrap=200'), demoKey);
  await sql('demo', demo.orgId, demoSurvey, 7);
  await time(`${respondents.toLocaleString('en')} × 12, shapley, bootstrap 200`, drivers(survey.id, 'method=shapley&bootstrap=200'), key);
  await time(`${respondents.toLocaleString('en')} × 12, shapley, no bootstrap`, drivers(survey.id, 'method=shapley&bootstrap=0'), key);
  await time(`${respondents.toLocaleString('en')} × 12, relative-weights, bootstrap 200`, drivers(survey.id, 'method=relative-weights&bootstrap=200'), key);
  await time(`${respondents.toLocaleString('en')} × 12, promoter-logistic`, drivers(survey.id, 'method=promoter-logistic'), key);
  await sql(`${respondents.toLocaleString('en')} × 12`, orgId, survey.id, 13);
} finally {
  if (server.current) await stopServer(server.current.child);
  await db.close();
  await dropDatabase('kaiku_bench_drivers');
}
console.log(`\nDrivers endpoint on PostgreSQL (${machine()}, ${new Date().toISOString().slice(0, 10)}), median of ${runs} after a warm-up`);
console.log('| case | respondents | median | runs |\n|---|---|---:|---|');
console.log(lines.join('\n'));
