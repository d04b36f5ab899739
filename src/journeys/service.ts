/** Journeys (per persona), their ordered stages, and touchpoints = stage × channel. */
import type { Database, Queryable } from '../db/connection.ts';
import { conflict, notFound } from '../errors.ts';

export const channels = ['web', 'email', 'sms', 'phone', 'chat', 'app', 'store', 'field', 'kiosk', 'mail', 'social', 'other'] as const;
export type Channel = (typeof channels)[number];
export const phases = ['before', 'during', 'after'] as const;

export interface Touchpoint { id: string; journeyId: string; stageId: string; name: string; channel: Channel; mode: 'active' | 'passive'; ownerUnitId: string | null }
export interface Stage { id: string; journeyId: string; name: string; phase: (typeof phases)[number]; position: number; touchpoints: Touchpoint[] }
export interface Journey { id: string; name: string; persona: string | null; description: string | null; stages: Stage[] }
/** A stage without its touchpoints: what the stages API answers. */
export type StageRow = Omit<Stage, 'touchpoints'>;

export async function createJourney(db: Queryable, orgId: string, input: { name: string; persona?: string | null; description?: string | null }): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `insert into journeys (org_id, name, persona, description) values ($1, $2, $3, $4) returning id`,
    [orgId, input.name, input.persona ?? null, input.description ?? null]);
  return row.id;
}

export async function journeyExists(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const rows = await db.query(`select 1 from journeys where org_id = $1 and id = $2`, [orgId, id]);
  return rows.length > 0;
}

/** Changes the given fields; a field left out keeps its value, null clears persona or description. False when there is no such journey. */
export async function updateJourney(db: Queryable, orgId: string, id: string, patch: { name?: string; persona?: string | null; description?: string | null }): Promise<boolean> {
  const rows = await db.query(
    `update journeys set name = coalesce($3, name),
            persona = case when $4::boolean then $5 else persona end,
            description = case when $6::boolean then $7 else description end
      where org_id = $1 and id = $2 returning id`,
    [orgId, id, patch.name ?? null, 'persona' in patch, patch.persona ?? null, 'description' in patch, patch.description ?? null]);
  return rows.length > 0;
}

/** Deletes a journey with its stages and touchpoints, refused (409) when responses refer to it; false when there is none. */
export async function removeJourney(db: Queryable, orgId: string, id: string): Promise<boolean> {
  await assertUnreferenced(db, orgId, 'journey', id);
  const rows = await db.query(`delete from journeys where org_id = $1 and id = $2 returning id`, [orgId, id]);
  return rows.length > 0;
}

export async function findStage(db: Queryable, orgId: string, id: string): Promise<StageRow | undefined> {
  const [stage] = await db.query<StageRow>(`select id, journey_id as "journeyId", name, phase, position from stages where org_id = $1 and id = $2`, [orgId, id]);
  return stage;
}

export async function stageTouchpointCount(db: Queryable, orgId: string, stageId: string): Promise<number> {
  const [{ count }] = await db.query<{ count: number }>(`select count(*)::int as count from touchpoints where org_id = $1 and stage_id = $2`, [orgId, stageId]);
  return count;
}

/** Inserts a stage at `position` (1-based; default: last), moving later stages down. */
export async function createStage(db: Queryable, orgId: string, journeyId: string, input: { name: string; phase: Stage['phase']; position?: number }): Promise<string> {
  const [{ count }] = await db.query<{ count: number }>(
    `select count(*)::int as count from stages where org_id = $1 and journey_id = $2`, [orgId, journeyId]);
  const position = Math.min(Math.max(input.position ?? count + 1, 1), count + 1);
  await db.query(`update stages set position = position + 1 where org_id = $1 and journey_id = $2 and position >= $3`, [orgId, journeyId, position]);
  const [row] = await db.query<{ id: string }>(
    `insert into stages (org_id, journey_id, name, phase, position) values ($1, $2, $3, $4, $5) returning id`,
    [orgId, journeyId, input.name, input.phase, position]);
  return row.id;
}

/** Moves a stage to a new 1-based position, keeping positions dense. */
export async function moveStage(db: Queryable, orgId: string, stageId: string, position: number): Promise<void> {
  const [stage] = await db.query<{ journey_id: string; position: number }>(
    `select journey_id, position from stages where org_id = $1 and id = $2`, [orgId, stageId]);
  if (!stage) throw notFound('Stage', 'id');
  const [{ count }] = await db.query<{ count: number }>(
    `select count(*)::int as count from stages where org_id = $1 and journey_id = $2`, [orgId, stage.journey_id]);
  const target = Math.min(Math.max(position, 1), count);
  if (target === stage.position) return;
  await db.query(
    `update stages set position = case
        when id = $3 then $5::int
        when $5::int < $4::int and position >= $5::int and position < $4::int then position + 1
        when $5::int > $4::int and position <= $5::int and position > $4::int then position - 1
        else position end
      where org_id = $1 and journey_id = $2`, [orgId, stage.journey_id, stageId, stage.position, target]);
}

/** Renames a stage or changes its phase (a field left out keeps its value); false when there is no such stage. */
export async function updateStage(db: Queryable, orgId: string, id: string, patch: { name?: string; phase?: Stage['phase'] }): Promise<boolean> {
  const rows = await db.query(`update stages set name = coalesce($3, name), phase = coalesce($4, phase) where org_id = $1 and id = $2 returning id`,
    [orgId, id, patch.name ?? null, patch.phase ?? null]);
  return rows.length > 0;
}

/**
 * Deletes a stage, refused (409) when responses refer to its touchpoints, and moves the later
 * stages up so positions stay dense; false when there is no such stage.
 */
