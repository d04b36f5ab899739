#!/usr/bin/env node
// The Node/V8 options the server process starts with (`npm start`, the benchmarks' servers):
// a bound on V8's old generation, KAIKU_HEAP_MB (default 512, 0 = V8's own default).
//
// Why (BENCHMARKS.md, "Bounded server heap"): without a bound V8 sizes the heap for this machine's
// memory (4 GB on 24 GiB) and lets the old generation grow to 4× what survived the last full
// collection before it collects again; under ingestion load the short-lived garbage promoted out
// of the young generation then piles up to 250 MB of heap before a full collection, and RSS to
// 360 MB. With a bound of 512 MB V8 grows it by 1.4× instead, and collects during the load.
// 512 MB is far above what the server holds live (about 70 MB after load), so it bounds the
// garbage, not the work: a server that truly needs more fails with a heap-out-of-memory error.
//
// NODE_OPTIONS from the user wins: when it sets a heap size, no flag is added (a command-line
// flag would override it). Run directly, prints the flags for a shell: node $(node scripts/server-flags.mjs) …
import { pathToFileURL } from 'node:url';

export const DEFAULT_HEAP_MB = 512;

/** @param {NodeJS.ProcessEnv} env @returns {string[]} */
export function serverNodeFlags(env = process.env) {
  const raw = (env.KAIKU_HEAP_MB ?? '').trim();
  const mb = raw === '' ? DEFAULT_HEAP_MB : Number(raw);
  if (!Number.isInteger(mb) || mb < 0) throw new Error(`KAIKU_HEAP_MB must be a non-negative integer (MB), got "${env.KAIKU_HEAP_MB}"`);
  if (mb === 0 || /--max[-_](old[-_]space|heap)[-_]size/.test(env.NODE_OPTIONS ?? '')) return [];
  return [`--max-old-space-size=${mb}`];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(serverNodeFlags().join(' '));
  } catch (error) {
    // The server then starts without the flag and its configuration check (src/config.ts) stops it.
    console.error(error.message);
    process.exitCode = 1;
  }
}
