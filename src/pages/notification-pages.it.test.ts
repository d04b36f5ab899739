/**
 * The notification bell and /app/notifications over HTTP, on notifications stored by hand: the
 * bell's count on every kind of signed-in page is the person's own unread rows (nobody else's),
 * marking one or all read lowers it, opening one marks it read and goes to its case, plurals
 * in Finnish and Polish, 50 a page, the empty state, and another person's notification is 404.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { createUser } from '../auth/service.ts';

describe('notification bell and page', () => {
  let t: TestApp;
  let tp: Awaited<ReturnType<typeof journeyWithTouchpoint>>;
  const users: Record<string, string> = {};
  const clients: Record<string, PageClient> = {};
  const caseId = randomUUID();

  /** Stores a notification for `user` as the loop-notify worker would; returns its id. */
  async function notify(user: string, o: { kind?: string; title?: string; at?: string; read?: boolean; employee?: string | null } = {}) {
    const id = randomUUID();
    const kind = o.kind ?? 'case_assigned';
    const data = { kind, caseId, title: o.title ?? 'Detractor', priority: 'high', dueAt: null, verbatim: null, touchpoint: 'Contract by phone', employee: o.employee ?? null };
    await t.db.query(
      `insert into notifications (org_id, id, user_id, case_id, kind, data, created_at, read_at) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [t.orgId, id, users[user], caseId, kind, JSON.stringify(data), o.at ?? new Date().toISOString(), o.read ? new Date().toISOString() : null]);
    return id;
  }
  const unreadInDb = async (user: string) => (await t.db.query<{ n: number }>(
    `select count(*)::int as n from notifications where org_id = $1 and user_id = $2 and read_at is null`, [t.orgId, users[user]]))[0].n;
  /** The bell's accessible name on a page (the visually hidden words inside the bell link). */
  const bell = (text: string) => text.match(/<a class="bell" href="\/app\/notifications"[^>]*>.*?<span class="visually-hidden">([^<]+)<\/span>/s)?.[1];
  const badge = (text: string) => text.match(/<span class="bell-badge" aria-hidden="true">([^<]+)<\/span>/)?.[1];

  before(async () => {
    t = await startTestApp();
    tp = await journeyWithTouchpoint(t);
    await t.db.query(`update organizations set time_zone = 'Europe/Helsinki' where id = $1`, [t.orgId]);
    await t.db.query(`insert into cases (org_id, id, title, status, touchpoint_id, owner_unit_id) values ($1, $2, 'Detractor', 'new', $3, $4)`, [t.orgId, caseId, tp.touchpointId, tp.unitId]);
    for (const [name, role] of [['mari', 'unit_manager'], ['anna', 'analyst'], ['ville', 'viewer'], ['pia', 'frontline'], ['olli', 'analyst'], ['eero', 'analyst']] as const) {
      users[name] = await createUser(t.db, t.orgId, { email: `${name}@example.com`, name, role, unitId: role === 'unit_manager' || role === 'frontline' ? tp.unitId : null, language: 'en', password: 'correct horse battery' });
      clients[name] = pageClient(t, await sessionCookie(t, `${name}@example.com`));
    }
  });
  after(() => t.close());

  test('the bell counts the person’s own unread notifications on every kind of signed-in page; others’ are not counted', async () => {
    for (let i = 0; i < 3; i++) await notify('anna');
    for (let i = 0; i < 2; i++) await notify('anna', { read: true });
    for (let i = 0; i < 4; i++) await notify('olli');
    const pages = ['/app', '/app/cases', '/app/praise', '/app/loop', '/app/journeys', `/app/touchpoints/${tp.touchpointId}`, '/app/setup', '/app/notifications'];
    for (const path of pages) {
      const res = await clients.anna.get(`${path}${path.includes('?') ? '&' : '?'}lang=en`);
      assert.equal(res.status, 200, path);
      assert.equal(bell(res.text), 'Notifications (3 unread)', path);
      assert.equal(badge(res.text), '3', path);
    }
    assert.equal(bell((await clients.olli.get('/app?lang=en')).text), 'Notifications (4 unread)');
    // Nothing unread: the words say 0 and no badge is drawn.
    const eero = await clients.eero.get('/app?lang=en');
    assert.equal(bell(eero.text), 'Notifications (0 unread)');
    assert.equal(badge(eero.text), undefined);
    // The bell is not a menu entry.
    const menu = eero.text.slice(eero.text.indexOf('<nav class="main-nav"'), eero.text.indexOf('</nav>', eero.text.indexOf('<nav class="main-nav"')));
    assert.doesNotMatch(menu, /\/app\/notifications/);
  });

  test('the list: newest first, in words, dates in the organisation’s time zone, unread marked in words; mark one and all read', async () => {
    const older = await notify('mari', { kind: 'case_escalated', title: 'Late invoice', at: '2026-03-02T10:00:00Z' });
    const newer = await notify('mari', { kind: 'praise_received', title: 'Kind staff', employee: 'Pia', at: '2026-03-03T21:30:00Z', read: true });
    const newest = await notify('mari', { kind: 'case_assigned', title: 'NPS 2', at: '2026-03-04T08:05:00Z' });
    const page = await clients.mari.get('/app/notifications?lang=en');
    assert.equal(page.status, 200);
    const items = [...page.text.matchAll(/<li class="(unread|read)">.*?<p class="what"><span class="badge">([^<]+)<\/span> (?:<a href="([^"]+)">)?([^<]+)/gs)]
      .map((m) => ({ state: m[1], mark: m[2], href: m[3], words: m[4] }));
    assert.deepEqual(items, [
      { state: 'unread', mark: 'Unread', href: `/app/notifications/${newest}/open`, words: 'Case assigned to you: NPS 2 at Contract by phone' },
      { state: 'read', mark: 'Read', href: `/app/notifications/${newer}/open`, words: 'Praise from a customer for Pia: Kind staff' },
      { state: 'unread', mark: 'Unread', href: `/app/notifications/${older}/open`, words: 'SLA breached, escalated to you: Late invoice at Contract by phone' },
    ]);
    // 21:30 UTC on 3 March is 23:30 in Helsinki (UTC+2 in March); 10:00 UTC is 12:00.
    assert.match(page.text, /<time datetime="2026-03-03T21:30:00.000Z">3 Mar 2026, 23:30<\/time>/);
    assert.match(page.text, /<time datetime="2026-03-02T10:00:00.000Z">2 Mar 2026, 12:00<\/time>/);
    assert.match(page.text, /<strong>2 unread<\/strong>/);
    assert.equal(bell(page.text), 'Notifications (2 unread)');

    const marked = await clients.mari.post(`/app/notifications/${older}/read`, { filter: 'unread' });
    assert.equal(marked.status, 303);
    assert.equal(marked.location, '/app/notifications?filter=unread');
    assert.equal(await unreadInDb('mari'), 1);
    const unreadOnly = await clients.mari.get('/app/notifications?filter=unread&lang=en');
    assert.equal(bell(unreadOnly.text), 'Notifications (1 unread)');
    assert.equal([...unreadOnly.text.matchAll(/<li class="unread">/g)].length, 1);
    assert.doesNotMatch(unreadOnly.text, /Late invoice/);

    await notify('mari');
    const all = await clients.mari.post('/app/notifications/read-all', { filter: 'all' });
    assert.equal(all.location, '/app/notifications?marked=2');
    assert.equal(await unreadInDb('mari'), 0);
    const after = await clients.mari.get('/app/notifications?marked=2&lang=en');
    assert.match(after.text, /2 notifications marked as read\./);
    assert.equal(bell(after.text), 'Notifications (0 unread)');
    assert.doesNotMatch(after.text, /Mark all as read/);
    const empty = await clients.mari.get('/app/notifications?filter=unread&lang=en');
    assert.match(empty.text, /You have no unread notifications\./);
  });

  test('opening a notification by its link marks it read and goes to its case', async () => {
    const id = await notify('pia', { kind: 'praise_received', title: 'Thanks!' });
    assert.equal(await unreadInDb('pia'), 1);
    const open = await clients.pia.get(`/app/notifications/${id}/open`);
    assert.equal(open.status, 303);
    assert.equal(open.location, `/app/cases/${caseId}`);
    assert.equal(await unreadInDb('pia'), 0);
    assert.equal(bell((await clients.pia.get('/app/notifications?lang=en')).text), 'Notifications (0 unread)');
  });

  test('another person’s notification is 404 to open or mark, and stays unread', async () => {
    const theirs = await notify('olli', { title: 'Not yours' });
    const before = await unreadInDb('olli');
    assert.equal((await clients.anna.get(`/app/notifications/${theirs}/open`)).status, 404);
    assert.equal((await clients.anna.post(`/app/notifications/${theirs}/read`, {})).status, 404);
    assert.equal((await clients.anna.get('/app/notifications/not-a-uuid/open')).status, 404);
    assert.equal(await unreadInDb('olli'), before);
    assert.doesNotMatch((await clients.anna.get('/app/notifications?lang=en')).text, /Not yours/);
    // Mark-all touches only the caller's own.
    await clients.anna.post('/app/notifications/read-all', {});
    assert.equal(await unreadInDb('olli'), before);
    assert.equal(await unreadInDb('anna'), 0);
  });

  test('plurals of the bell in Finnish and Polish', async () => {
    const expected: Array<[number, string, string]> = [
      [1, 'Ilmoitukset (1 lukematon)', 'Powiadomienia (1 nieprzeczytane)'],
      [2, 'Ilmoitukset (2 lukematonta)', 'Powiadomienia (2 nieprzeczytane)'],
      [5, 'Ilmoitukset (5 lukematonta)', 'Powiadomienia (5 nieprzeczytanych)'],
      [22, 'Ilmoitukset (22 lukematonta)', 'Powiadomienia (22 nieprzeczytane)'],
    ];
    let stored = 0;
    for (const [n, fi, pl] of expected) {
      while (stored < n) { await notify('eero'); stored++; }
      assert.equal(bell((await clients.eero.get('/app?lang=fi')).text), fi);
      assert.equal(bell((await clients.eero.get('/app/notifications?lang=pl')).text), pl);
    }
  });

  test('50 a page, then the rest; every role opens the page; a bad filter answers 400', async () => {
    for (let i = 0; i < 55; i++) await notify('ville', { title: `Case ${i}`, at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() });
    const first = await clients.ville.get('/app/notifications?lang=en');
    assert.equal(first.status, 200);
    const titles = (text: string) => [...text.matchAll(/<\/span> Case assigned to you: (Case \d+) at Contract by phone/g)].map((m) => m[1]);
    assert.deepEqual(titles(first.text), Array.from({ length: 50 }, (_, i) => `Case ${54 - i}`));
    // A viewer may not read cases: the notice is words without a link to the case.
    assert.doesNotMatch(first.text, /\/open"/);
    const next = first.text.match(/href="(\/app\/notifications\?cursor=[^"]+)"/);
    assert.ok(next, 'a next-page link');
    const second = await clients.ville.get(next[1].replaceAll('&amp;', '&'));
    assert.deepEqual(titles(second.text), ['Case 4', 'Case 3', 'Case 2', 'Case 1', 'Case 0']);
    assert.doesNotMatch(second.text, /Next page/);

    for (const name of Object.keys(clients)) assert.equal((await clients[name].get('/app/notifications')).status, 200, name);
    assert.equal((await pageClient(t, null).get('/app/notifications')).status, 303);

    const bad = await clients.ville.get('/app/notifications?filter=maybe&lang=en');
    assert.equal(bad.status, 400);
    assert.match(bad.text, /That filter is not valid/);
    assert.equal((await clients.ville.get('/app/notifications?cursor=garbage&lang=en')).status, 400);
  });

  test('with nothing yet, the page says so in words', async () => {
    await createUser(t.db, t.orgId, { email: 'new@example.com', name: 'New', role: 'analyst', language: 'en', password: 'correct horse battery' });
    const page = await pageClient(t, await sessionCookie(t, 'new@example.com')).get('/app/notifications?lang=en');
    assert.match(page.text, /You have no notifications yet\./);
  });
});
