/**
 * Sign-in, sessions and API keys. Cookie value: `<orgId>.<token>`; API key:
 * `kk_<orgId>_<secret>`. Both carry the org id so every lookup hits one tenant's rows.
 */
import type { Database, Queryable } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import type { ApiScope, AuthContext, DataScope, Role } from './permissions.ts';
import { hashPassword, newToken, sha256, verifyPassword } from './secrets.ts';

export const SESSION_COOKIE = 'kaiku_session';
const SESSION_DAYS = 14;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface UserRow { org_id: string; id: string; role: Role; unit_id: string | null; password_hash: string | null; disabled_at: Date | null }

export async function dataScopeFor(db: Queryable, orgId: string, userId: string, role: Role, unitId: string | null): Promise<DataScope> {
  if (role === 'unit_manager' && unitId) {
    const rows = await db.query<{ id: string }>(
      `with recursive subtree as (
         select id from units where org_id = $1 and id = $2
         union all
         select u.id from units u join subtree s on u.parent_id = s.id where u.org_id = $1)
       select id from subtree`, [orgId, unitId]);
    return { kind: 'units', unitIds: rows.map((r) => r.id) };
  }
  if (role === 'frontline') {
    const rows = await db.query<{ id: string }>(`select id from employees where org_id = $1 and user_id = $2`, [orgId, userId]);
    return { kind: 'employees', employeeIds: rows.map((r) => r.id) };
  }
  return { kind: 'all' };
}

/** Checks e-mail and password; the same message for an unknown e-mail and a wrong password. */
export async function signIn(db: Database, email: string, password: string, orgSlug?: string): Promise<{ cookie: string; orgId: string; userId: string }> {
  const rows = await db.query<UserRow>(
    `select u.org_id, u.id, u.role, u.unit_id, u.password_hash, u.disabled_at
       from users u join organizations o on o.id = u.org_id
      where lower(u.email) = lower($1) and ($2::text is null or o.slug = $2)`, [email.trim(), orgSlug ?? null]);
  for (const user of rows) {
    if (user.disabled_at) continue;
    if (await verifyPassword(user.password_hash, password)) {
      const token = newToken();
      await db.query(
        `insert into sessions (org_id, token_hash, user_id, expires_at) values ($1, $2, $3, now() + interval '${SESSION_DAYS} days')`,
        [user.org_id, sha256(token), user.id]);
      return { cookie: `${user.org_id}.${token}`, orgId: user.org_id, userId: user.id };
    }
  }
  throw new KaikuError('invalid_credentials', 'The e-mail address or password is not correct', { status: 401 });
}

export async function signOut(db: Database, cookie: string): Promise<void> {
  const parsed = parseSessionCookie(cookie);
  if (parsed) await db.query(`delete from sessions where org_id = $1 and token_hash = $2`, [parsed.orgId, sha256(parsed.token)]);
}

function parseSessionCookie(cookie: string): { orgId: string; token: string } | undefined {
  const dot = cookie.indexOf('.');
  const orgId = cookie.slice(0, dot);
  const token = cookie.slice(dot + 1);
  return dot > 0 && UUID.test(orgId) && token ? { orgId, token } : undefined;
}

export async function authenticateSession(db: Database, cookie: string): Promise<AuthContext | undefined> {
  const parsed = parseSessionCookie(cookie);
  if (!parsed) return undefined;
  const rows = await db.query<UserRow>(
    `select u.org_id, u.id, u.role, u.unit_id, u.password_hash, u.disabled_at
       from sessions s join users u on u.org_id = s.org_id and u.id = s.user_id
      where s.org_id = $1 and s.token_hash = $2 and s.expires_at > now()`, [parsed.orgId, sha256(parsed.token)]);
  const user = rows[0];
  if (!user || user.disabled_at) return undefined;
  return {
    orgId: user.org_id, userId: user.id, role: user.role, viaCookie: true,
    scope: await dataScopeFor(db, user.org_id, user.id, user.role, user.unit_id),
  };
}

/**
 * API keys are checked on every ingestion request, so valid ones are cached for a short
 * while; revoking a key takes effect at once in this process and within KEY_CACHE_MS in others.
 */
const KEY_CACHE_MS = 30_000;
const keyCache = new Map<string, { auth: AuthContext; until: number }>();

export function parseApiKey(key: string): { orgId: string } | undefined {
  const m = /^kk_([0-9a-f-]{36})_([A-Za-z0-9_-]{20,})$/.exec(key);
  return m && UUID.test(m[1]) ? { orgId: m[1] } : undefined;
}

export async function authenticateApiKey(db: Database, key: string, now = Date.now()): Promise<AuthContext | undefined> {
  const parsed = parseApiKey(key);
  if (!parsed) return undefined;
  const hash = sha256(key);
  const cached = keyCache.get(hash);
  if (cached && cached.until > now) return cached.auth;
  const rows = await db.query<{ id: string; scopes: ApiScope[] }>(
    `update api_keys set last_used_at = now() where org_id = $1 and key_hash = $2 and revoked_at is null returning id, scopes`,
    [parsed.orgId, hash]);
  if (!rows[0]) return undefined;
  const auth: AuthContext = { orgId: parsed.orgId, apiKeyId: rows[0].id, scopes: rows[0].scopes, scope: { kind: 'all' }, viaCookie: false };
  if (keyCache.size > 10_000) keyCache.clear();
  keyCache.set(hash, { auth, until: now + KEY_CACHE_MS });
  return auth;
}

export async function createApiKey(db: Queryable, orgId: string, name: string, scopes: ApiScope[], createdBy?: string) {
  const key = `kk_${orgId}_${newToken(30)}`;
  const [row] = await db.query<{ id: string; created_at: Date }>(
    `insert into api_keys (org_id, name, key_hash, scopes, created_by) values ($1, $2, $3, $4, $5) returning id, created_at`,
    [orgId, name, sha256(key), scopes, createdBy ?? null]);
  return { id: row.id, name, scopes, key, createdAt: row.created_at };
}

export async function revokeApiKey(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const rows = await db.query<{ key_hash: string }>(
    `update api_keys set revoked_at = now() where org_id = $1 and id = $2 and revoked_at is null returning key_hash`, [orgId, id]);
  for (const r of rows) keyCache.delete(r.key_hash);
  return rows.length > 0;
}

export async function createUser(db: Queryable, orgId: string, input: { email: string; name: string; role: Role; password?: string; unitId?: string | null; language?: string }) {
  const [row] = await db.query<{ id: string }>(
    `insert into users (org_id, email, name, role, password_hash, unit_id, language)
     values ($1, lower($2), $3, $4, $5, $6, $7) returning id`,
    [orgId, input.email.trim(), input.name, input.role, input.password ? await hashPassword(input.password) : null, input.unitId ?? null, input.language ?? 'fi']);
  return row.id;
}
