/**
 * Working a case: the inbox, one case with its timeline, opening one by hand, status changes
 * along new → in_progress → waiting_customer → resolved → closed (reopen back to in_progress),
 * assignment, root cause, resolution and notes. Every change is one transaction that appends
 * to the activity log and, when a queue runs, enqueues the `case.updated` notification.
 */
import type { Queryable, Database } from '../db/connection.ts';
import type { AuthContext } from '../auth/permissions.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { uuidv7 } from '../db/ids.ts';
import { badInput, conflict, notFound } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../http/schemas.ts';
import { publishLoopEvents } from './events.ts';
import { creationEvent, insertCases, orgClock } from './case-store.ts';
import { Directory, type Owner } from './routing.ts';
import { addBusinessHours } from './sla.ts';
import { unitSubtreeSql } from '../metrics/queries.ts';
import type { CaseStatus } from '../vocabulary.ts';

export { caseStatuses, casePriorities, openCaseStatuses, type CaseStatus } from '../vocabulary.ts';
/** How the customer came out of a closed case (see closure.ts). */
export const recoveryOutcomes = ['recovered', 'partly', 'not_recovered', 'unreachable'] as const;
export type RecoveryOutcome = (typeof recoveryOutcomes)[number];

/** Allowed status changes; resolved/closed → in_progress is a reopen. */
export const transitions: Record<CaseStatus, CaseStatus[]> = {
  new: ['in_progress'],
  in_progress: ['waiting_customer', 'resolved'],
  waiting_customer: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

export interface LoopDeps { db: Database; jobs?: JobQueue; now: () => Date }

const caseColumns = `c.id, c.kind, c.title, c.status, c.priority, c.rule_id as "ruleId", c.response_id as "responseId", c.contact_id as "contactId",
  c.touchpoint_id as "touchpointId", c.unit_id as "unitId", c.employee_id as "employeeId", c.owner_user_id as "ownerUserId",
  c.owner_unit_id as "ownerUnitId", c.due_at as "dueAt", c.first_action_at as "firstActionAt", c.escalated_at as "escalatedAt",
  c.resolved_at as "resolvedAt", c.closed_at as "closedAt", c.reopen_count as "reopenCount", c.root_cause_code as "rootCauseCode",
  c.recovery_outcome as "recoveryOutcome", c.resolution, c.resurvey_invitation_id as "resurveyInvitationId", c.follow_up_response_id as "followUpResponseId",
  c.follow_up_score as "followUpScore", c.follow_up_solved as "followUpSolved", c.recovered, c.created_at as "createdAt", c.updated_at as "updatedAt"`;

/**
 * The caller's view of cases: frontline staff see cases on their own feedback or owned by them;
 * unit managers those of their unit subtree (owning or answered in) and their own.
 */
export function caseScope(auth: AuthContext, params: unknown[]): string {
  const add = (v: unknown) => { params.push(v); return `$${params.length}`; };
  if (auth.scope.kind === 'all') return '';
  // Added only when used: an unused parameter has no type, which Postgres refuses.
  const me = auth.userId ? ` or c.owner_user_id = ${add(auth.userId)}::uuid` : '';
  if (auth.scope.kind === 'units') {
    const units = add(auth.scope.unitIds);
    return ` and (c.owner_unit_id = any(${units}::uuid[]) or c.unit_id = any(${units}::uuid[])${me})`;
  }
  if (auth.scope.kind === 'employees') return ` and (c.employee_id = any(${add(auth.scope.employeeIds)}::uuid[])${me})`;
  return '';
}

export interface CaseListQuery {
  inbox?: 'mine' | 'unit' | 'all';
  status?: CaseStatus[];
  priority?: string;
  kind?: 'problem' | 'praise';
  ownerUserId?: string;
  unitId?: string;
  touchpointId?: string;
  overdue?: boolean;
  /** Created at or after / before these instants (the dashboard's period filter). */
  createdFrom?: string;
  createdBefore?: string;
  limit?: number;
  cursor?: string;
}

export async function listCases(db: Queryable, auth: AuthContext, q: CaseListQuery, now: Date) {
  const params: unknown[] = [auth.orgId];
  const add = (v: unknown) => { params.push(v); return `$${params.length}`; };
  let where = caseScope(auth, params);
  const subtree = (unit: string) => `(with recursive sub as (select id from units where org_id = $1 and id = ${unit}::uuid
      union all select u.id from units u join sub on u.parent_id = sub.id where u.org_id = $1) select id from sub)`;
  if (q.inbox === 'mine') {
    if (!auth.userId) throw badInput('inbox=mine needs a signed-in user; API keys have no cases of their own', 'inbox');
    where += ` and c.owner_user_id = ${add(auth.userId)}::uuid`;
  }
  if (q.inbox === 'unit') {
    if (auth.scope.kind === 'units') where += ` and c.owner_unit_id = any(${add(auth.scope.unitIds)}::uuid[])`;
    else {
      const [me] = auth.userId ? await db.query<{ unit_id: string | null }>(`select unit_id from users where org_id = $1 and id = $2`, [auth.orgId, auth.userId]) : [];
      if (!me?.unit_id) throw badInput('inbox=unit needs a user who belongs to a unit', 'inbox');
      where += ` and c.owner_unit_id in ${subtree(add(me.unit_id))}`;
    }
  }
  if (q.status?.length) where += ` and c.status::text = any(${add(q.status)}::text[])`;
  if (q.priority) where += ` and c.priority = ${add(q.priority)}::case_priority`;
  if (q.kind) where += ` and c.kind = ${add(q.kind)}::case_kind`;
  if (q.ownerUserId) where += ` and c.owner_user_id = ${add(q.ownerUserId)}::uuid`;
  if (q.unitId) where += ` and c.owner_unit_id in ${subtree(add(q.unitId))}`;
  if (q.touchpointId) where += ` and c.touchpoint_id = ${add(q.touchpointId)}::uuid`;
  if (q.overdue !== undefined) {
    where += q.overdue
      ? ` and c.status not in ('resolved', 'closed') and c.due_at < ${add(now.toISOString())}::timestamptz`
      : ` and not (c.status not in ('resolved', 'closed') and c.due_at is not null and c.due_at < ${add(now.toISOString())}::timestamptz)`;
  }
  if (q.createdFrom) where += ` and c.created_at >= ${add(q.createdFrom)}::timestamptz`;
  if (q.createdBefore) where += ` and c.created_at < ${add(q.createdBefore)}::timestamptz`;
  const cursor = decodeCursor(q.cursor);
  if (cursor) where += ` and (c.created_at, c.id) < (${add(cursor[0])}::timestamptz, ${add(cursor[1])}::uuid)`;
  const limit = q.limit ?? 50;
  const rows = await db.query<Record<string, unknown> & { id: string; createdAt: Date }>(
    `select ${caseColumns} from cases c where c.org_id = $1${where} order by c.created_at desc, c.id desc limit ${add(limit + 1)}`, params);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([new Date(last.createdAt).toISOString(), last.id]) : null };
}

