import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabase } from '../../test/helpers/db.ts';
import { newOrg } from '../../test/helpers/app.ts';
import { main } from '../cli/main.ts';
import { openPglite, type Database } from '../db/connection.ts';
import { createOrganization } from '../orgs/service.ts';
import ExcelJS from 'exceljs';
import { checkContactRecords, importContactRecords, importContactsCsv, xlsxRecords } from './import.ts';

const mixedCsv = [
  'external_id,email,phone,Name,language,segment,time_zone,consent_survey_email,revenue,tenure_months,plan,attr.city,op.kwh,notes',
  'C-1,anna@example.fi,040 111 2222,Anna,fi,household,Europe/Helsinki,yes,1200.50,24,spot,Tampere,4500,x', // row 1: good
  'C-2,bad-email,,Bo,sv,,,,,,,,,', //                                                                        row 2: bad e-mail
  ',x@example.fi,,Xi,fi,,,,,,,,,', //                                                                        row 3: no external id
  'C-4,,,Cee,en,business,Mars/Base,,,,,,,', //                                                               row 4: bad time zone
  'C-5,,12345,,,,,,,,,,,', //                                                                                row 5: bad phone
  'C-6,,,,pl,vip,,maybe,,,,,,', //                                                                           row 6: bad consent
  'C-7,e@example.pl,+48 601 234 567,Ewa,pl,vip,Europe/Warsaw,no,"1 234,50",3,fixed,Kraków,,', //             row 7: good
  'C-1,,,,,vip,,,,,,,,', //                                                                                  row 8: updates C-1
  'C-9,,,,,,,,,abc,,,,', //                                                                                  row 9: bad tenure
].join('\n');

