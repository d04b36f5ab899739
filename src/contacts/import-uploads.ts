/**
 * A contacts file uploaded on /app/contacts/import, kept in `contact_imports` between the
 * page's steps (upload → mapping and check → import), so any app process may serve the next
 * step. The content is dropped once the import has run; the counts and the refused rows stay
 * for the result page.
 */
import type { Database, Queryable } from '../db/connection.ts';
import { uuidv7 } from '../db/ids.ts';
import { KaikuError, notFound } from '../errors.ts';
import { csvBufferRecords, xlsxRecords, type ColumnTarget, type ContactImportSummary, type RejectedContactRow } from './import.ts';

export type ContactFileKind = 'csv' | 'xlsx';
export type ContactImportStatus = 'uploaded' | 'queued' | 'running' | 'done' | 'failed';

/** A refused row as the result page shows it: the field and its cell's text (when a field was named). */
export interface StoredRejectedRow { row: number; field?: string; value?: string; reason: string }

export interface ContactUpload {
  id: string;
  fileName: string;
  fileKind: ContactFileKind;
  columns: string[];
  mapping: ColumnTarget[] | null;
  totalRows: number;
  status: ContactImportStatus;
  created: number;
  updated: number;
  unchanged: number;
  rejected: StoredRejectedRow[];
  createdAt: Date;
  finishedAt: Date | null;
}

/** The kind of an uploaded file by its name and first bytes (an XLSX file is a ZIP: "PK"); undefined when neither. */
export function contactFileKind(fileName: string, content: Buffer): ContactFileKind | undefined {
  const name = fileName.toLowerCase();
  const zip = content.length >= 2 && content[0] === 0x50 && content[1] === 0x4b;
  if (name.endsWith('.xlsx')) return zip ? 'xlsx' : undefined;
  if (name.endsWith('.csv')) return zip || content.includes(0) ? undefined : 'csv';
  return undefined;
}

export const recordsOf = (kind: ContactFileKind, content: Buffer) => (kind === 'xlsx' ? xlsxRecords(content) : csvBufferRecords(content));

/** The header and the number of data rows of a file; throws a KaikuError when it cannot be read or holds no header. */
export async function readContactFile(kind: ContactFileKind, content: Buffer): Promise<{ columns: string[]; totalRows: number }> {
  let columns: string[] | undefined;
  let totalRows = 0;
  for await (const record of recordsOf(kind, content)) {
    if (columns) totalRows++;
    else columns = record;
  }
  if (!columns || columns.every((c) => c === '')) throw new KaikuError('empty_file', 'The file is empty: a header row is required', { status: 400 });
  return { columns, totalRows };
}

export async function createContactUpload(db: Queryable, orgId: string, upload: { createdBy: string | null; fileName: string; fileKind: ContactFileKind; content: Buffer; columns: string[]; totalRows: number }): Promise<string> {
  const id = uuidv7();
  await db.query(
    `insert into contact_imports (org_id, id, created_by, file_name, file_kind, content, columns, total_rows) values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
    [orgId, id, upload.createdBy, upload.fileName, upload.fileKind, upload.content, JSON.stringify(upload.columns), upload.totalRows]);
  return id;
}

const columnsSql = `id, file_name, file_kind, columns, mapping, total_rows, status, created, updated, unchanged, rejected, created_at, finished_at`;
type Row = { id: string; file_name: string; file_kind: ContactFileKind; columns: string[]; mapping: ColumnTarget[] | null; total_rows: number; status: ContactImportStatus;
  created: number; updated: number; unchanged: number; rejected: StoredRejectedRow[] | null; created_at: Date; finished_at: Date | null };

export async function getContactUpload(db: Queryable, orgId: string, id: string): Promise<ContactUpload> {
  const [r] = await db.query<Row>(`select ${columnsSql} from contact_imports where org_id = $1 and id = $2`, [orgId, id]);
  if (!r) throw notFound('Import');
  return {
    id: r.id, fileName: r.file_name, fileKind: r.file_kind, columns: r.columns, mapping: r.mapping, totalRows: r.total_rows, status: r.status,
    created: r.created, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected ?? [], createdAt: new Date(r.created_at), finishedAt: r.finished_at ? new Date(r.finished_at) : null,
  };
}

/** The file's content while it has not been imported (null afterwards). */
export async function contentOf(db: Queryable, orgId: string, id: string): Promise<Buffer | null> {
  const [r] = await db.query<{ content: Uint8Array | null }>(`select content from contact_imports where org_id = $1 and id = $2`, [orgId, id]);
  if (!r) throw notFound('Import');
  return r.content ? Buffer.from(r.content) : null;
}

/**
 * Claims an uploaded file for importing with `mapping`: true for the one caller that moved it
 * from uploaded to running (a second click on Import finds it running or done).
 */
export async function claimContactUpload(db: Queryable, orgId: string, id: string, mapping: ColumnTarget[]): Promise<boolean> {
  const rows = await db.query(
    `update contact_imports set status = 'running', mapping = $3::jsonb, updated_at = now() where org_id = $1 and id = $2 and status = 'uploaded' returning id`,
    [orgId, id, JSON.stringify(mapping)]);
  return rows.length === 1;
}

/** The import's outcome stored; the content dropped. */
export async function finishContactUpload(db: Database, orgId: string, id: string, summary: ContactImportSummary, mapping: ColumnTarget[]): Promise<void> {
  const rejected = storedRejected(summary.rejected, mapping);
  await db.query(
    `update contact_imports set status = 'done', content = null, rows_done = $3, created = $4, updated = $5, unchanged = $6, rejected = $7::jsonb,
            finished_at = now(), updated_at = now() where org_id = $1 and id = $2`,
    [orgId, id, summary.rows, summary.created, summary.updated, summary.unchanged, JSON.stringify(rejected)]);
}

/** Refused rows with the cell of the field each names (read through the column mapping). */
export function storedRejected(rows: RejectedContactRow[], mapping: ColumnTarget[]): StoredRejectedRow[] {
  return rows.map((r) => {
    const index = r.field ? mapping.indexOf(fieldTarget(r.field)) : -1;
    return { row: r.row, reason: r.reason, ...(r.field ? { field: r.field } : {}), ...(index >= 0 ? { value: r.values[index] ?? '' } : {}) };
  });
}

export async function failContactUpload(db: Queryable, orgId: string, id: string, error: string): Promise<void> {
  await db.query(`update contact_imports set status = 'failed', content = null, error = $3, finished_at = now(), updated_at = now() where org_id = $1 and id = $2`, [orgId, id, error]);
}

/** The mapping target a refused field belongs to ("consent.withdrawnAt" → consentWithdrawnAt, "operational.revenue" → revenue). */
export function fieldTarget(field: string): ColumnTarget {
  if (field === 'consent.withdrawnAt') return 'consentWithdrawnAt';
  const op = /^operational\.(revenue|tenureMonths|plan)$/.exec(field);
  if (op) return op[1] as ColumnTarget;
  if (field.startsWith('operational')) return 'operational';
  if (field.startsWith('attributes')) return 'attribute';
  return field as ColumnTarget;
}
