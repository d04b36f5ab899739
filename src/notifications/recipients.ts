/**
 * Who hears about a loop event. Pure decision over the case and the people around it
 * (`recipientsFor`), fed by two small queries (`loadCaseFacts`, `unitManagers`).
 *
 *   case.created     → the owner (no owner: the owner unit's managers)   "case_assigned"
 *   case.updated     → the new owner, when the update assigned the case (data.ownerUserId) to someone else
 *   case.escalated   → the owner unit's managers, nearest level up, not the owner   "case_escalated"
 *   praise.received  → the employee's own login and their unit's managers   "praise_received"
 *   alert.fired      → nobody in-app (the case it opens is notified); webhooks only
 *
 * When no manager exists anywhere up the unit tree, an unowned or escalated problem goes to the
 * organisation's admins: every problem must reach an owner (seed 004, rule 4).
 */
import type { Queryable } from '../db/connection.ts';
import type { LoopEvent } from '../loop/events.ts';
import type { CaseNotice, CasePriority, NotificationKind } from '../mail/templates.ts';

export interface CaseFacts {
  id: string;
  orgId: string;
  kind: 'problem' | 'praise';
  title: string;
  status: string;
  priority: CasePriority;
  ruleId: string | null;
  responseId: string | null;
  touchpointId: string | null;
  unitId: string | null;
  employeeId: string | null;
  ownerUserId: string | null;
  ownerUnitId: string | null;
  dueAt: string | null;
  createdAt: string;
  updatedAt: string;
  escalatedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  touchpointName: string | null;
  employeeName: string | null;
  employeeUserId: string | null;
  employeeUnitId: string | null;
  ownerUserUnitId: string | null;
  verbatim: string | null;
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

/** The facts of many cases (of the events of a batch), keyed `orgId/caseId`; one query per organisation. */
export async function loadCasesFacts(db: Queryable, events: Array<{ orgId: string; caseId: string }>): Promise<Map<string, CaseFacts>> {
  const byOrg = new Map<string, Set<string>>();
  for (const e of events) byOrg.set(e.orgId, (byOrg.get(e.orgId) ?? new Set()).add(e.caseId));
  const facts = new Map<string, CaseFacts>();
  for (const [orgId, ids] of byOrg) {
    for (const f of await loadCaseFacts(db, orgId, [...ids])) facts.set(`${orgId}/${f.id}`, f);
  }
  return facts;
}

export async function loadCaseFacts(db: Queryable, orgId: string, caseIds: string[]): Promise<CaseFacts[]> {
  const rows = await db.query<Record<string, unknown>>(
    `select c.id, c.org_id as "orgId", c.kind, c.title, c.status, c.priority, c.rule_id as "ruleId", c.response_id as "responseId",
            c.touchpoint_id as "touchpointId", c.unit_id as "unitId", c.employee_id as "employeeId", c.owner_user_id as "ownerUserId",
            c.owner_unit_id as "ownerUnitId", c.due_at as "dueAt", c.created_at as "createdAt", c.updated_at as "updatedAt",
            c.escalated_at as "escalatedAt", c.resolved_at as "resolvedAt", c.closed_at as "closedAt",
            t.name as "touchpointName", e.name as "employeeName", e.user_id as "employeeUserId", e.unit_id as "employeeUnitId",
            ou.unit_id as "ownerUserUnitId",
            (select a.text from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
              where a.org_id = c.org_id and a.response_id = c.response_id and a.text is not null
              order by q.position limit 1) as verbatim
       from cases c
       left join touchpoints t on t.org_id = c.org_id and t.id = c.touchpoint_id
       left join employees e on e.org_id = c.org_id and e.id = c.employee_id
       left join users ou on ou.org_id = c.org_id and ou.id = c.owner_user_id
      where c.org_id = $1 and c.id = any($2::uuid[])`, [orgId, caseIds]);
  return rows.map((row) => ({
    ...(row as unknown as CaseFacts),
    dueAt: iso(row.dueAt), createdAt: iso(row.createdAt)!, updatedAt: iso(row.updatedAt)!, escalatedAt: iso(row.escalatedAt),
    resolvedAt: iso(row.resolvedAt), closedAt: iso(row.closedAt),
  }));
}

/** Active unit managers of the unit, or of the nearest unit above it that has any (excluding `exclude`). */
export async function unitManagers(db: Queryable, orgId: string, unitId: string | null, exclude: Array<string | null> = []): Promise<string[]> {
  if (!unitId) return [];
  const rows = await db.query<{ id: string; depth: number }>(
    `with recursive up(id, parent_id, depth) as (
       select id, parent_id, 0 from units where org_id = $1 and id = $2
       union all
       select u.id, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id where u.org_id = $1 and up.depth < 50)
     select m.id, up.depth from up
       join users m on m.org_id = $1 and m.unit_id = up.id and m.role = 'unit_manager' and m.disabled_at is null
      where not (m.id = any($3::uuid[]))
      order by up.depth, m.id`, [orgId, unitId, exclude.filter((x): x is string => Boolean(x))]);
  const nearest = rows[0]?.depth;
  return rows.filter((r) => r.depth === nearest).map((r) => r.id);
}

export async function activeAdmins(db: Queryable, orgId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `select id from users where org_id = $1 and role = 'admin' and disabled_at is null order by id`, [orgId]);
  return rows.map((r) => r.id);
}

