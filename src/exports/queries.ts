/**
 * SQL of the bulk exports: the rows (one per answer, or one per response in wide form) under
 * the metric filters and the caller's data scope, read through a server-side cursor so memory
 * stays flat however many rows there are.
 */
import type { Queryable } from '../db/connection.ts';
import type { DataScope } from '../auth/permissions.ts';
import { responseConditions, type MetricFilters } from '../metrics/queries.ts';
import type { CellValue } from './cells.ts';

export const datasets = ['answers', 'responses'] as const;
export type Dataset = (typeof datasets)[number];

export type ColumnType = 'string' | 'number' | 'boolean' | 'timestamp';
export interface Column {
  name: string;
  type: ColumnType;
}

/**
 * Responses fetched per round trip (about 1,500 answers in the benchmark). A fetch's rows become
 * garbage once written; smaller fetches let more of them die young instead of in V8's old
 * generation (in one process on a busy machine, peak RSS 60 MB lower than at 1,000; on an idle
 * machine V8's own slack dominates, see BENCHMARKS.md), while the extra round trips cost little.
 */
export const FETCH_ROWS = 250;

const context: Column[] = [
  { name: 'touchpoint_id', type: 'string' },
  { name: 'channel', type: 'string' },
  { name: 'unit_id', type: 'string' },
  { name: 'employee_id', type: 'string' },
  { name: 'contact_id', type: 'string' },
  { name: 'segment', type: 'string' },
  { name: 'language', type: 'string' },
  { name: 'source', type: 'string' },
  // An answer to the organisation's "is it solved?" re-survey after a case: kept out of the
  // metrics (notResurvey() in src/metrics/queries.ts), so BI tools need to tell these rows apart.
  { name: 'is_resurvey', type: 'boolean' },
];
const contextSql = 'r.touchpoint_id, r.channel::text as channel, r.unit_id, r.employee_id, r.contact_id, r.segment, r.language, r.source::text as source';

export const answerColumns: Column[] = [
  { name: 'response_id', type: 'string' },
  { name: 'submitted_at', type: 'timestamp' },
  { name: 'survey_id', type: 'string' },
  { name: 'question_key', type: 'string' },
  { name: 'question_type', type: 'string' },
  { name: 'number', type: 'number' },
  { name: 'choice', type: 'string' },
  { name: 'choices', type: 'string' },
  { name: 'text', type: 'string' },
  { name: 'dont_know', type: 'boolean' },
  ...context,
];

const responseBaseColumns: Column[] = [
  { name: 'response_id', type: 'string' },
  { name: 'submitted_at', type: 'timestamp' },
  { name: 'survey_id', type: 'string' },
  ...context,
];

export interface ExportQuery {
  orgId: string;
  filters: MetricFilters;
  scope: DataScope;
}

/** How rows are written: open text (PII-redacted by default, src/exports/service.ts) and which survey is the re-survey. */
export interface RowOptions {
  openText?: OpenTextCell;
  /** organizations.resurvey_survey_id, read once per export: a string compare per row costs nothing, a SQL column would. */
  resurveySurveyId: string | null;
}

function whereClause(query: ExportQuery, params: unknown[]) {
  const shared = responseConditions(query.filters, query.scope, params);
  const where = ['r.org_id = $1', ...shared.conditions];
  let answerCondition = '';
  if (query.filters.questionId) {
    // Only that question's answers, and only the responses that have one.
    params.push(query.filters.questionId);
    answerCondition = ` and a.question_id = $${params.length}::uuid`;
    where.push(`exists (select 1 from answers a where a.org_id = r.org_id and a.response_id = r.id${answerCondition})`);
  }
  const touchpointJoin = shared.needsTouchpoint ? 'left join touchpoints t on t.org_id = r.org_id and t.id = r.touchpoint_id' : '';
  return { where: where.join(' and '), touchpointJoin, answerCondition };
}

export interface QuestionInfo {
  key: string;
  type: string;
  position: number;
}

/** Key, type and position of every question of the organisation: answers name their question by id. */
export async function questionInfo(db: Queryable, orgId: string): Promise<Map<string, QuestionInfo>> {
  const rows = await db.query<{ id: string } & QuestionInfo>(
    `select id, key, type::text as type, position from questions where org_id = $1`, [orgId]);
  return new Map(rows.map((q) => [q.id, { key: q.key, type: q.type, position: q.position }]));
}

/**
 * One row per answer, in submission order and the survey's question order. Expanded from the
 * per-response rows of `responsesSql`: measured on 1,000,000 answers, reading each response's
 * context once (with its answers as one JSON array) took 5 s where the answer-by-answer join
 * took 8 s, most of it the client parsing the repeated context columns.
 */
export function answerRows(questions: Map<string, QuestionInfo>, row: Record<string, unknown>, into: CellValue[][], options: RowOptions): void {
  const openText = options.openText ?? asStored;
  const answers = parseAnswers(row.answers);
  if (answers.length > 1) answers.sort((x, y) => (questions.get(x[0])?.position ?? 0) - (questions.get(y[0])?.position ?? 0));
  const submittedAt = new Date(row.submitted_ms as number);
  const context = contextCells(row, options.resurveySurveyId);
  for (const [questionId, number, choice, choices, text, dontKnow] of answers) {
    const question = questions.get(questionId);
    // A question created after the question list was read is not part of this snapshot's surveys.
    if (!question) continue;
    into.push([row.response_id as string, submittedAt, row.survey_id as string, question.key, question.type,
      number, choice, choices, text === null ? null : openText(text), dontKnow, ...context]);
  }
}

/** How an open answer's text is written: PII-redacted by default (src/exports/service.ts), as stored for raw exports. */
export type OpenTextCell = (text: string) => string;
const asStored: OpenTextCell = (text) => text;

