// A node:test reporter that writes one line per test file — its path and how long the runner took
// over it (start-up, imports, database set-up and every test) — to the file named by
// KAIKU_TEST_TIMINGS. scripts/test.mjs runs it beside the spec reporter and prints the slowest.
// Node 20's runner reports each file as a top-level test named by the file's path (as test:complete).
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';

export default async function* timingReporter(source) {
  const out = process.env.KAIKU_TEST_TIMINGS;
  for await (const event of source) {
    if (event.type !== 'test:complete') continue;
    const { name, file, nesting, details } = event.data;
    if (!out || nesting !== 0 || !file || resolve(name) !== resolve(file)) continue;
    appendFileSync(out, JSON.stringify({ file, ms: Math.round(details?.duration_ms ?? 0), failed: details?.passed === false }) + '\n');
  }
}
