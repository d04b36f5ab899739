/**
 * Strategic survey waves (seed 001): the contact base is split into four stable cohorts
 * (contacts.cohort), and the wave of quarter q invites cohort q − 1, so every customer is asked
 * once a year while results arrive every quarter. A wave is created for a survey and a quarter
 * (one per pair) with a send time; the dispatch job launches it when due: every contact of the
 * cohort gets one invitation row, scheduled or skipped with its reason (consent, address,
 * quarantine), in one transaction per wave.
 */
import type { Database, Queryable } from '../db/connection.ts';
import { badInput, conflict, notFound } from '../errors.ts';
import { getSurvey } from '../surveys/service.ts';
import { decidePulse, invitationLanguage, parseQuarter, type PulseChannel } from './policy.ts';
import { insertInvitations, lastInvited, lockContacts, orgDistribution, type NewInvitation } from './schedule.ts';

const PAGE = 2000;

export interface WaveInput {
  quarter: string;
  sendAt?: string;
  channels?: PulseChannel[];
  expiryDays?: number;
  reminderDays?: number | null;
}

export interface Wave {
  id: string; surveyId: string; quarter: string; cohort: number; channels: PulseChannel[]; sendAt: Date; expiryDays: number;
  reminderDays: number | null; launchedAt: Date | null; createdAt: Date;
  invitations: Record<string, number>;
}

const waveColumns = `w.id, w.survey_id as "surveyId", w.quarter, w.cohort, w.channels, w.send_at as "sendAt", w.expiry_days as "expiryDays",
  w.reminder_days as "reminderDays", w.launched_at as "launchedAt", w.created_at as "createdAt",
  coalesce((select jsonb_object_agg(k, n) from (select coalesce(skip_reason, status) as k, count(*) as n from invitations i
             where i.org_id = w.org_id and i.wave_id = w.id group by 1) c), '{}'::jsonb) as invitations`;

export async function createWave(db: Queryable, orgId: string, surveyId: string, input: WaveInput, now: Date): Promise<Wave> {
  const quarter = parseQuarter(input.quarter);
  if (!quarter) throw badInput('quarter must look like 2026-Q3', 'quarter');
  await getSurvey(db, orgId, surveyId);
  const sendAt = input.sendAt ? new Date(input.sendAt) : now;
  if (Number.isNaN(sendAt.getTime())) throw badInput('sendAt is not a valid date-time', 'sendAt');
  const channels = input.channels ?? ['email', 'sms'];
  const [row] = await db.query<{ id: string }>(
    `insert into survey_waves (org_id, survey_id, quarter, cohort, channels, send_at, expiry_days, reminder_days)
     values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (org_id, survey_id, quarter) do nothing returning id`,
    [orgId, surveyId, input.quarter, quarter.cohort, channels, sendAt.toISOString(), input.expiryDays ?? 30, input.reminderDays ?? null]);
  if (!row) throw conflict(`This survey already has a wave for ${input.quarter}`, 'quarter');
  return getWave(db, orgId, row.id);
}

export async function getWave(db: Queryable, orgId: string, id: string): Promise<Wave> {
  const [wave] = await db.query<Wave>(`select ${waveColumns} from survey_waves w where w.org_id = $1 and w.id = $2`, [orgId, id]);
  if (!wave) throw notFound('Wave');
  return wave;
}

export async function listWaves(db: Queryable, orgId: string, surveyId: string): Promise<Wave[]> {
  await getSurvey(db, orgId, surveyId);
  return db.query<Wave>(`select ${waveColumns} from survey_waves w where w.org_id = $1 and w.survey_id = $2 order by w.quarter`, [orgId, surveyId]);
}

interface ClaimedWave { org_id: string; id: string; survey_id: string; cohort: number; channels: PulseChannel[]; send_at: Date; expiry_days: number }

/** Launches one due wave in `tx`; false when none is due. */
async function launchOne(tx: Queryable, now: Date): Promise<boolean> {
  const [wave] = await tx.query<ClaimedWave>(
    `update survey_waves w set launched_at = $1
      where (w.org_id, w.id) in (select org_id, id from survey_waves where launched_at is null and send_at <= $1 order by send_at limit 1 for update skip locked)
      returning w.org_id, w.id, w.survey_id, w.cohort, w.channels, w.send_at, w.expiry_days`, [now.toISOString()]);
  if (!wave) return false;
  const survey = await getSurvey(tx, wave.org_id, wave.survey_id);
  const org = await orgDistribution(tx, wave.org_id);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await tx.query<{ id: string }>(
      `select id from contacts where org_id = $1 and cohort = $2 and id > $3 order by id limit $4`, [wave.org_id, wave.cohort, after, PAGE]);
    if (page.length === 0) return true;
    after = page[page.length - 1].id;
    const ids = page.map((p) => p.id);
    const contacts = await lockContacts(tx, wave.org_id, ids);
    const latest = await lastInvited(tx, wave.org_id, ids);
    const rows: NewInvitation[] = [];
    for (const contact of contacts.values()) {
      const decision = decidePulse({
        plan: { ruleId: wave.id, delayMinutes: 0, channels: wave.channels, samplingRate: 1, quiet: null, expiryHours: wave.expiry_days * 24 },
        eventId: contact.id, occurredAt: new Date(wave.send_at), reach: contact, timeZone: contact.timeZone ?? org.timeZone,
        surveyOpen: survey.status === 'active', lastInvitedAt: latest.get(contact.id) ?? null, quarantineDays: org.quarantineDays, now,
      });
      rows.push({
        surveyId: survey.id, contactId: contact.id, touchpointId: survey.touchpointId ?? null, unitId: null, employeeId: null,
        language: invitationLanguage(contact.language, survey.languages, survey.defaultLanguage), ruleId: null, eventId: null, waveId: wave.id, decision,
      });
    }
    await insertInvitations(tx, wave.org_id, rows);
  }
}

/** Launches every wave that is due, each in its own transaction. */
export async function launchDueWaves(db: Database, now: Date): Promise<number> {
  let launched = 0;
  while (await db.transaction((tx) => launchOne(tx, now))) launched++;
  return launched;
}
