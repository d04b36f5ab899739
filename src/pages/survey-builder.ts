/**
 * The survey builder of the set-up pages (surveys:write, as the API's writes):
 *
 *  - /app/setup/surveys            the organisation's surveys with touchpoint, languages, status and responses;
 *  - /app/setup/surveys/new, /:id  the editor: basics, the respondent's texts and every question's texts in each
 *                                  of the survey's languages side by side, type, code, required, order, options;
 *  - /app/setup/surveys/preview    the draft as the respondent sees it (POST; stores nothing, never cached).
 *
 * The preview is the public survey page itself (`renderSurveyForm` of survey-view.ts) shown in a
 * phone-sized frame as an iframe `srcdoc`, sandboxed without forms, so no route is ever framed.
 * The srcdoc inherits this page's CSP, which therefore allows the survey page's own inline style
 * and script by their hashes (and nothing else inline). The form works without JavaScript (its
 * buttons post it and the server renders it again, keeping every text); the script
 * (survey-builder.js.ts) makes the preview follow the typing.
 *
 * Saving goes through the survey service with the API's checks (survey-builder-form.ts); a survey
 * with responses keeps them: the service matches questions by code, refuses to remove an answered
 * question or change its type, and the editor says so and does not offer it.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { builderText, type BuilderStrings } from '../i18n/builder.ts';
import { formatNumber, languageNames, uiLanguages } from '../i18n/index.ts';
import { KaikuError } from '../errors.ts';
import { questionTypes, surveyKinds, surveyStatuses } from '../surveys/schema.ts';
import { createSurvey, getSurvey, listSurveys, replaceSurvey } from '../surveys/service.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { checkboxGroup, errorSummary, inputField, many, notice, one, page, selectField, textareaField, uuidParam, type Errors, type OpenPage } from './page-kit.ts';
import { applyEdit, checkDraft, draftFromSurvey, emptyDraft, formField, previewSurvey, readDraft, type Draft, type DraftQuestion } from './survey-builder-form.ts';
import { surveyBuilderScript, surveyBuilderScriptPath } from './survey-builder.js.ts';
import { renderSurveyForm } from './survey-view.ts';
import { surveyCss, surveyScript } from './survey.css.ts';

type Option = [value: string, label: string];
const LIST = '/app/setup/surveys';
const PREVIEW = '/app/setup/surveys/preview';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const surveyCspSources = { style: sha256(surveyCss), script: sha256(surveyScript) };

/** The builder's pages: our script, fetches and the survey page's own inline style and script (for the srcdoc preview). */
export const builderCsp = `default-src 'none'; style-src 'self' ${surveyCspSources.style}; script-src 'self' ${surveyCspSources.script}; img-src 'self' data:; `
  + "connect-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
/** The preview document itself, should it ever be opened on its own: the survey page's policy, and it posts nowhere. */
const previewCsp = `default-src 'none'; style-src ${surveyCspSources.style}; script-src ${surveyCspSources.script}; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'`;

const langName = (l: string) => languageNames[l] ?? l;
const breadcrumb = (p: OpenPage, s: BuilderStrings, current?: string) =>
  html`<nav aria-label="${p.w.setup.title}"><p><a href="/app/setup">${p.w.setup.title}</a> › ${current ? html`<a href="${LIST}">${s.section[0]}</a> › ${current}` : s.section[0]}</p></nav>`;

/** The preview page of a draft in one of its languages (the survey default when `language` is not one). */
export function renderPreview(draft: Draft, language: string | undefined): { html: string; language: string; languages: string[] } {
  const survey = previewSurvey(draft);
  const lang = language && survey.languages.includes(language) ? language : survey.defaultLanguage;
  return { language: lang, languages: survey.languages, html: renderSurveyForm({ survey, language: lang, action: '#', nonce: 'preview', values: {}, errors: [], languageLinks: [] }) };
}

