/**
 * The period an analytic page shows: the URL's from/to, or — for what the URL leaves out — the
 * organisation's default period (organizations.default_period, set on /app/setup/organisation),
 * counted in the organisation's calendar. Every analytic page asks this one function, so the
 * overview, the journey map, the touchpoint and question pages, drivers, open answers and the
 * loop figures all open on the same days, and the filter bar says when the default applies.
 */
import type { UiLanguage } from '../i18n/index.ts';
import { defaultPeriodText } from '../i18n/default-period.ts';
import { localTime } from '../i18n/calendar.ts';
import type { DefaultPeriod } from '../orgs/settings.ts';
import { html, type SafeHtml } from './html.ts';

export interface ShownPeriod {
  /** Inclusive calendar days in the organisation's time zone, 'YYYY-MM-DD'. */
  from: string;
  to: string;
  /** The organisation's default when it chose the days (the URL gave neither from nor to), else null. */
  defaultPeriod: DefaultPeriod | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (utc: number) => { const d = new Date(utc); return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`; };

/**
 * The first day of `period` ending on `to`: 'Nd' is N days including `to`; '18m' is the first of
 * the month 17 months before `to`'s month, so a monthly trend has 18 whole months (the last one
 * up to `to`) — what the overview has always shown.
 */
export function periodStart(period: DefaultPeriod, to: string): string {
  const [year, month, day] = to.split('-').map(Number);
  const n = Number(period.slice(0, -1));
  return period.endsWith('m') ? dayOf(Date.UTC(year, month - 1 - (n - 1), 1)) : dayOf(Date.UTC(year, month - 1, day - (n - 1)));
}

/** The days shown for the URL's from/to (either may be absent): the end defaults to today, the start to the default period's. */
export function shownPeriod(asked: { from?: string; to?: string }, period: DefaultPeriod, now: Date, timeZone: string): ShownPeriod {
  const today = localTime(now.getTime(), timeZone);
  const to = asked.to ?? `${today.year}-${pad(today.month)}-${pad(today.day)}`;
  return { from: asked.from ?? periodStart(period, to), to, defaultPeriod: asked.from || asked.to ? null : period };
}

export const PERIOD_NOTE_ID = 'period-note';

/** The filter bar's line "Showing the last 90 days (the organisation's default).", when the default applies. */
export function periodNote(language: UiLanguage, shown: { defaultPeriod: DefaultPeriod | null }): SafeHtml | '' {
  if (!shown.defaultPeriod) return '';
  const s = defaultPeriodText(language);
  return html`<p class="muted period-note" id="${PERIOD_NOTE_ID}">${s.showing(s.periods[shown.defaultPeriod])}</p>`;
}
