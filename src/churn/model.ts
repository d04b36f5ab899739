import { badInput } from '../errors.ts';
import { fitLogistic } from '../linalg/logistic.ts';
import { shuffledIndices, type Random } from '../linalg/random.ts';
import { auc, brierScore, decileTable, hosmerLemeshow, type DecileRow } from './evaluation.ts';
import { encodeColumns, encodedLabels, fitEncodings, missingLevel, type FeatureColumn, type FeatureEncoding } from './features.ts';

export interface ChurnModel {
  features: FeatureEncoding[];
  /** Model column labels ("tenure", "tenure (missing)", "plan=basic"), in coefficient order. */
  labels: string[];
  intercept: number;
  /** Log-odds per standard deviation of each model column. */
  coefficients: number[];
  /** The ridge penalty λ the model was trained with. */
  l2: number;
  trainedOn: number;
  churnRate: number;
  converged: boolean;
}

export interface TrainOptions {
  /** Ridge penalty λ on the standardised coefficients (−log L + λ/2·Σβ²); default 1. */
  l2?: number;
  /** Train on these rows only (default all). */
  rows?: Uint32Array;
}

export type ChurnWarningCode = 'few_churners' | 'holdout_one_class' | 'not_converged';
export interface ChurnWarning {
  code: ChurnWarningCode;
  message: string;
}

/** The 0/1 churn flag of every contact must be known for the rows trained on. */
function checkOutcome(churned: ArrayLike<number>, rows: Uint32Array): number {
  let churners = 0;
  for (let r = 0; r < rows.length; r++) {
    const y = churned[rows[r]];
    if (y !== 0 && y !== 1) throw badInput(`The churn flag must be 0 or 1; contact ${rows[r] + 1} has ${y}`, 'target');
    churners += y;
  }
  if (rows.length > 0 && churners === 0) throw badInput('No contact in the training data churned: there is nothing to learn from', 'target');
  if (churners === rows.length) throw badInput('Every contact in the training data churned: there is nothing to compare them with', 'target');
  return churners;
}

/**
 * L2-regularised logistic regression of churned (1) vs stayed (0) on standardised, one-hot
 * encoded features, fitted by Newton's method on Float64Array columns.
 */
export function trainChurnModel(features: readonly FeatureColumn[], churned: ArrayLike<number>, options: TrainOptions = {}): ChurnModel {
  if (features.length === 0) throw badInput('Name at least one feature to predict churn from', 'features');
  const rows = options.rows ?? Uint32Array.from({ length: churned.length }, (_, i) => i);
  for (const feature of features) {
    if (feature.values.length !== churned.length) throw badInput(`Feature "${feature.name}" has ${feature.values.length} values for ${churned.length} contacts`, feature.name);
  }
  const churners = checkOutcome(churned, rows);
  const l2 = options.l2 ?? 1;
  if (!(l2 >= 0)) throw badInput('The ridge penalty must be zero or positive', 'l2');
  const encodings = fitEncodings(features, rows);
  const columns = encodeColumns(encodings, features, rows);
  const outcome = Float64Array.from(rows, (i) => churned[i]);
  let fit;
  try {
    fit = fitLogistic(columns, outcome, { l2, tolerance: 1e-10, maxIterations: 50 });
  } catch {
    throw badInput('The features are perfectly collinear (one is a combination of others); remove one or use a positive --l2', 'features');
  }
  return {
    features: encodings,
    labels: encodings.flatMap(encodedLabels),
    intercept: fit.coefficients[0],
    coefficients: fit.coefficients.slice(1),
    l2,
    trainedOn: rows.length,
    churnRate: churners / rows.length,
    converged: fit.converged,
  };
}

/**
 * The model folded into per-feature scorers on raw values: standardisation is linear, so
 * intercept and slopes absorb means and sds, and a categorical feature becomes one number per
 * level. Scoring is then one pass per feature over contiguous columns.
 */
