/**
 * "Closing the loop" (/app/loop): the case metrics of src/loop/cases.ts (caseMetrics) for the
 * problem cases opened in the period — open and overdue now, resolved within SLA, median time to
 * first action and to resolution, re-open rate and the re-survey's recovery rate — each with the
 * n it is computed from, overall and by owning unit. The overview's period and unit filters in
 * the URL (from, to, unit) apply, so the overview links here with its own query string. The
 * reader's data scope holds as in the API.
 */
import type { FastifyInstance } from 'fastify';
import { identify } from '../auth/plugin.ts';
import { allows, type AuthContext, type Permission } from '../auth/permissions.ts';
import type { Queryable } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import { dashboardText } from '../i18n/dashboard.ts';
import { formatDate, type UiLanguage } from '../i18n/index.ts';
import { loopMetricsText, type LoopMetricsStrings } from '../i18n/loop-metrics.ts';
import { caseMetrics } from '../loop/cases.ts';
import { closedCaseBreakdown, rootCauseName, type ClosedBreakdown } from '../loop/closure.ts';
import { caseInboxText } from '../i18n/case-inbox.ts';
import { plural } from '../i18n/plural.ts';
import { getOrganization } from '../orgs/service.ts';
import { unreadCountOf } from '../notifications/service.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { appShell } from './layout.ts';
import { parseOverviewFilters, type OverviewFilters } from './dashboard-view.ts';
import { startOfDayIn } from '../i18n/calendar.ts';
import { PERIOD_NOTE_ID, periodNote, shownPeriod, type ShownPeriod } from './default-period.ts';
import { hrefWithLanguage, keepLanguageChoice, profileOf, uiLanguage } from './session.ts';

/** One set of figures as caseMetrics gives them (overall or one unit). */
export interface LoopFigures {
  cases: number;
  open: number;
  overdue: number;
  resolvedWithDue: number;
  withinSlaShare: number | null;
  withFirstAction: number;
  medianHoursToFirstAction: number | null;
  resolved: number;
  medianHoursToResolution: number | null;
  everResolved: number;
  reopenRate: number | null;
  detractorsFollowedUp: number;
  recoveryRate: number | null;
}

export interface LoopMetricsView {
  organizationName: string;
  filters: OverviewFilters;
  /** The period's first and last calendar day (inclusive, the organisation's time zone). */
  period: ShownPeriod;
  units: Array<{ id: string; name: string }>;
  overall: LoopFigures;
  byUnit: Array<{ unitId: string | null; name: string | null } & LoopFigures>;
  /** Problem cases closed in the period (by closing time), by root cause and by recovery outcome. */
  closed: ClosedBreakdown;
}

const dayOf = (s: string) => ({ year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)), day: Number(s.slice(8, 10)) });

async function unitsInScope(db: Queryable, auth: AuthContext) {
  if (auth.scope.kind === 'employees') return [];
  const rows = await db.query<{ id: string; name: string }>(`select id::text, name from units where org_id = $1 order by name, id`, [auth.orgId]);
  const scope = auth.scope;
  return scope.kind === 'units' ? rows.filter((u) => scope.unitIds.includes(u.id)) : rows;
}

/** The figures for the page: without from/to, the organisation's default period, as on the overview. */
export async function loadLoopMetrics(db: Queryable, auth: AuthContext, filters: OverviewFilters, now: Date): Promise<LoopMetricsView> {
  const org = await getOrganization(db, auth.orgId);
  const tz = org.timeZone;
  const shown = shownPeriod(filters, org.defaultPeriod, now, tz);
  const fromDay = dayOf(shown.from);
  const toDay = dayOf(shown.to);
  const query = {
    from: startOfDayIn(fromDay.year, fromDay.month, fromDay.day, tz).toISOString(),
    ...(filters.to ? { to: startOfDayIn(toDay.year, toDay.month, toDay.day + 1, tz).toISOString() } : {}),
    ...(filters.unitId ? { unitId: filters.unitId } : {}),
  };
  const [units, metrics, closed] = await Promise.all([unitsInScope(db, auth), caseMetrics(db, auth, { ...query, by: 'unit' }, now), closedCaseBreakdown(db, auth, query)]);
  const names = new Map((await db.query<{ id: string; name: string }>(`select id::text, name from units where org_id = $1`, [auth.orgId])).map((u) => [u.id, u.name]));
  const groups = metrics.groups as Array<LoopFigures & { key: string | null }>;
  return {
    organizationName: org.name,
    filters,
    period: shown,
    units,
    overall: metrics.overall as unknown as LoopFigures,
    byUnit: groups.map((g) => ({ ...g, unitId: g.key, name: g.key ? names.get(g.key) ?? null : null })),
    closed,
  };
}

export interface LoopMetricsPage {
  language: UiLanguage;
  userName: string;
  view: LoopMetricsView;
  invalidFilters: string[];
  languageHref: (language: UiLanguage) => string;
  /** Whether the reader's role has a permission: the menu shows only the pages it opens. */
  can: (permission: Permission) => boolean;
  /** The reader's unread notifications, for the bell in the banner (none: no bell). */
  unread?: number;
}

