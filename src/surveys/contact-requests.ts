/**
 * An anonymous respondent's consent to be contacted about their answer (issue 15.4). A survey
 * with `askContactConsent` ends, on its open link, with an unticked box and an address field;
 * a ticked box needs an e-mail address or a phone number. The address is kept beside the
 * response (response_contact_requests) and is the only way the case page may reach someone who
 * answered without a known contact: an address typed in the comment stays redacted.
 *
 * Deleted with the response (retention), with its open texts (the same personal words), and on
 * erasure of a contact with the same e-mail address or phone number (src/privacy/erase.ts).
 */
import type { Queryable } from '../db/connection.ts';

export interface ContactRequestForm { consent: boolean; email: string; phone: string }
export interface ContactRequest { email: string | null; phone: string | null }
export interface StoredContactRequest extends ContactRequest { consentedAt: Date }
export type ContactRequestProblem = { field: 'email' | 'phone'; kind: 'needAddress' | 'badEmail' | 'badPhone' };

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;".]{2,}$/;
const PHONE = /^\+?[0-9][0-9 ()./-]{4,24}$/;
export const EMAIL_MAX = 254;
export const PHONE_MAX = 30;

const field = (body: Record<string, unknown>, name: string) => {
  const v = Array.isArray(body[name]) ? (body[name] as unknown[])[0] : body[name];
  return typeof v === 'string' ? v.trim() : '';
};

/** The consent fields of a posted survey form, as typed (the box, the e-mail, the phone). */
export function readContactForm(body: Record<string, unknown>): ContactRequestForm {
  return { consent: field(body, '_contact_consent') === '1', email: field(body, '_contact_email'), phone: field(body, '_contact_phone') };
}

/**
 * What to store, or why not: an unticked box stores nothing (whatever was typed is dropped);
 * a ticked one needs at least one address, and every address given must be well formed.
 */
export function checkContactForm(form: ContactRequestForm): { request: ContactRequest | null; problems: ContactRequestProblem[] } {
  if (!form.consent) return { request: null, problems: [] };
  const problems: ContactRequestProblem[] = [];
  if (!form.email && !form.phone) problems.push({ field: 'email', kind: 'needAddress' });
  if (form.email && (form.email.length > EMAIL_MAX || !EMAIL.test(form.email))) problems.push({ field: 'email', kind: 'badEmail' });
  const digits = form.phone.replace(/\D/g, '').length;
  if (form.phone && (form.phone.length > PHONE_MAX || !PHONE.test(form.phone) || digits < 5 || digits > 15)) problems.push({ field: 'phone', kind: 'badPhone' });
  if (problems.length > 0) return { request: null, problems };
  return { request: { email: form.email ? form.email.toLowerCase() : null, phone: form.phone || null }, problems };
}

/** Stores the request of a just-written response, inside the response's transaction. */
export async function storeContactRequest(tx: Queryable, orgId: string, responseId: string, request: ContactRequest, at: Date): Promise<void> {
  await tx.query(
    `insert into response_contact_requests (org_id, response_id, email, phone, consented_at) values ($1, $2, $3, $4, $5)
     on conflict (org_id, response_id) do nothing`, [orgId, responseId, request.email, request.phone, at.toISOString()]);
}

export async function contactRequestOf(db: Queryable, orgId: string, responseId: string | null | undefined): Promise<StoredContactRequest | undefined> {
  if (!responseId) return undefined;
  const [row] = await db.query<StoredContactRequest>(
    `select email, phone, consented_at as "consentedAt" from response_contact_requests where org_id = $1 and response_id = $2`, [orgId, responseId]);
  return row ? { ...row, consentedAt: new Date(row.consentedAt) } : undefined;
}

/** Deletes the requests of these responses; returns how many. */
export async function deleteContactRequests(tx: Queryable, orgId: string, responseIds: string[]): Promise<number> {
  if (responseIds.length === 0) return 0;
  return (await tx.query(`delete from response_contact_requests where org_id = $1 and response_id = any($2::uuid[]) returning response_id`, [orgId, responseIds])).length;
}

/** Deletes the requests that give one of these e-mail addresses or phone numbers (an erased person's); returns how many. */
export async function deleteContactRequestsOf(tx: Queryable, orgId: string, emails: string[], phones: string[]): Promise<number> {
  const e = emails.map((x) => x.trim().toLowerCase()).filter(Boolean);
  const p = phones.map((x) => x.replace(/\D/g, '')).filter((x) => x.length >= 5);
  if (e.length === 0 && p.length === 0) return 0;
  return (await tx.query(
    `delete from response_contact_requests where org_id = $1
        and (lower(email) = any($2::text[]) or regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') = any($3::text[])) returning response_id`,
    [orgId, e, p])).length;
}