/** One text in each language side by side, named once by the legend (each field by its language). */
const langRow = (legend: string, fields: SafeHtml[]) => html`<fieldset class="lang-row"><legend>${legend}</legend><div class="lang-grid">${fields}</div></fieldset>`;

const checkbox = (id: string, label: string, checked: boolean) =>
  html`<div class="choice"><input type="checkbox" id="${id}" name="${id}" value="1"${checked ? raw(' checked') : ''}><label for="${id}">${label}</label></div>`;

function questionFields(q: DraftQuestion, i: number, count: number, draft: Draft, s: BuilderStrings, errors: Errors, answered: boolean, keys: Set<string>): SafeHtml {
  const p = `q${i}`;
  const langs = draft.languages;
  const typeOptions = questionTypes.map((t): Option => [t, s.types[t]]);
  const condition = q.extra.displayIf ? draft.questions.find((x) => x.key === q.extra.displayIf?.question) : undefined;
  const choice = q.type === 'single_choice' || q.type === 'multi_choice';
  const tool = (intent: string, label: string) => html`<button class="button secondary" type="submit" name="intent" value="${intent}">${label}<span class="visually-hidden"> ${s.questionLegend(i + 1, q.key)}</span></button>`;
  return html`<fieldset class="question-card" id="${p}"><legend>${s.questionLegend(i + 1, s.types[q.type])}</legend>
${answered ? html`<p class="answered-note">${s.answeredQuestion}</p>` : ''}
<div class="form-grid">
${answered ? html`<input type="hidden" name="${p}_type" value="${q.type}">` : selectField(`${p}_type`, s.type, typeOptions, q.type, errors)}
${inputField(`${p}_key`, s.key, q.key, errors, { hint: s.keyHint, attrs: `maxlength="50" autocomplete="off" spellcheck="false"${answered ? ' readonly' : ''}` })}
${q.type === 'rating' ? inputField(`${p}_scaleMax`, s.scaleMax, q.scaleMax, errors, { type: 'number', attrs: 'min="2" max="10" inputmode="numeric"' }) : ''}
</div>
${langRow(s.questionText, langs.map((l) => inputField(`${p}_text_${l}`, langName(l), q.text[l], errors, { attrs: `lang="${l}" maxlength="2000"`, required: l === draft.defaultLanguage })))}
${checkbox(`${p}_required`, s.required, q.required)}
${q.type !== 'text' ? checkbox(`${p}_driver`, s.driver, q.isDriver) : ''}
${q.type === 'likert7' ? checkbox(`${p}_dk`, s.dontKnow, q.allowDontKnow) : ''}
${q.type === 'nps' && !keys.has(`${q.key}_why`) ? html`${checkbox(`${p}_why`, s.why, q.why ?? true)}<input type="hidden" name="${p}_whyshown" value="1">` : ''}
${choice ? html`<fieldset id="${p}_options"><legend>${s.optionsLegend}</legend><p class="muted hint">${s.optionsHint}</p>
<input type="hidden" name="${p}_on" value="${q.options.length}">
${q.options.map((o, j) => langRow(s.option(j + 1), [inputField(`${p}_o${j}_value`, s.key, o.value, errors, { attrs: 'maxlength="50" autocomplete="off" spellcheck="false"' }),
  ...langs.map((l) => inputField(`${p}_o${j}_${l}`, langName(l), o.label[l], errors, { attrs: `lang="${l}" maxlength="2000"` }))]))}
<div class="question-tools">${tool(`addopt-${i}`, s.addOption)}</div></fieldset>` : ''}
${condition || q.extra.displayIf ? html`<p class="muted">${s.shownIf(condition?.text[draft.defaultLanguage] || q.extra.displayIf?.question || '')}</p>` : ''}
${Object.keys(q.extra).length ? html`<input type="hidden" name="${p}_extra" value="${JSON.stringify(q.extra)}">` : ''}
<div class="question-tools">${i > 0 ? tool(`up-${i}`, s.moveUp) : ''}${i < count - 1 ? tool(`down-${i}`, s.moveDown) : ''}${answered ? '' : tool(`remove-${i}`, s.remove)}</div>
</fieldset>`;
}

