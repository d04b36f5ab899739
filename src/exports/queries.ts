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

/** Rows fetched per round trip: large enough to amortise it, small enough to keep memory flat. */
export const FETCH_ROWS = 5000;

const context: Column[] = [
  { name: 'touchpoint_id', type: 'string' },
  { name: 'channel', type: 'string' },
  { name: 'unit_id', type: 'string' },
  { name: 'employee_id', type: 'string' },
  { name: 'contact_id', type: 'string' },
  { name: 'segment', type: 'string' },
  { name: 'language', type: 'string' },
  { name: 'source', type: 'string' },
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

function whereClause(query: ExportQuery, params: unknown[], withQuestion: boolean) {
  const shared = responseConditions(query.filters, query.scope, params);
  const where = ['r.org_id = $1', ...shared.conditions];
  if (withQuestion && query.filters.questionId) {
    params.push(query.filters.questionId);
    where.push(`a.question_id = $${params.length}::uuid`);
  }
  const touchpointJoin = shared.needsTouchpoint ? 'left join touchpoints t on t.org_id = r.org_id and t.id = r.touchpoint_id' : '';
  return { where: where.join(' and '), touchpointJoin };
}

/** One row per answer, in submission order and the survey's question order. */
export function answersSql(query: ExportQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [query.orgId];
  const { where, touchpointJoin } = whereClause(query, params, true);
  return {
    params,
    sql: `select r.id as response_id, r.submitted_at, r.survey_id, q.key as question_key, q.type::text as question_type,
                 a.number, a.choice, array_to_string(a.choices, '|') as choices, a.text, a.dont_know, ${contextSql}
            from responses r
            join answers a on a.org_id = r.org_id and a.response_id = r.id
            join questions q on q.org_id = a.org_id and q.id = a.question_id
            ${touchpointJoin}
           where ${where}
           order by r.submitted_at, r.id, q.position`,
  };
}

export function answerRow(row: Record<string, unknown>): CellValue[] {
  return answerColumns.map((c) => (row[c.name] ?? null) as CellValue);
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

/** One row per response with its answers as a JSON array of [question, number, choice, choices, text, dont_know]. */
export function responsesSql(query: ExportQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [query.orgId];
  const { where, touchpointJoin } = whereClause(query, params, false);
  return {
    params,
    sql: `select r.id as response_id, r.submitted_at, r.survey_id, ${contextSql},
                 (select json_agg(json_build_array(a.question_id, a.number, a.choice, array_to_string(a.choices, '|'), a.text, a.dont_know))
                    from answers a where a.org_id = r.org_id and a.response_id = r.id) as answers
            from responses r
            ${touchpointJoin}
           where ${where}
           order by r.submitted_at, r.id`,
  };
}

type WideAnswer = [string, number | null, string | null, string | null, string | null, boolean];

export function responseRow(layout: WideLayout, row: Record<string, unknown>): CellValue[] {
  const cells: CellValue[] = new Array(layout.columns.length).fill(null);
  for (let i = 0; i < responseBaseColumns.length; i++) cells[i] = (row[responseBaseColumns[i]!.name] ?? null) as CellValue;
  // PGlite hands json back parsed, node-postgres too; a string would mean a driver change.
  const answers = (typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers) as WideAnswer[] | null;
  for (const [questionId, number, choice, choices, text, dontKnow] of answers ?? []) {
    const slot = layout.cells.get(questionId);
    if (!slot) continue; // a question created after the layout was read: not in this export's columns
    const [valueIndex, dontKnowIndex] = slot;
    const value = number ?? choice ?? choices ?? text;
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
