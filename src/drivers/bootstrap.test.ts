import { test } from 'node:test';
import assert from 'node:assert/strict';
import { correlationMatrix } from '../linalg/correlation.ts';
import { createRandom, type Random } from '../linalg/random.ts';
import { allSubsetsRSquared, rSquaredFromCorrelation } from '../linalg/regression.ts';
import { bootstrapDriverWeights, quantileSorted } from './bootstrap.ts';
import { prepareDriverData, type PreparedDrivers } from './data.ts';
import { relativeWeightsFromCorrelation } from './relative-weights.ts';
import { shapleyFromCorrelation } from './shapley.ts';

/** Survey-like answers: p attributes on 1–7 and a 0–10 target driven by them. */
function survey(n: number, p: number, seed: number) {
  const random = createRandom(seed);
  const attributes = Array.from({ length: p }, (_, j) => ({ name: `a${j}`, values: new Float64Array(n) }));
  const target = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const mood = random();
    let y = 0;
    attributes.forEach((a, j) => {
      a.values[i] = 1 + Math.min(6, Math.floor(7 * (0.6 * mood + 0.4 * random())));
      y += (j + 1) * a.values[i];
    });
    target[i] = Math.min(10, Math.floor(y / (p * (p + 1) / 2) * 1.4 + 2 * random()));
  }
  return prepareDriverData({ target: { name: 'nps', values: target }, attributes });
}

/** The bootstrap written the direct way: copy the drawn rows, correlate the copy, fit. */
function directBootstrap(prepared: PreparedDrivers, method: 'relative-weights' | 'shapley', replicates: number, random: Random) {
  const source = [...prepared.attributeValues, prepared.targetValues];
  const n = prepared.n;
  const fits: Array<{ r2: number; weights: number[] }> = [];
  for (let r = 0; r < replicates; r++) {
    const copy = source.map(() => new Float64Array(n));
    for (let i = 0; i < n; i++) {
      const row = Math.floor(random() * n);
      source.forEach((column, c) => { copy[c][i] = column[row]; });
    }
    const { matrix, constant } = correlationMatrix(copy);
    if (constant.some(Boolean)) continue;
    fits.push(method === 'shapley' ? shapleyFromCorrelation(matrix) : relativeWeightsFromCorrelation(matrix));
  }
  const interval = (values: number[]) => {
    const sorted = Float64Array.from(values).sort();
    return [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)];
  };
  return { used: fits.length, r2: interval(fits.map((f) => f.r2)), weights: prepared.attributes.map((_, j) => interval(fits.map((f) => f.weights[j]))) };
}

test('all-subsets R² by incremental Cholesky rows equals a separate solve for every subset', () => {
  const prepared = survey(400, 9, 7);
  const predictors = prepared.attributes.map((_, j) => j);
  const subsets = allSubsetsRSquared(prepared.correlation, predictors, 9);
  assert.equal(subsets.length, 512);
  assert.equal(subsets[0], 0);
  for (let mask = 1; mask < 512; mask++) {
    const members = predictors.filter((k) => mask & (1 << k));
    const direct = rSquaredFromCorrelation(prepared.correlation, members, 9)!;
    assert.ok(Math.abs(subsets[mask] - direct) < 1e-12, `subset ${mask.toString(2)}: ${subsets[mask]} vs ${direct}`);
  }
  // A perfectly collinear pair is still refused.
  const collinear = [[1, 1, 0.5], [1, 1, 0.5], [0.5, 0.5, 1]];
  assert.throws(() => allSubsetsRSquared(collinear, [0, 1], 2), /singular/);
});

test('the count-based bootstrap gives the intervals of copying and correlating each resample', () => {
  const prepared = survey(600, 5, 3);
  for (const method of ['relative-weights', 'shapley'] as const) {
    const fast = bootstrapDriverWeights(prepared, method, { replicates: 40, random: createRandom(11) });
    const direct = directBootstrap(prepared, method, 40, createRandom(11));
    assert.equal(fast.used, direct.used);
    assert.ok(Math.abs(fast.r2.lower - direct.r2[0]) < 1e-10 && Math.abs(fast.r2.upper - direct.r2[1]) < 1e-10, `${method} R² interval`);
    prepared.attributes.forEach((name, j) => {
      assert.ok(Math.abs(fast.weights[name].lower - direct.weights[j][0]) < 1e-10, `${method} ${name} lower`);
      assert.ok(Math.abs(fast.weights[name].upper - direct.weights[j][1]) < 1e-10, `${method} ${name} upper`);
    });
  }
});

test('resamples in which an attribute is constant are skipped exactly as the direct way skips them', () => {
  // Eight respondents, one of whom answers a rare value: many resamples miss them and make "rare" constant.
  const rare = new Float64Array([1, 1, 1, 1, 1, 1, 1, 5]);
  const other = new Float64Array([1, 2, 3, 4, 5, 6, 7, 3]);
  const target = new Float64Array([2, 3, 5, 6, 8, 9, 10, 7]);
  const prepared = prepareDriverData({ target: { name: 'nps', values: target }, attributes: [{ name: 'rare', values: rare }, { name: 'other', values: other }] });
  const fast = bootstrapDriverWeights(prepared, 'relative-weights', { replicates: 200, random: createRandom(5) });
  const direct = directBootstrap(prepared, 'relative-weights', 200, createRandom(5));
  assert.ok(fast.used < 200 && fast.used > 0, `used ${fast.used}`);
  assert.equal(fast.used, direct.used);
});
