/**
 * The touchpoint page (/app/touchpoints/:id) and the question page (/app/questions/:id): the
 * chosen metric's trend with its confidence band, the score distribution, Likert statements as
 * diverging bars (don't know apart), breakdowns by unit, channel, segment and employee, the
 * customers' words (redacted, with sentiment and topics) and the cases opened here.
 *
 * Figures come from `metricReport` and `scoreHistograms` (data scope and small-group
 * suppression as in the API), words from `verbatimPage` (PII-redacted), cases from `listCases`
 * (case scope); the renderer only formats.
 */
import type { Queryable } from '../db/connection.ts';
import { allows, isPersonLevel, type AuthContext, type Permission } from '../auth/permissions.ts';
import { metricReport } from '../metrics/service.ts';
import { notResurvey, responseConditions, scoreHistograms, type Dimension, type MetricFilters } from '../metrics/queries.ts';
import { changeBetween, type Change } from '../metrics/change.ts';
import type { ScoreHistogram } from '../metrics/scores.ts';
import { analyseAnswer } from '../text/service.ts';
import { orgTaxonomy } from '../text/taxonomy.ts';
import { redactPii } from '../text/redact.ts';
import { listCases } from '../loop/cases.ts';
import { listJourneys } from '../journeys/service.ts';
import { getOrganization } from '../orgs/service.ts';
import { contactFacets } from '../contacts/service.ts';
import { notFound } from '../errors.ts';
import { formatDate, formatNumber, type UiLanguage } from '../i18n/index.ts';
import type { DashboardStrings } from '../i18n/dashboard.ts';
import type { JourneyPageStrings } from '../i18n/journey-pages.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { uncertainMarker } from './text-confidence.ts';
import { appShell } from './layout.ts';
import { trendChart, type TrendPoint } from './charts.ts';
import { distributionChart, likertChart, type DistributionBar, type LikertRow } from './detail-charts.ts';
import { chartHtml, tableHtml, type ChartModel, type Downloadable, type DownloadContext, type TableCell, type TableModel } from './downloads.ts';
import { monthsBetween } from './dashboard-view.ts';
import { startPlanLink } from './start-plan.ts';
import { canonicalSegment } from './filter-form.ts';
import {
  chartScale, digitsOf, figureOf, filterQuery, formatFigure, parseDay, periodOf, sliceFilters,
  type Figure, type MapMetric, type PageFilters, type Period,
} from './journey-figures.ts';
import {
  changeMark, count, figureValue, fieldLabels, filterForm, intervalCell, intervalText, likertStatements, nCell, questionLabel, showable, unitsInScope,
  valueCell, valueHtml, valueLabel,
  type LikertStatement, type PageContext,
} from './journey-map-view.ts';

export const VERBATIM_COUNT = 10;
export const CASE_COUNT = 10;

export type Subject = { kind: 'touchpoint'; id: string } | { kind: 'question'; id: string };

export const breakdownDimensions = ['unit', 'channel', 'segment', 'employee'] as const satisfies readonly Dimension[];
export type BreakdownDimension = (typeof breakdownDimensions)[number];

export interface Detail {
  organizationName: string;
  /** The organisation's time zone: dates of cases and comments are shown in it. */
  timeZone: string;
  minGroupSize: number;
  subject: Subject;
  /** Page heading and the path to it (journey › stage, or survey). */
  title: string;
  context: string[];
  channel: string | null;
  filters: PageFilters;
  period: Period;
  statements: LikertStatement[];
  statement: LikertStatement | null;
  personas: string[];
  /** The contacts' segments, for the segment picker. */
  segments: string[];
  units: Array<{ id: string; name: string }>;
  allJourneys: Array<{ id: string; name: string }>;
  overall: Figure | undefined;
  change: Change | null;
  trend: Array<{ month: string; figure: Figure | undefined }>;
  /** Score histogram of the period; null when hidden (too few answers) or not a score question. */
  distribution: { histogram: ScoreHistogram; n: number } | null;
  likert: Array<{ questionId: string; label: string; n: number; nTotal: number; disagree: number; neutral: number; agree: number; dontKnow: number }>;
  breakdowns: Record<BreakdownDimension, Array<{ id: string | null; label: string; figure: Figure | undefined }>>;
  /** null: the reader's role does not see words (or cases); [] none. */
  /** In person-level views `at`, `score` and `channel` are null: the words only, so no comment points at its writer (issue 15.10). */
  verbatims: Array<{ at: string | null; text: string; sentiment: string; lowConfidence: boolean; topics: string[]; score: number | null; channel: string | null }> | null;
  cases: Array<{ id: string; title: string; status: string; priority: string; createdAt: string }> | null;
}

