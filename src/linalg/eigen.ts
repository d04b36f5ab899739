import { identity, type Matrix } from './matrix.ts';

export interface SymmetricEigen {
  /** Eigenvalues, largest first. */
  values: number[];
  /** vectors[i][k] is component i of the unit eigenvector for values[k] (eigenvectors are columns). */
  vectors: Matrix;
}

/**
 * Eigen-decomposition of a symmetric matrix by the cyclic Jacobi method: repeated plane
 * rotations that zero one off-diagonal element at a time. Slow for large matrices, but
 * accurate to machine precision and simple, which is what a p ≤ 50 correlation matrix needs.
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): SymmetricEigen {
  const n = matrix.length;
  const a = matrix.map((row) => row.slice());
  const v = identity(n);
  let scale = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) scale += a[i][j] * a[i][j];
  for (let sweep = 0; sweep < 100; sweep++) {
    let offDiagonal = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) offDiagonal += a[i][j] * a[i][j];
    if (offDiagonal <= 1e-32 * scale || offDiagonal === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p][q];
        if (apq === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j][j] - a[i][i]);
  return {
    values: order.map((i) => a[i][i]),
    vectors: v.map((row) => order.map((i) => row[i])),
  };
}
