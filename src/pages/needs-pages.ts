/**
 * Needs-based clusters (/app/segments/needs, metrics:read as GET /api/v1/segments/needs): a GET
 * form (works without JavaScript) picks a survey, its score questions to cluster on (the
 * service's default preselected: the driver questions, else every non-NPS score question) and
 * the number of clusters (one, or the best of 2–5 by mean silhouette). The result is said in
 * words: how many clusters among how many respondents, how many were left out, the silhouette
 * read on Kaufman & Rousseeuw's scale, and for each cluster its share and the questions that
 * set it apart, then its averages against everyone's.
 *
 * The filter bar narrows the respondents to a period (the organisation's default period when
 * none is chosen, said under the form), a channel and a unit, as on the other analytic pages.
 *
 * The seed is fixed, so the same slice gives the same clusters on every visit.
 */
import type { FastifyInstance } from 'fastify';
import { KaikuError } from '../errors.ts';
import { formatNumber, localeOf, type UiLanguage } from '../i18n/index.ts';
import { needsText, type NeedsStrings, type SilhouetteBand } from '../i18n/needs-clusters.ts';
import { getOrganization } from '../orgs/service.ts';
import { clustersOn, defaultNeedsQuestions, needsSegmentReport } from '../segments/service.ts';
import { getSurvey, listSurveys } from '../surveys/service.ts';
import type { Survey } from '../surveys/schema.ts';
import { analysisText } from '../i18n/analysis-pages.ts';
import { dashboardText } from '../i18n/dashboard.ts';
import { html, type SafeHtml } from './html.ts';
import { pageSlice, sliceFields, type Query } from './analysis-common.ts';
import { periodNote } from './default-period.ts';
import { questionLabel } from './journey-map-view.ts';
import { checkboxGroup, errorSummary, many, notice, one, page, selectField, type Errors } from './page-kit.ts';

export const NEEDS_PAGE = '/app/segments/needs';
const SEED = 1;
const K_CHOICES = ['best', '2', '3', '4', '5', '6'];
const BEST_OF: [number, number] = [2, 5];

type Report = Awaited<ReturnType<typeof needsSegmentReport>>;

/** Kaufman & Rousseeuw (1990): > 0.70 strong, > 0.50 reasonable, > 0.25 weak, else no substantial structure. */
export function silhouetteBand(silhouette: number): SilhouetteBand {
  if (silhouette > 0.7) return 'strong';
  if (silhouette > 0.5) return 'reasonable';
  if (silhouette > 0.25) return 'weak';
  return 'none';
}

const signed = (value: number, language: UiLanguage) => `${value > 0 ? '+' : ''}${formatNumber(value, language, 1)}`;
const percent = (share: number, language: UiLanguage) => new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 0 }).format(share);

function label(survey: Survey, key: string, language: UiLanguage): string {
  const texts = survey.questions.find((x) => x.key === key)?.texts ?? null;
  return questionLabel(texts, language) ?? questionLabel(texts, survey.defaultLanguage) ?? key;
}

function reportView(report: Report, survey: Survey, s: NeedsStrings, language: UiLanguage): SafeHtml {
  const tried = report.quality.tried.filter((t) => t.silhouette !== null)
    .map((t) => `${t.k}: ${formatNumber(t.silhouette, language, 2)}`).join(', ');
  const silhouette = report.quality.silhouette;
  // k-means leaves a cluster empty when the answers have fewer distinct patterns than clusters asked for.
  const clusters = report.clusters.filter((c) => c.size > 0);
  return html`<section aria-labelledby="needs-result">
<h2 id="needs-result">${s.summary(clusters.length, report.n)}</h2>
${clusters.length < report.k ? html`<p>${s.emptyClusters(report.k - clusters.length, report.k)}</p>` : ''}
${report.excluded > 0 ? html`<p>${s.excluded(report.excluded)}</p>` : ''}
${silhouette === null ? '' : html`<p><strong>${s.quality(formatNumber(silhouette, language, 2), silhouetteBand(silhouette))}</strong></p>`}
${report.quality.tried.length > 1 ? html`<p class="muted">${s.chosenK(report.k, tried)}</p>` : ''}
${report.n < 30 * report.k ? html`<p class="muted">${s.fewPerCluster(report.n, report.k)}</p>` : ''}
${report.standardised ? html`<p class="muted">${s.standardised}</p>` : ''}
${clusters.map((c) => {
    // A question the cluster answers as everyone does (under 0.05 points apart) does not set it apart.
    const apart = c.distinctive.filter((d) => Math.abs(d.difference) >= 0.05)
      .map((d) => (d.direction === 'higher' ? s.higher : s.lower)(label(survey, d.key, language), signed(d.difference, language)));
    const id = `cluster-${c.cluster}`;
    return html`<section aria-labelledby="${id}">
<h3 id="${id}">${s.clusterHeading(c.cluster, percent(c.share, language), c.size)}</h3>
${apart.length > 0 ? html`<p>${s.setsApart} ${new Intl.ListFormat(localeOf(language), { type: 'conjunction' }).format(apart)}.</p>` : ''}
<div class="table-scroll"><table aria-labelledby="${id}">
<thead><tr><th scope="col">${s.question}</th><th scope="col" class="num">${s.clusterMean}</th><th scope="col" class="num">${s.overallMean}</th><th scope="col" class="num">${s.difference}</th></tr></thead>
<tbody>${c.attributes.map((a) => html`<tr><th scope="row">${label(survey, a.key, language)}</th><td class="num">${formatNumber(a.mean, language, 1)}</td><td class="num">${formatNumber(a.overall, language, 1)}</td><td class="num">${signed(a.difference, language)}</td></tr>`)}</tbody>
</table></div></section>`;
  })}
</section>`;
}

