/** `kaiku import benchmarks FILE.csv`: industry comparison figures into the database (src/cli/import.ts dispatches here). */
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import { parseCommandArgs, UsageError, type CliIO } from '../cli/io.ts';
import { benchmarkMetrics, metricScales } from './benchmarks.ts';
import { importBenchmarks } from './service.ts';

export const benchmarksHelp = `Usage: kaiku import benchmarks FILE.csv [--org SLUG]

Imports industry comparison figures into the database Kaiku uses: DATABASE_URL, or the
embedded database in KAIKU_DATA_DIR (default ./data; stop the server first).

Columns (header row; comma, semicolon or tab separated; decimal comma accepted):
  industry   industry code, as set on the organisation (PATCH /api/v1/org {"industry": …})
  metric     ${benchmarkMetrics.map((m) => `${m} = ${metricScales[m].unit}`).join('\n             ')}
  period     2025 (year), 2025-Q3 (quarter) or 2025-07 (month)
  n          companies or respondents behind the figures (optional)
  mean       industry mean (optional)
  p10 … p90  two or more percentile columns p1…p99, non-decreasing (p10,p25,p50,p75,p90 typical)
  source     where the figures come from (optional)

A row for an industry, metric and period already imported replaces it. Invalid rows are
reported with their row number (data rows counted from 1) and the column; the valid rows
are kept.

Options:
  --org SLUG   organisation (required when the database holds more than one)
  -h, --help   this help

Exit status: 0 all rows imported, 1 some rows rejected or an error, 2 usage error.
`;

const PRINTED_REJECTS = 50;

export async function importBenchmarksCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { org: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    io.out(benchmarksHelp);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`Give exactly one CSV file (got ${positionals.length}). See kaiku import benchmarks --help`);
  const file = positionals[0];
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new KaikuError('file_not_readable', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const config = loadConfig();
  const db = await openMigratedDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    const orgs = await db.query<{ id: string; slug: string; name: string }>(
      `select id, slug, name from organizations ${values.org !== undefined ? 'where slug = $1' : 'order by slug limit 2'}`, values.org !== undefined ? [values.org] : []);
    if (values.org !== undefined && !orgs[0]) throw new KaikuError('not_found', `Organisation "${values.org}" not found`);
    if (orgs.length !== 1) throw new UsageError(orgs.length === 0 ? 'The database has no organisation yet (kaiku org create …)' : 'The database has several organisations: choose one with --org SLUG');
    const org = orgs[0];
    const summary = await importBenchmarks(db, org.id, text, (p) => io.err(`import: ${p.imported} of ${p.rows} rows stored, ${p.rejected} rejected\n`));
    io.out(`Imported ${summary.imported} benchmark ${summary.imported === 1 ? 'row' : 'rows'} from ${file} into "${org.name}"\n`);
    io.out(`  rows read:   ${summary.rows}\n  imported:    ${summary.imported}\n  rejected:    ${summary.rejected}\n  percentiles: ${summary.percentileColumns.map((p) => `p${p}`).join(', ')}\n`);
    if (summary.errors.length > 0) {
      io.out('Rejected rows (data rows counted from 1; the header is not counted):\n');
      for (const e of summary.errors.slice(0, PRINTED_REJECTS)) io.out(`  row ${e.row} (${e.field}): ${e.message}\n`);
      if (summary.errors.length > PRINTED_REJECTS) io.out(`  … and ${summary.errors.length - PRINTED_REJECTS} more\n`);
    }
    return summary.errors.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}
