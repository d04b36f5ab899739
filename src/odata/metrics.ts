/**
 * Rows of the Metrics entity set: NPS, CSAT and CES per touchpoint and month, from the same
 * score histograms and summaries as GET /api/v1/metrics, with the same data scope and
 * small-group suppression. Conditions on Month, TouchpointId and Metric joined by `and` at
 * the top of $filter narrow the histogram query; the full filter is applied to the rows after.
 */
import type { Queryable } from '../db/connection.ts';
import { isPersonLevel, type AuthContext } from '../auth/permissions.ts';
import { getOrganization } from '../orgs/service.ts';
import { groupLabels, scoreHistograms, type Metric, type MetricFilters } from '../metrics/queries.ts';
import { cesFromHistogram, csatFromHistogram, npsFromHistogram, type ScoreHistogram } from '../metrics/scores.ts';
import type { FilterNode } from './filter.ts';
import type { Value } from './query.ts';

const setMetrics = ['nps', 'csat', 'ces'] as const satisfies readonly Metric[];
const DAY = 86_400_000;

const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString();

/** Top-level `and` conditions that safely narrow the query (a superset of the rows the filter keeps). */
function narrowing(filter: FilterNode | undefined): { filters: MetricFilters; metrics: ReadonlyArray<(typeof setMetrics)[number]> } {
  const filters: MetricFilters = {};
  let metrics: ReadonlyArray<(typeof setMetrics)[number]> = setMetrics;
  const visit = (node: FilterNode) => {
    if (node.kind === 'and') { visit(node.left); visit(node.right); return; }
    if (node.kind !== 'compare') return;
    const { property, op, literal } = node;
    if (property === 'TouchpointId' && op === 'eq' && (literal.kind === 'guid' || literal.kind === 'string')) filters.touchpointId = literal.value.toLowerCase();
    if (property === 'Metric' && op === 'eq' && literal.kind === 'string') metrics = setMetrics.filter((m) => m === literal.value);
    if (property === 'Month' && literal.kind === 'date') {
      // Months start at midnight in the organisation's time zone: a day's margin each side
      // keeps every month the condition can match; the exact test runs on the rows.
      if (op === 'ge' || op === 'gt' || op === 'eq') filters.from = shiftDate(literal.value, -1);
      if (op === 'lt' || op === 'eq') filters.to = shiftDate(literal.value, op === 'eq' ? 32 : 1);
      if (op === 'le') filters.to = shiftDate(literal.value, 32);
    }
  };
  if (filter) visit(filter);
  return { filters, metrics };
}

interface Figures {
  n: number;
  score: number | null;
  promoters?: number | null;
  passives?: number | null;
  detractors?: number | null;
  ci95: [number, number] | null;
}

/** NPS in points, CSAT as a top-2-box percentage, CES as a mean: the figure a BI chart plots. */
function summaryOf(metric: (typeof setMetrics)[number], histogram: ScoreHistogram): Figures {
  if (metric === 'nps') {
    const s = npsFromHistogram(histogram);
    return { n: s.n, score: s.nps, promoters: s.promoters, passives: s.passives, detractors: s.detractors, ci95: s.ci95 };
  }
  if (metric === 'csat') {
    const s = csatFromHistogram(histogram);
    return { n: s.n, score: s.topBoxShare === null ? null : 100 * s.topBoxShare, ci95: s.ci95 && [100 * s.ci95[0], 100 * s.ci95[1]] };
  }
  const s = cesFromHistogram(histogram);
  return { n: s.n, score: s.mean, ci95: s.ci95 };
}

export async function metricRows(db: Queryable, auth: AuthContext, filter: FilterNode | undefined): Promise<Array<Record<string, Value>>> {
  const org = await getOrganization(db, auth.orgId);
  const { filters, metrics } = narrowing(filter);
  const personLevel = isPersonLevel(auth, undefined);
  const rows: Array<Record<string, Value>> = [];
  for (const metric of metrics) {
    const groups = await scoreHistograms(db, {
      orgId: auth.orgId, metric, by: ['touchpoint', 'period'], interval: 'month', timeZone: org.timeZone, filters, scope: auth.scope,
    });
    const labels = await groupLabels(db, auth.orgId, groups, ['touchpoint']);
    for (const { key, histogram } of groups) {
      const touchpointId = key.touchpoint;
      const month = key.period as string;
      const figures = summaryOf(metric, histogram);
      const suppressed = personLevel && figures.n < org.minGroupSize;
      const shown = (value: number | null | undefined) => (suppressed ? null : value ?? null);
      rows.push({
        Id: `${metric}/${touchpointId ?? 'none'}/${month}`,
        Metric: metric,
        TouchpointId: touchpointId,
        TouchpointName: touchpointId === null ? null : labels.get(touchpointId) ?? null,
        Month: month,
        Answers: shown(figures.n),
        Score: shown(figures.score),
        Promoters: shown(figures.promoters),
        Passives: shown(figures.passives),
        Detractors: shown(figures.detractors),
        Ci95Low: shown(figures.ci95?.[0]),
        Ci95High: shown(figures.ci95?.[1]),
        Suppressed: suppressed,
      });
    }
  }
  return rows;
}
