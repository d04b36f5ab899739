/**
 * Importing contacts from a CSV or XLSX file (`kaiku import contacts`, and the import page
 * /app/contacts/import through src/contacts/import-jobs.ts): streamed, upserted by external
 * id in chunks of 1,000 (each chunk atomic), each row validated with `prepareContact` like an
 * API call, so a bad row is rejected alone with its row number and reason. Running the same file
 * again changes nothing (rows come back "unchanged").
 *
 * Columns are matched to fields by name (camelCase or snake_case, any letter case) or by
 * `--map field=column`. `attr.<key>` columns set attributes keys and `op.<key>` columns
 * operational keys (numbers stay numbers), on top of what the contact already has. An empty
 * cell leaves the field as it is. Row numbers count data records from 1 (header not counted).
 *
 * One engine for every source: `csvRecords` / `xlsxRecords` turn a file into records,
 * `importContactRecords` stores them and `checkContactRecords` (the page's preview) runs the same
 * validation without storing anything.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { delimiterOfFile, detectDelimiter } from '../cli/csv.ts';
import type { Database } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import { parseImportTime } from '../responses/import.ts';
import { prepareContact, upsertContacts, type ContactChanges, type ContactInput, type Scalar } from './service.ts';

export const contactFields = [
  'externalId', 'email', 'phone', 'name', 'language', 'segment', 'persona', 'timeZone',
  'consentSurveyEmail', 'consentSurveySms', 'consentWithdrawnAt', 'revenue', 'tenureMonths', 'plan',
] as const;
export type ContactField = (typeof contactFields)[number];

/** What one column is read as when the columns are chosen one by one (the import page's mapping). */
export type ColumnTarget = ContactField | 'attribute' | 'operational' | 'ignore';

export interface ContactImportOptions {
  /** field → column, for columns not named like the field. */
  map?: Partial<Record<ContactField, string>>;
  /**
   * Each column's use by position, exactly: no matching by name. `attribute` / `operational`
   * keys are the column's name (an `attr.` / `op.` prefix dropped).
   */
  columns?: ColumnTarget[];
  chunkSize?: number;
}

export interface ContactRecordProgress { rows: number; created: number; updated: number; unchanged: number; rejected: number }
export interface ContactImportProgress extends ContactRecordProgress { bytesRead: number; totalBytes: number }
/** `field`: the contact field whose value was refused (undefined when the row as a whole was). */
export interface RejectedContactRow { row: number; reason: string; values: string[]; field?: string }
export interface ContactImportSummary {
  columns: string[];
  /** field → column actually used */
  fieldColumns: Record<string, string>;
  ignoredColumns: string[];
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedContactRow[];
}

const usage = (message: string) => new KaikuError('usage', message);
const rowError = (message: string, field: string) => new KaikuError('invalid_input', message, { field });
const normaliseName = (name: string) => name.toLowerCase().replace(/[_\s-]/g, '');

const TRUE = new Set(['yes', 'y', 'true', '1', 'kyllä', 'kylla', 'k', 'ja', 'j', 'tak', 't']);
const FALSE = new Set(['no', 'n', 'false', '0', 'ei', 'e', 'nej', 'nie']);

function booleanOf(cell: string, field: string): boolean {
  const value = cell.toLowerCase();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw rowError(`${field} "${cell}" is not yes/no (yes, no, true, false, 1, 0, kyllä, ei, ja, nej, tak, nie)`, field);
}

/** "1234.50", "1 234,50" → 1234.5; other text stays text (op.* columns). */
function numberOf(cell: string): number | undefined {
  const compact = cell.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return /^[+-]?\d+(\.\d+)?$/.test(compact) ? Number(compact) : undefined;
}

interface Layout { fields: Array<[ContactField, number]>; attributes: Array<[string, number]>; operational: Array<[string, number]> }

