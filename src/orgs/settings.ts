/**
 * The organisation's own settings as its admin edits them in the browser (/app/setup/organisation):
 * validated here, so the page and any other caller store only what is valid, with an audit entry
 * in the same transaction.
 */
import type { Database, Queryable } from '../db/connection.ts';
import { recordAudit, type AuditActor } from '../audit/log.ts';
import { uiLanguages } from '../i18n/index.ts';
import { notFound } from '../errors.ts';

export interface OrganizationSettings { name: string; timeZone: string; defaultLanguage: string; minGroupSize: number; quarantineDays: number }
export type SettingsField = keyof OrganizationSettings;
export type SettingsProblem = 'required' | 'tooLong' | 'unknownZone' | 'unknownLanguage' | 'outOfRange';

export const MIN_GROUP_SIZE = { min: 1, max: 100 } as const;
export const QUARANTINE_DAYS = { min: 0, max: 365 } as const;

/** The IANA zones this runtime knows (what a zone is checked against), plus UTC. */
export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : [...zones, 'UTC'].sort();
}

/** Each field's problem, or none: pure, so the page can show every one at once. */
export function settingsProblems(input: Partial<Record<SettingsField, string | undefined>>): Map<SettingsField, SettingsProblem> {
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
  return problems;
}

export async function organizationSettings(db: Queryable, orgId: string): Promise<OrganizationSettings> {
  const [row] = await db.query<OrganizationSettings>(
    `select name, time_zone as "timeZone", default_language as "defaultLanguage", min_group_size as "minGroupSize", quarantine_days as "quarantineDays"
       from organizations where id = $1`, [orgId]);
  if (!row) throw notFound('Organisation');
  return row;
}

/** Stores valid settings (check settingsProblems first) and records what changed, before and after. */
export async function saveOrganizationSettings(db: Database, orgId: string, actor: AuditActor, next: OrganizationSettings, ip?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await organizationSettings(tx, orgId);
    await tx.query(
      `update organizations set name = $2, time_zone = $3, default_language = $4, min_group_size = $5, quarantine_days = $6 where id = $1`,
      [orgId, next.name, next.timeZone, next.defaultLanguage, next.minGroupSize, next.quarantineDays]);
    const changes = Object.fromEntries((Object.keys(next) as SettingsField[]).filter((k) => before[k] !== next[k]).map((k) => [k, { from: before[k], to: next[k] }]));
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, { orgId, actor, action: 'org.settings_change', target: { type: 'organization', id: orgId }, details: { changes }, ip });
    }
  });
}
