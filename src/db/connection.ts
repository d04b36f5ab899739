/**
 * One interface over the two databases Kaiku runs on: embedded PGlite (a data directory,
 * no server) and a PostgreSQL server (`DATABASE_URL`). Services talk SQL through `query` and
 * `transaction`. With row-level security on (KAIKU_DB_RLS), each call runs in the scope of its
 * async context (src/db/scope.ts): the connection it uses is switched to that organisation, or
 * to the system scope, before the call, and only when it differs from the connection's last.
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
import { KaikuError } from '../errors.ts';
import * as schema from './schema.ts';
import { asSystem, currentScope, type DbScope } from './scope.ts';

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
  /** Row-level security applied per call (KAIKU_DB_RLS); off = every call sees every row. */
  readonly rls: boolean;
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Applies pending migrations; safe when several processes start at once (advisory lock). */
  migrate(): Promise<void>;
  /**
   * Runs SQL as given: without parameters it may hold several statements (the result of the
   * last is returned). For libraries that bring their own SQL, such as the job queue; always in
   * the system scope (the job queue's tables are not an organisation's).
   */
  script(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// int8 (counts, sums) as numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
// numeric as numbers: scores and averages, not money.
pg.types.setTypeParser(1700, (value) => Number.parseFloat(value));

/**
 * KAIKU_DB_RLS=on|off (default on, unset or empty included): whether calls run in their
 * row-level-security scope. `off` leaves only the first wall, every query's own org_id condition.
 */
export function rlsFromEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.KAIKU_DB_RLS ?? '').trim().toLowerCase();
  if (['on', 'true', '1', ''].includes(value)) return true;
  if (['off', 'false', '0'].includes(value)) return false;
  throw new KaikuError('invalid_config', `KAIKU_DB_RLS must be on or off, not "${env.KAIKU_DB_RLS}"`, { status: 500 });
}

/**
 * What a connection is set to for a scope (read by the policies of migration 0023_rls.sql):
 * the role, kaiku.org_id and kaiku.system, set for the session, never inside a transaction (a
 * rollback would undo the setting without our knowing).
 */
interface ScopeSettings {
  key: string;
  values: [role: string, orgId: string, system: string];
}

const SYSTEM_SETTINGS: ScopeSettings = { key: 'system', values: ['none', '', 'on'] };
const APPLY_SETTINGS = `select set_config('role', $1, false), set_config('kaiku.org_id', $2, false), set_config('kaiku.system', $3, false)`;

/**
 * Superusers and roles with BYPASSRLS are never restricted by policies: when the app connects
 * as one (PGlite always does; so do setups that connect as postgres), organisation-scoped work
 * switches to the role kaiku_app. Any other user (the tables' owner included, as the tables
 * force row security) is restricted as it is.
 */
function scopeSettingsFor(rls: boolean, probe: (text: string) => Promise<Array<{ bypasses: boolean; has_role: boolean }>>) {
  let orgRole: string | undefined;
  return async (scope: DbScope): Promise<ScopeSettings> => {
    if (!rls || scope.kind === 'system') return SYSTEM_SETTINGS;
    if (orgRole === undefined) {
      const [found] = await probe(`select coalesce((select rolsuper or rolbypassrls from pg_roles where rolname = session_user), false) as bypasses,
                                          exists (select 1 from pg_roles where rolname = 'kaiku_app') as has_role`);
      if (found.bypasses && !found.has_role) {
        throw new KaikuError('rls_role_missing', 'KAIKU_DB_RLS is on and the database user bypasses row-level security (superuser or BYPASSRLS), but the role kaiku_app to switch to does not exist: run the migrations as a user that may create roles, connect as a user that is not a superuser, or set KAIKU_DB_RLS=off', { status: 503 });
      }
      orgRole = found.bypasses ? 'kaiku_app' : 'none';
    }
    return { key: `${orgRole} ${scope.orgId}`, values: [orgRole, scope.orgId, ''] };
  };
}

/**
 * New connections start in the system scope (kaiku.system = on, as a startup option in the URL):
 * with RLS off that is all they ever need, also when the user is the tables' owner, whom FORCE
 * subjects to the policies; with RLS on it saves the first switch of a connection used by system
 * work. A URL that cannot be parsed is left as it is; with RLS off only a superuser then sees rows.
 */
function systemScopeAtStart(url: string): { url: string; systemAtStart: boolean } {
  try {
    const parsed = new URL(url);
    const given = parsed.searchParams.get('options');
    parsed.searchParams.set('options', `${given ? `${given} ` : ''}-c kaiku.system=on`);
    return { url: parsed.toString(), systemAtStart: true };
  } catch {
    return { url, systemAtStart: false };
  }
}

export interface PostgresOptions {
  url: string;
  /** Pool size; the default suits one app process on a small machine. */
  max?: number;
  /** Row-level security per call; default from KAIKU_DB_RLS. */
  rls?: boolean;
}

