/**
 * The audit log: who did what among admin actions (users, roles, API keys, settings, second
 * factor) and data exports. Append-only; one call per action, inside the action's transaction
 * when it has one, so an action is never recorded without happening or the reverse.
 */
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../db/connection.ts';
import type { AuthContext } from '../auth/permissions.ts';

export interface AuditActor { userId?: string; apiKeyId?: string }

export interface AuditEntry {
  orgId: string;
  actor: AuditActor;
  /** `<thing>.<verb>`: export.download, api_key.create, user.role_change, org.settings_change… */
  action: string;
  target?: { type: string; id: string };
  /** What changed or what was taken (filters, format, before/after); never secrets. */
  details?: Record<string, unknown>;
  ip?: string;
}

export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    `insert into audit_log (org_id, actor_user_id, actor_api_key_id, action, target_type, target_id, details, ip)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [entry.orgId, entry.actor.userId ?? null, entry.actor.apiKeyId ?? null, entry.action, entry.target?.type ?? null,
      entry.target?.id ?? null, JSON.stringify(entry.details ?? {}), entry.ip ?? null]);
}

/** The audit entry for an authenticated request: actor and address from the request. */
export function auditRequest(db: Queryable, request: FastifyRequest, auth: AuthContext, entry: Omit<AuditEntry, 'orgId' | 'actor' | 'ip'>): Promise<void> {
  return recordAudit(db, { ...entry, orgId: auth.orgId, actor: { userId: auth.userId, apiKeyId: auth.apiKeyId }, ip: request.ip });
}

export interface AuditRow {
  id: string;
  at: Date;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  /** The exact time (microseconds) as text, for the page cursor; a JS Date would round it to milliseconds. */
  cursorAt: string;
}

/** Newest first; `before` (an entry's time and id) continues a page. */
export async function listAudit(db: Queryable, orgId: string, options: { limit: number; action?: string; before?: { at: string; id: string } }): Promise<AuditRow[]> {
  const params: unknown[] = [orgId, options.limit];
  let where = 'org_id = $1';
  if (options.action) { params.push(options.action); where += ` and action = $${params.length}`; }
  if (options.before) {
    params.push(options.before.at, options.before.id);
    where += ` and (at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
  }
  return db.query<AuditRow>(
    `select id, at, actor_user_id as "actorUserId", actor_api_key_id as "actorApiKeyId", action, target_type as "targetType",
            target_id as "targetId", details, ip, at::text as "cursorAt"
       from audit_log where ${where} order by at desc, id desc limit $2`, params);
}
