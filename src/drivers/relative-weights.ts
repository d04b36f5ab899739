import { symmetricEigen } from '../linalg/eigen.ts';
import { prepareDriverData, type DriverInput, type DriverWarning, type PreparedDrivers } from './data.ts';

/** Importance of each attribute as its share of the explained variance R². */
export interface DriverWeights {
  method: 'relative-weights' | 'shapley';
  target: string;
  n: number;
  excluded: number;
  /** R² of the regression of the target on all attributes. */
  r2: number;
  /** Raw weights: they sum to r2. */
  weights: Record<string, number>;
  /** Weights as percent of r2: they sum to 100. */
  rescaled: Record<string, number>;
  /** Mean answer per attribute over the respondents used (current performance). */
  performance: Record<string, number>;
  warnings: DriverWarning[];
}

/**
 * Raw relative weights from a correlation matrix whose first p rows are the attributes and
 * whose last row is the target (Johnson, 2000). The attributes are replaced by their closest
 * orthogonal counterparts Z = X·(XᵀX)^(−1/2); the target is regressed on Z (β = Λ⁻¹·r_xy with
 * Λ = R_xx^(1/2)); each attribute gets its squared loadings on Z times the squared βs.
 */
export function relativeWeightsFromCorrelation(correlation: readonly (readonly number[])[]): { r2: number; weights: number[] } {
  const p = correlation.length - 1;
  const rxx = correlation.slice(0, p).map((row) => row.slice(0, p));
  const rxy = correlation.slice(0, p).map((row) => row[p]);
  const { values, vectors } = symmetricEigen(rxx);
  // Λ = V·diag(√λ)·Vᵀ and Λ⁻¹ = V·diag(1/√λ)·Vᵀ share the eigenvectors of R_xx.
  const sqrtRoot = (power: 1 | -1) =>
    rxx.map((_, i) => rxx.map((__, j) => values.reduce((sum, lambda, k) => sum + vectors[i][k] * Math.sqrt(lambda) ** power * vectors[j][k], 0)));
  const lambda = sqrtRoot(1);
  const lambdaInverse = sqrtRoot(-1);
  const beta = lambdaInverse.map((row) => row.reduce((sum, value, j) => sum + value * rxy[j], 0));
  const weights = lambda.map((row) => row.reduce((sum, loading, k) => sum + loading * loading * beta[k] * beta[k], 0));
  return { r2: beta.reduce((sum, b) => sum + b * b, 0), weights };
}

/** Builds the shared result shape from raw weights. */
export function driverWeightsResult(method: DriverWeights['method'], prepared: PreparedDrivers, r2: number, raw: readonly number[]): DriverWeights {
  const weights: Record<string, number> = {};
  const rescaled: Record<string, number> = {};
  const performance: Record<string, number> = {};
  prepared.attributes.forEach((name, j) => {
    weights[name] = raw[j];
    rescaled[name] = r2 > 0 ? (100 * raw[j]) / r2 : 0;
    performance[name] = prepared.attributeMeans[j];
  });
  return {
    method,
    target: prepared.target,
    n: prepared.n,
    excluded: prepared.excluded,
    r2,
    weights,
    rescaled,
    performance,
    warnings: prepared.warnings,
  };
}

/** Johnson's relative weights of the attributes for the target; raw weights sum to R². */
export function relativeWeights(input: DriverInput | PreparedDrivers): DriverWeights {
  const prepared = 'correlation' in input ? input : prepareDriverData(input);
  const { r2, weights } = relativeWeightsFromCorrelation(prepared.correlation);
  return driverWeightsResult('relative-weights', prepared, r2, weights);
}
