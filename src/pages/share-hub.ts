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
import { collectorLimits, widgetSnippet, widgetStub } from '../collection/routes.ts';
import { createCollector, getCollector, listCollectors, updateCollector, type Collector, type Trigger } from '../collection/service.ts';
import { KaikuError } from '../errors.ts';
import { hubText, type HubStrings } from '../i18n/hub.ts';
import { hubSetupText, type HubSetupStrings } from '../i18n/hub-setup.ts';
import { languageNames } from '../i18n/index.ts';
import type { WorkStrings } from '../i18n/work.ts';
import { getSurvey, touchpointChoices } from '../surveys/service.ts';
import type { Survey } from '../surveys/schema.ts';
import { widgetCss } from '../../widget/widget-css.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { checkText, errorSummary, inputField, intField, notice, one, page, selectField, textareaField, UUID, uuidParam, type Errors, type OpenPage } from './page-kit.ts';
import { shareHubScript, shareHubScriptPath } from './share-hub.js.ts';
import { sha256 } from './survey.css.ts';

const LIST = '/app/setup/surveys';
const hubPath = (id: string) => `${LIST}/${id}/share`;
const posterCssPath = '/app/setup/share-poster.css';
const permission = 'collectors:manage' as const;
const widgetPath = (id: string, siteId: string) => `${hubPath(id)}/widget/${siteId}`;
const TEST_ROUTE = `${LIST}/:id/share/widget/:siteId/test`;

/** The hub's pages: our one script (copy buttons, test page controls), nothing inline. */
const hubCsp = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
/**
 * The widget test page also runs the real snippet: its inline stub (by hash), widget.js and the
 * widget's calls from Kaiku's public address, and the <style> the widget puts in its shadow root (by hash).
 */
const testCsp = (publicOrigin: string) => `default-src 'none'; style-src 'self' ${sha256(widgetCss)}; script-src 'self' ${publicOrigin} ${sha256(widgetStub)}; `
  + `connect-src 'self' ${publicOrigin}; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

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

function linkBlock(s: HubStrings, u: HubSetupStrings, survey: Survey, t: Target, i: number) {
  const where = t.tp?.name ?? s.general;
  const base = hubPath(survey.id);
  return html`<section class="card share-link" aria-labelledby="link-${i}-heading"><h3 id="link-${i}-heading">${where}</h3>
