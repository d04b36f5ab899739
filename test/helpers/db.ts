/**
 * A fresh, migrated database for one test file, on whichever backend the runner chose:
 * KAIKU_TEST_DB=pglite (default) → in-memory PGlite; =postgres → a new database on the
 * server in KAIKU_TEST_DATABASE_URL, dropped again by close().
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../src/db/connection.ts';

export const testBackend = (process.env.KAIKU_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/** `rls` overrides KAIKU_DB_RLS for this database (src/db/row-level-security.it.test.ts). */
export async function testDatabase(options: { rls?: boolean } = {}): Promise<Database> {
  if (testBackend === 'pglite') {
    const db = await openPglite({ rls: options.rls });
    await db.migrate();
    return db;
  }
  const serverUrl = process.env.KAIKU_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `kaiku_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
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
