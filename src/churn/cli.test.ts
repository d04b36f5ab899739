import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main.ts';
import { syntheticContacts } from './synthetic.ts';

async function kaiku(...args: string[]) {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'kaiku-churn-'));
function csvFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Synthetic contacts as CSV: id, features, churned (yes/no). */
function contactsCsv(count: number, seed: number, withTarget: boolean): string {
  const data = syntheticContacts(count, seed, { missingShare: 0.05 });
  const header = ['customer_id', ...data.features.map((f) => f.name), ...(withTarget ? ['churned'] : [])];
  const lines = data.ids.map((id, i) => [
    id,
    ...data.features.map((f) => (f.kind === 'numeric' ? (Number.isNaN(f.values[i]) ? '' : String(f.values[i])) : f.values[i])),
    ...(withTarget ? [data.churned[i] ? 'yes' : 'no'] : []),
  ].join(','));
  return `${header.join(',')}\n${lines.join('\n')}\n`;
}

const trainPath = csvFile('train.csv', contactsCsv(5000, 1, true));
const scorePath = csvFile('score.csv', contactsCsv(50, 2, false));

test('kaiku analyze churn prints a risk per contact to score and the holdout metrics on stderr', async () => {
  const { code, stdout, stderr } = await kaiku('analyze', 'churn', '--train', trainPath, '--target', 'churned', '--id', 'customer_id', '--score', scorePath, '--format', 'json');
  assert.equal(code, 0, stderr);
  const scores = JSON.parse(stdout) as Array<{ id: string; risk: number }>;
  assert.equal(scores.length, 50);
  assert.equal(scores[0].id, 'C0000001');
  assert.deepEqual(Object.keys(scores[0]), ['id', 'risk']);
  for (const s of scores) assert.ok(s.risk > 0 && s.risk < 1);
  assert.match(stderr, /Holdout: 1000 contacts/);
  assert.match(stderr, /AUC 0\.\d{4}/);
});

test('--report puts scores and the holdout report (AUC, lift, calibration, model) in one JSON', async () => {
  const { code, stdout } = await kaiku('analyze', 'churn', '--train', trainPath, '--target', 'churned', '--id', 'customer_id', '--features', 'nps,complaints,plan,tenure_months', '--score', scorePath, '--report', '--reasons', '2', '--seed', '9');
  assert.equal(code, 0);
  const { scores, report } = JSON.parse(stdout);
  assert.equal(scores.length, 50);
  assert.ok(scores[0].reasons.length <= 2);
  assert.equal(report.trainN + report.holdoutN, 5000);
  assert.ok(report.auc > 0.7 && report.auc < 0.95);
  assert.equal(report.lift.length, 10);
  assert.equal(report.calibration.length, 10);
  assert.deepEqual(Object.keys(report.model.coefficients), ['nps', 'complaints', 'plan=standard', 'plan=premium', 'plan=(missing)', 'tenure_months']);
  assert.ok(report.lift[0].lift > 1.5);
});

test('bad churn input exits non-zero with a clear message', async () => {
  const base = ['analyze', 'churn', '--train', trainPath, '--target', 'churned', '--id', 'customer_id'];
  const noColumn = await kaiku(...base, '--features', 'nps,mood', '--score', scorePath);
  assert.notEqual(noColumn.code, 0);
  assert.match(noColumn.stderr, /Column "mood" is not in the file/);
  const badScore = csvFile('bad-score.csv', 'customer_id,nps\nA,5\nB,lots\n');
  const nonNumeric = await kaiku(...base, '--features', 'nps', '--score', badScore);
  assert.notEqual(nonNumeric.code, 0);
  assert.match(nonNumeric.stderr, /Column "nps" has a non-numeric value "lots" on line 3/);
  const flatTrain = csvFile('flat.csv', `customer_id,score,churned\n${Array.from({ length: 30 }, (_, i) => `c${i},5,${i % 3 === 0 ? 1 : 0}`).join('\n')}\n`);
  const flat = await kaiku('analyze', 'churn', '--train', flatTrain, '--target', 'churned', '--id', 'customer_id', '--score', flatTrain);
  assert.notEqual(flat.code, 0);
  assert.match(flat.stderr, /Feature "score" has the same value \(5\)/);
  const badTarget = csvFile('bad-target.csv', 'customer_id,nps,churned\na,3,maybe\nb,5,no\n');
  const maybe = await kaiku('analyze', 'churn', '--train', badTarget, '--target', 'churned', '--id', 'customer_id', '--score', badTarget);
  assert.notEqual(maybe.code, 0);
  assert.match(maybe.stderr, /line 2 has "maybe"/);
});
