/**
 * Reaching the customer from a case and measuring whether they were won back:
 *  - a follow-up e-mail (the owner's message in the customer's language), logged in the case;
 *  - a re-survey after resolution ("is it solved?" + the 0–10 score) through a personal
 *    invitation link (the `invitations` token mechanism), logged in the case;
 *  - the contact's follow-up answer — the re-survey, or their next answer with a 0–10 score —
 *    recorded on the case by the outbox drain, with `recovered` for cases on a detractor
 *    answer (no longer a detractor: score ≥ 7). Recovery rate = recovered / detractor cases
 *    with a follow-up answer (caseMetrics).
 */
import type { Database, Queryable } from '../db/connection.ts';
import { resurveySurveyIdOf } from '../orgs/service.ts';
import type { AuthContext } from '../auth/permissions.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { conflict, KaikuError } from '../errors.ts';
import { followUpEmail, resurveyDefinition, resurveyEmail } from '../mail/customer.ts';
import { createSurvey, deleteSurvey } from '../surveys/service.ts';
import { createInvitation } from '../surveys/invitations.ts';
import { appendActivity, getCase, visibleCase, type LoopDeps } from './cases.ts';
import { publishLoopEvents, type LoopEvent } from './events.ts';

export interface CustomerMailDeps extends LoopDeps { mailer?: Mailer; publicUrl: string }

interface Recipient { email: string | null; name: string | null; language: string | null; consent: boolean; withdrawn: boolean; organisation: string; sender: string | null; responseLanguage: string | null; requested: boolean }

/**
 * Whom a case's e-mails go to: its contact, or — when the answer came without one — the address
 * the respondent gave with their consent to be contacted about it (src/surveys/contact-requests.ts).
 * That consent is for this follow-up only, not for survey e-mails (`consent` stays false).
 */
async function recipientOf(db: Queryable, orgId: string, c: { contactId: unknown; ownerUserId: string | null; responseId: unknown }): Promise<Recipient> {
  const [row] = await db.query<Recipient>(
    `select coalesce(ct.email, case when ct.id is null then rcr.email end) as email, ct.name, ct.language,
            coalesce(ct.consent_survey_email and ct.consent_withdrawn_at is null, false) as consent,
            (ct.consent_withdrawn_at is not null) as withdrawn, (ct.id is null and rcr.email is not null) as requested,
            o.name as organisation, u.name as sender, r.language as "responseLanguage"
       from organizations o
       left join contacts ct on ct.org_id = o.id and ct.id = $2
       left join users u on u.org_id = o.id and u.id = $3
       left join responses r on r.org_id = o.id and r.id = $4
       left join response_contact_requests rcr on rcr.org_id = o.id and rcr.response_id = r.id and $2::uuid is null
      where o.id = $1`, [orgId, c.contactId ?? null, c.ownerUserId, c.responseId ?? null]);
  if (!row?.email) throw conflict('The case has no contact with an e-mail address to write to, and the customer did not give one with consent to be contacted', 'id');
  return row;
}

function mailerOf(deps: CustomerMailDeps): Mailer {
  if (!deps.mailer) throw new KaikuError('mail_not_configured', 'E-mail is not configured on this server (SMTP_HOST)', { status: 503 });
  return deps.mailer;
}

async function send(mailer: Mailer, message: Parameters<Mailer['send']>[0]) {
  try {
    await mailer.send(message);
  } catch (error) {
    throw new KaikuError('mail_failed', `The e-mail could not be sent: ${(error as Error).message}`, { status: 502 });
  }
}

const stamp = `update cases set updated_at = $3, first_action_at = coalesce(first_action_at, $3) where org_id = $1 and id = $2`;

/**
 * E-mails the customer the owner's message. The case is locked while the mail goes out, so the
 * activity entry exists exactly when the mail was accepted by the SMTP server.
 */
