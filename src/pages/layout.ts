/**
 * The document frame of Kaiku's browser pages: the bare page (sign-in) and the app shell of
 * signed-in pages (banner, navigation, language switch, sign-out, main landmark). New
 * dashboard pages add an entry to `navigation` and render their content into `appShell`.
 *
 * No inline styles or scripts: the stylesheet is served from `stylesheetPath`, so the
 * pages run under `default-src 'none'; style-src 'self'`.
 */
import { html, raw, type SafeHtml } from './html.ts';
import { languageNames, uiLanguages, type UiLanguage } from '../i18n/index.ts';
import type { DashboardStrings } from '../i18n/dashboard.ts';
import { npsBandColours } from './charts.ts';
import { workStyles } from './work.css.ts';
import { journeyPageStyles } from './journey-pages.css.ts';
import { surveyBuilderStyles } from './survey-builder.css.ts';
import { notificationStyles } from './notification-pages.css.ts';
import { kpiTilesCss } from './kpi-tiles.css.ts';
import { boardReportPageStyles } from './board-report-pages.css.ts';
import { notificationsText } from '../i18n/notifications.ts';
import { orgSettingsText } from '../i18n/org-settings.ts';
import type { Permission } from '../auth/permissions.ts';

export const stylesheetPath = '/assets/kaiku.css';

/** Dashboard pages, in navigation order; an entry with a permission shows to those who have it (when the page passes `can`). */
export const navigation = [
  { id: 'overview', path: '/app', label: (t: DashboardStrings) => t.nav.overview },
  { id: 'journeys', path: '/app/journeys', label: (t: DashboardStrings) => t.nav.journeys },
  { id: 'feedback', path: '/app/feedback', label: (t: DashboardStrings) => t.nav.feedback },
  { id: 'praise', path: '/app/praise', label: (t: DashboardStrings) => t.nav.praise, permission: 'cases:read' },
  { id: 'drivers', path: '/app/drivers', label: (t: DashboardStrings) => t.nav.drivers, permission: 'metrics:read' },
  { id: 'text', path: '/app/text', label: (t: DashboardStrings) => t.nav.text, permission: 'metrics:read' },
  { id: 'segments', path: '/app/segments', label: (t: DashboardStrings) => t.nav.segments, permission: 'metrics:read' },
  { id: 'benchmarks', path: '/app/benchmarks', label: (t: DashboardStrings) => t.nav.benchmarks, permission: 'metrics:read' },
  { id: 'churn', path: '/app/churn', label: (t: DashboardStrings) => t.nav.churn, permission: 'churn:read' },
  { id: 'contacts', path: '/app/contacts', label: (t: DashboardStrings) => t.nav.contacts, permission: 'contacts:read' },
  { id: 'cases', path: '/app/cases', label: (t: DashboardStrings) => t.nav.cases, permission: 'cases:read' },
  { id: 'actions', path: '/app/actions', label: (t: DashboardStrings) => t.nav.actions, permission: 'actions:read' },
  { id: 'reports', path: '/app/reports/board', label: (t: DashboardStrings) => t.nav.reports, permission: 'reports:read' },
  { id: 'setup', path: '/app/setup', label: (t: DashboardStrings) => t.nav.setup, permission: 'distribution:read' },
] as const;
/** The notifications page has no menu entry: the bell in the banner is the way in. */
export type PageId = (typeof navigation)[number]['id'] | 'notifications' | 'account';

interface DocumentInput {
  language: UiLanguage;
  t: DashboardStrings;
  title: string;
  /** URL of this page in another language (keeps the query, swaps `lang`). */
  languageHref: (language: UiLanguage) => string;
  body: SafeHtml;
  bodyClass?: string;
}

function languageSwitch(input: Pick<DocumentInput, 'language' | 't' | 'languageHref'>): SafeHtml {
  return html`<nav class="languages" aria-label="${input.t.language}"><ul>${uiLanguages.map((l) => html`
    <li><a href="${input.languageHref(l)}" hreflang="${l}" lang="${l}"${l === input.language ? raw(' aria-current="true"') : ''}>${languageNames[l]}</a></li>`)}
  </ul></nav>`;
}

