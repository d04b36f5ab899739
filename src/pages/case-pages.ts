/**
 * The case pages of the dashboard, server-rendered without scripts:
 *
 *  - /app/cases: the inbox — tabs mine / my unit / all (those the role has), filters in the
 *    URL (status, priority, SLA breached, touchpoint, unit, period), keyset pagination, and
 *    bulk actions (assign, status, priority, close with a reason) through a confirmation page;
 *  - /app/cases/:id: one case — details, the customer's answer (open text PII-redacted unless
 *    the role may read contacts), the timeline (events, notes, follow-up e-mails, re-survey
 *    result) and forms to assign, comment, change status, e-mail the customer, re-survey.
 *
 * Everything goes through src/loop/cases.ts and followup.ts with the caller's AuthContext, so
 * a frontline user sees and changes only cases on their own feedback or owned by them, exactly
 * as through the API. Form posts are same-origin only (page-kit.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthContext } from '../auth/permissions.ts';
import { KaikuError } from '../errors.ts';
import { addNote, casePriorities, caseStatuses, getCase, listCases, openCaseStatuses, transitions, updateCase, visibleCase, visibleCasesAmong, type CaseListQuery, type CaseStatus, type LoopDeps } from '../loop/cases.ts';
import { sendFollowUp, sendResurvey, type CustomerMailDeps } from '../loop/followup.ts';
import { createMailer } from '../mail/mailer.ts';
import { redactPii } from '../text/redact.ts';
import { contactRequestOf } from '../surveys/contact-requests.ts';
import { findUser, listUsers } from '../auth/service.ts';
import { findEmployee, listUnits } from '../orgs/service.ts';
import { touchpointChoices } from '../surveys/service.ts';
import { contactNameAndEmail } from '../contacts/service.ts';
import { questionTextsOfResponse } from '../responses/service.ts';
import { contactConsentText } from '../i18n/contact-consent.ts';
import type { WorkStrings } from '../i18n/work.ts';
import { loopUiText } from '../i18n/loop-ui.ts';
import { caseInboxText } from '../i18n/case-inbox.ts';
import { caseFacts, commentStart, displayTitle, scoreText, slaLeftText } from '../loop/case-summary.ts';
import { closeCase, isRecoveryOutcome, listRootCauses, recoveryOutcomes, rootCauseName } from '../loop/closure.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { startOfDayIn } from '../i18n/calendar.ts';
import { answerDownload, downloadContext, downloadLinks, type TableModel } from './downloads.ts';
import {
  confirmation, dateTime, errorSummary, hiddenFields, inputField, many, notice, one, page, selectField, textareaField, uuidParam, UUID,
  type Errors, type OpenPage,
} from './page-kit.ts';

type Tab = 'mine' | 'unit' | 'all';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PAGE_SIZE = 25;
const bulkActions = ['assign', 'status', 'priority', 'close'] as const;
type BulkAction = (typeof bulkActions)[number];

interface InboxFilters { status?: string; priority?: string; sla?: string; touchpoint?: string; unit?: string; from?: string; to?: string }

/** The tabs a caller has: mine (a person), my unit (a unit to call theirs), all (what their scope shows). */
async function tabsOf(page: OpenPage, db: LoopDeps['db']): Promise<Tab[]> {
  const { auth } = page;
  const tabs: Tab[] = [];
  if (auth.userId) tabs.push('mine');
  if (auth.scope.kind === 'units') tabs.push('unit');
  else if (auth.userId && auth.scope.kind === 'all') {
    const me = await findUser(db, auth.orgId, auth.userId);
    if (me?.unitId) tabs.push('unit');
  }
  tabs.push('all');
  return tabs;
}

const defaultTab = (auth: AuthContext, tabs: Tab[]): Tab =>
  auth.scope.kind === 'all' ? 'all' : auth.scope.kind === 'units' && tabs.includes('unit') ? 'unit' : tabs[0];

function parseInbox(query: unknown): { filters: InboxFilters; invalid: string[] } {
  const filters: InboxFilters = {};
  const invalid: string[] = [];
  const check = (name: keyof InboxFilters, ok: (v: string) => boolean) => {
    const v = one(query, name);
    if (v === undefined) return;
    if (ok(v)) filters[name] = v; else invalid.push(name);
  };
  check('status', (v) => v === 'open' || (caseStatuses as readonly string[]).includes(v));
  check('priority', (v) => (casePriorities as readonly string[]).includes(v));
  check('sla', (v) => v === 'breached' || v === 'kept');
  check('touchpoint', (v) => UUID.test(v));
  check('unit', (v) => UUID.test(v));
  const validDate = (v: string) => DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
  check('from', validDate);
  check('to', validDate);
  return { filters, invalid };
}

const dayStart = (day: string, timeZone: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return startOfDayIn(y, m, d + plusDays, timeZone).toISOString();
};

const queryString = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
};

/** Only the inbox itself is a valid place to return to after a bulk action. */
const safeBack = (back: string | undefined) => (back && /^\/app\/cases(?:\?[^\s]*)?$/.test(back) && !back.includes('//') ? back : '/app/cases');

interface Names { users: Map<string, string>; units: Map<string, string>; touchpoints: Map<string, string> }

