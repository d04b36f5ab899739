/**
 * The closed loop's events: what happened to a case or an alert, published as `loop-notify`
 * jobs so notifications (e-mail, in-app, webhooks — src/notifications/, src/webhooks/) run in
 * the background and never slow down the work that raised them.
 */
import type { JobQueue } from '../jobs/queue.ts';
import type { Queryable } from '../db/connection.ts';

export const LOOP_NOTIFY_JOB = 'loop-notify';

export type LoopEventType = 'case.created' | 'case.updated' | 'case.escalated' | 'alert.fired' | 'praise.received';

export type LoopEvent = {
  type: LoopEventType;
  orgId: string;
  caseId: string;
  /** ISO time the event happened (the job clock, so tests with a moved clock see it). */
  at: string;
  data?: Record<string, unknown>;
};

/** Enqueues the event for the `loop-notify` worker (registered by the notifications domain). */
export async function publishLoopEvent(ctx: { queue: () => JobQueue }, event: LoopEvent): Promise<void> {
  await ctx.queue().send(LOOP_NOTIFY_JOB, event);
  ctx.queue().wake(LOOP_NOTIFY_JOB);
}

/**
 * Many events at once. With `tx` the jobs are written in that transaction, so they exist if and
 * only if the cases they announce were committed (no lost and no phantom notifications); the
 * caller wakes the worker (`queue.wake(LOOP_NOTIFY_JOB)`) once that transaction has committed.
 */
export async function publishLoopEvents(ctx: { queue: () => JobQueue }, events: LoopEvent[], tx?: Queryable): Promise<void> {
  if (events.length === 0) return;
  const jobs = events.map((data) => ({ name: LOOP_NOTIFY_JOB, data }));
  if (!tx) {
    await ctx.queue().boss.insert(jobs);
    ctx.queue().wake(LOOP_NOTIFY_JOB);
    return;
  }
  await ctx.queue().boss.insert(jobs, { db: { executeSql: async (text: string, values?: unknown[]) => ({ rows: await tx.query(text, values) }) } });
}