interface EditorState {
  id?: string; draft: Draft; errors?: Errors; message?: string; previewLang?: string;
  answered?: Set<string>; responses?: number; touchpoints: Array<{ id: string; name: string }>;
}

function renderEditor(p: OpenPage, st: EditorState, status = 200) {
  const s = builderText(p.language);
  const { w } = p;
  const { draft } = st;
  const errors = st.errors ?? new Map();
  const title = st.id ? s.editTitle(draft.name) : s.newTitle;
  const action = st.id ? `${LIST}/${st.id}` : LIST;
  const preview = renderPreview(draft, st.previewLang ?? (draft.languages.includes(p.language) ? p.language : undefined));
  const languageChoices = [...new Set([...uiLanguages, ...draft.languages])];
  const keys = new Set(draft.questions.map((q) => q.key));
  const textRow = (field: 'title' | 'intro' | 'thanks', label: string, long: boolean) => langRow(label, draft.languages.map((l) => long
    ? textareaField(`${field}_${l}`, langName(l), draft[field][l], errors)
    : inputField(`${field}_${l}`, langName(l), draft[field][l], errors, { attrs: `lang="${l}" maxlength="2000"`, required: l === draft.defaultLanguage })));
  const actions = html`<div class="form-actions"><button class="button" type="submit" name="intent" value="save">${s.save}</button>
<button class="button secondary" type="submit" name="intent" value="preview">${s.preview}</button> <a href="${LIST}">${w.common.cancel}</a></div>`;
  return p.send('setup', title, html`${breadcrumb(p, s, title)}<h1>${title}</h1>
${notice(st.message)}${st.responses ? html`<p class="notice" id="has-responses">${s.hasResponses(formatNumber(st.responses, p.language))}</p>` : ''}${errorSummary(w, errors)}
<div class="builder">
<form id="builder-form" method="post" action="${action}" data-preview="${PREVIEW}" class="stack" novalidate>
${actions}
<input type="hidden" name="qn" value="${draft.questions.length}">
<input type="hidden" name="previewLang" value="${preview.language}">
<section aria-labelledby="basics-heading"><h2 id="basics-heading">${s.basicsHeading}</h2>
${inputField('name', w.common.name, draft.name, errors, { required: true, attrs: 'maxlength="200" autocomplete="off"' })}
<div class="form-grid">
${selectField('kind', s.kind, surveyKinds.map((k): Option => [k, s.kinds[k]]), draft.kind, errors)}
${selectField('status', w.common.status, surveyStatuses.map((k): Option => [k, s.statuses[k]]), draft.status, errors)}
${selectField('touchpointId', s.touchpoint, [['', s.noTouchpoint], ...st.touchpoints.map((t): Option => [t.id, t.name])], draft.touchpointId, errors)}
</div>
${checkboxGroup('languages', s.languages, languageChoices.map((l): Option => [l, langName(l)]), draft.languages, errors, s.languagesHint)}
<div class="form-grid">
${selectField('defaultLanguage', s.defaultLanguage, languageChoices.map((l): Option => [l, langName(l)]), draft.defaultLanguage, errors)}
<div><button class="button secondary" type="submit" name="intent" value="refresh">${s.applyLanguages}</button></div>
</div>
</section>
<section aria-labelledby="texts-heading"><h2 id="texts-heading">${s.textsHeading}</h2>
${textRow('title', s.surveyTitle, false)}
${textRow('intro', s.intro, true)}
${textRow('thanks', s.thanks, true)}
</section>
<section aria-labelledby="questions-heading" id="questions"><h2 id="questions-heading">${s.questionsHeading}</h2>
${errors.has('questions') ? html`<p class="error-message" id="questions-error">${errors.get('questions')}</p>` : ''}
${draft.questions.map((q, i) => questionFields(q, i, draft.questions.length, draft, s, errors, st.answered?.has(q.key) ?? false, keys))}
<div class="form-grid">
${selectField('newType', s.newQuestionType, questionTypes.map((t): Option => [t, s.types[t]]), 'likert7', errors)}
<div><button class="button secondary" type="submit" name="intent" value="add">${s.addQuestion}</button></div>
</div>
</section>
<div class="builder-actions">${actions}</div>
</form>
<aside class="builder-preview" aria-labelledby="preview-heading"><h2 id="preview-heading">${s.previewHeading}</h2>
<p id="preview-lang-label" class="muted">${s.previewLanguage}</p>
<div class="preview-languages" role="group" aria-labelledby="preview-lang-label">${preview.languages.map((l) => html`<button class="button secondary" type="submit" form="builder-form" name="previewLang" value="${l}" lang="${l}"
 data-preview-lang data-frame-title="${s.previewFrame(langName(l))}" aria-pressed="${l === preview.language ? 'true' : 'false'}">${langName(l)}</button>`)}</div>
<div class="phone"><iframe id="preview-frame" name="survey-preview" title="${s.previewFrame(langName(preview.language))}" sandbox="allow-scripts" srcdoc="${preview.html}"></iframe></div>
<p id="preview-status" class="muted" role="status" data-live="${s.previewLive}" data-failed="${s.previewFailed}">${s.previewStatic}</p>
</aside>
</div>
<script src="${surveyBuilderScriptPath}" defer></script>`, status);
}

