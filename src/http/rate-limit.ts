/**
 * Rate limits shared by every app process: fixed one-minute windows counted in Postgres
 * (`throttle.rate_counters`, UNLOGGED), with the hot path in memory.
 *
 * Each process decides from the last count it read from Postgres plus the hits it has taken
 * since; once a second (when it has taken any) it adds its hits to the shared rows in one
 * statement and reads back the counts of the other buckets it used this minute. A request therefore never waits for the database; the price is that N processes
 * together may let through up to N × (one second of traffic) more than the limit before they
 * all see the shared count. Limits here are abuse limits (per IP, token, key), where that
 * slack is harmless; sign-in lockout, which must be exact, is counted in the database per
 * attempt (src/auth/lockout.ts).
 *
 * Routes opt in with `config.rateLimit`: `public` (pages and forms, per IP, and per
 * invitation token when the route has a `:token` parameter), `login` (sign-in and password
 * reset, per IP), `ingest` (response and event ingestion, per IP). Every request made with
 * an API key also counts against that key (its own limit, or KAIKU_RATE_LIMIT_API_KEY).
 */
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';

export type RateLimitClass = 'public' | 'login' | 'ingest';

declare module 'fastify' {
  interface FastifyContextConfig {
    rateLimit?: RateLimitClass;
  }
  interface FastifyInstance {
    rateLimiter: RateLimiter;
  }
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends. */
  resetSeconds: number;
}

/** `shared`: the total last read from Postgres; `sending`: hits on their way there; `pending`: hits since. */
interface Counter { window: number; shared: number; sending: number; pending: number }

export class RateLimiter {
  private readonly counters = new Map<string, Counter>();
  private timer?: NodeJS.Timeout;
  private syncing?: Promise<void>;
  private lastCleanup = 0;

  constructor(private readonly db: Database, readonly windowMs = 60_000, private readonly syncMs = 1000, private readonly clock = () => Date.now()) {}

  /** Counts one hit against `bucket`; refused (and not counted) once `limit` is reached. */
  hit(bucket: string, limit: number): RateDecision {
    const now = this.clock();
    const window = Math.floor(now / this.windowMs);
    const resetSeconds = Math.max(1, Math.ceil(((window + 1) * this.windowMs - now) / 1000));
    let counter = this.counters.get(bucket);
    if (!counter || counter.window !== window) {
      counter = { window, shared: 0, sending: 0, pending: 0 };
      this.counters.set(bucket, counter);
    }
    const used = counter.shared + counter.sending + counter.pending;
    if (used >= limit) return { allowed: false, limit, remaining: 0, resetSeconds };
    counter.pending++;
    this.timer ??= setTimeout(() => { this.timer = undefined; void this.sync(); }, this.syncMs).unref();
    return { allowed: true, limit, remaining: limit - used - 1, resetSeconds };
  }

  /** Adds this process's pending hits to the shared counts and reads the totals back. */
  sync(): Promise<void> {
    this.syncing ??= this.flush().finally(() => { this.syncing = undefined; });
    return this.syncing;
  }

