/**
 * The contact directory. Every write path — PUT by external id, PATCH, the batch API and the
 * CSV import — validates input with `prepareContact` (field errors name the input field), merges
 * it into the stored contact with `mergeContact` (omitted fields stay as they are, null clears)
 * and stores the result. Upserts by external id lock the existing rows (`for update`) and write
 * all rows in one statement, so a batch is atomic. The cohort is assigned once at creation and
 * never rewritten.
 */
import { uuidv7 } from '../db/ids.ts';
import type { Database, Queryable } from '../db/connection.ts';
import { badInput, conflict, KaikuError, notFound } from '../errors.ts';
import { cohortOf, normaliseEmail, normalisePhone, normaliseTimeZone } from './normalize.ts';
import { stopPlannedContact } from '../privacy/consent.ts';
import type { CaseStatus } from '../vocabulary.ts';

/** Free-form attributes and operational data, each capped so a contact row stays small. */
export const ATTRIBUTES_MAX_BYTES = 16_384;
export const OPERATIONAL_MAX_BYTES = 4_096;

export type Scalar = string | number | boolean | null;

export interface ConsentInput { surveyEmail?: boolean; surveySms?: boolean; withdrawnAt?: string | null }

/** Input as the API and the CSV import give it; every field optional (omitted = unchanged). */
export interface ContactInput {
  externalId?: string | null;
  email?: string | null;
  phone?: string | null;
  name?: string | null;
  language?: string | null;
  segment?: string | null;
  persona?: string | null;
  timeZone?: string | null;
  consent?: ConsentInput;
  attributes?: Record<string, unknown>;
  operational?: Record<string, Scalar>;
}

/** Validated, normalised changes; `undefined` = leave as it is. */
export type ContactChanges = Omit<ContactInput, 'consent'> & {
  consent?: { surveyEmail?: boolean; surveySms?: boolean; withdrawnAt?: Date | null };
  /** Keys set on top of the stored attributes / operational data (the CSV import's attr.* and op.* columns). */
  attributesPatch?: Record<string, unknown>;
  operationalPatch?: Record<string, Scalar>;
};

export interface Contact {
  id: string;
  externalId: string | null;
  email: string | null;
  phone: string | null;
  name: string | null;
  language: string | null;
  segment: string | null;
  persona: string | null;
  timeZone: string | null;
  cohort: number;
  consent: { surveyEmail: boolean; surveySms: boolean; withdrawnAt: Date | null };
  attributes: Record<string, unknown>;
  operational: Record<string, Scalar>;
  createdAt?: Date;
  updatedAt?: Date;
}

export interface FieldError { field: string; message: string }

/** Several invalid items of one batch: the batch stores nothing and names every item's problem. */
export class ContactBatchError extends KaikuError {
  readonly errors: FieldError[];
  constructor(errors: FieldError[]) {
    super('invalid_input', `${errors.length} ${errors.length === 1 ? 'contact is' : 'contacts are'} invalid; nothing was stored. ${errors[0].field}: ${errors[0].message}`, { field: errors[0].field });
    this.errors = errors;
  }
}