export async function visibleCase(db: Queryable, auth: AuthContext, id: string, lock = false) {
  const params: unknown[] = [auth.orgId, id];
  const rows = await db.query<Record<string, unknown> & {
    kind: 'problem' | 'praise'; status: CaseStatus; resolution: string | null; rootCauseCode: string | null; recoveryOutcome: RecoveryOutcome | null; ownerUserId: string | null; ownerUnitId: string | null; firstActionAt: Date | null;
    contactId: string | null; responseId: string | null; resurveyInvitationId: string | null;
  }>(
    `select ${caseColumns} from cases c where c.org_id = $1 and c.id = $2${caseScope(auth, params)}${lock ? ' for update' : ''}`, params);
  if (!rows[0]) throw notFound('Case', 'id');
  return rows[0];
}

/** Which of the given cases the caller may see (others are simply left out), newest first. */
export async function visibleCasesAmong(db: Queryable, auth: AuthContext, ids: string[]): Promise<Array<{ id: string; title: string; status: CaseStatus }>> {
  if (ids.length === 0) return [];
  const params: unknown[] = [auth.orgId, ids];
  return db.query<{ id: string; title: string; status: CaseStatus }>(
    `select id, title, status from cases c where c.org_id = $1 and c.id = any($2::uuid[])${caseScope(auth, params)} order by c.created_at desc, c.id desc`, params);
}

export async function getCase(db: Queryable, auth: AuthContext, id: string) {
  const found = await visibleCase(db, auth, id);
  const [activity, answers] = await Promise.all([
    db.query(`select id, at, actor_user_id as "actorUserId", kind, data from case_activity where org_id = $1 and case_id = $2 order by at, id`, [auth.orgId, id]),
    found.responseId ? db.query(
      `select q.key, q.type, a.number, a.choice, a.choices, a.text, a.dont_know as "dontKnow"
         from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
        where a.org_id = $1 and a.response_id = $2 order by q.position`, [auth.orgId, found.responseId]) : [],
  ]);
  return { ...found, activity, answers };
}

const publisher = (deps: LoopDeps) => deps.jobs ? { queue: () => deps.jobs as JobQueue } : null;

