/**
 * Open answers (/app/text): topic × sentiment, topic trends by month, emerging themes and a
 * search over the answers. Figures are `topicReport` / `themeReport`'s and the answers
 * `verbatimPage`'s (src/text/service.ts): redacted, scoped to the caller, small groups hidden
 * in person-level views. The page turns shares into percentages and orders topics by mentions.
 */
import type { Queryable } from '../db/connection.ts';
import { allows, type AuthContext } from '../auth/permissions.ts';
import { themeReport, topicReport, verbatimPage } from '../text/service.ts';
import { SENTIMENTS } from '../text/insights.ts';
import { TEXT_SOURCES, type TextSource } from '../text/queries.ts';
import { orgTaxonomy } from '../text/taxonomy.ts';
import type { SentimentLabel } from '../text/sentiment.ts';
import { formatDate, formatNumber, type UiLanguage } from '../i18n/index.ts';
import type { DashboardStrings } from '../i18n/dashboard.ts';
import type { AnalysisStrings } from '../i18n/analysis-pages.ts';
import { html, type SafeHtml } from './html.ts';
import { uncertainMarker } from './text-confidence.ts';
import { isLanguage } from '../vocabulary.ts';
import { chartHtml, tableHtml, type ChartModel, type DownloadContext, type TableModel } from './downloads.ts';
import { stackedBarChart } from './analysis-charts.ts';
import { firstParam, invalidSummary, option, parseSliceFilters, serviceFilters, sliceFields, type Query, type SliceFilters } from './analysis-common.ts';
import { periodNote, shownPeriod } from './default-period.ts';
import type { DefaultPeriod } from '../orgs/settings.ts';

/** Topics in the trend table: the most mentioned. */
export const TREND_TOPICS = 6;
export const VERBATIMS_PER_PAGE = 20;

export interface TextChoice {
  filters: SliceFilters;
  source?: TextSource;
  q?: string;
  topic?: string;
  sentiment?: SentimentLabel;
  cursor?: string;
  invalid: string[];
}

export function parseTextChoice(query: Query): TextChoice {
  const { filters, invalid } = parseSliceFilters(query);
  const source = firstParam(query, 'source');
  const sentiment = firstParam(query, 'sentiment');
  const q = firstParam(query, 'q');
  const topic = firstParam(query, 'topic');
  if (source && !(TEXT_SOURCES as readonly string[]).includes(source)) invalid.push('source');
  if (sentiment && !(SENTIMENTS as readonly string[]).includes(sentiment)) invalid.push('sentiment');
  if (q && q.length > 200) invalid.push('q');
  if (topic && !/^[a-z][a-z0-9_]{0,62}$/.test(topic)) invalid.push('topic');
  return {
    filters,
    source: (TEXT_SOURCES as readonly string[]).includes(source ?? '') ? source as TextSource : undefined,
    sentiment: (SENTIMENTS as readonly string[]).includes(sentiment ?? '') ? sentiment as SentimentLabel : undefined,
    q: q && q.length <= 200 ? q : undefined,
    topic: topic && /^[a-z][a-z0-9_]{0,62}$/.test(topic) ? topic : undefined,
    cursor: firstParam(query, 'cursor'),
    invalid,
  };
}

/** Without from/to in the URL, the organisation's default period (the end stays open unless asked). */
export async function loadText(db: Queryable, auth: AuthContext, choice: TextChoice, timeZone: string, now: Date, defaultPeriod: DefaultPeriod) {
  const shown = shownPeriod(choice.filters, defaultPeriod, now, timeZone);
  const period = { ...choice.filters, from: shown.from };
  const filters = { ...serviceFilters(period, timeZone), ...(choice.source ? { source: choice.source } : {}) };
  const canRead = allows(auth, 'responses:read');
  const taxonomy = await orgTaxonomy(db, auth.orgId);
  if (choice.topic && !taxonomy.topicIds.includes(choice.topic)) {
    choice.invalid.push('topic');
    delete choice.topic;
  }
  const [topics, themes, verbatims] = await Promise.all([
    topicReport(db, auth, { filters, interval: 'month' }),
    themeReport(db, auth, { filters, interval: 'month' }),
    canRead ? verbatimPage(db, auth, { filters, topic: choice.topic, sentiment: choice.sentiment, q: choice.q, limit: VERBATIMS_PER_PAGE, cursor: choice.cursor }) : Promise.resolve(null),
  ]);
  return { choice, period, shown, topicIds: taxonomy.topicIds, topics, themes, verbatims };
}
export type TextData = Awaited<ReturnType<typeof loadText>>;

// --- tables and charts ---------------------------------------------------------------------------

const topicName = (a: AnalysisStrings, id: string) => a.text.topicNames[id] ?? id.replace(/_/g, ' ');
const pct = (share: number | null | undefined) => (share === null || share === undefined ? null : 100 * share);

