/**
 * Notifications of the closed loop: the `loop-notify` worker turns each LoopEvent into in-app
 * notifications, e-mail and webhook deliveries; the daily digest gathers the e-mail of people
 * who chose it. Rows are written with ids derived from the job, so a retried job writes
 * nothing twice. An e-mail's notifications are claimed for a while (a lease) before it is sent,
 * so two workers never send the same one, and recorded as sent once the mail server accepted
 * it: a process that dies in between loses nothing, the e-mail goes again when the lease runs
 * out, under the same Message-ID (at least once; a receiver may recognise the repeat).
 */
import type { Queryable } from '../db/connection.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { LoopEvent } from '../loop/events.ts';
import type { Mailer } from '../mail/mailer.ts';
import { caseEmail, digestEmail, mailLanguage, type CaseNotice } from '../mail/templates.ts';
import { derivedId, publishWebhookEvents } from '../webhooks/service.ts';
import type { WebhookEvent } from '../webhooks/signature.ts';
import { caseForWebhook, loadCasesFacts, noticeFor, recipientsFor } from './recipients.ts';
import { notFound } from '../errors.ts';
import { forEachConcurrently } from '../jobs/concurrently.ts';
import { decodeCursor, encodeCursor } from '../http/schemas.ts';
import { randomUUID } from 'node:crypto';

export const DIGEST_JOB = 'notifications-digest';
export const PENDING_EMAILS_JOB = 'notifications-pending';
export const NOTIFY_EMAIL_JOB = 'notifications-email';

export interface NotifyContext {
  db: Queryable;
  queue?: () => JobQueue | undefined;
  now: () => Date;
  publicUrl: () => string;
  mailer?: Mailer;
}

/** Loop events as webhook events: an escalation is a change of the case. */
const webhookEventOf: Record<LoopEvent['type'], WebhookEvent> = {
  'case.created': 'case.created',
  'case.updated': 'case.updated',
  'case.escalated': 'case.updated',
  'alert.fired': 'alert.fired',
  'praise.received': 'praise.received',
};

/**
 * Handles a batch of `loop-notify` jobs (up to 500: a busy stream of cases) in a handful of
 * statements: the cases' facts per organisation in one query, every notification in one insert,
 * the webhook events grouped by organisation and event. Throws (so pg-boss retries) only when
 * e-mail or the database fails.
 */
export async function handleLoopEvents(ctx: NotifyContext, jobs: Array<{ id: string; data: LoopEvent }>): Promise<void> {
  const facts = await loadCasesFacts(ctx.db, jobs.map((j) => j.data));
  const rows: Array<{ orgId: string; id: string; userId: string; caseId: string; kind: string; data: string }> = [];
  const hooks = new Map<string, { orgId: string; event: WebhookEvent; events: Array<{ eventId: string; data: Record<string, unknown>; occurredAt: string }> }>();
  const hook = (orgId: string, event: WebhookEvent, eventId: string, data: Record<string, unknown>, occurredAt: string) => {
    const key = `${orgId}/${event}`;
    if (!hooks.has(key)) hooks.set(key, { orgId, event, events: [] });
    hooks.get(key)?.events.push({ eventId, data, occurredAt });
  };
  for (const job of jobs) {
    const event = job.data;
    const fact = facts.get(`${event.orgId}/${event.caseId}`);
    if (!fact) continue; // deleted since: nothing to tell anyone about
    for (const r of await recipientsFor(ctx.db, event, fact)) {
      rows.push({ orgId: event.orgId, id: derivedId(job.id, r.userId, r.kind), userId: r.userId, caseId: fact.id, kind: r.kind, data: JSON.stringify(noticeFor(r.kind, fact)) });
    }
    const details = event.data && Object.keys(event.data).length > 0 ? { details: event.data } : {};
    hook(event.orgId, webhookEventOf[event.type], job.id,
      { case: caseForWebhook(fact), ...(event.type === 'case.escalated' ? { change: 'escalated' } : {}), ...details }, event.at);
    // A case a rule opened is also that rule firing: `alert.fired` names the rule and the response.
    if ((event.type === 'case.created' || event.type === 'praise.received') && fact.ruleId) {
      hook(event.orgId, 'alert.fired', derivedId(job.id, 'alert.fired'),
        { rule: { id: fact.ruleId, name: fact.title }, responseId: fact.responseId, case: caseForWebhook(fact) }, event.at);
    }
  }
  if (rows.length > 0) {
    const col = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
    await ctx.db.query(
      `insert into notifications (org_id, id, user_id, case_id, kind, data, created_at)
       select r.org_id, r.id, r.user_id, r.case_id, r.kind, r.data, $7
         from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::jsonb[]) as r(org_id, id, user_id, case_id, kind, data)
         join users u on u.org_id = r.org_id and u.id = r.user_id and u.disabled_at is null
       on conflict (org_id, id) do nothing`,
      [col('orgId'), col('id'), col('userId'), col('caseId'), col('kind'), col('data'), ctx.now().toISOString()]);
  }
  for (const group of hooks.values()) await publishWebhookEvents(ctx, group.orgId, group.event, group.events);
  if (rows.length === 0) return;
  // All derived ids, not only those inserted now: a retry must still send what failed before.
  // E-mail goes by its own job, so a slow mail server delays neither in-app notices nor webhooks.
  const ids = rows.map((r) => ({ orgId: r.orgId, id: r.id }));
  const queue = ctx.queue?.();
  if (queue) {
    await queue.send(NOTIFY_EMAIL_JOB, { ids });
    queue.wake(NOTIFY_EMAIL_JOB);
  } else await sendImmediateEmails(ctx, ids);
}

