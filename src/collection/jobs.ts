import { defineJob } from '../jobs/queue.ts';
import type { JobContext } from '../jobs/registry.ts';
import { forgetExpiredVisitors } from './service.ts';

export const FORGET_VISITORS_JOB = 'collection-forget-visitors';

export const forgetVisitorsJob = (ctx: JobContext) => defineJob<Record<string, never>>({
  name: FORGET_VISITORS_JOB,
  batchSize: 1,
  handle: async () => { await forgetExpiredVisitors(ctx.db, ctx.now()); },
});