const FUTURE_TOLERANCE_MS = 5 * 60_000;
const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Validates and normalises one contact's input. Throws a KaikuError naming `<prefix>.field`. */
export function prepareContact(input: ContactInput, prefix = '', now = Date.now()): ContactChanges {
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  const changes: ContactChanges = { ...input, consent: undefined };
  const text = (field: 'externalId' | 'name' | 'segment' | 'persona' | 'language') => {
    const value = input[field];
    if (typeof value === 'string') {
      const trimmed = value.trim();
      if (field === 'externalId' && trimmed === '') throw badInput('externalId must not be empty', at(field));
      changes[field] = trimmed === '' ? null : field === 'language' ? trimmed.toLowerCase() : trimmed;
    }
  };
  for (const field of ['externalId', 'name', 'segment', 'persona', 'language'] as const) text(field);
  if (changes.language && !/^[a-z]{2}$/.test(changes.language)) throw badInput('language must be a two-letter ISO 639-1 code such as fi, sv, en or pl', at('language'));
  const normalised = (field: 'email' | 'phone' | 'timeZone', normalise: (raw: string) => { value: string } | { error: string }) => {
    const value = input[field];
    if (typeof value !== 'string') return;
    if (value.trim() === '') { changes[field] = null; return; }
    const result = normalise(value);
    if ('error' in result) throw badInput(result.error, at(field));
    changes[field] = result.value;
  };
  normalised('email', normaliseEmail);
  normalised('phone', (raw) => normalisePhone(raw));
  normalised('timeZone', normaliseTimeZone);
  if (input.attributes !== undefined) {
    if (input.attributes === null || typeof input.attributes !== 'object' || Array.isArray(input.attributes)) throw badInput('attributes must be a JSON object', at('attributes'));
    if (jsonBytes(input.attributes) > ATTRIBUTES_MAX_BYTES) throw badInput(`attributes must be at most ${ATTRIBUTES_MAX_BYTES} bytes of JSON`, at('attributes'));
  }
  if (input.operational !== undefined) {
    for (const [key, value] of Object.entries(input.operational)) {
      if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) throw badInput('operational values must be numbers, strings, booleans or null', at(`operational.${key}`));
    }
    const { revenue, tenureMonths, plan } = input.operational;
    if (revenue !== undefined && revenue !== null && (typeof revenue !== 'number' || !Number.isFinite(revenue))) throw badInput('revenue must be a number', at('operational.revenue'));
    if (tenureMonths !== undefined && tenureMonths !== null && (typeof tenureMonths !== 'number' || !Number.isInteger(tenureMonths) || tenureMonths < 0)) {
      throw badInput('tenureMonths must be a whole number of months, 0 or more', at('operational.tenureMonths'));
    }
    if (plan !== undefined && plan !== null && typeof plan !== 'string') throw badInput('plan must be a string', at('operational.plan'));
    if (jsonBytes(input.operational) > OPERATIONAL_MAX_BYTES) throw badInput(`operational must be at most ${OPERATIONAL_MAX_BYTES} bytes of JSON`, at('operational'));
  }
  if (input.consent) {
    const { surveyEmail, surveySms, withdrawnAt } = input.consent;
    let withdrawn: Date | null | undefined;
    if (typeof withdrawnAt === 'string') {
      withdrawn = new Date(withdrawnAt);
      if (Number.isNaN(withdrawn.getTime())) throw badInput('withdrawnAt is not a valid date-time', at('consent.withdrawnAt'));
      if (withdrawn.getTime() > now + FUTURE_TOLERANCE_MS) throw badInput('withdrawnAt is in the future', at('consent.withdrawnAt'));
      if (surveyEmail || surveySms) throw badInput('consent cannot be given and withdrawn at once', at('consent.withdrawnAt'));
    } else if (withdrawnAt === null) withdrawn = null;
    changes.consent = { surveyEmail, surveySms, withdrawnAt: withdrawn };
  }
  return changes;
}

/**
 * The contact after applying changes. Consent: giving any consent clears `withdrawnAt`; taking
 * the last one away sets it to `now`; an explicit `withdrawnAt` withdraws both channels.
 */
export function mergeContact(existing: Contact | undefined, changes: ContactChanges, identity: { id: string; cohort: number }, now: Date): Contact {
  const pick = <K extends keyof ContactChanges & keyof Contact>(field: K): Contact[K] =>
    (changes[field] !== undefined ? changes[field] : existing ? existing[field] : null) as Contact[K];
  const before = existing?.consent ?? { surveyEmail: false, surveySms: false, withdrawnAt: null };
  let consent = before;
  if (changes.consent) {
    const c = changes.consent;
    if (c.withdrawnAt) consent = { surveyEmail: false, surveySms: false, withdrawnAt: c.withdrawnAt };
    else {
      const surveyEmail = c.surveyEmail ?? before.surveyEmail;
      const surveySms = c.surveySms ?? before.surveySms;
      let withdrawnAt = c.withdrawnAt === null ? null : before.withdrawnAt;
      if (surveyEmail || surveySms) withdrawnAt = null;
      else if (before.surveyEmail || before.surveySms) withdrawnAt = now;
      consent = { surveyEmail, surveySms, withdrawnAt };
    }
  }
  return {
    id: existing?.id ?? identity.id,
    externalId: pick('externalId'),
    email: pick('email'),
    phone: pick('phone'),
    name: pick('name'),
    language: pick('language'),
    segment: pick('segment'),
    persona: pick('persona'),
    timeZone: pick('timeZone'),
    cohort: existing?.cohort ?? identity.cohort,
    consent,
    attributes: changes.attributes ?? { ...existing?.attributes, ...changes.attributesPatch },
    operational: changes.operational ?? { ...existing?.operational, ...changes.operationalPatch },
  };
}

