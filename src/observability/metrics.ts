/**
 * The Prometheus registry of a Kaiku process: every metric is defined here, in one place, so
 * `GET /metrics` shows them all and names stay consistent (`kaiku_…`, base units, `_total`
 * for counters). Domains increment the counters they own; queue depths are read at scrape
 * time from the functions registered with `trackQueueDepth`.
 *
 * Figures that live in the database (background jobs waiting, cases open) are counted at
 * scrape time from the database registered with `trackDatabase`. They describe the shared
 * database, so every app process reports the same value: aggregate them with max(), not sum().
 *
 * To add a metric: define it below with `registers: [registry]` and import it where the event
 * happens.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Queryable } from '../db/connection.ts';
import { openCaseStatuses } from '../vocabulary.ts';

export const registry = new Registry();

// CPU, resident memory, heap, event-loop lag, open file descriptors, GC: prom-client's process metrics.
collectDefaultMetrics({ register: registry, prefix: 'kaiku_' });

export const httpRequests = new Counter({
  name: 'kaiku_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status code',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});

export const httpRequestDuration = new Histogram({
  name: 'kaiku_http_request_duration_seconds',
  help: 'Time from receiving a request to sending its response, by method and route pattern',
  labelNames: ['method', 'route'] as const,
  // From a group-committed response write (ms) to a large export (s).
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

export const responsesIngested = new Counter({
  name: 'kaiku_responses_ingested_total',
  help: 'Survey responses stored (duplicates by idempotency key not counted), by source',
  labelNames: ['source'] as const,
  registers: [registry],
});

export const emailsSent = new Counter({
  name: 'kaiku_emails_sent_total',
  help: 'E-mails accepted by the SMTP server, by outcome (sent, failed)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const queueDepths = new Map<string, Set<() => number>>();

/**
 * Reports a queue's depth at every scrape. Several app instances in one process (tests) each
 * register theirs; the gauge shows the sum per queue. Returns the function that unregisters.
 */
export function trackQueueDepth(queue: string, depth: () => number): () => void {
  let readers = queueDepths.get(queue);
  if (!readers) { readers = new Set(); queueDepths.set(queue, readers); }
  readers.add(depth);
  return () => { readers.delete(depth); };
}

const databases = new Set<Queryable>();

/** The database whose jobs and cases the scrape counts; returns the function that unregisters. */
export function trackDatabase(db: Queryable): () => void {
  databases.add(db);
  return () => { databases.delete(db); };
}

/** Rows of a scrape-time query, or none when the database cannot answer (it must not fail the scrape). */
async function scrapeQuery<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const db = databases.values().next().value;
  if (!db) return [];
  return db.query<T>(sql, params).catch(() => []);
}

export const queueDepth = new Gauge({
  name: 'kaiku_queue_depth',
  help: 'Work waiting in an in-process or database queue: responses_group_commit (single responses waiting for the next group commit) '
    + 'and jobs:<name> (background jobs created or due for retry, not yet started, in the shared pg-boss queue)',
  labelNames: ['queue'] as const,
  registers: [registry],
  async collect() {
    const jobs = await scrapeQuery<{ name: string; n: number }>(
      `select name, count(*)::int as n from pgboss.job where state in ('created', 'retry') group by name`);
    this.reset();
    for (const [queue, readers] of queueDepths) {
      let sum = 0;
      for (const read of readers) sum += read();
      this.set({ queue }, sum);
    }
    for (const job of jobs) this.set({ queue: `jobs:${job.name}` }, job.n);
  },
});

export const casesOpen = new Gauge({
  name: 'kaiku_cases_open',
  help: 'Cases not yet resolved or closed, in all organisations, by status (new, in_progress, waiting_customer)',
  labelNames: ['status'] as const,
  registers: [registry],
  async collect() {
    const rows = await scrapeQuery<{ status: string; n: number }>(
      `select status::text as status, count(*)::int as n from cases where status = any($1::case_status[]) group by status`, [openCaseStatuses]);
    this.reset();
    for (const status of openCaseStatuses) this.set({ status }, rows.find((r) => r.status === status)?.n ?? 0);
  },
});
