/**
 * The sign-in form. Works without JavaScript (a plain POST), and an error is announced:
 * an error summary with role="alert" that links to the field, the field marked
 * aria-invalid and described by the message (WCAG 3.3.1, 3.3.3).
 */
import { html, raw, type SafeHtml } from './html.ts';
import { plainPage } from './layout.ts';
import type { DashboardStrings } from '../i18n/dashboard.ts';
import type { UiLanguage } from '../i18n/index.ts';

export interface LoginView {
  language: UiLanguage;
  t: DashboardStrings;
  /** Where to go after signing in (already checked to be a dashboard path). */
  next?: string;
  email?: string;
  error?: 'invalid_credentials' | 'missing_fields';
  signedOut?: boolean;
  languageHref: (language: UiLanguage) => string;
}

export function loginPage(view: LoginView): SafeHtml {
  const t = view.t.signIn;
  const message = view.error === 'invalid_credentials' ? t.invalidCredentials : view.error === 'missing_fields' ? t.missingFields : undefined;
  const invalid = message ? raw(' aria-invalid="true" aria-describedby="login-error"') : '';
  const body = html`
<h1>${t.title}</h1>
<p class="lead">${t.intro}</p>
${view.signedOut ? html`<p class="notice" role="status">${t.signedOut}</p>` : ''}
${message ? html`<div class="error-summary" role="alert" aria-labelledby="error-heading">
  <h2 id="error-heading">${t.errorHeading}</h2>
  <p id="login-error" class="error-message"><a href="#email">${message}</a></p>
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
  <div><button class="button" type="submit">${t.submit}</button></div>
</form>`;
  return plainPage({ language: view.language, t: view.t, title: message ? `${t.errorHeading}: ${t.title}` : t.title, languageHref: view.languageHref, body });
}