export interface NewCaseInput { responseId: string; title?: string; priority?: string; ownerUserId?: string; slaHours?: number; note?: string }

/** A case opened by hand from a response the caller can see. */
export async function openCase(deps: LoopDeps, auth: AuthContext, input: NewCaseInput) {
  const now = deps.now();
  const id = await deps.db.transaction(async (tx) => {
    const params: unknown[] = [auth.orgId, input.responseId];
    const scope = auth.scope.kind === 'units' ? ` and r.unit_id = any($3::uuid[])` : auth.scope.kind === 'employees' ? ` and r.employee_id = any($3::uuid[])` : '';
    if (scope) params.push(auth.scope.kind === 'units' ? auth.scope.unitIds : (auth.scope as { employeeIds: string[] }).employeeIds);
    const [response] = await tx.query<{ touchpoint_id: string | null; unit_id: string | null; employee_id: string | null; contact_id: string | null }>(
      `select touchpoint_id, unit_id, employee_id, contact_id from responses r where r.org_id = $1 and r.id = $2${scope}`, params);
    if (!response) throw notFound('Response', 'responseId');
    const directory = await Directory.load(tx, auth.orgId, response.touchpoint_id ? [response.touchpoint_id] : [], response.employee_id ? [response.employee_id] : []);
    if (input.ownerUserId && !directory.isActiveUser(input.ownerUserId)) throw badInput('ownerUserId is not an active user of this organisation', 'ownerUserId');
    const owner: Owner = input.ownerUserId
      ? { userId: input.ownerUserId, unitId: directory.unitOfUser(input.ownerUserId) ?? response.unit_id, routedBy: 'by hand' }
      : directory.owner({ to: 'touchpoint_owner' }, { touchpointId: response.touchpoint_id, unitId: response.unit_id, employeeId: response.employee_id }, 'problem');
    const clock = await orgClock(tx, auth.orgId);
    const newCase = {
      id: uuidv7(now.getTime()), kind: 'problem' as const, title: input.title ?? 'Follow up on feedback', priority: input.priority ?? 'normal',
      ruleId: null, responseId: input.responseId, contactId: response.contact_id, touchpointId: response.touchpoint_id, unitId: response.unit_id,
      employeeId: response.employee_id, ownerUserId: owner.userId, ownerUnitId: owner.unitId,
      dueAt: addBusinessHours(now, input.slaHours ?? 24, clock.businessHours, clock.timeZone),
      activity: { ownerUserId: owner.userId, ownerUnitId: owner.unitId, routedBy: owner.routedBy, assignedByFallback: owner.assignedByFallback ?? null, byHand: true },
    };
    await insertCases(tx, auth.orgId, [newCase], now, auth.userId ?? null);
    if (input.note) await appendActivity(tx, auth, newCase.id, 'note', { text: input.note }, now);
    const pub = publisher(deps);
    if (pub) await publishLoopEvents(pub, [creationEvent(auth.orgId, newCase, now, directory.managerOf(owner.unitId, owner.userId))], tx);
    return newCase.id;
  });
  return getCase(deps.db, auth, id);
}

// Entries written in one change share their time; ids that grow within the process keep their order.
let lastActivityMs = 0;
const activityId = () => uuidv7((lastActivityMs = Math.max(Date.now(), lastActivityMs + 1)));

export async function appendActivity(tx: Queryable, auth: AuthContext, caseId: string, kind: string, data: Record<string, unknown>, now: Date) {
  await tx.query(`insert into case_activity (org_id, case_id, id, at, actor_user_id, kind, data) values ($1, $2, $3, $4, $5, $6, $7)`,
    [auth.orgId, caseId, activityId(), now.toISOString(), auth.userId ?? null, kind, JSON.stringify(data)]);
}

export interface CasePatch {
  status?: CaseStatus; ownerUserId?: string | null; rootCauseCode?: string | null; recoveryOutcome?: RecoveryOutcome | null; resolution?: string | null; priority?: string; title?: string;
}