const sameContact = (a: Contact, b: Contact) => JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));
const comparable = (c: Contact) => ({ ...c, createdAt: undefined, updatedAt: undefined, consent: { ...c.consent, withdrawnAt: c.consent.withdrawnAt?.getTime() ?? null } });

const contactColumns = `id, external_id as "externalId", email, phone, name, language, segment, persona, time_zone as "timeZone", cohort,
  json_build_object('surveyEmail', consent_survey_email, 'surveySms', consent_survey_sms, 'withdrawnAt', consent_withdrawn_at) as consent,
  attributes, operational, created_at as "createdAt", updated_at as "updatedAt"`;

function fromRow(row: Contact): Contact {
  const withdrawnAt = row.consent.withdrawnAt;
  return { ...row, consent: { ...row.consent, withdrawnAt: withdrawnAt ? new Date(withdrawnAt) : null } };
}

export async function getContact(db: Queryable, orgId: string, id: string, lock = false): Promise<Contact> {
  const [row] = await db.query<Contact>(`select ${contactColumns} from contacts where org_id = $1 and id = $2${lock ? ' for update' : ''}`, [orgId, id]);
  if (!row) throw notFound('Contact', 'id');
  return fromRow(row);
}

export interface ContactFilter {
  segment?: string; persona?: string; language?: string; cohort?: number; search?: string; after?: string; limit: number;
  /** Part of the name, e-mail or external id (case-insensitive), as the contacts page searches. */
  query?: string;
  /** email / sms: that consent given; none: neither given nor withdrawn; withdrawn: consent withdrawn. */
  consent?: 'email' | 'sms' | 'none' | 'withdrawn';
}

/** Contacts in id order (uuidv7: roughly creation order), `limit + 1` rows so the caller sees whether more follow. */
/** A contact's name and e-mail as a case shows them; undefined when the contact is gone (erased). */
export async function contactNameAndEmail(db: Queryable, orgId: string, id: string): Promise<{ name: string | null; email: string | null } | undefined> {
  const [contact] = await db.query<{ name: string | null; email: string | null }>(`select name, email from contacts where org_id = $1 and id = $2`, [orgId, id]);
  return contact;
}

export async function listContacts(db: Queryable, orgId: string, f: ContactFilter): Promise<Contact[]> {
  const rows = await db.query<Contact>(
    `select ${contactColumns} from contacts
      where org_id = $1 and ($2::text is null or segment = $2) and ($3::text is null or persona = $3)
        and ($4::text is null or language = $4) and ($5::int is null or cohort = $5)
        and ($6::text is null or external_id = $6 or lower(email) = lower($6))
        and ($7::uuid is null or id > $7)
        and ($9::text is null or strpos(lower(coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(external_id, '')), lower($9)) > 0)
        and ($10::text is null or ($10 = 'email' and consent_survey_email) or ($10 = 'sms' and consent_survey_sms)
             or ($10 = 'withdrawn' and consent_withdrawn_at is not null)
             or ($10 = 'none' and not consent_survey_email and not consent_survey_sms and consent_withdrawn_at is null))
      order by id limit $8`,
    [orgId, f.segment ?? null, f.persona ?? null, f.language ?? null, f.cohort ?? null, f.search?.trim() || null, f.after ?? null, f.limit + 1,
      f.query?.trim() || null, f.consent ?? null]);
  return rows.map(fromRow);
}

/** A segment as the contacts spell it, asked in any letter case; null when no contact has it. */
export async function segmentAsSpelled(db: Queryable, orgId: string, asked: string): Promise<string | null> {
  const [row] = await db.query<{ segment: string }>(
    `select segment from contacts where org_id = $1 and lower(segment) = lower($2) order by segment limit 1`, [orgId, asked.trim()]);
  return row?.segment ?? null;
}

