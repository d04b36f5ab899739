/**
 * Events → invitations. The event ingestion statement puts every event whose touchpoint has an
 * enabled pulse rule into `pulse_outbox`; this drains it in batches (SKIP LOCKED, so several
 * processes share the work) and writes one invitation row per (contact, rule, event) — scheduled,
 * waiting (web) or skipped with its reason — in the transaction that took the batch.
 *
 * Two guarantees, whatever number of processes run:
 *  - one invitation per (contact, rule, event): a unique constraint, inserts `on conflict do nothing`;
 *  - quarantine across events: the batch locks its contacts (ordered, so no deadlock) before it
 *    reads their latest invitations, so two batches with the same contact run one after the other.
 */
import type { Database, Queryable } from '../db/connection.ts';
import { newToken } from '../auth/secrets.ts';
import { decidePulse, invitationLanguage, type PulseChannel, type PulseDecision, type Reach } from './policy.ts';

export const SCHEDULE_BATCH = 1000;

export interface ContactReach extends Reach {
  id: string;
  language: string | null;
  timeZone: string | null;
}

interface EventRuleRow {
  event_id: string;
  occurred_at: Date;
  contact_id: string;
  touchpoint_id: string;
  unit_id: string | null;
  employee_id: string | null;
  rule_id: string;
  survey_id: string;
  delay_minutes: number;
  channels: PulseChannel[];
  sampling_rate: number;
  quiet_start: string | null;
  quiet_end: string | null;
  expiry_hours: number;
  survey_status: string;
  languages: string[];
  default_language: string;
}

export interface OrgDistribution { quarantineDays: number; timeZone: string }

export async function orgDistribution(db: Queryable, orgId: string): Promise<OrgDistribution> {
  const [row] = await db.query<{ quarantine_days: number; time_zone: string }>(`select quarantine_days, time_zone from organizations where id = $1`, [orgId]);
  return { quarantineDays: row?.quarantine_days ?? 30, timeZone: row?.time_zone ?? 'Europe/Helsinki' };
}

/** Locks the contacts (in id order) and returns what the policy needs of them. */
export async function lockContacts(tx: Queryable, orgId: string, contactIds: string[]): Promise<Map<string, ContactReach>> {
  const rows = await tx.query<{ id: string; email: string | null; phone: string | null; language: string | null; time_zone: string | null;
    consent_survey_email: boolean; consent_survey_sms: boolean; consent_withdrawn_at: Date | null; unsubscribed_at: Date | null }>(
    `select id, email, phone, language, time_zone, consent_survey_email, consent_survey_sms, consent_withdrawn_at, unsubscribed_at
       from contacts where org_id = $1 and id = any($2::uuid[]) order by id for no key update`, [orgId, contactIds]);
  return new Map(rows.map((c) => [c.id, {
    id: c.id, email: c.email, phone: c.phone, language: c.language, timeZone: c.time_zone,
    consentEmail: c.consent_survey_email, consentSms: c.consent_survey_sms, consentWithdrawnAt: c.consent_withdrawn_at, unsubscribedAt: c.unsubscribed_at,
  }]));
}

/** Each contact's latest invitation that went or will go out (quarantine). */
export async function lastInvited(tx: Queryable, orgId: string, contactIds: string[]): Promise<Map<string, Date>> {
  const rows = await tx.query<{ contact_id: string; at: Date }>(
    `select contact_id, max(send_at) as at from invitations
      where org_id = $1 and contact_id = any($2::uuid[]) and status in ('scheduled', 'sending', 'delivered', 'waiting')
      group by contact_id`, [orgId, contactIds]);
  return new Map(rows.filter((r) => r.at).map((r) => [r.contact_id, new Date(r.at)]));
}

export interface NewInvitation {
  surveyId: string;
  contactId: string;
  touchpointId: string | null;
  unitId: string | null;
  employeeId: string | null;
  language: string;
  ruleId: string | null;
  eventId: string | null;
  waveId: string | null;
  decision: PulseDecision;
}

/** Inserts invitation rows; an existing (contact, rule, event) or (wave, contact) is left as it is. Returns how many were new. */
export async function insertInvitations(tx: Queryable, orgId: string, rows: NewInvitation[]): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <T>(f: (r: NewInvitation) => T) => rows.map(f);
  const inserted = await tx.query<{ id: string }>(
    `insert into invitations (org_id, token, survey_id, contact_id, touchpoint_id, unit_id, employee_id, channel, language,
                              rule_id, event_id, wave_id, status, skip_reason, send_at, expires_at)
     select $1, token, survey_id, contact_id, touchpoint_id, unit_id, employee_id, channel::channel, language,
            rule_id, event_id, wave_id, status, skip_reason, send_at, expires_at
       -- channel travels as text[]: PGlite cannot serialise a parameter of an enum array type.
       from unnest($2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::text[], $9::text[],
                   $10::uuid[], $11::uuid[], $12::uuid[], $13::text[], $14::text[], $15::timestamptz[], $16::timestamptz[])
            as u(token, survey_id, contact_id, touchpoint_id, unit_id, employee_id, channel, language, rule_id, event_id, wave_id, status, skip_reason, send_at, expires_at)
     on conflict do nothing
     returning id`,
    [orgId, col(() => newToken(16)), col((r) => r.surveyId), col((r) => r.contactId), col((r) => r.touchpointId), col((r) => r.unitId),
      col((r) => r.employeeId), col((r) => r.decision.channel), col((r) => r.language), col((r) => r.ruleId), col((r) => r.eventId), col((r) => r.waveId),
      col((r) => r.decision.status), col((r) => (r.decision.status === 'skipped' ? r.decision.skipReason : null)),
      col((r) => r.decision.sendAt.toISOString()), col((r) => r.decision.expiresAt.toISOString())], 'kaiku_insert_invitations');
  return inserted.length;
}

