/**
 * NPS across segments (/app/segments, metrics:read as GET /api/v1/segments/nps): the reader
 * picks the grouping from a select (GET form, works without JavaScript) and sees NPS with its
 * 95 % interval and n per group, and the chi-square test of promoter / passive / detractor
 * shares in words. Groups under the organisation's minimum group size are named without
 * figures, as the service leaves them out. Group keys that are codes (channels, languages) are
 * shown by their names. The filter bar narrows the answers to a period (the organisation's
 * default period when none is chosen, said under the bar), a channel and a unit.
 */
import type { FastifyInstance } from 'fastify';
import { KaikuError } from '../errors.ts';
import { dashboardText } from '../i18n/dashboard.ts';
import { formatNumber, languageNames, type UiLanguage } from '../i18n/index.ts';
import { segmentText, type SegmentStrings } from '../i18n/segments-benchmarks.ts';
import { getOrganization } from '../orgs/service.ts';
import { npsSegmentReport, segmentDimensions, type SegmentDimension } from '../segments/service.ts';
import { needsText } from '../i18n/needs-clusters.ts';
import { NEEDS_PAGE } from './needs-pages.ts';
import { analysisText } from '../i18n/analysis-pages.ts';
import { html, type SafeHtml } from './html.ts';
import { pageSlice, sliceFields, type Query } from './analysis-common.ts';
import { periodNote } from './default-period.ts';
import { errorSummary, notice, one, page, selectField, type Errors } from './page-kit.ts';

type Report = Awaited<ReturnType<typeof npsSegmentReport>>;

/** A p-value as people read it: "< 0.001", three decimals under 0.1 (0.018, 0.002), else two (0.41). */
export function pValueText(p: number, language: UiLanguage): string {
  if (p < 0.001) return `< ${formatNumber(0.001, language, 3)}`;
  return formatNumber(p, language, p < 0.1 ? 3 : 2);
}

/** The omnibus test in words: a difference at the report's alpha, or none. */
export function testInWords(report: Pick<Report, 'chi2' | 'dof' | 'p' | 'alpha'>, s: SegmentStrings, language: UiLanguage): string {
  return report.p < report.alpha
    ? s.differ(formatNumber(report.chi2, language, 1), String(report.dof), pValueText(report.p, language))
    : s.noDifference(pValueText(report.p, language));
}

function groupName(by: SegmentDimension, key: string, label: string, language: UiLanguage): string {
  if (by === 'channel') return dashboardText(language).channelNames[key] ?? label;
  if (by === 'language') return languageNames[key] ?? label;
  return label;
}

function reportView(report: Report, s: SegmentStrings, language: UiLanguage): SafeHtml {
  const by = report.by;
  const rows = [
    ...report.groups.map((g) => ({ name: groupName(by, g.key, g.label, language), group: g })),
    ...report.tooSmall.map((g) => ({ name: groupName(by, g.key, g.label, language), group: null })),
  ].sort((a, b) => a.name.localeCompare(b.name, language, { numeric: true }));
  const interval = (ci: [number, number] | null) => (ci ? `${formatNumber(ci[0], language)} – ${formatNumber(ci[1], language)}` : '–');
  return html`<section aria-labelledby="segment-result">
<h2 id="segment-result">${s.caption(s.dimensions[by])}</h2>
<p class="test-result"><strong>${testInWords(report, s, language)}</strong></p>
${report.warnings.some((w) => w.code === 'small_expected_counts') ? html`<p class="muted">${s.approximate}</p>` : ''}
<div class="table-scroll"><table aria-labelledby="segment-result">
<thead><tr><th scope="col">${s.group}</th><th scope="col" class="num">${s.answers}</th><th scope="col" class="num">${s.nps}</th><th scope="col" class="num">${s.interval}</th></tr></thead>
<tbody>${rows.map(({ name, group }) => (group
    ? html`<tr><th scope="row">${name}</th><td class="num">${formatNumber(group.n, language)}</td><td class="num">${formatNumber(group.nps, language)}</td><td class="num">${interval(group.ci95)}</td></tr>`
    : html`<tr><th scope="row">${name}</th><td colspan="3">${s.tooFew(report.minGroupSize)}</td></tr>`))}</tbody>
</table></div>
${report.tooSmall.length > 0 ? html`<p>${s.suppressed(report.tooSmall.length, report.minGroupSize)}</p>` : ''}
${report.withoutGroup > 0 ? html`<p class="muted">${s.withoutGroup(report.withoutGroup)}</p>` : ''}
</section>`;
}

export async function segmentPageRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const now = () => (app.deps.now ?? (() => new Date()))();

  page(app, 'GET', '/app/segments', 'metrics:read', async (request, _reply, p) => {
    const s = segmentText(p.language);
    const a = analysisText(p.language);
    const slice = await pageSlice(db, p, request.query as Query, now(), a);
    const asked = one(request.query, 'by');
    const errors: Errors = new Map();
    const by = segmentDimensions.find((d) => d === asked);
    if (asked !== undefined && !by) errors.set('by', s.invalidBy);
    let result: SafeHtml | '' = '';
    if (by) {
      try {
        result = reportView(await npsSegmentReport(db, p.auth, { by, correction: 'holm', filters: slice.service }), s, p.language);
      } catch (error) {
        // Too few groups to compare, or nothing to test: said in words, the form stays to pick another grouping.
        if (!(error instanceof KaikuError) || error.status !== 400) throw error;
        const { minGroupSize } = await getOrganization(db, p.auth.orgId);
        result = notice(error.field === 'by' ? s.cannotCompare(minGroupSize) : s.oneCategory);
      }
    }
    const options: Array<[string, string]> = [['', s.byPrompt], ...segmentDimensions.map((d): [string, string] => [d, s.dimensions[d]])];
    return p.send('segments', s.title, html`<h1>${s.title}</h1>
<p class="lead">${s.intro}</p>
<p><a href="${NEEDS_PAGE}">${needsText(p.language).toNeeds}</a></p>
${errorSummary(p.w, errors)}${slice.invalid}
<form class="filters" method="get" action="/app/segments">
${selectField('by', s.byLabel, options, by ?? '', errors, { required: true })}
${sliceFields(slice.filters, slice.units, a, dashboardText(p.language), slice.shown)}
<div class="field"><button class="button" type="submit">${s.show}</button></div>
</form>${periodNote(p.language, slice.shown)}
${result}`, errors.size ? 400 : 200);
  });
}