/** The segments and personas in use, for the contacts page's filters. */
export async function contactFacets(db: Queryable, orgId: string): Promise<{ segments: string[]; personas: string[] }> {
  const rows = await db.query<{ kind: string; value: string }>(
    `select distinct 'segment' as kind, segment as value from contacts where org_id = $1 and segment is not null
     union select distinct 'persona', persona from contacts where org_id = $1 and persona is not null order by 1, 2 limit 400`, [orgId]);
  return { segments: rows.filter((r) => r.kind === 'segment').map((r) => r.value), personas: rows.filter((r) => r.kind === 'persona').map((r) => r.value) };
}

export interface ContactHistory {
  responses: Array<{ id: string; surveyName: string; submittedAt: Date; channel: string | null; nps: number | null }>;
  cases: Array<{ id: string; title: string; status: CaseStatus; createdAt: Date }>;
}

/** A contact's answers (newest first, with the NPS score where the survey asked one) and the cases opened on them. */
export async function contactHistory(db: Queryable, orgId: string, contactId: string, limit = 50): Promise<ContactHistory> {
  const [responses, cases] = await Promise.all([
    db.query<ContactHistory['responses'][number]>(
      `select r.id, s.name as "surveyName", r.submitted_at as "submittedAt", r.channel::text as channel,
              (select a.number::int from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
                where a.org_id = r.org_id and a.response_id = r.id and q.type = 'nps' limit 1) as nps
         from responses r join surveys s on s.org_id = r.org_id and s.id = r.survey_id
        where r.org_id = $1 and r.contact_id = $2 order by r.submitted_at desc limit $3`, [orgId, contactId, limit]),
    db.query<ContactHistory['cases'][number]>(
      `select id, title, status::text as status, created_at as "createdAt" from cases where org_id = $1 and contact_id = $2 order by created_at desc limit $3`,
      [orgId, contactId, limit]),
  ]);
  return { responses, cases };
}

const writeSql = `
insert into contacts (org_id, id, external_id, email, phone, name, language, segment, persona, time_zone, cohort,
                      consent_survey_email, consent_survey_sms, consent_withdrawn_at, attributes, operational)
select $1, * from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                         $11::smallint[], $12::boolean[], $13::boolean[], $14::timestamptz[], $15::jsonb[], $16::jsonb[])
on conflict (org_id, id) do update set
  external_id = excluded.external_id, email = excluded.email, phone = excluded.phone, name = excluded.name,
  language = excluded.language, segment = excluded.segment, persona = excluded.persona, time_zone = excluded.time_zone,
  consent_survey_email = excluded.consent_survey_email, consent_survey_sms = excluded.consent_survey_sms,
  consent_withdrawn_at = excluded.consent_withdrawn_at, attributes = excluded.attributes, operational = excluded.operational,
  updated_at = now()`;

/** Writes whole contacts (new or changed) in one statement; the cohort of an existing row is never rewritten. */
async function writeContacts(db: Queryable, orgId: string, contacts: Contact[]): Promise<void> {
  if (contacts.length === 0) return;
  const col = <T>(f: (c: Contact) => T) => contacts.map(f);
  await db.query(writeSql, [orgId, col((c) => c.id), col((c) => c.externalId), col((c) => c.email), col((c) => c.phone), col((c) => c.name),
    col((c) => c.language), col((c) => c.segment), col((c) => c.persona), col((c) => c.timeZone), col((c) => c.cohort),
    col((c) => c.consent.surveyEmail), col((c) => c.consent.surveySms), col((c) => c.consent.withdrawnAt?.toISOString() ?? null),
    col((c) => JSON.stringify(c.attributes)), col((c) => JSON.stringify(c.operational))]);
  // A withdrawal (or a channel's consent taken away) stops what is planned for them in this transaction.
  await stopPlannedContact(db, orgId, contacts.filter((c) => c.consent.withdrawnAt || !c.consent.surveyEmail || !c.consent.surveySms).map((c) => c.id));
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';
export interface UpsertResult { id: string; externalId: string; outcome: UpsertOutcome }

/**
 * Creates or updates contacts by external id, atomically (inside the caller's transaction).
 * Each item must carry `externalId`; an external id may appear once per call.
 */
export async function upsertContacts(tx: Queryable, orgId: string, items: ContactChanges[], fieldOf = (i: number) => `contacts[${i}]`, now = new Date()): Promise<UpsertResult[]> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    if (!item.externalId) throw badInput('externalId is required', `${fieldOf(i)}.externalId`);
    const earlier = seen.get(item.externalId);
    if (earlier !== undefined) throw badInput(`externalId "${item.externalId}" is already given by ${fieldOf(earlier)}`, `${fieldOf(i)}.externalId`);
    seen.set(item.externalId, i);
  });
  const existingRows = await tx.query<Contact>(
    `select ${contactColumns} from contacts where org_id = $1 and external_id = any($2) for update`, [orgId, [...seen.keys()]]);
  const existing = new Map(existingRows.map((r) => [r.externalId as string, fromRow(r)]));
  const toWrite: Contact[] = [];
  const results = items.map((item): UpsertResult => {
    const externalId = item.externalId as string;
    const before = existing.get(externalId);
    const merged = mergeContact(before, item, { id: uuidv7(now.getTime()), cohort: cohortOf(orgId, externalId) }, now);
    if (before && sameContact({ ...before, createdAt: undefined, updatedAt: undefined }, merged)) return { id: before.id, externalId, outcome: 'unchanged' };
    toWrite.push(merged);
    return { id: merged.id, externalId, outcome: before ? 'updated' : 'created' };
  });
  await writeContacts(tx, orgId, toWrite);
  return results;
}

