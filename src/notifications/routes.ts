import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { IdParams, PageQuery, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { forbidden } from '../errors.ts';
import { listNotifications, markAllRead, markRead, notificationSettings } from './service.ts';

const ListQuery = Type.Object({
  ...PageQuery,
  unread: Type.Optional(Type.Boolean({ description: 'Only unread notifications' })),
}, strict);
const SettingsBody = Type.Object({
  notificationDigest: Type.Boolean({ description: 'true: one e-mail a day with everything new; false: an e-mail for each notification' }),
}, strict);

export async function notificationRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const tags = ['notifications'];
  const own = { permission: 'notifications:read' as const };
  const now = () => (app.deps.now ?? (() => new Date()))();
  const person = (request: FastifyRequest) => {
    const auth = authOf(request);
    if (!auth.userId) throw forbidden('Notifications belong to a signed-in person, not to an API key');
    return { orgId: auth.orgId, userId: auth.userId };
  };

  app.get<{ Querystring: Static<typeof ListQuery> }>('/api/v1/notifications', {
    schema: { tags, querystring: ListQuery, description: 'Your own notifications: unread first, then newest first.' }, config: own,
  }, async (request) => {
    const { orgId, userId } = person(request);
    return listNotifications(db, orgId, userId, { limit: request.query.limit ?? 50, cursor: request.query.cursor, unreadOnly: request.query.unread });
  });

  app.post<{ Params: Static<typeof IdParams> }>('/api/v1/notifications/:id/read', { schema: { tags, params: IdParams }, config: own }, async (request) => {
    const { orgId, userId } = person(request);
    return markRead(db, orgId, userId, request.params.id, now());
  });

  app.post('/api/v1/notifications/read-all', { schema: { tags }, config: own }, async (request) => {
    const { orgId, userId } = person(request);
    return { marked: await markAllRead(db, orgId, userId, now()) };
  });

  app.get('/api/v1/me/notification-settings', { schema: { tags }, config: own }, async (request) => {
    const { orgId, userId } = person(request);
    return notificationSettings(db, orgId, userId);
  });

  app.patch<{ Body: Static<typeof SettingsBody> }>('/api/v1/me/notification-settings', {
    schema: { tags, body: SettingsBody }, config: own,
  }, async (request) => {
    const { orgId, userId } = person(request);
    return notificationSettings(db, orgId, userId, request.body);
  });
}
