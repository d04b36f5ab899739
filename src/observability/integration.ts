/**
 * What fits Kaiku into an operator's and a data team's stack (issue 8), registered by the
 * server in one place right after authentication: Prometheus metrics (whose hooks then time
 * every domain route), the bulk exports and the OData feed for BI tools (which the auth hook
 * then protects).
 */
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { observability } from './plugin.ts';
import { exportRoutes } from '../exports/routes.ts';
import { odataRoutes } from '../odata/routes.ts';

export const stackIntegration = fp(async (app: FastifyInstance) => {
  await app.register(observability);
  await app.register(exportRoutes);
  await app.register(odataRoutes);
}, { name: 'kaiku-stack-integration' });
