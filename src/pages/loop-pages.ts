/**
 * The closed loop's dashboard pages, server-rendered without scripts: the praise wall
 * (/app/praise) and feedback on our work (/app/feedback) — one's own for frontline staff, a
 * unit and its people for managers and analysts. They show what the API gives
 * (src/loop/praise.ts, src/loop/frontline.ts), so scopes and minimum group sizes hold here too.
 * Registered inside dashboardRoutes, whose security headers and error pages they share.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { identify } from '../auth/plugin.ts';
import { allows, type AuthContext, type Permission } from '../auth/permissions.ts';
import { KaikuError } from '../errors.ts';
import { dashboardText } from '../i18n/dashboard.ts';
import { loopPageText, type LoopPageStrings } from '../i18n/board-report.ts';
import type { UiLanguage } from '../i18n/index.ts';
import { getOrganization } from '../orgs/service.ts';
import { praiseWall } from '../loop/praise.ts';
import { myFeedback, unitFeedback, viewableUnits } from '../loop/frontline.ts';
import { html, type SafeHtml } from './html.ts';
import { appShell, type PageId } from './layout.ts';
import { hrefWithLanguage, keepLanguageChoice, profileOf, uiLanguage } from './dashboard-routes.ts';

type Query = Record<string, unknown>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const param = (query: Query, name: string) => (typeof query[name] === 'string' ? query[name] as string : undefined);

interface Figure { n: number | null; nps: number | null; ci95: [number, number] | null; suppressed: boolean }

const npsText = (f: Figure, s: LoopPageStrings, locale: string) =>
  f.suppressed ? s.hidden : f.nps === null ? '–' : new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(f.nps);

function trendTable(caption: string, rows: Array<Figure & { month: string }>, s: LoopPageStrings, locale: string): SafeHtml {
  return html`<table><caption>${caption}</caption>
<thead><tr><th scope="col">${s.month}</th><th scope="col">${s.nps}</th><th scope="col">${s.answers}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.month}</th><td>${npsText(r, s, locale)}</td><td>${r.suppressed ? '–' : r.n ?? 0}</td></tr>`)}</tbody></table>`;
}

export async function loopPageRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const now = () => (app.deps.now ?? (() => new Date()))();

  /** Signed in (else to the sign-in form) and allowed; the page's language and frame. */
  async function open(request: FastifyRequest, reply: FastifyReply, permission: Permission) {
    const auth = await identify(app, request);
    if (!auth) {
      reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
      return undefined;
    }
    if (!allows(auth, permission)) throw new KaikuError('forbidden', 'Your role does not allow this page', { status: 403 });
    const profile = await profileOf(app, auth);
    const language = uiLanguage(request, profile.language);
    await keepLanguageChoice(app, request, reply, auth, profile.language);
    const org = await getOrganization(db, auth.orgId);
    const send = (current: PageId, title: string, body: SafeHtml) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(appShell({
      language, t: dashboardText(language), title, current, userName: profile.name, organizationName: org.name,
      languageHref: (l: UiLanguage) => hrefWithLanguage(request, l), body,
    }).toString());
    return { auth, language, s: loopPageText(language), locale: dashboardLocale(language), org, send };
  }

  app.get('/app/praise', { schema: { hide: true } }, async (request, reply) => {
    const page = await open(request, reply, 'cases:read');
    if (!page) return reply;
    const { s, locale } = page;
    const cursor = param(request.query as Query, 'cursor');
    const wall = await praiseWall(db, page.auth, { limit: 30, cursor });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: page.org.timeZone });
    return page.send('praise', s.praiseTitle, html`<h1>${s.praiseTitle}</h1>
<p>${s.praiseIntro}</p>
${wall.items.length === 0 ? html`<p>${s.noPraise}</p>` : html`<ul class="praise-wall">${wall.items.map((item) => html`<li><figure>
<blockquote>${item.text ?? '★'.repeat(5)}</blockquote>
<figcaption>${[item.employee, item.unit, item.touchpoint].filter(Boolean).join(' · ')} · <time datetime="${item.at}">${date.format(new Date(item.at))}</time>${item.score === null ? '' : ` · ${s.nps} ${item.score}`}</figcaption>
</figure></li>`)}</ul>`}
${wall.nextCursor ? html`<p><a href="${`/app/praise?cursor=${encodeURIComponent(wall.nextCursor)}`}">${s.older}</a></p>` : ''}`);
  });

  app.get('/app/feedback', { schema: { hide: true } }, async (request, reply) => {
    const page = await open(request, reply, 'metrics:read');
    if (!page) return reply;
    const { s, locale, auth } = page;
    const intro = html`<h1>${s.feedbackTitle}</h1><p>${s.feedbackIntro(page.org.minGroupSize)}</p>`;
    if (auth.scope.kind === 'employees') return page.send('feedback', s.feedbackTitle, html`${intro}${await ownSection(auth, s, locale)}`);
    const units = await viewableUnits(db, auth);
    const requested = param(request.query as Query, 'unitId');
    const unitId = requested && UUID.test(requested) ? requested : units[0]?.id;
    const chooser = html`<form method="get" action="/app/feedback"><label for="unitId">${s.chooseUnit}</label>
<select id="unitId" name="unitId">${units.map((u) => html`<option value="${u.id}"${u.id === unitId ? html` selected` : ''}>${u.name}</option>`)}</select>
<button type="submit">${s.show}</button></form>`;
    if (!unitId) return page.send('feedback', s.feedbackTitle, html`${intro}${await ownSection(auth, s, locale)}`);
    const unit = await unitFeedback(db, auth, unitId, now());
    return page.send('feedback', s.feedbackTitle, html`${intro}${chooser}
<h2>${s.unitFeedback(unit.name)}</h2>
<p>${s.nps}: ${npsText(unit.overall, s, locale)} (${s.answers}: ${unit.overall.n ?? 0})</p>
${trendTable(s.unitFeedback(unit.name), unit.trend, s, locale)}
<h3>${s.people}</h3>
<table><thead><tr><th scope="col">${s.person}</th><th scope="col">${s.nps}</th><th scope="col">${s.answers}</th></tr></thead>
<tbody>${unit.people.map((p) => html`<tr><th scope="row">${p.name ?? ''}</th><td>${npsText(p, s, locale)}</td><td>${p.suppressed ? '–' : p.n ?? 0}</td></tr>`)}</tbody></table>`);
  });

  async function ownSection(auth: AuthContext, s: LoopPageStrings, locale: string): Promise<SafeHtml> {
    if (!auth.userId) return html``;
    const mine = await myFeedback(db, auth, now());
    if (mine.employees.length === 0) return html`<p>${s.noEmployeeRecord}</p>`;
    return html`${mine.employees.map((e) => html`<h2>${s.yourFeedback(e.name, e.unit)}</h2>
<p>${s.nps}: ${npsText(e.overall, s, locale)} (${s.answers}: ${e.overall.suppressed ? '–' : e.overall.n ?? 0})</p>
${trendTable(s.yourFeedback(e.name, e.unit), e.trend, s, locale)}
${e.words.length === 0 ? '' : html`<h3>${s.customersSaid}</h3><ul>${e.words.map((w) => html`<li><blockquote>${w.text}</blockquote></li>`)}</ul>`}`)}`;
  }
}

const dashboardLocale = (language: UiLanguage) => ({ fi: 'fi-FI', sv: 'sv-SE', en: 'en-GB', pl: 'pl-PL' })[language];
