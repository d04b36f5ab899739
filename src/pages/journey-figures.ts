/**
 * What the journey map and the touchpoint / question pages share: the metric choice, the
 * filters in the URL, the period and the previous period in the organisation's calendar, and
 * the one figure a cell shows, read from a `metricReport` summary (never computed here).
 */
import type { Metric } from '../metrics/queries.ts';
import type { MetricFilters } from '../metrics/queries.ts';
import { formatNumber } from '../i18n/index.ts';
import { npsBand, type NpsBand } from './charts.ts';
import { parseOverviewFilters, type OverviewFilters } from './dashboard-view.ts';
import { calendarDayIn, startOfDayIn, type Day } from '../i18n/calendar.ts';
import { shownPeriod } from './default-period.ts';
import type { DefaultPeriod } from '../orgs/settings.ts';
import { UUID } from '../vocabulary.ts';

/** The metrics a map can be coloured by; `likert` is one statement (a likert7 question). */
export const mapMetrics = ['nps', 'csat', 'ces', 'likert'] as const;
export type MapMetric = (typeof mapMetrics)[number] & Metric;

export interface PageFilters extends OverviewFilters {
  metric: MapMetric;
  /** The Likert statement (required for metric likert; chosen by the loader when absent). */
  questionId?: string;
  /** Personas compared side by side (journey map). */
  compare: string[];
}

export const isUuid = (s: string) => UUID.test(s);

const values = (query: Record<string, unknown>, name: string): string[] => {
  const v = query[name];
  return (Array.isArray(v) ? v : [v]).filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim());
};

/** The overview's filters plus metric, statement and compared personas; unparsable values are dropped and named. */
export function parsePageFilters(query: Record<string, unknown>): { filters: PageFilters; invalid: string[] } {
  const { filters, invalid } = parseOverviewFilters(query);
  const metric = values(query, 'metric')[0];
  const question = values(query, 'question')[0];
  const out: PageFilters = { ...filters, metric: 'nps', compare: [] };
  if (metric !== undefined) {
    if ((mapMetrics as readonly string[]).includes(metric)) out.metric = metric as MapMetric; else invalid.push('metric');
  }
  if (question !== undefined) {
    if (isUuid(question)) out.questionId = question.toLowerCase(); else invalid.push('question');
  }
  const compare = values(query, 'compare');
  if (compare.some((p) => p.length > 200) || compare.length > 6) invalid.push('compare');
  else out.compare = [...new Set(compare)];
  return { filters: out, invalid };
}

/** The filters as a query string (for links between the views), leaving out `omit`. */
export function filterQuery(f: PageFilters, omit: string[] = [], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  const set = (name: string, value: string | undefined) => { if (value && !omit.includes(name)) params.append(name, value); };
  set('from', f.from); set('to', f.to); set('journey', f.journeyId); set('channel', f.channel); set('unit', f.unitId);
  set('segment', f.segment); set('language', f.language); set('persona', f.persona);
  if (f.metric !== 'nps') set('metric', f.metric);
  set('question', f.questionId);
  if (!omit.includes('compare')) for (const p of f.compare) params.append('compare', p);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

// --- calendar --------------------------------------------------------------------------------

export type { Day };
const pad = (n: number) => String(n).padStart(2, '0');
export const dayString = (d: Day) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
export const parseDay = (s: string): Day => { const [year, month, day] = s.split('-').map(Number); return { year, month, day }; };
const normalise = (d: Day): Day => {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};


export interface Period {
  /** Inclusive calendar days shown. */
  from: string;
  to: string;
  days: number;
  /** The period and the one of equal length just before it, as the metrics API takes them (instants; `to` exclusive). */
  current: { from: string; to: string };
  previous: { from: string; to: string };
  previousDays: { from: string; to: string };
  /** The organisation's default period when it chose the days (no from/to in the URL), else null. */
  defaultPeriod: DefaultPeriod | null;
}

/**
 * The period of the URL's from/to in the organisation's calendar, the organisation's default
 * period for what the URL leaves out (default-period.ts). The previous period is as many days,
 * ending the day before.
 */
export function periodOf(filters: { from?: string; to?: string }, timeZone: string, now: Date, defaultPeriod: DefaultPeriod): Period {
  const shown = shownPeriod(filters, defaultPeriod, now, timeZone);
  const to = parseDay(shown.to);
  const from = parseDay(shown.from);
  const days = Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000) + 1;
  const prevFrom = normalise({ ...from, day: from.day - days });
  const prevTo = normalise({ ...from, day: from.day - 1 });
  const instant = (d: Day, plus = 0) => startOfDayIn(d.year, d.month, d.day + plus, timeZone).toISOString();
  return {
    from: dayString(from), to: dayString(to), days,
    current: { from: instant(from), to: instant(to, 1) },
    previous: { from: instant(prevFrom), to: instant(from) },
    previousDays: { from: dayString(prevFrom), to: dayString(prevTo) },
    defaultPeriod: shown.defaultPeriod,
  };
}

