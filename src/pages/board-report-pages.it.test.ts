/**
 * /app/reports/board over HTTP at a fixed clock: the month chooser defaults to the last
 * complete month in the organisation's time zone (worked out here by hand for two zones), a
 * bad month or language is a 400 naming the field, the preview is the report in the chosen
 * language, schedules are added (bad input stores nothing) and deleted after a confirmation,
 * and only roles with reports:read see the menu entry and the page; only reports:manage the schedules.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { createUser } from '../auth/service.ts';

const PAGE = '/app/reports/board';
// 22:30 UTC on 31 December 2026: 00:30 on 1 January 2027 in Helsinki (UTC+2), 17:30 on 31 December in New York (UTC−5).
const clock = new Date('2026-12-31T22:30:00Z');

describe('board report page', () => {
  let t: TestApp;
  const clients: Record<string, PageClient> = {};
  const scheduleCount = async () => (await t.db.query<{ n: number }>(`select count(*)::int as n from board_report_schedules where org_id = $1`, [t.orgId]))[0].n;
  const selected = (text: string, field: string) => text.match(new RegExp(`<select id="${field}"[^>]*>.*?<option value="([^"]*)" selected>`, 's'))?.[1];
  const navHasReports = (text: string) => /<nav class="main-nav".*?href="\/app\/reports\/board".*?<\/nav>/s.test(text);

  before(async () => {
    t = await startTestApp({ now: () => clock });
    const tp = await journeyWithTouchpoint(t);
    await t.db.query(`update organizations set time_zone = 'Europe/Helsinki', name = 'Kauppa Oy' where id = $1`, [t.orgId]);
    for (const [name, role] of [['aino', 'admin'], ['anna', 'analyst'], ['ville', 'viewer'], ['mari', 'unit_manager'], ['pia', 'frontline']] as const) {
      await createUser(t.db, t.orgId, { email: `${name}@example.com`, name, role, unitId: role === 'unit_manager' || role === 'frontline' ? tp.unitId : null, language: 'en', password: 'correct horse battery' });
      clients[name] = pageClient(t, await sessionCookie(t, `${name}@example.com`));
    }
  });
  after(() => t.close());

  test('the month defaults to the last complete month in the organisation’s time zone', async () => {
    const helsinki = await clients.aino.get(PAGE);
    assert.equal(helsinki.status, 200);
    assert.equal(selected(helsinki.text, 'month'), '2026-12');
    assert.match(helsinki.text, /<option value="2026-12" selected>December 2026<\/option>/);
    // 24 months are offered, newest first: December 2026 back to January 2025.
    const offered = [...helsinki.text.matchAll(/<option value="(\d{4}-\d{2})"/g)].map((m) => m[1]);
    assert.equal(offered.length, 24);
    assert.equal(offered[23], '2025-01');
    assert.equal(selected(helsinki.text, 'language'), 'en', 'the reader’s language by default');
    assert.match(helsinki.text, /href="\/api\/v1\/reports\/board\?month=2026-12&amp;format=pdf&amp;lang=en"/);
    assert.match(helsinki.text, /Download PDF \(December 2026\)/);

    await t.db.query(`update organizations set time_zone = 'America/New_York' where id = $1`, [t.orgId]);
    try {
      const newYork = await clients.aino.get(PAGE);
      assert.equal(selected(newYork.text, 'month'), '2026-11');
      const tooEarly = await clients.aino.get(`${PAGE}?month=2026-12`);
      assert.equal(tooEarly.status, 400, 'December is not over in New York');
    } finally {
      await t.db.query(`update organizations set time_zone = 'Europe/Helsinki' where id = $1`, [t.orgId]);
    }
  });

  test('a bad month or language is a 400 naming the field, without a preview', async () => {
    for (const month of ['2026-13', 'last', '2027-01']) {
      const res = await clients.aino.get(`${PAGE}?month=${month}`);
      assert.equal(res.status, 400, month);
      assert.match(res.text, /<a href="#month">Month: choose a completed month from the list\.<\/a>/);
      assert.match(res.text, /<select id="month" name="month" aria-describedby="month-error" aria-invalid="true">/);
      assert.doesNotMatch(res.text, /class="report-preview"/);
    }
    const language = await clients.aino.get(`${PAGE}?month=2026-10&language=de`);
    assert.equal(language.status, 400);
    assert.match(language.text, /<a href="#language">Report language: choose one of the languages in the list\.<\/a>/);
  });

  test('the preview is the chosen month’s report in the chosen language', async () => {
    const res = await clients.aino.get(`${PAGE}?month=2026-10&language=sv`);
    assert.equal(res.status, 200);
    assert.equal(selected(res.text, 'month'), '2026-10');
    assert.equal(selected(res.text, 'language'), 'sv');
    assert.match(res.text, /<section class="report-preview" lang="sv" aria-labelledby="report-title">/);
    assert.match(res.text, /<h2 id="report-title">Styrelsens kundupplevelserapport<\/h2>/);
    assert.match(res.text, /Kauppa Oy · oktober 2026/);
    assert.match(res.text, /<h2>Nyckeltal<\/h2>/);
    assert.match(res.text, /href="\/api\/v1\/reports\/board\?month=2026-10&amp;format=pdf&amp;lang=sv"/);
    // The page around it stays in the reader's language.
    assert.match(res.text, /<h1>Board report<\/h1>/);
  });

  test('a schedule is added, listed in words and deleted after a confirmation; bad input stores nothing', async () => {
    const bad: Array<[Record<string, string>, string, string]> = [
      [{ recipients: '', scheduleLanguage: 'sv', dayOfMonth: '5', hour: '8' }, 'recipients', 'Recipients: enter at least one e-mail address.'],
      [{ recipients: 'board@example.com\nnot-an-address', scheduleLanguage: 'sv', dayOfMonth: '5', hour: '8' }, 'recipients', 'Recipients: “not-an-address” is not an e-mail address.'],
      [{ recipients: 'board@example.com', scheduleLanguage: 'de', dayOfMonth: '5', hour: '8' }, 'scheduleLanguage', 'Language: choose one of the languages in the list.'],
      [{ recipients: 'board@example.com', scheduleLanguage: 'sv', dayOfMonth: '29', hour: '8' }, 'dayOfMonth', 'Day of the month: enter a whole number from 1 to 28.'],
      [{ recipients: 'board@example.com', scheduleLanguage: 'sv', dayOfMonth: '5', hour: '24' }, 'hour', 'Time of day: enter a whole number from 0 to 23.'],
    ];
    for (const [fields, field, message] of bad) {
      const res = await clients.aino.post(`${PAGE}/schedules`, fields);
      assert.equal(res.status, 400, field);
      assert.ok(res.text.includes(`<a href="#${field}">${message}</a>`), `${field}: ${message}`);
      assert.match(res.text, new RegExp(`id="${field}" name="${field}"[^>]*aria-invalid="true"`));
    }
    assert.equal(await scheduleCount(), 0);

    const added = await clients.aino.post(`${PAGE}/schedules`, { recipients: 'board@example.com, cfo@example.com\nboard@example.com', scheduleLanguage: 'sv', dayOfMonth: '5', hour: '8' });
    assert.equal(added.status, 303);
    assert.equal(added.location, `${PAGE}?saved=added#schedules`);
    const api = await t.api('/api/v1/reports/board/schedules');
    assert.equal(api.body.items.length, 1);
    const [stored] = api.body.items;
    assert.deepEqual([stored.recipients, stored.language, stored.dayOfMonth, stored.hour, stored.enabled], [['board@example.com', 'cfo@example.com'], 'sv', 5, 8, true]);

    const listed = await clients.aino.get(`${PAGE}?saved=added`);
    assert.match(listed.text, /Schedule added\./);
    assert.match(listed.text, /<th scope="row">board@example\.com and cfo@example\.com<\/th><td>Swedish<\/td><td>On day 5 of every month at 08:00<\/td>\s*<td>Not sent yet<\/td>/);

    const ask = await clients.aino.post(`${PAGE}/schedules/${stored.id}/delete`, {});
    assert.equal(ask.status, 200);
    assert.match(ask.text, /Delete the schedule: Swedish, on day 5 of every month at 08:00: board@example\.com and cfo@example\.com\?/);
    assert.equal(await scheduleCount(), 1, 'asking deletes nothing');
    const done = await clients.aino.post(`${PAGE}/schedules/${stored.id}/delete`, { confirm: '1' });
    assert.equal(done.status, 303);
    assert.equal(await scheduleCount(), 0);
    assert.equal((await clients.aino.post(`${PAGE}/schedules/${stored.id}/delete`, { confirm: '1' })).status, 404);
  });

  test('a schedule is edited (bad input changes nothing), paused and resumed from the page', async () => {
    const added = await clients.aino.post(`${PAGE}/schedules`, { recipients: 'board@example.com', scheduleLanguage: 'fi', dayOfMonth: '3', hour: '9' });
    assert.equal(added.status, 303);
    const [stored] = (await t.api('/api/v1/reports/board/schedules')).body.items;
    const storedNow = async () => (await t.api('/api/v1/reports/board/schedules')).body.items.find((x: { id: string }) => x.id === stored.id);

    const form = await clients.aino.get(`${PAGE}/schedules/${stored.id}/edit`);
    assert.equal(form.status, 200);
    assert.match(form.text, /<textarea id="recipients" name="recipients"[^>]*>board@example\.com<\/textarea>/);
    assert.match(form.text, /<input id="dayOfMonth" name="dayOfMonth" type="number" value="3"/);
    assert.match(form.text, /<input type="checkbox" id="enabled-0" name="enabled" value="on" checked>/);

    const bad = await clients.aino.post(`${PAGE}/schedules/${stored.id}`, { recipients: 'board@example.com', scheduleLanguage: 'fi', dayOfMonth: '31', hour: '9', enabled: 'on' });
    assert.equal(bad.status, 400);
    assert.ok(bad.text.includes('<a href="#dayOfMonth">Day of the month: enter a whole number from 1 to 28.</a>'));
    assert.equal((await storedNow()).dayOfMonth, 3, 'a refused edit changes nothing');

    // Unticking "Active" keeps the schedule and stops its e-mails.
    const saved = await clients.aino.post(`${PAGE}/schedules/${stored.id}`, { recipients: 'cfo@example.com', scheduleLanguage: 'pl', dayOfMonth: '10', hour: '6' });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, `${PAGE}?saved=updated#schedules`);
    let now = await storedNow();
    assert.deepEqual([now.recipients, now.language, now.dayOfMonth, now.hour, now.enabled], [['cfo@example.com'], 'pl', 10, 6, false]);
    const listed = await clients.aino.get(`${PAGE}?saved=updated`);
    assert.match(listed.text, /Schedule saved\./);
    assert.match(listed.text, /<th scope="row">cfo@example\.com<\/th><td>Polish<\/td><td>On day 10 of every month at 06:00 \(paused\)<\/td>/);
    assert.match(listed.text, new RegExp(`action="${PAGE}/schedules/${stored.id}/resume"><button class="button secondary" type="submit">Resume`));

    assert.equal((await clients.aino.post(`${PAGE}/schedules/${stored.id}/resume`, {})).location, `${PAGE}?saved=resumed#schedules`);
    assert.equal((await storedNow()).enabled, true);
    assert.equal((await clients.aino.post(`${PAGE}/schedules/${stored.id}/pause`, {})).location, `${PAGE}?saved=paused#schedules`);
    now = await storedNow();
    assert.equal(now.enabled, false);
    assert.deepEqual([now.recipients, now.dayOfMonth], [['cfo@example.com'], 10], 'pausing keeps the rest');

    // Only reports:manage; another id is a 404.
    assert.equal((await clients.ville.post(`${PAGE}/schedules/${stored.id}/resume`, {})).status, 403);
    assert.equal((await clients.ville.get(`${PAGE}/schedules/${stored.id}/edit`)).status, 403);
    assert.equal((await clients.aino.post(`${PAGE}/schedules/00000000-0000-4000-8000-000000000000/pause`, {})).status, 404);
    assert.equal((await storedNow()).enabled, false);
    await clients.aino.post(`${PAGE}/schedules/${stored.id}/delete`, { confirm: '1' });
  });

  test('roles: the menu entry and page for reports:read, the schedules for reports:manage only', async () => {
    for (const name of ['mari', 'pia']) {
      const home = await clients[name].get('/app');
      assert.equal(home.status, 200);
      assert.equal(navHasReports(home.text), false, `${name} has no Reports entry`);
      assert.equal((await clients[name].get(PAGE)).status, 403, name);
    }
    for (const name of ['aino', 'anna', 'ville']) {
      const home = await clients[name].get('/app');
      assert.match(home.text, /<li><a href="\/app\/reports\/board">Reports<\/a><\/li>/, name);
      const res = await clients[name].get(PAGE);
      assert.equal(res.status, 200, name);
      assert.match(res.text, /<a href="\/app\/reports\/board" aria-current="page">Reports<\/a>/);
      assert.equal(res.text.includes('id="schedules"'), name === 'aino', `${name}: schedules only with reports:manage`);
    }
    for (const name of ['anna', 'pia']) {
      const res = await clients[name].post(`${PAGE}/schedules`, { recipients: 'board@example.com', scheduleLanguage: 'sv', dayOfMonth: '5', hour: '8' });
      assert.equal(res.status, 403, name);
    }
    assert.equal(await scheduleCount(), 0);
  });
});
