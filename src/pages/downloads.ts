/**
 * Downloads of what a dashboard page shows: CSV and XLSX of any table, SVG and PNG of any
 * chart, with the page's own URL filters — a download is the same page request plus
 * `download=<id>.<format>`, so it passes the same sign-in, permission and data-scope checks
 * and is computed from the same figures.
 *
 * How a view uses it (see src/pages/dashboard-view.ts and src/pages/loop-pages.ts):
 *
 *   1. Build the page's figures as models: `TableModel` ({ id, title, columns with kinds, rows })
 *      and `ChartModel` ({ id, title, svg } with the SVG string from charts.ts). Ids are unique
 *      on the page and stable ([a-z0-9-]); they are the downloads' file names.
 *   2. In the route, after the permission check and loading:
 *        if (await answerDownload(request, reply, [...tables, ...charts], { chromiumPath: app.deps.config.chromiumPath, language })) return reply;
 *      It answers `?download=` (404 for an id the page does not have, 400 for a bad format)
 *      and returns false for the page itself.
 *   3. Render with `tableHtml(table, ctx)` (caption, scroll region, `<th scope>` headers,
 *      numbers in the user's locale inside `<data value>`, then the CSV/XLSX links) and
 *      `chartHtml(chart, ctx)` (figure with the SVG, then the SVG/PNG links). `ctx` is
 *      `downloadContext(request, language)`. A table may style cells (`cell` option) but the
 *      text shown must stay the cell's value, so the file holds what the page shows.
 *
 * Cells: number columns hold numbers rounded to the column's `digits` in every format (the
 * file equals the page); a number column may hold a string instead (e.g. "too few answers"),
 * written as text; null is an empty cell ('–' on the page). `interval` columns hold
 * [low, high] and become two columns in the files. Text is formula-neutralised as in the
 * bulk exports (src/exports/cells.ts); CSV is RFC 4180 UTF-8 with a byte order mark.
 *
 * PNG: the SVG is rasterised by headless Chromium (Debian's package via playwright-core, as
 * the board report's PDF is; KAIKU_CHROMIUM), so text renders with the same fonts as on the
 * page. One browser at a time; it is closed after each image.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import ExcelJS from 'exceljs';
import { KaikuError, badInput, notFound } from '../errors.ts';
import { csvRecord, neutralizeFormula, UTF8_BOM, type CellValue } from '../exports/cells.ts';
import { formatNumber, type UiLanguage } from '../i18n/index.ts';
import { downloadText, type DownloadStrings } from '../i18n/downloads.ts';
import { launchHeadless } from '../reports/pdf.ts';
import { escapeHtml, html, raw, type SafeHtml } from './html.ts';

export type ColumnKind = 'text' | 'number' | 'interval';

export interface TableColumn {
  label: string;
  kind: ColumnKind;
  /** Decimals shown and written (number and interval columns); 0 by default. */
  digits?: number;
}

export type TableCell = string | number | [number, number] | null;

export interface TableModel {
  id: string;
  /** The caption on the page, the sheet name in XLSX. */
  title: string;
  columns: TableColumn[];
  rows: TableCell[][];
}

export interface ChartModel {
  id: string;
  title: string;
  /** An SVG document from charts.ts (root `<svg>` with a viewBox). */
  svg: string;
}

export type Downloadable = TableModel | ChartModel;
const isChart = (item: Downloadable): item is ChartModel => 'svg' in item;

export const tableFormats = ['csv', 'xlsx'] as const;
export const chartFormats = ['svg', 'png'] as const;
export type DownloadFormat = (typeof tableFormats)[number] | (typeof chartFormats)[number];

export const downloadContentTypes: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
};

const ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

// --- values ----------------------------------------------------------------------------------

