/**
 * Segment comparisons over stored answers: NPS across segments / units / channels… with the
 * chi-square test and Holm-corrected pairs (compareNpsAcrossSegments), and the league table of
 * units with each unit's change against the previous period (metrics/compare.ts). Both read
 * score histograms per group (metrics/queries.ts), so the database returns O(groups × 11) rows
 * whatever the number of answers.
 */
import type { Queryable } from '../db/connection.ts';
import { isPersonLevel, type AuthContext } from '../auth/permissions.ts';
import { badInput } from '../errors.ts';
import { compareMeans, compareNps, compareProportions } from '../metrics/compare.ts';
import { groupLabels, scoreHistograms, type Dimension, type GroupHistogram, type MetricFilters } from '../metrics/queries.ts';
import { cesFromHistogram, countBetween, csatFromHistogram, npsFromHistogram, ratingFromHistogram, type ScoreHistogram } from '../metrics/scores.ts';
import { getOrganization } from '../orgs/service.ts';
import { compareNpsAcrossSegments } from './nps-segments.ts';
import { KaikuError } from '../errors.ts';
import { respondentScores } from '../drivers/queries.ts';
import { createRandom } from '../linalg/random.ts';
import { getSurvey, scaleOf } from '../surveys/service.ts';
import type { Question } from '../surveys/schema.ts';
import { segmentByNeeds } from './needs.ts';

export const segmentDimensions = ['segment', 'unit', 'channel', 'language', 'touchpoint', 'journey'] as const satisfies readonly Dimension[];
export type SegmentDimension = (typeof segmentDimensions)[number];

export interface NpsSegmentRequest {
  by: SegmentDimension;
  correction: 'holm' | 'bonferroni';
  filters: MetricFilters;
}

interface GroupRef { key: string; label: string }

/**
 * NPS per group with the omnibus chi-square test of promoter / passive / detractor shares and
 * every pair compared. Groups with fewer answers than the organisation's minGroupSize are left
 * out of the tests and listed in `tooSmall`; answers without a value for the dimension (no
 * segment, no unit…) are counted in `withoutGroup`.
 */
export async function npsSegmentReport(db: Queryable, auth: AuthContext, request: NpsSegmentRequest) {
  const org = await getOrganization(db, auth.orgId);
  const groups = await scoreHistograms(db, {
    orgId: auth.orgId, metric: 'nps', by: [request.by], interval: 'month', timeZone: org.timeZone, filters: request.filters, scope: auth.scope,
  });
  const labels = await groupLabels(db, auth.orgId, groups, [request.by]);
  const personLevel = isPersonLevel(auth, undefined);
  const answered = (h: ScoreHistogram) => h.counts.reduce((s, c) => s + c, 0);
  let withoutGroup = 0;
  const kept: Array<GroupRef & { histogram: ScoreHistogram }> = [];
  const tooSmall: Array<GroupRef & { n: number | null }> = [];
  for (const g of groups) {
    const key = g.key[request.by];
    const n = answered(g.histogram);
    if (key === null) { withoutGroup += n; continue; }
    const label = labels.get(key) ?? key;
    // A frontline caller's groups are their own answers: hide even how many there are.
    if (n < org.minGroupSize) tooSmall.push({ key, label, n: personLevel ? null : n });
    else kept.push({ key, label, histogram: g.histogram });
  }
  if (kept.length < 2) {
    throw badInput(
      `Comparing NPS by ${request.by} needs at least two groups with ${org.minGroupSize} or more answers (the organisation's minimum group size); `
      + `found ${kept.length}${tooSmall.length ? `, and ${tooSmall.length} smaller group(s) left out` : ''}`,
      'by',
    );
  }
  // The core takes one entry per answer; expanding the histograms costs O(answers) in memory
  // here (8 bytes a score), which is what the exact per-pair tests need anyway.
  const total = kept.reduce((s, g) => s + answered(g.histogram), 0);
  const segments = new Array<string>(total);
  const scores = new Float64Array(total);
  let i = 0;
  for (const g of kept) {
    g.histogram.counts.forEach((count, score) => {
      for (let c = 0; c < count; c++) { segments[i] = g.key; scores[i++] = score; }
    });
  }
  const result = compareNpsAcrossSegments(segments, scores, { correction: request.correction, scoreName: 'nps' });
  const ref = (key: string): GroupRef => ({ key, label: kept.find((g) => g.key === key)!.label });
  return {
    by: request.by,
    test: 'Pearson chi-square of promoter / passive / detractor counts across groups',
    chi2: result.chi2,
    dof: result.dof,
    p: result.p,
    minGroupSize: org.minGroupSize,
    groups: result.groups.map((g) => ({
      ...ref(g.segment),
      n: g.n,
      promoters: g.promoters,
      passives: g.passives,
      detractors: g.detractors,
      shares: { promoters: g.promoters / g.n, passives: g.passives / g.n, detractors: g.detractors / g.n },
      nps: g.nps,
      se: g.se,
      ci95: g.ci95,
    })).sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true }) || a.key.localeCompare(b.key)),
    pairwise: result.pairwise.map((pair) => ({ ...pair, a: ref(pair.a), b: ref(pair.b) })),
    correction: result.correction,
    alpha: result.alpha,
    tooSmall,
    withoutGroup,
    warnings: result.warnings,
  };
}

