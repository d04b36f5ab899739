/**
 * Every route × every kind of caller against the one permissions table (`permissions.ts`):
 * the five roles signed in by session, API keys with each scope, and anonymous callers.
 * Routes come from Fastify's route table and their declared permission from the auth plugin,
 * so a new route is covered the moment it is registered.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInAs, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { concrete, listRoutes } from '../../test/helpers/routes.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { pageRoutes } from '../pages/page-kit.ts';
import { createApiKey, createUser } from './service.ts';
import { apiScopes, permissions, roles, type ApiScope, type Permission, type Role } from './permissions.ts';

/**
 * API routes that declare no permission on purpose: sign-in and recovery (the caller is not
 * signed in yet), the signed-in person's own account (checked by the handler), and the
 * widget/kiosk API (authorised by the collector's site key and allowed origins).
 */
const publicApi = new Set([
  'POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/password-reset',
  'POST /api/v1/auth/password-reset/confirm',
  'GET /api/v1/public/collectors/:key', 'POST /api/v1/public/collectors/:key/show', 'POST /api/v1/public/collectors/:key/responses',
  // …and for a signed-in visitor's web invitation, the site's HMAC signature of their external id.
  'POST /api/v1/public/collectors/:key/invitation', 'POST /api/v1/public/collectors/:key/invitation/responses',
]);