const roundTo = (value: number, digits: number) => {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** The table's header as the files have it: an interval column becomes "<label> (low)" and "<label> (high)". */
export function fileHeader(table: TableModel, s: DownloadStrings): string[] {
  return table.columns.flatMap((c) => c.kind === 'interval' ? [s.low(c.label), s.high(c.label)] : [c.label]);
}

/** One row as the files have it: numbers rounded to the column's digits, intervals split. */
export function fileRow(table: TableModel, row: TableCell[]): CellValue[] {
  return table.columns.flatMap((c, i): CellValue[] => {
    const v = row[i] ?? null;
    const digits = c.digits ?? 0;
    if (c.kind === 'interval') {
      if (Array.isArray(v)) return [roundTo(v[0], digits), roundTo(v[1], digits)];
      return [typeof v === 'string' ? v : null, null];
    }
    if (Array.isArray(v)) return [`${v[0]} … ${v[1]}`];
    if (typeof v === 'number') return [c.kind === 'number' ? roundTo(v, digits) : String(v)];
    return [v];
  });
}

export function tableCsv(table: TableModel, s: DownloadStrings): string {
  return UTF8_BOM + csvRecord(fileHeader(table, s)) + table.rows.map((r) => csvRecord(fileRow(table, r))).join('');
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string): string {
  const name = title.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31).trim();
  return name || 'Sheet1';
}

export async function tableXlsx(table: TableModel, s: DownloadStrings): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaiku';
  workbook.title = table.title;
  const sheet = workbook.addWorksheet(sheetName(table.title));
  const header = fileHeader(table, s);
  sheet.addRow(header.map(neutralizeFormula)).font = { bold: true };
  for (const row of table.rows) sheet.addRow(fileRow(table, row).map((v) => (typeof v === 'string' ? neutralizeFormula(v) : v)));
  // Number formats by column, so 7.5 shows as 7.5 and 20 as 20 whatever the locale.
  let index = 1;
  for (const c of table.columns) {
    const width = c.kind === 'interval' ? 2 : 1;
    for (let k = 0; k < width; k++, index++) {
      const col = sheet.getColumn(index);
      if (c.kind !== 'text' && (c.digits ?? 0) > 0) col.numFmt = `0.${'0'.repeat(c.digits!)}`;
      col.width = Math.min(60, Math.max(10, header[index - 1].length + 2));
    }
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// --- charts ----------------------------------------------------------------------------------

/** The chart's size from its viewBox. */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg\b[^>]*\bviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(svg);
  if (!m) throw new KaikuError('chart_invalid', 'The chart has no viewBox', { status: 500 });
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** What a chart file says around the chart: its title above, the filters it was drawn with below. */
export interface ChartLabels { title: string; caption?: string }

const TITLE_BAND = 36;
const CAPTION_BAND = 28;

/**
 * The page's chart as a file that stands alone: explicit size, the page's font family, a white
 * background (dark text stays readable in a dark image viewer) and an XML declaration. The
 * chart's ids and accessible title/description are kept. With `labels`, the file is taller by a
 * title band above and a caption band below, so a chart pasted into a slide still says what it
 * shows and for which slice; the chart itself is nested unchanged.
 */
export function standaloneSvg(svg: string, labels?: ChartLabels): string {
  const { width, height } = svgSize(svg);
  let out = svg.trim();
  if (!/^\s*<svg\b[^>]*\bxmlns=/.test(out)) out = out.replace(/^\s*<svg\b/, '<svg xmlns="http://www.w3.org/2000/svg"');
  if (labels) {
    const total = height + TITLE_BAND + (labels.caption ? CAPTION_BAND : 8);
    const inner = out.replace(/^\s*<svg\b/, `<svg x="0" y="${TITLE_BAND}" width="${width}" height="${height}"`);
    const caption = labels.caption
      ? `<text x="16" y="${height + TITLE_BAND + 18}" font-size="12" fill="#333333">${escapeHtml(labels.caption)}</text>` : '';
    return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${escapeHtml(chartFontFamily)}" role="img">`
      + `<title>${escapeHtml(labels.title)}</title>${labels.caption ? `<desc>${escapeHtml(labels.caption)}</desc>` : ''}`
      + `<rect x="0" y="0" width="${width}" height="${total}" fill="#ffffff"/>`
      + `<text x="16" y="24" font-size="16" font-weight="700" fill="#1a1a1a">${escapeHtml(labels.title)}</text>${inner}${caption}</svg>`;
  }
  out = out.replace(/^\s*<svg\b/, `<svg width="${width}" height="${height}" font-family="${escapeHtml(chartFontFamily)}"`);
  // The background goes after <title>/<desc> so they stay the first children.
  const afterDesc = /<\/desc>/.exec(out);
  const at = afterDesc ? afterDesc.index + afterDesc[0].length : out.indexOf('>') + 1;
  out = `${out.slice(0, at)}<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>${out.slice(at)}`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${out}`;
}

/** As the page's stylesheet; DejaVu Sans is Debian's default sans and has å, ä, ö, ł, ś… */
export const chartFontFamily = 'system-ui, "Noto Sans", "DejaVu Sans", sans-serif';

let rasterising: Promise<unknown> = Promise.resolve();

/** PNG of a chart at `scale`× its size, rendered by headless Chromium. */
export async function chartPng(svg: string, chromiumPath: string, scale = 2, labels?: ChartLabels): Promise<Buffer> {
  // One browser at a time: each takes ~100 MB, and a burst of downloads must not start ten.
  const run = rasterising.then(() => rasterise(standaloneSvg(svg, labels), chromiumPath, scale));
  rasterising = run.catch(() => undefined);
  return run;
}

async function rasterise(svg: string, chromiumPath: string, scale: number): Promise<Buffer> {
  const { width, height } = svgSize(svg);
  const browser = await launchHeadless(chromiumPath, 'png');
  try {
    const page = await browser.newPage({ viewport: { width: Math.ceil(width), height: Math.ceil(height) }, deviceScaleFactor: scale });
    // The chart loads nothing; block any request it might still make.
    await page.route('**/*', (route) => route.abort());
    const body = svg.replace(/^<\?xml[^>]*>\s*/, '');
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#fff">${body}</body></html>`, { waitUntil: 'load' });
    return await page.locator('svg').first().screenshot({ type: 'png', omitBackground: false });
  } finally {
    await browser.close();
  }
}

