/**
 * The journey map (/app/journeys): each journey's stages in order and their touchpoints as
 * cells coloured by the chosen metric (NPS, CSAT, CES or one Likert statement), each with its
 * value and band printed, n, channel, and the change against the previous period of equal
 * length with a significance marker. Personas can be compared side by side: one column per
 * persona, holding the journeys drawn for it (the `persona` filter's meaning everywhere).
 *
 * `loadJourneyMap` takes every figure from `metricReport` (so data scopes and small-group
 * suppression hold as in the API) and the change test from `changeBetween`;
 * `renderJourneyMap` only formats.
 */
import { contactFacets } from '../contacts/service.ts';
import type { Queryable } from '../db/connection.ts';
import type { AuthContext, Permission } from '../auth/permissions.ts';
import { metricReport } from '../metrics/service.ts';
import { changeBetween, type Change } from '../metrics/change.ts';
import { listJourneys, type Journey } from '../journeys/service.ts';
import { getOrganization } from '../orgs/service.ts';
import { formatDate, formatNumber, type UiLanguage } from '../i18n/index.ts';
import type { DashboardStrings } from '../i18n/dashboard.ts';
import type { JourneyPageStrings } from '../i18n/journey-pages.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { appShell } from './layout.ts';
import { canonicalSegment, filterForm as sharedFilterForm, filterOption } from './filter-form.ts';
import { periodNote } from './default-period.ts';
import { numberHtml, tableHtml, type DownloadContext, type TableCell, type TableModel } from './downloads.ts';
import {
  bandOf, digitsOf, figureOf, filterQuery, formatFigure, mapMetrics, periodOf, sliceFilters,
  type Figure, type MapMetric, type PageFilters, type Period,
} from './journey-figures.ts';


export interface LikertStatement { id: string; key: string; label: string; survey: string }

export interface TouchpointCell { figure: Figure | undefined; change: Change | null }

export interface JourneyMap {
  organizationName: string;
  minGroupSize: number;
  filters: PageFilters;
  period: Period;
  allJourneys: Array<{ id: string; name: string }>;
  personas: string[];
  /** The contacts' segments, for the segment picker. */
  segments: string[];
  units: Array<{ id: string; name: string }>;
  statements: LikertStatement[];
  /** The statement the map shows (metric likert). */
  statement: LikertStatement | null;
  /** Columns: one per compared persona, or a single one (persona null) with the filtered journeys. */
  columns: Array<{ persona: string | null; journeys: Journey[] }>;
  overall: Figure | undefined;
  overallChange: Change | null;
  byJourney: Map<string, Figure | undefined>;
  byStage: Map<string, Figure | undefined>;
  byTouchpoint: Map<string, TouchpointCell>;
}

/** Likert statements of the organisation's surveys, labelled in the reader's language. */
export async function likertStatements(db: Queryable, orgId: string, language: UiLanguage): Promise<LikertStatement[]> {
  const rows = await db.query<{ id: string; key: string; texts: Record<string, { label?: string } | string>; survey: string }>(
    `select q.id::text, q.key, q.texts, s.name as survey from questions q join surveys s on s.org_id = q.org_id and s.id = q.survey_id
      where q.org_id = $1 and q.type = 'likert7' order by s.name, q.position, q.id`, [orgId]);
  return rows.map((r) => ({ id: r.id, key: r.key, label: questionLabel(r.texts, language) ?? r.key, survey: r.survey }));
}

export function questionLabel(texts: Record<string, { label?: string } | string> | null, language: string): string | undefined {
  if (!texts) return undefined;
  const pick = (v: { label?: string } | string | undefined) => (typeof v === 'string' ? v : v?.label);
  return pick(texts[language]) ?? Object.values(texts).map(pick).find(Boolean);
}

