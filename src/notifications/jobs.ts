/**
 * The `loop-notify` worker, the pending (burst) e-mails and the daily digest, with one mailer per
 * process: pooled SMTP connections stay open between batches (no connection set-up on the path
 * from a stored response to the owner's e-mail) and close when the job queue stops. Under load
 * the e-mails' pace is set by SMTP round trips, so the connections live in a worker thread of
 * their own (src/mail/threaded.ts), there are many, and two job workers' batches overlap.
 */
import type { JobContext } from '../jobs/registry.ts';
import { defineJob } from '../jobs/queue.ts';
import { LOOP_NOTIFY_JOB, type LoopEvent } from '../loop/events.ts';
import type { Mailer } from '../mail/mailer.ts';
import { createThreadedMailer } from '../mail/threaded.ts';
import { DIGEST_JOB, MAIL_CONCURRENCY, NOTIFY_EMAIL_JOB, PENDING_EMAILS_JOB, handleLoopEvents, sendDigests, sendImmediateEmails, sendPendingEmails, type NotifyContext } from './service.ts';

const mailers = new WeakMap<JobContext, Mailer | undefined>();

function notifyContext(ctx: JobContext): NotifyContext {
  if (!mailers.has(ctx)) mailers.set(ctx, createThreadedMailer(ctx.config, { maxConnections: MAIL_CONCURRENCY }));
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
  // A job is one loop-notify batch (up to 500 notifications); a few per fetch, and a second
  // worker claims the next while the first one's e-mails are still on their way.
  batchSize: 4,
  workers: 2,
  pollingIntervalSeconds: 0.5,
  retryLimit: 5,
  retryDelaySeconds: 30,
  handle: async (jobs) => { await sendImmediateEmails(notifyContext(ctx), jobs.flatMap((j) => j.data.ids)); },
  // The notification jobs share the mailer; one close releases its connections.
  close: () => mailers.get(ctx)?.close(),
});
