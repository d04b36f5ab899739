import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { Uuid, commaList, literals, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { channels } from '../journeys/service.ts';
import { filterFields } from '../metrics/filters.ts';
import { badInput } from '../errors.ts';
import { leagueMetrics, needsSegmentReport, npsSegmentReport, segmentDimensions, unitLeague } from './service.ts';
import { outcomesByNpsCategory } from './outcomes.ts';


const SegmentQuery = Type.Object({
  ...filterFields,
  by: literals(segmentDimensions),
  correction: Type.Optional(literals(['holm', 'bonferroni'] as const)),
}, strict);

const LeagueQuery = Type.Object({
  ...filterFields,
  metric: Type.Optional(literals(leagueMetrics)),
}, strict);

// Needs clusters and outcomes read one survey's (or every survey's) respondents, so the one-question filter does not apply.
const { questionId: _questionId, ...sliceFields } = filterFields;

const NeedsQuery = Type.Object({
  ...sliceFields,
  surveyId: Uuid,
  attributes: Type.Optional(Type.String({ maxLength: 2000, description: 'Comma-separated question keys; default the survey\'s driver questions, else its non-NPS score questions' })),
  k: Type.Optional(Type.String({ pattern: '^([1-9]|1[0-9]|20)(-([1-9]|1[0-9]|20))?$', description: 'Clusters: a number (4) or a range (2-6, the default) from which the best silhouette is chosen; at most 20' })),
  standardise: Type.Optional(Type.Boolean({ description: 'Cluster on z-scores (default: when the questions use different scales)' })),
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, description: 'Seed of the k-means starts and silhouette sample (default 1)' })),
}, strict);

const OutcomeQuery = Type.Object({
  ...sliceFields,
  values: Type.Optional(Type.String({ maxLength: 500, description: 'Comma-separated numeric operational keys (default "revenue")' })),
  churn: Type.Optional(Type.String({ maxLength: 100, description: 'Operational key of the churned flag (default "churned"; empty for none)' })),
}, strict);

const list = (raw: string | undefined, field: string) => commaList(raw, field, 'give key1,key2 or leave it out');

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

  app.get<{ Querystring: Static<typeof NeedsQuery> }>('/api/v1/segments/needs', {
    schema: {
      tags: ['segments'], querystring: NeedsQuery,
      description: 'Needs-based segmentation: k-means (k-means++ starts, best of 10) on respondents\' answers to a survey\'s score questions, the mean silhouette as '
        + 'the quality score (the best k of a range is chosen by it), and each cluster described by its mean answers against the overall means and its most '
        + 'distinctive questions. Respondents missing an answer or answering "don\'t know" are left out (listwise) and counted in "excluded".',
    },
    config: { permission: 'metrics:read' },
  }, async (request) => {
    const { surveyId, attributes, k = '2-6', standardise, seed = 1, ...filters } = request.query;
    const [from, to] = k.split('-').map(Number);
    if (to !== undefined && to < from) throw badInput(`k range ${k} runs backwards; write it as ${to}-${from}`, 'k');
    return needsSegmentReport(db, authOf(request), {
      surveyId, attributes: list(attributes, 'attributes'), k: to === undefined ? from : [from, to], standardise, seed, filters,
    });
  });

  app.get<{ Querystring: Static<typeof OutcomeQuery> }>('/api/v1/segments/outcomes', {
    schema: {
      tags: ['segments'], querystring: OutcomeQuery,
      description: 'Revenue, margin or any numeric operational figure, and the churn rate, by NPS category: each contact counted once by their latest NPS answer '
        + 'in the slice; means with 95 % t-intervals, churn rates with Wilson intervals, each as a ratio to the average over all contacts, and promoters '
        + 'against detractors (Welch t-test, two-proportion z-test).',
    },
    config: { permission: 'metrics:read' },
  }, async (request) => {
    const { values, churn, ...filters } = request.query;
    return outcomesByNpsCategory(db, authOf(request), { values: list(values, 'values') ?? ['revenue'], churn: churn === undefined ? 'churned' : churn.trim() || null, filters });
  });
}
