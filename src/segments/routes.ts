import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { Uuid, literals, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { channels } from '../journeys/service.ts';
import { leagueMetrics, npsSegmentReport, segmentDimensions, unitLeague } from './service.ts';

const filterFields = {
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Inclusive start (ISO 8601)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Exclusive end' })),
  surveyId: Type.Optional(Uuid),
  questionId: Type.Optional(Uuid),
  journeyId: Type.Optional(Uuid),
  stageId: Type.Optional(Uuid),
  touchpointId: Type.Optional(Uuid),
  channel: Type.Optional(literals(channels)),
  unitId: Type.Optional(Type.String({ format: 'uuid', description: 'The unit and its sub-units' })),
  employeeId: Type.Optional(Uuid),
  segment: Type.Optional(Type.String({ maxLength: 200 })),
  language: Type.Optional(Type.String({ pattern: '^[a-z]{2}$' })),
};

const SegmentQuery = Type.Object({
  ...filterFields,
  by: literals(segmentDimensions),
  correction: Type.Optional(literals(['holm', 'bonferroni'] as const)),
}, strict);

const LeagueQuery = Type.Object({
  ...filterFields,
  metric: Type.Optional(literals(leagueMetrics)),
}, strict);

export async function segmentRoutes(app: FastifyInstance) {
  const { db } = app.deps;

  app.get<{ Querystring: Static<typeof SegmentQuery> }>('/api/v1/segments/nps', {
    schema: {
      tags: ['segments'], querystring: SegmentQuery,
      description: 'NPS across segments, units, channels, languages, touchpoints or journeys: chi-square test of the promoter / passive / '
        + 'detractor shares, NPS per group with its 95 % interval, and every pair compared with Holm-adjusted p-values. '
        + 'Groups with fewer answers than the organisation\'s minimum group size are left out and listed.',
    },
    config: { permission: 'metrics:read' },
  }, async (request) => {
    const { by, correction = 'holm', ...filters } = request.query;
    return npsSegmentReport(db, authOf(request), { by, correction, filters });
  });

  app.get<{ Querystring: Static<typeof LeagueQuery> }>('/api/v1/units/league', {
    schema: {
      tags: ['segments'], querystring: LeagueQuery,
      description: 'League table of units for a period (default the last 90 days): rank, n, the metric with its 95 % interval, and the change '
        + 'against the previous period of equal length with its p-value. Units under the minimum group size are listed as too few answers, not ranked.',
    },
    config: { permission: 'metrics:read' },
  }, async (request) => {
    const { metric = 'nps', ...filters } = request.query;
    return unitLeague(db, authOf(request), { metric, filters });
  });
}
