/**
 * Prometheus metrics over HTTP: request counts and latency for every route, response ingestion
 * through the API, the group-commit queue, and `GET /metrics` in the text exposition format.
 */
import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KaikuError } from '../errors.ts';
import { httpRequestDuration, httpRequests, registry, trackDatabase, trackQueueDepth } from './metrics.ts';

export interface MetricsEndpoint {
  /** false: no /metrics route at all (404). */
  enabled: boolean;
  /** When set, scrapers must send `Authorization: Bearer <token>`. */
  token?: string;
}

/**
 * KAIKU_METRICS_TOKEN: unset or empty = /metrics open (keep it on an internal network);
 * `off` = no /metrics endpoint; anything else = the bearer token a scraper must send.
 */
export function metricsEndpointFrom(env: NodeJS.ProcessEnv = process.env): MetricsEndpoint {
  const raw = env.KAIKU_METRICS_TOKEN?.trim() ?? '';
  if (raw === '') return { enabled: true };
  if (raw.toLowerCase() === 'off') return { enabled: false };
  return { enabled: true, token: raw };
}

function tokenMatches(request: FastifyRequest, token: string): boolean {
  const sent = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Routes that store responses through the API, and how many each response body says were created. */
export const observability = fp(async (app: FastifyInstance, options: { endpoint?: MetricsEndpoint }) => {
  const endpoint = options.endpoint ?? metricsEndpointFrom();

  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the raw URL: ids in paths would make a time series per id.
    const route = request.routeOptions.url ?? 'unmatched';
    httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    httpRequestDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  const untrack = [trackQueueDepth('responses_group_commit', () => app.responseWriter.waiting), trackDatabase(app.deps.db)];
  app.addHook('onClose', async () => { for (const stop of untrack) stop(); });

  if (!endpoint.enabled) return;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (endpoint.token !== undefined && !tokenMatches(request, endpoint.token)) {
      throw new KaikuError('invalid_metrics_token', 'Send the metrics token as Authorization: Bearer <KAIKU_METRICS_TOKEN>', { status: 401 });
    }
    return reply.header('content-type', registry.contentType).send(await registry.metrics());
  });
}, { name: 'kaiku-observability' });
