/**
 * Churn benchmark (issue 4): train on 1,000,000 contacts ≤ 60 s (split, encoding, Newton fit,
 * holdout evaluation) and score ≥ 100,000 contacts/s. Synthetic contacts from a fixed seed
 * (11 features, one categorical, 5 % missing). Run: npx tsx bench/churn.ts [runs] [contacts]
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { analyseChurn, scoreContacts, topReasons } from '../src/churn/model.ts';
import { syntheticContacts } from '../src/churn/synthetic.ts';
import { createRandom } from '../src/linalg/random.ts';

const runs = Number(process.argv[2] ?? 5);
const contacts = Number(process.argv[3] ?? 1_000_000);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const data = syntheticContacts(contacts, 20240601, { missingShare: 0.05 });
const trainTimes: number[] = [];
const scoreRates: number[] = [];
const reasonRates: number[] = [];
let summary = '';
for (let run = 0; run < runs; run++) {
  let start = performance.now();
  const analysis = analyseChurn(data.features, data.churned, { random: createRandom(run + 1) });
  trainTimes.push(performance.now() - start);
  summary = `holdout AUC ${analysis.holdout.auc?.toFixed(4)}, top-decile lift ${analysis.holdout.deciles[0].lift.toFixed(2)}, ${analysis.model.labels.length} model columns, converged ${analysis.model.converged}`;
  start = performance.now();
  const risk = scoreContacts(analysis.model, data.features);
  scoreRates.push(risk.length / ((performance.now() - start) / 1000));
  const sample = Uint32Array.from({ length: 100_000 }, (_, i) => i);
  start = performance.now();
  topReasons(analysis.model, data.features, sample, 3);
  reasonRates.push(sample.length / ((performance.now() - start) / 1000));
}

const trainMedian = median(trainTimes);
const scoreMedian = median(scoreRates);
console.log(`machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} CPUs, node ${process.version}`);
console.log(`data: ${contacts} contacts, churn rate ${(data.churned.reduce((s, y) => s + y, 0) / contacts).toFixed(3)}; ${summary}`);
console.log(`train (split 80/20 + fit + holdout metrics): median ${(trainMedian / 1000).toFixed(2)} s over ${runs} runs [${trainTimes.map((t) => (t / 1000).toFixed(2)).join(', ')}]  target ≤ 60 s`);
console.log(`score: median ${Math.round(scoreMedian).toLocaleString('en')} contacts/s  target ≥ 100,000/s`);
console.log(`score with top-3 reasons: median ${Math.round(median(reasonRates)).toLocaleString('en')} contacts/s`);
if (trainMedian > 60_000 || scoreMedian < 100_000) {
  console.error('FAIL: churn target missed');
  process.exitCode = 1;
}
