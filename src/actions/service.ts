/**
 * Action plans: an improvement tied to a driver question, a touchpoint or a topic, with an
 * owner, a due date and a status; its effect is the plan's metric in equal windows before and
 * after `startsOn`, compared by the metrics domain's significance test (compareReport).
 */
import type { Queryable } from '../db/connection.ts';
import type { AuthContext } from '../auth/permissions.ts';
import { badInput, conflict, notFound } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../http/schemas.ts';
import { compareReport } from '../metrics/service.ts';
import { questionTypeOf, type Metric, type MetricFilters } from '../metrics/queries.ts';

export const actionPlanStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionPlanStatus = (typeof actionPlanStatuses)[number];

export interface ActionPlanInput {
  title: string;
  description?: string | null;
  ownerUserId?: string | null;
  status?: ActionPlanStatus;
  metric?: Metric;
  touchpointId?: string | null;
  questionId?: string | null;
  topic?: string | null;
  startsOn: string;
  dueOn?: string | null;
}

export interface ActionPlan {
  id: string;
  title: string;
  description: string | null;
  ownerUserId: string | null;
  status: ActionPlanStatus;
  metric: Metric;
  touchpointId: string | null;
  questionId: string | null;
  topic: string | null;
  startsOn: string;
  dueOn: string | null;
  createdAt: string;
  updatedAt: string;
}

const columns = `id, title, description, owner_user_id as "ownerUserId", status, metric, touchpoint_id as "touchpointId",
  question_id as "questionId", topic, starts_on as "startsOn", due_on as "dueOn", created_at as "createdAt", updated_at as "updatedAt"`;

const toIso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
const present = (row: Record<string, unknown>): ActionPlan => ({
  ...(row as unknown as ActionPlan),
  startsOn: toIso(row.startsOn)!, dueOn: toIso(row.dueOn), createdAt: toIso(row.createdAt)!, updatedAt: toIso(row.updatedAt)!,
});

/** "2026-03-01" (UTC midnight) or a full ISO date-time. */
export function parseDay(value: string, field: string): Date {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) throw badInput(`${field} must be a date (YYYY-MM-DD) or an ISO date-time`, field);
  return date;
}

/** The rules a plan must meet, checked on create and on every change. */
async function validate(db: Queryable, orgId: string, plan: Required<ActionPlanInput>) {
  if (!plan.questionId && !plan.touchpointId && !plan.topic) {
    throw badInput('An action plan is tied to a driver question, a touchpoint or a topic: give questionId, touchpointId or topic', 'questionId');
  }
  const startsOn = parseDay(plan.startsOn, 'startsOn');
  const dueOn = plan.dueOn ? parseDay(plan.dueOn, 'dueOn') : null;
  if (dueOn && dueOn < startsOn) throw badInput('dueOn must not be before startsOn', 'dueOn');
  if (plan.questionId) {
    const [question] = await db.query<{ type: string }>(`select type from questions where org_id = $1 and id = $2`, [orgId, plan.questionId]);
    if (!question) throw badInput('questionId does not refer to an existing question in this organisation', 'questionId');
    if ((plan.metric === 'likert' || plan.metric === 'rating') && question.type !== questionTypeOf[plan.metric]) {
      throw badInput(`A ${plan.metric} plan measures its question: questionId must be a ${questionTypeOf[plan.metric]} question`, 'questionId');
    }
  } else if (plan.metric === 'likert' || plan.metric === 'rating') {
    throw badInput(`${plan.metric} is measured per statement: give questionId`, 'questionId');
  }
  return { startsOn, dueOn };
}

const withDefaults = (input: ActionPlanInput): Required<ActionPlanInput> => ({
  title: input.title,
  description: input.description ?? null,
  ownerUserId: input.ownerUserId ?? null,
  status: input.status ?? 'planned',
  metric: input.metric ?? 'nps',
  touchpointId: input.touchpointId ?? null,
  questionId: input.questionId ?? null,
  topic: input.topic ?? null,
  startsOn: input.startsOn,
  dueOn: input.dueOn ?? null,
});

export async function createActionPlan(db: Queryable, orgId: string, input: ActionPlanInput): Promise<ActionPlan> {
  const plan = withDefaults(input);
  const { startsOn, dueOn } = await validate(db, orgId, plan);
  const [row] = await db.query<Record<string, unknown>>(
    `insert into action_plans (org_id, title, description, owner_user_id, status, metric, touchpoint_id, question_id, topic, starts_on, due_on)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning ${columns}`,
    [orgId, plan.title, plan.description, plan.ownerUserId, plan.status, plan.metric, plan.touchpointId, plan.questionId, plan.topic,
      startsOn.toISOString(), dueOn?.toISOString() ?? null]);
  return present(row);
}

