/**
 * One interface over the two databases Kaiku runs on: embedded PGlite (a data directory,
 * no server) and a PostgreSQL server (`DATABASE_URL`). Services talk SQL through `query` and
 * `transaction`; typed CRUD may use `orm` (Drizzle) where it reads better.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { KaikuError } from '../errors.ts';
import * as schema from './schema.ts';

export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Something that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  /**
   * `name` makes it a prepared statement on a server connection: parsed and planned once per
   * connection instead of on every call. Use it for hot, fixed SQL (response ingestion).
   */
  query<T = Record<string, unknown>>(text: string, params?: unknown[], name?: string): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  readonly orm: Orm;
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Applies pending migrations; safe when several processes start at once (advisory lock). */
  migrate(): Promise<void>;
  /**
   * Runs SQL as given: without parameters it may hold several statements (the result of the
   * last is returned). For libraries that bring their own SQL, such as the job queue.
   */
  script(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// int8 (counts, sums) as numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
// numeric as numbers: scores and averages, not money.
pg.types.setTypeParser(1700, (value) => Number.parseFloat(value));

export interface PostgresOptions {
  url: string;
  /** Pool size; the default suits one app process on a small machine. */
  max?: number;
}

export function openPostgres(options: PostgresOptions): Database {
  // plan_cache_mode stays at its default on purpose: forcing generic plans saved 1.3 ms of
  // planning per ingestion statement, but a generic plan made while a table is still empty
  // scans it in full for the rest of the connection's life. Group commit amortises the
  // planning instead; connections are renewed hourly so no cached plan outlives its statistics.
  const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 20, idleTimeoutMillis: 30_000, maxLifetimeSeconds: 3600 });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const orm = drizzlePg(pool, { schema }) as unknown as Orm;
  return {
    kind: 'postgres',
    orm,
    async query<T>(text: string, params?: unknown[], name?: string) {
      return (await pool.query(name ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] })).rows as T[];
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({
          query: async <R>(text: string, params?: unknown[], name?: string) =>
            (await client.query(name ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] })).rows as R[],
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async migrate() {
      const client = await pool.connect();
      try {
        // Two app processes starting together must not both run the same migration.
        await client.query('select pg_advisory_lock(7406329113)');
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock(7406329113)').catch(() => {});
        client.release();
      }
    },
    async script(text: string, params?: unknown[]) {
      const result = await pool.query(text, params as unknown[]);
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
    },
    close: () => pool.end(),
  };
}

export interface PgliteOptions {
  /** Data directory; omitted = in memory (tests). */
  dataDir?: string;
}

export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  let releaseLock = () => {};
  let client: PGlite;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    releaseLock = lockDataDir(options.dataDir);
    try {
      client = new PGlite(join(options.dataDir, 'pg'));
      await client.waitReady;
    } catch (error) {
      releaseLock();
      throw error;
    }
  } else {
    client = new PGlite();
    await client.waitReady;
  }
  const orm = drizzlePglite(client, { schema }) as unknown as Orm;
  return {
    kind: 'pglite',
    orm,
    async query<T>(text: string, params?: unknown[]) {
      return (await client.query<T>(text, params)).rows;
    },
    transaction<T>(work: (tx: Queryable) => Promise<T>) {
      return client.transaction((tx) => work({ query: async <R>(text: string, params?: unknown[]) => (await tx.query<R>(text, params)).rows }));
    },
    async migrate() {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    },
    async script(text: string, params?: unknown[]) {
      if (params && params.length > 0) return { rows: (await client.query<Record<string, unknown>>(text, params)).rows };
      const results = await client.exec(text);
      return { rows: (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[] };
    },
    async close() {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * PGlite is a single-process database: a second process writing the same directory would
 * corrupt it. A lock file holding our PID keeps the second one out with a clear message;
 * a lock left by a process that no longer exists is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockPath = join(dataDir, 'kaiku.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && processAlive(holder)) {
        throw new KaikuError(
          'data_dir_locked',
          `The data directory ${dataDir} is in use by another Kaiku process (PID ${holder}). Stop it first, or set KAIKU_DATA_DIR to another directory.`,
          { status: 503 },
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new KaikuError('data_dir_locked', `Could not lock the data directory ${dataDir}`, { status: 503 });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DatabaseConfig {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
}

/** DATABASE_URL set → that server; otherwise PGlite in the data directory. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres({ url: config.databaseUrl, max: config.poolSize });
  return openPglite({ dataDir: config.dataDir });
}

/**
 * Opens the configured database and applies pending migrations: what every command that
 * works on the data (serve, migrate, import, org) starts with. A locked PGlite directory gets
 * the advice a user needs.
 */
export async function openMigratedDatabase(config: DatabaseConfig): Promise<Database> {
  let db: Database;
  try {
    db = await openDatabase(config);
  } catch (error) {
    if (error instanceof KaikuError && error.code === 'data_dir_locked') {
      throw new KaikuError('data_dir_locked', `${error.message}\nThe embedded database (PGlite) serves one process at a time: stop the server, run the command, then start the server again. With PostgreSQL (DATABASE_URL) commands run while the server is up.`, { status: 503 });
    }
    throw error;
  }
  try {
    await db.migrate();
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
