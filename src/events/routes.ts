import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, Uuid, decodeCursor, encodeCursor, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { badInput } from '../errors.ts';
import { ingestEvents, listEvents, type StoredEvent as Stored } from './service.ts';
import { wakePulseScheduler } from '../distribution/jobs.ts';

export const EventBody = Type.Object({
  touchpointId: Uuid,
  contactId: Type.Optional(Uuid),
  contactExternalId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Must name an existing contact; unknown ids are refused (400)' })),
  occurredAt: Type.Optional(Type.String({ format: 'date-time', description: 'Default: when received' })),
  employeeId: Type.Optional(Uuid),
  unitId: Type.Optional(Type.String({ format: 'uuid', description: "Default: the employee's unit, else the touchpoint's owner unit" })),
  attributes: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Free JSON object, at most 8 KB' })),
  idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Same key again = same event, never a duplicate' })),
}, strict);
const BatchBody = Type.Object({ events: Type.Array(EventBody, { minItems: 1, maxItems: 1000 }) }, strict);
const StoredEvent = Type.Object({ id: Uuid, created: Type.Boolean() });
const ListQuery = Type.Object({
  ...PageQuery,
  touchpointId: Type.Optional(Uuid),
  contactId: Type.Optional(Uuid),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'occurredAt ≥ from' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'occurredAt < to' })),
}, strict);

export async function eventRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const tags = ['events'];
  const write = { permission: 'events:write' as const, rateLimit: 'ingest' as const };
  /** Events with a pulse rule wake the scheduler now instead of at its next scheduled run. */
  const stored = async (items: Stored[]) => {
    if (items.some((i) => i.queued)) await wakePulseScheduler(app.deps.jobs);
    return items.map(({ id, created }) => ({ id, created }));
  };

  app.post<{ Body: Static<typeof EventBody>; Headers: { 'idempotency-key'?: string } }>('/api/v1/events', {
    schema: {
      tags, body: EventBody, response: { 200: StoredEvent, 201: StoredEvent },
      description: 'Records that a contact met a touchpoint. With an Idempotency-Key header (or idempotencyKey field): 201 the first time, 200 with the same id after.',
    },
    config: write,
  }, async (request, reply) => {
    const header = request.headers['idempotency-key'];
    if (header !== undefined && (header.length === 0 || header.length > 200)) throw badInput('Idempotency-Key must be 1–200 characters', 'Idempotency-Key');
    if (header !== undefined && request.body.idempotencyKey !== undefined && header !== request.body.idempotencyKey) {
      throw badInput('The Idempotency-Key header and the idempotencyKey field differ', 'idempotencyKey');
    }
    const [result] = await stored(await ingestEvents(db, authOf(request).orgId, [{ ...request.body, idempotencyKey: request.body.idempotencyKey ?? header }], () => ''));
    return reply.status(result.created ? 201 : 200).send(result);
  });

  app.post<{ Body: Static<typeof BatchBody> }>('/api/v1/events/batch', {
    schema: {
      tags, body: BatchBody,
      description: 'Records up to 1,000 events atomically (an unknown reference stores none and names events[i].field); idempotent per item.',
      response: { 200: Type.Object({ items: Type.Array(StoredEvent), created: Type.Integer(), duplicates: Type.Integer() }) },
    },
    config: write,
  }, async (request) => {
    const items = await stored(await ingestEvents(db, authOf(request).orgId, request.body.events));
    const created = items.filter((i) => i.created).length;
    return { items, created, duplicates: items.length - created };
  });

  app.get<{ Querystring: Static<typeof ListQuery> }>('/api/v1/events', {
    schema: { tags, querystring: ListQuery, description: 'Newest received first, cursor-paginated.' },
    config: { permission: 'events:read' },
  }, async (request) => {
    const q = request.query;
    const limit = q.limit ?? 50;
    const cursor = decodeCursor(q.cursor);
    if (cursor && (typeof cursor[0] !== 'string' || !/^[0-9a-f-]{36}$/i.test(cursor[0]))) throw badInput('cursor is not valid', 'cursor');
    const rows = await listEvents(db, authOf(request).orgId, { ...q, before: cursor?.[0] as string | undefined, limit });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
  });
}
