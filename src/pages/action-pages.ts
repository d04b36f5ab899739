/**
 * The action-plan pages of the dashboard, server-rendered without scripts:
 *
 *  - /app/actions: the plans, filtered by status and owner in the URL, overdue ones marked;
 *  - /app/actions/new: a new plan, prefilled from the URL (touchpointId, questionId, topic) so the
 *    driver and touchpoint pages can link "start an action plan" to it;
 *  - /app/actions/:id: the plan — what it is tied to, owner, due date, status change — and its
 *    effect: the metric before vs after the start with n, the change with its 95 % interval and
 *    the p-value of the metrics domain's test (src/actions/service.ts), in words and as a chart.
 *
 * Everything goes through src/actions/service.ts, with the API's permissions (actions:read,
 * actions:write); ids of another organisation are "not found" as in the API.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KaikuError } from '../errors.ts';
import { listUsers } from '../auth/service.ts';
import { touchpointChoices } from '../surveys/service.ts';
import { formatNumber, formatP } from '../i18n/index.ts';
import { actionText, type ActionStrings } from '../i18n/actions.ts';
import { metrics, type Metric } from '../metrics/queries.ts';
import {
  actionPlanEffect, actionPlanStatuses, createActionPlan, getActionPlan, listActionPlans, updateActionPlan, type ActionPlan, type ActionPlanStatus,
} from '../actions/service.ts';
import { effectFigures, MIN_ANSWERS_PER_SIDE, type EffectFigures } from '../actions/effect-summary.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { effectChart } from './effect-chart.ts';
import { questionLabel } from './journey-map-view.ts';
import {
  checkText, dateTime, errorSummary, inputField, notice, one, page, selectField, textareaField, uuidParam, UUID, type Errors, type OpenPage,
} from './page-kit.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PAGE_SIZE = 50;
/** Days of each window of the effect (before and after the start), as the API's default. */
const EFFECT_DAYS = 90;
const formFields = ['title', 'description', 'metric', 'touchpointId', 'questionId', 'topic', 'ownerUserId', 'startsOn', 'dueOn'] as const;
type FormValues = Partial<Record<(typeof formFields)[number], string>>;

const validDate = (v: string) => DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
/** Plan dates are UTC midnights (service.ts parseDay): shown in UTC so they never move a day. */
const day = (value: string | null, p: OpenPage) => dateTime(value, p.language, 'UTC', false);
const isOverdue = (plan: ActionPlan, now: Date) => plan.dueOn !== null && (plan.status === 'planned' || plan.status === 'in_progress') && new Date(plan.dueOn) < now;

const queryString = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
};

interface Names { users: Map<string, string>; activeUsers: Array<[string, string]>; touchpoints: Array<[string, string]>; questions: Array<[string, string]> }

/** Owners, touchpoints and the score questions a plan can be tied to (not the re-survey's), in the reader's language. */
async function names(db: FastifyInstance['deps']['db'], orgId: string, language: string): Promise<Names> {
  const [users, touchpoints, questions] = await Promise.all([
    listUsers(db, orgId),
    touchpointChoices(db, orgId),
    db.query<{ id: string; key: string; texts: Record<string, { label?: string }> | null; survey: string }>(
      `select q.id, q.key, q.texts, s.name as survey from questions q join surveys s on s.org_id = q.org_id and s.id = q.survey_id
        where q.org_id = $1 and q.type in ('nps', 'csat', 'ces', 'likert7', 'rating')
          and s.id is distinct from (select resurvey_survey_id from organizations where id = $1)
        order by s.name, q.position`, [orgId]),
  ]);
  return {
    users: new Map(users.map((u) => [u.id, u.name])),
    activeUsers: users.filter((u) => !u.disabledAt).map((u) => [u.id, u.name]),
    touchpoints: touchpoints.map((t) => [t.id, t.name]),
    questions: questions.map((q) => [q.id, `${questionLabel(q.texts, language) ?? q.key} (${q.survey})`]),
  };
}

