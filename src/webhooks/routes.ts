import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { IdParams, PageQuery, literals, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { notFound } from '../errors.ts';
import { webhookEvents } from './signature.ts';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, replayDelivery, updateWebhook } from './service.ts';

const WebhookBody = Type.Object({
  url: Type.String({ minLength: 1, maxLength: 2000, description: 'http:// or https:// URL that receives POSTed JSON' }),
  events: Type.Array(literals(webhookEvents), { minItems: 1, maxItems: webhookEvents.length * 2 }),
  enabled: Type.Optional(Type.Boolean()),
}, strict);
const DeliveriesQuery = Type.Object({ ...PageQuery }, strict);

export async function webhookRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;
  const tags = ['webhooks'];
  const manage = { permission: 'webhooks:manage' as const };
  const now = () => (app.deps.now ?? (() => new Date()))();

  app.get('/api/v1/webhooks', { schema: { tags }, config: manage }, async (request) => ({ items: await listWebhooks(db, authOf(request).orgId) }));

  app.get<{ Params: Static<typeof IdParams> }>('/api/v1/webhooks/:id', { schema: { tags, params: IdParams }, config: manage }, async (request) => {
    const [hook] = await listWebhooks(db, authOf(request).orgId, request.params.id);
    if (!hook) throw notFound('Webhook', 'id');
    return hook;
  });

  app.post<{ Body: Static<typeof WebhookBody> }>('/api/v1/webhooks', {
    schema: { tags, body: WebhookBody, description: 'Subscribes a URL to events. The signing secret is in this response only.' }, config: manage,
  }, async (request, reply) =>
    reply.status(201).send(await createWebhook(db, authOf(request).orgId, request.body, config.webhooksAllowPrivate)));

  app.patch<{ Params: Static<typeof IdParams>; Body: Partial<Static<typeof WebhookBody>> }>('/api/v1/webhooks/:id', {
    schema: { tags, params: IdParams, body: Type.Partial(WebhookBody, strict) }, config: manage,
  }, async (request) => updateWebhook(db, authOf(request).orgId, request.params.id, request.body, config.webhooksAllowPrivate));

  app.delete<{ Params: Static<typeof IdParams> }>('/api/v1/webhooks/:id', { schema: { tags, params: IdParams }, config: manage }, async (request, reply) => {
    await deleteWebhook(db, authOf(request).orgId, request.params.id);
    return reply.status(204).send();
  });

  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof DeliveriesQuery> }>('/api/v1/webhooks/:id/deliveries', {
    schema: { tags, params: IdParams, querystring: DeliveriesQuery, description: 'Delivery log, newest first, with every attempt\'s status code and error.' },
    config: manage,
  }, async (request) => listDeliveries(db, authOf(request).orgId, request.params.id, { limit: request.query.limit ?? 50, cursor: request.query.cursor }));

  app.post<{ Params: Static<typeof IdParams> }>('/api/v1/webhook-deliveries/:id/replay', {
    schema: { tags, params: IdParams, description: 'Sends the delivery\'s payload again as a new delivery.' }, config: manage,
  }, async (request, reply) => {
    return reply.status(202).send(await replayDelivery({ db, queue: () => app.deps.jobs, now }, authOf(request).orgId, request.params.id));
  });
}
