/**
 * What the alert-rule builder pages read and write: the things a rule can be built from (the
 * organisation's scored questions, touchpoints, units, segments, people), the stored rules, and
 * the preview: how many of the last days' responses a condition would have caught, counted by
 * the evaluator's own matching (loadFacts + evaluatorFor), so the preview cannot drift from it.
 */
import type { Queryable } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import { insertAlertRule, writeAlertRule } from './configure.ts';
import { loadFacts, subtrees } from './evaluate.ts';
import { evaluatorFor, resolveUnits, type Condition, type Route } from './rules.ts';

/** Question types whose answer is a score a rule can compare (score ≤ N, detractor). */
export const scoredQuestionTypes = ['nps', 'csat', 'ces', 'likert7', 'rating'] as const;

export interface BuilderQuestion { key: string; type: string; texts: Record<string, { label?: string } | undefined>; surveyName: string; scaleMax: number | null }
export interface Named { id: string; name: string }

export interface BuilderChoices {
  questions: BuilderQuestion[];
  touchpoints: Named[];
  units: Named[];
  users: Named[];
  segments: string[];
}

export async function builderChoices(db: Queryable, orgId: string): Promise<BuilderChoices> {
  const [questions, touchpoints, units, users, segments] = await Promise.all([
    db.query<BuilderQuestion>(
      `select q.key, q.type::text as type, q.texts, s.name as "surveyName", q.scale_max as "scaleMax"
         from questions q join surveys s on s.org_id = q.org_id and s.id = q.survey_id
        where q.org_id = $1 and q.type::text = any($2::text[])
          and s.id is distinct from (select resurvey_survey_id from organizations where id = $1)
        order by s.name, q.position, q.key`, [orgId, [...scoredQuestionTypes]]),
    db.query<Named>(`select id, name from touchpoints where org_id = $1 order by name, id`, [orgId]),
    db.query<Named>(`select id, name from units where org_id = $1 order by name, id`, [orgId]),
    db.query<Named>(`select id, name from users where org_id = $1 and disabled_at is null order by name, id`, [orgId]),
    // Rules match the response's segment, else its contact's: both kinds of name are offered.
    db.query<{ segment: string }>(
      `select segment from contacts where org_id = $1 and segment is not null
       union select segment from responses where org_id = $1 and segment is not null order by 1 limit 500`, [orgId]),
  ]);
  return { questions, touchpoints, units, users, segments: segments.map((s) => s.segment) };
}

export interface StoredRule {
  id: string; name: string; enabled: boolean; kind: 'problem' | 'praise'; condition: Condition; route: Route; priority: string; slaHours: number;
}
const columns = `id, name, enabled, kind, condition, route, priority, sla_hours as "slaHours"`;

export const listRules = (db: Queryable, orgId: string) =>
  db.query<StoredRule>(`select ${columns} from alert_rules where org_id = $1 order by created_at, id`, [orgId]);

/** One rule of the organisation, or a 404 (another organisation's id too). */
export async function getRule(db: Queryable, orgId: string, id: string): Promise<StoredRule> {
  const [rule] = await db.query<StoredRule>(`select ${columns} from alert_rules where org_id = $1 and id = $2`, [orgId, id]);
  if (!rule) throw new KaikuError('not_found', 'Alert rule not found', { status: 404 });
  return rule;
}

export type RuleInput = Omit<StoredRule, 'id'>;

export async function saveRule(db: Queryable, orgId: string, id: string | undefined, r: RuleInput): Promise<string> {
  // The API's write path (src/loop/configure.ts); every field is given, so an update replaces them all.
  if (!id) return (await insertAlertRule(db, orgId, r)).id;
  if (!(await writeAlertRule(db, orgId, id, r))) throw new KaikuError('not_found', 'Alert rule not found', { status: 404 });
  return id;
}

export async function setRuleEnabled(db: Queryable, orgId: string, id: string, enabled: boolean): Promise<void> {
  if (!(await writeAlertRule(db, orgId, id, { enabled }))) throw new KaikuError('not_found', 'Alert rule not found', { status: 404 });
}

export const PREVIEW_DAYS = 30;
const BATCH = 1000;

/**
 * How many of the responses submitted in the `days` before `now` the condition matches, and of
 * how many. Re-survey answers are left out, as the evaluator leaves them out; one case per
 * matching response is what the rule would have opened.
 */
export async function previewCount(db: Queryable, orgId: string, condition: Condition, now: Date, days = PREVIEW_DAYS): Promise<{ matched: number; responses: number }> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const ids = await db.query<{ id: string }>(
    `select r.id from responses r join organizations o on o.id = r.org_id
      where r.org_id = $1 and r.submitted_at >= $2 and r.submitted_at <= $3 and r.survey_id is distinct from o.resurvey_survey_id`,
    [orgId, since.toISOString(), now.toISOString()]);
  const prepared = resolveUnits(condition, await subtrees(db, orgId, [condition]));
  let matched = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const { facts } of await loadFacts(db, orgId, ids.slice(i, i + BATCH).map((r) => r.id))) {
      if (evaluatorFor(facts)(prepared)) matched++;
    }
  }
  return { matched, responses: ids.length };
}
