/**
 * Sign-in, sessions and API keys. Cookie value: `<orgId>.<token>`; API key:
 * `kk_<orgId>_<secret>`. Both carry the org id so every lookup hits one tenant's rows.
 */
import type { Database, Queryable } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import type { ApiScope, AuthContext, DataScope, Role } from './permissions.ts';
import { hashPassword, newToken, sha256, verifyPassword } from './secrets.ts';
import { accountLockout, accountSubject, assertNotLocked, clearFailures, ipLockout, ipSubject, recordFailure, type LockoutRule } from './lockout.ts';
import { matchTotp, normalizeRecoveryCode } from './totp.ts';
import { UUID } from '../vocabulary.ts';
import { recordAudit } from '../audit/log.ts';

export const SESSION_COOKIE = 'kaiku_session';
const SESSION_DAYS = 14;

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

export interface SignInOptions {
  /** Organisation slug, when the e-mail is used in several. */
  orgSlug?: string;
  /** The client's address, for the per-IP back-off. */
  ip?: string;
  /** A TOTP code or a recovery code, for users with a second factor. */
  totpCode?: string;
  /** The session cookie the browser had: it is ended, so a sign-in always starts a new session. */
  previousCookie?: string;
  now?: number;
}

/** Verifying against this when no user matches takes as long as a real check (no timing oracle). */
let decoyHash: Promise<string> | undefined;

export const hasNul = (text: string) => text.includes('\u0000');

const invalidCredentials = () => new KaikuError('invalid_credentials', 'The e-mail address or password is not correct', { status: 401 });

/**
 * Checks e-mail and password (and the second factor when the user has one); the same message
 * for an unknown e-mail and a wrong password. Repeated failures lock the account name and the
 * IP for a while (src/auth/lockout.ts), whether or not the account exists.
 */
export async function signIn(db: Database, email: string, password: string, options: SignInOptions = {}): Promise<{ cookie: string; orgId: string; userId: string }> {
  const account = accountSubject(email);
  const failures: Array<[string, LockoutRule]> = [[account, accountLockout]];
  if (options.ip) failures.push([ipSubject(options.ip), ipLockout]);
  await assertNotLocked(db, failures.map(([subject]) => subject));
  // PostgreSQL text cannot hold NUL, so no address with one belongs to anybody.
  const rows = hasNul(email) || hasNul(options.orgSlug ?? '') ? [] : await db.query<UserRow & { totp_secret: string | null; totp_enabled_at: Date | null; totp_last_step: string | null }>(
    `select u.org_id, u.id, u.role, u.unit_id, u.password_hash, u.disabled_at, u.totp_secret, u.totp_enabled_at, u.totp_last_step
       from users u join organizations o on o.id = u.org_id
      where lower(u.email) = lower($1) and ($2::text is null or o.slug = $2)`, [email.trim(), options.orgSlug ?? null]);
  let checked = false;
  for (const user of rows) {
    if (user.disabled_at) continue;
    checked = true;
    if (!(await verifyPassword(user.password_hash, password))) continue;
    if (user.totp_enabled_at && user.totp_secret) {
      if (!options.totpCode) throw new KaikuError('totp_required', 'Enter the code from your authenticator app', { status: 401, field: 'totpCode' });
      if (!(await useSecondFactor(db, user.org_id, user.id, user.totp_secret, user.totp_last_step, options.totpCode, options.now ?? Date.now()))) {
        await recordFailure(db, failures);
        throw new KaikuError('invalid_totp', 'The authentication code is not correct', { status: 401, field: 'totpCode' });
      }
    }
    if (options.previousCookie) await signOut(db, options.previousCookie);
    const token = newToken();
    await db.query(
      `insert into sessions (org_id, token_hash, user_id, expires_at) values ($1, $2, $3, now() + interval '${SESSION_DAYS} days')`,
      [user.org_id, sha256(token), user.id]);
    await clearFailures(db, account);
    return { cookie: `${user.org_id}.${token}`, orgId: user.org_id, userId: user.id };
  }
  if (!checked) await verifyPassword(await (decoyHash ??= hashPassword(newToken())), password);
  await recordFailure(db, failures);
  throw invalidCredentials();
}

/** A TOTP code not used before, or an unused recovery code (which is then spent). */
export async function useSecondFactor(db: Queryable, orgId: string, userId: string, secret: string, lastStep: string | null, code: string, now: number): Promise<boolean> {
  const step = matchTotp(secret, code.trim(), now, lastStep === null ? null : Number(lastStep));
  if (step !== undefined) {
    // Conditional on the stored step, so two requests with the same code cannot both pass.
    const used = await db.query(`update users set totp_last_step = $3 where org_id = $1 and id = $2 and (totp_last_step is null or totp_last_step < $3) returning id`,
      [orgId, userId, step]);
    return used.length > 0;
  }
  const spent = await db.query(
    `update users set recovery_code_hashes = array_remove(recovery_code_hashes, $3) where org_id = $1 and id = $2 and $3 = any(recovery_code_hashes) returning id`,
    [orgId, userId, sha256(normalizeRecoveryCode(code))]);
  return spent.length > 0;
}

export async function signOut(db: Database, cookie: string): Promise<void> {
  const parsed = parseSessionCookie(cookie);
  if (parsed) await db.query(`delete from sessions where org_id = $1 and token_hash = $2`, [parsed.orgId, sha256(parsed.token)]);
}

