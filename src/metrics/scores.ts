/**
 * CX scores derived from score histograms: NPS, CSAT top-box, CES / rating means and Likert
 * agreement buckets, each with its uncertainty. Every dashboard figure goes through these
 * functions, so a query only has to fetch one histogram per group (see DESIGN.md, Analytics).
 *
 * Empty groups give `null` figures, never NaN, so they serialise to JSON unchanged.
 */
import { studentTQuantile } from './distributions.ts';

/** Answers of one group: counts[v] = number of answers with score v (integer scale); don't-know counted apart. */
export interface ScoreHistogram {
  counts: number[];
  dontKnow: number;
}

/** Two-sided 95 % normal critical value, R qnorm(0.975). */
export const Z_95 = 1.959963984540054;

export type Interval = [low: number, high: number];

export interface NpsSummary {
  n: number;
  /** Shares 0–1 of 9–10, 7–8 and 0–6 answers. */
  promoters: number | null;
  passives: number | null;
  detractors: number | null;
  /** 100 · (promoters − detractors), −100…100. */
  nps: number | null;
  /** Standard error in NPS points. */
  se: number | null;
  ci95: Interval | null;
}

export interface CsatSummary {
  n: number;
  topBoxShare: number | null;
  /** Wilson score interval of the top-box share. */
  ci95: Interval | null;
  mean: number | null;
}

export interface MeanSummary {
  n: number;
  mean: number | null;
  /** Sample standard deviation (divisor n − 1). */
  sd: number | null;
  se: number | null;
  /** Student-t interval with n − 1 degrees of freedom. */
  ci95: Interval | null;
}

export interface LikertShares {
  agree: number | null;
  neutral: number | null;
  disagree: number | null;
}

export interface LikertSummary extends LikertShares {
  /** Answers on the 1–7 scale (don't know excluded). */
  n: number;
  /** All answers, don't know included. */
  nTotal: number;
  /** Share of nTotal. */
  dontKnowShare: number | null;
  /** Shares of nTotal, so the four add up to one. */
  withDontKnow: LikertShares & { dontKnow: number | null };
  mean: number | null;
}

export const NPS_SCALE = { min: 0, max: 10 } as const;
export const CES_SCALE = { min: 1, max: 7 } as const;
export const LIKERT_SCALE = { min: 1, max: 7 } as const;

function assertCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer, got ${value}`);
}

/** Builds a histogram from raw answers (non-negative integer scores or 'dont_know'). */
export function histogramOf(values: Array<number | 'dont_know'>): ScoreHistogram {
  const counts: number[] = [];
  let dontKnow = 0;
  for (const value of values) {
    if (value === 'dont_know') {
      dontKnow++;
      continue;
    }
    assertCount(value, 'A score');
    while (counts.length <= value) counts.push(0);
    counts[value]++;
  }
  return { counts, dontKnow };
}

/** Sum of two histograms of the same question (e.g. two days or two units). */
export function mergeHistograms(a: ScoreHistogram, b: ScoreHistogram): ScoreHistogram {
  const length = Math.max(a.counts.length, b.counts.length);
  const counts = Array.from({ length }, (_, v) => (a.counts[v] ?? 0) + (b.counts[v] ?? 0));
  return { counts, dontKnow: a.dontKnow + b.dontKnow };
}

/** Number of answers with a score in [from, to]. */
export function countBetween(h: ScoreHistogram, from: number, to: number): number {
  let total = 0;
  for (let v = Math.max(0, from); v <= to && v < h.counts.length; v++) total += h.counts[v] ?? 0;
  return total;
}

/** Checks the histogram holds counts and no answers outside [min, max]; returns n. */
function scaleCount(h: ScoreHistogram, min: number, max: number, metric: string): number {
  assertCount(h.dontKnow, 'dontKnow');
  let n = 0;
  h.counts.forEach((count, v) => {
    const c = count ?? 0;
    assertCount(c, `counts[${v}]`);
    if (c > 0 && (v < min || v > max)) throw new RangeError(`${metric} scores run ${min}–${max}; the histogram has ${c} answer(s) at ${v}`);
    n += c;
  });
  return n;
}

const clip = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * Net Promoter Score. The standard error uses the trinomial variance of the per-respondent
 * score (+1 promoter, 0 passive, −1 detractor): Var = P + D − (P − D)².
 */
export function npsFromHistogram(h: ScoreHistogram): NpsSummary {
  const n = scaleCount(h, NPS_SCALE.min, NPS_SCALE.max, 'NPS');
  if (n === 0) return { n, promoters: null, passives: null, detractors: null, nps: null, se: null, ci95: null };
  const promoters = countBetween(h, 9, 10) / n;
  const passives = countBetween(h, 7, 8) / n;
  const detractors = countBetween(h, 0, 6) / n;
  const difference = promoters - detractors;
  // max(0, …) guards the rounding of a variance that is exactly zero (all answers in one group).
  const variance = Math.max(0, promoters + detractors - difference * difference);
  const nps = 100 * difference;
  const se = 100 * Math.sqrt(variance / n);
  return {
    n,
    promoters,
    passives,
    detractors,
    nps,
    se,
    ci95: [clip(nps - Z_95 * se, -100, 100), clip(nps + Z_95 * se, -100, 100)],
  };
}

/** Wilson score interval for a proportion x/n at the given z (Wilson 1927). */
export function wilsonInterval(x: number, n: number, z = Z_95): Interval | null {
  if (n === 0) return null;
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [clip(centre - halfWidth, 0, 1), clip(centre + halfWidth, 0, 1)];
}

function weightedMean(h: ScoreHistogram, n: number): number {
  let sum = 0;
  h.counts.forEach((count, v) => {
    sum += v * (count ?? 0);
  });
  return sum / n;
}

/**
 * CSAT: share of answers in the top `topBox` points of a 1…scaleMax scale (top-2-box = 4–5
 * on 1–5), with a Wilson interval, which stays inside 0–1 and is sound for small n.
 */
export function csatFromHistogram(h: ScoreHistogram, options: { scaleMax?: number; topBox?: number } = {}): CsatSummary {
  const { scaleMax = 5, topBox = 2 } = options;
  if (!Number.isInteger(scaleMax) || scaleMax < 2) throw new RangeError(`scaleMax must be an integer ≥ 2, got ${scaleMax}`);
  if (!Number.isInteger(topBox) || topBox < 1 || topBox > scaleMax) throw new RangeError(`topBox must be an integer 1–${scaleMax}, got ${topBox}`);
  const n = scaleCount(h, 1, scaleMax, 'CSAT');
  if (n === 0) return { n, topBoxShare: null, ci95: null, mean: null };
  const topBoxCount = countBetween(h, scaleMax - topBox + 1, scaleMax);
  return { n, topBoxShare: topBoxCount / n, ci95: wilsonInterval(topBoxCount, n), mean: weightedMean(h, n) };
}

function meanSummary(h: ScoreHistogram, n: number): MeanSummary {
  if (n === 0) return { n, mean: null, sd: null, se: null, ci95: null };
  const mean = weightedMean(h, n);
  if (n < 2) return { n, mean, sd: null, se: null, ci95: null };
  let squares = 0;
  h.counts.forEach((count, v) => {
    squares += (count ?? 0) * (v - mean) * (v - mean);
  });
  const sd = Math.sqrt(squares / (n - 1));
  const se = sd / Math.sqrt(n);
  const t = studentTQuantile(0.975, n - 1);
  return { n, mean, sd, se, ci95: [mean - t * se, mean + t * se] };
}

/** Customer Effort Score on 1–7: mean with a Student-t interval. */
export function cesFromHistogram(h: ScoreHistogram): MeanSummary {
  return meanSummary(h, scaleCount(h, CES_SCALE.min, CES_SCALE.max, 'CES'));
}

/** Mean of any integer rating scale (the histogram index is the score). */
export function ratingFromHistogram(h: ScoreHistogram): MeanSummary {
  return meanSummary(h, scaleCount(h, 0, Math.max(0, h.counts.length - 1), 'Rating'));
}

/** Likert 1–7 agreement: agree 5–7, neutral 4, disagree 1–3, with don't know reported apart. */
export function likertFromHistogram(h: ScoreHistogram): LikertSummary {
  const n = scaleCount(h, LIKERT_SCALE.min, LIKERT_SCALE.max, 'Likert');
  const nTotal = n + h.dontKnow;
  const agreeCount = countBetween(h, 5, 7);
  const neutralCount = countBetween(h, 4, 4);
  const disagreeCount = countBetween(h, 1, 3);
  const shareOf = (count: number, total: number) => (total === 0 ? null : count / total);
  return {
    n,
    nTotal,
    agree: shareOf(agreeCount, n),
    neutral: shareOf(neutralCount, n),
    disagree: shareOf(disagreeCount, n),
    dontKnowShare: shareOf(h.dontKnow, nTotal),
    withDontKnow: {
      agree: shareOf(agreeCount, nTotal),
      neutral: shareOf(neutralCount, nTotal),
      disagree: shareOf(disagreeCount, nTotal),
      dontKnow: shareOf(h.dontKnow, nTotal),
    },
    mean: n === 0 ? null : weightedMean(h, n),
  };
}

/**
 * True when a figure based on n answers must be hidden, so a person-level view (a frontline
 * employee's own feedback) cannot single out a respondent.
 */
export function suppressBelow(n: number, threshold = 5): boolean {
  return n < threshold;
}
