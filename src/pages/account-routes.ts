/**
 * Password-reset pages: `/forgot-password` asks for the e-mail address and mails a link;
 * `/reset-password?token=` sets a new password with it. Plain HTML forms without script,
 * in fi/sv/en/pl, under the dashboard's CSP; posts must come from these pages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { chooseLanguage, fromAcceptLanguage, uiLanguages, type UiLanguage } from '../i18n/index.ts';
import { dashboardText } from '../i18n/dashboard.ts';
import { accountText } from '../i18n/account.ts';
import { createMailer } from '../mail/mailer.ts';
import { createPasswordResets, MIN_PASSWORD_LENGTH, resetPassword, sendInBackground } from '../auth/password-reset.ts';
import { KaikuError } from '../errors.ts';
import { fromSameOrigin } from '../http/csrf.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { plainPage } from './layout.ts';
import { securityHeaders } from './session.ts';

type Fields = Record<string, unknown>;
const field = (fields: unknown, name: string) => {
  const value = fields && typeof fields === 'object' ? (fields as Fields)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
};

function pageLanguage(request: FastifyRequest): UiLanguage {
  return chooseLanguage([field(request.body, 'lang'), field(request.query, 'lang'), request.cookies.kaiku_lang,
    fromAcceptLanguage(request.headers['accept-language'], uiLanguages)], uiLanguages, 'fi') as UiLanguage;
}

function send(request: FastifyRequest, reply: FastifyReply, status: number, title: string, body: SafeHtml) {
  const language = pageLanguage(request);
  const path = request.url.split('?')[0];
  const token = field(request.query, 'token');
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(plainPage({
    language, t: dashboardText(language), title, body,
    languageHref: (l) => `${path}?${new URLSearchParams({ ...(token ? { token } : {}), lang: l }).toString()}`,
  }).toString());
}

const errorSummary = (heading: string, message: string, target: string) => html`<div class="error-summary" role="alert" aria-labelledby="error-heading">
  <h2 id="error-heading">${heading}</h2>
  <p id="form-error" class="error-message"><a href="#${target}">${message}</a></p>
</div>`;

export async function accountPageRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;
  const mailer = createMailer(config);
  app.addHook('onClose', async () => mailer?.close());
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(securityHeaders);
    return payload;
  });
  const routeOptions = { schema: { hide: true }, config: { rateLimit: 'login' as const } };

  function forgotForm(request: FastifyRequest, reply: FastifyReply, status: number, state: { error?: boolean; sent?: boolean; email?: string }) {
    const language = pageLanguage(request);
    const a = accountText(language);
    const t = dashboardText(language);
    const invalid = state.error ? raw(' aria-invalid="true" aria-describedby="form-error"') : '';
    return send(request, reply, status, a.forgot.title, html`
<h1>${a.forgot.title}</h1>
${state.sent ? html`<p class="notice" role="status">${a.forgot.sent}</p>` : html`<p class="lead">${a.forgot.intro}</p>`}
${state.error ? errorSummary(t.signIn.errorHeading, a.forgot.missingEmail, 'email') : ''}
<form class="login-form" method="post" action="/forgot-password" novalidate>
  <input type="hidden" name="lang" value="${language}">
  <div class="field">
    <label for="email">${a.forgot.email}</label>
    <input id="email" name="email" type="email" autocomplete="username" required value="${state.email ?? ''}"${invalid}>
  </div>
  <div><button class="button" type="submit">${a.forgot.submit}</button></div>
</form>
<p><a href="/login?lang=${language}">${t.signIn.title}</a></p>`);
  }

  function resetForm(request: FastifyRequest, reply: FastifyReply, status: number, token: string, error?: 'invalid_token' | 'too_short') {
    const language = pageLanguage(request);
    const a = accountText(language);
    const t = dashboardText(language);
    if (error === 'invalid_token') {
      return send(request, reply, status, a.reset.title, html`<h1>${a.reset.title}</h1>
${errorSummary(t.signIn.errorHeading, a.reset.invalidToken, 'again')}
<p><a id="again" href="/forgot-password?lang=${language}">${a.forgot.title}</a></p>`);
    }
    return send(request, reply, status, a.reset.title, html`
<h1>${a.reset.title}</h1>
<p class="lead">${a.reset.intro}</p>
${error ? errorSummary(t.signIn.errorHeading, a.reset.tooShort, 'password') : ''}
<form class="login-form" method="post" action="/reset-password" novalidate>
  <input type="hidden" name="lang" value="${language}">
  <input type="hidden" name="token" value="${token}">
  <div class="field">
    <label for="password">${a.reset.password}</label>
    <p class="muted" id="password-hint">${a.reset.passwordHint}</p>
    <input id="password" name="password" type="password" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" required aria-describedby="password-hint${error ? ' form-error' : ''}"${error ? raw(' aria-invalid="true"') : ''}>
  </div>
  <div><button class="button" type="submit">${a.reset.submit}</button></div>
</form>`);
  }

  const requireOwnPage = (request: FastifyRequest) => {
    if (!fromSameOrigin(request)) throw new KaikuError('forbidden', 'Use Kaiku’s own pages', { status: 403 });
  };

  app.get('/forgot-password', routeOptions, async (request, reply) => forgotForm(request, reply, 200, {}));

  app.post('/forgot-password', routeOptions, async (request, reply) => {
    requireOwnPage(request);
    const email = field(request.body, 'email')?.trim() ?? '';
    if (email.length < 3 || email.length > 320) return forgotForm(request, reply, 400, { error: true, email: email.slice(0, 320) });
    const mails = await createPasswordResets(db, config.publicUrl, email);
    sendInBackground(mailer, mails, (error) => request.log.error({ err: error }, 'password reset e-mail failed'));
    // The same page whether or not the address has an account.
    return forgotForm(request, reply, 200, { sent: true });
  });

  app.get('/reset-password', routeOptions, async (request, reply) => {
    const token = field(request.query, 'token') ?? '';
    if (!token || token.length > 200) return resetForm(request, reply, 400, '', 'invalid_token');
    return resetForm(request, reply, 200, token);
  });

  app.post('/reset-password', routeOptions, async (request, reply) => {
    requireOwnPage(request);
    const token = field(request.body, 'token') ?? '';
    const password = field(request.body, 'password') ?? '';
    if (!token || token.length > 200) return resetForm(request, reply, 400, '', 'invalid_token');
    if (password.length < MIN_PASSWORD_LENGTH || password.length > 1000) return resetForm(request, reply, 400, token, 'too_short');
    try {
      await resetPassword(db, token, password, request.ip);
    } catch (error) {
      if (error instanceof KaikuError && error.code === 'invalid_reset_token') return resetForm(request, reply, 400, '', 'invalid_token');
      throw error;
    }
    const language = pageLanguage(request);
    const a = accountText(language);
    return send(request, reply, 200, a.reset.title, html`<h1>${a.reset.title}</h1>
<p class="notice" role="status">${a.reset.done}</p>
<p><a href="/login?lang=${language}">${a.reset.signIn}</a></p>`);
  });
}
