/**
 * What fits Kaiku into an operator's and a data team's stack (issue 8), registered by the
 * server in one place right after authentication: Prometheus metrics (whose hooks then time
 * every domain route) and the bulk exports (which the auth hook then protects).
 */
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { observability } from './plugin.ts';
import { exportRoutes } from '../exports/routes.ts';

export const stackIntegration = fp(async (app: FastifyInstance) => {
  await app.register(observability);
  await app.register(exportRoutes);
}, { name: 'kaiku-stack-integration' });
