import { filterFields } from '../metrics/filters.ts';

import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { Uuid, commaList, literals, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { driverMethods, driverReport, performanceMeasures } from './service.ts';

// Drivers pair a target with its attributes, so the one-question filter does not apply.
const { questionId: _questionId, ...driverFilterFields } = filterFields;

export const DriverQuery = Type.Object({
  ...driverFilterFields,
  surveyId: Uuid,
  target: Type.String({ minLength: 1, maxLength: 200, description: 'Key or id of the outcome question (nps, csat, ces, likert7 or rating)' }),
  attributes: Type.Optional(Type.String({ maxLength: 2000, description: 'Comma-separated keys or ids; default: the survey\'s driver questions' })),
  method: Type.Optional(literals(driverMethods)),
  bootstrap: Type.Optional(Type.Integer({ minimum: 0, maximum: 2000, description: 'Resamples for 95 % percentile intervals (default 200 for the weight methods; 0 = none)' })),
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, description: 'Seed of the resampling (default 1): the same seed gives the same intervals' })),
  performance: Type.Optional(literals(performanceMeasures)),
}, strict);

const parseAttributes = (raw: string | undefined) => commaList(raw, 'attributes', 'give key1,key2 or leave it out to use the driver questions');

export async function driverRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  app.get<{ Querystring: Static<typeof DriverQuery> }>('/api/v1/drivers', {
    schema: {
      tags: ['drivers'], querystring: DriverQuery,
      description: 'Key-driver analysis of one survey: how much each attribute explains of the target — Johnson\'s relative weights or '
        + 'Shapley/LMG shares of R² with seeded bootstrap intervals and the priority matrix, or promoter-vs-passive logistic regression. '
        + 'Respondents missing the target or any attribute (or answering "don\'t know") are left out (listwise) and counted in "excluded".',
    },
    config: { permission: 'metrics:read' },
  }, async (request) => {
    const { surveyId, target, attributes, method = 'relative-weights', bootstrap, seed = 1, performance = 'mean', ...filters } = request.query;
    return driverReport(db, authOf(request), {
      surveyId, target, attributes: parseAttributes(attributes), method,
      bootstrap: bootstrap ?? (method === 'promoter-logistic' ? 0 : 200), seed, performance, filters,
    });
  });
}
