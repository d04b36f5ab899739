/**
 * Retention policies (GDPR art. 5(1)(e)): per organisation, how many months open texts,
 * responses and inactive contacts are kept; a daily job applies them.
 *  - open texts: open-text answers of responses submitted before the cut-off (their scores stay),
 *    addresses given with consent to be contacted on those responses, imported feedback texts
 *    that occurred before it, answer excerpts in older notifications;
 *  - responses: whole responses (answers first, then the response: the rollup triggers subtract
 *    their scores, so aggregates equal the answers that remain);
 *  - inactive contacts: erased as by hand (src/privacy/erase.ts) when nothing happened with them
 *    since the cut-off — no response, touchpoint event, invitation or change of the contact.
 * Each step works in batches, each batch its own transaction, and deletes only what is older than
 * the cut-off, so a run interrupted anywhere is finished by the next one and a repeated run
 * changes nothing. The job goes organisation by organisation, each in its own database scope.
 */
import type { Database, Queryable } from '../db/connection.ts';
import { recordAudit, type AuditActor } from '../audit/log.ts';
import { badInput } from '../errors.ts';
import { defineJob } from '../jobs/queue.ts';
import type { JobContext } from '../jobs/registry.ts';
import { inOrgScope } from '../db/scope.ts';
import { eraseContacts } from './erase.ts';
import { deleteContactRequests } from '../surveys/contact-requests.ts';

export const RETENTION_JOB = 'privacy-retention';
export const RETENTION_BATCH = 500;
/** 100 years: a longer period is a typo, not a policy. */
export const MAX_MONTHS = 1200;

export interface RetentionSettings {
  openTextMonths: number | null;
  responseMonths: number | null;
  inactiveContactMonths: number | null;
}

export interface RetentionFigures { openTexts: number; feedbackTexts: number; responses: number; contacts: number }

export interface RetentionPolicy extends RetentionSettings {
  updatedAt: string | null;
  lastRunAt: string | null;
  lastRun: RetentionFigures | null;
}

const fields = ['openTextMonths', 'responseMonths', 'inactiveContactMonths'] as const;

export async function getRetentionPolicy(db: Queryable, orgId: string): Promise<RetentionPolicy> {
  const [row] = await db.query<RetentionPolicy>(
    `select open_text_months as "openTextMonths", response_months as "responseMonths", inactive_contact_months as "inactiveContactMonths",
            updated_at as "updatedAt", last_run_at as "lastRunAt", last_run as "lastRun"
       from retention_policies where org_id = $1`, [orgId]);
  if (!row) return { openTextMonths: null, responseMonths: null, inactiveContactMonths: null, updatedAt: null, lastRunAt: null, lastRun: null };
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return { ...row, updatedAt: iso(row.updatedAt), lastRunAt: iso(row.lastRunAt) };
}

/** Fields left out stay as they are; null keeps that data without limit. */
export async function setRetentionPolicy(db: Database, orgId: string, input: Partial<RetentionSettings>, who: { actor: AuditActor; ip?: string }): Promise<RetentionPolicy> {
  for (const field of fields) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    if (!Number.isInteger(value) || value < 1 || value > MAX_MONTHS) throw badInput(`${field} must be a whole number of months from 1 to ${MAX_MONTHS}, or null`, field);
  }
  return db.transaction(async (tx) => {
    const before = await getRetentionPolicy(tx, orgId);
    const next: RetentionSettings = {
      openTextMonths: input.openTextMonths === undefined ? before.openTextMonths : input.openTextMonths,
      responseMonths: input.responseMonths === undefined ? before.responseMonths : input.responseMonths,
      inactiveContactMonths: input.inactiveContactMonths === undefined ? before.inactiveContactMonths : input.inactiveContactMonths,
    };
    await tx.query(
      `insert into retention_policies (org_id, open_text_months, response_months, inactive_contact_months, updated_by)
       values ($1, $2, $3, $4, $5)
       on conflict (org_id) do update set open_text_months = excluded.open_text_months, response_months = excluded.response_months,
         inactive_contact_months = excluded.inactive_contact_months, updated_by = excluded.updated_by, updated_at = now()`,
      [orgId, next.openTextMonths, next.responseMonths, next.inactiveContactMonths, who.actor.userId ?? null]);
    const pick = (p: RetentionSettings) => ({ openTextMonths: p.openTextMonths, responseMonths: p.responseMonths, inactiveContactMonths: p.inactiveContactMonths });
    await recordAudit(tx, { orgId, actor: who.actor, ip: who.ip, action: 'privacy.retention_change', details: { before: pick(before), after: next } });
    return getRetentionPolicy(tx, orgId);
  });
}

