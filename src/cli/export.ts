import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase, type Database } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import { formats, type Format } from '../exports/formats.ts';
import { datasets, type Dataset } from '../exports/queries.ts';
import { exportTable, validateExport, type ExportProgress } from '../exports/service.ts';
import { parseCommandArgs, processIO, requireOption, UsageError, type CliIO, type Command } from './io.ts';
import { recordAudit } from '../audit/log.ts';
import { UUID } from '../vocabulary.ts';

const exportHelp = `Usage: kaiku export <answers|responses> --format csv|xlsx|parquet --out FILE [options]

Writes the answers (one row per answer) or the responses (one row per response, one column per
question key) of an organisation to a file, from the database Kaiku uses: DATABASE_URL, or the
embedded database in KAIKU_DATA_DIR (default ./data; stop the server first, as the embedded
database has one user at a time). The same export is GET /api/v1/exports/<what>.<format>.

Options:
  --format F      csv (UTF-8 with BOM, RFC 4180), xlsx or parquet (required)
  --out FILE      file to write (required); written to FILE.partial and renamed when complete
  --survey ID     only this survey (its organisation is used)
  --org SLUG      organisation (needed when the database has several and no --survey is given)
  --from TIME     submitted at or after (ISO 8601: 2026-01-01 or 2026-01-01T00:00:00Z; UTC if no offset)
  --to TIME       submitted before
  --raw-text      open answers as stored; by default e-mail addresses, phone numbers,
                  henkilötunnus, IBANs and card numbers are redacted ([email], [phone]…);
                  recorded in the audit log
  -h, --help      this help

Contacts are exported by id only. In CSV and XLSX, text cells that start with = + - @ tab or
CR get a leading apostrophe so a spreadsheet never runs them as formulas.

Exit status: 0 written, 1 error (nothing is left at FILE), 2 usage error.
`;


function timeOption(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  // A bare date means midnight UTC, as an ISO time without an offset does.
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new UsageError(`--${name} must be an ISO 8601 date or date-time, got "${value}"`);
  return new Date(ms).toISOString();
}

async function resolveOrg(db: Database, surveyId: string | undefined, slug: string | undefined): Promise<{ id: string; slug: string }> {
  if (surveyId) {
    const [survey] = await db.query<{ org_id: string; slug: string }>(
      `select s.org_id, o.slug from surveys s join organizations o on o.id = s.org_id where s.id = $1`, [surveyId]);
    if (!survey || (slug !== undefined && survey.slug !== slug)) {
      throw new KaikuError('not_found', slug !== undefined ? `Survey ${surveyId} not found in organisation "${slug}"` : `Survey ${surveyId} not found`);
    }
    return { id: survey.org_id, slug: survey.slug };
  }
  if (slug !== undefined) {
    const [org] = await db.query<{ id: string; slug: string }>(`select id, slug from organizations where slug = $1`, [slug]);
    if (!org) throw new KaikuError('not_found', `Organisation "${slug}" not found`);
    return org;
  }
  const orgs = await db.query<{ id: string; slug: string }>(`select id, slug from organizations order by slug limit 2`);
  if (orgs.length === 1) return orgs[0]!;
  throw new UsageError(orgs.length === 0 ? 'The database has no organisation' : 'The database has several organisations: give --org SLUG or --survey ID');
}

/** A counter on a terminal; elsewhere (logs, pipes) a plain line every few seconds. */
function progressReporter(io: CliIO, noun: string) {
  const tty = io === processIO && process.stderr.isTTY === true;
  let lastLine = 0;
  return {
    update(p: ExportProgress) {
      if (tty) io.err(`\rexport: ${p.rows.toLocaleString('en')} ${noun} written`);
      else if (Date.now() - lastLine >= 2_000) {
        lastLine = Date.now();
        io.err(`export: ${p.rows.toLocaleString('en')} ${noun} written\n`);
      }
    },
    done() {
      if (tty) io.err('\n');
    },
  };
}

export const exportCommand: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    out: { type: 'string' },
    survey: { type: 'string' },
    org: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'raw-text': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  }, true);
  if (values.help) {
    io.out(exportHelp);
    return 0;
  }
  if (positionals.length === 0) {
    io.err(exportHelp);
    return 2;
  }
  const [what, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}". See kaiku export --help`);
  if (!(datasets as readonly string[]).includes(what!)) throw new UsageError(`Cannot export "${what}"; use answers or responses`);
  const dataset = what as Dataset;
  const format = requireOption(values, 'format');
  if (!(formats as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')}, got "${format}"`);
  const out = requireOption(values, 'out');
  if (values.survey !== undefined && !UUID.test(values.survey)) throw new UsageError(`--survey must be a survey id (a UUID), got "${values.survey}"`);
  const from = timeOption(values.from, 'from');
  const to = timeOption(values.to, 'to');

  const config = loadConfig();
  const db = await openMigratedDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  const partial = `${out}.partial`;
  try {
    const org = await resolveOrg(db, values.survey, values.org);
    const rawText = values['raw-text'] ?? false;
    const request = { orgId: org.id, scope: { kind: 'all' } as const, dataset, format: format as Format, filters: { surveyId: values.survey, from, to }, rawText };
    await validateExport(db, request);
    if (rawText) await recordAudit(db, { orgId: org.id, actor: {}, action: 'export.download', target: { type: 'dataset', id: dataset }, details: { format, filters: request.filters, rawText, via: 'cli' } });
    const started = Date.now();
    const file = createWriteStream(partial);
    const opened = new Promise<void>((resolve, reject) => { file.once('open', () => resolve()); file.once('error', reject); });
    await opened.catch((error: NodeJS.ErrnoException) => { throw new KaikuError('cannot_write', `Cannot write ${out}: ${error.message}`); });
    // A disk error mid-way must fail the export, not hang it.
    const failed = new Promise<never>((_, reject) => file.once('error', (error) => reject(new KaikuError('cannot_write', `Writing ${out} failed: ${error.message}`))));
    failed.catch(() => {}); // handled by the race below; a late error must not crash the process
    const reporter = progressReporter(io, dataset);
    const summary = await Promise.race([exportTable(db, request, file, reporter.update), failed]).finally(reporter.done);
    await rename(partial, out);
    const size = (await stat(out)).size;
    const seconds = (Date.now() - started) / 1000;
    io.out(`Exported ${summary.rows.toLocaleString('en')} ${summary.rows === 1 ? dataset.slice(0, -1) : dataset} of "${org.slug}" to ${out} (${(size / 2 ** 20).toFixed(1)} MB) in ${seconds.toFixed(1)} s\n`);
    return 0;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await db.close();
  }
};
