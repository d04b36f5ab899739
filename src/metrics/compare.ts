/**
 * Significance tests between two groups (units, periods, segments) of the summaries in
 * scores.ts. When a test is undefined (an empty group, no variance on either side) its fields
 * are null, so callers show "not testable" rather than a NaN or an infinite z.
 */
import { twoSidedNormalP, twoSidedTP } from './distributions.ts';
import type { NpsSummary } from './scores.ts';

export interface NpsComparison {
  /** a − b in NPS points. */
  difference: number | null;
  se: number | null;
  z: number | null;
  p: number | null;
}

export interface ProportionComparison {
  /** p1 − p2 as a share (0–1 scale). */
  difference: number | null;
  z: number | null;
  p: number | null;
}

export interface MeanComparison {
  difference: number | null;
  t: number | null;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number | null;
  p: number | null;
}

/** What compareMeans needs of a group; MeanSummary from scores.ts fits. */
export interface MeanInput {
  n: number;
  mean: number | null;
  sd: number | null;
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

/**
 * Difference of two independent NPS values, z = (NPS_a − NPS_b) / √(se_a² + se_b²),
 * two-sided normal p.
 */
export function compareNps(a: NpsSummary, b: NpsSummary): NpsComparison {
  if (a.nps === null || b.nps === null || a.se === null || b.se === null) return { difference: null, se: null, z: null, p: null };
  const difference = a.nps - b.nps;
  const se = Math.sqrt(a.se * a.se + b.se * b.se);
  if (se === 0) return { difference, se, z: null, p: null };
  const z = difference / se;
  return { difference, se, z, p: twoSidedNormalP(z) };
}

function assertProportionCounts(x: number, n: number, label: string): void {
  if (!Number.isInteger(x) || !Number.isInteger(n) || x < 0 || n < 0 || x > n) {
    throw new RangeError(`${label}: expected integers 0 ≤ x ≤ n, got x = ${x}, n = ${n}`);
  }
}

/** Two-proportion z-test with the pooled proportion under H0: p1 = p2. */
export function compareProportions(x1: number, n1: number, x2: number, n2: number): ProportionComparison {
  assertProportionCounts(x1, n1, 'first group');
  assertProportionCounts(x2, n2, 'second group');
  if (n1 === 0 || n2 === 0) return { difference: null, z: null, p: null };
  const difference = x1 / n1 - x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return { difference, z: null, p: null };
  const z = difference / se;
  return { difference, z, p: twoSidedNormalP(z) };
}

/** Welch's unequal-variance t-test with Welch–Satterthwaite degrees of freedom. */
export function compareMeans(a: MeanInput, b: MeanInput): MeanComparison {
  if (a.mean === null || b.mean === null) return { difference: null, t: null, df: null, p: null };
  const difference = a.mean - b.mean;
  if (a.n < 2 || b.n < 2 || a.sd === null || b.sd === null) return { difference, t: null, df: null, p: null };
  const varianceA = (a.sd * a.sd) / a.n;
  const varianceB = (b.sd * b.sd) / b.n;
  const se2 = varianceA + varianceB;
  if (!(se2 > 0)) return { difference, t: null, df: null, p: null };
  const t = difference / Math.sqrt(se2);
  const df = (se2 * se2) / ((varianceA * varianceA) / (a.n - 1) + (varianceB * varianceB) / (b.n - 1));
  const checkedT = finiteOrNull(t);
  const checkedDf = finiteOrNull(df);
  if (checkedT === null || checkedDf === null) return { difference, t: null, df: null, p: null };
  return { difference, t: checkedT, df: checkedDf, p: twoSidedTP(checkedT, checkedDf) };
}
