/**
 * Erasing a contact (GDPR art. 17). Their personal data is deleted; their answers stay as
 * anonymous answers so every aggregate — the score-histogram rollups included — keeps counting
 * them. What happens to each place that holds personal data is the table in docs/security.md
 * ("Erasing a contact"); in short:
 *  - deleted: the contact row, touchpoint events (and their pulse outbox rows), churn scores,
 *    open-text answers (their own words; text analyses go with them), consents to be contacted
 *    given on their responses or with their e-mail address or phone number, imported feedback texts
 *    linked to them, labelled topic examples copied from those texts;
 *  - detached: responses (contact id and idempotency key nulled; scores, choices, unit,
 *    touchpoint, segment kept), invitations (contact id nulled, token replaced so the personal
 *    links die, anything still planned skipped as `erased`), cases (contact id nulled);
 *  - scrubbed: case titles, resolutions, notes and follow-up e-mails of their cases (their name,
 *    e-mail, phone and external id, then the PII patterns of src/text/redact.ts), the answer
 *    excerpts in notifications about those cases, and webhook delivery payloads that name the
 *    contact, their responses or their cases (undelivered ones are not sent).
 * Rollups: responses and answers are changed in separate statements (src/db/schema.ts rule), and
 * only rows without a score are deleted, so the triggers' deltas sum to zero for the scores.
 */
import type { Database, Queryable } from '../db/connection.ts';
import { notFound } from '../errors.ts';
import { redactPii } from '../text/redact.ts';
import { recordAudit, type AuditActor } from '../audit/log.ts';
import { deleteContactRequests, deleteContactRequestsOf } from '../surveys/contact-requests.ts';

export interface ErasureFigures {
  contacts: number;
  responsesAnonymised: number;
  textAnswersDeleted: number;
  feedbackTextsDeleted: number;
  topicExamplesDeleted: number;
  eventsDeleted: number;
  churnScoresDeleted: number;
  invitationsAnonymised: number;
  casesScrubbed: number;
  webhookDeliveriesErased: number;
  contactRequestsDeleted: number;
}

export type EraseResult =
  | ({ status: 'erased'; contactId: string; erasedAt: string } & ErasureFigures)
  | { status: 'already_erased'; contactId: string; erasedAt: string };

interface Identity { id: string; external_id: string | null; email: string | null; phone: string | null; name: string | null }

const ERASED = '[erased]';

/** Replaces the contact's own identifiers (whole, case-insensitive), then the PII patterns. */
export function scrubText(text: string, identifiers: string[]): string {
  let out = text;
  for (const value of identifiers) {
    if (value.trim().length < 3) continue; // "Al" would scrub too much and identify little
    out = out.replace(new RegExp(value.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), ERASED);
  }
  return redactPii(out);
}

function scrubJson(value: unknown, identifiers: string[]): unknown {
  if (typeof value === 'string') return scrubText(value, identifiers);
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, identifiers));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v, identifiers)]));
  return value;
}

const count = (rows: unknown[]) => rows.length;

/**
 * Erases the given contacts of one organisation inside the caller's transaction. The contacts
 * must exist (the caller locked them). Returns what was done, summed over the contacts.
 */
