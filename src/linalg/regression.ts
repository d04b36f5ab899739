import { cholesky, choleskySolve } from './cholesky.ts';
import { correlationMatrix } from './correlation.ts';

/**
 * R² of the least-squares regression of `target` on `predictors`, all given as indices into
 * one correlation matrix: R² = r_yxᵀ · R_xx⁻¹ · r_yx. Returns null when R_xx is singular.
 */
export function rSquaredFromCorrelation(
  correlation: readonly (readonly number[])[],
  predictors: readonly number[],
  target: number,
): number | null {
  if (predictors.length === 0) return 0;
  const rxx = predictors.map((i) => predictors.map((j) => correlation[i][j]));
  const rxy = predictors.map((i) => correlation[i][target]);
  const l = cholesky(rxx);
  if (!l) return null;
  const beta = choleskySolve(l, rxy);
  let r2 = 0;
  for (let k = 0; k < beta.length; k++) r2 += beta[k] * rxy[k];
  return r2;
}

/**
 * R² of every subset of the predictors, indexed by bit mask (bit k set = predictors[k] in the
 * model; entry 0 is the empty model, R² 0). 2^p small solves on the correlation matrix, no
 * pass over the data: for p = 12 that is 4,096 solves of at most 12 × 12.
 * Throws when a subset's correlation matrix is singular (perfectly collinear predictors).
 */
export function allSubsetsRSquared(
  correlation: readonly (readonly number[])[],
  predictors: readonly number[],
  target: number,
): Float64Array {
  const p = predictors.length;
  if (p > 24) throw new RangeError(`All-subsets R² over ${p} predictors would need 2^${p} regressions`);
  const out = new Float64Array(1 << p);
  const members: number[] = [];
  for (let mask = 1; mask < out.length; mask++) {
    members.length = 0;
    for (let k = 0; k < p; k++) if (mask & (1 << k)) members.push(predictors[k]);
    const r2 = rSquaredFromCorrelation(correlation, members, target);
    if (r2 === null) throw new RangeError('singular predictor correlation matrix');
    out[mask] = r2;
  }
  return out;
}

export interface LeastSquaresFit {
  /** Intercept first, then one coefficient per predictor column. */
  coefficients: number[];
  r2: number;
  residualSumOfSquares: number;
}

/**
 * Ordinary least squares with an intercept, solved on centred cross-products by Cholesky.
 * Returns null when the predictors are perfectly collinear.
 */
export function ordinaryLeastSquares(predictors: readonly ArrayLike<number>[], target: ArrayLike<number>): LeastSquaresFit | null {
  const { covariance, means } = correlationMatrix([...predictors, target]);
  const p = predictors.length;
  const sxx = covariance.slice(0, p).map((row) => row.slice(0, p));
  const sxy = covariance.slice(0, p).map((row) => row[p]);
  const l = p > 0 ? cholesky(sxx) : [];
  if (!l) return null;
  const slopes = p > 0 ? choleskySolve(l, sxy) : [];
  const intercept = means[p] - slopes.reduce((sum, b, j) => sum + b * means[j], 0);
  const n = target.length;
  let rss = 0;
  for (let i = 0; i < n; i++) {
    let fitted = intercept;
    for (let j = 0; j < p; j++) fitted += slopes[j] * predictors[j][i];
    const e = target[i] - fitted;
    rss += e * e;
  }
  const tss = covariance[p][p] * (n - 1);
  return { coefficients: [intercept, ...slopes], r2: tss > 0 ? 1 - rss / tss : 0, residualSumOfSquares: rss };
}