export async function unitsInScope(db: Queryable, auth: AuthContext) {
  if (auth.scope.kind === 'employees') return [];
  const rows = await db.query<{ id: string; name: string }>(`select id::text, name from units where org_id = $1 order by name`, [auth.orgId]);
  const scope = auth.scope;
  return scope.kind === 'units' ? rows.filter((u) => scope.unitIds.includes(u.id)) : rows;
}

export async function loadJourneyMap(db: Queryable, auth: AuthContext, filters: PageFilters, language: UiLanguage, now = new Date()): Promise<JourneyMap> {
  const [org, { segments }] = await Promise.all([getOrganization(db, auth.orgId), contactFacets(db, auth.orgId)]);
  if (filters.segment) filters = { ...filters, segment: canonicalSegment(segments, filters.segment) };
  const period = periodOf(filters, org.timeZone, now, org.defaultPeriod);
  const [allJourneys, units, statements] = await Promise.all([listJourneys(db, auth.orgId), unitsInScope(db, auth), likertStatements(db, auth.orgId, language)]);
  const metric = filters.metric;
  let statement: LikertStatement | null = null;
  if (metric === 'likert') statement = statements.find((s) => s.id === filters.questionId) ?? statements[0] ?? null;
  const chosen = { ...filters, questionId: metric === 'likert' ? statement?.id : undefined };

  const personas = [...new Set(allJourneys.flatMap((j) => (j.persona ? [j.persona] : [])))].sort();
  const compare = filters.compare.filter((p) => personas.includes(p));
  const columns = compare.length > 0
    ? compare.map((persona) => ({ persona, journeys: allJourneys.filter((j) => j.persona === persona && (!filters.journeyId || j.id === filters.journeyId)) }))
    : [{ persona: null, journeys: allJourneys.filter((j) => (!filters.journeyId || j.id === filters.journeyId) && (!filters.persona || j.persona === filters.persona)) }];

  const base = { ...sliceFilters(filters), ...(compare.length > 0 ? { persona: undefined } : {}), questionId: chosen.questionId };
  const empty = { overall: undefined, groups: [] as Array<Record<string, unknown> & { key: Record<string, string | null> }> };
  const report = (by: Array<'touchpoint' | 'stage' | 'journey'>, range: { from: string; to: string }) =>
    metric === 'likert' && !statement ? Promise.resolve(empty)
      : metricReport(db, auth, { metric, by, interval: 'month', filters: { ...base, ...range } });
  const [tpNow, tpBefore, stages, journeys, overallBefore] = await Promise.all([
    report(['touchpoint'], period.current), report(['touchpoint'], period.previous),
    report(['stage'], period.current), report(['journey'], period.current), report([], period.previous),
  ]);
  const keyed = (groups: typeof empty.groups, dimension: string) =>
    new Map(groups.filter((g) => g.key[dimension]).map((g) => [g.key[dimension] as string, g as Record<string, unknown>]));
  const now_ = keyed(tpNow.groups, 'touchpoint');
  const before = keyed(tpBefore.groups, 'touchpoint');
  const byTouchpoint = new Map<string, TouchpointCell>();
  for (const j of allJourneys) for (const s of j.stages) for (const tp of s.touchpoints) {
    byTouchpoint.set(tp.id, { figure: figureOf(metric, now_.get(tp.id)), change: changeAbove(org.minGroupSize, metric, now_.get(tp.id), before.get(tp.id)) });
  }
  const figures = (groups: typeof empty.groups, dimension: string) =>
    new Map([...keyed(groups, dimension)].map(([id, g]) => [id, figureOf(metric, g)]));
  return {
    organizationName: org.name,
    minGroupSize: org.minGroupSize,
    filters: chosen,
    period,
    allJourneys: allJourneys.map((j) => ({ id: j.id, name: j.name })),
    personas,
    segments,
    units,
    statements,
    statement,
    columns,
    overall: figureOf(metric, tpNow.overall as Record<string, unknown> | undefined),
    overallChange: changeAbove(org.minGroupSize, metric, tpNow.overall as Record<string, unknown> | undefined, overallBefore.overall as Record<string, unknown> | undefined),
    byJourney: figures(journeys.groups, 'journey'),
    byStage: figures(stages.groups, 'stage'),
    byTouchpoint,
  };
}

