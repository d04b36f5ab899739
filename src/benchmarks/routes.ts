import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { literals, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { problem } from '../http/problem.ts';
import { benchmarkMetrics } from './benchmarks.ts';
import { benchmarkComparison, importBenchmarks, listBenchmarks } from './service.ts';

const ImportBody = Type.Object({
  csv: Type.String({ minLength: 1, description: 'The CSV file\'s text: industry, metric, period, n, mean, p10…p90 (any two or more of p1…p99), source' }),
}, strict);
const ListQuery = Type.Object({
  industry: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  metric: Type.Optional(literals(benchmarkMetrics)),
}, strict);
const CompareQuery = Type.Object({
  metric: literals(benchmarkMetrics),
  period: Type.Optional(Type.String({ pattern: '^\\d{4}(-[Qq][1-4]|-(0[1-9]|1[0-2]))?$', description: '2025, 2025-Q3 or 2025-07; default the latest period with figures' })),
  industry: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Default: the organisation\'s industry' })),
}, strict);

export async function benchmarkRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const tags = ['benchmarks'];

  app.post<{ Body: Static<typeof ImportBody> }>('/api/v1/benchmarks/import', {
    schema: {
      tags, body: ImportBody,
      description: 'Imports industry comparison figures from CSV text (JSON body, so browser sessions keep CSRF protection). Valid rows are stored '
        + '(replacing the same industry × metric × period); invalid rows are listed in `errors` with their row number and field. '
        + 'A bad header, or a file with no valid row, is a 400 that stores nothing.',
    },
    config: { permission: 'benchmarks:manage' },
  }, async (request, reply) => {
    const summary = await importBenchmarks(db, authOf(request).orgId, request.body.csv);
    if (summary.imported === 0) {
      return reply.status(400).type('application/problem+json')
        .send({ ...problem(400, 'invalid_input', summary.rows === 0 ? 'The CSV has a header but no rows' : 'No row of the CSV is valid; nothing was stored', 'csv'), errors: summary.errors });
    }
    return summary;
  });

  app.get<{ Querystring: Static<typeof ListQuery> }>('/api/v1/benchmarks', {
    schema: { tags, querystring: ListQuery, description: 'Imported benchmark figures, newest period first per industry and metric.' },
    config: { permission: 'metrics:read' },
  }, async (request) => ({ items: await listBenchmarks(db, authOf(request).orgId, request.query) }));

  app.get<{ Querystring: Static<typeof CompareQuery> }>('/api/v1/benchmarks/compare', {
    schema: {
      tags, querystring: CompareQuery,
      description: 'The organisation\'s NPS, CSAT (% top-2-box) or CES for a benchmark period (answers in the caller\'s data scope, periods in the organisation\'s time zone), '
        + 'its percentile within the industry by linear interpolation between the given percentiles (none is invented below the lowest or above the highest), '
        + 'the gaps to the industry median, top decile (p90) and mean, and for NPS the gap to "excellent" (NPS above 50).',
    },
    config: { permission: 'metrics:read' },
  }, async (request) => benchmarkComparison(db, authOf(request), request.query));
}
