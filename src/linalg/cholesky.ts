import type { Matrix } from './matrix.ts';

/**
 * Cholesky factor L (lower triangular, A = L·Lᵀ) of a symmetric positive-definite matrix, or
 * null when A is not numerically positive definite (a singular correlation matrix, for
 * example), so callers can turn that into a message about collinear inputs.
 */
export function cholesky(a: readonly (readonly number[])[], relativeTolerance = 1e-12): Matrix | null {
  const n = a.length;
  const l: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let maxDiagonal = 0;
  for (let i = 0; i < n; i++) maxDiagonal = Math.max(maxDiagonal, Math.abs(a[i][i]));
  for (let j = 0; j < n; j++) {
    let diagonal = a[j][j];
    for (let k = 0; k < j; k++) diagonal -= l[j][k] * l[j][k];
    if (!(diagonal > relativeTolerance * maxDiagonal)) return null;
    const ljj = Math.sqrt(diagonal);
    l[j][j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let sum = a[i][j];
      for (let k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
      l[i][j] = sum / ljj;
    }
  }
  return l;
}

/** Solves L·Lᵀ·x = b given the Cholesky factor L. */
export function choleskySolve(l: readonly (readonly number[])[], b: ArrayLike<number>): number[] {
  const n = l.length;
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i][k] * y[k];
    y[i] = sum / l[i][i];
  }
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < n; k++) sum -= l[k][i] * x[k];
    x[i] = sum / l[i][i];
  }
  return x;
}

/** Inverse of a symmetric positive-definite matrix, or null when it is singular. */
export function invertSpd(a: readonly (readonly number[])[]): Matrix | null {
  const l = cholesky(a);
  if (!l) return null;
  const n = a.length;
  const columns = Array.from({ length: n }, (_, j) => choleskySolve(l, Array.from({ length: n }, (_, i) => (i === j ? 1 : 0))));
  // columns[j] is column j of the inverse; the inverse is symmetric, so rows = columns.
  return columns.map((column, i) => column.map((_, j) => (columns[i][j] + columns[j][i]) / 2));
}
