import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { literals, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { intervals } from '../metrics/queries.ts';
import { SENTIMENTS } from './insights.ts';
import { filterFields as metricFilterFields } from '../metrics/filters.ts';
import { TEXT_SOURCES } from './queries.ts';
import { analyseTexts, themeReport, topicReport, verbatimPage } from './service.ts';
import { textAdminRoutes } from './admin-routes.ts';
import { continueAnalysing, TEXT_ANALYSE_JOB } from './analysis.ts';

// The same slice filters as /api/v1/metrics, so text and score figures can be put side by side.
const filterFields = {
  ...metricFilterFields,
  questionId: Type.Optional(Type.String({ format: 'uuid', description: 'One open question (e.g. the nps_why follow-up)' })),
  source: Type.Optional({ ...literals(TEXT_SOURCES), description: 'survey = open answers only; complaint, chat, email, social, review, other = imported texts of that source' }),
};

const TopicsQuery = Type.Object({
  ...filterFields,
  interval: Type.Optional(literals(intervals)),
}, strict);

const ThemesQuery = Type.Object({
  ...filterFields,
  interval: Type.Optional(literals(intervals)),
  minCount: Type.Optional(Type.Integer({ minimum: 2, maximum: 10_000, description: 'Answers a theme must appear in (default 3)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Themes per period (default 20)' })),
}, strict);

export const MAX_VERBATIM_PAGE = 200;

const VerbatimQuery = Type.Object({
  ...filterFields,
  topic: Type.Optional(Type.String({ maxLength: 63, description: 'A topic id of the taxonomy, e.g. wait_time' })),
  sentiment: Type.Optional(literals(SENTIMENTS)),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Search: case-insensitive, words matched by stem' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_VERBATIM_PAGE, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 400, description: 'Opaque cursor from the previous page\'s nextCursor' })),
}, strict);

export const MAX_ANALYZE_TEXTS = 1_000;

const AnalyzeBody = Type.Object({
  texts: Type.Array(Type.Object({
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    text: Type.String({ maxLength: 100_000, description: 'Analysed up to 5,000 characters; longer texts are marked truncated' }),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2}$', description: 'fi, sv, en or pl if known; detected otherwise' })),
  }, strict), { minItems: 1, maxItems: MAX_ANALYZE_TEXTS }),
}, strict);

export async function textRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const tags = ['text'];

  // A process that runs jobs starts the text-analysis chain at once instead of waiting for the schedule.
  app.addHook('onReady', async () => {
    const jobs = app.deps.jobs;
    if (jobs) await continueAnalysing({ db, queue: () => jobs }).catch((error) => app.log.warn({ err: error }, `could not start ${TEXT_ANALYSE_JOB}`));
  });

  app.get<{ Querystring: Static<typeof TopicsQuery> }>('/api/v1/text/topics', {
    schema: {
      tags, querystring: TopicsQuery,
      description: 'Topics of the open answers of a slice: topic × sentiment matrix, topics as NPS drivers (detractor vs promoter '
        + 'mention shares, two-proportion z-test, NPS of answers mentioning vs not) and the trend per period, over open answers and imported '
        + 'feedback texts (filter with source). Stored analyses are used; texts not analysed yet with the current taxonomy are analysed on request. '
        + 'Person-level views hide groups under the organisation\'s minimum group size.',
    },
    config: { permission: 'metrics:read' },
  }, async (request) => {
    const { interval, ...filters } = request.query;
    return topicReport(db, authOf(request), { filters, interval: interval ?? 'month' });
  });

  app.get<{ Querystring: Static<typeof ThemesQuery> }>('/api/v1/text/themes', {
    schema: {
      tags, querystring: ThemesQuery,
      description: 'Emerging themes per period: recurring words and phrases of open answers that no topic covers.',
    },
    config: { permission: 'metrics:read' },
  }, async (request) => {
    const { interval, minCount, limit, ...filters } = request.query;
    return themeReport(db, authOf(request), { filters, interval: interval ?? 'month', minCount, limit });
  });

  app.get<{ Querystring: Static<typeof VerbatimQuery> }>('/api/v1/text/verbatims', {
    schema: {
      tags, querystring: VerbatimQuery,
      description: 'Open answers and imported feedback texts, newest first, cursor-paginated, with source, language, sentiment, topics and the NPS score they explain. '
        + 'sentimentConfidence (0–1) is the analyser\'s probability of the sentiment and lowConfidence marks a reading close to its decision boundary '
        + '(sentiment or a topic); both are null for texts analysed before confidences were stored. '
        + 'Texts are PII-redacted (e-mail, phone, henkilötunnus, IBAN, card number). In person-level views (frontline staff, one employee) '
        + '`wordsOnly` is true and each item\'s submittedAt, npsScore, touchpoint and channel are null, so no comment points at its writer.',
    },
    config: { permission: 'responses:read' },
  }, async (request) => {
    const { topic, sentiment, q, limit, cursor, ...filters } = request.query;
    return verbatimPage(db, authOf(request), { filters, topic, sentiment, q, limit: limit ?? 50, cursor });
  });

  app.post<{ Body: Static<typeof AnalyzeBody> }>('/api/v1/text/analyze', {
    schema: {
      tags, body: AnalyzeBody,
      description: `Language, sentiment and topics (the organisation's taxonomy) of up to ${MAX_ANALYZE_TEXTS.toLocaleString('en')} texts (for integrations). Nothing is stored.`,
    },
    // Pure computation over the caller's own texts: any role that may read figures may use it.
    config: { permission: 'metrics:read' },
  }, async (request) => analyseTexts(db, authOf(request).orgId, request.body.texts));

  await app.register(textAdminRoutes);
}
