/**
 * Strategic survey waves (seed 001): the contact base is split into four stable cohorts
 * (contacts.cohort), and the wave of quarter q invites cohort q − 1, so every customer is asked
 * once a year while results arrive every quarter. A wave is created for a survey and a quarter
 * (one per pair) with a send time; the dispatch job launches it when due: every contact of the
 * cohort gets one invitation row, scheduled or skipped with its reason (consent, address,
 * quarantine), in one transaction per wave. A wave without a quarter (sent from the survey's Send
 * page) invites every contact instead; a wave with a segment only the contacts of that segment
 * (in any letter case). `previewWave` counts what a wave would decide without storing anything:
 * who gets it by which channel and in which language, and who is left out and why.
 */
import type { Database, Queryable } from '../db/connection.ts';
import { badInput, conflict, notFound } from '../errors.ts';
import { getSurvey } from '../surveys/service.ts';
import type { Survey } from '../surveys/schema.ts';
import { decidePulse, invitationLanguage, parseQuarter, type PulseChannel, type SkipReason } from './policy.ts';
import { insertInvitations, lastInvited, lockContacts, orgDistribution, type NewInvitation } from './schedule.ts';

const PAGE = 2000;

export interface WaveInput {
  /** A quarter's cohort ('2026-Q3'); left out, every contact. */
  quarter?: string;
  /** Only the contacts of this segment, in any letter case; left out, no segment limit. */
  segment?: string;
  sendAt?: string;
  channels?: PulseChannel[];
  expiryDays?: number;
  reminderDays?: number | null;
}

export interface Wave {
  id: string; surveyId: string; quarter: string | null; cohort: number | null; segment: string | null; channels: PulseChannel[]; sendAt: Date; expiryDays: number;
  reminderDays: number | null; launchedAt: Date | null; createdAt: Date;
  invitations: Record<string, number>;
}

const waveColumns = `w.id, w.survey_id as "surveyId", w.quarter, w.cohort, w.segment, w.channels, w.send_at as "sendAt", w.expiry_days as "expiryDays",
  w.reminder_days as "reminderDays", w.launched_at as "launchedAt", w.created_at as "createdAt",
  coalesce((select jsonb_object_agg(k, n) from (select coalesce(skip_reason, status) as k, count(*) as n from invitations i
             where i.org_id = w.org_id and i.wave_id = w.id group by 1) c), '{}'::jsonb) as invitations`;

function wavePlan(input: WaveInput, now: Date) {
  const quarter = input.quarter === undefined ? null : parseQuarter(input.quarter);
  if (quarter === undefined) throw badInput('quarter must look like 2026-Q3', 'quarter');
  const sendAt = input.sendAt ? new Date(input.sendAt) : now;
  if (Number.isNaN(sendAt.getTime())) throw badInput('sendAt is not a valid date-time', 'sendAt');
  const channels = input.channels ?? ['email', 'sms'];
  const segment = input.segment?.trim() || null;
  return { cohort: quarter?.cohort ?? null, segment, channels, sendAt, expiryDays: input.expiryDays ?? 30 };
}

export async function createWave(db: Queryable, orgId: string, surveyId: string, input: WaveInput, now: Date): Promise<Wave> {
  const plan = wavePlan(input, now);
  await getSurvey(db, orgId, surveyId);
  const [row] = await db.query<{ id: string }>(
    `insert into survey_waves (org_id, survey_id, quarter, cohort, segment, channels, send_at, expiry_days, reminder_days)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (org_id, survey_id, quarter) do nothing returning id`,
    [orgId, surveyId, input.quarter ?? null, plan.cohort, plan.segment, plan.channels, plan.sendAt.toISOString(), plan.expiryDays, input.reminderDays ?? null]);
  if (!row) throw conflict(`This survey already has a wave for ${input.quarter}`, 'quarter');
  return getWave(db, orgId, row.id);
}

/**
 * What a wave would decide now: of the contacts in its audience, how many get an invitation (by
 * channel, and by the language they get: their own, or the survey's default when the survey does
 * not have theirs), and how many are left out by reason, with the quarantine that applied.
 */
export interface WavePreview {
  audience: number;
  invited: number;
  leftOut: number;
  leftOutBy: Partial<Record<SkipReason, number>>;
  byChannel: Partial<Record<PulseChannel, number>>;
  byLanguage: Record<string, number>;
  /** Invited in the survey's default language because their own is unknown or not in the survey. */
  defaultLanguageFallbacks: number;
  quarantineDays: number;
}