describe('CSV import of contacts', () => {
  let db: Database;
  let orgId: string;
  let dir: string;

  before(async () => {
    db = await testDatabase();
    ({ orgId } = await newOrg(db));
    dir = await mkdtemp(join(tmpdir(), 'kaiku-contacts-'));
  });
  after(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const contact = async (externalId: string) => (await db.query<Record<string, unknown>>(
    `select email, phone, name, language, segment, time_zone, consent_survey_email, attributes, operational from contacts where org_id = $1 and external_id = $2`,
    [orgId, externalId]))[0];

  test('good rows are upserted, bad rows are reported with their row number and reason', async () => {
    const file = join(dir, 'mixed.csv');
    await writeFile(file, mixedCsv);
    const summary = await importContactsCsv(db, orgId, file);
    assert.equal(summary.rows, 9);
    assert.deepEqual([summary.created, summary.updated, summary.unchanged], [2, 1, 0]);
    assert.deepEqual(summary.rejected.map((r) => r.row), [2, 3, 4, 5, 6, 9]);
    assert.deepEqual(summary.rejected.map((r) => r.reason), [
      'email is not a valid e-mail address',
      'the external id is empty',
      'timeZone must be an IANA time zone such as Europe/Helsinki',
      'phone must be in international form (+358 40 123 4567) or a national number starting with 0',
      'consentSurveyEmail "maybe" is not yes/no (yes, no, true, false, 1, 0, kyllä, ei, ja, nej, tak, nie)',
      'tenureMonths "abc" is not a whole number of months',
    ]);
    assert.deepEqual(summary.ignoredColumns, ['notes']);
    assert.deepEqual(await contact('C-1'), {
      email: 'anna@example.fi', phone: '+358401112222', name: 'Anna', language: 'fi', segment: 'vip', time_zone: 'Europe/Helsinki',
      consent_survey_email: true, attributes: { city: 'Tampere' }, operational: { revenue: 1200.5, tenureMonths: 24, plan: 'spot', kwh: 4500 },
    });
    assert.deepEqual(await contact('C-7'), {
      email: 'e@example.pl', phone: '+48601234567', name: 'Ewa', language: 'pl', segment: 'vip', time_zone: 'Europe/Warsaw',
      consent_survey_email: false, attributes: { city: 'Kraków' }, operational: { revenue: 1234.5, tenureMonths: 3, plan: 'fixed' },
    });
    const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from contacts where org_id = $1`, [orgId]);
    assert.equal(n, 2);
  });

  test('importing the same file again changes nothing; attr.* columns add to existing attributes', async () => {
    const file = join(dir, 'plain.csv');
    await writeFile(file, 'asiakasnumero;sähköposti;attr.tier\nP-1;p1@example.com;gold\nP-2;p2@example.com;\n');
    await db.query(`update contacts set attributes = '{"source": "crm"}' where org_id = $1 and external_id = 'C-1'`, [orgId]);
    const first = await importContactsCsv(db, orgId, file, { map: { externalId: 'asiakasnumero', email: 'sähköposti' } });
    assert.deepEqual([first.rows, first.created, first.updated, first.unchanged, first.rejected.length], [2, 2, 0, 0, 0]);
    const second = await importContactsCsv(db, orgId, file, { map: { externalId: 'asiakasnumero', email: 'sähköposti' } });
    assert.deepEqual([second.rows, second.created, second.updated, second.unchanged, second.rejected.length], [2, 0, 0, 2, 0]);
    assert.deepEqual((await contact('P-1')).attributes, { tier: 'gold' });

    const more = join(dir, 'more.csv');
    await writeFile(more, 'external_id,attr.tier\nC-1,silver\n');
    await importContactsCsv(db, orgId, more);
    assert.deepEqual((await contact('C-1')).attributes, { source: 'crm', tier: 'silver' });
  });

  test('an XLSX workbook goes through the same rules; columns chosen one by one are read exactly so', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Contacts');
    sheet.addRow(['Asiakasnumero', 'Sähköposti', 'email', 'Kaupunki']);
    sheet.addRow(['X-1', 'x1@EXAMPLE.fi', 'ignored@example.com', 'Oulu']);
    sheet.addRow([]);
    sheet.addRow(['X-2', 'not-an-address', '', 'Turku']);
    sheet.addRow([3, { text: 'x3@example.fi', hyperlink: 'mailto:x3@example.fi' }, '', { richText: [{ text: 'Lah' }, { text: 'ti' }] }]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const columns = ['externalId', 'email', 'ignore', 'attribute'] as const;
    const check = await checkContactRecords(xlsxRecords(content), { columns: [...columns] });
    assert.equal(check.rows, 3, 'the empty row is skipped');
    assert.deepEqual(check.rejected.map((r) => [r.row, r.field]), [[2, 'email']]);
    assert.deepEqual(check.preview.map((p) => [p.row, p.changes.email, p.changes.attributesPatch]), [[1, 'x1@example.fi', { Kaupunki: 'Oulu' }], [3, 'x3@example.fi', { Kaupunki: 'Lahti' }]]);
    const before = await db.query(`select count(*)::int as n from contacts where org_id = $1`, [orgId]);
    assert.deepEqual(await db.query(`select count(*)::int as n from contacts where org_id = $1`, [orgId]), before, 'a check stores nothing');
    const summary = await importContactRecords(db, orgId, xlsxRecords(content), { columns: [...columns] });
    assert.deepEqual([summary.created, summary.rejected.length], [2, 1]);
    assert.deepEqual(await contact('3'), {
      email: 'x3@example.fi', phone: null, name: null, language: null, segment: null, time_zone: null, consent_survey_email: false, attributes: { Kaupunki: 'Lahti' }, operational: {},
    });
    await assert.rejects(checkContactRecords(xlsxRecords(content), { columns: ['email', 'ignore', 'ignore', 'ignore'] }), /No external id column/);
    await assert.rejects(checkContactRecords(xlsxRecords(Buffer.from('PK not a zip'))), (error: Error & { code?: string }) => error.code === 'invalid_xlsx');
  });

  test('a file without an external id column is a usage error', async () => {
    const file = join(dir, 'noid.csv');
    await writeFile(file, 'email\na@example.com\n');
    await assert.rejects(importContactsCsv(db, orgId, file), (error: Error & { code?: string }) => error.code === 'usage' && /external id column/.test(error.message));
  });
});

describe('kaiku import contacts', () => {
  let dir: string;
  const saved = { url: process.env.DATABASE_URL, dataDir: process.env.KAIKU_DATA_DIR };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kaiku-contacts-cli-'));
    delete process.env.DATABASE_URL;
    process.env.KAIKU_DATA_DIR = join(dir, 'data');
    const db = await openPglite({ dataDir: process.env.KAIKU_DATA_DIR });
    await db.migrate();
    await createOrganization(db, { name: 'Energia Oy', slug: 'energia' });
    await db.close();
  });
  after(async () => {
    if (saved.url === undefined) delete process.env.DATABASE_URL; else process.env.DATABASE_URL = saved.url;
    if (saved.dataDir === undefined) delete process.env.KAIKU_DATA_DIR; else process.env.KAIKU_DATA_DIR = saved.dataDir;
    await rm(dir, { recursive: true, force: true });
  });

  test('reports counts and rejected rows, exit status 1 when rows were rejected, 0 when all pass', async () => {
    const file = join(dir, 'mixed.csv');
    await writeFile(file, mixedCsv);
    let out = '';
    const io = { out: (text: string) => { out += text; }, err: () => {} };
    assert.equal(await main(['import', 'contacts', file, '--org', 'energia'], io), 1);
    assert.match(out, /Imported 3 contacts/);
    assert.match(out, /created: +2\n/);
    assert.match(out, /rejected: +6\n/);
    assert.match(out, /row 2: email is not a valid e-mail address/);
    assert.match(out, /row 9: tenureMonths "abc"/);

    const good = join(dir, 'good.csv');
    await writeFile(good, 'id,mail\nG-1,g1@example.com\n');
    out = '';
    assert.equal(await main(['import', 'contacts', good, '--map', 'externalId=id,email=mail'], io), 0, 'one organisation: --org may be left out');
    assert.match(out, /Imported 1 contact from/);
  });

  test('usage errors exit with 2', async () => {
    const io = { out: () => {}, err: () => {} };
    assert.equal(await main(['import', 'contacts'], io), 2);
    assert.equal(await main(['import', 'contacts', 'x.csv', '--map', 'nonsense'], io), 2);
    assert.equal(await main(['import', 'contacts', 'x.csv', '--bogus'], io), 2);
  });
});
