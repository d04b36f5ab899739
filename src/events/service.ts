/**
 * Touchpoint events: "contact X met touchpoint Y at time T, served by employee E in unit U".
 * High volume, so written like responses: one statement per call (unnest arrays), references
 * checked inside it (no foreign keys, see src/db/schema.ts), uuidv7 ids, idempotent by
 * `(org_id, idempotency_key)`. A call is all-or-nothing: one unknown reference stores none.
 *
 * A contact is named by `contactId` or `contactExternalId`. An unknown external id is refused
 * rather than created on the fly: a typo in a CRM feed would otherwise create ghost contacts
 * without address or consent; upsert the contact first (or in the same sync) instead.
 */
import { uuidv7 } from '../db/ids.ts';
import type { Queryable } from '../db/connection.ts';
import { badInput } from '../errors.ts';

export const EVENT_ATTRIBUTES_MAX_BYTES = 8_192;
/** Clock skew allowed for a sender's occurredAt. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface EventInput {
  touchpointId: string;
  contactId?: string;
  contactExternalId?: string;
  occurredAt?: string;
  employeeId?: string;
  unitId?: string;
  attributes?: Record<string, unknown>;
  idempotencyKey?: string;
}

export interface PreparedEvent {
  id: string;
  touchpointId: string;
  contactId: string | null;
  contactExternalId: string | null;
  occurredAt: Date;
  employeeId: string | null;
  unitId: string | null;
  attributes: string;
  idempotencyKey: string | null;
}

export interface StoredEvent {
  id: string;
  created: boolean;
  /** Waiting for the pulse scheduler (its touchpoint has an enabled pulse rule). */
  queued: boolean;
}

export function prepareEvent(input: EventInput, prefix = '', now = Date.now()): PreparedEvent {
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  if (input.contactId === undefined && input.contactExternalId === undefined) throw badInput('contactId or contactExternalId is required', at('contactId'));
  if (input.contactId !== undefined && input.contactExternalId !== undefined) throw badInput('give either contactId or contactExternalId, not both', at('contactExternalId'));
  let occurredAt = new Date(now);
  if (input.occurredAt !== undefined) {
    occurredAt = new Date(input.occurredAt);
    if (Number.isNaN(occurredAt.getTime())) throw badInput('occurredAt is not a valid date-time', at('occurredAt'));
    if (occurredAt.getTime() > now + FUTURE_TOLERANCE_MS) throw badInput('occurredAt is in the future', at('occurredAt'));
  }
  const attributes = JSON.stringify(input.attributes ?? {});
  if (Buffer.byteLength(attributes, 'utf8') > EVENT_ATTRIBUTES_MAX_BYTES) throw badInput(`attributes must be at most ${EVENT_ATTRIBUTES_MAX_BYTES} bytes of JSON`, at('attributes'));
  return {
    id: uuidv7(now),
    touchpointId: input.touchpointId,
    contactId: input.contactId ?? null,
    contactExternalId: input.contactExternalId?.trim() || null,
    occurredAt,
    employeeId: input.employeeId ?? null,
    unitId: input.unitId ?? null,
    attributes,
    idempotencyKey: input.idempotencyKey ?? null,
  };
}

const insertSql = `
with input as (
  select * from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[], $7::uuid[], $8::uuid[], $9::jsonb[], $10::text[])
    with ordinality as u(id, touchpoint_id, contact_id, contact_external_id, occurred_at, employee_id, unit_id, attributes, idempotency_key, position)
), checked as (
  select i.*, coalesce(c.id, cx.id) as resolved_contact, t.owner_unit_id, e.unit_id as employee_unit,
         case when t.id is null then 'touchpointId'
              when i.contact_id is not null and c.id is null then 'contactId'
              when i.contact_external_id is not null and cx.id is null then 'contactExternalId'
              when i.employee_id is not null and e.id is null then 'employeeId'
              when i.unit_id is not null and un.id is null then 'unitId' end as unknown_reference
    from input i
    -- LATERAL … LIMIT 1 keeps each lookup a primary-key probe even in a generic plan (as in responses).
    left join lateral (select id, owner_unit_id from touchpoints where org_id = $1 and id = i.touchpoint_id limit 1) t on true
    left join lateral (select id from contacts where org_id = $1 and id = i.contact_id limit 1) c on true
    left join lateral (select id from contacts where org_id = $1 and external_id = i.contact_external_id limit 1) cx on true
    left join lateral (select id, unit_id from employees where org_id = $1 and id = i.employee_id limit 1) e on true
    left join lateral (select id from units where org_id = $1 and id = i.unit_id limit 1) un on true
), problems as (
  select position, unknown_reference from checked where unknown_reference is not null
), stored as (
  insert into touchpoint_events (org_id, id, touchpoint_id, contact_id, occurred_at, employee_id, unit_id, attributes, idempotency_key)
  select $1, id, touchpoint_id, resolved_contact, occurred_at, employee_id, coalesce(unit_id, employee_unit, owner_unit_id), attributes, idempotency_key
    from checked
   where not exists (select 1 from problems)
  on conflict (org_id, idempotency_key) do nothing
  returning id, touchpoint_id
), queued as (
  -- The pulse scheduler's outbox (src/distribution/schedule.ts), in this statement so no committed event misses its rules.
  insert into pulse_outbox (org_id, event_id)
  select $1, s.id from stored s
   where exists (select 1 from pulse_rules r where r.org_id = $1 and r.touchpoint_id = s.touchpoint_id and r.enabled)
  returning event_id
)
select id, null::bigint as position, null::text as unknown_reference, exists (select 1 from queued q where q.event_id = stored.id) as queued from stored
union all
select null, position, unknown_reference, false from problems`;

