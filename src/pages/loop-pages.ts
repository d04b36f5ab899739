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
import { unreadCountOf } from '../notifications/service.ts';
import { praiseWall } from '../loop/praise.ts';
import { myFeedback, unitFeedback, viewableUnits } from '../loop/frontline.ts';
import { html, type SafeHtml } from './html.ts';
import { loopMetricsRoutes } from './loop-metrics-page.ts';
import { answerDownload, downloadContext, downloadLinks, tableHtml, type DownloadContext, type Downloadable, type TableCell, type TableModel } from './downloads.ts';
import { appShell, type PageId } from './layout.ts';
import { hrefWithLanguage, keepLanguageChoice, profileOf, uiLanguage } from './session.ts';
import { UUID } from '../vocabulary.ts';

type Query = Record<string, unknown>;
const param = (query: Query, name: string) => (typeof query[name] === 'string' ? query[name] as string : undefined);

interface Figure { n: number | null; nps: number | null; ci95: [number, number] | null; suppressed: boolean }

/** NPS as the tables show it: the number, 'hidden' when suppressed, null (–) when none. */
const npsCell = (f: Figure, s: LoopPageStrings): TableCell => f.suppressed ? s.hidden : f.nps;
/** Answers as the tables show them: null (–) when suppressed. */
const answersCell = (f: Figure): TableCell => f.suppressed ? null : f.n ?? 0;

const npsText = (f: Figure, s: LoopPageStrings, locale: string) =>
  f.suppressed ? s.hidden : f.nps === null ? '–' : new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(f.nps);

/** A month-by-month table of a person's or unit's NPS (shown, and downloadable as CSV/XLSX). */
export function trendTable(id: string, caption: string, rows: Array<Figure & { month: string }>, s: LoopPageStrings): TableModel {
  return {
    id, title: caption,
    columns: [{ label: s.month, kind: 'text' }, { label: s.nps, kind: 'number' }, { label: s.answers, kind: 'number' }],
    rows: rows.map((r) => [r.month, npsCell(r, s), answersCell(r)]),
  };
}

