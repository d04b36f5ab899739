/**
 * What every signed-in page needs from the request: the reader's language (and keeping an
 * explicit choice), the signed-in person's profile for the page frame, and the pages' security
 * headers. Page modules import these from here, and dashboard-routes.ts registers the page
 * modules, so the arrows run one way (page module → session.ts, never back to the registry).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../auth/permissions.ts';
import { setUserLanguage, userNameAndLanguage } from '../auth/own-account.ts';
import { chooseLanguage, fromAcceptLanguage, uiLanguages, type UiLanguage } from '../i18n/index.ts';

/** Remembers an explicit `?lang=` choice across pages (the profile language is the default). */
export const LANGUAGE_COOKIE = 'kaiku_lang';

export const securityHeaders = {
  // No script at all; styles only from our own stylesheet (SVG colours are attributes).
  'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

export type Query = Record<string, unknown>;
export const stringParam = (query: Query, name: string) => {
  const v = query[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s : undefined;
};

/** `?lang=`, then an earlier explicit choice, then the profile, then Accept-Language, then Finnish. */
export function uiLanguage(request: FastifyRequest, profileLanguage?: string | null): UiLanguage {
  return chooseLanguage([
    stringParam(request.query as Query, 'lang'),
    request.cookies[LANGUAGE_COOKIE],
    profileLanguage,
    fromAcceptLanguage(request.headers['accept-language'], uiLanguages),
  ], uiLanguages, 'fi') as UiLanguage;
}

export function rememberLanguage(request: FastifyRequest, reply: FastifyReply) {
  const lang = stringParam(request.query as Query, 'lang');
  if (lang && (uiLanguages as readonly string[]).includes(lang) && request.cookies[LANGUAGE_COOKIE] !== lang) {
    reply.setCookie(LANGUAGE_COOKIE, lang, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86400 });
  }
}

/**
 * On signed-in pages an explicit `?lang=` choice is also kept on the user (users.language):
 * it follows them to another browser and into the e-mails Kaiku sends them. The cookie keeps
 * it for this browser, also on the sign-in page after signing out.
 */
export async function keepLanguageChoice(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, auth: AuthContext, profileLanguage: string | null) {
  rememberLanguage(request, reply);
  const lang = stringParam(request.query as Query, 'lang');
  if (!auth.userId || !lang || lang === profileLanguage || !(uiLanguages as readonly string[]).includes(lang)) return;
  await setUserLanguage(app.deps.db, auth.orgId, auth.userId, lang);
}

/** The current URL with `lang` replaced: the target of the language switch. */
export function hrefWithLanguage(request: FastifyRequest, language: UiLanguage): string {
  const url = new URL(request.url, 'http://local');
  url.searchParams.set('lang', language);
  return `${url.pathname}?${url.searchParams.toString()}`;
}

/** The signed-in person's name and language for the page frame (an API key has no profile). */
export async function profileOf(app: FastifyInstance, auth: AuthContext): Promise<{ name: string; language: string | null }> {
  if (!auth.userId) return { name: 'API key', language: null };
  return (await userNameAndLanguage(app.deps.db, auth.orgId, auth.userId)) ?? { name: '', language: null };
}