function documentOf(input: DocumentInput, inner: SafeHtml): SafeHtml {
  return html`<!doctype html>
<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title} – ${input.t.appName}</title>
<link rel="stylesheet" href="${stylesheetPath}">
</head>
<body class="${input.bodyClass ?? ''}">
<a class="skip-link" href="#main">${input.t.skipToContent}</a>
${inner}
</body>
</html>`;
}

/** A page outside the app (sign-in): banner with the language switch, then main. */
export function plainPage(input: DocumentInput): SafeHtml {
  return documentOf({ ...input, bodyClass: input.bodyClass ?? 'plain' }, html`
<header class="banner" role="banner">
  <span class="brand">${input.t.appName}</span>
  ${languageSwitch(input)}
</header>
<main id="main" tabindex="-1">
${input.body}
</main>`);
}

/**
 * The bell: a link to the notifications page whose name says the unread count in words (the
 * icon and the badge are hidden from assistive technology, which reads the words instead).
 */
function bell(language: UiLanguage, unread: number, current: boolean): SafeHtml {
  return html`<a class="bell" href="/app/notifications"${current ? raw(' aria-current="page"') : ''}><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 2.5a1.5 1.5 0 0 0-1.5 1.5v.7A6 6 0 0 0 6 10.5v4.2l-2 2.6V19h16v-1.7l-2-2.6v-4.2a6 6 0 0 0-4.5-5.8V4A1.5 1.5 0 0 0 12 2.5zM9.5 20a2.5 2.5 0 0 0 5 0z"/></svg><span class="visually-hidden">${notificationsText(language).bell(unread)}</span>${unread > 0 ? html`<span class="bell-badge" aria-hidden="true">${unread > 99 ? '99+' : String(unread)}</span>` : ''}</a>`;
}

/** A signed-in page: banner with user, notification bell (given the caller's unread count) and sign-out, main navigation, then main. */
export function appShell(input: DocumentInput & { current: PageId; userName: string; organizationName: string; can?: (permission: Permission) => boolean; unread?: number }): SafeHtml {
  const t = input.t;
  return documentOf(input, html`
<header class="banner" role="banner">
  <a class="brand" href="/app">${t.appName}</a>
  <span class="org">${input.organizationName}</span>
  <nav class="main-nav" aria-label="${t.mainNavigation}"><ul>${navigation.filter((item) => !('permission' in item) || !input.can || input.can(item.permission)).map((item) => html`
    <li><a href="${item.path}"${item.id === input.current ? raw(' aria-current="page"') : ''}>${item.label(t)}</a></li>`)}
  </ul></nav>
  ${languageSwitch(input)}
  <div class="user">
    ${input.unread === undefined ? '' : bell(input.language, input.unread, input.current === 'notifications')}
    <span>${t.signedInAs(input.userName)}</span>
    <a href="/app/account"${input.current === 'account' ? raw(' aria-current="page"') : ''}>${orgSettingsText(input.language).account.link}</a>
    <form method="post" action="/logout"><button type="submit" class="link-button">${t.signIn.signOut}</button></form>
  </div>
</header>
<main id="main" tabindex="-1">
${input.body}
</main>`);
}

/**
 * One stylesheet for the pages. Text #1a1a1a on white (16.1:1) and on every NPS band
 * colour (>7:1); links #0b5394 (7.6:1); focus is a thick dark outline with a yellow halo,
 * visible on any background (WCAG 2.4.7).
 */
