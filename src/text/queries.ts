/**
 * The texts of a slice: open answers (answers of `text` questions, each with the NPS score it
 * explains) and imported feedback texts (complaints, chats, social posts…), each with its
 * stored analysis when that analysis is of the organisation's current taxonomy version. The
 * answers' slice uses the metrics filters and the caller's data scope (`responseConditions`),
 * so text and score figures describe the same responses; feedback texts take the filters that
 * apply to them (time, touchpoint, journey, stage, unit, language) and are left out by the
 * survey-only ones (survey, question, channel, employee, segment) and for frontline staff.
 */
import type { Queryable } from '../db/connection.ts';
import type { DataScope } from '../auth/permissions.ts';
import { notResurvey, responseConditions, type Interval, type MetricFilters } from '../metrics/queries.ts';
import { FEEDBACK_SOURCES } from './feedback.ts';

export const TEXT_SOURCES = ['survey', ...FEEDBACK_SOURCES] as const;
export type TextSource = (typeof TEXT_SOURCES)[number];
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export interface TextFilters extends MetricFilters {
  /** `survey` = open answers only; a feedback source = imported texts of that source only. */
  source?: TextSource;
}

/** The stored analysis, when it is of the current taxonomy version. */
export interface StoredInsight {
  language: string;
  sentiment: 'positive' | 'neutral' | 'negative';
  score: number;
  topics: string[];
  truncated: boolean;
  warning: string | null;
  /** Null for analyses stored before confidences were (shown as certain). */
  sentimentConfidence: number | null;
  lowConfidence: boolean | null;
}

export interface OpenAnswer {
  /** The response, or for an imported text the text's own id. */
  responseId: string;
  /** The open question, or NIL_UUID for an imported text. */
  questionId: string;
  source: TextSource;
  text: string;
  /** The response's language (the survey version answered) or the language given with an imported text: a hint. */
  language: string | null;
  /** The score of the response's NPS question this answer explains (see pairCte), or null. */
  npsScore: number | null;
  /** Start of the period (YYYY-MM-DD in the organisation's time zone), when asked for. */
  period?: string;
  insight: StoredInsight | null;
}

export interface Verbatim extends OpenAnswer {
  questionKey: string | null;
  /** Full-precision timestamp, ISO 8601 UTC (microseconds), also the cursor's sort key. */
  submittedAt: string;
  touchpointId: string | null;
  touchpoint: string | null;
  channel: string | null;
  externalId: string | null;
}

export interface SliceQuery {
  orgId: string;
  filters: TextFilters;
  scope: DataScope;
  /** The organisation's taxonomy version: stored analyses of older versions are not used. */
  taxonomyVersion: number;
}

/**
 * Each open question of the organisation with the NPS question its answers explain: the one
 * whose `<key>_why` it is, else its survey's first NPS question. Joining answers to this pair
 * makes the NPS score one primary-key lookup per answer (a correlated subquery over questions
 * took three times as long on PGlite).
 */
const pairCte = `pair as materialized (
  select tq.id as text_q, tq.key as text_key,
         (select nq.id from questions nq where nq.org_id = tq.org_id and nq.survey_id = tq.survey_id and nq.type = 'nps'
           order by (nq.key || '_why' = tq.key) desc, nq.position limit 1) as nps_q
    from questions tq where tq.org_id = $1 and tq.type = 'text')`;

const insightColumns = (alias: string, version: string) => `
  case when ${alias}.taxonomy_version = ${version} then ${alias}.language end as "iLanguage",
  case when ${alias}.taxonomy_version = ${version} then ${alias}.sentiment end as "iSentiment",
  ${alias}.score as "iScore", ${alias}.topics as "iTopics", ${alias}.truncated as "iTruncated", ${alias}.warning as "iWarning",
  ${alias}.sentiment_confidence as "iConfidence", ${alias}.low_confidence as "iLowConfidence"`;

interface Branches {
  /** SQL of the open-answer branch (null when the filters exclude it) and of the imported-text branch. */
  survey: { from: string; where: string } | null;
  feedback: { from: string; where: string } | null;
  version: string;
}

const SURVEY_ONLY: Array<keyof MetricFilters> = ['surveyId', 'questionId', 'channel', 'employeeId', 'segment'];

