import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { IdParams, Uuid, literals, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { notFound } from '../errors.ts';
import { assertUnreferenced, channels, createJourney, createStage, createTouchpoint, listJourneys, moveStage, phases } from './service.ts';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const JourneyBody = Type.Object({
  name: Name,
  persona: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  description: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()])),
}, strict);
const StageBody = Type.Object({
  name: Name,
  phase: literals(phases),
  position: Type.Optional(Type.Integer({ minimum: 1, description: '1-based; default: after the last stage' })),
}, strict);
const TouchpointBody = Type.Object({
  stageId: Uuid,
  name: Name,
  channel: literals(channels),
  mode: Type.Optional(literals(['active', 'passive'] as const)),
  ownerUnitId: Type.Optional(Type.Union([Uuid, Type.Null()])),
}, strict);

export async function journeyRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const tags = ['journeys'];
  const read = { permission: 'journeys:read' as const };
  const write = { permission: 'journeys:write' as const };

  app.get('/api/v1/journeys', { schema: { tags }, config: read }, async (request) => ({ items: await listJourneys(db, authOf(request).orgId) }));

  app.get<{ Params: Static<typeof IdParams> }>('/api/v1/journeys/:id', { schema: { tags, params: IdParams }, config: read }, async (request) => {
    const [journey] = await listJourneys(db, authOf(request).orgId, request.params.id);
    if (!journey) throw notFound('Journey', 'id');
    return journey;
  });

  app.post<{ Body: Static<typeof JourneyBody> }>('/api/v1/journeys', { schema: { tags, body: JourneyBody }, config: write }, async (request, reply) => {
    const orgId = authOf(request).orgId;
    const id = await createJourney(db, orgId, request.body);
    return reply.status(201).send((await listJourneys(db, orgId, id))[0]);
  });

  app.patch<{ Params: Static<typeof IdParams>; Body: Partial<Static<typeof JourneyBody>> }>('/api/v1/journeys/:id', {
    schema: { tags, params: IdParams, body: Type.Partial(JourneyBody, strict) }, config: write,
  }, async (request) => {
    const orgId = authOf(request).orgId;
    const b = request.body;
    const rows = await db.query(
      `update journeys set name = coalesce($3, name),
              persona = case when $4::boolean then $5 else persona end,
              description = case when $6::boolean then $7 else description end
        where org_id = $1 and id = $2 returning id`,
      [orgId, request.params.id, b.name ?? null, 'persona' in b, b.persona ?? null, 'description' in b, b.description ?? null]);
    if (!rows[0]) throw notFound('Journey', 'id');
    return (await listJourneys(db, orgId, request.params.id))[0];
  });

  app.delete<{ Params: Static<typeof IdParams> }>('/api/v1/journeys/:id', { schema: { tags, params: IdParams }, config: write }, async (request, reply) => {
    await assertUnreferenced(db, authOf(request).orgId, 'journey', request.params.id);
    const rows = await db.query(`delete from journeys where org_id = $1 and id = $2 returning id`, [authOf(request).orgId, request.params.id]);
    if (!rows[0]) throw notFound('Journey', 'id');
    return reply.status(204).send();
  });

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof StageBody> }>('/api/v1/journeys/:id/stages', {
    schema: { tags, params: IdParams, body: StageBody }, config: write,
  }, async (request, reply) => {
    const orgId = authOf(request).orgId;
    const exists = await db.query(`select 1 from journeys where org_id = $1 and id = $2`, [orgId, request.params.id]);
    if (!exists[0]) throw notFound('Journey', 'id');
    const id = await db.transaction((tx) => createStage(tx, orgId, request.params.id, request.body));
    const [stage] = await db.query(`select id, journey_id as "journeyId", name, phase, position from stages where org_id = $1 and id = $2`, [orgId, id]);
    return reply.status(201).send(stage);
  });

  app.patch<{ Params: Static<typeof IdParams>; Body: Partial<Static<typeof StageBody>> }>('/api/v1/stages/:id', {
    schema: { tags, params: IdParams, body: Type.Partial(StageBody, strict) }, config: write,
  }, async (request) => {
    const orgId = authOf(request).orgId;
    const { name, phase, position } = request.body;
    const rows = await db.query(`update stages set name = coalesce($3, name), phase = coalesce($4, phase) where org_id = $1 and id = $2 returning id`,
      [orgId, request.params.id, name ?? null, phase ?? null]);
    if (!rows[0]) throw notFound('Stage', 'id');
    if (position !== undefined) await db.transaction((tx) => moveStage(tx, orgId, request.params.id, position));
    const [stage] = await db.query(`select id, journey_id as "journeyId", name, phase, position from stages where org_id = $1 and id = $2`, [orgId, request.params.id]);
    return stage;
  });

  app.delete<{ Params: Static<typeof IdParams> }>('/api/v1/stages/:id', { schema: { tags, params: IdParams }, config: write }, async (request, reply) => {
    const orgId = authOf(request).orgId;
    await assertUnreferenced(db, orgId, 'stage', request.params.id);
    await db.transaction(async (tx) => {
      const [stage] = await tx.query<{ journey_id: string; position: number }>(
        `delete from stages where org_id = $1 and id = $2 returning journey_id, position`, [orgId, request.params.id]);
      if (!stage) throw notFound('Stage', 'id');
      await tx.query(`update stages set position = position - 1 where org_id = $1 and journey_id = $2 and position > $3`, [orgId, stage.journey_id, stage.position]);
    });
    return reply.status(204).send();
  });

  app.post<{ Body: Static<typeof TouchpointBody> }>('/api/v1/touchpoints', { schema: { tags, body: TouchpointBody }, config: write }, async (request, reply) => {
    const orgId = authOf(request).orgId;
    const id = await createTouchpoint(db, orgId, request.body);
    return reply.status(201).send({ id, ...request.body, mode: request.body.mode ?? 'active' });
  });

  app.patch<{ Params: Static<typeof IdParams>; Body: Partial<Static<typeof TouchpointBody>> }>('/api/v1/touchpoints/:id', {
    schema: { tags, params: IdParams, body: Type.Partial(TouchpointBody, strict) }, config: write,
  }, async (request) => {
    const orgId = authOf(request).orgId;
    const b = request.body;
    if (b.stageId) {
      const stage = await db.query(`select 1 from stages where org_id = $1 and id = $2`, [orgId, b.stageId]);
      if (!stage[0]) throw notFound('Stage', 'stageId');
    }
    const rows = await db.query(
      `update touchpoints t set name = coalesce($3, t.name), channel = coalesce($4, t.channel), mode = coalesce($5, t.mode),
              owner_unit_id = case when $6::boolean then $7::uuid else t.owner_unit_id end,
              stage_id = coalesce(s.id, t.stage_id), journey_id = coalesce(s.journey_id, t.journey_id)
         from (select 1) one left join stages s on s.org_id = $1 and s.id = $8
        where t.org_id = $1 and t.id = $2
        returning t.id, t.journey_id as "journeyId", t.stage_id as "stageId", t.name, t.channel, t.mode, t.owner_unit_id as "ownerUnitId"`,
      [orgId, request.params.id, b.name ?? null, b.channel ?? null, b.mode ?? null, 'ownerUnitId' in b, b.ownerUnitId ?? null, b.stageId ?? null]);
    if (!rows[0]) throw notFound('Touchpoint', 'id');
    return rows[0];
  });

  app.delete<{ Params: Static<typeof IdParams> }>('/api/v1/touchpoints/:id', { schema: { tags, params: IdParams }, config: write }, async (request, reply) => {
    await assertUnreferenced(db, authOf(request).orgId, 'touchpoint', request.params.id);
    const rows = await db.query(`delete from touchpoints where org_id = $1 and id = $2 returning id`, [authOf(request).orgId, request.params.id]);
    if (!rows[0]) throw notFound('Touchpoint', 'id');
    return reply.status(204).send();
  });
}
