/**
 * The sign-in form. Works without JavaScript (a plain POST), and an error is announced:
 * an error summary with role="alert" that links to the field, the field marked
 * aria-invalid and described by the message (WCAG 3.3.1, 3.3.3).
 */
import { html, raw, type SafeHtml } from './html.ts';
import { plainPage } from './layout.ts';
import type { DashboardStrings } from '../i18n/dashboard.ts';
import type { UiLanguage } from '../i18n/index.ts';
import { accountText } from '../i18n/account.ts';

export interface LoginView {
  language: UiLanguage;
  t: DashboardStrings;
  /** Where to go after signing in (already checked to be a dashboard path). */
  next?: string;
  email?: string;
  error?: 'invalid_credentials' | 'missing_fields' | 'too_many_attempts' | 'totp_required' | 'invalid_totp';
  /** Minutes until a locked sign-in may be tried again (too_many_attempts). */
  retryMinutes?: number;
  signedOut?: boolean;
  languageHref: (language: UiLanguage) => string;
}

export function loginPage(view: LoginView): SafeHtml {
  const t = view.t.signIn;
  const a = accountText(view.language);
  const messages = {
    invalid_credentials: t.invalidCredentials, missing_fields: t.missingFields, too_many_attempts: a.tooManyAttempts(view.retryMinutes ?? 1),
    totp_required: a.totpRequired, invalid_totp: a.invalidTotp,
  };
  const message = view.error ? messages[view.error] : undefined;
  // A second factor is asked for once the password was right; the password is typed again with it.
  const askCode = view.error === 'totp_required' || view.error === 'invalid_totp';
  const invalid = message && !askCode ? raw(' aria-invalid="true" aria-describedby="login-error"') : '';
  const body = html`
<h1>${t.title}</h1>
<p class="lead">${t.intro}</p>
${view.signedOut ? html`<p class="notice" role="status">${t.signedOut}</p>` : ''}
${message ? html`<div class="error-summary" role="alert" aria-labelledby="error-heading">
  <h2 id="error-heading">${t.errorHeading}</h2>
  <p id="login-error" class="error-message"><a href="#${askCode ? 'totpCode' : 'email'}">${message}</a></p>
</div>` : ''}
<form class="login-form" method="post" action="/login" novalidate>
  <input type="hidden" name="lang" value="${view.language}">
  ${view.next ? html`<input type="hidden" name="next" value="${view.next}">` : ''}
  <div class="field">
    <label for="email">${t.email}</label>
    <input id="email" name="email" type="email" autocomplete="username" required value="${view.email ?? ''}"${invalid}>
  </div>
  <div class="field">
    <label for="password">${t.password}</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>
  </div>
  ${askCode ? html`<div class="field">
    <label for="totpCode">${a.totpLabel}</label>
    <p class="muted" id="totp-hint">${a.totpHint}</p>
    <input id="totpCode" name="totpCode" type="text" inputmode="numeric" autocomplete="one-time-code" required aria-describedby="totp-hint${view.error === 'invalid_totp' ? ' login-error' : ''}"${view.error === 'invalid_totp' ? raw(' aria-invalid="true"') : ''}>
  </div>` : ''}
  <div><button class="button" type="submit">${t.submit}</button></div>
</form>
<p><a href="/forgot-password?lang=${view.language}">${a.forgotLink}</a></p>`;
  return plainPage({ language: view.language, t: view.t, title: message ? `${t.errorHeading}: ${t.title}` : t.title, languageHref: view.languageHref, body });
}
