import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { KaikuError } from '../errors.ts';
import { numericColumn, readPublishedExample } from '../linalg/published-examples.ts';
import { createRandom, randomNormal } from '../linalg/random.ts';
import { ordinaryLeastSquares } from '../linalg/regression.ts';
import { bootstrapDriverWeights } from './bootstrap.ts';
import { prepareDriverData, type DriverInput } from './data.ts';
import { priorityMatrix } from './priority.ts';
import { promoterLogistic } from './promoter-logistic.ts';
import { relativeWeights } from './relative-weights.ts';
import { shapleyWeights } from './shapley.ts';

const mtcars = readPublishedExample('mtcars.csv');
const attitude = readPublishedExample('attitude.csv');

function inputFrom(table: typeof mtcars, target: string, attributes: string[]): DriverInput {
  return {
    target: { name: target, values: numericColumn(table, target) },
    attributes: attributes.map((name) => ({ name, values: numericColumn(table, name) })),
  };
}

/** Asserts that `actual` rounds to the printed value at the printed number of decimals. */
function printed(actual: number, text: string, what: string) {
  const decimals = text.includes('.') ? text.split('.')[1].length : 0;
  assert.equal(actual.toFixed(decimals), Number(text).toFixed(decimals), `${what}: ${actual} does not round to ${text}`);
}

const sum = (record: Record<string, number>) => Object.values(record).reduce((s, v) => s + v, 0);

test('relative weights reproduce the rwa vignette: mtcars mpg ~ cyl + disp + hp + gear', () => {
  const result = relativeWeights(inputFrom(mtcars, 'mpg', ['cyl', 'disp', 'hp', 'gear']));
  printed(result.r2, '0.7791896', 'R²');
  const raw = { cyl: '0.2284797', disp: '0.2221469', hp: '0.2321744', gear: '0.0963886' };
  const rescaled = { cyl: '29.32274', disp: '28.50999', hp: '29.79691', gear: '12.37037' };
  for (const [name, value] of Object.entries(raw)) printed(result.weights[name], value, name);
  for (const [name, value] of Object.entries(rescaled)) printed(result.rescaled[name], value, `${name} %`);
  assert.equal(result.n, 32);
  assert.deepEqual(result.warnings, []);
});

test('relative weights reproduce the rwa vignette with wt added (5 predictors)', () => {
  const result = relativeWeights(inputFrom(mtcars, 'mpg', ['cyl', 'disp', 'hp', 'gear', 'wt']));
  const raw = { cyl: '0.18833374', disp: '0.16479802', hp: '0.18809142', gear: '0.07345304', wt: '0.23642417' };
  for (const [name, value] of Object.entries(raw)) printed(result.weights[name], value, name);
  assert.ok(Math.abs(sum(result.weights) - result.r2) < 1e-12);
});

test('Shapley weights reproduce domir general and conditional dominance: mtcars mpg ~ am + cyl + carb', () => {
  const result = shapleyWeights(inputFrom(mtcars, 'mpg', ['am', 'cyl', 'carb']));
  printed(result.r2, '0.8113023', 'R²');
  printed(result.weights.am, '0.2156848', 'am');
  printed(result.weights.cyl, '0.4173094', 'cyl');
  printed(result.weights.carb, '0.1783081', 'carb');
  const conditional = {
    am: ['0.3597989', '0.2164938', '0.07076149'],
    cyl: ['0.7261800', '0.4181185', '0.10762967'],
    carb: ['0.3035184', '0.1791172', '0.05228872'],
  };
  for (const [name, values] of Object.entries(conditional)) {
    values.forEach((value, k) => printed(result.conditional[name][k], value, `${name} conditional ${k + 1}`));
  }
});

