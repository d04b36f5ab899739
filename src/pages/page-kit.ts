/**
 * What the dashboard's working pages (cases, set-up) share: the list of page routes with the
 * permission each needs (read by the role-matrix and cross-tenant suites, as `config.permission`
 * is for the API), opening a signed-in page, reading HTML form posts, and form markup with
 * errors shown next to the field and in a summary at the top (as the survey page does).
 *
 * Pages cannot declare `config.permission`: the auth hook answers JSON 401s and refuses
 * urlencoded form posts from a session. They check the same table here instead; form posts
 * must come from Kaiku's own pages (same-origin check, as the sign-in and password forms).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { identify } from '../auth/plugin.ts';
import { allows, type AuthContext, type Permission } from '../auth/permissions.ts';
import { fromSameOrigin } from '../http/csrf.ts';
import { KaikuError } from '../errors.ts';
import { dashboardText } from '../i18n/dashboard.ts';
import { formatDate, type UiLanguage } from '../i18n/index.ts';
import { workText, type WorkStrings } from '../i18n/work.ts';
import { getOrganization } from '../orgs/service.ts';
import type { DefaultPeriod } from '../orgs/settings.ts';
import { unreadCountOf } from '../notifications/service.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { appShell, navigation, type PageId } from './layout.ts';
import { hrefWithLanguage, keepLanguageChoice, profileOf, uiLanguage } from './session.ts';
import { UUID } from '../vocabulary.ts';

/** A dashboard page route and the permission it checks (`METHOD /path` as Fastify lists it). */
export interface PageRoute { method: 'GET' | 'POST'; path: string; permission: Permission }
export const pageRoutes: PageRoute[] = [];

/** Re-exported for the pages; defined once in src/vocabulary.ts. */
export { UUID };

type Fields = Record<string, unknown>;
/** One text value of a query or form field (the first if repeated), trimmed; undefined when empty. */
export function one(fields: unknown, name: string): string | undefined {
  const v = fields && typeof fields === 'object' ? (fields as Fields)[name] : undefined;
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
}
/** Every text value of a repeated field (checkboxes). */
export function many(fields: unknown, name: string): string[] {
  const v = fields && typeof fields === 'object' ? (fields as Fields)[name] : undefined;
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((s): s is string => typeof s === 'string' && s !== '');
}

export interface OpenPage {
  auth: AuthContext;
  language: UiLanguage;
  w: WorkStrings;
  orgName: string;
  timeZone: string;
  /** The organisation's default period for the analytic pages (default-period.ts). */
  defaultPeriod: DefaultPeriod;
  can: (permission: Permission) => boolean;
  send: (current: PageId, title: string, body: SafeHtml, status?: number) => FastifyReply;
}

/**
 * Registers a page. The handler gets the signed-in, permitted caller; without a session the
 * browser goes to the sign-in form, a POST from another site is refused.
 */
