/**
 * Who may do what: the one permissions table of Kaiku. Routes name a permission in their
 * `config.permission`; the auth hook checks it against the caller's role or API-key scopes.
 * Data scoping (a unit manager sees only their unit subtree, frontline staff only their own
 * feedback) is applied by the queries through `AuthContext.scope`.
 */
export { roles, type Role } from '../vocabulary.ts';
import type { Role } from '../vocabulary.ts';
export const apiScopes = ['read', 'write', 'admin'] as const;
export type ApiScope = (typeof apiScopes)[number];

export const permissions = {
  'org:read': { roles: ['admin', 'analyst', 'unit_manager', 'frontline', 'viewer'], scopes: ['read', 'admin'] },
  'org:manage': { roles: ['admin'], scopes: ['admin'] },
  'users:manage': { roles: ['admin'], scopes: ['admin'] },
  // Who did what among admin actions and data exports (src/audit/).
  'audit:read': { roles: ['admin'], scopes: ['admin'] },
  'journeys:read': { roles: ['admin', 'analyst', 'unit_manager', 'frontline', 'viewer'], scopes: ['read', 'admin'] },
  'journeys:write': { roles: ['admin', 'analyst'], scopes: ['admin'] },
  'surveys:read': { roles: ['admin', 'analyst', 'unit_manager', 'viewer'], scopes: ['read', 'admin'] },
  'surveys:write': { roles: ['admin', 'analyst'], scopes: ['admin'] },
  'responses:read': { roles: ['admin', 'analyst', 'unit_manager', 'frontline'], scopes: ['read', 'admin'] },
  'responses:write': { roles: ['admin', 'analyst'], scopes: ['write', 'admin'] },
  // Contacts are personal data: org-wide roles only.
  'contacts:read': { roles: ['admin', 'analyst'], scopes: ['read', 'admin'] },
  'contacts:write': { roles: ['admin', 'analyst'], scopes: ['write', 'admin'] },
  'events:read': { roles: ['admin', 'analyst'], scopes: ['read', 'admin'] },
  'events:write': { roles: ['admin', 'analyst'], scopes: ['write', 'admin'] },
  // Pulse rules, waves, quarantine and the funnel: who gets asked, org-wide (contacts are personal data).
  'distribution:read': { roles: ['admin', 'analyst'], scopes: ['read', 'admin'] },
  'distribution:manage': { roles: ['admin', 'analyst'], scopes: ['admin'] },
  // Bulk exports hold every answer text and contact id: org-wide roles only.
  'exports:read': { roles: ['admin', 'analyst'], scopes: ['read', 'admin'] },
  'metrics:read': { roles: ['admin', 'analyst', 'unit_manager', 'frontline', 'viewer'], scopes: ['read', 'admin'] },
  // Cases: unit managers see their subtree, frontline staff their own feedback and cases (caseScope in src/loop/cases.ts).
  'cases:read': { roles: ['admin', 'analyst', 'unit_manager', 'frontline'], scopes: ['read', 'admin'] },
  'cases:write': { roles: ['admin', 'analyst', 'unit_manager', 'frontline'], scopes: ['write', 'admin'] },
  'rules:manage': { roles: ['admin', 'analyst'], scopes: ['admin'] },
  // Text topics, keyword rules and labelled examples: changing them re-analyses every text.
  'topics:manage': { roles: ['admin', 'analyst'], scopes: ['admin'] },
  'webhooks:manage': { roles: ['admin'], scopes: ['admin'] },
  // Widget site keys and kiosk links decide which web origins may post answers.
  'collectors:manage': { roles: ['admin', 'analyst'], scopes: ['admin'] },
  'actions:read': { roles: ['admin', 'analyst', 'unit_manager', 'viewer'], scopes: ['read', 'admin'] },
  'actions:write': { roles: ['admin', 'analyst'], scopes: ['write', 'admin'] },
  // The board report is the whole organisation: org-wide roles only.
  'reports:read': { roles: ['admin', 'analyst', 'viewer'], scopes: ['read', 'admin'] },
  'reports:manage': { roles: ['admin'], scopes: ['admin'] },
  // Churn risk lists named customers: org-wide roles and unit managers (contacts who answered in their units); training org-wide only.
  'churn:read': { roles: ['admin', 'analyst', 'unit_manager'], scopes: ['read', 'admin'] },
  'churn:train': { roles: ['admin', 'analyst'], scopes: ['admin'] },
  // Industry benchmark figures are the organisation's own imports.
  'benchmarks:manage': { roles: ['admin', 'analyst'], scopes: ['admin'] },
  // Erasing a contact, exporting everything about one and the retention policy (src/privacy/): admins only.
  'privacy:manage': { roles: ['admin'], scopes: ['admin'] },
  // A signed-in person's own notifications; API keys belong to no person.
  'notifications:read': { roles: ['admin', 'analyst', 'unit_manager', 'frontline', 'viewer'], scopes: [] },
} as const satisfies Record<string, { roles: readonly Role[]; scopes: readonly ApiScope[] }>;

export type Permission = keyof typeof permissions;

/** Rows a caller may see. `all` for org-wide roles; unit managers a subtree; frontline their employee records. */
export type DataScope =
  | { kind: 'all' }
  | { kind: 'units'; unitIds: string[] }
  | { kind: 'employees'; employeeIds: string[] };

export interface AuthContext {
  orgId: string;
  userId?: string;
  role?: Role;
  apiKeyId?: string;
  scopes?: ApiScope[];
  scope: DataScope;
  /** True for browser sessions (cookie), which need CSRF protection on writes. */
  viaCookie: boolean;
  /** An API key's own requests-per-minute limit (src/http/rate-limit.ts); unset = the default. */
  rateLimitPerMinute?: number;
}

export function allows(auth: AuthContext, permission: Permission): boolean {
  const rule = permissions[permission];
  if (auth.role) return (rule.roles as readonly Role[]).includes(auth.role);
  return (auth.scopes ?? []).some((s) => (rule.scopes as readonly ApiScope[]).includes(s));
}

/** Person-level views (by employee, or any view of a frontline user) hide small groups. */
export function isPersonLevel(auth: AuthContext, groupedBy: string | undefined): boolean {
  return groupedBy === 'employee' || auth.scope.kind === 'employees';
}
