import { chiSquareSurvival } from '../metrics/distributions.ts';

export interface ChiSquareTest {
  chi2: number;
  dof: number;
  p: number;
  /** Expected counts under independence, for the rows and columns kept. */
  expected: number[][];
  /** Rows/columns with no observations are left out (they carry no information). */
  rowsKept: number[];
  columnsKept: number[];
}

/**
 * Pearson's chi-square test of independence of an r × c table of counts:
 * χ² = Σ (O − E)² / E with E = row total × column total / n, (r − 1)(c − 1) degrees of freedom,
 * no continuity correction (as R's chisq.test for tables larger than 2 × 2).
 * Returns null when fewer than two rows or two columns have any observations.
 */
export function chiSquareIndependence(table: readonly (readonly number[])[]): ChiSquareTest | null {
  for (const row of table) {
    for (const count of row) {
      if (!(Number.isFinite(count) && count >= 0)) throw new RangeError(`counts must be non-negative numbers, got ${count}`);
    }
  }
  const columns = Math.max(0, ...table.map((row) => row.length));
  const rowTotals = table.map((row) => row.reduce((s, v) => s + v, 0));
  const columnTotals = Array.from({ length: columns }, (_, j) => table.reduce((s, row) => s + (row[j] ?? 0), 0));
  const rowsKept = rowTotals.flatMap((total, i) => (total > 0 ? [i] : []));
  const columnsKept = columnTotals.flatMap((total, j) => (total > 0 ? [j] : []));
  if (rowsKept.length < 2 || columnsKept.length < 2) return null;
  const n = rowsKept.reduce((s, i) => s + rowTotals[i], 0);
  let chi2 = 0;
  const expected = rowsKept.map((i) =>
    columnsKept.map((j) => {
      const e = (rowTotals[i] * columnTotals[j]) / n;
      chi2 += ((table[i][j] ?? 0) - e) ** 2 / e;
      return e;
    }),
  );
  const dof = (rowsKept.length - 1) * (columnsKept.length - 1);
  return { chi2, dof, p: chiSquareSurvival(chi2, dof), expected, rowsKept, columnsKept };
}

/**
 * Holm's step-down adjustment of p-values (controls the family-wise error rate, uniformly more
 * powerful than Bonferroni): sort ascending, multiply the i-th smallest by (m − i), keep the
 * running maximum, cap at 1. Returned in the input order, as R's p.adjust(method = "holm").
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[index]));
    adjusted[index] = running;
  });
  return adjusted;
}

/** Bonferroni adjustment: each p times the number of tests, capped at 1. */
export function bonferroniAdjust(pValues: readonly number[]): number[] {
  return pValues.map((p) => Math.min(1, p * pValues.length));
}