async function names(db: LoopDeps['db'], orgId: string): Promise<Names & { activeUsers: Array<[string, string]>; unitList: Array<[string, string]>; touchpointList: Array<[string, string]> }> {
  const [users, units, touchpoints] = await Promise.all([listUsers(db, orgId), listUnits(db, orgId), touchpointChoices(db, orgId)]);
  return {
    users: new Map(users.map((u) => [u.id, u.name])), units: new Map(units.map((u) => [u.id, u.name])), touchpoints: new Map(touchpoints.map((t) => [t.id, t.name])),
    activeUsers: users.filter((u) => !u.disabledAt).map((u) => [u.id, u.name]), unitList: units.map((u) => [u.id, u.name]), touchpointList: touchpoints.map((t) => [t.id, t.name]),
  };
}

type CaseRow = Record<string, unknown> & { id: string; title: string; status: CaseStatus; priority: string; ownerUserId: string | null; ownerUnitId: string | null; touchpointId: string | null; dueAt: Date | null; createdAt: Date };

type CaseView = CaseRow & {
  kind: 'problem' | 'praise'; responseId: string | null; contactId: string | null; resurveyInvitationId: string | null; unitId: string | null; employeeId: string | null;
  followUpScore: number | null; followUpSolved: boolean | null; recovered: boolean | null;
  activity: Array<{ id: string; at: Date; actorUserId: string | null; kind: string; data: Record<string, unknown> }>;
  answers: Array<{ key: string; type: string; number: number | null; choice: string | null; choices: string[] | null; text: string | null; dontKnow: boolean }>;
};

const isOverdue = (c: { status: string; dueAt: unknown }, now: Date) =>
  c.status !== 'resolved' && c.status !== 'closed' && c.dueAt !== null && c.dueAt !== undefined && new Date(c.dueAt as string).getTime() < now.getTime();

const statusText = (w: WorkStrings, s: string) => w.status[s as CaseStatus] ?? s;
const priorityText = (w: WorkStrings, p: string) => w.priority[p as keyof WorkStrings['priority']] ?? p;

/** What one bulk action does to one case; the close path steps through the allowed transitions. */
async function applyBulk(deps: LoopDeps, auth: AuthContext, id: string, action: BulkAction, input: BulkValues) {
  if (action === 'assign') return updateCase(deps, auth, id, { ownerUserId: input.ownerUserId });
  if (action === 'priority') return updateCase(deps, auth, id, { priority: input.priority });
  if (action === 'status') return updateCase(deps, auth, id, { status: input.status as CaseStatus, ...(input.status === 'resolved' ? { resolution: input.reason } : {}) });
  const current = await visibleCase(deps.db, auth, id);
  if (current.status !== 'closed') await closeCase(deps, auth, id, { rootCauseCode: input.rootCauseCode, recoveryOutcome: input.recoveryOutcome, resolution: input.reason });
}

interface BulkValues { action?: string; ownerUserId?: string; status?: string; priority?: string; reason?: string; rootCauseCode?: string; recoveryOutcome?: string }

/** The organisation's root causes one may choose now, by name in the reader's language. */
async function activeCauses(db: LoopDeps['db'], orgId: string, language: string): Promise<Array<[string, string]>> {
  return (await listRootCauses(db, orgId)).filter((r) => r.active).map((r): [string, string] => [r.code, rootCauseName(r.labels, language, r.code)]);
}

