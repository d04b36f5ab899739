/**
 * A fresh, migrated database for one test file, on whichever backend the runner chose:
 * KAIKU_TEST_DB=pglite (default) → in-memory PGlite; =postgres → a new database on the
 * server in KAIKU_TEST_DATABASE_URL, dropped again by close().
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../src/db/connection.ts';

export const testBackend = (process.env.KAIKU_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/** A short hash of the migrations (and of `extra`): a changed migration names a new template. */
function migrationsHash(extra: string): string {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const migrations = join(root, 'src/db/migrations');
  const hash = createHash('sha256');
  hash.update(readFileSync(join(root, extra)));
  hash.update(readFileSync(join(migrations, 'meta/_journal.json')));
  for (const name of readdirSync(migrations).filter((n) => n.endsWith('.sql')).sort()) hash.update(name).update(readFileSync(join(migrations, name)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * A migrated PGlite data directory, dumped once and shared by every test process through a file
 * named after the migrations and the PGlite version (so a changed migration makes a new one).
 * Starting from it skips initdb and the migrations: about 3–4 s instead of 9–17 s a database on
 * a busy 2-core machine. `migrate()` still runs after loading, and finds nothing to do.
 */
async function pgliteTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `kaiku-pglite-template-${migrationsHash('node_modules/@electric-sql/pglite/package.json')}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)], { type: 'application/x-tar' });
  const db = await openPglite({});
  await db.migrate();
  const dump = await db.dumpDataDir();
  await db.close();
  // Written aside and renamed: a process starting meanwhile sees the whole file or none.
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return dump;
}

/**
 * The PostgreSQL twin of pgliteTemplate: a database migrated once and named after the
 * migrations, which each test file's database is copied from (`create database … template`), so
 * a file starts without running every migration again. An advisory lock lets one process build
 * it while the others wait; it is built under another name and renamed, so a half-migrated
 * template is never copied. Nothing stays connected to it (a template must have no sessions).
 */
async function postgresTemplate(admin: pg.Client, serverUrl: string): Promise<string> {
  const template = `kaiku_template_${migrationsHash('package-lock.json')}`;
  const exists = async () => (await admin.query(`select 1 from pg_database where datname = $1`, [template])).rowCount === 1;
  if (await exists()) return template;
  await admin.query(`select pg_advisory_lock(hashtext($1))`, [template]);
  try {
    if (await exists()) return template;
    const building = `${template}_${randomBytes(3).toString('hex')}`;
    await admin.query(`create database ${building}`);
    const url = new URL(serverUrl);
    url.pathname = `/${building}`;
    const db = openPostgres({ url: url.toString(), max: 2 });
    try {
      await db.migrate();
    } finally {
      await db.close();
    }
    await admin.query(`alter database ${building} rename to ${template}`);
    return template;
  } finally {
    await admin.query(`select pg_advisory_unlock(hashtext($1))`, [template]);
  }
}

/** `rls` overrides KAIKU_DB_RLS for this database (src/db/row-level-security.it.test.ts). */
export async function testDatabase(options: { rls?: boolean } = {}): Promise<Database> {
  if (testBackend === 'pglite') {
    const db = await openPglite({ rls: options.rls, loadDataDir: await pgliteTemplate() });
    await db.migrate();
    return db;
  }
  const serverUrl = process.env.KAIKU_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `kaiku_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${await postgresTemplate(admin, serverUrl)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openPostgres({ url: url.toString(), max: 10, rls: options.rls });
  await db.migrate();
  const close = db.close;
  return Object.assign(db, {
    url: url.toString(),
    async close() {
      await close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  });
}
