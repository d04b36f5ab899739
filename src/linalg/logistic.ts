import { cholesky, choleskySolve, invertSpd } from './cholesky.ts';
import type { Matrix } from './matrix.ts';

export interface LogisticOptions {
  /**
   * Ridge penalty λ on the slopes (never the intercept): the fit minimises
   * −log L + λ/2·Σβⱼ². 0 (the default) is plain maximum likelihood, as R's glm(binomial).
   */
  l2?: number;
  maxIterations?: number;
  /** Converged when the relative change of the penalised deviance falls below this. */
  tolerance?: number;
}

export interface LogisticFit {
  /** Intercept first, then one slope per column, in column order. */
  coefficients: number[];
  /**
   * Inverse of the (penalised) Hessian of −log L at the optimum. With λ = 0 this is the inverse
   * Fisher information, whose diagonal gives the usual Wald standard errors.
   */
  covariance: Matrix;
  standardErrors: number[];
  /** −2 log L at the optimum (without the penalty). */
  deviance: number;
  /** −2 log L of the intercept-only model. */
  nullDeviance: number;
  iterations: number;
  converged: boolean;
  /**
   * Some fitted probabilities are numerically 0 or 1: the outcome is (quasi-)separated by the
   * predictors, so the maximum-likelihood slopes are infinite and the estimates unreliable.
   */
  separation: boolean;
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * Logistic regression by Newton–Raphson (identical to IRLS for the canonical logit link),
 * with step halving when a step would increase the penalised deviance. Predictors are
 * Float64Array columns so that a million rows cost a few passes over contiguous memory per
 * iteration: O(n·p²) for the Hessian, and Newton needs 5–10 iterations.
 * Throws a RangeError when the Hessian is singular (collinear columns and λ = 0).
 */
export function fitLogistic(columns: readonly ArrayLike<number>[], outcome: ArrayLike<number>, options: LogisticOptions = {}): LogisticFit {
  const lambda = options.l2 ?? 0;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-12;
  const n = outcome.length;
  const p = columns.length;
  const q = p + 1;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += outcome[i];
  const rate = positives / n;
  const nullDeviance = rate > 0 && rate < 1 ? -2 * (positives * Math.log(rate) + (n - positives) * Math.log(1 - rate)) : 0;

  let beta = new Array<number>(q).fill(0);
  if (rate > 0 && rate < 1) beta[0] = Math.log(rate / (1 - rate));
  let eta = new Float64Array(n);
  let mu = new Float64Array(n);
  let candidateEta = new Float64Array(n);
  let candidateMu = new Float64Array(n);
  const weight = new Float64Array(n);
  const residual = new Float64Array(n);

  /** Fills eta and mu for the coefficients and returns the deviance (penalty excluded). */
  const evaluate = (coefficients: readonly number[], etaOut: Float64Array, muOut: Float64Array): number => {
    etaOut.fill(coefficients[0]);
    for (let j = 0; j < p; j++) {
      const b = coefficients[j + 1];
      if (b === 0) continue;
      const x = columns[j];
      for (let i = 0; i < n; i++) etaOut[i] += b * x[i];
    }
    let logLikelihood = 0;
    for (let i = 0; i < n; i++) {
      const e = etaOut[i];
      muOut[i] = 1 / (1 + Math.exp(-e));
      logLikelihood += outcome[i] * e - softplus(e);
    }
    return -2 * logLikelihood;
  };
  const penalty = (coefficients: readonly number[]) => {
    let sum = 0;
    for (let j = 1; j < q; j++) sum += coefficients[j] * coefficients[j];
    return lambda * sum;
  };

  /** Hessian of −log L (+ penalty) at the current mu. */
  const hessian = (): Matrix => {
    for (let i = 0; i < n; i++) weight[i] = mu[i] * (1 - mu[i]);
    const h: Matrix = Array.from({ length: q }, () => new Array<number>(q).fill(0));
    for (let a = 0; a < q; a++) {
      const xa = a === 0 ? null : columns[a - 1];
      for (let b = a; b < q; b++) {
        const xb = b === 0 ? null : columns[b - 1];
        let sum = 0;
        if (!xa && !xb) for (let i = 0; i < n; i++) sum += weight[i];
        else if (!xa) for (let i = 0; i < n; i++) sum += weight[i] * xb![i];
        else for (let i = 0; i < n; i++) sum += weight[i] * xa[i] * xb![i];
        h[a][b] = h[b][a] = sum;
      }
      if (a > 0) h[a][a] += lambda;
    }
    return h;
  };

  let deviance = evaluate(beta, eta, mu);
  let objective = deviance + penalty(beta);
  let converged = false;
  let iterations = 0;
  while (iterations < maxIterations && !converged) {
    iterations++;
    for (let i = 0; i < n; i++) residual[i] = outcome[i] - mu[i];
    const gradient = new Array<number>(q).fill(0);
    for (let i = 0; i < n; i++) gradient[0] += residual[i];
    for (let j = 0; j < p; j++) {
      const x = columns[j];
      let sum = 0;
      for (let i = 0; i < n; i++) sum += x[i] * residual[i];
      gradient[j + 1] = sum - lambda * beta[j + 1];
    }
    const l = cholesky(hessian(), 1e-14);
    if (!l) throw new RangeError('singular information matrix: the predictors are collinear');
    const step = choleskySolve(l, gradient);
    let scale = 1;
    let candidate = beta;
    let candidateDeviance = deviance;
    let candidateObjective = objective;
    for (let halving = 0; halving < 40; halving++) {
      candidate = beta.map((b, k) => b + scale * step[k]);
      candidateDeviance = evaluate(candidate, candidateEta, candidateMu);
      candidateObjective = candidateDeviance + penalty(candidate);
      if (Number.isFinite(candidateObjective) && candidateObjective <= objective * (1 + 1e-15) + 1e-300) break;
      scale /= 2;
    }
    const change = Math.abs(candidateObjective - objective) / (Math.abs(candidateObjective) + 0.1);
    const largestStep = Math.max(...step.map((s) => Math.abs(s * scale)));
    beta = candidate;
    [eta, candidateEta] = [candidateEta, eta];
    [mu, candidateMu] = [candidateMu, mu];
    deviance = candidateDeviance;
    objective = candidateObjective;
    if (change < tolerance || largestStep < 1e-10) converged = true;
  }
  const information = hessian();
  const covariance = invertSpd(information);
  if (!covariance) throw new RangeError('singular information matrix: the predictors are collinear');
  let extreme = false;
  for (let i = 0; i < n && !extreme; i++) if (mu[i] < 1e-10 || mu[i] > 1 - 1e-10) extreme = true;
  return {
    coefficients: beta,
    covariance,
    standardErrors: covariance.map((row, k) => Math.sqrt(row[k])),
    deviance,
    nullDeviance,
    iterations,
    converged,
    separation: lambda === 0 && (extreme || !converged),
  };
}
