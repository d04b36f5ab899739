/**
 * Score histograms per group, straight from the answers. The summaries (NPS, CSAT…) are
 * computed from these in scores.ts, so a query returns O(groups × scale points) rows.
 */
import type { Queryable } from '../db/connection.ts';
import type { ScoreHistogram } from './scores.ts';
import { rollupHistogramRows } from './rollups.ts';

// The slice vocabulary and WHERE builder live in slice.ts (rollups.ts shares them without importing this file).
export {
  dimensions, intervals, metrics, notResurvey, questionTypeOf, responseConditions, unitSubtreeSql,
  type Dimension, type HistogramQuery, type HistogramRow, type Interval, type Metric, type MetricFilters,
} from './slice.ts';
import type { Dimension, HistogramQuery, HistogramRow, Interval } from './slice.ts';
import { notResurvey, questionTypeOf, responseConditions } from './slice.ts';

export interface GroupHistogram {
  key: Record<string, string | null>;
  histogram: ScoreHistogram;
}

function dimensionSql(dimension: Dimension, interval: Interval, tzParam: string): string {
  switch (dimension) {
    case 'period': return `to_char(date_trunc('${interval}', r.submitted_at at time zone ${tzParam}), 'YYYY-MM-DD')`;
    case 'journey': return 't.journey_id::text';
    case 'stage': return 't.stage_id::text';
    case 'touchpoint': return 'r.touchpoint_id::text';
    case 'channel': return 'r.channel::text';
    case 'unit': return 'r.unit_id::text';
    case 'employee': return 'r.employee_id::text';
    case 'segment': return 'r.segment';
    case 'language': return 'r.language';
    case 'survey': return 'r.survey_id::text';
    case 'question': return 'a.question_id::text';
  }
}

/**
 * Score histograms per group: from the rollup where it keeps the query's dimensions and
 * filters (src/metrics/rollups.ts), plus the answers of any partial day at the ends of the
 * range; otherwise straight from the answers. Both give the same numbers (rollups.it.test.ts).
 */
export async function scoreHistograms(db: Queryable, query: HistogramQuery): Promise<GroupHistogram[]> {
  const rollup = await rollupHistogramRows(db, query);
  if (!rollup) return histogramGroups(query.by, await answerHistogramRows(db, query));
  const groups = new Groups(query.by);
  for (const g of rollup.groups) groups.addCounts(g.values, g.counts, g.dontKnow);
  for (const filters of rollup.answerSlices) for (const row of await answerHistogramRows(db, { ...query, filters })) groups.addRow(row);
  return groups.sorted();
}

/** Score histograms straight from the answers. */
export async function answerHistograms(db: Queryable, query: HistogramQuery): Promise<GroupHistogram[]> {
  return histogramGroups(query.by, await answerHistogramRows(db, query));
}

async function answerHistogramRows(db: Queryable, query: HistogramQuery): Promise<HistogramRow[]> {
  const params: unknown[] = [query.orgId, questionTypeOf[query.metric]];
  const add = (value: unknown) => { params.push(value); return `$${params.length}`; };
  const shared = responseConditions(query.filters, query.scope, params);
  const where: string[] = ['a.org_id = $1', 'q.type = $2', notResurvey(), ...shared.conditions];
  if (query.filters.questionId) where.push(`a.question_id = ${add(query.filters.questionId)}::uuid`);

  const tz = query.by.includes('period') ? `${add(query.timeZone)}::text` : '';
  const dims = query.by.map((d) => dimensionSql(d, query.interval, tz));
  const select = dims.map((sql, i) => `${sql} as g${i}`);
  const needsTouchpoint = query.by.some((d) => d === 'journey' || d === 'stage') || shared.needsTouchpoint;
  return db.query<HistogramRow>(
    `select ${[...select, 'a.number as v', 'a.dont_know as dk', 'count(*)::int as c'].join(', ')}
       from answers a
       join questions q on q.org_id = a.org_id and q.id = a.question_id
       join responses r on r.org_id = a.org_id and r.id = a.response_id
       ${needsTouchpoint ? 'left join touchpoints t on t.org_id = r.org_id and t.id = r.touchpoint_id' : ''}
      where ${where.join(' and ')} and (a.number is not null or a.dont_know)
      group by ${[...dims.map((_, i) => `g${i}`), 'v', 'dk'].join(', ')}`, params);
}

