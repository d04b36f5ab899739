import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { Uuid, literals, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { badInput } from '../errors.ts';
import { channels } from '../journeys/service.ts';
import { filterFields } from './filters.ts';
import { dimensions, intervals, metrics, type Dimension, type MetricFilters } from './queries.ts';
import { compareReport, metricReport } from './service.ts';
import { UUID } from '../vocabulary.ts';

const Params = Type.Object({ metric: literals(metrics) }, strict);
const ReportQuery = Type.Object({
  ...filterFields,
  by: Type.Optional(Type.String({ description: `Up to two of: ${dimensions.join(', ')} (comma-separated)`, maxLength: 60 })),
  interval: Type.Optional(literals(intervals)),
}, strict);
const CompareQuery = Type.Object({
  ...filterFields,
  dimension: literals(dimensions.filter((d) => d !== 'question')),
  a: Type.String({ minLength: 1, maxLength: 200, description: 'Value of the dimension for group A; for period an ISO interval "2026-01-01/2026-04-01"' }),
  b: Type.String({ minLength: 1, maxLength: 200 }),
}, strict);

function parseBy(raw: string | undefined): Dimension[] {
  if (!raw) return [];
  const by = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (by.length > 2) throw badInput('by takes at most two dimensions', 'by');
  for (const d of by) if (!(dimensions as readonly string[]).includes(d)) throw badInput(`Unknown dimension "${d}"; use ${dimensions.join(', ')}`, 'by');
  return by as Dimension[];
}


/** One side of a comparison as extra filters. */
function sideFilter(dimension: string, value: string, field: 'a' | 'b'): MetricFilters {
  if (dimension === 'period') {
    const [from, to] = value.split('/');
    if (!from || !to || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to)) || Date.parse(from) >= Date.parse(to)) {
      throw badInput(`${field} must be an interval "start/end" with start before end`, field);
    }
    return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  }
  const idDimensions: Record<string, keyof MetricFilters> = { journey: 'journeyId', stage: 'stageId', touchpoint: 'touchpointId', unit: 'unitId', employee: 'employeeId', survey: 'surveyId' };
  const idKey = idDimensions[dimension];
  if (idKey) {
    if (!UUID.test(value)) throw badInput(`${field} must be the id of a ${dimension}`, field);
    return { [idKey]: value };
  }
  if (dimension === 'channel' && !(channels as readonly string[]).includes(value)) throw badInput(`${field} must be a channel: ${channels.join(', ')}`, field);
  return { [dimension]: value } as MetricFilters;
}

export async function metricRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const tags = ['metrics'];

  app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof ReportQuery> }>('/api/v1/metrics/:metric', {
    schema: {
      tags, params: Params, querystring: ReportQuery,
      description: 'NPS, CSAT (top-2-box, Wilson CI), CES (mean, t-interval), Likert buckets or rating means, overall and per group. '
        + 'Person-level groups (by employee, or any frontline view) below the organisation\'s minimum group size are suppressed.',
    },
    config: { permission: 'metrics:read' },
  }, async (request) => {
    const { by, interval, ...filters } = request.query;
    return metricReport(db, authOf(request), { metric: request.params.metric, by: parseBy(by), interval: interval ?? 'month', filters });
  });

  app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof CompareQuery> }>('/api/v1/metrics/:metric/compare', {
    schema: {
      tags, params: Params, querystring: CompareQuery,
      description: 'Compares two groups or periods: NPS difference with z and p; proportions by a two-proportion z-test; means by Welch\'s t-test.',
    },
    config: { permission: 'metrics:read' },
  }, async (request) => {
    const { dimension, a, b, ...filters } = request.query;
    return compareReport(db, authOf(request), {
      metric: request.params.metric, filters, a: sideFilter(dimension, a, 'a'), b: sideFilter(dimension, b, 'b'),
    });
  });
}
