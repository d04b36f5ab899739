/**
 * The organisation's closed-loop set-up as operations: alert rules and root-cause codes, each
 * validated as the API validates it. The HTTP routes (routes.ts) and the demo seed call these.
 */
import type { Queryable } from '../db/connection.ts';
import { badInput, conflict } from '../errors.ts';
import { validateCondition, validateRoute, type Condition, type Route } from './rules.ts';

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

/** A stored rule as the API answers it. */
export interface AlertRule {
  id: string; name: string; enabled: boolean; kind: 'problem' | 'praise'; condition: Condition; route: Route; priority: string; slaHours: number;
  createdAt: Date; updatedAt: Date;
}
/** Every field of a rule but its id and times: what is inserted, and what a change may hold. */
export type AlertRuleFields = Omit<AlertRule, 'id' | 'createdAt' | 'updatedAt'>;

export const listAlertRules = (db: Queryable, orgId: string) =>
  db.query<AlertRule>(`select ${ruleColumns} from alert_rules where org_id = $1 order by created_at, id`, [orgId]);

export async function findAlertRule(db: Queryable, orgId: string, id: string): Promise<AlertRule | undefined> {
  const [rule] = await db.query<AlertRule>(`select ${ruleColumns} from alert_rules where org_id = $1 and id = $2`, [orgId, id]);
  return rule;
}

/** The one insert of a rule (the API and the builder pages); the caller has validated condition and route. */
export async function insertAlertRule(db: Queryable, orgId: string, rule: AlertRuleFields): Promise<AlertRule> {
  const [row] = await db.query<AlertRule>(
    `insert into alert_rules (org_id, name, enabled, kind, condition, route, priority, sla_hours) values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${ruleColumns}`,
    [orgId, rule.name, rule.enabled, rule.kind, JSON.stringify(rule.condition), JSON.stringify(rule.route), rule.priority, rule.slaHours]);
  return row;
}

/**
 * The one update of a rule (the API and the builder pages): fields left out keep their values;
 * the caller has validated condition and route. Undefined when there is no such rule.
 */
export async function writeAlertRule(db: Queryable, orgId: string, id: string, change: Partial<AlertRuleFields>): Promise<AlertRule | undefined> {
  const [rule] = await db.query<AlertRule>(
    `update alert_rules set name = coalesce($3, name), enabled = coalesce($4, enabled), kind = coalesce($5::case_kind, kind),
            condition = coalesce($6::jsonb, condition), route = coalesce($7::jsonb, route), priority = coalesce($8::case_priority, priority),
            sla_hours = coalesce($9, sla_hours), updated_at = now()
      where org_id = $1 and id = $2 returning ${ruleColumns}`,
    [orgId, id, change.name ?? null, change.enabled ?? null, change.kind ?? null, change.condition ? JSON.stringify(change.condition) : null,
      change.route ? JSON.stringify(change.route) : null, change.priority ?? null, change.slaHours ?? null]);
  return rule;
}

/** Validates the condition and route a change gives (as createAlertRule does), then applies it. */
export async function updateAlertRule(db: Queryable, orgId: string, id: string, change: Partial<AlertRuleInput>): Promise<AlertRule | undefined> {
  const condition = 'condition' in change ? validateCondition(change.condition) : undefined;
  let route: Route | undefined;
  if ('route' in change) {
    route = validateRoute(change.route);
    await checkRuleReferences(db, orgId, route);
  }
  const { name, enabled, kind, priority, slaHours } = change;
  return writeAlertRule(db, orgId, id, { name, enabled, kind, condition, route, priority, slaHours });
}

/** Cases keep their rule id as history; false when there is no such rule. */
export async function removeAlertRule(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const rows = await db.query(`delete from alert_rules where org_id = $1 and id = $2 returning id`, [orgId, id]);
  return rows.length > 0;
}

/** Stores a rule after validating its condition and route; praise goes to the employee, problems to the touchpoint's owner unless routed. */
export async function createAlertRule(db: Queryable, orgId: string, input: AlertRuleInput) {
  const condition = validateCondition(input.condition);
  const kind = input.kind ?? 'problem';
  const route = validateRoute(input.route ?? (kind === 'praise' ? { to: 'employee' } : { to: 'touchpoint_owner' }));
  await checkRuleReferences(db, orgId, route);
  return insertAlertRule(db, orgId, { name: input.name, enabled: input.enabled ?? true, kind, condition, route, priority: input.priority ?? 'normal', slaHours: input.slaHours ?? 24 });
}

export interface RootCauseInput { code: string; labels: Record<string, string>; active?: boolean }

export async function createRootCauseCode(db: Queryable, orgId: string, input: RootCauseInput) {
  const [row] = await db.query<RootCauseCode>(
    `insert into root_cause_codes (org_id, code, labels, active) values ($1, $2, $3, $4) on conflict do nothing returning code, labels, active`,
    [orgId, input.code, JSON.stringify(input.labels), input.active ?? true]);
  if (!row) throw conflict('A root-cause code with this code exists', 'code');
  return row;
}

export interface RootCauseCode { code: string; labels: Record<string, string>; active: boolean }

export const listRootCauseCodes = (db: Queryable, orgId: string) =>
  db.query<RootCauseCode>(`select code, labels, active from root_cause_codes where org_id = $1 order by code`, [orgId]);

/** The one update of a root-cause code (the API and the root-cause pages): fields left out keep their values; undefined when there is no such code. */
export async function updateRootCauseCode(db: Queryable, orgId: string, code: string, change: { labels?: Record<string, string>; active?: boolean }): Promise<RootCauseCode | undefined> {
  const [row] = await db.query<RootCauseCode>(
    `update root_cause_codes set labels = coalesce($3::jsonb, labels), active = coalesce($4, active) where org_id = $1 and code = $2 returning code, labels, active`,
    [orgId, code, change.labels ? JSON.stringify(change.labels) : null, change.active ?? null]);
  return row;
}

/** Deletes a code no case uses (409 otherwise: deactivate it instead); false when there is no such code. */
export async function removeRootCauseCode(db: Queryable, orgId: string, code: string): Promise<boolean> {
  const [used] = await db.query(`select 1 from cases where org_id = $1 and root_cause_code = $2 limit 1`, [orgId, code]);
  if (used) throw conflict('Cases use this root-cause code; deactivate it instead (active: false)', 'code');
  const rows = await db.query(`delete from root_cause_codes where org_id = $1 and code = $2 returning code`, [orgId, code]);
  return rows.length > 0;
}
