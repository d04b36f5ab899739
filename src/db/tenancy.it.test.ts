import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabase } from '../../test/helpers/db.ts';

/**
 * The schema is ready for distribution by org_id (Citus): read from the live database, every
 * table but organizations has org_id, and every primary key, unique constraint and foreign key
 * starts with it, so no row can reference another organisation's.
 */
test('every tenant table keys, constrains and references by org_id', async () => {
  const db = await testDatabase();
  try {
    const tables = await db.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
          and table_name <> 'organizations' order by 1`);
    assert.ok(tables.length >= 14, `expected the tenant tables, got ${tables.length}`);
    const constraints = await db.query<{ table: string; name: string; type: string; first_column: string }>(
      `select c.conrelid::regclass::text as table, c.conname as name, c.contype as type, a.attname as first_column
         from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.connamespace = 'public'::regnamespace and c.contype in ('p', 'u', 'f')`);
    for (const { table_name } of tables) {
      const own = constraints.filter((c) => c.table === table_name);
      assert.ok(own.some((c) => c.type === 'p'), `${table_name} has no primary key`);
      for (const c of own) {
        // A foreign key to organizations(id) is the tenant link itself.
        assert.equal(c.first_column, 'org_id', `${table_name}.${c.name} (${c.type}) does not start with org_id`);
      }
    }
  } finally {
    await db.close();
  }
});