function branches(query: SliceQuery, params: unknown[], withTouchpointName: boolean): Branches {
  const add = (value: unknown) => { params.push(value); return `$${params.length}`; };
  const version = `${add(query.taxonomyVersion)}::int`;
  const f = query.filters;
  let survey: Branches['survey'] = null;
  if (f.source === undefined || f.source === 'survey') {
    const shared = responseConditions(f, query.scope, params);
    // A re-survey's comment is about the case's fix, not the experience (issue 6).
    const where = ['a.text is not null', notResurvey(), ...shared.conditions];
    if (f.questionId) where.push(`a.question_id = ${add(f.questionId)}::uuid`);
    survey = {
      from: `from pair
       join answers a on a.org_id = $1 and a.question_id = pair.text_q
       join responses r on r.org_id = a.org_id and r.id = a.response_id
       left join answers na on na.org_id = a.org_id and na.response_id = a.response_id and na.question_id = pair.nps_q
       left join text_insights ti on ti.org_id = a.org_id and ti.response_id = a.response_id and ti.question_id = a.question_id
       ${shared.needsTouchpoint ? 'left join touchpoints t on t.org_id = r.org_id and t.id = r.touchpoint_id' : ''}
       ${withTouchpointName ? 'left join touchpoints tp on tp.org_id = r.org_id and tp.id = r.touchpoint_id' : ''}`,
      where: where.join(' and '),
    };
  }
  let feedback: Branches['feedback'] = null;
  const surveyOnly = SURVEY_ONLY.some((k) => f[k] !== undefined);
  if (f.source !== 'survey' && !surveyOnly && query.scope.kind !== 'employees') {
    const where = ['fb.org_id = $1'];
    if (f.source) where.push(`fb.source = ${add(f.source)}`);
    if (f.from) where.push(`fb.occurred_at >= ${add(f.from)}::timestamptz`);
    if (f.to) where.push(`fb.occurred_at < ${add(f.to)}::timestamptz`);
    if (f.touchpointId) where.push(`fb.touchpoint_id = ${add(f.touchpointId)}::uuid`);
    if (f.journeyId) where.push(`ft.journey_id = ${add(f.journeyId)}::uuid`);
    if (f.stageId) where.push(`ft.stage_id = ${add(f.stageId)}::uuid`);
    if (f.language) where.push(`coalesce(fb.language_hint, fb.language) = ${add(f.language)}`);
    if (f.unitId) {
      where.push(`fb.unit_id in (with recursive sub as (select id from units where org_id = $1 and id = ${add(f.unitId)}::uuid
        union all select u.id from units u join sub on u.parent_id = sub.id where u.org_id = $1) select id from sub)`);
    }
    if (query.scope.kind === 'units') where.push(`fb.unit_id = any(${add(query.scope.unitIds)}::uuid[])`);
    feedback = {
      from: `from feedback_texts fb ${f.journeyId || f.stageId || withTouchpointName ? 'left join touchpoints ft on ft.org_id = fb.org_id and ft.id = fb.touchpoint_id' : ''}`,
      where: where.join(' and '),
    };
  }
  return { survey, feedback, version };
}

type Row = Omit<Verbatim, 'insight'> & {
  iLanguage: string | null; iSentiment: StoredInsight['sentiment'] | null; iScore: number | null; iTopics: string[] | null; iTruncated: boolean | null; iWarning: string | null;
  iConfidence: number | null; iLowConfidence: boolean | null;
};

type InsightColumn = 'iLanguage' | 'iSentiment' | 'iScore' | 'iTopics' | 'iTruncated' | 'iWarning' | 'iConfidence' | 'iLowConfidence';

function withInsight<T extends Row>(row: T): Omit<T, InsightColumn> & { insight: StoredInsight | null } {
  const { iLanguage, iSentiment, iScore, iTopics, iTruncated, iWarning, iConfidence, iLowConfidence, ...rest } = row;
  const insight = iLanguage !== null && iSentiment !== null
    ? { language: iLanguage, sentiment: iSentiment, score: Number(iScore), topics: iTopics ?? [], truncated: iTruncated ?? false, warning: iWarning,
        sentimentConfidence: iConfidence === null ? null : Number(iConfidence), lowConfidence: iLowConfidence }
    : null;
  return { ...rest, insight };
}

