/**
 * The closed loop's events: what happened to a case or an alert, published as `loop-notify`
 * jobs so notifications (e-mail, in-app, webhooks — src/notifications/, src/webhooks/) run in
 * the background and never slow down the work that raised them.
 */
import type { JobQueue } from '../jobs/queue.ts';

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
}

/** Many events at once (a batch of new cases), one insert per event in pg-boss. */
export async function publishLoopEvents(ctx: { queue: () => JobQueue }, events: LoopEvent[]): Promise<void> {
  if (events.length === 0) return;
  await ctx.queue().boss.insert(events.map((data) => ({ name: LOOP_NOTIFY_JOB, data })));
}