export const leagueMetrics = ['nps', 'csat', 'ces', 'rating'] as const;
export type LeagueMetric = (typeof leagueMetrics)[number];

export interface LeagueRequest {
  metric: LeagueMetric;
  filters: MetricFilters;
  /** Defaults: `to` now, `from` 90 days before it. */
  now?: number;
}

const DAY_MS = 86_400_000;
export const defaultLeagueDays = 90;

function headline(metric: LeagueMetric, h: ScoreHistogram) {
  switch (metric) {
    case 'nps': { const s = npsFromHistogram(h); return { n: s.n, value: s.nps, ci95: s.ci95, summary: s }; }
    case 'csat': { const s = csatFromHistogram(h); return { n: s.n, value: s.topBoxShare, ci95: s.ci95, summary: s }; }
    case 'ces': { const s = cesFromHistogram(h); return { n: s.n, value: s.mean, ci95: s.ci95, summary: s }; }
    case 'rating': { const s = ratingFromHistogram(h); return { n: s.n, value: s.mean, ci95: s.ci95, summary: s }; }
  }
}

/** The test metricReport's compare uses for the metric: NPS z-test, two-proportion z-test of top-2-box, Welch's t-test. */
function change(metric: LeagueMetric, now: ScoreHistogram, before: ScoreHistogram): { difference: number | null; p: number | null; test: string } {
  const a = headline(metric, now).summary;
  const b = headline(metric, before).summary;
  switch (metric) {
    case 'nps': { const c = compareNps(a as ReturnType<typeof npsFromHistogram>, b as ReturnType<typeof npsFromHistogram>); return { difference: c.difference, p: c.p, test: 'z-test of NPS difference' }; }
    case 'csat': { const c = compareProportions(countBetween(now, 4, 5), a.n, countBetween(before, 4, 5), b.n); return { difference: c.difference, p: c.p, test: 'two-proportion z-test of top-2-box' }; }
    default: { const c = compareMeans(a as ReturnType<typeof cesFromHistogram>, b as ReturnType<typeof cesFromHistogram>); return { difference: c.difference, p: c.p, test: 'Welch t-test of means' }; }
  }
}

/**
 * Units ranked by the metric over a period (higher is better for every league metric: NPS,
 * CSAT top-2-box, CES "it was easy" and rating means), with the change against the previous
 * period of equal length. Units are those the answers were given in (responses.unit_id); the
 * unitId filter narrows the table to a subtree. Units with fewer answers than minGroupSize are
 * listed as too few answers, not ranked; a change is tested only when both periods reach it.
 */