const metricOfQuestionType: Record<string, MapMetric | undefined> = { nps: 'nps', csat: 'csat', ces: 'ces', likert7: 'likert' };

export async function loadDetail(db: Queryable, auth: AuthContext, subject: Subject, filters: PageFilters, language: UiLanguage, now = new Date()): Promise<Detail> {
  const [org, { segments }] = await Promise.all([getOrganization(db, auth.orgId), contactFacets(db, auth.orgId)]);
  if (filters.segment) filters = { ...filters, segment: canonicalSegment(segments, filters.segment) };
  const [allJourneys, units, statements] = await Promise.all([listJourneys(db, auth.orgId), unitsInScope(db, auth), likertStatements(db, auth.orgId, language)]);
  let title: string;
  let context: string[];
  let channel: string | null = null;
  let metric = filters.metric;
  let questionId = filters.questionId;
  const extra: { touchpointId?: string; questionId?: string; surveyId?: string } = {};
  let surveyId: string | undefined;
  if (subject.kind === 'touchpoint') {
    const found = allJourneys.flatMap((j) => j.stages.flatMap((s) => s.touchpoints.filter((tp) => tp.id === subject.id).map((tp) => ({ j, s, tp }))))[0];
    if (!found) throw notFound('Touchpoint');
    title = found.tp.name;
    context = [found.j.name, found.s.name];
    channel = found.tp.channel;
    extra.touchpointId = subject.id;
  } else {
    const [q] = await db.query<{ key: string; type: string; texts: Record<string, { label?: string }>; survey: string; survey_id: string }>(
      `select q.key, q.type::text, q.texts, s.name as survey, s.id::text as survey_id from questions q join surveys s on s.org_id = q.org_id and s.id = q.survey_id
        where q.org_id = $1 and q.id = $2`, [auth.orgId, subject.id]);
    if (!q) throw notFound('Question');
    const m = metricOfQuestionType[q.type];
    if (!m) throw notFound('Score question');
    title = questionLabel(q.texts, language) ?? q.key;
    context = [q.survey];
    metric = m;
    questionId = m === 'likert' ? subject.id : undefined;
    // The survey is implied by the question; naming it lets the planner start from the survey's responses.
    extra.questionId = subject.id;
    extra.surveyId = q.survey_id;
    surveyId = q.survey_id;
  }
  let statement: LikertStatement | null = null;
  if (metric === 'likert' && subject.kind === 'touchpoint') {
    statement = statements.find((s) => s.id === questionId) ?? null;
    if (!statement) metric = 'nps';
  }
  if (metric === 'likert' && subject.kind === 'question') statement = statements.find((s) => s.id === subject.id) ?? null;
  if (metric !== 'likert') questionId = undefined;
  const chosen: PageFilters = { ...filters, metric, questionId: subject.kind === 'question' ? undefined : questionId, compare: [] };

  const period = periodOf(filters, org.timeZone, now, org.defaultPeriod);
  const base = { ...sliceFilters(filters), ...extra, ...(questionId ? { questionId } : {}) };
  const current = { ...base, ...period.current };
  const personLevel = isPersonLevel(auth, undefined);
  const min = org.minGroupSize;

  const [trendReport, previous, histograms, likertReport, ...breakdownReports] = await Promise.all([
    metricReport(db, auth, { metric, by: ['period'], interval: 'month', filters: current }),
    metricReport(db, auth, { metric, by: [], interval: 'month', filters: { ...base, ...period.previous } }),
    scoreHistograms(db, { orgId: auth.orgId, metric, by: [], interval: 'month', timeZone: org.timeZone, filters: current, scope: auth.scope }),
    subject.kind === 'touchpoint' ? metricReport(db, auth, { metric: 'likert', by: ['question'], interval: 'month', filters: { ...base, questionId: undefined, ...period.current } })
      : metric === 'likert' ? metricReport(db, auth, { metric: 'likert', by: ['question'], interval: 'month', filters: current }) : null,
    ...breakdownDimensions.map((d) => metricReport(db, auth, { metric, by: [d], interval: 'month', filters: current })),
  ]);
  const overallSummary = trendReport.overall as Record<string, unknown>;
  const overall = figureOf(metric, overallSummary);
  const enough = (g: Record<string, unknown> | undefined) => typeof g?.n === 'number' && g.n >= min && g.suppressed !== true;
  const change = enough(overallSummary) && enough(previous.overall as Record<string, unknown>)
    ? changeBetween(metric, overallSummary, previous.overall as Record<string, unknown>) : null;

  const fromDay = parseDay(period.from);
  const toDay = parseDay(period.to);
  const byMonth = new Map(trendReport.groups.map((g) => [g.key.period as string, figureOf(metric, g as Record<string, unknown>)]));
  const trend = monthsBetween(fromDay, toDay).slice(-60).map((month) => ({ month, figure: byMonth.get(month) }));

  const histogram = histograms[0]?.histogram;
  const histogramN = histogram ? histogram.counts.reduce((a, b) => a + (b ?? 0), 0) + histogram.dontKnow : 0;
  const distribution = histogram && enough(overallSummary) ? { histogram, n: histogramN } : null;

  const labelOf = new Map(statements.map((s) => [s.id, s.label]));
  const likert = (likertReport?.groups ?? [])
    .filter((g) => g.key.question && enough(g as Record<string, unknown>))
    .map((g) => {
      const r = g as Record<string, unknown>;
      const share = (v: unknown) => (typeof v === 'number' ? v : 0);
      return {
        questionId: g.key.question as string, label: labelOf.get(g.key.question as string) ?? String(g.label.question ?? g.key.question),
        n: share(r.n), nTotal: share(r.nTotal), disagree: share(r.disagree), neutral: share(r.neutral), agree: share(r.agree), dontKnow: share(r.dontKnowShare),
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label));

  const breakdowns = Object.fromEntries(breakdownDimensions.map((d, i) => [d, breakdownReports[i].groups
    .map((g) => ({ id: g.key[d], label: g.key[d] === null ? '' : String(g.label[d] ?? g.key[d]), figure: figureOf(metric, g as Record<string, unknown>) }))
    .sort((a, b) => a.label.localeCompare(b.label))])) as Detail['breakdowns'];

  // Words follow the figures: a person-level reader sees none while the figures hide (as the frontline view).
  const wordsHidden = personLevel && !enough(overallSummary);
  const words = !allows(auth, 'responses:read') ? null : wordsHidden ? [] : await latestWords(db, auth, {
    ...sliceFilters(filters), ...period.current, ...(subject.kind === 'touchpoint' ? { touchpointId: subject.id } : { surveyId }),
  });
  const verbatims = words && personLevel ? words.map((w) => ({ ...w, at: null, score: null, channel: null })) : words;
  const cases = subject.kind !== 'touchpoint' || !allows(auth, 'cases:read') ? null
    : (await listCases(db, auth, { touchpointId: subject.id, limit: CASE_COUNT }, now)).items.map((c) => ({
      id: c.id, title: String(c.title ?? ''), status: String(c.status), priority: String(c.priority), createdAt: new Date(c.createdAt).toISOString(),
    }));

  return {
    organizationName: org.name, timeZone: org.timeZone, minGroupSize: min, subject, title, context, channel, filters: chosen, period, statements, statement,
    personas: [...new Set(allJourneys.flatMap((j) => (j.persona ? [j.persona] : [])))].sort(), segments,
    units, allJourneys: allJourneys.map((j) => ({ id: j.id, name: j.name })),
    overall, change, trend, distribution, likert, breakdowns, verbatims, cases,
  };
}

/**
 * The slice's latest open answers, redacted and analysed as the verbatims API does
 * (`redactPii`, `analyseAnswer` with the organisation's taxonomy; re-survey comments left out).
 * Read here with one indexed query: `verbatimPage` reads a touchpoint's words in 16–25 s on the
 * demo data (its open-answer/NPS pairing plans badly), far over the page's 1.5 s.
 */
export async function latestWords(db: Queryable, auth: AuthContext, filters: MetricFilters, limit = VERBATIM_COUNT) {
  const taxonomy = await orgTaxonomy(db, auth.orgId);
  const params: unknown[] = [auth.orgId];
  const shared = responseConditions(filters, auth.scope, params);
  params.push(taxonomy.version);
  const version = `$${params.length}::int`;
  params.push(limit);
  const rows = await db.query<{
    responseId: string; questionId: string; text: string; language: string | null; submittedAt: Date; channel: string | null; score: number | null;
    iLanguage: string | null; iSentiment: 'positive' | 'neutral' | 'negative' | null; iScore: number | null; iTopics: string[] | null;
    iConfidence: number | null; iLowConfidence: boolean | null;
  }>(
    `select a.response_id::text as "responseId", a.question_id::text as "questionId", a.text, r.language, r.submitted_at as "submittedAt", r.channel::text as channel,
            ti.language as "iLanguage", ti.sentiment as "iSentiment", ti.score as "iScore", ti.topics as "iTopics",
            ti.sentiment_confidence as "iConfidence", ti.low_confidence as "iLowConfidence",
            (select n.number from answers n join questions nq on nq.org_id = n.org_id and nq.id = n.question_id
              where n.org_id = r.org_id and n.response_id = r.id and nq.type = 'nps' order by nq.position limit 1) as score
       from responses r
       join answers a on a.org_id = r.org_id and a.response_id = r.id and a.text is not null
       join questions q on q.org_id = a.org_id and q.id = a.question_id and q.type = 'text'
       left join text_insights ti on ti.org_id = a.org_id and ti.response_id = a.response_id and ti.question_id = a.question_id and ti.taxonomy_version = ${version}
       ${shared.needsTouchpoint ? 'left join touchpoints t on t.org_id = r.org_id and t.id = r.touchpoint_id' : ''}
      where ${['r.org_id = $1', notResurvey(), ...shared.conditions].join(' and ')}
      order by r.submitted_at desc, a.response_id desc, a.question_id desc limit $${params.length}`, params);
  return rows.map((row) => {
    // The stored analysis when it is of the current taxonomy, else computed (and cached) as the API does.
    const insight = row.iLanguage !== null && row.iSentiment !== null
      ? { language: row.iLanguage, sentiment: row.iSentiment, score: Number(row.iScore), topics: row.iTopics ?? [], truncated: false, warning: null,
        sentimentConfidence: row.iConfidence === null ? null : Number(row.iConfidence), lowConfidence: row.iLowConfidence } : null;
    const analysis = analyseAnswer({ ...row, insight }, taxonomy);
    return { at: new Date(row.submittedAt).toISOString(), text: redactPii(row.text), sentiment: analysis.sentiment as string, lowConfidence: analysis.lowConfidence === true, topics: [...analysis.topics], score: row.score, channel: row.channel };
  });
}

// --- rendering -------------------------------------------------------------------------------

export interface DetailPage {
  language: UiLanguage;
  t: DashboardStrings;
  s: JourneyPageStrings;
  userName: string;
  detail: Detail;
  invalidFilters: string[];
  languageHref: (language: UiLanguage) => string;
  /** Which permissions the reader has (the navigation shows only their pages). */
  can?: (permission: Permission) => boolean;
  /** This page's URL (path and query), which the download links extend. */
  pageUrl: string;
  /** The reader's unread notifications, for the bell in the banner (none: no bell). */
  unread?: number;
}

const pct = (share: number, language: string) => `${formatNumber(100 * share, language, 0)} %`;

/** Bars of the score distribution, grouped as the metric reads them (NPS 0–6 | 7–8 | 9–10; others low | middle | high). */
export function distributionBars(metric: MapMetric, histogram: ScoreHistogram, dontKnowLabel: string): DistributionBar[] {
  const [min, max] = metric === 'nps' ? [0, 10] : metric === 'csat' ? [1, 5] : [1, 7];
  const n = histogram.counts.reduce((a, b) => a + (b ?? 0), 0);
  const group = (v: number): DistributionBar['group'] => {
    if (metric === 'nps') return v <= 6 ? 'low' : v <= 8 ? 'middle' : 'high';
    if (metric === 'csat') return v <= 2 ? 'low' : v === 3 ? 'middle' : 'high';
    return v <= 3 ? 'low' : v === 4 ? 'middle' : 'high';
  };
  const bars: DistributionBar[] = [];
  for (let v = min; v <= max; v++) {
    const c = histogram.counts[v] ?? 0;
    bars.push({ label: String(v), count: c, share: n === 0 ? 0 : c / n, group: group(v) });
  }
  // Don't know is not on the scale: a share of all answers, shown after the scale.
  if (histogram.dontKnow > 0) bars.push({ label: dontKnowLabel, count: histogram.dontKnow, share: histogram.dontKnow / (n + histogram.dontKnow), group: 'middle' });
  return bars;
}

function section(id: string, heading: string, content: SafeHtml | string): SafeHtml {
  return html`<section class="detail-section" aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>${content}</section>`;
}

interface DetailModels {
  trendChart: ChartModel & { shown: number };
  trendTable: TableModel;
  distributionChart: ChartModel | null;
  distributionTable: TableModel | null;
  likertChart: ChartModel | null;
  likertTable: TableModel | null;
  breakdowns: Array<{ dimension: BreakdownDimension; table: TableModel }>;
  casesTable: TableModel | null;
}

const metricLabelOf = (d: Detail, s: JourneyPageStrings) =>
  d.filters.metric === 'likert' ? `${s.metricNames.likert}: ${d.statement?.label ?? d.title}` : s.metricNames[d.filters.metric];

const monthLabel = (m: string, style: 'short' | 'long', language: UiLanguage) =>
  formatDate(`${m}T12:00:00Z`, language, 'UTC', style === 'short' ? { month: 'short', year: '2-digit' } : { month: 'long', year: 'numeric' });

/** Every chart and table of the page, as models: rendered on the page and offered as downloads. */
export function detailModels(d: Detail, language: UiLanguage, t: DashboardStrings, s: JourneyPageStrings): DetailModels {
  const metric = d.filters.metric;
  const ctx: PageContext = { language, t, s, min: d.minGroupSize, metric };
  const metricLabel = metricLabelOf(d, s);
  const digits = digitsOf(metric);
  const fmt = (v: number | null) => formatFigure(metric, v, language);
  const scale = chartScale(metric);
  const points: TrendPoint[] = d.trend.map(({ month, figure }) => showable(figure, ctx)
    ? { label: monthLabel(month, 'short', language), value: figure.value, low: figure.low, high: figure.high, n: figure.n }
    : { label: monthLabel(month, 'short', language), value: null, low: null, high: null, n: figure?.n ?? null });
  const shown = points.filter((p) => p.value !== null).length;
  const trendSvg = trendChart(points, {
    id: 'detail-trend', title: s.trendOf(metricLabel), desc: t.trend.desc(points.length, shown), yLabel: s.unitOf[metric] || metricLabel,
    domain: scale.limits, tickStep: scale.step, formatTick: (v) => formatNumber(v, language, 0),
    describePoint: (p) => s.trendPoint(p.label, fmt(p.value), fmt(p.low), fmt(p.high), count(ctx, p.n)),
  });
  const figureColumns = [
    { label: t.overview.answers, kind: 'number' as const }, { label: valueLabel(ctx), kind: 'number' as const, digits }, { label: t.overview.ci95, kind: 'interval' as const, digits },
  ];
  const trendTable: TableModel = {
    id: 'trend', title: s.trendOf(metricLabel),
    columns: [{ label: t.trend.month, kind: 'text' }, ...figureColumns],
    rows: d.trend.map(({ month, figure }) => [monthLabel(month, 'long', language), nCell(figure), valueCell(figure, ctx), intervalCell(figure, ctx)]),
  };

  let distributionChartModel: ChartModel | null = null;
  let distributionTable: TableModel | null = null;
  if (d.distribution) {
    const bars = distributionBars(metric, d.distribution.histogram, s.dontKnow);
    distributionChartModel = { id: 'distribution-chart', title: s.distributionOf(metricLabel), svg: distributionChart(bars, {
      id: 'detail-distribution', title: s.distributionOf(metricLabel), desc: s.distributionDesc(count(ctx, d.distribution.n)),
      formatShare: (x) => pct(x, language), describe: (b) => s.distributionBar(b.label, count(ctx, b.count), pct(b.share, language)),
    }) };
    distributionTable = {
      id: 'distribution', title: s.distributionOf(metricLabel),
      columns: [{ label: s.score, kind: 'text' }, { label: t.overview.answers, kind: 'number' }, { label: `${s.share} (%)`, kind: 'number' }],
      rows: bars.map((b) => [b.label, b.count, 100 * b.share]),
    };
  }

  let likertChartModel: ChartModel | null = null;
  let likertTable: TableModel | null = null;
  if (d.likert.length > 0) {
    const rows: LikertRow[] = d.likert.map((r) => ({ label: r.label, disagree: r.disagree, neutral: r.neutral, agree: r.agree, dontKnow: r.dontKnow }));
    likertChartModel = { id: 'likert-chart', title: s.likertHeading, svg: likertChart(rows, {
      id: 'detail-likert', title: s.likertHeading, desc: s.likertDesc(rows.length),
      formatShare: (x) => pct(x, language), legend: { disagree: s.disagree, neutral: s.neutral, agree: s.agree, dontKnow: s.dontKnow },
      describe: (r) => s.likertRow(r.label, pct(r.disagree, language), pct(r.neutral, language), pct(r.agree, language), pct(r.dontKnow, language)),
    }) };
    likertTable = {
      id: 'likert', title: s.likertHeading,
      columns: [{ label: s.statement, kind: 'text' }, { label: t.overview.answers, kind: 'number' },
        ...[s.disagree, s.neutral, s.agree, s.dontKnow].map((label) => ({ label: `${label} (%)`, kind: 'number' as const }))],
      rows: d.likert.map((r) => [r.label, r.nTotal, 100 * r.disagree, 100 * r.neutral, 100 * r.agree, 100 * r.dontKnow]),
    };
  }

  const breakdowns = breakdownDimensions.map((dimension) => ({ dimension, table: {
    id: `breakdown-${dimension}`, title: s.breakdownCaption(s.byDimension[dimension], metricLabel),
    columns: [{ label: s.dimensionName[dimension], kind: 'text' as const }, ...figureColumns],
    rows: d.breakdowns[dimension].map((r) => [r.id === null ? s.none : dimension === 'channel' ? (t.channelNames[r.label] ?? r.label) : r.label,
      nCell(r.figure), valueCell(r.figure, ctx), intervalCell(r.figure, ctx)]),
  } satisfies TableModel }));

  const casesTable: TableModel | null = d.cases === null ? null : {
    id: 'cases', title: s.casesCaption(d.title),
    columns: [{ label: s.caseTitle, kind: 'text' }, { label: s.caseStatus, kind: 'text' }, { label: s.casePriority, kind: 'text' }, { label: s.caseOpened, kind: 'text' }],
    rows: d.cases.map((c) => [c.title || '–', s.statuses[c.status] ?? c.status, s.priorities[c.priority] ?? c.priority, formatDate(c.createdAt, language, d.timeZone)]),
  };
  return { trendChart: { id: 'trend-chart', title: s.trendOf(metricLabel), svg: trendSvg, shown }, trendTable,
    distributionChart: distributionChartModel, distributionTable, likertChart: likertChartModel, likertTable, breakdowns, casesTable };
}

/** Every table and chart of the page, for `answerDownload`. */
export function detailDownloads(d: Detail, language: UiLanguage, t: DashboardStrings, s: JourneyPageStrings): Downloadable[] {
  const m = detailModels(d, language, t, s);
  return [m.trendChart, m.trendTable, m.distributionChart, m.distributionTable, m.likertChart, m.likertTable, ...m.breakdowns.map((b) => b.table), m.casesTable]
    .filter((x): x is TableModel | ChartModel => x !== null);
}

export function renderDetail(page: DetailPage): SafeHtml {
  const { t, s, detail: d, language } = page;
  const metric = d.filters.metric;
  const ctx: PageContext = { language, t, s, min: d.minGroupSize, metric };
  const dctx: DownloadContext = { language, url: page.pageUrl };
  const m = detailModels(d, language, t, s);
  const day = (x: string) => formatDate(`${x}T12:00:00Z`, language, 'UTC');
  const labels = fieldLabels(t, s);
  const metricLabel = metricLabelOf(d, s);
  const action = d.subject.kind === 'touchpoint' ? `/app/touchpoints/${d.subject.id}` : `/app/questions/${d.subject.id}`;
  const noAnswers = !d.overall || (!d.overall.suppressed && (d.overall.n ?? 0) === 0);
  const valueMarkup = (column: number) => (_r: number, i: number, value: TableCell) => (i === column && typeof value === 'number' ? valueHtml(value, ctx) : undefined);

  const trend = section('trend-heading', s.trendOf(metricLabel), html`
  ${m.trendChart.shown === 0 ? html`<p class="notice">${t.trend.noData}</p>` : ''}
  ${chartHtml(m.trendChart, dctx)}
  ${tableHtml(m.trendTable, dctx, { collapsed: true, cell: valueMarkup(2) })}`);

  const distribution = section('distribution-heading', s.distribution, !m.distributionChart || !m.distributionTable
    ? html`<p class="muted">${noAnswers ? t.overview.noAnswers : t.overview.tooSmall}</p>`
    : html`${chartHtml(m.distributionChart, dctx)}${tableHtml(m.distributionTable, dctx)}`);

  const likert = d.likert.length === 0 && d.subject.kind === 'question' && metric !== 'likert' ? '' : section('likert-heading', s.likertHeading,
    !m.likertChart || !m.likertTable ? html`<p class="muted">${s.noLikert}</p>` : html`
  <p class="muted">${s.likertIntro}</p>
  ${chartHtml(m.likertChart, dctx)}
  ${tableHtml(m.likertTable, dctx, { cell: (r, i) => i === 0 && d.subject.kind === 'touchpoint'
    ? html`<a href="/app/questions/${d.likert[r].questionId}${filterQuery(d.filters, ['metric', 'question', 'compare'])}">${d.likert[r].label}</a>` : undefined })}`);

  const breakdowns = section('breakdowns-heading', s.breakdowns, html`<p class="muted">${s.breakdownLegend(d.minGroupSize)}</p>${m.breakdowns.map(({ dimension, table }) => html`
  <h3>${s.byDimension[dimension]}</h3>
  ${tableHtml(table, dctx, { empty: t.overview.noAnswers, cell: valueMarkup(2) })}`)}`);

  const dateTime = (iso: string) => formatDate(iso, language, d.timeZone, { dateStyle: 'medium' });
  const verbatims = d.verbatims === null ? '' : section('verbatims-heading', s.verbatims, d.verbatims.length === 0 ? html`<p class="muted">${s.noVerbatims}</p>` : html`
  <p class="muted">${s.verbatimsIntro}</p>
  <ul class="verbatims">${d.verbatims.map((v) => html`<li><figure>
    <blockquote>${v.text}</blockquote>
    <figcaption>${v.at === null ? '' : html`<time datetime="${v.at}">${dateTime(v.at)}</time> · `}${s.sentimentLabel}: <span class="sentiment sentiment-${v.sentiment}">${s.sentiments[v.sentiment as 'positive' | 'neutral' | 'negative'] ?? v.sentiment}</span>${uncertainMarker(v.lowConfidence, language)}
      ${v.topics.length > 0 ? html` · ${s.topics}: ${v.topics.join(', ')}` : ''}${v.score === null ? '' : html` · NPS ${v.score}`}</figcaption>
  </figure></li>`)}</ul>`);
  const cases = !m.casesTable ? '' : section('cases-heading', s.cases, tableHtml(m.casesTable, dctx, { empty: s.noCases }));

  const body = html`
<nav aria-label="${s.breadcrumb}" class="breadcrumb"><ol><li><a href="/app/journeys${filterQuery(d.filters, ['question', 'compare'])}">${s.mapTitle}</a></li>${d.context.map((c) => html`<li>${c}</li>`)}</ol></nav>
<h1>${d.title}</h1>
<p class="lead">${d.subject.kind === 'touchpoint' ? s.touchpointIntro : s.questionIntro}${d.channel ? html` ${t.overview.channel}: ${t.channelNames[d.channel] ?? d.channel}.` : ''}</p>
${page.invalidFilters.length > 0 ? html`<div class="error-summary" role="alert"><ul>${page.invalidFilters.map((f) => html`<li>${t.filters.invalid(labels[f] ?? f)}</li>`)}</ul></div>` : ''}
${filterForm({ action, ctx, filters: d.filters, period: d.period, allJourneys: d.allJourneys, units: d.units, personas: d.personas, segments: d.segments,
  statements: d.subject.kind === 'touchpoint' ? d.statements : [], showCompare: false, showMetric: d.subject.kind === 'touchpoint' })}
<p><strong>${metricLabel}</strong> · ${t.overview.period(day(d.period.from), day(d.period.to))}</p>
<p class="headline" id="headline">${figureValue(d.overall, ctx)} <span class="muted">(${t.overview.ci95} ${intervalText(d.overall, ctx)}; n = ${d.overall && !d.overall.suppressed ? count(ctx, d.overall.n) : '–'})</span> ${changeMark(d.change, ctx)}</p>
<p class="legend muted">${s.mapLegend(d.minGroupSize)}</p>
${page.can?.('actions:write') ? startPlanLink(language, d.title, {
    ...(d.subject.kind === 'touchpoint' ? { touchpointId: d.subject.id } : { questionId: d.subject.id }),
    metric: metric === 'likert' && d.subject.kind === 'touchpoint' ? undefined : metric,
  }) : ''}
${noAnswers ? html`<div class="empty" role="status"><h2>${t.overview.emptyTitle}</h2><p>${t.overview.emptyBody}</p></div>` : ''}
${trend}
${distribution}
${likert}
${breakdowns}
${verbatims}
${cases}`;
  return appShell({
    language, t, title: d.title, current: 'journeys', userName: page.userName, organizationName: d.organizationName,
    languageHref: page.languageHref, body, can: page.can, unread: page.unread,
  });
}

