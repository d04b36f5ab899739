/**
 * The journey overview: each journey's stages in order with NPS per stage, touchpoint and
 * channel, and the NPS trend by month with its confidence band.
 *
 * `loadJourneyOverview` gathers the figures — all from `metricReport`, so the caller's data
 * scope (unit subtree, own feedback) and small-group suppression apply exactly as in the API —
 * and `renderJourneyOverview` turns them into HTML without touching the database.
 */
import { contactFacets } from '../contacts/service.ts';
import { loadKpiTiles, renderKpiTiles, type KpiTiles } from './kpi-tiles.ts';
import type { Queryable } from '../db/connection.ts';
import type { AuthContext, Permission } from '../auth/permissions.ts';
import { metricReport } from '../metrics/service.ts';
import { channels, listJourneys, type Channel, type Journey } from '../journeys/service.ts';
import { getOrganization } from '../orgs/service.ts';
import { formatDate, formatNumber, languageNames, type UiLanguage } from '../i18n/index.ts';
import type { DashboardStrings } from '../i18n/dashboard.ts';
import { html, type SafeHtml } from './html.ts';
import { appShell } from './layout.ts';
import { canonicalSegment, filterForm as sharedFilterForm } from './filter-form.ts';
import { periodNote, shownPeriod, type ShownPeriod } from './default-period.ts';
import { loopMetricsText } from '../i18n/loop-metrics.ts';
import { npsBand, trendChart, type TrendPoint } from './charts.ts';
import { chartHtml, numberHtml, tableHtml, type ChartModel, type DownloadContext, type TableCell, type TableModel } from './downloads.ts';
import { UUID } from '../vocabulary.ts';
import { startOfDayIn } from '../i18n/calendar.ts';

/** Filters as they appear in the URL (dates are the org's calendar days, both inclusive). */
export interface OverviewFilters {
  from?: string;
  to?: string;
  journeyId?: string;
  channel?: Channel;
  unitId?: string;
  segment?: string;
  /** The respondents' language (two letters). */
  language?: string;
  persona?: string;
}

/** The filters' query parameter names. */
const filterParams = ['from', 'to', 'journey', 'channel', 'unit', 'segment', 'language', 'persona'] as const;

/** A custom period longer than this shows only its last months in the trend. */
const MAX_TREND_MONTHS = 60;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads the filters from a query string; values that do not parse are dropped and named. */
export function parseOverviewFilters(query: Record<string, unknown>): { filters: OverviewFilters; invalid: string[] } {
  const first = (name: string) => {
    const v = query[name];
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
  };
  const filters: OverviewFilters = {};
  const invalid: string[] = [];
  const validDate = (s: string) => {
    const m = DATE.exec(s);
    if (!m) return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
  };
  const check = (name: (typeof filterParams)[number], ok: (s: string) => boolean, set: (s: string) => void) => {
    const v = first(name);
    if (v === undefined) return;
    if (ok(v)) set(v); else invalid.push(name);
  };
  check('from', validDate, (v) => { filters.from = v; });
  check('to', validDate, (v) => { filters.to = v; });
  check('journey', (v) => UUID.test(v), (v) => { filters.journeyId = v.toLowerCase(); });
  check('channel', (v) => (channels as readonly string[]).includes(v), (v) => { filters.channel = v as Channel; });
  check('unit', (v) => UUID.test(v), (v) => { filters.unitId = v.toLowerCase(); });
  check('segment', (v) => v.length <= 200, (v) => { filters.segment = v; });
  check('language', (v) => /^[a-z]{2}$/.test(v), (v) => { filters.language = v; });
  check('persona', (v) => v.length <= 200, (v) => { filters.persona = v; });
  if (filters.from && filters.to && filters.from > filters.to) { invalid.push('to'); delete filters.to; }
  return { filters, invalid };
}

/** The figures a cell shows; null when suppressed or empty. */
export interface NpsFigure {
  n: number | null;
  nps: number | null;
  ci95: [number, number] | null;
  suppressed: boolean;
}