/** `months` calendar months before `now` (as PostgreSQL counts them), as an ISO time. */
async function cutoff(db: Queryable, now: Date, months: number): Promise<string> {
  const [row] = await db.query<{ at: Date }>(`select $1::timestamptz - make_interval(months => $2::int) as at`, [now.toISOString(), months]);
  return new Date(row.at).toISOString();
}

/** Open-text answers of responses submitted before `before`, walking the responses in (submitted_at, id) order. */
async function deleteOldOpenTexts(db: Database, orgId: string, before: string, batch: number): Promise<number> {
  let deleted = 0;
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const page: Array<{ at: string; id: string }> = await db.query<{ at: string; id: string }>(
      `select submitted_at::text as at, id from responses
        where org_id = $1 and submitted_at < $2 and ($3::timestamptz is null or (submitted_at, id) > ($3::timestamptz, $4::uuid))
        order by submitted_at, id limit $5`, [orgId, before, after?.at ?? null, after?.id ?? null, batch]);
    if (page.length === 0) break;
    const rows = await db.query(
      `delete from answers where org_id = $1 and response_id = any($2::uuid[]) and text is not null returning response_id`, [orgId, page.map((r) => r.id)]);
    deleted += rows.length;
    // The address a respondent gave to be contacted is as personal as their words.
    await deleteContactRequests(db, orgId, page.map((r) => r.id));
    after = page[page.length - 1];
    if (page.length < batch) break;
  }
  return deleted;
}

async function deleteOldFeedbackTexts(db: Database, orgId: string, before: string, batch: number): Promise<number> {
  let deleted = 0;
  for (;;) {
    const rows = await db.query(
      `delete from feedback_texts where org_id = $1 and id in (
         select id from feedback_texts where org_id = $1 and occurred_at < $2 order by occurred_at limit $3) returning id`, [orgId, before, batch]);
    deleted += rows.length;
    if (rows.length < batch) return deleted;
  }
}

async function deleteOldResponses(db: Database, orgId: string, before: string, batch: number): Promise<number> {
  let deleted = 0;
  for (;;) {
    const removed = await db.transaction(async (tx) => {
      const ids = (await tx.query<{ id: string }>(
        `select id from responses where org_id = $1 and submitted_at < $2 order by submitted_at, id limit $3 for update`, [orgId, before, batch])).map((r) => r.id);
      if (ids.length === 0) return 0;
      // Answers and responses in separate statements: each table's rollup trigger sees its own change.
      await tx.query(`delete from answers where org_id = $1 and response_id = any($2::uuid[])`, [orgId, ids]);
      await tx.query(`delete from response_outbox where org_id = $1 and response_id = any($2::uuid[])`, [orgId, ids]);
      await deleteContactRequests(tx, orgId, ids);
      await tx.query(`update cases set response_id = null where org_id = $1 and response_id = any($2::uuid[])`, [orgId, ids]);
      await tx.query(`update cases set follow_up_response_id = null where org_id = $1 and follow_up_response_id = any($2::uuid[])`, [orgId, ids]);
      return (await tx.query(`delete from responses where org_id = $1 and id = any($2::uuid[]) returning id`, [orgId, ids])).length;
    });
    deleted += removed;
    if (removed < batch) return deleted;
  }
}