export async function eraseContacts(tx: Queryable, orgId: string, contactIds: string[]): Promise<ErasureFigures> {
  const figures: ErasureFigures = {
    contacts: 0, responsesAnonymised: 0, textAnswersDeleted: 0, feedbackTextsDeleted: 0, topicExamplesDeleted: 0, eventsDeleted: 0,
    churnScoresDeleted: 0, invitationsAnonymised: 0, casesScrubbed: 0, webhookDeliveriesErased: 0, contactRequestsDeleted: 0,
  };
  if (contactIds.length === 0) return figures;
  const people = await tx.query<Identity>(
    `select id, external_id, email, phone, name from contacts where org_id = $1 and id = any($2::uuid[])`, [orgId, contactIds]);
  const ids = people.map((p) => p.id);
  const identifiers = people.flatMap((p) => [p.name, p.email, p.phone, p.external_id]).filter((v): v is string => !!v);
  const responseIds = (await tx.query<{ id: string }>(
    `select id from responses where org_id = $1 and contact_id = any($2::uuid[])`, [orgId, ids])).map((r) => r.id);

  // Their words, remembered to find copies among the labelled topic examples.
  const texts = (await tx.query<{ text: string }>(
    `select text from answers where org_id = $1 and response_id = any($2::uuid[]) and text is not null
     union select text from feedback_texts where org_id = $1 and contact_id = any($3::uuid[])`, [orgId, responseIds, ids])).map((r) => r.text);

  // Answers, then responses: two statements, so each table's rollup trigger sees its own change.
  figures.textAnswersDeleted = count(await tx.query(
    `delete from answers where org_id = $1 and response_id = any($2::uuid[]) and text is not null returning response_id`, [orgId, responseIds]));
  // An address given with consent to be contacted is theirs too, on an anonymous answer as well.
  figures.contactRequestsDeleted = await deleteContactRequests(tx, orgId, responseIds)
    + await deleteContactRequestsOf(tx, orgId, people.flatMap((p) => (p.email ? [p.email] : [])), people.flatMap((p) => (p.phone ? [p.phone] : [])));
  figures.responsesAnonymised = count(await tx.query(
    `update responses set contact_id = null, idempotency_key = null where org_id = $1 and id = any($2::uuid[]) returning id`, [orgId, responseIds]));
  figures.feedbackTextsDeleted = count(await tx.query(
    `delete from feedback_texts where org_id = $1 and contact_id = any($2::uuid[]) returning id`, [orgId, ids]));
  if (texts.length > 0) {
    figures.topicExamplesDeleted = count(await tx.query(
      `delete from text_topic_examples where org_id = $1 and text = any($2::text[]) returning id`, [orgId, texts]));
  }
  await tx.query(
    `delete from pulse_outbox where org_id = $1 and event_id in (select id from touchpoint_events where org_id = $1 and contact_id = any($2::uuid[]))`, [orgId, ids]);
  figures.eventsDeleted = count(await tx.query(
    `delete from touchpoint_events where org_id = $1 and contact_id = any($2::uuid[]) returning id`, [orgId, ids]));
  // Churn scores have no foreign key (src/db/schema.ts); naming the models uses the primary key.
  figures.churnScoresDeleted = count(await tx.query(
    `delete from churn_scores where org_id = $1 and contact_id = any($2::uuid[])
        and model_id in (select id from churn_models where org_id = $1) returning contact_id`, [orgId, ids]));
  // The funnel keeps counting the invitations; their links stop working with the new token.
  figures.invitationsAnonymised = count(await tx.query(
    `update invitations
        set contact_id = null, token = replace(gen_random_uuid()::text, '-', ''),
            status = case when status in ('scheduled', 'waiting') then 'skipped' else status end,
            skip_reason = case when status in ('scheduled', 'waiting') then 'erased' else skip_reason end,
            remind_at = case when reminded_at is null then null else remind_at end
      where org_id = $1 and contact_id = any($2::uuid[]) returning id`, [orgId, ids]));

  const cases = await tx.query<{ id: string; title: string; resolution: string | null }>(
    `select id, title, resolution from cases
      where org_id = $1 and (contact_id = any($2::uuid[]) or response_id = any($3::uuid[]) or follow_up_response_id = any($3::uuid[]))`,
    [orgId, ids, responseIds]);
  const caseIds = cases.map((c) => c.id);
  if (cases.length > 0) {
    await tx.query(
      `update cases c set contact_id = null, title = u.title, resolution = u.resolution
         from unnest($2::uuid[], $3::text[], $4::text[]) as u(id, title, resolution)
        where c.org_id = $1 and c.id = u.id`,
      [orgId, caseIds, cases.map((c) => scrubText(c.title, identifiers)), cases.map((c) => (c.resolution === null ? null : scrubText(c.resolution, identifiers)))]);
    const activity = await tx.query<{ case_id: string; id: string; kind: string; data: Record<string, unknown> }>(
      `select case_id, id, kind, data from case_activity where org_id = $1 and case_id = any($2::uuid[])`, [orgId, caseIds]);
    const changed = activity.map((a) => {
      // The message written to the customer is about them from the first word to the last.
      const data = a.kind === 'follow_up_sent' ? { ...a.data, message: ERASED } : a.data;
      return { ...a, data: JSON.stringify(scrubJson(data, identifiers)) };
    }).filter((a, i) => a.data !== JSON.stringify(activity[i].data));
    if (changed.length > 0) {
      await tx.query(
        `update case_activity a set data = u.data from unnest($2::uuid[], $3::uuid[], $4::jsonb[]) as u(case_id, id, data)
          where a.org_id = $1 and a.case_id = u.case_id and a.id = u.id`,
        [orgId, changed.map((a) => a.case_id), changed.map((a) => a.id), changed.map((a) => a.data)]);
    }
    await tx.query(
      `update notifications n set data = (n.data - 'verbatim') || jsonb_build_object('title', c.title)
         from cases c where n.org_id = $1 and n.case_id = any($2::uuid[]) and c.org_id = n.org_id and c.id = n.case_id`, [orgId, caseIds]);
  }
  figures.casesScrubbed = cases.length;

  const mentioned = [...ids, ...responseIds, ...caseIds].map((id) => `%${id}%`);
  figures.webhookDeliveriesErased = count(await tx.query(
    `update webhook_deliveries
        set payload = jsonb_build_object('erased', true),
            status = case when status in ('pending', 'retrying', 'sending') then 'failed' else status end,
            last_error = case when status in ('pending', 'retrying', 'sending') then 'not sent: the contact was erased' else last_error end
      where org_id = $1 and payload::text like any($2::text[]) and not payload ? 'erased' returning id`, [orgId, mentioned]));

  figures.contacts = count(await tx.query(`delete from contacts where org_id = $1 and id = any($2::uuid[]) returning id`, [orgId, ids]));
  return figures;
}

