import { writeFile } from 'node:fs/promises';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase, type Database } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import { importResponsesCsv, type ImportOptions, type ImportProgress, type ImportSummary } from '../responses/import.ts';
import { parseCommandArgs, processIO, requireOption, UsageError, type CliIO, type Command } from './io.ts';
import { UUID } from '../vocabulary.ts';

/**
 * `kaiku import <what>`: bulk data from CSV into the database the server uses (DATABASE_URL,
 * else the PGlite data directory). Exit codes: 0 every row imported (or already there),
 * 1 some rows rejected (the valid ones are kept) or an error, 2 usage errors.
 */
const importHelp = `Usage: kaiku import <what> FILE.csv [options]

What:
  responses   survey responses, one row each (kaiku import responses --help)
  contacts    contacts, upserted by external id (kaiku import contacts --help)
  events      touchpoint events from a CRM, POS or ticketing extract (kaiku import events --help)
  benchmarks  industry comparison figures: NPS, CSAT, CES percentiles (kaiku import benchmarks --help)
  texts       complaints, chats, e-mails, social posts, reviews (kaiku import texts --help)
`;

const responsesHelp = `Usage: kaiku import responses FILE.csv --survey ID [options]

Imports survey responses from a CSV file (comma, semicolon or tab separated, with a header row)
into the database Kaiku uses: DATABASE_URL, or the embedded database in KAIKU_DATA_DIR
(default ./data; stop the server first, as the embedded database has one user at a time).

Each row is one response. Columns named like the survey's question keys are answers (nps,
nps_why, …); --map names other columns. Scores must be whole numbers in the question's scale;
"EOS", "dk", "don't know", "vet ej", "nie wiem" are don't-know answers; multiple-choice values
are separated by "|".

Options:
  --survey ID              survey to import into (required)
  --org SLUG               organisation (default: the survey's)
  --map Q=COL,...          question key = column, for columns not named like the question
  --touchpoint-column COL  touchpoint id or name
  --unit-column COL        unit id or name
  --employee-column COL    employee id or external id
  --contact-column COL     contact external id
  --language-column COL    respondent language (fi, sv, en, pl…)
  --time-column COL        submission time: ISO 8601 (UTC if no offset), 2026-03-01 14:30 or 1.3.2026 14:30
  --id-column COL          stable row id; makes re-imports idempotent even if rows move
  --rejects FILE.csv       also write the rejected rows (row, reason, original columns)
  --dry-run                validate and count, store nothing
  -h, --help               this help

Valid rows are stored in chunks of 2,000, each all-or-nothing; invalid rows are reported with
their row number (data rows counted from 1, the header not counted) and the reason. Every row
has an idempotency key (the file's SHA-256 and the row number, or the id column), so running the
same file again stores nothing twice and resumes an interrupted import.

Exit status: 0 all rows imported or already present, 1 some rows rejected (the valid rows are
kept) or an error, 2 usage error.
`;

export const importCommand: Command = async (args, io) => {
  const [what, ...rest] = args;
  if (!what || what === '--help' || what === '-h') {
    io.out(importHelp);
    return what ? 0 : 2;
  }
  if (what === 'contacts') return (await import('../contacts/cli.ts')).importContactsCommand(rest, io);
  if (what === 'events') return (await import('../events/cli.ts')).importEventsCommand(rest, io);
  if (what === 'benchmarks') return (await import('../benchmarks/cli.ts')).importBenchmarksCommand(rest, io);
  if (what === 'texts') return (await import('../text/import-cli.ts')).importTextsCommand(rest, io);
  if (what !== 'responses') throw new UsageError(`Cannot import "${what}"; kaiku import responses|contacts|events|texts|benchmarks FILE.csv is what exists`);
  return importResponsesCommand(rest, io);
};

function parseMap(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  const map: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) throw new UsageError(`--map expects question=column pairs separated by commas, got "${pair}"`);
    map[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return map;
}


function openForImport(): Promise<Database> {
  const config = loadConfig();
  return openMigratedDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
}