export async function removeStage(db: Database, orgId: string, id: string): Promise<boolean> {
  await assertUnreferenced(db, orgId, 'stage', id);
  return db.transaction(async (tx) => {
    const [stage] = await tx.query<{ journey_id: string; position: number }>(
      `delete from stages where org_id = $1 and id = $2 returning journey_id, position`, [orgId, id]);
    if (!stage) return false;
    await tx.query(`update stages set position = position - 1 where org_id = $1 and journey_id = $2 and position > $3`, [orgId, stage.journey_id, stage.position]);
    return true;
  });
}

export async function findTouchpoint(db: Queryable, orgId: string, id: string): Promise<Touchpoint | undefined> {
  const [touchpoint] = await db.query<Touchpoint>(
    `select id, journey_id as "journeyId", stage_id as "stageId", name, channel, mode, owner_unit_id as "ownerUnitId" from touchpoints where org_id = $1 and id = $2`, [orgId, id]);
  return touchpoint;
}

export async function createTouchpoint(db: Queryable, orgId: string, input: { stageId: string; name: string; channel: Channel; mode?: 'active' | 'passive'; ownerUnitId?: string | null }): Promise<string> {
  const [stage] = await db.query<{ journey_id: string }>(`select journey_id from stages where org_id = $1 and id = $2`, [orgId, input.stageId]);
  if (!stage) throw notFound('Stage', 'stageId');
  const [row] = await db.query<{ id: string }>(
    `insert into touchpoints (org_id, journey_id, stage_id, name, channel, mode, owner_unit_id) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [orgId, stage.journey_id, input.stageId, input.name, input.channel, input.mode ?? 'active', input.ownerUnitId ?? null]);
  return row.id;
}

/**
 * Changes the given fields (left out = kept; ownerUnitId null clears the owner). A new stageId
 * moves the touchpoint to that stage and its journey; an unknown stageId keeps the stage, so
 * callers check it first. Undefined when there is no such touchpoint.
 */
export async function updateTouchpoint(db: Queryable, orgId: string, id: string,
  patch: { stageId?: string; name?: string; channel?: Channel; mode?: Touchpoint['mode']; ownerUnitId?: string | null }): Promise<Touchpoint | undefined> {
  const [touchpoint] = await db.query<Touchpoint>(
    `update touchpoints t set name = coalesce($3, t.name), channel = coalesce($4, t.channel), mode = coalesce($5, t.mode),
            owner_unit_id = case when $6::boolean then $7::uuid else t.owner_unit_id end,
            stage_id = coalesce(s.id, t.stage_id), journey_id = coalesce(s.journey_id, t.journey_id)
       from (select 1) one left join stages s on s.org_id = $1 and s.id = $8
      where t.org_id = $1 and t.id = $2
      returning t.id, t.journey_id as "journeyId", t.stage_id as "stageId", t.name, t.channel, t.mode, t.owner_unit_id as "ownerUnitId"`,
    [orgId, id, patch.name ?? null, patch.channel ?? null, patch.mode ?? null, 'ownerUnitId' in patch, patch.ownerUnitId ?? null, patch.stageId ?? null]);
  return touchpoint;
}

/** Deletes a touchpoint, refused (409) when responses refer to it; false when there is none. */
export async function removeTouchpoint(db: Queryable, orgId: string, id: string): Promise<boolean> {
  await assertUnreferenced(db, orgId, 'touchpoint', id);
  const rows = await db.query(`delete from touchpoints where org_id = $1 and id = $2 returning id`, [orgId, id]);
  return rows.length > 0;
}

/** Every journey with its stages in order and their touchpoints: the map the dashboard draws. */
export async function listJourneys(db: Queryable, orgId: string, journeyId?: string): Promise<Journey[]> {
  const journeys = await db.query<Omit<Journey, 'stages'>>(
    `select id, name, persona, description from journeys where org_id = $1 and ($2::uuid is null or id = $2) order by name`, [orgId, journeyId ?? null]);
  const stages = await db.query<Omit<Stage, 'touchpoints'>>(
    `select id, journey_id as "journeyId", name, phase, position from stages where org_id = $1 and ($2::uuid is null or journey_id = $2) order by position`, [orgId, journeyId ?? null]);
  const touchpoints = await db.query<Touchpoint>(
    `select id, journey_id as "journeyId", stage_id as "stageId", name, channel, mode, owner_unit_id as "ownerUnitId"
       from touchpoints where org_id = $1 and ($2::uuid is null or journey_id = $2) order by name`, [orgId, journeyId ?? null]);
  return journeys.map((j) => ({
    ...j,
    stages: stages.filter((s) => s.journeyId === j.id).map((s) => ({ ...s, touchpoints: touchpoints.filter((t) => t.stageId === s.id) })),
  }));
}

/**
 * Responses keep their touchpoint and unit without foreign keys (see src/db/schema.ts), so
 * deleting a journey, stage, touchpoint or unit that responses refer to is refused here.
 */
export async function assertUnreferenced(db: Queryable, orgId: string, kind: 'journey' | 'stage' | 'touchpoint' | 'unit', id: string): Promise<void> {
  const condition = {
    journey: `r.touchpoint_id in (select id from touchpoints where org_id = $1 and journey_id = $2)`,
    stage: `r.touchpoint_id in (select id from touchpoints where org_id = $1 and stage_id = $2)`,
    touchpoint: `r.touchpoint_id = $2`,
    unit: `r.unit_id = $2 or r.employee_id in (select id from employees where org_id = $1 and unit_id = $2)`,
  }[kind];
  const [row] = await db.query<{ used: boolean }>(`select exists (select 1 from responses r where r.org_id = $1 and (${condition})) as used`, [orgId, id]);
  if (row?.used) throw conflict(`This ${kind} has responses; it cannot be deleted without losing their context`, 'id');
}