export async function updateCase(deps: LoopDeps, auth: AuthContext, id: string, patch: CasePatch) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const current = await visibleCase(tx, auth, id, true);
    const sets: string[] = [];
    const params: unknown[] = [auth.orgId, id, now.toISOString()];
    const set = (column: string, value: unknown, cast = '') => { params.push(value); sets.push(`${column} = $${params.length}${cast}`); };
    const changes: Record<string, unknown> = {};
    if (patch.ownerUserId !== undefined && patch.ownerUserId !== current.ownerUserId) {
      let unitId = current.ownerUnitId;
      if (patch.ownerUserId !== null) {
        const [user] = await tx.query<{ unit_id: string | null }>(`select unit_id from users where org_id = $1 and id = $2 and disabled_at is null`, [auth.orgId, patch.ownerUserId]);
        if (!user) throw badInput('ownerUserId is not an active user of this organisation', 'ownerUserId');
        unitId = user.unit_id ?? unitId;
      }
      set('owner_user_id', patch.ownerUserId, '::uuid');
      set('owner_unit_id', unitId, '::uuid');
      await appendActivity(tx, auth, id, 'assigned', { from: current.ownerUserId, to: patch.ownerUserId }, now);
      changes.ownerUserId = patch.ownerUserId;
    }
    if (patch.rootCauseCode !== undefined) {
      if (patch.rootCauseCode !== null) {
        const [code] = await tx.query(`select 1 from root_cause_codes where org_id = $1 and code = $2 and active`, [auth.orgId, patch.rootCauseCode]);
        if (!code) throw badInput('rootCauseCode is not an active root-cause code of this organisation', 'rootCauseCode');
      }
      set('root_cause_code', patch.rootCauseCode);
      await appendActivity(tx, auth, id, 'root_cause', { code: patch.rootCauseCode }, now);
      changes.rootCauseCode = patch.rootCauseCode;
    }
    if (patch.recoveryOutcome !== undefined) {
      if (patch.recoveryOutcome !== null && !(recoveryOutcomes as readonly string[]).includes(patch.recoveryOutcome)) {
        throw badInput(`recoveryOutcome must be one of ${recoveryOutcomes.join(', ')}`, 'recoveryOutcome');
      }
      set('recovery_outcome', patch.recoveryOutcome);
      await appendActivity(tx, auth, id, 'recovery_outcome', { outcome: patch.recoveryOutcome }, now);
      changes.recoveryOutcome = patch.recoveryOutcome;
    }
    if (patch.resolution !== undefined) {
      set('resolution', patch.resolution);
      await appendActivity(tx, auth, id, 'resolution', { text: patch.resolution }, now);
    }
    if (patch.priority !== undefined && patch.priority !== current.priority) {
      set('priority', patch.priority, '::case_priority');
      await appendActivity(tx, auth, id, 'priority', { from: current.priority, to: patch.priority }, now);
      changes.priority = patch.priority;
    }
    if (patch.title !== undefined) set('title', patch.title);
    if (patch.status !== undefined && patch.status !== current.status) {
      const from = current.status;
      const to = patch.status;
      if (!transitions[from].includes(to)) {
        throw conflict(`A case cannot go from ${from} to ${to}; from ${from} it can go to ${transitions[from].join(' or ')}`, 'status');
      }
      const resolution = patch.resolution !== undefined ? patch.resolution : current.resolution;
      if (to === 'resolved' && !resolution?.trim()) throw badInput('A resolution summary is required to resolve a case', 'resolution');
      // Every closed problem case says why it happened and how the customer came out of it.
      if (to === 'closed' && current.kind === 'problem') {
        if (!(patch.rootCauseCode !== undefined ? patch.rootCauseCode : current.rootCauseCode)) throw badInput('A root cause is required to close a case', 'rootCauseCode');
        if (!(patch.recoveryOutcome !== undefined ? patch.recoveryOutcome : current.recoveryOutcome)) {
          throw badInput(`A recovery outcome is required to close a case: one of ${recoveryOutcomes.join(', ')}`, 'recoveryOutcome');
        }
      }
      set('status', to, '::case_status');
      if (to === 'resolved') sets.push('resolved_at = $3');
      if (to === 'closed') sets.push('closed_at = $3');
      const reopen = to === 'in_progress' && (from === 'resolved' || from === 'closed');
      if (reopen) sets.push('reopen_count = reopen_count + 1', 'resolved_at = null', 'closed_at = null');
      await appendActivity(tx, auth, id, reopen ? 'reopened' : 'status_changed', { from, to }, now);
      changes.status = to;
    }
    if (sets.length === 0) return;
    // The first thing anyone does to a case is its first action (time to first action).
    await tx.query(`update cases set ${sets.join(', ')}, updated_at = $3, first_action_at = coalesce(first_action_at, $3) where org_id = $1 and id = $2`, params);
    const pub = publisher(deps);
    if (pub) await publishLoopEvents(pub, [{ type: 'case.updated', orgId: auth.orgId, caseId: id, at: now.toISOString(), data: { ...changes, actorUserId: auth.userId ?? null } }], tx);
  });
  return getCase(deps.db, auth, id);
}

