/**
 * Storing new cases: the organisation's clock for SLA due times, one statement that inserts
 * cases with their 'created' activity, and the event each creation publishes. Used by the rule
 * evaluator (evaluate.ts) and by cases opened by hand (cases.ts); it imports neither, so the
 * two do not import each other.
 */
import type { Queryable } from '../db/connection.ts';
import type { LoopEvent } from './events.ts';
import { validateBusinessHours, type BusinessHours } from './sla.ts';

export interface OrgClock {
  timeZone: string;
  businessHours: BusinessHours;
}

export async function orgClock(db: Queryable, orgId: string): Promise<OrgClock> {
  const [org] = await db.query<{ time_zone: string; business_hours: unknown }>(`select time_zone, business_hours from organizations where id = $1`, [orgId]);
  return { timeZone: org?.time_zone ?? 'Europe/Helsinki', businessHours: validateBusinessHours(org?.business_hours ?? { days: [1, 2, 3, 4, 5], start: '08:00', end: '16:00' }) };
}

export interface NewCase {
  id: string;
  kind: 'problem' | 'praise';
  title: string;
  priority: string;
  ruleId: string | null;
  responseId: string | null;
  contactId: string | null;
  touchpointId: string | null;
  unitId: string | null;
  employeeId: string | null;
  ownerUserId: string | null;
  ownerUnitId: string | null;
  dueAt: Date | null;
  /** Kept in the 'created' activity entry. */
  activity: Record<string, unknown>;
}

/**
 * Inserts cases and their 'created' activity in one statement; a case a rule already opened for
 * the response is skipped. Returns the cases actually created.
 */
export async function insertCases(tx: Queryable, orgId: string, newCases: NewCase[], now: Date, actorUserId: string | null = null): Promise<NewCase[]> {
  if (newCases.length === 0) return [];
  const col = <K extends keyof NewCase>(key: K) => newCases.map((c) => c[key]);
  const rows = await tx.query<{ id: string }>(
    `with input as (
       select * from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::uuid[], $9::uuid[],
                            $10::uuid[], $11::uuid[], $12::uuid[], $13::uuid[], $14::timestamptz[], $15::text[])
         as i(id, kind, title, priority, rule_id, response_id, contact_id, touchpoint_id, unit_id, employee_id, owner_user_id, owner_unit_id, due_at, activity)
     ), created as (
       insert into cases (org_id, id, kind, title, priority, rule_id, response_id, contact_id, touchpoint_id, unit_id, employee_id,
                          owner_user_id, owner_unit_id, due_at, created_at, updated_at)
       select $1, id, kind::case_kind, title, priority::case_priority, rule_id, response_id, contact_id, touchpoint_id, unit_id, employee_id, owner_user_id, owner_unit_id, due_at, $16, $16
         from input
       on conflict (org_id, rule_id, response_id) do nothing
       returning id
     ), logged as (
       insert into case_activity (org_id, case_id, id, at, actor_user_id, kind, data)
       select $1, c.id, c.id, $16, $17, 'created', i.activity::jsonb from created c join input i on i.id = c.id
     )
     select id from created`,
    [orgId, col('id'), col('kind'), col('title'), col('priority'), col('ruleId'), col('responseId'), col('contactId'), col('touchpointId'),
      col('unitId'), col('employeeId'), col('ownerUserId'), col('ownerUnitId'), newCases.map((c) => c.dueAt?.toISOString() ?? null),
      newCases.map((c) => JSON.stringify(c.activity)), now.toISOString(), actorUserId]);
  const created = new Set(rows.map((r) => r.id));
  return newCases.filter((c) => created.has(c.id));
}

export function creationEvent(orgId: string, c: NewCase, at: Date, managerUserId: string | null): LoopEvent {
  return {
    type: c.kind === 'praise' ? 'praise.received' : 'case.created',
    orgId, caseId: c.id, at: at.toISOString(),
    data: { title: c.title, priority: c.priority, ruleId: c.ruleId, responseId: c.responseId, ownerUserId: c.ownerUserId, ownerUnitId: c.ownerUnitId,
      managerUserId, employeeId: c.employeeId, dueAt: c.dueAt?.toISOString() ?? null },
  };
}
