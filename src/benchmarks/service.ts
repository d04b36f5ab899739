/**
 * Industry benchmarks: importing the comparison figures and placing the organisation's own
 * NPS / CSAT / CES for the same period among its industry's percentiles.
 */
import type { Queryable } from '../db/connection.ts';
import { isPersonLevel, type AuthContext } from '../auth/permissions.ts';
import { parseCsvText } from '../cli/csv.ts';
import { KaikuError, badInput } from '../errors.ts';
import { instantOf } from '../i18n/calendar.ts';
import { scoreHistograms } from '../metrics/queries.ts';
import { cesFromHistogram, csatFromHistogram, npsFromHistogram } from '../metrics/scores.ts';
import { getOrganization } from '../orgs/service.ts';
import {
  excellentThresholds, metricScales, parseBenchmarkTable, percentileWithin, periodPattern,
  type BenchmarkMetric, type BenchmarkRow, type PercentilePoint, type RowError,
} from './benchmarks.ts';

export interface BenchmarkImportProgress { rows: number; imported: number; rejected: number }
export interface BenchmarkImportSummary extends BenchmarkImportProgress { errors: RowError[]; percentileColumns: number[] }

const importChunk = 500;

/**
 * Stores the valid rows of a benchmark CSV (upsert by industry × metric × period, so importing
 * a corrected file replaces figures) and reports every invalid row. A header problem stores nothing.
 */
export async function importBenchmarks(
  db: Queryable, orgId: string, csv: string, onProgress: (p: BenchmarkImportProgress) => void = () => {},
): Promise<BenchmarkImportSummary> {
  const table = parseCsvText(csv);
  const parsed = parseBenchmarkTable(table);
  const header = parsed.errors.find((e) => e.row === 0);
  if (header) throw badInput(header.message, header.field);
  let imported = 0;
  for (let start = 0; start < parsed.rows.length; start += importChunk) {
    const chunk = parsed.rows.slice(start, start + importChunk);
    await db.query(
      `insert into benchmarks (org_id, industry, metric, period, n, mean, percentiles, source)
       select $1, x.industry, x.metric, x.period, x.n, x.mean, x.percentiles, x.source
         from jsonb_to_recordset($2::jsonb) as x(industry text, metric text, period text, n int, mean float8, percentiles jsonb, source text)
       on conflict (org_id, industry, metric, period) do update
         set n = excluded.n, mean = excluded.mean, percentiles = excluded.percentiles, source = excluded.source, imported_at = now()`,
      [orgId, JSON.stringify(chunk)]);
    imported += chunk.length;
    onProgress({ rows: table.rows.length, imported, rejected: parsed.errors.length });
  }
  return { rows: table.rows.length, imported, rejected: parsed.errors.length, errors: parsed.errors, percentileColumns: parsed.percentileColumns };
}

/** Benchmark rows stored for the organisation, optionally for one industry and metric. */
export async function listBenchmarks(db: Queryable, orgId: string, filter: { industry?: string; metric?: BenchmarkMetric }) {
  return db.query<BenchmarkRow & { importedAt: string }>(
    `select industry, metric, period, n, mean, percentiles, source, imported_at as "importedAt"
       from benchmarks where org_id = $1 and ($2::text is null or industry = $2) and ($3::text is null or metric = $3)
      order by industry, metric, period desc`,
    [orgId, filter.industry ?? null, filter.metric ?? null]);
}

/** The period's start and end instants in the organisation's time zone. */
export function periodRange(period: string, timeZone: string): { from: Date; to: Date } {
  const match = periodPattern.exec(period);
  if (!match) throw badInput(`period must be a year (2025), a quarter (2025-Q3) or a month (2025-07), not "${period}"`, 'period');
  const year = Number(match[1]);
  const [startMonth, months] = match[2] ? [(Number(match[2]) - 1) * 3 + 1, 3] : match[3] ? [Number(match[3]), 1] : [1, 12];
  const endMonth = startMonth + months; // may be 13: Date.UTC rolls over into the next year
  const endYear = year + Math.floor((endMonth - 1) / 12);
  return {
    from: new Date(instantOf(year, startMonth, 1, 0, timeZone)),
    to: new Date(instantOf(endYear, ((endMonth - 1) % 12) + 1, 1, 0, timeZone)),
  };
}

