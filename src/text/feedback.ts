/**
 * Imported feedback texts: complaints, chat transcripts, e-mails, social posts and reviews that
 * did not come from a survey. Stored in one statement per batch that checks the contact, unit
 * and touchpoint exist in the organisation, idempotent by external id, and analysed by the
 * text-analysis job like open answers (analysis.ts). Each row succeeds or gets its own error:
 * a bad row never fails the rows beside it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Queryable } from '../db/connection.ts';
import { uuidv7 } from '../db/ids.ts';
import { KaikuError } from '../errors.ts';
import { readCsvFile, requireColumn } from '../cli/csv.ts';
import { UUID } from '../vocabulary.ts';

export const FEEDBACK_SOURCES = ['complaint', 'chat', 'email', 'social', 'review', 'other'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

/** Longer texts are refused; the analysis reads the first 5,000 characters and marks the rest truncated. */
export const MAX_FEEDBACK_TEXT = 100_000;
export const MAX_FEEDBACK_BATCH = 1_000;
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface FeedbackTextInput {
  source: string;
  externalId?: string;
  text: string;
  language?: string;
  occurredAt?: string;
  contactId?: string;
  contactExternalId?: string;
  unitId?: string;
  touchpointId?: string;
}

export type FeedbackResult =
  | { id: string; created: boolean }
  | { error: { code: string; field: string; message: string } };

interface Prepared {
  id: string;
  source: FeedbackSource;
  externalId: string | null;
  text: string;
  language: string | null;
  occurredAt: string;
  contactId: string | null;
  contactExternalId: string | null;
  unitId: string | null;
  touchpointId: string | null;
}

const rowError = (field: string, message: string) => new KaikuError('invalid_input', message, { field });

/** Checks one text; throws a KaikuError naming the field. */
export function prepareFeedbackText(input: FeedbackTextInput, now = Date.now()): Prepared {
  if (!(FEEDBACK_SOURCES as readonly string[]).includes(input.source)) {
    throw rowError('source', `source must be one of ${FEEDBACK_SOURCES.join(', ')}, got "${input.source}"`);
  }
  if (typeof input.text !== 'string' || !input.text.trim()) throw rowError('text', 'text is empty');
  if (input.text.includes('\u0000')) throw rowError('text', 'text contains binary data (NUL characters), not text');
  if (input.text.length > MAX_FEEDBACK_TEXT) {
    throw rowError('text', `text is ${input.text.length.toLocaleString('en')} characters; at most ${MAX_FEEDBACK_TEXT.toLocaleString('en')} are accepted (split it)`);
  }
  if (input.externalId !== undefined && (!input.externalId.trim() || input.externalId.length > 200)) {
    throw rowError('externalId', 'externalId must be 1–200 characters');
  }
  if (input.language !== undefined && !/^[a-z]{2}$/.test(input.language)) throw rowError('language', `language must be a two-letter code such as fi, got "${input.language}"`);
  let occurredAt = new Date(now);
  if (input.occurredAt !== undefined) {
    occurredAt = new Date(input.occurredAt);
    if (Number.isNaN(occurredAt.getTime())) throw rowError('occurredAt', `occurredAt "${input.occurredAt}" is not a date-time (ISO 8601)`);
    if (occurredAt.getTime() > now + FUTURE_TOLERANCE_MS) throw rowError('occurredAt', 'occurredAt is in the future');
  }
  for (const field of ['contactId', 'unitId', 'touchpointId'] as const) {
    const value = input[field];
    if (value !== undefined && !UUID.test(value)) throw rowError(field, `${field} must be a UUID, got "${value}"`);
  }
  return {
    id: uuidv7(now),
    source: input.source as FeedbackSource,
    externalId: input.externalId?.trim() ?? null,
    text: input.text,
    language: input.language ?? null,
    occurredAt: occurredAt.toISOString(),
    contactId: input.contactId ?? null,
    contactExternalId: input.contactExternalId?.trim() || null,
    unitId: input.unitId ?? null,
    touchpointId: input.touchpointId ?? null,
  };
}

const insertSql = `
with input as (
  select * from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::uuid[], $9::text[], $10::uuid[], $11::uuid[])
    with ordinality as u(id, source, external_id, text, language_hint, occurred_at, contact_id, contact_external_id, unit_id, touchpoint_id, position)
), checked as (
  select i.*, coalesce(c.id, ce.id) as contact,
         case when i.contact_id is not null and c.id is null then 'contactId'
              when i.contact_external_id is not null and ce.id is null then 'contactExternalId'
              when i.unit_id is not null and u.id is null then 'unitId'
              when i.touchpoint_id is not null and t.id is null then 'touchpointId' end as unknown_reference
    from input i
    left join lateral (select id from contacts where org_id = $1 and id = i.contact_id limit 1) c on true
    left join lateral (select id from contacts where org_id = $1 and external_id = i.contact_external_id limit 1) ce on true
    left join lateral (select id from units where org_id = $1 and id = i.unit_id limit 1) u on true
    left join lateral (select id from touchpoints where org_id = $1 and id = i.touchpoint_id limit 1) t on true
), stored as (
  insert into feedback_texts (org_id, id, source, external_id, text, language_hint, occurred_at, contact_id, unit_id, touchpoint_id)
  select $1, id, source, external_id, text, language_hint, occurred_at, contact, unit_id, touchpoint_id from checked where unknown_reference is null
  on conflict (org_id, external_id) do nothing
  returning id
)
select c.position::int, c.unknown_reference, c.external_id, s.id::text as stored_id
  from checked c left join stored s on s.id = c.id
 order by c.position`;