/** Mentioned topics, most mentions first (hidden ones last); the taxonomy order breaks ties. */
export function mentionedTopics(data: TextData) {
  return data.topics.matrix.rows
    .map((row, i) => ({ row, i }))
    .filter(({ row }) => row.suppressed || (row.mentions ?? 0) > 0)
    .sort((x, y) => (y.row.mentions ?? -1) - (x.row.mentions ?? -1) || x.i - y.i)
    .map(({ row }) => row);
}

export function sentimentTable(data: TextData, a: AnalysisStrings): TableModel {
  const s = a.text;
  return {
    id: 'text-topics', title: s.matrixTable,
    columns: [
      { label: s.topic, kind: 'text' }, { label: s.mentions, kind: 'number' }, { label: s.mentionShare, kind: 'number', digits: 1 },
      ...SENTIMENTS.slice().reverse().map((k) => ({ label: s.sentiments[k], kind: 'number' as const, digits: 1 })),
      { label: s.netSentiment, kind: 'number', digits: 1 },
    ],
    rows: mentionedTopics(data).map((row) => row.suppressed
      ? [topicName(a, row.topic), a.common.hidden, null, null, null, null, null]
      : [topicName(a, row.topic), row.mentions, pct(row.mentionShare), pct(row.shares?.negative), pct(row.shares?.neutral), pct(row.shares?.positive), pct(row.netSentiment)]),
  };
}

export function sentimentChart(data: TextData, a: AnalysisStrings, language: UiLanguage): ChartModel {
  const s = a.text;
  const rows = mentionedTopics(data).filter((r) => !r.suppressed && r.shares);
  const svg = stackedBarChart(rows.map((r) => ({
    label: topicName(a, r.topic),
    parts: (['negative', 'neutral', 'positive'] as const).map((k) => ({ key: k, share: r.shares?.[k] ?? 0, label: `${s.sentiments[k]} ${formatNumber(pct(r.shares?.[k]), language, 0)} %` })),
    note: `n = ${formatNumber(r.mentions, language, 0)}`,
  })), {
    id: 'text-topics-chart', title: s.matrixHeading, desc: s.matrixDesc,
    legend: (['negative', 'neutral', 'positive'] as const).map((k) => ({ key: k, label: s.sentiments[k] })),
  });
  return { id: 'text-topics-chart', title: s.matrixHeading, svg };
}

export function trendTable(data: TextData, a: AnalysisStrings, language: UiLanguage): TableModel {
  const s = a.text;
  const top = mentionedTopics(data).filter((r) => !r.suppressed).slice(0, TREND_TOPICS).map((r) => r.topic);
  return {
    id: 'text-trend', title: s.trendTable,
    columns: [{ label: s.period, kind: 'text' }, { label: s.count, kind: 'number' }, ...top.map((id) => ({ label: topicName(a, id), kind: 'number' as const, digits: 1 }))],
    rows: data.topics.trend.map((p) => [
      formatDate(`${p.period.slice(0, 10)}T12:00:00Z`, language, 'UTC', { month: 'long', year: 'numeric' }),
      p.suppressed ? a.common.hidden : p.answers,
      ...top.map((id) => {
        const cell = p.topics.find((c) => c.topic === id);
        return !cell || cell.suppressed ? null : pct(cell.share);
      }),
    ]),
  };
}

/** Themes of the latest month that has any. */
export function themesTable(data: TextData, a: AnalysisStrings, language: UiLanguage): TableModel & { period?: string } {
  const s = a.text;
  const latest = [...data.themes.periods].reverse().find((p) => p.themes.length > 0);
  const label = latest ? formatDate(`${latest.period.slice(0, 10)}T12:00:00Z`, language, 'UTC', { month: 'long', year: 'numeric' }) : '';
  return {
    id: 'text-themes', title: s.themesTable(label), period: latest?.period,
    columns: [{ label: s.theme, kind: 'text' }, { label: s.count, kind: 'number' }],
    rows: (latest?.themes ?? []).map((t) => [t.phrase, t.count]),
  };
}

export function textDownloads(data: TextData, a: AnalysisStrings, language: UiLanguage): Array<TableModel | ChartModel> {
  return [sentimentChart(data, a, language), sentimentTable(data, a), trendTable(data, a, language), themesTable(data, a, language)];
}

// --- page ---------------------------------------------------------------------------------------

