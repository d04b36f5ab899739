/**
 * A person's own notifications (notifications:read, every role), reached from the bell in the
 * banner (layout.ts), not from the menu:
 *
 *  - GET  /app/notifications            newest first, 50 a page (keyset), all or only unread;
 *  - GET  /app/notifications/:id/open   marks it read and goes on to its case;
 *  - POST /app/notifications/:id/read   marks one read, back to the list;
 *  - POST /app/notifications/read-all   marks every unread one read.
 *
 * Everything goes through the notification service with the caller's own user id, so another
 * person's notification answers 404 like one that does not exist.
 */
import type { FastifyInstance } from 'fastify';
import { forbidden } from '../errors.ts';
import { decodeCursor } from '../http/schemas.ts';
import { notificationsText, type NotificationFilter, type NotificationStrings } from '../i18n/notifications.ts';
import { caseFacts, displayTitle, type CaseFacts } from '../loop/case-summary.ts';
import { listNotifications, markAllRead, markRead, type NotificationView } from '../notifications/service.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { dateTime, hiddenFields, notice, one, page, uuidParam, UUID, type OpenPage } from './page-kit.ts';

const PAGE_SIZE = 50;
const LIST = '/app/notifications';

/** The list's address for a filter (all is the default, left out) and cursor. */
function listHref(filter: NotificationFilter, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ ...(filter === 'unread' ? { filter } : {}), ...extra }).toString();
  return q ? `${LIST}?${q}` : LIST;
}

const filterOf = (value: string | undefined): NotificationFilter | undefined =>
  value === undefined || value === 'all' ? 'all' : value === 'unread' ? 'unread' : undefined;

/** A cursor of the list as the service writes it ([0, created_at, id]); anything else is no cursor. */
function validCursor(cursor: string | undefined): boolean {
  if (cursor === undefined) return true;
  try {
    const parts = decodeCursor(cursor);
    return Array.isArray(parts) && parts.length === 3 && parts[0] === 0 && typeof parts[1] === 'string' && !Number.isNaN(Date.parse(parts[1]))
      && typeof parts[2] === 'string' && UUID.test(parts[2]);
  } catch {
    return false; // not base64 JSON: treated as a bad filter below
  }
}

/**
 * The notification in words, from what was stored when it was made; a generated case title
 * (stored in the organisation's language) is said again in the reader's, from the case's facts.
 */
export function notificationWords(n: Pick<NotificationView, 'kind' | 'data'>, s: NotificationStrings, facts?: { of: CaseFacts | undefined; language: OpenPage['language'] }): string {
  const stored = n.data.title ?? '';
  const title = facts ? displayTitle(stored, facts.of, facts.language, false) : stored;
  // A generated case title already names its touchpoint ("NPS 2 at E-lasku"): said once, not twice.
  const touchpoint = n.data.touchpoint && !title.includes(n.data.touchpoint) ? n.data.touchpoint : null;
  const words = { title, touchpoint, employee: n.data.employee ?? null };
  switch (n.kind) {
    case 'case_assigned': return s.caseAssigned(words);
    case 'case_escalated': return s.caseEscalated(words);
    case 'praise_received': return s.praise(words);
    default: return s.other(words);
  }
}

function item(n: NotificationView, s: NotificationStrings, p: OpenPage, filter: NotificationFilter, facts: Map<string, CaseFacts>): SafeHtml {
  const words = notificationWords(n, s, { of: n.caseId ? facts.get(n.caseId) : undefined, language: p.language });
  const unread = n.readAt === null;
  // The case page needs cases:read; without it the notice is text, marked read by its button.
  const what = n.url && p.can('cases:read') ? html`<a href="${LIST}/${n.id}/open">${words}</a>` : words;
  return html`<li class="${unread ? 'unread' : 'read'}">
<div><p class="what"><span class="badge">${unread ? s.unreadMark : s.readMark}</span> ${what}</p>
<p class="muted">${s.received} <time datetime="${new Date(n.createdAt).toISOString()}">${dateTime(n.createdAt, p.language, p.timeZone)}</time></p></div>
${unread ? html`<form method="post" action="${LIST}/${n.id}/read">${hiddenFields({ filter })}<button class="button secondary" type="submit">${s.markRead}<span class="visually-hidden">: ${words}</span></button></form>` : ''}
</li>`;
}

