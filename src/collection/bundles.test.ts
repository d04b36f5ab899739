import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { bundleScript } from './bundles.ts';

test('the widget script, minified by esbuild as served, is at most 10 KB gzipped', async () => {
  const widget = await bundleScript('widget');
  assert.equal(widget.gzipBytes, gzipSync(widget.code, { level: 9 }).length);
  assert.ok(widget.gzipBytes <= 10 * 1024, `widget.js is ${widget.gzipBytes} bytes gzipped`);
  // Self-contained: one minified function expression, no imports left for the customer's page to resolve.
  assert.match(widget.code, /^"use strict";\(\(\)=>\{/);
  assert.doesNotMatch(widget.code, /\bimport\s*[({"']/);
});

test('the kiosk script and its service worker bundle too', async () => {
  for (const name of ['kiosk', 'kioskWorker'] as const) {
    const bundle = await bundleScript(name);
    assert.ok(bundle.code.length > 100 && bundle.etag.length > 10, name);
  }
});
