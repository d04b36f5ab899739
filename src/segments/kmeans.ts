import { badInput } from '../errors.ts';
import type { Random } from '../linalg/random.ts';

/** Points as one row-major Float64Array: point i is values[i·dimensions … (i+1)·dimensions). */
export interface PointSet {
  values: Float64Array;
  dimensions: number;
}

export interface KMeansResult {
  k: number;
  /** Row-major k × dimensions. */
  centroids: Float64Array;
  assignments: Int32Array;
  sizes: number[];
  /** Sum of squared distances of points to their centroid (lower is tighter). */
  withinSumOfSquares: number;
  iterations: number;
  converged: boolean;
}

function squaredDistance(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number, d: number): number {
  let sum = 0;
  for (let j = 0; j < d; j++) {
    const diff = a[aOffset + j] - b[bOffset + j];
    sum += diff * diff;
  }
  return sum;
}

/** k-means++ seeding: each next centre drawn with probability ∝ squared distance to the nearest chosen one. */
function seedCentroids(points: PointSet, k: number, random: Random): Float64Array {
  const { values, dimensions: d } = points;
  const n = values.length / d;
  const centroids = new Float64Array(k * d);
  const nearest = new Float64Array(n).fill(Infinity);
  let chosen = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    centroids.set(values.subarray(chosen * d, chosen * d + d), c * d);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dist = squaredDistance(values, i * d, centroids, c * d, d);
      if (dist < nearest[i]) nearest[i] = dist;
      total += nearest[i];
    }
    if (c + 1 === k) break;
    if (total === 0) {
      chosen = Math.floor(random() * n);
      continue;
    }
    let target = random() * total;
    chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i];
      if (target < 0) {
        chosen = i;
        break;
      }
    }
  }
  return centroids;
}

function lloyd(points: PointSet, k: number, centroids: Float64Array, maxIterations: number): KMeansResult {
  const { values, dimensions: d } = points;
  const n = values.length / d;
  const assignments = new Int32Array(n).fill(-1);
  const sums = new Float64Array(k * d);
  const sizes = new Array<number>(k).fill(0);
  let iterations = 0;
  let converged = false;
  let within = 0;
  while (iterations < maxIterations) {
    iterations++;
    let changed = 0;
    within = 0;
    const distances = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c++) {
        const dist = squaredDistance(values, i * d, centroids, c * d, d);
        if (dist < bestDistance) {
          bestDistance = dist;
          best = c;
        }
      }
      if (assignments[i] !== best) changed++;
      assignments[i] = best;
      distances[i] = bestDistance;
      within += bestDistance;
    }
    if (changed === 0) {
      converged = true;
      break;
    }
    sums.fill(0);
    sizes.fill(0);
    for (let i = 0; i < n; i++) {
      const c = assignments[i];
      sizes[c]++;
      for (let j = 0; j < d; j++) sums[c * d + j] += values[i * d + j];
    }
    for (let c = 0; c < k; c++) {
      if (sizes[c] === 0) {
        // An emptied cluster restarts at the point farthest from its centroid.
        let far = 0;
        for (let i = 1; i < n; i++) if (distances[i] > distances[far]) far = i;
        centroids.set(values.subarray(far * d, far * d + d), c * d);
        distances[far] = 0;
        continue;
      }
      for (let j = 0; j < d; j++) centroids[c * d + j] = sums[c * d + j] / sizes[c];
    }
  }
  sizes.fill(0);
  for (let i = 0; i < n; i++) sizes[assignments[i]]++;
  return { k, centroids, assignments, sizes, withinSumOfSquares: within, iterations, converged };
}

/**
 * k-means (Lloyd's algorithm) from k-means++ starts; the best of `restarts` runs by within-
 * cluster sum of squares. Deterministic for a given generator.
 */
export function kMeans(points: PointSet, k: number, options: { random: Random; restarts?: number; maxIterations?: number }): KMeansResult {
  const n = points.values.length / points.dimensions;
  if (!Number.isInteger(k) || k < 1) throw badInput(`The number of clusters must be a whole number of at least 1 (got ${k})`, 'k');
  if (k > n) throw badInput(`Cannot form ${k} clusters from ${n} respondents`, 'k');
  let best: KMeansResult | null = null;
  for (let run = 0; run < (options.restarts ?? 10); run++) {
    const result = lloyd(points, k, seedCentroids(points, k, options.random), options.maxIterations ?? 300);
    if (!best || result.withinSumOfSquares < best.withinSumOfSquares) best = result;
  }
  return best!;
}

/**
 * Mean silhouette width (−1…1; above ~0.5 a clear structure, below ~0.25 hardly any):
 * for each point, (b − a) / max(a, b) with a its mean distance to its own cluster and b the
 * smallest mean distance to another cluster; 0 for a point alone in its cluster. Exact up to
 * `sampleSize` points (cost O(n²)); above that, computed on a seeded random sample.
 */
export function silhouetteScore(points: PointSet, assignments: Int32Array, k: number, options: { random?: Random; sampleSize?: number } = {}): number | null {
  const { values, dimensions: d } = points;
  const n = values.length / d;
  if (k < 2) return null;
  const sampleSize = options.sampleSize ?? 2000;
  let rows: number[] = Array.from({ length: n }, (_, i) => i);
  if (n > sampleSize) {
    if (!options.random) throw new RangeError('a generator is needed to sample the silhouette of more than sampleSize points');
    const random = options.random;
    for (let i = 0; i < sampleSize; i++) {
      const j = i + Math.floor(random() * (n - i));
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    rows = rows.slice(0, sampleSize);
  }
  const m = rows.length;
  const counts = new Array<number>(k).fill(0);
  for (const i of rows) counts[assignments[i]]++;
  let total = 0;
  const sums = new Float64Array(k);
  for (const i of rows) {
    sums.fill(0);
    for (const j of rows) if (j !== i) sums[assignments[j]] += Math.sqrt(squaredDistance(values, i * d, values, j * d, d));
    const own = assignments[i];
    if (counts[own] <= 1) continue;
    const a = sums[own] / (counts[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c] > 0) b = Math.min(b, sums[c] / counts[c]);
    if (b === Infinity) continue;
    const denominator = Math.max(a, b);
    total += denominator > 0 ? (b - a) / denominator : 0;
  }
  return total / m;
}
