/**
 * Experience linked to money (seed 003: companies with NPS above 50 earn about twice the
 * average): revenue, margin or any numeric operational figure, and the churn rate, by NPS
 * category. Each contact counts once, in the category of their latest NPS answer in the slice;
 * the figures come from their operational data (contacts.operational).
 */
import type { Queryable } from '../db/connection.ts';
import { isPersonLevel, type AuthContext } from '../auth/permissions.ts';
import { badInput } from '../errors.ts';
import { compareMeans, compareProportions } from '../metrics/compare.ts';
import { studentTQuantile } from '../metrics/distributions.ts';
import { notResurvey, responseConditions, type MetricFilters } from '../metrics/queries.ts';
import { wilsonInterval } from '../metrics/scores.ts';
import { getOrganization } from '../orgs/service.ts';

export const npsCategories = ['promoter', 'passive', 'detractor'] as const;
export type NpsCategory = (typeof npsCategories)[number];

export interface OutcomeRequest {
  /** Numeric operational keys (revenue, margin…). */
  values: string[];
  /** Operational key of the churned flag; null = no churn figures. */
  churn: string | null;
  filters: MetricFilters;
}

interface CategoryRow {
  category: NpsCategory | 'all';
  contacts: number;
  churnN: number;
  churned: number;
  [key: string]: number | string | null;
}

/** A mean with its Student-t 95 % interval; null figures when n is too small. */
function meanWithInterval(n: number, mean: number | null, sd: number | null) {
  if (n === 0 || mean === null) return { n, mean: null, sd: null, se: null, ci95: null };
  if (n < 2 || sd === null) return { n, mean, sd: null, se: null, ci95: null };
  const se = sd / Math.sqrt(n);
  const t = studentTQuantile(0.975, n - 1);
  return { n, mean, sd, se, ci95: [mean - t * se, mean + t * se] as [number, number] };
}

/** The churned flag as 1 / 0 / null, read as churn training reads it (churnFlags in src/churn/service.ts). */
const churnFlagSql = (p: string) => `case jsonb_typeof(c.operational -> ${p})
      when 'boolean' then (c.operational ->> ${p})::boolean::int
      when 'number' then case c.operational ->> ${p} when '1' then 1 when '0' then 0 end
      when 'string' then case when lower(c.operational ->> ${p}) in ('true', 'yes', 'y', '1') then 1 when lower(c.operational ->> ${p}) in ('false', 'no', 'n', '0') then 0 end
    end`;

/**
 * Per NPS category (and for all contacts together): contacts, for each value key the mean with
 * its 95 % t-interval and its ratio to the overall mean, and the churn rate with its Wilson
 * interval and ratio to the overall rate; promoters against detractors by Welch's t-test and the
 * two-proportion z-test. Aggregated in SQL: O(categories) rows cross the wire.
 */