export async function sendFollowUp(deps: CustomerMailDeps, auth: AuthContext, caseId: string, input: { message: string; subject?: string; language?: string }) {
  const mailer = mailerOf(deps);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const current = await visibleCase(tx, auth, caseId, true);
    const to = await recipientOf(tx, auth.orgId, current);
    // A withdrawal or an unsubscribe stops every message to the customer, this one too.
    if (to.withdrawn) throw conflict('The contact has withdrawn consent to be contacted', 'id');
    const mail = followUpEmail(input.message, {
      language: input.language ?? to.language ?? to.responseLanguage, organisationName: to.organisation, contactName: to.name, senderName: to.sender,
    }, input.subject);
    await send(mailer, { to: to.email as string, subject: mail.subject, html: mail.html, text: mail.text, language: mail.language });
    await appendActivity(tx, auth, caseId, 'follow_up_sent', { subject: mail.subject, language: mail.language, message: input.message }, now);
    await tx.query(stamp, [auth.orgId, caseId, now.toISOString()]);
  });
  return getCase(deps.db, auth, caseId);
}

/** The organisation's re-survey, created in its four languages the first time a case needs it. */
export async function resurveySurveyId(db: Database, orgId: string): Promise<string> {
  const existing = await resurveySurveyIdOf(db, orgId);
  if (existing) return existing;
  const survey = await createSurvey(db, orgId, resurveyDefinition());
  const [claimed] = await db.query<{ resurvey_survey_id: string }>(
    `update organizations set resurvey_survey_id = $2 where id = $1 and resurvey_survey_id is null returning resurvey_survey_id`, [orgId, survey.id]);
  if (claimed) return claimed.resurvey_survey_id;
  // Another request created one at the same moment: keep theirs.
  await deleteSurvey(db, orgId, survey.id);
  return resurveySurveyId(db, orgId);
}

/** Sends the "is it solved?" re-survey to the contact of a resolved (or closed) case, once. */
export async function sendResurvey(deps: CustomerMailDeps, auth: AuthContext, caseId: string, input: { language?: string; expiresInDays?: number }) {
  const mailer = mailerOf(deps);
  const surveyId = await resurveySurveyId(deps.db, auth.orgId);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const current = await visibleCase(tx, auth, caseId, true);
    if (current.status !== 'resolved' && current.status !== 'closed') throw conflict('The re-survey is sent after the case is resolved', 'status');
    if (current.resurveyInvitationId) throw conflict('The re-survey of this case has been sent already', 'id');
    const to = await recipientOf(tx, auth.orgId, current);
    if (!to.consent) throw conflict('The contact has not consented to survey e-mails', 'id');
    const language = input.language ?? to.language ?? to.responseLanguage ?? undefined;
    // Only the contact: the answer must not count towards the touchpoint's or the employee's scores.
    const invitation = await createInvitation(tx, auth.orgId, surveyId, { contactId: current.contactId as string, channel: 'email', language, expiresInDays: input.expiresInDays ?? 30 });
    const link = `${deps.publicUrl.replace(/\/$/, '')}/r/${invitation.token}`;
    const mail = resurveyEmail(link, { language, organisationName: to.organisation, contactName: to.name, senderName: to.sender });
    await tx.query(`update cases set resurvey_invitation_id = $3 where org_id = $1 and id = $2`, [auth.orgId, caseId, invitation.id]);
    await appendActivity(tx, auth, caseId, 'resurvey_sent', { invitationId: invitation.id, language: mail.language, expiresAt: invitation.expiresAt }, now);
    await tx.query(stamp, [auth.orgId, caseId, now.toISOString()]);
    await send(mailer, { to: to.email as string, subject: mail.subject, html: mail.html, text: mail.text, language: mail.language });
  });
  return getCase(deps.db, auth, caseId);
}

/** NPS at or above this is not a detractor. */
export const NOT_DETRACTOR = 7;

interface FollowUpMatch {
  case_id: string;
  response_id: string;
  score: number;
  solved: string | null;
  original: number | null;
  via_resurvey: boolean;
}

