import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabase } from '../../test/helpers/db.ts';
import { newOrg } from '../../test/helpers/app.ts';
import { pulseSurvey } from '../../test/helpers/factories.ts';
import { main } from '../cli/main.ts';
import type { Database } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import { createJourney, createStage, createTouchpoint } from '../journeys/service.ts';
import { createUnit } from '../orgs/service.ts';
import type { SurveyInput } from '../surveys/schema.ts';
import { createSurvey } from '../surveys/service.ts';
import { importResponsesCsv, parseImportTime } from './import.ts';

// Survey questions (pulseSurvey): nps (required), nps_why, csat 1–5, ease (CES 1–7),
// staff_kind (likert7 with don't know), topic (single choice: billing | contract).
const mixedCsv = [
  'nps,nps_why,csat,ease,staff_kind,topic,touchpoint,customer,lang,when',
  '9,Nopea palvelu,5,7,6,billing,Contract by phone,C-1,fi,2026-03-01T10:00:00+02:00', // row 1: good, 6 answers
  '11,,,,,,,,,', //                                                                      row 2: score out of range
  '3,Jono oli pitkä,2,2,EOS,contract,,,,1.3.2026 14:30', //                               row 3: good, 6 answers (staff_kind don't know)
  '8,,4,,,refund,,,,', //                                                                 row 4: unknown option
  '7,,,,,,,,,yesterday', //                                                               row 5: bad time
  '10,Great,,,,,,,en,', //                                                                row 6: good, 2 answers
  ',,4,,,,,,,', //                                                                        row 7: required nps missing
].join('\n');

