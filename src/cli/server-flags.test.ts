import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { DEFAULT_HEAP_MB, serverNodeFlags } from '../../scripts/server-flags.mjs';
import { loadConfig } from '../config.ts';

test('the server starts with its old generation bounded to KAIKU_HEAP_MB, 512 MB by default', () => {
  assert.equal(DEFAULT_HEAP_MB, 512);
  assert.deepEqual(serverNodeFlags({}), ['--max-old-space-size=512']);
  assert.deepEqual(serverNodeFlags({ KAIKU_HEAP_MB: ' 300 ' }), ['--max-old-space-size=300']);
  // The configuration check in `serve` knows the same default.
  assert.equal(loadConfig({}).heapMb, DEFAULT_HEAP_MB);
});

test('KAIKU_HEAP_MB=0 leaves V8 its default, and a heap size in NODE_OPTIONS wins', () => {
  assert.deepEqual(serverNodeFlags({ KAIKU_HEAP_MB: '0' }), []);
  assert.deepEqual(serverNodeFlags({ NODE_OPTIONS: '--enable-source-maps --max-old-space-size=1024' }), []);
  assert.deepEqual(serverNodeFlags({ NODE_OPTIONS: '--max_old_space_size=2048', KAIKU_HEAP_MB: '256' }), []);
  assert.deepEqual(serverNodeFlags({ NODE_OPTIONS: '--max-heap-size=700' }), []);
  assert.deepEqual(serverNodeFlags({ NODE_OPTIONS: '--enable-source-maps' }), ['--max-old-space-size=512']);
});

test('a KAIKU_HEAP_MB that is not a whole number of MB is refused, here and by the configuration', () => {
  for (const bad of ['abc', '-1', '1.5', '512MB']) {
    assert.throws(() => serverNodeFlags({ KAIKU_HEAP_MB: bad }), /KAIKU_HEAP_MB must be a non-negative integer/);
    assert.throws(() => loadConfig({ KAIKU_HEAP_MB: bad }), /KAIKU_HEAP_MB/);
  }
});

test('the flags take effect: V8 reports a heap limit near the bound (old generation plus young generation)', () => {
  const limitMb = (flags: string[], env: NodeJS.ProcessEnv = {}) => {
    const run = spawnSync(process.execPath, [...flags, '-e', 'console.log(require("v8").getHeapStatistics().heap_size_limit / 2 ** 20)'],
      { encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
    assert.equal(run.status, 0, run.stderr);
    return Number(run.stdout.trim());
  };
  const bounded = limitMb(serverNodeFlags({}));
  assert.ok(bounded >= 512 && bounded < 640, `heap limit ${bounded} MB`);
  // The user's NODE_OPTIONS: no flag of ours overrides it.
  const theirs = limitMb(serverNodeFlags({ NODE_OPTIONS: '--max-old-space-size=1024' }), { NODE_OPTIONS: '--max-old-space-size=1024' });
  assert.ok(theirs >= 1024 && theirs < 1152, `heap limit ${theirs} MB`);
});