export function parseSessionCookie(cookie: string): { orgId: string; token: string } | undefined {
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
  const rows = await db.query<{ id: string; scopes: ApiScope[]; rate_limit_per_minute: number | null }>(
    `update api_keys set last_used_at = now() where org_id = $1 and key_hash = $2 and revoked_at is null returning id, scopes, rate_limit_per_minute`,
    [parsed.orgId, hash]);
  if (!rows[0]) return undefined;
  const auth: AuthContext = {
    orgId: parsed.orgId, apiKeyId: rows[0].id, scopes: rows[0].scopes, scope: { kind: 'all' }, viaCookie: false,
    rateLimitPerMinute: rows[0].rate_limit_per_minute ?? undefined,
  };
  if (keyCache.size > 10_000) keyCache.clear();
  keyCache.set(hash, { auth, until: now + KEY_CACHE_MS });
  return auth;
}

export async function createApiKey(db: Queryable, orgId: string, name: string, scopes: ApiScope[], createdBy?: string, rateLimitPerMinute: number | null = null) {
  const key = `kk_${orgId}_${newToken(30)}`;
  const [row] = await db.query<{ id: string; created_at: Date }>(
    `insert into api_keys (org_id, name, key_hash, scopes, created_by, rate_limit_per_minute) values ($1, $2, $3, $4, $5, $6) returning id, created_at`,
    [orgId, name, sha256(key), scopes, createdBy ?? null, rateLimitPerMinute]);
  return { id: row.id, name, scopes, rateLimitPerMinute, key, createdAt: row.created_at };
}

/** A key's own requests-per-minute limit (null = the default); this process forgets its cached copy at once. */
export async function setApiKeyRateLimit(db: Queryable, orgId: string, id: string, rateLimitPerMinute: number | null) {
  const [row] = await db.query<{ id: string; key_hash: string }>(
    `update api_keys set rate_limit_per_minute = $3 where org_id = $1 and id = $2 and revoked_at is null returning id, key_hash`, [orgId, id, rateLimitPerMinute]);
  if (!row) return undefined;
  keyCache.delete(row.key_hash);
  return { id: row.id, rateLimitPerMinute };
}

/** An API key as listed (never its secret or hash). */
export interface ApiKey { id: string; name: string; scopes: ApiScope[]; rateLimitPerMinute: number | null; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }
const apiKeyColumns = `id, name, scopes, rate_limit_per_minute as "rateLimitPerMinute", created_at as "createdAt", last_used_at as "lastUsedAt", revoked_at as "revokedAt"`;

/** The organisation's API keys, oldest first, revoked ones included. */
export async function listApiKeys(db: Queryable, orgId: string): Promise<ApiKey[]> {
  return db.query<ApiKey>(`select ${apiKeyColumns} from api_keys where org_id = $1 order by created_at, id`, [orgId]);
}

/** A key that still works (not revoked); undefined otherwise. */
export async function findActiveApiKey(db: Queryable, orgId: string, id: string): Promise<ApiKey | undefined> {
  const [key] = await db.query<ApiKey>(`select ${apiKeyColumns} from api_keys where org_id = $1 and id = $2 and revoked_at is null`, [orgId, id]);
  return key;
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

/** A user as the users API and the users page show them. */
export interface User { id: string; email: string; name: string; role: Role; unitId: string | null; language: string; disabledAt: Date | null }
const userColumns = `id, email, name, role, unit_id as "unitId", language, disabled_at as "disabledAt"`;

/** The organisation's users by name. */
export async function listUsers(db: Queryable, orgId: string): Promise<User[]> {
  return db.query<User>(`select ${userColumns} from users where org_id = $1 order by name, id`, [orgId]);
}

export async function findUser(db: Queryable, orgId: string, id: string): Promise<User | undefined> {
  const [user] = await db.query<User>(`select ${userColumns} from users where org_id = $1 and id = $2`, [orgId, id]);
  return user;
}

export interface UserChange { name?: string; role?: Role; unitId?: string | null; language?: string; disabled?: boolean }

/**
 * Changes a user (a field left out keeps its value; unitId null clears the unit; disabled keeps
 * the first disabling time) and records it in the audit log: a changed role as
 * user.role_change, other fields as user.update. The row is locked for the transaction, so two
 * concurrent changes each audit the role they really replaced. Undefined when there is no such user.
 */
export async function updateUser(db: Database, by: { auth: AuthContext; ip?: string }, id: string, change: UserChange): Promise<User | undefined> {
  const { orgId } = by.auth;
  const audit = (tx: Queryable, action: string, details: Record<string, unknown>) =>
    recordAudit(tx, { orgId, actor: { userId: by.auth.userId, apiKeyId: by.auth.apiKeyId }, ip: by.ip, action, target: { type: 'user', id }, details });
  return db.transaction(async (tx) => {
    const [before] = await tx.query<{ role: Role }>(`select role from users where org_id = $1 and id = $2 for update`, [orgId, id]);
    if (!before) return undefined;
    const [after] = await tx.query<User>(
      `update users set name = coalesce($3, name), role = coalesce($4::role, role),
              unit_id = case when $5::boolean then $6::uuid else unit_id end, language = coalesce($7, language),
              disabled_at = case when $8::boolean is null then disabled_at when $8 then coalesce(disabled_at, now()) else null end
        where org_id = $1 and id = $2
        returning ${userColumns}`,
      [orgId, id, change.name ?? null, change.role ?? null, 'unitId' in change, change.unitId ?? null, change.language ?? null, change.disabled ?? null]);
    if (after.role !== before.role) await audit(tx, 'user.role_change', { from: before.role, to: after.role });
    const { role: _role, ...others } = change;
    if (Object.keys(others).length > 0) await audit(tx, 'user.update', { changes: others });
    return after;
  });
}
