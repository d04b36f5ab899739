/**
 * Issue 17.6: the SQL functions of the score histograms were re-created in six migrations, and
 * nothing said which copy is live. src/db/functions/<name>.sql holds each live definition once;
 * this checks, on the migrated database, that running the file changes nothing (the deparsed
 * definition before and after is the same) and that every kaiku_ function has its file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { testDatabase } from '../../test/helpers/db.ts';

const dir = new URL('./functions/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();

test('each src/db/functions file is the definition the migrated database runs, and every kaiku_ function has one', async () => {
  const db = await testDatabase();
  try {
    const definitions = async () => new Map((await db.query<{ name: string; def: string }>(
      `select p.proname as name, pg_get_functiondef(p.oid) as def
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.proname like 'kaiku\\_%' order by 1`)).map((r) => [r.name, r.def]));
    const live = await definitions();
    assert.deepEqual(files.map((f) => f.replace(/\.sql$/, '')), [...live.keys()], 'one file per live kaiku_ function');
    assert.ok(files.length >= 8, `${files.length} files`);
    for (const file of files) {
      const name = file.replace(/\.sql$/, '');
      const statement = readFileSync(new URL(file, dir), 'utf8');
      assert.match(statement, new RegExp(`^-- The live definition of ${name}, installed by migration \\d{4}_\\w+\\.sql\\.`), file);
      const migration = /installed by migration (\d{4}_\w+\.sql)/.exec(statement)?.[1] as string;
      assert.ok(readFileSync(new URL(`./migrations/${migration}`, import.meta.url), 'utf8').includes(`FUNCTION ${name}(`), `${file}: ${migration} defines it`);
      await db.transaction(async (tx) => {
        await tx.query(statement);
        const [after] = await tx.query<{ def: string }>(
          `select pg_get_functiondef(p.oid) as def from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' and p.proname = $1`, [name]);
        assert.equal(after.def, live.get(name), `${file} differs from the live definition`);
        throw new Rollback();
      }).catch((error) => { if (!(error instanceof Rollback)) throw error; });
    }
  } finally {
    await db.close();
  }
});

class Rollback extends Error {}
