import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main.ts';
import { publishedExamplePath, readPublishedExample } from '../linalg/published-examples.ts';

function bufferIO() {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

async function kaiku(...args: string[]) {
  const io = bufferIO();
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const mtcarsPath = publishedExamplePath('mtcars.csv');
const dir = mkdtempSync(join(tmpdir(), 'kaiku-drivers-'));
function csvFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

test('kaiku analyze drivers --method relative-weights prints weights that sum to r2 (rwa vignette values)', async () => {
  const { code, stdout } = await kaiku('analyze', 'drivers', '--input', mtcarsPath, '--target', 'mpg', '--attributes', 'cyl,disp,hp,gear', '--method', 'relative-weights', '--format', 'json');
  assert.equal(code, 0);
  const result = JSON.parse(stdout);
  assert.equal(result.n, 32);
  assert.equal(result.r2.toFixed(7), '0.7791896');
  assert.equal(result.weights.cyl.toFixed(7), '0.2284797');
  assert.equal(result.rescaled.gear.toFixed(5), '12.37037');
  assert.deepEqual(result.warnings, []);
  assert.equal(result.priority.items.length, 4);
});

test('kaiku analyze drivers --method shapley with --bootstrap gives domir values and seeded intervals', async () => {
  const args = ['analyze', 'drivers', '--input', mtcarsPath, '--target', 'mpg', '--attributes', 'am,cyl,carb', '--method', 'shapley', '--bootstrap', '100', '--seed', '7', '--format', 'json'];
  const first = await kaiku(...args);
  assert.equal(first.code, 0, first.stderr);
  const result = JSON.parse(first.stdout);
  assert.equal(result.weights.cyl.toFixed(7), '0.4173094');
  assert.equal(result.bootstrap.replicates, 100);
  assert.ok(result.bootstrap.weights.am.lower < result.weights.am);
  assert.equal((await kaiku(...args)).stdout, first.stdout);
});

test('kaiku analyze drivers --method promoter-logistic reports coefficients and SEs with an intercept', async () => {
  const mtcars = readPublishedExample('mtcars.csv');
  // vs as an NPS answer: 1 → 9 (promoter), 0 → 8 (passive); two detractors and a don't-know row
  // added; semicolons and decimal commas as a Finnish spreadsheet writes them.
  const lines = ['recommend;wt;disp', ...mtcars.rows.map((r) => `${r.vs === '1' ? 9 : 8};${r.wt.replace('.', ',')};${r.disp}`), '2;3;100', '5;2;200', 'EOS;3;150'];
  const path = csvFile('promoters.csv', `${lines.join('\n')}\n`);
  const { code, stdout, stderr } = await kaiku('analyze', 'drivers', '--input', path, '--target', 'recommend', '--attributes', 'wt,disp', '--method', 'promoter-logistic', '--format', 'json');
  assert.equal(code, 0, stderr);
  const result = JSON.parse(stdout);
  assert.equal(result.n, 32);
  assert.equal(result.detractorsExcluded, 2);
  assert.equal(result.excluded, 1);
  assert.equal(result.coefficients['(Intercept)'].toFixed(5), '1.60859');
  assert.equal(result.coefficients.wt.toFixed(5), '1.62635');
  assert.equal(result.se.disp.toFixed(5), '0.01536');
});

test('bad input exits non-zero with a message naming the problem', async () => {
  const missing = await kaiku('analyze', 'drivers', '--input', mtcarsPath, '--target', 'mpg', '--attributes', 'cyl,colour');
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /Column "colour" is not in the file/);

  const text = csvFile('text.csv', 'overall,speed,staff\n7,5,6\n8,good,5\n');
  const nonNumeric = await kaiku('analyze', 'drivers', '--input', text, '--target', 'overall', '--attributes', 'speed,staff');
  assert.notEqual(nonNumeric.code, 0);
  assert.match(nonNumeric.stderr, /Column "speed" has a non-numeric value "good" on line 3/);

  const rows = Array.from({ length: 40 }, (_, i) => `${i % 10},${(i * 7) % 5},4`);
  const constant = csvFile('constant.csv', `overall,speed,staff\n${rows.join('\n')}\n`);
  const flat = await kaiku('analyze', 'drivers', '--input', constant, '--target', 'overall', '--attributes', 'speed,staff');
  assert.notEqual(flat.code, 0);
  assert.match(flat.stderr, /Attribute "staff" has the same value \(4\)/);

  const few = csvFile('few.csv', 'overall,a,b,c\n1,2,3,4\n2,3,1,5\n3,1,2,2\n');
  const tooFew = await kaiku('analyze', 'drivers', '--input', few, '--target', 'overall', '--attributes', 'a,b,c');
  assert.notEqual(tooFew.code, 0);
  assert.match(tooFew.stderr, /Only 3 respondents/);

  const promoters = csvFile('promoters-only.csv', 'nps,a\n9,1\n10,2\n9,3\n10,5\n3,1\n');
  const allPromoters = await kaiku('analyze', 'drivers', '--input', promoters, '--target', 'nps', '--attributes', 'a', '--method', 'promoter-logistic');
  assert.notEqual(allPromoters.code, 0);
  assert.match(allPromoters.stderr, /All 4 analysed respondents are promoters/);

  const usage = await kaiku('analyze', 'drivers', '--input', mtcarsPath, '--target', 'mpg', '--attributes', 'cyl', '--method', 'magic');
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /--method must be one of/);
  for (const run of [missing, nonNumeric, flat, tooFew, allPromoters]) assert.doesNotMatch(run.stdout + run.stderr, /NaN/);
});