export interface Recipient {
  userId: string;
  kind: NotificationKind;
}

/** The people a loop event notifies, deduplicated, in a stable order. */
export async function recipientsFor(db: Queryable, event: LoopEvent, facts: CaseFacts): Promise<Recipient[]> {
  const to = (kind: NotificationKind, ids: Array<string | null>) =>
    [...new Set(ids.filter((x): x is string => Boolean(x)))].map((userId) => ({ userId, kind }));
  const problemOwners = async () => {
    if (facts.ownerUserId) return [facts.ownerUserId];
    const managers = await unitManagers(db, facts.orgId, facts.ownerUnitId);
    return managers.length > 0 ? managers : activeAdmins(db, facts.orgId);
  };
  switch (event.type) {
    case 'case.created':
      // A praise case is announced by its praise.received event, not as work to do.
      return facts.kind === 'praise' ? [] : to('case_assigned', await problemOwners());
    case 'case.updated': {
      // An update that (re)assigned the case tells the new owner, unless they took it themselves.
      const data = event.data ?? {};
      const newOwner = typeof data.ownerUserId === 'string' ? data.ownerUserId : null;
      if (!newOwner || newOwner !== facts.ownerUserId || data.actorUserId === newOwner || facts.kind === 'praise') return [];
      return to('case_assigned', [newOwner]);
    }
    case 'case.escalated': {
      const named = typeof event.data?.escalatedToUserId === 'string' ? [event.data.escalatedToUserId] : [];
      const managers = named.length > 0 ? named
        : await unitManagers(db, facts.orgId, facts.ownerUnitId ?? facts.ownerUserUnitId ?? facts.unitId, [facts.ownerUserId]);
      return to('case_escalated', managers.length > 0 ? managers : await activeAdmins(db, facts.orgId));
    }
    case 'praise.received': {
      const unit = facts.employeeUnitId ?? facts.unitId ?? facts.ownerUnitId;
      return to('praise_received', [facts.employeeUserId, ...await unitManagers(db, facts.orgId, unit, [facts.employeeUserId])]);
    }
    case 'alert.fired':
      return [];
  }
}

/** The notice a recipient gets, stored in `notifications.data` (the case as it was then). */
export function noticeFor(kind: NotificationKind, facts: CaseFacts): CaseNotice {
  return {
    kind,
    caseId: facts.id,
    title: facts.title,
    priority: facts.priority,
    dueAt: facts.dueAt,
    verbatim: facts.verbatim ? facts.verbatim.slice(0, 1000) : null,
    touchpoint: facts.touchpointName,
    employee: facts.employeeName,
  };
}

/** The case as webhooks describe it: ids and state, no customer text or contact details. */
export function caseForWebhook(facts: CaseFacts) {
  return {
    id: facts.id, kind: facts.kind, title: facts.title, status: facts.status, priority: facts.priority, ruleId: facts.ruleId,
    responseId: facts.responseId, touchpointId: facts.touchpointId, unitId: facts.unitId, employeeId: facts.employeeId,
    ownerUserId: facts.ownerUserId, ownerUnitId: facts.ownerUnitId, dueAt: facts.dueAt, createdAt: facts.createdAt,
    updatedAt: facts.updatedAt, escalatedAt: facts.escalatedAt, resolvedAt: facts.resolvedAt, closedAt: facts.closedAt,
  };
}
