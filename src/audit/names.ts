/** The names behind an audit page's ids (people and API keys of the organisation), so the page says who, not which id. */
import type { Queryable } from '../db/connection.ts';
import { UUID } from '../vocabulary.ts';

export interface AuditNames { users: Map<string, string>; apiKeys: Map<string, string> }

export async function auditNames(db: Queryable, orgId: string, userIds: string[], apiKeyIds: string[]): Promise<AuditNames> {
  const [users, keys] = await Promise.all([
    db.query<{ id: string; name: string }>(`select id, name from users where org_id = $1 and id = any($2::uuid[])`, [orgId, [...new Set(userIds.filter((id) => UUID.test(id)))]]),
    db.query<{ id: string; name: string }>(`select id, name from api_keys where org_id = $1 and id = any($2::uuid[])`, [orgId, [...new Set(apiKeyIds.filter((id) => UUID.test(id)))]]),
  ]);
  return { users: new Map(users.map((u) => [u.id, u.name])), apiKeys: new Map(keys.map((k) => [k.id, k.name])) };
}