export async function getActionPlan(db: Queryable, orgId: string, id: string): Promise<ActionPlan> {
  const [row] = await db.query<Record<string, unknown>>(`select ${columns} from action_plans where org_id = $1 and id = $2`, [orgId, id]);
  if (!row) throw notFound('Action plan', 'id');
  return present(row);
}

export async function updateActionPlan(db: Queryable, orgId: string, id: string, change: Partial<ActionPlanInput>, now: Date): Promise<ActionPlan> {
  const current = await getActionPlan(db, orgId, id);
  const plan = withDefaults({ ...current, ...change } as ActionPlanInput);
  const { startsOn, dueOn } = await validate(db, orgId, plan);
  const [row] = await db.query<Record<string, unknown>>(
    `update action_plans set title = $3, description = $4, owner_user_id = $5, status = $6, metric = $7, touchpoint_id = $8,
            question_id = $9, topic = $10, starts_on = $11, due_on = $12, updated_at = $13
      where org_id = $1 and id = $2 returning ${columns}`,
    [orgId, id, plan.title, plan.description, plan.ownerUserId, plan.status, plan.metric, plan.touchpointId, plan.questionId, plan.topic,
      startsOn.toISOString(), dueOn?.toISOString() ?? null, now.toISOString()]);
  if (!row) throw notFound('Action plan', 'id');
  return present(row);
}

export async function deleteActionPlan(db: Queryable, orgId: string, id: string) {
  const rows = await db.query(`delete from action_plans where org_id = $1 and id = $2 returning id`, [orgId, id]);
  if (!rows[0]) throw notFound('Action plan', 'id');
}

export async function listActionPlans(db: Queryable, orgId: string, options: {
  limit: number; cursor?: string; status?: ActionPlanStatus; ownerUserId?: string; touchpointId?: string; questionId?: string;
}) {
  const params: unknown[] = [orgId, options.limit + 1];
  const add = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const where = ['org_id = $1'];
  if (options.status) where.push(`status = ${add(options.status)}`);
  if (options.ownerUserId) where.push(`owner_user_id = ${add(options.ownerUserId)}::uuid`);
  if (options.touchpointId) where.push(`touchpoint_id = ${add(options.touchpointId)}::uuid`);
  if (options.questionId) where.push(`question_id = ${add(options.questionId)}::uuid`);
  const after = decodeCursor(options.cursor) as [string, string] | undefined;
  if (after) where.push(`(created_at, id) < (${add(after[0])}::timestamptz, ${add(after[1])}::uuid)`);
  const rows = await db.query<Record<string, unknown>>(
    `select ${columns} from action_plans where ${where.join(' and ')} order by created_at desc, id desc limit $2`, params);
  const items = rows.slice(0, options.limit).map(present);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > options.limit && last ? encodeCursor([last.createdAt, last.id]) : null };
}

/**
 * What the metric's responses are filtered by: the plan's touchpoint, and its question when the
 * question is of the metric's type (an NPS plan on a Likert driver measures NPS, not the driver).
 * A topic narrows nothing here: the metric is measured over the touchpoint or the organisation.
 */
async function effectFilters(db: Queryable, orgId: string, plan: ActionPlan): Promise<MetricFilters> {
  const filters: MetricFilters = {};
  if (plan.touchpointId) filters.touchpointId = plan.touchpointId;
  if (plan.questionId) {
    const [question] = await db.query<{ type: string }>(`select type from questions where org_id = $1 and id = $2`, [orgId, plan.questionId]);
    if (question?.type === questionTypeOf[plan.metric]) filters.questionId = plan.questionId;
  }
  return filters;
}

const DAY_MS = 86_400_000;

/**
 * The metric in the window before `startsOn` vs the window after it, equally long: `days` each,
 * or shorter when less time has passed since the start. Test and intervals come from
 * compareReport; `difference` is after − before.
 */
export async function actionPlanEffect(db: Queryable, auth: AuthContext, id: string, options: { days: number; now: Date }) {
  const plan = await getActionPlan(db, auth.orgId, id);
  const start = new Date(plan.startsOn).getTime();
  const length = Math.min(options.days * DAY_MS, options.now.getTime() - start);
  if (length <= 0) throw conflict(`The plan starts on ${plan.startsOn}; its effect can be measured once it has started`, 'startsOn');
  const before = { from: new Date(start - length).toISOString(), to: plan.startsOn };
  const after = { from: plan.startsOn, to: new Date(start + length).toISOString() };
  const filters = await effectFilters(db, auth.orgId, plan);
  const report = await compareReport(db, auth, { metric: plan.metric, filters, a: after, b: before });
  const p = report.test && typeof report.test.p === 'number' ? report.test.p : null;
  return {
    planId: plan.id,
    metric: plan.metric,
    filters,
    windowDays: length / DAY_MS,
    before: { ...before, ...report.b },
    after: { ...after, ...report.a },
    test: report.test,
    significant: p === null ? null : p < 0.05,
  };
}