export async function casePageRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const deps = (): LoopDeps => ({ db, jobs: app.deps.jobs, now: app.deps.now ?? (() => new Date()) });
  const mailer = createMailer(app.deps.config);
  app.addHook('onClose', async () => mailer?.close());
  const mailDeps = (): CustomerMailDeps => ({ ...deps(), mailer, publicUrl: app.deps.config.publicUrl });

  // --- the inbox -----------------------------------------------------------------------------
  page(app, 'GET', '/app/cases', 'cases:read', async (request, reply, p) => {
    const { w, auth } = p;
    const tabs = await tabsOf(p, db);
    const requestedTab = one(request.query, 'tab') as Tab | undefined;
    const tab = requestedTab && tabs.includes(requestedTab) ? requestedTab : defaultTab(auth, tabs);
    const { filters, invalid } = parseInbox(request.query);
    if (requestedTab && !tabs.includes(requestedTab)) invalid.push('tab');
    const cursor = one(request.query, 'cursor');
    const now = deps().now();
    const q: CaseListQuery = {
      inbox: tab, limit: PAGE_SIZE, cursor,
      status: filters.status === 'open' ? [...openCaseStatuses] : filters.status ? [filters.status as CaseStatus] : undefined,
      priority: filters.priority, touchpointId: filters.touchpoint, unitId: filters.unit,
      overdue: filters.sla === 'breached' ? true : filters.sla === 'kept' ? false : undefined,
      createdFrom: filters.from ? dayStart(filters.from, p.timeZone) : undefined,
      createdBefore: filters.to ? dayStart(filters.to, p.timeZone, 1) : undefined,
    };
    let list: { items: Array<Record<string, unknown>>; nextCursor: string | null };
    try {
      list = await listCases(db, auth, q, now);
    } catch (error) {
      if (error instanceof KaikuError && error.status === 400 && error.field === 'cursor') { invalid.push('cursor'); list = await listCases(db, auth, { ...q, cursor: undefined }, now); } else throw error;
    }
    const facts = await caseFacts(db, auth.orgId, list.items.map((r) => r.id as string));
    // What each row shows of the answer: the score, the comment's first words, the SLA left in words.
    const rows = (list.items as CaseRow[]).map((r) => {
      const f = facts.get(r.id);
      const open = r.status !== 'resolved' && r.status !== 'closed';
      return { ...r, title: displayTitle(r.title, f, p.language), score: f ? scoreText(f, p.language) ?? '–' : '–', comment: commentStart(f?.comment ?? null) ?? '–',
        slaLeft: (open ? slaLeftText(r.dueAt, now, p.language) : null) ?? '–' };
    });
    const n = await names(db, auth.orgId);
    const c = w.cases;
    const ci = caseInboxText(p.language);
    // The table as a download (CSV/XLSX) with the page's filters, holding what the page shows.
    const cols = c.columns;
    const model: TableModel = {
      id: 'cases', title: c.caption(rows.length),
      columns: [cols.title, ci.columns.score, ci.columns.comment, cols.status, cols.priority, ci.columns.owner, cols.unit, ci.columns.touchpoint, cols.due, ci.columns.slaLeft, cols.created]
        .map((label) => ({ label, kind: 'text' as const })),
      rows: rows.map((r) => [r.title, r.score, r.comment, statusText(w, r.status), priorityText(w, r.priority), r.ownerUserId ? n.users.get(r.ownerUserId) ?? '–' : c.unassigned,
        r.ownerUnitId ? n.units.get(r.ownerUnitId) ?? '–' : '–', r.touchpointId ? n.touchpoints.get(r.touchpointId) ?? '–' : '–',
        dateTime(r.dueAt, p.language, p.timeZone), r.slaLeft, dateTime(r.createdAt, p.language, p.timeZone, false)]),
    };
    if (await answerDownload(request, reply, [model], { chromiumPath: app.deps.config.chromiumPath, language: p.language })) return reply;
    const base = { tab, ...filters, lang: undefined };
    const here = `/app/cases${queryString(base)}`;
    const filtered = Object.keys(filters).length > 0;

    const tabNav = html`<nav aria-label="${c.tabsLabel}"><ul class="tabs">${tabs.map((t) => html`<li><a href="/app/cases${queryString({ ...filters, tab: t })}"${t === tab ? raw(' aria-current="page"') : ''}>${c.tabs[t]}</a></li>`)}</ul></nav>`;
    const none = new Map() as Errors;
    const filterForm = html`<form class="filters" method="get" action="/app/cases" aria-labelledby="filters-heading">
<h2 id="filters-heading" class="visually-hidden">${c.filtersHeading}</h2>
<input type="hidden" name="tab" value="${tab}">
${selectField('status', c.status, [['', c.anyStatus], ['open', c.openOnly], ...caseStatuses.map((s): [string, string] => [s, w.status[s]])], filters.status, none)}
${selectField('priority', c.priority, [['', c.anyPriority], ...casePriorities.map((s): [string, string] => [s, w.priority[s]])], filters.priority, none)}
${selectField('sla', c.sla, [['', c.slaAny], ['breached', c.slaBreached], ['kept', c.slaKept]], filters.sla, none)}
${selectField('touchpoint', c.touchpoint, [['', c.allTouchpoints], ...n.touchpointList], filters.touchpoint, none)}
${selectField('unit', c.unit, [['', c.allUnits], ...n.unitList], filters.unit, none)}
${inputField('from', c.from, filters.from, none, { type: 'date' })}
${inputField('to', c.to, filters.to, none, { type: 'date' })}
<div class="form-actions"><button class="button" type="submit">${c.apply}</button> <a href="/app/cases?tab=${tab}">${c.reset}</a></div>
</form>`;

    const table = rows.length === 0
      ? html`<div class="empty" role="status"><p>${filtered ? c.emptyFiltered : c.empty}</p></div>`
      : html`<form method="post" action="/app/cases/bulk" aria-labelledby="bulk-heading">
<input type="hidden" name="back" value="${here}">
<div class="table-scroll"><table><caption>${c.caption(rows.length)}</caption>
<thead><tr><th scope="col"><span class="visually-hidden">${w.common.actions}</span></th><th scope="col">${c.columns.title}</th><th scope="col">${ci.columns.score}</th><th scope="col">${ci.columns.comment}</th><th scope="col">${c.columns.status}</th><th scope="col">${c.columns.priority}</th><th scope="col">${ci.columns.owner}</th><th scope="col">${ci.columns.touchpoint}</th><th scope="col">${ci.columns.slaLeft}</th><th scope="col">${c.columns.created}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr data-case="${r.id}">
<td><input type="checkbox" name="id" value="${r.id}" id="select-${r.id}" aria-label="${c.select(r.title)}"></td>
<th scope="row"><a href="/app/cases/${r.id}">${r.title}</a></th>
<td data-col="score">${r.score}</td><td data-col="comment">${r.comment}</td>
<td>${statusText(w, r.status)}</td><td>${priorityText(w, r.priority)}</td>
<td data-col="owner">${r.ownerUserId ? n.users.get(r.ownerUserId) ?? '–' : c.unassigned}</td>
<td data-col="touchpoint">${r.touchpointId ? n.touchpoints.get(r.touchpointId) ?? '–' : '–'}</td>
<td data-col="sla"><span${isOverdue(r, now) ? raw(' class="overdue"') : ''}>${r.slaLeft}</span>${r.dueAt ? html`<br><span class="muted">${dateTime(r.dueAt, p.language, p.timeZone)}</span>` : ''}</td>
<td>${dateTime(r.createdAt, p.language, p.timeZone, false)}</td></tr>`)}</tbody></table></div>
${downloadLinks(model, downloadContext(request, p.language))}
${p.can('cases:write') ? html`<section class="panel"><h2 id="bulk-heading">${c.bulkHeading}</h2><p class="muted">${c.bulkIntro}</p>
<div class="form-grid">${bulkFields(w, p.language, n.activeUsers, await activeCauses(db, auth.orgId, p.language), {}, new Map())}<div><button class="button" type="submit">${c.bulkSubmit}</button></div></div></section>` : html`<h2 id="bulk-heading" class="visually-hidden">${c.bulkHeading}</h2>`}
</form>`;

    const pager = html`<nav aria-label="${c.title}"><p>${cursor ? html`<a href="${here}">${w.common.firstPage}</a> ` : ''}${list.nextCursor ? html`<a href="/app/cases${queryString({ ...base, cursor: list.nextCursor })}">${w.common.nextPage}</a>` : ''}</p></nav>`;
    const done = one(request.query, 'done');
    return p.send('cases', c.title, html`<h1>${c.title}</h1><p class="lead">${c.intro}</p>
