/**
 * Key drivers (/app/drivers): the priority matrix (importance × performance, four quadrants)
 * as a chart and a table, importance with bootstrap 95 % intervals, and — for an NPS outcome —
 * promoter-versus-passive effects. Every figure is `driverReport`'s (src/drivers/service.ts),
 * so listwise deletion, the caller's data scope and the small-group rule hold as in the API;
 * the page only rounds, and derives the odds ratios' intervals exp(b ± 1.959964·se).
 */
import type { Queryable } from '../db/connection.ts';
import type { AuthContext } from '../auth/permissions.ts';
import { KaikuError } from '../errors.ts';
import { driverReport, type PerformanceMeasure } from '../drivers/service.ts';
import { getSurvey, listSurveys } from '../surveys/service.ts';
import type { Survey } from '../surveys/schema.ts';
import { formatNumber, type UiLanguage } from '../i18n/index.ts';
import type { DashboardStrings } from '../i18n/dashboard.ts';
import type { AnalysisStrings } from '../i18n/analysis-pages.ts';
import { html, type SafeHtml } from './html.ts';
import { chartHtml, tableHtml, type ChartModel, type DownloadContext, type TableModel } from './downloads.ts';
import { barChart, priorityMatrixChart } from './analysis-charts.ts';
import { firstParam, invalidSummary, option, parseSliceFilters, serviceFilters, sliceFields, type Query, type SliceFilters } from './analysis-common.ts';
import { periodNote, shownPeriod, type ShownPeriod } from './default-period.ts';
import type { DefaultPeriod } from '../orgs/settings.ts';

const scoreTypes = ['nps', 'csat', 'ces', 'likert7', 'rating'];
export const weightMethods = ['relative-weights', 'shapley'] as const;
type WeightMethod = (typeof weightMethods)[number];
/** Bootstrap resamples for the intervals: the API's default. */
export const DRIVER_BOOTSTRAP = 200;
const Z95 = 1.959964;

export interface DriverChoice {
  surveyId?: string;
  target?: string;
  method: WeightMethod;
  performance: PerformanceMeasure;
  filters: SliceFilters;
  invalid: string[];
}

export function parseDriverChoice(query: Query): DriverChoice {
  const { filters, invalid } = parseSliceFilters(query);
  const method = firstParam(query, 'method');
  const performance = firstParam(query, 'performance');
  const survey = firstParam(query, 'survey');
  if (method && !(weightMethods as readonly string[]).includes(method)) invalid.push('method');
  if (performance && performance !== 'mean' && performance !== 'top-box') invalid.push('performance');
  return {
    surveyId: survey,
    target: firstParam(query, 'target'),
    method: (weightMethods as readonly string[]).includes(method ?? '') ? method as WeightMethod : 'relative-weights',
    performance: performance === 'top-box' ? 'top-box' : 'mean',
    filters, invalid,
  };
}

type WeightsReport = Extract<Awaited<ReturnType<typeof driverReport>>, { r2: number }>;
type LogisticReport = Extract<Awaited<ReturnType<typeof driverReport>>, { coefficients: unknown }>;

export interface DriversData {
  surveys: Array<{ id: string; name: string }>;
  survey?: Survey;
  targets: Array<{ key: string; label: string; type: string }>;
  choice: DriverChoice & { target?: string };
  weights?: WeightsReport;
  weightsError?: string;
  promoter?: LogisticReport;
  promoterError?: string;
  /** The days analysed: the URL's, or the organisation's default period. */
  shown: ShownPeriod;
}

const labelOf = (survey: Survey, q: Survey['questions'][number]) => q.texts[survey.defaultLanguage]?.label ?? Object.values(q.texts)[0]?.label ?? q.key;

/** A 400/403 of the analysis is shown on the page (why there are no figures), not as an error page. */
async function explained<T>(work: () => Promise<T>): Promise<{ value?: T; error?: string }> {
  try {
    return { value: await work() };
  } catch (error) {
    if (error instanceof KaikuError && (error.status === 400 || error.status === 403)) return { error: error.message };
    throw error;
  }
}

