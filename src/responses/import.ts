/**
 * Importing responses from a CSV file (`kaiku import responses`; src/cli/import.ts is the thin
 * command around this). The file is streamed, never read whole, and handled in chunks: each row
 * is validated with `prepareResponse` like any other response (a KaikuError rejects that row
 * only, with its row number and the reason), and each chunk's valid rows are written with one
 * `storeResponses` call, atomically. Every row has an idempotency key — `import:<first 16 hex of
 * the file's SHA-256>:<row>` or `import:id:<value>` with an id column — so running the same file
 * again, or again after an interruption, stores nothing twice.
 *
 * Row numbers count data records from 1; the header is not counted (the first record under it
 * is row 1). Times without a UTC offset are read as UTC.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { delimiterOfFile } from '../cli/csv.ts';
import type { Queryable } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import { getSurvey } from '../surveys/service.ts';
import { scaleOf, type Question, type Survey } from '../surveys/schema.ts';
import { prepareResponse, storeResponses, type PreparedResponse, type ResponseInput } from './service.ts';
import type { SubmittedAnswer } from './validate.ts';

export interface ImportOptions {
  surveyId: string;
  /** question key → column; questions left out map to a column of the same name, if any. */
  map?: Record<string, string>;
  touchpointColumn?: string;
  unitColumn?: string;
  employeeColumn?: string;
  /** Holds the contact's external id. */
  contactColumn?: string;
  languageColumn?: string;
  timeColumn?: string;
  /** A stable id per row, used as the idempotency key instead of the row number. */
  idColumn?: string;
  /** Validate and count, store nothing. */
  dryRun?: boolean;
  /** Rows per storeResponses call. */
  chunkSize?: number;
  /** Chunks stored at the same time (each on its own connection); 1 for PGlite, which has one. */
  parallelChunks?: number;
}

export interface ImportProgress { rows: number; imported: number; duplicates: number; rejected: number; bytesRead: number; totalBytes: number }

export interface RejectedRow { row: number; reason: string; values: string[] }

export interface ImportSummary {
  fileHash: string;
  columns: string[];
  /** question key → column actually used */
  questionColumns: Record<string, string>;
  /** Columns neither mapped to a question nor used for context. */
  ignoredColumns: string[];
  rows: number;
  imported: number;
  answers: number;
  duplicates: number;
  rejected: RejectedRow[];
  dryRun: boolean;
}

const DEFAULT_CHUNK = 2_000;
/** "Don't know / no experience" in Kaiku's four languages, as in the analyze CLI. */
const DONT_KNOW = new Set(['dk', 'dont_know', "don't know", 'dont know', 'eos', 'en osaa sanoa', 'vet ej', 'nie wiem']);

const usage = (message: string) => new KaikuError('usage', message);

