/**
 * The public side of the widget and the kiosk: their scripts, the kiosk page, and the small
 * JSON API they call with a collector's public key (no sign-in). Every call is checked against
 * the key's allowed origins (a kiosk's own origin is always allowed) and answered with CORS
 * headers for that origin only; bodies are small and strictly shaped; answers are stored with
 * an idempotency key made on the device, scoped to the collector, so a retry never duplicates.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { KaikuError, badInput, notFound } from '../errors.ts';
import { Language, strict } from '../http/schemas.ts';
import { fromAcceptLanguage, uiLanguages } from '../i18n/index.ts';
import { surveyCsp } from '../pages/survey.css.ts';
import { renderMessage } from '../pages/survey-view.ts';
import { prepareResponse, storeResponses } from '../responses/service.ts';
import { checkContactForm, storeContactRequest, type ContactRequest } from '../surveys/contact-requests.ts';
import { getSurvey } from '../surveys/service.ts';
import type { Survey } from '../surveys/schema.ts';
import { cachedBundle, type BrowserScript } from './bundles.ts';
import { getTheme } from '../orgs/theme.ts';
import { pageThemeOf } from '../pages/theme-assets.ts';
import { kioskCss, kioskCsp, renderKiosk } from './kiosk-view.ts';
import { claimVisitor, findCollectorByKey, pulseSurvey, surveyLanguage, type Collector } from './service.ts';
import { answerInvitation, claimWaitingInvitation, verifyIdentity } from './identify.ts';

/** Queued kiosk answers older than this are refused (and dropped by the kiosk). */
export const KIOSK_MAX_AGE_DAYS = 30;
const BODY_LIMIT = 16 * 1024;

const KeyParams = Type.Object({ key: Type.String({ maxLength: 40 }) }, strict);
const ClientId = Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' });
const PublicAnswer = Type.Object({
  question: Type.String({ minLength: 1, maxLength: 100 }),
  value: Type.Union([Type.Integer({ minimum: 0, maximum: 10 }), Type.String({ minLength: 1, maxLength: 2000 })]),
}, strict);
const PublicResponse = Type.Object({
  idempotencyKey: Type.String({ pattern: ClientId.pattern, description: 'Made on the device; the same key again is stored once' }),
  language: Type.Optional(Language),
  submittedAt: Type.Optional(Type.String({ format: 'date-time', description: `Kiosk only: when the answer was given (queued offline up to ${KIOSK_MAX_AGE_DAYS} days)` })),
  answers: Type.Array(PublicAnswer, { minItems: 1, maxItems: 20 }),
  contact: Type.Optional(Type.Object({
    consent: Type.Boolean({ description: 'The ticked box: the respondent may be contacted about this answer' }),
    email: Type.Optional(Type.String({ maxLength: 400 })),
    phone: Type.Optional(Type.String({ maxLength: 100 })),
  }, { ...strict, description: 'Only for a survey with askContactConsent (otherwise ignored, as a form posted before the setting changed may be): '
    + 'a ticked box needs a valid e-mail address or phone number, stored beside the response; an unticked one stores nothing' })),
}, strict);
const ShowBody = Type.Object({ visitorId: ClientId }, strict);
const IdentifyBody = Type.Object({
  externalId: Type.String({ minLength: 1, maxLength: 200, description: 'The signed-in visitor\'s contact external id' }),
  signature: Type.Optional(Type.String({ maxLength: 200, description: 'Hex HMAC-SHA256 of externalId under the widget\'s identitySecret, computed by the site\'s backend' })),
}, strict);
const InvitationAnswerBody = Type.Object({
  token: Type.String({ pattern: '^[A-Za-z0-9_-]{10,64}$', description: 'The token POST …/invitation returned' }),
  idempotencyKey: PublicResponse.properties.idempotencyKey,
  language: Type.Optional(Language),
  answers: PublicResponse.properties.answers,
}, strict);
const ConfigQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 20 })) }, strict);

const contactProblemText = {
  needAddress: 'A ticked consent needs an e-mail address or a phone number',
  badEmail: 'This is not a valid e-mail address',
  badPhone: 'This is not a valid phone number (digits, spaces and a leading +)',
} as const;

