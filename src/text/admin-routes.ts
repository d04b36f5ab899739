/**
 * Managing text analytics: the organisation's taxonomy (topics by keyword rules, labelled
 * examples the topic model learns from, re-analysis progress) and imported feedback texts.
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, Uuid, decodeCursor, encodeCursor, literals, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { badInput } from '../errors.ts';
import { LANGUAGES } from './tokens.ts';
import { startReanalysis } from './analysis.ts';
import { FEEDBACK_SOURCES, MAX_FEEDBACK_BATCH, MAX_FEEDBACK_TEXT, storeFeedbackTexts } from './feedback.ts';
import { addExamples, deleteExample, deleteTopic, listExamples, listTopics, putTopic, taxonomyStatus } from './taxonomy.ts';
import { defaultTopicDefinitions } from './topics.ts';
import { UUID } from '../vocabulary.ts';

const WordList = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 500 });
const KeywordsSchema = Type.Object(
  Object.fromEntries([...LANGUAGES, 'any'].map((l) => [l, Type.Optional(WordList)])),
  { ...strict, description: 'Words or phrases per language (fi, sv, en, pl) or any: matched by stem ("lasku" also finds "laskun", "laskulla"); '
    + 'hinna* matches any ending, *jono* any word containing it, *kön any word ending so; a phrase of several words matches those words in a row; '
    + '!word is an exception that never matches' },
);

const TopicParams = Type.Object({ id: Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$', description: 'Topic id: lower-case letters, digits, _' }) }, strict);
const TopicBody = Type.Object({
  label: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  keywords: KeywordsSchema,
}, strict);

const ExamplesBody = Type.Object({
  examples: Type.Array(Type.Object({
    text: Type.String({ minLength: 1, maxLength: 20_000 }),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2}$' })),
    topics: Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }), { maxItems: 20, description: 'Topics of the text; [] = none of them' }),
  }, strict), { minItems: 1, maxItems: 1_000 }),
}, strict);

const ExamplesQuery = Type.Object(PageQuery, strict);

const FeedbackText = Type.Object({
  source: literals(FEEDBACK_SOURCES),
  externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Your id for the text: sending it again stores nothing twice' })),
  text: Type.String({ description: `Up to ${MAX_FEEDBACK_TEXT.toLocaleString('en')} characters; the analysis reads the first 5,000 and marks the rest truncated` }),
  language: Type.Optional(Type.String({ pattern: '^[a-z]{2}$', description: 'fi, sv, en or pl if known; detected otherwise' })),
  occurredAt: Type.Optional(Type.String({ format: 'date-time', description: 'When it was written (default: now)' })),
  contactId: Type.Optional(Uuid),
  contactExternalId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  unitId: Type.Optional(Uuid),
  touchpointId: Type.Optional(Uuid),
}, strict);

const FeedbackBatch = Type.Object({ texts: Type.Array(FeedbackText, { minItems: 1, maxItems: MAX_FEEDBACK_BATCH }) }, strict);

export async function textAdminRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const tags = ['text'];
  const manage = { permission: 'topics:manage' as const };
  const changed = async (orgId: string, version: number) => {
    await startReanalysis(app.deps.jobs, orgId);
    return taxonomyStatus(db, orgId).then((status) => ({ ...status, version }));
  };

  app.get('/api/v1/text/taxonomy', {
    schema: {
      tags,
      description: 'The organisation\'s taxonomy: default topics, its own topics and keyword rules, the learned topic model, '
        + 'and the progress of the re-analysis that follows every change (texts analysed with the current version out of all).',
    },
    config: { permission: 'metrics:read' },
  }, async (request) => {
    const { orgId } = authOf(request);
    const own = await listTopics(db, orgId);
    return {
      ...(await taxonomyStatus(db, orgId)),
      defaultTopics: defaultTopicDefinitions().map((t) => t.id),
      topics: own,
    };
  });

  app.put<{ Params: Static<typeof TopicParams>; Body: Static<typeof TopicBody> }>('/api/v1/text/taxonomy/topics/:id', {
    schema: {
      tags, params: TopicParams, body: TopicBody,
      description: 'Creates or replaces a topic of the organisation found by keyword rules; with a default topic\'s id, adds keywords to it. '
        + 'A topic with no keywords is found only by the learned model (label examples with it). Starts a re-analysis.',
    },
    config: manage,
  }, async (request) => {
    const { orgId } = authOf(request);
    const version = await db.transaction((tx) => putTopic(tx, orgId, request.params.id, request.body));
    return changed(orgId, version);
  });

  app.delete<{ Params: Static<typeof TopicParams> }>('/api/v1/text/taxonomy/topics/:id', {
    schema: { tags, params: TopicParams, description: 'Deletes an organisation topic (for a default id: the keywords it added); its label leaves the examples. Starts a re-analysis.' },
    config: manage,
  }, async (request) => {
    const { orgId } = authOf(request);
    const version = await db.transaction((tx) => deleteTopic(tx, orgId, request.params.id));
    return changed(orgId, version);
  });

  app.get<{ Querystring: Static<typeof ExamplesQuery> }>('/api/v1/text/taxonomy/examples', {
    schema: { tags, querystring: ExamplesQuery, description: 'Labelled examples, oldest id first.' },
    config: manage,
  }, async (request) => {
    const limit = request.query.limit ?? 50;
    const [after] = decodeCursor(request.query.cursor) ?? [];
    if (after !== undefined && (typeof after !== 'string' || !UUID.test(after))) throw badInput('cursor is not valid; pass nextCursor from the previous page', 'cursor');
    const items = await listExamples(db, authOf(request).orgId, limit, after);
    return { items, nextCursor: items.length === limit ? encodeCursor([items[items.length - 1].id]) : null };
  });

  app.post<{ Body: Static<typeof ExamplesBody> }>('/api/v1/text/taxonomy/examples', {
    schema: {
      tags, body: ExamplesBody,
      description: 'Adds texts labelled with their topics; the organisation\'s topic model (naive Bayes over stems and stem pairs, stored in the database) '
        + 'is retrained from all examples and the texts re-analysed. A label needs at least two examples to be predicted.',
    },
    config: manage,
  }, async (request, reply) => {
    const { orgId } = authOf(request);
    const result = await db.transaction((tx) => addExamples(tx, orgId, request.body.examples));
    reply.code(201);
    return { ids: result.ids, examples: result.examples, ...(await changed(orgId, result.version)) };
  });

  app.delete<{ Params: { id: string } }>('/api/v1/text/taxonomy/examples/:id', {
    schema: { tags, params: Type.Object({ id: Uuid }, strict), description: 'Deletes a labelled example; the model is retrained and the texts re-analysed.' },
    config: manage,
  }, async (request) => {
    const { orgId } = authOf(request);
    const version = await db.transaction((tx) => deleteExample(tx, orgId, request.params.id));
    return changed(orgId, version);
  });

  app.post<{ Body: Static<typeof FeedbackText> }>('/api/v1/text/feedback', {
    schema: {
      tags, body: FeedbackText,
      description: 'Stores one imported feedback text (complaint, chat transcript, e-mail, social post, review). Idempotent by externalId: '
        + '201 when stored, 200 with the earlier id when the external id was already there. Analysed in the background like open answers.',
    },
    config: { permission: 'responses:write' },
  }, async (request, reply) => {
    const [result] = await storeFeedbackTexts(db, authOf(request).orgId, [request.body]);
    if ('error' in result) throw badInput(result.error.message, result.error.field);
    reply.code(result.created ? 201 : 200);
    return result;
  });

  app.post<{ Body: Static<typeof FeedbackBatch> }>('/api/v1/text/feedback/batch', {
    schema: {
      tags, body: FeedbackBatch,
      description: `Stores up to ${MAX_FEEDBACK_BATCH.toLocaleString('en')} feedback texts. Each item of the reply, in order, is { id, created } or `
        + '{ error: { code, field, message } }: a bad text is reported and the others are stored.',
    },
    config: { permission: 'responses:write' },
  }, async (request) => {
    const items = await storeFeedbackTexts(db, authOf(request).orgId, request.body.texts);
    return {
      stored: items.filter((i) => 'created' in i && i.created).length,
      duplicates: items.filter((i) => 'created' in i && !i.created).length,
      rejected: items.filter((i) => 'error' in i).length,
      items,
    };
  });
}
