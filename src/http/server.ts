/**
 * Wires the HTTP server: validation (unknown fields rejected, no type coercion of bodies),
 * authentication, OpenAPI, error handling, and each domain's routes.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Ajv } from 'ajv';
import { makeAjv } from './ajv.ts';
import type { Config } from '../config.ts';
import { systemDatabase, type Database } from '../db/connection.ts';
import { errorHandler, problem } from './problem.ts';
import { ResponseWriter } from '../responses/group-commit.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { authPlugin } from '../auth/plugin.ts';
import { securityHeadersPlugin } from './security-headers.ts';
import { rateLimitPlugin } from './rate-limit.ts';
import { authRoutes } from '../auth/routes.ts';
import { orgRoutes } from '../orgs/routes.ts';
import { journeyRoutes } from '../journeys/routes.ts';
import { surveyRoutes } from '../surveys/routes.ts';
import { responseRoutes } from '../responses/routes.ts';
import { metricRoutes } from '../metrics/routes.ts';
import { driverRoutes } from '../drivers/routes.ts';
import { segmentRoutes } from '../segments/routes.ts';
import { contactRoutes } from '../contacts/routes.ts';
import { eventRoutes } from '../events/routes.ts';
import { surveyPageRoutes } from '../pages/survey-routes.ts';
import { dashboardRoutes } from '../pages/dashboard-routes.ts';

export interface AppDeps {
  db: Database;
  config: Config;
  /** The background job queue, when this process runs one (src/jobs/). */
  jobs?: JobQueue;
  /** The clock for business rules (SLA due times); tests pass a controllable one. */
  now?: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    /** Group-commit writer for single responses (src/responses/group-commit.ts). */
    responseWriter: ResponseWriter;
  }
}

export async function buildServer(deps: AppDeps, options: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
    ...options,
  });
  app.decorate('deps', deps);
  // One writer queues single responses of every organisation and flushes one organisation's
  // batch from whichever request's context comes next: system scope. The ingestion statement
  // itself checks every reference within the batch's organisation (the first wall).
  app.decorate('responseWriter', new ResponseWriter(systemDatabase(deps.db, 'group commit serves the requests of every organisation')));

  // Bodies keep their JSON types ("5" is not a score); query strings and params are text and get coerced.
  const bodyAjv = makeAjv(false);
  const textAjv = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? bodyAjv : textAjv).compile(schema) as ReturnType<Ajv['compile']>);

  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).type('application/problem+json').send(problem(404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`)));

  await app.register(securityHeadersPlugin, { hstsMaxAge: deps.config.hstsMaxAge });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kaiku API', version: '1.0.0', description: 'Customer-experience platform: journeys, surveys, responses and CX metrics.' },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'API key: kk_<org>_<secret>' },
          session: { type: 'apiKey', in: 'cookie', name: 'kaiku_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await deps.db.query('select 1');
      return { status: 'ready' };
    } catch {
      return reply.status(503).header('retry-after', '5').send({ status: 'database unavailable' });
    }
  });

  await app.register(authPlugin);
  // Rate counters (schema throttle) are per address and key, not an organisation's rows, and are
  // synced by a timer that any request may have started: system scope.
  await app.register(rateLimitPlugin, { db: systemDatabase(deps.db, 'rate counters are per address and key'), limits: deps.config });
  await app.register((await import('../observability/integration.ts')).stackIntegration); // /metrics and /api/v1/exports (issue 8)
  await app.register(authRoutes);
  await app.register((await import('../audit/routes.ts')).auditRoutes);
  await app.register(orgRoutes);
  await app.register(journeyRoutes);
  await app.register(surveyRoutes);
  await app.register(responseRoutes);
  await app.register(metricRoutes);
  await app.register((await import('../text/routes.ts')).textRoutes);
  await app.register(driverRoutes);
  await app.register(segmentRoutes);
  await app.register(contactRoutes);
  await app.register(eventRoutes);
  await app.register(surveyPageRoutes);
  await app.register(dashboardRoutes);
  await app.register((await import('../pages/account-routes.ts')).accountPageRoutes);
  await app.register((await import('../notifications/routes.ts')).notificationRoutes);
  await app.register((await import('../webhooks/routes.ts')).webhookRoutes);
  await app.register((await import('../actions/routes.ts')).actionPlanRoutes);
  await app.register((await import('../loop/routes.ts')).loopRoutes);
  await app.register((await import('../distribution/routes.ts')).distributionRoutes); // pulse rules, waves, funnel (issue 3)
  await app.register((await import('../distribution/public-routes.ts')).distributionPageRoutes); // unsubscribe, open pixel
  await app.register((await import('../reports/routes.ts')).reportRoutes);
  await app.register((await import('../benchmarks/routes.ts')).benchmarkRoutes); // industry benchmarks (issue 4)
  await app.register((await import('../collection/routes.ts')).collectorRoutes); // widget site keys, kiosk links, QR codes (issue 3)
  await app.register((await import('../collection/public-routes.ts')).collectionPublicRoutes);
  await app.register((await import('../pages/theme-assets.ts')).themeAssetRoutes); // the organisation's theme on respondents' pages
  await app.register((await import('../churn/routes.ts')).churnRoutes); // churn risk (issue 4)
  await app.register((await import('../privacy/routes.ts')).privacyRoutes); // erase, export, retention (issue 9)
  return app;
}
