import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { parquetReadObjects } from 'hyparquet';
import { newOrg, signInAs, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser, dataScopeFor } from '../auth/service.ts';
import { exportTable } from './service.ts';
import { resurveySurveyId } from '../loop/followup.ts';

const survey = {
  name: 'Export test',
  kind: 'pulse',
  defaultLanguage: 'fi',
  languages: ['fi', 'en'],
  title: { fi: 'Kysely', en: 'Survey' },
  questions: [
    { key: 'nps', type: 'nps', required: true, text: { fi: 'Suosittelisitko?', en: 'Recommend?' } },
    { key: 'csat', type: 'csat', text: { fi: 'Tyytyväisyys', en: 'Satisfaction' } },
    { key: 'staff', type: 'likert7', allowDontKnow: true, text: { fi: 'Henkilökunta', en: 'Staff' } },
    { key: 'topics', type: 'multi_choice', text: { fi: 'Aiheet', en: 'Topics' }, options: [
      { value: 'billing', label: { fi: 'Laskutus', en: 'Billing' } }, { value: 'contract', label: { fi: 'Sopimus', en: 'Contract' } }] },
    { key: 'comment', type: 'text', text: { fi: 'Kommentti', en: 'Comment' } },
  ],
};

/** Collects what an export writes, for service-level tests. */
async function exportToText(t: TestApp, scope: Parameters<typeof exportTable>[1]['scope'], surveyId: string): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportTable(t.db, { orgId: t.orgId, scope, dataset: 'answers', format: 'csv', filters: { surveyId } }, out);
  return Buffer.concat(chunks).toString('utf8');
}

