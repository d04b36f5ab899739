/**
 * The kiosk page: a full-screen shell rendered by the server with the survey in every one of
 * its languages as JSON, so language switches and answers work without a network; the script
 * (widget/kiosk.ts) draws the steps. Touch targets are at least 72 px; text and buttons meet
 * WCAG AA contrast (#1b1b1b on #fff, #fff on #0b4f9c).
 */
import { html, raw } from '../pages/html.ts';
import { languageNames } from '../i18n/index.ts';
import { collectionStringsFor } from '../i18n/collection.ts';
import type { Survey } from '../surveys/schema.ts';
import { pulseSurvey, type Collector } from './service.ts';
import type { Hex } from '../orgs/contrast.ts';
import type { PageTheme } from '../pages/survey-view.ts';

export const kioskCsp = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; worker-src 'self'; img-src 'self'; "
  + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const kioskCss = `
*,*::before,*::after{box-sizing:border-box}
html,body{height:100%;margin:0}
body{font:1.5rem/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff;-webkit-user-select:none;user-select:none;touch-action:manipulation}
main{min-height:100%;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:1.5rem;padding:1.5rem;text-align:center}
.languages{display:flex;gap:.5rem;position:fixed;top:1rem;right:1rem}
.languages button{min-width:72px;min-height:56px;font-size:1.125rem;background:#fff;color:#0b4f9c;border:2px solid #0b4f9c}
.languages button[aria-pressed=true]{background:#0b4f9c;color:#fff}
h1{font-size:2.25rem;margin:0;max-width:40ch}
.logo{display:block;max-width:min(80vw,20rem);max-height:6rem;width:auto;height:auto}
#pulse{width:100%;max-width:64rem;display:flex;flex-direction:column;align-items:center;gap:1rem}
.label{font-size:1.75rem;font-weight:600;margin:0}
.scale{display:flex;flex-wrap:wrap;justify-content:center;gap:.75rem;width:100%}
button{font:inherit;border-radius:.75rem;cursor:pointer;border:2px solid #0b4f9c;background:#0b4f9c;color:#fff}
.score{min-width:72px;min-height:88px;flex:1 1 72px;max-width:120px;font-size:2rem;font-weight:700}
.smiley{font-size:4rem;max-width:160px;min-height:120px;background:#fff;border-color:#5c5c5c}
button:focus-visible,textarea:focus-visible{outline:4px solid #1b1b1b;outline-offset:3px}
button:active{transform:scale(.96)}
.ends{font-size:1.125rem;color:#4a4a4a;margin:0}
textarea{width:100%;max-width:48rem;min-height:8rem;font:inherit;padding:.75rem;border:2px solid #5c5c5c;border-radius:.5rem;-webkit-user-select:text;user-select:text}
.send{min-width:12rem;min-height:72px;padding:0 2rem}
.note{color:#a4001d;margin:0;min-height:1.4em}
.contact{border:0;margin:0;padding:0;width:100%;max-width:48rem;display:flex;flex-direction:column;gap:.5rem;text-align:left}
.contact legend{font-size:1.75rem;font-weight:600;margin-bottom:.5rem}
.consent{display:flex;align-items:center;gap:.75rem;min-height:72px;font-weight:600}
.consent input{width:2.5rem;height:2.5rem;flex:none}
.contact input[type=email],.contact input[type=tel]{width:100%;min-height:64px;font:inherit;padding:.5rem .75rem;border:2px solid #5c5c5c;border-radius:.5rem;-webkit-user-select:text;user-select:text}
.contact input:focus-visible{outline:4px solid #1b1b1b;outline-offset:3px}
.thanks{font-size:2.5rem;font-weight:700;margin:2rem 0}
#status{font-size:1rem;color:#4a4a4a;position:fixed;bottom:1rem;left:1rem;margin:0}
@media (prefers-reduced-motion:reduce){button:active{transform:none}}
`;

/** The organisation's brand colour over kioskCss (src/orgs/theme.ts keeps it at 4.5:1 with white), served at /k/:key/theme.css. */
export function kioskThemeCss(color: Hex): string {
  return `button{border-color:${color};background:${color}}
.languages button{color:${color};border-color:${color};background:#fff}
.languages button[aria-pressed=true]{background:${color};color:#fff}
`;
}

/** JSON inside a script element: `<` escaped so no text can close the element. */
const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function renderKiosk(collector: Collector, survey: Survey, language: string, theme?: PageTheme): string {
  const languages = Object.fromEntries(survey.languages.map((l) => [l, {
    name: languageNames[l] ?? l, survey: pulseSurvey(survey, l, true), pending: collectionStringsFor(l).pending,
  }]));
  const data = { key: collector.publicKey, defaultLanguage: language, resetSeconds: collector.resetSeconds, idleSeconds: collector.idleSeconds, languages };
  const title = languages[language].survey.title || collectionStringsFor(language).kioskTitle;
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/k/kiosk.css">
${theme?.stylesheet ? html`<link rel="stylesheet" href="${theme.stylesheet}">` : ''}
<script src="/k/kiosk.js" defer></script>
</head>
<body>
<main>
${theme?.logo ? html`<img class="logo" src="${theme.logo}" alt="${theme.orgName}">` : ''}
<div id="languages" class="languages" role="group" aria-label="${collectionStringsFor(language).language}"></div>
<h1 id="title">${title}</h1>
<div id="pulse" aria-live="polite"></div>
<p id="status" role="status"></p>
</main>
<script type="application/json" id="kiosk-data">${raw(jsonForScript(data))}</script>
</body>
</html>
`.value;
}
