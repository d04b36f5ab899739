/** Pulse rules (CRUD), the organisation's quarantine, and unsubscribing through an invitation's link. */
import type { Database, Queryable } from '../db/connection.ts';
import { badInput, conflict, notFound } from '../errors.ts';
import { clockMinutes, pulseChannels, type PulseChannel } from './policy.ts';
import { stopPlannedContact } from '../privacy/consent.ts';

export interface PulseRuleInput {
  name: string;
  touchpointId: string;
  surveyId: string;
  enabled?: boolean;
  delayMinutes?: number;
  channels?: PulseChannel[];
  samplingRate?: number;
  quietHours?: { start: string; end: string } | null;
  expiryHours?: number;
  reminderDays?: number | null;
}

export interface PulseRule {
  id: string; name: string; touchpointId: string; surveyId: string; enabled: boolean; delayMinutes: number; channels: PulseChannel[];
  samplingRate: number; quietHours: { start: string; end: string } | null; expiryHours: number; reminderDays: number | null;
  createdAt: Date; updatedAt: Date;
}

const columns = `id, name, touchpoint_id as "touchpointId", survey_id as "surveyId", enabled, delay_minutes as "delayMinutes", channels,
  sampling_rate as "samplingRate", case when quiet_start is null then null else jsonb_build_object('start', quiet_start, 'end', quiet_end) end as "quietHours",
  expiry_hours as "expiryHours", reminder_days as "reminderDays", created_at as "createdAt", updated_at as "updatedAt"`;

function validate(rule: Required<Omit<PulseRuleInput, 'quietHours' | 'reminderDays'>> & Pick<PulseRuleInput, 'quietHours' | 'reminderDays'>) {
  if (rule.channels.length === 0) throw badInput('channels must name at least one of email, sms, web', 'channels');
  if (new Set(rule.channels).size !== rule.channels.length) throw badInput('channels must not repeat a channel', 'channels');
  rule.channels.forEach((c, i) => { if (!pulseChannels.includes(c)) throw badInput(`channels[${i}] must be one of ${pulseChannels.join(', ')}`, `channels[${i}]`); });
  if (!(rule.samplingRate > 0 && rule.samplingRate <= 1)) throw badInput('samplingRate must be more than 0 and at most 1', 'samplingRate');
  if (rule.quietHours) {
    for (const end of ['start', 'end'] as const) {
      if (clockMinutes(rule.quietHours[end]) === undefined) throw badInput(`quietHours.${end} must be a time HH:MM`, `quietHours.${end}`);
    }
    if (rule.quietHours.start === rule.quietHours.end) throw badInput('quietHours.end must differ from quietHours.start', 'quietHours.end');
  }
  if (rule.reminderDays !== null && rule.reminderDays !== undefined && rule.reminderDays * 24 >= rule.expiryHours) {
    throw badInput('reminderDays must fall before the invitation expires (expiryHours)', 'reminderDays');
  }
}

async function assertReferences(db: Queryable, orgId: string, touchpointId: string, surveyId: string) {
  const [row] = await db.query<{ tp: boolean; survey: boolean }>(
    `select exists (select 1 from touchpoints where org_id = $1 and id = $2) as tp, exists (select 1 from surveys where org_id = $1 and id = $3) as survey`,
    [orgId, touchpointId, surveyId]);
  if (!row.tp) throw badInput('touchpointId does not refer to a touchpoint of this organisation', 'touchpointId');
  if (!row.survey) throw badInput('surveyId does not refer to a survey of this organisation', 'surveyId');
}

export async function listPulseRules(db: Queryable, orgId: string, touchpointId?: string): Promise<PulseRule[]> {
  return db.query<PulseRule>(`select ${columns} from pulse_rules where org_id = $1 and ($2::uuid is null or touchpoint_id = $2) order by created_at, id`,
    [orgId, touchpointId ?? null]);
}

export async function getPulseRule(db: Queryable, orgId: string, id: string): Promise<PulseRule> {
  const [rule] = await db.query<PulseRule>(`select ${columns} from pulse_rules where org_id = $1 and id = $2`, [orgId, id]);
  if (!rule) throw notFound('Pulse rule');
  return rule;
}

function withDefaults(input: PulseRuleInput) {
  return {
    name: input.name, touchpointId: input.touchpointId, surveyId: input.surveyId, enabled: input.enabled ?? true, delayMinutes: input.delayMinutes ?? 0,
    channels: input.channels ?? ['email', 'sms'], samplingRate: input.samplingRate ?? 1, quietHours: input.quietHours ?? null,
    expiryHours: input.expiryHours ?? 168, reminderDays: input.reminderDays ?? null,
  };
}

