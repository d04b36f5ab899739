/**
 * The organisation's own settings as its admin edits them in the browser (/app/setup/organisation):
 * validated here, so the page and any other caller store only what is valid, with an audit entry
 * in the same transaction.
 */
import type { Database, Queryable } from '../db/connection.ts';
import { recordAudit, type AuditActor } from '../audit/log.ts';
import { uiLanguages } from '../i18n/index.ts';
import { KaikuError, notFound } from '../errors.ts';
import { HHMM, validateBusinessHours, type BusinessHours } from '../loop/sla.ts';

/**
 * The periods an organisation can make the analytic pages' default (organizations.default_period,
 * whose check constraint lists the same): the last N days up to today, or the last 18 calendar months.
 */
export const defaultPeriods = ['30d', '90d', '180d', '365d', '18m'] as const;
export type DefaultPeriod = (typeof defaultPeriods)[number];
export const isDefaultPeriod = (value: unknown): value is DefaultPeriod => (defaultPeriods as readonly unknown[]).includes(value);

export interface OrganizationSettings {
  name: string; timeZone: string; defaultLanguage: string; minGroupSize: number; quarantineDays: number;
  defaultPeriod: DefaultPeriod; businessHours: BusinessHours;
}
/** The form's fields: the settings, with business hours as its three inputs. */
export type SettingsField = Exclude<keyof OrganizationSettings, 'businessHours'> | 'businessDays' | 'businessStart' | 'businessEnd';
export type SettingsProblem = 'required' | 'tooLong' | 'unknownZone' | 'unknownLanguage' | 'outOfRange' | 'unknownPeriod' | 'noDays' | 'badTime' | 'endBeforeStart';
export type SettingsInput = Partial<Record<Exclude<SettingsField, 'businessDays'>, string | undefined>> & { businessDays?: string[] };

export const MIN_GROUP_SIZE = { min: 1, max: 100 } as const;
export const QUARANTINE_DAYS = { min: 0, max: 365 } as const;

/** The IANA zones this runtime knows (what a zone is checked against), plus UTC. */
export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : [...zones, 'UTC'].sort();
}

const businessHoursOf = (input: SettingsInput) => ({ days: (input.businessDays ?? []).map(Number), start: input.businessStart ?? '', end: input.businessEnd ?? '' });

/** Each field's problem, or none: pure, so the page can show every one at once. */
export function settingsProblems(input: SettingsInput): Map<SettingsField, SettingsProblem> {
  const problems = new Map<SettingsField, SettingsProblem>();
  const name = input.name?.trim() ?? '';
  if (!name) problems.set('name', 'required');
  else if (name.length > 200) problems.set('name', 'tooLong');
  if (!input.timeZone || !timeZones().includes(input.timeZone)) problems.set('timeZone', 'unknownZone');
  if (!(uiLanguages as readonly string[]).includes(input.defaultLanguage ?? '')) problems.set('defaultLanguage', 'unknownLanguage');
  const whole = (value: string | undefined, range: { min: number; max: number }) =>
    value !== undefined && /^\d{1,4}$/.test(value.trim()) && Number(value) >= range.min && Number(value) <= range.max;
  if (!whole(input.minGroupSize, MIN_GROUP_SIZE)) problems.set('minGroupSize', 'outOfRange');
  if (!whole(input.quarantineDays, QUARANTINE_DAYS)) problems.set('quarantineDays', 'outOfRange');
  if (!isDefaultPeriod(input.defaultPeriod)) problems.set('defaultPeriod', 'unknownPeriod');
  // Business hours are checked by the validator the API and the SLA clock use, days and times
  // apart, so that both are named when both are wrong.
  const hours = businessHoursOf(input);
  const fieldOfHours = { 'businessHours.days': 'businessDays', 'businessHours.start': 'businessStart', 'businessHours.end': 'businessEnd' } as const;
  for (const candidate of [{ ...hours, start: '08:00', end: '16:00' }, { ...hours, days: [1] }]) {
    try {
      validateBusinessHours(candidate);
    } catch (error) {
      if (!(error instanceof KaikuError) || !error.field || !(error.field in fieldOfHours)) throw error;
      const field = fieldOfHours[error.field as keyof typeof fieldOfHours];
      problems.set(field, field === 'businessDays' ? 'noDays' : field === 'businessEnd' && HHMM.test(hours.end) ? 'endBeforeStart' : 'badTime');
    }
  }
  return problems;
}

/** The settings from input that settingsProblems found no problem in. */
export function settingsOf(input: SettingsInput): OrganizationSettings {
  return {
    name: (input.name ?? '').trim(), timeZone: input.timeZone as string, defaultLanguage: input.defaultLanguage as string,
    minGroupSize: Number(input.minGroupSize), quarantineDays: Number(input.quarantineDays),
    defaultPeriod: input.defaultPeriod as DefaultPeriod, businessHours: validateBusinessHours(businessHoursOf(input)),
  };
}

export async function organizationSettings(db: Queryable, orgId: string): Promise<OrganizationSettings> {
  const [row] = await db.query<OrganizationSettings>(
    `select name, time_zone as "timeZone", default_language as "defaultLanguage", min_group_size as "minGroupSize", quarantine_days as "quarantineDays",
            default_period as "defaultPeriod", business_hours as "businessHours"
       from organizations where id = $1`, [orgId]);
  if (!row) throw notFound('Organisation');
  // jsonb keeps its keys in its own order: the fields in ours, so a comparison sees only real changes.
  const { days, start, end } = row.businessHours;
  return { ...row, businessHours: { days, start, end } };
}

/** The time zone and business hours the SLAs count in, as stored. */
export interface SlaCalendar { timeZone: string; businessHours: BusinessHours }

export async function slaCalendarOf(db: Queryable, orgId: string): Promise<SlaCalendar | undefined> {
  const [org] = await db.query<SlaCalendar>(`select time_zone as "timeZone", business_hours as "businessHours" from organizations where id = $1`, [orgId]);
  return org;
}

/** Sets the time zone or the business hours (left out = kept); the caller has validated both. */
export async function setSlaCalendar(db: Queryable, orgId: string, change: { timeZone?: string; businessHours?: BusinessHours }): Promise<SlaCalendar | undefined> {
  const [org] = await db.query<SlaCalendar>(
    `update organizations set time_zone = coalesce($2, time_zone), business_hours = coalesce($3::jsonb, business_hours) where id = $1
     returning time_zone as "timeZone", business_hours as "businessHours"`, [orgId, change.timeZone ?? null, change.businessHours ? JSON.stringify(change.businessHours) : null]);
  return org;
}

/** Stores valid settings (check settingsProblems first) and records what changed, before and after. */
export async function saveOrganizationSettings(db: Database, orgId: string, actor: AuditActor, next: OrganizationSettings, ip?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await organizationSettings(tx, orgId);
    await tx.query(
      `update organizations set name = $2, time_zone = $3, default_language = $4, min_group_size = $5, quarantine_days = $6,
              default_period = $7, business_hours = $8::jsonb
        where id = $1`,
      [orgId, next.name, next.timeZone, next.defaultLanguage, next.minGroupSize, next.quarantineDays, next.defaultPeriod, JSON.stringify(next.businessHours)]);
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const changes = Object.fromEntries((Object.keys(next) as Array<keyof OrganizationSettings>).filter((k) => !same(before[k], next[k])).map((k) => [k, { from: before[k], to: next[k] }]));
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, { orgId, actor, action: 'org.settings_change', target: { type: 'organization', id: orgId }, details: { changes }, ip });
    }
  });
}
