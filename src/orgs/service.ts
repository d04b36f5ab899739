import type { Queryable } from '../db/connection.ts';
import { badInput, notFound } from '../errors.ts';
import type { DefaultPeriod } from './settings.ts';

export interface NewOrganization { name: string; slug: string; defaultLanguage?: string; timeZone?: string; minGroupSize?: number }

export async function createOrganization(db: Queryable, input: NewOrganization): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(input.slug)) throw badInput('slug must be 2–63 lowercase letters, digits or dashes', 'slug');
  const [row] = await db.query<{ id: string }>(
    `insert into organizations (name, slug, default_language, time_zone, min_group_size) values ($1, $2, $3, $4, $5) returning id`,
    [input.name, input.slug, input.defaultLanguage ?? 'fi', input.timeZone ?? 'Europe/Helsinki', input.minGroupSize ?? 5]);
  return row.id;
}

export interface Organization {
  id: string; name: string; slug: string; defaultLanguage: string; timeZone: string; minGroupSize: number; industry: string | null;
  /** What the analytic pages show without from/to in the URL (src/pages/default-period.ts). */
  defaultPeriod: DefaultPeriod;
}

export async function getOrganization(db: Queryable, orgId: string): Promise<Organization> {
  const [row] = await db.query<Organization>(
    `select id, name, slug, default_language as "defaultLanguage", time_zone as "timeZone", min_group_size as "minGroupSize",
            industry, default_period as "defaultPeriod"
       from organizations where id = $1`, [orgId]);
  if (!row) throw notFound('Organisation');
  return row;
}

/** A unit of the organisation's tree (region, branch, team…). */
export interface Unit { id: string; parentId: string | null; name: string; kind: string }

/** The organisation's units by name. */
export async function listUnits(db: Queryable, orgId: string): Promise<Unit[]> {
  return db.query<Unit>(`select id, parent_id as "parentId", name, kind from units where org_id = $1 order by name`, [orgId]);
}

export async function unitExists(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const rows = await db.query(`select 1 from units where org_id = $1 and id = $2`, [orgId, id]);
  return rows.length > 0;
}

export async function createUnit(db: Queryable, orgId: string, input: { name: string; parentId?: string | null; kind?: string }): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `insert into units (org_id, name, parent_id, kind) values ($1, $2, $3, $4) returning id`,
    [orgId, input.name, input.parentId ?? null, input.kind ?? 'unit']);
  return row.id;
}

export async function createEmployee(db: Queryable, orgId: string, input: { name: string; unitId: string; externalId?: string | null; userId?: string | null }): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `insert into employees (org_id, name, unit_id, external_id, user_id) values ($1, $2, $3, $4, $5) returning id`,
    [orgId, input.name, input.unitId, input.externalId ?? null, input.userId ?? null]);
  return row.id;
}

/** The organisation's "is it solved?" re-survey (organizations.resurvey_survey_id), null until the first is sent. */
export async function resurveySurveyIdOf(db: Queryable, orgId: string): Promise<string | null> {
  const [org] = await db.query<{ resurvey_survey_id: string | null }>(`select resurvey_survey_id from organizations where id = $1`, [orgId]);
  return org?.resurvey_survey_id ?? null;
}
