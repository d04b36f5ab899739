import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = new URL('../scripts/audit-production.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'kaiku-audit-'));
function gate(report: unknown) {
  const file = join(dir, `${Math.random()}.json`);
  writeFileSync(file, typeof report === 'string' ? report : JSON.stringify(report));
  const result = spawnSync(process.execPath, [script, file], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout };
}
const metadata = (high: number, critical: number) => ({ vulnerabilities: { info: 0, low: 1, moderate: 2, high, critical, total: 3 + high + critical } });

test('the production audit gate fails on a high or critical advisory and names the package', () => {
  const failed = gate({ metadata: metadata(1, 0), vulnerabilities: { 'evil-pkg': { name: 'evil-pkg', severity: 'high', range: '<1.2.3', fixAvailable: true } } });
  assert.equal(failed.code, 1);
  assert.match(failed.out, /0 critical, 1 high, 2 moderate, 1 low/);
  assert.match(failed.out, /high: evil-pkg <1\.2\.3 \(fix available\)/);
  assert.equal(gate({ metadata: metadata(0, 1), vulnerabilities: { x: { name: 'x', severity: 'critical' } } }).code, 1);
});

test('moderate findings pass; an unavailable endpoint (405) or garbage is reported, not failed', () => {
  assert.equal(gate({ metadata: metadata(0, 0), vulnerabilities: { m: { name: 'm', severity: 'moderate' } } }).code, 0);
  const unavailable = gate({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, error: { summary: '' } });
  assert.equal(unavailable.code, 0);
  assert.match(unavailable.out, /endpoint is unavailable \(405 Method Not Allowed/);
  assert.match(gate('not json').out, /could not run/);
});
