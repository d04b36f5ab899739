/**
 * Web invitations through the widget. A pulse rule with the web channel leaves its invitation
 * `waiting` (src/distribution/). The customer's site tells the widget who is signed in —
 * `kaiku('identify', { externalId, signature })`, the signature being HMAC-SHA256 of the external
 * id under the widget's identity secret, computed by the site's backend — so nobody can ask for
 * someone else's invitation by typing an id. The widget then asks for that contact's waiting
 * invitation and shows it once; the answer is stored against the invitation (and so its contact
 * and event) exactly once.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Database, Queryable } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import { outsideQuietHours, unsubscribed } from '../distribution/policy.ts';
import { getSurvey } from '../surveys/service.ts';
import type { Survey } from '../surveys/schema.ts';
import { storeResponses, prepareResponse, type StoredResult } from '../responses/service.ts';
import type { PulseAnswer, PulseSurvey } from '../../widget/pulse.ts';
import { assertPulseShaped, pulseSurvey, surveyLanguage, type Collector } from './service.ts';

/** What the customer's backend computes: hex HMAC-SHA256 of the external id under the secret. */
export const identitySignature = (secret: string, externalId: string) => createHmac('sha256', secret).update(externalId, 'utf8').digest('hex');

/**
 * Checks the widget's claim "this visitor is contact `externalId`". 401 without a signature,
 * 403 when the widget has no secret or the signature is not the secret's for this id.
 */
export function verifyIdentity(collector: Collector, externalId: string, signature: string | undefined): void {
  if (!signature) {
    throw new KaikuError('signature_required', 'kaiku(\'identify\') needs a signature: the hex HMAC-SHA256 of externalId under the widget\'s identity secret, computed by your site\'s backend', { status: 401, field: 'signature' });
  }
  if (!collector.identitySecret) {
    throw new KaikuError('identify_not_enabled', 'This widget has no identity secret; create one with PATCH /api/v1/collectors/{id} {"rotateIdentitySecret": true}', { status: 403, field: 'signature' });
  }
  const expected = Buffer.from(identitySignature(collector.identitySecret, externalId), 'hex');
  const given = /^[0-9a-fA-F]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new KaikuError('bad_signature', 'The signature is not this widget\'s HMAC-SHA256 of externalId: check the identity secret your backend uses', { status: 403, field: 'signature' });
  }
}

export interface ShownInvitation {
  token: string;
  survey: PulseSurvey;
}

interface WaitingRow {
  id: string;
  token: string;
  survey_id: string;
  language: string | null;
  expires_at: Date | null;
  quiet_start: string | null;
  quiet_end: string | null;
  time_zone: string;
}

/**
 * The contact's oldest waiting web invitation that may be shown now, claimed in the same
 * statement (status delivered, shown = opened and started), so two tabs show it once. On the
 * way: invitations that expired or whose contact withdrew consent are recorded as skipped with
 * that reason and never shown; one inside its rule's quiet hours (contact's time zone, else the
 * organisation's) stays waiting for a later visit.
 */
export async function claimWaitingInvitation(db: Database, collector: Collector, externalId: string, now: Date): Promise<ShownInvitation | null> {
  const [contact] = await db.query<{ id: string; language: string | null; consent_withdrawn_at: Date | null; unsubscribed_at: Date | null }>(
    `select id, language, consent_withdrawn_at, unsubscribed_at from contacts where org_id = $1 and external_id = $2`, [collector.orgId, externalId]);
  // An unknown id says nothing either way: the site may identify visitors Kaiku never invited.
  if (!contact) return null;
  const at = now.toISOString();
  if (contact.consent_withdrawn_at) {
    const reason = unsubscribed({ consentWithdrawnAt: contact.consent_withdrawn_at, unsubscribedAt: contact.unsubscribed_at }) ? 'unsubscribed' : 'no_consent';
    await db.query(`update invitations set status = 'skipped', skip_reason = $3 where org_id = $1 and contact_id = $2 and channel = 'web' and status = 'waiting'`,
      [collector.orgId, contact.id, reason]);
    return null;
  }
  await db.query(
    `update invitations set status = 'skipped', skip_reason = 'expired'
      where org_id = $1 and contact_id = $2 and channel = 'web' and status = 'waiting' and expires_at <= $3`, [collector.orgId, contact.id, at]);
  const waiting = await db.query<WaitingRow>(
    `select i.id, i.token, i.survey_id, i.language, i.expires_at, r.quiet_start, r.quiet_end, coalesce(c.time_zone, o.time_zone) as time_zone
       from invitations i
       join contacts c on c.org_id = i.org_id and c.id = i.contact_id
       join organizations o on o.id = i.org_id
       left join pulse_rules r on r.org_id = i.org_id and r.id = i.rule_id
      where i.org_id = $1 and i.contact_id = $2 and i.channel = 'web' and i.status = 'waiting' and i.answered_at is null
        and i.send_at <= $3 and (i.expires_at is null or i.expires_at > $3)
      order by i.send_at, i.id`, [collector.orgId, contact.id, at]);
  for (const row of waiting) {
    const quiet = row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null;
    if (outsideQuietHours(now, quiet, row.time_zone).getTime() !== now.getTime()) continue;
    const survey = await getSurvey(db, collector.orgId, row.survey_id);
    if (survey.status !== 'active' || !pulseShaped(survey)) continue;
    const claimed = await db.query(
      `update invitations set status = 'delivered', sent_at = $3, delivered_at = $3, opened_at = coalesce(opened_at, $3), started_at = coalesce(started_at, $3)
        where org_id = $1 and id = $2 and status = 'waiting' returning id`, [collector.orgId, row.id, at]);
    if (claimed.length === 0) continue; // another tab took it
    return { token: row.token, survey: pulseSurvey(survey, surveyLanguage(survey, row.language ?? contact.language ?? undefined), false) };
  }
  return null;
}

