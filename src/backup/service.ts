/**
 * Logical backup and restore of a whole Kaiku database, on PGlite and PostgreSQL alike.
 *
 * A backup is gzip-compressed JSON lines: a header (format, version, the migrations the data
 * was written under, row counts), then per table a line naming it and its columns followed
 * by one `to_jsonb(row)` object per line. Everything is read in one REPEATABLE READ, READ ONLY
 * transaction, so the file is one consistent snapshot while the server keeps running.
 * Tables come parents first (foreign keys), and the rows of a self-referencing table (the
 * unit tree) parents first, so a restore inserts in file order.
 *
 * Restore is into an empty database migrated to the same migrations, in one transaction
 * (a failure leaves the database empty); user triggers (the score-histogram rollups) are off
 * while loading, because the backup holds their tables as they were. Not included: the job
 * queue (pg-boss schema; recurring jobs are re-created at start) and the migrations table.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database, Queryable } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';

export const BACKUP_FORMAT = 'kaiku-backup';
export const BACKUP_VERSION = 1;
const BATCH = 2000;

interface TableInfo {
  name: string;
  columns: string[];
  identityColumns: string[];
  /** Foreign keys of the table to itself: child columns → referenced columns. */
  selfReferences: Array<{ columns: string[]; references: string[] }>;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: Record<string, number>;
}

export interface BackupProgress { table: string; rows: number; totalRows: number }

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function appliedMigrations(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ hash: string }>(`select hash from drizzle.__drizzle_migrations order by created_at, id`);
  return rows.map((r) => r.hash);
}