export function page<P = Record<string, string>>(app: FastifyInstance, method: 'GET' | 'POST', path: string, permission: Permission,
  handler: (request: FastifyRequest<{ Params: P }>, reply: FastifyReply, page: OpenPage) => Promise<unknown>) {
  pageRoutes.push({ method, path, permission });
  const route = async (request: FastifyRequest<{ Params: P }>, reply: FastifyReply) => {
    if (method === 'POST' && !fromSameOrigin(request)) throw new KaikuError('forbidden', 'Use Kaiku’s own pages', { status: 403 });
    const auth = await identify(app, request);
    if (!auth) return reply.redirect(`/login?next=${encodeURIComponent(method === 'GET' ? request.url : '/app')}`, 303);
    if (!allows(auth, permission)) throw new KaikuError('forbidden', 'Your role does not allow this page', { status: 403 });
    const profile = await profileOf(app, auth);
    const language = uiLanguage(request, one(request.body, 'lang') ?? profile.language);
    await keepLanguageChoice(app, request, reply, auth, profile.language);
    const [org, unread] = await Promise.all([getOrganization(app.deps.db, auth.orgId), unreadCountOf(app.deps.db, auth)]);
    const can = (p: Permission) => allows(auth, p);
    const send = (current: PageId, title: string, body: SafeHtml, status = 200) => reply.status(status).type('text/html; charset=utf-8')
      .header('cache-control', 'no-store').send(appShell({
        language, t: dashboardText(language), title, current, userName: profile.name, organizationName: org.name, can, unread,
        languageHref: (l: UiLanguage) => hrefWithLanguage(request, l), body,
      }).toString());
    const w = workText(language);
    try {
      return await handler(request, reply, { auth, language, w, orgName: org.name, timeZone: org.timeZone, defaultPeriod: org.defaultPeriod, can, send });
    } catch (error) {
      // Not found (or another organisation's, or out of the caller's scope): a page in the reader's language, in the app.
      if (!(error instanceof KaikuError) || error.status !== 404 || reply.sent) throw error;
      const current = navigation.filter((n) => request.url === n.path || request.url.startsWith(`${n.path}/`) || request.url.startsWith(`${n.path}?`))
        .sort((a, b) => b.path.length - a.path.length)[0]?.id ?? 'overview';
      return send(current, w.common.notFound, html`<h1>${w.common.notFound}</h1><p><a href="/app">${w.common.toDashboard}</a></p>`, 404);
    }
  };
  if (method === 'GET') app.get(path, { schema: { hide: true } }, route);
  else app.post(path, { schema: { hide: true } }, route);
}

/** Throws a 404 page unless `id` is a UUID (ids in paths are never trusted to be). */
export function uuidParam(id: string | undefined, what: string): string {
  if (!id || !UUID.test(id)) throw new KaikuError('not_found', `${what} not found`, { status: 404 });
  return id.toLowerCase();
}

// --- forms ------------------------------------------------------------------------------------

export type Errors = Map<string, string>;

/** Checks a text value read with one(): present when required, at most `max` characters; the error goes under `errorId`. */
export function checkText(w: WorkStrings, errors: Errors, errorId: string, value: string | null | undefined, max: number, required = false): void {
  if (!value) { if (required) errors.set(errorId, w.common.required); return; }
  if (value.length > max) errors.set(errorId, w.common.tooLong(max));
}

