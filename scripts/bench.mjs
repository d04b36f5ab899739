#!/usr/bin/env node
// `npm run bench [name…]`: runs bench/<name>.ts (all of them without names), one after another,
// so they do not compete for the machine's two cores.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const all = readdirSync(`${root}bench`).filter((f) => f.endsWith('.ts') && f !== 'lib.ts').map((f) => f.slice(0, -3)).sort();
const names = process.argv.slice(2).length ? process.argv.slice(2) : all;
let failed = 0;
for (const name of names) {
  if (!all.includes(name)) { console.error(`No benchmark bench/${name}.ts (have: ${all.join(', ')})`); failed++; continue; }
  console.log(`\n### bench/${name}.ts`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
