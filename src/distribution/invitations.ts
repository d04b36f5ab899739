/** Reading the invitations distribution made (never their tokens: a token answers as the contact). */
import type { Queryable } from '../db/connection.ts';

export interface InvitationFilter {
  surveyId?: string; contactId?: string; eventId?: string; ruleId?: string; waveId?: string; status?: string; skipReason?: string;
  /** Id of the last invitation of the previous page. */
  before?: string;
  limit: number;
}

export interface DistributedInvitation {
  id: string; surveyId: string; contactId: string | null; touchpointId: string | null; eventId: string | null; ruleId: string | null; waveId: string | null;
  channel: string; language: string | null; status: string; skipReason: string | null; sendAt: Date | null; sentAt: Date | null;
  deliveredAt: Date | null; bouncedAt: Date | null; openedAt: Date | null; startedAt: Date | null; answeredAt: Date | null;
  remindAt: Date | null; remindedAt: Date | null; expiresAt: Date | null; attempts: number; lastError: string | null; createdAt: Date;
}

/** Newest first; `limit + 1` rows so the caller sees whether more follow. */
export async function listInvitations(db: Queryable, orgId: string, f: InvitationFilter): Promise<DistributedInvitation[]> {
  return db.query<DistributedInvitation>(
    `select i.id, i.survey_id as "surveyId", i.contact_id as "contactId", i.touchpoint_id as "touchpointId", i.event_id as "eventId",
            i.rule_id as "ruleId", i.wave_id as "waveId", i.channel, i.language, i.status, i.skip_reason as "skipReason", i.send_at as "sendAt",
            i.sent_at as "sentAt", i.delivered_at as "deliveredAt", i.bounced_at as "bouncedAt", i.opened_at as "openedAt",
            i.started_at as "startedAt", i.answered_at as "answeredAt", i.remind_at as "remindAt", i.reminded_at as "remindedAt",
            i.expires_at as "expiresAt", i.attempts, i.last_error as "lastError", i.created_at as "createdAt"
       from invitations i
      where i.org_id = $1 and i.status <> 'created'
        and ($2::uuid is null or i.survey_id = $2) and ($3::uuid is null or i.contact_id = $3) and ($4::uuid is null or i.event_id = $4)
        and ($5::uuid is null or i.rule_id = $5) and ($6::uuid is null or i.wave_id = $6) and ($7::text is null or i.status = $7)
        and ($8::text is null or i.skip_reason = $8)
        and ($9::uuid is null or (i.created_at, i.id) < (select created_at, id from invitations where org_id = $1 and id = $9))
      order by i.created_at desc, i.id desc limit $10`,
    [orgId, f.surveyId ?? null, f.contactId ?? null, f.eventId ?? null, f.ruleId ?? null, f.waveId ?? null, f.status ?? null, f.skipReason ?? null,
      f.before ?? null, f.limit + 1]);
}
