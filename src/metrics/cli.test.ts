import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main.ts';
import type { CliIO } from '../cli/io.ts';

const directory = mkdtempSync(join(tmpdir(), 'kaiku-metrics-cli-'));
after(() => rmSync(directory, { recursive: true, force: true }));

let fileNumber = 0;
function csvFile(lines: string[]): string {
  const path = join(directory, `answers-${++fileNumber}.csv`);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

async function kaiku(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (text) => void (out += text), err: (text) => void (err += text) };
  const code = await main(argv, io);
  return { code, out, err };
}

function close(actual: unknown, expected: number, tolerance: number, label = ''): void {
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= tolerance, `${label} expected ${expected} ± ${tolerance}, got ${actual}`);
}

const Z = 1.959963984540054; // R qnorm(0.975)

// Ten NPS answers 10,10,9,9,9 | 8,7 | 6,3,0 and one empty cell (skipped):
// P = 0.5, passives 0.2, D = 0.3 → NPS 20; variance 0.5 + 0.3 − 0.04 = 0.76; SE = 100·√0.076 = 27.568.
const tenAnswers = () =>
  csvFile(['respondent,nps', '1,10', '2,10', '3,9', '4,9', '5,9', '6,8', '7,7', '8,6', '9,3', '10,0', '11,']);

test('analyze nps prints one JSON object with shares, NPS, SE and CI', async () => {
  const { code, out, err } = await kaiku('analyze', 'nps', '--input', tenAnswers(), '--column', 'nps');
  assert.equal(err, '');
  assert.equal(code, 0);
  const result = JSON.parse(out);
  assert.deepEqual(Object.keys(result), ['n', 'promoters', 'passives', 'detractors', 'nps', 'se', 'ci95']);
  assert.equal(result.n, 10);
  close(result.promoters, 0.5, 1e-12);
  close(result.passives, 0.2, 1e-12);
  close(result.detractors, 0.3, 1e-12);
  close(result.nps, 20, 1e-9);
  close(result.se, 100 * Math.sqrt(0.076), 1e-9);
  close(result.ci95[0], 20 - Z * 100 * Math.sqrt(0.076), 1e-9);
  close(result.ci95[1], 20 + Z * 100 * Math.sqrt(0.076), 1e-9);
});

test('analyze nps --format table prints an aligned, rounded table', async () => {
  // CI = 20 ± 54.0325 → −34.0 … 74.0; SE 27.568 → 27.6.
  const { code, out } = await kaiku('analyze', 'nps', '--input', tenAnswers(), '--column', 'nps', '--format', 'table');
  assert.equal(code, 0);
  assert.equal(
    out,
    [
      ' n  Promoters  Passives  Detractors   NPS    SE       95 % CI',
      '--  ---------  --------  ----------  ----  ----  ------------',
      '10     50.0 %    20.0 %      30.0 %  20.0  27.6  -34.0 … 74.0',
      '',
    ].join('\n'),
  );
});

// North: 10,10,9,6 → P 0.75, D 0.25, NPS 50, variance 1 − 0.25 = 0.75, SE = 100·√(0.75/4) = 43.30127.
// South: 9,7,0,0 → P 0.25, D 0.5, NPS −25, variance 0.75 − 0.0625 = 0.6875, SE = 100·√(0.6875/4) = 41.45781.
// Difference 75, SE = 100·√(0.1875 + 0.171875) = 59.947894, z = 1.2510865, p = 0.2109029 (scipy norm.sf).
const regions = () =>
  csvFile(['id;region;nps', '1;North;10', '2;South;9', '3;North;10', '4;South;7', '5;North;9', '6;South;0', '7;North;6', '8;South;0']);

test('analyze nps --by gives one object per group, sorted by group', async () => {
  const { code, out } = await kaiku('analyze', 'nps', '--input', regions(), '--column', 'nps', '--by', 'region');
  assert.equal(code, 0);
  const result = JSON.parse(out);
  assert.deepEqual(result.map((r: { group: string }) => r.group), ['North', 'South']);
  assert.deepEqual(Object.keys(result[0]), ['group', 'n', 'promoters', 'passives', 'detractors', 'nps', 'se', 'ci95']);
  close(result[0].nps, 50, 1e-9);
  close(result[0].se, 100 * Math.sqrt(0.1875), 1e-9);
  close(result[1].nps, -25, 1e-9);
  close(result[1].se, 100 * Math.sqrt(0.171875), 1e-9);
  close(result[1].passives, 0.25, 1e-12);
});

test('analyze --by sorts numeric group values as numbers', async () => {
  const file = csvFile(['cohort,nps', '10,9', '2,9', '9,9', '2,0']);
  const { out } = await kaiku('analyze', 'nps', '--input', file, '--column', 'nps', '--by', 'cohort');
  assert.deepEqual(JSON.parse(out).map((r: { group: string; n: number }) => [r.group, r.n]), [['2', 2], ['9', 1], ['10', 1]]);
});

