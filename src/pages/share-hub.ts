/**
 * A survey's distribution hub (/app/setup/surveys/:id/share), where saving and publishing in the
 * builder lead: the open link of each touchpoint (its channel in brackets) in a readonly field to
 * copy, its QR code as SVG or PNG and an A4 poster to print with the survey's title and first
 * question in each of its languages, and the way on to sending invitations. The links and codes
 * come from the collection engine (src/collection/qr.ts); the poster is a page of its own with
 * print styles, no script.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { drawQr } from '../collection/qr.ts';
import { widgetSnippet } from '../collection/routes.ts';
import { createCollector, listCollectors, type Collector, type Trigger } from '../collection/service.ts';
import { KaikuError } from '../errors.ts';
import { hubText, type HubStrings } from '../i18n/hub.ts';
import { languageNames } from '../i18n/index.ts';
import { getSurvey, touchpointChoices } from '../surveys/service.ts';
import type { Survey } from '../surveys/schema.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { errorSummary, inputField, intField, notice, one, page, selectField, textareaField, UUID, uuidParam, type Errors, type OpenPage } from './page-kit.ts';

const LIST = '/app/setup/surveys';
const hubPath = (id: string) => `${LIST}/${id}/share`;
const posterCssPath = '/app/setup/share-poster.css';
const permission = 'collectors:manage' as const;

type Touchpoint = { id: string; name: string };
interface Target { tp: Touchpoint | null; url: string; query: string }

/** The touchpoint of `?tp=` (undefined when absent, null when it is not one of the organisation's). */
function chosenTouchpoint(request: FastifyRequest, touchpoints: Touchpoint[]): Touchpoint | null | undefined {
  const tp = one(request.query, 'tp');
  if (tp === undefined) return undefined;
  return (UUID.test(tp) && touchpoints.find((t) => t.id === tp.toLowerCase())) || null;
}

const target = (publicUrl: string, survey: Survey, tp: Touchpoint | null): Target => ({
  tp, url: `${publicUrl}/s/${survey.id}${tp ? `?tp=${tp.id}` : ''}`, query: tp ? `?tp=${tp.id}` : '',
});

function linkBlock(s: HubStrings, survey: Survey, t: Target, i: number) {
  const where = t.tp?.name ?? s.general;
  const base = hubPath(survey.id);
  return html`<section class="card share-link" aria-labelledby="link-${i}-heading"><h3 id="link-${i}-heading">${where}</h3>
<div class="field"><label for="link-${i}">${s.linkLabel(where)}</label>
<input id="link-${i}" class="share-url" type="text" readonly value="${t.url}" data-copy-label="${s.copy}" data-copied="${s.copied}"></div>
<div class="share-qr"><img src="${base}/qr.svg${t.query}" alt="${s.qrAlt(where)}" width="160" height="160">
<ul class="share-downloads">
<li><a href="${base}/qr.svg${t.query}" download="qr-${t.tp?.id ?? survey.id}.svg">${s.svg}</a></li>
<li><a href="${base}/qr.png${t.query}" download="qr-${t.tp?.id ?? survey.id}.png">${s.png}</a></li>
<li><a href="${base}/poster${t.query}">${s.poster}</a></li></ul></div></section>`;
}

