/**
 * Sends due invitations and reminders. A sender claims a batch (status → sending, SKIP LOCKED,
 * so processes never take the same invitation), hands each message to SMTP or the SMS gateway,
 * and records the outcome: delivered (the server accepted it), bounced (refused for good: an
 * SMTP 5xx or a gateway 4xx), or back to scheduled with a growing delay after a temporary
 * failure — failed after five attempts. What changed since scheduling is checked first: consent
 * withdrawn or unsubscribed, expiry, survey closed (recorded as a skip with that reason).
 *
 * A sender that dies between claiming and recording leaves `sending` rows; after ten minutes
 * they are scheduled again (at-least-once: a message may then go out twice, never zero times).
 */
import type { Queryable } from '../db/connection.ts';
import type { Mailer } from '../mail/mailer.ts';
import { getSurvey } from '../surveys/service.ts';
import type { Survey } from '../surveys/schema.ts';
import { renderInvitationEmail, renderInvitationSms } from './message.ts';
import type { SendOutcome, SmsProvider } from './sms.ts';
import { unsubscribed, type SkipReason } from './policy.ts';

export const DISPATCH_BATCH = 200;
const MAX_ATTEMPTS = 5;
const CONCURRENCY = 40;
const LEASE_MINUTES = 10;

export interface Senders {
  mailer?: Mailer;
  sms?: SmsProvider;
  publicUrl: string;
}

interface Claimed {
  org_id: string;
  id: string;
  token: string;
  survey_id: string;
  contact_id: string | null;
  channel: string;
  language: string | null;
  expires_at: Date | null;
  attempts: number;
}

interface ContactRow {
  id: string; name: string | null; email: string | null; phone: string | null;
  consent_survey_email: boolean; consent_survey_sms: boolean; consent_withdrawn_at: Date | null; unsubscribed_at: Date | null;
}

type Outcome = SendOutcome | { outcome: 'skipped'; reason: SkipReason } | { outcome: 'failed'; error: string };

export const invitationLinks = (publicUrl: string, token: string) => ({
  answerUrl: `${publicUrl}/r/${token}`,
  unsubscribeUrl: `${publicUrl}/u/${token}`,
  openPixelUrl: `${publicUrl}/r/${token}/opened.gif`,
});

/** Runs `work` over `items` with at most `limit` in flight. */
async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** What the messages of a batch need: contacts, surveys and organisation names. */
async function loadContext(db: Queryable, claimed: Claimed[]) {
  const contacts = new Map<string, ContactRow>();
  const orgNames = new Map<string, string>();
  const surveys = new Map<string, Survey>();
  const orgIds = [...new Set(claimed.map((c) => c.org_id))];
  for (const orgId of orgIds) {
    const ids = claimed.filter((c) => c.org_id === orgId && c.contact_id).map((c) => c.contact_id as string);
    const rows = await db.query<ContactRow>(
      `select id, name, email, phone, consent_survey_email, consent_survey_sms, consent_withdrawn_at, unsubscribed_at
         from contacts where org_id = $1 and id = any($2::uuid[])`, [orgId, ids]);
    for (const row of rows) contacts.set(`${orgId}:${row.id}`, row);
  }
  for (const row of await db.query<{ id: string; name: string }>(`select id, name from organizations where id = any($1::uuid[])`, [orgIds])) orgNames.set(row.id, row.name);
  for (const key of new Set(claimed.map((c) => `${c.org_id}:${c.survey_id}`))) {
    const [orgId, surveyId] = key.split(':');
    surveys.set(key, await getSurvey(db, orgId, surveyId));
  }
  return { contact: (c: Claimed) => contacts.get(`${c.org_id}:${c.contact_id}`), orgName: (c: Claimed) => orgNames.get(c.org_id) ?? '', survey: (c: Claimed) => surveys.get(`${c.org_id}:${c.survey_id}`) };
}

