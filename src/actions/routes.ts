import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { IdParams, PageQuery, Uuid, literals, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { metrics } from '../metrics/queries.ts';
import {
  actionPlanEffect, actionPlanStatuses, createActionPlan, deleteActionPlan, getActionPlan, listActionPlans, updateActionPlan,
} from './service.ts';

const Day = Type.String({ minLength: 10, maxLength: 40, description: 'YYYY-MM-DD (UTC midnight) or an ISO date-time' });
const nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));
const PlanBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: nullable(Type.String({ maxLength: 5000 })),
  ownerUserId: nullable(Uuid),
  status: Type.Optional(literals(actionPlanStatuses)),
  metric: Type.Optional(literals(metrics)),
  touchpointId: nullable(Uuid),
  questionId: nullable(Type.String({ format: 'uuid', description: 'The driver question the plan improves' })),
  topic: nullable(Type.String({ minLength: 1, maxLength: 100, description: 'A text-analysis topic, e.g. "waiting time"' })),
  startsOn: Day,
  dueOn: Type.Optional(Type.Union([Day, Type.Null()])),
}, strict);
const ListQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(literals(actionPlanStatuses)),
  ownerUserId: Type.Optional(Uuid),
  touchpointId: Type.Optional(Uuid),
  questionId: Type.Optional(Uuid),
}, strict);
const EffectQuery = Type.Object({
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 730, default: 90, description: 'Length of each window (before and after)' })),
}, strict);

export async function actionPlanRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const tags = ['action plans'];
  const read = { permission: 'actions:read' as const };
  const write = { permission: 'actions:write' as const };
  const now = () => (app.deps.now ?? (() => new Date()))();

  app.get<{ Querystring: Static<typeof ListQuery> }>('/api/v1/action-plans', { schema: { tags, querystring: ListQuery }, config: read }, async (request) => {
    const { limit, ...filters } = request.query;
    return listActionPlans(db, authOf(request).orgId, { limit: limit ?? 50, ...filters });
  });

  app.get<{ Params: Static<typeof IdParams> }>('/api/v1/action-plans/:id', { schema: { tags, params: IdParams }, config: read }, async (request) =>
    getActionPlan(db, authOf(request).orgId, request.params.id));

  app.post<{ Body: Static<typeof PlanBody> }>('/api/v1/action-plans', { schema: { tags, body: PlanBody }, config: write }, async (request, reply) =>
    reply.status(201).send(await createActionPlan(db, authOf(request).orgId, request.body)));

  app.patch<{ Params: Static<typeof IdParams>; Body: Partial<Static<typeof PlanBody>> }>('/api/v1/action-plans/:id', {
    schema: { tags, params: IdParams, body: Type.Partial(PlanBody, strict) }, config: write,
  }, async (request) => updateActionPlan(db, authOf(request).orgId, request.params.id, request.body, now()));

  app.delete<{ Params: Static<typeof IdParams> }>('/api/v1/action-plans/:id', { schema: { tags, params: IdParams }, config: write }, async (request, reply) => {
    await deleteActionPlan(db, authOf(request).orgId, request.params.id);
    return reply.status(204).send();
  });

  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof EffectQuery> }>('/api/v1/action-plans/:id/effect', {
    schema: {
      tags, params: IdParams, querystring: EffectQuery,
      description: 'The plan\'s metric in equal windows before and after startsOn (days each, shorter while the plan is young), '
        + 'with the metric\'s significance test; difference = after − before.',
    },
    config: read,
  }, async (request) => actionPlanEffect(db, authOf(request), request.params.id, { days: request.query.days ?? 90, now: now() }));
}
