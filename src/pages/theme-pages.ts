/**
 * The organisation's theme in the browser (org:manage), linked from the organisation settings
 * page and the set-up index: /app/setup/organisation/theme shows a preview of the saved theme
 * (its own small stylesheet and the logo, since the app's pages allow no inline styles) and one
 * multipart form for the brand colour and a logo; "Remove logo" and "Use Kaiku's own colour"
 * are forms of their own. A colour below 4.5:1 (src/orgs/theme.ts) or a logo too large or of
 * another type re-renders the form with the field named, and nothing is stored.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { formatRatio, parseHex, type Hex } from '../orgs/contrast.ts';
import { brandColorProblem, getTheme, KAIKU_BLUE, LOGO_MAX_BYTES, LOGO_MAX_KILOBYTES, logoTypeOf, saveTheme, themeLogo, type LogoType, type ThemeChange } from '../orgs/theme.ts';
import { themeText, type ThemeStrings } from '../i18n/theme.ts';
import { orgSettingsText } from '../i18n/org-settings.ts';
import { html } from './html.ts';
import { errorSummary, inputField, notice, one, page, type Errors, type OpenPage } from './page-kit.ts';
import { logoCsp } from './theme-assets.ts';

export const THEME = '/app/setup/organisation/theme';

/** The preview's styles: the saved colour (or Kaiku's blue) on the sample, as the respondent pages use it. */
export function previewCss(color: Hex): string {
  return `.theme-preview{border:1px solid #5c5c5c;border-radius:.5rem;padding:1rem;background:#fff;max-width:36rem}
.theme-preview .logo{display:block;max-width:14rem;max-height:4rem;width:auto;height:auto;margin:0 0 1rem}
.theme-preview .sample-link{color:${color};text-decoration:underline}
.theme-preview .sample-button{display:inline-block;min-height:44px;padding:.625rem 1.5rem;font-weight:700;color:#fff;background:${color};border:2px solid ${color};border-radius:.375rem}
`;
}

function lowContrastMessage(s: ThemeStrings, color: Hex): string | undefined {
  const problem = brandColorProblem(color);
  return problem ? s.lowContrast(color, problem.against, formatRatio(problem.ratio), problem.shade) : undefined;
}

