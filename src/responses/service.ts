/**
 * Storing responses. Every path (API single and batch, survey pages, CSV import, demo seed)
 * ends in `storeResponses`, which writes responses and their typed answers in ONE statement:
 * one round trip, atomic, and idempotent by `idempotency_key` (a retried request never
 * duplicates). Context the caller left out is filled from the database in the same statement:
 * channel and owner unit from the touchpoint, unit from the employee, segment from the contact.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/connection.ts';
import { badInput } from '../errors.ts';
import { getSurvey } from '../surveys/service.ts';
import { validateAnswers, type AnswerRow, type SubmittedAnswer } from './validate.ts';

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
    id: randomUUID(),
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
         case when i.touchpoint_id is not null and t.id is null then 'touchpointId'
              when i.unit_id is not null and u.id is null then 'unitId'
              when i.employee_id is not null and e.id is null then 'employeeId' end as unknown_reference
    from input i
    left join touchpoints t on t.org_id = $1 and t.id = i.touchpoint_id
    left join units u on u.org_id = $1 and u.id = i.unit_id
    left join employees e on e.org_id = $1 and e.id = i.employee_id
    left join contacts c on c.org_id = $1 and c.id = i.contact_id
), problems as (
  select position, unknown_reference from checked where unknown_reference is not null
), stored as (
  insert into responses (org_id, id, survey_id, touchpoint_id, channel, unit_id, employee_id, contact_id, invitation_id, segment, language, source, idempotency_key, submitted_at)
  select $1, id, survey_id, touchpoint_id, coalesce(channel::channel, touchpoint_channel), coalesce(unit_id, employee_unit, owner_unit_id),
         employee_id, contact_id, invitation_id, segment, language, $13::response_source, idempotency_key, submitted_at
    from checked where not exists (select 1 from problems)
  on conflict (org_id, idempotency_key) do nothing
  returning id
), stored_answers as (
  insert into answers (org_id, response_id, question_id, number, choice, choices, text, dont_know)
  select $1, a.response_id, a.question_id, a.number, a.choice,
         case when a.choices is null then null else string_to_array(a.choices, chr(31)) end, a.text, a.dont_know
    from unnest($14::uuid[], $15::uuid[], $16::float8[], $17::text[], $18::text[], $19::text[], $20::bool[])
           as a(response_id, question_id, number, choice, choices, text, dont_know)
    join stored s on s.id = a.response_id
)
select id, null::bigint as position, null::text as unknown_reference from stored
union all
select null, position, unknown_reference from (select * from problems order by position limit 1) first_problem`;

/** Writes prepared responses atomically; duplicates by idempotency key are skipped and reported. */
export async function storeResponses(db: Queryable, orgId: string, prepared: PreparedResponse[], source: ResponseSource,
  fieldOf: (index: number) => string = (i) => `responses[${i}]`): Promise<StoredResult[]> {
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
    ans.response, ans.question, ans.number, ans.choice, ans.choices, ans.text, ans.dontKnow], 'kaiku_store_responses');
  const problem = rows.find((r) => r.unknown_reference);
  if (problem) {
    const field = problem.unknown_reference as string;
    const at = fieldOf(Number(problem.position) - 1);
    throw badInput(`${field} does not refer to an existing item in this organisation`, at ? `${at}.${field}` : field);
  }
  const created = new Set(rows.map((r) => r.id));
  const skippedKeys = prepared.filter((r) => !created.has(r.id) && r.idempotencyKey).map((r) => r.idempotencyKey as string);
  const existing = new Map<string, string>();
  if (skippedKeys.length > 0) {
    const rows = await db.query<{ id: string; idempotency_key: string }>(
      `select id, idempotency_key from responses where org_id = $1 and idempotency_key = any($2)`, [orgId, skippedKeys]);
    for (const row of rows) existing.set(row.idempotency_key, row.id);
  }
  return prepared.map((r) => created.has(r.id)
    ? { id: r.id, created: true }
    : { id: existing.get(r.idempotencyKey ?? '') ?? r.id, created: false });
}

/** Validate then store, all-or-nothing: one invalid response rejects the whole call. */
export async function ingestResponses(db: Queryable, orgId: string, inputs: ResponseInput[], source: ResponseSource, fieldOf = (i: number) => `responses[${i}]`): Promise<StoredResult[]> {
  const prepared: PreparedResponse[] = [];
  for (let i = 0; i < inputs.length; i++) prepared.push(await prepareResponse(db, orgId, inputs[i], fieldOf(i)));
  return storeResponses(db, orgId, prepared, source, fieldOf);
}
