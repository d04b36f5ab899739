import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../db/connection.ts';
import { organisationForCommand, parseCommandArgs, printRejectedRows, UsageError, type CliIO } from '../cli/io.ts';
import { progressBar } from '../cli/progress.ts';
import { importEventsCsv } from './import.ts';

export const eventsHelp = `Usage: kaiku import events FILE.csv [--org SLUG]

Imports touchpoint events ("contact X met touchpoint Y at time T") from a CSV file (comma,
semicolon or tab separated, header row) into the database Kaiku uses (DATABASE_URL, or
KAIKU_DATA_DIR — stop the server first when using the embedded database). Pulse rules then
invite the contacts as if the events had come through the API.

Columns:
  touchpoint or touchpoint_id            touchpoint id or name (required)
  contact_external_id or contact_id      the contact, who must exist (import contacts first)
  occurred_at                            ISO 8601 (UTC if no offset), 2026-03-01 14:30 or 1.3.2026 14:30
  employee_id, unit_id                   optional ids
  id                                     optional stable row id (idempotency across files)
  anything else                          an attribute of the event, e.g. order_value, product

Running the same file again stores nothing twice. Exit status: 0 all rows imported or already
there, 1 some rows rejected (the rest are stored) or an error, 2 usage error.
`;

export async function importEventsCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { org: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) { io.out(eventsHelp); return 0; }
  if (positionals.length !== 1) throw new UsageError(`Give exactly one CSV file (got ${positionals.length}). See kaiku import events --help`);
  const file = positionals[0];
  const config = loadConfig();
  const db = await openMigratedDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  const bar = progressBar(io, 'import');
  try {
    const org = await organisationForCommand(db, values.org);
    const started = Date.now();
    const summary = await importEventsCsv(db, org.id, file, (p) => bar.update(p.totalBytes > 0 ? p.bytesRead / p.totalBytes : 1,
      `${p.rows.toLocaleString('en')} rows · ${p.imported.toLocaleString('en')} imported · ${p.duplicates} duplicates · ${p.rejected} rejected`));
    bar.done();
    io.out(`Imported ${summary.imported.toLocaleString('en')} ${summary.imported === 1 ? 'event' : 'events'} from ${file} into "${org.name}" in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    io.out(`  rows read:           ${summary.rows}\n  imported:            ${summary.imported}\n  duplicates skipped:  ${summary.duplicates}\n  rejected:            ${summary.rejected.length}\n`);
    if (summary.attributeColumns.length > 0) io.out(`  attributes: ${summary.attributeColumns.join(', ')}\n`);
    printRejectedRows(io, summary.rejected);
    return summary.rejected.length > 0 ? 1 : 0;
  } finally {
    bar.done();
    await db.close();
  }
}
