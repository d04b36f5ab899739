/**
 * Organisation settings, the own-account page and the audit log over HTTP: who may open them,
 * bad input answered 400 at the named field with nothing stored, and what a save changes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { createUser } from '../auth/service.ts';

describe('organisation settings, own account and audit log pages', () => {
  let t: TestApp;
  let admin: PageClient;
  let analyst: PageClient;
  const adminEmail = () => `admin-${t.orgId.slice(0, 8)}@example.com`;
  const orgRow = async () => (await t.db.query<{ name: string; time_zone: string; default_language: string; min_group_size: number; quarantine_days: number }>(
    `select name, time_zone, default_language, min_group_size, quarantine_days from organizations where id = $1`, [t.orgId]))[0];

  before(async () => {
    t = await startTestApp();
    const tp = await journeyWithTouchpoint(t);
    for (const role of ['analyst', 'unit_manager', 'frontline', 'viewer'] as const) {
      await createUser(t.db, t.orgId, { email: `${role}@example.com`, name: `Person ${role}`, role, unitId: role === 'unit_manager' || role === 'frontline' ? tp.unitId : null, password: 'correct horse battery', language: 'en' });
    }
    admin = pageClient(t, await sessionCookie(t, adminEmail()));
    analyst = pageClient(t, await sessionCookie(t, 'analyst@example.com'));
  });
  after(() => t.close());

  test('only admins open organisation settings and the audit log; every role opens its own account from the banner', async () => {
    for (const role of ['analyst', 'unit_manager', 'frontline', 'viewer']) {
      const client = role === 'analyst' ? analyst : pageClient(t, await sessionCookie(t, `${role}@example.com`));
      assert.equal((await client.get('/app/setup/organisation')).status, 403, role);
      assert.equal((await client.post('/app/setup/organisation', { name: 'Taken over', timeZone: 'UTC', defaultLanguage: 'en', minGroupSize: '5', quarantineDays: '30' })).status, 403, role);
      assert.equal((await client.get('/app/setup/audit-log')).status, 403, role);
      const account = await client.get('/app/account?lang=en');
      assert.equal(account.status, 200, role);
      assert.match(account.text, /<a href="\/app\/account" aria-current="page">Your account<\/a>/, role);
    }
    assert.equal((await orgRow()).name, 'Test Org', 'nothing stored by the refused posts');
    assert.equal((await pageClient(t, { key: t.apiKey }).get('/app/account')).status, 403, 'an API key has no account');
    const index = await admin.get('/app/setup?lang=en');
    assert.match(index.text, /<a href="\/app\/setup\/organisation">Organisation<\/a>/);
    assert.match(index.text, /<a href="\/app\/setup\/audit-log">Audit log<\/a>/);
    assert.doesNotMatch((await analyst.get('/app/setup?lang=en')).text, /setup\/organisation|setup\/audit-log/);
  });

  test('organisation: every bad field is named with 400 and nothing is stored; a valid form saves and says so', async () => {
    const page = await admin.get('/app/setup/organisation?lang=en');
    assert.equal(page.status, 200);
    assert.match(page.text, /<option value="Europe\/Helsinki" selected>Europe\/Helsinki<\/option>/, 'the current zone is chosen');
    assert.match(page.text, /<option value="America\/New_York">America\/New York<\/option>/);
    assert.match(page.text, /<a href="\/app\/setup\/organisation\/theme">Theme: /, 'the theme page is linked from here');
    const bad = await admin.post('/app/setup/organisation', { name: '', timeZone: 'Mars/Olympus', defaultLanguage: 'de', minGroupSize: '0', quarantineDays: '1.5', lang: 'en' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /<a href="#name">Fill in this field.<\/a>/);
    assert.match(bad.text, /<a href="#timeZone">Choose a time zone from the list.<\/a>/);
    assert.match(bad.text, /<a href="#defaultLanguage">Choose a language from the list.<\/a>/);
    assert.match(bad.text, /<a href="#minGroupSize">Enter a whole number from 1 to 100.<\/a>/);
    assert.match(bad.text, /<a href="#quarantineDays">Enter a whole number from 0 to 365.<\/a>/);
    assert.match(bad.text, /id="timeZone"[^>]*aria-invalid="true"/);
    const oneBad = await admin.post('/app/setup/organisation', { name: 'Kaiku Oy', timeZone: 'Europe/Warsaw', defaultLanguage: 'sv', minGroupSize: '7', quarantineDays: '366', lang: 'en' });
    assert.equal(oneBad.status, 400);
    assert.match(oneBad.text, /<a href="#quarantineDays">/);
    assert.deepEqual(await orgRow(), { name: 'Test Org', time_zone: 'Europe/Helsinki', default_language: 'fi', min_group_size: 5, quarantine_days: 30 }, 'nothing stored');

    // The default period and business hours as the form sends them (default-period.it.test.ts tests them).
    const unchangedRest: Array<[string, string]> = [['defaultPeriod', '18m'], ...['1', '2', '3', '4', '5'].map((d): [string, string] => ['businessDays', d]), ['businessStart', '08:00'], ['businessEnd', '16:00']];
    const ok = await admin.post('/app/setup/organisation', [...Object.entries({ name: 'Kaiku Oy', timeZone: 'Europe/Warsaw', defaultLanguage: 'sv', minGroupSize: '7', quarantineDays: '14' }), ...unchangedRest]);
    assert.equal(ok.status, 303);
    assert.equal(ok.location, '/app/setup/organisation?saved=1');
    assert.deepEqual(await orgRow(), { name: 'Kaiku Oy', time_zone: 'Europe/Warsaw', default_language: 'sv', min_group_size: 7, quarantine_days: 14 });
    const saved = await admin.get('/app/setup/organisation?saved=1&lang=en');
    assert.match(saved.text, /<p class="notice" role="status">The settings were saved.<\/p>/);
    assert.match(saved.text, /<span class="org">Kaiku Oy<\/span>/);
    assert.match(saved.text, /<option value="Europe\/Warsaw" selected>/);
    const [entry] = await t.db.query<{ action: string; details: { changes: Record<string, { from: unknown; to: unknown }> } }>(
      `select action, details from audit_log where org_id = $1 and action = 'org.settings_change'`, [t.orgId]);
    assert.deepEqual(entry.details.changes.timeZone, { from: 'Europe/Helsinki', to: 'Europe/Warsaw' });
  });

  test('account: name and language saved; a wrong current password, a short or unrepeated new one answer 400 at the field', async () => {
    const cookie = await sessionCookie(t, 'viewer@example.com');
    const other = pageClient(t, await sessionCookie(t, 'viewer@example.com'));
    const viewer = pageClient(t, cookie);
    const badName = await viewer.post('/app/account', { name: '', language: 'xx', lang: 'en' });
    assert.equal(badName.status, 400);
    assert.match(badName.text, /<a href="#name">Fill in this field.<\/a>/);
    assert.match(badName.text, /<a href="#language">Choose one of the options.<\/a>/);
    const saved = await viewer.post('/app/account', { name: 'Veera Viewer', language: 'fi' });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, '/app/account?saved=profile');
    const [row] = await t.db.query<{ name: string; language: string }>(`select name, language from users where email = 'viewer@example.com'`);
    assert.deepEqual(row, { name: 'Veera Viewer', language: 'fi' });

    const wrong = await viewer.post('/app/account/password', { currentPassword: 'not my password', newPassword: 'a new long password', repeatPassword: 'a new long password', lang: 'en' });
    assert.equal(wrong.status, 400);
    assert.match(wrong.text, /<a href="#currentPassword">The current password is not correct.<\/a>/);
    const short = await viewer.post('/app/account/password', { currentPassword: 'correct horse battery', newPassword: 'short', repeatPassword: 'other', lang: 'en' });
    assert.equal(short.status, 400);
    assert.match(short.text, /<a href="#newPassword">The password must be at least 10 characters long.<\/a>/);
    assert.match(short.text, /<a href="#repeatPassword">The two new passwords are not the same.<\/a>/);
    await sessionCookie(t, 'viewer@example.com'); // the old password still works: nothing was changed

    const changed = await viewer.post('/app/account/password', { currentPassword: 'correct horse battery', newPassword: 'a new long password', repeatPassword: 'a new long password' });
    assert.equal(changed.status, 303);
    assert.equal((await viewer.get('/app/account')).status, 200, 'this session goes on');
    assert.equal((await other.get('/app/account')).status, 303, 'the other session ended');
    await assert.rejects(sessionCookie(t, 'viewer@example.com'), /401/);
    await sessionCookie(t, 'viewer@example.com', 'a new long password');
  });

  test('audit log: newest first in words and the organisation’s zone, 50 a page, no ids on screen', async () => {
    const [adminUser] = await t.db.query<{ id: string }>(`select id from users where email = $1`, [adminEmail()]);
    await t.db.query(`delete from audit_log where org_id = $1`, [t.orgId]);
    await t.db.query(`update organizations set time_zone = 'Europe/Helsinki' where id = $1`, [t.orgId]);
    // 51 entries a minute apart, the newest at 2026-06-01 09:00 UTC = 12:00 in Helsinki (EEST, UTC+3).
    for (let i = 0; i < 51; i++) {
      await t.db.query(`insert into audit_log (org_id, at, actor_user_id, action, target_type, target_id) values ($1, $2, $3, $4, 'organization', $5)`,
        [t.orgId, new Date(Date.UTC(2026, 5, 1, 9, 0) - i * 60_000), adminUser.id, i === 0 ? 'org.settings_change' : 'export.download', t.orgId]);
    }
    const first = await admin.get('/app/setup/audit-log?lang=en');
    assert.equal(first.status, 200);
    const rows = [...first.text.matchAll(/<tr><td><time[^>]*>([^<]+)<\/time><\/td>\s*<td>([^<]+)<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><\/tr>/g)].map((m) => m.slice(1));
    assert.equal(rows.length, 50);
    assert.deepEqual(rows[0], ['1 Jun 2026, 12:00', 'Admin', 'Changed the organisation’s settings', 'The organisation']);
    assert.deepEqual(rows[49], ['1 Jun 2026, 11:11', 'Admin', 'Downloaded data', 'The organisation']);
    assert.doesNotMatch(first.text.replace(/href="[^"]*"/g, ''), new RegExp(`${t.orgId}|${adminUser.id}`), 'no ids on screen');
    const next = /<a href="(\/app\/setup\/audit-log\?cursor=[^"]+)" rel="next">Older events<\/a>/.exec(first.text)?.[1];
    assert.ok(next);
    const second = await admin.get(`${next}&lang=en`);
    assert.match(second.text, /1 Jun 2026, 11:10/);
    assert.doesNotMatch(second.text, /rel="next"/);
    assert.equal((await admin.get('/app/setup/audit-log?cursor=bm9wZQ')).status, 400);
  });
});