export async function createPulseRule(db: Queryable, orgId: string, input: PulseRuleInput): Promise<PulseRule> {
  const rule = withDefaults(input);
  validate(rule);
  await assertReferences(db, orgId, rule.touchpointId, rule.surveyId);
  const [row] = await db.query<{ id: string }>(
    `insert into pulse_rules (org_id, name, touchpoint_id, survey_id, enabled, delay_minutes, channels, sampling_rate, quiet_start, quiet_end, expiry_hours, reminder_days)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
    [orgId, rule.name, rule.touchpointId, rule.surveyId, rule.enabled, rule.delayMinutes, rule.channels, rule.samplingRate,
      rule.quietHours?.start ?? null, rule.quietHours?.end ?? null, rule.expiryHours, rule.reminderDays]);
  return getPulseRule(db, orgId, row.id);
}

/** Fields left out stay; `quietHours: null` / `reminderDays: null` clear them. Applies to events scheduled from now on. */
export async function updatePulseRule(db: Queryable, orgId: string, id: string, patch: Partial<PulseRuleInput>): Promise<PulseRule> {
  const current = await getPulseRule(db, orgId, id);
  const rule = withDefaults({ ...current, ...patch });
  validate(rule);
  if (patch.touchpointId !== undefined || patch.surveyId !== undefined) await assertReferences(db, orgId, rule.touchpointId, rule.surveyId);
  await db.query(
    `update pulse_rules set name = $3, touchpoint_id = $4, survey_id = $5, enabled = $6, delay_minutes = $7, channels = $8, sampling_rate = $9,
            quiet_start = $10, quiet_end = $11, expiry_hours = $12, reminder_days = $13, updated_at = now()
      where org_id = $1 and id = $2`,
    [orgId, id, rule.name, rule.touchpointId, rule.surveyId, rule.enabled, rule.delayMinutes, rule.channels, rule.samplingRate,
      rule.quietHours?.start ?? null, rule.quietHours?.end ?? null, rule.expiryHours, rule.reminderDays]);
  return getPulseRule(db, orgId, id);
}

/** Refused once the rule has made invitations (their funnel refers to it): disable it instead. */
export async function deletePulseRule(db: Queryable, orgId: string, id: string): Promise<void> {
  await getPulseRule(db, orgId, id);
  const [used] = await db.query(`select 1 from invitations where org_id = $1 and rule_id = $2 limit 1`, [orgId, id]);
  if (used) throw conflict('This pulse rule has made invitations; disable it (enabled: false) instead of deleting it');
  await db.query(`delete from pulse_rules where org_id = $1 and id = $2`, [orgId, id]);
}

export async function getQuarantineDays(db: Queryable, orgId: string): Promise<number> {
  const [row] = await db.query<{ quarantine_days: number }>(`select quarantine_days from organizations where id = $1`, [orgId]);
  return row.quarantine_days;
}

export async function setQuarantineDays(db: Queryable, orgId: string, days: number): Promise<number> {
  await db.query(`update organizations set quarantine_days = $2 where id = $1`, [orgId, days]);
  return days;
}

/**
 * The unsubscribe link: consent to both channels withdrawn, and everything still planned for the
 * contact — scheduled invitations, waiting web invitations and reminders — cancelled, in one transaction, so nothing more
 * goes out from the moment the page answers. Returns the contact's language, or undefined for
 * an unknown token.
 */
export async function unsubscribeByToken(db: Database, token: string, now: Date): Promise<{ language: string | null } | undefined> {
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(token)) return undefined;
  return db.transaction(async (tx) => {
    const [inv] = await tx.query<{ org_id: string; contact_id: string | null; language: string | null }>(
      `select org_id, contact_id, language from invitations where token = $1`, [token]);
    if (!inv) return undefined;
    if (inv.contact_id) {
      const at = now.toISOString();
      await tx.query(
        `update contacts set consent_survey_email = false, consent_survey_sms = false, consent_withdrawn_at = coalesce(consent_withdrawn_at, $3),
                unsubscribed_at = $3, updated_at = $3
          where org_id = $1 and id = $2`, [inv.org_id, inv.contact_id, at]);
      await stopPlannedContact(tx, inv.org_id, [inv.contact_id]);
    }
    return { language: inv.language };
  });
}

/** The e-mail's pixel: opened, without starting the survey. */
export async function markOpenedByToken(db: Queryable, token: string): Promise<void> {
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(token)) return;
  await db.query(`update invitations set opened_at = coalesce(opened_at, now()) where token = $1`, [token]);
}