  private async flush(): Promise<void> {
    const current = Math.floor(this.clock() / this.windowMs);
    const buckets: string[] = [];
    const windows: number[] = [];
    const hits: number[] = [];
    /** Buckets in use this minute without new hits here: their shared count is read back, not added to. */
    const idle: string[] = [];
    for (const [bucket, counter] of this.counters) {
      if (counter.window < current && counter.pending === 0) { this.counters.delete(bucket); continue; }
      if (counter.pending === 0) { if (counter.window === current) idle.push(bucket); continue; }
      buckets.push(bucket); windows.push(counter.window); hits.push(counter.pending);
      counter.sending += counter.pending;
      counter.pending = 0;
    }
    if (buckets.length === 0 && idle.length === 0) return;
    try {
      if (idle.length > 0) {
        const rows = await this.db.query<{ bucket: string; hits: number }>(
          `select bucket, hits from throttle.rate_counters where window_start = $1 and bucket = any($2::text[])`, [current, idle]);
        for (const row of rows) {
          const counter = this.counters.get(row.bucket);
          if (counter && counter.window === current) counter.shared = Math.max(counter.shared, row.hits);
        }
      }
      if (buckets.length === 0) return;
      const rows = await this.db.query<{ bucket: string; window_start: string; hits: number }>(
        `insert into throttle.rate_counters as c (bucket, window_start, hits)
         select * from unnest($1::text[], $2::bigint[], $3::int[])
         on conflict (bucket, window_start) do update set hits = c.hits + excluded.hits
         returning bucket, window_start, hits`, [buckets, windows, hits]);
      // The returned totals include the hits just sent.
      for (const row of rows) {
        const counter = this.counters.get(row.bucket);
        if (counter && counter.window === Number(row.window_start)) counter.shared = row.hits;
      }
      buckets.forEach((bucket, i) => {
        const counter = this.counters.get(bucket);
        if (counter && counter.window === windows[i]) counter.sending -= hits[i];
      });
    } catch {
      // Database away: keep the hits for the next sync; requests go on being limited locally.
      buckets.forEach((bucket, i) => {
        const counter = this.counters.get(bucket);
        if (counter && counter.window === windows[i]) { counter.sending -= hits[i]; counter.pending += hits[i]; }
      });
      return;
    }
    if (current - this.lastCleanup >= 1) {
      this.lastCleanup = current;
      // Old windows are worth nothing; if this fails, the next minute's cleanup takes them.
      await this.db.query(`delete from throttle.rate_counters where window_start < $1`, [current - 1]).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.sync();
  }
}

export interface RateLimits {
  rateLimitPublic: number;
  rateLimitLogin: number;
  rateLimitToken: number;
  rateLimitIngestIp: number;
  rateLimitApiKey: number;
}

function setHeaders(reply: FastifyReply, decision: RateDecision, windowSeconds: number) {
  reply.header('ratelimit-limit', decision.limit);
  reply.header('ratelimit-remaining', decision.remaining);
  reply.header('ratelimit-reset', decision.resetSeconds);
  reply.header('ratelimit-policy', `${decision.limit};w=${windowSeconds}`);
}

/** Applies each bucket in turn; the first one that refuses ends the request with 429. */
function enforce(limiter: RateLimiter, reply: FastifyReply, checks: Array<[bucket: string, limit: number]>) {
  let tightest: RateDecision | undefined;
  for (const [bucket, limit] of checks) {
    if (limit <= 0) continue;
    const decision = limiter.hit(bucket, limit);
    if (!decision.allowed) {
      setHeaders(reply, decision, limiter.windowMs / 1000);
      reply.header('retry-after', decision.resetSeconds);
      throw new KaikuError('rate_limited', `Too many requests; try again in ${decision.resetSeconds} s`, { status: 429 });
    }
    if (!tightest || decision.remaining < tightest.remaining) tightest = decision;
  }
  if (tightest) setHeaders(reply, tightest, limiter.windowMs / 1000);
}

function routeBuckets(request: FastifyRequest, limits: RateLimits): Array<[string, number]> {
  const kind = request.routeOptions.config?.rateLimit;
  if (!kind) return [];
  const ip = request.ip;
  if (kind === 'login') return [[`login:${ip}`, limits.rateLimitLogin]];
  if (kind === 'ingest') return [[`ingest:${ip}`, limits.rateLimitIngestIp]];
  const checks: Array<[string, number]> = [[`public:${ip}`, limits.rateLimitPublic]];
  const token = (request.params as Record<string, unknown> | undefined)?.token;
  if (typeof token === 'string' && token.length <= 200) checks.push([`token:${token}`, limits.rateLimitToken]);
  return checks;
}

/** Register after the auth plugin: per-key limits need the caller identified. */
export const rateLimitPlugin = fp(async (app: FastifyInstance, options: { db: Database; limits: RateLimits }) => {
  const limiter = new RateLimiter(options.db);
  app.decorate('rateLimiter', limiter);
  app.addHook('onClose', async () => limiter.close());
  // Per IP and token before the body is even read.
  app.addHook('onRequest', async (request, reply) => enforce(limiter, reply, routeBuckets(request, options.limits)));
  app.addHook('preValidation', async (request, reply) => {
    const auth = request.auth;
    if (!auth?.apiKeyId) return;
    enforce(limiter, reply, [[`key:${auth.apiKeyId}`, auth.rateLimitPerMinute ?? options.limits.rateLimitApiKey]]);
  });
});
