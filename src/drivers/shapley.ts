import { allSubsetsRSquared } from '../linalg/regression.ts';
import { badInput } from '../errors.ts';
import { prepareDriverData, type DriverInput, type PreparedDrivers } from './data.ts';
import { driverWeightsResult, type DriverWeights } from './relative-weights.ts';

/** 2^16 subset regressions still take well under a second; beyond that use relative weights. */
export const maxShapleyAttributes = 16;

export interface ShapleyWeights extends DriverWeights {
  method: 'shapley';
  /**
   * Conditional dominance: conditional[attr][k] is the average R² an attribute adds to models
   * that already hold k other attributes (k = 0 … p − 1). Their mean over k is the Shapley weight.
   */
  conditional: Record<string, number[]>;
}

/**
 * Shapley values (LMG) of R² from the R² of every subset, indexed by bit mask. For each
 * attribute j and each subset S without j, the increment R²(S ∪ j) − R²(S) is averaged within
 * each subset size k, then over k: exactly the average over all p! orderings, in O(2^p · p).
 */
export function shapleyFromSubsets(subsetR2: Float64Array, p: number): { weights: number[]; conditional: number[][] } {
  // C(p − 1, k): the number of subsets of size k among the other p − 1 attributes.
  const binomial = [1];
  for (let k = 1; k < p; k++) binomial.push((binomial[k - 1] * (p - k)) / k);
  const conditional = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let mask = 0; mask < subsetR2.length; mask++) {
    let size = 0;
    for (let m = mask; m; m &= m - 1) size++;
    for (let j = 0; j < p; j++) {
      const bit = 1 << j;
      if (mask & bit) continue;
      conditional[j][size] += subsetR2[mask | bit] - subsetR2[mask];
    }
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) conditional[j][k] /= binomial[k];
  const weights = conditional.map((row) => row.reduce((sum, value) => sum + value, 0) / p);
  return { weights, conditional };
}

/** Shapley raw weights and conditional dominance from a correlation matrix (target last). */
export function shapleyFromCorrelation(correlation: readonly (readonly number[])[]): { r2: number; weights: number[]; conditional: number[][] } {
  const p = correlation.length - 1;
  const predictors = Array.from({ length: p }, (_, j) => j);
  const subsets = allSubsetsRSquared(correlation, predictors, p);
  return { r2: subsets[subsets.length - 1], ...shapleyFromSubsets(subsets, p) };
}

/**
 * Shapley-value (LMG) decomposition of R²: each attribute's average gain in R² over every
 * order of adding the attributes. The correlation matrix is computed once from the data; the
 * 2^p subset regressions work on it alone. Raw weights sum to the full model's R².
 */
export function shapleyWeights(input: DriverInput | PreparedDrivers): ShapleyWeights {
  const attributeCount = input.attributes.length;
  if (attributeCount > maxShapleyAttributes) {
    throw badInput(
      `Shapley weights need 2^p regressions; ${attributeCount} attributes is more than the ${maxShapleyAttributes} allowed. Use relative weights, which agree closely with Shapley`,
      'attributes',
    );
  }
  const prepared = 'correlation' in input ? input : prepareDriverData(input);
  const { r2, weights, conditional } = shapleyFromCorrelation(prepared.correlation);
  const byName: Record<string, number[]> = {};
  prepared.attributes.forEach((name, j) => {
    byName[name] = conditional[j];
  });
  return { ...driverWeightsResult('shapley', prepared, r2, weights), method: 'shapley', conditional: byName };
}