/** When the contact was erased, from the audit log; undefined when it never was (in this organisation). */
export async function erasedAt(db: Queryable, orgId: string, contactId: string): Promise<Date | undefined> {
  const [row] = await db.query<{ at: Date }>(
    `select at from audit_log where org_id = $1 and action = 'contact.erase' and target_type = 'contact' and target_id = $2 order by at limit 1`,
    [orgId, contactId]);
  return row ? new Date(row.at) : undefined;
}

/**
 * Erases one contact, recorded in the audit log in the same transaction. Erasing again answers
 * `already_erased` with the time of the erasure; a contact this organisation never had is 404.
 */
export async function eraseContact(db: Database, orgId: string, contactId: string, who: { actor: AuditActor; ip?: string; now: Date }): Promise<EraseResult> {
  return db.transaction(async (tx) => {
    const [locked] = await tx.query(`select id from contacts where org_id = $1 and id = $2 for update`, [orgId, contactId]);
    if (!locked) {
      const at = await erasedAt(tx, orgId, contactId);
      if (!at) throw notFound('Contact', 'id');
      return { status: 'already_erased', contactId, erasedAt: at.toISOString() };
    }
    const figures = await eraseContacts(tx, orgId, [contactId]);
    // Ids and counts only: the entry must not itself keep what was erased.
    await recordAudit(tx, { orgId, actor: who.actor, ip: who.ip, action: 'contact.erase', target: { type: 'contact', id: contactId }, details: { ...figures } });
    return { status: 'erased', contactId, erasedAt: who.now.toISOString(), ...figures };
  });
}
