/**
 * Importing touchpoint events from a CSV file (`kaiku import events`), e.g. a CRM or POS
 * extract. Streamed in chunks; each row is validated with `prepareEvent` and each chunk stored
 * with one `storeEvents` call. A row with an unknown reference (touchpoint, contact, employee,
 * unit) is rejected with its row number and the chunk stored without it. Idempotent like the
 * response import: `import:<file hash>:<row>` or `import:id:<value>` with an `id` column.
 *
 * Columns: touchpoint (id or name) or touchpoint_id; contact_external_id or contact_id;
 * occurred_at (ISO 8601, UTC if no offset, or D.M.YYYY HH:MM); optional employee_id, unit_id,
 * id. Every other column becomes a string attribute of the event (for pulse-rule conditions).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { delimiterOfFile } from '../cli/csv.ts';
import type { Queryable } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import { fileHashOf, parseImportTime } from '../responses/import.ts';
import { prepareEvent, storeEvents, type PreparedEvent } from './service.ts';

const CHUNK = 1_000;
const KNOWN = ['touchpoint', 'touchpoint_id', 'contact_external_id', 'contact_id', 'occurred_at', 'employee_id', 'unit_id', 'id'];

export interface EventImportProgress { rows: number; imported: number; duplicates: number; rejected: number; bytesRead: number; totalBytes: number }
export interface EventImportSummary { rows: number; imported: number; duplicates: number; rejected: Array<{ row: number; reason: string }>; attributeColumns: string[] }

export async function importEventsCsv(db: Queryable, orgId: string, path: string, progress: (p: EventImportProgress) => void = () => {}): Promise<EventImportSummary> {
  let totalBytes: number;
  try {
    totalBytes = (await stat(path)).size;
  } catch (error) {
    throw new KaikuError('file_not_readable', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const fileHash = await fileHashOf(path);
  const touchpoints = new Map<string, string[]>();
  for (const t of await db.query<{ id: string; name: string }>(`select id, name from touchpoints where org_id = $1`, [orgId])) {
    touchpoints.set(t.id, [t.id]);
    touchpoints.set(t.name.toLowerCase(), [...(touchpoints.get(t.name.toLowerCase()) ?? []), t.id]);
  }
  const source = createReadStream(path);
  const parser = source.pipe(parse({ delimiter: await delimiterOfFile(path), bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
  const summary: EventImportSummary = { rows: 0, imported: 0, duplicates: 0, rejected: [], attributeColumns: [] };
  let columns: string[] | undefined;
  let batch: Array<{ row: number; event: PreparedEvent }> = [];

  const store = async () => {
    // storeEvents is all-or-nothing; a row it names is rejected and the rest stored again.
    while (batch.length > 0) {
      try {
        const results = await storeEvents(db, orgId, batch.map((b) => b.event), (i) => `row ${batch[i].row}`);
        for (const r of results) if (r.created) summary.imported++; else summary.duplicates++;
        break;
      } catch (error) {
        const row = Number(/^row (\d+)\./.exec(error instanceof KaikuError ? error.field ?? '' : '')?.[1]);
        if (!row) throw error;
        summary.rejected.push({ row, reason: (error as KaikuError).message });
        batch = batch.filter((b) => b.row !== row);
      }
    }
    batch = [];
    progress({ rows: summary.rows, imported: summary.imported, duplicates: summary.duplicates, rejected: summary.rejected.length, bytesRead: source.bytesRead, totalBytes });
  };

  const now = Date.now();
  for await (const record of parser as AsyncIterable<string[]>) {
    if (!columns) {
      columns = record;
      const has = (c: string) => columns!.includes(c);
      if (!has('touchpoint') && !has('touchpoint_id')) throw new KaikuError('usage', `The file needs a touchpoint or touchpoint_id column (columns: ${columns.join(', ')})`);
      if (!has('contact_external_id') && !has('contact_id')) throw new KaikuError('usage', `The file needs a contact_external_id or contact_id column (columns: ${columns.join(', ')})`);
      if (!has('occurred_at')) throw new KaikuError('usage', `The file needs an occurred_at column (columns: ${columns.join(', ')})`);
      summary.attributeColumns = columns.filter((c) => !KNOWN.includes(c));
      continue;
    }
    const row = ++summary.rows;
    const cell = (name: string) => { const i = columns!.indexOf(name); return i < 0 ? '' : (record[i] ?? '').trim(); };
    try {
      const touchpointCell = cell('touchpoint_id') || cell('touchpoint');
      const matching = touchpoints.get(touchpointCell.toLowerCase()) ?? [];
      if (matching.length !== 1) throw new KaikuError('invalid_input', matching.length === 0 ? `touchpoint "${touchpointCell}" is not a touchpoint id or name` : `touchpoint name "${touchpointCell}" is ambiguous; use its id`);
      const occurredAt = parseImportTime(cell('occurred_at'));
      if (!occurredAt) throw new KaikuError('invalid_input', `occurred_at "${cell('occurred_at')}" is not a date and time`);
      const attributes = Object.fromEntries(summary.attributeColumns.map((c) => [c, cell(c)]).filter(([, v]) => v !== ''));
      const event = prepareEvent({
        touchpointId: matching[0],
        ...(cell('contact_id') ? { contactId: cell('contact_id') } : { contactExternalId: cell('contact_external_id') }),
        occurredAt: occurredAt.toISOString(),
        ...(cell('employee_id') ? { employeeId: cell('employee_id') } : {}),
        ...(cell('unit_id') ? { unitId: cell('unit_id') } : {}),
        attributes,
        idempotencyKey: cell('id') ? `import:id:${cell('id')}` : `import:${fileHash}:${row}`,
      }, '', now);
      for (const [field, value] of [['contact_id', event.contactId], ['employee_id', event.employeeId], ['unit_id', event.unitId]] as const) {
        if (value !== null && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw new KaikuError('invalid_input', `${field} "${value}" is not an id`);
      }
      if (event.contactId === null && event.contactExternalId === null) throw new KaikuError('invalid_input', 'contact_external_id or contact_id is empty');
      batch.push({ row, event });
    } catch (error) {
      if (!(error instanceof KaikuError)) throw error;
      summary.rejected.push({ row, reason: error.message });
    }
    if (batch.length >= CHUNK) await store();
  }
  if (!columns) throw new KaikuError('invalid_csv', 'The CSV file is empty: a header row is required');
  await store();
  summary.rejected.sort((a, b) => a.row - b.row);
  return summary;
}