function headlineValue(metric: BenchmarkMetric, histogram: Parameters<typeof npsFromHistogram>[0]) {
  switch (metric) {
    case 'nps': { const s = npsFromHistogram(histogram); return { n: s.n, value: s.nps, ci95: s.ci95 }; }
    case 'csat': {
      // Benchmarks give CSAT in per cent; the metrics core gives the top-2-box share as 0–1.
      const s = csatFromHistogram(histogram);
      return { n: s.n, value: s.topBoxShare === null ? null : 100 * s.topBoxShare, ci95: s.ci95 && ([100 * s.ci95[0], 100 * s.ci95[1]] as [number, number]) };
    }
    case 'ces': { const s = cesFromHistogram(histogram); return { n: s.n, value: s.mean, ci95: s.ci95 }; }
  }
}

export interface BenchmarkRequest {
  metric: BenchmarkMetric;
  /** Default: the latest period with figures for the industry and metric. */
  period?: string;
  /** Default: the organisation's industry. */
  industry?: string;
  /**
   * The instants the organisation's own figure counts answers in (from inclusive, to exclusive;
   * either may be left open), e.g. an analytic page's chosen period. Default: the benchmark's period.
   */
  own?: { from?: string; to?: string };
}

/**
 * The organisation's metric for a benchmark period (answers in its data scope; or for the `own`
 * instants asked, so a page can place its chosen period against the benchmark), its percentile
 * within the industry (interpolated between the given percentiles), the gap to the industry
 * median and top decile where given, and, for NPS, the gap to "excellent" (NPS above 50).
 */
export async function benchmarkComparison(db: Queryable, auth: AuthContext, request: BenchmarkRequest) {
  const org = await getOrganization(db, auth.orgId);
  const industry = request.industry ?? org.industry;
  if (!industry) throw badInput('The organisation has no industry: set it with PATCH /api/v1/org { "industry": "…" } or give industry', 'industry');
  const rows = await listBenchmarks(db, auth.orgId, { industry, metric: request.metric });
  if (rows.length === 0) {
    throw new KaikuError('not_found', `No ${request.metric} benchmarks for industry "${industry}"; import them first (POST /api/v1/benchmarks/import or kaiku import benchmarks)`, { status: 404, field: 'industry' });
  }
  const period = request.period?.toUpperCase();
  const row = period ? rows.find((r) => r.period === period) : rows[0];
  if (!row) throw new KaikuError('not_found', `No ${request.metric} benchmark for ${industry} in ${period}; periods available: ${rows.map((r) => r.period).join(', ')}`, { status: 404, field: 'period' });
  const range = periodRange(row.period, org.timeZone);
  const ownPeriod = request.own ?? { from: range.from.toISOString(), to: range.to.toISOString() };
  const [group] = await scoreHistograms(db, {
    orgId: auth.orgId, metric: request.metric, by: [], interval: 'month', timeZone: org.timeZone,
    filters: { ...(ownPeriod.from ? { from: ownPeriod.from } : {}), ...(ownPeriod.to ? { to: ownPeriod.to } : {}) }, scope: auth.scope,
  });
  const ownWhen = request.own ? `${ownPeriod.from ?? 'the start'} – ${ownPeriod.to ?? 'now'}` : row.period;
  const own = group ? headlineValue(request.metric, group.histogram) : { n: 0, value: null, ci95: null };
  // A frontline caller's figure is their own customers' answers: small groups are not shown.
  if (isPersonLevel(auth, undefined) && own.n < org.minGroupSize) {
    throw new KaikuError('group_too_small', `Fewer than ${org.minGroupSize} answers (the organisation's minimum group size) in ${ownWhen}; person-level results are not shown for smaller groups`, { status: 403 });
  }
  const points = row.percentiles as PercentilePoint[];
  const at = (p: number) => points.find((x) => x.percentile === p)?.value ?? null;
  const gapTo = (target: number | null) => (own.value === null || target === null ? null : target - own.value);
  const threshold = excellentThresholds[request.metric];
  return {
    industry,
    metric: request.metric,
    unit: metricScales[request.metric].unit,
    period: row.period,
    periodRange: { from: range.from.toISOString(), to: range.to.toISOString() },
    /** The instants the organisation's figure counts (the benchmark's period unless others were asked). */
    ownPeriod,
    organisation: own,
    benchmark: { n: row.n, mean: row.mean, percentiles: points, source: row.source, importedAt: row.importedAt },
    ...(own.value === null
      ? { percentile: null, position: null, bound: null, note: `No ${request.metric} answers in ${ownWhen}` }
      : percentileWithin(own.value, points)),
    gaps: { toMedian: gapTo(at(50)), toTopDecile: gapTo(at(90)), toMean: gapTo(row.mean) },
    excellent: threshold === undefined ? null : {
      rule: `${request.metric.toUpperCase()} above ${threshold}`,
      threshold,
      reached: own.value === null ? null : own.value > threshold,
      gap: own.value === null ? null : Math.max(0, threshold - own.value),
    },
  };
}