async function eraseInactiveContacts(db: Database, orgId: string, before: string, batch: number): Promise<number> {
  let erased = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const ids = (await tx.query<{ id: string }>(
        `select c.id from contacts c
          where c.org_id = $1 and c.created_at < $2 and c.updated_at < $2
            and not exists (select 1 from responses r where r.org_id = c.org_id and r.contact_id = c.id and r.submitted_at >= $2)
            and not exists (select 1 from touchpoint_events e where e.org_id = c.org_id and e.contact_id = c.id and e.occurred_at >= $2)
            and not exists (select 1 from invitations i where i.org_id = c.org_id and i.contact_id = c.id and i.created_at >= $2)
          order by c.id limit $3 for update of c skip locked`, [orgId, before, batch])).map((r) => r.id);
      return (await eraseContacts(tx, orgId, ids)).contacts;
    });
    erased += done;
    if (done < batch) return erased;
  }
}

/** Applies one organisation's policy as of `now`; records the figures on the policy and in the audit log. */
export async function applyRetention(db: Database, orgId: string, now: Date, batch = RETENTION_BATCH): Promise<RetentionFigures> {
  const policy = await getRetentionPolicy(db, orgId);
  const figures: RetentionFigures = { openTexts: 0, feedbackTexts: 0, responses: 0, contacts: 0 };
  if (policy.responseMonths !== null) figures.responses = await deleteOldResponses(db, orgId, await cutoff(db, now, policy.responseMonths), batch);
  if (policy.openTextMonths !== null) {
    const before = await cutoff(db, now, policy.openTextMonths);
    figures.openTexts = await deleteOldOpenTexts(db, orgId, before, batch);
    figures.feedbackTexts = await deleteOldFeedbackTexts(db, orgId, before, batch);
    await db.query(`update notifications set data = data - 'verbatim' where org_id = $1 and created_at < $2 and data ? 'verbatim'`, [orgId, before]);
  }
  if (policy.inactiveContactMonths !== null) figures.contacts = await eraseInactiveContacts(db, orgId, await cutoff(db, now, policy.inactiveContactMonths), batch);
  await db.transaction(async (tx) => {
    await tx.query(`update retention_policies set last_run_at = $2, last_run = $3 where org_id = $1`, [orgId, now.toISOString(), JSON.stringify(figures)]);
    await recordAudit(tx, { orgId, actor: {}, action: 'privacy.retention_run', details: { ...figures, policy: {
      openTextMonths: policy.openTextMonths, responseMonths: policy.responseMonths, inactiveContactMonths: policy.inactiveContactMonths } } });
  });
  return figures;
}

/** Organisations with any limit set. */
export async function organisationsWithRetention(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ org_id: string }>(
    `select org_id from retention_policies
      where open_text_months is not null or response_months is not null or inactive_contact_months is not null order by org_id`);
  return rows.map((r) => r.org_id);
}

/**
 * Daily: every organisation with a policy, one after another, each in its own organisation scope
 * (only the list of organisations is read across them). One failing does not stop the others;
 * the job fails afterwards so pg-boss retries it.
 */
export const retentionJob = (ctx: JobContext) => defineJob<Record<string, never>>({
  name: RETENTION_JOB,
  batchSize: 1,
  retryLimit: 2,
  handle: async () => {
    const failures: string[] = [];
    for (const orgId of await organisationsWithRetention(ctx.db)) {
      try {
        // With row-level security on, each organisation's deletes see only its rows (the second wall).
        await inOrgScope(orgId, () => applyRetention(ctx.db, orgId, ctx.now()));
      } catch (error) {
        failures.push(`${orgId}: ${(error as Error).message}`);
      }
    }
    if (failures.length > 0) throw new Error(`retention failed for ${failures.length} organisation(s): ${failures.join('; ')}`);
  },
});
