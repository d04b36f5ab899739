import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { Uuid, literals, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { channels } from '../journeys/service.ts';
import { filterFields } from '../metrics/filters.ts';
import { leagueMetrics, npsSegmentReport, segmentDimensions, unitLeague } from './service.ts';


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