const storedContext = context.filter((c) => c.name !== 'is_resurvey');

function contextCells(row: Record<string, unknown>, resurveySurveyId: string | null): CellValue[] {
  const cells = storedContext.map((c) => (row[c.name] ?? null) as CellValue);
  cells.push(row.survey_id === resurveySurveyId);
  return cells;
}

const scoreTypes = new Set(['nps', 'csat', 'ces', 'likert7', 'rating']);

/**
 * Wide form: one column per question key of the surveys in the export (the surveys' order,
 * then question order). A key used by several surveys is one column, numeric when every such
 * question is a score; questions that offer "don't know" add a `<key>_dont_know` column.
 */
export interface WideLayout {
  columns: Column[];
  /** question id → [value column index, don't-know column index or -1] */
  cells: Map<string, [number, number]>;
}

export async function wideLayout(db: Queryable, orgId: string, surveyId: string | undefined): Promise<WideLayout> {
  const questions = await db.query<{ id: string; key: string; type: string; allow_dont_know: boolean }>(
    `select q.id, q.key, q.type::text as type, q.allow_dont_know
       from questions q join surveys s on s.org_id = q.org_id and s.id = q.survey_id
      where q.org_id = $1 and ($2::uuid is null or q.survey_id = $2::uuid)
      order by s.created_at, s.id, q.position`, [orgId, surveyId ?? null]);
  const columns = [...responseBaseColumns];
  const taken = new Set(columns.map((c) => c.name));
  const byKey = new Map<string, { value: number; dontKnow: number }>();
  const cells = new Map<string, [number, number]>();
  const uniqueName = (name: string) => {
    let candidate = name;
    // A question keyed like a context column ("language") must not shadow it.
    while (taken.has(candidate)) candidate = `question_${candidate}`;
    taken.add(candidate);
    return candidate;
  };
  for (const q of questions) {
    let slot = byKey.get(q.key);
    if (!slot) {
      columns.push({ name: uniqueName(q.key), type: scoreTypes.has(q.type) ? 'number' : 'string' });
      slot = { value: columns.length - 1, dontKnow: -1 };
      byKey.set(q.key, slot);
    } else if (!scoreTypes.has(q.type)) {
      columns[slot.value] = { ...columns[slot.value]!, type: 'string' };
    }
    if (q.allow_dont_know && slot.dontKnow < 0) {
      columns.push({ name: uniqueName(`${q.key}_dont_know`), type: 'boolean' });
      slot.dontKnow = columns.length - 1;
    }
    cells.set(q.id, [slot.value, slot.dontKnow]);
  }
  return { columns, cells };
}

/** One row per response with its answers as a JSON array of [question, number, choice, choices, text, dont_know]; both exports read this. */
export function responsesSql(query: ExportQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [query.orgId];
  const { where, touchpointJoin, answerCondition } = whereClause(query, params);
  return {
    params,
    // Milliseconds since the epoch: a number parses far faster than a timestamptz text.
    sql: `select r.id as response_id, (extract(epoch from r.submitted_at) * 1000)::float8 as submitted_ms, r.survey_id, ${contextSql},
                 (select json_agg(json_build_array(a.question_id, a.number, a.choice, array_to_string(a.choices, '|'), a.text, a.dont_know))
                    from answers a where a.org_id = r.org_id and a.response_id = r.id${answerCondition}) as answers
            from responses r
            ${touchpointJoin}
           where ${where}
           order by r.submitted_at, r.id`,
  };
}

type WideAnswer = [string, number | null, string | null, string | null, string | null, boolean];

function parseAnswers(value: unknown): WideAnswer[] {
  // PGlite and node-postgres both hand json back parsed; a string would mean a driver change.
  return ((typeof value === 'string' ? JSON.parse(value) : value) ?? []) as WideAnswer[];
}

export function responseRow(layout: WideLayout, row: Record<string, unknown>, options: RowOptions): CellValue[] {
  const openText = options.openText ?? asStored;
  const cells: CellValue[] = new Array(layout.columns.length).fill(null);
  cells[0] = row.response_id as string;
  cells[1] = new Date(row.submitted_ms as number);
  cells[2] = row.survey_id as string;
  const contextValues = contextCells(row, options.resurveySurveyId);
  for (let i = 0; i < contextValues.length; i++) cells[3 + i] = contextValues[i]!;
  for (const [questionId, number, choice, choices, text, dontKnow] of parseAnswers(row.answers)) {
    const slot = layout.cells.get(questionId);
    if (!slot) continue; // a question created after the layout was read: not in this export's columns
    const [valueIndex, dontKnowIndex] = slot;
    const value = number ?? choice ?? choices ?? (text === null ? null : openText(text));
    cells[valueIndex] = value === null ? null : layout.columns[valueIndex]!.type === 'number' ? value : String(value);
    if (dontKnowIndex >= 0) cells[dontKnowIndex] = dontKnow;
  }
  return cells;
}

/**
 * Runs `sql` through a server-side cursor (DECLARE … CURSOR, FETCH n) inside a read-only
 * transaction, handing each batch to `onBatch` and waiting for it: a slow reader slows the
 * fetching instead of filling memory. Works the same on PGlite and PostgreSQL.
 */
export async function streamCursor(
  tx: Queryable, sql: string, params: unknown[], onBatch: (rows: Record<string, unknown>[]) => Promise<void>, batchRows = FETCH_ROWS,
): Promise<void> {
  await tx.query(`declare kaiku_export no scroll cursor for ${sql}`, params);
  for (;;) {
    const rows = await tx.query<Record<string, unknown>>(`fetch ${batchRows} from kaiku_export`);
    if (rows.length > 0) await onBatch(rows);
    if (rows.length < batchRows) break;
  }
  await tx.query('close kaiku_export');
}