/** Every text of the slice, for the aggregations. */
export async function openAnswers(db: Queryable, query: SliceQuery & { interval: Interval; timeZone: string }): Promise<OpenAnswer[]> {
  const params: unknown[] = [query.orgId];
  const parts = branches(query, params, false);
  params.push(query.timeZone);
  const tz = `$${params.length}::text`;
  const period = (column: string) => `to_char(date_trunc('${query.interval}', ${column} at time zone ${tz}), 'YYYY-MM-DD') as period`;
  const selects: string[] = [];
  if (parts.survey) {
    selects.push(`select a.response_id::text as "responseId", a.question_id::text as "questionId", 'survey' as source, a.text, r.language,
            na.number as "npsScore", ${period('r.submitted_at')}, ${insightColumns('ti', parts.version)}
       ${parts.survey.from} where ${parts.survey.where}`);
  }
  if (parts.feedback) {
    selects.push(`select fb.id::text as "responseId", '${NIL_UUID}' as "questionId", fb.source, fb.text, fb.language_hint as language,
            null::float8 as "npsScore", ${period('fb.occurred_at')},
            ${insightColumns('fb', parts.version)}
       ${parts.feedback.from} where ${parts.feedback.where}`);
  }
  if (selects.length === 0) return [];
  const rows = await db.query<Row>(`with ${pairCte} ${selects.join('\nunion all\n')}`, params);
  return rows.map(withInsight);
}

/** Sort key of a verbatim: newest first, then response (or imported text) and question id for a total order. */
export type VerbatimKey = [submittedAt: string, responseId: string, questionId: string];

/** Up to `limit` texts after `after` in verbatim order (newest first). */
export async function verbatimChunk(db: Queryable, query: SliceQuery & { after?: VerbatimKey; limit: number }): Promise<Verbatim[]> {
  const params: unknown[] = [query.orgId];
  const parts = branches(query, params, true);
  let keyset = (_at: string, _id: string, _q: string) => '';
  if (query.after) {
    params.push(...query.after);
    const n = params.length;
    keyset = (at, id, q) => ` and (${at}, ${id}, ${q}) < ($${n - 2}::timestamptz, $${n - 1}::uuid, $${n}::uuid)`;
  }
  params.push(query.limit);
  const limit = `$${params.length}`;
  const utc = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  const selects: string[] = [];
  if (parts.survey) {
    selects.push(`(select a.response_id::text as "responseId", a.question_id::text as "questionId", 'survey' as source, pair.text_key as "questionKey",
            a.text, r.language, na.number as "npsScore", r.submitted_at as at, ${utc('r.submitted_at')} as "submittedAt",
            r.touchpoint_id::text as "touchpointId", tp.name as touchpoint, r.channel::text as channel, null::text as "externalId",
            ${insightColumns('ti', parts.version)}
       ${parts.survey.from}
      where ${parts.survey.where}${keyset('r.submitted_at', 'a.response_id', 'a.question_id')}
      order by r.submitted_at desc, a.response_id desc, a.question_id desc limit ${limit})`);
  }
  if (parts.feedback) {
    selects.push(`(select fb.id::text as "responseId", '${NIL_UUID}' as "questionId", fb.source, null as "questionKey", fb.text,
            fb.language_hint as language, null::float8 as "npsScore", fb.occurred_at as at, ${utc('fb.occurred_at')} as "submittedAt",
            fb.touchpoint_id::text as "touchpointId", ft.name as touchpoint, null as channel, fb.external_id as "externalId",
            ${insightColumns('fb', parts.version)}
       ${parts.feedback.from}
      where ${parts.feedback.where}${keyset('fb.occurred_at', 'fb.id', `'${NIL_UUID}'::uuid`)}
      order by fb.occurred_at desc, fb.id desc limit ${limit})`);
  }
  if (selects.length === 0) return [];
  const rows = await db.query<Row & { at: unknown }>(
    `with ${pairCte}
     select * from (${selects.join('\nunion all\n')}) v
      order by v.at desc, v."responseId"::uuid desc, v."questionId"::uuid desc limit ${limit}`, params);
  return rows.map(({ at: _at, ...row }) => withInsight(row));
}