export async function fileHashOf(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Time cells: ISO 8601 (offset optional, UTC when absent), "YYYY-MM-DD[ HH:MM[:SS]]" or the
 * Finnish/Polish "D.M.YYYY[ HH:MM]". Returns undefined when the cell is not a time.
 */
export function parseImportTime(cell: string): Date | undefined {
  let iso = cell.trim();
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2})[:.](\d{2})(?::(\d{2}))?)?$/.exec(iso);
  if (dotted) {
    const [, d, m, y, hh = '0', mm = '0', ss = '0'] = dotted;
    iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}T${hh.padStart(2, '0')}:${mm}:${ss.padStart(2, '0')}Z`;
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    iso += 'T00:00:00Z';
  } else if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso)) {
    iso = `${iso.replace(' ', 'T')}Z`;
  } else if (!/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(iso)) {
    return undefined;
  }
  const date = new Date(iso.replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) return undefined;
  // Reject rollovers such as 31.2.2026, which Date would silently turn into March.
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
  return date;
}

/** A cell as the value the question type expects; the validator reports what does not fit. */
function answerOf(question: Question, cell: string): SubmittedAnswer | undefined {
  const value = cell.trim();
  if (value === '') return undefined;
  if (DONT_KNOW.has(value.toLowerCase())) return { question: question.key, dontKnow: true };
  if (scaleOf(question)) return { question: question.key, value: /^[+-]?\d+(\.\d+)?$/.test(value) ? Number(value) : value };
  if (question.type === 'multi_choice') return { question: question.key, value: value.split('|').map((v) => v.trim()).filter(Boolean) };
  return { question: question.key, value };
}

interface Lookups {
  touchpoints: Map<string, string>;
  units: Map<string, string>;
  employees: Map<string, string>;
}

/** Touchpoints and units by id or name, employees by id or external id (small tables, read once). */
async function loadLookups(db: Queryable, orgId: string): Promise<Lookups> {
  const byIdAndName = (rows: Array<{ id: string; name: string | null }>) => {
    const map = new Map<string, string>();
    for (const r of rows) if (r.name) map.set(r.name.toLowerCase(), r.id);
    for (const r of rows) map.set(r.id.toLowerCase(), r.id);
    return map;
  };
  return {
    touchpoints: byIdAndName(await db.query(`select id, name from touchpoints where org_id = $1`, [orgId])),
    units: byIdAndName(await db.query(`select id, name from units where org_id = $1`, [orgId])),
    employees: byIdAndName(await db.query(`select id, external_id as name from employees where org_id = $1`, [orgId])),
  };
}

interface Layout {
  questions: Array<[Question, number]>;
  touchpoint?: number; unit?: number; employee?: number; contact?: number; language?: number; time?: number; id?: number;
}

function layoutOf(survey: Survey, header: string[], options: ImportOptions): { layout: Layout; questionColumns: Record<string, string>; ignored: string[] } {
  const indexOf = (column: string, option: string) => {
    const index = header.indexOf(column);
    if (index === -1) throw usage(`${option}: column "${column}" is not in the file (columns: ${header.join(', ')})`);
    return index;
  };
  const layout: Layout = { questions: [] };
  const context: Array<[keyof Omit<Layout, 'questions'>, string | undefined, string]> = [
    ['touchpoint', options.touchpointColumn, '--touchpoint-column'], ['unit', options.unitColumn, '--unit-column'],
    ['employee', options.employeeColumn, '--employee-column'], ['contact', options.contactColumn, '--contact-column'],
    ['language', options.languageColumn, '--language-column'], ['time', options.timeColumn, '--time-column'], ['id', options.idColumn, '--id-column'],
  ];
  const used = new Set<number>();
  for (const [slot, column, option] of context) {
    if (column === undefined) continue;
    layout[slot] = indexOf(column, option);
    used.add(layout[slot] as number);
  }
  const questionColumns: Record<string, string> = {};
  for (const [key, column] of Object.entries(options.map ?? {})) {
    const question = survey.questions.find((q) => q.key === key);
    if (!question) throw usage(`--map: question "${key}" is not in the survey (questions: ${survey.questions.map((q) => q.key).join(', ')})`);
    const index = indexOf(column, '--map');
    layout.questions.push([question, index]);
    questionColumns[key] = column;
    used.add(index);
  }
  for (const question of survey.questions) {
    if (questionColumns[question.key] !== undefined) continue;
    const index = header.indexOf(question.key);
    if (index === -1 || used.has(index)) continue;
    layout.questions.push([question, index]);
    questionColumns[question.key] = question.key;
    used.add(index);
  }
  if (layout.questions.length === 0) {
    throw usage(`No column matches a question of the survey (questions: ${survey.questions.map((q) => q.key).join(', ')}); name the columns like the questions or use --map question=column`);
  }
  layout.questions.sort((a, b) => a[0].position - b[0].position);
  return { layout, questionColumns, ignored: header.filter((_, i) => !used.has(i)) };
}

export async function importResponsesCsv(
  db: Queryable,
  orgId: string,
  path: string,
  options: ImportOptions,
  progress: (p: ImportProgress) => void = () => {},
): Promise<ImportSummary> {
  let totalBytes: number;
  try {
    totalBytes = (await stat(path)).size;
  } catch (error) {
    throw new KaikuError('file_not_readable', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const survey = await getSurvey(db, orgId, options.surveyId, { fresh: true });
  const fileHash = await fileHashOf(path);
  const lookups = await loadLookups(db, orgId);
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const source = createReadStream(path);
  const parser = source.pipe(parse({
    delimiter: await delimiterOfFile(path), bom: true, relax_column_count: true, skip_empty_lines: true, trim: true,
  }));

  const summary: ImportSummary = {
    fileHash, columns: [], questionColumns: {}, ignoredColumns: [], rows: 0, imported: 0, answers: 0, duplicates: 0, rejected: [], dryRun: options.dryRun ?? false,
  };
  let layout: Layout | undefined;
  let batch: Array<{ row: number; values: string[] }> = [];
  // Chunks are stored while the next ones are parsed and validated; on a server several at once.
  const inFlight = new Set<Promise<void>>();
  const maxInFlight = Math.max(1, options.parallelChunks ?? 1);

  const report = () => progress({ rows: summary.rows, imported: summary.imported, duplicates: summary.duplicates, rejected: summary.rejected.length, bytesRead: source.bytesRead, totalBytes });

  const store = async (prepared: PreparedResponse[]) => {
    if (prepared.length === 0) return;
    if (summary.dryRun) {
      const keys = prepared.map((r) => r.idempotencyKey as string);
      const seen = new Set((await db.query<{ k: string }>(`select idempotency_key as k from responses where org_id = $1 and idempotency_key = any($2)`, [orgId, keys])).map((r) => r.k));
      for (const r of prepared) {
        if (seen.has(r.idempotencyKey as string)) summary.duplicates++;
        else { summary.imported++; summary.answers += r.answers.length; }
      }
      return;
    }
    const results = await storeResponses(db, orgId, prepared, 'import');
    results.forEach((result, i) => {
      if (result.created) { summary.imported++; summary.answers += prepared[i].answers.length; } else summary.duplicates++;
    });
  };

  const processBatch = async (rows: Array<{ row: number; values: string[] }>) => {
    const l = layout as Layout;
    const contacts = new Map<string, string>();
    if (l.contact !== undefined) {
      const externalIds = [...new Set(rows.map((r) => r.values[l.contact as number] ?? '').filter(Boolean))];
      const found = await db.query<{ id: string; external_id: string }>(
        `select id, external_id from contacts where org_id = $1 and external_id = any($2)`, [orgId, externalIds]);
      for (const c of found) contacts.set(c.external_id, c.id);
    }
    const prepared: PreparedResponse[] = [];
    const now = Date.now();
    for (const { row, values } of rows) {
      try {
        prepared.push(await prepareResponse(db, orgId, inputOf(l, values, row, fileHash, survey, lookups, contacts), '', now));
      } catch (error) {
        if (!(error instanceof KaikuError)) throw error;
        summary.rejected.push({ row, reason: error.message, values });
      }
    }
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    const storing = store(prepared).then(report);
    inFlight.add(storing);
    // A failure surfaces through Promise.race/all above and below; this only keeps Node from calling it unhandled meanwhile.
    storing.then(() => inFlight.delete(storing), () => undefined);
  };

  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!layout) {
        summary.columns = record;
        const laid = layoutOf(survey, record, options);
        layout = laid.layout;
        summary.questionColumns = laid.questionColumns;
        summary.ignoredColumns = laid.ignored;
        continue;
      }
      summary.rows++;
      batch.push({ row: summary.rows, values: record });
      if (batch.length >= chunkSize) {
        const rows = batch;
        batch = [];
        await processBatch(rows);
      }
    }
  } catch (error) {
    source.destroy();
    // csv-parse errors carry codes like CSV_QUOTE_NOT_CLOSED; anything else (the database) is not the file's fault.
    if (String((error as { code?: unknown }).code ?? '').startsWith('CSV_')) {
      throw new KaikuError('invalid_csv', `The CSV file could not be parsed after row ${summary.rows}: ${(error as Error).message}`);
    }
    throw error;
  }
  if (!layout) throw new KaikuError('invalid_csv', 'The CSV file is empty: a header row is required');
  await processBatch(batch);
  await Promise.all(inFlight);
  return summary;
}

function inputOf(l: Layout, values: string[], row: number, fileHash: string, survey: Survey, lookups: Lookups, contacts: Map<string, string>): ResponseInput {
  const cell = (index: number | undefined) => (index === undefined ? '' : (values[index] ?? '').trim());
  const resolve = (index: number | undefined, map: Map<string, string>, what: string) => {
    const value = cell(index);
    if (value === '') return null;
    const id = map.get(value.toLowerCase());
    if (!id) throw new KaikuError('invalid_input', `unknown ${what} "${value}"`);
    return id;
  };
  let idempotencyKey = `import:${fileHash}:${row}`;
  if (l.id !== undefined) {
    const id = cell(l.id);
    if (id === '') throw new KaikuError('invalid_input', 'the id column is empty');
    idempotencyKey = `import:id:${id}`;
  }
  let submittedAt: Date | null = null;
  if (l.time !== undefined && cell(l.time) !== '') {
    submittedAt = parseImportTime(cell(l.time)) ?? null;
    if (!submittedAt) throw new KaikuError('invalid_input', `time "${cell(l.time)}" is not a date-time (use ISO 8601, e.g. 2026-03-01T14:30:00+02:00, or 1.3.2026 14:30)`);
  }
  let language: string | null = null;
  if (l.language !== undefined && cell(l.language) !== '') {
    language = cell(l.language).toLowerCase();
    if (!survey.languages.includes(language)) throw new KaikuError('invalid_input', `language "${cell(l.language)}" is not one of the survey's languages (${survey.languages.join(', ')})`);
  }
  let contactId: string | null = null;
  if (l.contact !== undefined && cell(l.contact) !== '') {
    contactId = contacts.get(cell(l.contact)) ?? null;
    if (!contactId) throw new KaikuError('invalid_input', `unknown contact "${cell(l.contact)}" (no contact has this external id)`);
  }
  const answers: SubmittedAnswer[] = [];
  for (const [question, index] of l.questions) {
    const answer = answerOf(question, values[index] ?? '');
    if (answer) answers.push(answer);
  }
  return {
    surveyId: survey.id,
    touchpointId: resolve(l.touchpoint, lookups.touchpoints, 'touchpoint'),
    unitId: resolve(l.unit, lookups.units, 'unit'),
    employeeId: resolve(l.employee, lookups.employees, 'employee'),
    contactId,
    language,
    submittedAt,
    idempotencyKey,
    answers,
  };
}
