/** Personal answer links. Distribution (e-mail, SMS, rules) builds on these; here: create and resolve. */
import type { Queryable } from '../db/connection.ts';
import { newToken } from '../auth/secrets.ts';
import { getSurvey } from './service.ts';

export interface Invitation {
  id: string; orgId: string; token: string; surveyId: string; contactId: string | null; touchpointId: string | null;
  unitId: string | null; employeeId: string | null; channel: string; language: string | null;
  answeredAt: Date | null; expiresAt: Date | null; contactLanguage: string | null;
}

export async function createInvitation(db: Queryable, orgId: string, surveyId: string, input: {
  contactId?: string; touchpointId?: string; unitId?: string; employeeId?: string; channel?: string; language?: string; expiresInDays?: number;
}) {
  await getSurvey(db, orgId, surveyId); // 404 for another organisation's or an unknown survey
  const token = newToken(16);
  const [row] = await db.query<{ id: string; expires_at: Date | null }>(
    `insert into invitations (org_id, token, survey_id, contact_id, touchpoint_id, unit_id, employee_id, channel, language, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, case when $10::int is null then null else now() + make_interval(days => $10::int) end)
     returning id, expires_at`,
    [orgId, token, surveyId, input.contactId ?? null, input.touchpointId ?? null, input.unitId ?? null, input.employeeId ?? null,
      input.channel ?? 'email', input.language ?? null, input.expiresInDays ?? null]);
  return { id: row.id, token, surveyId, expiresAt: row.expires_at };
}

export async function findInvitation(db: Queryable, token: string): Promise<Invitation | undefined> {
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(token)) return undefined;
  const [row] = await db.query<Invitation>(
    `select i.id, i.org_id as "orgId", i.token, i.survey_id as "surveyId", i.contact_id as "contactId", i.touchpoint_id as "touchpointId",
            i.unit_id as "unitId", i.employee_id as "employeeId", i.channel, i.language, i.answered_at as "answeredAt",
            i.expires_at as "expiresAt", c.language as "contactLanguage"
       from invitations i left join contacts c on c.org_id = i.org_id and c.id = i.contact_id
      where i.token = $1`, [token]);
  return row;
}

/** The survey page was opened through the link: started (and opened, when no pixel said so first). */
export async function markOpened(db: Queryable, invitation: Invitation) {
  await db.query(`update invitations set opened_at = coalesce(opened_at, now()), started_at = coalesce(started_at, now()) where org_id = $1 and id = $2`,
    [invitation.orgId, invitation.id]);
}
