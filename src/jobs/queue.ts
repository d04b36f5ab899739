/**
 * Background work (sending invitations, reminders, SLA escalation, text analysis, reports)
 * runs on pg-boss in the same database, so any number of stateless app processes share it:
 * a job is fetched with SKIP LOCKED by exactly one worker. On PostgreSQL pg-boss keeps a small
 * pool of its own; on embedded PGlite it runs through the app's single connection.
 *
 * Domain modules register their queues with `defineJob` and the server starts the workers:
 * one obvious place to see everything that runs in the background.
 */
import PgBoss from 'pg-boss';
import type { Database, Queryable } from '../db/connection.ts';
import { asSystem } from '../db/scope.ts';

export interface JobDefinition<T extends object> {
  name: string;
  /** Handles a batch of jobs; throwing fails (and, per retryLimit, retries) the whole batch. */
  handle: (jobs: Array<{ id: string; data: T }>) => Promise<void>;
  /** Jobs fetched per poll. */
  batchSize?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** Seconds between polls for this job when its queue is empty; default the queue's (tests 0.5, server 2). */
  pollingIntervalSeconds?: number;
  /**
   * Workers of this queue in each process (default 1). A worker handles one batch at a time;
   * two let the next batch start while the last one still waits on a slow peer (SMTP).
   */
  workers?: number;
  /** Releases what the handler keeps open between batches (a pooled SMTP transport); called when the queue stops. */
  close?: () => void | Promise<void>;
}

export interface JobQueue {
  send<T extends object>(name: string, data: T, options?: PgBoss.SendOptions): Promise<string | null>;
  /** Jobs waiting or active in a queue (for /metrics and tests). */
  size(name: string): Promise<number>;
  /**
   * Wakes this process's worker of a queue from its polling pause, so a job created here (once
   * its transaction has committed) is fetched now rather than at the next poll. Workers of other
   * processes still find it at their next poll; a queue without a worker here is left alone.
   */
  wake(name: string): void;
  stop(): Promise<void>;
  readonly boss: PgBoss;
}

export interface JobQueueOptions {
  /** PostgreSQL server; without it pg-boss runs on the app's (PGlite) connection. */
  databaseUrl?: string;
  /** Seconds between polls when a queue is empty (pg-boss minimum 0.5). */
  pollingIntervalSeconds?: number;
  /** Start workers for these definitions (an API-only process may start none). */
  definitions?: Array<JobDefinition<object>>;
  /** Cron schedules to (re)declare: pg-boss keeps them in the database, one run per tick across processes. */
  schedules?: Array<{ name: string; cron: string }>;
}

/**
 * With row-level security on, organisation-scoped work runs as the role kaiku_app (src/db/scope.ts)
 * and adds jobs in its own transaction (src/loop/events.ts): the role needs the queue's tables,
 * which pg-boss creates at its first start and which hold no organisation's rows.
 */
const GRANT_QUEUE_TO_APP_ROLE = `do $$ begin
  if exists (select 1 from pg_roles where rolname = 'kaiku_app') then
    grant usage on schema pgboss to kaiku_app;
    grant select, insert, update, delete on all tables in schema pgboss to kaiku_app;
    grant usage, select, update on all sequences in schema pgboss to kaiku_app;
  end if;
exception when insufficient_privilege then
  raise notice 'pgboss not granted to kaiku_app: %', sqlerrm;
end $$`;

export async function startJobQueue(db: Database, options: JobQueueOptions = {}): Promise<JobQueue> {
  const config: PgBoss.ConstructorOptions = options.databaseUrl
    ? { connectionString: options.databaseUrl, max: 4, application_name: 'kaiku-jobs' }
    : { db: { executeSql: (text: string, values?: unknown[]) => db.script(text, values) } };
  const boss = new PgBoss({ ...config, schedule: true, supervise: true, migrate: true });
  boss.on('error', (error) => process.emitWarning(`job queue: ${(error as Error).message}`));
  await boss.start();
  const createQueuesAndSchedules = async () => {
    for (const definition of options.definitions ?? []) {
      await boss.createQueue(definition.name, {
        name: definition.name,
        retryLimit: definition.retryLimit ?? 5,
        retryDelay: definition.retryDelaySeconds ?? 10,
        retryBackoff: definition.retryBackoff ?? true,
      });
    }
    for (const schedule of options.schedules ?? []) await boss.schedule(schedule.name, schedule.cron);
  };
  // Processes starting together on a new database deadlocked creating the same queues
  // (src/cli/scale-out.it.test.ts): one process at a time creates them, under an advisory lock
  // held by a transaction of the app's pool. PGlite has one process and one connection.
  if (options.databaseUrl) {
    await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock(7406329114)');
      await createQueuesAndSchedules();
      if (db.rls) await tx.query(GRANT_QUEUE_TO_APP_ROLE);
    });
  } else {
    await createQueuesAndSchedules();
    if (db.rls) await db.query(GRANT_QUEUE_TO_APP_ROLE);
  }
  const workers = new Map<string, string[]>();
  for (const definition of options.definitions ?? []) {
    const ids: string[] = [];
    for (let i = 0; i < (definition.workers ?? 1); i++) {
      ids.push(await boss.work<object>(definition.name, {
        batchSize: definition.batchSize ?? 50,
        pollingIntervalSeconds: Math.min(definition.pollingIntervalSeconds ?? Infinity, options.pollingIntervalSeconds ?? 2),
      },
        // Jobs sweep every organisation, or carry the organisation in their data: system scope.
        async (jobs) => asSystem(`job ${definition.name}`, () => definition.handle(jobs.map((j) => ({ id: j.id, data: j.data }))))));
    }
    workers.set(definition.name, ids);
  }
  return {
    boss,
    send: (name, data, sendOptions) => boss.send(name, data, sendOptions ?? {}),
    size: (name) => boss.getQueueSize(name),
    wake(name) {
      // Every worker of the queue here: a busy one ignores it, an idle one fetches now.
      for (const workerId of workers.get(name) ?? []) boss.notifyWorker(workerId);
    },
    async stop() {
      // Graceful: running handlers finish (up to 30 s) before the connections close.
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      for (const definition of options.definitions ?? []) await definition.close?.();
    },
  };
}

/** Typed helper so a domain declares its job next to the code it runs. */
export const defineJob = <T extends object>(definition: JobDefinition<T>) => definition as unknown as JobDefinition<object>;

/**
 * Sends a job unless one of that name is already waiting: the self-re-sending watcher jobs
 * (alert evaluation, text analysis) use it so several processes converge on one chain.
 */
export async function sendUnlessWaiting(db: Queryable, queue: JobQueue, name: string, exceptJobIds: string[] = [], options: PgBoss.SendOptions = {}): Promise<void> {
  const waiting = await db.query(
    `select 1 from pgboss.job where name = $1 and state in ('created', 'retry') and not (id = any($2::uuid[])) limit 1`, [name, exceptJobIds]);
  if (waiting.length === 0) await queue.send(name, {}, options);
}
