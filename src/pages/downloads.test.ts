import { test } from 'node:test';
import assert from 'node:assert/strict';
import { downloadHref, fileHeader, fileRow, requestedDownload, sheetName, standaloneSvg, svgSize, tableCsv, type TableModel } from './downloads.ts';
import { downloadText } from '../i18n/downloads.ts';

const table: TableModel = {
  id: 'scores',
  title: 'Scores by unit',
  columns: [{ label: 'Unit', kind: 'text' }, { label: 'n', kind: 'number' }, { label: 'Mean', kind: 'number', digits: 1 }, { label: 'CI', kind: 'interval', digits: 1 }],
  rows: [
    ['=SUM(A1)', 12, 7.25, [6.04, 8.46]],
    ['Tampere, "north"', null, 'too few answers', null],
    ['-3 units', 3, -0.04, [-0.96, 0.04]],
  ],
};

test('file rows: numbers rounded to the column digits as shown, intervals split, text kept for the neutraliser', () => {
  assert.deepEqual(fileHeader(table, downloadText('en')), ['Unit', 'n', 'Mean', 'CI (low)', 'CI (high)']);
  assert.deepEqual(fileRow(table, table.rows[0]), ['=SUM(A1)', 12, 7.3, 6, 8.5]);
  assert.deepEqual(fileRow(table, table.rows[1]), ['Tampere, "north"', null, 'too few answers', null, null]);
  // −0.04 rounds to 0.0, written as 0 (never "-0").
  assert.deepEqual(fileRow(table, table.rows[2]), ['-3 units', 3, 0, -1, 0]);
});

test('CSV: BOM, CRLF, quoting and formula neutralisation as in the bulk exports', () => {
  assert.equal(tableCsv(table, downloadText('en')),
    '\uFEFFUnit,n,Mean,CI (low),CI (high)\r\n\'=SUM(A1),12,7.3,6,8.5\r\n"Tampere, ""north""",,too few answers,,\r\n\'-3 units,3,0,-1,0\r\n');
});

test('sheet names fit Excel: 31 characters at most, no : \\ / ? * [ ]', () => {
  assert.equal(sheetName('NPS [2026] by unit / channel: all?'), 'NPS 2026 by unit channel all');
  assert.equal(sheetName('x'.repeat(40)).length, 31);
  assert.equal(sheetName('***'), 'Sheet1');
});

test('download links keep the page filters and replace an earlier download', () => {
  assert.equal(downloadHref('/app?from=2026-01-01&channel=phone&download=old.csv', 'trend', 'xlsx'), '/app?from=2026-01-01&channel=phone&download=trend.xlsx');
  assert.equal(downloadHref('/app', 'nps-trend', 'png'), '/app?download=nps-trend.png');
});

test('?download= parses to id and format, or a 400 naming the field', () => {
  assert.equal(requestedDownload({}), undefined);
  assert.deepEqual(requestedDownload({ download: 'journey-1-touchpoints.csv' }), { id: 'journey-1-touchpoints', format: 'csv' });
  for (const bad of ['x.pdf', '../etc.csv', 'csv', 'A.csv']) {
    assert.throws(() => requestedDownload({ download: bad }), (e: { status: number; field: string }) => e.status === 400 && e.field === 'download', bad);
  }
});

test('a standalone SVG has its size, font and white background after title and desc', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 720 280" role="img"><title>T</title><desc>D</desc><line/></svg>';
  assert.deepEqual(svgSize(svg), { width: 720, height: 280 });
  const out = standaloneSvg(svg);
  assert.match(out, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg width="720" height="280" font-family="[^"]*DejaVu Sans[^"]*" xmlns=/);
  assert.ok(out.includes('<desc>D</desc><rect x="0" y="0" width="720" height="280" fill="#ffffff"/><line/>'));
});

test('a chart file with labels: title band above, caption below, the chart nested unchanged', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 720 280" role="img"><title>T</title><desc>D</desc><line/></svg>';
  const out = standaloneSvg(svg, { title: 'NPS by month', caption: 'Period: 1 Jan 2026 – 31 Jan 2026 · Channel: Phone & <web>' });
  // 280 + 36 (title) + 28 (caption) = 344.
  assert.match(out, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="720" height="344" viewBox="0 0 720 344" /);
  assert.ok(out.includes('<title>NPS by month</title><desc>Period: 1 Jan 2026 – 31 Jan 2026 · Channel: Phone &amp; &lt;web&gt;</desc>'));
  assert.ok(out.includes('<svg x="0" y="36" width="720" height="280" xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 720 280" role="img"><title>T</title><desc>D</desc><line/></svg>'));
  assert.ok(out.endsWith('<text x="16" y="334" font-size="12" fill="#333333">Period: 1 Jan 2026 – 31 Jan 2026 · Channel: Phone &amp; &lt;web&gt;</text></svg>'));
  // Without a caption the band below is 8 px.
  assert.match(standaloneSvg(svg, { title: 'T' }), /height="324" viewBox="0 0 720 324"/);
});
