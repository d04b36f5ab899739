/** The audit log for admins: newest first, cursor pagination, optional filter by action. */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, Uuid, decodeCursor, encodeCursor, page, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { badInput } from '../errors.ts';
import { listAudit } from './log.ts';

const ListQuery = Type.Object({
  ...PageQuery,
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'e.g. export.download, api_key.create, user.role_change' })),
}, strict);

const Entry = Type.Object({
  id: Uuid, at: Type.String({ format: 'date-time' }),
  actorUserId: Type.Union([Uuid, Type.Null()]), actorApiKeyId: Type.Union([Uuid, Type.Null()]),
  action: Type.String(), targetType: Type.Union([Type.String(), Type.Null()]), targetId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()), ip: Type.Union([Type.String(), Type.Null()]),
});

/** A list cursor as written below ([exact time, id]), undefined for none, 'invalid' for another array (the API and the page share it). */
export function auditCursorOf(text: string | undefined): { at: string; id: string } | undefined | 'invalid' {
  const cursor = decodeCursor(text); // throws a 400 when not base64 JSON
  if (!cursor) return undefined;
  if (cursor.length !== 2 || typeof cursor[0] !== 'string' || typeof cursor[1] !== 'string'
    || !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d(:\d\d)?$/.test(cursor[0]) || !/^[0-9a-f-]{36}$/i.test(cursor[1])) return 'invalid';
  return { at: cursor[0], id: cursor[1] };
}

export async function auditRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  app.get<{ Querystring: Static<typeof ListQuery> }>('/api/v1/audit-log', {
    schema: { tags: ['organisation'], querystring: ListQuery, response: { 200: page(Entry) }, description: 'Admin and data-export actions, newest first.' },
    config: { permission: 'audit:read' },
  }, async (request) => {
    const limit = request.query.limit ?? 50;
    const before = auditCursorOf(request.query.cursor);
    if (before === 'invalid') throw badInput('cursor is not valid', 'cursor');
    const rows = await listAudit(db, authOf(request).orgId, { limit: limit + 1, action: request.query.action, before });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.cursorAt, last.id]) : null };
  });
}
