/** The churn training worker and its scheduled retrain (src/jobs/registry.ts). */
import type { JobContext } from '../jobs/registry.ts';
import { defineJob } from '../jobs/queue.ts';
import { CHURN_RETRAIN_JOB, CHURN_TRAIN_JOB, queueDueRetraining, runChurnTraining } from './service.ts';

export const churnTrainJob = (ctx: JobContext) => defineJob<{ orgId: string; modelId: string }>({
  name: CHURN_TRAIN_JOB,
  batchSize: 1,
  // A failed run is recorded on the model with its message; retrying would fail the same way.
  retryLimit: 0,
  handle: async (jobs) => {
    for (const job of jobs) await runChurnTraining(ctx.db, job.data.orgId, job.data.modelId);
  },
});

export const churnRetrainJob = (ctx: JobContext) => defineJob<Record<string, never>>({
  name: CHURN_RETRAIN_JOB,
  batchSize: 1,
  retryLimit: 2,
  handle: async () => { await queueDueRetraining(ctx.db, ctx.queue(), ctx.now()); },
});
