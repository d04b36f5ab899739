import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { IdParams, Language, PageQuery, Uuid, decodeCursor, encodeCursor, strict, literals } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import type { AuthContext } from '../auth/permissions.ts';
import { badInput, notFound } from '../errors.ts';
import { channels } from '../journeys/service.ts';
import { ingestResponses, prepareResponse, type ResponseInput } from './service.ts';
import { responseConditions } from '../metrics/queries.ts';

const AnswerInput = Type.Object({
  question: Type.String({ minLength: 1, maxLength: 100, description: 'Question key (e.g. "nps") or id' }),
  value: Type.Optional(Type.Union([
    Type.Number(), Type.String({ maxLength: 20_000 }), Type.Array(Type.String({ maxLength: 50 }), { maxItems: 50 }), Type.Null(),
  ])),
  dontKnow: Type.Optional(Type.Boolean()),
}, strict);

export const ResponseBody = Type.Object({
  surveyId: Uuid,
  touchpointId: Type.Optional(Uuid),
  channel: Type.Optional(literals(channels)),
  unitId: Type.Optional(Uuid),
  employeeId: Type.Optional(Uuid),
  contactId: Type.Optional(Uuid),
  language: Type.Optional(Language),
  submittedAt: Type.Optional(Type.String({ format: 'date-time' })),
  idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Same key again = same response, never a duplicate' })),
  answers: Type.Array(AnswerInput, { minItems: 1, maxItems: 200 }),
}, strict);

const BatchBody = Type.Object({ responses: Type.Array(ResponseBody, { minItems: 1, maxItems: 1000 }) }, strict);

const ListQuery = Type.Object({
  ...PageQuery,
  surveyId: Type.Optional(Uuid),
  touchpointId: Type.Optional(Uuid),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
}, strict);

const StoredResponse = Type.Object({ id: Uuid, created: Type.Boolean() });

/** The caller's data scope (unit subtree, own feedback) as extra conditions on `r`. */
function scopeClause(auth: AuthContext, params: unknown[]): string {
  return responseConditions({}, auth.scope, params).conditions.map((c) => ` and ${c}`).join('');
}

export async function responseRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const tags = ['responses'];

  app.post<{ Body: Static<typeof ResponseBody>; Headers: { 'idempotency-key'?: string } }>('/api/v1/responses', {
    schema: {
      tags, body: ResponseBody,
      description: 'Stores one response. An Idempotency-Key header (or idempotencyKey field) makes retries safe: 201 the first time, 200 with the same id after.',
      response: { 200: StoredResponse, 201: StoredResponse },
    },
    config: { permission: 'responses:write', rateLimit: 'ingest' },
  }, async (request, reply) => {
    const header = request.headers['idempotency-key'];
    if (header !== undefined && (header.length === 0 || header.length > 200)) throw badInput('Idempotency-Key must be 1–200 characters', 'Idempotency-Key');
    const input: ResponseInput = { ...request.body, idempotencyKey: request.body.idempotencyKey ?? header ?? null };
    const orgId = authOf(request).orgId;
    const result = await app.responseWriter.write(orgId, await prepareResponse(db, orgId, input), 'api');
    return reply.status(result.created ? 201 : 200).send(result);
  });

  app.post<{ Body: Static<typeof BatchBody> }>('/api/v1/responses/batch', {
    schema: {
      tags, body: BatchBody,
      description: 'Stores up to 1,000 responses atomically: if one is invalid, none is stored and the error names it (responses[i]…).',
      response: { 200: Type.Object({ items: Type.Array(StoredResponse), created: Type.Integer(), duplicates: Type.Integer() }) },
    },
    config: { permission: 'responses:write', rateLimit: 'ingest' },
  }, async (request) => {
    const results = await ingestResponses(db, authOf(request).orgId, request.body.responses, 'api');
    const created = results.filter((r) => r.created).length;
    return { items: results, created, duplicates: results.length - created };
  });

  app.get<{ Querystring: Static<typeof ListQuery> }>('/api/v1/responses', {
    schema: { tags, querystring: ListQuery, description: 'Newest first, cursor-paginated.' },
    config: { permission: 'responses:read' },
  }, async (request) => {
    const auth = authOf(request);
    const q = request.query;
    const limit = q.limit ?? 50;
    const params: unknown[] = [auth.orgId, q.surveyId ?? null, q.touchpointId ?? null, q.from ?? null, q.to ?? null];
    let where = `r.org_id = $1 and ($2::uuid is null or r.survey_id = $2) and ($3::uuid is null or r.touchpoint_id = $3)
      and ($4::timestamptz is null or r.submitted_at >= $4) and ($5::timestamptz is null or r.submitted_at < $5)`;
    const cursor = decodeCursor(q.cursor);
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where += ` and (r.submitted_at, r.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    where += scopeClause(auth, params);
    params.push(limit + 1);
    const rows = await db.query<{ id: string; submittedAt: Date }>(
      `select r.id, r.survey_id as "surveyId", r.touchpoint_id as "touchpointId", r.channel, r.unit_id as "unitId", r.employee_id as "employeeId",
              r.contact_id as "contactId", r.segment, r.language, r.source, r.submitted_at as "submittedAt",
              coalesce((select json_agg(json_build_object('questionId', a.question_id, 'number', a.number, 'choice', a.choice,
                        'choices', a.choices, 'text', a.text, 'dontKnow', a.dont_know))
                 from answers a where a.org_id = r.org_id and a.response_id = r.id), '[]') as answers
         from responses r where ${where}
        order by r.submitted_at desc, r.id desc limit $${params.length}`, params);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([new Date(last.submittedAt).toISOString(), last.id]) : null };
  });

  app.get<{ Params: Static<typeof IdParams> }>('/api/v1/responses/:id', { schema: { tags, params: IdParams }, config: { permission: 'responses:read' } }, async (request) => {
    const auth = authOf(request);
    const params: unknown[] = [auth.orgId, request.params.id];
    const scope = scopeClause(auth, params);
    const [row] = await db.query(
      `select r.id, r.survey_id as "surveyId", r.touchpoint_id as "touchpointId", r.channel, r.unit_id as "unitId", r.employee_id as "employeeId",
              r.contact_id as "contactId", r.segment, r.language, r.source, r.submitted_at as "submittedAt",
              coalesce((select json_agg(json_build_object('questionId', a.question_id, 'key', q.key, 'type', q.type, 'number', a.number,
                        'choice', a.choice, 'choices', a.choices, 'text', a.text, 'dontKnow', a.dont_know) order by q.position)
                 from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
                where a.org_id = r.org_id and a.response_id = r.id), '[]') as answers
         from responses r where r.org_id = $1 and r.id = $2${scope}`, params);
    if (!row) throw notFound('Response', 'id');
    return row;
  });
}
