/** `kaiku import texts FILE.csv`: imported feedback texts (src/cli/import.ts dispatches here). */
import { writeFile } from 'node:fs/promises';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../db/connection.ts';
import { organisationForCommand, parseCommandArgs, UsageError, type CliIO } from '../cli/io.ts';
import { FEEDBACK_SOURCES, MAX_FEEDBACK_TEXT, importFeedbackCsv } from './feedback.ts';

export const textsHelp = `Usage: kaiku import texts FILE.csv (--source SOURCE | --source-column COL) [options]

Imports feedback that did not come from a survey — complaints, chat transcripts, e-mails, social
posts, reviews — from a CSV file (comma, semicolon or tab separated, with a header row) into the
database Kaiku uses: DATABASE_URL, or the embedded database in KAIKU_DATA_DIR (default ./data;
stop the server first). The server's text-analysis job then analyses them like open answers
(language, sentiment, topics); the text API shows them beside survey answers (source filter).

Options:
  --source SOURCE          source of every row: ${FEEDBACK_SOURCES.join(', ')}
  --source-column COL      a column holding the source per row instead
  --text-column COL        the text (default: text)
  --id-column COL          your id of the text; importing it again stores nothing twice
                           (default: the file's SHA-256 and the row number)
  --time-column COL        when it was written, ISO 8601 (default: now)
  --language-column COL    fi, sv, en or pl if known (detected otherwise)
  --contact-column COL     contact external id
  --unit-column COL        unit id
  --touchpoint-column COL  touchpoint id
  --org SLUG               organisation (required when the database holds more than one)
  --rejects FILE.csv       also write the rejected rows (row, field, reason)
  --dry-run                validate and count, store nothing
  -h, --help               this help

Each row is stored or rejected on its own, with its row number (data rows counted from 1, the
header not counted) and the reason: an empty text, binary data, a text over
${MAX_FEEDBACK_TEXT.toLocaleString('en')} characters, an unknown contact, unit or touchpoint, a bad time.

Exit status: 0 all rows imported or already present, 1 some rows rejected (the valid rows are
kept) or an error, 2 usage error.
`;

const PRINTED_REJECTS = 50;
const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export async function importTextsCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    source: { type: 'string' },
    'source-column': { type: 'string' },
    'text-column': { type: 'string' },
    'id-column': { type: 'string' },
    'time-column': { type: 'string' },
    'language-column': { type: 'string' },
    'contact-column': { type: 'string' },
    'unit-column': { type: 'string' },
    'touchpoint-column': { type: 'string' },
    org: { type: 'string' },
    rejects: { type: 'string' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  }, true);
  if (values.help) {
    io.out(textsHelp);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`Give exactly one CSV file (got ${positionals.length}). See kaiku import texts --help`);
  if (!values.source && !values['source-column']) throw new UsageError(`Give --source (${FEEDBACK_SOURCES.join(', ')}) or --source-column COL`);
  if (values.source && !(FEEDBACK_SOURCES as readonly string[]).includes(values.source)) {
    throw new UsageError(`--source must be one of ${FEEDBACK_SOURCES.join(', ')}, got "${values.source}"`);
  }
  const file = positionals[0];
  const config = loadConfig();
  const db = await openMigratedDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
  try {
    const org = await organisationForCommand(db, values.org);
    const started = Date.now();
    const summary = await importFeedbackCsv(db, org.id, file, {
      source: values.source,
      sourceColumn: values['source-column'],
      textColumn: values['text-column'] ?? 'text',
      idColumn: values['id-column'],
      timeColumn: values['time-column'],
      languageColumn: values['language-column'],
      contactColumn: values['contact-column'],
      unitColumn: values['unit-column'],
      touchpointColumn: values['touchpoint-column'],
      dryRun: values['dry-run'] ?? false,
    });
    const verb = values['dry-run'] ? 'Dry run (nothing stored): would import' : 'Imported';
    io.out(`${verb} ${summary.imported.toLocaleString('en')} ${summary.imported === 1 ? 'text' : 'texts'} from ${file} into "${org.name}" in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    io.out(`  rows read:           ${summary.rows}\n  imported:            ${summary.imported}\n  duplicates skipped:  ${summary.duplicates}\n  rejected:            ${summary.rejected.length}\n`);
    if (summary.rejected.length > 0) {
      io.out('Rejected rows (data rows counted from 1; the header is not counted):\n');
      for (const r of summary.rejected.slice(0, PRINTED_REJECTS)) io.out(`  row ${r.row}: ${r.reason}\n`);
      if (summary.rejected.length > PRINTED_REJECTS) io.out(`  … and ${summary.rejected.length - PRINTED_REJECTS} more${values.rejects ? '' : ' (--rejects FILE.csv writes them all)'}\n`);
    }
    if (values.rejects) {
      const lines = [['row', 'field', 'reason'].join(','), ...summary.rejected.map((r) => [r.row, r.field, r.reason].map(csvCell).join(','))];
      await writeFile(values.rejects, `${lines.join('\n')}\n`);
      io.out(`Rejected rows written to ${values.rejects}\n`);
    }
    return summary.rejected.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}
