/** The organisation's own settings, its unit tree, users, employees and API keys. */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { IdParams, Language, Uuid, strict, literals } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { createApiKey, createUser, revokeApiKey, setApiKeyRateLimit } from '../auth/service.ts';
import { auditRequest } from '../audit/log.ts';
import { apiScopes, roles } from '../auth/permissions.ts';
import { badInput, notFound } from '../errors.ts';
import { createEmployee, createUnit, getOrganization } from './service.ts';
import { assertUnreferenced } from '../journeys/service.ts';

const UnitBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  parentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  kind: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'region, branch, team…' })),
}, strict);
const UserBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 320 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  role: literals(roles),
  password: Type.Optional(Type.String({ minLength: 10, maxLength: 1000 })),
  unitId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  language: Type.Optional(Language),
}, strict);
const EmployeeBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  unitId: Uuid,
  externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  userId: Type.Optional(Type.Union([Uuid, Type.Null()])),
}, strict);
const RateLimitPerMinute = Type.Union([Type.Integer({ minimum: 1, maximum: 10_000_000 }), Type.Null()], {
  description: 'Requests per minute this key may make (429 beyond); null = the server default (KAIKU_RATE_LIMIT_API_KEY)',
});
const ApiKeyBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  scopes: Type.Array(literals(apiScopes), { minItems: 1, uniqueItems: true }),
  rateLimitPerMinute: Type.Optional(RateLimitPerMinute),
}, strict);
const ApiKeyPatch = Type.Object({ rateLimitPerMinute: RateLimitPerMinute }, strict);
const UserPatch = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  role: Type.Optional(literals(roles)),
  unitId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  language: Type.Optional(Language),
  disabled: Type.Optional(Type.Boolean({ description: 'A disabled user cannot sign in; their sessions stop working at once' })),
}, strict);
const OrgPatch = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  defaultLanguage: Type.Optional(Language),
  minGroupSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  industry: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100, description: 'Industry code the benchmarks compare with (as in the benchmark CSV)' }), Type.Null()])),
}, strict);

