/**
 * Who owns a new case. The organisation's directory (unit tree, unit managers, employees and
 * open-case counts) is loaded once per batch; choosing an owner is then a pure lookup, so a
 * batch of 500 matches costs a handful of queries, not 500.
 */
import type { Queryable } from '../db/connection.ts';
import type { Route } from './rules.ts';

export interface Owner {
  userId: string | null;
  unitId: string | null;
  /** How the owner was found, kept in the case's activity log. */
  routedBy: string;
  /**
   * Set when the owning unit had no manager of its own and the case went to a fallback owner:
   * the nearest ancestor unit's manager, or else the organisation's first active admin (CX admin).
   * Kept in the 'created' activity entry as `assignedByFallback`, shown on the case page.
   */
  assignedByFallback?: FallbackKind | null;
}

export type FallbackKind = 'parent_unit' | 'org_admin';

/** Rows the directory is built from (what Directory.load reads). */
export interface DirectoryRows {
  units: Array<{ id: string; parent_id: string | null }>;
  /** Active users, ordered by creation: the first manager of a unit and the first admin win. */
  users: Array<{ id: string; unit_id: string | null; role: string }>;
  touchpoints?: Array<{ id: string; owner_unit_id: string | null }>;
  employees?: Array<{ id: string; unit_id: string; user_id: string | null }>;
  open?: Array<{ owner_user_id: string; n: number }>;
}

export interface RoutableResponse {
  touchpointId: string | null;
  unitId: string | null;
  employeeId: string | null;
}

export class Directory {
  private parentOf = new Map<string, string | null>();
  private managerOfUnit = new Map<string, string>();
  private activeUsers = new Map<string, { unitId: string | null; role: string }>();
  private touchpointOwner = new Map<string, string | null>();
  private employees = new Map<string, { unitId: string; userId: string | null }>();
  private openCases = new Map<string, number>();
  private orgAdmins: string[] = [];

  static async load(db: Queryable, orgId: string, touchpointIds: string[], employeeIds: string[]): Promise<Directory> {
    const d = new Directory();
    const [units, users, touchpoints, employees, open] = await Promise.all([
      db.query<{ id: string; parent_id: string | null }>(`select id, parent_id from units where org_id = $1`, [orgId]),
      // The first active manager of a unit by creation is its manager for routing.
      db.query<{ id: string; unit_id: string | null; role: string }>(
        `select id, unit_id, role from users where org_id = $1 and disabled_at is null order by created_at, id`, [orgId]),
      touchpointIds.length ? db.query<{ id: string; owner_unit_id: string | null }>(
        `select id, owner_unit_id from touchpoints where org_id = $1 and id = any($2::uuid[])`, [orgId, touchpointIds]) : [],
      employeeIds.length ? db.query<{ id: string; unit_id: string; user_id: string | null }>(
        `select id, unit_id, user_id from employees where org_id = $1 and id = any($2::uuid[])`, [orgId, employeeIds]) : [],
      db.query<{ owner_user_id: string; n: number }>(
        `select owner_user_id, count(*)::int as n from cases where org_id = $1 and owner_user_id is not null
            and status not in ('resolved', 'closed') group by owner_user_id`, [orgId]),
    ]);
    return Directory.fromRows({ units, users, touchpoints, employees, open });
  }

  /** A directory from plain rows (no database), so routing can be tested as the pure lookup it is. */
  static fromRows(rows: DirectoryRows): Directory {
    const d = new Directory();
    for (const u of rows.units) d.parentOf.set(u.id, u.parent_id);
    for (const u of rows.users) {
      d.activeUsers.set(u.id, { unitId: u.unit_id, role: u.role });
      if (u.role === 'unit_manager' && u.unit_id && !d.managerOfUnit.has(u.unit_id)) d.managerOfUnit.set(u.unit_id, u.id);
      if (u.role === 'admin') d.orgAdmins.push(u.id);
    }
    for (const t of rows.touchpoints ?? []) d.touchpointOwner.set(t.id, t.owner_unit_id);
    for (const e of rows.employees ?? []) d.employees.set(e.id, { unitId: e.unit_id, userId: e.user_id });
    for (const o of rows.open ?? []) d.openCases.set(o.owner_user_id, o.n);
    return d;
  }

