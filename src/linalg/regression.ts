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
 * model; entry 0 is the empty model, R² 0). No pass over the data, and no subset solved from
 * scratch: subsets are visited depth first, each child adding one predictor with a higher index
 * than its parent's, so the child's Cholesky factor is the parent's plus one row (O(k²)) and
 * R² = ‖L⁻¹·r_xy‖² grows by the square of one new component. The rows are the ones a Cholesky
 * of the subset in index order computes, so each R² equals the per-subset solve
 * (rSquaredFromCorrelation) up to rounding — at O(2^p · p²) in all instead of O(2^p · p³).
 * Throws when a subset's correlation matrix is singular (perfectly collinear predictors).
 */
export function allSubsetsRSquared(
  correlation: readonly (readonly number[])[],
  predictors: readonly number[],
  target: number,
  relativeTolerance = 1e-12,
): Float64Array {
  const p = predictors.length;
  if (p > 24) throw new RangeError(`All-subsets R² over ${p} predictors would need 2^${p} regressions`);
  const out = new Float64Array(1 << p);
  // Row d of `factor` is the Cholesky row of the d-th member on the current path; z = L⁻¹·r_xy.
  const factor = new Float64Array(p * p);
  const z = new Float64Array(p);
  const members = new Int32Array(p);
  const largestDiagonal = new Float64Array(p + 1);
  const visit = (depth: number, mask: number, r2: number, start: number): void => {
    const row = depth * p;
    for (let k = start; k < p; k++) {
      const j = predictors[k];
      let diagonal = correlation[j][j];
      for (let i = 0; i < depth; i++) {
        const rowI = i * p;
        let sum = correlation[members[i]][j];
        for (let t = 0; t < i; t++) sum -= factor[rowI + t] * factor[row + t];
        const value = sum / factor[rowI + i];
        factor[row + i] = value;
        diagonal -= value * value;
      }
      const largest = Math.max(largestDiagonal[depth], Math.abs(correlation[j][j]));
      if (!(diagonal > relativeTolerance * largest)) throw new RangeError('singular predictor correlation matrix');
      const ljj = Math.sqrt(diagonal);
      factor[row + depth] = ljj;
      let sum = correlation[j][target];
      for (let t = 0; t < depth; t++) sum -= factor[row + t] * z[t];
      z[depth] = sum / ljj;
      const childMask = mask | (1 << k);
      const childR2 = r2 + z[depth] * z[depth];
      out[childMask] = childR2;
      members[depth] = j;
      largestDiagonal[depth + 1] = largest;
      visit(depth + 1, childMask, childR2, k + 1);
    }
  };
  visit(0, 0, 0, 0);
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
