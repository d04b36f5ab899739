/**
 * Storing responses. Every path (API single and batch, survey pages, CSV import, demo seed)
 * ends in `storeResponses`, which writes responses and their typed answers in ONE statement:
 * one round trip, atomic, and idempotent by `idempotency_key` (a retried request never
 * duplicates). Context the caller left out is filled from the database in the same statement:
 * channel and owner unit from the touchpoint, unit from the employee, segment from the contact.
 */
import { uuidv7 } from '../db/ids.ts';
import { responsesIngested } from '../observability/metrics.ts';
import type { Queryable } from '../db/connection.ts';
import { badInput } from '../errors.ts';
import { getSurvey } from '../surveys/service.ts';
import { validateAnswers, type AnswerRow, type SubmittedAnswer } from './validate.ts';

/** The texts of the questions of the survey a response answered, by question key. */
export async function questionTextsOfResponse(db: Queryable, orgId: string, responseId: string): Promise<Array<{ key: string; texts: Record<string, { label?: string }> }>> {
  return db.query<{ key: string; texts: Record<string, { label?: string }> }>(
    `select q.key, q.texts from questions q join responses r on r.org_id = q.org_id and r.survey_id = q.survey_id where r.org_id = $1 and r.id = $2`, [orgId, responseId]);
}

export type ResponseSource = 'web' | 'api' | 'import' | 'kiosk' | 'widget' | 'email' | 'demo';

export interface ResponseInput {
  surveyId: string;
  touchpointId?: string | null;
  channel?: string | null;
  unitId?: string | null;
  employeeId?: string | null;
  contactId?: string | null;
  invitationId?: string | null;
  language?: string | null;
  submittedAt?: string | Date | null;
  idempotencyKey?: string | null;
  answers: SubmittedAnswer[];
}

/** A response whose answers passed validation, ready for storage. */
export interface PreparedResponse {
  id: string;
  surveyId: string;
  touchpointId: string | null;
  channel: string | null;
  unitId: string | null;
  employeeId: string | null;
  contactId: string | null;
  invitationId: string | null;
  language: string;
  submittedAt: Date;
  idempotencyKey: string | null;
  answers: AnswerRow[];
}

export interface StoredResult {
  id: string;
  /** false when the idempotency key had been seen: the earlier response's id is returned. */
  created: boolean;
}