/** Validates every item first (all problems reported together), then upserts them in one transaction. */
export async function upsertContactBatch(db: Database, orgId: string, inputs: ContactInput[]): Promise<UpsertResult[]> {
  const errors: FieldError[] = [];
  const prepared: ContactChanges[] = [];
  inputs.forEach((input, i) => {
    try {
      prepared.push(prepareContact(input, `contacts[${i}]`));
    } catch (error) {
      if (!(error instanceof KaikuError)) throw error;
      errors.push({ field: error.field ?? `contacts[${i}]`, message: error.message });
    }
  });
  if (errors.length > 0) throw new ContactBatchError(errors);
  return db.transaction((tx) => upsertContacts(tx, orgId, prepared));
}

/** Changes one contact by id (external id included); cohort stays. */
export async function updateContact(db: Database, orgId: string, id: string, input: ContactInput): Promise<Contact> {
  const changes = prepareContact(input);
  if (input.externalId === null) changes.externalId = null;
  return db.transaction(async (tx) => {
    const before = await getContact(tx, orgId, id, true);
    const merged = mergeContact(before, changes, before, new Date());
    if (!sameContact({ ...before, createdAt: undefined, updatedAt: undefined }, merged)) {
      if (merged.externalId !== before.externalId && merged.externalId !== null) {
        const [taken] = await tx.query(`select 1 from contacts where org_id = $1 and external_id = $2 and id <> $3`, [orgId, merged.externalId, id]);
        if (taken) throw conflict(`Another contact already has the external id "${merged.externalId}"`, 'externalId');
      }
      await writeContacts(tx, orgId, [merged]);
    }
    return getContact(tx, orgId, id);
  });
}

/**
 * Deletes a contact, its touchpoint events and churn scores. Refused (409) while responses point to it:
 * responses keep `contact_id` without a foreign key (see src/db/schema.ts), so the check is here.
 */
export async function deleteContact(db: Database, orgId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await getContact(tx, orgId, id, true);
    const [used] = await tx.query<{ used: boolean }>(`select exists (select 1 from responses where org_id = $1 and contact_id = $2) as used`, [orgId, id]);
    if (used?.used) throw conflict('This contact has responses; erase the contact instead (POST /api/v1/contacts/{id}/erase), which keeps their answers anonymously', 'id');
    await tx.query(`delete from touchpoint_events where org_id = $1 and contact_id = $2`, [orgId, id]);
    // Churn scores keep contact_id without a foreign key (see src/db/schema.ts); naming the
    // models lets the delete use the primary key (org_id, model_id, contact_id).
    await tx.query(`delete from churn_scores where org_id = $1 and contact_id = $2
                     and model_id in (select id from churn_models where org_id = $1)`, [orgId, id]);
    await tx.query(`delete from contacts where org_id = $1 and id = $2`, [orgId, id]);
  });
}