function compile(model: ChurnModel) {
  let intercept = model.intercept;
  let c = 0;
  const parts = model.features.map((encoding) => {
    if (encoding.kind === 'numeric') {
      const slope = model.coefficients[c] / encoding.sd;
      intercept -= slope * encoding.mean;
      let missingShift = 0;
      let presentShift = 0;
      if (encoding.missing) {
        const b = model.coefficients[c + 1];
        presentShift = (b * (0 - encoding.missing.mean)) / encoding.missing.sd;
        missingShift = (b * (1 - encoding.missing.mean)) / encoding.missing.sd;
      }
      c += encoding.missing ? 2 : 1;
      // A missing value sits at the mean (standardised 0): only its indicator contributes.
      return { kind: 'numeric' as const, slope, mean: encoding.mean, presentShift, missingShift };
    }
    let referenceValue = 0;
    const shifts = encoding.levels.map((_, k) => {
      const b = model.coefficients[c + k];
      referenceValue += (-b * encoding.means[k]) / encoding.sds[k];
      return b / encoding.sds[k];
    });
    c += encoding.levels.length;
    const perLevel = new Map(encoding.levels.map((level, k) => [level, referenceValue + shifts[k]]));
    return { kind: 'categorical' as const, perLevel, referenceValue };
  });
  return { intercept, parts };
}

/** Churn risk (0–1) for every contact in the columns, in row order. */
export function scoreContacts(model: ChurnModel, features: readonly FeatureColumn[]): Float64Array {
  const byName = new Map(features.map((f) => [f.name, f]));
  const n = features[0]?.values.length ?? 0;
  const { intercept, parts } = compile(model);
  const eta = new Float64Array(n).fill(intercept);
  model.features.forEach((encoding, f) => {
    const feature = byName.get(encoding.feature);
    if (!feature) throw badInput(`Feature "${encoding.feature}" is missing from the contacts to score`, encoding.feature);
    if (feature.values.length !== n) throw badInput(`Feature "${feature.name}" has ${feature.values.length} values for ${n} contacts`, feature.name);
    const part = parts[f];
    if (part.kind === 'numeric') {
      if (feature.kind !== 'numeric') throw badInput(`Feature "${feature.name}" must be numeric, as in the training data`, feature.name);
      const values = feature.values;
      for (let i = 0; i < n; i++) {
        const x = values[i];
        eta[i] += x === x ? part.slope * x + part.presentShift : part.slope * part.mean + part.missingShift;
      }
    } else {
      if (feature.kind !== 'categorical') throw badInput(`Feature "${feature.name}" must be categorical, as in the training data`, feature.name);
      const values = feature.values;
      for (let i = 0; i < n; i++) eta[i] += part.perLevel.get(values[i] === '' ? missingLevel : values[i]) ?? part.referenceValue;
    }
  });
  for (let i = 0; i < n; i++) eta[i] = 1 / (1 + Math.exp(-eta[i]));
  return eta;
}

export interface ChurnReason {
  feature: string;
  /** The contact's value of the feature ('' / NaN shown as null). */
  value: number | string | null;
  /** Added log-odds of churn versus an average contact: Σ coefficient × standardised value. */
  contribution: number;
}

/**
 * Why a contact is at risk: per feature, the sum over its model columns of coefficient ×
 * standardised value, i.e. how far this contact's value moves the log-odds from an average
 * contact's. The largest positive contributions, at most `limit`.
 */
export function topReasons(model: ChurnModel, features: readonly FeatureColumn[], rows: Uint32Array, limit = 3): ChurnReason[][] {
  const byName = new Map(features.map((f) => [f.name, f]));
  const ordered = model.features.map((encoding) => byName.get(encoding.feature)!);
  const columns = encodeColumns(model.features, ordered, rows);
  const spans: number[] = model.features.map((e) => encodedLabels(e).length);
  return Array.from(rows, (row, r) => {
    let c = 0;
    const reasons: ChurnReason[] = model.features.map((encoding, f) => {
      let contribution = 0;
      for (let k = 0; k < spans[f]; k++, c++) contribution += model.coefficients[c] * columns[c][r];
      const raw = ordered[f].values[row];
      const value = typeof raw === 'number' ? (Number.isNaN(raw) ? null : raw) : raw === '' ? null : raw;
      return { feature: encoding.feature, value, contribution };
    });
    return reasons.filter((reason) => reason.contribution > 0).sort((a, b) => b.contribution - a.contribution).slice(0, limit);
  });
}

