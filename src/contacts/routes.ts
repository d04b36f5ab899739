import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { IdParams, Language, PageQuery, Uuid, decodeCursor, encodeCursor, strict } from '../http/schemas.ts';
import { problem } from '../http/problem.ts';
import { authOf } from '../auth/plugin.ts';
import { badInput } from '../errors.ts';
import {
  ContactBatchError, deleteContact, getContact, listContacts, prepareContact, updateContact, upsertContactBatch, upsertContacts,
  type ContactInput,
} from './service.ts';

const Text = (maxLength: number) => Type.Optional(Type.Union([Type.String({ maxLength }), Type.Null()]));
const Consent = Type.Object({
  surveyEmail: Type.Optional(Type.Boolean()),
  surveySms: Type.Optional(Type.Boolean()),
  withdrawnAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'Setting it withdraws both channels' })),
}, strict);
const Scalar = Type.Union([Type.Number(), Type.String({ maxLength: 1000 }), Type.Boolean(), Type.Null()]);
const Operational = Type.Object({
  revenue: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  tenureMonths: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
  plan: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
}, { additionalProperties: Scalar, description: 'Operational data joined with experience data: revenue, tenureMonths, plan and other scalar values' });

const contactFields = {
  email: Text(320),
  phone: Type.Optional(Type.Union([Type.String({ maxLength: 40, description: 'Stored as E.164; national numbers starting with 0 are read as Finnish (+358)' }), Type.Null()])),
  name: Text(200),
  language: Type.Optional(Type.Union([Language, Type.Null()])),
  segment: Text(200),
  persona: Text(200),
  timeZone: Type.Optional(Type.Union([Type.String({ maxLength: 64, description: 'IANA time zone, e.g. Europe/Helsinki' }), Type.Null()])),
  consent: Type.Optional(Consent),
  attributes: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Free JSON object, at most 16 KB' })),
  operational: Type.Optional(Operational),
};
const ExternalId = Type.String({ minLength: 1, maxLength: 200 });
const ContactBody = Type.Object(contactFields, strict);
const ContactPatch = Type.Object({ externalId: Type.Optional(Type.Union([ExternalId, Type.Null()])), ...contactFields }, strict);
const BatchItem = Type.Object({ externalId: ExternalId, ...contactFields }, strict);
const BatchBody = Type.Object({ contacts: Type.Array(BatchItem, { minItems: 1, maxItems: 1000 }) }, strict);
const ExternalIdParams = Type.Object({ externalId: ExternalId }, strict);

const ListQuery = Type.Object({
  ...PageQuery,
  segment: Type.Optional(Type.String({ maxLength: 200 })),
  persona: Type.Optional(Type.String({ maxLength: 200 })),
  language: Type.Optional(Language),
  cohort: Type.Optional(Type.Integer({ minimum: 0, maximum: 3 })),
  search: Type.Optional(Type.String({ minLength: 1, maxLength: 320, description: 'Exact external id or e-mail (case-insensitive)' })),
}, strict);

/** Batch problems list every invalid item (`errors`), not only the first. */
function sendBatchProblem(reply: FastifyReply, error: ContactBatchError) {
  return reply.status(400).type('application/problem+json')
    .send({ ...problem(400, error.code, error.message, error.field), errors: error.errors });
}

/** Schema errors of the batch body named like the service's: contacts[3].email, not contacts.3.email. */
function batchValidationField(request: FastifyRequest): { field: string; message: string } | undefined {
  const first = request.validationError?.validation?.[0];
  if (!first) return undefined;
  const path = first.instancePath.replace(/^\//, '').split('/').filter(Boolean);
  const params = first.params as Record<string, unknown>;
  const extra = params.additionalProperty ?? params.missingProperty;
  if (extra !== undefined) path.push(String(extra));
  const field = path.map((part: string, i: number) => (/^\d+$/.test(part) && i > 0 ? `[${part}]` : `${i > 0 ? '.' : ''}${part}`)).join('');
  const message = params.additionalProperty !== undefined ? `Unknown field "${field}"`
    : params.missingProperty !== undefined ? `"${field}" is required` : `"${field}" ${first.message ?? 'is invalid'}`;
  return { field: field || 'body', message };
}

export async function contactRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const tags = ['contacts'];
  const read = { permission: 'contacts:read' as const };
  const write = { permission: 'contacts:write' as const };

  app.get<{ Querystring: Static<typeof ListQuery> }>('/api/v1/contacts', {
    schema: { tags, querystring: ListQuery, description: 'Contacts in creation order, cursor-paginated; filters combine with and.' }, config: read,
  }, async (request) => {
    const q = request.query;
    const limit = q.limit ?? 50;
    const cursor = decodeCursor(q.cursor);
    const after = cursor ? String(cursor[0]) : undefined;
    if (after !== undefined && !/^[0-9a-f-]{36}$/i.test(after)) throw badInput('cursor is not valid', 'cursor');
    const rows = await listContacts(db, authOf(request).orgId, { ...q, after, limit });
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeCursor([items[items.length - 1].id]) : null };
  });

  app.get<{ Params: Static<typeof IdParams> }>('/api/v1/contacts/:id', { schema: { tags, params: IdParams }, config: read },
    async (request) => getContact(db, authOf(request).orgId, request.params.id));

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof ContactPatch> }>('/api/v1/contacts/:id', {
    schema: { tags, params: IdParams, body: ContactPatch, description: 'Fields left out stay as they are; null clears one. The cohort never changes.' }, config: write,
  }, async (request) => updateContact(db, authOf(request).orgId, request.params.id, request.body as ContactInput));

  app.delete<{ Params: Static<typeof IdParams> }>('/api/v1/contacts/:id', {
    schema: { tags, params: IdParams, description: 'Deletes the contact and its touchpoint events; 409 while responses refer to it.' }, config: write,
  }, async (request, reply) => {
    await deleteContact(db, authOf(request).orgId, request.params.id);
    return reply.status(204).send();
  });

  app.put<{ Params: Static<typeof ExternalIdParams>; Body: Static<typeof ContactBody> }>('/api/v1/contacts/by-external-id/:externalId', {
    schema: {
      tags, params: ExternalIdParams, body: ContactBody,
      description: 'Creates (201) or updates (200) the contact with this external id. Fields left out stay as they are; null clears one.',
    },
    config: write,
  }, async (request, reply) => {
    const orgId = authOf(request).orgId;
    const changes = { ...prepareContact(request.body as ContactInput), externalId: request.params.externalId };
    const [result] = await db.transaction((tx) => upsertContacts(tx, orgId, [changes], () => 'params'));
    return reply.status(result.outcome === 'created' ? 201 : 200).send(await getContact(db, orgId, result.id));
  });

  app.post<{ Body: Static<typeof BatchBody> }>('/api/v1/contacts/batch', {
    schema: {
      tags, body: BatchBody,
      description: 'Creates or updates up to 1,000 contacts by external id, atomically: if any is invalid nothing is stored, and `errors` names each problem (contacts[i].field).',
    },
    config: write,
    attachValidation: true,
  }, async (request, reply) => {
    const invalid = batchValidationField(request);
    if (invalid) return sendBatchProblem(reply, new ContactBatchError([invalid]));
    try {
      const items = await upsertContactBatch(db, authOf(request).orgId, request.body.contacts as ContactInput[]);
      const count = (outcome: string) => items.filter((i) => i.outcome === outcome).length;
      return { items, created: count('created'), updated: count('updated'), unchanged: count('unchanged') };
    } catch (error) {
      if (error instanceof ContactBatchError) return sendBatchProblem(reply, error);
      throw error;
    }
  });
}
