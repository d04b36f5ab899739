import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { parquetReadObjects } from 'hyparquet';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testBackend, testDatabase } from '../../test/helpers/db.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { prepareResponse, storeResponses, type PreparedResponse } from '../responses/service.ts';
import { createSurvey } from '../surveys/service.ts';
import { exportWorkers } from './isolated.ts';

/**
 * A large export, byte for byte: 6,000 responses × 4 answers (24 cursor fetches, three Parquet
 * row groups), read back and compared with what SQL says about the same rows. On PostgreSQL the
 * server is configured like production (DATABASE_URL), so the exports run in worker threads.
 */
const RESPONSES = 6000;
const whys = ['Hyvä, "nopea"\npalvelu', 'Laskutus, taas', '=1+1', 'ok'];

describe('a large export is byte-correct', () => {
  let t: TestApp;
  let surveyId: string;
  const expected = { answers: 0, npsSum: 0, dontKnow: 0, idsSha: '', textSha: '' };

  before(async () => {
    const db = await testDatabase();
    const databaseUrl = (db as { url?: string }).url;
    t = await startTestApp({ db, config: databaseUrl ? { databaseUrl } : {} });
    const survey = await createSurvey(t.db, t.orgId, {
      name: 'Large', kind: 'pulse', defaultLanguage: 'fi', languages: ['fi'], title: { fi: 'Iso' },
      questions: [
        { key: 'nps', type: 'nps', required: true, text: { fi: 'Suosittelisitko?' } },
        { key: 'csat', type: 'csat', text: { fi: 'Tyytyväisyys' } },
        { key: 'price', type: 'likert7', allowDontKnow: true, text: { fi: 'Hinta' } },
      ],
    });
    surveyId = survey.id;
    for (let start = 0; start < RESPONSES; start += 1000) {
      const batch: PreparedResponse[] = [];
      for (let i = start; i < start + 1000; i++) {
        batch.push(await prepareResponse(t.db, t.orgId, {
          surveyId, language: 'fi', idempotencyKey: `large-${i}`,
          submittedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
          answers: [
            { question: 'nps', value: i % 11 }, { question: 'nps_why', value: `${whys[i % whys.length]} ${i}` },
            { question: 'csat', value: 1 + (i % 5) }, i % 7 === 0 ? { question: 'price', dontKnow: true } : { question: 'price', value: 1 + (i % 7) },
          ],
        }));
      }
      await storeResponses(t.db, t.orgId, batch, 'import');
    }
    // The reference, from SQL alone: counts, a sum, and digests of columns in export order.
    const [counts] = await t.db.query<{ answers: number; nps_sum: number; dont_know: number }>(
      `select count(*)::int as answers, sum(a.number) filter (where q.key = 'nps')::int as nps_sum, count(*) filter (where a.dont_know)::int as dont_know
         from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id where a.org_id = $1`, [t.orgId]);
    const ids = await t.db.query<{ id: string }>(`select id from responses where org_id = $1 order by submitted_at, id`, [t.orgId]);
    const texts = await t.db.query<{ text: string }>(
      `select a.text from answers a join responses r on r.org_id = a.org_id and r.id = a.response_id
        where a.org_id = $1 and a.text is not null order by r.submitted_at, r.id`, [t.orgId]);
    expected.answers = counts.answers;
    expected.npsSum = counts.nps_sum;
    expected.dontKnow = counts.dont_know;
    expected.idsSha = sha(ids.map((r) => r.id));
    expected.textSha = sha(texts.map((r) => r.text));
    assert.equal(expected.answers, RESPONSES * 4);
  });
  // The database was passed in, so it is this file's to close (a PostgreSQL one is dropped then).
  after(async () => { await t.close(); await t.db.close(); });

  const sha = (values: string[]) => createHash('sha256').update(values.join('\n')).digest('hex');
  const download = async (path: string) => {
    const res = await fetch(`${t.url}/api/v1/exports/${path}`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    assert.equal(res.status, 200, path);
    return Buffer.from(await res.arrayBuffer());
  };

  test('answers.csv: every answer once, numbers, don\'t-knows and texts as SQL has them', async () => {
    const rows = parse((await download(`answers.csv?surveyId=${surveyId}&rawText=true`)).toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    assert.equal(rows.length, expected.answers);
    assert.equal(rows.filter((r) => r.question_key === 'nps').reduce((s, r) => s + Number(r.number), 0), expected.npsSum);
    assert.equal(rows.filter((r) => r.dont_know === 'true').length, expected.dontKnow);
    const why = rows.filter((r) => r.question_key === 'nps_why').map((r) => r.text);
    // The CSV neutralises formula-like text ('=1+1 → "'=1+1"): undo that one rule to compare.
    assert.equal(sha(why.map((text) => text.replace(/^'(?==)/, ''))), expected.textSha);
    assert.equal(sha([...new Set(rows.map((r) => r.response_id))]), expected.idsSha);
  });

  test('answers.parquet: the same rows, typed', async () => {
    const rows = await parquetReadObjects({ file: (await download(`answers.parquet?surveyId=${surveyId}&rawText=true`)).buffer as ArrayBuffer,
      columns: ['response_id', 'question_key', 'number', 'text', 'dont_know'] }) as Array<Record<string, unknown>>;
    assert.equal(rows.length, expected.answers);
    assert.equal(rows.filter((r) => r.question_key === 'nps').reduce((s, r) => s + (r.number as number), 0), expected.npsSum);
    assert.equal(rows.filter((r) => r.dont_know === true).length, expected.dontKnow);
    assert.equal(sha(rows.filter((r) => r.question_key === 'nps_why').map((r) => r.text as string)), expected.textSha);
    assert.equal(sha([...new Set(rows.map((r) => r.response_id as string))]), expected.idsSha);
  });

  test('responses.xlsx: one row per response, in order', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(`responses.xlsx?surveyId=${surveyId}`)).buffer as ArrayBuffer);
    const ids: string[] = [];
    let npsSum = 0;
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const nps = header.indexOf('nps') + 1;
    sheet.eachRow((row, n) => { if (n > 1) { ids.push(row.getCell(1).value as string); npsSum += row.getCell(nps).value as number; } });
    assert.equal(ids.length, RESPONSES);
    assert.equal(sha(ids), expected.idsSha);
    assert.equal(npsSum, expected.npsSum);
  });

  test('a client that hangs up stops the export, and its worker ends', { skip: testBackend !== 'postgres' && 'worker threads are used on PostgreSQL only' }, async () => {
    const controller = new AbortController();
    const res = await fetch(`${t.url}/api/v1/exports/answers.csv?surveyId=${surveyId}`, { headers: { authorization: `Bearer ${t.apiKey}` }, signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await waitUntil(async () => exportWorkers(), (w) => w.running === 0 && w.waiting === 0, 'the worker to stop');
    // The server still exports afterwards.
    const again = await download(`responses.csv?surveyId=${surveyId}&to=2025-01-01T00:10:00Z`);
    assert.equal(again.toString('utf8').split('\r\n').length - 2, 10);
  });
});
