/**
 * The alert-rule pages (rules:manage), server-rendered, working without scripts:
 *
 *  - /app/setup/alert-rules          the rules with each condition in words, edit, disable/enable;
 *  - /app/setup/alert-rules/new      the builder: pickers for what the answer is (detractor,
 *    /app/setup/alert-rules/:id      score ≤ N of a question, topic, negative tone, words), where
 *                                    (touchpoint, unit, segment), owner, priority and SLA; its
 *                                    Preview button counts the last 30 days' responses the rule
 *                                    would have caught, with the evaluator's own matching.
 *
 * A condition the builder cannot show (made through the API) is kept as it is unless the admin
 * replaces it. Bad input re-renders the form with the errors at their fields (400), nothing stored.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { casePriorities } from '../loop/cases.ts';
import { checkRuleReferences } from '../loop/configure.ts';
import { validateCondition, validateRoute, type Condition, type Route } from '../loop/rules.ts';
import { builderChoices, getRule, listRules, PREVIEW_DAYS, previewCount, saveRule, setRuleEnabled, type BuilderChoices, type StoredRule } from '../loop/rule-builder.ts';
import { DEFAULT_TOPICS } from '../text/lexicon/index.ts';
import { listTopics } from '../text/taxonomy.ts';
import { KaikuError } from '../errors.ts';
import { alertRulesText, type AlertRuleStrings, type RouteTo, type RuleWhen } from '../i18n/alert-rules.ts';
import { analysisText } from '../i18n/analysis-pages.ts';
import type { UiLanguage } from '../i18n/index.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { errorSummary, inputField, notice, one, page, selectField, uuidParam, type Errors, type OpenPage } from './page-kit.ts';

type Option = [value: string, label: string];
const whens: RuleWhen[] = ['detractor', 'score', 'topic', 'negative', 'keyword'];
const routeTargets: RouteTo[] = ['touchpoint_owner', 'user', 'round_robin', 'employee'];
const LIST = '/app/setup/alert-rules';

/** The builder's fields, as posted (all text) plus the two checkboxes. */
export interface RuleForm {
  name?: string; kind?: string; enabled: boolean; when?: string; question?: string; scoreMax?: string; topic?: string; keywords?: string;
  touchpoint?: string; unit?: string; segment?: string; routeTo?: string; routeUser?: string; routeUnit?: string; priority?: string; slaHours?: string;
  /** Keep a stored condition the builder cannot show. */
  keep: boolean;
}
type ConditionFields = Pick<RuleForm, 'when' | 'question' | 'scoreMax' | 'topic' | 'keywords' | 'touchpoint' | 'unit' | 'segment'>;

/** What the words and pickers need to know about the organisation. */
export interface RuleVocabulary {
  /** Scored questions by key: label in the reader's language, type, highest score. */
  questions: Map<string, { label: string; type: string; max: number }>;
  topics: Map<string, string>;
  touchpoints: Map<string, string>;
  units: Map<string, string>;
  segments: string[];
}

const scaleMax = (type: string, stored: number | null) => (type === 'nps' ? 10 : stored ?? (type === 'ces' || type === 'likert7' ? 7 : 5));
const DETRACTOR_MAX = 6;

export function vocabulary(choices: BuilderChoices, language: UiLanguage, orgTopicLabels: Map<string, string>): RuleVocabulary {
  const questions = new Map<string, { label: string; type: string; max: number; surveys: string[] }>();
  for (const q of choices.questions) {
    const text = q.texts?.[language]?.label ?? Object.values(q.texts ?? {}).find((t) => t?.label)?.label ?? q.key;
    const seen = questions.get(q.key);
    if (seen) { if (!seen.surveys.includes(q.surveyName)) seen.surveys.push(q.surveyName); continue; }
    questions.set(q.key, { label: text, type: q.type, max: scaleMax(q.type, q.scaleMax), surveys: [q.surveyName] });
  }
  const names = analysisText(language).text.topicNames;
  return {
    questions: new Map([...questions].map(([key, q]) => [key, { label: `${q.label} (${q.surveys.join(', ')})`, type: q.type, max: q.max }])),
    // Rules match the default topics (validateCondition knows only those); the org may have renamed them.
    topics: new Map(DEFAULT_TOPICS.map((id) => [id, orgTopicLabels.get(id) ?? names[id] ?? id.replace(/_/g, ' ')])),
    touchpoints: new Map(choices.touchpoints.map((t) => [t.id, t.name])),
    units: new Map(choices.units.map((u) => [u.id, u.name])),
    segments: choices.segments,
  };
}