/** The public tables, each after every table it references (Kahn's algorithm). */
async function tablesInDependencyOrder(db: Queryable): Promise<TableInfo[]> {
  const columns = await db.query<{ table_name: string; column_name: string; is_identity: string }>(
    `select table_name, column_name, is_identity from information_schema.columns
      where table_schema = 'public' and table_name in (select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE')
      order by table_name, ordinal_position`);
  const foreignKeys = await db.query<{ child: string; parent: string; columns: string[]; references: string[] }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
            array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns,
            array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as references
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`);
  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    let table = tables.get(c.table_name);
    if (!table) { table = { name: c.table_name, columns: [], identityColumns: [], selfReferences: [] }; tables.set(c.table_name, table); }
    table.columns.push(c.column_name);
    if (c.is_identity === 'YES') table.identityColumns.push(c.column_name);
  }
  const unquote = (name: string) => name.replace(/^"|"$/g, '');
  const parents = new Map<string, Set<string>>([...tables.keys()].map((t) => [t, new Set<string>()]));
  for (const fk of foreignKeys) {
    const child = unquote(fk.child);
    const parent = unquote(fk.parent);
    if (child === parent) tables.get(child)?.selfReferences.push({ columns: fk.columns, references: fk.references });
    else parents.get(child)?.add(parent);
  }
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  while (done.size < tables.size) {
    const ready = [...tables.keys()].filter((t) => !done.has(t) && [...(parents.get(t) ?? [])].every((p) => done.has(p) || !tables.has(p))).sort();
    if (ready.length === 0) throw new KaikuError('backup_failed', 'The tables reference each other in a cycle; cannot order them for restore', { status: 500 });
    for (const t of ready) { done.add(t); ordered.push(tables.get(t) as TableInfo); }
  }
  return ordered;
}

/** SELECT of a table's rows as JSON, parents before children for a self-referencing table. */
function rowsQuery(table: TableInfo): string {
  const t = ident(table.name);
  if (table.selfReferences.length !== 1) return `select to_jsonb(x)::text as row from ${t} x`;
  const { columns, references } = table.selfReferences[0];
  const list = (alias: string, cols: string[]) => cols.map((c) => `${alias}.${ident(c)}`).join(', ');
  // A row whose reference has a null column references nothing (MATCH SIMPLE): a root.
  const root = columns.map((c) => `x.${ident(c)} is null`).join(' or ');
  return `with recursive tree as (
      select ${list('x', references)}, 0 as depth from ${t} x where ${root}
      union all
      select ${list('c', references)}, tree.depth + 1 from ${t} c join tree on (${list('c', columns)}) = (${list('tree', references)}))
    select to_jsonb(x)::text as row from ${t} x join tree on (${list('x', references)}) = (${list('tree', references)}) order by tree.depth`;
}

async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** Writes a consistent backup of the whole database to `file` (replaced only when complete). */
export async function backupDatabase(db: Database, file: string, onProgress: (p: BackupProgress) => void = () => {}): Promise<BackupHeader> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const sink = createWriteStream(partial);
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve);
    sink.on('error', reject);
    gzip.on('error', reject);
  });
  gzip.pipe(sink);
  try {
    const header = await db.transaction(async (tx) => {
      await tx.query('set transaction isolation level repeatable read, read only');
      const tables = await tablesInDependencyOrder(tx);
      const counts: Record<string, number> = {};
      for (const table of tables) {
        counts[table.name] = (await tx.query<{ n: number }>(`select count(*)::int as n from ${ident(table.name)}`))[0].n;
      }
      const totalRows = Object.values(counts).reduce((a, b) => a + b, 0);
      const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), migrations: await appliedMigrations(tx), tables: counts };
      await write(gzip, `${JSON.stringify(header)}\n`);
      let done = 0;
      for (const table of tables) {
        await write(gzip, `${JSON.stringify({ table: table.name, columns: table.columns })}\n`);
        await tx.query(`declare backup_rows no scroll cursor for ${rowsQuery(table)}`);
        let written = 0;
        for (;;) {
          const rows = await tx.query<{ row: string }>(`fetch ${BATCH} from backup_rows`);
          if (rows.length === 0) break;
          await write(gzip, rows.map((r) => `${r.row}\n`).join(''));
          written += rows.length;
          done += rows.length;
          onProgress({ table: table.name, rows: done, totalRows });
        }
        await tx.query('close backup_rows');
        if (written !== counts[table.name]) {
          throw new KaikuError('backup_failed', `Table ${table.name}: wrote ${written} of ${counts[table.name]} rows (a reference cycle in the table?)`, { status: 500 });
        }
      }
      return header;
    });
    gzip.end();
    await finished;
    await rename(partial, file);
    return header;
  } catch (error) {
    gzip.destroy();
    sink.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/** Restores a backup into an empty database migrated to the same migrations as the backup. */
export async function restoreDatabase(db: Database, file: string, onProgress: (p: BackupProgress) => void = () => {}): Promise<BackupHeader> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  // A missing file or a file that is not gzip surfaces as a stream error, from whichever stream sees it first.
  const unreadable = (error: Error & { code?: string }) => (error.code === 'ENOENT'
    ? new KaikuError('not_found', `Backup file ${file} not found`)
    : new KaikuError('invalid_backup', `${file} is not a Kaiku backup (${error.message})`));
  const failed = new Promise<never>((_, reject) => {
    input.on('error', (error) => reject(unreadable(error)));
    gunzip.on('error', (error) => reject(unreadable(error)));
  });
  failed.catch(() => {});
  const iterator = lines[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string | undefined> => {
    try {
      const result = await Promise.race([iterator.next(), failed]);
      return result.done ? undefined : result.value;
    } catch (error) {
      throw error instanceof KaikuError ? error : unreadable(error as Error);
    }
  };
  try {
    const first = await nextLine();
    let header: BackupHeader;
    try {
      header = JSON.parse(first ?? '') as BackupHeader;
    } catch {
      throw new KaikuError('invalid_backup', `${file} is not a Kaiku backup`);
    }
    if (header.format !== BACKUP_FORMAT) throw new KaikuError('invalid_backup', `${file} is not a Kaiku backup`);
    if (header.version !== BACKUP_VERSION) throw new KaikuError('invalid_backup', `${file} is backup format version ${header.version}; this Kaiku reads version ${BACKUP_VERSION}`);
    const migrations = await appliedMigrations(db);
    if (migrations.join() !== header.migrations.join()) {
      throw new KaikuError('version_mismatch', `The backup was made with ${header.migrations.length} database migrations and this Kaiku has ${migrations.length}: restore with the Kaiku version that made the backup, then upgrade`);
    }
    const tables = new Map((await tablesInDependencyOrder(db)).map((t) => [t.name, t]));
    const occupied = [];
    for (const name of tables.keys()) {
      if ((await db.query(`select 1 from ${ident(name)} limit 1`)).length > 0) occupied.push(name);
    }
    if (occupied.length > 0) throw new KaikuError('not_empty', `Restore needs an empty database; ${occupied.slice(0, 5).join(', ')}${occupied.length > 5 ? '…' : ''} already hold data`);

    const totalRows = Object.values(header.tables).reduce((a, b) => a + b, 0);
    await db.transaction(async (tx) => {
      for (const name of tables.keys()) await tx.query(`alter table ${ident(name)} disable trigger user`);
      let done = 0;
      const restored: Record<string, number> = {};
      let table: TableInfo | undefined;
      let columnsSql = '';
      let batch: string[] = [];
      const flush = async () => {
        if (!table || batch.length === 0) return;
        const overriding = table.identityColumns.length > 0 ? 'overriding system value' : '';
        await tx.query(`insert into ${ident(table.name)} (${columnsSql}) ${overriding}
          select ${columnsSql} from jsonb_populate_recordset(null::${ident(table.name)}, $1::jsonb)`, [`[${batch.join(',')}]`]);
        done += batch.length;
        restored[table.name] += batch.length;
        batch = [];
        onProgress({ table: table.name, rows: done, totalRows });
      };
      for (let line = await nextLine(); line !== undefined; line = await nextLine()) {
        if (line.startsWith('{"table":')) {
          await flush();
          const section = JSON.parse(line) as { table: string; columns: string[] };
          table = tables.get(section.table);
          if (!table) throw new KaikuError('invalid_backup', `The backup holds table ${section.table}, which this database does not have`);
          const missing = section.columns.filter((c) => !table!.columns.includes(c));
          if (missing.length > 0) throw new KaikuError('invalid_backup', `Table ${section.table} in the backup has columns this database lacks: ${missing.join(', ')}`);
          columnsSql = section.columns.map(ident).join(', ');
          restored[table.name] = 0;
          continue;
        }
        if (!table) throw new KaikuError('invalid_backup', `${file} has rows before any table`);
        batch.push(line);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      const short = Object.entries(header.tables).find(([name, rows]) => restored[name] !== rows);
      if (short) throw new KaikuError('invalid_backup', `${file} is truncated: table ${short[0]} has ${restored[short[0]] ?? 'no'} of ${short[1]} rows (${done} of ${totalRows} in all)`);
      for (const t of tables.values()) {
        await tx.query(`alter table ${ident(t.name)} enable trigger user`);
        for (const column of t.identityColumns) {
          await tx.query(`select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${ident(column)}) from ${ident(t.name)}), 0) + 1, false)`, [t.name, column]);
        }
      }
    });
    return header;
  } finally {
    lines.close();
    input.destroy();
  }
}