export async function shareHubRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;

  const load = async (request: FastifyRequest<{ Params: { id: string } }>, p: OpenPage) => {
    const survey = await getSurvey(db, p.auth.orgId, uuidParam(request.params.id, 'Survey'));
    const touchpoints = await touchpointChoices(db, p.auth.orgId);
    const chosen = chosenTouchpoint(request, touchpoints);
    return { survey, touchpoints, chosen };
  };

  type Form = Record<string, string | undefined>;
  const render = async (request: FastifyRequest<{ Params: { id: string } }>, p: OpenPage, widgetErrors: Errors = new Map(), form: Form = {}) => {
    const s = hubText(p.language);
    const { survey, touchpoints, chosen } = await load(request, p);
    const errors: Errors = new Map();
    const widgets = (await listCollectors(db, p.auth.orgId, 'widget')).filter((c) => c.surveyId === survey.id);
    const kiosks = (await listCollectors(db, p.auth.orgId, 'kiosk')).filter((c) => c.surveyId === survey.id);
    if (chosen === null) errors.set('tp', s.badTouchpoint);
    const own = touchpoints.find((t) => t.id === survey.touchpointId) ?? null;
    const shown = [own, ...(chosen && chosen.id !== own?.id ? [chosen] : [])].filter((t): t is Touchpoint => t !== null);
    const targets = [...shown.map((t) => target(config.publicUrl, survey, t)), target(config.publicUrl, survey, null)];
    const title = s.title(survey.name);
    const others = touchpoints.filter((t) => !shown.some((x) => x.id === t.id));
    return p.send('setup', title, html`<nav aria-label="${p.w.setup.title}"><p><a href="/app/setup">${p.w.setup.title}</a> › <a href="${LIST}">${survey.name}</a></p></nav>
<h1>${title}</h1><p>${s.intro}</p>
${survey.status === 'draft' ? html`<p class="notice" role="status">${s.draftNotice} <a href="${LIST}/${survey.id}/publish">${s.publish}</a></p>` : ''}
<section aria-labelledby="links-heading"><h2 id="links-heading">${s.linksHeading}</h2><p class="muted">${s.linksHint}</p>
${targets.map((t, i) => linkBlock(s, survey, t, i))}
${others.length > 0 || errors.size > 0 ? html`<form method="get" action="${hubPath(survey.id)}" class="inline-form">
${selectField('tp', s.otherTouchpoint, others.map((t): [string, string] => [t.id, t.name]), undefined, errors)}
<div class="form-actions"><button class="button" type="submit">${s.showLink}</button></div></form>` : ''}
</section>
${widgetSection(s, p, survey, widgets, widgetErrors, form, config.publicUrl, one(request.query, 'widget') === 'created')}
${kioskSection(s, p, survey, kiosks, widgetErrors, form, config.publicUrl, one(request.query, 'kiosk') === 'created')}
<section aria-labelledby="send-heading"><h2 id="send-heading">${s.sendHeading}</h2><p>${s.sendHint}</p>
<p><a class="button" href="${LIST}/${survey.id}/send">${s.send}</a></p></section>`, errors.size > 0 || widgetErrors.size > 0 ? 400 : 200);
  };
  page<{ id: string }>(app, 'GET', `${LIST}/:id/share`, permission, async (request, _reply, p) => render(request, p));

  page<{ id: string }>(app, 'POST', `${LIST}/:id/share/kiosk`, permission, async (request, reply, p) => {
    const survey = await getSurvey(db, p.auth.orgId, uuidParam(request.params.id, 'Survey'));
    const form: Form = { kioskName: one(request.body, 'kioskName'), resetSeconds: one(request.body, 'resetSeconds') };
    const errors: Errors = new Map();
    const reset = intField(request.body, 'resetSeconds', 3, 3600, p.w, errors);
    if (form.kioskName && form.kioskName.length > 200) errors.set('kioskName', p.w.common.tooLong(200));
    if (errors.size === 0) {
      try {
        const created = await createCollector(db, p.auth.orgId, { kind: 'kiosk', name: form.kioskName ?? `${survey.name} – kiosk`, surveyId: survey.id,
          ...(reset !== undefined && reset !== null ? { resetSeconds: reset } : {}) });
        return reply.redirect(`${hubPath(survey.id)}?kiosk=created#kiosk-${created.id}`, 303);
      } catch (error) {
        if (!(error instanceof KaikuError) || error.status !== 400) throw error;
        errors.set('kioskName', error.message);
      }
    }
    return render(request, p, errors, form);
  });

  page<{ id: string }>(app, 'POST', `${LIST}/:id/share/widget`, permission, async (request, reply, p) => {
    const s = hubText(p.language);
    const survey = await getSurvey(db, p.auth.orgId, uuidParam(request.params.id, 'Survey'));
    const b = request.body;
    const form: Form = Object.fromEntries(['widgetName', 'allowedOrigins', 'trigger', 'urlPattern', 'selector', 'delaySeconds', 'frequencyDays'].map((k) => [k, one(b, k)]));
    const errors: Errors = new Map();
    const delay = intField(b, 'delaySeconds', 0, 3600, p.w, errors);
    const frequency = intField(b, 'frequencyDays', 0, 3650, p.w, errors);
    const kind = form.trigger ?? 'pageview';
    let trigger: Trigger | undefined;
    if (kind === 'click') { if (form.selector) trigger = { type: 'click', selector: form.selector }; else errors.set('selector', s.needSelector); }
    else if (kind === 'exit_intent') trigger = { type: 'exit_intent' };
    else if (form.urlPattern) trigger = { type: 'pageview', urlPattern: form.urlPattern, ...(delay ? { delaySeconds: delay } : {}) };
    else errors.set('urlPattern', s.needPattern);
    if (form.widgetName && form.widgetName.length > 200) errors.set('widgetName', p.w.common.tooLong(200));
    const origins = (form.allowedOrigins ?? '').split(/\s+/).filter(Boolean);
    if (origins.length === 0) errors.set('allowedOrigins', p.w.common.required);
    if (errors.size === 0) {
      try {
        const created = await createCollector(db, p.auth.orgId, { kind: 'widget', name: form.widgetName ?? `${survey.name} – widget`, surveyId: survey.id,
          allowedOrigins: origins, triggers: trigger ? [trigger] : [], ...(frequency !== undefined && frequency !== null ? { frequencyDays: frequency } : {}) });
        return reply.redirect(`${hubPath(survey.id)}?widget=created#widget-${created.id}`, 303);
      } catch (error) {
        const field = error instanceof KaikuError ? error.field : undefined;
        if (!(error instanceof KaikuError) || error.status !== 400) throw error;
        errors.set(field?.startsWith('allowedOrigins') ? 'allowedOrigins' : field === 'surveyId' ? 'widgetName' : 'allowedOrigins', error.message);
      }
    }
    return render(request, p, errors, form);
  });

  for (const format of ['svg', 'png'] as const) {
    page<{ id: string }>(app, 'GET', `${LIST}/:id/share/qr.${format}`, permission, async (request, reply, p) => {
      const { survey, chosen } = await load(request, p);
      if (chosen === null) throw new KaikuError('bad_request', `tp: ${hubText(p.language).badTouchpoint}`, { status: 400 });
      const image = await drawQr(target(config.publicUrl, survey, chosen ?? null).url, format, 1024);
      return reply.type(format === 'svg' ? 'image/svg+xml' : 'image/png').header('cache-control', 'no-store').send(image);
    });
  }

  page<{ id: string }>(app, 'GET', `${LIST}/:id/share/poster`, permission, async (request, reply, p) => {
    const s = hubText(p.language);
    const { survey, chosen } = await load(request, p);
    if (chosen === null) throw new KaikuError('bad_request', `tp: ${s.badTouchpoint}`, { status: 400 });
    const t = target(config.publicUrl, survey, chosen ?? null);
    const first = survey.questions[0];
    const langs = [survey.defaultLanguage, ...survey.languages.filter((l) => l !== survey.defaultLanguage)];
    const svg = String(await drawQr(t.url, 'svg', 1024));
    const doc = html`<!doctype html>
<html lang="${survey.defaultLanguage}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${survey.texts.title[survey.defaultLanguage] ?? survey.name}</title><link rel="stylesheet" href="${posterCssPath}"></head>
<body><main class="poster">
${langs.map((l) => html`<section class="poster-lang" lang="${l}"><h1>${survey.texts.title[l] ?? survey.name}</h1>${first?.texts[l]?.label ? html`<p class="poster-question">${first.texts[l].label}</p>` : ''}</section>`)}
<div class="poster-qr" role="img" aria-label="${s.qrAlt(t.tp?.name ?? s.general)}">${raw(svg.replace(/^<\?xml[^>]*>/, ''))}</div>
<p class="poster-url">${t.url}</p>
<p class="poster-scan" lang="${p.language}">${s.posterScan}</p>
<p class="no-print" lang="${p.language}"><a href="${hubPath(survey.id)}">← ${s.title(survey.name)}</a> · ${s.print}: Ctrl+P</p>
</main></body></html>`;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(doc.toString());
  });

  app.get(posterCssPath, { schema: { hide: true } }, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(posterCss));
}

