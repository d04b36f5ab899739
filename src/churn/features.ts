import { badInput } from '../errors.ts';

/**
 * One feature of a contact: a number (tenure, revenue, latest NPS; NaN = missing) or a category
 * (plan, region; '' = missing).
 */
export type FeatureColumn =
  | { name: string; kind: 'numeric'; values: ArrayLike<number> }
  | { name: string; kind: 'categorical'; values: readonly string[] };

export interface NumericEncoding {
  kind: 'numeric';
  feature: string;
  mean: number;
  sd: number;
  /** Present when training data had missing values: a 0/1 "was missing" column, standardised. */
  missing: { mean: number; sd: number } | null;
}

export interface CategoricalEncoding {
  kind: 'categorical';
  feature: string;
  /** The most frequent training level: all dummies 0. Unseen levels are scored as it. */
  reference: string;
  /** One dummy column per other level, in this order. */
  levels: string[];
  means: number[];
  sds: number[];
}

export type FeatureEncoding = NumericEncoding | CategoricalEncoding;

/** A label for '' in a categorical column, so "no plan recorded" can be its own level. */
export const missingLevel = '(missing)';
/** More levels than this is almost certainly an identifier or free text, not a category. */
export const maxLevels = 100;

const levelOf = (value: string) => (value === '' ? missingLevel : value);

/** The encoded (model) column labels of one feature, in column order. */
export function encodedLabels(encoding: FeatureEncoding): string[] {
  if (encoding.kind === 'numeric') return encoding.missing ? [encoding.feature, `${encoding.feature} (missing)`] : [encoding.feature];
  return encoding.levels.map((level) => `${encoding.feature}=${level}`);
}

/** Mean and (population) sd of a 0/1 column with `ones` ones among n. */
function binaryMoments(ones: number, n: number): { mean: number; sd: number } {
  const mean = ones / n;
  return { mean, sd: Math.sqrt(mean * (1 - mean)) };
}

/**
 * Learns the encoding of each feature from the training rows: numeric features are
 * standardised (missing values imputed at the mean, plus a missing-indicator column when any are
 * missing); categorical features are one-hot encoded against the most frequent level (reference
 * coding, ties broken alphabetically), each dummy standardised too, so the L2 penalty treats
 * every column alike and coefficients compare as "per standard deviation".
 * Throws naming a feature that is constant in the training rows.
 */
export function fitEncodings(features: readonly FeatureColumn[], rows: Uint32Array): FeatureEncoding[] {
  const n = rows.length;
  return features.map((feature): FeatureEncoding => {
    if (feature.kind === 'numeric') {
      let count = 0;
      let sum = 0;
      let min = Infinity;
      let max = -Infinity;
      for (let r = 0; r < n; r++) {
        const x = feature.values[rows[r]];
        if (Number.isNaN(x)) continue;
        count++;
        sum += x;
        if (x < min) min = x;
        if (x > max) max = x;
      }
      if (count === 0) throw badInput(`Feature "${feature.name}" has no values in the training data`, feature.name);
      const missingCount = n - count;
      if (!(max > min)) {
        throw badInput(`Feature "${feature.name}" has the same value (${min}) for every training contact, so it cannot predict churn; remove it`, feature.name);
      }
      // Two passes: a sum of squares loses precision on large values such as revenue.
      const mean = sum / count;
      let deviations = 0;
      for (let r = 0; r < n; r++) {
        const x = feature.values[rows[r]];
        if (!Number.isNaN(x)) deviations += (x - mean) * (x - mean);
      }
      // Standardised over all rows, with the missing ones imputed at the mean.
      return {
        kind: 'numeric',
        feature: feature.name,
        mean,
        sd: Math.sqrt(deviations / n),
        missing: missingCount > 0 ? binaryMoments(missingCount, n) : null,
      };
    }
    const counts = new Map<string, number>();
    for (let r = 0; r < n; r++) {
      const level = levelOf(feature.values[rows[r]]);
      counts.set(level, (counts.get(level) ?? 0) + 1);
    }
    if (counts.size > maxLevels) {
      throw badInput(`Feature "${feature.name}" has ${counts.size} different values; more than ${maxLevels} looks like an identifier or free text, not a category`, feature.name);
    }
    if (counts.size < 2) {
      throw badInput(`Feature "${feature.name}" has the same value ("${[...counts.keys()][0] ?? ''}") for every training contact, so it cannot predict churn; remove it`, feature.name);
    }
    const ordered = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const stats = ordered.slice(1).map(([, count]) => binaryMoments(count, n));
    return {
      kind: 'categorical',
      feature: feature.name,
      reference: ordered[0][0],
      levels: ordered.slice(1).map(([level]) => level),
      means: stats.map((s) => s.mean),
      sds: stats.map((s) => s.sd),
    };
  });
}

/**
 * The standardised model columns for the given rows (a Float64Array each), in the order of
 * encodedLabels over the encodings. Unseen categorical levels encode as the reference level.
 */
export function encodeColumns(encodings: readonly FeatureEncoding[], features: readonly FeatureColumn[], rows: Uint32Array): Float64Array[] {
  const n = rows.length;
  const columns: Float64Array[] = [];
  encodings.forEach((encoding, f) => {
    const feature = features[f];
    if (encoding.kind === 'numeric' && feature.kind === 'numeric') {
      const value = new Float64Array(n);
      const missing = encoding.missing ? new Float64Array(n) : null;
      const absent = encoding.missing ? (1 - encoding.missing.mean) / encoding.missing.sd : 0;
      const present = encoding.missing ? (0 - encoding.missing.mean) / encoding.missing.sd : 0;
      for (let r = 0; r < n; r++) {
        const x = feature.values[rows[r]];
        const isMissing = Number.isNaN(x);
        value[r] = isMissing ? 0 : (x - encoding.mean) / encoding.sd;
        if (missing) missing[r] = isMissing ? absent : present;
      }
      columns.push(value);
      if (missing) columns.push(missing);
    } else if (encoding.kind === 'categorical' && feature.kind === 'categorical') {
      const index = new Map(encoding.levels.map((level, k) => [level, k]));
      const dummies = encoding.levels.map((_, k) => new Float64Array(n).fill(-encoding.means[k] / encoding.sds[k]));
      for (let r = 0; r < n; r++) {
        const k = index.get(levelOf(feature.values[rows[r]]));
        if (k !== undefined) dummies[k][r] = (1 - encoding.means[k]) / encoding.sds[k];
      }
      columns.push(...dummies);
    } else {
      throw badInput(`Feature "${encoding.feature}" must be ${encoding.kind}, as in the training data`, encoding.feature);
    }
  });
  return columns;
}