/** Splits 0…n−1 at random into training and holdout rows (each sorted, for locality). */
export function splitTrainHoldout(n: number, random: Random, holdoutFraction = 0.2): { train: Uint32Array; holdout: Uint32Array } {
  if (!(holdoutFraction > 0 && holdoutFraction < 1)) throw badInput('The holdout fraction must be between 0 and 1', 'holdout');
  const order = shuffledIndices(random, n);
  const holdoutSize = Math.round(n * holdoutFraction);
  return { holdout: order.slice(0, holdoutSize).sort(), train: order.slice(holdoutSize).sort() };
}

export interface HoldoutReport {
  trainN: number;
  holdoutN: number;
  holdoutChurners: number;
  /** Null when the holdout has only churners or only stayers. */
  auc: number | null;
  brier: number;
  /** Deciles by predicted risk (1 = riskiest): lift and calibration (meanPredicted vs churnRate). */
  deciles: DecileRow[];
  hosmerLemeshow: { chi2: number; dof: number; p: number } | null;
}

export interface ChurnAnalysis {
  model: ChurnModel;
  holdout: HoldoutReport;
  /** Contacts without a churn flag, left out of training and evaluation. */
  unlabelled: number;
  warnings: ChurnWarning[];
}

/**
 * The whole churn workflow on labelled contacts: seeded train/holdout split, training on the
 * training part, and AUC, lift, calibration and Brier score on the holdout. Contacts whose churn
 * flag is NaN are left out. The returned model (trained on the training part only) is the one
 * the holdout figures describe, so those figures are honest for the scores it gives.
 */
export function analyseChurn(
  features: readonly FeatureColumn[],
  churned: ArrayLike<number>,
  options: { random: Random; holdoutFraction?: number; l2?: number },
): ChurnAnalysis {
  const labelled: number[] = [];
  for (let i = 0; i < churned.length; i++) if (!Number.isNaN(churned[i])) labelled.push(i);
  const split = splitTrainHoldout(labelled.length, options.random, options.holdoutFraction ?? 0.2);
  const train = Uint32Array.from(split.train, (k) => labelled[k]);
  const holdout = Uint32Array.from(split.holdout, (k) => labelled[k]);
  const model = trainChurnModel(features, churned, { l2: options.l2, rows: train });
  const subset = (column: FeatureColumn): FeatureColumn =>
    column.kind === 'numeric'
      ? { ...column, values: Float64Array.from(holdout, (i) => column.values[i]) }
      : { ...column, values: Array.from(holdout, (i) => column.values[i]) };
  const risk = scoreContacts(model, features.map(subset));
  const outcome = Float64Array.from(holdout, (i) => churned[i]);
  const deciles = decileTable(risk, outcome);
  const holdoutChurners = outcome.reduce((s, y) => s + y, 0);
  const warnings: ChurnWarning[] = [];
  const trainChurners = Math.round(model.churnRate * model.trainedOn);
  const events = Math.min(trainChurners, model.trainedOn - trainChurners);
  if (events < 10 * model.labels.length) {
    warnings.push({ code: 'few_churners', message: `${events} contacts in the smaller class for ${model.labels.length} model columns; about 10 per column are needed for a stable model` });
  }
  const area = auc(risk, outcome);
  if (area === null) warnings.push({ code: 'holdout_one_class', message: 'The holdout has only churners or only stayers, so the AUC is undefined; use more data or a larger holdout' });
  if (!model.converged) warnings.push({ code: 'not_converged', message: 'The model did not converge; raise --l2' });
  return {
    model,
    holdout: {
      trainN: train.length,
      holdoutN: holdout.length,
      holdoutChurners,
      auc: area,
      brier: holdout.length ? brierScore(risk, outcome) : 0,
      deciles,
      hosmerLemeshow: hosmerLemeshow(deciles),
    },
    unlabelled: churned.length - labelled.length,
    warnings,
  };
}