describe('CSV import of responses', () => {
  let db: Database;
  let orgId: string;
  let surveyId: string;
  let touchpointId: string;
  let contactId: string;
  let dir: string;
  const options = () => ({ surveyId, touchpointColumn: 'touchpoint', contactColumn: 'customer', languageColumn: 'lang', timeColumn: 'when' });

  before(async () => {
    db = await testDatabase();
    ({ orgId } = await newOrg(db));
    const unitId = await createUnit(db, orgId, { name: 'Customer service' });
    const journeyId = await createJourney(db, orgId, { name: 'Move-in' });
    const stageId = await createStage(db, orgId, journeyId, { name: 'Contract', phase: 'before' });
    touchpointId = await createTouchpoint(db, orgId, { stageId, name: 'Contract by phone', channel: 'phone', ownerUnitId: unitId });
    surveyId = (await createSurvey(db, orgId, pulseSurvey() as SurveyInput)).id;
    [{ id: contactId }] = await db.query<{ id: string }>(`insert into contacts (org_id, external_id, cohort) values ($1, 'C-1', 0) returning id`, [orgId]);
    dir = await mkdtemp(join(tmpdir(), 'kaiku-import-'));
  });
  after(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const countRows = async () => (await db.query<{ r: number; a: number }>(
    `select (select count(*)::int from responses where org_id = $1) as r, (select count(*)::int from answers where org_id = $1) as a`, [orgId]))[0];

  test('good rows are stored, bad rows are reported with their row number and reason', async () => {
    const file = join(dir, 'mixed.csv');
    await writeFile(file, mixedCsv);
    const summary = await importResponsesCsv(db, orgId, file, options());
    assert.equal(summary.rows, 7);
    assert.equal(summary.imported, 3); // rows 1, 3, 6
    assert.equal(summary.answers, 14); // 6 + 6 + 2
    assert.equal(summary.duplicates, 0);
    assert.deepEqual(summary.rejected.map((r) => [r.row, r.reason]), [
      [2, '"nps" must be a whole number from 0 to 10'],
      [4, '"topic" must be one of: billing, contract'],
      [5, 'time "yesterday" is not a date-time (use ISO 8601, e.g. 2026-03-01T14:30:00+02:00, or 1.3.2026 14:30)'],
      [7, '"nps" is required'],
    ]);
    assert.deepEqual(await countRows(), { r: 3, a: 14 });

    const responses = await db.query<{ touchpoint_id: string | null; channel: string | null; contact_id: string | null; language: string; submitted_at: Date; source: string }>(
      `select touchpoint_id, channel, contact_id, language, submitted_at, source from responses where org_id = $1 order by submitted_at`, [orgId]);
    // 10:00 at +02:00 is 08:00 UTC; "1.3.2026 14:30" has no offset, so it is UTC.
    const first = responses.find((r) => r.submitted_at.toISOString() === '2026-03-01T08:00:00.000Z');
    assert.deepEqual(first && { ...first, submitted_at: undefined }, { touchpoint_id: touchpointId, channel: 'phone', contact_id: contactId, language: 'fi', submitted_at: undefined, source: 'import' });
    assert.ok(responses.some((r) => r.submitted_at.toISOString() === '2026-03-01T14:30:00.000Z'));
    const english = responses.find((r) => r.language === 'en');
    assert.ok(english, 'row 6 is stored in English');

    const answers = await db.query(
      `select q.key, a.number, a.choice, a.text, a.dont_know from answers a
         join questions q on q.org_id = a.org_id and q.id = a.question_id
         join responses r on r.org_id = a.org_id and r.id = a.response_id
        where a.org_id = $1 and r.submitted_at = '2026-03-01T14:30:00Z' order by q.position`, [orgId]);
    assert.deepEqual(answers, [
      { key: 'nps', number: 3, choice: null, text: null, dont_know: false },
      { key: 'nps_why', number: null, choice: null, text: 'Jono oli pitkä', dont_know: false },
      { key: 'csat', number: 2, choice: null, text: null, dont_know: false },
      { key: 'ease', number: 2, choice: null, text: null, dont_know: false },
      { key: 'staff_kind', number: null, choice: null, text: null, dont_know: true },
      { key: 'topic', number: null, choice: 'contract', text: null, dont_know: false },
    ]);
  });

  test('importing the same file again stores nothing new: every valid row is a duplicate', async () => {
    const file = join(dir, 'mixed.csv');
    const summary = await importResponsesCsv(db, orgId, file, options());
    assert.equal(summary.imported, 0);
    assert.equal(summary.duplicates, 3);
    assert.equal(summary.rejected.length, 4);
    assert.deepEqual(await countRows(), { r: 3, a: 14 });
  });

  test('a --map naming a column the file does not have is a usage error', async () => {
    const file = join(dir, 'mixed.csv');
    await assert.rejects(importResponsesCsv(db, orgId, file, { surveyId, map: { nps: 'score' } }),
      (error: unknown) => error instanceof KaikuError && error.code === 'usage' && /column "score" is not in the file/.test(error.message));
    await assert.rejects(importResponsesCsv(db, orgId, file, { surveyId, map: { loyalty: 'nps' } }),
      (error: unknown) => error instanceof KaikuError && error.code === 'usage' && /question "loyalty" is not in the survey/.test(error.message));
  });

  test('a semicolon-delimited file imports, and --dry-run counts without storing', async () => {
    const file = join(dir, 'semicolon.csv');
    // Excel in Finnish saves with semicolons; "suositus" is mapped to nps, kieli is the language.
    await writeFile(file, 'suositus;csat;kieli\n7;4;sv\n0;1;fi\n');
    const before = await countRows();
    const dry = await importResponsesCsv(db, orgId, file, { surveyId, map: { nps: 'suositus' }, languageColumn: 'kieli', dryRun: true });
    assert.deepEqual([dry.imported, dry.answers, dry.rejected.length], [2, 4, 0]); // 2 rows × (nps + csat)
    assert.deepEqual(await countRows(), before);
    const summary = await importResponsesCsv(db, orgId, file, { surveyId, map: { nps: 'suositus' }, languageColumn: 'kieli' });
    assert.deepEqual([summary.imported, summary.answers, summary.rejected.length], [2, 4, 0]);
    assert.deepEqual(await countRows(), { r: before.r + 2, a: before.a + 4 });
    const [swedish] = await db.query<{ n: number }>(`select count(*)::int as n from responses where org_id = $1 and language = 'sv'`, [orgId]);
    assert.equal(swedish.n, 1);
  });

  test('an id column keys rows by id, so a reordered file is still a re-import', async () => {
    const first = join(dir, 'ids-a.csv');
    const second = join(dir, 'ids-b.csv');
    await writeFile(first, 'ref,nps\nA-1,9\nA-2,4\n');
    await writeFile(second, 'ref,nps\nA-2,4\nA-1,9\nA-3,8\n');
    const a = await importResponsesCsv(db, orgId, first, { surveyId, idColumn: 'ref' });
    const b = await importResponsesCsv(db, orgId, second, { surveyId, idColumn: 'ref' });
    assert.deepEqual([a.imported, a.duplicates], [2, 0]);
    assert.deepEqual([b.imported, b.duplicates], [1, 2]);
  });

  test('a malformed file (an unclosed quote) is reported as invalid CSV, after the rows before it', async () => {
    const file = join(dir, 'broken.csv');
    await writeFile(file, 'nps,nps_why\n9,"fine"\n5,"never closed\n');
    await assert.rejects(importResponsesCsv(db, orgId, file, { surveyId }),
      (error: unknown) => error instanceof KaikuError && error.code === 'invalid_csv' && /after row 1/.test(error.message));
  });

  test('the CLI refuses a missing --survey with a usage error (exit 2) before opening any database', async () => {
    let err = '';
    const code = await main(['import', 'responses', 'file.csv'], { out: () => {}, err: (text) => { err += text; } });
    assert.equal(code, 2);
    assert.match(err, /--survey is required/);
  });

  test('times: ISO with and without offset, dates, Finnish dates; impossible dates are rejected', () => {
    assert.equal(parseImportTime('2026-03-01T10:00:00+02:00')?.toISOString(), '2026-03-01T08:00:00.000Z');
    assert.equal(parseImportTime('2026-03-01 10:00')?.toISOString(), '2026-03-01T10:00:00.000Z');
    assert.equal(parseImportTime('2026-03-01')?.toISOString(), '2026-03-01T00:00:00.000Z');
    assert.equal(parseImportTime('1.3.2026 9.05')?.toISOString(), '2026-03-01T09:05:00.000Z');
    assert.equal(parseImportTime('31.2.2026'), undefined);
    assert.equal(parseImportTime('yesterday'), undefined);
  });
});
