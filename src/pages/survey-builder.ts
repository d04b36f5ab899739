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
 *
 * After saving, a draft asks "Publish now?" (/app/setup/surveys/:id/publish, a plain form); a saved
 * or published survey goes on to its distribution hub (/app/setup/surveys/:id/share). Display
 * conditions are edited with pickers (question → operator → value) checked by the same schema and
 * service as the API; without JavaScript a button renders the pickers again for a newly chosen
 * question. The script also warns before leaving unsaved edits and reorders questions by dragging
 * (the move buttons are the keyboard's way, and focus stays on the moved question).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { builderText, type BuilderStrings } from '../i18n/builder.ts';
import { formatNumber, languageNames, uiLanguages } from '../i18n/index.ts';
import { sendText } from '../i18n/send.ts';
import { KaikuError } from '../errors.ts';
import { questionTypes, surveyKinds, surveyStatuses, type Survey } from '../surveys/schema.ts';
import { createSurvey, getSurvey, listSurveys, replaceSurvey, setSurveyStatus, surveyUsage, touchpointChoices } from '../surveys/service.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { contactConsentText } from '../i18n/contact-consent.ts';
import { checkboxGroup, confirmation, errorSummary, inputField, many, notice, one, page, selectField, textareaField, uuidParam, type Errors, type OpenPage } from './page-kit.ts';
import {
  applyEdit, checkDraft, conditionKind, conditionValues, draftFromSurvey, emptyDraft, formField, opsFor, previewSurvey, readDraft,
  type Draft, type DraftQuestion,
} from './survey-builder-form.ts';
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
/** The survey's distribution hub (links, QR, widget, kiosk, sending), where saving and publishing lead. */
export const sharePath = (id: string) => `${LIST}/${id}/share`;
const publishPath = (id: string) => `${LIST}/${id}/publish`;
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

const fieldError = (id: string, errors: Errors) => (errors.has(id) ? html`<p class="error-message" id="${id}-error">${errors.get(id)}</p>` : '');
const invalid = (id: string, errors: Errors) => (errors.has(id) ? raw(` aria-describedby="${id}-error" aria-invalid="true"`) : '');
const selected = (yes: boolean) => (yes ? raw(' selected') : '');

/**
 * The value picker of a condition: one select, or checkboxes for "is one of", or nothing for "is
 * answered". The script builds the same markup in the browser when the question or operator changes.
 */
function conditionValueField(p: string, op: string, values: Array<[string, string]>, chosen: string[], s: BuilderStrings, errors: Errors): SafeHtml {
  const id = `${p}_ifvalue`;
  if (op === 'answered') return html``;
  if (op === 'in') {
    return html`<fieldset class="choices condition-values${errors.has(id) ? ' field-error' : ''}" id="${id}"${invalid(id, errors)}><legend>${s.conditionValues}</legend>${fieldError(id, errors)}
${values.map(([v, label], j) => html`<div class="choice"><input type="checkbox" id="${id}-${j}" name="${id}" value="${v}"${chosen.includes(v) ? raw(' checked') : ''}><label for="${id}-${j}">${label}</label></div>`)}</fieldset>`;
  }
  return html`<div class="field${errors.has(id) ? ' field-error' : ''}"><label for="${id}">${s.conditionValue}</label>${fieldError(id, errors)}
<select id="${id}" name="${id}"${invalid(id, errors)}><option value="">–</option>${values.map(([v, label]) => html`<option value="${v}"${selected(chosen[0] === v)}>${label}</option>`)}</select></div>`;
}

/** "Show this question [always | if Q1 …] [operator] [value]" for question `i`, from the questions before it. */
function conditionFields(q: DraftQuestion, i: number, draft: Draft, s: BuilderStrings, errors: Errors): SafeHtml {
  const p = `q${i}`;
  const earlier = draft.questions.slice(0, i).filter((t) => t.key);
  if (earlier.length === 0 && !q.condition) return html`<input type="hidden" name="${p}_ifshown" value="1">`;
  const def = draft.defaultLanguage;
  const target = q.condition ? earlier.find((t) => t.key === q.condition?.question) : undefined;
  const kind = target ? conditionKind(target.type) : undefined;
  const ops = kind ? opsFor[kind] : opsFor.scale;
  const op = q.condition && ops.includes(q.condition.op as never) ? q.condition.op : ops[0];
  const stale = q.condition && !target ? q.condition.question : undefined;
  const ifId = `${p}_if`;
  const opId = `${p}_ifop`;
  const option = (t: DraftQuestion) => html`<option value="${t.key}" data-kind="${conditionKind(t.type)}" data-values="${JSON.stringify(conditionValues(t, def))}"${selected(t.key === q.condition?.question)}>${
    draft.questions.indexOf(t) + 1}. ${t.text[def]?.trim() || t.key}</option>`;
  return html`<fieldset class="condition" id="${p}_condition" data-label-value="${s.conditionValue}" data-label-values="${s.conditionValues}"><legend>${s.conditionLegend}</legend>
<input type="hidden" name="${p}_ifshown" value="1">
<p class="muted hint" id="${p}_condition-hint">${s.conditionHint}</p>
<div class="form-grid">
<div class="field${errors.has(ifId) ? ' field-error' : ''}"><label for="${ifId}">${s.conditionQuestion}</label>${fieldError(ifId, errors)}
<select id="${ifId}" name="${ifId}" data-condition-question aria-describedby="${p}_condition-hint${errors.has(ifId) ? ` ${ifId}-error` : ''}"${errors.has(ifId) ? raw(' aria-invalid="true"') : ''}>
<option value=""${selected(!q.condition)}>${s.conditionAlways}</option>${earlier.map(option)}${stale ? html`<option value="${stale}" selected>${stale}</option>` : ''}</select></div>
<div class="condition-detail"${q.condition ? '' : raw(' hidden')}>
<div class="field${errors.has(opId) ? ' field-error' : ''}"><label for="${opId}">${s.conditionOp}</label>${fieldError(opId, errors)}
<select id="${opId}" name="${opId}" data-condition-op${invalid(opId, errors)}>${(['lte', 'gte', 'eq', 'neq', 'in', 'answered'] as const).map((o) => html`<option value="${o}" data-for="${
    (Object.keys(opsFor) as Array<keyof typeof opsFor>).filter((k) => opsFor[k].includes(o)).join(' ')}"${selected(o === op)}${kind && !ops.includes(o) ? raw(' hidden disabled') : ''}>${s.ops[o]}</option>`)}</select></div>
<div class="condition-value" data-condition-value>${target ? conditionValueField(p, op, conditionValues(target, def), q.condition?.values ?? [], s, errors) : ''}</div>
</div>
<div><button class="button secondary" type="submit" name="intent" value="refresh" data-condition-apply>${s.conditionApply}<span class="visually-hidden"> ${s.questionLegend(i + 1, q.key)}</span></button></div>
</div></fieldset>`;
}

function questionFields(q: DraftQuestion, i: number, count: number, draft: Draft, s: BuilderStrings, errors: Errors, answered: boolean, keys: Set<string>, focus?: string): SafeHtml {
  const p = `q${i}`;
  const langs = draft.languages;
  const typeOptions = questionTypes.map((t): Option => [t, s.types[t]]);
  const choice = q.type === 'single_choice' || q.type === 'multi_choice';
  const tool = (intent: string, label: string, id?: string) => html`<button class="button secondary" type="submit" name="intent" value="${intent}"${id ? raw(` id="${id}"`) : ''}${
    id && id === focus ? raw(' autofocus') : ''}>${label}<span class="visually-hidden"> ${s.questionLegend(i + 1, q.key)}</span></button>`;
  return html`<fieldset class="question-card" id="${p}" data-index="${i}" data-drag-label="${s.dragHandle(i + 1)}"><legend>${s.questionLegend(i + 1, s.types[q.type])}</legend>
${answered ? html`<p class="answered-note">${s.answeredQuestion}</p>` : ''}
<div class="form-grid">
${answered ? html`<input type="hidden" name="${p}_type" value="${q.type}">` : selectField(`${p}_type`, s.type, typeOptions, q.type, errors, focus === `${p}_type` ? { attrs: 'autofocus' } : {})}
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
${conditionFields(q, i, draft, s, errors)}
${Object.keys(q.extra).length ? html`<input type="hidden" name="${p}_extra" value="${JSON.stringify(q.extra)}">` : ''}
<div class="question-tools">${i > 0 ? tool(`up-${i}`, s.moveUp, `${p}_up`) : ''}${i < count - 1 ? tool(`down-${i}`, s.moveDown, `${p}_down`) : ''}${answered ? '' : tool(`remove-${i}`, s.remove)}</div>
</fieldset>`;
}

interface EditorState {
  id?: string; draft: Draft; errors?: Errors; message?: string; previewLang?: string;
  answered?: Set<string>; responses?: number; touchpoints: Array<{ id: string; name: string }>;
  /** The stored status (the draft's select may say otherwise until saved). */
  status?: Survey['status'];
  /** Rendered from a post that was not saved: leaving the page loses edits even before the next keystroke. */
  unsaved?: boolean;
  /** The control that keeps keyboard focus after a button moved or added something. */
  focus?: string;
}

/** Where focus goes after an edit button: the moved question's own move button, the new question or option. */
function focusAfter(intent: string, draft: Draft): string | undefined {
  const [action, index, to] = intent.split('-');
  const i = Number(index);
  const count = draft.questions.length;
  const moveButton = (j: number, prefer: 'up' | 'down') => (prefer === 'up' ? (j > 0 ? `q${j}_up` : `q${j}_down`) : (j < count - 1 ? `q${j}_down` : `q${j}_up`));
  if (action === 'up' && i > 0) return moveButton(i - 1, 'up');
  if (action === 'down' && i < count - 1) return moveButton(i + 1, 'down');
  if (action === 'move' && to !== undefined) return moveButton(Number(to), 'up');
  if (action === 'add') return `q${count - 1}_type`;
  if (action === 'addopt' && draft.questions[i]) return `q${i}_o${draft.questions[i].options.length - 1}_value`;
  return undefined;
}

function renderEditor(p: OpenPage, st: EditorState, httpStatus = 200) {
  const s = builderText(p.language);
  const { w } = p;
  const { draft } = st;
  const cc = contactConsentText(p.language).strings.builder;
  const errors = st.errors ?? new Map();
  const title = st.id ? s.editTitle(draft.name) : s.newTitle;
  const status: Survey['status'] = st.status ?? 'draft';
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
<p class="survey-status" id="survey-status"><span class="status-badge status-${status}">${s.statuses[status]}</span> ${s.statusLine[status]}${
    st.id && status !== 'draft' ? html` <a href="${sharePath(st.id)}">${s.share}</a>` : ''}</p>
${notice(st.message)}${st.responses ? html`<p class="notice" id="has-responses">${s.hasResponses(formatNumber(st.responses, p.language))}</p>` : ''}${errorSummary(w, errors)}
<div class="builder">
<form id="builder-form" method="post" action="${action}" data-preview="${PREVIEW}"${st.unsaved ? raw(' data-unsaved="1"') : ''} class="stack" novalidate>
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
<div class="choice"><input type="checkbox" id="askContactConsent" name="askContactConsent" value="1" aria-describedby="askContactConsent-hint"${draft.askContactConsent ? raw(' checked') : ''}><label for="askContactConsent">${cc.option}</label></div>
<p class="hint" id="askContactConsent-hint">${cc.hint}</p>
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
<p class="muted hint drag-hint" hidden>${s.dragHint}</p>
${draft.questions.map((q, i) => questionFields(q, i, draft.questions.length, draft, s, errors, st.answered?.has(q.key) ?? false, keys, st.focus))}
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
<script src="${surveyBuilderScriptPath}" defer></script>`, httpStatus);
}