${done && /^\d+$/.test(done) ? notice(c.bulkDone(Number(done), 0)) : ''}
${invalid.length ? html`<p class="notice" role="status">${c.invalidFilter(invalid.join(', '))}</p>` : ''}
${tabNav}${filterForm}${table}${pager}`);
  });

  function bulkFields(w: WorkStrings, language: OpenPage['language'], users: Array<[string, string]>, causes: Array<[string, string]>, values: BulkValues, errors: Errors) {
    const c = w.cases;
    const ci = caseInboxText(language);
    // Ids apart from the filter form's on the same page (status, priority); the names are the plain ones.
    return html`${selectField('bulk-action', c.bulkAction, [['', '–'], ...bulkActions.map((a): [string, string] => [a, c.bulk[a]])], values.action, errors, { name: 'action' })}
${selectField('bulk-ownerUserId', c.owner, [['', '–'], ...users], values.ownerUserId, errors, { name: 'ownerUserId' })}
${selectField('bulk-status', c.newStatus, [['', '–'], ...caseStatuses.map((s): [string, string] => [s, w.status[s]])], values.status, errors, { name: 'status' })}
${selectField('bulk-priority', c.newPriority, [['', '–'], ...casePriorities.map((s): [string, string] => [s, w.priority[s]])], values.priority, errors, { name: 'priority' })}
${inputField('bulk-reason', c.reason, values.reason, errors, { hint: c.reasonHint, attrs: 'maxlength="2000"', name: 'reason' })}
${selectField('bulk-rootCauseCode', ci.close.rootCause, [['', '–'], ...causes], values.rootCauseCode, errors, { name: 'rootCauseCode', hint: causes.length === 0 ? ci.close.noRootCauses : ci.close.rootCauseHint })}
${selectField('bulk-recoveryOutcome', ci.close.outcome, [['', '–'], ...recoveryOutcomes.map((o): [string, string] => [o, ci.outcomes[o]])], values.recoveryOutcome, errors, { name: 'recoveryOutcome' })}`;
  }

  // --- bulk actions: choose → confirm → apply ----------------------------------------------------
  page(app, 'POST', '/app/cases/bulk', 'cases:write', async (request, reply, p) => {
    const { w, auth } = p;
    const c = w.cases;
    const body = request.body;
    const ids = [...new Set(many(body, 'id').filter((id) => UUID.test(id)))].slice(0, 200);
    const values: BulkValues = { action: one(body, 'action'), ownerUserId: one(body, 'ownerUserId'), status: one(body, 'status'), priority: one(body, 'priority'), reason: one(body, 'reason'),
      rootCauseCode: one(body, 'rootCauseCode'), recoveryOutcome: one(body, 'recoveryOutcome') };
    const ci = caseInboxText(p.language);
    const causes = await activeCauses(db, auth.orgId, p.language);
    const back = safeBack(one(body, 'back'));
    const errors: Errors = new Map();
    if (ids.length === 0) errors.set('selection', c.noneSelected);
    const action = bulkActions.find((a) => a === values.action);
    if (!action) errors.set('bulk-action', w.common.choose);
    if (action === 'assign' && !(values.ownerUserId && UUID.test(values.ownerUserId))) errors.set('bulk-ownerUserId', w.common.choose);
    if (action === 'status' && !(caseStatuses as readonly string[]).includes(values.status ?? '')) errors.set('bulk-status', w.common.choose);
    if (action === 'status' && values.status === 'resolved' && !values.reason) errors.set('bulk-reason', w.common.required);
    if (action === 'priority' && !(casePriorities as readonly string[]).includes(values.priority ?? '')) errors.set('bulk-priority', w.common.choose);
    if (action === 'close' && !values.reason) errors.set('bulk-reason', w.common.required);
    if (action === 'close' && !causes.some(([code]) => code === values.rootCauseCode)) errors.set('bulk-rootCauseCode', ci.close.needRootCause);
    if (action === 'close' && !isRecoveryOutcome(values.recoveryOutcome)) errors.set('bulk-recoveryOutcome', ci.close.needOutcome);
    if (values.reason && values.reason.length > 2000) errors.set('bulk-reason', w.common.tooLong(2000));

    // The selected cases the caller can see (others are silently not there: no ids leak).
    const visible = await visibleCasesAmong(db, auth, ids);
    if (ids.length > 0 && visible.length === 0) errors.set('selection', c.noneSelected);
    const list = html`<ul>${visible.map((v) => html`<li><a href="/app/cases/${v.id}">${v.title}</a> (${statusText(w, v.status)})</li>`)}</ul>`;

    if (errors.size > 0 || one(body, 'confirm') !== '1') {
      const n = await names(db, auth.orgId);
      const selectionError = errors.get('selection');
      return p.send('cases', c.bulkHeading, html`<h1>${c.bulkHeading}</h1>${errorSummary(w, errors)}