/** The change, only when both periods have at least the minimum group size (as figures show). */
function changeAbove(min: number, metric: MapMetric, current: Record<string, unknown> | undefined, previous: Record<string, unknown> | undefined): Change | null {
  const enough = (g: Record<string, unknown> | undefined) => typeof g?.n === 'number' && g.n >= min;
  return enough(current) && enough(previous) ? changeBetween(metric, current, previous) : null;
}

// --- rendering -------------------------------------------------------------------------------

export interface PageContext {
  language: UiLanguage;
  t: DashboardStrings;
  s: JourneyPageStrings;
  min: number;
  metric: MapMetric;
}

/** Is there a figure to show? Not when suppressed, empty, or (person-level) below the minimum group size. */
export function showable(f: Figure | undefined, ctx: { min: number }): f is Figure & { n: number; value: number } {
  return Boolean(f && !f.suppressed && f.value !== null && f.n !== null && f.n > 0 && f.n >= ctx.min);
}

export const count = (ctx: PageContext, v: number | null | undefined) => formatNumber(v ?? 0, ctx.language, 0);

/** The value with its band name printed, on the band's colour; or why there is none. */
export function figureValue(f: Figure | undefined, ctx: PageContext): SafeHtml {
  if (!f || (!f.suppressed && (f.n ?? 0) === 0)) return html`<span class="muted">${ctx.t.overview.noAnswers}</span>`;
  if (!showable(f, ctx)) return html`<span class="muted">${ctx.t.overview.tooSmall}</span>`;
  const band = bandOf(ctx.metric, f.value);
  return html`<span class="nps-cell band-${band}"><data value="${f.value}">${formatFigure(ctx.metric, f.value, ctx.language)}</data> <span class="band">(${ctx.t.bands[band]})</span></span>`;
}

export function intervalText(f: Figure | undefined, ctx: PageContext): string {
  return showable(f, ctx) && f.low !== null && f.high !== null
    ? `${formatFigure(ctx.metric, f.low, ctx.language)} … ${formatFigure(ctx.metric, f.high, ctx.language)}` : '–';
}

/** Arrow, signed difference and significance marker; the whole sentence for screen readers. */
export function changeMark(change: Change | null, ctx: PageContext): SafeHtml {
  if (!change) return html`<span class="muted">${ctx.s.noChange}</span>`;
  const digits = digitsOf(ctx.metric);
  // A change that rounds to zero as shown reads as unchanged, not as "▼ −0".
  const shown = Number(Math.abs(change.difference).toFixed(digits));
  const direction = shown === 0 ? 'flat' : change.direction;
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '▶';
  const signed = `${direction === 'up' ? '+' : direction === 'down' ? '−' : '±'}${formatNumber(shown, ctx.language, digits)}`;
  const sentence = ctx.s.changeSentence(direction, signed, ctx.s.unitOf[ctx.metric], change.significant,
    change.p === null ? '–' : formatNumber(change.p, ctx.language, 3));
  return html`<span class="jm-change jm-${direction}"><span aria-hidden="true">${arrow} ${signed}${change.significant ? raw('<sup class="sig">*</sup>') : ''}</span><span class="visually-hidden">${sentence}</span></span>`;
}

function metricName(ctx: PageContext, statement: LikertStatement | null): string {
  return ctx.metric === 'likert' ? `${ctx.s.metricNames.likert}: ${statement?.label ?? '–'}` : ctx.s.metricNames[ctx.metric];
}