/** The layout of columns chosen one by one (`options.columns`). */
function chosenLayout(header: string[], columns: ColumnTarget[]): { layout: Layout; fieldColumns: Record<string, string>; ignored: string[] } {
  const layout: Layout = { fields: [], attributes: [], operational: [] };
  const fieldColumns: Record<string, string> = {};
  const ignored: string[] = [];
  header.forEach((column, index) => {
    const target = columns[index] ?? 'ignore';
    const key = column.replace(/^(?:attr|attributes|op|operational)\./i, '');
    if (target === 'ignore') ignored.push(column);
    else if (target === 'attribute') layout.attributes.push([key, index]);
    else if (target === 'operational') layout.operational.push([key, index]);
    else if (!(contactFields as readonly string[]).includes(target)) throw usage(`"${target}" is not a contact field (fields: ${contactFields.join(', ')})`);
    else if (fieldColumns[target] !== undefined) throw usage(`${target} is read from two columns ("${fieldColumns[target]}" and "${column}")`);
    else { layout.fields.push([target, index]); fieldColumns[target] = column; }
  });
  if (fieldColumns.externalId === undefined) throw usage(`No external id column: contacts are upserted by external id (columns: ${header.join(', ')})`);
  return { layout, fieldColumns, ignored };
}

function layoutOf(header: string[], options: ContactImportOptions): { layout: Layout; fieldColumns: Record<string, string>; ignored: string[] } {
  if (options.columns) return chosenLayout(header, options.columns);
  const layout: Layout = { fields: [], attributes: [], operational: [] };
  const used = new Set<number>();
  const fieldColumns: Record<string, string> = {};
  for (const [field, column] of Object.entries(options.map ?? {})) {
    if (!(contactFields as readonly string[]).includes(field)) throw usage(`--map: "${field}" is not a contact field (fields: ${contactFields.join(', ')})`);
    const index = header.indexOf(column as string);
    if (index === -1) throw usage(`--map: column "${column}" is not in the file (columns: ${header.join(', ')})`);
    layout.fields.push([field as ContactField, index]);
    fieldColumns[field] = column as string;
    used.add(index);
  }
  for (const field of contactFields) {
    if (fieldColumns[field] !== undefined) continue;
    const index = header.findIndex((column, i) => !used.has(i) && normaliseName(column) === normaliseName(field));
    if (index === -1) continue;
    layout.fields.push([field, index]);
    fieldColumns[field] = header[index];
    used.add(index);
  }
  header.forEach((column, index) => {
    if (used.has(index)) return;
    const attr = /^(?:attr|attributes)\.(.+)$/i.exec(column);
    const op = /^(?:op|operational)\.(.+)$/i.exec(column);
    if (attr) { layout.attributes.push([attr[1], index]); used.add(index); }
    if (op) { layout.operational.push([op[1], index]); used.add(index); }
  });
  if (fieldColumns.externalId === undefined) {
    throw usage(`No external id column: contacts are upserted by external id. Name a column external_id or use --map externalId=COLUMN (columns: ${header.join(', ')})`);
  }
  return { layout, fieldColumns, ignored: header.filter((_, i) => !used.has(i)) };
}

