/**
 * Small dense matrices as arrays of rows. Key-driver and churn models have tens of columns at
 * most, so clarity wins over cleverness here; the per-respondent loops that touch millions of
 * values live in correlation.ts and logistic.ts and use Float64Array columns.
 */
export type Matrix = number[][];

export function identity(n: number): Matrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

export function zeros(rows: number, columns: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
}

export function multiply(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): Matrix {
  const out = zeros(a.length, b[0]?.length ?? 0);
  for (let i = 0; i < a.length; i++) {
    for (let k = 0; k < b.length; k++) {
      const aik = a[i][k];
      if (aik === 0) continue;
      for (let j = 0; j < out[i].length; j++) out[i][j] += aik * b[k][j];
    }
  }
  return out;
}

export function multiplyVector(a: readonly (readonly number[])[], x: readonly number[]): number[] {
  return a.map((row) => row.reduce((sum, value, j) => sum + value * x[j], 0));
}

export function transpose(a: readonly (readonly number[])[]): Matrix {
  return (a[0] ?? []).map((_, j) => a.map((row) => row[j]));
}

/** The square submatrix on the given row/column indices. */
export function submatrix(a: readonly (readonly number[])[], indices: readonly number[]): Matrix {
  return indices.map((i) => indices.map((j) => a[i][j]));
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}
