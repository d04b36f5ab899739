/**
 * `npm start` to ready (issue 2 targets: empty data directory with the demo seeded ≤ 20 s;
 * existing data directory ≤ 5 s). Measures what `npm start` does — the esbuild bundle
 * (scripts/build.mjs), then `node dist/kaiku.mjs serve` — until /health answers, on embedded PGlite.
 * Run: npx tsx bench/startup.ts [--runs 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { machine, median, startServer, stopServer } from './lib.ts';

const buildBundle = () => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
};

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const empty: number[] = [];
const existing: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'kaiku-start-'));
  try {
    let started = performance.now();
    buildBundle();
    let server = await startServer({ KAIKU_DATA_DIR: dir, DATABASE_URL: '' }, 3903);
    empty.push((performance.now() - started) / 1000);
    if (!/Demo login/.test(server.output())) throw new Error(`demo was not seeded: ${server.output()}`);
    await stopServer(server.child);
    started = performance.now();
    buildBundle();
    server = await startServer({ KAIKU_DATA_DIR: dir, DATABASE_URL: '' }, 3903);
    existing.push((performance.now() - started) / 1000);
    await stopServer(server.child);
    console.log(`run ${i + 1}: empty data directory → ready in ${empty[i].toFixed(1)} s; existing → ${existing[i].toFixed(1)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`\nnpm start to ready on PGlite (${machine()}, ${new Date().toISOString().slice(0, 10)})`);
console.log(`median: empty + demo seed ${median(empty).toFixed(1)} s (target ≤ 20; ratio ${(median(empty) / 20).toFixed(2)}), `
  + `existing ${median(existing).toFixed(1)} s (target ≤ 5; ratio ${(median(existing) / 5).toFixed(2)})`);