test('analyze nps --compare tests the NPS difference of two groups', async () => {
  const { code, out } = await kaiku('analyze', 'nps', '--input', regions(), '--column', 'nps', '--compare', 'region=North,South');
  assert.equal(code, 0);
  const result = JSON.parse(out);
  assert.equal(result.a.group, 'North');
  assert.equal(result.b.group, 'South');
  close(result.a.nps, 50, 1e-9);
  close(result.b.nps, -25, 1e-9);
  close(result.difference, 75, 1e-9);
  close(result.se, 59.947894041408986, 1e-9);
  close(result.z, 1.2510864843424487, 1e-9);
  close(result.p, 0.21090292605661032, 1e-9);
});

test('analyze nps --compare --format table ends with the difference and the test', async () => {
  const { out } = await kaiku('analyze', 'nps', '--input', regions(), '--column', 'nps', '--compare', 'region=North,South', '--format', 'table');
  assert.match(out, /^region +n +Promoters/);
  assert.match(out, /\nNorth +4 +75\.0 % +0\.0 % +25\.0 % +50\.0 +43\.3 +-34\.9 … 100\.0\n/);
  assert.ok(out.endsWith('North − South: +75.0 NPS points; z = 1.25, p = 0.211\n'), out);
});

test('analyze csat: top-2-box with Wilson interval, compared by pooled z-test', async () => {
  // A: 5,5,4,2 → 3/4 top-box, mean 4; B: 1,2,4,5 → 2/4, mean 3. Wilson(3, 4) = [0.300642, 0.954413] (scipy).
  // Pooled 5/8: se = √(0.625·0.375·(1/4 + 1/4)) = 0.3423266; z = 0.25/0.3423266 = 0.7302967; p = 0.4652088.
  const file = csvFile(['shop,csat', 'A,5', 'B,1', 'A,5', 'B,2', 'A,4', 'B,4', 'A,2', 'B,5']);
  const whole = JSON.parse((await kaiku('analyze', 'csat', '--input', file, '--column', 'csat', '--by', 'shop')).out);
  close(whole[0].topBoxShare, 0.75, 1e-12);
  close(whole[0].mean, 4, 1e-12);
  close(whole[0].ci95[0], 0.30064184258240184, 1e-9);
  close(whole[0].ci95[1], 0.9544127391902995, 1e-9);
  const { code, out } = await kaiku('analyze', 'csat', '--input', file, '--column', 'csat', '--compare', 'shop=A,B');
  assert.equal(code, 0);
  const result = JSON.parse(out);
  assert.deepEqual(Object.keys(result), ['a', 'b', 'difference', 'z', 'p']);
  close(result.difference, 0.25, 1e-12);
  close(result.z, 0.7302967433402214, 1e-9);
  close(result.p, 0.4652088184521418, 1e-9);
});

test('analyze ces --compare runs a Welch t-test (scipy ttest_ind equal_var=False)', async () => {
  // A = 1,2,2,3,7 (mean 3, sd² 5.5); B = 4,5,5,6 (mean 5, sd² 2/3): t = −1.777047, df = 5.146421, p = 0.134042.
  const file = csvFile(['channel,effort', 'web,1', 'web,2', 'web,2', 'web,3', 'web,7', 'phone,4', 'phone,5', 'phone,5', 'phone,6']);
  const { code, out } = await kaiku('analyze', 'ces', '--input', file, '--column', 'effort', '--compare', 'channel=web,phone');
  assert.equal(code, 0);
  const result = JSON.parse(out);
  assert.deepEqual(Object.keys(result), ['a', 'b', 'difference', 't', 'df', 'p']);
  close(result.a.mean, 3, 1e-12);
  close(result.a.sd, Math.sqrt(5.5), 1e-12);
  // CI of A = 3 ± qt(0.975, 4)·√1.1 with qt(0.975, 4) = 2.7764451051977934.
  close(result.a.ci95[1], 3 + 2.7764451051977934 * Math.sqrt(1.1), 1e-9);
  close(result.b.se, Math.sqrt(1 / 6), 1e-12);
  close(result.difference, -2, 1e-12);
  close(result.t, -1.777046633277277, 1e-9);
  close(result.df, 5.146421146421147, 1e-9);
  close(result.p, 0.1340424056020786, 1e-9);
});