/** Clock skew allowed for client-supplied submission times. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export async function prepareResponse(db: Queryable, orgId: string, input: ResponseInput, field = '', now = Date.now()): Promise<PreparedResponse> {
  const prefix = field ? `${field}.` : '';
  const survey = await getSurvey(db, orgId, input.surveyId).catch((error) => {
    throw Object.assign(error, { field: `${prefix}surveyId` });
  });
  let submittedAt = new Date(now);
  if (input.submittedAt) {
    submittedAt = input.submittedAt instanceof Date ? input.submittedAt : new Date(input.submittedAt);
    if (Number.isNaN(submittedAt.getTime())) throw badInput('submittedAt is not a valid date-time', `${prefix}submittedAt`);
    if (submittedAt.getTime() > now + FUTURE_TOLERANCE_MS) throw badInput('submittedAt is in the future', `${prefix}submittedAt`);
  }
  return {
    id: uuidv7(now),
    surveyId: survey.id,
    touchpointId: input.touchpointId ?? survey.touchpointId ?? null,
    channel: input.channel ?? null,
    unitId: input.unitId ?? null,
    employeeId: input.employeeId ?? null,
    contactId: input.contactId ?? null,
    invitationId: input.invitationId ?? null,
    language: input.language ?? survey.defaultLanguage,
    submittedAt,
    idempotencyKey: input.idempotencyKey ?? null,
    answers: validateAnswers(survey, input.answers, `${prefix}answers`),
  };
}

const UNIT_SEPARATOR = String.fromCharCode(31);

const insertSql = `
with input as (
  select * from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::uuid[], $7::uuid[], $8::uuid[], $9::uuid[], $10::text[], $11::text[], $12::timestamptz[])
    with ordinality as u(id, survey_id, touchpoint_id, channel, unit_id, employee_id, contact_id, invitation_id, language, idempotency_key, submitted_at, position)
), checked as (
  select i.*, t.channel as touchpoint_channel, t.owner_unit_id, e.unit_id as employee_unit, c.segment,
         case when i.survey_id is not null and sv.id is null then 'surveyId'
              when i.touchpoint_id is not null and t.id is null then 'touchpointId'
              when i.unit_id is not null and u.id is null then 'unitId'
              when i.employee_id is not null and e.id is null then 'employeeId'
              when i.contact_id is not null and c.id is null then 'contactId'
              when i.invitation_id is not null and inv.id is null then 'invitationId' end as unknown_reference
    from input i
    -- LATERAL … LIMIT 1 keeps each lookup a per-row primary-key probe even in the generic plan
    -- (a plain join may be planned as a scan of the whole organisation's rows).
    left join lateral (select id, channel, owner_unit_id from touchpoints where org_id = $1 and id = i.touchpoint_id limit 1) t on true
    left join lateral (select id from units where org_id = $1 and id = i.unit_id limit 1) u on true
    left join lateral (select id, unit_id from employees where org_id = $1 and id = i.employee_id limit 1) e on true
    left join lateral (select id, segment from contacts where org_id = $1 and id = i.contact_id limit 1) c on true
    left join lateral (select id from surveys where org_id = $1 and id = i.survey_id limit 1) sv on true
    left join lateral (select id from invitations where org_id = $1 and id = i.invitation_id limit 1) inv on true
), problems as (
  select position, unknown_reference from checked where unknown_reference is not null
), stored as (
  insert into responses (org_id, id, survey_id, touchpoint_id, channel, unit_id, employee_id, contact_id, invitation_id, segment, language, source, idempotency_key, submitted_at)
  select $1, id, survey_id, touchpoint_id, coalesce(channel::channel, touchpoint_channel), coalesce(unit_id, employee_unit, owner_unit_id),
         employee_id, contact_id, invitation_id, segment, language, $13::response_source, idempotency_key, submitted_at
    from checked
   where unknown_reference is null and (not $21::boolean or not exists (select 1 from problems))
  on conflict (org_id, idempotency_key) do nothing
  returning id, survey_id, touchpoint_id, channel, unit_id, submitted_at
), stored_answers as (
  insert into answers (org_id, response_id, question_id, number, choice, choices, text, dont_know)
  select $1, a.response_id, a.question_id, a.number, a.choice,
         case when a.choices is null then null else string_to_array(a.choices, chr(31)) end, a.text, a.dont_know
    from unnest($14::uuid[], $15::uuid[], $16::float8[], $17::text[], $18::text[], $19::text[], $20::bool[])
           as a(response_id, question_id, number, choice, choices, text, dont_know)
    join stored s on s.id = a.response_id
  returning response_id, question_id, number, dont_know
), score_deltas as (
  -- The score-histogram deltas of exactly the answer rows stored above (src/metrics/rollups.ts),
  -- one row per group and quarter-hour, from the stored rows themselves: cheaper than the answers
  -- insert trigger, which would look every answer's response up again (migration 0024). The
  -- setting in the last select tells that trigger this statement has written them.
  insert into score_histogram_deltas (org_id, question_id, unit_id, touchpoint_id, channel, survey_id, bucket,
         score_0, score_1, score_2, score_3, score_4, score_5, score_6, score_7, score_8, score_9, score_10, dont_know)
  select $1, a.question_id, s.unit_id, s.touchpoint_id, s.channel, s.survey_id, kaiku_score_bucket(s.submitted_at),
${Array.from({ length: 11 }, (_, v) => `         count(*) filter (where not a.dont_know and round(a.number) = ${v}),`).join('\n')}
         count(*) filter (where a.dont_know)
    from stored_answers a join stored s on s.id = a.response_id
   where a.number is not null or a.dont_know
   group by 2, 3, 4, 5, 6, 7
), outboxed as (
  -- Alert evaluation and response.created webhooks are owed for every stored response, in the
  -- same transaction (outbox), when the organisation has rules or such a webhook at all.
  insert into response_outbox (org_id, response_id)
  select $1, id from stored
   where exists (select 1 from alert_rules where org_id = $1 and enabled)
      or exists (select 1 from webhooks where org_id = $1 and enabled and 'response.created' = any(events))
)
select id, null::bigint as position, null::text as unknown_reference from stored
union all
select null, position, unknown_reference from problems
union all
-- Evaluated once, always (a row-less branch of the result): the answers insert trigger, which fires
-- after this statement, finds the deltas written, skips and clears the setting (migration 0024).
select null, null, null where set_config('kaiku.score_deltas', 'written', true) is null`;

/** Largest write sent as the named prepared statement (see writeResponses). */
const NAMED_STATEMENT_MAX = 10;

/** What happened to one prepared response in a write. */
export type UnknownReference = 'surveyId' | 'touchpointId' | 'unitId' | 'employeeId' | 'contactId' | 'invitationId';
export type WriteOutcome = StoredResult | { unknownReference: UnknownReference };

/**
 * Writes prepared responses and their answers in one statement. `atomic`: one response with an
 * unknown reference stores none; otherwise the others are stored and it is reported alone
 * (the group-commit writer batches independent requests that way).
 */