/** One CSV row as validated contact changes; throws a KaikuError with the reason. */
function changesOf(layout: Layout, values: string[]): ContactChanges {
  const input: ContactInput = {};
  const consent: NonNullable<ContactInput['consent']> = {};
  const operational: Record<string, Scalar> = {};
  for (const [field, index] of layout.fields) {
    const cell = (values[index] ?? '').trim();
    if (cell === '') continue;
    switch (field) {
      case 'consentSurveyEmail': consent.surveyEmail = booleanOf(cell, field); break;
      case 'consentSurveySms': consent.surveySms = booleanOf(cell, field); break;
      case 'consentWithdrawnAt': {
        const at = parseImportTime(cell);
        if (!at) throw rowError(`consentWithdrawnAt "${cell}" is not a date-time (use ISO 8601, e.g. 2026-03-01T14:30:00+02:00, or 1.3.2026 14:30)`, field);
        consent.withdrawnAt = at.toISOString();
        break;
      }
      case 'revenue': {
        const n = numberOf(cell);
        if (n === undefined) throw rowError(`revenue "${cell}" is not a number`, field);
        operational.revenue = n;
        break;
      }
      case 'tenureMonths': {
        const n = numberOf(cell);
        if (n === undefined || !Number.isInteger(n) || n < 0) throw rowError(`tenureMonths "${cell}" is not a whole number of months`, field);
        operational.tenureMonths = n;
        break;
      }
      case 'plan': operational.plan = cell; break;
      default: input[field] = cell;
    }
  }
  for (const [key, index] of layout.operational) {
    const cell = (values[index] ?? '').trim();
    if (cell !== '') operational[key] = numberOf(cell) ?? cell;
  }
  const attributes: Record<string, unknown> = {};
  for (const [key, index] of layout.attributes) {
    const cell = (values[index] ?? '').trim();
    if (cell !== '') attributes[key] = cell;
  }
  if (!input.externalId) throw rowError('the external id is empty', 'externalId');
  if (Object.keys(consent).length > 0) input.consent = consent;
  // Validated through the API's rules; then applied key by key on top of the stored values.
  const changes = prepareContact({ ...input, attributes, operational });
  const attributesPatch = changes.attributes;
  const operationalPatch = changes.operational;
  delete changes.attributes;
  delete changes.operational;
  return { ...changes, attributesPatch, operationalPatch };
}

/** The records of a CSV stream, by the one CSV reading of imports (delimiter from the header line, BOM dropped, cells trimmed). */
export async function* csvRecords(source: Readable, delimiter: string): AsyncGenerator<string[]> {
  const parser = source.pipe(parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
  let read = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      read++;
      yield record;
    }
  } catch (error) {
    if (String((error as { code?: unknown }).code ?? '').startsWith('CSV_')) {
      throw new KaikuError('invalid_csv', `The CSV file could not be parsed after row ${Math.max(0, read - 1)}: ${(error as Error).message}`);
    }
    throw error;
  } finally {
    source.destroy();
  }
}

/** The records of CSV content held in memory (an uploaded file). */
export function csvBufferRecords(content: Buffer): AsyncGenerator<string[]> {
  const head = content.subarray(0, 64 * 1024).toString('utf8').replace(/^\uFEFF/, '');
  const end = head.indexOf('\n');
  return csvRecords(Readable.from([content]), detectDelimiter(end === -1 ? head : head.slice(0, end)));
}

/** An XLSX cell's value as the text a CSV export of it would hold. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return String(value);
  const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown };
  if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
  if (v.text !== undefined) return cellText(v.text);
  if ('result' in v) return cellText(v.result);
  return '';
}

/**
 * The rows of an XLSX workbook's first worksheet as records (cells as text, trimmed, empty rows
 * skipped), read as a stream so a large workbook is not held whole in memory.
 */
export async function* xlsxRecords(content: Buffer): AsyncGenerator<string[]> {
  // exceljs is large: loaded only when an XLSX file is read.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from([content]), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<{ values: unknown[] }>) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        const record = Array.from({ length: values.length }, (_, i) => cellText(values[i]).trim());
        if (record.some((cell) => cell !== '')) yield record;
      }
      return; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof KaikuError) throw error;
    throw new KaikuError('invalid_xlsx', `The XLSX file could not be read: ${(error as Error).message}`);
  }
}

type PreparedRow = { row: number; changes: ContactChanges } | { row: number; rejected: RejectedContactRow };

