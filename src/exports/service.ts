/**
 * Bulk export of answers (one row each) or responses (one row each, one column per question
 * key) to CSV, XLSX or Parquet, for the HTTP API and `kaiku export`. The caller's data scope
 * applies; contacts appear by id only, never by e-mail or name; open answers are PII-redacted
 * unless an admin asks for them as stored.
 */
import type { Writable } from 'node:stream';
import type { Database } from '../db/connection.ts';
import type { DataScope } from '../auth/permissions.ts';
import type { MetricFilters } from '../metrics/queries.ts';
import { badInput, notFound } from '../errors.ts';
import { sinkFor, type Format } from './formats.ts';
import {
  answerColumns, answerRows, questionInfo, responseRow, responsesSql, streamCursor, wideLayout, type Dataset, type RowOptions,
} from './queries.ts';
import type { CellValue } from './cells.ts';
import { redactPii } from '../text/redact.ts';
import { resurveySurveyIdOf } from '../orgs/service.ts';

export interface ExportRequest {
  orgId: string;
  scope: DataScope;
  dataset: Dataset;
  format: Format;
  filters: MetricFilters;
  /** Open answers as stored; by default they are PII-redacted (e-mail, phone, henkilötunnus, IBAN, card). Admins only. */
  rawText?: boolean;
}

export interface ExportProgress {
  rows: number;
}

/**
 * Checks what the schemas cannot: a time window that is not empty, and ids that belong to the
 * organisation. Another organisation's survey is "not found", exactly like one that does not
 * exist, so ids from other tenants reveal nothing.
 */
export async function validateExport(db: Database, request: ExportRequest): Promise<void> {
  const { filters } = request;
  for (const field of ['from', 'to'] as const) {
    if (filters[field] !== undefined && Number.isNaN(Date.parse(filters[field]!))) throw badInput(`${field} must be an ISO 8601 date-time`, field);
  }
  if (filters.from && filters.to && Date.parse(filters.from) >= Date.parse(filters.to)) throw badInput('to must be later than from', 'to');
  if (request.dataset === 'responses' && filters.questionId) {
    throw badInput('questionId applies to answers exports; a responses export has a column for every question', 'questionId');
  }
  if (filters.surveyId) {
    const [survey] = await db.query(`select 1 from surveys where org_id = $1 and id = $2`, [request.orgId, filters.surveyId]);
    if (!survey) throw notFound('Survey', 'surveyId');
  }
  if (filters.questionId) {
    const [question] = await db.query(`select 1 from questions where org_id = $1 and id = $2`, [request.orgId, filters.questionId]);
    if (!question) throw notFound('Question', 'questionId');
  }
}

/**
 * Streams the export into `out` and ends it. Rows are read through a cursor in one read-only
 * transaction, so the file is one consistent snapshot. Rejects (and leaves `out` unfinished)
 * when the database fails or `out` is closed early.
 */
export async function exportTable(db: Database, request: ExportRequest, out: Writable, onProgress?: (p: ExportProgress) => void): Promise<ExportProgress> {
  const sink = sinkFor(request.format, out, request.dataset);
  const query = { orgId: request.orgId, filters: request.filters, scope: request.scope };
  const progress: ExportProgress = { rows: 0 };
  const openText = request.rawText ? undefined : redactPii;
  await db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    const rowOptions: RowOptions = { openText, resurveySurveyId: await resurveySurveyIdOf(tx, request.orgId) };
    if (request.dataset === 'answers') {
      const questions = await questionInfo(tx, request.orgId);
      await sink.start(answerColumns);
      const { sql, params } = responsesSql(query);
      await streamCursor(tx, sql, params, async (rows) => {
        const answers: CellValue[][] = [];
        for (const row of rows) answerRows(questions, row, answers, rowOptions);
        await sink.rows(answers);
        progress.rows += answers.length;
        onProgress?.(progress);
      });
    } else {
      const layout = await wideLayout(tx, request.orgId, request.filters.surveyId);
      await sink.start(layout.columns);
      const { sql, params } = responsesSql(query);
      await streamCursor(tx, sql, params, async (rows) => {
        await sink.rows(rows.map((row) => responseRow(layout, row, rowOptions)));
        progress.rows += rows.length;
        onProgress?.(progress);
      });
    }
  });
  await sink.finish();
  return progress;
}

/** `kaiku-answers-2026-03-01.csv`: what a browser saves the download as. */
export function exportFileName(dataset: Dataset, format: Format, now = new Date()): string {
  return `kaiku-${dataset}-${now.toISOString().slice(0, 10)}.${format}`;
}
