/**
 * Key-driver benchmark (issue 4): Shapley/LMG on 100,000 respondents × 12 attributes must take
 * ≤ 2 s end to end (listwise deletion, correlation matrix, 4,096 subset regressions).
 * Synthetic 1–7 answers from a fixed seed. Run: npx tsx bench/drivers.ts [runs]
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { bootstrapDriverWeights } from '../src/drivers/bootstrap.ts';
import { prepareDriverData, type DriverInput } from '../src/drivers/data.ts';
import { relativeWeights } from '../src/drivers/relative-weights.ts';
import { shapleyWeights } from '../src/drivers/shapley.ts';
import { createRandom, randomNormal } from '../src/linalg/random.ts';

const respondents = 100_000;
const attributeCount = 12;
const runs = Number(process.argv[2] ?? 7);

/** Likert 1–7 attribute answers driven by a shared "halo" factor, a 0–10 recommend score, some don't-know. */
function syntheticSurvey(seed: number, dontKnowShare: number): DriverInput {
  const random = createRandom(seed);
  const halo = Float64Array.from({ length: respondents }, () => randomNormal(random));
  const likert = (z: number) => Math.min(7, Math.max(1, Math.round(4 + 1.3 * z)));
  const attributes = Array.from({ length: attributeCount }, (_, j) => ({
    name: `attribute_${j + 1}`,
    values: Float64Array.from(halo, (h) => (random() < dontKnowShare ? Number.NaN : likert(0.7 * h + 0.7 * randomNormal(random)))),
  }));
  const target = Float64Array.from(halo, (h, i) => {
    let signal = 0.5 * h;
    for (let j = 0; j < attributeCount; j++) if (!Number.isNaN(attributes[j].values[i])) signal += (0.02 * (j + 1) * (attributes[j].values[i] - 4));
    return Math.min(10, Math.max(0, Math.round(7 + 1.5 * signal + randomNormal(random))));
  });
  return { target: { name: 'recommend', values: target }, attributes };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function time<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}

function measure(input: DriverInput) {
  const shapleyTimes: number[] = [];
  const weightsTimes: number[] = [];
  let n = 0;
  let r2 = 0;
  for (let run = 0; run < runs; run++) {
    const shapley = time(() => shapleyWeights(input));
    shapleyTimes.push(shapley.ms);
    n = shapley.result.n;
    r2 = shapley.result.r2;
    weightsTimes.push(time(() => relativeWeights(input)).ms);
  }
  return { shapleyTimes, weightsTimes, n, r2 };
}

// Every respondent complete, and 3 % don't-know per attribute (listwise deletion keeps ~69 %).
const complete = measure(syntheticSurvey(20240601, 0));
const input = syntheticSurvey(20240601, 0.03);
const withGaps = measure(input);
const prepared = prepareDriverData(input);
const bootstrap = time(() => bootstrapDriverWeights(prepared, 'shapley', { replicates: 20, random: createRandom(1) }));

const shapleyMedian = Math.max(median(complete.shapleyTimes), median(withGaps.shapleyTimes));
console.log(`machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} CPUs, node ${process.version}`);
for (const [label, m] of [['complete answers', complete], ['3 % don\'t-know', withGaps]] as const) {
  console.log(`${label}: ${respondents} respondents × ${attributeCount} attributes, n used ${m.n}, R² ${m.r2.toFixed(4)}`);
  console.log(`  shapley (LMG, 2^${attributeCount} subsets): median ${median(m.shapleyTimes).toFixed(0)} ms over ${runs} runs [${m.shapleyTimes.map((t) => t.toFixed(0)).join(', ')}]  target ≤ 2000 ms`);
  console.log(`  relative weights: median ${median(m.weightsTimes).toFixed(0)} ms`);
}
console.log(`shapley bootstrap: ${(bootstrap.ms / 20).toFixed(0)} ms per replicate`);
if (shapleyMedian > 2000) {
  console.error('FAIL: Shapley above 2 s');
  process.exitCode = 1;
}