test('Shapley weights reproduce the dominanceanalysis README: attitude rating ~ all six', () => {
  const names = ['complaints', 'privileges', 'learning', 'raises', 'critical', 'advance'];
  const result = shapleyWeights(inputFrom(attitude, 'rating', names));
  const expected = ['0.371', '0.051', '0.156', '0.120', '0.007', '0.028'];
  names.forEach((name, j) => printed(result.weights[name], expected[j], name));
  printed(result.r2, '0.733', 'R²');
});

/** Independent check: average R² gain over all p! orderings, each R² refitted by OLS on the data. */
function bruteForceShapley(input: DriverInput): number[] {
  const p = input.attributes.length;
  const columns = input.attributes.map((a) => a.values);
  const cache = new Map<string, number>();
  const r2 = (members: number[]) => {
    const key = [...members].sort().join(',');
    if (!cache.has(key)) cache.set(key, members.length ? ordinaryLeastSquares(members.map((j) => columns[j]), input.target.values)!.r2 : 0);
    return cache.get(key)!;
  };
  const totals = new Array<number>(p).fill(0);
  let orderings = 0;
  const permute = (prefix: number[], rest: number[]) => {
    if (rest.length === 0) {
      orderings++;
      prefix.forEach((j, position) => {
        totals[j] += r2(prefix.slice(0, position + 1)) - r2(prefix.slice(0, position));
      });
      return;
    }
    rest.forEach((j, i) => permute([...prefix, j], [...rest.slice(0, i), ...rest.slice(i + 1)]));
  };
  permute([], Array.from({ length: p }, (_, j) => j));
  return totals.map((t) => t / orderings);
}

function syntheticDrivers(seed: number, n: number, p: number): DriverInput {
  const random = createRandom(seed);
  const shared = Array.from({ length: n }, () => randomNormal(random));
  const attributes = Array.from({ length: p }, (_, j) => ({
    name: `a${j}`,
    values: Float64Array.from(shared, (s) => 0.6 * s + randomNormal(random)),
  }));
  const target = Float64Array.from(shared, (_, i) => attributes.reduce((acc, a, j) => acc + (j + 1) * 0.3 * a.values[i], 0) + 2 * randomNormal(random));
  return { target: { name: 'overall', values: target }, attributes };
}

test('Shapley over subsets equals the brute-force average over all orderings', () => {
  const input = syntheticDrivers(11, 200, 5);
  const expected = bruteForceShapley(input);
  const result = shapleyWeights(input);
  input.attributes.forEach((a, j) => assert.ok(Math.abs(result.weights[a.name] - expected[j]) < 1e-12, `${a.name}: ${result.weights[a.name]} vs ${expected[j]}`));
});

test('property: both methods give non-negative weights that sum to the OLS R²', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 40, max: 120 }), (seed, p, n) => {
      const input = syntheticDrivers(seed, n, p);
      const r2 = ordinaryLeastSquares(input.attributes.map((a) => a.values), input.target.values)!.r2;
      for (const result of [relativeWeights(input), shapleyWeights(input)]) {
        assert.ok(Math.abs(result.r2 - r2) < 1e-10);
        assert.ok(Math.abs(sum(result.weights) - r2) < 1e-10);
        assert.ok(Math.abs(sum(result.rescaled) - 100) < 1e-8);
        for (const w of Object.values(result.weights)) assert.ok(w >= -1e-15, `negative weight ${w}`);
      }
    }),
    { numRuns: 60 },
  );
});

test('missing and don\'t-know answers drop the respondent (listwise) and are counted', () => {
  const complete = inputFrom(mtcars, 'mpg', ['cyl', 'disp', 'hp', 'gear']);
  const withGaps: DriverInput = {
    target: { name: 'mpg', values: Float64Array.from(complete.target.values, (v, i) => (i === 3 ? Number.NaN : v)) },
    attributes: complete.attributes.map((a, j) => ({ name: a.name, values: Float64Array.from(a.values, (v, i) => (i === 10 + j ? Number.NaN : v)) })),
  };
  const result = relativeWeights(withGaps);
  assert.equal(result.n, 27);
  assert.equal(result.excluded, 5);
  const kept = (values: ArrayLike<number>) => Float64Array.from(Array.from(values).filter((_, i) => i !== 3 && (i < 10 || i > 13)));
  const manual = relativeWeights({
    target: { name: 'mpg', values: kept(complete.target.values) },
    attributes: complete.attributes.map((a) => ({ name: a.name, values: kept(a.values) })),
  });
  assert.deepEqual(result.weights, manual.weights);
});

