#!/usr/bin/env node
// Runs every test with node's test runner, twice where a database is involved:
//   pass 1: all tests on embedded PGlite;
//   pass 2: database tests (*.it.test.ts, *.e2e.test.ts) on the PostgreSQL server in
//           KAIKU_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
// Under CI=true the Postgres pass is mandatory; elsewhere it is skipped with a notice when
// no server answers. After each pass it prints the pass's wall time and its ten slowest files (how long
// the runner spent on each, from scripts/timing-reporter.mjs); it ends with one line
// "N passed, N failed" over both passes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import net from 'node:net';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv.slice(2);

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts')) found.push(relative(root, path));
  }
  return found;
}

const all = ['src', 'test'].flatMap((d) => findTests(join(root, d))).sort()
  .filter((f) => filter.length === 0 || filter.some((p) => f.includes(p)));
const dbTests = all.filter((f) => /\.(it|e2e)\.test\.ts$/.test(f));

const timingDir = mkdtempSync(join(tmpdir(), 'kaiku-test-timings-'));
process.on('exit', () => rmSync(timingDir, { recursive: true, force: true }));

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function printTimings(label, timingFile, wallMs) {
  let rows = [];
  try {
    rows = readFileSync(timingFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  } catch { /* no file finished */ }
  rows.sort((a, b) => b.ms - a.ms);
  const summed = rows.reduce((s, r) => s + r.ms, 0);
  console.log(`\n--- ${label}: wall time ${seconds(wallMs)} for ${rows.length} files (sum of per-file times ${seconds(summed)}); slowest 10:`);
  for (const r of rows.slice(0, 10)) {
    console.log(`  ${seconds(r.ms).padStart(9)}  ${relative(root, r.file)}${r.failed ? '  (failed)' : ''}`);
  }
}

function run(files, env, label) {
  return new Promise((resolve) => {
    if (files.length === 0) return resolve({ pass: 0, fail: 0, code: 0 });
    console.log(`\n=== ${label}: ${files.length} test files ===`);
    const timingFile = join(timingDir, `${label.replace(/\W+/g, '-')}.jsonl`);
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      `--test-reporter=${join(root, 'scripts/timing-reporter.mjs')}`, '--test-reporter-destination=/dev/null', ...files], {
      cwd: root, env: { ...process.env, ...env, KAIKU_TEST_TIMINGS: timingFile }, stdio: ['ignore', 'pipe', 'inherit'],
    });
    // The runner's summary lines ("ℹ pass N") come before its list of failing tests, which can be
    // long: read them as they stream by instead of from the end of the output.
    const summary = { pass: 0, fail: 0 };
    let partial = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ℹ (pass|fail) (\d+)$/.exec(line);
        if (m) summary[m[1]] = Number(m[2]);
      }
    });
    child.on('close', (code) => {
      printTimings(label, timingFile, Date.now() - started);
      resolve({ pass: summary.pass, fail: summary.fail + (code !== 0 && summary.fail === 0 ? 1 : 0), code });
    });
  });
}

function reachable(url) {
  return new Promise((resolve) => {
    const u = new URL(url);
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    socket.setTimeout(2000);
    socket.on('connect', () => { socket.destroy(); resolve(true); });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => { socket.destroy(); resolve(false); });
  });
}

const results = [];
results.push(await run(all, { KAIKU_TEST_DB: 'pglite' }, 'PGlite'));
const pgUrl = process.env.KAIKU_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (await reachable(pgUrl)) {
  results.push(await run(dbTests, { KAIKU_TEST_DB: 'postgres', KAIKU_TEST_DATABASE_URL: pgUrl }, 'PostgreSQL server'));
} else if (process.env.CI) {
  console.error(`PostgreSQL at ${pgUrl} is not reachable, and CI requires the server pass`);
  results.push({ pass: 0, fail: 1, code: 1 });
} else {
  console.log(`\n(PostgreSQL at ${pgUrl} not reachable: server pass skipped)`);
}
const pass = results.reduce((s, r) => s + r.pass, 0);
const fail = results.reduce((s, r) => s + r.fail, 0);
console.log(`\n${pass} passed, ${fail} failed`);
process.exit(results.some((r) => r.code !== 0) || fail > 0 ? 1 : 0);
