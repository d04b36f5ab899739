import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testBackend } from '../../test/helpers/db.ts';

const root = new URL('../..', import.meta.url).pathname;

function startKaiku(env: Record<string, string>, entry = 'bin/kaiku.js') {
  let output = '';
  const child = spawn(process.execPath, [entry, 'serve', '--no-demo'], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env } });
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const ready = async () => {
    for (let i = 0; i < 2400 && !/ready at/.test(output); i++) {
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return output;
  };
  return { child, exited, ready, output: () => output };
}

test('kaiku serve answers /health, and a second process on the same data directory is refused clearly', { skip: testBackend !== 'pglite' && 'PGlite-only: the data-directory lock' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaiku-serve-'));
  const first = startKaiku({ KAIKU_DATA_DIR: dir, PORT: '3911' });
  let started = false;
  try {
    const waitedFrom = Date.now();
    const output = await first.ready();
    // Its output and how long it waited, should it ever not start (CI once saw no "ready" in 120 s).
    assert.match(output, /Kaiku is ready at http:\/\/localhost:3911 \(embedded PGlite/, `after ${Date.now() - waitedFrom} ms, exit ${first.child.exitCode}: ${output}`);
    started = true;
    assert.doesNotMatch(output, /Demo logins/, 'no demo, so no demo sign-ins offered');
    const health = await fetch('http://127.0.0.1:3911/health');
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    assert.equal((await fetch('http://127.0.0.1:3911/ready')).status, 200);

    const second = startKaiku({ KAIKU_DATA_DIR: dir, PORT: '3912' });
    const code = await second.exited;
    assert.equal(code, 1);
    assert.match(second.output(), new RegExp(`data directory .* is in use by another Kaiku process \\(PID ${first.child.pid}\\)`));
  } finally {
    first.child.kill('SIGTERM');
    const code = await first.exited;
    rmSync(dir, { recursive: true, force: true });
    // A server stopped before it was ready has no SIGTERM handler yet; only a ready one must end cleanly.
    if (started) assert.equal(code, 0, first.output());
  }
});

test('kaiku serve runs on a PostgreSQL server given DATABASE_URL', { skip: testBackend !== 'postgres' && 'runs in the PostgreSQL pass' }, async () => {
  const { testDatabase } = await import('../../test/helpers/db.ts');
  const db = await testDatabase();
  try {
    const dbUrl = (db as unknown as { url?: string }).url;
    assert.ok(dbUrl, 'test database URL');
    const server = startKaiku({ DATABASE_URL: dbUrl, PORT: '3913' });
    try {
      assert.match(await server.ready(), /PostgreSQL server \(DATABASE_URL\)/);
      assert.equal((await fetch('http://127.0.0.1:3913/ready')).status, 200);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  } finally {
    await db.close();
  }
});

test('the bundle that npm start builds and runs serves the same app', { skip: testBackend !== 'pglite' && 'once is enough' }, async () => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  const dir = mkdtempSync(join(tmpdir(), 'kaiku-dist-'));
  const server = startKaiku({ KAIKU_DATA_DIR: dir, PORT: '3914' }, 'dist/kaiku.mjs');
  try {
    assert.match(await server.ready(), /Kaiku is ready at/);
    assert.equal((await fetch('http://127.0.0.1:3914/ready')).status, 200);
    // Migrations were found next to the bundle: the schema exists.
    assert.equal((await fetch('http://127.0.0.1:3914/api/v1/journeys')).status, 401);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dir, { recursive: true, force: true });
  }
});
