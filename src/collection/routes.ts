import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { authOf } from '../auth/plugin.ts';
import { badInput } from '../errors.ts';
import { IdParams, Language, Uuid, literals, strict } from '../http/schemas.ts';
import { drawQr, touchpointSurveyUrl } from './qr.ts';
import { collectorKinds, createCollector, getCollector, listCollectors, updateCollector, type Collector } from './service.ts';

/** The limits of a collector's settings, shared by the API schema and the hub's forms (src/pages/share-hub.ts). */
export const collectorLimits = {
  name: 200, urlPattern: 500, delaySeconds: 600, selector: 300, origin: 200, origins: 50, frequencyDays: 3650, resetSeconds: { min: 2, max: 300 },
  idleSeconds: { min: 15, max: 600 },
} as const;

const Trigger = Type.Union([
  Type.Object({
    type: Type.Literal('pageview'),
    urlPattern: Type.String({ minLength: 1, maxLength: collectorLimits.urlPattern, description: 'Page path; * matches anything, e.g. /checkout/*' }),
    delaySeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: collectorLimits.delaySeconds })),
  }, strict),
  Type.Object({ type: Type.Literal('click'), selector: Type.String({ minLength: 1, maxLength: collectorLimits.selector, description: 'CSS selector, e.g. #buy' }) }, strict),
  Type.Object({ type: Type.Literal('exit_intent') }, strict),
  Type.Object({ type: Type.Literal('event'), name: Type.String({ minLength: 1, maxLength: 100, description: "kaiku('track', name)" }) }, strict),
]);

const settings = {
  name: Type.String({ minLength: 1, maxLength: collectorLimits.name }),
  surveyId: Uuid,
  touchpointId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  unitId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  allowedOrigins: Type.Optional(Type.Array(Type.String({ maxLength: collectorLimits.origin }), { maxItems: collectorLimits.origins, description: 'https://shop.example — scheme and host only' })),
  triggers: Type.Optional(Type.Array(Trigger, { maxItems: 20 })),
  frequencyDays: Type.Optional(Type.Integer({ minimum: 0, maximum: collectorLimits.frequencyDays, description: 'Widget: ask a visitor at most once in this many days (default 30)' })),
  resetSeconds: Type.Optional(Type.Integer({ minimum: collectorLimits.resetSeconds.min, maximum: collectorLimits.resetSeconds.max, description: 'Kiosk: back to the first question after this many seconds (default 8)' })),
  idleSeconds: Type.Optional(Type.Integer({ minimum: collectorLimits.idleSeconds.min, maximum: collectorLimits.idleSeconds.max,
    description: 'Kiosk: start over after this many seconds without a touch mid-survey, keeping what was answered (default 45)' })),
  language: Type.Optional(Type.Union([Language, Type.Null()], { description: 'Kiosk: the survey language its address starts in and returns to after each answer (null: the tablet\'s browser language)' })),
};
const CreateBody = Type.Object({ kind: literals(collectorKinds), ...settings }, strict);
const UpdateBody = Type.Partial(Type.Object({
  ...settings, disabled: Type.Boolean(),
  rotateIdentitySecret: Type.Boolean({ description: 'Widgets: a new identitySecret for kaiku(\'identify\') signatures; signatures made with the old one are refused from now on' }),
}, strict), strict);
const ListQuery = Type.Object({ kind: Type.Optional(literals(collectorKinds)) }, strict);
const qrImage = {
  format: Type.Optional(literals(['svg', 'png'] as const)),
  size: Type.Optional(Type.Integer({ minimum: 64, maximum: 2048, default: 512, description: 'PNG width in pixels' })),
};
const QrQuery = Type.Object({ ...qrImage, surveyId: Type.Optional(Uuid) }, strict);
const KioskQrQuery = Type.Object(qrImage, strict);