const splitWords = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** The builder's choices as a condition; each problem goes to its field in `errors`. */
export function formToCondition(form: ConditionFields, v: RuleVocabulary, s: AlertRuleStrings, errors: Errors): Condition | undefined {
  let main: Condition | undefined;
  const question = form.question ? v.questions.get(form.question) : undefined;
  if (form.question && !question) errors.set('question', s.errors.needQuestion);
  switch (form.when) {
    case 'detractor':
      if (!form.question) main = { nps: 'detractor' };
      else if (question && question.type !== 'nps') errors.set('question', s.errors.npsQuestion);
      else if (question) main = { answer: form.question, op: 'lte', value: DETRACTOR_MAX };
      break;
    case 'score': {
      if (!form.question) { errors.set('question', s.errors.needQuestion); break; }
      const max = question?.max ?? 10;
      const n = Number(form.scoreMax);
      if (!form.scoreMax || !/^\d+$/.test(form.scoreMax) || n > max) { errors.set('scoreMax', s.errors.scoreRange(max)); break; }
      if (question) main = { answer: form.question, op: 'lte', value: n };
      break;
    }
    case 'topic':
      if (!form.topic || !v.topics.has(form.topic)) errors.set('topic', s.errors.needTopic);
      else main = { topic: form.topic };
      break;
    case 'negative': main = { text: 'negative' }; break;
    case 'keyword': {
      const words = splitWords(form.keywords);
      if (words.length === 0) errors.set('keywords', s.errors.needKeywords);
      else if (words.length > 20) errors.set('keywords', s.errors.tooManyKeywords);
      else if (words.some((w) => w.length > 100)) errors.set('keywords', s.errors.keywordTooLong);
      else main = words.length === 1 ? { keyword: words[0] } : { any: words.map((keyword) => ({ keyword })) };
      break;
    }
    default: errors.set('when', s.errors.needWhen);
  }
  const where: Condition[] = [];
  if (form.touchpoint) { if (v.touchpoints.has(form.touchpoint)) where.push({ touchpoint: [form.touchpoint] }); else errors.set('touchpoint', s.anyTouchpoint); }
  if (form.unit) { if (v.units.has(form.unit)) where.push({ unit: [form.unit] }); else errors.set('unit', s.anyUnit); }
  if (form.segment) { if (v.segments.includes(form.segment)) where.push({ segment: [form.segment] }); else errors.set('segment', s.anySegment); }
  if (!main || errors.size > 0) return undefined;
  return where.length === 0 ? main : { all: [main, ...where] };
}

