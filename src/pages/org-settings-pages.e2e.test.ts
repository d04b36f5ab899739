/**
 * Organisation settings and one's own account in headless Chromium by clicks, under the real
 * CSP: the admin moves the organisation from UTC to Europe/Helsinki and the audit log shows a
 * known instant in Helsinki time; a unit manager switches their pages to Finnish from the
 * banner's account link, changes their password and signs in with the new one. axe finds
 * nothing on the organisation, audit log and account pages.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { axeViolations, launchChromium, signInByForm, skipReason, signedInPage } from '../../test/helpers/browser.ts';
import { journeyWithTouchpoint } from '../../test/helpers/factories.ts';
import { createUser } from '../auth/service.ts';

describe('organisation settings and own account in Chromium', () => {
  let t: TestApp;
  let browser: Browser | undefined;

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp();
    const tp = await journeyWithTouchpoint(t);
    await createUser(t.db, t.orgId, { email: 'mari@example.com', name: 'Mari Manager', role: 'unit_manager', unitId: tp.unitId, language: 'en', password: 'correct horse battery' });
    await t.db.query(`update organizations set time_zone = 'UTC' where id = $1`, [t.orgId]);
    // A known instant: 15 January 2026 10:30 UTC is 12:30 in Helsinki (EET, UTC+2, no summer time in January).
    await t.db.query(`insert into audit_log (org_id, at, action) values ($1, '2026-01-15T10:30:00Z', 'export.download')`, [t.orgId]);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the admin sets the time zone to Helsinki and the audit log shows Helsinki time', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { context, page } = await signedInPage(browser, t.url, `admin-${t.orgId.slice(0, 8)}@example.com`);
    await page.locator('nav.main-nav').getByRole('link', { name: 'Set-up', exact: true }).click();
    await page.getByRole('link', { name: 'Audit log', exact: true }).click();
    assert.equal(await page.locator('td time').first().textContent(), '15 Jan 2026, 10:30', 'UTC before the change');
    await page.getByRole('link', { name: 'Set-up', exact: true }).first().click();
    await page.getByRole('link', { name: 'Organisation', exact: true }).click();
    assert.equal(await page.locator('#timeZone').inputValue(), 'UTC');
    assert.deepEqual(await axeViolations(page), []);
    await page.getByLabel('Time zone').selectOption('Europe/Helsinki');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.waitForURL(/saved=1/);
    assert.equal(await page.getByRole('status').textContent(), 'The settings were saved.');
    assert.equal(await page.locator('#timeZone').inputValue(), 'Europe/Helsinki');

    await page.getByRole('link', { name: 'Set-up', exact: true }).first().click();
    await page.getByRole('link', { name: 'Audit log', exact: true }).click();
    const times = await page.locator('td time').allTextContents();
    assert.equal(times[times.length - 1], '15 Jan 2026, 12:30', 'the same instant in Helsinki time');
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  test('a unit manager switches to Finnish, changes the password and signs in with the new one', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { context, page } = await signedInPage(browser, t.url, 'mari@example.com');
    await page.getByRole('link', { name: 'Your account', exact: true }).click();
    await page.waitForURL(/\/app\/account/);
    assert.deepEqual(await axeViolations(page), []);
    await page.getByLabel('Language of the pages').selectOption('fi');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.waitForURL(/saved=profile/);
    assert.equal(await page.getByRole('status').textContent(), 'Tiedot on tallennettu.');
    const menu = page.getByRole('navigation', { name: await page.locator('nav.main-nav').getAttribute('aria-label') ?? '' });
    assert.equal(await menu.getByRole('link', { name: 'Palvelupolut', exact: true }).count(), 1, 'the menu is in Finnish');
    assert.equal(await page.getByRole('link', { name: 'Oma tili', exact: true }).count(), 1);

    await page.getByLabel('Nykyinen salasana').fill('correct horse battery');
    await page.getByLabel('Uusi salasana', { exact: true }).fill('a brand new passphrase');
    await page.getByLabel('Uusi salasana uudelleen').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Vaihda salasana' }).click();
    await page.waitForURL(/saved=password/);
    assert.match(await page.getByRole('status').textContent() ?? '', /^Salasana on vaihdettu\./);
    assert.deepEqual(await axeViolations(page), []);
    await page.locator('form[action="/logout"] button').click();
    await page.waitForURL(/\/login/);
    await signInByForm(page, t.url, 'mari@example.com', 'a brand new passphrase');
    assert.match(page.url(), /\/app/);
    await context.close();
  });
});
