import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { IdParams, Uuid, literals, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { notFound } from '../errors.ts';
import {
  channels, createJourney, createStage, createTouchpoint, findStage, journeyExists, listJourneys, moveStage, phases,
  removeJourney, removeStage, removeTouchpoint, updateJourney, updateStage, updateTouchpoint,
} from './service.ts';

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
    if (!(await updateJourney(db, orgId, request.params.id, request.body))) throw notFound('Journey', 'id');
    return (await listJourneys(db, orgId, request.params.id))[0];
  });

  app.delete<{ Params: Static<typeof IdParams> }>('/api/v1/journeys/:id', { schema: { tags, params: IdParams }, config: write }, async (request, reply) => {
    if (!(await removeJourney(db, authOf(request).orgId, request.params.id))) throw notFound('Journey', 'id');
    return reply.status(204).send();
  });

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof StageBody> }>('/api/v1/journeys/:id/stages', {
    schema: { tags, params: IdParams, body: StageBody }, config: write,
  }, async (request, reply) => {
    const orgId = authOf(request).orgId;
    if (!(await journeyExists(db, orgId, request.params.id))) throw notFound('Journey', 'id');
    const id = await db.transaction((tx) => createStage(tx, orgId, request.params.id, request.body));
    return reply.status(201).send(await findStage(db, orgId, id));
  });

  app.patch<{ Params: Static<typeof IdParams>; Body: Partial<Static<typeof StageBody>> }>('/api/v1/stages/:id', {
    schema: { tags, params: IdParams, body: Type.Partial(StageBody, strict) }, config: write,
  }, async (request) => {
    const orgId = authOf(request).orgId;
    const { name, phase, position } = request.body;
    if (!(await updateStage(db, orgId, request.params.id, { name, phase }))) throw notFound('Stage', 'id');
    if (position !== undefined) await db.transaction((tx) => moveStage(tx, orgId, request.params.id, position));
    return findStage(db, orgId, request.params.id);
  });

  app.delete<{ Params: Static<typeof IdParams> }>('/api/v1/stages/:id', { schema: { tags, params: IdParams }, config: write }, async (request, reply) => {
    if (!(await removeStage(db, authOf(request).orgId, request.params.id))) throw notFound('Stage', 'id');
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
    if (b.stageId && !(await findStage(db, orgId, b.stageId))) throw notFound('Stage', 'stageId');
    const touchpoint = await updateTouchpoint(db, orgId, request.params.id, b);
    if (!touchpoint) throw notFound('Touchpoint', 'id');
    return touchpoint;
  });

  app.delete<{ Params: Static<typeof IdParams> }>('/api/v1/touchpoints/:id', { schema: { tags, params: IdParams }, config: write }, async (request, reply) => {
    if (!(await removeTouchpoint(db, authOf(request).orgId, request.params.id))) throw notFound('Touchpoint', 'id');
    return reply.status(204).send();
  });
}
