/**
 * The distribution jobs. `distribution-schedule` drains the pulse outbox (woken by the events API,
 * and every minute as a safety net); `distribution-dispatch` launches due waves, sends due
 * invitations and reminders (woken when something became due at once, and every minute, which
 * is the resolution of delays and quiet hours).
 */
import type { JobContext } from '../jobs/registry.ts';
import { defineJob, type JobQueue } from '../jobs/queue.ts';
import { createMailer } from '../mail/mailer.ts';
import { DISPATCH_BATCH, dispatchDue, dispatchReminders, releaseStaleClaims, type Senders } from './dispatch.ts';
import { drainPulseOutbox } from './schedule.ts';
import { launchDueWaves } from './waves.ts';
import { createSmsProvider } from './sms.ts';

export const SCHEDULE_JOB = 'distribution-schedule';
export const DISPATCH_JOB = 'distribution-dispatch';
/** A dispatch run stops taking new batches after this long and leaves the rest to the next run. */
const DISPATCH_BUDGET_MS = 50_000;

export async function wakePulseScheduler(jobs: JobQueue | undefined): Promise<void> {
  await jobs?.send(SCHEDULE_JOB, {});
}

/**
 * One run, one pooled SMTP transport: its few connections carry every message of the run and
 * are closed at its end, so nothing stays open between runs or after shutdown.
 */
export async function runDispatch(ctx: JobContext): Promise<void> {
  const started = Date.now();
  await releaseStaleClaims(ctx.db, ctx.now());
  await launchDueWaves(ctx.db, ctx.now());
  const senders: Senders = { mailer: createMailer(ctx.config, { pool: true }), sms: createSmsProvider(ctx.config), publicUrl: ctx.config.publicUrl };
  try {
    while (Date.now() - started < DISPATCH_BUDGET_MS) {
      const { claimed } = await dispatchDue(ctx.db, senders, ctx.now());
      if (claimed < DISPATCH_BATCH) break;
    }
    while (Date.now() - started < DISPATCH_BUDGET_MS) {
      const { claimed } = await dispatchReminders(ctx.db, senders, ctx.now());
      if (claimed < DISPATCH_BATCH) break;
    }
  } finally {
    senders.mailer?.close();
  }
}

export const scheduleJob = (ctx: JobContext) => defineJob<object>({
  name: SCHEDULE_JOB,
  // Many wake-ups in a burst are one drain.
  batchSize: 100,
  retryLimit: 10,
  retryDelaySeconds: 5,
  handle: async () => {
    // Two drainers side by side (SKIP LOCKED gives them different events; contacts are locked in id order, so they
    // cannot deadlock): on PostgreSQL they use two cores, on PGlite they simply take turns.
    const results = await Promise.all([drainPulseOutbox(ctx.db, ctx.now), drainPulseOutbox(ctx.db, ctx.now)]);
    if (results.some((r) => r.dueNow)) await ctx.queue().send(DISPATCH_JOB, {});
  },
});

export const dispatchJob = (ctx: JobContext) => defineJob<object>({
  name: DISPATCH_JOB,
  batchSize: 100,
  retryLimit: 5,
  retryDelaySeconds: 30,
  handle: () => runDispatch(ctx),
});