function figureOf(summary: Record<string, unknown> | undefined): NpsFigure | undefined {
  if (!summary) return undefined;
  const ci = summary.ci95;
  return {
    n: typeof summary.n === 'number' ? summary.n : null,
    nps: typeof summary.nps === 'number' ? summary.nps : null,
    ci95: Array.isArray(ci) && typeof ci[0] === 'number' && typeof ci[1] === 'number' ? [ci[0], ci[1]] : null,
    suppressed: summary.suppressed === true,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthKey = (year: number, month: number) => {
  const d = new Date(Date.UTC(year, month - 1, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-01`;
};

/** Month keys ("YYYY-MM-01", as metricReport labels periods) from one month to another, inclusive. */
export function monthsBetween(from: { year: number; month: number }, to: { year: number; month: number }): string[] {
  const count = (to.year - from.year) * 12 + (to.month - from.month) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => monthKey(from.year, from.month + i));
}

// --- loading -------------------------------------------------------------------------------

export interface JourneyOverview {
  organizationName: string;
  minGroupSize: number;
  filters: OverviewFilters;
  /** The period shown, as inclusive calendar days, and the organisation's default when it chose them. */
  period: ShownPeriod;
  /** Every journey (for the filter) and those shown. */
  allJourneys: Array<{ id: string; name: string }>;
  personas: string[];
  /** The segments the organisation's contacts are in, for the segment picker. */
  segments: string[];
  /** The filters as the metrics and exports APIs take them (instants, ids). */
  apiFilters: Record<string, string>;
  journeys: Journey[];
  units: Array<{ id: string; name: string }>;
  overall: NpsFigure;
  byJourney: Map<string, NpsFigure>;
  byStage: Map<string, NpsFigure>;
  byTouchpoint: Map<string, NpsFigure>;
  byJourneyChannel: Map<string, Array<{ channel: string; figure: NpsFigure }>>;
  trend: Array<{ month: string; figure: NpsFigure | undefined }>;
  /** NPS, CSAT and CES with the change against the period before (kpi-tiles.ts). */
  kpis: KpiTiles;
}

export async function loadJourneyOverview(db: Queryable, auth: AuthContext, filters: OverviewFilters, now = new Date()): Promise<JourneyOverview> {
  const [org, { segments }] = await Promise.all([getOrganization(db, auth.orgId), contactFacets(db, auth.orgId)]);
  if (filters.segment) filters = { ...filters, segment: canonicalSegment(segments, filters.segment) };
  const tz = org.timeZone;
  const shown = shownPeriod(filters, org.defaultPeriod, now, tz);
  const toDay = parseDay(shown.to);
  const fromDay = parseDay(shown.from);
  // The trend has a row for every month the period touches: 18 for the '18m' default, 4 for 90 days.
  const allMonths = monthsBetween(fromDay, toDay);
  const months = allMonths.slice(-MAX_TREND_MONTHS);

  const metricFilters = {
    from: startOfDayIn(fromDay.year, fromDay.month, fromDay.day, tz).toISOString(),
    ...(filters.to ? { to: startOfDayIn(toDay.year, toDay.month, toDay.day + 1, tz).toISOString() } : {}),
    journeyId: filters.journeyId,
    channel: filters.channel,
    unitId: filters.unitId,
    segment: filters.segment,
    language: filters.language,
    persona: filters.persona,
  };
  const report = (by: Parameters<typeof metricReport>[2]['by']) =>
    metricReport(db, auth, { metric: 'nps', by, interval: 'month', filters: metricFilters });

  // The period of the same length just before, for the key figures' change.
  const days = Math.round((Date.UTC(toDay.year, toDay.month - 1, toDay.day) - Date.UTC(fromDay.year, fromDay.month - 1, fromDay.day)) / 86_400_000) + 1;
  const previousFrom = normalise({ ...fromDay, day: fromDay.day - days });
  const previousTo = normalise({ ...fromDay, day: fromDay.day - 1 });
  const previous = {
    filters: { ...metricFilters, from: startOfDayIn(previousFrom.year, previousFrom.month, previousFrom.day, tz).toISOString(), to: metricFilters.from },
    from: dayString(previousFrom), to: dayString(previousTo),
  };

  const [allJourneys, units, touchpoints, stages, journeys, journeyChannels, periods, kpis] = await Promise.all([
    listJourneys(db, auth.orgId),
    unitsInScope(db, auth),
    report(['touchpoint']), report(['stage']), report(['journey']), report(['journey', 'channel']), report(['period']),
    loadKpiTiles(db, auth, metricFilters, previous, org.minGroupSize),
  ]);

  const keyed = (groups: Array<{ key: Record<string, string | null> } & Record<string, unknown>>, dimension: string) =>
    new Map(groups.filter((g) => g.key[dimension]).map((g) => [g.key[dimension] as string, figureOf(g)!]));
  const byJourneyChannel = new Map<string, Array<{ channel: string; figure: NpsFigure }>>();
  for (const g of journeyChannels.groups) {
    const journeyId = g.key.journey;
    if (!journeyId || !g.key.channel) continue;
    const list = byJourneyChannel.get(journeyId) ?? [];
    list.push({ channel: g.key.channel, figure: figureOf(g)! });
    byJourneyChannel.set(journeyId, list);
  }
  for (const list of byJourneyChannel.values()) list.sort((a, b) => channels.indexOf(a.channel as Channel) - channels.indexOf(b.channel as Channel));
  const byMonth = keyed(periods.groups, 'period');

  return {
    organizationName: org.name,
    minGroupSize: org.minGroupSize,
    filters,
    period: shown,
    allJourneys: allJourneys.map((j) => ({ id: j.id, name: j.name })),
    personas: [...new Set(allJourneys.flatMap((j) => j.persona ? [j.persona] : []))].sort(),
    segments,
    apiFilters: Object.fromEntries(Object.entries(metricFilters).filter((e): e is [string, string] => typeof e[1] === 'string')),
    journeys: allJourneys.filter((j) => (!filters.journeyId || j.id === filters.journeyId) && (!filters.persona || j.persona === filters.persona)),
    units,
    overall: figureOf(journeys.overall)!,
    byJourney: keyed(journeys.groups, 'journey'),
    byStage: keyed(stages.groups, 'stage'),
    byTouchpoint: keyed(touchpoints.groups, 'touchpoint'),
    byJourneyChannel,
    trend: months.map((month) => ({ month, figure: byMonth.get(month) })),
    kpis,
  };
}

function parseDay(s: string) {
  const [year, month, day] = s.split('-').map(Number);
  return { year, month, day };
}
function normalise(d: { year: number; month: number; day: number }) {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
const dayString = (d: { year: number; month: number; day: number }) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

/** Units a caller may filter by: all for org-wide roles, the subtree for unit managers, none for frontline staff. */
async function unitsInScope(db: Queryable, auth: AuthContext) {
  if (auth.scope.kind === 'employees') return [];
  const rows = await db.query<{ id: string; name: string }>(`select id::text, name from units where org_id = $1 order by name`, [auth.orgId]);
  const scope = auth.scope;
  return scope.kind === 'units' ? rows.filter((u) => scope.unitIds.includes(u.id)) : rows;
}

// --- rendering -------------------------------------------------------------------------------

export interface OverviewPage {
  language: UiLanguage;
  t: DashboardStrings;
  userName: string;
  overview: JourneyOverview;
  invalidFilters: string[];
  languageHref: (language: UiLanguage) => string;
  /** Whether the reader may download exports (links to them are shown). */
  canExport: boolean;
  /** Whether the reader may see cases (the link to the closed-loop figures is shown). */
  canReadCases?: boolean;
  /** Which permissioned navigation entries to show (layout.ts). */
  can?: (permission: Permission) => boolean;
  /** This page's URL with its filters, which the table and chart downloads extend. */
  pageUrl?: string;
  /** The reader's unread notifications, for the bell in the banner (none: no bell). */
  unread?: number;
}

/** The export files of this view: the exports API with the page's filters. */
export function exportLinks(apiFilters: Record<string, string>): Array<{ dataset: 'answers' | 'responses'; format: 'csv' | 'xlsx'; href: string }> {
  const query = new URLSearchParams(apiFilters).toString();
  return (['responses', 'answers'] as const).flatMap((dataset) => (['csv', 'xlsx'] as const).map((format) =>
    ({ dataset, format, href: `/api/v1/exports/${dataset}.${format}${query ? `?${query}` : ''}` })));
}

function exportSection(page: OverviewPage): SafeHtml {
  const { t } = page;
  return html`
<section class="exports" aria-labelledby="exports-heading">
  <h2 id="exports-heading">${t.exports.heading}</h2>
  <p class="muted">${t.exports.intro}</p>
  <ul>${exportLinks(page.overview.apiFilters).map((l) => html`<li><a href="${l.href}" download>${t.exports.link(l.dataset, l.format)}</a></li>`)}</ul>
</section>`;
}

/** The headline: NPS of the whole filtered slice with its interval, to one decimal. */
function headline(page: OverviewPage, ctx: Ctx): SafeHtml {
  const f = page.overview.overall;
  const one = (v: number | null) => formatNumber(v, ctx.language, 1);
  return html`<p class="headline" id="headline">${page.t.overview.headline}: ${showable(f, ctx)
    ? html`<strong><data class="nps" value="${f.nps}">${one(f.nps)}</data></strong> <span class="muted">(${page.t.overview.ci95} ${f.ci95 ? `${one(f.ci95[0])} … ${one(f.ci95[1])}` : '–'}; n = <data class="n" value="${f.n}">${num(ctx, f.n)}</data>)</span>`
    : html`<span class="muted">${f.n === 0 && !f.suppressed ? ctx.t.overview.noAnswers : ctx.t.overview.tooSmall}</span>`}</p>`;
}

interface Ctx { language: UiLanguage; t: DashboardStrings; min: number }

const num = (ctx: Ctx, v: number | null) => formatNumber(v, ctx.language, 0);

/** Is there an NPS to show? Not when suppressed, empty, or below the minimum group size. */
function showable(f: NpsFigure | undefined, ctx: Ctx): f is NpsFigure & { n: number; nps: number } {
  return Boolean(f && !f.suppressed && f.nps !== null && f.n !== null && f.n >= ctx.min);
}

/** NPS with its band as text and as colour. */
function npsValue(f: NpsFigure | undefined, ctx: Ctx): SafeHtml {
  if (!f || (f.n === 0 && !f.suppressed)) return html`<span class="muted">${ctx.t.overview.noAnswers}</span>`;
  if (!showable(f, ctx)) return html`<span class="muted">${ctx.t.overview.tooSmall}</span>`;
  const band = npsBand(f.nps);
  return html`<span class="nps-cell band-${band}"><data value="${f.nps}">${num(ctx, f.nps)}</data> <span class="band">(${ctx.t.bands[band]})</span></span>`;
}

function channelList(journey: Journey['stages'][number], ctx: Ctx): string {
  return [...new Set(journey.touchpoints.map((tp) => tp.channel))].map((c) => ctx.t.channelNames[c] ?? c).join(', ');
}

function filterForm(page: OverviewPage): SafeHtml {
  const { t, overview: o } = page;
  return sharedFilterForm({ t, action: '/app', filters: o.filters, period: o.period, periodNote: periodNote(page.language, o.period), journeys: o.allJourneys, units: o.units, personas: o.personas, segments: o.segments });
}

function journeySection(journey: Journey, page: OverviewPage, ctx: Ctx): SafeHtml {
  const { t, overview: o } = page;
  const id = `journey-${journey.id}`;
  const whole = o.byJourney.get(journey.id);
  const byChannel = o.byJourneyChannel.get(journey.id) ?? [];
  return html`
<section class="journey" aria-labelledby="${id}">
  <h2 id="${id}">${journey.name}</h2>
  ${journey.persona ? html`<p class="muted">${t.overview.persona(journey.persona)}</p>` : ''}
  <p>${t.overview.wholeJourney}: ${npsValue(whole, ctx)} <span class="muted">(n = ${whole?.n !== null && whole?.n !== undefined ? num(ctx, whole.n) : '–'})</span></p>
  <h3>${t.overview.stagesHeading}</h3>
  <ol class="stage-strip">${journey.stages.map((stage) => html`
    <li><span class="phase">${t.phases[stage.phase]}</span>
      <span class="stage-name">${stage.name}</span>
      ${t.overview.nps}: ${npsValue(o.byStage.get(stage.id), ctx)}
      <span class="channels">${t.overview.channels}: ${channelList(stage, ctx) || '–'}</span></li>`)}
  </ol>
  ${tableHtml(touchpointTable(journey, page, ctx), downloadCtx(page), {
    rowClass: (r) => rowKinds(journey)[r] === 'stage' ? 'stage-row' : 'touchpoint-row',
    cell: (r, i, value) => i === 0 && rowKinds(journey)[r] === 'stage'
      ? html`${journey.stages[stageIndexOf(journey, r)].name} <span class="muted">(${t.phases[journey.stages[stageIndexOf(journey, r)].phase]})</span>`
      : i === 3 && typeof value === 'number' ? npsValueHtml(value, ctx) : undefined,
  })}
  ${byChannel.length > 0 ? html`
  <h3>${t.overview.channelsHeading}</h3>
  ${tableHtml(channelTable(journey, page, ctx), downloadCtx(page), { cell: (_r, i, value) => i === 2 && typeof value === 'number' ? npsValueHtml(value, ctx) : undefined })}` : ''}
</section>`;
}

// --- tables and charts (shown, and downloadable with the page's filters) -------------------

const downloadCtx = (page: OverviewPage): DownloadContext => ({ language: page.language, url: page.pageUrl ?? '/app' });

/** Answers as the table shows them: a count, 0 for none, null (–) when suppressed. */
const nValue = (f: NpsFigure | undefined): TableCell => f && f.n !== null ? f.n : f?.suppressed ? null : 0;
/** NPS as the table shows it: the number, or why there is none. */
function npsCell(f: NpsFigure | undefined, ctx: Ctx): TableCell {
  if (!f || (f.n === 0 && !f.suppressed)) return ctx.t.overview.noAnswers;
  return showable(f, ctx) ? f.nps : ctx.t.overview.tooSmall;
}
const ciCell = (f: NpsFigure | undefined, ctx: Ctx): TableCell => showable(f, ctx) && f.ci95 ? [f.ci95[0], f.ci95[1]] : null;

/** An NPS number with its band as text and as colour (the text stays the number first). */
function npsValueHtml(nps: number, ctx: Ctx): SafeHtml {
  const band = npsBand(nps);
  return html`<span class="nps-cell band-${band}">${numberHtml(nps, ctx.language)} <span class="band">(${ctx.t.bands[band]})</span></span>`;
}

/** For each row of a journey's table: a stage row, then its touchpoints. */
function rowKinds(journey: Journey): Array<'stage' | 'touchpoint'> {
  return journey.stages.flatMap((stage) => ['stage' as const, ...stage.touchpoints.map(() => 'touchpoint' as const)]);
}
function stageIndexOf(journey: Journey, row: number): number {
  let r = 0;
  for (let i = 0; i < journey.stages.length; i++) {
    if (r === row) return i;
    r += 1 + journey.stages[i].touchpoints.length;
  }
  return -1;
}

export function touchpointTable(journey: Journey, page: Pick<OverviewPage, 't' | 'overview'>, ctx: Ctx): TableModel {
  const { t, overview: o } = page;
  const figures = (f: NpsFigure | undefined) => [nValue(f), npsCell(f, ctx), ciCell(f, ctx)];
  return {
    id: `journey-${journey.id}-touchpoints`,
    title: t.overview.tableCaption(journey.name),
    columns: [
      { label: `${t.overview.stage} / ${t.overview.touchpoint}`, kind: 'text' }, { label: t.overview.channel, kind: 'text' },
      { label: t.overview.answers, kind: 'number' }, { label: t.overview.nps, kind: 'number' }, { label: t.overview.ci95, kind: 'interval' },
    ],
    rows: journey.stages.flatMap((stage) => [
      [`${stage.name} (${t.phases[stage.phase]})`, channelList(stage, ctx), ...figures(o.byStage.get(stage.id))],
      ...stage.touchpoints.map((tp) => [tp.name, t.channelNames[tp.channel] ?? tp.channel, ...figures(o.byTouchpoint.get(tp.id))]),
    ]),
  };
}

export function channelTable(journey: Journey, page: Pick<OverviewPage, 't' | 'overview'>, ctx: Ctx): TableModel {
  const { t, overview: o } = page;
  return {
    id: `journey-${journey.id}-channels`,
    title: t.overview.channelsCaption(journey.name),
    columns: [{ label: t.overview.channel, kind: 'text' }, { label: t.overview.answers, kind: 'number' }, { label: t.overview.nps, kind: 'number' }, { label: t.overview.ci95, kind: 'interval' }],
    rows: (o.byJourneyChannel.get(journey.id) ?? []).map(({ channel, figure }) => [t.channelNames[channel] ?? channel, nValue(figure), npsCell(figure, ctx), ciCell(figure, ctx)]),
  };
}

const monthLabel = (m: string, style: 'short' | 'long', language: UiLanguage) =>
  formatDate(`${m}T12:00:00Z`, language, 'UTC', style === 'short' ? { month: 'short', year: '2-digit' } : { month: 'long', year: 'numeric' });

export function trendTable(page: Pick<OverviewPage, 't' | 'overview' | 'language'>, ctx: Ctx): TableModel {
  const { t, overview: o, language } = page;
  return {
    id: 'trend',
    title: t.trend.tableCaption,
    columns: [{ label: t.trend.month, kind: 'text' }, { label: t.overview.answers, kind: 'number' }, { label: t.overview.nps, kind: 'number' }, { label: t.overview.ci95, kind: 'interval' }],
    rows: o.trend.map(({ month, figure }) => [monthLabel(month, 'long', language), nValue(figure), npsCell(figure, ctx), ciCell(figure, ctx)]),
  };
}

export function trendChartModel(page: Pick<OverviewPage, 't' | 'overview' | 'language'>, ctx: Ctx): ChartModel & { shown: number } {
  const { t, overview: o, language } = page;
  const points: TrendPoint[] = o.trend.map(({ month, figure }) => showable(figure, ctx)
    ? { label: monthLabel(month, 'short', language), value: figure.nps, low: figure.ci95?.[0] ?? null, high: figure.ci95?.[1] ?? null, n: figure.n }
    : { label: monthLabel(month, 'short', language), value: null, low: null, high: null, n: figure?.n ?? null });
  const shown = points.filter((p) => p.value !== null).length;
  const svg = trendChart(points, {
    id: 'nps-trend',
    title: t.trend.heading,
    desc: t.trend.desc(points.length, shown),
    yLabel: t.overview.nps,
    formatTick: (v) => num(ctx, v),
    describePoint: (p) => t.trend.point(p.label, num(ctx, p.value), num(ctx, p.low), num(ctx, p.high), num(ctx, p.n)),
  });
  return { id: 'nps-trend', title: t.trend.heading, svg, shown };
}

/** Every table and chart of the overview: what the page shows and `?download=` serves. */
export function overviewDownloads(page: Pick<OverviewPage, 't' | 'overview' | 'language'>): Array<TableModel | ChartModel> {
  const ctx: Ctx = { language: page.language, t: page.t, min: page.overview.minGroupSize };
  return [
    trendChartModel(page, ctx), trendTable(page, ctx),
    ...page.overview.journeys.flatMap((j) => [touchpointTable(j, page, ctx), channelTable(j, page, ctx)]),
  ];
}

function trendSection(page: OverviewPage, ctx: Ctx): SafeHtml {
  const { t } = page;
  const chart = trendChartModel(page, ctx);
  return html`
<section class="trend" aria-labelledby="trend-heading">
  <h2 id="trend-heading">${t.trend.heading}</h2>
  ${chart.shown === 0 ? html`<p class="notice">${t.trend.noData}</p>` : ''}
  ${chartHtml(chart, downloadCtx(page))}
  ${tableHtml(trendTable(page, ctx), downloadCtx(page), { collapsed: true, cell: (_r, i, value) => i === 2 && typeof value === 'number' ? npsValueHtml(value, ctx) : undefined })}
</section>`;
}

/** The slice in words for a chart's file: the period, then each filter by its name, not its id. */
export function overviewCaption(o: JourneyOverview, t: DashboardStrings, language: UiLanguage): string {
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, language, 'UTC');
  const f = o.filters;
  const named: Array<[string, string | undefined]> = [
    [t.filters.journey, f.journeyId && o.allJourneys.find((j) => j.id === f.journeyId)?.name],
    [t.filters.channel, f.channel && (t.channelNames[f.channel] ?? f.channel)],
    [t.filters.unit, f.unitId && o.units.find((u) => u.id === f.unitId)?.name],
    [t.filters.segment, f.segment],
    [t.filters.responseLanguage, f.language && (languageNames[f.language] ?? f.language)],
    [t.filters.persona, f.persona],
  ];
  return [t.overview.period(day(o.period.from), day(o.period.to)), ...named.filter((e): e is [string, string] => Boolean(e[1])).map(([k, v]) => `${k}: ${v}`)].join(' · ');
}

export function renderJourneyOverview(page: OverviewPage): SafeHtml {
  const { t, overview: o, language } = page;
  const ctx: Ctx = { language, t, min: o.minGroupSize };
  const fieldLabels: Record<string, string> = {
    from: t.filters.from, to: t.filters.to, journey: t.filters.journey, channel: t.filters.channel, unit: t.filters.unit,
    segment: t.filters.segment, language: t.filters.responseLanguage, persona: t.filters.persona,
  };
  const noResponses = !o.overall.suppressed && (o.overall.n ?? 0) === 0;
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, language, 'UTC');
  const body = html`
<h1>${t.overview.title}</h1>
<p class="lead">${t.overview.intro}</p>
${page.invalidFilters.length > 0 ? html`<div class="error-summary" role="alert"><ul>${page.invalidFilters.map((f) => html`<li>${t.filters.invalid(fieldLabels[f] ?? f)}</li>`)}</ul></div>` : ''}
${filterForm(page)}
<p><strong>${t.overview.period(day(o.period.from), day(o.period.to))}</strong></p>
${page.canReadCases ? html`<p><a href="${`/app/loop?${new URLSearchParams({ ...(o.period.defaultPeriod ? {} : { from: o.period.from }), ...(o.filters.to ? { to: o.filters.to } : {}), ...(o.filters.unitId ? { unit: o.filters.unitId } : {}) })}`}">${loopMetricsText(language).overviewLink}</a></p>` : ''}
${headline(page, ctx)}
${noResponses ? html`<div class="empty" role="status"><h2>${t.overview.emptyTitle}</h2><p>${t.overview.emptyBody}</p></div>` : html`${renderKpiTiles(o.kpis, language, { noAnswers: t.overview.noAnswers, tooSmall: t.overview.tooSmall })}${trendSection(page, ctx)}`}
<p class="legend muted">${t.overview.legend(o.minGroupSize)}</p>
${o.journeys.length === 0 ? html`<p class="notice">${t.overview.noJourneys}</p>` : o.journeys.map((j) => journeySection(j, page, ctx))}
${page.canExport ? exportSection(page) : ''}`;
  return appShell({
    language, t, title: t.overview.title, current: 'overview', userName: page.userName, organizationName: o.organizationName,
    languageHref: page.languageHref, body, can: page.can, unread: page.unread,
  });
}