export async function previewWave(db: Queryable, orgId: string, surveyId: string, input: WaveInput, now: Date): Promise<WavePreview> {
  const plan = wavePlan(input, now);
  const survey = await getSurvey(db, orgId, surveyId);
  const { quarantineDays } = await orgDistribution(db, orgId);
  const preview: WavePreview = { audience: 0, invited: 0, leftOut: 0, leftOutBy: {}, byChannel: {}, byLanguage: {}, defaultLanguageFallbacks: 0, quarantineDays };
  const add = <K extends string>(counts: Partial<Record<K, number>>, key: K) => { counts[key] = (counts[key] ?? 0) + 1; };
  await decideWave(db, orgId, survey, { id: surveyId, ...plan }, now, async (rows) => {
    for (const { decision, language, contactLanguage } of rows) {
      preview.audience++;
      if (decision.status === 'skipped') { preview.leftOut++; add(preview.leftOutBy, decision.skipReason); continue; }
      preview.invited++;
      add(preview.byChannel, decision.channel);
      add(preview.byLanguage, language);
      if (contactLanguage !== language) preview.defaultLanguageFallbacks++;
    }
  });
  return preview;
}

export async function getWave(db: Queryable, orgId: string, id: string): Promise<Wave> {
  const [wave] = await db.query<Wave>(`select ${waveColumns} from survey_waves w where w.org_id = $1 and w.id = $2`, [orgId, id]);
  if (!wave) throw notFound('Wave');
  return wave;
}

export async function listWaves(db: Queryable, orgId: string, surveyId: string): Promise<Wave[]> {
  await getSurvey(db, orgId, surveyId);
  return db.query<Wave>(`select ${waveColumns} from survey_waves w where w.org_id = $1 and w.survey_id = $2 order by w.quarter, w.send_at, w.created_at`, [orgId, surveyId]);
}

interface ClaimedWave { org_id: string; id: string; survey_id: string; cohort: number | null; segment: string | null; channels: PulseChannel[]; send_at: Date; expiry_days: number }

/** Launches one due wave in `tx`; false when none is due. */
async function launchOne(tx: Queryable, now: Date): Promise<boolean> {
  const [wave] = await tx.query<ClaimedWave>(
    `update survey_waves w set launched_at = $1
      where (w.org_id, w.id) in (select org_id, id from survey_waves where launched_at is null and send_at <= $1 order by send_at limit 1 for update skip locked)
      returning w.org_id, w.id, w.survey_id, w.cohort, w.segment, w.channels, w.send_at, w.expiry_days`, [now.toISOString()]);
  if (!wave) return false;
  const survey = await getSurvey(tx, wave.org_id, wave.survey_id);
  await decideWave(tx, wave.org_id, survey, { id: wave.id, cohort: wave.cohort, segment: wave.segment, channels: wave.channels, sendAt: new Date(wave.send_at), expiryDays: wave.expiry_days },
    now, async (rows) => { await insertInvitations(tx, wave.org_id, rows); });
  return true;
}

interface WavePlan { id: string; cohort: number | null; segment: string | null; channels: PulseChannel[]; sendAt: Date; expiryDays: number }

/** The policy's decision for every contact of the wave (its cohort and segment, or all), a page of contacts at a time. */
async function decideWave(tx: Queryable, orgId: string, survey: Survey, wave: WavePlan, now: Date,
  use: (rows: Array<NewInvitation & { contactLanguage: string | null }>) => Promise<void>): Promise<void> {
  const org = await orgDistribution(tx, orgId);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await tx.query<{ id: string }>(
      `select id from contacts where org_id = $1 and ($2::smallint is null or cohort = $2) and ($5::text is null or lower(segment) = lower($5))
          and id > $3 order by id limit $4`, [orgId, wave.cohort, after, PAGE, wave.segment]);
    if (page.length === 0) return;
    after = page[page.length - 1].id;
    const ids = page.map((p) => p.id);
    const contacts = await lockContacts(tx, orgId, ids);
    const latest = await lastInvited(tx, orgId, ids);
    const rows: Array<NewInvitation & { contactLanguage: string | null }> = [];
    for (const contact of contacts.values()) {
      const decision = decidePulse({
        plan: { ruleId: wave.id, delayMinutes: 0, channels: wave.channels, samplingRate: 1, quiet: null, expiryHours: wave.expiryDays * 24 },
        eventId: contact.id, occurredAt: wave.sendAt, reach: contact, timeZone: contact.timeZone ?? org.timeZone,
        surveyOpen: survey.status === 'active', lastInvitedAt: latest.get(contact.id) ?? null, quarantineDays: org.quarantineDays, now,
      });
      rows.push({
        surveyId: survey.id, contactId: contact.id, touchpointId: survey.touchpointId ?? null, unitId: null, employeeId: null,
        language: invitationLanguage(contact.language, survey.languages, survey.defaultLanguage), ruleId: null, eventId: null, waveId: wave.id, decision,
        contactLanguage: contact.language,
      });
    }
    await use(rows);
  }
}

/** Launches every wave that is due, each in its own transaction. */
export async function launchDueWaves(db: Database, now: Date): Promise<number> {
  let launched = 0;
  while (await db.transaction((tx) => launchOne(tx, now))) launched++;
  return launched;
}