test('analyze likert counts don\'t-know answers in every product language apart', async () => {
  // 1,3 disagree; 4,4 neutral; 5,6,7,7 agree; 7 don't-knows → n = 8, nTotal = 15, mean 37/8.
  const file = csvFile([
    'id,q1',
    '1,1', '2,3', '3,4', '4,4', '5,5', '6,6', '7,7', '8,7',
    '9,EOS', '10,en osaa sanoa', '11,Vet ej', '12,nie wiem', "13,Don't know", '14,dk', '15,dont_know', '16,',
  ]);
  const { code, out } = await kaiku('analyze', 'likert', '--input', file, '--column', 'q1');
  assert.equal(code, 0);
  const result = JSON.parse(out);
  assert.equal(result.n, 8);
  assert.equal(result.nTotal, 15);
  assert.equal(result.agree, 0.5);
  assert.equal(result.neutral, 0.25);
  assert.equal(result.disagree, 0.25);
  close(result.dontKnowShare, 7 / 15, 1e-15);
  close(result.withDontKnow.agree, 4 / 15, 1e-15);
  close(result.withDontKnow.dontKnow, 7 / 15, 1e-15);
  assert.equal(result.mean, 4.625);
});

test('analyze likert --compare compares agree shares', async () => {
  // X: 7,6,2,dk → agree 2/3; Y: 1,2,5,4 → agree 1/4. Pooled 3/7:
  // se = √(3/7·4/7·(1/3 + 1/4)) = √(12/49·7/12) = √(1/7) = 0.3779645; z = (2/3 − 1/4)/0.3779645 = 1.1024393.
  const file = csvFile(['team,q', 'X,7', 'X,6', 'X,2', 'X,dk', 'Y,1', 'Y,2', 'Y,5', 'Y,4']);
  const result = JSON.parse((await kaiku('analyze', 'likert', '--input', file, '--column', 'q', '--compare', 'team=X,Y')).out);
  close(result.difference, 2 / 3 - 1 / 4, 1e-12);
  close(result.z, (2 / 3 - 1 / 4) * Math.sqrt(7), 1e-9);
  assert.equal(result.a.nTotal, 4);
});

test('a score outside the scale fails naming the column, the rows and the values, with nothing on stdout', async () => {
  const file = csvFile(['id,nps', '1,10', '2,11', '3,abc', '4,', '5,9.5', '6,-1', '7,dk', '8,12', '9,13', '10,7']);
  const { code, out, err } = await kaiku('analyze', 'nps', '--input', file, '--column', 'nps');
  assert.equal(code, 1);
  assert.equal(out, '');
  assert.match(err, /Column "nps"/);
  assert.match(err, /0–10/);
  assert.match(err, /row 2 "11", row 3 "abc", row 5 "9\.5", row 6 "-1", row 7 "dk" and 2 more/);
});

test('usage errors and unreadable input fail with a message and a non-zero exit', async () => {
  const file = regions();
  const cases: Array<{ argv: string[]; code: number; message: RegExp }> = [
    { argv: ['--input', file, '--column', 'nps', '--colour', 'red'], code: 2, message: /colour/ },
    { argv: ['--input', file], code: 2, message: /--column is required/ },
    { argv: ['--input', join(directory, 'missing.csv'), '--column', 'nps'], code: 1, message: /Cannot read .*missing\.csv/ },
    { argv: ['--input', file, '--column', 'score'], code: 1, message: /Column "score" is not in the file/ },
    { argv: ['--input', file, '--column', 'nps', '--by', 'unit'], code: 1, message: /Column "unit" is not in the file/ },
    { argv: ['--input', file, '--column', 'nps', '--compare', 'region=North,East'], code: 1, message: /Group "East" does not occur in column "region"/ },
    { argv: ['--input', file, '--column', 'nps', '--compare', 'region=North'], code: 2, message: /COL=A,B/ },
    { argv: ['--input', file, '--column', 'nps', '--by', 'region', '--compare', 'region=North,South'], code: 2, message: /either --by or --compare/ },
    { argv: ['--input', file, '--column', 'nps', '--format', 'xml'], code: 2, message: /json or table/ },
  ];
  for (const { argv, code, message } of cases) {
    const result = await kaiku('analyze', 'nps', ...argv);
    assert.equal(result.code, code, `${argv.join(' ')}: ${result.err}`);
    assert.equal(result.out, '');
    assert.match(result.err, message);
  }
});

test('analyze nps --help describes the options and exits 0', async () => {
  const { code, out } = await kaiku('analyze', 'nps', '--help');
  assert.equal(code, 0);
  assert.match(out, /^Usage: kaiku analyze nps --input FILE\.csv --column COL/);
  assert.match(out, /--compare COL=A,B/);
});

test('an empty column gives null figures, not NaN', async () => {
  const file = csvFile(['id,nps', '1,', '2,']);
  const { code, out } = await kaiku('analyze', 'nps', '--input', file, '--column', 'nps');
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(out), { n: 0, promoters: null, passives: null, detractors: null, nps: null, se: null, ci95: null });
});
