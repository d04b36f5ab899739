import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.ts';
import { openPglite } from '../db/connection.ts';
import { createOrganization } from '../orgs/service.ts';
import { createUser, signIn } from '../auth/service.ts';
import { upsertContactBatch } from '../contacts/service.ts';
import { createJourney, createStage, createTouchpoint } from '../journeys/service.ts';

const capture = () => {
  const io = { outText: '', errText: '', out: (t: string) => { io.outText += t; }, err: (t: string) => { io.errText += t; } };
  return io;
};

async function run(args: string[]) {
  const io = capture();
  const code = await main(args, io);
  return { code, out: io.outText, err: io.errText };
}

/** Opens the command's PGlite data directory between commands (one user at a time). */
async function withDb<T>(dir: string, work: (db: Awaited<ReturnType<typeof openPglite>>) => Promise<T>): Promise<T> {
  const db = await openPglite({ dataDir: dir });
  try { await db.migrate(); return await work(db); } finally { await db.close(); }
}

test('kaiku users, import events, demo, backup and restore on an embedded database', { skip: process.env.KAIKU_TEST_DB === 'postgres' && 'PGlite data directory only' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaiku-admin-cli-'));
  const saved = { ...process.env };
  const data = join(dir, 'data');
  process.env.KAIKU_DATA_DIR = data;
  delete process.env.DATABASE_URL;
  delete process.env.KAIKU_ADMIN_PASSWORD;
  try {
    const help = await run(['--help']);
    for (const command of ['backup', 'restore', 'users', 'demo']) assert.match(help.out, new RegExp(`\\n  ${command} `));
    for (const args of [['backup', '--help'], ['restore', '--help'], ['users', '--help'], ['demo', '--help'], ['import', 'events', '--help']]) {
      const r = await run(args);
      assert.equal(r.code, 0, args.join(' '));
      assert.match(r.out, /^Usage: kaiku /);
    }

    const { orgId, touchpointId } = await withDb(data, async (db) => {
      const orgId = await createOrganization(db, { name: 'Vesi Oy', slug: 'vesi' });
      await createUser(db, orgId, { email: 'first@vesi.example', name: 'First', role: 'admin', password: 'first password 1' });
      const journey = await createJourney(db, orgId, { name: 'Asiakas' });
      const stage = await createStage(db, orgId, journey, { name: 'Palvelu', phase: 'during' });
      const touchpointId = await createTouchpoint(db, orgId, { stageId: stage, name: 'Asiakaspalvelu', channel: 'phone' });
      await upsertContactBatch(db, orgId, [{ externalId: 'C-1', email: 'c1@example.com' }]);
      return { orgId, touchpointId };
    });

    // users
    const created = await run(['users', 'create-admin', '--org', 'vesi', '--email', 'Ops@Vesi.example', '--password', 'correct horse battery']);
    assert.equal(created.code, 0, created.err);
    assert.match(created.out, /Created admin ops@vesi\.example in "Vesi Oy"/);
    const again = await run(['users', 'create-admin', '--org', 'vesi', '--email', 'ops@vesi.example', '--password', 'correct horse battery']);
    assert.equal(again.code, 1);
    assert.match(again.err, /ops@vesi\.example is already a user of "Vesi Oy"/);
    assert.equal((await run(['users', 'create-admin', '--org', 'nope', '--email', 'a@b.example', '--password', 'long enough pw'])).code, 1);
    const short = await run(['users', 'create-admin', '--org', 'vesi', '--email', 'a@b.example', '--password', 'short']);
    assert.equal(short.code, 2);
    assert.match(short.err, /at least 10 characters/);

    await withDb(data, async (db) => { await signIn(db, 'first@vesi.example', 'first password 1'); });
    const reset = await run(['users', 'reset-password', '--org', 'vesi', '--email', 'first@vesi.example']);
    assert.equal(reset.code, 0, reset.err);
    const generated = /Generated password \(shown once\): (\S+)/.exec(reset.out)?.[1];
    assert.ok(generated && generated.length >= 16, reset.out);
    await withDb(data, async (db) => {
      assert.equal(Number((await db.query<{ n: number }>(`select count(*)::int as n from sessions`))[0].n), 0, 'signed out everywhere');
      await assert.rejects(signIn(db, 'first@vesi.example', 'first password 1'), /not correct/);
      assert.equal((await signIn(db, 'first@vesi.example', generated)).orgId, orgId);
      assert.equal((await signIn(db, 'ops@vesi.example', 'correct horse battery')).orgId, orgId);
    });
    const missing = await run(['users', 'reset-password', '--org', 'vesi', '--email', 'nobody@vesi.example']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /No user nobody@vesi\.example in "Vesi Oy"/);

    // import events: by touchpoint name, attributes from extra columns, rejected rows named, idempotent re-run
    const csv = join(dir, 'events.csv');
    writeFileSync(csv, 'touchpoint;contact_external_id;occurred_at;product\n'
      + 'Asiakaspalvelu;C-1;2026-03-01 10:00;Vesi\n'
      + 'Asiakaspalvelu;C-404;2026-03-01 11:00;Vesi\n'
      + 'Asiakaspalvelu;C-1;31.2.2026 10:00;\n'
      + 'Kassa;C-1;2026-03-02T10:00:00Z;\n');
    const imported = await run(['import', 'events', csv]);
    assert.equal(imported.code, 1, imported.err);
    assert.match(imported.out, /Imported 1 event from .* into "Vesi Oy"/);
    assert.match(imported.out, /row 2: contactExternalId does not refer to an existing item/);
    assert.match(imported.out, /row 3: occurred_at "31\.2\.2026 10:00" is not a date and time/);
    assert.match(imported.out, /row 4: touchpoint "Kassa" is not a touchpoint id or name/);
    const rerun = await run(['import', 'events', csv]);
    assert.match(rerun.out, /duplicates skipped: {2}1/);
    await withDb(data, async (db) => {
      const rows = await db.query<{ touchpoint_id: string; attributes: unknown; occurred_at: Date }>(`select touchpoint_id, attributes, occurred_at from touchpoint_events where org_id = $1`, [orgId]);
      assert.deepEqual(rows.map((r) => [r.touchpoint_id, r.attributes, r.occurred_at.toISOString()]), [[touchpointId, { product: 'Vesi' }, '2026-03-01T10:00:00.000Z']]);
      // The demo command leaves an existing demo organisation alone.
      await createOrganization(db, { name: 'Demo', slug: 'kaiku-demo' });
    });
    const demo = await run(['demo']);
    assert.equal(demo.code, 0);
    assert.match(demo.out, /already there; nothing to do/);

    // backup → restore into a new data directory → the same users can sign in
    const file = join(dir, 'vesi.backup');
    const backup = await run(['backup', file]);
    assert.equal(backup.code, 0, backup.err);
    assert.match(backup.out, /Backed up \d+ rows in \d+ tables \(2 organisations, 0 responses\) to /);
    assert.equal((await run(['backup', join(dir, 'no-such-dir', 'x.backup')])).code, 1);
    process.env.KAIKU_DATA_DIR = join(dir, 'restored');
    const restored = await run(['restore', file]);
    assert.equal(restored.code, 0, restored.err);
    assert.match(restored.out, /Restored \d+ rows/);
    await withDb(join(dir, 'restored'), async (db) => { assert.equal((await signIn(db, 'ops@vesi.example', 'correct horse battery')).orgId, orgId); });
    const twice = await run(['restore', file]);
    assert.equal(twice.code, 1);
    assert.match(twice.err, /kaiku restore: Restore needs an empty database/);
    assert.equal((await run(['restore'])).code, 2);
    assert.deepEqual(readdirSync(dir).sort(), ['data', 'events.csv', 'restored', 'vesi.backup']);
  } finally {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});