export async function needsPageRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const now = () => (app.deps.now ?? (() => new Date()))();

  page(app, 'GET', NEEDS_PAGE, 'metrics:read', async (request, _reply, p) => {
    const s = needsText(p.language);
    const a = analysisText(p.language);
    const slice = await pageSlice(db, p, request.query as Query, now(), a);
    const errors: Errors = new Map();
    const listed = await listSurveys(db, p.auth.orgId);
    const surveys = (await Promise.all(listed.map((x) => getSurvey(db, p.auth.orgId, x.id))))
      .filter((x) => x.questions.filter(clustersOn).length >= 2);
    const askedSurvey = one(request.query, 'survey');
    const survey = surveys.find((x) => x.id === askedSurvey);
    if (askedSurvey !== undefined && !survey) errors.set('survey', s.badSurvey);
    const askedK = one(request.query, 'k') ?? 'best';
    if (!K_CHOICES.includes(askedK)) errors.set('k', s.badK);

    const scored = survey?.questions.filter(clustersOn) ?? [];
    const askedQuestions = many(request.query, 'q');
    const submitted = survey !== undefined && one(request.query, 'go') === '1';
    const preselected = defaultNeedsQuestions(scored).map((q) => q.key);
    const matching = askedQuestions.filter((key) => scored.some((q) => q.key === key));
    // Questions of another survey (the survey was changed in the form): start from this one's default.
    const chosen = !submitted || (askedQuestions.length > 0 && matching.length === 0) ? preselected : matching;
    if (submitted && chosen.length < 2) errors.set('q', s.badQuestions);

    let result: SafeHtml | '' = '';
    if (survey && submitted && errors.size === 0) {
      try {
        const k = askedK === 'best' ? BEST_OF : Number(askedK);
        result = reportView(await needsSegmentReport(db, p.auth, { surveyId: survey.id, attributes: chosen, k, seed: SEED, filters: slice.service }), survey, s, p.language);
      } catch (error) {
        if (!(error instanceof KaikuError)) throw error;
        if (error.code === 'group_too_small') result = notice(s.tooSmall((await getOrganization(db, p.auth.orgId)).minGroupSize));
        else if (error.status === 400) errors.set('q', s.cannotCluster);
        else throw error;
      }
    }

    const kOptions = K_CHOICES.map((k): [string, string] => [k, k === 'best' ? s.bestOf : s.kOption(Number(k))]);
    const form = surveys.length === 0 ? html`<div class="empty"><p>${s.noSurveys}</p></div>` : html`<form class="stack" method="get" action="${NEEDS_PAGE}" novalidate>
${selectField('survey', s.survey, [['', s.surveyPrompt], ...surveys.map((x): [string, string] => [x.id, x.name])], survey?.id ?? '', errors, { required: true })}
${survey ? html`<input type="hidden" name="go" value="1">
${checkboxGroup('q', s.questions, scored.map((q): [string, string] => [q.key, label(survey, q.key, p.language)]), chosen, errors, s.questionsHint)}
${selectField('k', s.clusters, kOptions, askedK, errors)}` : ''}
<div class="filters">${sliceFields(slice.filters, slice.units, a, dashboardText(p.language), slice.shown)}</div>
<div class="form-actions"><button class="button" type="submit">${survey ? s.show : s.surveyPrompt}</button></div>
</form>${periodNote(p.language, slice.shown)}`;
    return p.send('segments', s.title, html`<h1>${s.title}</h1>
<p class="lead">${s.intro}</p>
${errorSummary(p.w, errors)}${slice.invalid}
${form}
${result}`, errors.size > 0 ? 400 : 200);
  });
}
