/**
 * Browser pages of the dashboard: sign-in and sign-out by HTML form, and the signed-in
 * pages (journey overview at /app). Server-rendered, no scripts; every page here is sent
 * with a strict CSP and anti-framing headers.
 *
 * Pages check the session themselves instead of declaring `config.permission`: a browser
 * without a session is redirected to the sign-in form rather than given a JSON 401.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { identify } from '../auth/plugin.ts';
import { fromSameOrigin } from '../http/csrf.ts';
import { allows } from '../auth/permissions.ts';
import { SESSION_COOKIE, signIn, signOut } from '../auth/service.ts';
import { LockedOut } from '../auth/lockout.ts';
import { KaikuError } from '../errors.ts';
import { uiLanguages, type UiLanguage } from '../i18n/index.ts';
import { dashboardText } from '../i18n/dashboard.ts';
import { html } from './html.ts';
import { plainPage, stylesheet, stylesheetPath } from './layout.ts';
import { LANGUAGE_COOKIE, hrefWithLanguage, keepLanguageChoice, profileOf, rememberLanguage, securityHeaders, stringParam, uiLanguage, type Query } from './session.ts';
import { loginPage } from './login-view.ts';
import { loadJourneyOverview, overviewDownloads, overviewCaption, parseOverviewFilters, renderJourneyOverview } from './dashboard-view.ts';
import { answerDownload } from './downloads.ts';
import { loopPageRoutes } from './loop-pages.ts';
import { casePageRoutes } from './case-pages.ts';
import { actionPageRoutes } from './action-pages.ts';
import { setupPageRoutes } from './setup-pages.ts';
import { orgSettingsPageRoutes } from './org-settings-pages.ts';
import { alertRulePageRoutes } from './alert-rule-pages.ts';
import { rootCausePageRoutes } from './root-cause-pages.ts';
import { contactPageRoutes } from './contact-pages.ts';
import { contactImportPageRoutes } from './contact-import-pages.ts';
import { surveyBuilderRoutes } from './survey-builder.ts';
import { shareHubRoutes } from './share-hub.ts';
import { sendPageRoutes } from './send-pages.ts';
import { journeyPageRoutes } from './journey-pages.ts';
import { analysisPageRoutes } from './analysis-routes.ts';
import { notificationPageRoutes } from './notification-pages.ts';
import { segmentPageRoutes } from './segment-pages.ts';
import { needsPageRoutes } from './needs-pages.ts';
import { benchmarkPageRoutes } from './benchmark-pages.ts';
import { boardReportPageRoutes } from './board-report-pages.ts';
import { unreadCountOf } from '../notifications/service.ts';

/** Only dashboard paths are valid sign-in targets, so `next` cannot send anyone off-site. */
function safeNext(next: string | undefined): string | undefined {
  return next && /^\/app(?:[/?#]|$)/.test(next) && !next.includes('//') && !next.includes('\\') ? next : undefined;
}

/**
 * Form posts must come from our own pages. The session cookie is SameSite=Lax already;
 * this also stops login CSRF (signing a victim into an attacker's account).
 */
const fromOwnPage = fromSameOrigin;

export async function dashboardRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(securityHeaders);
    return payload;
  });

  // Errors on these pages are pages too, in the user's language, never JSON.
  app.setErrorHandler(async (error: FastifyError | KaikuError, request, reply) => {
    const status = error instanceof KaikuError ? error.status : error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error(error);
    const language = uiLanguage(request);
    const t = dashboardText(language);
    const message = status === 403 ? t.errors.forbidden : status < 500 && error instanceof KaikuError ? error.message : t.errors.generic;
    return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(plainPage({
      language, t, title: message, languageHref: (l) => hrefWithLanguage(request, l),
      body: html`<h1>${message}</h1><p><a href="/app">${t.errors.back}</a></p>`,
    }).toString());
  });

  app.get(stylesheetPath, { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(stylesheet));

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const auth = await identify(app, request).catch(() => undefined);
    return reply.redirect(auth ? '/app' : '/login', 303);
  });

  const sendLogin = (request: FastifyRequest, reply: FastifyReply, status: number, view: Omit<Parameters<typeof loginPage>[0], 'language' | 't' | 'languageHref'> & { language?: UiLanguage }) => {
    const language = view.language ?? uiLanguage(request);
    rememberLanguage(request, reply);
    return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(loginPage({ ...view, language, t: dashboardText(language), languageHref: (l) => hrefWithLanguage(request, l) }).toString());
  };

  app.get('/login', { schema: { hide: true } }, async (request, reply) => {
    const query = request.query as Query;
    const next = safeNext(stringParam(query, 'next'));
    const auth = await identify(app, request).catch(() => undefined);
    if (auth) return reply.redirect(next ?? '/app', 303);
    return sendLogin(request, reply, 200, { next, signedOut: stringParam(query, 'signedOut') === '1' });
  });

  app.post('/login', { schema: { hide: true }, config: { rateLimit: 'login' } }, async (request, reply) => {
    if (!fromOwnPage(request)) throw new KaikuError('forbidden', 'Sign in from Kaiku’s own sign-in page', { status: 403 });
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Query;
    const email = stringParam(body, 'email')?.trim() ?? '';
    const password = stringParam(body, 'password') ?? '';
    const next = safeNext(stringParam(body, 'next'));
    const formLanguage = stringParam(body, 'lang');
    const language = (uiLanguages as readonly string[]).includes(formLanguage ?? '') ? formLanguage as UiLanguage : undefined;
    if (!email || !password || email.length > 320 || password.length > 1000) {
      return sendLogin(request, reply, 400, { email: email.slice(0, 320), next, error: 'missing_fields', language });
    }
    try {
      const session = await signIn(db, email, password, {
        ip: request.ip, totpCode: stringParam(body, 'totpCode')?.trim() || undefined, previousCookie: request.cookies[SESSION_COOKIE],
      });
      reply.setCookie(SESSION_COOKIE, session.cookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: 14 * 86400 });
      if (language) reply.setCookie(LANGUAGE_COOKIE, language, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86400 });
      return reply.redirect(next ?? '/app', 303);
    } catch (error) {
      if (error instanceof LockedOut) {
        reply.header('retry-after', error.retryAfter);
        return sendLogin(request, reply, 429, { email, next, error: 'too_many_attempts', retryMinutes: Math.ceil(error.retryAfter / 60), language });
      }
      if (error instanceof KaikuError && (error.code === 'invalid_credentials' || error.code === 'totp_required' || error.code === 'invalid_totp')) {
        return sendLogin(request, reply, 401, { email, next, error: error.code, language });
      }
      throw error;
    }
  });

  app.post('/logout', { schema: { hide: true } }, async (request, reply) => {
    if (!fromOwnPage(request)) throw new KaikuError('forbidden', 'Sign out from Kaiku’s own pages', { status: 403 });
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) await signOut(db, cookie);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login?signedOut=1', 303);
  });

  app.get('/app', { schema: { hide: true } }, async (request, reply) => {
    const auth = await identify(app, request);
    if (!auth) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    if (!allows(auth, 'metrics:read') || !allows(auth, 'journeys:read')) throw new KaikuError('forbidden', 'Your role does not allow this page', { status: 403 });
    const profile = await profileOf(app, auth);
    const language = uiLanguage(request, profile.language);
    await keepLanguageChoice(app, request, reply, auth, profile.language);
    const { filters, invalid } = parseOverviewFilters(request.query as Query);
    const [overview, unread] = await Promise.all([loadJourneyOverview(db, auth, filters, (app.deps.now ?? (() => new Date()))()), unreadCountOf(db, auth)]);
    const t = dashboardText(language);
    if (await answerDownload(request, reply, overviewDownloads({ t, overview, language }), { chromiumPath: config.chromiumPath, language, caption: overviewCaption(overview, t, language) })) return reply;
    const page = renderJourneyOverview({
      language, t, userName: profile.name, overview, invalidFilters: invalid,
      languageHref: (l) => hrefWithLanguage(request, l), canExport: allows(auth, 'exports:read'), canReadCases: allows(auth, 'cases:read'), pageUrl: request.url, can: (p) => allows(auth, p), unread,
    });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page.toString());
  });

  // The closed loop's pages (praise wall, feedback on our work) share this scope's headers and error pages.
  await loopPageRoutes(app);
  // Cases and set-up (page-kit.ts lists their routes and permissions for the role-matrix and cross-tenant suites).
  await casePageRoutes(app);
  await actionPageRoutes(app);
  await setupPageRoutes(app);
  // The organisation's settings and audit log, and one's own account (linked from the banner).
  await orgSettingsPageRoutes(app);
  await alertRulePageRoutes(app);
  await rootCausePageRoutes(app);
  await contactPageRoutes(app);
  // The contact import: its own scope, so multipart bodies are parsed on its upload route only.
  await app.register(contactImportPageRoutes);
  // The survey builder, in a scope of its own: its pages allow their script and the preview's inline survey styles.
  await app.register(surveyBuilderRoutes);
  // A survey's distribution hub: links, QR codes and posters, widget and kiosk set-up.
  await shareHubRoutes(app);
  // Sending a survey by e-mail, its sends and their funnels.
  await sendPageRoutes(app);
  // The journey map and the touchpoint and question pages.
  await journeyPageRoutes(app);
  // Key drivers, open answers and churn risk.
  await analysisPageRoutes(app);
  // A person's own notifications, reached from the bell in the banner.
  await notificationPageRoutes(app);
  await segmentPageRoutes(app);
  await needsPageRoutes(app);
  await benchmarkPageRoutes(app);
  // The board report: month and language chosen, previewed, PDF, e-mail schedules.
  await boardReportPageRoutes(app);
}