/** The URL filters as metric filters (without the period). */
export function sliceFilters(f: PageFilters): MetricFilters {
  return {
    journeyId: f.journeyId, channel: f.channel, unitId: f.unitId, segment: f.segment, language: f.language, persona: f.persona,
  };
}

// --- one figure ------------------------------------------------------------------------------

/** The figure a cell shows, in the page's unit: NPS points, per cent (CSAT top-2-box, Likert agree) or the CES mean. */
export interface Figure {
  n: number | null;
  value: number | null;
  low: number | null;
  high: number | null;
  suppressed: boolean;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Reads a metricReport summary; null for a group the report does not have. */
export function figureOf(metric: MapMetric, summary: Record<string, unknown> | undefined): Figure | undefined {
  if (!summary) return undefined;
  const ci = Array.isArray(summary.ci95) ? summary.ci95 as unknown[] : null;
  const suppressed = summary.suppressed === true;
  const n = num(summary.n);
  switch (metric) {
    case 'nps': return { n, value: num(summary.nps), low: num(ci?.[0]), high: num(ci?.[1]), suppressed };
    case 'csat': {
      const pct = (v: unknown) => { const x = num(v); return x === null ? null : 100 * x; };
      return { n, value: pct(summary.topBoxShare), low: pct(ci?.[0]), high: pct(ci?.[1]), suppressed };
    }
    case 'ces': return { n, value: num(summary.mean), low: num(ci?.[0]), high: num(ci?.[1]), suppressed };
    case 'likert': {
      const agree = num(summary.agree);
      return { n, value: agree === null ? null : 100 * agree, low: null, high: null, suppressed };
    }
  }
}

/** Decimals a metric's figure is shown with. */
export const digitsOf = (metric: MapMetric) => (metric === 'ces' ? 1 : 0);

export const formatFigure = (metric: MapMetric, value: number | null, language: string) =>
  value === null ? '–' : `${formatNumber(value, language, digitsOf(metric))}${metric === 'csat' || metric === 'likert' ? ' %' : ''}`;

/**
 * The reading band of a figure, for colour and its printed name. NPS uses the overview's bands;
 * shares (CSAT top-2-box, Likert agree) read < 50 % critical, < 70 % fair, < 85 % good; the
 * CES mean on 1–7 (7 = easiest) < 4 critical, < 5 fair, < 6 good.
 */
export function bandOf(metric: MapMetric, value: number): NpsBand {
  if (metric === 'nps') return npsBand(value);
  const [a, b, c] = metric === 'ces' ? [4, 5, 6] : [50, 70, 85];
  return value < a ? 'critical' : value < b ? 'fair' : value < c ? 'good' : 'excellent';
}

/** The y range of a metric's trend chart and its tick step. */
export function chartScale(metric: MapMetric): { limits: [number, number]; step?: number } {
  if (metric === 'nps') return { limits: [-100, 100] };
  if (metric === 'ces') return { limits: [1, 7], step: 1 };
  return { limits: [0, 100], step: 20 };
}