function widgetSection(s: HubStrings, p: OpenPage, survey: Survey, widgets: Collector[], allErrors: Errors, form: Record<string, string | undefined>, publicUrl: string, created: boolean): SafeHtml {
  const errors: Errors = new Map([...allErrors].filter(([k]) => k !== 'kioskName' && k !== 'resetSeconds'));
  const triggerOptions = (['pageview', 'click', 'exit_intent'] as const).map((k): [string, string] => [k, s.triggers[k]]);
  return html`<section aria-labelledby="widget-heading"><h2 id="widget-heading">${s.widgetHeading}</h2><p class="muted">${s.widgetHint}</p>
${created ? notice(s.widgetCreated) : ''}
${widgets.map((c) => html`<section class="card" id="widget-${c.id}" aria-labelledby="widget-${c.id}-heading"><h3 id="widget-${c.id}-heading">${c.name}</h3>
<dl><dt>${s.siteKey}</dt><dd><code>${c.publicKey}</code></dd><dt>${s.origins}</dt><dd>${c.allowedOrigins.join(', ')}</dd>
<dt>${s.trigger}</dt><dd>${c.triggers.map((t) => t.type === 'pageview' ? `${s.triggers.pageview}: ${t.urlPattern}${t.delaySeconds ? ` (${s.delay}: ${t.delaySeconds})` : ''}` : t.type === 'click' ? `${s.triggers.click}: ${t.selector}` : t.type === 'exit_intent' ? s.triggers.exit_intent : t.name).join('; ')}</dd>
<dt>${s.frequency}</dt><dd>${c.frequencyDays}</dd></dl>
<div class="field"><label for="snippet-${c.id}">${s.snippet}</label><textarea id="snippet-${c.id}" class="share-url" rows="3" readonly>${widgetSnippet(publicUrl, c.publicKey)}</textarea></div></section>`)}
<form method="post" action="${hubPath(survey.id)}/widget" novalidate><h3>${s.newWidget}</h3>
${errorSummary(p.w, errors)}
${inputField('widgetName', s.widgetName, form.widgetName ?? `${survey.name} – widget`, errors)}
${textareaField('allowedOrigins', s.origins, form.allowedOrigins, errors, { hint: s.originsHint })}
${selectField('trigger', s.trigger, triggerOptions, form.trigger, errors)}
${inputField('urlPattern', s.urlPattern, form.urlPattern ?? '/*', errors, { hint: s.urlPatternHint })}
${inputField('delaySeconds', s.delay, form.delaySeconds ?? '0', errors, { type: 'number', attrs: 'min="0" max="3600" inputmode="numeric"' })}
${inputField('selector', s.selector, form.selector, errors, { hint: s.selectorHint })}
${inputField('frequencyDays', s.frequency, form.frequencyDays ?? '30', errors, { type: 'number', hint: s.frequencyHint, attrs: 'min="0" max="3650" inputmode="numeric"' })}
<div class="form-actions"><button class="button" type="submit">${s.createWidget}</button></div></form></section>`;
}

