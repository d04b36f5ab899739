import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { chromiumMissing, skipReason } from '../../test/helpers/browser.ts';
import { csvOf, pageTable, parseCsv } from '../../test/helpers/tables.ts';

/** An interval's header cell on the page is one label; the file has "(low)"/"(high)": compare the page's header expanded. */
const expandHeader = (header: string[], intervalLabel: string) => header.flatMap((h) => h === intervalLabel ? [`${h} (low)`, `${h} (high)`] : [h]);
/** The page's body rows as the file has them: an empty interval ('–', the last column here) is two empty cells; formula text neutralised. */
const asFileRows = (shown: string[][]) => shown.slice(1).map((row) => [...row, ...(row.length < shown[0].length + 1 ? [''] : [])]
  .map((v) => (v.startsWith('=') ? `'${v}` : v)));

describe('table and chart downloads', () => {
  let t: TestApp;
  let adminCookie: string;
  let journeyId: string;
  const tableId = () => `journey-${journeyId}-touchpoints`;
  const get = (path: string, cookie?: string) => fetch(t.url + path, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  const signInAs = async (email: string, password = 'correct horse battery') => {
    const res = await fetch(t.url + '/login', { method: 'POST', redirect: 'manual', body: new URLSearchParams({ email, password }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(res.status, 303);
    return /kaiku_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  };

  before(async () => {
    t = await startTestApp();
    const moveIn = await journeyWithTouchpoint(t, 'Move-in');
    journeyId = moveIn.journeyId;
    const surveyId = (await t.api('/api/v1/surveys', { body: pulseSurvey() })).body.id;
    const stage = await t.api(`/api/v1/journeys/${journeyId}/stages`, { body: { name: 'Moving day', phase: 'during' } });
    const field = await t.api('/api/v1/touchpoints', { body: { stageId: stage.body.id, name: '=Installation, "visit"', channel: 'field' } });
    const post = async (touchpointId: string, scores: number[]) => {
      const res = await t.api('/api/v1/responses/batch', { body: { responses: scores.map((value) => ({ surveyId, touchpointId, answers: [{ question: 'nps', value }] })) } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    };
    await post(moveIn.touchpointId, [10, 10, 9, 9, 8, 7, 6, 3, 0, 10]);
    await post(field.body.id, [9, 9, 9, 10, 2, 8]);
    adminCookie = await signInAs(`admin-${t.orgId.slice(0, 8)}@example.com`);
  });
  after(() => t.close());

  test('the CSV is the table shown: same header, rows and rounded figures, with a BOM and formula text neutralised', async () => {
    const page = await (await get('/app?lang=en', adminCookie)).text();
    const shown = pageTable(page, tableId());
    // Hand-computed: Contract by phone 10 answers, 5 promoters, 3 detractors → NPS 20, CI 20 ± 54.03 → -34 … 74.
    assert.deepEqual(shown.find((r) => r[0] === 'Contract by phone'), ['Contract by phone', 'Phone', '10', '20', '-34', '74']);
    const href = `/app?lang=en&download=${tableId()}.csv`;
    assert.ok(page.includes(`href="${href.replace(/&/g, '&amp;')}"`), 'the page links to its CSV');
    const res = await get(href, adminCookie);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.match(res.headers.get('content-disposition') ?? '', new RegExp(`attachment; filename="${tableId()}.csv"`));
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const csv = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    assert.deepEqual(csv[0], expandHeader(shown[0], '95 % confidence interval'));
    // The touchpoint named "=Installation, "visit"" is written with a leading apostrophe (no formula in a spreadsheet).
    assert.deepEqual(csv.slice(1), asFileRows(shown));
    assert.ok(csv.some((r) => r[0] === '\'=Installation, "visit"'));
  });

  test('the XLSX read back with exceljs holds the same cells, numbers as numbers', async () => {
    const page = await (await get('/app?lang=fi', adminCookie)).text();
    const shown = pageTable(page, tableId());
    const res = await get(`/app?lang=fi&download=${tableId()}.xlsx`, adminCookie);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const cells: unknown[][] = [];
    sheet.eachRow((row) => { cells.push((row.values as unknown[]).slice(1)); });
    assert.deepEqual(cells[0], shown[0].flatMap((h) => h === '95 %:n luottamusväli' ? [`${h} (alaraja)`, `${h} (yläraja)`] : [h]));
    const phone = cells.find((r) => r[0] === 'Contract by phone');
    assert.deepEqual(phone, ['Contract by phone', 'Puhelin', 10, 20, -34, 74]);
    // Every body cell equals the page's: numbers compare by value, text as text; empty cells are '–' on the page.
    const expected = asFileRows(shown);
    assert.equal(cells.length, shown.length);
    cells.slice(1).forEach((row, r) => expected[r].forEach((v, c) => {
      const cell = row[c] ?? '';
      if (typeof cell === 'number') assert.equal(cell, Number(v), `row ${r} column ${c}`);
      else assert.equal(cell, v, `row ${r} column ${c}`);
    }));
  });

  test('the download applies the page\'s filters', async () => {
    const filtered = '/app?lang=en&channel=field';
    const shown = pageTable(await (await get(filtered, adminCookie)).text(), tableId());
    const csv = await csvOf(await get(`${filtered}&download=${tableId()}.csv`, adminCookie));
    assert.deepEqual(csv.slice(1), asFileRows(shown));
    // With only the field channel the phone touchpoint has no answers; the field one keeps its 6.
    assert.deepEqual(csv.find((r) => r[0] === 'Contract by phone')?.slice(2), ['0', 'no answers', '', '']);
    assert.equal(csv.find((r) => r[0] === '\'=Installation, "visit"')?.[2], '6');
    // The trend table follows the period: 2 months asked, 2 rows.
    const trend = await csvOf(await get(`/app?lang=en&from=2026-01-01&to=2026-02-28&download=trend.csv`, adminCookie));
    assert.deepEqual(trend.map((r) => r[0]), ['Month', 'January 2026', 'February 2026']);
  });

  test('the chart downloads as a standalone SVG', async () => {
    const res = await get('/app?lang=sv&download=nps-trend.svg', adminCookie);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
    const svg = await res.text();
    // The 720 × 280 chart, nested under a 36-px title band and over a 28-px caption band: 720 × 344.
    assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="720" height="344" viewBox="0 0 720 344" font-family="[^"]+" role="img">/);
    const title = /<title id="nps-trend-title">([^<]+)<\/title>/.exec(svg)?.[1];
    assert.ok(title, 'the chart keeps its own title');
    // The file's title is the chart's title, drawn in the band; the caption names the period in Swedish.
    assert.ok(svg.includes(`<text x="16" y="24" font-size="16" font-weight="700" fill="#1a1a1a">${title}</text>`));
    assert.match(svg, /<desc>Period: [^<]+<\/desc>/);
    assert.match(svg, /<text x="16" y="334" font-size="12" fill="#333333">Period: [^<]+<\/text><\/svg>$/);
    assert.ok(svg.includes('<svg x="0" y="36" width="720" height="280" xmlns="http://www.w3.org/2000/svg"'), 'the chart nested below the title band');
    assert.ok(svg.trimEnd().endsWith('</svg>'));
    assert.doesNotMatch(svg, /<script|on[a-z]+=/i);
  });

  test('the chart downloads as a PNG that decodes, at twice its size, with text and line drawn', { skip: chromiumMissing && skipReason }, async () => {
    const res = await get('/app?lang=pl&download=nps-trend.png', adminCookie);
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(res.headers.get('content-type'), 'image/png');
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    // Twice 720 × (280 + 36 + 28).
    assert.equal(png.width, 1440);
    assert.equal(png.height, 688);
    let dark = 0;
    let blue = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
      if (r < 90 && g < 90 && b < 90) dark++; // axis labels and ticks (#333333)
      if (r < 40 && g > 90 && g < 140 && b > 160) blue++; // the NPS line and points (#0072B2)
    }
    assert.ok(dark > 2000, `dark pixels ${dark}`);
    assert.ok(blue > 50, `line pixels ${blue}`);
  });

  test('downloads need what the page needs: a session, and they follow the reader\'s data scope', async () => {
    const signedOut = await get(`/app?download=${tableId()}.csv`);
    assert.equal(signedOut.status, 303);
    assert.match(signedOut.headers.get('location') ?? '', /^\/login\?next=/);
    const password = 'frontline secret 1';
    const user = await t.api('/api/v1/users', { body: { email: 'dl-frontline@example.com', name: 'Fia', role: 'frontline', password, language: 'en' } });
    assert.equal(user.status, 201, JSON.stringify(user.body));
    const cookie = await signInAs('dl-frontline@example.com', password);
    const csv = await csvOf(await get(`/app?download=${tableId()}.csv`, cookie));
    // Fia has no feedback of her own: every row is empty, though the admin's has 10 and 6 answers.
    assert.deepEqual(csv.slice(1).map((r) => r[2]), ['0', '0', '0', '0']);
  });

  test('an id the page does not have is 404 and a bad format 400, naming the field', async () => {
    const missing = await get('/app?lang=en&download=nothing-here.csv', adminCookie);
    assert.equal(missing.status, 404);
    const wrong = await get(`/app?lang=en&download=${tableId()}.pdf`, adminCookie);
    assert.equal(wrong.status, 400);
    assert.match(await wrong.text(), /download/);
    const chartAsCsv = await get('/app?lang=en&download=nps-trend.csv', adminCookie);
    assert.equal(chartAsCsv.status, 400);
  });
});
