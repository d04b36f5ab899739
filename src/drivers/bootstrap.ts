import { correlationMatrix } from '../linalg/correlation.ts';
import type { Random } from '../linalg/random.ts';
import type { PreparedDrivers } from './data.ts';
import { relativeWeightsFromCorrelation } from './relative-weights.ts';
import { shapleyFromCorrelation } from './shapley.ts';

export interface Interval {
  lower: number;
  upper: number;
}

export interface BootstrapOptions {
  /** Number of resamples; 1,000 or more for publication, 200 is enough for a dashboard. */
  replicates: number;
  /** Seeded generator (createRandom(seed)), so the same seed gives the same intervals. */
  random: Random;
  /** Coverage of the intervals; default 0.95. */
  level?: number;
}

export interface BootstrapIntervals {
  method: 'percentile';
  level: number;
  replicates: number;
  /** Resamples that could be analysed (a resample can draw a constant or collinear column). */
  used: number;
  r2: Interval;
  /** Intervals for the raw weights. */
  weights: Record<string, Interval>;
  /** Intervals for the weights as percent of R². */
  rescaled: Record<string, Interval>;
}

/** Linear-interpolation quantile of sorted values (R's type 7, the default of quantile()). */
export function quantileSorted(sorted: ArrayLike<number>, probability: number): number {
  const position = (sorted.length - 1) * probability;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

function percentileInterval(values: Float64Array, level: number): Interval {
  const sorted = Float64Array.from(values).sort();
  return { lower: quantileSorted(sorted, (1 - level) / 2), upper: quantileSorted(sorted, 1 - (1 - level) / 2) };
}

/**
 * Percentile bootstrap intervals for relative or Shapley weights: respondents are resampled
 * with replacement (the complete cases the point estimate used), and each resample's weights
 * recomputed. Deterministic for a given generator state.
 */
export function bootstrapDriverWeights(
  prepared: PreparedDrivers,
  method: 'relative-weights' | 'shapley',
  options: BootstrapOptions,
): BootstrapIntervals {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError('level must be between 0 and 1');
  const { n } = prepared;
  const p = prepared.attributes.length;
  const source = [...prepared.attributeValues, prepared.targetValues];
  const resampled = source.map(() => new Float64Array(n));
  const r2s: number[] = [];
  const raw: number[][] = Array.from({ length: p }, () => []);
  const rescaled: number[][] = Array.from({ length: p }, () => []);
  for (let replicate = 0; replicate < options.replicates; replicate++) {
    for (let i = 0; i < n; i++) {
      const row = Math.floor(options.random() * n);
      for (let c = 0; c < source.length; c++) resampled[c][i] = source[c][row];
    }
    const { matrix, constant } = correlationMatrix(resampled);
    if (constant.some(Boolean)) continue;
    let fit: { r2: number; weights: number[] };
    try {
      fit = method === 'shapley' ? shapleyFromCorrelation(matrix) : relativeWeightsFromCorrelation(matrix);
    } catch {
      continue; // a singular resample says nothing about the weights' spread; it is counted below
    }
    if (!Number.isFinite(fit.r2) || fit.weights.some((w) => !Number.isFinite(w))) continue;
    r2s.push(fit.r2);
    fit.weights.forEach((w, j) => {
      raw[j].push(w);
      rescaled[j].push(fit.r2 > 0 ? (100 * w) / fit.r2 : 0);
    });
  }
  const weights: Record<string, Interval> = {};
  const rescaledIntervals: Record<string, Interval> = {};
  const nan = { lower: Number.NaN, upper: Number.NaN };
  prepared.attributes.forEach((name, j) => {
    weights[name] = r2s.length ? percentileInterval(Float64Array.from(raw[j]), level) : nan;
    rescaledIntervals[name] = r2s.length ? percentileInterval(Float64Array.from(rescaled[j]), level) : nan;
  });
  return {
    method: 'percentile',
    level,
    replicates: options.replicates,
    used: r2s.length,
    r2: r2s.length ? percentileInterval(Float64Array.from(r2s), level) : nan,
    weights,
    rescaled: rescaledIntervals,
  };
}