export function renderText(data: TextData, ctx: { a: AnalysisStrings; t: DashboardStrings; language: UiLanguage; timeZone: string; units: Array<{ id: string; name: string }>; downloads: DownloadContext; pageUrl: string }): SafeHtml {
  const { a, t, language } = ctx;
  const s = a.text;
  const c = data.choice;
  const n = (v: number | null | undefined) => formatNumber(v ?? null, language, 0);
  const labels: Record<string, string> = { from: a.common.from, to: a.common.to, channel: a.common.channel, unit: a.common.unit, source: s.source, sentiment: s.sentiment, q: s.query, topic: s.topic };
  const matrix = data.topics.matrix;
  const form = html`<form class="filters" method="get" action="/app/text" aria-labelledby="text-filters">
  <h2 id="text-filters" class="visually-hidden">${a.common.filtersHeading}</h2>
  ${sliceFields(data.period, ctx.units, a, t, data.shown)}
  <div class="field"><label for="f-source">${s.source}</label><select id="f-source" name="source">
    ${option('', s.allSources, !c.source)}${TEXT_SOURCES.map((k) => option(k, s.sources[k] ?? k, k === c.source))}</select></div>
  <div class="field"><button class="button" type="submit">${a.common.show}</button></div>
  <div class="field"><a href="/app/text">${a.common.reset}</a></div>
</form>${periodNote(language, data.shown)}`;
  const empty = data.topics.suppressed ? a.common.hidden : (matrix.answers ?? 0) === 0 ? s.noAnswers : undefined;
  const themes = themesTable(data, a, language);
  const hiddenFields = (keep: SliceFilters & { source?: string }) => Object.entries({ from: keep.from, to: keep.to, channel: keep.channel, unit: keep.unitId, source: keep.source })
    .filter((e): e is [string, string] => typeof e[1] === 'string').map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`);
  const v = data.verbatims;
  const nextHref = v?.nextCursor ? (() => { const u = new URL(ctx.pageUrl, 'http://local'); u.searchParams.delete('download'); u.searchParams.set('cursor', v.nextCursor); return `${u.pathname}?${u.searchParams.toString()}#search-heading`; })() : undefined;
  const search = v === null ? html`` : html`<section aria-labelledby="search-heading"><h2 id="search-heading">${s.searchHeading}</h2>
<form class="filters" method="get" action="/app/text#search-heading" role="search" aria-labelledby="search-heading">
  ${hiddenFields({ ...data.period, source: c.source })}
  <div class="field"><label for="f-q">${s.query}</label><input id="f-q" name="q" type="search" maxlength="200" value="${c.q ?? ''}"></div>
  <div class="field"><label for="f-topic">${s.topic}</label><select id="f-topic" name="topic">${option('', s.anyTopic, !c.topic)}${data.topicIds.map((id) => option(id, topicName(a, id), id === c.topic))}</select></div>
  <div class="field"><label for="f-sentiment">${s.sentiment}</label><select id="f-sentiment" name="sentiment">${option('', s.anySentiment, !c.sentiment)}${SENTIMENTS.map((k) => option(k, s.sentiments[k], k === c.sentiment))}</select></div>
  <div class="field"><button class="button" type="submit">${s.search}</button></div>
</form>
${v.wordsOnly ? html`<p class="muted">${s.wordsOnly}</p>` : ''}
${v.items.length === 0 ? html`<p class="notice" role="status">${s.noVerbatims}</p>` : html`<ul class="verbatims">${v.items.map((item) => html`<li><figure>
<blockquote lang="${isLanguage(item.language) ? item.language : ''}">${item.text}</blockquote>
<figcaption class="muted">${[
  item.submittedAt === null ? null : formatDate(item.submittedAt, language, ctx.timeZone),
  html`${s.sentiments[item.sentiment as SentimentLabel] ?? item.sentiment}${uncertainMarker(item.lowConfidence, language)}`,
  item.topics.map((id: string) => topicName(a, id)).join(', '), item.npsScore === null ? null : `${s.nps} ${item.npsScore}`, item.touchpoint,
].filter(Boolean).map((part, i) => html`${i > 0 ? ' · ' : ''}${part}`)}</figcaption>
</figure></li>`)}</ul>`}
<p>${c.cursor ? html`<a href="${(() => { const u = new URL(ctx.pageUrl, 'http://local'); u.searchParams.delete('cursor'); u.searchParams.delete('download'); return `${u.pathname}?${u.searchParams.toString()}#search-heading`; })()}">${a.common.first}</a> ` : ''}${nextHref ? html`<a href="${nextHref}" rel="next">${a.common.next}</a>` : ''}</p>
</section>`;
  return html`<h1>${s.title}</h1>
<p class="lead">${s.intro}</p>
${invalidSummary(c.invalid, a, labels)}
${form}
${empty ? html`<div class="empty" role="status"><p>${empty}</p></div>` : html`
<p>${s.answers(n(matrix.answers), n(matrix.withoutTopic))}</p>
<section aria-labelledby="topics-heading"><h2 id="topics-heading">${s.matrixHeading}</h2>
${chartHtml(sentimentChart(data, a, language), ctx.downloads)}
${tableHtml(sentimentTable(data, a), ctx.downloads)}</section>
<section aria-labelledby="trend-heading"><h2 id="trend-heading">${s.trendHeading}</h2>
<p class="muted">${s.trendIntro}</p>
${tableHtml(trendTable(data, a, language), ctx.downloads)}</section>
<section aria-labelledby="themes-heading"><h2 id="themes-heading">${s.themesHeading}</h2>
<p class="muted">${s.themesIntro}</p>
${themes.rows.length === 0 ? html`<p class="notice">${s.noThemes}</p>` : tableHtml(themes, ctx.downloads)}</section>`}
${search}`;
}
