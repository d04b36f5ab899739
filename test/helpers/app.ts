/**
 * A Kaiku server on a fresh test database, listening on a random localhost port, plus an
 * organisation with an admin and an API key, for integration tests over real HTTP.
 */
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import { startJobQueue, type JobQueue } from '../../src/jobs/queue.ts';
import { jobDefinitions, type JobContext } from '../../src/jobs/registry.ts';
import type { Database } from '../../src/db/connection.ts';
import { buildServer } from '../../src/http/server.ts';
import { createOrganization } from '../../src/orgs/service.ts';
import { createApiKey, createUser } from '../../src/auth/service.ts';
import { testDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  url: string;
  orgId: string;
  apiKey: string;
  /** fetch against the server with the admin API key and JSON. */
  api: (path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string>; key?: string | null }) => Promise<{ status: number; body: any; headers: Headers }>;
  /** The running job queue when started with { jobs: true }. */
  jobs?: JobQueue;
  close: () => Promise<void>;
}

let slugCounter = 0;

export async function newOrg(db: Database, name = 'Test Org') {
  const orgId = await createOrganization(db, { name, slug: `org-${process.pid}-${Date.now()}-${slugCounter++}` });
  const key = await createApiKey(db, orgId, 'test', ['admin']);
  return { orgId, apiKey: key.key };
}

export interface TestAppOptions {
  db?: Database;
  /** Start the background job queue with every registered job (polling every 0.5 s). */
  jobs?: boolean;
  /** A controllable clock for SLAs and schedules. */
  now?: () => Date;
  /** Extra configuration (e.g. SMTP of a test mail server). */
  config?: Partial<Config>;
}

/**
 * Tests make hundreds of requests a minute from one address and submit forms the instant they
 * are rendered; rate limits and the minimum fill time are off unless a test turns them on
 * (src/http/rate-limit.it.test.ts, src/http/bot-guard.it.test.ts do).
 */
const abuseLimitsOff: Partial<Config> = {
  rateLimitPublic: 0, rateLimitLogin: 0, rateLimitToken: 0, rateLimitIngestIp: 0, rateLimitApiKey: 0, formMinFillMs: 0,
};

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.db ?? await testDatabase();
  const config: Config = { ...loadConfig({}), port: 0, host: '127.0.0.1', ...abuseLimitsOff, ...options.config };
  const now = options.now ?? (() => new Date());
  let queue: JobQueue | undefined;
  if (options.jobs) {
    const context: JobContext = { db, config, now, queue: () => queue as JobQueue };
    const databaseUrl = (db as unknown as { url?: string }).url;
    queue = await startJobQueue(db, { databaseUrl, pollingIntervalSeconds: 0.5, definitions: jobDefinitions(context) });
  }
  const app = await buildServer({ db, config, jobs: queue, now }, { logger: process.env.KAIKU_TEST_LOG ? { level: 'error' } : false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  config.publicUrl = url;
  const { orgId, apiKey } = await newOrg(db);
  await createUser(db, orgId, { email: `admin-${orgId.slice(0, 8)}@example.com`, name: 'Admin', role: 'admin', password: 'correct horse battery' });
  const api: TestApp['api'] = async (path, init = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    const key = init.key === undefined ? apiKey : init.key;
    if (key) headers.authorization = `Bearer ${key}`;
    if (init.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await fetch(url + path, { method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'), headers, body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body) });
    const text = await res.text();
    let body: unknown = text;
    try { body = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
    return { status: res.status, body, headers: res.headers };
  };
  return {
    app, db, url, orgId, apiKey, api,
    jobs: queue,
    close: async () => { await app.close(); await queue?.stop(); if (!options.db) await db.close(); },
  };
}

/** Signs a user in through the login API and returns an api() that sends their session cookie. */
export async function signInAs(t: TestApp, email: string, password: string): Promise<TestApp['api']> {
  const res = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return (path, init = {}) => t.api(path, { ...init, key: null, headers: { ...(init.headers ?? {}), cookie } });
}