export function filterForm(input: {
  action: string; ctx: PageContext; filters: PageFilters; period: Period; allJourneys: Array<{ id: string; name: string }>;
  units: Array<{ id: string; name: string }>; personas: string[]; statements: LikertStatement[]; showCompare: boolean; showMetric: boolean;
  segments?: string[];
}): SafeHtml {
  const { ctx, filters: f } = input;
  const { t, s } = ctx;
  const option = filterOption;
  return sharedFilterForm({
    t, action: input.action, filters: f, period: input.period, periodNote: periodNote(ctx.language, input.period), journeys: input.allJourneys, units: input.units, personas: input.personas, segments: input.segments,
    before: input.showMetric ? html`<div class="field"><label for="f-metric">${s.metric}</label><select id="f-metric" name="metric">
    ${mapMetrics.map((m) => option(m, s.metricNames[m], m === f.metric))}
  </select></div>
  ${input.statements.length > 0 ? html`<div class="field"><label for="f-question">${s.statement}</label><select id="f-question" name="question">
    ${input.statements.map((q) => option(q.id, `${q.label} (${q.survey})`, q.id === f.questionId))}
  </select></div>` : ''}` : '',
    after: input.showCompare && input.personas.length > 1 ? html`<fieldset class="field jm-compare"><legend>${s.comparePersonas}</legend>
    ${input.personas.map((p, i) => html`<label class="check"><input type="checkbox" name="compare" value="${p}" id="f-compare-${i}"${f.compare.includes(p) ? raw(' checked') : ''}> ${p}</label>`)}
  </fieldset>` : '',
  });
}

function touchpointHref(id: string, f: PageFilters): string {
  return `/app/touchpoints/${id}${filterQuery(f, ['compare', 'journey', 'persona'])}`;
}

function journeyMap(journey: Journey, m: JourneyMap, ctx: PageContext, idPrefix: string, dctx: DownloadContext): SafeHtml {
  const { t, s } = ctx;
  const id = `${idPrefix}-${journey.id}`;
  const table = journeyTable(journey, m, ctx, idPrefix);
  const rows = journey.stages.flatMap((stage) => stage.touchpoints.map((tp) => m.byTouchpoint.get(tp.id)));
  const whole = m.byJourney.get(journey.id);
  return html`
<section class="jm-journey" aria-labelledby="${id}">
  <h3 id="${id}">${journey.name}</h3>
  <p>${t.overview.wholeJourney}: ${figureValue(whole, ctx)} <span class="muted">(n = ${showable(whole, ctx) || whole?.n ? count(ctx, whole?.n) : '–'})</span></p>
  ${journey.stages.length === 0 ? html`<p class="muted">${s.noStages}</p>` : html`
  <ol class="jm-stages">${journey.stages.map((stage) => {
    const sf = m.byStage.get(stage.id);
    return html`
    <li class="jm-stage"><h4><span class="phase">${t.phases[stage.phase]}</span> ${stage.name}</h4>
      <p class="jm-stage-figure">${figureValue(sf, ctx)}</p>
      ${stage.touchpoints.length === 0 ? html`<p class="muted">${s.noTouchpoints}</p>` : html`<ul class="jm-touchpoints">${stage.touchpoints.map((tp) => {
        const cell = m.byTouchpoint.get(tp.id);
        const f = cell?.figure;
        const band = showable(f, ctx) ? bandOf(ctx.metric, f.value) : 'none';
        return html`<li class="jm-cell jm-band-${band}">
        <a class="jm-name" href="${touchpointHref(tp.id, m.filters)}">${tp.name}</a>
        <span class="jm-channel">${t.channelNames[tp.channel] ?? tp.channel}</span>
        <span class="jm-value">${figureValue(f, ctx)}</span>
        <span class="jm-n">n = ${f && !f.suppressed ? count(ctx, f.n) : '–'}</span>
        ${changeMark(cell?.change ?? null, ctx)}
      </li>`;
      })}</ul>`}
    </li>`;
  })}
  </ol>`}
  ${tableHtml(table, dctx, { collapsed: true, cell: (r, i, value) => mapCell(rows[r], i, value, ctx) })}
</section>`;
}

