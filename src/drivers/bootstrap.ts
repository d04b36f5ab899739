import { columnMoments } from '../linalg/correlation.ts';
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
 * A resample's correlation matrix without copying the data: `counts[i]` is how often row i was
 * drawn, and one pass over the drawn rows of the row-major, full-sample-centred data
 * accumulates the weighted sums and cross-products (the constant 1 is not needed: the resample's
 * own means are the weighted sums ÷ n). Centring at the full-sample means keeps the
 * "Σxy − n·x̄·ȳ" step exact enough: a resample's means differ from them by O(1/√n).
 * Returns null when a column is constant in the resample (its variance below 1e-12 of the
 * full sample's), as correlationMatrix's exact check would.
 */
function resampleCorrelation(data: Float64Array, width: number, counts: Uint32Array, variances: readonly number[]): number[][] | null {
  const n = counts.length;
  const sums = new Float64Array(width);
  const cross = new Float64Array(width * width);
  for (let row = 0; row < n; row++) {
    const c = counts[row];
    if (c === 0) continue;
    const base = row * width;
    for (let a = 0; a < width; a++) {
      const wa = c * data[base + a];
      sums[a] += wa;
      const offset = a * width;
      for (let b = a; b < width; b++) cross[offset + b] += wa * data[base + b];
    }
  }
  const covariance = (a: number, b: number) => (cross[a * width + b] - (sums[a] * sums[b]) / n) / (n - 1);
  const sd: number[] = [];
  for (let a = 0; a < width; a++) {
    const v = covariance(a, a);
    if (!(v > 1e-12 * variances[a])) return null;
    sd.push(Math.sqrt(v));
  }
  const matrix = Array.from({ length: width }, () => new Array<number>(width).fill(1));
  for (let a = 0; a < width; a++) {
    for (let b = a + 1; b < width; b++) matrix[a][b] = matrix[b][a] = Math.max(-1, Math.min(1, covariance(a, b) / (sd[a] * sd[b])));
  }
  return matrix;
}

/**
 * Percentile bootstrap intervals for relative or Shapley weights: respondents are resampled
 * with replacement (the complete cases the point estimate used), and each resample's weights
 * recomputed. Deterministic for a given generator state. A resample is drawn as counts per
 * respondent (the same draws, in the same order, as copying the rows would use) and its
 * correlation matrix accumulated from them in one pass; Shapley's 2^p subset R² then reuse
 * each other's Cholesky rows (allSubsetsRSquared).
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
  const width = source.length;
  const moments = columnMoments(source);
  const data = new Float64Array(n * width);
  for (let c = 0; c < width; c++) {
    const column = source[c];
    const mean = moments.means[c];
    for (let i = 0; i < n; i++) data[i * width + c] = column[i] - mean;
  }
  const variances = moments.sds.map((sd) => sd * sd);
  const counts = new Uint32Array(n);
  const r2s: number[] = [];
  const raw: number[][] = Array.from({ length: p }, () => []);
  const rescaled: number[][] = Array.from({ length: p }, () => []);
  for (let replicate = 0; replicate < options.replicates; replicate++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(options.random() * n)]++;
    const matrix = resampleCorrelation(data, width, counts, variances);
    if (!matrix) continue;
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