/** Without from/to in the URL, the organisation's default period (the end stays open unless asked). */
export async function loadDrivers(db: Queryable, auth: AuthContext, choice: DriverChoice, timeZone: string, now: Date, defaultPeriod: DefaultPeriod): Promise<DriversData> {
  const shown = shownPeriod(choice.filters, defaultPeriod, now, timeZone);
  const all = await listSurveys(db, auth.orgId);
  const surveys: Array<{ id: string; name: string; survey: Survey }> = [];
  for (const s of all) {
    const survey = await getSurvey(db, auth.orgId, s.id);
    if (survey.questions.filter((q) => scoreTypes.includes(q.type)).length >= 2) surveys.push({ id: s.id, name: s.name, survey });
  }
  const data: DriversData = { surveys: surveys.map(({ id, name }) => ({ id, name })), targets: [], choice, shown };
  // The chosen survey, else the first with an NPS question and driver questions, else the first.
  const chosen = surveys.find((s) => s.id === choice.surveyId)
    ?? surveys.find((s) => s.survey.questions.some((q) => q.type === 'nps') && s.survey.questions.some((q) => q.isDriver))
    ?? surveys[0];
  if (!chosen) return data;
  if (choice.surveyId && chosen.id !== choice.surveyId) choice.invalid.push('survey');
  const survey = chosen.survey;
  data.survey = survey;
  data.targets = survey.questions.filter((q) => scoreTypes.includes(q.type)).map((q) => ({ key: q.key, label: labelOf(survey, q), type: q.type }));
  const target = data.targets.find((q) => q.key === choice.target) ?? data.targets.find((q) => q.type === 'nps') ?? data.targets[0];
  if (choice.target && target.key !== choice.target) choice.invalid.push('target');
  data.choice = { ...choice, surveyId: survey.id, target: target.key };
  const filters = serviceFilters({ ...choice.filters, from: shown.from }, timeZone);
  const base = { surveyId: survey.id, target: target.key, seed: 1, performance: choice.performance, filters };
  const [weights, promoter] = await Promise.all([
    explained(() => driverReport(db, auth, { ...base, method: choice.method, bootstrap: DRIVER_BOOTSTRAP })),
    target.type === 'nps' ? explained(() => driverReport(db, auth, { ...base, method: 'promoter-logistic', bootstrap: 0 })) : Promise.resolve({}),
  ]);
  data.weights = weights.value as WeightsReport | undefined;
  data.weightsError = weights.error;
  data.promoter = (promoter as { value?: unknown }).value as LogisticReport | undefined;
  data.promoterError = (promoter as { error?: string }).error;
  return data;
}

// --- tables and charts ---------------------------------------------------------------------------

export function matrixTable(w: WeightsReport, a: AnalysisStrings): TableModel {
  const d = a.drivers;
  const perfDigits = w.priority.performanceMeasure === 'mean' ? 2 : 1;
  return {
    id: 'drivers-matrix', title: d.matrixTable,
    columns: [
      { label: d.attribute, kind: 'text' }, { label: d.weight, kind: 'number', digits: 1 }, { label: d.weightCi, kind: 'interval', digits: 1 },
      { label: d.performanceAxis(w.priority.performanceMeasure), kind: 'number', digits: perfDigits }, { label: d.quadrant, kind: 'text' },
    ],
    // Most important first, as the service orders the matrix.
    rows: [...w.attributes].sort((x, y) => y.rescaled - x.rescaled).map((attr) => [
      attr.label, attr.rescaled, attr.rescaledCi95 ? [attr.rescaledCi95.lower, attr.rescaledCi95.upper] : null, attr.performance, d.quadrants[attr.quadrant],
    ]),
  };
}

/** exp(b ± z·se): the odds ratio's 95 % interval from the coefficient's Wald interval. */
export const oddsRatioInterval = (coefficient: number, se: number): [number, number] => [Math.exp(coefficient - Z95 * se), Math.exp(coefficient + Z95 * se)];

