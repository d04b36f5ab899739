/**
 * Score histograms read from the rollup (migrations 0011–0012) instead of the answers: counts
 * per score value and don't-know per question × survey × unit × touchpoint × channel × local day
 * (and month), so a dashboard query costs in proportion to its groups, not to the responses.
 *
 * The rollup is exact at every moment: triggers append signed deltas in the transaction that
 * writes, edits or deletes answers or responses; the fold job moves them into the day and month
 * tables; a read adds the deltas not folded yet, all in one statement (one snapshot).
 *
 * What the rollup serves: periods of whole local days (the parts of a day at either end of a
 * `from`/`to` range are read from the answers and added), journey, stage, touchpoint, channel,
 * unit subtree, survey and question, and unit data scopes. What it does not keep — employee,
 * segment, language, and the employee data scope of frontline staff — is read from the answers
 * (`servedByRollup`).
 */
import type { Queryable } from '../db/connection.ts';
import type { DataScope } from '../auth/permissions.ts';
import { defineJob } from '../jobs/queue.ts';
import type { JobContext } from '../jobs/registry.ts';
import { notResurvey, questionTypeOf, unitSubtreeSql, type Dimension, type HistogramQuery, type HistogramRow, type MetricFilters } from './slice.ts';

const keptDimensions: ReadonlySet<Dimension> = new Set(['period', 'journey', 'stage', 'touchpoint', 'channel', 'unit', 'survey', 'question']);

/** Whether the rollup keeps every dimension and filter of the query. */
export function servedByRollup(by: Dimension[], filters: MetricFilters, scope: DataScope): boolean {
  return by.every((d) => keptDimensions.has(d)) && !filters.employeeId && !filters.segment && !filters.language && !filters.persona && scope.kind !== 'employees';
}

const FOLD_BATCH = 50_000;
/** Every score scale lies within 0–10 (src/surveys/schema.ts scaleOf); the rollup keeps a column per value. */
const scores = Array.from({ length: 11 }, (_, v) => v);
const scoreColumns = scores.map((v) => `score_${v}`);

/** One group's histogram as the rollup holds it: the group's dimension values (g0…) and a count per score. */
export interface RollupGroup { values: Array<string | null>; counts: number[]; dontKnow: number }

/** Moves every pending delta into the day and month tables; returns how many it moved. */
export async function foldScoreHistograms(db: Queryable): Promise<number> {
  let total = 0;
  for (;;) {
    const [{ taken }] = await db.query<{ taken: number }>('select kaiku_fold_score_histograms($1) as taken', [FOLD_BATCH]);
    total += taken;
    if (taken < FOLD_BATCH) return total;
  }
}

export const FOLD_ROLLUPS_JOB = 'metrics-fold-rollups';

/** Keeps the delta table short so reads stay fast; correctness never depends on it running. */
export const foldRollupsJob = (ctx: JobContext) => defineJob<Record<string, never>>({
  name: FOLD_ROLLUPS_JOB,
  batchSize: 1,
  retryLimit: 0,
  handle: async () => { await foldScoreHistograms(ctx.db); },
});

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonth = (day: string) => {
  const d = new Date(Date.parse(`${monthOf(day)}T00:00:00Z`));
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};

interface Boundaries {
  time_zone: string;
  from_day: string | null;
  from_aligned: boolean | null;
  from_next_ms: number | null;
  to_day: string | null;
  to_midnight_ms: number | null;
  question_ids: string[];
  unit_ids: string[] | null;
}

/** A slice of one rollup table: `[from, to)` in local days, open where null. */
interface Piece { table: 'score_histogram_months' | 'score_histogram_days' | 'score_histogram_deltas'; from: string | null; to: string | null }

/**
 * Histograms per group for the part of the query the rollup holds, and the filters of the parts
 * that must be read from the answers (the partial local days at the ends of the range). Null when
 * the rollup cannot answer at all: a dimension or filter it does not keep, a time zone other than
 * the organisation's, or a range within one local day.
 */