export const stylesheet = `
*, *::before, *::after { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; font-size: 100%; line-height: 1.5; color: #1a1a1a; background: #ffffff; }
body { margin: 0; }
a { color: #0b5394; }
a:hover { color: #073763; }
:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; box-shadow: 0 0 0 6px #ffd43b; }
main:focus { outline: none; }
.skip-link { position: absolute; left: 0.5rem; top: -4rem; background: #ffffff; padding: 0.5rem 1rem; z-index: 10; }
.skip-link:focus { top: 0.5rem; }
.banner { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; padding: 0.75rem 1.5rem; background: #12355b; color: #ffffff; }
.banner a { color: #ffffff; }
.banner :focus-visible { outline-color: #ffffff; box-shadow: 0 0 0 6px #ffd43b; }
.brand { font-weight: 700; font-size: 1.25rem; text-decoration: none; }
.org { opacity: 0.9; }
.banner ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; margin: 0; padding: 0; }
.banner [aria-current] { font-weight: 700; text-underline-offset: 0.3em; text-decoration-thickness: 2px; }
.languages { margin-left: auto; }
.user { display: flex; align-items: center; gap: 0.75rem; }
.user form { margin: 0; }
.link-button { background: none; border: 1px solid #ffffff; color: #ffffff; padding: 0.25rem 0.75rem; border-radius: 4px; font: inherit; cursor: pointer; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.75rem; margin: 0.5rem 0 0.5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.5rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
.lead { margin-top: 0; max-width: 48rem; }
.muted { color: #4a4a4a; }
form.filters { display: flex; flex-wrap: wrap; gap: 0.75rem 1rem; align-items: flex-end; padding: 1rem; border: 1px solid #8a8a8a; border-radius: 6px; margin: 1rem 0; }
form.filters h2 { margin: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.field { display: flex; flex-direction: column; gap: 0.25rem; }
label { font-weight: 600; }
input, select, button { font: inherit; }
input, select { padding: 0.4rem 0.5rem; border: 2px solid #5a5a5a; border-radius: 4px; background: #ffffff; color: #1a1a1a; min-height: 2.5rem; }
input[aria-invalid="true"] { border-color: #b00020; }
.button { background: #12355b; color: #ffffff; border: 2px solid #12355b; border-radius: 4px; padding: 0.45rem 1.1rem; cursor: pointer; min-height: 2.5rem; }
.button:hover { background: #0b2340; }
.error-summary { border: 3px solid #b00020; padding: 0.75rem 1rem; margin: 1rem 0; border-radius: 4px; }
.error-summary h2 { margin: 0 0 0.25rem; font-size: 1.1rem; }
.error-message { color: #b00020; font-weight: 600; margin: 0; }
.notice { border-left: 4px solid #0b5394; padding: 0.5rem 1rem; background: #eef4fa; }
.plain main { max-width: 28rem; }
.login-form { display: flex; flex-direction: column; gap: 1rem; }
.table-scroll { overflow-x: auto; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #b0b0b0; vertical-align: top; }
thead th { border-bottom: 2px solid #1a1a1a; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.stage-row th, tr.stage-row td { background: #f2f2f2; font-weight: 600; }
tr.touchpoint-row th { padding-left: 1.75rem; font-weight: 400; }
.nps-cell { display: inline-block; min-width: 6.5rem; padding: 0.1rem 0.5rem; border-radius: 4px; text-align: right; }
.nps-cell .band { font-size: 0.85em; }
${Object.entries(npsBandColours).map(([band, colour]) => `.band-${band} { background: ${colour}; }`).join('\n')}
.journey { border-top: 2px solid #12355b; margin-top: 2rem; }
.stage-strip { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; margin: 0.5rem 0 1rem; counter-reset: stage; }
.stage-strip li { flex: 1 1 10rem; border: 1px solid #8a8a8a; border-radius: 6px; padding: 0.5rem 0.75rem; }
.stage-strip .phase { display: block; font-size: 0.85rem; color: #4a4a4a; }
.stage-strip .stage-name { display: block; font-weight: 600; }
.stage-strip .channels { display: block; font-size: 0.85rem; }
.chart { width: 100%; height: auto; max-width: 56rem; display: block; }
.legend { font-size: 0.9rem; }
.empty { border: 2px dashed #8a8a8a; border-radius: 6px; padding: 1rem 1.5rem; }
.downloads { font-size: 0.9rem; margin: 0.25rem 0 1rem; }
.chart-figure { margin: 0.5rem 0; }
dl.figures { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; margin: 0.5rem 0 1rem; }
dl.figures dt { font-weight: 600; }
dl.figures dd { margin: 0; }
ul.verbatims { list-style: none; padding: 0; }
ul.verbatims blockquote { margin: 0; padding: 0.5rem 0.75rem; border-left: 4px solid #0b5394; background: #f6f8fa; }
ul.verbatims figure { margin: 0 0 1rem; }
${workStyles}
${journeyPageStyles}
${surveyBuilderStyles}
${notificationStyles}
${kpiTilesCss}
${boardReportPageStyles}
@media (max-width: 40rem) { main { padding: 1rem; } .languages { margin-left: 0; } }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
`;