interface ClaimedNotification {
  org_id: string;
  id: string;
  user_id: string;
  data: CaseNotice;
  created_at: Date;
  email: string;
  name: string;
  language: string;
  time_zone: string;
  /** One per e-mail: new ones are made per person per claim, an interrupted e-mail keeps its own. */
  email_message_id: string;
}

/**
 * How long a claim holds its notifications. The e-mails of a claim are sent within seconds; a
 * process that dies before recording them leaves the claim to run out, and the minute sweep
 * (sendPendingEmails) sends them again, with the same Message-ID. Long enough that a slow mail
 * server (30 s a message at worst, src/mail/mailer.ts) cannot make a live claim run out.
 */
export const EMAIL_LEASE_SECONDS = 600;

/** Not e-mailed, and not held by a sender that is alive ($1 is now). */
const UNCLAIMED = `n.email_sent_at is null and (n.email_lease_until is null or n.email_lease_until <= $1::timestamptz)`;

/**
 * The columns a claim sets: its lease, and a Message-ID per person for the e-mail it will send,
 * unless the notification already has one from an interrupted attempt ($2 is a fresh token).
 */
const CLAIM_SET = `email_lease_until = $1::timestamptz + make_interval(secs => ${EMAIL_LEASE_SECONDS}),
  email_message_id = coalesce(n.email_message_id, md5($2 || n.org_id::text || n.user_id::text))`;

const CLAIM_RETURNING = `n.org_id, n.id, n.user_id, n.data, n.created_at, n.email_message_id, u.email, u.name, u.language, o.time_zone`;

async function claimEmails(db: Queryable, where: string, params: unknown[], now: Date): Promise<ClaimedNotification[]> {
  return db.query<ClaimedNotification>(
    `update notifications n set ${CLAIM_SET}
       from users u, organizations o
      where u.org_id = n.org_id and u.id = n.user_id and u.disabled_at is null and o.id = n.org_id
        and ${UNCLAIMED} and ${where}
      returning ${CLAIM_RETURNING}`, [now.toISOString(), randomUUID(), ...params]);
}

/**
 * E-mails sent at a time, and the notification mailer's pooled SMTP connections. Every SMTP
 * command waits for a turn of both processes' event loops; with the app busy ingesting, 8
 * connections carried ~100 e-mails a second, fewer than 500 responses a second with a third of
 * them detractors need (bench/loop.ts, BENCHMARKS.md). Mail servers accept this many from one
 * client (Postfix's default limit is 50).
 */