/** Records → validated rows: the header read into a layout, then each data row prepared or rejected. */
async function* preparedRows(records: AsyncIterable<string[]> | Iterable<string[]>, options: ContactImportOptions,
  summary: Pick<ContactImportSummary, 'columns' | 'fieldColumns' | 'ignoredColumns'>): AsyncGenerator<PreparedRow> {
  let layout: Layout | undefined;
  let row = 0;
  for await (const record of records) {
    if (!layout) {
      summary.columns = record;
      const laid = layoutOf(record, options);
      ({ layout } = laid);
      summary.fieldColumns = laid.fieldColumns;
      summary.ignoredColumns = laid.ignored;
      continue;
    }
    row++;
    try {
      yield { row, changes: changesOf(layout, record) };
    } catch (error) {
      if (!(error instanceof KaikuError)) throw error;
      yield { row, rejected: { row, reason: error.message, values: record, field: error.field } };
    }
  }
  if (!layout) throw new KaikuError('empty_file', 'The file is empty: a header row is required');
}

/**
 * Stores records (the first one the header) as contacts: valid rows upserted in atomic chunks,
 * invalid ones reported. `progress` is called after each stored chunk.
 */
export async function importContactRecords(
  db: Database,
  orgId: string,
  records: AsyncIterable<string[]> | Iterable<string[]>,
  options: ContactImportOptions = {},
  progress: (p: ContactRecordProgress) => void | Promise<void> = () => {},
): Promise<ContactImportSummary> {
  const chunkSize = options.chunkSize ?? 1_000;
  const summary: ContactImportSummary = { columns: [], fieldColumns: {}, ignoredColumns: [], rows: 0, created: 0, updated: 0, unchanged: 0, rejected: [] };
  let chunk: ContactChanges[] = [];
  const inChunk = new Set<string>();

  const flush = async () => {
    if (chunk.length === 0) return;
    const rows = chunk;
    chunk = [];
    inChunk.clear();
    const results = await db.transaction((tx) => upsertContacts(tx, orgId, rows));
    for (const r of results) summary[r.outcome]++;
    await progress({ rows: summary.rows, created: summary.created, updated: summary.updated, unchanged: summary.unchanged, rejected: summary.rejected.length });
  };

  for await (const prepared of preparedRows(records, options, summary)) {
    summary.rows = prepared.row;
    if ('rejected' in prepared) { summary.rejected.push(prepared.rejected); continue; }
    const { changes } = prepared;
    // A later row for the same contact must see the earlier one stored.
    if (inChunk.has(changes.externalId as string)) await flush();
    chunk.push(changes);
    inChunk.add(changes.externalId as string);
    if (chunk.length >= chunkSize) await flush();
  }
  await flush();
  return summary;
}

export interface ContactImportCheck extends Pick<ContactImportSummary, 'columns' | 'fieldColumns' | 'ignoredColumns' | 'rows' | 'rejected'> {
  /** The first valid rows as they would be stored. */
  preview: Array<{ row: number; changes: ContactChanges }>;
}

/** The same reading and validation as an import, storing nothing: what the import page previews. */
export async function checkContactRecords(records: AsyncIterable<string[]> | Iterable<string[]>, options: ContactImportOptions = {}, previewRows = 10): Promise<ContactImportCheck> {
  const check: ContactImportCheck = { columns: [], fieldColumns: {}, ignoredColumns: [], rows: 0, rejected: [], preview: [] };
  for await (const prepared of preparedRows(records, options, check)) {
    check.rows = prepared.row;
    if ('rejected' in prepared) check.rejected.push(prepared.rejected);
    else if (check.preview.length < previewRows) check.preview.push(prepared);
  }
  return check;
}

export async function importContactsCsv(
  db: Database,
  orgId: string,
  path: string,
  options: ContactImportOptions = {},
  progress: (p: ContactImportProgress) => void = () => {},
): Promise<ContactImportSummary> {
  let totalBytes: number;
  try {
    totalBytes = (await stat(path)).size;
  } catch (error) {
    throw new KaikuError('file_not_readable', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const source = createReadStream(path);
  try {
    return await importContactRecords(db, orgId, csvRecords(source, await delimiterOfFile(path)), options,
      (p) => progress({ ...p, bytesRead: source.bytesRead, totalBytes }));
  } catch (error) {
    if (error instanceof KaikuError && error.code === 'empty_file') throw new KaikuError('invalid_csv', 'The CSV file is empty: a header row is required');
    throw error;
  }
}
