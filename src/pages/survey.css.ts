/**
 * Styles and the progressive-enhancement script of the respondent pages, inlined into each
 * page (one request, nothing to cache-bust) and allowed by the Content-Security-Policy through
 * their SHA-256 hashes, so no other inline script or style can run.
 *
 * Colours meet WCAG 2.1 AA: text #1b1b1b and links/buttons #0b4f9c on white (≥ 8:1), errors
 * #a4001d (≥ 7:1), control borders #5c5c5c (≥ 6:1 against white, above the 3:1 for UI parts).
 * Every control is at least 44 × 44 px; focus is a 3 px outline that never relies on colour
 * alone; layouts wrap down to 320 px.
 */
import { createHash } from 'node:crypto';
import { honeypotCss } from '../http/bot-guard.ts';
import { darken, type Hex } from '../orgs/contrast.ts';

export const surveyCss = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1b1b1b;background:#eef0f3}
main{max-width:44rem;margin:0 auto;padding:.75rem}
.card{background:#fff;border-radius:.5rem;padding:1rem;box-shadow:0 1px 2px rgba(0,0,0,.12)}
@media (min-width:30rem){main{padding:1.5rem 1rem}.card{padding:1.5rem 1.75rem}}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .75rem;overflow-wrap:anywhere}
h2{font-size:1.125rem;margin:0 0 .5rem}
p{margin:0 0 1rem;overflow-wrap:anywhere}
a{color:#0b4f9c}
a:focus-visible,button:focus-visible,textarea:focus-visible,.error-summary:focus{outline:3px solid #1b1b1b;outline-offset:3px}
.logo{display:block;max-width:min(100%,14rem);max-height:4rem;width:auto;height:auto;margin:0 0 1rem}
.intro{white-space:pre-line}
.note{color:#4a4a4a;font-size:.9375rem}
nav.lang{margin:0 0 .5rem}
nav.lang ul{list-style:none;display:flex;flex-wrap:wrap;justify-content:flex-end;gap:.25rem;margin:0;padding:0}
nav.lang a{display:inline-flex;align-items:center;justify-content:center;min-height:44px;min-width:44px;padding:0 .625rem;border:2px solid transparent;border-radius:.25rem}
nav.lang a[aria-current]{font-weight:700;text-decoration:none;border-color:#0b4f9c}
.question{margin:0 0 1.75rem;padding:0}
.question.invalid{border-left:4px solid #a4001d;padding-left:.75rem}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend,.qlabel{display:block;font-weight:600;font-size:1.125rem;line-height:1.35;padding:0;margin:0 0 .5rem;overflow-wrap:anywhere}
.req{font-weight:400;color:#4a4a4a;white-space:nowrap}
.help,.cond,.hint{display:block;color:#4a4a4a;font-size:.9375rem;margin:0 0 .5rem}
.js .cond{display:none}
.field-error{display:block;color:#a4001d;font-weight:700;margin:0 0 .5rem}
.ends{display:flex;justify-content:space-between;gap:1rem;font-size:.9375rem;color:#4a4a4a;margin:0 0 .375rem}
.ends span:last-child{text-align:right}
.scale{display:grid;grid-template-columns:repeat(auto-fill,minmax(44px,1fr));gap:.375rem;margin:0;padding:0}
.tile{position:relative;display:block;min-height:44px}
.tile input{position:absolute;inset:0;width:100%;height:100%;margin:0;opacity:0;cursor:pointer}
.tile span{display:flex;align-items:center;justify-content:center;min-height:44px;height:100%;border:2px solid #5c5c5c;border-radius:.375rem;font-weight:600;background:#fff;font-variant-numeric:tabular-nums}
.tile input:checked+span{background:#0b4f9c;border-color:#0b4f9c;color:#fff;text-decoration:underline;text-underline-offset:.2em}
.tile input:focus-visible+span{outline:3px solid #1b1b1b;outline-offset:3px}
.tile input:hover+span{border-color:#0b4f9c}
.options{display:grid;gap:.375rem}
.option{display:flex;align-items:center;gap:.75rem;min-height:44px;padding:.375rem .625rem;border:1px solid #8a8a8a;border-radius:.375rem;cursor:pointer;overflow-wrap:anywhere}
.option input{flex:none;width:1.5rem;height:1.5rem;margin:0;accent-color:#0b4f9c}
.option input:focus-visible{outline:3px solid #1b1b1b;outline-offset:3px}
.dk{margin-top:.75rem;padding-top:.75rem;border-top:2px dashed #8a8a8a}
textarea{display:block;width:100%;min-height:7rem;padding:.5rem .625rem;font:inherit;color:inherit;border:2px solid #5c5c5c;border-radius:.375rem;resize:vertical}
textarea[aria-invalid=true]{border-color:#a4001d;border-width:3px}
.contact-field{margin:.75rem 0 0}
.contact-field input{display:block;width:100%;min-height:44px;padding:.5rem .625rem;font:inherit;color:inherit;border:2px solid #5c5c5c;border-radius:.375rem}
.contact-field input:focus-visible{outline:3px solid #1b1b1b;outline-offset:3px}
.contact-field input[aria-invalid=true]{border-color:#a4001d;border-width:3px}
button{display:block;width:100%;min-height:48px;padding:.75rem 1.5rem;font:inherit;font-weight:700;color:#fff;background:#0b4f9c;border:2px solid #0b4f9c;border-radius:.375rem;cursor:pointer}
button:hover{background:#083a73}
@media (min-width:30rem){button{width:auto}}
.error-summary{border:3px solid #a4001d;border-radius:.375rem;padding:1rem;margin:0 0 1.5rem}
.error-summary ul{margin:0;padding-left:1.25rem}
.error-summary a{color:#a4001d;font-weight:700}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
@media (forced-colors:active){.tile input:checked+span{border-width:4px}}
${honeypotCss}
`.trim();

/**
 * Hides a conditional question until its condition holds and moves focus to the error
 * summary. The form works the same without it: the server drops answers to questions whose
 * condition is not met. Conditions are read from `data-show-if` (the survey's own rule).
 */
export const surveyScript = `
(function(){var d=document;d.documentElement.className+=' js';var f=d.getElementById('survey');
var s=d.getElementById('error-summary');if(s)s.focus();if(!f||!window.FormData)return;
var qs=f.querySelectorAll('[data-q]');
function holds(c,v){if(c.op==='answered')return v.length>0;if(!v.length)return false;var e=c.value;
switch(c.op){case'eq':return v.some(function(x){return x===e});case'neq':return v.every(function(x){return x!==e});
case'lte':return v.some(function(x){return typeof x==='number'&&x<=e});case'gte':return v.some(function(x){return typeof x==='number'&&x>=e});
case'in':return v.some(function(x){return e.indexOf(x)>=0})}return true}
function update(){var fd=new FormData(f),off={};for(var i=0;i<qs.length;i++){var q=qs[i],c=q.getAttribute('data-show-if'),show=true;
if(c){c=JSON.parse(c);var v=off[c.question]?[]:fd.getAll(c.question).map(function(x){return String(x).trim()}).filter(function(x){return x!==''&&x!=='dk'});
if(c.numeric)v=v.map(Number);show=holds(c,v)}q.hidden=!show;if(!show)off[q.getAttribute('data-q')]=1}}
f.addEventListener('change',update);f.addEventListener('input',update);update()})();
`.trim();

/**
 * The organisation's theme over the styles above (src/orgs/theme.ts): its brand colour where
 * the pages use Kaiku's blue. Served as a stylesheet of its own (src/pages/theme-assets.ts),
 * so the page's policy keeps inline styles to the one hashed above. The colour has at least
 * 4.5:1 against white and the page background; the hover shade is darker still.
 */
export function surveyThemeCss(color: Hex): string {
  const hover = darken(color, 0.75);
  return `a{color:${color}}
nav.lang a[aria-current]{border-color:${color}}
.tile input:checked+span{background:${color};border-color:${color}}
.tile input:hover+span{border-color:${color}}
.option input{accent-color:${color}}
button{background:${color};border-color:${color}}
button:hover{background:${hover}}
`;
}

/** A CSP source allowing exactly this inline script or style. */
export const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Nothing loads from elsewhere (the organisation's theme stylesheet and logo come from Kaiku
 * itself: 'self'); forms post only to this origin; the page cannot be framed
 * (a personal answer link must not be clickjacked; websites embed Kaiku through the widget,
 * not by framing these pages).
 */
export const surveyCsp = [
  "default-src 'none'",
  `style-src 'self' ${sha256(surveyCss)}`,
  `script-src ${sha256(surveyScript)}`,
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