// --- tables (also the CSV/XLSX downloads, src/pages/downloads.ts) ------------------------------

/** A figure as a table cell: the number as shown, or why there is none. */
export function valueCell(f: Figure | undefined, ctx: PageContext): TableCell {
  if (!f || (!f.suppressed && (f.n ?? 0) === 0)) return ctx.t.overview.noAnswers;
  return showable(f, ctx) ? f.value : ctx.t.overview.tooSmall;
}
export const intervalCell = (f: Figure | undefined, ctx: PageContext): TableCell =>
  showable(f, ctx) && f.low !== null && f.high !== null ? [f.low, f.high] : null;
export const nCell = (f: Figure | undefined): TableCell => (f && !f.suppressed && f.n !== null ? f.n : null);

/** The value column's heading: the metric, with its unit. */
export const valueLabel = (ctx: PageContext) => `${ctx.s.value}${ctx.metric === 'csat' || ctx.metric === 'likert' ? ' (%)' : ''}`;

/** A value as the page shows it: the number first, then its band, on the band's colour. */
export function valueHtml(value: number, ctx: PageContext): SafeHtml {
  const band = bandOf(ctx.metric, value);
  return html`<span class="nps-cell band-${band}">${numberHtml(value, ctx.language, digitsOf(ctx.metric))}${ctx.metric === 'csat' || ctx.metric === 'likert' ? ' %' : ''} <span class="band">(${ctx.t.bands[band]})</span></span>`;
}

export function journeyTable(journey: Journey, m: JourneyMap, ctx: PageContext, idPrefix: string): TableModel {
  const { t, s } = ctx;
  const digits = digitsOf(ctx.metric);
  return {
    id: `map-${idPrefix}-${journey.id}`,
    title: s.tableOf(journey.name),
    columns: [
      { label: t.overview.touchpoint, kind: 'text' }, { label: t.overview.stage, kind: 'text' }, { label: t.overview.channel, kind: 'text' },
      { label: t.overview.answers, kind: 'number' }, { label: valueLabel(ctx), kind: 'number', digits }, { label: t.overview.ci95, kind: 'interval', digits },
      { label: s.changeHeading, kind: 'number', digits }, { label: s.pValue, kind: 'number', digits: 3 },
    ],
    rows: journey.stages.flatMap((stage) => stage.touchpoints.map((tp) => {
      const cell = m.byTouchpoint.get(tp.id);
      const f = cell?.figure;
      return [tp.name, stage.name, t.channelNames[tp.channel] ?? tp.channel, nCell(f), valueCell(f, ctx), intervalCell(f, ctx),
        cell?.change?.difference ?? null, cell?.change?.p ?? null];
    })),
  };
}

/** Page markup of a map table cell: the value with its band, the change with its arrow and marker. */
function mapCell(cell: TouchpointCell | undefined, column: number, value: TableCell, ctx: PageContext): SafeHtml | undefined {
  if (column === 4 && typeof value === 'number') return valueHtml(value, ctx);
  if (column === 6) return changeMark(cell?.change ?? null, ctx);
  return undefined;
}

export interface JourneyMapPage {
  language: UiLanguage;
  t: DashboardStrings;
  s: JourneyPageStrings;
  userName: string;
  map: JourneyMap;
  invalidFilters: string[];
  languageHref: (language: UiLanguage) => string;
  /** Which permissions the reader has (the navigation shows only their pages). */
  can?: (permission: Permission) => boolean;
  /** This page's URL (path and query), which the download links extend. */
  pageUrl: string;
  /** The reader's unread notifications, for the bell in the banner (none: no bell). */
  unread?: number;
}

