/**
 * The overview's key figures at a glance: NPS, CSAT and CES of the filtered slice and period,
 * each with its 95 % interval and n, and the change against the period of the same length just
 * before with the significance test that fits the metric (metrics/change.ts, the tests the
 * journey map uses). A figure or change is shown only where each period has at least the
 * minimum group size, as every other figure on the page.
 */
import type { AuthContext } from '../auth/permissions.ts';
import type { Queryable } from '../db/connection.ts';
import { formatDate, formatNumber, formatP, type UiLanguage } from '../i18n/index.ts';
import { changeAmount, kpiText, type KpiMetric } from '../i18n/kpi-tiles.ts';
import { changeBetween, numberOr, type Change, type SummaryFields } from '../metrics/change.ts';
import type { MetricFilters } from '../metrics/queries.ts';
import { metricReport } from '../metrics/service.ts';
import { html, type SafeHtml } from './html.ts';

const KPI_METRICS: KpiMetric[] = ['nps', 'csat', 'ces'];

export interface KpiTile {
  metric: KpiMetric;
  /** The figure, or why there is none. */
  figure: { value: number; low: number | null; high: number | null; n: number } | 'none' | 'too_few';
  change: Change | null;
}

export interface KpiTiles {
  tiles: KpiTile[];
  /** The previous period, as inclusive calendar days. */
  previous: { from: string; to: string };
}


/** The figure in the unit the tile shows: NPS points, CSAT per cent (top-2-box), CES scale mean. */
function figureOf(metric: KpiMetric, s: SummaryFields, min: number): KpiTile['figure'] {
  const n = numberOr(s.n);
  if (s.suppressed === true || (n !== null && n > 0 && n < min)) return 'too_few';
  const value = numberOr(metric === 'nps' ? s.nps : metric === 'csat' ? s.topBoxShare : s.mean);
  if (!n || value === null) return 'none';
  const ci = Array.isArray(s.ci95) ? s.ci95.map(numberOr) : [null, null];
  const scale = metric === 'csat' ? 100 : 1;
  return { value: value * scale, low: ci[0] === null ? null : ci[0] * scale, high: ci[1] === null ? null : ci[1] * scale, n };
}

/**
 * The tiles for a slice: `current` are the page's metric filters; `previous` the same filters over
 * the period before (its `from`/`to` instants and calendar days).
 */
export async function loadKpiTiles(db: Queryable, auth: AuthContext, current: MetricFilters, previous: { filters: MetricFilters; from: string; to: string }, min: number): Promise<KpiTiles> {
  const report = (metric: KpiMetric, filters: MetricFilters) => metricReport(db, auth, { metric, by: [], interval: 'month', filters });
  const reports = await Promise.all(KPI_METRICS.flatMap((m) => [report(m, current), report(m, previous.filters)]));
  const tiles = KPI_METRICS.map((metric, i): KpiTile => {
    const now = reports[2 * i].overall as SummaryFields;
    const before = reports[2 * i + 1].overall as SummaryFields;
    const enough = (s: SummaryFields) => s.suppressed !== true && (numberOr(s.n) ?? 0) >= Math.max(1, min);
    return { metric, figure: figureOf(metric, now, min), change: enough(now) && enough(before) ? changeBetween(metric, now, before) : null };
  });
  return { tiles, previous: { from: previous.from, to: previous.to } };
}

const digitsOf = (metric: KpiMetric) => (metric === 'ces' ? 1 : 0);

function tile(t: KpiTile, language: UiLanguage, words: { noAnswers: string; tooSmall: string }): SafeHtml {
  const s = kpiText(language);
  const digits = digitsOf(t.metric);
  const fmt = (v: number) => formatNumber(v, language, digits);
  const unit = t.metric === 'csat' ? ' %' : '';
  const f = t.figure;
  const figure = f === 'none' ? html`<p class="kpi-value muted">${words.noAnswers}</p>`
    : f === 'too_few' ? html`<p class="kpi-value muted">${words.tooSmall}</p>`
      : html`<p class="kpi-value"><data value="${f.value}">${fmt(f.value)}${unit}</data></p>
<p class="muted">${f.low !== null && f.high !== null ? html`${s.interval(fmt(f.low), fmt(f.high))}; ` : ''}n = <data class="n" value="${f.n}">${formatNumber(f.n, language, 0)}</data></p>`;
  const c = t.change;
  let change: SafeHtml | string = '';
  if (typeof f === 'object') {
    if (!c) change = html`<p class="kpi-change muted">${s.noPrevious}</p>`;
    else {
      // The amount as the tile writes it; "no change" when it rounds to zero.
      const shown = Math.abs(Number(c.difference.toFixed(digits)));
      const amount = changeAmount(language, t.metric, shown, formatNumber(shown, language, digits));
      const direction = shown === 0 ? s.flat : c.difference > 0 ? s.up(amount) : s.down(amount);
      const p = c.p === null ? '–' : formatP(c.p, language);
      change = html`<p class="kpi-change${c.significant ? ' significant' : ''}">${direction}: ${c.significant ? s.significant(p) : s.notSignificant(p)}</p>`;
    }
  }
  return html`<li class="kpi"><h3>${s.names[t.metric]} <span class="kpi-means">${s.means[t.metric]}</span></h3>${figure}${change}</li>`;
}

/** The tiles section; `words` are the overview's own phrases for an empty or too small slice. */
export function renderKpiTiles(k: KpiTiles, language: UiLanguage, words: { noAnswers: string; tooSmall: string }): SafeHtml {
  const s = kpiText(language);
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, language, 'UTC');
  return html`<section class="kpis" aria-labelledby="kpi-heading">
<h2 id="kpi-heading">${s.heading}</h2>
<ul class="kpi-tiles">${k.tiles.map((t) => tile(t, language, words))}</ul>
<p class="muted">${s.compared(day(k.previous.from), day(k.previous.to))}</p>
</section>`;
}