function kioskSection(s: HubStrings, p: OpenPage, survey: Survey, kiosks: Collector[], errors: Errors, form: Record<string, string | undefined>, publicUrl: string, created: boolean): SafeHtml {
  const kioskErrors: Errors = new Map([...errors].filter(([k]) => k === 'kioskName' || k === 'resetSeconds'));
  return html`<section aria-labelledby="kiosk-heading"><h2 id="kiosk-heading">${s.kioskHeading}</h2><p class="muted">${s.kioskHint}</p>
${created ? notice(s.kioskCreated) : ''}
${kiosks.map((c) => html`<section class="card" id="kiosk-${c.id}" aria-labelledby="kiosk-${c.id}-heading"><h3 id="kiosk-${c.id}-heading">${c.name}</h3>
<p>${s.resetSeconds}: ${c.resetSeconds}</p>
${survey.languages.map((l) => html`<div class="field"><label for="kiosk-${c.id}-${l}">${s.deviceLink(languageNames[l] ?? l)}</label>
<input id="kiosk-${c.id}-${l}" class="share-url" type="text" readonly value="${publicUrl}/k/${c.publicKey}?lang=${l}"></div>`)}</section>`)}
<form method="post" action="${hubPath(survey.id)}/kiosk" novalidate><h3>${s.newKiosk}</h3>
${errorSummary(p.w, kioskErrors)}
${inputField('kioskName', s.widgetName, form.kioskName ?? `${survey.name} – kiosk`, kioskErrors)}
${inputField('resetSeconds', s.resetSeconds, form.resetSeconds ?? '8', kioskErrors, { type: 'number', attrs: 'min="3" max="3600" inputmode="numeric"' })}
<div class="form-actions"><button class="button" type="submit">${s.createKiosk}</button></div></form></section>`;
}

const posterCss = `@page { size: A4; margin: 15mm; }
body { font-family: system-ui, sans-serif; color: #111; background: #fff; margin: 0; }
.poster { max-width: 180mm; margin: 0 auto; padding: 10mm 0; text-align: center; }
.poster-lang h1 { font-size: 26pt; margin: 0 0 2mm; }
.poster-lang + .poster-lang h1 { font-size: 16pt; color: #333; }
.poster-question { font-size: 16pt; margin: 0 0 6mm; }
.poster-qr svg { width: 110mm; height: 110mm; }
.poster-url { font-size: 11pt; word-break: break-all; }
.poster-scan { font-size: 14pt; font-weight: bold; }
.no-print a { color: #0b5394; }
@media print { .no-print { display: none; } }
`;
