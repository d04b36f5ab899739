/** The organisation's own settings, its unit tree, users, employees and API keys. */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { IdParams, Language, Uuid, strict, literals } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { createApiKey, createUser, listApiKeys, listUsers, revokeApiKey, setApiKeyRateLimit, updateUser } from '../auth/service.ts';
import { auditRequest } from '../audit/log.ts';
import { apiScopes, roles } from '../auth/permissions.ts';
import { badInput, notFound } from '../errors.ts';
import { createEmployee, createUnit, getOrganization, listEmployees, listUnits, removeUnit, updateOrganization, updateUnit } from './service.ts';

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
    await updateOrganization(db, orgId, b);
    await auditRequest(db, request, authOf(request), { action: 'org.settings_change', target: { type: 'organization', id: orgId }, details: { changes: b } });
    return getOrganization(db, orgId);
  });

  app.get('/api/v1/units', { schema: { tags }, config: { permission: 'org:read' } }, async (request) => ({
    items: await listUnits(db, authOf(request).orgId),
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
    const unit = await updateUnit(db, orgId, request.params.id, request.body);
    if (!unit) throw notFound('Unit', 'id');
    return unit;
  });

  app.delete<{ Params: Static<typeof IdParams> }>('/api/v1/units/:id', { schema: { tags, params: IdParams }, config: { permission: 'org:manage' } }, async (request, reply) => {
    if (!(await removeUnit(db, authOf(request).orgId, request.params.id))) throw notFound('Unit', 'id');
    return reply.status(204).send();
  });

  app.get('/api/v1/users', { schema: { tags }, config: { permission: 'users:manage' } }, async (request) => ({
    items: await listUsers(db, authOf(request).orgId),
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
    const user = await updateUser(db, { auth: authOf(request), ip: request.ip }, request.params.id, request.body);
    if (!user) throw notFound('User', 'id');
    return user;
  });

  app.get('/api/v1/employees', { schema: { tags }, config: { permission: 'org:read' } }, async (request) => ({
    items: await listEmployees(db, authOf(request).orgId),
  }));

  app.post<{ Body: Static<typeof EmployeeBody> }>('/api/v1/employees', { schema: { tags, body: EmployeeBody }, config: { permission: 'org:manage' } }, async (request, reply) => {
    const id = await createEmployee(db, authOf(request).orgId, request.body);
    return reply.status(201).send({ id, ...request.body });
  });

  app.get('/api/v1/api-keys', { schema: { tags }, config: { permission: 'users:manage' } }, async (request) => ({
    items: await listApiKeys(db, authOf(request).orgId),
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