function tiedTo(a: ActionStrings, plan: ActionPlan, n: Names): string[] {
  const find = (list: Array<[string, string]>, id: string) => list.find(([k]) => k === id)?.[1] ?? '–';
  return [
    plan.touchpointId ? a.plan.touchpoint(find(n.touchpoints, plan.touchpointId)) : '',
    plan.questionId ? a.plan.question(find(n.questions, plan.questionId)) : '',
    plan.topic ? a.plan.topic(plan.topic) : '',
  ].filter(Boolean);
}

// --- the effect in words, figures and a chart ---------------------------------------------------

/** A figure on the metric's own scale: NPS points, shares as %, means with two decimals. */
function formatValue(f: EffectFigures, value: number, language: string): string {
  if (f.scale === 'share') return `${formatNumber(100 * value, language, 1)} %`;
  return formatNumber(value, language, f.scale === 'points' ? 1 : 2);
}

/** A change: signed, with its unit (points, percentage points). */
function formatChange(a: ActionStrings, f: EffectFigures, change: number, language: string): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '';
  const size = Math.abs(change);
  if (f.scale === 'share') return `${sign}${formatNumber(100 * size, language, 1)} ${a.effect.percentPoints}`;
  if (f.scale === 'points') return `${sign}${formatNumber(size, language, 1)} ${a.effect.points}`;
  return `${sign}${formatNumber(size, language, 2)}`;
}


function effectSection(a: ActionStrings, p: OpenPage, f: EffectFigures | { notStarted: string }): SafeHtml {
  const e = a.effect;
  const heading = html`<h2 id="effect-heading">${e.heading}</h2>`;
  if ('notStarted' in f) return html`<section aria-labelledby="effect-heading">${heading}<div class="empty" role="status"><p>${e.notStarted(day(f.notStarted, p))}</p></div></section>`;
  const L = p.language;
  const metric = a.metrics[f.metric];
  // Windows end just before `to` (the start, or now): the last day shown is the one that instant falls on.
  const period = (s: EffectFigures['before']) => `${day(s.from, p)} – ${day(new Date(new Date(s.to).getTime() - 1).toISOString(), p)}`;
  const value = (s: EffectFigures['before']) => (s.value === null ? '–' : formatValue(f, s.value, L));
  const table = html`<div class="table-scroll"><table class="effect-table"><caption>${e.tableCaption}</caption>
<thead><tr><td></td><th scope="col">${e.period}</th><th scope="col" class="num">${metric}</th><th scope="col" class="num">${e.answers}</th></tr></thead>
<tbody>${([['before', f.before], ['after', f.after]] as const).map(([key, s]) => html`<tr><th scope="row">${e[key]}</th><td>${period(s)}</td><td class="num" data-figure="${key}">${value(s)}</td><td class="num" data-figure="${key}-n">${s.n}</td></tr>`)}</tbody></table></div>`;
  if (f.verdict === 'notEnoughData' || f.difference === null) {
    return html`<section aria-labelledby="effect-heading">${heading}<p>${e.intro(Math.round(f.windowDays))}</p>
<div class="empty" role="status"><p>${e.notEnoughData(MIN_ANSWERS_PER_SIDE, f.before.n, f.after.n)}</p></div>${table}</section>`;
  }
  const change = formatChange(a, f, f.difference, L);
  const chart = effectChart([
    { label: e.before, value: f.before.value!, ci95: f.before.ci95, text: `${value(f.before)} (n = ${f.before.n})` },
    { label: e.after, value: f.after.value!, ci95: f.after.ci95, text: `${value(f.after)} (n = ${f.after.n})` },
  ], { id: 'effect-chart', title: `${e.chartTitle}: ${metric}`, desc: e.chartDesc(`${value(f.before)} (n = ${f.before.n})`, `${value(f.after)} (n = ${f.after.n})`) });
  return html`<section aria-labelledby="effect-heading">${heading}<p>${e.intro(Math.round(f.windowDays))}</p>
<p class="effect-summary"><strong>${e.summary(metric, value(f.after), value(f.before), change)}</strong> ${e.verdict[f.verdict as keyof ActionStrings['effect']['verdict']]}</p>
<dl class="figures">
<dt>${e.difference}</dt><dd data-figure="difference">${change}</dd>
<dt>${e.ci}</dt><dd data-figure="ci">${f.ci95 ? e.range(formatChange(a, f, f.ci95[0], L), formatChange(a, f, f.ci95[1], L)) : '–'}</dd>
<dt>${e.p}</dt><dd data-figure="p">${f.p === null ? '–' : formatP(f.p, L)}</dd>
</dl>
<figure class="chart-figure">${raw(chart)}</figure>
${table}</section>`;
}