${selectionError ? html`<p id="selection" class="error-message">${selectionError}</p><p><a href="${back}">${w.common.back}</a></p>` : errors.size > 0
    ? html`<form method="post" action="/app/cases/bulk" class="stack">${hiddenFields({ id: visible.map((v) => v.id), back })}<p>${c.confirmBulk(visible.length)}</p>${list}
<div class="form-grid">${bulkFields(w, p.language, n.activeUsers, causes, values, errors)}</div>
<div class="form-actions"><button class="button" type="submit">${c.bulkSubmit}</button> <a href="${back}">${w.common.cancel}</a></div></form>`
    : confirmation(w, '/app/cases/bulk', html`${c.confirmBulk(visible.length)} <strong>${c.bulk[action!]}${action === 'assign' ? `: ${n.users.get(values.ownerUserId!) ?? ''}` : action === 'status' ? `: ${statusText(w, values.status!)}` : action === 'priority' ? `: ${priorityText(w, values.priority!)}` : action === 'close' ? `: ${causes.find(([code]) => code === values.rootCauseCode)?.[1] ?? ''} · ${ci.outcomes[values.recoveryOutcome as keyof typeof ci.outcomes] ?? ''}` : ''}</strong>`,
      { id: visible.map((v) => v.id), back, ...values }, back, list)}`, errors.size > 0 ? 400 : 200);
    }

    const failures: Array<{ title: string; message: string }> = [];
    let done = 0;
    for (const v of visible) {
      try {
        await applyBulk(deps(), auth, v.id, action!, values);
        done++;
      } catch (error) {
        if (!(error instanceof KaikuError) || error.status >= 500) throw error;
        failures.push({ title: v.title, message: w.common.notValid(error.message) });
      }
    }
    if (failures.length === 0) {
      const sep = back.includes('?') ? '&' : '?';
      return reply.redirect(`${back}${sep}done=${done}`, 303);
    }
    return p.send('cases', c.bulkHeading, html`<h1>${c.bulkHeading}</h1><p class="notice" role="status">${c.bulkDone(done, failures.length)}</p>
<ul>${failures.map((f) => html`<li>${c.failedItem(f.title, f.message)}</li>`)}</ul><p><a href="${back}">${w.common.back}</a></p>`);
  });

  // --- one case ------------------------------------------------------------------------------------
  async function renderCase(request: FastifyRequest, p: OpenPage, id: string, state: { errors?: Errors; values?: Record<string, string | undefined>; form?: string } = {}, status = 200) {
    const { w, auth } = p;
    const cp = w.casePage;
    const found = await getCase(db, auth, id) as unknown as CaseView & { rootCauseCode: string | null; recoveryOutcome: string | null };
    const [n, facts, rootCauses] = await Promise.all([names(db, auth.orgId), caseFacts(db, auth.orgId, [id]), listRootCauses(db, auth.orgId)]);
    const ci = caseInboxText(p.language);
    found.title = displayTitle(found.title, facts.get(id), p.language);
    const causeName = (code: string | null) => {
      const cause = code ? rootCauses.find((r) => r.code === code) : undefined;
      return cause ? rootCauseName(cause.labels, p.language, cause.code) : '–';
    };
    const outcomeText = (o: unknown) => (isRecoveryOutcome(o) ? ci.outcomes[o] : '–');
    const now = deps().now();
    const seesContacts = p.can('contacts:read');
    const [labels, contact, employee, asked] = await Promise.all([
      found.responseId ? questionTextsOfResponse(db, auth.orgId, found.responseId) : [],
      seesContacts && found.contactId ? contactNameAndEmail(db, auth.orgId, found.contactId) : undefined,
      found.employeeId ? findEmployee(db, auth.orgId, found.employeeId) : undefined,
      found.contactId ? undefined : contactRequestOf(db, auth.orgId, found.responseId),
    ]);
    // An answer without a known contact: the customer is reached only through the address they
    // gave with their consent; without one, what they typed in the comment stays redacted for all.
    const cc = contactConsentText(p.language).strings.casePage;
    const anonymous = !found.contactId && found.responseId !== null;
    const showsText = seesContacts && (!anonymous || asked !== undefined);
    const requestAddress = asked ? [asked.email, asked.phone].filter(Boolean).join(' · ') : '';
    const consentLine = !anonymous ? '' : asked
      ? html`<p id="contact-request"><strong>${seesContacts ? cc.asked(requestAddress, dateTime(asked.consentedAt, p.language, p.timeZone)) : cc.askedHidden(dateTime(asked.consentedAt, p.language, p.timeZone))}</strong></p>`
      : html`<p id="contact-request">${cc.noConsent}</p>`;
    const canWrite = Boolean(found.contactId) || Boolean(asked?.email);
    const labelOf = new Map(labels.map((l) => [l.key, l.texts?.[p.language]?.label ?? Object.values(l.texts ?? {})[0]?.label ?? l.key]));
    const answerText = (a: (typeof found.answers)[number]) => a.dontKnow ? cp.dontKnow : a.number !== null ? String(a.number) : a.choice ?? (a.choices ? a.choices.join(', ') : '');
    const errors = state.errors ?? new Map();
    const values = state.values ?? {};
    const userName = (uid: unknown) => (typeof uid === 'string' ? n.users.get(uid) ?? cp.someone : cp.someone);

    const event = (e: (typeof found.activity)[number]): SafeHtml => {
      const d = e.data ?? {};
      const str = (k: string) => (typeof d[k] === 'string' ? d[k] as string : '');
      switch (e.kind) {
        case 'created': return html`${cp.event.created(w.setup.alertRules.routes[str('routedBy') as keyof WorkStrings['setup']['alertRules']['routes']] ?? str('routedBy'))}${typeof d.ownerUserId === 'string' ? html` · ${cp.event.assigned(userName(d.ownerUserId))}` : ''}`;
        case 'assigned': return html`${d.to ? cp.event.assigned(userName(d.to)) : cp.event.unassigned}`;
        case 'status_changed': return html`${cp.event.status(statusText(w, str('from')), statusText(w, str('to')))}`;
        case 'reopened': return html`${cp.event.reopened}`;
        case 'note': return html`${cp.event.note}<blockquote>${str('text')}</blockquote>`;
        case 'priority': return html`${cp.event.priority(priorityText(w, str('from')), priorityText(w, str('to')))}`;
        case 'root_cause': return html`${ci.event.rootCause(causeName(str('code') || null))}`;
        case 'recovery_outcome': return html`${ci.event.outcome(outcomeText(d.outcome))}`;
        case 'resolution': return html`${cp.event.resolution}<blockquote>${str('text')}</blockquote>`;
        case 'follow_up_sent': return html`${cp.event.followUpSent(str('subject'))}<blockquote>${str('message')}</blockquote>`;
        case 'resurvey_sent': return html`${cp.event.resurveySent}`;
        case 'follow_up_answer': return html`${cp.event.followUpAnswer(d.score === null || d.score === undefined ? '–' : String(d.score))}${typeof d.solved === 'boolean' ? html` · ${cp.event.solved(d.solved)}` : ''}${typeof d.recovered === 'boolean' ? html` · ${cp.event.recovered(d.recovered)}` : ''}`;
        case 'escalated': return html`${cp.event.escalated}`;
        default: return html`${cp.event.other(e.kind)}`;
      }
    };

    // Shown while the fallback owner still holds the case (src/loop/routing.ts fallbackOwner).
    const created = found.activity.find((e) => e.kind === 'created');
    const fallback = created?.data?.assignedByFallback;
    const lu = loopUiText(p.language);
    const fallbackNote = (fallback === 'parent_unit' || fallback === 'org_admin') && created?.data?.ownerUserId === found.ownerUserId
      ? html` <span class="fallback">(${lu.assignedByFallback}: ${lu.fallbackWhy[fallback]})</span>` : '';
    // Closing needs a root cause and an outcome: it has its own form below.
    const next = (transitions[found.status] ?? []).filter((s) => s !== 'closed');
    const active = rootCauses.filter((r) => r.active).map((r): [string, string] => [r.code, rootCauseName(r.labels, p.language, r.code)]);
    const closeErrors = state.form === 'close' ? errors : new Map() as Errors;
    const closePanel = found.status === 'closed' ? '' : html`<section class="panel" aria-labelledby="close-heading"><h3 id="close-heading">${ci.close.heading}</h3>
