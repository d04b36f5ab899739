#!/usr/bin/env node
// Issue 17 part 7: everything the server imports at run time must be a dependency. Copies the
// repository's tracked files into a temporary directory (the dev install here stays untouched),
// runs `npm ci --omit=dev` there, then `npm start` (build + serve on embedded PGlite) and asks
// /health and /ready; it also imports playwright-core (PNG charts, PDF report) from that install.
// Fails with the server's output when any step does.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'kaiku-prod-install-'));
const copy = join(work, 'kaiku');
const dataDir = join(work, 'data');
const port = String(39000 + (process.pid % 1000));
let server;

function fail(message) {
  console.error(`check-prod-install: ${message}`);
  process.exitCode = 1;
}

try {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (file === 'node_modules') continue;
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    try { cpSync(join(root, file), join(copy, file)); } catch { /* deleted in the work tree but still tracked */ }
  }
  const started = Date.now();
  execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: copy, stdio: ['ignore', 'inherit', 'inherit'], timeout: 180_000 });
  console.log(`check-prod-install: npm ci --omit=dev took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  execFileSync(process.execPath, ['--input-type=module', '-e', "await import('playwright-core')"], { cwd: copy, stdio: 'inherit' });

  let output = '';
  server = spawn('npm', ['start', '--', '--no-demo'], {
    cwd: copy, detached: true,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: port, KAIKU_DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  server.stdout.on('data', (d) => { output += d; });
  server.stderr.on('data', (d) => { output += d; });
  const deadline = Date.now() + 120_000;
  while (!/ready at/.test(output) && server.exitCode === null && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!/ready at/.test(output)) {
    fail(`npm start did not become ready (exit ${server.exitCode}):\n${output}`);
  } else {
    for (const path of ['/health', '/ready']) {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      if (res.status !== 200) fail(`${path} answered ${res.status}:\n${output}`);
    }
    if (!process.exitCode) console.log(`check-prod-install: npm ci --omit=dev && npm start works (${((Date.now() - started) / 1000).toFixed(1)} s in all)`);
  }
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
} finally {
  if (server && server.exitCode === null) {
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
    await new Promise((r) => setTimeout(r, 1000));
  }
  rmSync(work, { recursive: true, force: true });
}