function pulseShaped(survey: Survey): boolean {
  try {
    assertPulseShaped(survey);
    return true;
  } catch {
    // A survey with other question types is answered through its e-mail link, not the widget.
    return false;
  }
}

export interface InvitationAnswer {
  token: string;
  idempotencyKey: string;
  language?: string;
  answers: PulseAnswer[];
}

/**
 * Stores the widget's answer to a shown invitation: one response with the invitation's contact,
 * touchpoint, unit and employee, the invitation marked answered in the same transaction. The
 * same idempotency key again returns the stored response (200); another answer to an answered
 * invitation is 409, to an expired one 410; a token of another organisation or channel is 404.
 */
export async function answerInvitation(db: Database, collector: Collector, body: InvitationAnswer, now: Date): Promise<StoredResult> {
  const idempotencyKey = `widget:${collector.id}:${body.idempotencyKey}`;
  const [inv] = await db.query<{ id: string; survey_id: string; contact_id: string | null; touchpoint_id: string | null; unit_id: string | null;
    employee_id: string | null; language: string | null; expires_at: Date | null; status: string; skip_reason: string | null }>(
    `select id, survey_id, contact_id, touchpoint_id, unit_id, employee_id, language, expires_at, status, skip_reason
       from invitations where org_id = $1 and token = $2 and channel = 'web'`, [collector.orgId, body.token]);
  if (!inv) throw new KaikuError('not_found', 'No web invitation of this widget\'s organisation has this token', { status: 404, field: 'token' });
  const survey = await getSurvey(db, collector.orgId, inv.survey_id);
  const prepared = await prepareResponse(db, collector.orgId, {
    surveyId: survey.id, touchpointId: inv.touchpoint_id, unitId: inv.unit_id, employeeId: inv.employee_id, contactId: inv.contact_id,
    invitationId: inv.id, channel: 'web', language: surveyLanguage(survey, body.language ?? inv.language ?? undefined),
    idempotencyKey, answers: body.answers,
  }, '', now.getTime());
  return db.transaction(async (tx) => {
    const earlier = await storedUnder(tx, collector.orgId, idempotencyKey);
    if (earlier) return { id: earlier, created: false };
    if (inv.status === 'skipped' || (inv.expires_at && new Date(inv.expires_at).getTime() <= now.getTime())) {
      throw new KaikuError('invitation_expired', inv.skip_reason === 'unsubscribed' || inv.skip_reason === 'no_consent'
        ? 'This invitation was withdrawn (the contact unsubscribed)' : 'This invitation has expired', { status: 410, field: 'token' });
    }
    // Claiming first locks the invitation, so two answers in flight store one response.
    const claimed = await tx.query(`update invitations set answered_at = $3 where org_id = $1 and id = $2 and answered_at is null returning id`,
      [collector.orgId, inv.id, now.toISOString()]);
    if (claimed.length === 0) {
      // The same answer sent twice at once: the other request stored it while this one waited.
      const stored = await storedUnder(tx, collector.orgId, idempotencyKey);
      if (stored) return { id: stored, created: false };
      throw new KaikuError('already_answered', 'This invitation has been answered already', { status: 409, field: 'token' });
    }
    const [stored] = await storeResponses(tx, collector.orgId, [prepared], 'widget');
    return stored!;
  });
}

async function storedUnder(db: Queryable, orgId: string, idempotencyKey: string): Promise<string | undefined> {
  const [row] = await db.query<{ id: string }>(`select id from responses where org_id = $1 and idempotency_key = $2`, [orgId, idempotencyKey]);
  return row?.id;
}