/**
 * Records stored responses as follow-up answers of their contacts' earlier problem cases (inside
 * the outbox drain's transaction). Returns the ids of responses to the re-survey, which alert
 * rules do not evaluate (their verdict is the recovery, not a new case).
 */
export async function recordFollowUpAnswers(tx: Queryable, publish: { queue: () => JobQueue } | null, orgId: string, responseIds: string[], now: Date): Promise<Set<string>> {
  const rows = await tx.query<FollowUpMatch & { resurvey: boolean }>(
    `with answered as (
       select r.id, r.contact_id, r.invitation_id, r.submitted_at, r.survey_id = o.resurvey_survey_id as resurvey,
              (select a.number from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
                where a.org_id = r.org_id and a.response_id = r.id and q.type = 'nps' and a.number is not null order by q.position limit 1) as score,
              (select a.choice from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
                where a.org_id = r.org_id and a.response_id = r.id and q.key = 'solved' and r.survey_id = o.resurvey_survey_id limit 1) as solved
         from responses r join organizations o on o.id = r.org_id
        where r.org_id = $1 and r.id = any($2::uuid[]) and r.contact_id is not null
     ), matched as (
       select distinct on (c.id) c.id as case_id, a.id as response_id, a.score, a.solved,
              coalesce(a.invitation_id = c.resurvey_invitation_id, false) as via_resurvey,
              (select oa.number from answers oa join questions oq on oq.org_id = oa.org_id and oq.id = oa.question_id
                where oa.org_id = c.org_id and oa.response_id = c.response_id and oq.type = 'nps' and oa.number is not null
                order by oq.position limit 1) as original
         from answered a
         join cases c on c.org_id = $1 and c.contact_id = a.contact_id and c.kind = 'problem' and c.follow_up_response_id is null
         left join responses orig on orig.org_id = c.org_id and orig.id = c.response_id
        where a.score is not null and a.id is distinct from c.response_id
          and (a.invitation_id = c.resurvey_invitation_id or orig.submitted_at is null or a.submitted_at > orig.submitted_at)
        order by c.id, (a.invitation_id = c.resurvey_invitation_id) desc nulls last, a.submitted_at
     ), updated as (
       update cases c set follow_up_response_id = m.response_id, follow_up_score = m.score,
              follow_up_solved = case m.solved when 'yes' then true when 'no' then false end,
              recovered = case when m.original < ${NOT_DETRACTOR} then m.score >= ${NOT_DETRACTOR} end, updated_at = $3
         from matched m where c.org_id = $1 and c.id = m.case_id
       returning c.id
     )
     select m.*, false as resurvey from matched m join updated u on u.id = m.case_id
     union all
     select null, a.id, null, null, null, null, true from answered a where a.resurvey`,
    [orgId, responseIds, now.toISOString()]);
  const resurveyAnswers = new Set(rows.filter((r) => r.resurvey).map((r) => r.response_id));
  const matches = rows.filter((r) => !r.resurvey);
  if (matches.length === 0) return resurveyAnswers;
  const data = matches.map((m) => JSON.stringify({
    responseId: m.response_id, score: m.score, solved: m.solved === null ? null : m.solved === 'yes', viaResurvey: m.via_resurvey,
    recovered: m.original === null || m.original >= NOT_DETRACTOR ? null : m.score >= NOT_DETRACTOR,
  }));
  await tx.query(
    `insert into case_activity (org_id, case_id, id, at, kind, data)
     select $1, m.case_id, gen_random_uuid(), $3, 'follow_up_answer', m.data::jsonb from unnest($2::uuid[], $4::text[]) as m(case_id, data)`,
    [orgId, matches.map((m) => m.case_id), now.toISOString(), data]);
  if (publish) {
    const events: LoopEvent[] = matches.map((m, i) => ({ type: 'case.updated', orgId, caseId: m.case_id, at: now.toISOString(), data: { followUpAnswer: JSON.parse(data[i]) } }));
    await publishLoopEvents(publish, events, tx);
  }
  return resurveyAnswers;
}