export async function outcomesByNpsCategory(db: Queryable, auth: AuthContext, request: OutcomeRequest) {
  if (request.values.length === 0 && !request.churn) throw badInput('Name at least one value (revenue, margin…) or a churn flag', 'values');
  const org = await getOrganization(db, auth.orgId);
  const params: unknown[] = [auth.orgId];
  const shared = responseConditions(request.filters, auth.scope, params);
  const keyParams = request.values.map((key) => { params.push(key); return `$${params.length}::text`; });
  let churnParam: string | null = null;
  if (request.churn) { params.push(request.churn); churnParam = `$${params.length}::text`; }
  const valueSql = (p: string) => `case when jsonb_typeof(c.operational -> ${p}) = 'number' then (c.operational ->> ${p})::float8 end`;
  const columns = [
    ...keyParams.flatMap((p, i) => [
      `count(v${i})::int as n${i}`, `avg(v${i}) as mean${i}`, `stddev_samp(v${i}) as sd${i}`,
    ]),
    'count(churn)::int as "churnN"', 'coalesce(sum(churn), 0)::int as churned',
  ];
  const rows = await db.query<CategoryRow>(
    `with latest as (
       select distinct on (r.contact_id) r.contact_id, a.number as score
         from responses r
         join answers a on a.org_id = r.org_id and a.response_id = r.id and a.number is not null
         join questions q on q.org_id = a.org_id and q.id = a.question_id and q.type = 'nps'
         ${shared.needsTouchpoint ? 'left join touchpoints t on t.org_id = r.org_id and t.id = r.touchpoint_id' : ''}
        where ${['r.org_id = $1', 'r.contact_id is not null', notResurvey(), ...shared.conditions].join(' and ')}
        order by r.contact_id, r.submitted_at desc, r.id desc
     ), joined as (
       select case when l.score >= 9 then 'promoter' when l.score >= 7 then 'passive' else 'detractor' end as category,
              ${[...keyParams.map((p, i) => `${valueSql(p)} as v${i}`), `${churnParam ? churnFlagSql(churnParam) : 'null::int'} as churn`].join(', ')}
         from latest l join contacts c on c.org_id = $1 and c.id = l.contact_id
     )
     select coalesce(category, 'all') as category, count(*)::int as contacts, ${columns.join(', ')}
       from joined group by rollup (category)`,
    params);
  const byCategory = new Map(rows.map((r) => [r.category, r]));
  const all = byCategory.get('all');
  const total = all?.contacts ?? 0;
  if (total === 0) throw badInput('No contact in this slice has answered an NPS question; link responses to contacts (contactId) first', 'filters');
  const personLevel = isPersonLevel(auth, request.filters.employeeId ? 'employee' : undefined);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

  const figures = (row: CategoryRow | undefined) => {
    const contacts = row?.contacts ?? 0;
    const values = Object.fromEntries(request.values.map((key, i) => [key, meanWithInterval(Number(row?.[`n${i}`] ?? 0), num(row?.[`mean${i}`]), num(row?.[`sd${i}`]))]));
    const churnN = row?.churnN ?? 0;
    const churned = row?.churned ?? 0;
    const churn = request.churn ? { n: churnN, churned, rate: churnN > 0 ? churned / churnN : null, ci95: wilsonInterval(churned, churnN) } : null;
    return { contacts, values, churn };
  };
  const overall = figures(all);
  const ratio = (x: number | null, base: number | null) => (x === null || base === null || base === 0 ? null : x / base);
  const categories = npsCategories.map((category) => {
    const f = figures(byCategory.get(category));
    const suppressed = personLevel && f.contacts < org.minGroupSize;
    if (suppressed) return { category, contacts: null, share: null, suppressed: true, values: null, churn: null };
    return {
      category,
      contacts: f.contacts,
      share: f.contacts / total,
      suppressed: false,
      values: Object.fromEntries(request.values.map((key) => [key, { ...f.values[key], ratioToAverage: ratio(f.values[key].mean, overall.values[key].mean) }])),
      churn: f.churn && { ...f.churn, ratioToAverage: ratio(f.churn.rate, overall.churn!.rate) },
    };
  });
  const promoters = figures(byCategory.get('promoter'));
  const detractors = figures(byCategory.get('detractor'));
  const warnings: string[] = [];
  for (const key of request.values) {
    if (overall.values[key].n === 0) warnings.push(`No contact in the slice has a numeric "${key}" in its operational data`);
  }
  if (request.churn && overall.churn!.n === 0) warnings.push(`No contact in the slice has the churn flag "${request.churn}" (true/false, 1/0, yes/no)`);
  const small = categories.filter((c) => c.contacts !== null && c.contacts < 30).map((c) => c.category);
  if (small.length) warnings.push(`Fewer than 30 contacts among ${small.join(', ')}: intervals are wide`);
  return {
    basis: 'Each contact counted once, in the category of their latest NPS answer in the slice (promoter 9–10, passive 7–8, detractor 0–6)',
    contacts: total,
    overall,
    categories,
    promotersVsDetractors: personLevel && Math.min(promoters.contacts, detractors.contacts) < org.minGroupSize ? null : {
      values: Object.fromEntries(request.values.map((key) => [key, { ...compareMeans(promoters.values[key], detractors.values[key]), test: 'Welch t-test' }])),
      churn: request.churn ? { ...compareProportions(promoters.churn!.churned, promoters.churn!.n, detractors.churn!.churned, detractors.churn!.n), test: 'two-proportion z-test' } : null,
    },
    warnings,
  };
}