<p>${ci.close.intro}</p>
${active.length === 0 ? html`<p id="no-root-causes">${p.can('rules:manage') ? html`${ci.close.addThemAt} <a href="/app/setup/root-causes">${ci.close.setupPlace}</a>.` : ci.close.noRootCauses}</p>`
    : html`<form method="post" action="/app/cases/${found.id}/close" class="stack" novalidate>
${selectField('rootCauseCode', ci.close.rootCause, [['', '–'], ...active], values.rootCauseCode, closeErrors, { hint: ci.close.rootCauseHint })}
<fieldset class="choices${closeErrors.has('recoveryOutcome') ? ' field-error' : ''}" id="recoveryOutcome"${closeErrors.has('recoveryOutcome') ? raw(' aria-describedby="recoveryOutcome-error"') : ''}><legend>${ci.close.outcome}</legend>
${closeErrors.has('recoveryOutcome') ? html`<p class="error-message" id="recoveryOutcome-error">${closeErrors.get('recoveryOutcome')}</p>` : ''}
${recoveryOutcomes.map((o) => html`<div class="choice"><input type="radio" id="outcome-${o}" name="recoveryOutcome" value="${o}"${values.recoveryOutcome === o ? raw(' checked') : ''}><label for="outcome-${o}">${ci.outcomes[o]}</label></div>`)}</fieldset>
${found.status === 'resolved' ? '' : textareaField('closeResolution', ci.close.resolution, values.closeResolution, closeErrors, { hint: ci.close.resolutionHint, name: 'resolution' })}
<div><button class="button" type="submit">${ci.close.submit}</button></div></form>`}</section>`;
    const write = p.can('cases:write');
    const formFor = (form: string) => (state.form === form ? errors : new Map() as Errors);
    const doneKey = one(request.query, 'done') as keyof WorkStrings['casePage']['done'] | undefined;
    const closedNotice = one(request.query, 'done') === 'closed' ? notice(ci.close.done) : '';
    const body = html`<p><a href="/app/cases">${w.cases.title}</a></p>