  /**
   * The fallback owner rule, so no case opens unassigned: the unit's own manager; else the
   * manager of the nearest ancestor unit that has one; else the organisation's CX admin (the
   * first active admin by creation). Null only when the organisation has none of these.
   */
  fallbackOwner(unitId: string | null): { userId: string | null; assignedByFallback: FallbackKind | null } {
    const own = unitId ? this.managerOfUnit.get(unitId) : undefined;
    if (own) return { userId: own, assignedByFallback: null };
    const ancestor = this.managerOf(unitId);
    if (ancestor) return { userId: ancestor, assignedByFallback: 'parent_unit' };
    const admin = this.orgAdmins[0];
    return admin ? { userId: admin, assignedByFallback: 'org_admin' } : { userId: null, assignedByFallback: null };
  }

  /** The unit and its ancestors, nearest first. */
  ancestry(unitId: string | null): string[] {
    const chain: string[] = [];
    for (let u = unitId; u && !chain.includes(u); u = this.parentOf.get(u) ?? null) chain.push(u);
    return chain;
  }

  /** The manager of the unit, or of the nearest unit above it that has one. */
  managerOf(unitId: string | null, except?: string | null): string | null {
    for (const unit of this.ancestry(unitId)) {
      const manager = this.managerOfUnit.get(unit);
      if (manager && manager !== except) return manager;
    }
    return null;
  }

  unitOfUser(userId: string): string | null {
    return this.activeUsers.get(userId)?.unitId ?? null;
  }

  isActiveUser(userId: string): boolean {
    return this.activeUsers.has(userId);
  }

  /** Escalation: the owner's unit manager, or the next manager up when the owner is that manager. */
  escalationTarget(ownerUserId: string | null, ownerUnitId: string | null): string | null {
    const unit = ownerUnitId ?? (ownerUserId ? this.unitOfUser(ownerUserId) : null);
    return this.managerOf(unit, ownerUserId);
  }

  private unitManagerRoute(unitId: string | null, routedBy: string): Owner {
    const { userId, assignedByFallback } = this.fallbackOwner(unitId);
    return { userId, unitId, routedBy, assignedByFallback };
  }

  owner(route: Route, response: RoutableResponse, kind: 'problem' | 'praise'): Owner {
    // Praise goes to the person it is about when the response names one (and their manager hears of it).
    if (kind === 'praise' && response.employeeId) return this.owner({ to: 'employee' }, response, 'problem');
    const owningUnit = (response.touchpointId ? this.touchpointOwner.get(response.touchpointId) : null) ?? response.unitId;
    switch (route.to) {
      case 'user':
        if (this.isActiveUser(route.userId)) return { userId: route.userId, unitId: this.unitOfUser(route.userId) ?? owningUnit, routedBy: 'user' };
        return this.unitManagerRoute(owningUnit, 'touchpoint_owner (named user inactive)');
      case 'round_robin': {
        const members = [...this.activeUsers].filter(([, u]) => u.unitId === route.unitId && u.role !== 'viewer').map(([id]) => id);
        if (members.length === 0) return this.unitManagerRoute(route.unitId, 'round_robin (no active users: unit manager)');
        // Fewest open cases first; ties in a stable order, so equal users take turns.
        let chosen = members[0];
        for (const id of members) if ((this.openCases.get(id) ?? 0) < (this.openCases.get(chosen) ?? 0)) chosen = id;
        this.openCases.set(chosen, (this.openCases.get(chosen) ?? 0) + 1);
        return { userId: chosen, unitId: route.unitId, routedBy: 'round_robin' };
      }
      case 'employee': {
        const employee = response.employeeId ? this.employees.get(response.employeeId) : undefined;
        if (employee?.userId && this.isActiveUser(employee.userId)) return { userId: employee.userId, unitId: employee.unitId, routedBy: 'employee' };
        return this.unitManagerRoute(employee?.unitId ?? response.unitId, 'employee (unit manager)');
      }
      case 'touchpoint_owner':
        return this.unitManagerRoute(owningUnit, 'touchpoint_owner');
    }
  }
}
