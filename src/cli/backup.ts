import { resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import { backupDatabase, restoreDatabase, type BackupProgress } from '../backup/service.ts';
import { parseCommandArgs, UsageError, type CliIO, type Command } from './io.ts';
import { progressBar } from './progress.ts';

const backupHelp = `Usage: kaiku backup FILE

Writes a logical backup of the whole database Kaiku uses (DATABASE_URL, or the embedded
database in KAIKU_DATA_DIR — stop the server first when using the embedded database) to FILE:
gzip-compressed JSON lines, every organisation, one consistent snapshot (the server may keep
running on PostgreSQL). FILE appears only when the backup is complete.

Not included: queued background jobs (recurring jobs are re-created at start).
Restore with the same Kaiku version: kaiku restore FILE.
`;

const restoreHelp = `Usage: kaiku restore FILE

Restores a backup made by kaiku backup into an empty database (DATABASE_URL, or a new
KAIKU_DATA_DIR), in one transaction: on any error the database stays empty. The database is
migrated first and must have the same migrations as the backup (same Kaiku version).
`;

function reporter(io: CliIO, label: string) {
  const bar = progressBar(io, label);
  return {
    update: (p: BackupProgress) => bar.update(p.totalRows === 0 ? 1 : p.rows / p.totalRows, `${p.rows.toLocaleString('en')} / ${p.totalRows.toLocaleString('en')} rows (${p.table})`),
    done: bar.done,
  };
}

function fileArgument(args: string[], help: string, io: CliIO): string | undefined {
  const { values, positionals } = parseCommandArgs(args, { help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) { io.out(help); return undefined; }
  if (positionals.length !== 1) throw new UsageError(`Give exactly one backup file (got ${positionals.length}). See --help`);
  return resolve(positionals[0]);
}

const openDatabase = () => {
  const config = loadConfig();
  return openMigratedDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
};

const summary = (tables: Record<string, number>) => {
  const rows = Object.values(tables).reduce((a, b) => a + b, 0);
  return `${rows.toLocaleString('en')} rows in ${Object.keys(tables).length} tables (${tables.organizations ?? 0} organisations, ${(tables.responses ?? 0).toLocaleString('en')} responses)`;
};

export const backupCommand: Command = async (args, io) => {
  const file = fileArgument(args, backupHelp, io);
  if (!file) return 0;
  const db = await openDatabase();
  const progress = reporter(io, 'backup');
  try {
    const header = await backupDatabase(db, file, progress.update).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'EACCES') throw new KaikuError('file_not_writable', `Cannot write ${file}: ${error.code}`);
      throw error;
    });
    progress.done();
    io.out(`Backed up ${summary(header.tables)} to ${file}\n`);
    return 0;
  } finally {
    progress.done();
    await db.close();
  }
};

export const restoreCommand: Command = async (args, io) => {
  const file = fileArgument(args, restoreHelp, io);
  if (!file) return 0;
  const db = await openDatabase();
  const progress = reporter(io, 'restore');
  try {
    const header = await restoreDatabase(db, file, progress.update);
    progress.done();
    io.out(`Restored ${summary(header.tables)} from ${file} (backup of ${header.createdAt})\n`);
    return 0;
  } finally {
    progress.done();
    await db.close();
  }
};
