/**
 * Industry benchmarks (/app/benchmarks, metrics:read as GET /api/v1/benchmarks/compare): for
 * each measure with imported figures for the organisation's industry, the organisation's own
 * value over the filter bar's period (the organisation's default period when none is chosen, said
 * under the bar), its percentile among the organisations of the benchmark's latest period (or the
 * one picked from the measure's other periods), the benchmark's n and period — in words. There is
 * no unit or channel filter: a benchmark places whole organisations, and the page says so. An
 * empty state says what to do when nothing has been imported or the organisation has no industry.
 */
import type { FastifyInstance } from 'fastify';
import { benchmarkMetrics, periodPattern, type BenchmarkMetric } from '../benchmarks/benchmarks.ts';
import { benchmarkComparison, listBenchmarks } from '../benchmarks/service.ts';
import { KaikuError } from '../errors.ts';
import { formatDate, formatNumber, type UiLanguage } from '../i18n/index.ts';
import { analysisText } from '../i18n/analysis-pages.ts';
import { benchmarkText, type BenchmarkStrings } from '../i18n/segments-benchmarks.ts';
import { getOrganization } from '../orgs/service.ts';
import { html, type SafeHtml } from './html.ts';
import { hiddenFields, notice, one, page } from './page-kit.ts';
import { pageSlice, periodFields, type Query } from './analysis-common.ts';
import { periodNote, type ShownPeriod } from './default-period.ts';

type Comparison = Awaited<ReturnType<typeof benchmarkComparison>>;

/** "2025-Q3" as the reader says it ("Q3 2025", "3. neljännes 2025"). */
export function periodInWords(period: string, s: BenchmarkStrings): string {
  const m = periodPattern.exec(period);
  if (!m) return period;
  return s.period(Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null);
}

function valueText(metric: BenchmarkMetric, value: number, language: UiLanguage): string {
  switch (metric) {
    case 'nps': return formatNumber(value, language);
    case 'csat': return `${formatNumber(value, language)} %`;
    case 'ces': return formatNumber(value, language, 1);
  }
}

/** The shown period's first and last day as the reader writes dates. */
const daysInWords = (shown: ShownPeriod, language: UiLanguage): [string, string] =>
  [formatDate(`${shown.from}T12:00:00Z`, language, 'UTC'), formatDate(`${shown.to}T12:00:00Z`, language, 'UTC')];

function comparisonView(c: Comparison, s: BenchmarkStrings, language: UiLanguage, shown: ShownPeriod): SafeHtml {
  const name = s.metrics[c.metric];
  const period = periodInWords(c.period, s);
  const [from, to] = daysInWords(shown, language);
  const own = c.organisation;
  const position = c.position === 'within' && c.percentile !== null ? s.at(Math.round(c.percentile), c.benchmark.n, period)
    : c.position === 'below' ? s.below(c.bound!, c.benchmark.n, period)
    : c.position === 'above' ? s.above(c.bound!, c.benchmark.n, period) : '';
  return html`<p>${own.value === null ? s.noAnswers(name, from, to) : s.own(name, from, to, valueText(c.metric, own.value, language), own.n)}</p>
${position ? html`<p><strong>${position}</strong></p>` : ''}
${c.benchmark.source ? html`<p class="muted">${s.source(c.benchmark.source)}</p>` : ''}`;
}

export async function benchmarkPageRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const now = () => (app.deps.now ?? (() => new Date()))();

  page(app, 'GET', '/app/benchmarks', 'metrics:read', async (request, _reply, p) => {
    const s = benchmarkText(p.language);
    const a = analysisText(p.language);
    // Only the period applies; a unit or channel in the address is not read (the page says why).
    const slice = await pageSlice(db, p, request.query as Query, now(), a);
    const own = { from: slice.service.from, to: slice.service.to };
    const picked: Record<string, string | undefined> = Object.fromEntries(benchmarkMetrics.map((m) => [m, one(request.query, m)]));
    const org = await getOrganization(db, p.auth.orgId);
    const imported = await listBenchmarks(db, p.auth.orgId, {});
    const head = html`<h1>${s.title}</h1><p class="lead">${s.intro}</p>`;
    if (imported.length === 0) return p.send('benchmarks', s.title, html`${head}<div class="empty" role="status"><p>${s.empty}</p></div>`);
    if (!org.industry) return p.send('benchmarks', s.title, html`${head}<div class="empty" role="status"><p>${s.noIndustry}</p></div>`);
    // Links to another benchmark period keep the chosen days.
    const linkQuery = (metric: BenchmarkMetric, period: string) => new URLSearchParams({
      ...(slice.filters.from ? { from: slice.filters.from } : {}), ...(slice.filters.to ? { to: slice.filters.to } : {}), [metric]: period,
    }).toString();
    const sections: SafeHtml[] = [];
    let unknownPeriod = false;
    for (const metric of benchmarkMetrics) {
      const periods = imported.filter((r) => r.industry === org.industry && r.metric === metric).map((r) => r.period);
      // ?nps=2024 picks a period of that measure's benchmark; the latest by default.
      const asked = one(request.query, metric)?.toUpperCase();
      const period = asked !== undefined && periods.includes(asked) ? asked : periods[0];
      if (asked !== undefined && asked !== period) unknownPeriod = true;
      let body: SafeHtml;
      if (!period) body = html`<p class="muted">${s.noFigures}</p>`;
      else {
        try {
          body = comparisonView(await benchmarkComparison(db, p.auth, { metric, period, own }), s, p.language, slice.shown);
        } catch (error) {
          // A person-level reader's own customers under the minimum group size: not shown, as in the API.
          if (!(error instanceof KaikuError) || error.code !== 'group_too_small') throw error;
          body = html`<p>${s.tooFewAnswers(...daysInWords(slice.shown, p.language), org.minGroupSize)}</p>`;
        }
        const others = periods.filter((x) => x !== period);
        if (others.length > 0) {
          body = html`${body}<p>${s.otherPeriods} ${others.map((x, i) => html`${i > 0 ? ', ' : ''}<a href="/app/benchmarks?${linkQuery(metric, x)}">${periodInWords(x, s)}</a>`)}</p>`;
        }
      }
      sections.push(html`<section aria-labelledby="benchmark-${metric}"><h2 id="benchmark-${metric}">${s.metrics[metric]}</h2>${body}</section>`);
    }
    const form = html`<form class="filters" method="get" action="/app/benchmarks" aria-labelledby="benchmark-filters">
  <h2 id="benchmark-filters" class="visually-hidden">${a.common.filtersHeading}</h2>
  ${hiddenFields(picked)}${periodFields(slice.shown, a)}
  <div class="field"><button class="button" type="submit">${a.common.show}</button></div>
  <div class="field"><a href="/app/benchmarks">${a.common.reset}</a></div>
</form>${periodNote(p.language, slice.shown)}
<p class="muted">${s.wholeOrganisation}</p>`;
    return p.send('benchmarks', s.title, html`${head}${slice.invalid}${form}${unknownPeriod ? notice(s.unknownPeriod) : ''}${sections}`);
  });
}
