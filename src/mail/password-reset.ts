/** The password-reset e-mail in the user's language: a subject, an HTML part and a text part. */
import { html } from '../pages/html.ts';
import { accountText } from '../i18n/account.ts';
import type { RenderedMail } from './templates.ts';
import type { UiLanguage } from '../i18n/index.ts';

export function passwordResetEmail(language: UiLanguage, link: string, validMinutes: number): RenderedMail {
  const t = accountText(language).mail;
  return {
    subject: t.subject,
    html: html`<!doctype html><html lang="${language}"><body style="font-family: sans-serif; color: #1a1a1a">
<p>${t.greeting}</p>
<p>${t.body(validMinutes)}</p>
<p><a href="${link}" style="color: #0b5394; font-weight: bold">${t.action}</a></p>
<p style="color: #4a4a4a">${t.ignore}</p>
</body></html>`.toString(),
    text: `${t.greeting}\n\n${t.body(validMinutes)}\n\n${t.action}: ${link}\n\n${t.ignore}\n`,
  };
}