// --- requests --------------------------------------------------------------------------------

/** `?download=<id>.<format>` of a request, or undefined for the page itself. */
export function requestedDownload(query: unknown): { id: string; format: DownloadFormat } | undefined {
  const raw = (query as Record<string, unknown> | undefined)?.download;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === '') return undefined;
  const m = typeof value === 'string' ? /^(.+)\.([a-z]+)$/.exec(value) : null;
  if (!m || !ID.test(m[1])) throw badInput('download must be <table or chart id>.<csv|xlsx|svg|png>', 'download');
  if (![...tableFormats, ...chartFormats].includes(m[2] as DownloadFormat)) throw badInput(`download format must be one of csv, xlsx, svg, png`, 'download');
  return { id: m[1], format: m[2] as DownloadFormat };
}

/** The file of one table or chart in one format. */
export async function downloadFile(item: Downloadable, format: DownloadFormat, options: DownloadOptions): Promise<Buffer | string> {
  const s = downloadText(options.language);
  if (isChart(item)) {
    const labels = { title: item.title, caption: options.caption };
    if (format === 'svg') return standaloneSvg(item.svg, labels);
    if (format === 'png') return chartPng(item.svg, options.chromiumPath, 2, labels);
    throw badInput(`A chart downloads as svg or png, not ${format}`, 'download');
  }
  if (format === 'csv') return tableCsv(item, s);
  if (format === 'xlsx') return tableXlsx(item, s);
  throw badInput(`A table downloads as csv or xlsx, not ${format}`, 'download');
}

/**
 * Answers `?download=` with the file of the page's table or chart; false when the request is
 * for the page itself. Call it after the page's own permission check.
 */
export interface DownloadOptions {
  chromiumPath: string;
  language: UiLanguage;
  /** The slice in words (period, filters by name) printed under a chart in its file. */
  caption?: string;
}

export async function answerDownload(request: FastifyRequest, reply: FastifyReply, items: Downloadable[], options: DownloadOptions): Promise<boolean> {
  const wanted = requestedDownload(request.query);
  if (!wanted) return false;
  const item = items.find((i) => i.id === wanted.id);
  if (!item) throw notFound(`table or chart ${wanted.id}`, 'download');
  const file = await downloadFile(item, wanted.format, options);
  await reply.status(200).type(downloadContentTypes[wanted.format]).header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${item.id}.${wanted.format}"`).send(file);
  return true;
}

// --- links and HTML --------------------------------------------------------------------------

export interface DownloadContext {
  language: UiLanguage;
  /** The page's URL (path and query) that downloads extend. */
  url: string;
}

export function downloadContext(request: FastifyRequest, language: UiLanguage): DownloadContext {
  return { language, url: request.url };
}

