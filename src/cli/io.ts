import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Queryable } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';

/** What a command writes to. Tests pass buffers; the real CLI passes the process streams. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** A command: arguments after its name, returns the exit code. */
export type Command = (args: string[], io: CliIO) => Promise<number>;

export class UsageError extends KaikuError {
  constructor(message: string) {
    super('usage', message, { status: 400 });
  }
}

/** parseArgs with errors turned into UsageError, so every command fails the same way. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Reads a required string option or throws a usage error naming it. */
export function requireOption(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** The organisation a command works on: --org SLUG, or the only one in the database. */
export async function organisationForCommand(db: Queryable, slug: string | undefined): Promise<{ id: string; slug: string; name: string }> {
  const orgs = await db.query<{ id: string; slug: string; name: string }>(
    `select id, slug, name from organizations ${slug !== undefined ? 'where slug = $1' : 'order by slug limit 2'}`, slug !== undefined ? [slug] : []);
  if (slug !== undefined && !orgs[0]) throw new KaikuError('not_found', `Organisation "${slug}" not found`);
  if (orgs.length !== 1) throw new UsageError(orgs.length === 0 ? 'The database has no organisation yet (kaiku org create …)' : 'The database has several organisations: choose one with --org SLUG');
  return orgs[0];
}

/** How many rejected rows an import prints; the rest are counted. */
const PRINTED_REJECTS = 50;

/** The rows an import rejected, with their row numbers and reasons, on stdout. */
export function printRejectedRows(io: CliIO, rejected: Array<{ row: number; reason: string }>): void {
  if (rejected.length === 0) return;
  io.out('Rejected rows (data rows counted from 1; the header is not counted):\n');
  for (const r of rejected.slice(0, PRINTED_REJECTS)) io.out(`  row ${r.row}: ${r.reason}\n`);
  if (rejected.length > PRINTED_REJECTS) io.out(`  … and ${rejected.length - PRINTED_REJECTS} more\n`);
}