/** A stored condition as the builder's choices, or undefined when the builder cannot show it. */
export function conditionToForm(condition: Condition, v: Pick<RuleVocabulary, 'questions'>): ConditionFields | undefined {
  const parts = 'all' in condition ? condition.all : [condition];
  const out: ConditionFields = {};
  let mains = 0;
  for (const c of parts) {
    if ('touchpoint' in c && c.touchpoint.length === 1 && !out.touchpoint) out.touchpoint = c.touchpoint[0];
    else if ('unit' in c && c.unit.length === 1 && !out.unit) out.unit = c.unit[0];
    else if ('segment' in c && c.segment.length === 1 && !out.segment) out.segment = c.segment[0];
    else if ('nps' in c && c.nps === 'detractor') { mains++; out.when = 'detractor'; }
    else if ('answer' in c && c.op === 'lte' && typeof c.value === 'number' && Number.isInteger(c.value)) {
      mains++;
      const nps = v.questions.get(c.answer)?.type === 'nps';
      Object.assign(out, nps && c.value === DETRACTOR_MAX ? { when: 'detractor', question: c.answer } : { when: 'score', question: c.answer, scoreMax: String(c.value) });
    } else if ('topic' in c) { mains++; Object.assign(out, { when: 'topic', topic: c.topic }); }
    else if ('text' in c && c.text === 'negative') { mains++; out.when = 'negative'; }
    else if ('keyword' in c) { mains++; Object.assign(out, { when: 'keyword', keywords: c.keyword }); }
    else if ('any' in c && c.any.every((k) => 'keyword' in k)) { mains++; Object.assign(out, { when: 'keyword', keywords: c.any.map((k) => ('keyword' in k ? k.keyword : '')).join(', ') }); }
    else return undefined;
  }
  return mains === 1 ? out : undefined;
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
const quoted = (text: string) => `“${text}”`;

/** A condition in the reader's words: "Detractor (NPS 0–6) at E-lasku, unit North". */
export function conditionInWords(condition: Condition, v: RuleVocabulary, s: AlertRuleStrings): string {
  const w = s.words;
  const nameOf = (names: Map<string, string>, ids: string[]) => ids.map((id) => names.get(id) ?? w.removed).join(w.or);
  const questionOf = (key: string) => w.inQuestion(v.questions.get(key)?.label.replace(/ \([^)]*\)$/, '') ?? key);
  const context = (c: Condition): string | undefined =>
    'touchpoint' in c ? w.at(nameOf(v.touchpoints, c.touchpoint)) : 'unit' in c ? w.unit(nameOf(v.units, c.unit)) : 'segment' in c ? w.segment(c.segment.join(w.or)) : undefined;
  const say = (c: Condition): string => {
    if ('all' in c) {
      const where = c.all.map(context);
      const what = c.all.filter((_, i) => where[i] === undefined).map(say).join(w.and);
      const suffix = where.filter((x): x is string => x !== undefined).join('');
      return what ? what + suffix : capitalise(suffix.replace(/^[,\s]+/, ''));
    }
    if ('any' in c) {
      if (c.any.every((k) => 'keyword' in k)) return w.keyword(c.any.map((k) => quoted('keyword' in k ? k.keyword : '')).join(w.or));
      return c.any.map(say).join(w.or);
    }
    if ('not' in c) return w.not(say(c.not));
    if ('nps' in c) return w[c.nps];
    if ('answer' in c) {
      const value = c.value;
      if (c.op === 'dont_know') return w.dontKnow + questionOf(c.answer);
      if (c.op === 'lte' && value === DETRACTOR_MAX && v.questions.get(c.answer)?.type === 'nps') return w.detractor + questionOf(c.answer);
      if (c.op === 'lte') return w.scoreAtMost(value as number) + questionOf(c.answer);
      if (c.op === 'gte') return w.scoreAtLeast(value as number) + questionOf(c.answer);
      return w.answerIs((Array.isArray(value) ? value : [value]).map((x) => quoted(String(x))).join(w.or)) + questionOf(c.answer);
    }
    if ('csat' in c) return w.csat(c.csat.lte, c.csat.gte);
    if ('likert' in c) return w.likert[c.bucket] + questionOf(c.likert);
    if ('text' in c) return w.sentiment[c.text];
    if ('topic' in c) return w.topic(v.topics.get(c.topic) ?? c.topic);
    if ('keyword' in c) return w.keyword(quoted(c.keyword));
    if ('contact' in c) {
      const who = w.contact(c.contact);
      if (c.op === 'exists') return capitalise(who);
      const value = Array.isArray(c.value) ? c.value.join(w.or) : String(c.value);
      return capitalise(`${who} ${c.op === 'lte' ? '≤' : c.op === 'gte' ? '≥' : '='} ${value}`);
    }
    return capitalise((context(c) ?? '').replace(/^[,\s]+/, ''));
  };
  return say(condition);
}

function ownerInWords(route: Route, s: AlertRuleStrings, users: Map<string, string>, units: Map<string, string>): string {
  if (route.to === 'user') return `${s.routes.user}: ${users.get(route.userId) ?? s.words.removed}`;
  if (route.to === 'round_robin') return `${s.routes.round_robin}: ${units.get(route.unitId) ?? s.words.removed}`;
  return s.routes[route.to];
}

function radioGroup(id: string, legend: string, options: Option[], checked: string | undefined, errors: Errors): SafeHtml {
  return html`<fieldset class="choices${errors.has(id) ? ' field-error' : ''}" id="${id}"${raw(errors.has(id) ? ` aria-describedby="${id}-error"` : '')}><legend>${legend}</legend>
${errors.has(id) ? html`<p class="error-message" id="${id}-error">${errors.get(id)}</p>` : ''}
${options.map(([value, text]) => html`<div class="choice"><input type="radio" id="${id}-${value}" name="${id}" value="${value}"${value === checked ? raw(' checked') : ''}><label for="${id}-${value}">${text}</label></div>`)}</fieldset>`;
}

