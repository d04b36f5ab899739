import { completeCases, type DriverColumn } from '../drivers/data.ts';
import { badInput } from '../errors.ts';
import { columnMoments } from '../linalg/correlation.ts';
import type { Random } from '../linalg/random.ts';
import { kMeans, silhouetteScore, type PointSet } from './kmeans.ts';

export interface ClusterAttribute {
  attribute: string;
  mean: number;
  overall: number;
  /** mean − overall, in answer points. */
  difference: number;
  /** difference ÷ the attribute's overall sd: comparable across attributes. */
  standardised: number;
}

export interface ClusterDescription {
  cluster: number;
  size: number;
  share: number;
  attributes: ClusterAttribute[];
  /** Up to three attributes that set this cluster apart most (largest |standardised|). */
  distinctive: string[];
}

export interface NeedsSegmentation {
  k: number;
  n: number;
  excluded: number;
  /** Mean silhouette width of the chosen solution (null for k = 1). */
  silhouette: number | null;
  /** Silhouette for each k tried when a range was given. */
  tried: Array<{ k: number; silhouette: number | null; withinSumOfSquares: number }>;
  withinSumOfSquares: number;
  clusters: ClusterDescription[];
  /** Cluster (0-based) of each input row; −1 for rows left out for missing answers. */
  assignments: Int32Array;
  standardised: boolean;
}

export interface NeedsOptions {
  random: Random;
  /** One k, or a range [from, to] from which the k with the best silhouette is chosen. */
  k: number | [number, number];
  /** Cluster on z-scores instead of raw answers; needed when attributes use different scales. */
  standardise?: boolean;
  restarts?: number;
  silhouetteSample?: number;
}

/**
 * Needs-based segmentation: k-means over respondents' answers (listwise deletion of missing and
 * don't-know), with the silhouette as the quality score, and each cluster described by its mean
 * answers against the overall means.
 */
export function segmentByNeeds(attributes: readonly DriverColumn[], options: NeedsOptions): NeedsSegmentation {
  if (attributes.length === 0) throw badInput('Name at least one attribute to cluster on', 'attributes');
  const names = attributes.map((a) => a.name);
  const { rows, values, incomplete } = completeCases(attributes);
  const n = rows.length;
  const d = names.length;
  const moments = columnMoments(values);
  const constant = moments.constant.findIndex(Boolean);
  if (n > 0 && constant !== -1) {
    throw badInput(`Attribute "${names[constant]}" has the same value for every respondent, so it cannot separate clusters; remove it`, names[constant]);
  }
  const [from, to] = typeof options.k === 'number' ? [options.k, options.k] : options.k;
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 1 && to >= from)) throw badInput(`Invalid number of clusters ${from}–${to}`, 'k');
  if (n < Math.max(to, 2)) throw badInput(`Only ${n} respondents answered all ${d} attributes; too few for ${to} clusters`, 'attributes');
  const standardise = options.standardise ?? false;
  const points: PointSet = { values: new Float64Array(n * d), dimensions: d };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const x = values[j][i];
      points.values[i * d + j] = standardise ? (x - moments.means[j]) / moments.sds[j] : x;
    }
  }
  const tried: NeedsSegmentation['tried'] = [];
  let best: { k: number; silhouette: number | null; result: ReturnType<typeof kMeans> } | null = null;
  for (let k = from; k <= to; k++) {
    const result = kMeans(points, k, { random: options.random, restarts: options.restarts });
    const silhouette = silhouetteScore(points, result.assignments, k, { random: options.random, sampleSize: options.silhouetteSample });
    tried.push({ k, silhouette, withinSumOfSquares: result.withinSumOfSquares });
    if (!best || (silhouette ?? -Infinity) > (best.silhouette ?? -Infinity)) best = { k, silhouette, result };
  }
  const { result } = best!;
  const clusters: ClusterDescription[] = Array.from({ length: best!.k }, (_, c) => {
    const size = result.sizes[c];
    const clusterAttributes = names.map((attribute, j) => {
      let sum = 0;
      for (let i = 0; i < n; i++) if (result.assignments[i] === c) sum += values[j][i];
      const mean = size > 0 ? sum / size : Number.NaN;
      const overall = moments.means[j];
      return { attribute, mean, overall, difference: mean - overall, standardised: (mean - overall) / moments.sds[j] };
    });
    const distinctive = [...clusterAttributes]
      .sort((a, b) => Math.abs(b.standardised) - Math.abs(a.standardised))
      .slice(0, Math.min(3, d))
      .map((a) => a.attribute);
    return { cluster: c, size, share: size / n, attributes: clusterAttributes, distinctive };
  });
  const assignments = new Int32Array(attributes[0].values.length).fill(-1);
  rows.forEach((row, i) => {
    assignments[row] = result.assignments[i];
  });
  return {
    k: best!.k,
    n,
    excluded: incomplete,
    silhouette: best!.silhouette,
    tried,
    withinSumOfSquares: result.withinSumOfSquares,
    clusters,
    assignments,
    standardised: standardise,
  };
}
