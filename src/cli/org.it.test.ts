import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.ts';
import { openPglite } from '../db/connection.ts';
import { signIn } from '../auth/service.ts';

const capture = () => {
  const io = { outText: '', errText: '', out: (t: string) => { io.outText += t; }, err: (t: string) => { io.errText += t; } };
  return io;
};

test('kaiku org create makes a tenant whose admin can sign in; bad input exits non-zero and stores nothing', { skip: process.env.KAIKU_TEST_DB === 'postgres' && 'PGlite data directory only' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaiku-org-'));
  const saved = { ...process.env };
  process.env.KAIKU_DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  try {
    const bad = capture();
    assert.equal(await main(['org', 'create', '--name', 'Vesi Oy', '--slug', 'vesi', '--admin-email', 'not-an-email', '--admin-password', 'long-enough-pass'], bad), 2);
    assert.match(bad.errText, /--admin-email "not-an-email" is not an e-mail address/);
    const ok = capture();
    assert.equal(await main(['org', 'create', '--name', 'Vesi Oy', '--slug', 'vesi', '--admin-email', 'Anna@Vesi.fi', '--admin-password', 'long-enough-pass'], ok), 0, ok.errText);
    assert.match(ok.outText, /Created organisation "Vesi Oy"/);
    const again = capture();
    assert.equal(await main(['org', 'create', '--name', 'Other', '--slug', 'vesi', '--admin-email', 'b@vesi.fi', '--admin-password', 'long-enough-pass'], again), 2);
    assert.match(again.errText, /slug "vesi" already exists/);
    const db = await openPglite({ dataDir: dir });
    try {
      const orgs = await db.query<{ name: string }>('select name from organizations');
      assert.deepEqual(orgs.map((o) => o.name), ['Vesi Oy']);
      const session = await signIn(db, 'anna@vesi.fi', 'long-enough-pass');
      assert.ok(session.cookie.length > 40);
    } finally {
      await db.close();
    }
  } finally {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});