export async function rollupHistogramRows(db: Queryable, query: HistogramQuery): Promise<{ groups: RollupGroup[]; answerSlices: MetricFilters[] } | null> {
  const f = query.filters;
  if (!servedByRollup(query.by, f, query.scope)) return null;
  const [b] = await db.query<Boundaries>(
    `select o.time_zone,
            to_char(($2::timestamptz at time zone o.time_zone)::date, 'YYYY-MM-DD') as from_day,
            ($2::timestamptz at time zone o.time_zone)::date::timestamp at time zone o.time_zone = $2::timestamptz as from_aligned,
            extract(epoch from (($2::timestamptz at time zone o.time_zone)::date + 1)::timestamp at time zone o.time_zone)::float8 * 1000 as from_next_ms,
            to_char(($3::timestamptz at time zone o.time_zone)::date, 'YYYY-MM-DD') as to_day,
            extract(epoch from ($3::timestamptz at time zone o.time_zone)::date::timestamp at time zone o.time_zone)::float8 * 1000 as to_midnight_ms,
            array(select id::text from questions where org_id = $1 and type = $4::question_type and ($5::uuid is null or id = $5::uuid)) as question_ids,
            case when $6::uuid is null then null else array(${unitSubtreeSql('$1', '$6::uuid')}) end::text[] as unit_ids
       from organizations o where o.id = $1`,
    [query.orgId, f.from ?? null, f.to ?? null, questionTypeOf[query.metric], f.questionId ?? null, f.unitId ?? null]);
  if (!b || b.time_zone !== query.timeZone) return null;

  const dayFrom = b.from_day === null ? null : b.from_aligned ? b.from_day : addDays(b.from_day, 1);
  const dayTo = b.to_day;
  if (dayFrom !== null && dayTo !== null && dayFrom >= dayTo) return null;
  const answerSlices: MetricFilters[] = [];
  if (f.from && !b.from_aligned) answerSlices.push({ ...f, to: new Date(b.from_next_ms!).toISOString() });
  if (f.to && b.to_midnight_ms !== Date.parse(f.to)) answerSlices.push({ ...f, from: new Date(b.to_midnight_ms!).toISOString() });

  const pieces: Piece[] = [{ table: 'score_histogram_deltas', from: dayFrom, to: dayTo }];
  const monthly = !query.by.includes('period') || ['month', 'quarter', 'year'].includes(query.interval);
  const monthFrom = dayFrom === null ? null : dayFrom === monthOf(dayFrom) ? dayFrom : nextMonth(dayFrom);
  const monthTo = dayTo === null ? null : monthOf(dayTo);
  if (monthly && (monthFrom === null || monthTo === null || monthFrom < monthTo)) {
    pieces.push({ table: 'score_histogram_months', from: monthFrom, to: monthTo });
    if (dayFrom !== null && dayFrom < monthFrom!) pieces.push({ table: 'score_histogram_days', from: dayFrom, to: monthFrom });
    if (dayTo !== null && monthTo! < dayTo) pieces.push({ table: 'score_histogram_days', from: monthTo, to: dayTo });
  } else {
    pieces.push({ table: 'score_histogram_days', from: dayFrom, to: dayTo });
  }

  const params: unknown[] = [query.orgId, b.question_ids];
  const add = (value: unknown) => { params.push(value); return `$${params.length}`; };
  const conditions = ['h.org_id = $1', 'h.question_id = any($2::uuid[])', notResurvey('h.survey_id')];
  if (f.surveyId) conditions.push(`h.survey_id = ${add(f.surveyId)}::uuid`);
  if (f.touchpointId) conditions.push(`h.touchpoint_id = ${add(f.touchpointId)}::uuid`);
  if (f.journeyId) conditions.push(`h.touchpoint_id in (select id from touchpoints where org_id = $1 and journey_id = ${add(f.journeyId)}::uuid)`);
  if (f.stageId) conditions.push(`h.touchpoint_id in (select id from touchpoints where org_id = $1 and stage_id = ${add(f.stageId)}::uuid)`);
  if (f.channel) conditions.push(`h.channel = ${add(f.channel)}::channel`);
  if (b.unit_ids) conditions.push(`h.unit_id = any(${add(b.unit_ids)}::uuid[])`);
  if (query.scope.kind === 'units') conditions.push(`h.unit_id = any(${add(query.scope.unitIds)}::uuid[])`);
  let tz: string | undefined;
  const joinsTouchpoint = query.by.includes('journey') || query.by.includes('stage');

  const select = pieces.map((piece) => {
    // Deltas carry UTC quarter-hours; their local day needs the time zone (a parameter only when used).
    const day = () => piece.table === 'score_histogram_months' ? 'h.month' : piece.table === 'score_histogram_days' ? 'h.day'
      : `(h.bucket at time zone ${tz ??= add(b.time_zone)}::text)::date`;
    const range = [...conditions];
    if (piece.from !== null) range.push(`${day()} >= ${add(piece.from)}::date`);
    if (piece.to !== null) range.push(`${day()} < ${add(piece.to)}::date`);
    const dims = query.by.map((d, i) => `${dimensionSql(d, day, query.interval)} as g${i}`);
    const counts = [...scores.map((v) => `h.score_${v}`), 'h.dont_know'];
    return `select ${[...dims, ...counts].join(', ')} from ${piece.table} h
      ${joinsTouchpoint ? 'left join touchpoints t on t.org_id = h.org_id and t.id = h.touchpoint_id' : ''}
      where ${range.join(' and ')}`;
  });
  const groups = query.by.map((_, i) => `g${i}`);
  const sums = [...scores.map((v) => `sum(score_${v})::int as score_${v}`), 'sum(dont_know)::int as dont_know'];
  const wide = await db.query<Record<string, string | number | null>>(
    `select ${[...groups, ...sums].join(', ')}
       from (${select.join('\n union all ')}) as slice
      group by ${groups.length > 0 ? groups.join(', ') : '()'}
     having ${[...scores.map((v) => `sum(score_${v}) <> 0`), 'sum(dont_know) <> 0'].join(' or ')}`, params);
  // Kept as histograms: expanding each into a row per score value and grouping the rows again
  // took more time in Node than the statement took in PostgreSQL (bench/rollups.ts).
  return {
    groups: wide.map((row) => ({
      values: groups.map((g) => row[g] as string | null),
      counts: scoreColumns.map((c) => row[c] as number),
      dontKnow: row.dont_know as number,
    })),
    answerSlices,
  };
}

function dimensionSql(dimension: Dimension, day: () => string, interval: HistogramQuery['interval']): string {
  switch (dimension) {
    case 'period': return `to_char(date_trunc('${interval}', ${day()}::timestamp), 'YYYY-MM-DD')`;
    case 'journey': return 't.journey_id::text';
    case 'stage': return 't.stage_id::text';
    case 'touchpoint': return 'h.touchpoint_id::text';
    case 'channel': return 'h.channel::text';
    case 'unit': return 'h.unit_id::text';
    case 'survey': return 'h.survey_id::text';
    case 'question': return 'h.question_id::text';
    default: throw new Error(`the rollup does not keep ${dimension}`);
  }
}