type Caller = { name: string; role?: Role; scope?: ApiScope; call: TestApp['api']; page: PageClient };
type Outcome = 'allowed' | 'denied' | 'unauthenticated';

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe('role matrix: every route × role, API-key scope and anonymous', () => {
  let t: TestApp;
  const callers: Caller[] = [];

  before(async () => {
    t = await startTestApp();
    const unit = await t.api('/api/v1/units', { body: { name: 'Branch' } });
    assert.equal(unit.status, 201);
    for (const role of roles) {
      const email = `matrix-${role}@example.com`;
      await createUser(t.db, t.orgId, { email, name: role, role, password: 'correct horse battery', unitId: role === 'unit_manager' || role === 'frontline' ? unit.body.id : null });
      callers.push({ name: `role ${role}`, role, call: await signInAs(t, email, 'correct horse battery'), page: pageClient(t, await sessionCookie(t, email)) });
    }
    for (const scope of apiScopes) {
      const { key } = await createApiKey(t.db, t.orgId, `key-${scope}`, [scope]);
      callers.push({ name: `API key [${scope}]`, scope, call: (path, init = {}) => t.api(path, { ...init, key }), page: pageClient(t, { key }) });
    }
    callers.push({ name: 'anonymous', call: (path, init = {}) => t.api(path, { ...init, key: null }), page: pageClient(t, null) });
  });
  after(() => t.close());

  function expected(caller: Caller, permission: Permission): Outcome {
    const rule = permissions[permission];
    if (caller.role) return (rule.roles as readonly Role[]).includes(caller.role) ? 'allowed' : 'denied';
    if (caller.scope) return (rule.scopes as readonly ApiScope[]).includes(caller.scope) ? 'allowed' : 'denied';
    return 'unauthenticated';
  }

  async function observe(caller: Caller, method: string, path: string): Promise<{ outcome: Outcome; status: number }> {
    // Writes carry a JSON body from Kaiku's own origin, so only the permission can refuse them (CSRF checks pass).
    const init = WRITE.has(method)
      ? { method, body: method === 'DELETE' ? undefined : {}, headers: { origin: t.url } }
      : { method };
    const res = await caller.call(concrete(path), init);
    if (res.status >= 500) return { outcome: 'allowed', status: res.status }; // past the permission check
    if (res.status === 401) return { outcome: 'unauthenticated', status: res.status };
    // Problem details, or OData's own error format.
    if (res.status === 403 && /does not allow/.test(JSON.stringify(res.body))) return { outcome: 'denied', status: res.status };
    return { outcome: 'allowed', status: res.status };
  }

  test('every API route declares a permission from the table, or is one of the known public ones', () => {
    const routes = listRoutes(t.app).filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'HEAD' && r.method !== 'OPTIONS');
    assert.ok(routes.length > 150, `only ${routes.length} API routes found`);
    const undeclared = routes.map((r) => `${r.method} ${r.path}`).filter((r) => !t.app.routePermissions.has(r) && !publicApi.has(r));
    assert.deepEqual(undeclared, [], 'API routes without a declared permission');
    for (const permission of t.app.routePermissions.values()) assert.ok(permission in permissions, `${permission} is not in permissions.ts`);
  });

  test('every permission in the table guards at least one route', () => {
    const used = new Set(t.app.routePermissions.values());
    assert.deepEqual(Object.keys(permissions).filter((p) => !used.has(p as Permission)), []);
  });

  test('each caller is allowed exactly what permissions.ts grants, on every route', async () => {
    const routes = listRoutes(t.app).filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS' && t.app.routePermissions.has(`${r.method} ${r.path}`));
    const mismatches: string[] = [];
    let checks = 0;
    for (const route of routes) {
      const permission = t.app.routePermissions.get(`${route.method} ${route.path}`) as Permission;
      for (const caller of callers) {
        const want = expected(caller, permission);
        const got = await observe(caller, route.method, route.path);
        checks++;
        // 503: the route needs the job queue, which this app runs without (it got past the permission check).
        if (got.status >= 500 && got.status !== 503) mismatches.push(`${caller.name} ${route.method} ${route.path}: ${got.status}`);
        else if (got.outcome !== want) mismatches.push(`${caller.name} ${route.method} ${route.path} (${permission}): expected ${want}, got ${got.outcome} (${got.status})`);
      }
    }
    assert.deepEqual(mismatches, []);
    assert.ok(checks >= routes.length * callers.length);
    console.log(`role matrix: ${routes.length} routes × ${callers.length} callers = ${checks} checks`);
  });

  /**
   * Dashboard pages cannot declare `config.permission` (they redirect to the sign-in form and take
   * HTML form posts); they list their permission in page-kit.ts and are held to the same table:
   * refused with 403, or sent to sign in when anonymous. Form posts carry an empty form.
   */
  test('each caller is allowed exactly what permissions.ts grants, on every dashboard page (page-kit)', async () => {
    const registered = new Set(listRoutes(t.app).map((r) => `${r.method} ${r.path}`));
    assert.ok(pageRoutes.length >= 25, `only ${pageRoutes.length} pages listed`);
    const mismatches: string[] = [];
    for (const route of pageRoutes) {
      if (!registered.has(`${route.method} ${route.path}`)) mismatches.push(`${route.method} ${route.path} is listed but not registered`);
      for (const caller of callers) {
        const want = expected(caller, route.permission);
        const res = route.method === 'GET' ? await caller.page.get(concrete(route.path)) : await caller.page.post(concrete(route.path), {});
        const got: Outcome = res.status === 403 ? 'denied' : res.status === 303 && res.location?.startsWith('/login') ? 'unauthenticated' : 'allowed';
        // 503: the page needs the job queue, which this app runs without (it got past the permission check).
        if (res.status >= 500 && res.status !== 503) mismatches.push(`${caller.name} ${route.method} ${route.path}: ${res.status}`);
        else if (got !== want) mismatches.push(`${caller.name} ${route.method} ${route.path} (${route.permission}): expected ${want}, got ${got} (${res.status})`);
      }
    }
    assert.deepEqual(mismatches, []);
  });

  test('public routes answer anonymous callers without asking for credentials', async () => {
    for (const route of publicApi) {
      const [method, path] = route.split(' ');
      const got = await observe(callers[callers.length - 1], method, path);
      assert.notEqual(got.outcome, 'denied', route);
      if (route !== 'POST /api/v1/auth/logout') assert.notEqual(got.status, 401, route);
    }
  });
});
