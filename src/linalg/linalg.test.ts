import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cholesky, choleskySolve, invertSpd } from './cholesky.ts';
import { correlationMatrix } from './correlation.ts';
import { symmetricEigen } from './eigen.ts';
import { fitLogistic } from './logistic.ts';
import { multiply } from './matrix.ts';
import { numericColumn, readPublishedExample } from './published-examples.ts';
import { createRandom, randomNormal, shuffledIndices } from './random.ts';
import { allSubsetsRSquared, ordinaryLeastSquares, rSquaredFromCorrelation } from './regression.ts';

const mtcars = readPublishedExample('mtcars.csv');
const column = (name: string) => numericColumn(mtcars, name);

const close = (actual: number, expected: number, tolerance: number, what = '') =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what} ${actual} differs from ${expected} by more than ${tolerance}`);

test('Jacobi eigen-decomposition reconstructs a symmetric matrix and sorts eigenvalues descending', () => {
  const a = [
    [4, 1, -2, 2],
    [1, 2, 0, 1],
    [-2, 0, 3, -2],
    [2, 1, -2, -1],
  ];
  const { values, vectors } = symmetricEigen(a);
  // The trace and the determinant-free check A·v = λ·v, worked by hand for each pair.
  close(values.reduce((s, v) => s + v, 0), 4 + 2 + 3 - 1, 1e-12, 'trace');
  for (let k = 0; k < 4; k++) {
    for (let i = 0; i < 4; i++) {
      const av = a[i].reduce((s, aij, j) => s + aij * vectors[j][k], 0);
      close(av, values[k] * vectors[i][k], 1e-12, `A·v${k}`);
    }
  }
  for (let k = 1; k < 4; k++) assert.ok(values[k - 1] >= values[k]);
  // A diagonal matrix is already decomposed.
  assert.deepEqual(symmetricEigen([[1, 0], [0, 3]]).values, [3, 1]);
});

test('Cholesky solves a 3 × 3 system worked by hand and detects a singular matrix', () => {
  // A = [[4,2,2],[2,5,3],[2,3,6]], b = A·[1,2,3] = [14, 21, 26]
  const a = [[4, 2, 2], [2, 5, 3], [2, 3, 6]];
  const l = cholesky(a)!;
  const x = choleskySolve(l, [14, 21, 26]);
  x.forEach((value, i) => close(value, i + 1, 1e-12));
  const inverse = invertSpd(a)!;
  const product = multiply(a, inverse);
  product.forEach((row, i) => row.forEach((value, j) => close(value, i === j ? 1 : 0, 1e-12)));
  assert.equal(cholesky([[1, 1], [1, 1]]), null);
});

test('R² from the correlation matrix equals R² from least squares on the data', () => {
  const names = ['cyl', 'disp', 'hp', 'gear'];
  const { matrix } = correlationMatrix([...names.map(column), column('mpg')]);
  const fromCorrelation = rSquaredFromCorrelation(matrix, [0, 1, 2, 3], 4)!;
  const ols = ordinaryLeastSquares(names.map(column), column('mpg'))!;
  close(fromCorrelation, ols.r2, 1e-12);
  // R's summary(lm(mpg ~ cyl + disp + hp + gear, mtcars)) prints Multiple R-squared 0.7792.
  close(fromCorrelation, 0.7792, 5e-5);
  const subsets = allSubsetsRSquared(matrix, [0, 1, 2, 3], 4);
  assert.equal(subsets[0], 0);
  close(subsets[0b1111], fromCorrelation, 1e-12);
  // One predictor: R² is the squared correlation.
  close(subsets[0b0001], matrix[0][4] ** 2, 1e-12);
});

test('logistic regression reproduces R glm(vs ~ wt + disp, binomial, mtcars)', () => {
  const fit = fitLogistic([column('wt'), column('disp')], column('vs'));
  assert.ok(fit.converged);
  const expected = [[1.60859, 2.43903], [1.62635, 1.49068], [-0.03443, 0.01536]];
  expected.forEach(([b, se], k) => {
    close(fit.coefficients[k], b, 5e-6, `coefficient ${k}`);
    close(fit.standardErrors[k], se, 5e-6, `SE ${k}`);
  });
  close(fit.nullDeviance, 43.86, 5e-3);
  close(fit.deviance, 21.40, 5e-3);
  close(fit.deviance + 2 * 3, 27.4, 5e-2); // AIC
  assert.equal(fit.separation, false);
});

test('logistic regression reproduces R glm(am ~ disp + hp, binomial, mtcars)', () => {
  const fit = fitLogistic([column('disp'), column('hp')], column('am'));
  const expected = [[1.40342, 1.36757], [-0.09518, 0.04800], [0.12170, 0.06777]];
  expected.forEach(([b, se], k) => {
    close(fit.coefficients[k], b, 5e-6, `coefficient ${k}`);
    close(fit.standardErrors[k], se, 5e-6, `SE ${k}`);
  });
});

test('a ridge penalty shrinks slopes but not the intercept, and separation is flagged without it', () => {
  const x = Float64Array.from([1, 2, 3, 4, 5, 6]);
  const y = Float64Array.from([0, 0, 0, 1, 1, 1]);
  const plain = fitLogistic([x], y, { maxIterations: 60 });
  assert.equal(plain.separation, true);
  const ridge = fitLogistic([x], y, { l2: 1 });
  assert.equal(ridge.separation, false);
  assert.ok(ridge.converged);
  assert.ok(Math.abs(ridge.coefficients[1]) < 5);
  // At the penalised optimum the gradient is zero: Σ x(y − μ) = λβ and Σ (y − μ) = 0.
  const mu = Array.from(x, (xi) => 1 / (1 + Math.exp(-(ridge.coefficients[0] + ridge.coefficients[1] * xi))));
  close(mu.reduce((s, m, i) => s + (y[i] - m), 0), 0, 1e-9);
  close(mu.reduce((s, m, i) => s + x[i] * (y[i] - m), 0), ridge.coefficients[1], 1e-9);
});

test('the seeded generator repeats for a seed, differs between seeds and is roughly uniform', () => {
  const a = createRandom(42);
  const b = createRandom(42);
  const c = createRandom(43);
  const first = Array.from({ length: 5 }, () => a());
  assert.deepEqual(first, Array.from({ length: 5 }, () => b()));
  assert.notDeepEqual(first, Array.from({ length: 5 }, () => c()));
  const random = createRandom(7);
  let sum = 0;
  let squares = 0;
  const n = 100_000;
  for (let i = 0; i < n; i++) {
    const z = randomNormal(random);
    sum += z;
    squares += z * z;
  }
  close(sum / n, 0, 0.02);
  close(squares / n, 1, 0.02);
  const order = shuffledIndices(createRandom(1), 10);
  assert.deepEqual([...order].sort((x, y) => x - y), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});