/** Why this invitation must not go out now, if it must not. */
function skipReason(inv: Claimed, contact: ContactRow | undefined, survey: Survey | undefined, now: Date): SkipReason | undefined {
  if (!contact) return 'no_address';
  if (contact.consent_withdrawn_at) return unsubscribed({ consentWithdrawnAt: contact.consent_withdrawn_at, unsubscribedAt: contact.unsubscribed_at }) ? 'unsubscribed' : 'no_consent';
  if (inv.expires_at && new Date(inv.expires_at).getTime() <= now.getTime()) return 'expired';
  if (!survey || survey.status !== 'active') return 'survey_closed';
  if (inv.channel === 'email' && !contact.email) return 'no_address';
  if (inv.channel === 'email' && !contact.consent_survey_email) return 'no_consent';
  if (inv.channel === 'sms' && !contact.phone) return 'no_address';
  if (inv.channel === 'sms' && !contact.consent_survey_sms) return 'no_consent';
  return undefined;
}

async function deliver(senders: Senders, inv: Claimed, contact: ContactRow, survey: Survey, organisation: string, reminder: boolean): Promise<Outcome> {
  const language = inv.language ?? survey.defaultLanguage;
  const links = invitationLinks(senders.publicUrl, inv.token);
  if (inv.channel === 'sms') {
    if (!senders.sms) return { outcome: 'failed', error: 'no SMS gateway configured (KAIKU_SMS_URL)' };
    return senders.sms.send({ to: contact.phone as string, text: renderInvitationSms({ language, organisation, ...links }), reference: inv.id });
  }
  if (!senders.mailer) return { outcome: 'failed', error: 'no SMTP server configured (SMTP_HOST)' };
  const message = renderInvitationEmail({ language, organisation, contactName: contact.name, survey, ...links, reminder });
  try {
    await senders.mailer.send({
      to: contact.email as string, ...message, language,
      headers: { 'List-Unsubscribe': `<${links.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
    return { outcome: 'delivered' };
  } catch (error) {
    const e = error as { responseCode?: number; message?: string };
    const text = (e.message ?? String(error)).slice(0, 300);
    return typeof e.responseCode === 'number' && e.responseCode >= 500 ? { outcome: 'bounced', error: text } : { outcome: 'retry', error: text };
  }
}

/** Sends one batch of due invitations. Returns how many it claimed (0 = nothing due). */
export async function dispatchDue(db: Queryable, senders: Senders, now: Date, limit = DISPATCH_BATCH): Promise<{ claimed: number; outcomes: Record<string, number> }> {
  const claimed = await db.query<Claimed>(
    `update invitations i set status = 'sending', claimed_at = $1, attempts = i.attempts + 1
      where (i.org_id, i.id) in (select org_id, id from invitations where status = 'scheduled' and send_at <= $1
                                  order by send_at limit $2 for update skip locked)
      returning i.org_id, i.id, i.token, i.survey_id, i.contact_id, i.channel, i.language, i.expires_at, i.attempts`, [now.toISOString(), limit]);
  if (claimed.length === 0) return { claimed: 0, outcomes: {} };
  const context = await loadContext(db, claimed);
  const outcomes = await inParallel(claimed, CONCURRENCY, async (inv): Promise<Outcome> => {
    const contact = context.contact(inv);
    const survey = context.survey(inv);
    const reason = skipReason(inv, contact, survey, now);
    if (reason) return { outcome: 'skipped', reason };
    return deliver(senders, inv, contact as ContactRow, survey as Survey, context.orgName(inv), false);
  });
  const status = (inv: Claimed, o: Outcome) => {
    if (o.outcome === 'retry') return inv.attempts >= MAX_ATTEMPTS ? 'failed' : 'scheduled';
    return o.outcome;
  };
  // Temporary failures come back after 2, 4, 8, 16 minutes.
  const retryAt = (inv: Claimed) => new Date(now.getTime() + 2 ** inv.attempts * 60_000).toISOString();
  await db.query(
    `update invitations i set status = u.status, skip_reason = u.skip_reason, last_error = coalesce(u.error, i.last_error), claimed_at = null,
            send_at = coalesce(u.retry_at, i.send_at),
            sent_at = case when u.status in ('delivered', 'bounced') then $1::timestamptz else i.sent_at end,
            delivered_at = case when u.status = 'delivered' then $1::timestamptz else i.delivered_at end,
            bounced_at = case when u.status = 'bounced' then $1::timestamptz else i.bounced_at end,
            remind_at = case when u.status = 'delivered' then (
              select t from (select $1::timestamptz + make_interval(days => coalesce(
                       (select reminder_days from pulse_rules r where r.org_id = i.org_id and r.id = i.rule_id),
                       (select reminder_days from survey_waves w where w.org_id = i.org_id and w.id = i.wave_id))) as t) d
               where t is not null and (i.expires_at is null or t < i.expires_at)) end
       from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::timestamptz[]) as u(org_id, id, status, skip_reason, error, retry_at)
      where i.org_id = u.org_id and i.id = u.id`,
    [now.toISOString(), claimed.map((c) => c.org_id), claimed.map((c) => c.id), claimed.map((c, i) => status(c, outcomes[i])),
      outcomes.map((o) => (o.outcome === 'skipped' ? o.reason : null)), outcomes.map((o) => ('error' in o ? o.error : null)),
      claimed.map((c, i) => (status(c, outcomes[i]) === 'scheduled' ? retryAt(c) : null))]);
  const counts: Record<string, number> = {};
  claimed.forEach((c, i) => { const s = status(c, outcomes[i]); counts[s] = (counts[s] ?? 0) + 1; });
  return { claimed: claimed.length, outcomes: counts };
}

/** One reminder per invitation, to those who have not answered. Returns how many it claimed (0 = none due) and sent. */
export async function dispatchReminders(db: Queryable, senders: Senders, now: Date, limit = DISPATCH_BATCH): Promise<{ claimed: number; sent: number }> {
  // Answered or expired before their reminder: nothing to remind of.
  await db.query(
    `update invitations set remind_at = null
      where remind_at is not null and reminded_at is null and remind_at <= $1 and (answered_at is not null or expires_at <= $1)`, [now.toISOString()]);
  const claimed = await db.query<Claimed>(
    `update invitations i set reminded_at = $1
      where (i.org_id, i.id) in (select org_id, id from invitations
                                  where remind_at is not null and reminded_at is null and remind_at <= $1 and answered_at is null
                                  order by remind_at limit $2 for update skip locked)
      returning i.org_id, i.id, i.token, i.survey_id, i.contact_id, i.channel, i.language, i.expires_at, i.attempts`, [now.toISOString(), limit]);
  if (claimed.length === 0) return { claimed: 0, sent: 0 };
  const context = await loadContext(db, claimed);
  let sent = 0;
  await inParallel(claimed, CONCURRENCY, async (inv) => {
    const contact = context.contact(inv);
    const survey = context.survey(inv);
    if (skipReason(inv, contact, survey, now)) return;
    const outcome = await deliver(senders, inv, contact as ContactRow, survey as Survey, context.orgName(inv), true);
    if (outcome.outcome === 'delivered') sent++;
    // One attempt: a reminder that fails is not retried (the invitation itself went out).
    else await db.query(`update invitations set last_error = $3 where org_id = $1 and id = $2`, [inv.org_id, inv.id, `reminder: ${'error' in outcome ? outcome.error : outcome.outcome}`]);
  });
  return { claimed: claimed.length, sent };
}

/** Schedules again what a dead sender left claimed. */
export async function releaseStaleClaims(db: Queryable, now: Date): Promise<number> {
  const rows = await db.query(
    `update invitations set status = 'scheduled', claimed_at = null
      where status = 'sending' and claimed_at < $1::timestamptz - make_interval(mins => ${LEASE_MINUTES}) returning id`, [now.toISOString()]);
  return rows.length;
}
