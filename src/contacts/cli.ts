/** `kaiku import contacts FILE.csv`: the command around importContactsCsv (src/cli/import.ts dispatches here). */
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../db/connection.ts';
import { organisationForCommand, parseCommandArgs, printRejectedRows, processIO, UsageError, type CliIO } from '../cli/io.ts';
import { contactFields, importContactsCsv, type ContactField, type ContactImportProgress } from './import.ts';

export const contactsHelp = `Usage: kaiku import contacts FILE.csv [--org SLUG] [--map field=column,...]

Creates or updates contacts from a CSV file (comma, semicolon or tab separated, with a header
row), matched by external id, in the database Kaiku uses: DATABASE_URL, or the embedded
database in KAIKU_DATA_DIR (default ./data; stop the server first).

Columns named like a field (camelCase or snake_case) are read as that field:
  ${contactFields.join(', ')}
external_id is required. Consent columns take yes/no (also true/false, 1/0, kyllä/ei, ja/nej,
tak/nie); consent_withdrawn_at a date-time. revenue, tenure_months and plan go to the
operational data, as do op.<key> columns; attr.<key> columns set attributes. An empty cell leaves
the field as it is; e-mail, phone (E.164, national numbers read as Finnish) and time zone are
validated as in the API.

Options:
  --org SLUG        organisation (required when the database holds more than one)
  --map F=COL,...   field = column, for columns not named like the field
  -h, --help        this help

Rows are stored in chunks of 1,000, each all-or-nothing; invalid rows are reported with their
row number (data rows counted from 1, the header not counted) and the reason. Importing the
same file again changes nothing.

Exit status: 0 all rows imported, 1 some rows rejected (the valid rows are kept) or an error,
2 usage error.
`;

function parseMap(text: string | undefined): Partial<Record<ContactField, string>> | undefined {
  if (text === undefined) return undefined;
  const map: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) throw new UsageError(`--map expects field=column pairs separated by commas, got "${pair}"`);
    map[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return map;
}

export async function importContactsCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    org: { type: 'string' }, map: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  }, true);
  if (values.help) {
    io.out(contactsHelp);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`Give exactly one CSV file (got ${positionals.length}). See kaiku import contacts --help`);
  const file = positionals[0];
  const map = parseMap(values.map);
  const config = loadConfig();
  const db = await openMigratedDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
  try {
    const org = await organisationForCommand(db, values.org);
    const tty = io === processIO && process.stderr.isTTY === true;
    let lastLine = 0;
    const describe = (p: ContactImportProgress) => `${p.rows.toLocaleString('en')} rows · ${p.created} created · ${p.updated} updated · ${p.unchanged} unchanged · ${p.rejected} rejected`;
    const update = (p: ContactImportProgress) => {
      const share = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 1;
      if (tty) io.err(`\r[${'#'.repeat(Math.round(share * 30)).padEnd(30, '-')}] ${(share * 100).toFixed(0).padStart(3)} % ${describe(p)}`);
      else if (Date.now() - lastLine >= 2_000) { lastLine = Date.now(); io.err(`import: ${(share * 100).toFixed(0)} % read, ${describe(p)}\n`); }
    };
    const started = Date.now();
    const summary = await importContactsCsv(db, org.id, file, { map }, update).finally(() => { if (tty) io.err('\n'); });
    const stored = summary.created + summary.updated;
    io.out(`Imported ${stored.toLocaleString('en')} ${stored === 1 ? 'contact' : 'contacts'} from ${file} into "${org.name}" in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    io.out(`  rows read:   ${summary.rows}\n  created:     ${summary.created}\n  updated:     ${summary.updated}\n  unchanged:   ${summary.unchanged}\n  rejected:    ${summary.rejected.length}\n`);
    io.out(`  columns: ${Object.entries(summary.fieldColumns).map(([f, c]) => (f === c ? f : `${f}=${c}`)).join(', ')}${summary.ignoredColumns.length ? `; ignored: ${summary.ignoredColumns.join(', ')}` : ''}\n`);
    printRejectedRows(io, summary.rejected);
    return summary.rejected.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}