export function promoterTable(p: LogisticReport, a: AnalysisStrings): TableModel {
  const d = a.drivers;
  return {
    id: 'drivers-promoters', title: d.promoterTable,
    columns: [
      { label: d.attribute, kind: 'text' }, { label: d.coefficient, kind: 'number', digits: 3 }, { label: d.oddsRatio, kind: 'number', digits: 2 },
      { label: d.oddsRatioCi, kind: 'interval', digits: 2 }, { label: d.pValue, kind: 'number', digits: 3 },
    ],
    // Largest effect first; a p below 0.0005 would round to 0.000 and is written "< 0.001".
    rows: p.coefficients.filter((c) => c.questionId !== null).sort((x, y) => y.coefficient - x.coefficient).map((c) => [
      c.label, c.coefficient, c.oddsRatio, Number.isFinite(c.se) ? oddsRatioInterval(c.coefficient, c.se) : null, c.p < 0.0005 ? '< 0.001' : c.p,
    ]),
  };
}

export function matrixChart(w: WeightsReport, a: AnalysisStrings, language: UiLanguage): ChartModel {
  const d = a.drivers;
  const measure = w.priority.performanceMeasure;
  const perfDigits = measure === 'mean' ? 2 : 1;
  const svg = priorityMatrixChart(w.attributes.map((attr) => ({ label: attr.label, x: attr.rescaled, y: attr.performance, quadrant: attr.quadrant })), {
    id: 'drivers-matrix-chart', title: d.matrixHeading, desc: d.matrixDesc(w.attributes.length),
    xLabel: d.importance, yLabel: d.performanceAxis(measure),
    thresholds: { x: w.priority.importanceThreshold, y: w.priority.performanceThreshold },
    yRange: w.priority.performanceRange,
    quadrantLabels: d.quadrants,
    formatX: (v) => formatNumber(v, language, 0), formatY: (v) => formatNumber(v, language, perfDigits),
    describe: (p) => `${p.label}: ${d.quadrants[p.quadrant as keyof typeof d.quadrants]}; ${d.importance} ${formatNumber(p.x, language, 1)}; ${d.performanceAxis(measure)} ${formatNumber(p.y, language, perfDigits)}`,
  });
  return { id: 'drivers-matrix-chart', title: d.matrixHeading, svg };
}

export function weightsChart(w: WeightsReport, a: AnalysisStrings, language: UiLanguage): ChartModel {
  const d = a.drivers;
  const bars = [...w.attributes].sort((x, y) => y.rescaled - x.rescaled)
    .map((attr) => ({ label: attr.label, value: attr.rescaled, low: attr.rescaledCi95?.lower ?? null, high: attr.rescaledCi95?.upper ?? null }));
  const svg = barChart(bars, {
    id: 'drivers-weights-chart', title: d.weightsHeading, desc: d.weightsDesc, xLabel: d.importance,
    format: (v) => formatNumber(v, language, 1),
    describe: (b) => `${b.label}: ${formatNumber(b.value, language, 1)}${b.low !== null && b.high !== null ? ` (${formatNumber(b.low ?? null, language, 1)} … ${formatNumber(b.high ?? null, language, 1)})` : ''}`,
  });
  return { id: 'drivers-weights-chart', title: d.weightsHeading, svg };
}

export function driverDownloads(data: DriversData, a: AnalysisStrings, language: UiLanguage): Array<TableModel | ChartModel> {
  return [
    ...(data.weights ? [matrixChart(data.weights, a, language), matrixTable(data.weights, a), weightsChart(data.weights, a, language)] : []),
    ...(data.promoter ? [promoterTable(data.promoter, a)] : []),
  ];
}

// --- page ---------------------------------------------------------------------------------------