export async function notificationPageRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const now = () => (app.deps.now ?? (() => new Date()))();
  /** The caller's own id: page() lets only signed-in people (not API keys) get this far with a user. */
  const self = (p: OpenPage) => {
    if (!p.auth.userId) throw forbidden('Notifications belong to a signed-in person, not to an API key');
    return { orgId: p.auth.orgId, userId: p.auth.userId };
  };

  page(app, 'GET', LIST, 'notifications:read', async (request, _reply, p) => {
    const s = notificationsText(p.language);
    const { orgId, userId } = self(p);
    const q = request.query;
    const asked = filterOf(one(q, 'filter'));
    const cursor = one(q, 'cursor');
    const invalid = asked === undefined || !validCursor(cursor);
    const filter = asked ?? 'all';
    const list = await listNotifications(db, orgId, userId, {
      limit: PAGE_SIZE, cursor: invalid ? undefined : cursor, unreadOnly: filter === 'unread', newestFirst: true,
    });
    const facts = await caseFacts(db, orgId, [...new Set(list.items.flatMap((n) => (n.caseId ? [n.caseId] : [])))]);
    const marked = one(q, 'marked');
    const tabs = html`<nav aria-label="${s.filterLabel}"><ul class="tabs">${(['all', 'unread'] as const).map((f) => html`
<li><a href="${listHref(f)}"${f === filter ? raw(' aria-current="page"') : ''}>${s.filters[f]}</a></li>`)}</ul></nav>`;
    const markAll = list.unreadCount > 0
      ? html`<form method="post" action="${LIST}/read-all">${hiddenFields({ filter })}<button class="button" type="submit">${s.markAllRead}</button></form>` : '';
    const body = list.items.length === 0
      ? html`<div class="empty" role="status"><p>${filter === 'unread' ? s.emptyUnread : s.emptyAll}</p>${filter === 'unread' ? html`<p><a href="${LIST}">${s.showAll}</a></p>` : ''}</div>`
      : html`<ul class="notifications">${list.items.map((n) => item(n, s, p, filter, facts))}</ul>`;
    const pager = cursor || list.nextCursor ? html`<nav aria-label="${s.pages}"><p>${cursor && !invalid ? html`<a href="${listHref(filter)}">${p.w.common.firstPage}</a> ` : ''}${list.nextCursor ? html`<a href="${listHref(filter, { cursor: list.nextCursor })}">${p.w.common.nextPage}</a>` : ''}</p></nav>` : '';
    return p.send('notifications', s.title, html`<h1>${s.title}</h1>
<p class="lead">${s.intro}</p>
${invalid ? notice(s.invalidFilter) : ''}${marked && /^\d{1,6}$/.test(marked) ? notice(s.marked(Number(marked))) : ''}
<p><strong>${s.unreadSummary(list.unreadCount)}</strong></p>
${tabs}
${markAll}
${body}
${pager}`, invalid ? 400 : 200);
  });

  page<{ id: string }>(app, 'GET', `${LIST}/:id/open`, 'notifications:read', async (request, reply, p) => {
    const { orgId, userId } = self(p);
    const n = await markRead(db, orgId, userId, uuidParam(request.params.id, 'Notification'), now());
    return reply.redirect(n.url && p.can('cases:read') ? n.url : LIST, 303);
  });

  page<{ id: string }>(app, 'POST', `${LIST}/:id/read`, 'notifications:read', async (request, reply, p) => {
    const { orgId, userId } = self(p);
    await markRead(db, orgId, userId, uuidParam(request.params.id, 'Notification'), now());
    return reply.redirect(listHref(filterOf(one(request.body, 'filter')) ?? 'all'), 303);
  });

  page(app, 'POST', `${LIST}/read-all`, 'notifications:read', async (request, reply, p) => {
    const { orgId, userId } = self(p);
    const marked = await markAllRead(db, orgId, userId, now());
    return reply.redirect(listHref(filterOf(one(request.body, 'filter')) ?? 'all', { marked: String(marked) }), 303);
  });
}