export function fieldLabels(t: DashboardStrings, s: JourneyPageStrings): Record<string, string> {
  return {
    from: t.filters.from, to: t.filters.to, journey: t.filters.journey, channel: t.filters.channel, unit: t.filters.unit,
    segment: t.filters.segment, language: t.filters.responseLanguage, persona: t.filters.persona,
    metric: s.metric, question: s.statement, compare: s.comparePersonas,
  };
}

/** Every table of the map, for `answerDownload`. */
export function mapDownloads(map: JourneyMap, language: UiLanguage, t: DashboardStrings, s: JourneyPageStrings): TableModel[] {
  const ctx: PageContext = { language, t, s, min: map.minGroupSize, metric: map.filters.metric };
  return map.columns.flatMap((column, i) => column.journeys.map((j) => journeyTable(j, map, ctx, `c${i}`)));
}

export function renderJourneyMap(page: JourneyMapPage): SafeHtml {
  const { t, s, map: m, language } = page;
  const ctx: PageContext = { language, t, s, min: m.minGroupSize, metric: m.filters.metric };
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, language, 'UTC');
  const labels = fieldLabels(t, s);
  const noResponses = !m.overall || (!m.overall.suppressed && (m.overall.n ?? 0) === 0);
  const noStatement = ctx.metric === 'likert' && !m.statement;
  const comparing = m.columns.length > 1 || m.columns[0]?.persona !== null;
  const dctx: DownloadContext = { language, url: page.pageUrl };
  const body = html`
<h1>${s.mapTitle}</h1>
<p class="lead">${s.mapIntro}</p>
${page.invalidFilters.length > 0 ? html`<div class="error-summary" role="alert"><ul>${page.invalidFilters.map((f) => html`<li>${t.filters.invalid(labels[f] ?? f)}</li>`)}</ul></div>` : ''}
${filterForm({ action: '/app/journeys', ctx, filters: m.filters, period: m.period, allJourneys: m.allJourneys, units: m.units, personas: m.personas, segments: m.segments, statements: m.statements, showCompare: true, showMetric: true })}
<p><strong>${metricName(ctx, m.statement)}</strong> · ${t.overview.period(day(m.period.from), day(m.period.to))}
  <span class="muted">· ${s.previousPeriod(day(m.period.previousDays.from), day(m.period.previousDays.to))}</span></p>
<p class="headline" id="headline">${s.wholeSlice}: ${figureValue(m.overall, ctx)} <span class="muted">(${t.overview.ci95} ${intervalText(m.overall, ctx)}; n = ${m.overall && !m.overall.suppressed ? count(ctx, m.overall.n) : '–'})</span> ${changeMark(m.overallChange, ctx)}</p>
<p class="legend muted">${s.mapLegend(m.minGroupSize)}</p>
${noStatement ? html`<div class="empty" role="status"><h2>${s.noStatementsTitle}</h2><p>${s.noStatementsBody}</p></div>`
  : noResponses ? html`<div class="empty" role="status"><h2>${t.overview.emptyTitle}</h2><p>${t.overview.emptyBody}</p></div>` : ''}
${m.columns.every((c) => c.journeys.length === 0) ? html`<p class="notice">${t.overview.noJourneys}</p>` : html`
<div class="${comparing ? 'jm-columns' : 'jm-single'}">${m.columns.map((column, i) => html`
  <section class="jm-column" aria-labelledby="col-${i}">
    <h2 id="col-${i}">${column.persona === null ? s.journeysHeading : s.personaColumn(column.persona)}</h2>
    ${column.journeys.length === 0 ? html`<p class="muted">${t.overview.noJourneys}</p>` : column.journeys.map((j) => journeyMap(j, m, ctx, `c${i}`, dctx))}
  </section>`)}
</div>`}
`;
  return appShell({
    language, t, title: s.mapTitle, current: 'journeys', userName: page.userName, organizationName: m.organizationName,
    languageHref: page.languageHref, body, can: page.can, unread: page.unread,
  });
}