export async function writeResponses(db: Queryable, orgId: string, prepared: PreparedResponse[], source: ResponseSource, atomic: boolean): Promise<WriteOutcome[]> {
  if (prepared.length === 0) return [];
  const cols = { id: [] as string[], survey: [] as string[], touchpoint: [] as (string | null)[], channel: [] as (string | null)[], unit: [] as (string | null)[],
    employee: [] as (string | null)[], contact: [] as (string | null)[], invitation: [] as (string | null)[], language: [] as string[],
    key: [] as (string | null)[], at: [] as string[] };
  const ans = { response: [] as string[], question: [] as string[], number: [] as (number | null)[], choice: [] as (string | null)[],
    choices: [] as (string | null)[], text: [] as (string | null)[], dontKnow: [] as boolean[] };
  for (const r of prepared) {
    cols.id.push(r.id); cols.survey.push(r.surveyId); cols.touchpoint.push(r.touchpointId); cols.channel.push(r.channel);
    cols.unit.push(r.unitId); cols.employee.push(r.employeeId); cols.contact.push(r.contactId); cols.invitation.push(r.invitationId);
    cols.language.push(r.language); cols.key.push(r.idempotencyKey); cols.at.push(r.submittedAt.toISOString());
    for (const a of r.answers) {
      ans.response.push(r.id); ans.question.push(a.questionId); ans.number.push(a.number); ans.choice.push(a.choice);
      ans.choices.push(a.choices ? a.choices.join(UNIT_SEPARATOR) : null); ans.text.push(a.text); ans.dontKnow.push(a.dontKnow);
    }
  }
  const rows = await db.query<{ id: string | null; position: number | null; unknown_reference: string | null }>(insertSql, [orgId, cols.id, cols.survey, cols.touchpoint, cols.channel, cols.unit, cols.employee,
    cols.contact, cols.invitation, cols.language, cols.key, cols.at, source,
    ans.response, ans.question, ans.number, ans.choice, ans.choices, ans.text, ans.dontKnow, atomic],
    // Named (parsed once per connection) only for the few responses of a single request or a
    // small group commit. After five runs of a named statement PostgreSQL may switch to a generic
    // plan, which knows no array lengths: measured, for 1,000-response batches it joined the
    // stored answers to the stored responses about 5× slower than the custom plan (bench/batch.ts
    // halved); an unnamed statement is planned for its own arrays every time.
    prepared.length <= NAMED_STATEMENT_MAX ? 'kaiku_store_responses' : undefined);
  const problems = new Map<number, string>();
  for (const r of rows) if (r.unknown_reference) problems.set(Number(r.position) - 1, r.unknown_reference);
  const created = new Set(rows.map((r) => r.id).filter((id): id is string => id !== null));
  if (created.size > 0) responsesIngested.inc({ source }, created.size);
  const skippedKeys = prepared.filter((r, i) => !created.has(r.id) && !problems.has(i) && r.idempotencyKey).map((r) => r.idempotencyKey as string);
  const existing = new Map<string, string>();
  if (skippedKeys.length > 0 && !(atomic && problems.size > 0)) {
    const found = await db.query<{ id: string; idempotency_key: string }>(
      `select id, idempotency_key from responses where org_id = $1 and idempotency_key = any($2)`, [orgId, skippedKeys]);
    for (const row of found) existing.set(row.idempotency_key, row.id);
  }
  return prepared.map((r, i): WriteOutcome => {
    const problem = problems.get(i);
    if (problem) return { unknownReference: problem as UnknownReference };
    return created.has(r.id) ? { id: r.id, created: true } : { id: existing.get(r.idempotencyKey ?? '') ?? r.id, created: false };
  });
}

export const unknownReferenceError = (field: string, at: string) =>
  badInput(`${field} does not refer to an existing item in this organisation`, at ? `${at}.${field}` : field);

/** Writes prepared responses atomically; duplicates by idempotency key are skipped and reported. */
export async function storeResponses(db: Queryable, orgId: string, prepared: PreparedResponse[], source: ResponseSource,
  fieldOf: (index: number) => string = (i) => `responses[${i}]`): Promise<StoredResult[]> {
  const outcomes = await writeResponses(db, orgId, prepared, source, true);
  const index = outcomes.findIndex((o) => 'unknownReference' in o);
  if (index >= 0) throw unknownReferenceError((outcomes[index] as { unknownReference: string }).unknownReference, fieldOf(index));
  return outcomes as StoredResult[];
}

/** Validate then store, all-or-nothing: one invalid response rejects the whole call. */
export async function ingestResponses(db: Queryable, orgId: string, inputs: ResponseInput[], source: ResponseSource, fieldOf = (i: number) => `responses[${i}]`): Promise<StoredResult[]> {
  const prepared: PreparedResponse[] = [];
  for (let i = 0; i < inputs.length; i++) prepared.push(await prepareResponse(db, orgId, inputs[i], fieldOf(i)));
  return storeResponses(db, orgId, prepared, source, fieldOf);
}
