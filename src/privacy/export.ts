/**
 * Everything Kaiku holds about one contact (GDPR art. 15 and 20), as one JSON document: the
 * contact with consent and operational data, touchpoint events, responses with every answer and
 * its text analysis, imported feedback texts, invitations, cases with their history, and the
 * churn risk. Texts are not redacted: they are the person's own words, given to that person.
 * Invitation tokens are left out: they are credentials, not information about the person.
 */
import type { Queryable } from '../db/connection.ts';
import { getContact } from '../contacts/service.ts';

export const CONTACT_EXPORT_FORMAT = 'kaiku.contact-export/1';

export async function exportContact(db: Queryable, orgId: string, contactId: string, now: Date) {
  const contact = await getContact(db, orgId, contactId); // 404 for another organisation's or an erased contact
  const q = <T = Record<string, unknown>>(text: string, more: unknown[] = []) => db.query<T>(text, [orgId, contactId, ...more]);
  const [organisation] = await db.query<{ id: string; name: string }>(`select id, name from organizations where id = $1`, [orgId]);
  const events = await q(`select e.id, e.touchpoint_id as "touchpointId", t.name as touchpoint, e.occurred_at as "occurredAt", e.unit_id as "unitId",
              e.employee_id as "employeeId", e.attributes, e.received_at as "receivedAt"
         from touchpoint_events e left join touchpoints t on t.org_id = e.org_id and t.id = e.touchpoint_id
        where e.org_id = $1 and e.contact_id = $2 order by e.occurred_at, e.id`);
  const responses = await q(`select r.id, r.survey_id as "surveyId", s.name as survey, r.touchpoint_id as "touchpointId", t.name as touchpoint, r.channel,
              r.unit_id as "unitId", r.employee_id as "employeeId", r.invitation_id as "invitationId", r.segment, r.language, r.source,
              r.submitted_at as "submittedAt", r.received_at as "receivedAt"
         from responses r left join surveys s on s.org_id = r.org_id and s.id = r.survey_id
              left join touchpoints t on t.org_id = r.org_id and t.id = r.touchpoint_id
        where r.org_id = $1 and r.contact_id = $2 order by r.submitted_at, r.id`);
  const responseIds = responses.map((r) => r.id as string);
  const answers = await db.query<{ responseId: string } & Record<string, unknown>>(
      `select a.response_id as "responseId", q.key as question, q.type::text as type,
              coalesce(q.texts -> r.language ->> 'label', q.texts -> s.default_language ->> 'label') as label,
              a.number, a.choice, a.choices, a.text, a.dont_know as "dontKnow",
              case when ti.response_id is null then null else json_build_object('language', ti.language, 'sentiment', ti.sentiment,
                'score', ti.score, 'topics', ti.topics, 'analysedAt', ti.analysed_at) end as analysis
         from responses r join answers a on a.org_id = r.org_id and a.response_id = r.id
              join questions q on q.org_id = a.org_id and q.id = a.question_id
              join surveys s on s.org_id = r.org_id and s.id = r.survey_id
              left join text_insights ti on ti.org_id = a.org_id and ti.response_id = a.response_id and ti.question_id = a.question_id
        where r.org_id = $1 and r.id = any($2::uuid[]) order by r.submitted_at, r.id, q.position`, [orgId, responseIds]);
  const feedbackTexts = await q(`select id, source, external_id as "externalId", text, language_hint as "languageHint", occurred_at as "occurredAt",
              received_at as "receivedAt", language, sentiment, score, topics
         from feedback_texts where org_id = $1 and contact_id = $2 order by occurred_at, id`);
  const invitations = await q(`select i.id, i.survey_id as "surveyId", s.name as survey, i.channel, i.language, i.status, i.skip_reason as "skipReason",
              i.send_at as "sendAt", i.sent_at as "sentAt", i.delivered_at as "deliveredAt", i.opened_at as "openedAt",
              i.started_at as "startedAt", i.answered_at as "answeredAt", i.reminded_at as "remindedAt", i.expires_at as "expiresAt",
              i.created_at as "createdAt"
         from invitations i left join surveys s on s.org_id = i.org_id and s.id = i.survey_id
        where i.org_id = $1 and i.contact_id = $2 order by i.created_at, i.id`);
  const cases = await q<{ id: string } & Record<string, unknown>>(
      `select c.id, c.kind, c.title, c.status, c.priority, c.response_id as "responseId", c.created_at as "createdAt",
              c.due_at as "dueAt", c.resolved_at as "resolvedAt", c.closed_at as "closedAt", c.root_cause_code as "rootCauseCode",
              c.resolution, c.follow_up_score as "followUpScore", c.follow_up_solved as "followUpSolved", c.recovered
         from cases c
        where c.org_id = $1 and (c.contact_id = $2 or c.response_id = any($3::uuid[]))
        order by c.created_at, c.id`, [responseIds]);
  const activity = await q<{ caseId: string } & Record<string, unknown>>(
      `select a.case_id as "caseId", a.at, a.kind, a.data
         from case_activity a join cases c on c.org_id = a.org_id and c.id = a.case_id
        where a.org_id = $1 and (c.contact_id = $2 or c.response_id = any($3::uuid[]))
        order by a.at, a.id`, [responseIds]);
  // The organisation's current model is its latest finished run (src/churn/service.ts).
  const churn = await q(`select s.model_id as "modelId", m.finished_at as "scoredAt", s.risk, s.reasons
         from churn_scores s join churn_models m on m.org_id = s.org_id and m.id = s.model_id
        where s.org_id = $1 and s.contact_id = $2 and m.status = 'done' order by m.finished_at desc limit 1`);
  const answersOf = new Map<string, Array<Record<string, unknown>>>();
  for (const { responseId, ...answer } of answers) answersOf.set(responseId, [...(answersOf.get(responseId) ?? []), answer]);
  const activityOf = new Map<string, Array<Record<string, unknown>>>();
  for (const { caseId, ...entry } of activity) activityOf.set(caseId, [...(activityOf.get(caseId) ?? []), entry]);
  return {
    format: CONTACT_EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    organisation,
    contact,
    touchpointEvents: events,
    responses: responses.map((r) => ({ ...r, answers: answersOf.get(r.id as string) ?? [] })),
    feedbackTexts,
    invitations,
    cases: cases.map((c) => ({ ...c, activity: activityOf.get(c.id) ?? [] })),
    churnRisk: churn[0] ?? null,
  };
}