export async function orgRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const tags = ['organisation'];

  app.get('/api/v1/org', { schema: { tags }, config: { permission: 'org:read' } }, async (request) => getOrganization(db, authOf(request).orgId));

  app.patch<{ Body: Static<typeof OrgPatch> }>('/api/v1/org', { schema: { tags, body: OrgPatch }, config: { permission: 'org:manage' } }, async (request) => {
    const { orgId } = authOf(request);
    const b = request.body;
    await db.query(
      `update organizations set name = coalesce($2, name), default_language = coalesce($3, default_language), min_group_size = coalesce($4, min_group_size) where id = $1`,
      [orgId, b.name ?? null, b.defaultLanguage ?? null, b.minGroupSize ?? null]);
    if (b.industry !== undefined) await db.query('update organizations set industry = $2 where id = $1', [orgId, b.industry]);
    await auditRequest(db, request, authOf(request), { action: 'org.settings_change', target: { type: 'organization', id: orgId }, details: { changes: b } });
    return getOrganization(db, orgId);
  });

  app.get('/api/v1/units', { schema: { tags }, config: { permission: 'org:read' } }, async (request) => ({
    items: await db.query(`select id, parent_id as "parentId", name, kind from units where org_id = $1 order by name`, [authOf(request).orgId]),
  }));

  app.post<{ Body: Static<typeof UnitBody> }>('/api/v1/units', { schema: { tags, body: UnitBody }, config: { permission: 'org:manage' } }, async (request, reply) => {
    const id = await createUnit(db, authOf(request).orgId, request.body);
    return reply.status(201).send({ id, ...request.body });
  });

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof UnitBody> }>('/api/v1/units/:id', {
    schema: { tags, params: IdParams, body: Type.Partial(UnitBody, strict) }, config: { permission: 'org:manage' },
  }, async (request) => {
    const { orgId } = authOf(request);
    if (request.body.parentId === request.params.id) throw badInput('A unit cannot be its own parent', 'parentId');
    const rows = await db.query(
      `update units set name = coalesce($3, name), kind = coalesce($4, kind),
              parent_id = case when $5::boolean then $6::uuid else parent_id end
        where org_id = $1 and id = $2 returning id, parent_id as "parentId", name, kind`,
      [orgId, request.params.id, request.body.name ?? null, request.body.kind ?? null, 'parentId' in request.body, request.body.parentId ?? null]);
    if (!rows[0]) throw notFound('Unit', 'id');
    return rows[0];
  });

  app.delete<{ Params: Static<typeof IdParams> }>('/api/v1/units/:id', { schema: { tags, params: IdParams }, config: { permission: 'org:manage' } }, async (request, reply) => {
    await assertUnreferenced(db, authOf(request).orgId, 'unit', request.params.id);
    const rows = await db.query(`delete from units where org_id = $1 and id = $2 returning id`, [authOf(request).orgId, request.params.id]);
    if (!rows[0]) throw notFound('Unit', 'id');
    return reply.status(204).send();
  });

  app.get('/api/v1/users', { schema: { tags }, config: { permission: 'users:manage' } }, async (request) => ({
    items: await db.query(
      `select id, email, name, role, unit_id as "unitId", language, disabled_at as "disabledAt" from users where org_id = $1 order by name`,
      [authOf(request).orgId]),
  }));

  app.post<{ Body: Static<typeof UserBody> }>('/api/v1/users', { schema: { tags, body: UserBody }, config: { permission: 'users:manage' } }, async (request, reply) => {
    if (request.body.role === 'unit_manager' && !request.body.unitId) throw badInput('A unit manager needs a unitId', 'unitId');
    const id = await createUser(db, authOf(request).orgId, request.body);
    const { password: _password, ...shown } = request.body;
    await auditRequest(db, request, authOf(request), { action: 'user.create', target: { type: 'user', id }, details: { email: shown.email, role: shown.role } });
    return reply.status(201).send({ id, ...shown });
  });

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof UserPatch> }>('/api/v1/users/:id', {
    schema: { tags, params: IdParams, body: UserPatch, description: 'Changes a user\'s name, role, unit, language or disables them; role changes are in the audit log.' },
    config: { permission: 'users:manage' },
  }, async (request) => {
    const auth = authOf(request);
    const b = request.body;
    const user = await db.transaction(async (tx) => {
      const [before] = await tx.query<{ role: string; unit_id: string | null; disabled: boolean }>(
        `select role, unit_id, disabled_at is not null as disabled from users where org_id = $1 and id = $2 for update`, [auth.orgId, request.params.id]);
      if (!before) throw notFound('User', 'id');
      const [after] = await tx.query<{ id: string; email: string; name: string; role: string; unitId: string | null; language: string; disabledAt: Date | null }>(
        `update users set name = coalesce($3, name), role = coalesce($4::role, role),
                unit_id = case when $5::boolean then $6::uuid else unit_id end, language = coalesce($7, language),
                disabled_at = case when $8::boolean is null then disabled_at when $8 then coalesce(disabled_at, now()) else null end
          where org_id = $1 and id = $2
          returning id, email, name, role, unit_id as "unitId", language, disabled_at as "disabledAt"`,
        [auth.orgId, request.params.id, b.name ?? null, b.role ?? null, 'unitId' in b, b.unitId ?? null, b.language ?? null, b.disabled ?? null]);
      const target = { type: 'user', id: after.id };
      if (after.role !== before.role) await auditRequest(tx, request, auth, { action: 'user.role_change', target, details: { from: before.role, to: after.role } });
      const { role: _role, ...others } = b;
      if (Object.keys(others).length > 0) await auditRequest(tx, request, auth, { action: 'user.update', target, details: { changes: others } });
      return after;
    });
    return user;
  });

  app.get('/api/v1/employees', { schema: { tags }, config: { permission: 'org:read' } }, async (request) => ({
    items: await db.query(
      `select id, name, unit_id as "unitId", external_id as "externalId", user_id as "userId" from employees where org_id = $1 order by name`,
      [authOf(request).orgId]),
  }));

  app.post<{ Body: Static<typeof EmployeeBody> }>('/api/v1/employees', { schema: { tags, body: EmployeeBody }, config: { permission: 'org:manage' } }, async (request, reply) => {
    const id = await createEmployee(db, authOf(request).orgId, request.body);
    return reply.status(201).send({ id, ...request.body });
  });

  app.get('/api/v1/api-keys', { schema: { tags }, config: { permission: 'users:manage' } }, async (request) => ({
    items: await db.query(
      `select id, name, scopes, rate_limit_per_minute as "rateLimitPerMinute", created_at as "createdAt", last_used_at as "lastUsedAt", revoked_at as "revokedAt"
         from api_keys where org_id = $1 order by created_at`,
      [authOf(request).orgId]),
  }));

  app.post<{ Body: Static<typeof ApiKeyBody> }>('/api/v1/api-keys', {
    schema: { tags, body: ApiKeyBody, description: 'Creates a key; the secret is shown only in this response.' }, config: { permission: 'users:manage' },
  }, async (request, reply) => {
    const auth = authOf(request);
    const b = request.body;
    const key = await createApiKey(db, auth.orgId, b.name, b.scopes, auth.userId, b.rateLimitPerMinute ?? null);
    await auditRequest(db, request, auth, { action: 'api_key.create', target: { type: 'api_key', id: key.id }, details: { name: b.name, scopes: b.scopes, rateLimitPerMinute: key.rateLimitPerMinute } });
    return reply.status(201).send(key);
  });

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof ApiKeyPatch> }>('/api/v1/api-keys/:id', {
    schema: { tags, params: IdParams, body: ApiKeyPatch, description: 'Sets the key\'s own rate limit (effective within 30 s in every process).' },
    config: { permission: 'users:manage' },
  }, async (request) => {
    const auth = authOf(request);
    const key = await setApiKeyRateLimit(db, auth.orgId, request.params.id, request.body.rateLimitPerMinute);
    if (!key) throw notFound('API key', 'id');
    await auditRequest(db, request, auth, { action: 'api_key.update', target: { type: 'api_key', id: key.id }, details: { rateLimitPerMinute: key.rateLimitPerMinute } });
    return key;
  });

  app.delete<{ Params: Static<typeof IdParams> }>('/api/v1/api-keys/:id', { schema: { tags, params: IdParams }, config: { permission: 'users:manage' } }, async (request, reply) => {
    if (!(await revokeApiKey(db, authOf(request).orgId, request.params.id))) throw notFound('API key', 'id');
    await auditRequest(db, request, authOf(request), { action: 'api_key.revoke', target: { type: 'api_key', id: request.params.id } });
    return reply.status(204).send();
  });
}