/**
 * Stores prepared events atomically. An unknown reference → 400 naming `<fieldOf(i)>.<field>`,
 * nothing stored. A repeated idempotency key (earlier call or earlier in this one) is not
 * stored again: its result carries the first event's id with `created: false`.
 */
export async function storeEvents(db: Queryable, orgId: string, events: PreparedEvent[], fieldOf: (i: number) => string): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  const col = <T>(f: (e: PreparedEvent) => T) => events.map(f);
  const rows = await db.query<{ id: string | null; position: number | null; unknown_reference: string | null; queued: boolean }>(insertSql, [orgId,
    col((e) => e.id), col((e) => e.touchpointId), col((e) => e.contactId), col((e) => e.contactExternalId), col((e) => e.occurredAt.toISOString()),
    col((e) => e.employeeId), col((e) => e.unitId), col((e) => e.attributes), col((e) => e.idempotencyKey)], 'kaiku_store_events');
  const problem = rows.filter((r) => r.unknown_reference).sort((a, b) => Number(a.position) - Number(b.position))[0];
  if (problem) {
    const prefix = fieldOf(Number(problem.position) - 1);
    throw badInput(`${problem.unknown_reference} does not refer to an existing item in this organisation`, prefix ? `${prefix}.${problem.unknown_reference}` : String(problem.unknown_reference));
  }
  const created = new Set(rows.map((r) => r.id));
  const queued = new Set(rows.filter((r) => r.queued).map((r) => r.id));
  const skippedKeys = events.filter((e) => !created.has(e.id) && e.idempotencyKey).map((e) => e.idempotencyKey as string);
  const existing = new Map<string, string>();
  if (skippedKeys.length > 0) {
    const found = await db.query<{ id: string; idempotency_key: string }>(
      `select id, idempotency_key from touchpoint_events where org_id = $1 and idempotency_key = any($2)`, [orgId, skippedKeys]);
    for (const row of found) existing.set(row.idempotency_key, row.id);
  }
  return events.map((e) => (created.has(e.id) ? { id: e.id, created: true, queued: queued.has(e.id) }
    : { id: existing.get(e.idempotencyKey ?? '') ?? e.id, created: false, queued: false }));
}

export async function ingestEvents(db: Queryable, orgId: string, inputs: EventInput[], fieldOf = (i: number) => `events[${i}]`): Promise<StoredEvent[]> {
  const now = Date.now();
  const prepared = inputs.map((input, i) => prepareEvent(input, fieldOf(i), now));
  return storeEvents(db, orgId, prepared, fieldOf);
}

export interface StoredTouchpointEvent {
  id: string; touchpointId: string; contactId: string; contactExternalId: string | null; occurredAt: Date;
  employeeId: string | null; unitId: string | null; attributes: Record<string, unknown>; idempotencyKey: string | null; receivedAt: Date;
}

const eventColumns = `e.id, e.touchpoint_id as "touchpointId", e.contact_id as "contactId",
  (select external_id from contacts c where c.org_id = e.org_id and c.id = e.contact_id) as "contactExternalId",
  e.occurred_at as "occurredAt", e.employee_id as "employeeId", e.unit_id as "unitId", e.attributes,
  e.idempotency_key as "idempotencyKey", e.received_at as "receivedAt"`;

export interface EventFilter { touchpointId?: string; contactId?: string; from?: string; to?: string; /** Id of the last event of the previous page. */
  before?: string; limit: number }

/** Newest received first; `limit + 1` rows so the caller sees whether more follow. */
export async function listEvents(db: Queryable, orgId: string, f: EventFilter): Promise<StoredTouchpointEvent[]> {
  return db.query<StoredTouchpointEvent>(
    `select ${eventColumns} from touchpoint_events e
      where e.org_id = $1 and ($2::uuid is null or e.touchpoint_id = $2) and ($3::uuid is null or e.contact_id = $3)
        and ($4::timestamptz is null or e.occurred_at >= $4) and ($5::timestamptz is null or e.occurred_at < $5)
        and ($6::uuid is null or (e.received_at, e.id) < (select received_at, id from touchpoint_events where org_id = $1 and id = $6))
      order by e.received_at desc, e.id desc limit $7`,
    [orgId, f.touchpointId ?? null, f.contactId ?? null, f.from ?? null, f.to ?? null, f.before ?? null, f.limit + 1]);
}

/**
 * Events received after a watermark (an event id), oldest first: what a rule engine reads next (index
 * touchpoint_events_org_received). Events commit out of id order across connections, so a
 * reader should re-read a short overlap behind its watermark and rely on one invitation per
 * (contact, rule, event) to ignore what it has seen.
 */
export async function eventsReceivedAfter(db: Queryable, orgId: string, afterEventId: string | null, limit: number): Promise<StoredTouchpointEvent[]> {
  // The watermark is an event id; its received_at is read in the database, keeping microseconds.
  return db.query<StoredTouchpointEvent>(
    `select ${eventColumns} from touchpoint_events e
      where e.org_id = $1 and ($2::uuid is null or (e.received_at, e.id) > (select received_at, id from touchpoint_events where org_id = $1 and id = $2))
      order by e.received_at, e.id limit $3`,
    [orgId, afterEventId, limit]);
}