/** The summary at the top of a form: each problem links to its field. */
export function errorSummary(w: WorkStrings, errors: Errors): SafeHtml | '' {
  if (errors.size === 0) return '';
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-heading" tabindex="-1">
<h2 id="error-summary-heading">${w.common.errorHeading}</h2>
<ul>${[...errors].map(([field, message]) => html`<li><a href="#${field}">${message}</a></li>`)}</ul>
</div>`;
}

const invalidAttrs = (id: string, errors: Errors, hint?: string) => {
  const described = [hint ? `${id}-hint` : '', errors.has(id) ? `${id}-error` : ''].filter(Boolean).join(' ');
  return raw(`${described ? ` aria-describedby="${described}"` : ''}${errors.has(id) ? ' aria-invalid="true"' : ''}`);
};
const fieldNotes = (id: string, errors: Errors, hint?: string) => html`${hint ? html`<p class="muted hint" id="${id}-hint">${hint}</p>` : ''}${errors.has(id) ? html`<p class="error-message" id="${id}-error">${errors.get(id)}</p>` : ''}`;

export interface FieldOptions { hint?: string; type?: string; required?: boolean; attrs?: string; name?: string }

export function inputField(id: string, label: string, value: string | number | null | undefined, errors: Errors, o: FieldOptions = {}): SafeHtml {
  return html`<div class="field${errors.has(id) ? ' field-error' : ''}"><label for="${id}">${label}</label>${fieldNotes(id, errors, o.hint)}
<input id="${id}" name="${o.name ?? id}" type="${o.type ?? 'text'}" value="${value ?? ''}"${o.required ? raw(' required') : ''}${raw(o.attrs ? ` ${o.attrs}` : '')}${invalidAttrs(id, errors, o.hint)}></div>`;
}

export function textareaField(id: string, label: string, value: string | undefined, errors: Errors, o: FieldOptions = {}): SafeHtml {
  return html`<div class="field${errors.has(id) ? ' field-error' : ''}"><label for="${id}">${label}</label>${fieldNotes(id, errors, o.hint)}
<textarea id="${id}" name="${o.name ?? id}" rows="4"${o.required ? raw(' required') : ''}${invalidAttrs(id, errors, o.hint)}>${value ?? ''}</textarea></div>`;
}

export function selectField(id: string, label: string, options: Array<[value: string, label: string]>, selected: string | undefined, errors: Errors, o: FieldOptions = {}): SafeHtml {
  return html`<div class="field${errors.has(id) ? ' field-error' : ''}"><label for="${id}">${label}</label>${fieldNotes(id, errors, o.hint)}
<select id="${id}" name="${o.name ?? id}"${o.required ? raw(' required') : ''}${raw(o.attrs ? ` ${o.attrs}` : '')}${invalidAttrs(id, errors, o.hint)}>${options.map(([value, text]) => html`<option value="${value}"${value === (selected ?? '') ? raw(' selected') : ''}>${text}</option>`)}</select></div>`;
}

/** Checkboxes in a fieldset whose legend names them; the error sits under the legend. */
export function checkboxGroup(id: string, legend: string, options: Array<[value: string, label: string]>, checked: string[], errors: Errors, hint?: string): SafeHtml {
  return html`<fieldset class="choices${errors.has(id) ? ' field-error' : ''}" id="${id}"${invalidAttrs(id, errors, hint)}><legend>${legend}</legend>${fieldNotes(id, errors, hint)}
${options.map(([value, text], i) => html`<div class="choice"><input type="checkbox" id="${id}-${i}" name="${id}" value="${value}"${checked.includes(value) ? raw(' checked') : ''}><label for="${id}-${i}">${text}</label></div>`)}</fieldset>`;
}

export const hiddenFields = (fields: Record<string, string | string[] | undefined>) => html`${Object.entries(fields).flatMap(([name, value]) =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => html`<input type="hidden" name="${name}" value="${v}">`))}`;

/** A confirmation step: the same form posted again with confirm=1, or back to `cancelHref` (labels: the buttons' own words, when "Confirm"/"Cancel" say too little). */
export function confirmation(w: WorkStrings, action: string, message: string | SafeHtml, fields: Record<string, string | string[] | undefined>, cancelHref: string, list?: SafeHtml,
  labels: { heading?: string; confirm?: string; cancel?: string } = {}): SafeHtml {
  return html`<section class="confirm" aria-labelledby="confirm-heading"><h2 id="confirm-heading">${labels.heading ?? w.common.confirmHeading}</h2>
<p>${message}</p>${list ?? ''}
<form method="post" action="${action}">${hiddenFields({ ...fields, confirm: '1' })}
<div class="form-actions"><button class="button" type="submit">${labels.confirm ?? w.common.confirm}</button> <a href="${cancelHref}">${labels.cancel ?? w.common.cancel}</a></div></form></section>`;
}

export const notice = (text: string | undefined) => (text ? html`<p class="notice" role="status">${text}</p>` : '');

/** Whole number in [min, max] from a form field, or an error. */
export function intField(body: unknown, name: string, min: number, max: number, w: WorkStrings, errors: Errors, fallback?: number | null): number | null | undefined {
  const raw = one(body, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || n < min || n > max) { errors.set(name, w.common.number(min, max)); return undefined; }
  return n;
}

export function dateTime(value: Date | string | null | undefined, language: UiLanguage, timeZone: string, withTime = true): string {
  if (!value) return '–';
  return formatDate(value, language, timeZone, { dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' } : {}) });
}
