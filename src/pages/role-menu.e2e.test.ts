/**
 * The admin's menu, the longest, fits a 390-px-wide phone: the banner wraps instead of
 * scrolling sideways (issue 15 part 6), and every entry can be clicked open.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { launchChromium, signInByForm, skipReason } from '../../test/helpers/browser.ts';

describe('role menu on a phone', () => {
  let t: TestApp;
  let browser: Browser | undefined;

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('390 px wide: no horizontal scroll, each menu entry opens by a click', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signInByForm(page, t.url, `admin-${t.orgId.slice(0, 8)}@example.com`);
    const hrefs = await page.locator('nav.main-nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    assert.ok(hrefs.length >= 8, hrefs.join(', '));
    for (const href of hrefs) {
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 390, `${page.url()} is ${wide} px wide on a 390-px phone`);
      const [response] = await Promise.all([page.waitForNavigation(), page.click(`nav.main-nav a[href="${href}"]`)]);
      assert.equal(response?.status(), 200, href);
      assert.equal(await page.locator(`nav.main-nav a[href="${href}"]`).getAttribute('aria-current'), 'page', href);
    }
    await context.close();
  });
});
