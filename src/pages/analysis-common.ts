/**
 * What the analytic pages (drivers, text, churn) share: the period/channel/unit filters read
 * from the URL and turned into the services' filters in the organisation's calendar, and the
 * filter fields of their GET forms.
 */
import type { Queryable } from '../db/connection.ts';
import type { AuthContext } from '../auth/permissions.ts';
import { channels, type Channel } from '../journeys/service.ts';
import type { DashboardStrings } from '../i18n/dashboard.ts';
import type { AnalysisStrings } from '../i18n/analysis-pages.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { startOfDayIn } from '../i18n/calendar.ts';
import { PERIOD_NOTE_ID, shownPeriod, type ShownPeriod } from './default-period.ts';
import type { OpenPage } from './page-kit.ts';
import { UUID } from '../vocabulary.ts';

export type Query = Record<string, unknown>;

export const firstParam = (query: Query, name: string): string | undefined => {
  const v = query[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
};

/** Re-exported for the pages; defined once in src/vocabulary.ts. */
export { UUID };
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface SliceFilters { from?: string; to?: string; channel?: Channel; unitId?: string }

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** from/to (calendar days, inclusive), channel and unit from the URL; what does not parse is named. */
export function parseSliceFilters(query: Query): { filters: SliceFilters; invalid: string[] } {
  const filters: SliceFilters = {};
  const invalid: string[] = [];
  const from = firstParam(query, 'from');
  const to = firstParam(query, 'to');
  const channel = firstParam(query, 'channel');
  const unit = firstParam(query, 'unit');
  if (from) { if (validDate(from)) filters.from = from; else invalid.push('from'); }
  if (to) { if (validDate(to)) filters.to = to; else invalid.push('to'); }
  if (filters.from && filters.to && filters.from > filters.to) { invalid.push('to'); delete filters.to; }
  if (channel) { if ((channels as readonly string[]).includes(channel)) filters.channel = channel as Channel; else invalid.push('channel'); }
  if (unit) { if (UUID.test(unit)) filters.unitId = unit.toLowerCase(); else invalid.push('unit'); }
  return { filters, invalid };
}

/** The filters as the services take them: days → instants in `timeZone` (the end exclusive). */
export function serviceFilters(filters: SliceFilters, timeZone: string): { from?: string; to?: string; channel?: Channel; unitId?: string } {
  const day = (s: string, plus = 0) => {
    const [y, m, d] = s.split('-').map(Number);
    return startOfDayIn(y, m, d + plus, timeZone).toISOString();
  };
  return {
    ...(filters.from ? { from: day(filters.from) } : {}),
    ...(filters.to ? { to: day(filters.to, 1) } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.unitId ? { unitId: filters.unitId } : {}),
  };
}

/**
 * The slice of a page-kit analytic page (segments, needs clusters, benchmarks): the URL's
 * period/channel/unit, the period shown (the organisation's default when the URL gives no days;
 * the end stays open unless asked, as on the other analytic pages), the services' filters for it,
 * the units the caller may filter by, and the summary naming the filters that did not parse
 * (ignored, as on the other analytic pages).
 */
export async function pageSlice(db: Queryable, p: Pick<OpenPage, 'auth' | 'timeZone' | 'defaultPeriod'>, query: Query, now: Date, a: AnalysisStrings) {
  const { filters, invalid } = parseSliceFilters(query);
  const shown = shownPeriod(filters, p.defaultPeriod, now, p.timeZone);
  const labels: Record<string, string> = { from: a.common.from, to: a.common.to, channel: a.common.channel, unit: a.common.unit };
  return {
    filters, shown,
    service: serviceFilters({ ...filters, from: shown.from }, p.timeZone),
    units: await filterUnits(db, p.auth),
    invalid: invalidSummary(invalid, a, labels),
  };
}

/** Units a caller may filter by: all for org-wide roles, the subtree for unit managers, none for frontline staff. */
export async function filterUnits(db: Queryable, auth: AuthContext): Promise<Array<{ id: string; name: string }>> {
  if (auth.scope.kind === 'employees') return [];
  const rows = await db.query<{ id: string; name: string }>(`select id::text, name from units where org_id = $1 order by name, id`, [auth.orgId]);
  const scope = auth.scope;
  return scope.kind === 'units' ? rows.filter((u) => scope.unitIds.includes(u.id)) : rows;
}

export const option = (value: string, label: string, selected: boolean) =>
  html`<option value="${value}"${selected ? raw(' selected') : ''}>${label}</option>`;

/** The period's date fields, described by the page's period note when the organisation's default applies. */
export function periodFields(shown: { from?: string; to?: string; defaultPeriod: ShownPeriod['defaultPeriod'] }, a: AnalysisStrings): SafeHtml {
  const described = shown.defaultPeriod ? raw(` aria-describedby="${PERIOD_NOTE_ID}"`) : '';
  return html`<div class="field"><label for="f-from">${a.common.from}</label><input id="f-from" name="from" type="date" value="${shown.from ?? ''}"${described}></div>
  <div class="field"><label for="f-to">${a.common.to}</label><input id="f-to" name="to" type="date" value="${shown.to ?? ''}"${described}></div>`;
}

/**
 * The period, channel and unit fields of a filter form: the date fields show the period shown
 * (default-period.ts), described by the page's period note when the organisation's default applies.
 */
export function sliceFields(filters: SliceFilters, units: Array<{ id: string; name: string }>, a: AnalysisStrings, t: DashboardStrings,
  shown?: ShownPeriod): SafeHtml {
  return html`
  ${periodFields(shown ?? { ...filters, defaultPeriod: null }, a)}
  <div class="field"><label for="f-channel">${a.common.channel}</label><select id="f-channel" name="channel">
    ${option('', a.common.allChannels, !filters.channel)}${channels.map((c) => option(c, t.channelNames[c] ?? c, c === filters.channel))}
  </select></div>
  ${units.length > 0 ? html`<div class="field"><label for="f-unit">${a.common.unit}</label><select id="f-unit" name="unit">
    ${option('', a.common.allUnits, !filters.unitId)}${units.map((u) => option(u.id, u.name, u.id === filters.unitId))}
  </select></div>` : ''}`;
}

/** Names the filters that did not parse, as the overview does. */
export function invalidSummary(invalid: string[], a: AnalysisStrings, labels: Record<string, string>): SafeHtml {
  return invalid.length === 0 ? html`` : html`<div class="error-summary" role="alert"><ul>${invalid.map((f) => html`<li>${a.common.invalid(labels[f] ?? f)}</li>`)}</ul></div>`;
}
