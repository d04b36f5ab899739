import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInAs, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser } from '../auth/service.ts';
import { createEmployee, createUnit } from '../orgs/service.ts';
import { main } from '../cli/main.ts';
import { parseCsvText } from '../cli/csv.ts';
import { openPglite } from '../db/connection.ts';
import { createOrganization } from '../orgs/service.ts';
import { parseBenchmarkTable, percentileWithin } from './benchmarks.ts';
import { periodRange } from './service.ts';

const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} vs ${expected}`);
const points = (pairs: Array<[number, number]>) => pairs.map(([percentile, value]) => ({ percentile, value }));
const retail = points([[10, -10], [25, 5], [50, 20], [75, 35], [90, 50]]);

const csv = `industry;metric;period;n;mean;p10;p25;p50;p75;p90;source
retail;nps;2025-Q3;120;22;-10;5;20;35;50;Survey Institute 2025
retail;csat;2025;80;76,5;;70;78;85;;Survey Institute 2025
retail;nps;2024;110;18;-20;0;15;30;45;
retail;nps;2025-13;1;1;1;2;3;4;5;
retail;nps;2023;-5;1;1;2;3;4;5;
retail;nps;2022;10;1;1;2;3;2;5;
retail;eNPS;2022;10;1;1;2;3;4;5;
retail;nps;2025-Q3;10;1;1;2;3;4;5;
`;

describe('benchmark percentiles (pure)', () => {
  test('linear interpolation between the given percentiles, by hand', () => {
    // 75 + (40 − 35) / (50 − 35) · (90 − 75) = 80
    assert.deepEqual(percentileWithin(40, retail), { percentile: 80, position: 'within', bound: null });
    // 10 + (0 − (−10)) / (5 − (−10)) · 15 = 20
    close(percentileWithin(0, retail).percentile!, 20, '0 between p10 and p25');
    assert.equal(percentileWithin(20, retail).percentile, 50);
    assert.equal(percentileWithin(-10, retail).percentile, 10);
    assert.equal(percentileWithin(50, retail).percentile, 90);
    assert.deepEqual(percentileWithin(-10.5, retail), { percentile: null, position: 'below', bound: 10 });
    assert.deepEqual(percentileWithin(61, retail), { percentile: null, position: 'above', bound: 90 });
    // A value equal to a run of equal percentiles: the middle of the run, (25 + 75) / 2.
    assert.equal(percentileWithin(5, points([[10, 0], [25, 5], [50, 5], [75, 5], [90, 9]])).percentile, 50);
  });

  test('every invalid row is reported with its row number and column; valid rows are kept', () => {
    const parsed = parseBenchmarkTable(parseCsvText(csv));
    assert.deepEqual(parsed.percentileColumns, [10, 25, 50, 75, 90]);
    assert.deepEqual(parsed.rows.map((r) => `${r.metric} ${r.period}`), ['nps 2025-Q3', 'csat 2025', 'nps 2024']);
    assert.deepEqual(parsed.rows[1].percentiles, points([[25, 70], [50, 78], [75, 85]]));
    assert.equal(parsed.rows[1].mean, 76.5);
    assert.deepEqual(parsed.errors.map((e) => [e.row, e.field]), [[4, 'period'], [5, 'n'], [6, 'p75'], [7, 'metric'], [8, 'period']]);
    assert.match(parsed.errors[2].message, /p75 \(2\) is below p50 \(3\)/);
    assert.match(parsed.errors[4].message, /already on row 1/);
    const header = parseBenchmarkTable(parseCsvText('industry,metric,period,p50\nretail,nps,2025,10\n'));
    assert.equal(header.errors[0].field, 'percentiles');
  });

  test('periods are calendar spans in the organisation\'s time zone', () => {
    const q3 = periodRange('2025-Q3', 'Europe/Helsinki');
    assert.equal(q3.from.toISOString(), '2025-06-30T21:00:00.000Z');
    assert.equal(q3.to.toISOString(), '2025-09-30T21:00:00.000Z');
    const december = periodRange('2025-12', 'UTC');
    assert.equal(december.to.toISOString(), '2026-01-01T00:00:00.000Z');
    assert.equal(periodRange('2025', 'UTC').to.toISOString(), '2026-01-01T00:00:00.000Z');
  });
});

describe('benchmarks API', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    const texts = (en: string) => ({ fi: en, en });
    const survey = await t.api('/api/v1/surveys', {
      body: {
        name: 'Bench', kind: 'pulse', defaultLanguage: 'en', languages: ['en', 'fi'], title: texts('Bench'),
        questions: [{ key: 'nps', type: 'nps', text: texts('Recommend?') }, { key: 'csat', type: 'csat', text: texts('Satisfied?') }],
      },
    });
    const surveyId = survey.body.id;
    const nps = (value: number, submittedAt: string) => ({ surveyId, submittedAt, answers: [{ question: 'nps', value }] });
    const csat = (value: number, submittedAt: string) => ({ surveyId, submittedAt, answers: [{ question: 'csat', value }] });
    const responses = [
      ...[10, 10, 10, 9, 9, 10, 8, 8, 3, 5].map((v) => nps(v, '2025-08-15T10:00:00Z')),
      nps(10, '2025-06-30T21:30:00Z'), // 1 July 00:30 in Helsinki: in Q3
      nps(0, '2025-09-30T21:30:00Z'), // 1 October 00:30 in Helsinki: not in Q3
      ...[5, 5, 4, 2].map((v) => csat(v, '2025-03-01T10:00:00Z')),
    ];
    // A frontline employee with three of the Q3 answers: too few to be shown on their own.
    const unitId = await createUnit(t.db, t.orgId, { name: 'Shop' });
    const user = await createUser(t.db, t.orgId, { email: 'anni@example.com', name: 'Anni', role: 'frontline', password: 'frontline-pass-1' });
    const employeeId = await createEmployee(t.db, t.orgId, { name: 'Anni', unitId, userId: user });
    responses.push(...[10, 9, 2].map((v) => ({ ...nps(v, '2025-08-20T10:00:00Z'), unitId, employeeId })));
    const stored = await t.api('/api/v1/responses/batch', { body: { responses } });
    assert.equal(stored.status, 200, JSON.stringify(stored.body));
  });
  after(() => t.close());

  test('import keeps the valid rows and lists the invalid ones; a file with no valid row is a 400', async () => {
    const res = await t.api('/api/v1/benchmarks/import', { body: { csv } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.imported, 3);
    assert.equal(res.body.rejected, 5);
    assert.deepEqual(res.body.errors[0], { row: 4, field: 'period', message: 'period must be a year (2025), a quarter (2025-Q3) or a month (2025-07), not "2025-13"' });
    const bad = await t.api('/api/v1/benchmarks/import', { body: { csv: 'industry,metric,period,p10,p90\nretail,nps,2025,50,10\n' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].field, 'p90');
    const header = await t.api('/api/v1/benchmarks/import', { body: { csv: 'industry,metric,p10,p90\n' } });
    assert.equal(header.status, 400);
    assert.equal(header.body.field, 'period');
    const list = await t.api('/api/v1/benchmarks?metric=nps');
    assert.deepEqual(list.body.items.map((r: any) => r.period), ['2025-Q3', '2024']);
  });

  test('the organisation\'s NPS, its industry percentile and the gap to excellent, by hand', async () => {
    const missing = await t.api('/api/v1/benchmarks/compare?metric=nps');
    assert.equal(missing.status, 400);
    assert.equal(missing.body.field, 'industry');
    const patched = await t.api('/api/v1/org', { method: 'PATCH', body: { industry: 'retail' } });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal(patched.body.industry, 'retail');

    const res = await t.api('/api/v1/benchmarks/compare?metric=nps');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.period, '2025-Q3', 'the latest period by default');
    // Q3 in Helsinki: 7 + 2 promoters, 2 passives, 2 + 1 detractors → NPS = 100 · 6 / 14.
    const npsValue = (100 * 6) / 14;
    assert.equal(res.body.organisation.n, 14);
    close(res.body.organisation.value, npsValue, 'NPS');
    // Between p75 = 35 and p90 = 50: 75 + (42.86… − 35) / 15 · 15.
    close(res.body.percentile, 75 + (npsValue - 35), 'percentile');
    assert.equal(res.body.position, 'within');
    close(res.body.gaps.toMedian, 20 - npsValue, 'gap to median');
    close(res.body.gaps.toTopDecile, 50 - npsValue, 'gap to p90');
    assert.equal(res.body.excellent.reached, false);
    close(res.body.excellent.gap, 50 - npsValue, 'gap to excellent');

    const previous = await t.api('/api/v1/benchmarks/compare?metric=nps&period=2024');
    assert.equal(previous.body.organisation.n, 0);
    assert.equal(previous.body.percentile, null);
    assert.match(previous.body.note, /No nps answers in 2024/);
    const none = await t.api('/api/v1/benchmarks/compare?metric=nps&period=2021');
    assert.equal(none.status, 404);
    assert.match(none.body.detail, /periods available: 2025-Q3, 2024/);
    const frontline = await signInAs(t, 'anni@example.com', 'frontline-pass-1');
    const own = await frontline('/api/v1/benchmarks/compare?metric=nps');
    assert.equal(own.status, 403);
    assert.equal(own.body.code, 'group_too_small');
  });

  test('CSAT is compared in per cent of top-2-box answers', async () => {
    const res = await t.api('/api/v1/benchmarks/compare?metric=csat&period=2025');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    // 3 of 4 answers are 4 or 5: 75 %, between p25 = 70 and p50 = 78: 25 + 5 / 8 · 25.
    close(res.body.organisation.value, 75, 'CSAT %');
    // Wilson 95 % interval of 3 / 4 in per cent: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n).
    const z = 1.959963984540054;
    const centre = (0.75 + (z * z) / 8) / (1 + (z * z) / 4);
    const half = (z * Math.sqrt((0.75 * 0.25) / 4 + (z * z) / 64)) / (1 + (z * z) / 4);
    close(res.body.organisation.ci95[0], 100 * (centre - half), 'CI low');
    close(res.body.organisation.ci95[1], 100 * (centre + half), 'CI high');
    close(res.body.percentile, 25 + (5 / 8) * 25, 'percentile');
    assert.equal(res.body.excellent, null);
  });
});

describe('kaiku import benchmarks', () => {
  let dir: string;
  const saved = { url: process.env.DATABASE_URL, dataDir: process.env.KAIKU_DATA_DIR };
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kaiku-benchmarks-cli-'));
    delete process.env.DATABASE_URL;
    process.env.KAIKU_DATA_DIR = join(dir, 'data');
    const db = await openPglite({ dataDir: process.env.KAIKU_DATA_DIR });
    await db.migrate();
    await createOrganization(db, { name: 'Kauppa Oy', slug: 'kauppa' });
    await db.close();
  });
  after(async () => {
    if (saved.url === undefined) delete process.env.DATABASE_URL; else process.env.DATABASE_URL = saved.url;
    if (saved.dataDir === undefined) delete process.env.KAIKU_DATA_DIR; else process.env.KAIKU_DATA_DIR = saved.dataDir;
    await rm(dir, { recursive: true, force: true });
  });

  test('imports the valid rows, prints each rejected row and progress, exits 1; a clean file exits 0; usage errors 2', async () => {
    const file = join(dir, 'bench.csv');
    await writeFile(file, csv);
    let out = '';
    let err = '';
    const io = { out: (text: string) => { out += text; }, err: (text: string) => { err += text; } };
    assert.equal(await main(['import', 'benchmarks', file], io), 1);
    assert.match(out, /Imported 3 benchmark rows/);
    assert.match(out, /rejected: +5\n/);
    assert.match(out, /row 6 \(p75\): p75 \(2\) is below p50 \(3\)/);
    assert.match(err, /3 of 8 rows stored/);
    const good = join(dir, 'good.csv');
    await writeFile(good, 'industry,metric,period,p10,p90\nretail,ces,2025,4.1,5.9\n');
    out = '';
    assert.equal(await main(['import', 'benchmarks', good, '--org', 'kauppa'], io), 0);
    assert.match(out, /Imported 1 benchmark row from/);
    assert.equal(await main(['import', 'benchmarks'], io), 2);
    assert.equal(await main(['import', 'benchmarks', good, '--org', 'nobody'], io), 1);
  });
});
