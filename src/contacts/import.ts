/**
 * Importing contacts from a CSV file (`kaiku import contacts`): streamed, upserted by external
 * id in chunks of 1,000 (each chunk atomic), each row validated with `prepareContact` like an
 * API call, so a bad row is rejected alone with its row number and reason. Running the same file
 * again changes nothing (rows come back "unchanged").
 *
 * Columns are matched to fields by name (camelCase or snake_case, any letter case) or by
 * `--map field=column`. `attr.<key>` columns set attributes keys and `op.<key>` columns
 * operational keys (numbers stay numbers), on top of what the contact already has. An empty
 * cell leaves the field as it is. Row numbers count data records from 1 (header not counted).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { delimiterOfFile } from '../cli/csv.ts';
import type { Database } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import { parseImportTime } from '../responses/import.ts';
import { prepareContact, upsertContacts, type ContactChanges, type ContactInput, type Scalar } from './service.ts';

export const contactFields = [
  'externalId', 'email', 'phone', 'name', 'language', 'segment', 'persona', 'timeZone',
  'consentSurveyEmail', 'consentSurveySms', 'consentWithdrawnAt', 'revenue', 'tenureMonths', 'plan',
] as const;
export type ContactField = (typeof contactFields)[number];

export interface ContactImportOptions {
  /** field → column, for columns not named like the field. */
  map?: Partial<Record<ContactField, string>>;
  chunkSize?: number;
}

export interface ContactImportProgress { rows: number; created: number; updated: number; unchanged: number; rejected: number; bytesRead: number; totalBytes: number }
export interface RejectedContactRow { row: number; reason: string; values: string[] }
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
const rowError = (message: string) => new KaikuError('invalid_input', message);
const normaliseName = (name: string) => name.toLowerCase().replace(/[_\s-]/g, '');

const TRUE = new Set(['yes', 'y', 'true', '1', 'kyllä', 'kylla', 'k', 'ja', 'j', 'tak', 't']);
const FALSE = new Set(['no', 'n', 'false', '0', 'ei', 'e', 'nej', 'nie']);

function booleanOf(cell: string, field: string): boolean {
  const value = cell.toLowerCase();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw rowError(`${field} "${cell}" is not yes/no (yes, no, true, false, 1, 0, kyllä, ei, ja, nej, tak, nie)`);
}

/** "1234.50", "1 234,50" → 1234.5; other text stays text (op.* columns). */
function numberOf(cell: string): number | undefined {
  const compact = cell.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return /^[+-]?\d+(\.\d+)?$/.test(compact) ? Number(compact) : undefined;
}

interface Layout { fields: Array<[ContactField, number]>; attributes: Array<[string, number]>; operational: Array<[string, number]> }

function layoutOf(header: string[], options: ContactImportOptions): { layout: Layout; fieldColumns: Record<string, string>; ignored: string[] } {
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
        if (!at) throw rowError(`consentWithdrawnAt "${cell}" is not a date-time (use ISO 8601, e.g. 2026-03-01T14:30:00+02:00, or 1.3.2026 14:30)`);
        consent.withdrawnAt = at.toISOString();
        break;
      }
      case 'revenue': {
        const n = numberOf(cell);
        if (n === undefined) throw rowError(`revenue "${cell}" is not a number`);
        operational.revenue = n;
        break;
      }
      case 'tenureMonths': {
        const n = numberOf(cell);
        if (n === undefined || !Number.isInteger(n) || n < 0) throw rowError(`tenureMonths "${cell}" is not a whole number of months`);
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
  if (!input.externalId) throw rowError('the external id is empty');
  if (Object.keys(consent).length > 0) input.consent = consent;
  // Validated through the API's rules; then applied key by key on top of the stored values.
  const changes = prepareContact({ ...input, attributes, operational });
  const attributesPatch = changes.attributes;
  const operationalPatch = changes.operational;
  delete changes.attributes;
  delete changes.operational;
  return { ...changes, attributesPatch, operationalPatch };
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
  const chunkSize = options.chunkSize ?? 1_000;
  const source = createReadStream(path);
  const parser = source.pipe(parse({ delimiter: await delimiterOfFile(path), bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
  const summary: ContactImportSummary = { columns: [], fieldColumns: {}, ignoredColumns: [], rows: 0, created: 0, updated: 0, unchanged: 0, rejected: [] };
  let layout: Layout | undefined;
  let chunk: ContactChanges[] = [];
  const inChunk = new Set<string>();

  const flush = async () => {
    if (chunk.length === 0) return;
    const rows = chunk;
    chunk = [];
    inChunk.clear();
    const results = await db.transaction((tx) => upsertContacts(tx, orgId, rows));
    for (const r of results) summary[r.outcome]++;
    progress({ rows: summary.rows, created: summary.created, updated: summary.updated, unchanged: summary.unchanged, rejected: summary.rejected.length, bytesRead: source.bytesRead, totalBytes });
  };

  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!layout) {
        summary.columns = record;
        const laid = layoutOf(record, options);
        ({ layout } = laid);
        summary.fieldColumns = laid.fieldColumns;
        summary.ignoredColumns = laid.ignored;
        continue;
      }
      summary.rows++;
      let changes: ContactChanges;
      try {
        changes = changesOf(layout, record);
      } catch (error) {
        if (!(error instanceof KaikuError)) throw error;
        summary.rejected.push({ row: summary.rows, reason: error.message, values: record });
        continue;
      }
      // A later row for the same contact must see the earlier one stored.
      if (inChunk.has(changes.externalId as string)) await flush();
      chunk.push(changes);
      inChunk.add(changes.externalId as string);
      if (chunk.length >= chunkSize) await flush();
    }
  } catch (error) {
    source.destroy();
    if (String((error as { code?: unknown }).code ?? '').startsWith('CSV_')) {
      throw new KaikuError('invalid_csv', `The CSV file could not be parsed after row ${summary.rows}: ${(error as Error).message}`);
    }
    throw error;
  }
  if (!layout) throw new KaikuError('invalid_csv', 'The CSV file is empty: a header row is required');
  await flush();
  return summary;
}