function publishPage(p: OpenPage, survey: Survey, saved: string | undefined) {
  const s = builderText(p.language);
  const title = s.publishTitle;
  return p.send('setup', title, html`${breadcrumb(p, s, survey.name)}<h1>${title}</h1>
${notice(saved === 'created' ? s.created : saved ? s.saved : undefined)}
<p class="survey-status" id="survey-status"><span class="status-badge status-${survey.status}">${s.statuses[survey.status]}</span> ${s.statusLine[survey.status]}</p>
<p>${s.publishExplain}</p>
${confirmation(p.w, publishPath(survey.id), s.publishQuestion(survey.name), {}, sharePath(survey.id), undefined, { heading: title, confirm: s.publishNow, cancel: s.keepDraft })}
<p><a href="${LIST}/${survey.id}">${s.editTitle(survey.name)}</a></p>`);
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

  const touchpointsOf = (orgId: string) => touchpointChoices(db, orgId);
  async function stored(orgId: string, id: string) {
    const survey = await getSurvey(db, orgId, id, { fresh: true });
    return { survey, ...await surveyUsage(db, orgId, id) };
  }

  page(app, 'GET', LIST, 'surveys:write', async (request, _reply, p) => {
    const s = builderText(p.language);
    const [surveys, touchpoints] = await Promise.all([listSurveys(db, p.auth.orgId), touchpointsOf(p.auth.orgId)]);
    const tp = new Map(touchpoints.map((t) => [t.id, t.name]));
    return p.send('setup', s.section[0], html`${breadcrumb(p, s)}<h1>${s.section[0]}</h1>
${notice(one(request.query, 'saved') === 'created' ? s.created : undefined)}
<p><a class="button" href="${LIST}/new">${s.newSurvey}</a></p>
${surveys.length === 0 ? html`<div class="empty"><p>${s.none}</p></div>` : html`<div class="table-scroll"><table><caption>${s.listCaption}</caption>
<thead><tr><th scope="col">${p.w.common.name}</th><th scope="col">${s.kind}</th><th scope="col">${s.touchpoint}</th><th scope="col">${s.languages}</th><th scope="col">${p.w.common.status}</th><th scope="col" class="num">${s.responses}</th><th scope="col">${s.share}</th></tr></thead>
<tbody>${surveys.map((x) => html`<tr><th scope="row"><a href="${LIST}/${x.id}">${x.name}</a></th><td>${s.kinds[x.kind as 'pulse'] ?? x.kind}</td><td>${x.touchpointId ? tp.get(x.touchpointId) ?? '–' : '–'}</td>
<td>${x.languages.map(langName).join(', ')}</td><td${x.status === 'draft' ? raw(' class="status-draft"') : ''}>${s.statuses[x.status as 'draft'] ?? x.status}</td><td class="num">${formatNumber(x.responses, p.language)}</td>
<td>${x.status === 'draft' ? html`<a href="${publishPath(x.id)}">${s.publishNow}<span class="visually-hidden"> ${x.name}</span></a>` : html`<a href="${sharePath(x.id)}">${s.share}<span class="visually-hidden"> ${x.name}</span></a>${x.status === 'active' && p.can('distribution:manage')
  ? html` · <a href="${LIST}/${x.id}/send">${sendText(p.language).newSend}<span class="visually-hidden"> ${x.name}</span></a>` : ''}`}</td></tr>`)}</tbody></table></div>`}`);
  });

  page(app, 'GET', `${LIST}/new`, 'surveys:write', async (_request, _reply, p) =>
    renderEditor(p, { draft: emptyDraft(p.language), touchpoints: await touchpointsOf(p.auth.orgId) }));

  page<{ id: string }>(app, 'GET', `${LIST}/:id`, 'surveys:write', async (request, _reply, p) => {
    const id = uuidParam(request.params.id, 'Survey');
    const [{ survey, answered, responses }, touchpoints] = await Promise.all([stored(p.auth.orgId, id), touchpointsOf(p.auth.orgId)]);
    const saved = one(request.query, 'saved');
    return renderEditor(p, { id, draft: draftFromSurvey(survey), status: survey.status, answered, responses, touchpoints, message: saved === 'created' ? builderText(p.language).created : saved ? builderText(p.language).saved : undefined });
  });

  /** "Publish now?" after a draft was saved: publishing goes on to the hub, and so does "not yet". */
  page<{ id: string }>(app, 'GET', `${LIST}/:id/publish`, 'surveys:write', async (request, reply, p) => {
    const id = uuidParam(request.params.id, 'Survey');
    const survey = await getSurvey(db, p.auth.orgId, id, { fresh: true });
    if (survey.status !== 'draft') return reply.redirect(sharePath(id), 303);
    return publishPage(p, survey, one(request.query, 'saved'));
  });

  page<{ id: string }>(app, 'POST', `${LIST}/:id/publish`, 'surveys:write', async (request, reply, p) => {
    const id = uuidParam(request.params.id, 'Survey');
    const survey = await getSurvey(db, p.auth.orgId, id, { fresh: true });
    if (one(request.body, 'confirm') !== '1') return publishPage(p, survey, undefined);
    if (survey.status === 'draft') await setSurveyStatus(db, p.auth.orgId, id, 'active');
    return reply.redirect(`${sharePath(id)}?published=1`, 303);
  });

  /** A post of the editor: one of its buttons (edit, preview, languages) renders it again; save checks and stores. */
  async function post(request: { body: unknown }, reply: FastifyReply, p: OpenPage, id: string | undefined) {
    const s = builderText(p.language);
    const context = id ? await stored(p.auth.orgId, id) : { answered: new Set<string>(), responses: 0, survey: undefined };
    const touchpoints = await touchpointsOf(p.auth.orgId);
    let draft = readDraft(request.body);
    const intent = many(request.body, 'intent').at(-1) ?? (many(request.body, 'previewLang').length > 1 ? 'preview' : 'save');
    const previewLang = many(request.body, 'previewLang').at(-1);
    const state = { id, answered: context.answered, responses: context.responses, touchpoints, previewLang, status: context.survey?.status, unsaved: true };
    if (intent !== 'save') {
      if (intent !== 'preview' && intent !== 'refresh') draft = applyEdit(draft, intent, one(request.body, 'newType') ?? 'text');
      return renderEditor(p, { ...state, draft, focus: focusAfter(intent, draft) });
    }
    const { errors, input } = checkDraft(draft, s, p.w, new Set(touchpoints.map((t) => t.id)));
    if (!input) return renderEditor(p, { ...state, draft, errors }, 400);
    try {
      const saved = id ? await replaceSurvey(db, p.auth.orgId, id, input) : await createSurvey(db, p.auth.orgId, input);
      const how = id ? 'saved=1' : 'saved=created';
      return reply.redirect(saved.status === 'draft' ? `${publishPath(saved.id)}?${how}` : `${sharePath(saved.id)}?${how}`, 303);
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