// --- routes -------------------------------------------------------------------------------------

export async function actionPageRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const now = () => (app.deps.now ?? (() => new Date()))();

  page(app, 'GET', '/app/actions', 'actions:read', async (request, _reply, p) => {
    const a = actionText(p.language);
    const invalid: string[] = [];
    const status = one(request.query, 'status');
    const owner = one(request.query, 'owner');
    const cursor = one(request.query, 'cursor');
    if (status && !(actionPlanStatuses as readonly string[]).includes(status)) invalid.push('status');
    if (owner && !UUID.test(owner)) invalid.push('owner');
    const filters = {
      status: invalid.includes('status') ? undefined : status as ActionPlanStatus | undefined,
      ownerUserId: invalid.includes('owner') ? undefined : owner,
    };
    let list: Awaited<ReturnType<typeof listActionPlans>>;
    try {
      list = await listActionPlans(db, p.auth.orgId, { limit: PAGE_SIZE, cursor, ...filters });
    } catch (error) {
      if (!(error instanceof KaikuError) || error.field !== 'cursor') throw error;
      invalid.push('cursor');
      list = await listActionPlans(db, p.auth.orgId, { limit: PAGE_SIZE, ...filters });
    }
    const n = await names(db, p.auth.orgId, p.language);
    const today = now();
    const none: Errors = new Map();
    const base = { status: filters.status, owner: filters.ownerUserId };
    const filterForm = html`<form class="filters" method="get" action="/app/actions" aria-labelledby="filters-heading">
<h2 id="filters-heading" class="visually-hidden">${a.filtersHeading}</h2>
${selectField('status', a.status, [['', a.anyStatus], ...actionPlanStatuses.map((s): [string, string] => [s, a.statuses[s]])], filters.status, none)}
${selectField('owner', a.owner, [['', a.anyOwner], ...n.activeUsers], filters.ownerUserId, none)}
<div class="form-actions"><button class="button" type="submit">${a.apply}</button> <a href="/app/actions">${a.reset}</a></div></form>`;
    const c = a.columns;
    const rows = list.items;
    const table = rows.length === 0
      ? html`<div class="empty" role="status"><p>${filters.status || filters.ownerUserId ? a.emptyFiltered : a.empty}</p></div>`
      : html`<div class="table-scroll"><table><caption>${a.caption(rows.length)}</caption>
<thead><tr><th scope="col">${c.title}</th><th scope="col">${c.tiedTo}</th><th scope="col">${c.owner}</th><th scope="col">${c.status}</th><th scope="col">${c.starts}</th><th scope="col">${c.due}</th></tr></thead>
<tbody>${rows.map((plan) => html`<tr>
<th scope="row"><a href="/app/actions/${plan.id}">${plan.title}</a></th><td>${tiedTo(a, plan, n).join(' · ')}</td>
<td>${plan.ownerUserId ? n.users.get(plan.ownerUserId) ?? '–' : a.noOwner}</td><td>${a.statuses[plan.status]}</td>
<td>${day(plan.startsOn, p)}</td><td>${day(plan.dueOn, p)}${isOverdue(plan, today) ? html` <span class="overdue">(${a.overdue})</span>` : ''}</td></tr>`)}</tbody></table></div>`;
    const pager = html`<nav aria-label="${a.title}"><p>${cursor ? html`<a href="/app/actions${queryString(base)}">${p.w.common.firstPage}</a> ` : ''}${list.nextCursor ? html`<a href="/app/actions${queryString({ ...base, cursor: list.nextCursor })}">${p.w.common.nextPage}</a>` : ''}</p></nav>`;
    return p.send('actions', a.title, html`<h1>${a.title}</h1><p class="lead">${a.intro}</p>
${p.can('actions:write') ? html`<p><a class="button" href="/app/actions/new">${a.newPlan}</a></p>` : ''}
${invalid.length ? notice(a.invalidFilter(invalid.join(', '))) : ''}
${filterForm}${table}${pager}`);
  });

  function planForm(p: OpenPage, a: ActionStrings, n: Names, values: FormValues, errors: Errors): SafeHtml {
    const f = a.form;
    return html`<h1>${f.heading}</h1><p class="lead">${f.intro}</p>${errorSummary(p.w, errors)}
<form method="post" action="/app/actions" class="stack" novalidate>
${inputField('title', f.planTitle, values.title, errors, { required: true, attrs: 'maxlength="200"' })}
${textareaField('description', f.description, values.description, errors)}
<fieldset class="choices"><legend>${f.tiedLegend}</legend><p class="muted hint">${f.tiedHint}</p>
${selectField('touchpointId', f.touchpoint, [['', f.noTouchpoint], ...n.touchpoints], values.touchpointId, errors)}
${selectField('questionId', f.question, [['', f.noQuestion], ...n.questions], values.questionId, errors)}
${inputField('topic', f.topic, values.topic, errors, { hint: f.topicHint, attrs: 'maxlength="100"' })}</fieldset>
${selectField('metric', f.metric, metrics.map((m): [string, string] => [m, a.metrics[m]]), values.metric ?? 'nps', errors, { hint: f.metricHint })}
${selectField('ownerUserId', a.owner, [['', a.noOwner], ...n.activeUsers], values.ownerUserId, errors)}
${inputField('startsOn', f.startsOn, values.startsOn, errors, { type: 'date', required: true, hint: f.startsHint })}
${inputField('dueOn', f.dueOn, values.dueOn, errors, { type: 'date' })}
<div class="form-actions"><button class="button" type="submit">${f.create}</button> <a href="/app/actions">${p.w.common.cancel}</a></div></form>`;
  }

  page(app, 'GET', '/app/actions/new', 'actions:write', async (request, _reply, p) => {
    const a = actionText(p.language);
    const n = await names(db, p.auth.orgId, p.language);
    // Prefilled from the driver and touchpoint pages; ids that are not the organisation's are dropped.
    const pick = (name: 'touchpointId' | 'questionId', list: Array<[string, string]>) => {
      const v = one(request.query, name);
      return v && list.some(([id]) => id === v.toLowerCase()) ? v.toLowerCase() : undefined;
    };
    const metric = one(request.query, 'metric');
    const values: FormValues = {
      touchpointId: pick('touchpointId', n.touchpoints), questionId: pick('questionId', n.questions), topic: one(request.query, 'topic')?.slice(0, 100),
      metric: metric && (metrics as readonly string[]).includes(metric) ? metric : undefined, startsOn: now().toISOString().slice(0, 10),
    };
    return p.send('actions', a.form.heading, planForm(p, a, n, values, new Map()));
  });

  page(app, 'POST', '/app/actions', 'actions:write', async (request, reply, p) => {
    const a = actionText(p.language);
    const f = a.form;
    const values = Object.fromEntries(formFields.map((k) => [k, one(request.body, k)])) as FormValues;
    const errors: Errors = new Map();
    checkText(p.w, errors, 'title', values.title, 200, true);
    checkText(p.w, errors, 'description', values.description, 5000);
    checkText(p.w, errors, 'topic', values.topic, 100);
    if (!values.touchpointId && !values.questionId && !values.topic) errors.set('touchpointId', f.needTie);
    for (const id of ['touchpointId', 'questionId', 'ownerUserId'] as const) if (values[id] && !UUID.test(values[id]!)) errors.set(id, p.w.common.choose);
    if (values.metric && !(metrics as readonly string[]).includes(values.metric)) errors.set('metric', p.w.common.choose);
    if (!values.startsOn) errors.set('startsOn', p.w.common.required);
    else if (!validDate(values.startsOn)) errors.set('startsOn', f.badDate);
    if (values.dueOn && !validDate(values.dueOn)) errors.set('dueOn', f.badDate);
    else if (values.dueOn && values.startsOn && validDate(values.startsOn) && values.dueOn < values.startsOn) errors.set('dueOn', f.dueBeforeStart);
    if (errors.size === 0) {
      try {
        const plan = await createActionPlan(db, p.auth.orgId, {
          title: values.title!, description: values.description ?? null, metric: (values.metric ?? 'nps') as Metric, touchpointId: values.touchpointId ?? null,
          questionId: values.questionId ?? null, topic: values.topic ?? null, ownerUserId: values.ownerUserId ?? null, startsOn: values.startsOn!, dueOn: values.dueOn ?? null,
        });
        return reply.redirect(`/app/actions/${plan.id}?done=created`, 303);
      } catch (error) {
        // The service's rules (a Likert plan needs its statement, ids of this organisation): shown at the field it names.
        if (!(error instanceof KaikuError) || error.status !== 400) throw error;
        const field = formFields.find((k) => k === error.field) ?? 'title';
        errors.set(field, p.w.common.notValid(error.message));
      }
    }
    const n = await names(db, p.auth.orgId, p.language);
    return p.send('actions', f.heading, planForm(p, a, n, values, errors), 400);
  });

  async function renderPlan(request: FastifyRequest, p: OpenPage, id: string, errors: Errors = new Map(), status = 200) {
    const a = actionText(p.language);
    const plan = await getActionPlan(db, p.auth.orgId, id);
    const n = await names(db, p.auth.orgId, p.language);
    let effect: EffectFigures | { notStarted: string };
    try {
      effect = effectFigures(await actionPlanEffect(db, p.auth, id, { days: EFFECT_DAYS, now: now() }));
    } catch (error) {
      if (!(error instanceof KaikuError) || error.status !== 409) throw error;
      effect = { notStarted: plan.startsOn };
    }
    const done = one(request.query, 'done');
    const doneText = done === 'created' || done === 'status' ? a.plan.done[done] : undefined;
    const body = html`<p><a href="/app/actions">${a.plan.back}</a></p>
<h1>${plan.title}</h1>${notice(doneText)}${errorSummary(p.w, errors)}
<dl class="details" aria-label="${a.plan.details}">
<dt>${a.plan.tiedTo}</dt><dd>${tiedTo(a, plan, n).map((t) => html`<span class="tied">${t}</span> `)}</dd>
<dt>${a.owner}</dt><dd>${plan.ownerUserId ? n.users.get(plan.ownerUserId) ?? '–' : a.noOwner}</dd>
<dt>${a.status}</dt><dd>${a.statuses[plan.status]}</dd>
<dt>${a.plan.metric}</dt><dd>${a.metrics[plan.metric]}</dd>
<dt>${a.plan.startsOn}</dt><dd>${day(plan.startsOn, p)}</dd>
<dt>${a.columns.due}</dt><dd>${day(plan.dueOn, p)}${isOverdue(plan, now()) ? html` <span class="overdue">(${a.overdue})</span>` : ''}</dd>
${plan.description ? html`<dt>${a.plan.description}</dt><dd>${plan.description}</dd>` : ''}
</dl>
${effectSection(a, p, effect)}
${p.can('actions:write') ? html`<section class="panel" aria-labelledby="status-heading"><h2 id="status-heading">${a.plan.changeStatus}</h2>
<form method="post" action="/app/actions/${plan.id}/status" class="form-grid">
${selectField('status', a.plan.statusTo, actionPlanStatuses.map((s): [string, string] => [s, a.statuses[s]]), plan.status, errors)}
<div><button class="button" type="submit">${a.plan.statusSubmit}</button></div></form></section>` : ''}`;
    return p.send('actions', plan.title, body, status);
  }

  page<{ id: string }>(app, 'GET', '/app/actions/:id', 'actions:read', async (request, _reply, p) => renderPlan(request, p, uuidParam(request.params.id, 'Action plan')));

  page<{ id: string }>(app, 'POST', '/app/actions/:id/status', 'actions:write', async (request, reply, p) => {
    const id = uuidParam(request.params.id, 'Action plan');
    await getActionPlan(db, p.auth.orgId, id); // 404 first for another organisation's plan
    const status = one(request.body, 'status');
    if (!status || !(actionPlanStatuses as readonly string[]).includes(status)) {
      return renderPlan(request, p, id, new Map([['status', p.w.common.choose]]), 400);
    }
    await updateActionPlan(db, p.auth.orgId, id, { status: status as ActionPlanStatus }, now());
    return reply.redirect(`/app/actions/${id}?done=status`, 303);
  });
}