export async function themePageRoutes(app: FastifyInstance) {
  const { db } = app.deps;

  async function themePage(p: OpenPage, state: { errors?: Errors; color?: string; message?: string } = {}, status = 200) {
    const s = themeText(p.language);
    const theme = await getTheme(db, p.auth.orgId);
    const errors = state.errors ?? new Map();
    const setup = orgSettingsText(p.language).org;
    return p.send('setup', s.title, html`<nav aria-label="${p.w.setup.title}"><p><a href="/app/setup">${p.w.setup.title}</a> › <a href="/app/setup/organisation">${setup.title}</a></p></nav>
<h1>${s.title}</h1><p class="lead">${s.intro}</p>
${notice(state.message)}${errorSummary(p.w, errors)}
<section class="panel" aria-labelledby="preview-heading"><h2 id="preview-heading">${s.previewHeading}</h2><p>${s.previewIntro}</p>
<link rel="stylesheet" href="${THEME}/preview.css?v=${theme.version}">
<div class="theme-preview" id="theme-preview">
${theme.logoType ? html`<img class="logo" src="${THEME}/logo?v=${theme.version}" alt="${theme.orgName}">` : html`<p>${s.noLogo}</p>`}
<p>${s.sampleText} <span class="sample-link">${s.sampleLink}</span></p>
<p><span class="sample-button">${s.sampleButton}</span></p>
</div>
${theme.logoType ? html`<form method="post" action="${THEME}/remove-logo"><button class="button secondary" type="submit">${s.removeLogo}</button></form>` : ''}
${theme.brandColor ? html`<form method="post" action="${THEME}/reset-colour"><button class="button secondary" type="submit">${s.resetColor}</button></form>` : ''}
</section>
<section class="panel" aria-labelledby="theme-form-heading"><h2 id="theme-form-heading">${s.formHeading}</h2>
<form method="post" action="${THEME}" enctype="multipart/form-data" class="form-grid" novalidate>
${inputField('brandColor', s.brandColor, state.color ?? theme.brandColor ?? KAIKU_BLUE, errors, { type: 'color', hint: s.brandColorHint })}
${inputField('logo', s.logo, undefined, errors, { type: 'file', hint: s.logoHint(LOGO_MAX_KILOBYTES), attrs: 'accept="image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg"' })}
<div><button class="button" type="submit">${s.save}</button></div></form></section>`, status);
  }

  page(app, 'GET', THEME, 'org:manage', async (request, _reply, p) => {
    const s = themeText(p.language);
    const done = one(request.query, 'saved');
    return themePage(p, { message: done === 'theme' ? s.saved : done === 'logo' ? s.logoRemoved : done === 'colour' ? s.colorReset : undefined });
  });

  page(app, 'GET', `${THEME}/preview.css`, 'org:manage', async (_request, reply, p) => {
    const theme = await getTheme(db, p.auth.orgId);
    return reply.header('cache-control', 'no-store').type('text/css; charset=utf-8').send(previewCss(theme.brandColor ?? KAIKU_BLUE));
  });

  page(app, 'GET', `${THEME}/logo`, 'org:manage', async (_request, reply, p) => {
    const logo = await themeLogo(db, p.auth.orgId);
    if (!logo) return reply.status(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('No logo');
    return reply.header('cache-control', 'no-store').header('content-security-policy', logoCsp).type(logo.type).send(logo.content);
  });

  const actor = (p: OpenPage) => ({ userId: p.auth.userId, apiKeyId: p.auth.apiKeyId });

  page(app, 'POST', `${THEME}/remove-logo`, 'org:manage', async (request, reply, p) => {
    await saveTheme(db, p.auth.orgId, actor(p), { logo: null }, request.ip);
    return reply.redirect(`${THEME}?saved=logo`, 303);
  });

  page(app, 'POST', `${THEME}/reset-colour`, 'org:manage', async (request, reply, p) => {
    await saveTheme(db, p.auth.orgId, actor(p), { brandColor: null }, request.ip);
    return reply.redirect(`${THEME}?saved=colour`, 303);
  });

  // Multipart bodies are parsed on the theme form's route only.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: LOGO_MAX_BYTES, files: 1, fields: 4, parts: 5 } });
    page(scope, 'POST', THEME, 'org:manage', async (request, reply, p) => {
      const s = themeText(p.language);
      const errors: Errors = new Map();
      const fields: Record<string, string> = {};
      let logo: { content: Buffer; type: LogoType } | undefined;
      let status = 400;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            const content = await part.toBuffer();
            if (part.filename === '' && content.length === 0) continue; // no file chosen: the logo stays
            const type = content.length === 0 ? undefined : logoTypeOf(content);
            if (content.length === 0) errors.set('logo', s.logoEmpty);
            else if (!type) errors.set('logo', s.logoWrongType);
            else logo = { content, type };
          } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        }
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') {
          errors.set('logo', s.logoTooLarge(LOGO_MAX_KILOBYTES));
          status = 413;
        } else if (code !== 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw error; // not a multipart form: nothing sent, said below
      }
      const color = parseHex(fields.brandColor);
      if (!color) errors.set('brandColor', s.badColor);
      else {
        const low = lowContrastMessage(s, color);
        if (low) errors.set('brandColor', low);
      }
      // Fields in the order of the form, so the summary lists them as they stand.
      if (errors.size > 0) {
        const ordered: Errors = new Map([...errors].sort(([a], [b]) => (a === 'brandColor' ? -1 : b === 'brandColor' ? 1 : 0)));
        return themePage(p, { errors: ordered, color }, errors.has('logo') ? status : 400);
      }
      const change: ThemeChange = { brandColor: color === KAIKU_BLUE ? null : color };
      if (logo) change.logo = logo;
      await saveTheme(db, p.auth.orgId, actor(p), change, request.ip);
      return reply.redirect(`${THEME}?saved=theme`, 303);
    });
  });
}