test('degenerate input gives a clear error naming the problem, never NaN', () => {
  const base = inputFrom(mtcars, 'mpg', ['cyl', 'disp']);
  const constant = { ...base, attributes: [...base.attributes, { name: 'brand', values: new Float64Array(32).fill(3) }] };
  assert.throws(() => relativeWeights(constant), (e: unknown) => e instanceof KaikuError && /"brand" has the same value \(3\)/.test(e.message));
  assert.throws(() => shapleyWeights({ ...base, target: { name: 'mpg', values: new Float64Array(32).fill(7) } }), /Target "mpg" has the same value/);
  const tiny = inputFrom({ ...mtcars, rows: mtcars.rows.slice(0, 3) }, 'mpg', ['cyl', 'disp', 'hp']);
  assert.throws(() => relativeWeights(tiny), /Only 3 respondents .* at least 5 are needed/);
  const doubled = { ...base, attributes: [...base.attributes, { name: 'cyl2', values: Float64Array.from(base.attributes[0].values, (v) => 2 * v + 1) }] };
  assert.throws(() => shapleyWeights(doubled), /"cyl", "cyl2" are perfectly collinear/);
  assert.throws(() => relativeWeights({ ...base, attributes: [] }), /at least one driver attribute/);
  assert.throws(() => relativeWeights({ ...base, attributes: [base.attributes[0], base.attributes[0]] }), /"cyl" is named twice/);
});

test('small samples and near-duplicate attributes produce warnings, with results still given', () => {
  const small = relativeWeights(inputFrom({ ...mtcars, rows: mtcars.rows.slice(0, 20) }, 'mpg', ['cyl', 'hp']));
  assert.deepEqual(small.warnings.map((w) => w.code), ['few_respondents']);
  assert.ok(Number.isFinite(small.r2));
  const input = syntheticDrivers(5, 300, 2);
  const random = createRandom(9);
  const nearCopy = { name: 'a0_again', values: Float64Array.from(input.attributes[0].values, (v) => v + 0.05 * randomNormal(random)) };
  const result = shapleyWeights({ ...input, attributes: [...input.attributes, nearCopy] });
  assert.ok(result.warnings.some((w) => w.code === 'collinearity' && w.message.includes('"a0" and "a0_again"')));
});

test('bootstrap intervals are reproducible with a seed and bracket the estimate', () => {
  const prepared = prepareDriverData(inputFrom(mtcars, 'mpg', ['cyl', 'disp', 'hp', 'gear']));
  const first = bootstrapDriverWeights(prepared, 'relative-weights', { replicates: 300, random: createRandom(2024) });
  const second = bootstrapDriverWeights(prepared, 'relative-weights', { replicates: 300, random: createRandom(2024) });
  assert.deepEqual(first, second);
  const other = bootstrapDriverWeights(prepared, 'relative-weights', { replicates: 300, random: createRandom(2025) });
  assert.notDeepEqual(first.weights, other.weights);
  const point = relativeWeights(prepared);
  for (const name of prepared.attributes) {
    const { lower, upper } = first.weights[name];
    assert.ok(lower < point.weights[name] && point.weights[name] < upper, `${name}: ${lower} < ${point.weights[name]} < ${upper}`);
  }
  assert.equal(first.used, 300);
  const shapley = bootstrapDriverWeights(prepared, 'shapley', { replicates: 50, random: createRandom(1), level: 0.9 });
  assert.ok(shapley.r2.lower < point.r2 && point.r2 < shapley.r2.upper);
});