/** What `localeCompare` without arguments compares by, made once instead of per comparison. */
const keyOrder = new Intl.Collator();

/** Histograms per group, added up from rows of the answers and from the rollup's groups. */
class Groups {
  /** By JSON of the key, which is also the order the groups are returned in. */
  private readonly groups = new Map<string, GroupHistogram>();
  constructor(private readonly by: Dimension[]) {}

  private group(value: (i: number) => string | null | undefined): GroupHistogram {
    const key: Record<string, string | null> = {};
    this.by.forEach((d, i) => { key[d] = value(i) ?? null; });
    const id = JSON.stringify(key);
    let group = this.groups.get(id);
    if (!group) { group = { key, histogram: { counts: [], dontKnow: 0 } }; this.groups.set(id, group); }
    return group;
  }

  addRow(row: HistogramRow): void {
    const { histogram } = this.group((i) => row[`g${i}`]);
    if (row.dk) histogram.dontKnow += row.c;
    else if (row.v !== null) {
      const v = Math.round(row.v);
      histogram.counts[v] = (histogram.counts[v] ?? 0) + row.c;
    }
  }

  addCounts(values: Array<string | null>, counts: number[], dontKnow: number): void {
    const { histogram } = this.group((i) => values[i]);
    counts.forEach((c, v) => { if (c !== 0) histogram.counts[v] = (histogram.counts[v] ?? 0) + c; });
    histogram.dontKnow += dontKnow;
  }

  /** One histogram per group, scores without answers as 0 up to the highest with, in key order. */
  sorted(): GroupHistogram[] {
    for (const g of this.groups.values()) {
      for (let i = 0; i < g.histogram.counts.length; i++) g.histogram.counts[i] ??= 0;
    }
    return [...this.groups.entries()].sort((a, b) => keyOrder.compare(a[0], b[0])).map(([, g]) => g);
  }
}

/** Rows → one histogram per group (rows of the same group and score are added), in key order. */
function histogramGroups(by: Dimension[], rows: HistogramRow[]): GroupHistogram[] {
  const groups = new Groups(by);
  for (const row of rows) groups.addRow(row);
  return groups.sorted();
}

const labelTables: Partial<Record<Dimension, string>> = {
  journey: 'journeys', stage: 'stages', touchpoint: 'touchpoints', unit: 'units', employee: 'employees', survey: 'surveys',
};

/**
 * Dimensions an organisation has few of (tens to hundreds): their names can be read whole
 * alongside the histograms (`allLabels`) rather than after them, which saves the dashboard and
 * API reads a round trip.
 */
export const fewPerOrganisation: ReadonlySet<Dimension> = new Set(['journey', 'stage', 'touchpoint', 'survey', 'question']);

/** Display names of every journey, stage, touchpoint, survey or question (key) of the organisation in `by`. */
export async function allLabels(db: Queryable, orgId: string, by: Dimension[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  await Promise.all(by.filter((d) => fewPerOrganisation.has(d)).map(async (dimension) => {
    const rows = dimension === 'question'
      ? await db.query<{ id: string; name: string }>(`select id::text, key as name from questions where org_id = $1`, [orgId])
      : await db.query<{ id: string; name: string }>(`select id::text, name from ${labelTables[dimension]} where org_id = $1`, [orgId]);
    rows.forEach((r) => labels.set(r.id, r.name));
  }));
  return labels;
}

/** Display names for the ids in group keys, one query per dimension used. */
export async function groupLabels(db: Queryable, orgId: string, groups: GroupHistogram[], by: Dimension[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  for (const dimension of by) {
    const ids = [...new Set(groups.map((g) => g.key[dimension]).filter((v): v is string => v !== null))];
    if (ids.length === 0) continue;
    if (dimension === 'question') {
      const rows = await db.query<{ id: string; key: string }>(`select id::text, key from questions where org_id = $1 and id = any($2::uuid[])`, [orgId, ids]);
      rows.forEach((r) => labels.set(r.id, r.key));
      continue;
    }
    const table = labelTables[dimension];
    if (!table) continue;
    const rows = await db.query<{ id: string; name: string }>(`select id::text, name from ${table} where org_id = $1 and id = any($2::uuid[])`, [orgId, ids]);
    rows.forEach((r) => labels.set(r.id, r.name));
  }
  return labels;
}