/** A bar on a terminal; elsewhere (logs, pipes) a plain line every few seconds. */
function progressReporter(io: CliIO): { update: (p: ImportProgress) => void; done: () => void } {
  const tty = io === processIO && process.stderr.isTTY === true;
  let lastLine = 0;
  const describe = (p: ImportProgress) => `${p.rows.toLocaleString('en')} rows · ${p.imported.toLocaleString('en')} imported · ${p.duplicates.toLocaleString('en')} duplicates · ${p.rejected.toLocaleString('en')} rejected`;
  return {
    update(p) {
      const share = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 1;
      if (tty) {
        const width = 30;
        const filled = Math.round(share * width);
        io.err(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)} % ${describe(p)}`);
      } else if (Date.now() - lastLine >= 2_000) {
        lastLine = Date.now();
        io.err(`import: ${(share * 100).toFixed(0)} % read, ${describe(p)}\n`);
      }
    },
    done() {
      if (tty) io.err('\n');
    },
  };
}

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

async function writeRejects(path: string, summary: ImportSummary): Promise<void> {
  const lines = [['row', 'reason', ...summary.columns].map(csvCell).join(',')];
  for (const r of summary.rejected) lines.push([r.row, r.reason, ...r.values].map(csvCell).join(','));
  await writeFile(path, `${lines.join('\n')}\n`);
}

/** How many rejected rows are printed; --rejects writes them all. */
const PRINTED_REJECTS = 50;

async function importResponsesCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    survey: { type: 'string' },
    org: { type: 'string' },
    map: { type: 'string' },
    'touchpoint-column': { type: 'string' },
    'unit-column': { type: 'string' },
    'employee-column': { type: 'string' },
    'contact-column': { type: 'string' },
    'language-column': { type: 'string' },
    'time-column': { type: 'string' },
    'id-column': { type: 'string' },
    rejects: { type: 'string' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  }, true);
  if (values.help) {
    io.out(responsesHelp);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`Give exactly one CSV file (got ${positionals.length}). See kaiku import responses --help`);
  const file = positionals[0];
  const surveyId = requireOption(values, 'survey');
  if (!UUID.test(surveyId)) throw new UsageError(`--survey must be a survey id (a UUID), got "${surveyId}"`);
  const options: ImportOptions = {
    surveyId,
    map: parseMap(values.map),
    touchpointColumn: values['touchpoint-column'],
    unitColumn: values['unit-column'],
    employeeColumn: values['employee-column'],
    contactColumn: values['contact-column'],
    languageColumn: values['language-column'],
    timeColumn: values['time-column'],
    idColumn: values['id-column'],
    dryRun: values['dry-run'] ?? false,
  };

  const db = await openForImport();
  try {
    const [survey] = await db.query<{ org_id: string; slug: string; name: string }>(
      `select s.org_id, o.slug, s.name from surveys s join organizations o on o.id = s.org_id where s.id = $1`, [surveyId]);
    if (!survey || (values.org !== undefined && survey.slug !== values.org)) {
      throw new KaikuError('not_found', values.org !== undefined ? `Survey ${surveyId} not found in organisation "${values.org}"` : `Survey ${surveyId} not found`);
    }
    const started = Date.now();
    const reporter = progressReporter(io);
    const summary = await importResponsesCsv(db, survey.org_id, file, options, reporter.update).finally(reporter.done);
    const seconds = (Date.now() - started) / 1000;
    const verb = summary.dryRun ? 'Dry run (nothing stored): would import' : 'Imported';
    io.out(`${verb} ${summary.imported.toLocaleString('en')} ${summary.imported === 1 ? 'response' : 'responses'} (${summary.answers.toLocaleString('en')} answers) from ${file} into "${survey.name}" in ${seconds.toFixed(1)} s\n`);
    io.out(`  rows read:           ${summary.rows}\n  imported:            ${summary.imported}\n  duplicates skipped:  ${summary.duplicates}\n  rejected:            ${summary.rejected.length}\n`);
    io.out(`  columns: ${Object.entries(summary.questionColumns).map(([q, c]) => (q === c ? q : `${q}=${c}`)).join(', ')}${summary.ignoredColumns.length ? `; ignored: ${summary.ignoredColumns.join(', ')}` : ''}\n`);
    if (summary.rejected.length > 0) {
      io.out(`Rejected rows (data rows counted from 1; the header is not counted):\n`);
      for (const r of summary.rejected.slice(0, PRINTED_REJECTS)) io.out(`  row ${r.row}: ${r.reason}\n`);
      if (summary.rejected.length > PRINTED_REJECTS) io.out(`  … and ${summary.rejected.length - PRINTED_REJECTS} more${values.rejects ? '' : ' (--rejects FILE.csv writes them all)'}\n`);
    }
    if (values.rejects) {
      await writeRejects(values.rejects, summary);
      io.out(`Rejected rows written to ${values.rejects}\n`);
    }
    return summary.rejected.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}