/** Registered inside dashboardRoutes (its error pages and headers), in a scope of its own for the builder's CSP. */
export async function surveyBuilderRoutes(app: FastifyInstance) {
  const { db } = app.deps;

  app.addHook('onSend', async (request, reply, payload) => {
    const url = request.routeOptions.url ?? '';
    if (url === PREVIEW) reply.header('content-security-policy', previewCsp).header('cache-control', 'no-store');
    else if (url.startsWith(LIST)) reply.header('content-security-policy', builderCsp);
    return payload;
  });

  app.get(surveyBuilderScriptPath, { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(surveyBuilderScript));

  const touchpointsOf = (orgId: string) => db.query<{ id: string; name: string }>(`select id, name from touchpoints where org_id = $1 order by name, id`, [orgId]);
  async function stored(orgId: string, id: string) {
    const survey = await getSurvey(db, orgId, id, { fresh: true });
    const [answered, [count]] = await Promise.all([
      db.query<{ key: string }>(`select q.key from questions q where q.org_id = $1 and q.survey_id = $2
          and exists (select 1 from answers a where a.org_id = q.org_id and a.question_id = q.id)`, [orgId, id]),
      db.query<{ n: number }>(`select count(*)::int as n from responses where org_id = $1 and survey_id = $2`, [orgId, id]),
    ]);
    return { survey, answered: new Set(answered.map((r) => r.key)), responses: count.n };
  }

  page(app, 'GET', LIST, 'surveys:write', async (request, _reply, p) => {
    const s = builderText(p.language);
    const [surveys, touchpoints] = await Promise.all([listSurveys(db, p.auth.orgId), touchpointsOf(p.auth.orgId)]);
    const tp = new Map(touchpoints.map((t) => [t.id, t.name]));
    return p.send('setup', s.section[0], html`${breadcrumb(p, s)}<h1>${s.section[0]}</h1>
${notice(one(request.query, 'saved') === 'created' ? s.created : undefined)}
<p><a class="button" href="${LIST}/new">${s.newSurvey}</a></p>
${surveys.length === 0 ? html`<div class="empty"><p>${s.none}</p></div>` : html`<div class="table-scroll"><table><caption>${s.listCaption}</caption>
<thead><tr><th scope="col">${p.w.common.name}</th><th scope="col">${s.kind}</th><th scope="col">${s.touchpoint}</th><th scope="col">${s.languages}</th><th scope="col">${p.w.common.status}</th><th scope="col" class="num">${s.responses}</th></tr></thead>
<tbody>${surveys.map((x) => html`<tr><th scope="row"><a href="${LIST}/${x.id}">${x.name}</a></th><td>${s.kinds[x.kind as 'pulse'] ?? x.kind}</td><td>${x.touchpointId ? tp.get(x.touchpointId) ?? '–' : '–'}</td>
<td>${x.languages.map(langName).join(', ')}</td><td>${s.statuses[x.status as 'draft'] ?? x.status}</td><td class="num">${formatNumber(x.responses, p.language)}</td></tr>`)}</tbody></table></div>`}`);
  });

  page(app, 'GET', `${LIST}/new`, 'surveys:write', async (_request, _reply, p) =>
    renderEditor(p, { draft: emptyDraft(p.language), touchpoints: await touchpointsOf(p.auth.orgId) }));

  page<{ id: string }>(app, 'GET', `${LIST}/:id`, 'surveys:write', async (request, _reply, p) => {
    const id = uuidParam(request.params.id, 'Survey');
    const [{ survey, answered, responses }, touchpoints] = await Promise.all([stored(p.auth.orgId, id), touchpointsOf(p.auth.orgId)]);
    const saved = one(request.query, 'saved');
    return renderEditor(p, { id, draft: draftFromSurvey(survey), answered, responses, touchpoints, message: saved === 'created' ? builderText(p.language).created : saved ? builderText(p.language).saved : undefined });
  });

  /** A post of the editor: one of its buttons (edit, preview, languages) renders it again; save checks and stores. */
  async function post(request: { body: unknown }, reply: FastifyReply, p: OpenPage, id: string | undefined) {
    const s = builderText(p.language);
    const context = id ? await stored(p.auth.orgId, id) : { answered: new Set<string>(), responses: 0 };
    const touchpoints = await touchpointsOf(p.auth.orgId);
    let draft = readDraft(request.body);
    const intent = many(request.body, 'intent').at(-1) ?? (many(request.body, 'previewLang').length > 1 ? 'preview' : 'save');
    const previewLang = many(request.body, 'previewLang').at(-1);
    const state = { id, answered: context.answered, responses: context.responses, touchpoints, previewLang };
    if (intent !== 'save') {
      if (intent !== 'preview' && intent !== 'refresh') draft = applyEdit(draft, intent, one(request.body, 'newType') ?? 'text');
      return renderEditor(p, { ...state, draft });
    }
    const { errors, input } = checkDraft(draft, s, p.w, new Set(touchpoints.map((t) => t.id)));
    if (!input) return renderEditor(p, { ...state, draft, errors }, 400);
    try {
      const saved = id ? await replaceSurvey(db, p.auth.orgId, id, input) : await createSurvey(db, p.auth.orgId, input);
      return reply.redirect(id ? `${LIST}/${saved.id}?saved=1` : `${LIST}/${saved.id}?saved=created`, 303);
    } catch (error) {
      if (!(error instanceof KaikuError) || (error.status !== 400 && error.status !== 409)) throw error;
      const field = error.status === 409 ? 'questions' : formField(error.field ?? '', draft);
      return renderEditor(p, { ...state, draft, errors: new Map([[field, error.status === 409 ? s.errors.conflict(error.message) : p.w.common.notValid(error.message)]]) }, error.status);
    }
  }

  page(app, 'POST', LIST, 'surveys:write', async (request, reply, p) => post(request, reply, p, undefined));

  page(app, 'POST', PREVIEW, 'surveys:write', async (request, reply) => {
    const preview = renderPreview(readDraft(request.body), many(request.body, 'previewLang').at(-1));
    return reply.type('text/html; charset=utf-8').send(preview.html); // no-store and its CSP: the onSend hook above
  });

  page<{ id: string }>(app, 'POST', `${LIST}/:id`, 'surveys:write', async (request, reply, p) => post(request, reply, p, uuidParam(request.params.id, 'Survey')));
}