export async function unitLeague(db: Queryable, auth: AuthContext, request: LeagueRequest) {
  if (request.metric === 'rating' && !request.filters.questionId) throw badInput('rating results are per question: give questionId', 'questionId');
  const to = request.filters.to ? Date.parse(request.filters.to) : request.now ?? Date.now();
  const from = request.filters.from ? Date.parse(request.filters.from) : to - defaultLeagueDays * DAY_MS;
  if (!(from < to)) throw badInput('from must be before to', 'from');
  const previousFrom = from - (to - from);
  const org = await getOrganization(db, auth.orgId);
  const histograms = (start: number, end: number) => scoreHistograms(db, {
    orgId: auth.orgId, metric: request.metric, by: ['unit'], interval: 'month', timeZone: org.timeZone,
    filters: { ...request.filters, from: new Date(start).toISOString(), to: new Date(end).toISOString() }, scope: auth.scope,
  });
  const [current, previous] = await Promise.all([histograms(from, to), histograms(previousFrom, from)]);
  const byUnit = (groups: GroupHistogram[]) => new Map(groups.filter((g) => g.key.unit !== null).map((g) => [g.key.unit!, g.histogram]));
  const currentByUnit = byUnit(current);
  const previousByUnit = byUnit(previous);
  const labels = await groupLabels(db, auth.orgId, current, ['unit']);
  const personLevel = isPersonLevel(auth, undefined);

  const rows = [...currentByUnit].map(([unitId, h]) => ({ unitId, name: labels.get(unitId) ?? unitId, h, ...headline(request.metric, h) }));
  const ranked = rows.filter((r) => r.n >= org.minGroupSize && r.value !== null).sort((a, b) => b.value! - a.value! || a.name.localeCompare(b.name));
  const table = ranked.map((r) => {
    const before = previousByUnit.get(r.unitId);
    const beforeN = before ? headline(request.metric, before).n : 0;
    return {
      // Competition ranking: equal values share a rank ("1, 2, 2, 4").
      rank: 1 + ranked.findIndex((other) => other.value === r.value),
      unitId: r.unitId,
      name: r.name,
      n: r.n,
      value: r.value,
      ci95: r.ci95,
      change: before && beforeN >= org.minGroupSize
        ? { previousN: beforeN, previousValue: headline(request.metric, before).value, ...change(request.metric, r.h, before) }
        : null,
    };
  });
  return {
    metric: request.metric,
    period: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    previousPeriod: { from: new Date(previousFrom).toISOString(), to: new Date(from).toISOString() },
    minGroupSize: org.minGroupSize,
    units: table,
    tooFewAnswers: rows.filter((r) => !(r.n >= org.minGroupSize && r.value !== null))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((r) => ({ unitId: r.unitId, name: r.name, n: personLevel ? null : r.n })),
  };
}

export interface NeedsRequest {
  surveyId: string;
  /** Keys or ids of score questions; default the survey's driver questions, else all its non-NPS score questions. */
  attributes?: string[];
  /** One k, or a range from which the k with the best mean silhouette is chosen. */
  k: number | [number, number];
  /** Cluster on z-scores; default: when the attributes use different answer scales. */
  standardise?: boolean;
  seed: number;
  filters: Omit<MetricFilters, 'surveyId' | 'questionId'>;
}

const needsTypes = ['csat', 'ces', 'likert7', 'rating', 'nps'];
/** Whether a question's answers can be clustered on (a score question). */
export const clustersOn = (q: Pick<Question, 'type'>) => needsTypes.includes(q.type);
/** The questions clustered on when none are named: the survey's driver questions, else every non-NPS score question. */
export function defaultNeedsQuestions<Q extends Pick<Question, 'type' | 'isDriver'>>(questions: Q[]): Q[] {
  const scored = questions.filter(clustersOn);
  const drivers = scored.filter((q) => q.isDriver);
  return drivers.length > 0 ? drivers : scored.filter((q) => q.type !== 'nps');
}

/**
 * Needs-based segmentation of a survey's respondents: k-means on their answers to the chosen
 * score questions (segmentByNeeds), the silhouette as the quality score, and each cluster's mean
 * answers against the overall means with its most distinctive questions. Respondents missing an
 * answer (or answering "don't know") are left out and counted.
 */
