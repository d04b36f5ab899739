import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main.ts';
import { publishedExamplePath } from '../linalg/published-examples.ts';

async function kaiku(...args: string[]) {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'kaiku-segments-'));
function csvFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/**
 * Agresti's party identification × gender table as survey answers: the three parties become
 * the three NPS categories (Democrat → 10, Independent → 8, Republican → 4).
 */
function agrestiCsv(): string {
  const lines = ['gender,ltr'];
  const add = (gender: string, score: number, count: number) => {
    for (let i = 0; i < count; i++) lines.push(`${gender},${score}`);
  };
  add('female', 10, 762); add('female', 8, 327); add('female', 4, 468);
  add('male', 10, 484); add('male', 8, 239); add('male', 4, 477);
  add('', 9, 3); // no segment recorded
  return `${lines.join('\n')}\n`;
}

test('kaiku analyze segments reproduces Agresti\'s chi-square on NPS categories by segment', async () => {
  const path = csvFile('agresti.csv', agrestiCsv());
  const { code, stdout, stderr } = await kaiku('analyze', 'segments', '--input', path, '--segment', 'gender', '--column', 'ltr', '--format', 'json');
  assert.equal(code, 0, stderr);
  const result = JSON.parse(stdout);
  assert.equal(result.chi2.toFixed(6), '30.070149');
  assert.equal(result.dof, 2);
  assert.equal(result.p.toExponential(6), '2.953589e-7');
  assert.equal(result.excluded, 3);
  assert.deepEqual(result.groups.map((g: { segment: string; n: number; promoters: number; passives: number; detractors: number }) => [g.segment, g.n, g.promoters, g.passives, g.detractors]), [
    ['female', 1557, 762, 327, 468],
    ['male', 1200, 484, 239, 477],
  ]);
  // NPS female = 100 · (762 − 468) / 1557.
  assert.ok(Math.abs(result.groups[0].nps - (100 * (762 - 468)) / 1557) < 1e-12);
  assert.equal(result.pairwise.length, 1);
  assert.equal(result.pairwise[0].pAdjusted, result.pairwise[0].p);
});

test('kaiku analyze segments --attributes clusters respondents', async () => {
  const path = publishedExamplePath('attitude.csv');
  const { code, stdout, stderr } = await kaiku('analyze', 'segments', '--input', path, '--attributes', 'complaints,privileges,learning,raises', '--k', '2-4', '--seed', '3');
  assert.equal(code, 0, stderr);
  const result = JSON.parse(stdout);
  assert.ok(result.k >= 2 && result.k <= 4);
  assert.equal(result.tried.length, 3);
  assert.equal(result.assignments.length, 30);
  assert.equal(result.clusters.reduce((s: number, c: { size: number }) => s + c.size, 0), 30);
});

test('bad segment input exits non-zero with a clear message', async () => {
  const path = csvFile('agresti2.csv', agrestiCsv());
  const missing = await kaiku('analyze', 'segments', '--input', path, '--segment', 'region', '--column', 'ltr');
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /Column "region" is not in the file/);
  const oneSegment = csvFile('one.csv', 'unit,ltr\nA,9\nA,3\n');
  const single = await kaiku('analyze', 'segments', '--input', oneSegment, '--segment', 'unit', '--column', 'ltr');
  assert.notEqual(single.code, 0);
  assert.match(single.stderr, /at least two segments/);
  const words = csvFile('words.csv', 'unit,ltr\nA,9\nB,high\n');
  const nonNumeric = await kaiku('analyze', 'segments', '--input', words, '--segment', 'unit', '--column', 'ltr');
  assert.notEqual(nonNumeric.code, 0);
  assert.match(nonNumeric.stderr, /non-numeric value "high" on line 3/);
});
