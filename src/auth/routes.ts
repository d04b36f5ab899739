import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { strict } from '../http/schemas.ts';
import { authOf } from './plugin.ts';
import { SESSION_COOKIE, signIn, signOut } from './service.ts';

const LoginBody = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 320 }),
  password: Type.String({ minLength: 1, maxLength: 1000 }),
  organization: Type.Optional(Type.String({ maxLength: 100, description: 'Organisation slug, when the e-mail is used in several' })),
}, strict);

export async function authRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;

  app.post<{ Body: Static<typeof LoginBody> }>('/api/v1/auth/login', { schema: { tags: ['auth'], body: LoginBody } }, async (request, reply) => {
    const { cookie, userId, orgId } = await signIn(db, request.body.email, request.body.password, request.body.organization);
    reply.setCookie(SESSION_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: 14 * 86400 });
    return { userId, orgId };
  });

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) await signOut(db, cookie);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/v1/auth/me', { schema: { tags: ['auth'] }, config: { permission: 'org:read' } }, async (request) => {
    const auth = authOf(request);
    if (!auth.userId) return { orgId: auth.orgId, apiKeyId: auth.apiKeyId, scopes: auth.scopes };
    const [user] = await db.query<{ id: string; email: string; name: string; role: string; unit_id: string | null; language: string }>(
      `select id, email, name, role, unit_id, language from users where org_id = $1 and id = $2`, [auth.orgId, auth.userId]);
    return { orgId: auth.orgId, userId: user.id, email: user.email, name: user.name, role: user.role, unitId: user.unit_id, language: user.language };
  });
}