<h1>${found.title}</h1>
${doneKey && doneKey in cp.done ? notice(cp.done[doneKey]) : closedNotice}
${errorSummary(w, errors)}
<dl class="details" aria-label="${cp.details}">
<dt>${w.common.status}</dt><dd>${statusText(w, found.status)}</dd>
<dt>${w.cases.columns.priority}</dt><dd>${priorityText(w, found.priority)}</dd>
<dt>${cp.owner}</dt><dd>${found.ownerUserId ? n.users.get(found.ownerUserId) ?? '–' : w.cases.unassigned}${fallbackNote}</dd>
<dt>${cp.unit}</dt><dd>${found.ownerUnitId ? n.units.get(found.ownerUnitId) ?? '–' : '–'}</dd>
<dt>${cp.touchpoint}</dt><dd>${found.touchpointId ? n.touchpoints.get(found.touchpointId) ?? '–' : '–'}</dd>
${employee ? html`<dt>${cp.employee}</dt><dd>${employee.name}</dd>` : ''}
<dt>${cp.due}</dt><dd>${dateTime(found.dueAt, p.language, p.timeZone)}${isOverdue(found, now) ? html` <span class="overdue">(${w.cases.overdue})</span>` : ''}</dd>
<dt>${cp.createdAt}</dt><dd>${dateTime(found.createdAt, p.language, p.timeZone)} · ${cp.kind[found.kind]}</dd>
${found.rootCauseCode || found.status === 'closed' ? html`<dt>${ci.details.rootCause}</dt><dd id="root-cause">${causeName(found.rootCauseCode)}</dd>
<dt>${ci.details.outcome}</dt><dd id="recovery-outcome">${outcomeText(found.recoveryOutcome)}</dd>` : ''}
</dl>

<h2>${cp.answerHeading}</h2>
${seesContacts ? (contact ? html`<p><strong>${cp.contact}:</strong> ${[contact.name, contact.email].filter(Boolean).join(' · ') || '–'}</p>` : '') : html`<p><strong>${cp.contact}:</strong> ${cp.contactHidden}</p>`}
${consentLine}
${found.answers.length === 0 ? html`<p>${cp.noResponse}</p>` : html`<dl class="details">${found.answers.map((a) => html`<dt>${labelOf.get(a.key) ?? a.key}</dt><dd>${a.text !== null
      ? html`<blockquote class="verbatim">${showsText ? a.text : redactPii(a.text)}</blockquote>` : answerText(a)}</dd>`)}</dl>
${!showsText && found.answers.some((a) => a.text !== null) ? html`<p class="muted">${cp.redactedNote}</p>` : ''}`}

<h2>${cp.resurveyResult}</h2>
${found.followUpScore === null || found.followUpScore === undefined ? html`<p>${cp.noResurvey}</p>`
      : html`<p>${cp.event.followUpAnswer(String(found.followUpScore))}${found.followUpSolved === null ? '' : html` · ${cp.event.solved(found.followUpSolved)}`}${found.recovered === null ? '' : html` · ${cp.event.recovered(found.recovered)}`}</p>`}

<h2>${cp.timelineHeading}</h2>
${found.activity.length === 0 ? html`<p>${cp.timelineEmpty}</p>` : html`<ol class="timeline">${found.activity.map((e) => html`<li><span class="when"><time datetime="${new Date(e.at).toISOString()}">${dateTime(e.at, p.language, p.timeZone)}</time> · ${e.actorUserId ? userName(e.actorUserId) : cp.system}</span>${event(e)}</li>`)}</ol>`}