export function renderDrivers(data: DriversData, ctx: { a: AnalysisStrings; t: DashboardStrings; language: UiLanguage; units: Array<{ id: string; name: string }>; downloads: DownloadContext }): SafeHtml {
  const { a, t, language } = ctx;
  const d = a.drivers;
  const c = data.choice;
  const n = (v: number | null | undefined, digits = 0) => formatNumber(v ?? null, language, digits);
  const labels: Record<string, string> = { from: a.common.from, to: a.common.to, channel: a.common.channel, unit: a.common.unit, survey: d.survey, target: d.target, method: d.method, performance: d.performance };
  const form = html`<form class="filters" method="get" action="/app/drivers" aria-labelledby="drivers-filters">
  <h2 id="drivers-filters" class="visually-hidden">${a.common.filtersHeading}</h2>
  <div class="field"><label for="f-survey">${d.survey}</label><select id="f-survey" name="survey">${data.surveys.map((s) => option(s.id, s.name, s.id === c.surveyId))}</select></div>
  <div class="field"><label for="f-target">${d.target}</label><select id="f-target" name="target">${data.targets.map((q) => option(q.key, q.label, q.key === c.target))}</select></div>
  <div class="field"><label for="f-method">${d.method}</label><select id="f-method" name="method">${weightMethods.map((m) => option(m, d.methods[m], m === c.method))}</select></div>
  <div class="field"><label for="f-performance">${d.performance}</label><select id="f-performance" name="performance">${(['mean', 'top-box'] as const).map((m) => option(m, d.performances[m], m === c.performance))}</select></div>
  ${sliceFields(c.filters, ctx.units, a, t, data.shown)}
  <div class="field"><button class="button" type="submit">${a.common.show}</button></div>
  <div class="field"><a href="/app/drivers">${a.common.reset}</a></div>
</form>${periodNote(language, data.shown)}`;
  const warnings = (codes: Array<{ code: string; message?: string }>) => codes.length === 0 ? html`` : html`<div class="notice" role="note"><h3>${a.common.warnings}</h3><ul>${codes.map((w) => html`<li>${d.warningTexts[w.code] ?? w.message ?? w.code}</li>`)}</ul></div>`;
  const cannot = (message: string) => html`<div class="notice" role="status"><p>${d.cannot}</p><p>${message}</p></div>`;
  const w = data.weights;
  const weightsSection = w ? html`
<p>${d.summary(n(w.n), n(w.excluded), n(w.r2, 2))}${w.r2Ci95 && w.bootstrap ? html` ${d.r2Interval(n(w.r2Ci95.lower, 2), n(w.r2Ci95.upper, 2), n(w.bootstrap.replicates))}` : ''}</p>
${warnings(w.warnings as Array<{ code: string; message?: string }>)}
<section aria-labelledby="matrix-heading"><h2 id="matrix-heading">${d.matrixHeading}</h2>
<p class="muted">${d.thresholds(n(w.priority.importanceThreshold, 1), n(w.priority.performanceThreshold, w.priority.performanceMeasure === 'mean' ? 2 : 1))}</p>
${chartHtml(matrixChart(w, a, language), ctx.downloads)}
${tableHtml(matrixTable(w, a), ctx.downloads)}</section>
<section aria-labelledby="weights-heading"><h2 id="weights-heading">${d.weightsHeading}</h2>
${chartHtml(weightsChart(w, a, language), ctx.downloads)}</section>` : data.weightsError ? cannot(data.weightsError) : html``;
  const target = data.targets.find((q) => q.key === c.target);
  const p = data.promoter;
  const promoterSection = target?.type !== 'nps' ? html`<section aria-labelledby="promoter-heading"><h2 id="promoter-heading">${d.promoterHeading}</h2><p class="muted">${d.promoterNotNps}</p></section>`
    : html`<section aria-labelledby="promoter-heading"><h2 id="promoter-heading">${d.promoterHeading}</h2>
<p class="muted">${d.promoterIntro}</p>
${p ? html`<p>${d.promoterSummary(n(p.promoters), n(p.passives), n(p.detractorsExcluded))}</p>
${warnings(p.warnings as Array<{ code: string; message?: string }>)}
${tableHtml(promoterTable(p, a), ctx.downloads)}` : data.promoterError ? cannot(data.promoterError) : ''}</section>`;
  return html`<h1>${d.title}</h1>
<p class="lead">${d.intro}</p>
${invalidSummary(c.invalid, a, labels)}
${data.surveys.length === 0 ? html`<div class="empty" role="status"><p>${d.noSurvey}</p></div>` : html`${form}
${data.survey ? html`<p><strong>${data.survey.name}</strong> · ${target?.label ?? ''}</p>` : ''}
${weightsSection}
${promoterSection}`}`;
}
