/**
 * The contact import page over HTTP with real multipart uploads: a file that is neither CSV nor
 * XLSX (or too large) is refused at the file field and nothing is kept; a CSV's columns are
 * guessed, previewed and checked (the counts and problem rows worked out by hand from the rows
 * below), checking stores nothing, a bad mapping names the column, and importing gives created,
 * updated, unchanged and skipped rows as the data says, once only.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, newOrg, type TestApp } from '../../test/helpers/app.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { createUser } from '../auth/service.ts';
import { upsertContactBatch } from '../contacts/service.ts';
import { systemDatabase } from '../db/connection.ts';

const unescape = (text: string) => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const pad = (n: number) => String(n).padStart(2, '0');

/** 20 rows; row 7's e-mail and row 12's language are bad. */
const csv = ['Asiakasnumero;Sähköposti;Nimi;Kieli;Tier',
  ...Array.from({ length: 20 }, (_, i) => {
    const n = i + 1;
    return `k-${pad(n)};${n === 7 ? 'anna@' : `k${pad(n)}@example.com`};Person ${n};${n === 12 ? 'finnish' : 'fi'};${n % 2 ? 'Gold' : 'Basic'}`;
  })].join('\n');

describe('contact import page', () => {
  let t: TestApp;
  let admin: PageClient;
  let cookie: string;
  const sys = () => systemDatabase(t.db, 'test reads every organisation');
  const imports = async () => (await sys().query<{ n: number }>(`select count(*)::int as n from contact_imports where org_id = $1`, [t.orgId]))[0].n;
  const contactCount = async () => (await sys().query<{ n: number }>(`select count(*)::int as n from contacts where org_id = $1`, [t.orgId]))[0].n;

  /** A multipart post as a browser sends it (no file chosen: an empty part with filename=""). */
  const upload = async (name: string, content: Buffer | string, who = cookie) => {
    const boundary = '----kaikuTestBoundary7d3f';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const res = await fetch(`${t.url}/app/contacts/import?lang=en`, {
      method: 'POST', body, redirect: 'manual', headers: { cookie: who, origin: t.url, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    return { status: res.status, text: unescape(await res.text()), location: res.headers.get('location') };
  };

  before(async () => {
    t = await startTestApp();
    // k-03 differs from its row (updated); k-05 is exactly its row with Tier as segment (unchanged).
    await upsertContactBatch(t.db, t.orgId, [
      { externalId: 'k-03', name: 'Old name', email: 'k03@example.com', language: 'fi', segment: 'Gold' },
      { externalId: 'k-05', name: 'Person 5', email: 'k05@example.com', language: 'fi', segment: 'Gold' },
    ]);
    await createUser(t.db, t.orgId, { email: 'viewer-import@example.com', name: 'Viewer', role: 'viewer', unitId: null, password: 'correct horse battery' });
    cookie = await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`);
    admin = pageClient(t, cookie);
  });
  after(() => t.close());

  test('the upload form names the file field and the columns; a viewer may not open it', async () => {
    const res = await admin.get('/app/contacts/import?lang=en');
    assert.equal(res.status, 200);
    assert.match(res.text, /<form method="post" action="\/app\/contacts\/import" enctype="multipart\/form-data">/);
    assert.match(res.text, /<label for="file">CSV or XLSX file<\/label>/);
    assert.match(res.text, /accept="\.csv,\.xlsx/);
    assert.match(res.text, /<code>external_id<\/code><\/dt><dd>customer number \(required\)/);
    const viewer = pageClient(t, await sessionCookie(t, 'viewer-import@example.com'));
    assert.equal((await viewer.get('/app/contacts/import')).status, 403);
  });

  test('a file that is not CSV or XLSX, an empty choice and a too large file are refused at the field, nothing kept', async () => {
    const pdf = await upload('contacts.pdf', '%PDF-1.4 not a table');
    assert.equal(pdf.status, 400);
    assert.match(pdf.text, /<p class="error-message" id="file-error">The file is not a CSV or XLSX file\./);
    const fakeXlsx = await upload('contacts.xlsx', 'external_id\nk-1');
    assert.equal(fakeXlsx.status, 400);
    assert.match(fakeXlsx.text, /The file is not a CSV or XLSX file/);
    const none = await upload('', '');
    assert.equal(none.status, 400);
    assert.match(none.text, /id="file-error">Choose a CSV or XLSX file\./);
    const large = await upload('big.csv', Buffer.alloc(10 * 1024 * 1024 + 1, 'a'));
    assert.equal(large.status, 413);
    assert.match(large.text, /id="file-error">The file is larger than 10 MB\./);
    assert.equal(await imports(), 0);
  });

  test('a CSV is guessed, previewed and checked; checking stores nothing; importing stores the rows once', async () => {
    const sent = await upload('customers.csv', csv);
    assert.equal(sent.status, 303);
    const path = sent.location ?? '';
    assert.match(path, /^\/app\/contacts\/import\/[0-9a-f-]{36}$/);
    assert.equal(await imports(), 1);

    const step2 = await admin.get(`${path}?lang=en`);
    assert.equal(step2.status, 200);
    const text = unescape(step2.text);
    const selected = (i: number) => new RegExp(`<select id="col-${i}"[^>]*>.*?<option value="([^"]+)" selected>`, 's').exec(text)?.[1];
    assert.deepEqual([0, 1, 2, 3, 4].map(selected), ['externalId', 'email', 'name', 'language', 'ignore']);
    assert.match(text, /<label for="col-1">Column “Sähköposti”<\/label>/);
    assert.match(text, /The file “customers\.csv” has 20 rows\./);
    const previewRows = [...text.matchAll(/<tr><td>(k-\d+)<\/td>/g)].map((m) => m[1]);
    assert.deepEqual(previewRows, ['k-01', 'k-02', 'k-03', 'k-04', 'k-05']);
    assert.match(text, /18 rows can be imported; 2 have problems/);
    assert.match(text, /<li>Row 7: e-mail 'anna@' is not an e-mail address<\/li>/);
    assert.match(text, /<li>Row 12: language 'finnish' is not a two-letter language code/);

    // Tier read as the segment; only checked.
    const mapping = { 'col-0': 'externalId', 'col-1': 'email', 'col-2': 'name', 'col-3': 'language', 'col-4': 'segment' };
    const checked = await admin.post(`${path}?lang=en`, { ...mapping, action: 'check' });
    assert.equal(checked.status, 200);
    assert.match(checked.text, /18 rows can be imported; 2 have problems/);
    assert.match(checked.text, /<option value="segment" selected>Segment<\/option>/);
    assert.equal(await contactCount(), 2);
    const [kept] = await sys().query<{ status: string; mapping: unknown }>(`select status, mapping from contact_imports where org_id = $1`, [t.orgId]);
    assert.deepEqual(kept, { status: 'uploaded', mapping: null });

    const noId = await admin.post(`${path}?lang=en`, { ...mapping, 'col-0': 'ignore', action: 'import' });
    assert.equal(noId.status, 400);
    assert.match(noId.text, /id="col-0-error">Choose the column that holds the customer number/);
    const twice = await admin.post(`${path}?lang=en`, { ...mapping, 'col-4': 'email', action: 'import' });
    assert.equal(twice.status, 400);
    assert.match(twice.text, /id="col-4-error">E-mail is chosen for two columns\./);
    assert.equal(await contactCount(), 2);

    const imported = await admin.post(`${path}?lang=en`, { ...mapping, action: 'import' });
    assert.equal(imported.status, 303);
    assert.equal(imported.location, path);
    // 18 good rows: k-03 updated, k-05 unchanged, 16 new.
    const result = unescape((await admin.get(`${path}?lang=en`)).text);
    assert.match(result, /<strong>18 contacts imported<\/strong>/);
    assert.match(result, /<li>16 new<\/li><li>1 updated<\/li><li>1 already up to date<\/li><li>2 rows skipped because of problems<\/li>/);
    assert.match(result, /<li>Row 7: e-mail 'anna@' is not an e-mail address<\/li>/);
    assert.match(result, /href="\/app\/contacts">Back to contacts/);
    assert.equal(await contactCount(), 18);
    const rows = await sys().query<{ external_id: string; name: string; segment: string }>(
      `select external_id, name, segment from contacts where org_id = $1 and external_id in ('k-03', 'k-04', 'k-07', 'k-12') order by external_id`, [t.orgId]);
    assert.deepEqual(rows, [{ external_id: 'k-03', name: 'Person 3', segment: 'Gold' }, { external_id: 'k-04', name: 'Person 4', segment: 'Basic' }]);
    const [done] = await sys().query<{ status: string; content: unknown; created: number }>(`select status, content, created from contact_imports where org_id = $1`, [t.orgId]);
    assert.deepEqual(done, { status: 'done', content: null, created: 16 });

    // Import again: nothing more happens.
    assert.equal((await admin.post(`${path}?lang=en`, { ...mapping, action: 'import' })).status, 303);
    assert.equal(await contactCount(), 18);
  });

  test('an XLSX file is read from its first sheet', async () => {
    const { default: excel } = await import('exceljs');
    const book = new excel.Workbook();
    const sheet = book.addWorksheet('Contacts');
    sheet.addRow(['external_id', 'email', 'attr.region']);
    sheet.addRow(['x-1', 'x1@example.com', 'North']);
    sheet.addRow(['x-2', 'not-an-address', 'South']);
    const sent = await upload('book.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    assert.equal(sent.status, 303);
    const text = unescape((await admin.get(`${sent.location}?lang=en`)).text);
    assert.match(text, /<option value="attribute" selected>Other detail<\/option>/);
    assert.match(text, /1 row can be imported; 1 has a problem/);
    assert.match(text, /Row 2: e-mail 'not-an-address' is not an e-mail address/);
  });

  test('another organisation’s import is not found', async () => {
    const other = await newOrg(t.db, 'Other');
    const email = `admin-other-${other.orgId.slice(0, 8)}@example.com`;
    await createUser(t.db, other.orgId, { email, name: 'Other admin', role: 'admin', password: 'correct horse battery' });
    const [mine] = await sys().query<{ id: string }>(`select id from contact_imports where org_id = $1 limit 1`, [t.orgId]);
    const stranger = pageClient(t, await sessionCookie(t, email));
    assert.equal((await stranger.get(`/app/contacts/import/${mine.id}`)).status, 404);
    assert.equal((await stranger.post(`/app/contacts/import/${mine.id}`, { 'col-0': 'externalId', action: 'import' })).status, 404);
  });
});