${write ? html`<h2>${cp.actionsHeading}</h2>
<section class="panel" aria-labelledby="assign-heading"><h3 id="assign-heading">${cp.assign}</h3>
<form method="post" action="/app/cases/${found.id}/assign" class="form-grid">
${selectField('ownerUserId', cp.assignTo, [['', w.cases.unassigned], ...n.activeUsers], values.ownerUserId ?? found.ownerUserId ?? '', formFor('assign'))}
<div><button class="button" type="submit">${cp.assignSubmit}</button></div></form></section>

<section class="panel" aria-labelledby="status-heading"><h3 id="status-heading">${cp.changeStatus}</h3>
${next.length === 0 ? html`<p>${cp.finalStatus}</p>` : html`<form method="post" action="/app/cases/${found.id}/status" class="stack">
${selectField('status', cp.statusTo, next.map((s): [string, string] => [s, w.status[s]]), values.status, formFor('status'))}
${textareaField('resolution', cp.resolution, values.resolution, formFor('status'), { hint: cp.resolutionHint })}
<div><button class="button" type="submit">${cp.statusSubmit}</button></div></form>`}</section>

${closePanel}

<section class="panel" aria-labelledby="note-heading"><h3 id="note-heading">${cp.comment}</h3>
<form method="post" action="/app/cases/${found.id}/note" class="stack" novalidate>
${textareaField('text', cp.comment, values.text, formFor('note'), { required: true })}
<div><button class="button" type="submit">${cp.commentSubmit}</button></div></form></section>

<section class="panel" aria-labelledby="follow-up-heading"><h3 id="follow-up-heading">${cp.followUpHeading}</h3>
${asked && !asked.email ? html`<p>${cc.phoneOnly}</p>` : ''}
${canWrite ? html`${asked?.email && seesContacts ? html`<p id="follow-up-to">${cc.followUpTo(asked.email)}</p>` : ''}<form method="post" action="/app/cases/${found.id}/follow-up" class="stack" novalidate>
${inputField('subject', cp.subject, values.subject, formFor('follow-up'), { attrs: 'maxlength="150"' })}
${textareaField('message', cp.message, values.message, formFor('follow-up'), { required: true })}
<div><button class="button" type="submit">${cp.followUpSubmit}</button></div></form>` : html`<p>${anonymous && !asked ? cc.noConsent : cp.noContact}</p>`}</section>

${found.contactId && (found.status === 'resolved' || found.status === 'closed') && !found.resurveyInvitationId ? html`<section class="panel" aria-labelledby="resurvey-heading"><h3 id="resurvey-heading">${cp.resurveyHeading}</h3>
<p>${cp.resurveyIntro}</p>${formFor('resurvey').has('resurvey') ? html`<p class="error-message" id="resurvey">${formFor('resurvey').get('resurvey')}</p>` : ''}
<form method="post" action="/app/cases/${found.id}/resurvey"><button class="button" type="submit">${cp.resurveySubmit}</button></form></section>` : ''}` : ''}`;
    return p.send('cases', found.title, body, status);
  }

  page<{ id: string }>(app, 'GET', '/app/cases/:id', 'cases:read', async (request, _reply, p) => renderCase(request, p, uuidParam(request.params.id, 'Case')));

  /** A case action: done → back to the case with a notice; refused → the case page with the error at the field. */
  function action(path: string, form: string, run: (p: OpenPage, id: string, body: unknown, errors: Errors) => Promise<unknown>) {
    page<{ id: string }>(app, 'POST', `/app/cases/:id/${path}`, 'cases:write', async (request, reply, p) => {
      const id = uuidParam(request.params.id, 'Case');
      await visibleCase(db, p.auth, id); // 404 before anything else for a case the caller cannot see
      const errors: Errors = new Map();
      const values: Record<string, string | undefined> = Object.fromEntries(['ownerUserId', 'status', 'resolution', 'text', 'subject', 'message', 'rootCauseCode', 'recoveryOutcome'].map((k) => [k, one(request.body, k)]));
      if (form === 'close') values.closeResolution = values.resolution;
      try {
        await run(p, id, request.body, errors);
      } catch (error) {
        if (!(error instanceof KaikuError) || (error.status >= 500 && error.status !== 503) || error.status === 404) throw error;
        const ci = caseInboxText(p.language);
        if (form === 'close') {
          const field = error.field === 'recoveryOutcome' ? 'recoveryOutcome' : error.field === 'resolution' ? 'closeResolution' : 'rootCauseCode';
          errors.set(field, field === 'recoveryOutcome' ? ci.close.needOutcome : field === 'closeResolution' ? ci.close.needResolution : error.field === 'rootCauseCode' ? ci.close.needRootCause : p.w.common.notValid(error.message));
        } else {
          const field = error.field && ['ownerUserId', 'status', 'resolution', 'text', 'subject', 'message'].includes(error.field) ? error.field : form === 'resurvey' ? 'resurvey' : ({ assign: 'ownerUserId', status: 'status', note: 'text', 'follow-up': 'message' } as Record<string, string>)[form];
          errors.set(field, error.code === 'invalid_input' && field === 'resolution' ? p.w.casePage.needResolution : p.w.common.notValid(error.message));
        }
      }
      if (errors.size > 0) return renderCase(request, p, id, { errors, values, form }, 400);
      return reply.redirect(`/app/cases/${id}?done=${({ assign: 'assigned', status: 'status', note: 'noted', 'follow-up': 'followUp', resurvey: 'resurvey', close: 'closed' } as Record<string, string>)[form]}`, 303);
    });
  }

  action('assign', 'assign', async (p, id, body, errors) => {
    const owner = one(body, 'ownerUserId');
    if (owner && !UUID.test(owner)) { errors.set('ownerUserId', p.w.common.choose); return; }
    await updateCase(deps(), p.auth, id, { ownerUserId: owner ?? null });
  });
  action('status', 'status', async (p, id, body, errors) => {
    const status = one(body, 'status');
    const resolution = one(body, 'resolution');
    if (!status || !(caseStatuses as readonly string[]).includes(status)) { errors.set('status', p.w.common.choose); return; }
    if (status === 'resolved' && !resolution) { errors.set('resolution', p.w.casePage.needResolution); return; }
    if (resolution && resolution.length > 10_000) { errors.set('resolution', p.w.common.tooLong(10_000)); return; }
    await updateCase(deps(), p.auth, id, { status: status as CaseStatus, ...(resolution ? { resolution } : {}) });
  });
  action('close', 'close', async (p, id, body, errors) => {
    const ci = caseInboxText(p.language);
    const rootCauseCode = one(body, 'rootCauseCode');
    const recoveryOutcome = one(body, 'recoveryOutcome');
    const resolution = one(body, 'resolution');
    if (!rootCauseCode) errors.set('rootCauseCode', ci.close.needRootCause);
    if (!isRecoveryOutcome(recoveryOutcome)) errors.set('recoveryOutcome', ci.close.needOutcome);
    if (resolution && resolution.length > 10_000) errors.set('closeResolution', p.w.common.tooLong(10_000));
    if (errors.size > 0) return;
    await closeCase(deps(), p.auth, id, { rootCauseCode, recoveryOutcome, resolution });
  });
  action('note', 'note', async (p, id, body, errors) => {
    const text = one(body, 'text');
    if (!text) { errors.set('text', p.w.common.required); return; }
    if (text.length > 10_000) { errors.set('text', p.w.common.tooLong(10_000)); return; }
    await addNote(deps(), p.auth, id, text);
  });
  action('follow-up', 'follow-up', async (p, id, body, errors) => {
    const message = one(body, 'message');
    const subject = one(body, 'subject');
    if (!message) errors.set('message', p.w.common.required);
    else if (message.length > 10_000) errors.set('message', p.w.common.tooLong(10_000));
    if (subject && subject.length > 150) errors.set('subject', p.w.common.tooLong(150));
    if (errors.size > 0) return;
    await sendFollowUp(mailDeps(), p.auth, id, { message: message!, ...(subject ? { subject } : {}) });
  });
  action('resurvey', 'resurvey', async (p, id) => sendResurvey(mailDeps(), p.auth, id, {}));
}
