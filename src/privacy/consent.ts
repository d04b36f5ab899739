/**
 * Consent withdrawal stops every planned contact at once: the invitations still to be sent
 * (scheduled e-mail and SMS, web invitations waiting for the next visit) become skipped with
 * their reason, and reminders not yet sent are dropped — in the transaction that records the
 * withdrawal, so the funnel shows it immediately and nothing depends on the sender's re-check
 * (src/distribution/dispatch.ts re-checks consent too, as a second wall).
 */
import type { Queryable } from '../db/connection.ts';

/**
 * For the given contacts, cancels what may no longer go out under their current consent: all of
 * it after a withdrawal or an unsubscribe, else e-mail without e-mail consent and SMS without SMS
 * consent. Returns how many invitations changed. Idempotent.
 */
export async function stopPlannedContact(tx: Queryable, orgId: string, contactIds: string[]): Promise<number> {
  if (contactIds.length === 0) return 0;
  const rows = await tx.query(
    `update invitations i
        set status = case when i.status in ('scheduled', 'waiting') then 'skipped' else i.status end,
            skip_reason = case when i.status in ('scheduled', 'waiting')
                               then case when c.consent_withdrawn_at is not null and c.unsubscribed_at >= c.consent_withdrawn_at
                                         then 'unsubscribed' else 'no_consent' end
                               else i.skip_reason end,
            remind_at = case when i.reminded_at is null then null else i.remind_at end
       from contacts c
      where c.org_id = $1 and c.id = any($2::uuid[]) and i.org_id = c.org_id and i.contact_id = c.id
        and (i.status in ('scheduled', 'waiting') or (i.remind_at is not null and i.reminded_at is null))
        and (c.consent_withdrawn_at is not null
             or (i.channel = 'email' and not c.consent_survey_email)
             or (i.channel = 'sms' and not c.consent_survey_sms))
      returning i.id`, [orgId, contactIds]);
  return rows.length;
}