export function peopleTable(id: string, caption: string, people: Array<Figure & { name: string | null }>, s: LoopPageStrings): TableModel {
  return {
    id, title: caption,
    columns: [{ label: s.person, kind: 'text' }, { label: s.nps, kind: 'number' }, { label: s.answers, kind: 'number' }],
    rows: people.map((p) => [p.name ?? '', npsCell(p, s), answersCell(p)]),
  };
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
    const [org, unread] = await Promise.all([getOrganization(db, auth.orgId), unreadCountOf(db, auth)]);
    const send = (current: PageId, title: string, body: SafeHtml) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(appShell({
      language, t: dashboardText(language), title, current, userName: profile.name, organizationName: org.name, unread,
      languageHref: (l: UiLanguage) => hrefWithLanguage(request, l), body, can: (p: Permission) => allows(auth, p),
    }).toString());
    const downloads = downloadContext(request, language);
    /** Serves `?download=` from the page's tables; true when it did. */
    const download = (items: Downloadable[]) => answerDownload(request, reply, items, { chromiumPath: app.deps.config.chromiumPath, language });
    return { auth, language, s: loopPageText(language), locale: dashboardLocale(language), org, send, downloads, download };
  }

  app.get('/app/praise', { schema: { hide: true } }, async (request, reply) => {
    const page = await open(request, reply, 'cases:read');
    if (!page) return reply;
    const { s, locale } = page;
    const cursor = param(request.query as Query, 'cursor');
    const wall = await praiseWall(db, page.auth, { limit: 30, cursor });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: page.org.timeZone });
    // The wall as a table for download: the same praise as listed, one row each.
    const table: TableModel = {
      id: 'praise', title: s.praiseTitle,
      columns: [{ label: s.date, kind: 'text' }, { label: s.person, kind: 'text' }, { label: s.unit, kind: 'text' }, { label: s.touchpoint, kind: 'text' },
        { label: s.nps, kind: 'number' }, { label: s.words, kind: 'text' }],
      rows: wall.items.map((item) => [date.format(new Date(item.at)), item.employee, item.unit, item.touchpoint, item.score, item.text]),
    };
    if (await page.download([table])) return reply;
    return page.send('praise', s.praiseTitle, html`<h1>${s.praiseTitle}</h1>
<p>${s.praiseIntro}</p>
${wall.items.length === 0 ? html`<p>${s.noPraise}</p>` : html`<ul class="praise-wall">${wall.items.map((item) => html`<li><figure>
<blockquote>${item.text ?? '★'.repeat(5)}</blockquote>
<figcaption>${[item.employee, item.unit, item.touchpoint].filter(Boolean).join(' · ')} · <time datetime="${item.at}">${date.format(new Date(item.at))}</time>${item.score === null ? '' : ` · ${s.nps} ${item.score}`}</figcaption>
</figure></li>`)}</ul>
${downloadLinks(table, page.downloads)}`}
${wall.nextCursor ? html`<p><a href="${`/app/praise?cursor=${encodeURIComponent(wall.nextCursor)}`}">${s.older}</a></p>` : ''}`);
  });

  app.get('/app/feedback', { schema: { hide: true } }, async (request, reply) => {
    const page = await open(request, reply, 'metrics:read');
    if (!page) return reply;
    const { s, locale, auth } = page;
    const intro = html`<h1>${s.feedbackTitle}</h1><p>${s.feedbackIntro(page.org.minGroupSize)}</p>`;
    const own = async () => {
      const section = await ownSection(auth, s, locale, page.downloads);
      if (await page.download(section.tables)) return reply;
      return page.send('feedback', s.feedbackTitle, html`${intro}${section.html}`);
    };
    if (auth.scope.kind === 'employees') return own();
    const units = await viewableUnits(db, auth);
    const requested = param(request.query as Query, 'unitId');
    const unitId = requested && UUID.test(requested) ? requested : units[0]?.id;
    const chooser = html`<form method="get" action="/app/feedback"><label for="unitId">${s.chooseUnit}</label>
<select id="unitId" name="unitId">${units.map((u) => html`<option value="${u.id}"${u.id === unitId ? html` selected` : ''}>${u.name}</option>`)}</select>
<button type="submit">${s.show}</button></form>`;
    if (!unitId) return own();
    const unit = await unitFeedback(db, auth, unitId, now());
    const trend = trendTable('unit-trend', s.unitFeedback(unit.name), unit.trend, s);
    const people = peopleTable('unit-people', s.people, unit.people, s);
    if (await page.download([trend, people])) return reply;
    return page.send('feedback', s.feedbackTitle, html`${intro}${chooser}
<h2>${s.unitFeedback(unit.name)}</h2>
<p>${s.nps}: ${npsText(unit.overall, s, locale)} (${s.answers}: ${unit.overall.n ?? 0})</p>
${tableHtml(trend, page.downloads)}
<h3>${s.people}</h3>
${tableHtml(people, page.downloads)}`);
  });

  async function ownSection(auth: AuthContext, s: LoopPageStrings, locale: string, downloads: DownloadContext): Promise<{ html: SafeHtml; tables: TableModel[] }> {
    if (!auth.userId) return { html: html``, tables: [] };
    const mine = await myFeedback(db, auth, now());
    if (mine.employees.length === 0) return { html: html`<p>${s.noEmployeeRecord}</p>`, tables: [] };
    // One trend table per employee record of the person (usually one), numbered in the page's order.
    const tables = mine.employees.map((e, i) => trendTable(`my-trend-${i + 1}`, s.yourFeedback(e.name, e.unit), e.trend, s));
    return {
      tables,
      html: html`${mine.employees.map((e, i) => html`<h2>${s.yourFeedback(e.name, e.unit)}</h2>
<p>${s.nps}: ${npsText(e.overall, s, locale)} (${s.answers}: ${e.overall.suppressed ? '–' : e.overall.n ?? 0})</p>
${tableHtml(tables[i], downloads)}
${e.words.length === 0 ? '' : html`<h3>${s.customersSaid}</h3><ul>${e.words.map((w) => html`<li><blockquote>${w.text}</blockquote></li>`)}</ul>`}`)}`,
    };
  }

  // Closing the loop: the case metrics with the overview's period and unit filters.
  await loopMetricsRoutes(app);
}

const dashboardLocale = (language: UiLanguage) => ({ fi: 'fi-FI', sv: 'sv-SE', en: 'en-GB', pl: 'pl-PL' })[language];