export async function needsSegmentReport(db: Queryable, auth: AuthContext, request: NeedsRequest) {
  const survey = await getSurvey(db, auth.orgId, request.surveyId);
  const byKey = (name: string) => survey.questions.find((q) => q.key === name || q.id.toLowerCase() === name.toLowerCase());
  const scored = survey.questions.filter(clustersOn);
  let questions: Question[];
  if (request.attributes) {
    questions = request.attributes.map((name) => {
      const q = byKey(name);
      if (!q) throw badInput(`The survey has no question "${name}"; use keys of its score questions (${scored.map((s) => s.key).join(', ') || 'none'})`, 'attributes');
      if (!clustersOn(q)) throw badInput(`"${q.key}" is a ${q.type} question; clustering uses score questions`, 'attributes');
      return q;
    });
    const twice = questions.find((q, i) => questions.indexOf(q) !== i);
    if (twice) throw badInput(`"${twice.key}" is named twice`, 'attributes');
  } else {
    questions = defaultNeedsQuestions(survey.questions);
  }
  if (questions.length < 2) throw badInput(`Clustering needs at least two score questions; found ${questions.map((q) => q.key).join(', ') || 'none'}`, 'attributes');
  const org = await getOrganization(db, auth.orgId);
  const scores = await respondentScores(db, auth.orgId, survey.id, questions.map((q) => q.id), request.filters, auth.scope);
  const scales = new Set(questions.map((q) => JSON.stringify(scaleOf(q))));
  const standardise = request.standardise ?? scales.size > 1;
  let result;
  try {
    result = segmentByNeeds(questions.map((q, j) => ({ name: q.key, values: scores.columns[j] })), { k: request.k, random: createRandom(request.seed), standardise });
  } catch (error) {
    if (error instanceof KaikuError && questions.some((q) => q.key === error.field)) throw new KaikuError(error.code, error.message, { status: error.status, field: 'attributes' });
    throw error;
  }
  if (isPersonLevel(auth, request.filters.employeeId ? 'employee' : undefined) && result.n < org.minGroupSize) {
    throw new KaikuError('group_too_small', `Fewer than ${org.minGroupSize} respondents (the organisation's minimum group size) are in this slice`, { status: 403 });
  }
  const label = (q: Question) => q.texts[survey.defaultLanguage]?.label ?? Object.values(q.texts)[0]?.label ?? q.key;
  const byName = new Map(questions.map((q) => [q.key, q]));
  const warnings: string[] = [];
  if (result.n < 30 * result.k) warnings.push(`Only ${result.n} respondents for ${result.k} clusters; at least 30 per cluster are needed for stable segments`);
  if (result.silhouette !== null && result.silhouette < 0.25) warnings.push(`Mean silhouette ${result.silhouette.toFixed(2)} is below 0.25: the clusters overlap and may not be real structure`);
  return {
    survey: { id: survey.id, name: survey.name },
    respondents: scores.respondents,
    n: result.n,
    excluded: result.excluded,
    k: result.k,
    standardised: result.standardised,
    quality: { silhouette: result.silhouette, withinSumOfSquares: result.withinSumOfSquares, tried: result.tried },
    attributes: questions.map((q) => ({ key: q.key, questionId: q.id, label: label(q), type: q.type })),
    clusters: result.clusters.map((c) => ({
      cluster: c.cluster + 1,
      size: c.size,
      share: c.share,
      distinctive: c.distinctive.map((key) => {
        const a = c.attributes.find((x) => x.attribute === key)!;
        return { key, label: label(byName.get(key)!), direction: a.difference >= 0 ? 'higher' : 'lower', difference: a.difference, standardised: a.standardised };
      }),
      attributes: c.attributes.map((a) => ({ key: a.attribute, mean: a.mean, overall: a.overall, difference: a.difference, standardised: a.standardised })),
    })),
    seed: request.seed,
    warnings,
  };
}
