/**
 * The board report (seed 004, rule 8: report changes to the board): one month of an
 * organisation in one document — headline NPS, CSAT and CES with their 95 % intervals, the
 * change from the month before with its test and a 12-month trend; the journey overview by
 * stage; the top drivers of NPS; topics of the open answers; the closed loop's case figures;
 * and the action plans with their measured effect. Every figure comes from the services the
 * API serves (metrics, journeys, drivers, text, cases, actions), so the board sees the numbers
 * the dashboard shows.
 */
import type { Queryable } from '../db/connection.ts';
import type { AuthContext } from '../auth/permissions.ts';
import { badInput, KaikuError } from '../errors.ts';
import { getOrganization } from '../orgs/service.ts';
import { compareReport, metricReport } from '../metrics/service.ts';
import type { Metric } from '../metrics/queries.ts';
import { loadJourneyOverview, type NpsFigure } from '../pages/dashboard-view.ts';
import { isoDayIn, localTime, startOfDayIn } from '../i18n/calendar.ts';
import { driverReport } from '../drivers/service.ts';
import { topicReport } from '../text/service.ts';
import { caseMetrics } from '../loop/cases.ts';
import { actionPlanEffect, listActionPlans } from '../actions/service.ts';

export const headlineMetrics = ['nps', 'csat', 'ces'] as const;
export const TREND_MONTHS = 12;

/** The organisation as the board report sees it: everything, no person-level views. */
export const boardAuth = (orgId: string): AuthContext => ({ orgId, role: 'admin', scope: { kind: 'all' }, viaCookie: false });

export interface MonthPeriod { month: string; from: Date; to: Date }

/** 'YYYY-MM' as an interval of instants in the organisation's time zone. */
export function monthPeriod(month: string, timeZone: string): MonthPeriod {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw badInput('month must look like 2026-10', 'month');
  const year = Number(m[1]);
  const mon = Number(m[2]);
  return { month, from: startOfDayIn(year, mon, 1, timeZone), to: startOfDayIn(year, mon + 1, 1, timeZone) };
}