export async function addNote(deps: LoopDeps, auth: AuthContext, id: string, text: string) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await visibleCase(tx, auth, id, true);
    await appendActivity(tx, auth, id, 'note', { text }, now);
    await tx.query(`update cases set updated_at = $3, first_action_at = coalesce(first_action_at, $3) where org_id = $1 and id = $2`, [auth.orgId, id, now.toISOString()]);
    const pub = publisher(deps);
    if (pub) await publishLoopEvents(pub, [{ type: 'case.updated', orgId: auth.orgId, caseId: id, at: now.toISOString(), data: { note: true, actorUserId: auth.userId ?? null } }], tx);
  });
  return getCase(deps.db, auth, id);
}

export interface CaseMetricsQuery {
  from?: string;
  to?: string;
  /** Cases about this unit or owned by it, sub-units included (the dashboard's unit filter). */
  unitId?: string;
  by?: 'unit' | 'owner';
}

/**
 * Closed-loop figures over problem cases created in the period: median time to first action and
 * to resolution (each with its n), share resolved within SLA (of resolved cases with a due time), re-open rate (of cases ever
 * resolved), recovery rate (of cases on a detractor answer whose contact has answered again:
 * the share no longer a detractor, src/loop/followup.ts), plus counts, overall and by owning
 * unit or owner.
 */
export async function caseMetrics(db: Queryable, auth: AuthContext, q: CaseMetricsQuery, now: Date) {
  const params: unknown[] = [auth.orgId];
  const add = (v: unknown) => { params.push(v); return `$${params.length}`; };
  let where = ` and c.kind = 'problem'${caseScope(auth, params)}`;
  if (q.from) where += ` and c.created_at >= ${add(q.from)}::timestamptz`;
  if (q.to) where += ` and c.created_at < ${add(q.to)}::timestamptz`;
  if (q.unitId) {
    const units = unitSubtreeSql('$1', `${add(q.unitId)}::uuid`);
    where += ` and (c.unit_id in (${units}) or c.owner_unit_id in (${units}))`;
  }
  const nowParam = add(now.toISOString());
  const figures = `count(*)::int as cases,
    count(*) filter (where c.status not in ('resolved', 'closed'))::int as open,
    count(*) filter (where c.status not in ('resolved', 'closed') and c.due_at < ${nowParam}::timestamptz)::int as overdue,
    count(*) filter (where c.first_action_at is not null)::int as "withFirstAction",
    percentile_cont(0.5) within group (order by extract(epoch from c.first_action_at - c.created_at)) filter (where c.first_action_at is not null) / 3600.0 as "medianHoursToFirstAction",
    count(*) filter (where c.resolved_at is not null)::int as resolved,
    percentile_cont(0.5) within group (order by extract(epoch from c.resolved_at - c.created_at)) filter (where c.resolved_at is not null) / 3600.0 as "medianHoursToResolution",
    count(*) filter (where c.resolved_at is not null and c.due_at is not null)::int as "resolvedWithDue",
    count(*) filter (where c.resolved_at is not null and c.resolved_at <= c.due_at)::int as "resolvedWithinSla",
    count(*) filter (where c.resolved_at is not null or c.reopen_count > 0)::int as "everResolved",
    count(*) filter (where c.reopen_count > 0)::int as reopened,
    count(*) filter (where c.recovered is not null)::int as "detractorsFollowedUp",
    count(*) filter (where c.recovered)::int as recovered`;
  const shape = (r: Record<string, number | null | string>) => ({
    ...r,
    medianHoursToFirstAction: r.medianHoursToFirstAction === null ? null : Number(r.medianHoursToFirstAction),
    medianHoursToResolution: r.medianHoursToResolution === null ? null : Number(r.medianHoursToResolution),
    withinSlaShare: Number(r.resolvedWithDue) > 0 ? Number(r.resolvedWithinSla) / Number(r.resolvedWithDue) : null,
    reopenRate: Number(r.everResolved) > 0 ? Number(r.reopened) / Number(r.everResolved) : null,
    recoveryRate: Number(r.detractorsFollowedUp) > 0 ? Number(r.recovered) / Number(r.detractorsFollowedUp) : null,
  });
  const [overall] = await db.query<Record<string, number | null>>(`select ${figures} from cases c where c.org_id = $1${where}`, params);
  let groups: unknown[] = [];
  if (q.by) {
    const key = q.by === 'unit' ? 'c.owner_unit_id' : 'c.owner_user_id';
    const rows = await db.query<Record<string, number | null | string>>(
      `select ${key}::text as key, ${figures} from cases c where c.org_id = $1${where} group by ${key} order by 2 desc, 1`, params);
    groups = rows.map(shape);
  }
  return { overall: shape(overall), by: q.by ?? null, groups };
}
