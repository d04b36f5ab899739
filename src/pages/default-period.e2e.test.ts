/**
 * The default period and business hours by clicks in headless Chromium: the admin picks "the last
 * 30 days" and Saturday opening 09:00–17:00 on the organisation page, opens the overview from the
 * menu and sees the 30 days in the filter bar (the clock is fixed at 7 Dec 2026 22:30 UTC, already
 * 8 December in Helsinki: 30 days ending 8 Dec start 9 Nov). axe finds nothing on either page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { axeViolations, launchChromium, skipReason, signedInPage } from '../../test/helpers/browser.ts';
import { journeyWithTouchpoint } from '../../test/helpers/factories.ts';

describe('default period and business hours in Chromium', () => {
  let t: TestApp;
  let browser: Browser | undefined;

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp({ now: () => new Date('2026-12-07T22:30:00Z') });
    await journeyWithTouchpoint(t);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the admin sets 30 days and Saturday hours; the overview shows 9 Nov – 8 Dec as the default', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { context, page } = await signedInPage(browser, t.url, `admin-${t.orgId.slice(0, 8)}@example.com`);
    await page.locator('nav.main-nav').getByRole('link', { name: 'Set-up', exact: true }).click();
    await page.getByRole('link', { name: 'Organisation', exact: true }).click();
    assert.deepEqual(await axeViolations(page), []);
    await page.getByLabel('Default period').selectOption('30d');
    await page.getByLabel('Saturday').check();
    await page.getByLabel('Opens at').fill('09:00');
    await page.getByLabel('Closes at').fill('08:00');
    await page.getByRole('button', { name: 'Save settings' }).click();
    // Closing before opening: named at the field, and nothing saved.
    await page.getByRole('link', { name: 'The closing time must be after the opening time.' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.getByLabel('Closes at').fill('17:00');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.waitForURL(/saved=1/);
    assert.equal(await page.getByRole('status').textContent(), 'The settings were saved.');
    assert.equal(await page.getByLabel('Default period').inputValue(), '30d');
    assert.equal(await page.getByLabel('Saturday').isChecked(), true);
    const [row] = await t.db.query<{ default_period: string; business_hours: { days: number[]; start: string; end: string } }>(
      `select default_period, business_hours from organizations where id = $1`, [t.orgId]);
    assert.equal(row.default_period, '30d');
    assert.deepEqual([row.business_hours.days, row.business_hours.start, row.business_hours.end], [[1, 2, 3, 4, 5, 6], '09:00', '17:00']);

    await page.locator('nav.main-nav').getByRole('link', { name: 'Journey overview', exact: true }).click();
    assert.equal(await page.locator('#f-from').inputValue(), '2026-11-09');
    assert.equal(await page.locator('#f-to').inputValue(), '2026-12-08');
    assert.equal(await page.locator('#period-note').textContent(), 'Showing the last 30 days (the organisation’s default).');
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
});
