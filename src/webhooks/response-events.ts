/**
 * `response.created` webhooks, published by the outbox drain (src/loop/evaluate.ts) in its own
 * transaction — never by the ingestion statement, so a subscriber costs ingestion nothing. The
 * payload carries the response's ids and its scored answers; open-text answers stay out of
 * webhooks (customer words and possible personal data), as with cases.
 */
import type { Queryable } from '../db/connection.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { derivedId, publishWebhookEvents, subscribedWebhooks } from './service.ts';

interface ResponseRow {
  id: string; surveyId: string; touchpointId: string | null; channel: string | null; unitId: string | null; employeeId: string | null;
  contactId: string | null; invitationId: string | null; segment: string | null; language: string; source: string; submittedAt: Date; receivedAt: Date;
}

export async function publishResponsesCreated(
  tx: Queryable, ctx: { queue?: () => JobQueue | undefined; now: () => Date }, orgId: string, responseIds: string[],
): Promise<number> {
  if (responseIds.length === 0 || (await subscribedWebhooks(tx, orgId, 'response.created')).length === 0) return 0;
  const [responses, answers] = await Promise.all([
    tx.query<ResponseRow>(
      `select id, survey_id as "surveyId", touchpoint_id as "touchpointId", channel, unit_id as "unitId", employee_id as "employeeId",
              contact_id as "contactId", invitation_id as "invitationId", segment, language, source, submitted_at as "submittedAt", received_at as "receivedAt"
         from responses where org_id = $1 and id = any($2::uuid[]) order by id`, [orgId, responseIds]),
    tx.query<{ response_id: string; key: string; type: string; number: number | null; choice: string | null; choices: string[] | null; dont_know: boolean }>(
      `select a.response_id, q.key, q.type::text as type, a.number, a.choice, a.choices, a.dont_know
         from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
        where a.org_id = $1 and a.response_id = any($2::uuid[]) and a.text is null order by q.position`, [orgId, responseIds]),
  ]);
  const byResponse = new Map<string, Array<Record<string, unknown>>>();
  for (const a of answers) {
    const value = a.dont_know ? 'dont_know' : a.number ?? a.choice ?? a.choices;
    byResponse.set(a.response_id, [...(byResponse.get(a.response_id) ?? []), { question: a.key, type: a.type, value }]);
  }
  return publishWebhookEvents({ db: tx, queue: ctx.queue, now: ctx.now }, orgId, 'response.created', responses.map((r) => ({
    eventId: derivedId('response.created', r.id),
    occurredAt: new Date(r.receivedAt).toISOString(),
    data: { response: { ...r, submittedAt: new Date(r.submittedAt).toISOString(), receivedAt: new Date(r.receivedAt).toISOString(), answers: byResponse.get(r.id) ?? [] } },
  })), tx);
}
