/**
 * The organisation's theme as respondents' pages load it (src/orgs/theme.ts): a stylesheet of
 * the brand colour and the logo, addressed through what the page already knows (the survey's id,
 * the kiosk's key), so no organisation id is shown. The addresses carry the theme's version, so
 * a changed logo or colour is a new address and may be cached.
 *
 *   /s/:surveyId/theme.css, /s/:surveyId/logo   survey pages (open link, invitation, thank you) and the widget's logo;
 *   /k/:key/theme.css, /k/:key/logo             the kiosk: under /k/, so its service worker keeps them for offline starts.
 *
 * The logo is served as its own type with `default-src 'none'; style-src 'unsafe-inline'; sandbox`:
 * an SVG opened on its own runs no script (pages show it through <img>, which never does).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Queryable } from '../db/connection.ts';
import { notFound } from '../errors.ts';
import { findCollectorByKey } from '../collection/service.ts';
import { kioskThemeCss } from '../collection/kiosk-view.ts';
import { findSurveyOrg } from '../surveys/service.ts';
import { getTheme, themeLogo, type Theme } from '../orgs/theme.ts';
import type { Hex } from '../orgs/contrast.ts';
import { surveyThemeCss } from './survey.css.ts';
import type { PageTheme } from './survey-view.ts';
import { UUID } from '../vocabulary.ts';

export const logoCsp = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
const CACHE = 'public, max-age=86400';

/** What a page under `base` (/s/<survey id> or /k/<key>) links, or undefined for Kaiku's own look. */
export function pageThemeOf(theme: Theme, base: string): PageTheme | undefined {
  if (!theme.brandColor && !theme.logoType) return undefined;
  return {
    orgName: theme.orgName,
    stylesheet: theme.brandColor ? `${base}/theme.css?v=${theme.version}` : undefined,
    logo: theme.logoType ? `${base}/logo?v=${theme.version}` : undefined,
  };
}

/** The theme of a survey's pages, links under /s/<survey id>. */
export async function surveyPageTheme(db: Queryable, orgId: string, surveyId: string): Promise<PageTheme | undefined> {
  return pageThemeOf(await getTheme(db, orgId), `/s/${surveyId}`);
}

export async function themeAssetRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const options = { schema: { hide: true }, config: { rateLimit: 'public' as const } };

  // After the server-wide security headers: the logo's own policy, and the widget shows it on other sites.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.routeOptions.url?.endsWith('/logo') && reply.statusCode === 200) {
      reply.header('content-security-policy', logoCsp).header('cross-origin-resource-policy', 'cross-origin');
    }
    return payload;
  });

  const surveyOrg = async (surveyId: string) => {
    const orgId = UUID.test(surveyId) ? await findSurveyOrg(db, surveyId) : undefined;
    if (!orgId) throw notFound('Survey');
    return orgId;
  };
  const kioskOrg = async (key: string) => {
    const collector = await findCollectorByKey(db, key);
    if (!collector || collector.kind !== 'kiosk') throw notFound('Kiosk');
    return collector.orgId;
  };

  async function sendCss(reply: FastifyReply, orgId: string, css: (color: Hex) => string) {
    const { brandColor } = await getTheme(db, orgId);
    if (!brandColor) throw notFound('Theme');
    return reply.header('cache-control', CACHE).type('text/css; charset=utf-8').send(css(brandColor));
  }
  async function sendLogo(reply: FastifyReply, orgId: string) {
    const logo = await themeLogo(db, orgId);
    if (!logo) throw notFound('Logo');
    const extension = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/svg+xml': 'svg' }[logo.type];
    return reply.header('cache-control', CACHE).header('content-disposition', `inline; filename="logo.${extension}"`).type(logo.type).send(logo.content);
  }

  app.get<{ Params: { surveyId: string } }>('/s/:surveyId/theme.css', options, async (request, reply) =>
    sendCss(reply, await surveyOrg(request.params.surveyId), surveyThemeCss));
  app.get<{ Params: { surveyId: string } }>('/s/:surveyId/logo', options, async (request, reply) =>
    sendLogo(reply, await surveyOrg(request.params.surveyId)));
  app.get<{ Params: { key: string } }>('/k/:key/theme.css', options, async (request, reply) =>
    sendCss(reply, await kioskOrg(request.params.key), kioskThemeCss));
  app.get<{ Params: { key: string } }>('/k/:key/logo', options, async (request, reply) =>
    sendLogo(reply, await kioskOrg(request.params.key)));
}
