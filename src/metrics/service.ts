/** Metric results for the API and dashboard: histograms → summaries, small groups suppressed. */
import type { Queryable } from '../db/connection.ts';
import { isPersonLevel, type AuthContext } from '../auth/permissions.ts';
import { getOrganization } from '../orgs/service.ts';
import { badInput } from '../errors.ts';
import {
  cesFromHistogram, csatFromHistogram, countBetween, likertFromHistogram, mergeHistograms, npsFromHistogram, ratingFromHistogram,
  type ScoreHistogram,
} from './scores.ts';
import { compareMeans, compareNps, compareProportions } from './compare.ts';
import { allLabels, fewPerOrganisation, groupLabels, scoreHistograms, type Dimension, type Interval, type Metric, type MetricFilters } from './queries.ts';

export function summarize(metric: Metric, h: ScoreHistogram) {
  switch (metric) {
    case 'nps': return npsFromHistogram(h);
    case 'csat': return csatFromHistogram(h);
    case 'ces': return cesFromHistogram(h);
    case 'likert': return likertFromHistogram(h);
    case 'rating': return ratingFromHistogram(h);
  }
}

type Summary = ReturnType<typeof summarize>;

/** Replaces every figure of a too-small group with null, so no one can single out a respondent. */
function suppressed(summary: Summary): Record<string, unknown> {
  return Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, v !== null && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.keys(v).map((kk) => [kk, null])) : null]));
}

export interface MetricRequest {
  metric: Metric;
  by: Dimension[];
  interval: Interval;
  filters: MetricFilters;
}

export async function metricReport(db: Queryable, auth: AuthContext, request: MetricRequest) {
  if (new Set(request.by).size !== request.by.length) throw badInput('by lists a dimension twice', 'by');
  if ((request.metric === 'likert' || request.metric === 'rating') && !request.filters.questionId && !request.by.includes('question')) {
    throw badInput(`${request.metric} results are per statement: give questionId, or by=question`, 'questionId');
  }
  // The names of the few-per-organisation dimensions are read beside the organisation, not after
  // the histograms: one round trip less, which on a busy server is most of a rollup read's time.
  const [org, labels] = await Promise.all([getOrganization(db, auth.orgId), allLabels(db, auth.orgId, request.by)]);
  const groups = await scoreHistograms(db, {
    orgId: auth.orgId, metric: request.metric, by: request.by, interval: request.interval, timeZone: org.timeZone,
    filters: request.filters, scope: auth.scope,
  });
  const rest = request.by.filter((d) => !fewPerOrganisation.has(d));
  if (rest.length > 0) for (const [id, name] of await groupLabels(db, auth.orgId, groups, rest)) labels.set(id, name);
  const personLevel = request.by.some((d) => isPersonLevel(auth, d)) || isPersonLevel(auth, undefined);
  const threshold = org.minGroupSize;
  const present = (h: ScoreHistogram) => {
    const summary = summarize(request.metric, h);
    const hidden = personLevel && summary.n < threshold;
    return hidden ? { ...suppressed(summary), suppressed: true } : { ...summary, suppressed: false };
  };
  const total = groups.reduce((acc, g) => mergeHistograms(acc, g.histogram), { counts: [], dontKnow: 0 } as ScoreHistogram);
  return {
    metric: request.metric,
    by: request.by,
    interval: request.interval,
    minGroupSize: personLevel ? threshold : undefined,
    overall: present(total),
    groups: request.by.length === 0 ? [] : groups.map((g) => ({
      key: g.key,
      label: Object.fromEntries(Object.entries(g.key).map(([d, id]) => [d, id === null ? null : labels.get(id) ?? id])),
      ...present(g.histogram),
    })),
  };
}

export interface CompareRequest {
  metric: Metric;
  filters: MetricFilters;
  a: MetricFilters;
  b: MetricFilters;
}

/** Two groups or periods side by side, with the significance test that fits the metric. */
export async function compareReport(db: Queryable, auth: AuthContext, request: CompareRequest) {
  const org = await getOrganization(db, auth.orgId);
  const side = async (extra: MetricFilters) => {
    const [group] = await scoreHistograms(db, {
      orgId: auth.orgId, metric: request.metric, by: [], interval: 'month', timeZone: org.timeZone,
      filters: { ...request.filters, ...extra }, scope: auth.scope,
    });
    return group?.histogram ?? { counts: [], dontKnow: 0 };
  };
  const [ha, hb] = await Promise.all([side(request.a), side(request.b)]);
  const a = summarize(request.metric, ha);
  const b = summarize(request.metric, hb);
  const personLevel = isPersonLevel(auth, undefined) || Boolean(request.a.employeeId || request.b.employeeId);
  if (personLevel && (a.n < org.minGroupSize || b.n < org.minGroupSize)) {
    return { metric: request.metric, a: { ...suppressed(a), suppressed: true }, b: { ...suppressed(b), suppressed: true }, test: null };
  }
  let test: Record<string, unknown>;
  switch (request.metric) {
    case 'nps': test = { kind: 'z-test of NPS difference', ...compareNps(a as ReturnType<typeof npsFromHistogram>, b as ReturnType<typeof npsFromHistogram>) }; break;
    case 'csat': test = { kind: 'two-proportion z-test of top-2-box', ...compareProportions(countBetween(ha, 4, 5), a.n, countBetween(hb, 4, 5), b.n) }; break;
    case 'likert': {
      const na = countBetween(ha, 1, 7); const nb = countBetween(hb, 1, 7);
      test = { kind: 'two-proportion z-test of agree (5–7)', ...compareProportions(countBetween(ha, 5, 7), na, countBetween(hb, 5, 7), nb) }; break;
    }
    default: test = { kind: 'Welch t-test of means', ...compareMeans(a as ReturnType<typeof cesFromHistogram>, b as ReturnType<typeof cesFromHistogram>) };
  }
  return { metric: request.metric, a: { ...a, suppressed: false }, b: { ...b, suppressed: false }, test };
}