export const MAIL_CONCURRENCY = 32;

/** Message-ID of a notification e-mail: stable across attempts, so a resend is recognisably the same e-mail. */
const messageIdOf = (token: string, publicUrl: string) => `<${token}.notification@${new URL(publicUrl).hostname}>`;

/**
 * Sends each e-mail of claimed notifications (one person's: one case, or several gathered),
 * then records them as sent in one statement; a failed e-mail gives its claim back so the
 * job's retry (or tomorrow's digest) sends it.
 */
async function mailGroups(ctx: NotifyContext, claimed: ClaimedNotification[], digest: boolean): Promise<number> {
  const mailer = ctx.mailer;
  if (!mailer) return 0;
  const byEmail = new Map<string, ClaimedNotification[]>();
  for (const row of claimed) {
    const key = `${row.org_id}/${row.email_message_id}`;
    byEmail.set(key, [...(byEmail.get(key) ?? []), row]);
  }
  const failures: Error[] = [];
  const sent: Array<{ orgId: string; ids: string[]; at: string }> = [];
  const send = async (rows: ClaimedNotification[]) => {
    rows.sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id));
    const first = rows[0];
    const ids = rows.map((r) => r.id);
    const mailContext = { language: mailLanguage(first.language), publicUrl: ctx.publicUrl(), timeZone: first.time_zone, recipientName: first.name };
    const mail = rows.length === 1 && !digest ? caseEmail(first.data, mailContext) : digestEmail(rows.map((r) => r.data), mailContext, { daily: digest });
    try {
      await mailer.send({ to: first.email, ...mail, language: mailContext.language, messageId: messageIdOf(first.email_message_id, mailContext.publicUrl) });
      sent.push({ orgId: first.org_id, ids, at: ctx.now().toISOString() });
    } catch (error) {
      await ctx.db.query(`update notifications set email_lease_until = null where org_id = $1 and id = any($2::uuid[])`, [first.org_id, ids]);
      failures.push(error as Error);
    }
  };
  // A few at a time, over the mailer's pooled connections: a batch may hold many people.
  await forEachConcurrently([...byEmail.values()], MAIL_CONCURRENCY, send);
  if (sent.length > 0) {
    const rows = sent.flatMap((e) => e.ids.map((id) => ({ orgId: e.orgId, id, at: e.at })));
    await ctx.db.query(
      `update notifications n set email_sent_at = s.at, email_lease_until = null
         from unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) as s(org_id, id, at)
        where n.org_id = s.org_id and n.id = s.id`,
      [rows.map((r) => r.orgId), rows.map((r) => r.id), rows.map((r) => r.at)]);
  }
  if (failures.length > 0) throw new Error(`${failures.length} of ${byEmail.size} notification e-mails failed: ${failures[0].message}`);
  return sent.length;
}

/**
 * A person gets at most BURST_EMAILS immediate e-mails within BURST_WINDOW_SECONDS; what
 * arrives after that waits for `sendPendingEmails`, which gathers it into one e-mail a minute.
 */
export const BURST_EMAILS = 5;
export const BURST_WINDOW_SECONDS = 60;

/**
 * E-mails sent to a person within the window, and those being sent now (claimed, not run out):
 * one Message-ID is one e-mail. `p` is notifications, $1 now.
 */
const RECENT_EMAILS = `p.created_at > $1::timestamptz - interval '1 day'
  and (p.email_sent_at > $1::timestamptz - make_interval(secs => ${BURST_WINDOW_SECONDS})
       or (p.email_sent_at is null and p.email_lease_until > $1::timestamptz))
  group by 1, 2 having count(distinct p.email_message_id) >= ${BURST_EMAILS}`;

/**
 * E-mail at once for people without the digest. Several notifications for one person in the
 * same batch become one e-mail listing them, and after a few e-mails in a minute the rest is
 * gathered a minute later: a rule matching a 50,000-response import is a handful of e-mails.
 */
