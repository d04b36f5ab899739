/**
 * What the rate limiter's request hooks (src/http/rate-limit.ts) cost in CPU per request, through
 * Fastify itself: the same POST route with limits checked (per IP and per API key, never refused)
 * and without the plugin, `inject`ed in one process and timed by process.cpuUsage — CPU time, not
 * wall time, so other work on a loaded machine moves it little. bench/rate-limit.ts times the
 * decision alone; this adds the hooks, the bucket names and the headers.
 * Run: npx tsx bench/rate-limit-hooks.ts [--requests 30000] [--rounds 5]
 */
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { rateLimitPlugin } from '../src/http/rate-limit.ts';
import type { Database } from '../src/db/connection.ts';
import { machine, median } from './lib.ts';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '30000' }, rounds: { type: 'string', default: '5' } } });
const requests = Number(values.requests);
const limits = { rateLimitPublic: 1e9, rateLimitLogin: 1e9, rateLimitToken: 1e9, rateLimitIngestIp: 1e9, rateLimitApiKey: 1e9 };
const noDatabase = { query: async () => [] } as unknown as Database;

async function app(limited: boolean) {
  const app = Fastify();
  app.decorateRequest('auth', undefined);
  // As the auth plugin leaves an API-key request (the key's cached context).
  app.addHook('preValidation', async (request) => {
    request.auth = { orgId: 'org', apiKeyId: 'key', scopes: ['write'], scope: { kind: 'all' }, viaCookie: false, rateLimitPerMinute: 1e9 };
  });
  if (limited) await app.register(rateLimitPlugin, { db: noDatabase, limits });
  app.post('/api/v1/responses', { config: { rateLimit: 'ingest' } }, async () => ({ id: 'id', created: true }));
  await app.ready();
  return app;
}

const cpu: Record<'off' | 'on', number[]> = { off: [], on: [] };
for (let round = 0; round < Number(values.rounds); round++) {
  for (const setting of ['off', 'on'] as const) {
    const server = await app(setting === 'on');
    const post = () => server.inject({ method: 'POST', url: '/api/v1/responses', payload: { surveyId: 'x', answers: [] } });
    for (let i = 0; i < requests / 10; i++) await post();
    const before = process.cpuUsage();
    for (let i = 0; i < requests; i++) await post();
    const used = process.cpuUsage(before);
    cpu[setting].push((used.user + used.system) / requests);
    await server.close();
  }
}
const off = median(cpu.off);
const on = median(cpu.on);
console.log(`rate-limit hooks through Fastify inject, ${requests.toLocaleString('en')} requests × ${values.rounds} rounds (${machine()}, ${new Date().toISOString().slice(0, 16)} UTC)`);
console.log(`CPU per request: off ${off.toFixed(1)} µs, on ${on.toFixed(1)} µs — the limiter adds ${(on - off).toFixed(1)} µs (rounds: off ${cpu.off.map((x) => x.toFixed(1)).join(' ')}; on ${cpu.on.map((x) => x.toFixed(1)).join(' ')})`);
