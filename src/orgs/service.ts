import type { Queryable } from '../db/connection.ts';
import { badInput, notFound } from '../errors.ts';
import { assertUnreferenced } from '../journeys/service.ts';
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

/** Changes a unit (a field left out keeps its value; parentId null makes it a root); undefined when there is no such unit. */
export async function updateUnit(db: Queryable, orgId: string, id: string, change: { name?: string; parentId?: string | null; kind?: string }): Promise<Unit | undefined> {
  const [unit] = await db.query<Unit>(
    `update units set name = coalesce($3, name), kind = coalesce($4, kind),
            parent_id = case when $5::boolean then $6::uuid else parent_id end
      where org_id = $1 and id = $2 returning id, parent_id as "parentId", name, kind`,
    [orgId, id, change.name ?? null, change.kind ?? null, 'parentId' in change, change.parentId ?? null]);
  return unit;
}

/** Deletes a unit, refused (409) when responses refer to it or its employees; false when there is none. */
export async function removeUnit(db: Queryable, orgId: string, id: string): Promise<boolean> {
  await assertUnreferenced(db, orgId, 'unit', id);
  const rows = await db.query(`delete from units where org_id = $1 and id = $2 returning id`, [orgId, id]);
  return rows.length > 0;
}

/** Changes the given settings; a field left out keeps its value, industry null clears it. */
export async function updateOrganization(db: Queryable, orgId: string, change: { name?: string; defaultLanguage?: string; minGroupSize?: number; industry?: string | null }): Promise<void> {
  await db.query(
    `update organizations set name = coalesce($2, name), default_language = coalesce($3, default_language), min_group_size = coalesce($4, min_group_size) where id = $1`,
    [orgId, change.name ?? null, change.defaultLanguage ?? null, change.minGroupSize ?? null]);
  if (change.industry !== undefined) await db.query('update organizations set industry = $2 where id = $1', [orgId, change.industry]);
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

export interface Employee { id: string; name: string; unitId: string; externalId: string | null; userId: string | null }

/** The organisation's employees by name. */
export async function listEmployees(db: Queryable, orgId: string): Promise<Employee[]> {
  return db.query<Employee>(
    `select id, name, unit_id as "unitId", external_id as "externalId", user_id as "userId" from employees where org_id = $1 order by name`, [orgId]);
}

export async function findEmployee(db: Queryable, orgId: string, id: string): Promise<Employee | undefined> {
  const [employee] = await db.query<Employee>(
    `select id, name, unit_id as "unitId", external_id as "externalId", user_id as "userId" from employees where org_id = $1 and id = $2`, [orgId, id]);
  return employee;
}

/** The organisation's "is it solved?" re-survey (organizations.resurvey_survey_id), null until the first is sent. */
export async function resurveySurveyIdOf(db: Queryable, orgId: string): Promise<string | null> {
  const [org] = await db.query<{ resurvey_survey_id: string | null }>(`select resurvey_survey_id from organizations where id = $1`, [orgId]);
  return org?.resurvey_survey_id ?? null;
}