/** mtcars with vs coded as an NPS answer (1 → promoter 10, 0 → passive 7) plus detractors to ignore. */
function promoterInput(attributes: string[], outcome: string): DriverInput {
  const base = inputFrom(mtcars, outcome, attributes);
  const score = Array.from(base.target.values, (v) => (v === 1 ? 10 : 7));
  const extra = [3, 0, 6];
  return {
    target: { name: 'recommend', values: Float64Array.from([...score, ...extra]) },
    attributes: base.attributes.map((a, j) => ({ name: a.name, values: Float64Array.from([...Array.from(a.values), ...extra.map((_, k) => 100 * (j + 1) + k)]) })),
  };
}

test('promoter-vs-passive logistic regression reproduces R glm(vs ~ wt + disp) and glm(am ~ disp + hp)', () => {
  const vs = promoterLogistic(promoterInput(['wt', 'disp'], 'vs'));
  assert.equal(vs.n, 32);
  assert.equal(vs.detractorsExcluded, 3);
  assert.equal(vs.promoters, 14);
  const expectedVs = { '(Intercept)': ['1.60859', '2.43903'], wt: ['1.62635', '1.49068'], disp: ['-0.03443', '0.01536'] };
  for (const [name, [b, se]] of Object.entries(expectedVs)) {
    printed(vs.coefficients[name], b, name);
    printed(vs.se[name], se, `SE ${name}`);
  }
  printed(vs.nullDeviance, '43.86', 'null deviance');
  printed(vs.deviance, '21.40', 'residual deviance');
  printed(vs.aic, '27.4', 'AIC');
  const am = promoterLogistic(promoterInput(['disp', 'hp'], 'am'));
  const expectedAm = { '(Intercept)': ['1.40342', '1.36757'], disp: ['-0.09518', '0.04800'], hp: ['0.12170', '0.06777'] };
  for (const [name, [b, se]] of Object.entries(expectedAm)) {
    printed(am.coefficients[name], b, name);
    printed(am.se[name], se, `SE ${name}`);
  }
  // Wald test from the printed values: z = −0.09518 / 0.04800 = −1.983, two-sided p = 0.0474.
  printed(am.p.disp, '0.0474', 'p disp');
});

test('promoter logistic refuses all-promoter data and off-scale targets', () => {
  const attributes = [{ name: 'speed', values: Float64Array.from([1, 2, 3, 4, 5, 6]) }];
  assert.throws(
    () => promoterLogistic({ target: { name: 'nps', values: Float64Array.from([9, 10, 10, 9, 3, 10]) }, attributes }),
    /All 5 analysed respondents are promoters/,
  );
  assert.throws(
    () => promoterLogistic({ target: { name: 'nps', values: Float64Array.from([7, 8, 7, 8, 2, 1]) }, attributes }),
    /are passives/,
  );
  assert.throws(
    () => promoterLogistic({ target: { name: 'nps', values: Float64Array.from([9, 10, 7.5, 9, 3, 10]) }, attributes }),
    /0–10 likelihood-to-recommend answer; respondent 3 has 7.5/,
  );
});

test('the priority matrix splits importance and performance at their means', () => {
  // Importance mean 25, performance mean 5.
  const matrix = priorityMatrix([
    { attribute: 'speed', importance: 40, performance: 4 },
    { attribute: 'staff', importance: 30, performance: 6.5 },
    { attribute: 'parking', importance: 10, performance: 6 },
    { attribute: 'website', importance: 20, performance: 3.5 },
  ]);
  assert.equal(matrix.importanceThreshold, 25);
  assert.equal(matrix.performanceThreshold, 5);
  assert.deepEqual(
    matrix.items.map((i) => [i.attribute, i.quadrant]),
    [['speed', 'fix_first'], ['staff', 'keep'], ['website', 'low_priority'], ['parking', 'overkill']],
  );
});