export function openPostgres(options: PostgresOptions): Database {
  const rls = options.rls ?? rlsFromEnvironment();
  // plan_cache_mode stays at its default on purpose: forcing generic plans saved 1.3 ms of
  // planning per ingestion statement, but a generic plan made while a table is still empty
  // scans it in full for the rest of the connection's life. Group commit amortises the
  // planning instead; connections are renewed hourly so no cached plan outlives its statistics.
  const { url, systemAtStart } = systemScopeAtStart(options.url);
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 20, idleTimeoutMillis: 30_000, maxLifetimeSeconds: 3600 });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const settingsOf = new WeakMap<pg.PoolClient, string>();
  if (systemAtStart) pool.on('connect', (client) => { settingsOf.set(client, SYSTEM_SETTINGS.key); });
  const settingsFor = scopeSettingsFor(rls, async (text) => (await pool.query(text)).rows);
  const run = (client: pg.PoolClient, text: string, params?: unknown[], name?: string) =>
    client.query(name ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] });
  /** A pooled client set to the scope: set only when its last scope differs (one round trip). */
  async function connect(scope: DbScope): Promise<pg.PoolClient> {
    const settings = await settingsFor(scope);
    const client = await pool.connect();
    if (settingsOf.get(client) !== settings.key) {
      try {
        settingsOf.delete(client);
        await client.query(APPLY_SETTINGS, settings.values);
        settingsOf.set(client, settings.key);
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
    }
    return client;
  }
  /** As pool.query, but a client whose query failed on the server stays in the pool. */
  async function onClient<T>(scope: DbScope, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await connect(scope);
    try {
      const result = await work(client);
      client.release();
      return result;
    } catch (error) {
      client.release(error instanceof pg.DatabaseError ? undefined : error as Error);
      throw error;
    }
  }
  return {
    kind: 'postgres',
    rls,
    async query<T>(text: string, params?: unknown[], name?: string) {
      if (!rls) return (await pool.query(name ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] })).rows as T[];
      return onClient(currentScope(), async (client) => (await run(client, text, params, name)).rows as T[]);
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      const client = rls ? await connect(currentScope()) : await pool.connect();
      try {
        await client.query('begin');
        const result = await work({
          query: async <R>(text: string, params?: unknown[], name?: string) => (await run(client, text, params, name)).rows as R[],
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
      const client = await connect(SYSTEM_SETTINGS_SCOPE);
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
      const result = rls
        ? await onClient(SYSTEM_SETTINGS_SCOPE, (client) => client.query(text, params as unknown[]))
        : await pool.query(text, params as unknown[]);
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
    },
    close: () => pool.end(),
  };
}

/** The scope of migrations and of libraries' own SQL (the job queue). */
const SYSTEM_SETTINGS_SCOPE: DbScope = Object.freeze({ kind: 'system', reason: 'migrations and the job queue' });

export interface PgliteOptions {
  /** Data directory; omitted = in memory (tests). */
  dataDir?: string;
  /** Row-level security per call; default from KAIKU_DB_RLS. */
  rls?: boolean;
  /**
   * An in-memory database that starts as a copy of a dumped one (`dumpDataDir`): tests start each
   * database from one migrated template, ~3× faster than PGlite's initdb and the migrations.
   */
  loadDataDir?: Blob;
}

export async function openPglite(options: PgliteOptions = {}): Promise<Database & { dumpDataDir(): Promise<Blob> }> {
  const rls = options.rls ?? rlsFromEnvironment();
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
    client = new PGlite(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
    await client.waitReady;
  }
  // PGlite is one connection that runs one call at a time. With RLS on, setting the scope and
  // the call it is for must not be split by another caller's: they run as one exclusive step.
  // (A call made inside a transaction's work through the database instead of the transaction
  // already waited forever on PGlite; this does not change that.)
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(step: () => Promise<T>): Promise<T> => {
    const result = tail.then(step, step);
    tail = result.then(() => {}, () => {});
    return result;
  };
  let currentSettings: string | undefined;
  const settingsFor = scopeSettingsFor(rls, async (text) => (await client.query<{ bypasses: boolean; has_role: boolean }>(text)).rows);
  const inScope = <T>(scope: DbScope, step: () => Promise<T>): Promise<T> => {
    if (!rls) return step();
    return exclusive(async () => {
      const settings = await settingsFor(scope);
      if (currentSettings !== settings.key) {
        currentSettings = undefined;
        await client.query(APPLY_SETTINGS, settings.values);
        currentSettings = settings.key;
      }
      return step();
    });
  };
  return {
    kind: 'pglite',
    rls,
    query<T>(text: string, params?: unknown[]) {
      return inScope(currentScope(), async () => (await client.query<T>(text, params)).rows);
    },
    transaction<T>(work: (tx: Queryable) => Promise<T>) {
      return inScope(currentScope(), () =>
        client.transaction((tx) => work({ query: async <R>(text: string, params?: unknown[]) => (await tx.query<R>(text, params)).rows })));
    },
    migrate() {
      return inScope(SYSTEM_SETTINGS_SCOPE, () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder }));
    },
    script(text: string, params?: unknown[]) {
      return inScope(SYSTEM_SETTINGS_SCOPE, async () => {
        if (params && params.length > 0) return { rows: (await client.query<Record<string, unknown>>(text, params)).rows };
        const results = await client.exec(text);
        return { rows: (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[] };
      });
    },
    async close() {
      await client.close();
      releaseLock();
    },
    /** The whole data directory as an uncompressed tar (for `loadDataDir`). */
    dumpDataDir: () => exclusive(() => client.dumpDataDir('none')),
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

/**
 * The database with every call in the system scope, for a component that works for whichever
 * organisations' requests come in at once (`reason` says why, and where its own checks are).
 */
export function systemDatabase(db: Database, reason: string): Database {
  return {
    ...db,
    query: (text, params, name) => asSystem(reason, () => db.query(text, params, name)),
    transaction: (work) => asSystem(reason, () => db.transaction(work)),
  };
}
