import { badInput } from '../errors.ts';
import { correlationMatrix } from '../linalg/correlation.ts';
import { symmetricEigen } from '../linalg/eigen.ts';
import type { Matrix } from '../linalg/matrix.ts';

/** One survey question as numbers; NaN marks a missing answer or "don't know". */
export interface DriverColumn {
  name: string;
  values: ArrayLike<number>;
}

/** An outcome (likelihood to recommend, overall satisfaction…) and its driver attributes. */
export interface DriverInput {
  target: DriverColumn;
  attributes: DriverColumn[];
}

export type DriverWarningCode = 'few_respondents' | 'collinearity' | 'separation' | 'few_events' | 'not_converged';

/** Something the analyst should know before trusting the figures; the figures are still given. */
export interface DriverWarning {
  code: DriverWarningCode;
  message: string;
}

/** Complete cases of a DriverInput, validated, with their correlation matrix. */
export interface PreparedDrivers {
  target: string;
  attributes: string[];
  /** Respondents used: those with every attribute and the target answered. */
  n: number;
  /** Respondents left out because an answer was missing or "don't know" (listwise deletion). */
  excluded: number;
  targetValues: Float64Array;
  attributeValues: Float64Array[];
  /** Correlations of the attributes in order, then the target as the last row/column. */
  correlation: Matrix;
  /** Mean of each attribute over the respondents used: its current performance. */
  attributeMeans: number[];
  warnings: DriverWarning[];
}

/** |r| above this between two attributes earns a collinearity warning. */
export const collinearCorrelation = 0.95;
/** Condition number (λmax/λmin) of the attribute correlation matrix above this earns a warning. */
export const collinearConditionNumber = 100;

/** Checks names and lengths, and throws when an attribute list cannot be analysed. */
export function checkDriverInput(input: DriverInput): void {
  if (input.attributes.length === 0) throw badInput('Name at least one driver attribute', 'attributes');
  const names = new Set<string>();
  for (const column of [input.target, ...input.attributes]) {
    if (names.has(column.name)) {
      throw badInput(`"${column.name}" is named twice; the target and each attribute must be different questions`, 'attributes');
    }
    names.add(column.name);
    if (column.values.length !== input.target.values.length) {
      throw badInput(`"${column.name}" has ${column.values.length} values but the target has ${input.target.values.length}`, column.name);
    }
  }
}

/**
 * Rows where every column has a finite value (listwise deletion), as Float64Array columns.
 * `keep` can drop further rows (the promoter analysis drops detractors).
 */
export function completeCases(
  columns: readonly DriverColumn[],
  keep: (row: number) => boolean = () => true,
): { rows: Uint32Array; values: Float64Array[]; incomplete: number } {
  const total = columns[0]?.values.length ?? 0;
  const chosen: number[] = [];
  let incomplete = 0;
  for (let i = 0; i < total; i++) {
    let complete = true;
    for (const column of columns) {
      if (!Number.isFinite(column.values[i])) {
        complete = false;
        break;
      }
    }
    if (!complete) incomplete++;
    else if (keep(i)) chosen.push(i);
  }
  const rows = Uint32Array.from(chosen);
  const values = columns.map((column) => Float64Array.from(rows, (i) => column.values[i]));
  return { rows, values, incomplete };
}

/** Throws naming the first column whose values are all the same: it explains nothing. */
export function rejectConstantColumns(names: readonly string[], values: readonly Float64Array[], constant: readonly boolean[], role: (index: number) => string): void {
  const index = constant.findIndex(Boolean);
  if (index === -1) return;
  const sample = values[index].length > 0 ? ` (${values[index][0]})` : '';
  throw badInput(
    `${role(index)} "${names[index]}" has the same value${sample} for every respondent analysed, so it cannot explain differences; remove it`,
    names[index],
  );
}

/** The warnings every regression-type driver method shares: sample size and collinearity. */
export function sampleSizeWarnings(n: number, attributes: number): DriverWarning[] {
  if (n >= 30 && n >= 5 * attributes) return [];
  return [{
    code: 'few_respondents',
    message: `Only ${n} respondents for ${attributes} attributes; at least 30 and 5 per attribute (${Math.max(30, 5 * attributes)}) are needed for stable weights`,
  }];
}

/**
 * Collinearity check on the attribute correlation matrix: warns on pairs with |r| > 0.95 and on
 * a condition number above 100; throws when the matrix is singular, because then no method can
 * separate the attributes' contributions.
 */
export function collinearityWarnings(names: readonly string[], correlation: readonly (readonly number[])[]): DriverWarning[] {
  const p = names.length;
  const warnings: DriverWarning[] = [];
  const attributeCorrelation = correlation.slice(0, p).map((row) => row.slice(0, p));
  const { values, vectors } = symmetricEigen(attributeCorrelation);
  const largest = values[0];
  const smallest = values[p - 1];
  if (!(smallest > 1e-10 * largest)) {
    const involved = names.filter((_, i) => Math.abs(vectors[i][p - 1]) > 0.1);
    throw badInput(
      `The attributes ${involved.map((n) => `"${n}"`).join(', ')} are perfectly collinear (one is a combination of the others); remove one of them`,
      involved[0],
    );
  }
  for (let a = 0; a < p; a++) {
    for (let b = a + 1; b < p; b++) {
      const r = correlation[a][b];
      if (Math.abs(r) > collinearCorrelation) {
        warnings.push({
          code: 'collinearity',
          message: `"${names[a]}" and "${names[b]}" correlate at ${r.toFixed(3)}; respondents hardly tell them apart, so their split of importance is uncertain`,
        });
      }
    }
  }
  const condition = largest / smallest;
  if (condition > collinearConditionNumber) {
    warnings.push({
      code: 'collinearity',
      message: `The attribute correlation matrix has condition number ${condition.toFixed(1)} (above ${collinearConditionNumber}); the attributes overlap strongly`,
    });
  }
  return warnings;
}

/**
 * Listwise deletion, validation and the correlation matrix, shared by relative weights and
 * Shapley. Throws (with the column named) on a constant column, perfectly collinear attributes
 * or fewer complete respondents than attributes + 2; warns on small samples and collinearity.
 */
export function prepareDriverData(input: DriverInput): PreparedDrivers {
  checkDriverInput(input);
  const names = input.attributes.map((a) => a.name);
  const p = names.length;
  const { values, incomplete } = completeCases([...input.attributes, input.target]);
  const n = values[0].length;
  if (n < p + 2) {
    throw badInput(
      `Only ${n} respondents answered the target and all ${p} attributes; at least ${p + 2} are needed (${incomplete} left out for missing or don't-know answers)`,
      'attributes',
    );
  }
  const result = correlationMatrix(values);
  rejectConstantColumns([...names, input.target.name], values, result.constant, (i) => (i < p ? 'Attribute' : 'Target'));
  const warnings = [...sampleSizeWarnings(n, p), ...collinearityWarnings(names, result.matrix)];
  return {
    target: input.target.name,
    attributes: names,
    n,
    excluded: incomplete,
    targetValues: values[p],
    attributeValues: values.slice(0, p),
    correlation: result.matrix,
    attributeMeans: result.means.slice(0, p),
    warnings,
  };
}
