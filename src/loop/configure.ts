/**
 * The organisation's closed-loop set-up as operations: alert rules and root-cause codes, each
 * validated as the API validates it. The HTTP routes (routes.ts) and the demo seed call these.
 */
import type { Queryable } from '../db/connection.ts';
import { badInput, conflict } from '../errors.ts';
import { validateCondition, validateRoute, type Route } from './rules.ts';

/** A rule's references must exist in the organisation, named by their path. */
export async function checkRuleReferences(db: Queryable, orgId: string, route: Route) {
  if (route.to === 'user') {
    const [user] = await db.query(`select 1 from users where org_id = $1 and id = $2 and disabled_at is null`, [orgId, route.userId]);
    if (!user) throw badInput('is not an active user of this organisation', 'route.userId');
  }
  if (route.to === 'round_robin') {
    const [unit] = await db.query(`select 1 from units where org_id = $1 and id = $2`, [orgId, route.unitId]);
    if (!unit) throw badInput('is not a unit of this organisation', 'route.unitId');
  }
}

export const ruleColumns = `id, name, enabled, kind, condition, route, priority, sla_hours as "slaHours", created_at as "createdAt", updated_at as "updatedAt"`;

export interface AlertRuleInput {
  name: string;
  enabled?: boolean;
  kind?: 'problem' | 'praise';
  condition: unknown;
  route?: unknown;
  priority?: string;
  slaHours?: number;
}

/** Stores a rule after validating its condition and route; praise goes to the employee, problems to the touchpoint's owner unless routed. */
export async function createAlertRule(db: Queryable, orgId: string, input: AlertRuleInput) {
  const condition = validateCondition(input.condition);
  const kind = input.kind ?? 'problem';
  const route = validateRoute(input.route ?? (kind === 'praise' ? { to: 'employee' } : { to: 'touchpoint_owner' }));
  await checkRuleReferences(db, orgId, route);
  const [rule] = await db.query<Record<string, unknown> & { id: string }>(
    `insert into alert_rules (org_id, name, enabled, kind, condition, route, priority, sla_hours) values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${ruleColumns}`,
    [orgId, input.name, input.enabled ?? true, kind, JSON.stringify(condition), JSON.stringify(route), input.priority ?? 'normal', input.slaHours ?? 24]);
  return rule;
}

export interface RootCauseInput { code: string; labels: Record<string, string>; active?: boolean }

export async function createRootCauseCode(db: Queryable, orgId: string, input: RootCauseInput) {
  const [row] = await db.query<{ code: string; labels: Record<string, string>; active: boolean }>(
    `insert into root_cause_codes (org_id, code, labels, active) values ($1, $2, $3, $4) on conflict do nothing returning code, labels, active`,
    [orgId, input.code, JSON.stringify(input.labels), input.active ?? true]);
  if (!row) throw conflict('A root-cause code with this code exists', 'code');
  return row;
}
