/**
 * Industry benchmarks: the CSV format (one row per industry × metric × period with n, mean and
 * percentiles) and where a value falls among the given percentiles. Pure functions; the service
 * stores the rows and compares the organisation's own figure.
 */
import type { CsvTable } from '../cli/csv.ts';

export const benchmarkMetrics = ['nps', 'csat', 'ces'] as const;
export type BenchmarkMetric = (typeof benchmarkMetrics)[number];

/** The scale each metric is given in, in the CSV and in the comparison. */
export const metricScales: Record<BenchmarkMetric, { min: number; max: number; unit: string }> = {
  nps: { min: -100, max: 100, unit: 'NPS points (−100…100)' },
  csat: { min: 0, max: 100, unit: 'per cent of top-2-box answers (0…100)' },
  ces: { min: 1, max: 7, unit: 'mean answer on the 1–7 effort scale' },
};

/** "Excellent" where the literature gives a threshold: NPS above 50 (seed 003). */
export const excellentThresholds: Partial<Record<BenchmarkMetric, number>> = { nps: 50 };

export interface PercentilePoint { percentile: number; value: number }

export interface BenchmarkRow {
  industry: string;
  metric: BenchmarkMetric;
  period: string;
  n: number | null;
  mean: number | null;
  percentiles: PercentilePoint[];
  source: string | null;
}

export interface RowError {
  /** Data row number (1 = the first row after the header). */
  row: number;
  field: string;
  message: string;
}

/** 2025, 2025-Q3 or 2025-07. */
export const periodPattern = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;
const percentileColumn = /^p(\d{1,2})$/i;
const required = ['industry', 'metric', 'period'];

/** Reads a number as written in Finnish or English spreadsheets ("12,5" or "12.5"); '' is null. */
function numberCell(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Validates a benchmark CSV: columns industry, metric, period, n, mean, source (optional) and
 * at least two percentile columns p1…p99 (p10, p25, p50, p75, p90 typically). Every row is
 * checked; valid rows are returned, invalid ones listed with their row number and the field.
 */
export function parseBenchmarkTable(table: CsvTable): { rows: BenchmarkRow[]; errors: RowError[]; percentileColumns: number[] } {
  const columns = new Map(table.columns.map((c) => [c.trim().toLowerCase(), c]));
  for (const name of required) {
    if (!columns.has(name)) return { rows: [], errors: [{ row: 0, field: name, message: `The header has no "${name}" column (columns: ${table.columns.join(', ')})` }], percentileColumns: [] };
  }
  const percentileColumns = table.columns
    .map((c) => ({ column: c, match: percentileColumn.exec(c.trim()) }))
    .filter((c) => c.match && Number(c.match[1]) >= 1)
    .map((c) => ({ column: c.column, percentile: Number(c.match![1]) }))
    .sort((a, b) => a.percentile - b.percentile);
  if (percentileColumns.length < 2) {
    return { rows: [], errors: [{ row: 0, field: 'percentiles', message: 'Give at least two percentile columns named p1…p99 (for example p10, p25, p50, p75, p90)' }], percentileColumns: [] };
  }
  const cell = (record: Record<string, string>, name: string) => (columns.has(name) ? record[columns.get(name)!] ?? '' : '');
  const rows: BenchmarkRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((record, index) => {
    const row = index + 1;
    const fail = (field: string, message: string) => { errors.push({ row, field, message }); };
    const industry = cell(record, 'industry').trim();
    const metric = cell(record, 'metric').trim().toLowerCase();
    const period = cell(record, 'period').trim().toUpperCase();
    if (!industry || industry.length > 100) return fail('industry', 'industry must be 1–100 characters');
    if (!(benchmarkMetrics as readonly string[]).includes(metric)) return fail('metric', `metric must be one of ${benchmarkMetrics.join(', ')}, not "${cell(record, 'metric')}"`);
    if (!periodPattern.test(period)) return fail('period', `period must be a year (2025), a quarter (2025-Q3) or a month (2025-07), not "${cell(record, 'period')}"`);
    const scale = metricScales[metric as BenchmarkMetric];
    const n = numberCell(cell(record, 'n'));
    if (n === undefined || (n !== null && !(Number.isInteger(n) && n > 0))) return fail('n', `n must be a positive whole number, not "${cell(record, 'n')}"`);
    const mean = numberCell(cell(record, 'mean'));
    if (mean === undefined || (mean !== null && (mean < scale.min || mean > scale.max))) return fail('mean', `mean must be a number in ${scale.min}…${scale.max} (${scale.unit})`);
    const percentiles: PercentilePoint[] = [];
    for (const { column, percentile } of percentileColumns) {
      const value = numberCell(record[column] ?? '');
      if (value === undefined || (value !== null && (value < scale.min || value > scale.max))) return fail(column, `${column} must be a number in ${scale.min}…${scale.max} (${scale.unit})`);
      if (value === null) continue;
      const previous = percentiles[percentiles.length - 1];
      if (previous && value < previous.value) return fail(column, `${column} (${value}) is below p${previous.percentile} (${previous.value}); percentiles cannot decrease`);
      percentiles.push({ percentile, value });
    }
    if (percentiles.length < 2) return fail('percentiles', 'At least two percentiles must be given');
    const key = `${industry}\u0000${metric}\u0000${period}`;
    if (seen.has(key)) return fail('period', `${industry} / ${metric} / ${period} is already on row ${seen.get(key)}`);
    seen.set(key, row);
    rows.push({ industry, metric: metric as BenchmarkMetric, period, n, mean, percentiles, source: cell(record, 'source').trim() || null });
  });
  return { rows, errors, percentileColumns: percentileColumns.map((c) => c.percentile) };
}

export interface PercentilePosition {
  /** Interpolated percentile rank of the value within the industry; null outside the given range. */
  percentile: number | null;
  /** Where the value lies against the given percentiles. */
  position: 'below' | 'within' | 'above';
  /** Outside the range: the nearest given percentile ("below p10", "above p90"). */
  bound: number | null;
}

/**
 * The percentile rank of `value` among industry percentiles, by linear interpolation between
 * the two given percentiles around it: p_i + (value − v_i) / (v_{i+1} − v_i) · (p_{i+1} − p_i).
 * A value equal to a run of equal percentile values gets the middle of the run. Below the lowest
 * or above the highest given percentile no rank is invented: the position and the bound say so.
 */
export function percentileWithin(value: number, points: readonly PercentilePoint[]): PercentilePosition {
  const first = points[0];
  const last = points[points.length - 1];
  if (value < first.value) return { percentile: null, position: 'below', bound: first.percentile };
  if (value > last.value) return { percentile: null, position: 'above', bound: last.percentile };
  const equal = points.filter((p) => p.value === value);
  if (equal.length > 0) return { percentile: (equal[0].percentile + equal[equal.length - 1].percentile) / 2, position: 'within', bound: null };
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (value > a.value && value < b.value) {
      return { percentile: a.percentile + ((value - a.value) / (b.value - a.value)) * (b.percentile - a.percentile), position: 'within', bound: null };
    }
  }
  throw new Error('unreachable: the value lies between the first and the last percentile');
}
