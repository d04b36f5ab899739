import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from './connection.ts';
import { testDatabase } from '../../test/helpers/db.ts';

test('migrations create every table and a tenant table keys on org_id', async () => {
  const db = await testDatabase();
  try {
    const rows = await db.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const names = rows.map((r) => r.table_name);
    for (const t of ['organizations', 'units', 'users', 'journeys', 'stages', 'touchpoints', 'surveys', 'questions', 'responses', 'answers']) {
      assert.ok(names.includes(t), `missing table ${t}`);
    }
    await db.migrate(); // a second run is a no-op
  } finally {
    await db.close();
  }
});

test('a second process cannot open a locked PGlite data directory', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaiku-lock-'));
  try {
    const first = await openPglite({ dataDir: dir });
    // Simulate another live process holding the lock by writing our parent's PID.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'kaiku.lock'), String(process.ppid));
    await assert.rejects(openPglite({ dataDir: dir }), /in use by another Kaiku process/);
    writeFileSync(join(dir, 'kaiku.lock'), String(process.pid));
    await first.close();
    // After close the lock is gone and the directory opens again.
    const again = await openPglite({ dataDir: dir });
    await again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
