/**
 * Open answers (answers of `text` questions) of a slice of responses, each with the NPS score
 * it explains. The slice uses the metrics filters and the caller's data scope
 * (`responseConditions`), so text figures and score figures always describe the same responses.
 */
import type { Queryable } from '../db/connection.ts';
import type { DataScope } from '../auth/permissions.ts';
import { responseConditions, type Interval, type MetricFilters } from '../metrics/queries.ts';

export interface OpenAnswer {
  responseId: string;
  questionId: string;
  text: string;
  /** The response's language (the survey version answered), a hint for the analysis. */
  language: string;
  /** The score of the response's NPS question this answer explains (see pairCte), or null. */
  npsScore: number | null;
  /** Start of the period (YYYY-MM-DD in the organisation's time zone), when asked for. */
  period?: string;
}

export interface Verbatim extends OpenAnswer {
  questionKey: string;
  /** Full-precision timestamp, ISO 8601 UTC (microseconds), also the cursor's sort key. */
  submittedAt: string;
  touchpointId: string | null;
  touchpoint: string | null;
  channel: string | null;
}

export interface SliceQuery {
  orgId: string;
  filters: MetricFilters;
  scope: DataScope;
}

/**
 * Each open question of the organisation with the NPS question its answers explain: the one
 * whose `<key>_why` it is, else its survey's first NPS question. Joining answers to this pair
 * makes the NPS score one primary-key lookup per answer (a correlated subquery over questions
 * took three times as long on PGlite).
 */
const pairCte = `with pair as materialized (
  select tq.id as text_q, tq.key as text_key,
         (select nq.id from questions nq where nq.org_id = tq.org_id and nq.survey_id = tq.survey_id and nq.type = 'nps'
           order by (nq.key || '_why' = tq.key) desc, nq.position limit 1) as nps_q
    from questions tq where tq.org_id = $1 and tq.type = 'text')`;

const sliceFrom = (touchpointJoin: boolean) => `from pair
       join answers a on a.org_id = $1 and a.question_id = pair.text_q
       join responses r on r.org_id = a.org_id and r.id = a.response_id
       left join answers na on na.org_id = a.org_id and na.response_id = a.response_id and na.question_id = pair.nps_q
       ${touchpointJoin ? 'left join touchpoints t on t.org_id = r.org_id and t.id = r.touchpoint_id' : ''}`;

function sliceWhere(query: SliceQuery, params: unknown[]): { where: string; touchpointJoin: boolean } {
  const shared = responseConditions(query.filters, query.scope, params);
  const where = ['a.text is not null', ...shared.conditions];
  if (query.filters.questionId) {
    params.push(query.filters.questionId);
    where.push(`a.question_id = $${params.length}::uuid`);
  }
  return { where: where.join(' and '), touchpointJoin: shared.needsTouchpoint };
}

/** Every open answer of the slice, for the aggregations. */
export async function openAnswers(db: Queryable, query: SliceQuery & { interval: Interval; timeZone: string }): Promise<OpenAnswer[]> {
  const params: unknown[] = [query.orgId];
  const { where, touchpointJoin } = sliceWhere(query, params);
  params.push(query.timeZone);
  const tz = `$${params.length}::text`;
  return db.query<OpenAnswer>(
    `${pairCte}
     select a.response_id::text as "responseId", a.question_id::text as "questionId", a.text, r.language, na.number as "npsScore",
            to_char(date_trunc('${query.interval}', r.submitted_at at time zone ${tz}), 'YYYY-MM-DD') as period
       ${sliceFrom(touchpointJoin)}
      where ${where}`, params);
}

/** Sort key of a verbatim: newest first, then response and question id for a total order. */
export type VerbatimKey = [submittedAt: string, responseId: string, questionId: string];

/** Up to `limit` open answers after `after` in verbatim order (newest first). */
export async function verbatimChunk(db: Queryable, query: SliceQuery & { after?: VerbatimKey; limit: number }): Promise<Verbatim[]> {
  const params: unknown[] = [query.orgId];
  const { where, touchpointJoin } = sliceWhere(query, params);
  let keyset = '';
  if (query.after) {
    params.push(...query.after);
    const n = params.length;
    keyset = ` and (r.submitted_at, a.response_id, a.question_id) < ($${n - 2}::timestamptz, $${n - 1}::uuid, $${n}::uuid)`;
  }
  params.push(query.limit);
  return db.query<Verbatim>(
    `${pairCte}
     select a.response_id::text as "responseId", a.question_id::text as "questionId", pair.text_key as "questionKey", a.text, r.language,
            na.number as "npsScore",
            to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "submittedAt",
            r.touchpoint_id::text as "touchpointId", tp.name as touchpoint, r.channel::text as channel
       ${sliceFrom(touchpointJoin)}
       left join touchpoints tp on tp.org_id = r.org_id and tp.id = r.touchpoint_id
      where ${where}${keyset}
      order by r.submitted_at desc, a.response_id desc, a.question_id desc
      limit $${params.length}`, params);
}