export async function sendImmediateEmails(ctx: NotifyContext, ids: Array<{ orgId: string; id: string }>): Promise<number> {
  if (!ctx.mailer || ids.length === 0) return 0;
  // The batch's rows are found by primary key first and every other table is joined on its own
  // key from them, so no join order can multiply the batch by the organisation's users. The plain
  // update-from-users form took 55-118 s for 270 ids on tables without statistics yet (the
  // planner estimated one user and joined all users with all of the batch; BENCHMARKS.md).
  const claimed = await ctx.db.query<ClaimedNotification>(
    `with batch as materialized (
       select n.org_id, n.id, n.user_id from unnest($3::uuid[], $4::uuid[]) as b(org_id, id)
         join notifications n on n.org_id = b.org_id and n.id = b.id
        where ${UNCLAIMED}),
     busy as materialized (
       select p.org_id, p.user_id from notifications p
        where (p.org_id, p.user_id) in (select org_id, user_id from batch) and ${RECENT_EMAILS})
     update notifications n set ${CLAIM_SET}
       from batch b, users u, organizations o
      where n.org_id = b.org_id and n.id = b.id and ${UNCLAIMED}
        and u.org_id = b.org_id and u.id = b.user_id and u.disabled_at is null and not u.notification_digest and o.id = b.org_id
        and not exists (select 1 from busy where busy.org_id = b.org_id and busy.user_id = b.user_id)
      returning ${CLAIM_RETURNING}`,
    [ctx.now().toISOString(), randomUUID(), ids.map((i) => i.orgId), ids.map((i) => i.id)]);
  return mailGroups(ctx, claimed, false);
}

/**
 * Every minute: what was held back during a burst goes as one e-mail per person, and so does
 * what a sender claimed and never recorded as sent (it stopped mid-send; its claim ran out),
 * under the Message-ID it had. Digest users wait for their digest.
 */
export async function sendPendingEmails(ctx: NotifyContext): Promise<number> {
  if (!ctx.mailer) return 0;
  const claimed = await claimEmails(ctx.db,
    `not u.notification_digest and (n.org_id, n.user_id) not in (
       select p.org_id, p.user_id from notifications p
        where (p.org_id, p.user_id) in (select org_id, user_id from notifications where email_sent_at is null) and ${RECENT_EMAILS})`,
    [], ctx.now());
  return mailGroups(ctx, claimed, false);
}

/** The hour of the day, in each organisation's own time zone, when its digests go out. */
export const DIGEST_LOCAL_HOUR = 7;

/**
 * The daily digest: one e-mail per digest user with every notification not yet e-mailed. The
 * job runs hourly and serves the organisations where it is now DIGEST_LOCAL_HOUR o'clock, so a
 * Helsinki team and a Warsaw team both get theirs at 07:00 local time.
 */
export async function sendDigests(ctx: NotifyContext): Promise<number> {
  if (!ctx.mailer) return 0;
  const users = await ctx.db.query<{ org_id: string; user_id: string }>(
    `select distinct n.org_id, n.user_id from notifications n
       join users u on u.org_id = n.org_id and u.id = n.user_id
       join organizations o on o.id = n.org_id
      where u.notification_digest and u.disabled_at is null and n.email_sent_at is null
        and extract(hour from $1::timestamptz at time zone o.time_zone) = $2`, [ctx.now().toISOString(), DIGEST_LOCAL_HOUR]);
  let sent = 0;
  for (const user of users) {
    const claimed = await claimEmails(ctx.db, `u.notification_digest and n.org_id = $3 and n.user_id = $4`, [user.org_id, user.user_id], ctx.now());
    sent += await mailGroups(ctx, claimed, true);
  }
  return sent;
}

// ---------------------------------------------------------------------------------------------
// In-app: a person's own notifications.

export interface NotificationView {
  id: string;
  kind: string;
  caseId: string | null;
  data: CaseNotice;
  createdAt: string;
  readAt: string | null;
  emailSentAt: string | null;
  url: string | null;
}