/** The month before the one `now` falls in, in the time zone: what a monthly report covers. */
export function previousMonth(now: Date, timeZone: string): string {
  const { year, month } = localTime(now, timeZone);
  const prev = new Date(Date.UTC(year, month - 2, 1));
  return `${prev.getUTCFullYear()}-${String(prev.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** 'YYYY-MM' moved by `by` months. */
export const shiftMonth = (month: string, by: number) => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

export interface Headline {
  metric: Metric;
  /** The month's figure: nps / share (CSAT top-2-box) / mean (CES), its interval and n. */
  value: number | null;
  ci95: [number, number] | null;
  n: number;
  previous: { value: number | null; n: number };
  /** Difference from the previous month and the test's p-value. */
  change: { difference: number | null; p: number | null } | null;
  trend: Array<{ month: string; value: number | null; low: number | null; high: number | null; n: number }>;
}

/** The summary's headline number: NPS, CSAT's top-2-box share in %, CES's mean. */
function headlineOf(metric: Metric, summary: Record<string, unknown>): { value: number | null; ci95: [number, number] | null; n: number } {
  const n = typeof summary.n === 'number' ? summary.n : 0;
  const pick = (value: unknown, ci: unknown, scale = 1) => ({
    value: typeof value === 'number' ? value * scale : null,
    ci95: Array.isArray(ci) && typeof ci[0] === 'number' && typeof ci[1] === 'number' ? [ci[0] * scale, ci[1] * scale] as [number, number] : null,
    n,
  });
  if (metric === 'nps') return pick(summary.nps, summary.ci95);
  if (metric === 'csat') return pick(summary.topBoxShare, summary.ci95, 100);
  return pick(summary.mean, summary.ci95);
}

async function headline(db: Queryable, auth: AuthContext, metric: Metric, period: MonthPeriod, timeZone: string): Promise<Headline> {
  const first = monthPeriod(shiftMonth(period.month, -(TREND_MONTHS - 1)), timeZone);
  const previous = monthPeriod(shiftMonth(period.month, -1), timeZone);
  const [trendReport, comparison] = await Promise.all([
    metricReport(db, auth, { metric, by: ['period'], interval: 'month', filters: { from: first.from.toISOString(), to: period.to.toISOString() } }),
    compareReport(db, auth, {
      metric, filters: {},
      a: { from: period.from.toISOString(), to: period.to.toISOString() }, b: { from: previous.from.toISOString(), to: previous.to.toISOString() },
    }),
  ]);
  const byMonth = new Map(trendReport.groups.map((g) => [String(g.key.period).slice(0, 7), headlineOf(metric, g as Record<string, unknown>)]));
  const trend = Array.from({ length: TREND_MONTHS }, (_, i) => {
    const month = shiftMonth(first.month, i);
    const h = byMonth.get(month);
    return { month, value: h?.value ?? null, low: h?.ci95?.[0] ?? null, high: h?.ci95?.[1] ?? null, n: h?.n ?? 0 };
  });
  const current = headlineOf(metric, comparison.a as Record<string, unknown>);
  const before = headlineOf(metric, comparison.b as Record<string, unknown>);
  const test = comparison.test as Record<string, unknown> | null;
  const difference = current.value !== null && before.value !== null ? current.value - before.value : null;
  return {
    metric, ...current, previous: { value: before.value, n: before.n },
    change: difference === null ? null : { difference, p: typeof test?.p === 'number' ? test.p : null },
    trend,
  };
}

export interface JourneyRow { journey: string; stage: string; phase: string; figure: NpsFigure | undefined }

export interface DriverRow { label: string; weight: number; performance: number | null }

export interface BoardReport {
  organisation: string;
  month: string;
  timeZone: string;
  generatedAt: string;
  headlines: Headline[];
  journeys: JourneyRow[];
  drivers: { survey: string; target: string; n: number; r2: number; rows: DriverRow[] } | { unavailable: string };
  topics: { answers: number | null; rows: Array<{ topic: string; mentions: number; negativeShare: number | null }> };
  cases: Record<string, unknown>;
  actionPlans: Array<{ title: string; status: string; metric: string; startsOn: string; dueOn: string | null;
    effect: { before: number | null; after: number | null; p: number | null; significant: boolean | null } | null }>;
}

/** The survey with the most answers to its NPS question in the period that has driver questions. */
async function driverSurvey(db: Queryable, orgId: string, period: MonthPeriod) {
  const [row] = await db.query<{ id: string; name: string; target: string }>(
    `select s.id, s.name, q.key as target from surveys s
       join questions q on q.org_id = s.org_id and q.survey_id = s.id and q.type = 'nps'
      where s.org_id = $1 and exists (select 1 from questions d where d.org_id = s.org_id and d.survey_id = s.id and d.is_driver and d.id <> q.id)
      order by (select count(*) from responses r where r.org_id = s.org_id and r.survey_id = s.id and r.submitted_at >= $2 and r.submitted_at < $3) desc, s.created_at
      limit 1`, [orgId, period.from.toISOString(), period.to.toISOString()]);
  return row;
}

async function drivers(db: Queryable, auth: AuthContext, period: MonthPeriod): Promise<BoardReport['drivers']> {
  const survey = await driverSurvey(db, auth.orgId, period);
  if (!survey) return { unavailable: 'no survey with an NPS question and driver questions' };
  try {
    const report = await driverReport(db, auth, {
      surveyId: survey.id, target: survey.target, method: 'relative-weights', bootstrap: 0, seed: 1, performance: 'mean',
      filters: { from: period.from.toISOString(), to: period.to.toISOString() },
    }) as { n: number; r2: number; attributes: Array<{ label: unknown; rescaled: number; performance: number | null }> };
    const rows = report.attributes
      .map((a) => ({ label: typeof a.label === 'string' ? a.label : String(Object.values(a.label as Record<string, string>)[0] ?? ''), weight: a.rescaled, performance: a.performance }))
      .sort((a, b) => b.weight - a.weight).slice(0, 5);
    return { survey: survey.name, target: survey.target, n: report.n, r2: report.r2, rows };
  } catch (error) {
    // Too few respondents, collinear drivers…: the board sees why, not an empty section.
    if (error instanceof KaikuError) return { unavailable: error.message };
    throw error;
  }
}

async function topics(db: Queryable, auth: AuthContext, period: MonthPeriod): Promise<BoardReport['topics']> {
  const report = await topicReport(db, auth, { filters: { from: period.from.toISOString(), to: period.to.toISOString() }, interval: 'month' });
  const rows = report.matrix.rows
    .filter((r) => (r.mentions ?? 0) > 0)
    .map((r) => ({ topic: r.topic, mentions: r.mentions as number, negativeShare: r.shares?.negative ?? null }))
    .sort((a, b) => b.mentions - a.mentions).slice(0, 8);
  return { answers: report.matrix.answers, rows };
}

async function actionPlans(db: Queryable, auth: AuthContext, now: Date): Promise<BoardReport['actionPlans']> {
  const { items } = await listActionPlans(db, auth.orgId, { limit: 20 });
  const plans = items.filter((p) => p.status !== 'cancelled');
  return Promise.all(plans.map(async (p) => {
    const started = new Date(p.startsOn).getTime() < now.getTime();
    const effect = started ? await actionPlanEffect(db, auth, p.id, { days: 30, now }) : null;
    const value = (side: Record<string, unknown> | undefined) => {
      if (!side) return null;
      return headlineOf(p.metric as Metric, side).value;
    };
    return {
      title: p.title, status: p.status, metric: p.metric, startsOn: p.startsOn, dueOn: p.dueOn,
      effect: effect ? {
        before: value(effect.before as Record<string, unknown>), after: value(effect.after as Record<string, unknown>),
        p: effect.test && typeof (effect.test as { p?: unknown }).p === 'number' ? (effect.test as { p: number }).p : null, significant: effect.significant,
      } : null,
    };
  }));
}

export async function loadBoardReport(db: Queryable, orgId: string, month: string, now: Date): Promise<BoardReport> {
  const org = await getOrganization(db, orgId);
  const auth = boardAuth(orgId);
  const period = monthPeriod(month, org.timeZone);
  const lastDay = isoDayIn(period.to.getTime() - 1, org.timeZone);
  const [headlines, overview, driverSection, topicSection, cases, plans] = await Promise.all([
    Promise.all(headlineMetrics.map((m) => headline(db, auth, m, period, org.timeZone))),
    loadJourneyOverview(db, auth, { from: isoDayIn(period.from, org.timeZone), to: lastDay }, now),
    drivers(db, auth, period),
    topics(db, auth, period),
    caseMetrics(db, auth, { from: period.from.toISOString(), to: period.to.toISOString() }, now),
    actionPlans(db, auth, now),
  ]);
  const journeys: JourneyRow[] = overview.journeys.flatMap((j) => j.stages.map((s) => ({ journey: j.name, stage: s.name, phase: s.phase, figure: overview.byStage.get(s.id) })));
  return {
    organisation: org.name, month, timeZone: org.timeZone, generatedAt: now.toISOString(),
    headlines, journeys, drivers: driverSection, topics: topicSection, cases: cases.overall as Record<string, unknown>, actionPlans: plans,
  };
}