/** The overview's query string for the same filters (period and unit, and any others it had). */
function overviewHref(filters: OverviewFilters): string {
  const q = new URLSearchParams();
  const entries: Array<[string, string | undefined]> = [['from', filters.from], ['to', filters.to], ['journey', filters.journeyId], ['channel', filters.channel],
    ['unit', filters.unitId], ['segment', filters.segment], ['language', filters.language], ['persona', filters.persona]];
  for (const [name, value] of entries) if (value) q.set(name, value);
  const s = q.toString();
  return s ? `/app?${s}` : '/app';
}

export function renderLoopMetrics(page: LoopMetricsPage): SafeHtml {
  const { language, view: v } = page;
  const s = loopMetricsText(language);
  const t = dashboardText(language);
  const share = new Intl.NumberFormat(s.locale, { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(s.locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const count = new Intl.NumberFormat(s.locale);
  const pct = (x: number | null) => (x === null ? '–' : share.format(x));
  const hours = (x: number | null) => (x === null ? '–' : s.hours(decimal.format(x)));
  const rows = figureRows(v.overall, s);
  const fieldLabels: Record<string, string> = { from: s.from, to: s.to, unit: s.unit };
  const option = (value: string, label: string, selected: boolean) => html`<option value="${value}"${selected ? raw(' selected') : ''}>${label}</option>`;
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, language, 'UTC');
  const note = periodNote(language, v.period);
  const described = note ? raw(` aria-describedby="${PERIOD_NOTE_ID}"`) : '';
  const body = html`
<h1>${s.title}</h1>
<p class="lead">${s.intro}</p>
${page.invalidFilters.length > 0 ? html`<div class="error-summary" role="alert"><ul>${page.invalidFilters.map((f) => html`<li>${s.invalid(fieldLabels[f] ?? f)}</li>`)}</ul></div>` : ''}
<form class="filters" method="get" action="/app/loop" aria-labelledby="loop-filters-heading">
  <h2 id="loop-filters-heading">${s.filtersHeading}</h2>
  <div class="field"><label for="l-from">${s.from}</label><input id="l-from" name="from" type="date" value="${v.period.from}"${described}></div>
  <div class="field"><label for="l-to">${s.to}</label><input id="l-to" name="to" type="date" value="${v.period.to}"${described}></div>
  ${v.units.length > 0 ? html`<div class="field"><label for="l-unit">${s.unit}</label><select id="l-unit" name="unit">
    ${option('', s.allUnits, !v.filters.unitId)}${v.units.map((u) => option(u.id, u.name, u.id === v.filters.unitId))}</select></div>` : ''}
  <button type="submit">${s.show}</button>
</form>${note}
<p><strong>${s.period(day(v.period.from), day(v.period.to))}</strong></p>
<p><a href="${overviewHref(v.filters)}">${s.backToOverview}</a></p>
${v.overall.cases === 0 ? html`<p class="notice" role="status">${s.noCases}</p>` : ''}
<div class="table-scroll" role="region" aria-labelledby="loop-figures-caption" tabindex="0">
<table id="loop-figures">
  <caption id="loop-figures-caption">${s.figuresCaption}</caption>
  <thead><tr><th scope="col">${s.figure}</th><th scope="col" class="num">${s.value}</th><th scope="col" class="num">${s.basis}</th></tr></thead>
  <tbody>${rows.map((r) => html`<tr data-figure="${r.id}"><th scope="row">${r.label}</th>
    <td class="num">${r.kind === 'count' ? count.format(r.value ?? 0) : r.kind === 'share' ? pct(r.value) : hours(r.value)}</td>
    <td class="num">${r.basis === null ? '' : `${count.format(r.basis.n)} ${r.basis.label}`}</td></tr>`)}</tbody>
</table>
</div>
<p class="legend muted">${s.notation}</p>
${v.byUnit.length > 0 ? html`
<div class="table-scroll" role="region" aria-labelledby="loop-units-caption" tabindex="0">
<table id="loop-by-unit">
  <caption id="loop-units-caption">${s.byUnitCaption}</caption>
  <thead><tr><th scope="col">${s.owningUnit}</th><th scope="col" class="num">${s.cases}</th><th scope="col" class="num">${s.open}</th>
    <th scope="col" class="num">${s.withinSla} (n)</th><th scope="col" class="num">${s.firstAction} (n)</th>
    <th scope="col" class="num">${s.reopenRate} (n)</th><th scope="col" class="num">${s.recoveryRate} (n)</th></tr></thead>
  <tbody>${v.byUnit.map((u) => html`<tr><th scope="row">${u.name ?? s.noUnit}</th><td class="num">${count.format(u.cases)}</td><td class="num">${count.format(u.open)}</td>
    <td class="num">${pct(u.withinSlaShare)} (${count.format(u.resolvedWithDue)})</td><td class="num">${hours(u.medianHoursToFirstAction)} (${count.format(u.withFirstAction)})</td>
    <td class="num">${pct(u.reopenRate)} (${count.format(u.everResolved)})</td><td class="num">${pct(u.recoveryRate)} (${count.format(u.detractorsFollowedUp)})</td></tr>`)}</tbody>
</table>
</div>` : ''}
${closedSection(v, language, { share: pct, count: (n) => count.format(n), day })}`;
  return appShell({
    language, t, title: s.title, current: 'cases', userName: page.userName, organizationName: v.organizationName, languageHref: page.languageHref, body, can: page.can, unread: page.unread,
  });
}

/** Closed cases by root cause and by recovery outcome: counts and shares of the period's closed cases. */
function closedSection(v: LoopMetricsView, language: UiLanguage, f: { share: (x: number | null) => string; count: (n: number) => string; day: (d: string) => string }): SafeHtml {
  const ci = caseInboxText(language);
  const l = ci.loop;
  const total = v.closed.closed;
  const table = (id: string, caption: string, column: string, rows: Array<{ name: string; cases: number }>) => html`
<div class="table-scroll" role="region" aria-labelledby="${id}-caption" tabindex="0">
<table id="${id}">
  <caption id="${id}-caption">${caption} · ${plural(language, total, l.closedCount, f.count)}</caption>
  <thead><tr><th scope="col">${column}</th><th scope="col" class="num">${l.closed}</th><th scope="col" class="num">${l.share}</th></tr></thead>
  <tbody>${rows.map((r) => html`<tr><th scope="row">${r.name}</th><td class="num">${f.count(r.cases)}</td><td class="num">${f.share(total > 0 ? r.cases / total : null)}</td></tr>`)}</tbody>
  <tfoot><tr><th scope="row">${l.total}</th><td class="num">${f.count(total)}</td><td class="num">${f.share(total > 0 ? 1 : null)}</td></tr></tfoot>
</table>
</div>`;
  return html`<h2 id="loop-closed-heading">${l.closedIn(f.day(v.period.from), f.day(v.period.to))}</h2>
${total === 0 ? html`<p class="notice" role="status">${l.noClosed}</p>` : html`
${table('loop-by-root-cause', l.byRootCause, l.rootCause, v.closed.byRootCause.map((r) => ({ name: r.code ? rootCauseName(r.labels, language, r.code) : l.notRecorded, cases: r.cases })))}
${table('loop-by-outcome', l.byOutcome, l.outcome, v.closed.byOutcome.map((r) => ({ name: r.outcome ? ci.outcomes[r.outcome] : l.notRecorded, cases: r.cases })))}`}`;
}

type Row = { id: string; label: string; kind: 'count' | 'share' | 'hours'; value: number | null; basis: { n: number; label: string } | null };

/** The rows of the figures table, each with the n it is computed from. */
export function figureRows(f: LoopFigures, s: LoopMetricsStrings): Row[] {
  return [
    { id: 'cases', label: s.cases, kind: 'count', value: f.cases, basis: null },
    { id: 'open', label: s.open, kind: 'count', value: f.open, basis: { n: f.cases, label: s.basisCases } },
    { id: 'overdue', label: s.overdue, kind: 'count', value: f.overdue, basis: { n: f.cases, label: s.basisCases } },
    { id: 'within-sla', label: s.withinSla, kind: 'share', value: f.withinSlaShare, basis: { n: f.resolvedWithDue, label: s.basisResolvedWithDue } },
    { id: 'first-action', label: s.firstAction, kind: 'hours', value: f.medianHoursToFirstAction, basis: { n: f.withFirstAction, label: s.basisFirstAction } },
    { id: 'resolution', label: s.resolution, kind: 'hours', value: f.medianHoursToResolution, basis: { n: f.resolved, label: s.basisResolved } },
    { id: 'reopen', label: s.reopenRate, kind: 'share', value: f.reopenRate, basis: { n: f.everResolved, label: s.basisEverResolved } },
    { id: 'recovery', label: s.recoveryRate, kind: 'share', value: f.recoveryRate, basis: { n: f.detractorsFollowedUp, label: s.basisFollowedUp } },
  ];
}

/** Registered inside dashboardRoutes (via loopPageRoutes), whose security headers and error pages it shares. */
export async function loopMetricsRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  app.get('/app/loop', { schema: { hide: true } }, async (request, reply) => {
    const auth = await identify(app, request);
    if (!auth) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    if (!allows(auth, 'cases:read')) throw new KaikuError('forbidden', 'Your role does not allow this page', { status: 403 });
    const profile = await profileOf(app, auth);
    const language = uiLanguage(request, profile.language);
    await keepLanguageChoice(app, request, reply, auth, profile.language);
    const { filters, invalid } = parseOverviewFilters(request.query as Record<string, unknown>);
    const [view, unread] = await Promise.all([loadLoopMetrics(db, auth, filters, (app.deps.now ?? (() => new Date()))()), unreadCountOf(db, auth)]);
    const page = renderLoopMetrics({ language, userName: profile.name, view, invalidFilters: invalid, languageHref: (l) => hrefWithLanguage(request, l), can: (p) => allows(auth, p), unread });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page.toString());
  });
}
