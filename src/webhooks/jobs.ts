/** Background jobs of webhooks: the first attempt at once, retries on a one-minute schedule. */
import type { JobContext } from '../jobs/registry.ts';
import { defineJob } from '../jobs/queue.ts';
import { deliverMany, retryDueDeliveries, WEBHOOK_DELIVER_JOB, WEBHOOK_RETRY_JOB } from './service.ts';

const webhookContext = (ctx: JobContext) => ({ db: ctx.db, queue: ctx.queue, now: ctx.now, allowPrivate: ctx.config.webhooksAllowPrivate });

export const webhookDeliverJob = (ctx: JobContext) => defineJob<{ orgId: string; deliveryId: string }>({
  name: WEBHOOK_DELIVER_JOB,
  // pg-boss fetches once per polling interval: 500 a fetch, claimed 64 a statement, 32 POSTs in
  // flight over kept-alive connections, outcomes recorded together: keeps up with a case stream
  // of hundreds a second.
  batchSize: 500,
  pollingIntervalSeconds: 0.5,
  // An HTTP failure is recorded on the delivery and retried by `webhook-retry`; only a database
  // error fails the job, and the sweep catches that delivery too.
  retryLimit: 2,
  handle: async (jobs) => {
    await deliverMany(webhookContext(ctx), jobs.map((job) => job.data));
  },
});

export const webhookRetryJob = (ctx: JobContext) => defineJob<object>({
  name: WEBHOOK_RETRY_JOB,
  batchSize: 1,
  retryLimit: 0,
  handle: async () => { await retryDueDeliveries(webhookContext(ctx)); },
});