/** Turns one organisation's events into invitations inside `tx`. */
async function scheduleEvents(tx: Queryable, orgId: string, eventIds: string[], now: Date): Promise<{ created: number; dueNow: boolean }> {
  const pairs = await tx.query<EventRuleRow>(
    `select e.id as event_id, e.occurred_at, e.contact_id, e.touchpoint_id, e.unit_id, e.employee_id,
            r.id as rule_id, r.survey_id, r.delay_minutes, r.channels, r.sampling_rate, r.quiet_start, r.quiet_end, r.expiry_hours,
            s.status as survey_status, s.languages, s.default_language
       from touchpoint_events e
       join pulse_rules r on r.org_id = e.org_id and r.touchpoint_id = e.touchpoint_id and r.enabled
       join surveys s on s.org_id = r.org_id and s.id = r.survey_id
      where e.org_id = $1 and e.id = any($2::uuid[])
      order by e.occurred_at, e.id, r.created_at, r.id`, [orgId, eventIds]);
  if (pairs.length === 0) return { created: 0, dueNow: false };
  const contactIds = [...new Set(pairs.map((p) => p.contact_id))].sort();
  const org = await orgDistribution(tx, orgId);
  const contacts = await lockContacts(tx, orgId, contactIds);
  const latest = await lastInvited(tx, orgId, contactIds);
  const rows: NewInvitation[] = [];
  for (const p of pairs) {
    const contact = contacts.get(p.contact_id);
    if (!contact) continue; // deleted since the event (its events went with it)
    const decision = decidePulse({
      plan: {
        ruleId: p.rule_id, delayMinutes: p.delay_minutes, channels: p.channels, samplingRate: p.sampling_rate,
        quiet: p.quiet_start && p.quiet_end ? { start: p.quiet_start, end: p.quiet_end } : null, expiryHours: p.expiry_hours,
      },
      eventId: p.event_id, occurredAt: new Date(p.occurred_at), reach: contact, timeZone: contact.timeZone ?? org.timeZone,
      surveyOpen: p.survey_status === 'active', lastInvitedAt: latest.get(p.contact_id) ?? null, quarantineDays: org.quarantineDays, now,
    });
    // Later events of this batch see this one's invitation.
    if (decision.status !== 'skipped') latest.set(p.contact_id, decision.sendAt);
    rows.push({
      surveyId: p.survey_id, contactId: p.contact_id, touchpointId: p.touchpoint_id, unitId: p.unit_id, employeeId: p.employee_id,
      language: invitationLanguage(contact.language, p.languages, p.default_language), ruleId: p.rule_id, eventId: p.event_id, waveId: null, decision,
    });
  }
  const created = await insertInvitations(tx, orgId, rows);
  return { created, dueNow: rows.some((r) => r.decision.status === 'scheduled' && r.decision.sendAt.getTime() <= now.getTime()) };
}

/**
 * Takes one batch of the outbox (any organisations) and schedules it. Returns how many events
 * it took (0 = the outbox is empty) and whether something became due at once.
 */
export async function scheduleBatch(db: Database, now: Date, limit = SCHEDULE_BATCH): Promise<{ events: number; created: number; dueNow: boolean }> {
  return db.transaction(async (tx) => {
    const taken = await tx.query<{ org_id: string; event_id: string }>(
      `delete from pulse_outbox where (org_id, event_id) in (
         select org_id, event_id from pulse_outbox order by enqueued_at, event_id limit $1 for update skip locked)
       returning org_id, event_id`, [limit]);
    const byOrg = new Map<string, string[]>();
    for (const row of taken) {
      const ids = byOrg.get(row.org_id) ?? [];
      ids.push(row.event_id);
      byOrg.set(row.org_id, ids);
    }
    let created = 0;
    let dueNow = false;
    for (const [orgId, eventIds] of byOrg) {
      const result = await scheduleEvents(tx, orgId, eventIds, now);
      created += result.created;
      dueNow ||= result.dueNow;
    }
    return { events: taken.length, created, dueNow };
  });
}

/** Drains the outbox until it is empty. */
export async function drainPulseOutbox(db: Database, now: () => Date): Promise<{ events: number; created: number; dueNow: boolean }> {
  const total = { events: 0, created: 0, dueNow: false };
  for (;;) {
    const batch = await scheduleBatch(db, now());
    total.events += batch.events;
    total.created += batch.created;
    total.dueNow ||= batch.dueNow;
    if (batch.events === 0) return total;
  }
}