/** The current page with its filters and `download=<id>.<format>` (any earlier `download` replaced). */
export function downloadHref(pageUrl: string, id: string, format: DownloadFormat): string {
  const url = new URL(pageUrl, 'http://local');
  url.searchParams.delete('download');
  url.searchParams.set('download', `${id}.${format}`);
  return `${url.pathname}?${url.searchParams.toString()}`;
}

export function downloadLinks(item: Downloadable, ctx: DownloadContext): SafeHtml {
  const s = downloadText(ctx.language);
  const formats = isChart(item) ? chartFormats : tableFormats;
  return html`<p class="downloads"><span class="muted">${s.download}:</span> ${formats.map((f, i) => html`${i > 0 ? ' · ' : ''}<a href="${downloadHref(ctx.url, item.id, f)}" download="${`${item.id}.${f}`}" aria-label="${s.linkLabel(item.title, s.formatNames[f])}">${s.formatNames[f]}</a>`)}</p>`;
}

/** A number as the page shows it, with the machine value in `<data>`. */
export function numberHtml(value: number, language: UiLanguage, digits = 0): SafeHtml {
  const rounded = roundTo(value, digits);
  return html`<data value="${rounded}">${formatNumber(rounded, language, digits)}</data>`;
}

/** A cell's content as text and markup (the default rendering). */
export function cellHtml(column: TableColumn, value: TableCell, language: UiLanguage): SafeHtml {
  if (value === null || value === undefined) return html`–`;
  if (typeof value === 'string') return html`${value}`;
  const digits = column.digits ?? 0;
  if (Array.isArray(value)) return html`${numberHtml(value[0], language, digits)} … ${numberHtml(value[1], language, digits)}`;
  return column.kind === 'text' ? html`${String(value)}` : numberHtml(value, language, digits);
}

export interface TableHtmlOptions {
  /** The first column heads its row (`<th scope="row">`); true by default. */
  rowHeaders?: boolean;
  /** A class for a row (e.g. group rows). */
  rowClass?: (rowIndex: number) => string | undefined;
  /** Markup for a cell (colour, emphasis); its text must stay the cell's value. */
  cell?: (rowIndex: number, columnIndex: number, value: TableCell) => SafeHtml | undefined;
  /** Shown instead of the table when it has no rows. */
  empty?: string;
  /** Put the table in a collapsed <details> (a chart's data table). */
  collapsed?: boolean;
}

/** An accessible table of the model with its CSV/XLSX links. */
export function tableHtml(table: TableModel, ctx: DownloadContext, options: TableHtmlOptions = {}): SafeHtml {
  const captionId = `${table.id}-caption`;
  const rowHeaders = options.rowHeaders ?? true;
  const numeric = (c: TableColumn) => c.kind !== 'text';
  if (table.rows.length === 0 && options.empty) return html`<p class="notice" id="${table.id}">${options.empty}</p>`;
  const body = html`<div class="table-scroll" role="region" aria-labelledby="${captionId}" tabindex="0">
<table id="${table.id}" class="data-table">
<caption id="${captionId}">${table.title}</caption>
<thead><tr>${table.columns.map((c) => html`<th scope="col"${numeric(c) ? raw(' class="num"') : ''}>${c.label}</th>`)}</tr></thead>
<tbody>${table.rows.map((row, r) => {
    const cls = options.rowClass?.(r);
    return html`
<tr${cls ? html` class="${cls}"` : ''}>${table.columns.map((c, i) => {
      const content = options.cell?.(r, i, row[i] ?? null) ?? cellHtml(c, row[i] ?? null, ctx.language);
      return i === 0 && rowHeaders
        ? html`<th scope="row">${content}</th>`
        : html`<td${numeric(c) ? raw(' class="num"') : ''}>${content}</td>`;
    })}</tr>`;
  })}
</tbody>
</table>
</div>
${downloadLinks(table, ctx)}`;
  return options.collapsed ? html`<details><summary>${table.title}</summary>${body}</details>` : body;
}

/** A chart in a figure with its SVG/PNG links. */
export function chartHtml(chart: ChartModel, ctx: DownloadContext): SafeHtml {
  return html`<figure class="chart-figure">${raw(chart.svg)}</figure>
${downloadLinks(chart, ctx)}`;
}