/** The QR image, with the link it carries in a header for whoever checks what they print. */
async function sendQr(reply: FastifyReply, url: string, query: { format?: 'svg' | 'png'; size?: number }) {
  const { format = 'svg', size = 512 } = query;
  return reply.type(format === 'svg' ? 'image/svg+xml' : 'image/png').header('x-kaiku-qr-url', url).header('cache-control', 'no-cache')
    .send(await drawQr(url, format, size));
}

/** A kiosk's device address: in its language when it has one. */
export const kioskUrl = (publicUrl: string, kiosk: Collector) => `${publicUrl}/k/${kiosk.publicKey}${kiosk.language ? `?lang=${kiosk.language}` : ''}`;

/** The snippet's inline part: queues kaiku() calls made before widget.js has loaded. */
export const widgetStub = 'window.kaiku=window.kaiku||function(){(kaiku.q=kaiku.q||[]).push(arguments)}';
/** The two script tags a site owner pastes into their pages to show a widget. */
export const widgetSnippet = (publicUrl: string, publicKey: string) =>
  `<script>${widgetStub}</script>\n<script async src="${publicUrl}/widget.js" data-site-key="${publicKey}"></script>`;

export async function collectorRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;
  const tags = ['collectors'];
  const manage = { permission: 'collectors:manage' as const };

  /** What an admin needs to put the collector to use: the snippet or the kiosk address. */
  const view = (c: Collector) => ({
    ...c,
    ...(c.kind === 'widget'
      ? { snippet: widgetSnippet(config.publicUrl, c.publicKey) }
      : { kioskUrl: kioskUrl(config.publicUrl, c) }),
  });

  app.post<{ Body: Static<typeof CreateBody> }>('/api/v1/collectors', {
    schema: { tags, body: CreateBody, description: 'Creates a web widget site key or a kiosk link for a survey (score and open questions only) and touchpoint.' },
    config: manage,
  }, async (request, reply) => reply.status(201).send(view(await createCollector(db, authOf(request).orgId, request.body))));

  app.get<{ Querystring: Static<typeof ListQuery> }>('/api/v1/collectors', { schema: { tags, querystring: ListQuery }, config: manage }, async (request) =>
    ({ items: (await listCollectors(db, authOf(request).orgId, request.query.kind)).map(view) }));

  app.get<{ Params: Static<typeof IdParams> }>('/api/v1/collectors/:id', { schema: { tags, params: IdParams }, config: manage }, async (request) =>
    view(await getCollector(db, authOf(request).orgId, request.params.id)));

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof UpdateBody> }>('/api/v1/collectors/:id', {
    schema: { tags, params: IdParams, body: UpdateBody, description: 'Changes settings; disabled: true turns the public key off at once (its endpoints answer 404); rotateIdentitySecret: true replaces a widget\'s identity secret.' },
    config: manage,
  }, async (request) => view(await updateCollector(db, authOf(request).orgId, request.params.id, request.body)));

  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof KioskQrQuery> }>('/api/v1/collectors/:id/qr', {
    schema: { tags, params: IdParams, querystring: KioskQrQuery, description: 'A kiosk\'s address as a QR code: scan it with the tablet to set it up.' },
    config: manage,
  }, async (request, reply) => {
    const collector = await getCollector(db, authOf(request).orgId, request.params.id);
    if (collector.kind !== 'kiosk') throw badInput('Only a kiosk has an address to scan; a widget is set up with its snippet', 'id');
    return sendQr(reply, kioskUrl(config.publicUrl, collector), request.query);
  });

  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof QrQuery> }>('/api/v1/touchpoints/:id/qr', {
    schema: { tags: ['journeys'], params: IdParams, querystring: QrQuery, description: 'A QR code (SVG or PNG) that opens the touchpoint\'s survey (its newest active one, or surveyId) with the touchpoint filled in.' },
    config: { permission: 'journeys:read' },
  }, async (request, reply) => {
    return sendQr(reply, await touchpointSurveyUrl(db, config.publicUrl, authOf(request).orgId, request.params.id, request.query.surveyId), request.query);
  });
}
