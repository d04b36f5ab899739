/**
 * Respondent-facing distribution pages: `/u/:token` unsubscribes (GET shows a confirmation
 * button, so a mail scanner that follows links unsubscribes nobody; POST — also the one-click
 * List-Unsubscribe-Post of RFC 8058 — takes effect at once), and `/r/:token/opened.gif`, the
 * e-mail's open pixel. Same headers as the survey pages: no caching, no framing, no Referer.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../pages/html.ts';
import { respondentPageHeaders } from '../pages/survey-routes.ts';
import { respondentPage } from '../pages/survey-view.ts';
import { chooseLanguage, fromAcceptLanguage, uiLanguages } from '../i18n/index.ts';
import { invitationStrings } from '../i18n/invitation.ts';
import { stringsFor } from '../i18n/survey.ts';
import { findInvitation } from '../surveys/invitations.ts';
import { markOpenedByToken, unsubscribeByToken } from './service.ts';

/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

function render(language: string, title: string, body: SafeHtml): string {
  return respondentPage({ language, title, body, navLabel: '', script: false });
}

export async function distributionPageRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const now = () => app.deps.now?.() ?? new Date();

  app.addHook('onSend', respondentPageHeaders);

  const languageOf = (request: FastifyRequest, preferred: Array<string | null | undefined>) =>
    chooseLanguage([...preferred, fromAcceptLanguage(request.headers['accept-language'], uiLanguages)], uiLanguages, 'en');

  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const language = languageOf(request, []);
    const { strings: s } = stringsFor(language);
    return reply.status(404).type('text/html; charset=utf-8').send(render(language, s.notFoundTitle, html`<h1>${s.notFoundTitle}</h1><p>${s.notFoundBody}</p>`));
  };

  // Rate-limited like the survey pages: per IP, and per token (guessing tokens gets nowhere fast).
  const hide = { schema: { hide: true }, config: { rateLimit: 'public' as const } };
  app.get<{ Params: { token: string } }>('/u/:token', hide, async (request, reply) => {
    const invitation = await findInvitation(db, request.params.token);
    if (!invitation) return notFound(request, reply);
    const language = languageOf(request, [invitation.language, invitation.contactLanguage]);
    const { strings: s } = invitationStrings(language);
    return reply.type('text/html; charset=utf-8').send(render(language, s.unsubscribeTitle, html`<h1>${s.unsubscribeTitle}</h1>
<p>${s.unsubscribeBody}</p>
<form method="post" action="/u/${invitation.token}"><button type="submit">${s.unsubscribeButton}</button></form>`));
  });

  app.post<{ Params: { token: string } }>('/u/:token', hide, async (request, reply) => {
    const done = await unsubscribeByToken(db, request.params.token, now());
    if (!done) return notFound(request, reply);
    const language = languageOf(request, [done.language]);
    const { strings: s } = invitationStrings(language);
    return reply.type('text/html; charset=utf-8').send(render(language, s.unsubscribedTitle, html`<h1 role="status">${s.unsubscribedTitle}</h1><p>${s.unsubscribedBody}</p>`));
  });

  app.get<{ Params: { token: string } }>('/r/:token/opened.gif', hide, async (request, reply) => {
    await markOpenedByToken(db, request.params.token);
    return reply.type('image/gif').send(PIXEL);
  });
}
