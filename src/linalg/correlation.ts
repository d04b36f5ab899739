import type { Matrix } from './matrix.ts';

export interface ColumnMoments {
  means: number[];
  /** Sample standard deviations (divisor n − 1). */
  sds: number[];
  /** True when every value in the column is identical (checked exactly, not via the sd). */
  constant: boolean[];
}

export interface CorrelationResult extends ColumnMoments {
  n: number;
  /** Pearson correlations; rows/columns of a constant column are 0 off the diagonal. */
  matrix: Matrix;
  /** Sample covariances (divisor n − 1). */
  covariance: Matrix;
}

/** Means, sample standard deviations and constancy of equally long columns. */
export function columnMoments(columns: readonly ArrayLike<number>[]): ColumnMoments {
  const means: number[] = [];
  const sds: number[] = [];
  const constant: boolean[] = [];
  for (const column of columns) {
    const n = column.length;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = column[i];
      sum += x;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const d = column[i] - mean;
      squares += d * d;
    }
    means.push(mean);
    sds.push(n > 1 ? Math.sqrt(squares / (n - 1)) : 0);
    constant.push(!(max > min));
  }
  return { means, sds, constant };
}

/**
 * Covariance and correlation matrices of equally long columns, centred first (two passes)
 * so large means do not cost precision. Cost O(n·p²); the driver methods compute it once and
 * then work on the p × p matrix only.
 */
export function correlationMatrix(columns: readonly ArrayLike<number>[]): CorrelationResult {
  const p = columns.length;
  const n = p > 0 ? columns[0].length : 0;
  const moments = columnMoments(columns);
  const centred = columns.map((column, j) => {
    const out = new Float64Array(n);
    const mean = moments.means[j];
    for (let i = 0; i < n; i++) out[i] = column[i] - mean;
    return out;
  });
  const covariance: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let a = 0; a < p; a++) {
    const xa = centred[a];
    for (let b = a; b < p; b++) {
      const xb = centred[b];
      let sum = 0;
      for (let i = 0; i < n; i++) sum += xa[i] * xb[i];
      covariance[a][b] = covariance[b][a] = sum / (n - 1);
    }
  }
  const matrix: Matrix = covariance.map((row, a) =>
    row.map((value, b) => {
      if (a === b) return 1;
      if (moments.constant[a] || moments.constant[b]) return 0;
      const r = value / Math.sqrt(covariance[a][a] * covariance[b][b]);
      return Math.max(-1, Math.min(1, r));
    }),
  );
  return { ...moments, n, matrix, covariance };
}
