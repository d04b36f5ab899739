/**
 * Authentication and permission checks for every route that declares `config.permission`.
 * Routes without it are public (health, survey pages, sign-in).
 */
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KaikuError, forbidden } from '../errors.ts';
import { allows, type AuthContext, type Permission } from './permissions.ts';
import { authenticateApiKey, authenticateSession, SESSION_COOKIE } from './service.ts';
import { fromSameOrigin } from '../http/csrf.ts';
import { asRequest, narrowToOrg } from '../db/scope.ts';

declare module 'fastify' {
  interface FastifyRequest {
    auth?: AuthContext;
  }
  interface FastifyContextConfig {
    permission?: Permission;
  }
  interface FastifyInstance {
    /** `METHOD /path` → the permission the route declared; routes absent are public. For audits and the role-matrix test. */
    routePermissions: ReadonlyMap<string, Permission>;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The caller, by API key or session. Once known, the rest of the request runs in its
 * organisation's database scope (src/db/scope.ts): so do dashboard pages that call this.
 */
export async function identify(app: FastifyInstance, request: FastifyRequest): Promise<AuthContext | undefined> {
  const auth = await identifyCaller(app, request);
  if (auth) narrowToOrg(auth.orgId);
  return auth;
}

async function identifyCaller(app: FastifyInstance, request: FastifyRequest): Promise<AuthContext | undefined> {
  const header = request.headers.authorization;
  if (header) {
    const key = /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? basicAuthKey(header);
    const auth = key ? await authenticateApiKey(app.deps.db, key) : undefined;
    if (!auth) throw new KaikuError('invalid_api_key', 'The API key is not valid or has been revoked', { status: 401 });
    return auth;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? authenticateSession(app.deps.db, cookie) : undefined;
}

/**
 * An API key sent as HTTP Basic credentials, as BI tools (Power BI, Excel) send it: the
 * password is the key and the user name is ignored; a key given as the user name with an
 * empty password is accepted too.
 */
function basicAuthKey(header: string): string | undefined {
  const encoded = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header)?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return decoded.slice(colon + 1) || decoded.slice(0, colon) || undefined;
}

/** The authenticated caller; only for routes that declared a permission. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new KaikuError('unauthenticated', 'Sign in or send an API key', { status: 401 });
  return request.auth;
}

export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('auth', undefined);
  const declared = new Map<string, Permission>();
  app.decorate('routePermissions', declared);
  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    if (permission) for (const method of [route.method].flat()) declared.set(`${method} ${route.url}`, permission);
  });
  // The second wall of tenant isolation (src/db/scope.ts): with KAIKU_DB_RLS on, everything a
  // request does after `identify` (validation, handler and all it starts) runs in the caller's
  // organisation's database scope, so even a query that forgot its org_id condition sees no other
  // organisation. Public routes find their organisation from a token, key or link: system scope.
  // Registered first and callback style, so the chain that follows (after the body is read, which
  // loses the async context) runs inside it.
  app.addHook('preValidation', (_request, _reply, done) => asRequest(done));
  app.addHook('preValidation', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission) return;
    const auth = await identify(app, request);
    if (!auth) throw new KaikuError('unauthenticated', 'Sign in or send an API key', { status: 401 });
    // Cookie-authenticated writes must be JSON: a cross-site HTML form cannot send that
    // content type without a CORS preflight, which Kaiku never grants (CSRF protection).
    // Bodiless writes (DELETE, mark-as-read) and anything a browser marks as coming from
    // another site must also be same-origin.
    if (auth.viaCookie && !SAFE_METHODS.has(request.method)) {
      if (!(request.headers['content-type'] ?? '').startsWith('application/json') && request.body !== undefined) {
        throw forbidden('Browser requests that change data must be sent as application/json');
      }
      if (!fromSameOrigin(request)) throw forbidden('Browser requests that change data must come from Kaiku’s own pages');
    }
    if (!allows(auth, permission)) throw forbidden(`Your role does not allow ${permission}`);
    request.auth = auth;
  });
});
