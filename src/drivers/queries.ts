/**
 * Respondent-level scores for key-driver analysis: one row per response with the target and
 * each attribute as a column, pivoted in SQL, so the service receives exactly what the pure
 * cores (relativeWeights, shapleyWeights, promoterLogistic) take.
 */
import type { Queryable } from '../db/connection.ts';
import type { DataScope } from '../auth/permissions.ts';
import { notResurvey, responseConditions, type MetricFilters } from '../metrics/queries.ts';

export interface RespondentScores {
  /** One column per question asked for, in that order; NaN = not answered or "don't know". */
  columns: Float64Array[];
  /** Responses that answered (or said "don't know" to) at least one of the questions. */
  respondents: number;
}

/**
 * Cost: reads the answers of the given questions for the responses in the slice — the answers
 * index (org_id, question_id) or the responses of the survey (responses_org_survey) joined to
 * answers by primary key, whichever the planner prefers — i.e. O(respondents × questions) rows
 * read, and returns O(respondents) rows of questions.length doubles (about 100 bytes per
 * respondent for 12 attributes). Nothing per answer crosses the wire; the pivot is
 * `max(number) filter (where question_id = …)`, and a don't-know answer has number null, so it
 * arrives as missing like an unanswered question. Rows come in response-id order, so a seeded
 * bootstrap resamples the same respondents whatever plan the database picks (and the result
 * cache, cache.ts, sees the same input).
 */
export async function respondentScores(
  db: Queryable,
  orgId: string,
  surveyId: string,
  questionIds: readonly string[],
  filters: MetricFilters,
  scope: DataScope,
): Promise<RespondentScores> {
  const params: unknown[] = [orgId];
  const shared = responseConditions({ ...filters, surveyId }, scope, params);
  params.push(questionIds);
  const questionsParam = `$${params.length}::uuid[]`;
  const columns = questionIds.map((_, i) => `max(a.number) filter (where a.question_id = (${questionsParam})[${i + 1}]) as c${i}`);
  const rows = await db.query<Record<string, number | null>>(
    `select ${columns.join(', ')}
       from responses r
       join answers a on a.org_id = r.org_id and a.response_id = r.id and a.question_id = any(${questionsParam})
       ${shared.needsTouchpoint ? 'left join touchpoints t on t.org_id = r.org_id and t.id = r.touchpoint_id' : ''}
      where ${['r.org_id = $1', notResurvey(), ...shared.conditions].join(' and ')}
      group by r.id
      order by r.id`,
    params,
  );
  const result = questionIds.map(() => new Float64Array(rows.length));
  rows.forEach((row, i) => {
    for (let c = 0; c < result.length; c++) {
      const value = row[`c${c}`];
      result[c][i] = value === null || value === undefined ? Number.NaN : Number(value);
    }
  });
  return { columns: result, respondents: rows.length };
}