export async function alertRulePageRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const now = () => (app.deps.now ?? (() => new Date()))();

  async function context(p: OpenPage) {
    const [choices, topics] = await Promise.all([builderChoices(db, p.auth.orgId), listTopics(db, p.auth.orgId)]);
    const labels = new Map(topics.filter((t) => t.label).map((t) => [t.id, t.label as string]));
    return { choices, v: vocabulary(choices, p.language, labels), s: alertRulesText(p.language) };
  }

  const breadcrumb = (p: OpenPage, trail: boolean) =>
    html`<nav aria-label="${p.w.setup.title}"><p><a href="/app/setup">${p.w.setup.title}</a>${trail ? html` › <a href="${LIST}">${alertRulesText(p.language).title}</a>` : ''}</p></nav>`;

  page(app, 'GET', LIST, 'rules:manage', async (request, _reply, p) => {
    const [{ choices, v, s }, rules] = await Promise.all([context(p), listRules(db, p.auth.orgId)]);
    const users = new Map(choices.users.map((u) => [u.id, u.name]));
    const saved = one(request.query, 'saved');
    const message = saved === 'created' ? s.created : saved === 'saved' ? s.saved : saved === 'disabled' ? s.disabledNotice : saved === 'enabled' ? s.enabledNotice : undefined;
    const c = s.columns;
    return p.send('setup', s.title, html`${breadcrumb(p, false)}<h1>${s.title}</h1><p class="lead">${s.intro}</p>
${notice(message)}
<p><a class="button" href="${LIST}/new">${s.newRule}</a></p>
${rules.length === 0 ? html`<div class="empty"><p>${s.none}</p></div>` : html`<div class="table-scroll"><table><caption>${s.caption}</caption>
<thead><tr><th scope="col">${c.name}</th><th scope="col">${c.condition}</th><th scope="col">${c.owner}</th><th scope="col">${c.priority}</th><th scope="col" class="num">${c.sla}</th><th scope="col">${c.status}</th><th scope="col">${c.actions}</th></tr></thead>
<tbody>${rules.map((r) => html`<tr><th scope="row">${r.name}${r.kind === 'praise' ? html` <span class="muted">(${s.kinds.praise})</span>` : ''}</th>
<td>${conditionInWords(r.condition, v, s)}</td><td>${ownerInWords(r.route, s, users, v.units)}</td><td>${p.w.priority[r.priority as 'normal'] ?? r.priority}</td><td class="num">${r.slaHours}</td>
<td>${r.enabled ? s.enabled : s.disabled}</td>
<td><a href="${LIST}/${r.id}">${s.edit}<span class="visually-hidden"> ${r.name}</span></a>
<form class="inline-form" method="post" action="${LIST}/${r.id}/enabled"><input type="hidden" name="enabled" value="${r.enabled ? '0' : '1'}"><button class="button ${r.enabled ? 'danger' : 'secondary'}" type="submit">${r.enabled ? s.disable : s.enable}<span class="visually-hidden"> ${r.name}</span></button></form></td></tr>`)}</tbody></table></div>`}`);
  });

  interface FormState { errors?: Errors; preview?: string; stored?: StoredRule; status?: number }

  async function ruleForm(p: OpenPage, id: string | undefined, form: RuleForm, state: FormState = {}) {
    const { choices, v, s } = await context(p);
    const errors = state.errors ?? new Map();
    const title = id ? s.editTitle(form.name ?? '') : s.newTitle;
    const unfit = state.stored && !conditionToForm(state.stored.condition, v) ? state.stored.condition : undefined;
    const questionOptions: Option[] = [['', s.anyNps], ...[...v.questions].map(([key, q]): Option => [key, q.label])];
    return p.send('setup', title, html`${breadcrumb(p, true)}<h1>${title}</h1>
${errorSummary(p.w, errors)}
<form method="post" action="${id ? `${LIST}/${id}` : LIST}" class="stack" novalidate>
${inputField('name', s.name, form.name, errors, { required: true, attrs: 'maxlength="200"' })}
<div class="form-grid">${selectField('kind', s.kind, [['problem', s.kinds.problem], ['praise', s.kinds.praise]], form.kind ?? 'problem', errors)}</div>
<div class="choice"><input type="checkbox" id="enabled" name="enabled" value="1"${form.enabled ? raw(' checked') : ''}><label for="enabled">${s.enabledLabel}</label></div>
${unfit ? html`<div class="panel"><p>${conditionInWords(unfit, v, s)}</p><div class="choice"><input type="checkbox" id="keep" name="keep" value="1" aria-describedby="keep-hint"${form.keep ? raw(' checked') : ''}><label for="keep">${s.keep}</label></div><p class="muted hint" id="keep-hint">${s.keepHint}</p></div>` : ''}
${radioGroup('when', s.whenHeading, whens.map((x): Option => [x, s.when[x]]), form.when, errors)}
<div class="form-grid">
${selectField('question', s.question, questionOptions, form.question, errors, { hint: s.questionHint })}
${inputField('scoreMax', s.scoreMax, form.scoreMax, errors, { type: 'number', hint: s.scoreHint, attrs: 'min="0" max="100" inputmode="numeric"' })}
${selectField('topic', s.topic, [['', s.chooseOne], ...[...v.topics].map((t): Option => t)], form.topic, errors)}
${inputField('keywords', s.keywords, form.keywords, errors, { hint: s.keywordsHint, attrs: 'maxlength="2000"' })}
</div>
<fieldset><legend>${s.whereHeading}</legend><div class="form-grid">
${selectField('touchpoint', s.touchpoint, [['', s.anyTouchpoint], ...[...v.touchpoints].map((t): Option => t)], form.touchpoint, errors)}
${selectField('unit', s.unit, [['', s.anyUnit], ...[...v.units].map((u): Option => u)], form.unit, errors)}
${selectField('segment', s.segment, [['', s.anySegment], ...v.segments.map((x): Option => [x, x])], form.segment, errors)}
</div></fieldset>
<fieldset><legend>${s.ownerHeading}</legend><div class="form-grid">
${selectField('routeTo', s.routeTo, routeTargets.map((r): Option => [r, s.routes[r]]), form.routeTo ?? 'touchpoint_owner', errors)}
${selectField('routeUser', s.routeUser, [['', s.chooseOne], ...choices.users.map((u): Option => [u.id, u.name])], form.routeUser, errors)}
${selectField('routeUnit', s.routeUnit, [['', s.chooseOne], ...choices.units.map((u): Option => [u.id, u.name])], form.routeUnit, errors)}
</div><div class="form-grid">
${selectField('priority', s.priority, casePriorities.map((x): Option => [x, p.w.priority[x]]), form.priority ?? 'normal', errors)}
${inputField('slaHours', s.slaHours, form.slaHours ?? '24', errors, { type: 'number', hint: s.slaHint, attrs: 'min="0" max="2000" inputmode="numeric"' })}
</div></fieldset>
${state.preview ? html`<p class="notice" role="status" id="preview-result">${state.preview}</p>` : ''}
<div class="form-actions"><button class="button secondary" type="submit" name="intent" value="preview">${s.preview}</button> <button class="button" type="submit" name="intent" value="save">${s.save}</button> <a href="${LIST}">${s.cancel}</a></div>
</form>`, state.status ?? 200);
  }

  const blank: RuleForm = { enabled: true, keep: false, when: 'detractor', kind: 'problem', routeTo: 'touchpoint_owner', priority: 'normal', slaHours: '24' };

  page(app, 'GET', `${LIST}/new`, 'rules:manage', async (_request, _reply, p) => ruleForm(p, undefined, blank));

  page<{ id: string }>(app, 'GET', `${LIST}/:id`, 'rules:manage', async (request, _reply, p) => {
    const id = uuidParam(request.params.id, 'Alert rule');
    const rule = await getRule(db, p.auth.orgId, id);
    const { v } = await context(p);
    const fields = conditionToForm(rule.condition, v);
    const route = rule.route as { to: string; userId?: string; unitId?: string };
    return ruleForm(p, id, {
      ...(fields ?? {}), name: rule.name, kind: rule.kind, enabled: rule.enabled, keep: !fields, routeTo: route.to, routeUser: route.userId, routeUnit: route.unitId,
      priority: rule.priority, slaHours: String(rule.slaHours),
    }, { stored: rule });
  });

  /** Checks the posted form; with intent=preview only the condition is checked, and counted. */
  async function submit(p: OpenPage, reply: FastifyReply, body: unknown, id: string | undefined) {
    const stored = id ? await getRule(db, p.auth.orgId, id) : undefined; // 404 for another organisation's rule
    const field = (name: string) => one(body, name);
    const form: RuleForm = {
      name: field('name'), kind: field('kind'), enabled: field('enabled') === '1', when: field('when'), question: field('question'), scoreMax: field('scoreMax'),
      topic: field('topic'), keywords: field('keywords'), touchpoint: field('touchpoint'), unit: field('unit'), segment: field('segment'),
      routeTo: field('routeTo'), routeUser: field('routeUser'), routeUnit: field('routeUnit'), priority: field('priority'), slaHours: field('slaHours'), keep: field('keep') === '1',
    };
    const { v, s } = await context(p);
    const errors: Errors = new Map();
    const keeping = stored && form.keep && !conditionToForm(stored.condition, v);
    let condition = keeping ? stored.condition : formToCondition(form, v, s, errors);
    if (condition) {
      try { condition = validateCondition(condition); } catch (error) {
        if (!(error instanceof KaikuError)) throw error;
        errors.set('when', p.w.common.notValid(error.message));
        condition = undefined;
      }
    }
    if (field('intent') === 'preview') {
      if (!condition) return ruleForm(p, id, form, { errors, stored, status: 400 });
      const { matched, responses } = await previewCount(db, p.auth.orgId, condition, now());
      return ruleForm(p, id, form, { stored, preview: s.previewResult(matched, responses, PREVIEW_DAYS) });
    }
    if (!form.name) errors.set('name', p.w.common.required); else if (form.name.length > 200) errors.set('name', p.w.common.tooLong(200));
    if (form.kind !== 'problem' && form.kind !== 'praise') errors.set('kind', p.w.common.choose);
    if (!(casePriorities as readonly string[]).includes(form.priority ?? '')) errors.set('priority', p.w.common.choose);
    const sla = form.slaHours === undefined ? 24 : Number(form.slaHours);
    if (form.slaHours !== undefined && (!/^\d+$/.test(form.slaHours) || sla > 2000)) errors.set('slaHours', p.w.common.number(0, 2000));
    let route: Route | undefined;
    const routeField = form.routeTo === 'user' ? 'routeUser' : form.routeTo === 'round_robin' ? 'routeUnit' : 'routeTo';
    try {
      route = validateRoute(form.routeTo === 'user' ? { to: 'user', userId: form.routeUser } : form.routeTo === 'round_robin' ? { to: 'round_robin', unitId: form.routeUnit } : { to: form.routeTo });
      await checkRuleReferences(db, p.auth.orgId, route);
    } catch (error) {
      if (!(error instanceof KaikuError)) throw error;
      errors.set(routeField, p.w.common.choose);
    }
    if (errors.size > 0 || !condition || !route) return ruleForm(p, id, form, { errors, stored, status: 400 });
    await saveRule(db, p.auth.orgId, id, { name: form.name!, kind: form.kind as 'problem', enabled: form.enabled, condition, route, priority: form.priority!, slaHours: sla });
    return reply.redirect(`${LIST}?saved=${id ? 'saved' : 'created'}`, 303);
  }

  page(app, 'POST', LIST, 'rules:manage', async (request, reply, p) => submit(p, reply, request.body, undefined));

  page<{ id: string }>(app, 'POST', `${LIST}/:id`, 'rules:manage', async (request, reply, p) =>
    submit(p, reply, request.body, uuidParam(request.params.id, 'Alert rule')));

  page<{ id: string }>(app, 'POST', `${LIST}/:id/enabled`, 'rules:manage', async (request, reply, p) => {
    const enabled = one(request.body, 'enabled') === '1';
    await setRuleEnabled(db, p.auth.orgId, uuidParam(request.params.id, 'Alert rule'), enabled);
    return reply.redirect(`${LIST}?saved=${enabled ? 'enabled' : 'disabled'}`, 303);
  });
}