describe('bulk exports', () => {
  let t: TestApp;
  let surveyId: string;
  let north: string;
  let northTeam: string;
  let south: string;
  let r1: string;
  let r2: string;
  let r3: string;

  before(async () => {
    t = await startTestApp();
    north = (await t.api('/api/v1/units', { body: { name: 'North' } })).body.id;
    northTeam = (await t.api('/api/v1/units', { body: { name: 'North team', parentId: north } })).body.id;
    south = (await t.api('/api/v1/units', { body: { name: 'South' } })).body.id;
    const created = await t.api('/api/v1/surveys', { body: survey });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    surveyId = created.body.id;
    const batch = await t.api('/api/v1/responses/batch', { body: { responses: [
      { surveyId, unitId: north, language: 'fi', submittedAt: '2026-01-10T08:00:00Z', answers: [
        { question: 'nps', value: 9 }, { question: 'nps_why', value: 'Nopea, "ystävällinen"\npalvelu' },
        { question: 'staff', dontKnow: true }, { question: 'topics', value: ['billing', 'contract'] }] },
      { surveyId, unitId: south, channel: 'web', language: 'en', submittedAt: '2026-01-11T09:30:00Z', answers: [
        { question: 'nps', value: 3 }, { question: 'nps_why', value: '=HYPERLINK("http://evil.example","click")' },
        { question: 'csat', value: 2 }, { question: 'comment', value: '-minus first' }] },
      { surveyId, unitId: northTeam, language: 'fi', submittedAt: '2026-01-12T10:00:00Z', answers: [
        { question: 'nps', value: 10 }, { question: 'staff', value: 7 }, { question: 'comment', value: '@kaikki hyvin' }] },
    ] } });
    assert.equal(batch.status, 200, JSON.stringify(batch.body));
    [r1, r2, r3] = batch.body.items.map((i: { id: string }) => i.id);
  });
  after(() => t.close());

  const context = (unit: string, language: string, channel = '') => `,,${channel},${unit},,,,${language},api,false`;

  test('answers.csv: exact bytes with BOM, CRLF, RFC 4180 quoting and formulas neutralised', async () => {
    const res = await fetch(`${t.url}/api/v1/exports/answers.csv?surveyId=${surveyId}`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8; header=present');
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="kaiku-answers-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const s = surveyId;
    const expected = '\uFEFF'
      + 'response_id,submitted_at,survey_id,question_key,question_type,number,choice,choices,text,dont_know,touchpoint_id,channel,unit_id,employee_id,contact_id,segment,language,source,is_resurvey\r\n'
      + `${r1},2026-01-10T08:00:00.000Z,${s},nps,nps,9,,,,false${context(north, 'fi')}\r\n`
      + `${r1},2026-01-10T08:00:00.000Z,${s},nps_why,text,,,,"Nopea, ""ystävällinen""\npalvelu",false${context(north, 'fi')}\r\n`
      + `${r1},2026-01-10T08:00:00.000Z,${s},staff,likert7,,,,,true${context(north, 'fi')}\r\n`
      + `${r1},2026-01-10T08:00:00.000Z,${s},topics,multi_choice,,,billing|contract,,false${context(north, 'fi')}\r\n`
      + `${r2},2026-01-11T09:30:00.000Z,${s},nps,nps,3,,,,false${context(south, 'en', 'web')}\r\n`
      + `${r2},2026-01-11T09:30:00.000Z,${s},nps_why,text,,,,"'=HYPERLINK(""http://evil.example"",""click"")",false${context(south, 'en', 'web')}\r\n`
      + `${r2},2026-01-11T09:30:00.000Z,${s},csat,csat,2,,,,false${context(south, 'en', 'web')}\r\n`
      + `${r2},2026-01-11T09:30:00.000Z,${s},comment,text,,,,'-minus first,false${context(south, 'en', 'web')}\r\n`
      + `${r3},2026-01-12T10:00:00.000Z,${s},nps,nps,10,,,,false${context(northTeam, 'fi')}\r\n`
      + `${r3},2026-01-12T10:00:00.000Z,${s},staff,likert7,7,,,,false${context(northTeam, 'fi')}\r\n`
      + `${r3},2026-01-12T10:00:00.000Z,${s},comment,text,,,,'@kaikki hyvin,false${context(northTeam, 'fi')}\r\n`;
    assert.equal(bytes.toString('utf8'), expected);
  });

  test('responses.csv: one wide row per response, a column per question key and staff_dont_know', async () => {
    const res = await t.api(`/api/v1/exports/responses.csv?surveyId=${surveyId}&from=2026-01-11T00:00:00Z`);
    assert.equal(res.status, 200);
    const s = surveyId;
    // fetch's text() drops the byte order mark; the bytes test above checks it.
    assert.equal(res.body, ''
      + 'response_id,submitted_at,survey_id,touchpoint_id,channel,unit_id,employee_id,contact_id,segment,language,source,is_resurvey,nps,nps_why,csat,staff,staff_dont_know,topics,comment\r\n'
      + `${r2},2026-01-11T09:30:00.000Z,${s},,web,${south},,,,en,api,false,3,"'=HYPERLINK(""http://evil.example"",""click"")",2,,,,'-minus first\r\n`
      + `${r3},2026-01-12T10:00:00.000Z,${s},,,${northTeam},,,,fi,api,false,10,,,7,false,,'@kaikki hyvin\r\n`);
  });

  test('answers.xlsx read back with exceljs: typed cells, text neutralised', async () => {
    const res = await fetch(`${t.url}/api/v1/exports/answers.xlsx?surveyId=${surveyId}&to=2026-01-11T00:00:00Z`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    assert.deepEqual(workbook.worksheets.map((w) => w.name), ['answers']);
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1, 11))));
    const at = new Date('2026-01-10T08:00:00Z');
    assert.deepEqual(rows, [
      ['response_id', 'submitted_at', 'survey_id', 'question_key', 'question_type', 'number', 'choice', 'choices', 'text', 'dont_know'],
      [r1, at, surveyId, 'nps', 'nps', 9, undefined, undefined, undefined, false],
      [r1, at, surveyId, 'nps_why', 'text', undefined, undefined, undefined, 'Nopea, "ystävällinen"\npalvelu', false],
      [r1, at, surveyId, 'staff', 'likert7', undefined, undefined, undefined, undefined, true],
      [r1, at, surveyId, 'topics', 'multi_choice', undefined, undefined, 'billing|contract', undefined, false],
    ]);
    const neutral = await fetch(`${t.url}/api/v1/exports/answers.xlsx?surveyId=${surveyId}&from=2026-01-11T00:00:00Z&to=2026-01-12T00:00:00Z`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    const book2 = new ExcelJS.Workbook();
    await book2.xlsx.load(await neutral.arrayBuffer());
    const texts: unknown[] = [];
    book2.worksheets[0]!.eachRow((row, n) => { if (n > 1) texts.push(row.getCell(9).value); });
    assert.deepEqual(texts, [null, `'=HYPERLINK("http://evil.example","click")`, null, `'-minus first`]);
  });

  test('responses.parquet read back with hyparquet: exact typed values', async () => {
    const res = await fetch(`${t.url}/api/v1/exports/responses.parquet?surveyId=${surveyId}`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/vnd.apache.parquet');
    const rows = await parquetReadObjects({ file: await res.arrayBuffer() });
    const base = { survey_id: surveyId, touchpoint_id: null, employee_id: null, contact_id: null, segment: null, source: 'api', is_resurvey: false };
    assert.deepEqual(rows, [
      { ...base, response_id: r1, submitted_at: new Date('2026-01-10T08:00:00Z'), channel: null, unit_id: north, language: 'fi',
        nps: 9, nps_why: 'Nopea, "ystävällinen"\npalvelu', csat: null, staff: null, staff_dont_know: true, topics: 'billing|contract', comment: null },
      { ...base, response_id: r2, submitted_at: new Date('2026-01-11T09:30:00Z'), channel: 'web', unit_id: south, language: 'en',
        nps: 3, nps_why: '=HYPERLINK("http://evil.example","click")', csat: 2, staff: null, staff_dont_know: null, topics: null, comment: '-minus first' },
      { ...base, response_id: r3, submitted_at: new Date('2026-01-12T10:00:00Z'), channel: null, unit_id: northTeam, language: 'fi',
        nps: 10, nps_why: null, csat: null, staff: 7, staff_dont_know: false, topics: null, comment: '@kaikki hyvin' },
    ]);
  });

  test('answers.parquet keeps one row per answer with numbers as DOUBLE and dont_know as BOOLEAN', async () => {
    const res = await fetch(`${t.url}/api/v1/exports/answers.parquet?surveyId=${surveyId}&unitId=${south}`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    const rows = await parquetReadObjects({ file: await res.arrayBuffer(), columns: ['question_key', 'number', 'text', 'dont_know'] });
    assert.deepEqual(rows, [
      { question_key: 'nps', number: 3, text: null, dont_know: false },
      { question_key: 'nps_why', number: null, text: '=HYPERLINK("http://evil.example","click")', dont_know: false },
      { question_key: 'csat', number: 2, text: null, dont_know: false },
      { question_key: 'comment', number: null, text: '-minus first', dont_know: false },
    ]);
  });

  test('the unit filter includes sub-units, like the metrics API', async () => {
    const res = await t.api(`/api/v1/exports/responses.csv?unitId=${north}`);
    assert.equal(res.status, 200);
    const ids = (res.body as string).split('\r\n').slice(1, -1).map((line) => line.split(',')[0]);
    assert.deepEqual(ids, [r1, r3]);
  });

  test("a unit manager's data scope keeps only their units' rows", async () => {
    const managerId = await createUser(t.db, t.orgId, { email: 'manager@example.com', name: 'Manager', role: 'unit_manager', unitId: north, password: 'correct horse battery' });
    const scope = await dataScopeFor(t.db, t.orgId, managerId, 'unit_manager', north);
    const csv = await exportToText(t, scope, surveyId);
    const rows = csv.split('\r\n').slice(1, -1).map((line) => line.split(',')[0]);
    assert.deepEqual(rows, [r1, r1, r1, r1, r3, r3, r3]);
    assert.ok(!csv.includes(south));
  });

  test('exports are for org-wide roles: a unit manager signed in gets 403', async () => {
    const api = await signInAs(t, 'manager@example.com', 'correct horse battery');
    const res = await api(`/api/v1/exports/answers.csv`);
    assert.equal(res.status, 403, JSON.stringify(res.body));
  });

  test("another organisation's survey id is not found (404), not an empty file", async () => {
    const other = await newOrg(t.db, 'Other Org');
    const theirs = await t.api('/api/v1/surveys', { body: { ...survey, name: 'Theirs' }, key: other.apiKey });
    assert.equal(theirs.status, 201);
    for (const path of [`answers.csv?surveyId=${theirs.body.id}`, `responses.parquet?surveyId=${theirs.body.id}`]) {
      const res = await t.api(`/api/v1/exports/${path}`);
      assert.equal(res.status, 404, path);
      assert.equal(res.body.field, 'surveyId');
    }
  });

  const badFilters: Array<[string, string]> = [
    ['answers.csv?from=yesterday', 'from'],
    ['answers.csv?surveyId=not-a-uuid', 'surveyId'],
    ['answers.xlsx?channel=fax', 'channel'],
    ['answers.csv?colour=blue', 'colour'],
    ['answers.csv?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
    ['responses.csv?questionId=0190d7a0-0000-7000-8000-000000000000', 'questionId'],
    ['responses.parquet?language=finnish', 'language'],
  ];
  for (const [path, field] of badFilters) {
    test(`bad filter ${path} → 400 naming ${field}`, async () => {
      const res = await t.api(`/api/v1/exports/${path}`);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.field, field, JSON.stringify(res.body));
    });
  }

  test('an export needs a signed-in caller', async () => {
    const res = await t.api('/api/v1/exports/answers.csv', { key: null });
    assert.equal(res.status, 401);
  });
});

/**
 * Re-survey answers ("is it solved?" after a case) are left out of every metric; the exports keep
 * them, flagged in is_resurvey, so a BI model can leave them out the same way.
 */
describe('exports flag re-survey rows', () => {
  let t: TestApp;
  let surveyId: string;
  let resurveyId: string;
  let normal: string;
  let resurvey: string;

  before(async () => {
    t = await startTestApp();
    surveyId = (await t.api('/api/v1/surveys', { body: { ...survey, questions: survey.questions.slice(0, 1) } })).body.id;
    resurveyId = await resurveySurveyId(t.db, t.orgId);
    const batch = await t.api('/api/v1/responses/batch', { body: { responses: [
      { surveyId, language: 'fi', submittedAt: '2026-02-01T08:00:00Z', answers: [{ question: 'nps', value: 2 }] },
      { surveyId: resurveyId, language: 'fi', submittedAt: '2026-02-03T08:00:00Z', answers: [{ question: 'solved', value: 'yes' }, { question: 'score', value: 9 }] },
    ] } });
    assert.equal(batch.status, 200, JSON.stringify(batch.body));
    [normal, resurvey] = batch.body.items.map((i: { id: string }) => i.id);
  });
  after(() => t.close());

  test('answers.csv and responses.csv end their context with is_resurvey', async () => {
    const answers = await t.api('/api/v1/exports/answers.csv');
    assert.equal(answers.status, 200);
    const lines = (answers.body as string).split('\r\n').slice(0, -1).map((line) => line.split(','));
    assert.equal(lines[0]!.at(-1), 'is_resurvey');
    assert.deepEqual(lines.slice(1).map((cells) => [cells[0], cells[3], cells.at(-1)]),
      [[normal, 'nps', 'false'], [resurvey, 'solved', 'true'], [resurvey, 'score', 'true']]);
    const responses = await t.api('/api/v1/exports/responses.csv');
    const wide = (responses.body as string).split('\r\n').slice(0, -1).map((line) => line.split(','));
    const flag = wide[0]!.indexOf('is_resurvey');
    assert.equal(flag, wide[0]!.indexOf('source') + 1, 'after the response context, before the question columns');
    assert.deepEqual(wide.slice(1).map((cells) => [cells[0], cells[flag]]), [[normal, 'false'], [resurvey, 'true']]);
  });

  test('Parquet and XLSX type the flag as BOOLEAN', async () => {
    const parquet = await fetch(`${t.url}/api/v1/exports/responses.parquet`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    const rows = await parquetReadObjects({ file: await parquet.arrayBuffer(), columns: ['response_id', 'is_resurvey'] });
    assert.deepEqual(rows, [{ response_id: normal, is_resurvey: false }, { response_id: resurvey, is_resurvey: true }]);
    const xlsx = await fetch(`${t.url}/api/v1/exports/answers.xlsx?surveyId=${resurveyId}`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const column = (sheet.getRow(1).values as unknown[]).indexOf('is_resurvey');
    const flags: unknown[] = [];
    sheet.eachRow((row, n) => { if (n > 1) flags.push(row.getCell(column).value); });
    assert.deepEqual(flags, [true, true]);
  });
});
