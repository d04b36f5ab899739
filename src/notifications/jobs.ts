/**
 * The `loop-notify` worker, the pending (burst) e-mails and the daily digest, with one mailer per
 * process: a few pooled SMTP connections stay open between batches (no connection set-up on the
 * path from a stored response to the owner's e-mail) and close when the job queue stops. What
 * looked like the pool stalling under load was mostly the e-mail claim's query plan
 * (sendImmediateEmails) and ~40 ms of Nagle delay per message (src/mail/mailer.ts); under heavy
 * load an e-mail job still stalls now and then, not yet explained — see BENCHMARKS.md.
 */
import type { JobContext } from '../jobs/registry.ts';
import { defineJob } from '../jobs/queue.ts';
import { LOOP_NOTIFY_JOB, type LoopEvent } from '../loop/events.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { DIGEST_JOB, MAIL_CONCURRENCY, NOTIFY_EMAIL_JOB, PENDING_EMAILS_JOB, handleLoopEvents, sendDigests, sendImmediateEmails, sendPendingEmails, type NotifyContext } from './service.ts';

const mailers = new WeakMap<JobContext, Mailer | undefined>();

function notifyContext(ctx: JobContext): NotifyContext {
  if (!mailers.has(ctx)) mailers.set(ctx, createMailer(ctx.config, { pool: true, maxConnections: MAIL_CONCURRENCY }));
  return { db: ctx.db, queue: ctx.queue, now: ctx.now, publicUrl: () => ctx.config.publicUrl, mailer: mailers.get(ctx) };
}

export const loopNotifyJob = (ctx: JobContext) => defineJob<LoopEvent>({
  name: LOOP_NOTIFY_JOB,
  // Batches let a burst of cases for one person become one e-mail; 500 a poll keeps up with a
  // stream of 500 responses a second (pg-boss fetches once per polling interval).
  batchSize: 500,
  // Polled often: this hop is part of "response stored → notification sent" (issue 6: ≤ 2 s p95).
  pollingIntervalSeconds: 0.5,
  retryLimit: 5,
  retryDelaySeconds: 30,
  handle: (jobs) => handleLoopEvents(notifyContext(ctx), jobs),
});

export const digestJob = (ctx: JobContext) => defineJob<object>({
  name: DIGEST_JOB,
  batchSize: 1,
  retryLimit: 3,
  retryDelaySeconds: 300,
  handle: async () => { await sendDigests(notifyContext(ctx)); },
});

export const pendingEmailsJob = (ctx: JobContext) => defineJob<object>({
  name: PENDING_EMAILS_JOB,
  batchSize: 1,
  retryLimit: 1,
  handle: async () => { await sendPendingEmails(notifyContext(ctx)); },
});

/** The immediate e-mails of one `loop-notify` batch. */
export const notifyEmailJob = (ctx: JobContext) => defineJob<{ ids: Array<{ orgId: string; id: string }> }>({
  name: NOTIFY_EMAIL_JOB,
  batchSize: 20,
  pollingIntervalSeconds: 0.5,
  retryLimit: 5,
  retryDelaySeconds: 30,
  handle: async (jobs) => { await sendImmediateEmails(notifyContext(ctx), jobs.flatMap((j) => j.data.ids)); },
  // The notification jobs share the mailer; one close releases its connections.
  close: () => mailers.get(ctx)?.close(),
});
