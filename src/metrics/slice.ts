/**
 * A slice of the responses, as every analytic query reads it: the metrics, dimensions and
 * intervals there are, the filters, and the WHERE conditions they become (with the caller's
 * data scope). Shared by the direct queries (queries.ts) and the rollups (rollups.ts); imports
 * nothing of theirs, so the two need not import each other.
 */
import type { DataScope } from '../auth/permissions.ts';

export const metrics = ['nps', 'csat', 'ces', 'likert', 'rating'] as const;
export type Metric = (typeof metrics)[number];
export const questionTypeOf: Record<Metric, string> = { nps: 'nps', csat: 'csat', ces: 'ces', likert: 'likert7', rating: 'rating' };

export const dimensions = ['period', 'journey', 'stage', 'touchpoint', 'channel', 'unit', 'employee', 'segment', 'language', 'survey', 'question'] as const;
export type Dimension = (typeof dimensions)[number];
export const intervals = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Interval = (typeof intervals)[number];

export interface MetricFilters {
  from?: string;
  to?: string;
  surveyId?: string;
  questionId?: string;
  journeyId?: string;
  stageId?: string;
  touchpointId?: string;
  channel?: string;
  /** The unit and every unit below it. */
  unitId?: string;
  employeeId?: string;
  segment?: string;
  language?: string;
  /** Touchpoints of the journeys drawn for this persona. */
  persona?: string;
}

export interface HistogramQuery {
  orgId: string;
  metric: Metric;
  by: Dimension[];
  interval: Interval;
  timeZone: string;
  filters: MetricFilters;
  scope: DataScope;
}

/** The ids of a unit and every unit below it, as a subquery. */
export const unitSubtreeSql = (org: string, unit: string) => `with recursive sub as (select id from units where org_id = ${org} and id = ${unit}
      union all select u.id from units u join sub on u.parent_id = sub.id where u.org_id = ${org}) select id from sub`;

/**
 * The WHERE conditions every analytic query shares: filters (the unit filter includes its
 * sub-units) and the caller's data scope. Conditions refer to `r` (responses) and, when
 * `needsTouchpoint` is true, to `t` (touchpoints, left-joined by the caller). `params` is
 * appended to; `$1` must already be the organisation id.
 */
export function responseConditions(filters: MetricFilters, scope: DataScope, params: unknown[]): { conditions: string[]; needsTouchpoint: boolean } {
  const add = (value: unknown) => { params.push(value); return `$${params.length}`; };
  const conditions: string[] = [];
  const f = filters;
  if (f.from) conditions.push(`r.submitted_at >= ${add(f.from)}::timestamptz`);
  if (f.to) conditions.push(`r.submitted_at < ${add(f.to)}::timestamptz`);
  if (f.surveyId) conditions.push(`r.survey_id = ${add(f.surveyId)}::uuid`);
  if (f.journeyId) conditions.push(`t.journey_id = ${add(f.journeyId)}::uuid`);
  if (f.stageId) conditions.push(`t.stage_id = ${add(f.stageId)}::uuid`);
  if (f.touchpointId) conditions.push(`r.touchpoint_id = ${add(f.touchpointId)}::uuid`);
  if (f.channel) conditions.push(`r.channel = ${add(f.channel)}::channel`);
  if (f.employeeId) conditions.push(`r.employee_id = ${add(f.employeeId)}::uuid`);
  if (f.segment) conditions.push(`r.segment = ${add(f.segment)}`);
  if (f.language) conditions.push(`r.language = ${add(f.language)}`);
  if (f.persona) conditions.push(`t.journey_id in (select id from journeys where org_id = $1 and persona = ${add(f.persona)})`);
  if (f.unitId) conditions.push(`r.unit_id in (${unitSubtreeSql('$1', `${add(f.unitId)}::uuid`)})`);
  if (scope.kind === 'units') conditions.push(`r.unit_id = any(${add(scope.unitIds)}::uuid[])`);
  if (scope.kind === 'employees') conditions.push(`r.employee_id = any(${add(scope.employeeIds)}::uuid[])`);
  return { conditions, needsTouchpoint: Boolean(f.journeyId || f.stageId || f.persona) };
}

/**
 * Answers to a case's re-survey ("is it solved?", src/loop/followup.ts) measure whether the
 * problem was fixed, for the recovery rate; they are not experience feedback, so NPS and the
 * other metrics, drivers and text topics leave them out (issue 6). They are the responses of the
 * organisation's re-survey (organizations.resurvey_survey_id), which the rollup keeps apart by
 * survey. `$1` must be the organisation id; `column` holds a response's survey id.
 */
export const notResurvey = (column = 'r.survey_id') =>
  `${column} is distinct from (select resurvey_survey_id from organizations where id = $1)`;

/** One row of a histogram query: the group's dimension values g0…, a score (or don't-know) and its count. */
export type HistogramRow = Record<string, string | null> & { v: number | null; dk: boolean; c: number };
