/**
 * Routes of the journey map (/app/journeys) and the touchpoint and question pages
 * (/app/touchpoints/:id, /app/questions/:id). Registered inside dashboardRoutes, whose
 * security headers and error pages they share; like /app they need metrics:read and
 * journeys:read (src/auth/permissions.ts), and the figures follow the reader's data scope.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { identify } from '../auth/plugin.ts';
import { allows, type Permission } from '../auth/permissions.ts';
import { KaikuError } from '../errors.ts';
import { dashboardText } from '../i18n/dashboard.ts';
import { journeyPageText } from '../i18n/journey-pages.ts';
import type { UiLanguage } from '../i18n/index.ts';
import { getOrganization } from '../orgs/service.ts';
import { unreadCountOf } from '../notifications/service.ts';
import { html } from './html.ts';
import { appShell } from './layout.ts';
import { hrefWithLanguage, keepLanguageChoice, profileOf, uiLanguage } from './session.ts';
import { isUuid, parsePageFilters } from './journey-figures.ts';
import { loadJourneyMap, mapDownloads, renderJourneyMap } from './journey-map-view.ts';
import { detailDownloads, loadDetail, renderDetail, type Subject } from './touchpoint-view.ts';
import { answerDownload } from './downloads.ts';
import { journeyEditorRoutes } from './journey-editor.ts';
import { pageRoutes } from './page-kit.ts';

type Query = Record<string, unknown>;

export async function journeyPageRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const now = () => (app.deps.now ?? (() => new Date()))();

  /** Signed in (else to the sign-in form), allowed, and the page's language. */
  async function open(request: FastifyRequest, reply: FastifyReply) {
    const auth = await identify(app, request);
    if (!auth) {
      reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
      return undefined;
    }
    if (!allows(auth, 'metrics:read') || !allows(auth, 'journeys:read')) throw new KaikuError('forbidden', 'Your role does not allow this page', { status: 403 });
    const profile = await profileOf(app, auth);
    const language = uiLanguage(request, profile.language);
    await keepLanguageChoice(app, request, reply, auth, profile.language);
    const unread = await unreadCountOf(db, auth);
    return { auth, profile, language, unread, t: dashboardText(language), s: journeyPageText(language), languageHref: (l: UiLanguage) => hrefWithLanguage(request, l), can: (p: Permission) => allows(auth, p) };
  }

  // Listed with the permission they check, so the role-matrix and cross-tenant suites sweep them
  // (journeys:read is granted to the same roles as metrics:read).
  for (const path of ['/app/journeys', '/app/touchpoints/:id', '/app/questions/:id']) pageRoutes.push({ method: 'GET', path, permission: 'metrics:read' });

  const sendHtml = (reply: FastifyReply, page: { toString(): string }, status = 200) =>
    reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page.toString());

  app.get('/app/journeys', { schema: { hide: true } }, async (request, reply) => {
    const page = await open(request, reply);
    if (!page) return reply;
    const { filters, invalid } = parsePageFilters(request.query as Query);
    const map = await loadJourneyMap(db, page.auth, filters, page.language, now());
    if (await answerDownload(request, reply, mapDownloads(map, page.language, page.t, page.s), { chromiumPath: app.deps.config.chromiumPath, language: page.language })) return reply;
    return sendHtml(reply, renderJourneyMap({ ...page, userName: page.profile.name, map, invalidFilters: invalid, pageUrl: request.url }));
  });

  async function detail(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, kind: Subject['kind']) {
    const page = await open(request, reply);
    if (!page) return reply;
    const { id } = request.params;
    try {
      if (!isUuid(id)) throw new KaikuError('not_found', 'not found', { status: 404 });
      const { filters, invalid } = parsePageFilters(request.query as Query);
      const loaded = await loadDetail(db, page.auth, { kind, id: id.toLowerCase() }, filters, page.language, now());
      if (await answerDownload(request, reply, detailDownloads(loaded, page.language, page.t, page.s), { chromiumPath: app.deps.config.chromiumPath, language: page.language })) return reply;
      return sendHtml(reply, renderDetail({ ...page, userName: page.profile.name, detail: loaded, invalidFilters: invalid, pageUrl: request.url }));
    } catch (error) {
      if (!(error instanceof KaikuError) || error.status !== 404) throw error;
      // Another organisation's id and a removed one read the same, in the reader's language.
      const org = await getOrganization(db, page.auth.orgId);
      return sendHtml(reply, appShell({
        language: page.language, t: page.t, title: page.s.notFound, current: 'journeys', userName: page.profile.name, organizationName: org.name,
        languageHref: page.languageHref, can: page.can, unread: page.unread, body: html`<h1>${page.s.notFound}</h1><p><a href="/app/journeys">${page.s.mapTitle}</a></p>`,
      }), 404);
    }
  }

  app.get<{ Params: { id: string } }>('/app/touchpoints/:id', { schema: { hide: true } }, (request, reply) => detail(request, reply, 'touchpoint'));
  app.get<{ Params: { id: string } }>('/app/questions/:id', { schema: { hide: true } }, (request, reply) => detail(request, reply, 'question'));

  // Their editor, in the set-up pages (page-kit lists its routes for the role-matrix and cross-tenant suites).
  await journeyEditorRoutes(app);
}
