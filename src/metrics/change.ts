/**
 * Change of a figure against the previous period, with the significance test that fits the
 * metric — the same tests `compareReport` runs (compare.ts), applied to two summaries that
 * `metricReport` already returned, so a journey map needs one report per period instead of
 * two histogram reads per touchpoint.
 *
 * NPS: z-test of the difference; CSAT: two-proportion z-test of top-2-box; Likert: of the
 * agree share (5–7) among scale answers; CES: Welch's t-test of the means. Counts are
 * recovered exactly from share × n (a share is count / n, so rounding gives the count back).
 */
import { compareMeans, compareNps, compareProportions } from './compare.ts';
import type { Metric } from './queries.ts';

/** What metricReport gives per group (a suppressed group has nulls and suppressed: true). */
export type SummaryFields = Record<string, unknown>;

export interface Change {
  /** Current minus previous, in the unit the page shows (NPS points, percentage points, scale points). */
  difference: number;
  p: number | null;
  /** p < 0.05, two-sided. */
  significant: boolean;
  direction: 'up' | 'down' | 'flat';
}

export const SIGNIFICANCE_LEVEL = 0.05;

/** A summary field as a number, or null when it is missing, suppressed or not finite. */
export const numberOr = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Null when either side is missing, empty or suppressed. */
export function changeBetween(metric: Metric, current: SummaryFields | undefined, previous: SummaryFields | undefined): Change | null {
  if (!current || !previous || current.suppressed === true || previous.suppressed === true) return null;
  const n1 = numberOr(current.n);
  const n2 = numberOr(previous.n);
  if (!n1 || !n2) return null;
  let difference: number | null = null;
  let p: number | null = null;
  switch (metric) {
    case 'nps': {
      const a = { n: n1, nps: numberOr(current.nps), se: numberOr(current.se) };
      const b = { n: n2, nps: numberOr(previous.nps), se: numberOr(previous.se) };
      if (a.nps === null || b.nps === null) return null;
      const test = compareNps({ ...a, promoters: null, passives: null, detractors: null, ci95: null }, { ...b, promoters: null, passives: null, detractors: null, ci95: null });
      difference = a.nps - b.nps;
      p = test.p;
      break;
    }
    case 'csat':
    case 'likert': {
      const field = metric === 'csat' ? 'topBoxShare' : 'agree';
      const s1 = numberOr(current[field]);
      const s2 = numberOr(previous[field]);
      if (s1 === null || s2 === null) return null;
      const test = compareProportions(Math.round(s1 * n1), n1, Math.round(s2 * n2), n2);
      difference = 100 * (s1 - s2);
      p = test.p;
      break;
    }
    case 'ces':
    case 'rating': {
      const a = { n: n1, mean: numberOr(current.mean), sd: numberOr(current.sd) };
      const b = { n: n2, mean: numberOr(previous.mean), sd: numberOr(previous.sd) };
      if (a.mean === null || b.mean === null) return null;
      difference = a.mean - b.mean;
      p = compareMeans(a, b).p;
      break;
    }
  }
  if (difference === null) return null;
  return {
    difference,
    p,
    significant: p !== null && p < SIGNIFICANCE_LEVEL,
    direction: Math.abs(difference) < 1e-9 ? 'flat' : difference > 0 ? 'up' : 'down',
  };
}
