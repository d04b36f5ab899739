/**
 * Closing a problem case records why it happened and how the customer came out of it: a root
 * cause from the organisation's own list (`root_cause_codes`, managed at /app/setup/root-causes
 * and /api/v1/root-causes) and a recovery outcome. updateCase (cases.ts) refuses a close
 * without both; closeCase steps an open case through resolved to closed in one call. The loop
 * page counts closed cases by both (closedCaseBreakdown).
 */
import type { Queryable } from '../db/connection.ts';
import type { AuthContext } from '../auth/permissions.ts';
import { badInput, conflict, notFound } from '../errors.ts';
import { unitSubtreeSql } from '../metrics/queries.ts';
import { updateRootCauseCode } from './configure.ts';
import { caseScope, recoveryOutcomes, updateCase, visibleCase, type CaseStatus, type LoopDeps, type RecoveryOutcome } from './cases.ts';

export { recoveryOutcomes, type RecoveryOutcome };
export const isRecoveryOutcome = (v: unknown): v is RecoveryOutcome => (recoveryOutcomes as readonly unknown[]).includes(v);

export interface RootCause { code: string; labels: Record<string, string>; active: boolean; cases: number }

/** A cause's name in a language: that language's label, else the first one given, else the code. */
export const rootCauseName = (labels: Record<string, string> | null | undefined, language: string, code: string) =>
  labels?.[language] ?? Object.values(labels ?? {})[0] ?? code;

export async function listRootCauses(db: Queryable, orgId: string): Promise<RootCause[]> {
  return db.query<RootCause>(
    `select r.code, r.labels, r.active, (select count(*)::int from cases c where c.org_id = r.org_id and c.root_cause_code = r.code) as cases
       from root_cause_codes r where r.org_id = $1 order by r.active desc, r.code`, [orgId]);
}

/** A code from a name ('Billing error' → 'billing-error'); the page never shows it. */
export function codeFromName(name: string): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50);
  return /^[a-z0-9]/.test(slug) ? slug : `cause${slug ? `-${slug}` : ''}`;
}

/** Adds a cause named in one or more languages; the code is made from the first name, numbered when taken. */
export async function addRootCause(db: Queryable, orgId: string, labels: Record<string, string>): Promise<string> {
  const first = Object.values(labels)[0];
  if (!first) throw badInput('give a name in at least one language', 'labels');
  const base = codeFromName(first);
  for (let n = 1; n < 100; n++) {
    const code = n === 1 ? base : `${base}-${n}`;
    const [row] = await db.query<{ code: string }>(
      `insert into root_cause_codes (org_id, code, labels, active) values ($1, $2, $3, true) on conflict do nothing returning code`, [orgId, code, JSON.stringify(labels)]);
    if (row) return row.code;
  }
  throw conflict('too many root causes with this name', 'labels');
}

export async function renameRootCause(db: Queryable, orgId: string, code: string, labels: Record<string, string>) {
  if (Object.keys(labels).length === 0) throw badInput('give a name in at least one language', 'labels');
  if (!(await updateRootCauseCode(db, orgId, code, { labels }))) throw notFound('Root-cause code', 'code');
}

export async function setRootCauseActive(db: Queryable, orgId: string, code: string, active: boolean) {
  if (!(await updateRootCauseCode(db, orgId, code, { active }))) throw notFound('Root-cause code', 'code');
}

export interface CloseInput { rootCauseCode?: string | null; recoveryOutcome?: string | null; resolution?: string | null }

/**
 * Closes a case from any open status, stepping through the allowed transitions; the root cause,
 * outcome and (unless already resolved) resolution are checked before anything changes.
 */
export async function closeCase(deps: LoopDeps, auth: AuthContext, id: string, input: CloseInput) {
  const current = await visibleCase(deps.db, auth, id);
  if (current.status === 'closed') throw conflict('The case is already closed', 'status');
  if (current.kind === 'problem' || input.rootCauseCode || input.recoveryOutcome) {
    if (!input.rootCauseCode) throw badInput('A root cause is required to close a case', 'rootCauseCode');
    const [code] = await deps.db.query(`select 1 from root_cause_codes where org_id = $1 and code = $2 and active`, [auth.orgId, input.rootCauseCode]);
    if (!code) throw badInput('rootCauseCode is not an active root-cause code of this organisation', 'rootCauseCode');
    if (!isRecoveryOutcome(input.recoveryOutcome)) throw badInput(`A recovery outcome is required to close a case: one of ${recoveryOutcomes.join(', ')}`, 'recoveryOutcome');
  }
  const resolution = input.resolution?.trim() ? input.resolution : current.resolution;
  if (current.status !== 'resolved' && !resolution?.trim()) throw badInput('A resolution summary is required to resolve a case', 'resolution');
  const steps: Record<Exclude<CaseStatus, 'closed'>, CaseStatus[]> = { new: ['in_progress', 'resolved'], in_progress: ['resolved'], waiting_customer: ['resolved'], resolved: [] };
  for (const step of steps[current.status as Exclude<CaseStatus, 'closed'>]) {
    await updateCase(deps, auth, id, { status: step, ...(step === 'resolved' ? { resolution } : {}) });
  }
  return updateCase(deps, auth, id, {
    status: 'closed',
    ...(input.rootCauseCode ? { rootCauseCode: input.rootCauseCode } : {}),
    ...(isRecoveryOutcome(input.recoveryOutcome) ? { recoveryOutcome: input.recoveryOutcome } : {}),
  });
}

export interface ClosedBreakdown {
  closed: number;
  /** code null: closed before root causes were required. */
  byRootCause: Array<{ code: string | null; labels: Record<string, string> | null; cases: number }>;
  byOutcome: Array<{ outcome: RecoveryOutcome | null; cases: number }>;
}

/** Problem cases closed in [from, to) in the caller's scope, by root cause and by recovery outcome, most first. */
export async function closedCaseBreakdown(db: Queryable, auth: AuthContext, q: { from?: string; to?: string; unitId?: string }): Promise<ClosedBreakdown> {
  const params: unknown[] = [auth.orgId];
  const add = (v: unknown) => { params.push(v); return `$${params.length}`; };
  let where = ` and c.kind = 'problem' and c.status = 'closed'${caseScope(auth, params)}`;
  if (q.from) where += ` and c.closed_at >= ${add(q.from)}::timestamptz`;
  if (q.to) where += ` and c.closed_at < ${add(q.to)}::timestamptz`;
  if (q.unitId) {
    const units = unitSubtreeSql('$1', `${add(q.unitId)}::uuid`);
    where += ` and (c.unit_id in (${units}) or c.owner_unit_id in (${units}))`;
  }
  const [byRootCause, byOutcome] = await Promise.all([
    db.query<{ code: string | null; labels: Record<string, string> | null; cases: number }>(
      `select c.root_cause_code as code, r.labels, count(*)::int as cases from cases c
         left join root_cause_codes r on r.org_id = c.org_id and r.code = c.root_cause_code
        where c.org_id = $1${where} group by c.root_cause_code, r.labels order by 3 desc, 1 nulls last`, params),
    db.query<{ outcome: RecoveryOutcome | null; cases: number }>(
      `select c.recovery_outcome as outcome, count(*)::int as cases from cases c where c.org_id = $1${where} group by 1 order by 2 desc, 1 nulls last`, params),
  ]);
  return { closed: byOutcome.reduce((sum, r) => sum + r.cases, 0), byRootCause, byOutcome };
}