/** The request to store for a consent sent with an answer (null when the box is unticked), or 400 naming the address. */
function consentOf(contact: NonNullable<Static<typeof PublicResponse>['contact']>): ContactRequest | null {
  const { request, problems } = checkContactForm({ consent: contact.consent, email: contact.email?.trim() ?? '', phone: contact.phone?.trim() ?? '' });
  if (problems.length > 0) throw badInput(contactProblemText[problems[0].kind], `contact.${problems[0].field}`);
  return request;
}

type Keyed = { Params: Static<typeof KeyParams> };

export async function collectionPublicRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;
  const now = () => (app.deps.now ? app.deps.now() : new Date());
  const ownOrigin = new URL(config.publicUrl).origin;
  const tags = ['public collection'];

  const here = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
  // A browser sends no Origin on a same-origin GET: Sec-Fetch-Site says so instead (the widget test page's config fetch).
  const fromOwnOrigin = (request: FastifyRequest) => request.headers.origin === ownOrigin || request.headers.origin === here(request)
    || (!request.headers.origin && request.headers['sec-fetch-site'] === 'same-origin');

  function originAllowed(collector: Collector, request: FastifyRequest): string | undefined {
    const origin = request.headers.origin;
    if (fromOwnOrigin(request)) return origin ?? here(request);
    return origin && collector.allowedOrigins.includes(origin) ? origin : undefined;
  }

  /**
   * A widget called from Kaiku's own origin is being tried out on its test page (src/pages/share-hub.ts):
   * no Kaiku page embeds a widget for visitors. The test sees the site's real survey and triggers,
   * but no once-per-days limit, and its answers are checked and not stored (see the routes below).
   */
  const widgetTest = (collector: Collector, request: FastifyRequest) =>
    collector.kind === 'widget' && fromOwnOrigin(request) && !collector.allowedOrigins.includes(request.headers.origin ?? '');

  /** The collector behind the key, when the calling page's origin may use it; CORS headers set. */
  async function collectorFor(request: FastifyRequest<Keyed>, reply: FastifyReply, kind?: Collector['kind']): Promise<Collector> {
    const collector = await findCollectorByKey(db, request.params.key);
    if (!collector || (kind && collector.kind !== kind)) throw notFound('Site key', 'key');
    const origin = originAllowed(collector, request);
    reply.header('vary', 'origin');
    if (!origin) throw new KaikuError('origin_not_allowed', `Answers for this key are accepted only from its allowed origins, not ${request.headers.origin ?? 'a request without an Origin header'}`, { status: 403, field: 'Origin' });
    reply.header('access-control-allow-origin', origin);
    return collector;
  }

  async function openSurvey(collector: Collector): Promise<Survey> {
    const survey = await getSurvey(db, collector.orgId, collector.surveyId);
    if (survey.status === 'draft') throw notFound('Survey', 'key');
    if (survey.status === 'closed') throw new KaikuError('survey_closed', 'This survey has ended', { status: 410 });
    return survey;
  }

  const script = (name: BrowserScript, cacheControl: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    const bundle = await cachedBundle(name);
    reply.header('cache-control', cacheControl).header('etag', bundle.etag).header('cross-origin-resource-policy', 'cross-origin');
    if (request.headers['if-none-match'] === bundle.etag) return reply.status(304).send();
    return reply.type('text/javascript; charset=utf-8').send(bundle.code);
  };
  // Set last (after the server-wide security headers). The kiosk page: its script, style,
  // service worker and answers come from Kaiku alone; it is never framed. The service worker
  // runs under its own script's policy, and it fetches the kiosk's files from Kaiku.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.routeOptions.url === '/k/:key') reply.header('content-security-policy', reply.statusCode === 200 ? kioskCsp : surveyCsp).header('x-frame-options', 'DENY');
    if (request.routeOptions.url === '/k/sw.js') reply.header('content-security-policy', "default-src 'none'; connect-src 'self'");
    return payload;
  });

  const hide = { schema: { hide: true } };
  app.get('/widget.js', hide, script('widget', 'public, max-age=300'));
  app.get('/k/kiosk.js', hide, script('kiosk', 'no-cache'));
  app.get('/k/sw.js', hide, script('kioskWorker', 'no-cache'));
  app.get('/k/kiosk.css', hide, async (_request, reply) => reply.header('cache-control', 'no-cache').type('text/css; charset=utf-8').send(kioskCss));

  app.get<Keyed & { Querystring: Record<string, unknown> }>('/k/:key', { ...hide, config: { rateLimit: 'public' } }, async (request, reply) => {
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    const collector = await findCollectorByKey(db, request.params.key);
    const survey = collector?.kind === 'kiosk' ? await getSurvey(db, collector.orgId, collector.surveyId) : undefined;
    // Whoever looks at the tablet gets a page in their language, not a JSON problem.
    if (!collector || !survey || survey.status !== 'active') {
      const language = fromAcceptLanguage(request.headers['accept-language'], uiLanguages) ?? 'en';
      return survey?.status === 'closed' ? reply.status(410).send(renderMessage('ended', language, survey)) : reply.status(404).send(renderMessage('notFound', language));
    }
    // The device link's ?lang=, else the kiosk's own language (set in the hub), else the tablet's browser.
    const wanted = typeof request.query.lang === 'string' ? request.query.lang : collector.language ?? fromAcceptLanguage(request.headers['accept-language'], survey.languages);
    const theme = pageThemeOf(await getTheme(db, collector.orgId), `/k/${collector.publicKey}`);
    return reply.send(renderKiosk(collector, survey, surveyLanguage(survey, wanted), theme));
  });

  // Kiosks sync a day's queue at once and offices share one address: the ingestion flood limit
  // per IP (KAIKU_RATE_LIMIT_INGEST_IP), not the page limit (src/http/rate-limit.ts).
  const flood = { rateLimit: 'ingest' as const };

  // CORS preflight: the widget posts JSON from the customer's origin.
  for (const path of ['/api/v1/public/collectors/:key', '/api/v1/public/collectors/:key/show', '/api/v1/public/collectors/:key/responses',
    '/api/v1/public/collectors/:key/invitation', '/api/v1/public/collectors/:key/invitation/responses']) {
    app.options<Keyed>(path, { ...hide, config: flood }, async (request, reply) => {
      await collectorFor(request, reply);
      return reply.status(204).header('access-control-allow-methods', 'GET, POST').header('access-control-allow-headers', 'content-type')
        .header('access-control-max-age', '600').send();
    });
  }

  app.get<Keyed & { Querystring: Static<typeof ConfigQuery> }>('/api/v1/public/collectors/:key', {
    config: flood,
    schema: { tags, params: KeyParams, querystring: ConfigQuery, security: [], description: 'The widget\'s survey (in the page\'s language when the survey has it), triggers and frequency rule.' },
  }, async (request, reply) => {
    const collector = await collectorFor(request, reply, 'widget');
    const survey = await openSurvey(collector);
    reply.header('cache-control', 'no-cache');
    const theme = await getTheme(db, collector.orgId);
    // The organisation's theme, when it has one: the colour of the widget's buttons and its logo (absolute: the widget runs on another site).
    const logo = pageThemeOf(theme, `${new URL(config.publicUrl).origin}/s/${survey.id}`)?.logo;
    return {
      survey: pulseSurvey(survey, surveyLanguage(survey, request.query.lang), true), triggers: collector.triggers, frequencyDays: widgetTest(collector, request) ? 0 : collector.frequencyDays,
      theme: { brandColor: theme.brandColor, logo: logo ?? null, organization: theme.orgName },
    };
  });

  app.post<Keyed & { Body: Static<typeof ShowBody> }>('/api/v1/public/collectors/:key/show', {
    bodyLimit: 1024, config: flood,
    schema: { tags, params: KeyParams, body: ShowBody, security: [], description: 'Asks whether the widget may show its survey to this visitor now, and records it when yes (at most once per frequencyDays).' },
  }, async (request, reply) => {
    const collector = await collectorFor(request, reply, 'widget');
    return { show: widgetTest(collector, request) || await claimVisitor(db, collector, request.body.visitorId, now()) };
  });

  app.post<Keyed & { Body: Static<typeof IdentifyBody> }>('/api/v1/public/collectors/:key/invitation', {
    bodyLimit: 1024, config: flood,
    schema: {
      tags, params: KeyParams, body: IdentifyBody, security: [],
      description: 'kaiku(\'identify\'): the signed-in contact\'s waiting web invitation, if one may be shown now (not expired, consent not withdrawn, '
        + 'outside its rule\'s quiet hours), as { invitation: { token, survey } } — marked shown, so it is shown once — else { invitation: null }. '
        + '401 without a signature, 403 when it is not the widget\'s HMAC-SHA256 of externalId.',
    },
  }, async (request, reply) => {
    const collector = await collectorFor(request, reply, 'widget');
    verifyIdentity(collector, request.body.externalId, request.body.signature);
    return { invitation: await claimWaitingInvitation(db, collector, request.body.externalId, now()) };
  });

  app.post<Keyed & { Body: Static<typeof InvitationAnswerBody> }>('/api/v1/public/collectors/:key/invitation/responses', {
    bodyLimit: BODY_LIMIT, config: flood,
    schema: {
      tags, params: KeyParams, body: InvitationAnswerBody, security: [],
      description: 'Stores the answer to a web invitation the widget showed, tied to its contact, touchpoint and event, and marks it answered: '
        + '201 the first time, 200 with the same id for the same idempotencyKey, 409 when answered already, 410 when expired or withdrawn.',
    },
  }, async (request, reply) => {
    const collector = await collectorFor(request, reply, 'widget');
    const result = await answerInvitation(db, collector, request.body, now());
    return reply.status(result.created ? 201 : 200).send(result);
  });

  app.post<Keyed & { Body: Static<typeof PublicResponse> }>('/api/v1/public/collectors/:key/responses', {
    bodyLimit: BODY_LIMIT, config: flood,
    schema: {
      tags, params: KeyParams, body: PublicResponse, security: [],
      description: 'Stores an answer from the widget or a kiosk for the key\'s survey and touchpoint: 201 the first time, 200 with the same id for the same idempotencyKey.',
    },
  }, async (request, reply) => {
    const collector = await collectorFor(request, reply);
    const survey = await openSurvey(collector);
    const body = request.body;
    const at = now();
    if (body.submittedAt && collector.kind !== 'kiosk') throw badInput('Only a kiosk sends answers given earlier; leave submittedAt out', 'submittedAt');
    if (body.submittedAt && at.getTime() - Date.parse(body.submittedAt) > KIOSK_MAX_AGE_DAYS * 86_400_000) {
      throw badInput(`The answer was given more than ${KIOSK_MAX_AGE_DAYS} days ago`, 'submittedAt');
    }
    const prepared = await prepareResponse(db, collector.orgId, {
      surveyId: survey.id, touchpointId: collector.touchpointId, unitId: collector.unitId,
      channel: collector.kind === 'kiosk' ? 'kiosk' : 'web', language: surveyLanguage(survey, body.language),
      submittedAt: body.submittedAt ?? null, idempotencyKey: `${collector.kind}:${collector.id}:${body.idempotencyKey}`, answers: body.answers,
    }, '', at.getTime());
    const contact = survey.askContactConsent && body.contact ? consentOf(body.contact) : null;
    if (widgetTest(collector, request)) return reply.status(200).send({ test: true, stored: false });
    // The consent is stored with the response or not at all: its own transaction, not the group commit.
    const result = contact
      ? await db.transaction(async (tx) => {
        const [stored] = await storeResponses(tx, collector.orgId, [prepared], collector.kind);
        if (stored.created) await storeContactRequest(tx, collector.orgId, stored.id, contact, at);
        return stored;
      })
      : await app.responseWriter.write(collector.orgId, prepared, collector.kind);
    return reply.status(result.created ? 201 : 200).send(result);
  });
}
