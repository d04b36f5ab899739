/**
 * Every background job Kaiku runs, in one list. A domain adds its job here as one line; the
 * server (src/cli/serve.ts) and the test app start workers for all of them.
 */
import type { Config } from '../config.ts';
import type { Database } from '../db/connection.ts';
import type { JobDefinition, JobQueue } from './queue.ts';
import { digestJob, loopNotifyJob, notifyEmailJob, pendingEmailsJob } from '../notifications/jobs.ts';
import { webhookDeliverJob, webhookRetryJob } from '../webhooks/jobs.ts';
import { alertEvaluationJob } from '../loop/evaluate.ts';
import { escalationJob } from '../loop/escalate.ts';
import { dispatchJob, scheduleJob } from '../distribution/jobs.ts';
import { boardReportJob } from '../reports/schedule.ts';
import { textAnalysisJob, textReanalysisJob, textSweepJob } from '../text/analysis.ts';
import { churnRetrainJob, churnTrainJob } from '../churn/jobs.ts';
import { foldRollupsJob } from '../metrics/rollups.ts';
import { forgetVisitorsJob } from '../collection/jobs.ts';
import { retentionJob } from '../privacy/retention.ts';

export interface JobContext {
  db: Database;
  config: Config;
  /** The running queue, for jobs that enqueue follow-up work. */
  queue: () => JobQueue;
  /** The clock jobs use (tests move it to test SLAs and schedules). */
  now: () => Date;
}

type JobFactory = (context: JobContext) => JobDefinition<object>;

const factories: JobFactory[] = [
  // Domains append their job factories here, e.g. (ctx) => alertEvaluationJob(ctx),
  loopNotifyJob, notifyEmailJob, digestJob, pendingEmailsJob, webhookDeliverJob, webhookRetryJob,
  (ctx) => alertEvaluationJob(ctx),
  (ctx) => escalationJob(ctx),
  scheduleJob, dispatchJob,
  boardReportJob,
  (ctx) => textAnalysisJob(ctx), textSweepJob, textReanalysisJob,
  churnTrainJob, churnRetrainJob,
  foldRollupsJob,
  forgetVisitorsJob,
  retentionJob,
];

export function jobDefinitions(context: JobContext): Array<JobDefinition<object>> {
  return factories.map((factory) => factory(context));
}

/** Cron schedules (pg-boss `schedule`): name → cron expression in the server's time zone. */
export const schedules: Array<{ name: string; cron: string }> = [
  // e.g. { name: 'loop-escalate-overdue', cron: '*/5 * * * *' },
  { name: 'notifications-digest', cron: '0 * * * *' },
  // E-mails held back during a burst (src/notifications/service.ts BURST_WINDOW_SECONDS).
  { name: 'notifications-pending', cron: '* * * * *' },
  { name: 'webhook-retry', cron: '* * * * *' },
  { name: 'loop-escalate-overdue', cron: '* * * * *' },
  // Board reports go out at each schedule's own hour (src/reports/schedule.ts).
  { name: 'reports-board-monthly', cron: '0 * * * *' },
  // Re-starts the outbox watcher should the process holding it have died (src/loop/evaluate.ts).
  { name: 'loop-evaluate-alerts', cron: '* * * * *' },
  // Pulse scheduling is woken by the events API; every minute catches what a lost wake-up missed.
  { name: 'distribution-schedule', cron: '* * * * *' },
  // Due invitations, reminders and waves: delays and quiet hours have one-minute resolution.
  { name: 'distribution-dispatch', cron: '* * * * *' },
  // Re-starts the text-analysis chain should it have died; the hourly sweep finds any text the
  // analysis cursor passed by (src/text/analysis.ts).
  { name: 'text-analyse', cron: '* * * * *' },
  { name: 'text-analyse-sweep', cron: '17 * * * *' },
  // Retrains churn models older than a week (src/churn/service.ts queueDueRetraining).
  { name: 'churn-retrain', cron: '30 2 * * *' },
  // Folds score-histogram deltas into the rollup; reads are exact without it, only slower (src/metrics/rollups.ts).
  { name: 'metrics-fold-rollups', cron: '* * * * *' },
  // Widget visitors asked longer ago than their frequency period are forgotten (src/collection/service.ts).
  { name: 'collection-forget-visitors', cron: '40 3 * * *' },
  // Retention policies: open texts, responses and inactive contacts past their months (src/privacy/retention.ts).
  { name: 'privacy-retention', cron: '20 2 * * *' },
];