<div class="field"><label for="link-${i}">${s.linkLabel(where)}</label>
<input id="link-${i}" class="share-url" type="text" readonly value="${t.url}" ${copyAttrs(u.copyLink, u)}></div>
<div class="share-qr"><img src="${base}/qr.svg${t.query}" alt="${s.qrAlt(where)}" width="160" height="160">
<ul class="share-downloads">
<li><a href="${base}/qr.svg${t.query}" download="qr-${t.tp?.id ?? survey.id}.svg">${s.svg}</a></li>
<li><a href="${base}/qr.png${t.query}" download="qr-${t.tp?.id ?? survey.id}.png">${s.png}</a></li>
<li><a href="${base}/poster${t.query}">${s.poster}</a></li></ul></div></section>`;
}

/** In a scope of its own: its pages allow their one script (copy buttons, the widget test page). */
export async function shareHubRoutes(app: FastifyInstance) {
  await app.register(hubRoutes);
}

async function hubRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;

  const load = async (request: FastifyRequest<{ Params: { id: string } }>, p: OpenPage) => {
    const survey = await getSurvey(db, p.auth.orgId, uuidParam(request.params.id, 'Survey'));
    const touchpoints = await touchpointChoices(db, p.auth.orgId);
    const chosen = chosenTouchpoint(request, touchpoints);
    return { survey, touchpoints, chosen };
  };

  const render = async (request: FastifyRequest<{ Params: { id: string } }>, p: OpenPage, widgetErrors: Errors = new Map(), form: Form = {}) => {
    const s = hubText(p.language);
    const u = hubSetupText(p.language);
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
${targets.map((t, i) => linkBlock(s, u, survey, t, i))}
${others.length > 0 || errors.size > 0 ? html`<form method="get" action="${hubPath(survey.id)}" class="inline-form">
${selectField('tp', s.otherTouchpoint, others.map((t): [string, string] => [t.id, t.name]), undefined, errors)}
<div class="form-actions"><button class="button" type="submit">${s.showLink}</button></div></form>` : ''}
</section>
${widgetSection(s, u, p, survey, widgets, widgetErrors, form, config.publicUrl, one(request.query, 'widget'))}
${kioskSection(s, u, p, survey, kiosks, widgetErrors, form, config.publicUrl, one(request.query, 'kiosk'))}
<section aria-labelledby="send-heading"><h2 id="send-heading">${s.sendHeading}</h2><p>${s.sendHint}</p>
<p><a class="button" href="${LIST}/${survey.id}/send">${s.send}</a></p></section>
<script src="${shareHubScriptPath}" defer></script>`, errors.size > 0 || widgetErrors.size > 0 ? 400 : 200);
  };
  page<{ id: string }>(app, 'GET', `${LIST}/:id/share`, permission, async (request, _reply, p) => render(request, p));

  page<{ id: string }>(app, 'POST', `${LIST}/:id/share/kiosk`, permission, async (request, reply, p) => {
    const survey = await getSurvey(db, p.auth.orgId, uuidParam(request.params.id, 'Survey'));
    const { form, errors, settings } = readKioskForm(request.body, survey, hubSetupText(p.language), p.w);
    if (settings) {
      try {
        const created = await createCollector(db, p.auth.orgId, { kind: 'kiosk', name: settings.name ?? `${survey.name} – kiosk`, surveyId: survey.id,
          language: settings.language, ...(settings.resetSeconds !== undefined ? { resetSeconds: settings.resetSeconds } : {}),
          ...(settings.idleSeconds !== undefined ? { idleSeconds: settings.idleSeconds } : {}) });
        return reply.redirect(`${hubPath(survey.id)}?kiosk=created#kiosk-${created.id}`, 303);
      } catch (error) {
        errors.set(kioskErrorField(error), (error as KaikuError).message);
      }
    }
    return render(request, p, errors, form);
  });

  type KioskParams = { id: string; kioskId: string };
  const loadKiosk = async (request: FastifyRequest<{ Params: KioskParams }>, p: OpenPage) => {
    const survey = await getSurvey(db, p.auth.orgId, uuidParam(request.params.id, 'Survey'));
    const kiosk = await getCollector(db, p.auth.orgId, uuidParam(request.params.kioskId, 'Kiosk'));
    if (kiosk.kind !== 'kiosk' || kiosk.surveyId !== survey.id) throw new KaikuError('not_found', 'Kiosk not found', { status: 404 });
    return { survey, kiosk };
  };
  const renderKioskEdit = (p: OpenPage, survey: Survey, kiosk: Collector, form: Form, errors: Errors = new Map()) => {
    const s = hubText(p.language);
    const u = hubSetupText(p.language);
    const title = u.editKioskTitle(kiosk.name);
    return p.send('setup', title, html`${breadcrumb(p, s, survey)}<h1>${title}</h1>
<form method="post" action="${hubPath(survey.id)}/kiosk/${kiosk.id}" novalidate>
${errorSummary(p.w, errors)}
${kioskFields(s, u, survey, form, errors)}
<div class="form-actions"><button class="button" type="submit">${u.save}</button> <a href="${hubPath(survey.id)}#kiosk-${kiosk.id}">${p.w.common.cancel}</a></div></form>`, errors.size > 0 ? 400 : 200);
  };
  page<KioskParams>(app, 'GET', `${LIST}/:id/share/kiosk/:kioskId`, permission, async (request, _reply, p) => {
    const { survey, kiosk } = await loadKiosk(request, p);
    return renderKioskEdit(p, survey, kiosk, { kioskName: kiosk.name, kioskLanguage: kioskLanguage(survey, kiosk), resetSeconds: String(kiosk.resetSeconds), idleSeconds: String(kiosk.idleSeconds) });
  });
  page<KioskParams>(app, 'POST', `${LIST}/:id/share/kiosk/:kioskId`, permission, async (request, reply, p) => {
    const { survey, kiosk } = await loadKiosk(request, p);
    const { form, errors, settings } = readKioskForm(request.body, survey, hubSetupText(p.language), p.w);
    if (settings) {
      try {
        await updateCollector(db, p.auth.orgId, kiosk.id, { ...(settings.name ? { name: settings.name } : {}), language: settings.language,
          ...(settings.resetSeconds !== undefined ? { resetSeconds: settings.resetSeconds } : {}),
          ...(settings.idleSeconds !== undefined ? { idleSeconds: settings.idleSeconds } : {}) });
        return reply.redirect(`${hubPath(survey.id)}?kiosk=saved#kiosk-${kiosk.id}`, 303);
      } catch (error) {
        errors.set(kioskErrorField(error), (error as KaikuError).message);
      }
    }
    return renderKioskEdit(p, survey, kiosk, form, errors);
  });

  page<{ id: string }>(app, 'POST', `${LIST}/:id/share/widget`, permission, async (request, reply, p) => {
    const survey = await getSurvey(db, p.auth.orgId, uuidParam(request.params.id, 'Survey'));
    const { form, errors, settings } = readWidgetForm(request.body, hubText(p.language), hubSetupText(p.language), p.w);
    if (settings) {
      try {
        const created = await createCollector(db, p.auth.orgId, { kind: 'widget', name: settings.name ?? `${survey.name} – widget`, surveyId: survey.id,
          allowedOrigins: settings.allowedOrigins, triggers: [settings.trigger], ...(settings.frequencyDays !== undefined ? { frequencyDays: settings.frequencyDays } : {}) });
        return reply.redirect(`${hubPath(survey.id)}?widget=created#widget-${created.id}`, 303);
      } catch (error) {
        errors.set(widgetErrorField(error), (error as KaikuError).message);
      }
    }
    return render(request, p, errors, form);
  });

  type SiteParams = { id: string; siteId: string };
  /** The survey and one of its widgets; another survey's widget, a kiosk or another organisation's is not found. */
  const loadWidget = async (request: FastifyRequest<{ Params: SiteParams }>, p: OpenPage) => {
    const survey = await getSurvey(db, p.auth.orgId, uuidParam(request.params.id, 'Survey'));
    const widget = await getCollector(db, p.auth.orgId, uuidParam(request.params.siteId, 'Widget'));
    if (widget.kind !== 'widget' || widget.surveyId !== survey.id) throw new KaikuError('not_found', 'Widget not found', { status: 404 });
    return { survey, widget };
  };

  const renderEdit = (p: OpenPage, survey: Survey, widget: Collector, form: Form, errors: Errors = new Map()) => {
    const s = hubText(p.language);
    const u = hubSetupText(p.language);
    const title = u.editWidgetTitle(widget.name);
    const kept = otherTriggers(widget);
    return p.send('setup', title, html`${breadcrumb(p, s, survey)}<h1>${title}</h1>
<form method="post" action="${widgetPath(survey.id, widget.id)}" novalidate>
${errorSummary(p.w, errors)}
${widgetFields(s, form, errors)}
${kept.length > 0 ? html`<p>${u.keptTriggers}</p><ul>${kept.map((t) => html`<li>${describeTrigger(s, t)}</li>`)}</ul>` : ''}
<div class="form-actions"><button class="button" type="submit">${u.save}</button> <a href="${hubPath(survey.id)}#widget-${widget.id}">${p.w.common.cancel}</a></div></form>`, errors.size > 0 ? 400 : 200);
  };

  page<SiteParams>(app, 'GET', `${LIST}/:id/share/widget/:siteId`, permission, async (request, _reply, p) => {
    const { survey, widget } = await loadWidget(request, p);
    return renderEdit(p, survey, widget, storedForm(widget));
  });

  page<SiteParams>(app, 'POST', `${LIST}/:id/share/widget/:siteId`, permission, async (request, reply, p) => {
    const { survey, widget } = await loadWidget(request, p);
    const { form, errors, settings } = readWidgetForm(request.body, hubText(p.language), hubSetupText(p.language), p.w);
    if (settings) {
      try {
        await updateCollector(db, p.auth.orgId, widget.id, {
          ...(settings.name ? { name: settings.name } : {}), allowedOrigins: settings.allowedOrigins,
          // The form edits the first page-view, click or exit-intent trigger; the others (API-made) stay.
          triggers: [settings.trigger, ...otherTriggers(widget)],
          ...(settings.frequencyDays !== undefined ? { frequencyDays: settings.frequencyDays } : {}),
        });
        return reply.redirect(`${hubPath(survey.id)}?widget=saved#widget-${widget.id}`, 303);
      } catch (error) {
        errors.set(widgetErrorField(error), (error as KaikuError).message);
      }
    }
    return renderEdit(p, survey, widget, form, errors);
  });

  // The live test page embeds the real snippet on Kaiku's own origin. Decision: rather than asking
  // admins to add Kaiku's address to the site's allowed origins (it would then stay allowed on the
  // real site too), the public endpoints treat calls from Kaiku's own origin as a test of the widget
  // (src/collection/public-routes.ts): the site's real triggers, no once-per-days limit, and answers
  // validated but not stored, so tests neither spoil the survey's results nor block the next test.
  page<SiteParams>(app, 'GET', TEST_ROUTE, permission, async (request, _reply, p) => {
    const { survey, widget } = await loadWidget(request, p);
    return p.send('setup', hubSetupText(p.language).testTitle(widget.name), testPage(hubText(p.language), hubSetupText(p.language), p, survey, widget, config.publicUrl));
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
  app.get(shareHubScriptPath, { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(shareHubScript));

  // Runs after the dashboard's own headers (this is a scope of its own): the hub's pages may run our script.
  app.addHook('onSend', async (request, reply, payload) => {
    const url = request.routeOptions.url ?? '';
    if (url === TEST_ROUTE) reply.header('content-security-policy', testCsp(new URL(config.publicUrl).origin));
    else if (url.startsWith(`${LIST}/:id/share`)) reply.header('content-security-policy', hubCsp);
    return payload;
  });
}

type Form = Record<string, string | undefined>;
const widgetFormFields = ['widgetName', 'allowedOrigins', 'trigger', 'urlPattern', 'selector', 'delaySeconds', 'frequencyDays'] as const;
const triggerKinds = ['pageview', 'click', 'exit_intent'] as const;
interface WidgetSettings { name?: string; allowedOrigins: string[]; trigger: Trigger; frequencyDays?: number }

/**
 * The widget form, for creating and editing alike, checked against the API's limits
 * (collectorLimits); origins are checked further by the service (scheme and host only).
 */
function readWidgetForm(body: unknown, s: HubStrings, u: HubSetupStrings, w: WorkStrings): { form: Form; errors: Errors; settings?: WidgetSettings } {
  const form: Form = Object.fromEntries(widgetFormFields.map((k) => [k, one(body, k)]));
  const errors: Errors = new Map();
  const delay = intField(body, 'delaySeconds', 0, collectorLimits.delaySeconds, w, errors);
  const frequency = intField(body, 'frequencyDays', 0, collectorLimits.frequencyDays, w, errors);
  const kind = form.trigger ?? 'pageview';
  let trigger: Trigger | undefined;
  if (!(triggerKinds as readonly string[]).includes(kind)) errors.set('trigger', w.common.required);
  else if (kind === 'exit_intent') trigger = { type: 'exit_intent' };
  else if (kind === 'click') {
    if (!form.selector) errors.set('selector', s.needSelector);
    else if (form.selector.length > collectorLimits.selector) errors.set('selector', u.tooLong(collectorLimits.selector));
    else trigger = { type: 'click', selector: form.selector };
  } else if (!form.urlPattern) errors.set('urlPattern', s.needPattern);
  else if (form.urlPattern.length > collectorLimits.urlPattern) errors.set('urlPattern', u.tooLong(collectorLimits.urlPattern));
  else trigger = { type: 'pageview', urlPattern: form.urlPattern, ...(delay ? { delaySeconds: delay } : {}) };
  checkText(w, errors, 'widgetName', form.widgetName, collectorLimits.name);
  const origins = (form.allowedOrigins ?? '').split(/\s+/).filter(Boolean);
  if (origins.length === 0) errors.set('allowedOrigins', w.common.required);
  else if (origins.length > collectorLimits.origins) errors.set('allowedOrigins', u.tooManyOrigins(collectorLimits.origins));
  else if (origins.some((o) => o.length > collectorLimits.origin)) errors.set('allowedOrigins', u.originTooLong(collectorLimits.origin));
  if (errors.size > 0 || !trigger) return { form, errors };
  return { form, errors, settings: { name: form.widgetName, allowedOrigins: origins, trigger, ...(frequency !== undefined && frequency !== null ? { frequencyDays: frequency } : {}) } };
}

/** The form field a service refusal belongs to (bad origins, mostly); anything but a 400 is not the form's. */
function widgetErrorField(error: unknown): string {
  if (!(error instanceof KaikuError) || error.status !== 400) throw error;
  const field = error.field ?? '';
  return field === 'surveyId' ? 'widgetName' : (widgetFormFields as readonly string[]).includes(field) ? field : 'allowedOrigins';
}

/** The trigger the form edits: the first page-view, click or exit-intent one. */
const formTrigger = (c: Collector) => c.triggers.find((t) => t.type !== 'event');
const otherTriggers = (c: Collector) => { const main = formTrigger(c); return c.triggers.filter((t) => t !== main); };

function storedForm(c: Collector): Form {
  const t = formTrigger(c);
  return {
    widgetName: c.name, allowedOrigins: c.allowedOrigins.join('\n'), trigger: t?.type ?? 'pageview', frequencyDays: String(c.frequencyDays),
    urlPattern: t?.type === 'pageview' ? t.urlPattern : undefined, delaySeconds: String(t?.type === 'pageview' ? t.delaySeconds ?? 0 : 0),
    selector: t?.type === 'click' ? t.selector : undefined,
  };
}

function widgetFields(s: HubStrings, form: Form, errors: Errors): SafeHtml {
  const triggerOptions = triggerKinds.map((k): [string, string] => [k, s.triggers[k]]);
  return html`${inputField('widgetName', s.widgetName, form.widgetName, errors)}
${textareaField('allowedOrigins', s.origins, form.allowedOrigins, errors, { hint: s.originsHint })}
${selectField('trigger', s.trigger, triggerOptions, form.trigger, errors)}
${inputField('urlPattern', s.urlPattern, form.urlPattern ?? '/*', errors, { hint: s.urlPatternHint })}
${inputField('delaySeconds', s.delay, form.delaySeconds ?? '0', errors, { type: 'number', attrs: `min="0" max="${collectorLimits.delaySeconds}" inputmode="numeric"` })}
${inputField('selector', s.selector, form.selector, errors, { hint: s.selectorHint })}
${inputField('frequencyDays', s.frequency, form.frequencyDays ?? '30', errors, { type: 'number', hint: s.frequencyHint, attrs: `min="0" max="${collectorLimits.frequencyDays}" inputmode="numeric"` })}`;
}

const describeTrigger = (s: HubStrings, t: Trigger) => t.type === 'pageview' ? `${s.triggers.pageview}: ${t.urlPattern}${t.delaySeconds ? ` (${s.delay}: ${t.delaySeconds})` : ''}`
  : t.type === 'click' ? `${s.triggers.click}: ${t.selector}` : t.type === 'exit_intent' ? s.triggers.exit_intent : `kaiku('track', '${t.name}')`;

/** The copy button's texts, read by the hub's script (the field itself works without it). */
const copyAttrs = (label: string, u: HubSetupStrings) => html`data-copy-label="${label}" data-copied="${u.copied}" data-copy-failed="${u.copyFailed}"`;

const breadcrumb = (p: OpenPage, s: HubStrings, survey: Survey) => html`<nav aria-label="${p.w.setup.title}"><p><a href="/app/setup">${p.w.setup.title}</a> › <a href="${LIST}">${survey.name}</a> › <a href="${hubPath(survey.id)}">${s.title(survey.name)}</a></p></nav>`;

/** "/checkout/*" → "/checkout/test": a page address the pattern matches. */
const examplePath = (pattern: string) => { const path = pattern.replace(/\*/g, 'test'); return path.startsWith('/') ? path : `/${path}`; };

/** A selector simple enough to build an element for: [a|button]#id.class… */
function testElementFor(selector: string): { tag: 'a' | 'button'; id?: string; classes: string[] } | undefined {
  const m = /^(a|button)?(?:#([A-Za-z][\w-]*))?((?:\.[A-Za-z_][\w-]*)*)$/.exec(selector.trim());
  if (!m || (!m[2] && !m[3] && !m[1])) return undefined;
  return { tag: m[1] === 'a' ? 'a' : 'button', ...(m[2] ? { id: m[2] } : {}), classes: m[3].split('.').filter(Boolean) };
}

function testPage(s: HubStrings, u: HubSetupStrings, p: OpenPage, survey: Survey, widget: Collector, publicUrl: string): SafeHtml {
  const control = (i: number) => html`data-status="trigger-${i}-status" data-wait="${u.stillLoading}"`;
  const status = (i: number) => html`<span id="trigger-${i}-status" role="status"></span>`;
  const item = (t: Trigger, i: number) => {
    if (t.type === 'pageview') {
      return html`<li><p>${u.testPageview(t.urlPattern)}${t.delaySeconds ? html` ${u.testDelay(t.delaySeconds)}` : ''}</p>
<div class="field"><label for="simulate-${i}">${u.simulatePath}</label><input id="simulate-${i}" type="text" value="${examplePath(t.urlPattern)}"></div>
<button type="button" class="button" data-simulate="simulate-${i}" data-done="${u.simulated}" ${control(i)} hidden>${u.simulate}</button> ${status(i)}</li>`;
    }
    if (t.type === 'click') {
      const target = testElementFor(t.selector);
      const attrs = html`${target?.id ? html` id="${target.id}"` : ''} class="button secondary widget-test-target${target?.classes.length ? ` ${target.classes.join(' ')}` : ''}"`;
      return html`<li><p>${u.testClick(t.selector)}</p>${!target ? html`<p class="muted">${u.testClickComplex}</p>`
        : target.tag === 'a' ? html`<p><a href="#trigger-${i}-status"${attrs}>${u.testElement}</a></p>` : html`<p><button type="button"${attrs}>${u.testElement}</button></p>`}</li>`;
    }
    if (t.type === 'exit_intent') return html`<li><p>${u.testExit}</p></li>`;
    return html`<li><p>${u.testEvent(t.name)}</p><button type="button" class="button" data-track="${t.name}" ${control(i)} hidden>${u.sendEvent(t.name)}</button> ${status(i)}</li>`;
  };
  return html`${breadcrumb(p, s, survey)}<h1>${u.testTitle(widget.name)}</h1>
<p>${u.testIntro}</p><p>${u.testOrigin}</p><p>${u.testNotStored}</p>
<noscript><p class="notice">${u.testNeedsJs}</p></noscript>
${survey.status !== 'active' ? html`<p class="notice" role="status">${s.draftNotice} <a href="${LIST}/${survey.id}/publish">${s.publish}</a></p>` : ''}
<section aria-labelledby="triggers-heading"><h2 id="triggers-heading">${u.testTriggers}</h2>
<ul>${widget.triggers.map(item)}</ul><p class="muted">${u.testAgain}</p></section>
<section aria-labelledby="code-heading"><h2 id="code-heading">${u.snippetUsed}</h2>
<div class="field"><label for="snippet">${s.snippet}</label><textarea id="snippet" class="share-url" rows="3" readonly ${copyAttrs(u.copyCode, u)}>${widgetSnippet(publicUrl, widget.publicKey)}</textarea></div></section>
<p><a href="${widgetPath(survey.id, widget.id)}">${u.editWidget(widget.name)}</a> · <a href="${hubPath(survey.id)}#widget-${widget.id}">${u.backToHub}</a></p>
<script>${raw(widgetStub)}</script>
<script async src="${publicUrl}/widget.js" data-site-key="${widget.publicKey}"></script>
<script src="${shareHubScriptPath}" defer></script>`;
}

/** Names as shown: a name used twice gets "(2)", "(3)" in list order, so each card and link is told apart (and its landmark unique). */
function shownNames(collectors: Collector[]): Map<string, string> {
  const seen = new Map<string, number>();
  const total = new Map<string, number>();
  for (const c of collectors) total.set(c.name, (total.get(c.name) ?? 0) + 1);
  return new Map(collectors.map((c) => {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    return [c.id, (total.get(c.name) ?? 0) > 1 ? `${c.name} (${n})` : c.name];
  }));
}

function widgetSection(s: HubStrings, u: HubSetupStrings, p: OpenPage, survey: Survey, widgets: Collector[], allErrors: Errors, form: Form, publicUrl: string, done: string | undefined): SafeHtml {
  const errors: Errors = new Map([...allErrors].filter(([k]) => !kioskFormFields.includes(k)));
  const names = shownNames(widgets);
  return html`<section aria-labelledby="widget-heading"><h2 id="widget-heading">${s.widgetHeading}</h2><p class="muted">${s.widgetHint}</p>
${done === 'created' ? notice(s.widgetCreated) : done === 'saved' ? notice(u.widgetSaved) : ''}
${widgets.map((c) => { const name = names.get(c.id) ?? c.name; return html`<section class="card" id="widget-${c.id}" aria-labelledby="widget-${c.id}-heading"><h3 id="widget-${c.id}-heading">${name}</h3>
<dl><dt>${s.siteKey}</dt><dd><code>${c.publicKey}</code></dd><dt>${s.origins}</dt><dd>${c.allowedOrigins.join(', ')}</dd>
<dt>${s.trigger}</dt><dd>${c.triggers.map((t) => describeTrigger(s, t)).join('; ')}</dd>
<dt>${s.frequency}</dt><dd>${c.frequencyDays}</dd></dl>
<div class="field"><label for="snippet-${c.id}">${s.snippet}</label><textarea id="snippet-${c.id}" class="share-url" rows="3" readonly ${copyAttrs(u.copyCode, u)}>${widgetSnippet(publicUrl, c.publicKey)}</textarea></div>
<p><a href="${widgetPath(survey.id, c.id)}">${u.editWidget(name)}</a> · <a href="${widgetPath(survey.id, c.id)}/test">${u.testLink(name)}</a></p></section>`; })}
<form method="post" action="${hubPath(survey.id)}/widget" novalidate><h3>${s.newWidget}</h3>
${errorSummary(p.w, errors)}
${widgetFields(s, { ...form, widgetName: form.widgetName ?? `${survey.name} – widget` }, errors)}
<div class="form-actions"><button class="button" type="submit">${s.createWidget}</button></div></form></section>`;
}

function kioskSection(s: HubStrings, u: HubSetupStrings, p: OpenPage, survey: Survey, kiosks: Collector[], errors: Errors, form: Form, publicUrl: string, done: string | undefined): SafeHtml {
  const kioskErrors: Errors = new Map([...errors].filter(([k]) => kioskFormFields.includes(k)));
  const names = shownNames(kiosks);
  return html`<section aria-labelledby="kiosk-heading"><h2 id="kiosk-heading">${s.kioskHeading}</h2><p class="muted">${s.kioskHint}</p>
${done === 'created' ? notice(s.kioskCreated) : done === 'saved' ? notice(u.kioskSaved) : ''}
${kiosks.map((c) => {
    const language = kioskLanguage(survey, c);
    const name = names.get(c.id) ?? c.name;
    return html`<section class="card" id="kiosk-${c.id}" aria-labelledby="kiosk-${c.id}-heading"><h3 id="kiosk-${c.id}-heading">${name}</h3>
<dl><dt>${u.kioskLanguage}</dt><dd>${languageNames[language] ?? language}</dd><dt>${s.resetSeconds}</dt><dd>${c.resetSeconds}</dd><dt>${u.idleSeconds}</dt><dd>${c.idleSeconds}</dd></dl>
<div class="field"><label for="kiosk-${c.id}-link">${s.deviceLink(languageNames[language] ?? language)}</label>
<input id="kiosk-${c.id}-link" class="share-url" type="text" readonly value="${publicUrl}/k/${c.publicKey}?lang=${language}" ${copyAttrs(u.copyLink, u)}></div>
<p><a href="${hubPath(survey.id)}/kiosk/${c.id}">${u.editKiosk(name)}</a></p></section>`;
  })}
<form method="post" action="${hubPath(survey.id)}/kiosk" novalidate><h3>${s.newKiosk}</h3>
${errorSummary(p.w, kioskErrors)}
${kioskFields(s, u, survey, { ...form, kioskName: form.kioskName ?? `${survey.name} – kiosk` }, kioskErrors)}
<div class="form-actions"><button class="button" type="submit">${s.createKiosk}</button></div></form></section>`;
}

const kioskFormFields: readonly string[] = ['kioskName', 'kioskLanguage', 'resetSeconds', 'idleSeconds'];
/** What the kiosk starts in: its own language while the survey still has it, else the survey's default. */
const kioskLanguage = (survey: Survey, kiosk: Collector) => (kiosk.language && survey.languages.includes(kiosk.language) ? kiosk.language : survey.defaultLanguage);

/** The kiosk form, for creating and editing alike, checked against the API's limits. */
function readKioskForm(body: unknown, survey: Survey, u: HubSetupStrings, w: WorkStrings) {
  const form: Form = Object.fromEntries(kioskFormFields.map((k) => [k, one(body, k)]));
  const errors: Errors = new Map();
  checkText(w, errors, 'kioskName', form.kioskName, collectorLimits.name);
  const language = form.kioskLanguage ?? survey.defaultLanguage;
  if (!survey.languages.includes(language)) errors.set('kioskLanguage', u.badLanguage);
  const reset = intField(body, 'resetSeconds', collectorLimits.resetSeconds.min, collectorLimits.resetSeconds.max, w, errors);
  const idle = intField(body, 'idleSeconds', collectorLimits.idleSeconds.min, collectorLimits.idleSeconds.max, w, errors);
  if (errors.size > 0) return { form, errors };
  return { form, errors, settings: { name: form.kioskName, language, ...(reset !== undefined && reset !== null ? { resetSeconds: reset } : {}),
    ...(idle !== undefined && idle !== null ? { idleSeconds: idle } : {}) } };
}

function kioskErrorField(error: unknown): string {
  if (!(error instanceof KaikuError) || error.status !== 400) throw error;
  return error.field === 'language' ? 'kioskLanguage' : error.field === 'resetSeconds' || error.field === 'idleSeconds' ? error.field : 'kioskName';
}

function kioskFields(s: HubStrings, u: HubSetupStrings, survey: Survey, form: Form, errors: Errors): SafeHtml {
  const languages = survey.languages.map((l): [string, string] => [l, languageNames[l] ?? l]);
  return html`${inputField('kioskName', s.widgetName, form.kioskName, errors)}
${selectField('kioskLanguage', u.kioskLanguage, languages, form.kioskLanguage ?? survey.defaultLanguage, errors, { hint: u.kioskLanguageHint })}
${inputField('resetSeconds', s.resetSeconds, form.resetSeconds ?? '8', errors, { type: 'number', hint: u.resetHint,
    attrs: `min="${collectorLimits.resetSeconds.min}" max="${collectorLimits.resetSeconds.max}" inputmode="numeric"` })}
${inputField('idleSeconds', u.idleSeconds, form.idleSeconds ?? '45', errors, { type: 'number', hint: u.idleHint,
    attrs: `min="${collectorLimits.idleSeconds.min}" max="${collectorLimits.idleSeconds.max}" inputmode="numeric"` })}`;
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
