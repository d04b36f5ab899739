/**
 * The dashboard's filter form (period, journey, channel, unit, segment, respondents' language,
 * persona), shared by the overview and the journey-based views so each field keeps one id,
 * name and label everywhere; a view adds its own fields before (metric) or after (compare).
 */
import { channels } from '../journeys/service.ts';
import { languageNames, uiLanguages } from '../i18n/index.ts';
import type { DashboardStrings } from '../i18n/dashboard.ts';
import { html, raw, type SafeHtml } from './html.ts';
import type { OverviewFilters } from './dashboard-view.ts';
import { PERIOD_NOTE_ID } from './default-period.ts';

/** A segment asked for in another letter case ("GOLD") as the organisation spells it ("Gold"); unknown ones as asked. */
export const canonicalSegment = (segments: string[], asked: string): string =>
  segments.find((s) => s.toLowerCase() === asked.toLowerCase()) ?? asked;

export const filterOption = (value: string, label: string, selected: boolean) => html`<option value="${value}"${selected ? raw(' selected') : ''}>${label}</option>`;

export function filterForm(input: {
  t: DashboardStrings; action: string; filters: OverviewFilters;
  /** The period shown (default-period.ts): the date fields show its days, and its note when the organisation's default applies. */
  period: { from: string; to: string };
  periodNote?: SafeHtml | '';
  journeys: Array<{ id: string; name: string }>; units: Array<{ id: string; name: string }>; personas: string[];
  /** The organisation's segments: the segment filter is a picker of these (a text field without them). */
  segments?: string[];
  /** The view's own fields, before and after the shared ones. */
  before?: SafeHtml | ''; after?: SafeHtml | '';
}): SafeHtml {
  const { t, filters: f } = input;
  const option = filterOption;
  const described = input.periodNote ? raw(` aria-describedby="${PERIOD_NOTE_ID}"`) : '';
  return html`
<form class="filters" method="get" action="${input.action}" aria-labelledby="filters-heading">
  <h2 id="filters-heading" class="visually-hidden">${t.filters.heading}</h2>
  ${input.before ?? ''}
  <div class="field"><label for="f-from">${t.filters.from}</label><input id="f-from" name="from" type="date" value="${input.period.from}"${described}></div>
  <div class="field"><label for="f-to">${t.filters.to}</label><input id="f-to" name="to" type="date" value="${input.period.to}"${described}></div>
  <div class="field"><label for="f-journey">${t.filters.journey}</label><select id="f-journey" name="journey">
    ${option('', t.filters.allJourneys, !f.journeyId)}${input.journeys.map((j) => option(j.id, j.name, j.id === f.journeyId))}
  </select></div>
  <div class="field"><label for="f-channel">${t.filters.channel}</label><select id="f-channel" name="channel">
    ${option('', t.filters.allChannels, !f.channel)}${channels.map((c) => option(c, t.channelNames[c] ?? c, c === f.channel))}
  </select></div>
  ${input.units.length > 0 ? html`<div class="field"><label for="f-unit">${t.filters.unit}</label><select id="f-unit" name="unit">
    ${option('', t.filters.allUnits, !f.unitId)}${input.units.map((u) => option(u.id, u.name, u.id === f.unitId))}
  </select></div>` : ''}
  ${input.segments && input.segments.length > 0 ? html`<div class="field"><label for="f-segment">${t.filters.segment}</label><select id="f-segment" name="segment">
    ${option('', t.filters.allSegments, !f.segment)}${[...new Set([...input.segments, ...(f.segment ? [f.segment] : [])])].map((v) => option(v, v, v === f.segment))}
  </select></div>` : html`<div class="field"><label for="f-segment">${t.filters.segment}</label><input id="f-segment" name="segment" type="text" maxlength="200" value="${f.segment ?? ''}"></div>`}
  <div class="field"><label for="f-language">${t.filters.responseLanguage}</label><select id="f-language" name="language">
    ${option('', t.filters.allLanguages, !f.language)}${[...new Set([...uiLanguages, ...(f.language ? [f.language] : [])])].map((l) => option(l, languageNames[l] ?? l, l === f.language))}
  </select></div>
  ${input.personas.length > 0 ? html`<div class="field"><label for="f-persona">${t.filters.persona}</label><select id="f-persona" name="persona">
    ${option('', t.filters.allPersonas, !f.persona)}${input.personas.map((p) => option(p, p, p === f.persona))}
  </select></div>` : ''}
  ${input.after ?? ''}
  <div class="field"><button class="button" type="submit">${t.filters.apply}</button></div>
  <div class="field"><a href="${input.action}">${t.filters.reset}</a></div>
</form>${input.periodNote ?? ''}`;
}