/**
 * Stores a batch of feedback texts. Results are in input order: the id (created false when the
 * external id was already there, with the earlier text's id) or the row's error.
 */
export async function storeFeedbackTexts(db: Queryable, orgId: string, inputs: readonly FeedbackTextInput[], now = Date.now()): Promise<FeedbackResult[]> {
  const results: FeedbackResult[] = new Array(inputs.length);
  const prepared: Array<{ index: number; row: Prepared }> = [];
  inputs.forEach((input, index) => {
    try {
      prepared.push({ index, row: prepareFeedbackText(input, now) });
    } catch (error) {
      if (!(error instanceof KaikuError)) throw error;
      results[index] = { error: { code: error.code, field: error.field ?? '', message: error.message } };
    }
  });
  if (prepared.length > 0) {
    const col = <K extends keyof Prepared>(key: K) => prepared.map((p) => p.row[key]);
    const rows = await db.query<{ position: number; unknown_reference: string | null; external_id: string | null; stored_id: string | null }>(insertSql,
      [orgId, col('id'), col('source'), col('externalId'), col('text'), col('language'), col('occurredAt'), col('contactId'), col('contactExternalId'), col('unitId'), col('touchpointId')]);
    // Texts whose external id was already stored (before, or earlier in this batch) answer with that text's id.
    const missing = [...new Set(rows.filter((r) => !r.stored_id && !r.unknown_reference && r.external_id).map((r) => r.external_id as string))];
    const existing = new Map<string, string>();
    if (missing.length > 0) {
      const found = await db.query<{ id: string; external_id: string }>(
        `select id::text, external_id from feedback_texts where org_id = $1 and external_id = any($2::text[])`, [orgId, missing]);
      for (const f of found) existing.set(f.external_id, f.id);
    }
    for (const r of rows) {
      const { index, row } = prepared[r.position - 1];
      if (r.unknown_reference) {
        const value = row[r.unknown_reference as keyof Prepared];
        results[index] = { error: { code: 'unknown_reference', field: r.unknown_reference, message: `${r.unknown_reference} "${value}" does not exist in this organisation` } };
      } else if (r.stored_id) {
        results[index] = { id: r.stored_id, created: true };
      } else {
        results[index] = { id: existing.get(r.external_id as string) as string, created: false };
      }
    }
  }
  return results;
}

export interface FeedbackCsvOptions {
  /** Source of every row, unless sourceColumn names a column with it. */
  source?: string;
  sourceColumn?: string;
  textColumn: string;
  idColumn?: string;
  timeColumn?: string;
  languageColumn?: string;
  contactColumn?: string;
  unitColumn?: string;
  touchpointColumn?: string;
  dryRun?: boolean;
}

export interface FeedbackCsvSummary {
  rows: number;
  imported: number;
  duplicates: number;
  rejected: Array<{ row: number; field: string; reason: string }>;
}

const CSV_CHUNK = 1_000;

/**
 * Imports a CSV of feedback texts. Without an id column each row's external id is the file's
 * SHA-256 and its row number, so importing the same file again stores nothing twice.
 */
export async function importFeedbackCsv(db: Queryable, orgId: string, file: string, options: FeedbackCsvOptions): Promise<FeedbackCsvSummary> {
  const table = await readCsvFile(file);
  const named = [options.textColumn, options.sourceColumn, options.idColumn, options.timeColumn, options.languageColumn, options.contactColumn, options.unitColumn, options.touchpointColumn];
  for (const column of named) if (column !== undefined) requireColumn(table, column);
  if (!options.source && !options.sourceColumn) throw new KaikuError('usage', 'Give the source of the texts: --source complaint|chat|email|social|review|other or --source-column COL');
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  const fileHash = hash.digest('hex').slice(0, 16);
  const cell = (row: Record<string, string>, column: string | undefined) => (column === undefined ? undefined : row[column] || undefined);
  const inputs: FeedbackTextInput[] = table.rows.map((row, i) => ({
    source: cell(row, options.sourceColumn)?.toLowerCase() ?? options.source ?? '',
    externalId: cell(row, options.idColumn) ?? `file:${fileHash}:${i + 1}`,
    text: row[options.textColumn] ?? '',
    language: cell(row, options.languageColumn)?.toLowerCase(),
    occurredAt: cell(row, options.timeColumn),
    contactExternalId: cell(row, options.contactColumn),
    unitId: cell(row, options.unitColumn),
    touchpointId: cell(row, options.touchpointColumn),
  }));
  const summary: FeedbackCsvSummary = { rows: inputs.length, imported: 0, duplicates: 0, rejected: [] };
  for (let start = 0; start < inputs.length; start += CSV_CHUNK) {
    const chunk = inputs.slice(start, start + CSV_CHUNK);
    const results = options.dryRun
      ? chunk.map((input): FeedbackResult => {
        try {
          return { id: prepareFeedbackText(input).id, created: true };
        } catch (error) {
          if (!(error instanceof KaikuError)) throw error;
          return { error: { code: error.code, field: error.field ?? '', message: error.message } };
        }
      })
      : await storeFeedbackTexts(db, orgId, chunk);
    results.forEach((r, i) => {
      if ('error' in r) summary.rejected.push({ row: start + i + 1, field: r.error.field, reason: r.error.message });
      else if (r.created) summary.imported++;
      else summary.duplicates++;
    });
  }
  return summary;
}
