/**
 * Frontline view (seeds 001, 002: staff get concrete feedback on their own work): an employee
 * sees their own NPS, its monthly trend and the customers' recent words; a unit manager sees
 * the unit's figures and its people. Figures of a person (and anything a frontline user sees)
 * hide under the organisation's minGroupSize — metricReport suppresses them; words are shown
 * only for a person whose figures show, with personal data redacted.
 */
import type { Queryable } from '../db/connection.ts';
import type { AuthContext } from '../auth/permissions.ts';
import { forbidden, notFound } from '../errors.ts';
import { getOrganization } from '../orgs/service.ts';
import { metricReport } from '../metrics/service.ts';
import { redactPii } from '../text/redact.ts';

export const FRONTLINE_MONTHS = 12;

interface Figure { n: number | null; nps: number | null; ci95: [number, number] | null; suppressed: boolean }

const figure = (summary: Record<string, unknown>): Figure => ({
  n: typeof summary.n === 'number' ? summary.n : null,
  nps: typeof summary.nps === 'number' ? summary.nps : null,
  ci95: Array.isArray(summary.ci95) ? summary.ci95 as [number, number] : null,
  suppressed: summary.suppressed === true,
});

function sinceMonths(now: Date, months: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1)).toISOString();
}

async function trendOf(db: Queryable, auth: AuthContext, filters: { employeeId?: string; unitId?: string }, from: string) {
  const report = await metricReport(db, auth, { metric: 'nps', by: ['period'], interval: 'month', filters: { ...filters, from } });
  return {
    overall: figure(report.overall as Record<string, unknown>),
    minGroupSize: report.minGroupSize ?? null,
    trend: report.groups.map((g) => ({ month: String(g.key.period).slice(0, 7), ...figure(g as Record<string, unknown>) })),
  };
}

/** The customers' latest open answers about one employee, redacted. */
async function recentWords(db: Queryable, orgId: string, employeeId: string, limit = 10) {
  const rows = await db.query<{ submitted_at: Date; text: string; score: number | null }>(
    `select r.submitted_at, a.text,
            (select n.number from answers n join questions nq on nq.org_id = n.org_id and nq.id = n.question_id
              where n.org_id = r.org_id and n.response_id = r.id and nq.type = 'nps' limit 1) as score
       from responses r join answers a on a.org_id = r.org_id and a.response_id = r.id and a.text is not null
      where r.org_id = $1 and r.employee_id = $2 order by r.submitted_at desc limit $3`, [orgId, employeeId, limit]);
  return rows.map((r) => ({ at: new Date(r.submitted_at).toISOString(), score: r.score, text: redactPii(r.text) }));
}

/** The caller's own feedback: one entry per employee record linked to their login. */
export async function myFeedback(db: Queryable, auth: AuthContext, now: Date) {
  if (!auth.userId) throw forbidden('Your own feedback belongs to a signed-in person, not to an API key');
  const employees = await db.query<{ id: string; name: string; unit: string }>(
    `select e.id, e.name, u.name as unit from employees e join units u on u.org_id = e.org_id and u.id = e.unit_id
      where e.org_id = $1 and e.user_id = $2 order by e.name, e.id`, [auth.orgId, auth.userId]);
  // Seen as frontline staff see it, whatever the caller's role: person-level, so small counts hide.
  const own: AuthContext = { ...auth, scope: { kind: 'employees', employeeIds: employees.map((e) => e.id) } };
  const from = sinceMonths(now, FRONTLINE_MONTHS);
  return {
    months: FRONTLINE_MONTHS,
    employees: await Promise.all(employees.map(async (e) => {
      const figures = await trendOf(db, own, { employeeId: e.id }, from);
      return { employeeId: e.id, name: e.name, unit: e.unit, ...figures, words: figures.overall.suppressed ? [] : await recentWords(db, auth.orgId, e.id) };
    })),
  };
}

/** A unit's figures and its people's, for its manager (or anyone whose scope holds the unit). */
export async function unitFeedback(db: Queryable, auth: AuthContext, unitId: string, now: Date) {
  if (auth.scope.kind === 'employees') throw forbidden('The unit view is for unit managers and analysts');
  if (auth.scope.kind === 'units' && !auth.scope.unitIds.includes(unitId)) throw notFound('Unit', 'unitId');
  const [unit] = await db.query<{ name: string }>(`select name from units where org_id = $1 and id = $2`, [auth.orgId, unitId]);
  if (!unit) throw notFound('Unit', 'unitId');
  const org = await getOrganization(db, auth.orgId);
  const from = sinceMonths(now, FRONTLINE_MONTHS);
  const [figures, people] = await Promise.all([
    trendOf(db, auth, { unitId }, from),
    metricReport(db, auth, { metric: 'nps', by: ['employee'], interval: 'month', filters: { unitId, from } }),
  ]);
  return {
    unitId, name: unit.name, months: FRONTLINE_MONTHS, ...figures,
    /** People with fewer answers than this show no figures. */
    minGroupSize: org.minGroupSize,
    people: people.groups.filter((g) => g.key.employee !== null).map((g) => ({
      employeeId: g.key.employee, name: g.label.employee, ...figure(g as Record<string, unknown>),
    })).sort((a, b) => String(a.name).localeCompare(String(b.name))),
  };
}

/** The units the caller may open in the unit view. */
export async function viewableUnits(db: Queryable, auth: AuthContext) {
  if (auth.scope.kind === 'employees') return [];
  const rows = await db.query<{ id: string; name: string }>(`select id, name from units where org_id = $1 order by name, id`, [auth.orgId]);
  const scope = auth.scope;
  return scope.kind === 'units' ? rows.filter((u) => scope.unitIds.includes(u.id)) : rows;
}

