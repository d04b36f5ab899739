import type { FastifyInstance } from 'fastify';

export async function surveyPageRoutes(_app: FastifyInstance) {}