const viewColumns = `id, kind, case_id as "caseId", data, created_at as "createdAt", read_at as "readAt", email_sent_at as "emailSentAt"`;
const withUrl = (row: Omit<NotificationView, 'url'>): NotificationView => ({ ...row, url: row.caseId ? `/app/cases/${row.caseId}` : null });

/**
 * The bell's figure: one count over the partial index of unread rows (notifications_unread),
 * so it stays cheap on every signed-in page however many read notifications a person keeps.
 */
export async function unreadCount(db: Queryable, orgId: string, userId: string): Promise<number> {
  const [{ unread }] = await db.query<{ unread: number }>(
    `select count(*)::int as unread from notifications where org_id = $1 and user_id = $2 and read_at is null`, [orgId, userId]);
  return unread;
}

/** The bell's figure for a page's caller; none for an API key, which is nobody's. */
export const unreadCountOf = (db: Queryable, auth: { orgId: string; userId?: string | null }): Promise<number | undefined> =>
  auth.userId ? unreadCount(db, auth.orgId, auth.userId) : Promise.resolve(undefined);

/**
 * Unread first, then newest first (or, with `newestFirst`, newest first only, as the
 * notifications page lists them); keyset cursor over (read, created_at, id).
 */
export async function listNotifications(db: Queryable, orgId: string, userId: string, options: { limit: number; cursor?: string; unreadOnly?: boolean; newestFirst?: boolean }) {
  const after = decodeCursor(options.cursor) as [number, string, string] | undefined;
  const params: unknown[] = [orgId, userId, options.limit + 1];
  const conditions = ['org_id = $1', 'user_id = $2'];
  // Newest first only: every row has the same first key, so the cursor's first part is always 0.
  const readKey = options.newestFirst ? '0' : '(read_at is not null)::int';
  if (options.unreadOnly) conditions.push('read_at is null');
  if (after) {
    params.push(after[0], after[1], after[2]);
    conditions.push(`(${readKey} > $4::int
      or (${readKey} = $4::int and (created_at, id) < ($5::timestamptz, $6::uuid)))`);
  }
  const rows = await db.query<Omit<NotificationView, 'url'> & { read: number }>(
    `select ${viewColumns}, ${readKey} as read from notifications
      where ${conditions.join(' and ')}
      order by ${options.newestFirst ? '' : `${readKey}, `}created_at desc, id desc limit $3`, params);
  const items = rows.slice(0, options.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(({ read: _read, ...row }) => withUrl(row)),
    unreadCount: await unreadCount(db, orgId, userId),
    nextCursor: rows.length > options.limit && last ? encodeCursor([last.read, new Date(last.createdAt).toISOString(), last.id]) : null,
  };
}

export async function markRead(db: Queryable, orgId: string, userId: string, id: string, now: Date): Promise<NotificationView> {
  const [row] = await db.query<Omit<NotificationView, 'url'>>(
    `update notifications set read_at = coalesce(read_at, $4::timestamptz) where org_id = $1 and user_id = $2 and id = $3 returning ${viewColumns}`,
    [orgId, userId, id, now.toISOString()]);
  if (!row) throw notFound('Notification', 'id');
  return withUrl(row);
}

export async function markAllRead(db: Queryable, orgId: string, userId: string, now: Date): Promise<number> {
  const rows = await db.query(
    `update notifications set read_at = $3::timestamptz where org_id = $1 and user_id = $2 and read_at is null returning id`,
    [orgId, userId, now.toISOString()]);
  return rows.length;
}

export async function notificationSettings(db: Queryable, orgId: string, userId: string, change?: { notificationDigest?: boolean }) {
  const [row] = change
    ? await db.query<{ notificationDigest: boolean }>(
      `update users set notification_digest = coalesce($3, notification_digest) where org_id = $1 and id = $2
        returning notification_digest as "notificationDigest"`, [orgId, userId, change.notificationDigest ?? null])
    : await db.query<{ notificationDigest: boolean }>(
      `select notification_digest as "notificationDigest" from users where org_id = $1 and id = $2`, [orgId, userId]);
  if (!row) throw notFound('User', 'id');
  return row;
}
