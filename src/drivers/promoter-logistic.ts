import { badInput } from '../errors.ts';
import { correlationMatrix } from '../linalg/correlation.ts';
import { fitLogistic } from '../linalg/logistic.ts';
import { twoSidedNormalP } from '../metrics/distributions.ts';
import {
  checkDriverInput,
  collinearityWarnings,
  completeCases,
  rejectConstantColumns,
  sampleSizeWarnings,
  type DriverInput,
  type DriverWarning,
} from './data.ts';

export const interceptName = '(Intercept)';

export interface PromoterLogisticResult {
  method: 'promoter-logistic';
  target: string;
  /** Promoters + passives analysed. */
  n: number;
  promoters: number;
  passives: number;
  /** Detractors (0–6) are not part of the question "what turns a passive into a promoter". */
  detractorsExcluded: number;
  /** Respondents left out for a missing or don't-know answer (listwise deletion). */
  excluded: number;
  /** Log-odds of being a promoter: intercept, then per unit of each attribute. */
  coefficients: Record<string, number>;
  /** Standard errors from the inverse Fisher information. */
  se: Record<string, number>;
  z: Record<string, number>;
  p: Record<string, number>;
  /** exp(coefficient): how the odds of promoting multiply per one-point better answer. */
  oddsRatios: Record<string, number>;
  deviance: number;
  nullDeviance: number;
  aic: number;
  iterations: number;
  converged: boolean;
  warnings: DriverWarning[];
}

/** NPS answers must be whole numbers 0–10; anything else is a data error, not an opinion. */
function checkRecommendScale(name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v) && !(Number.isInteger(v) && v >= 0 && v <= 10)) {
      throw badInput(`Target "${name}" must be a 0–10 likelihood-to-recommend answer; respondent ${i + 1} has ${v}`, name);
    }
  }
}

/**
 * Promoter-versus-passive analysis: logistic regression of promoter (9–10 → 1) against passive
 * (7–8 → 0) on the attributes, detractors excluded, by Newton/IRLS maximum likelihood with an
 * intercept; standard errors from the inverse Fisher information, Wald z and p-values.
 */
export function promoterLogistic(input: DriverInput): PromoterLogisticResult {
  checkDriverInput(input);
  checkRecommendScale(input.target.name, input.target.values);
  const names = input.attributes.map((a) => a.name);
  const p = names.length;
  const target = input.target.values;
  let detractors = 0;
  const { values, incomplete } = completeCases([...input.attributes, input.target], (row) => {
    if (target[row] <= 6) {
      detractors++;
      return false;
    }
    return true;
  });
  const outcome = Float64Array.from(values[p], (score) => (score >= 9 ? 1 : 0));
  const n = outcome.length;
  const promoters = outcome.reduce((sum, y) => sum + y, 0);
  const passives = n - promoters;
  if (n > 0 && passives === 0) {
    throw badInput(`All ${n} analysed respondents are promoters (9–10): with no passives there is nothing to compare them with`, input.target.name);
  }
  if (n > 0 && promoters === 0) {
    throw badInput(`All ${n} analysed respondents are passives (7–8): with no promoters there is nothing to compare them with`, input.target.name);
  }
  if (n < p + 2) {
    throw badInput(
      `Only ${n} promoters and passives answered all ${p} attributes; at least ${p + 2} are needed (${detractors} detractors and ${incomplete} incomplete answers left out)`,
      'attributes',
    );
  }
  const attributeValues = values.slice(0, p);
  const { matrix, constant } = correlationMatrix(attributeValues);
  rejectConstantColumns(names, attributeValues, constant, () => 'Attribute');
  const warnings = [...sampleSizeWarnings(n, p), ...collinearityWarnings(names, matrix)];
  const events = Math.min(promoters, passives);
  if (events < 10 * p) {
    warnings.push({
      code: 'few_events',
      message: `The smaller group has ${events} respondents for ${p} attributes; logistic coefficients need about 10 per attribute (${10 * p}) to be stable`,
    });
  }
  let fit;
  try {
    fit = fitLogistic(attributeValues, outcome);
  } catch (error) {
    throw badInput(`The attributes are collinear among promoters and passives, so the model cannot be fitted: ${(error as Error).message}`, 'attributes');
  }
  if (fit.separation) {
    warnings.push({
      code: 'separation',
      message: 'The attributes separate promoters from passives (almost) perfectly: coefficients grow without bound and their standard errors are not meaningful',
    });
  } else if (!fit.converged) {
    warnings.push({ code: 'not_converged', message: `The fit did not converge in ${fit.iterations} iterations` });
  }
  const labels = [interceptName, ...names];
  const record = (f: (k: number) => number) => Object.fromEntries(labels.map((label, k) => [label, f(k)]));
  return {
    method: 'promoter-logistic',
    target: input.target.name,
    n,
    promoters,
    passives,
    detractorsExcluded: detractors,
    excluded: incomplete,
    coefficients: record((k) => fit.coefficients[k]),
    se: record((k) => fit.standardErrors[k]),
    z: record((k) => fit.coefficients[k] / fit.standardErrors[k]),
    p: record((k) => twoSidedNormalP(fit.coefficients[k] / fit.standardErrors[k])),
    oddsRatios: record((k) => Math.exp(fit.coefficients[k])),
    deviance: fit.deviance,
    nullDeviance: fit.nullDeviance,
    aic: fit.deviance + 2 * (p + 1),
    iterations: fit.iterations,
    converged: fit.converged,
    warnings,
  };
}
