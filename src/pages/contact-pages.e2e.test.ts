/**
 * The contacts pages in headless Chromium under the real CSP, by clicks and typing: an admin opens
 * Contacts from the menu, searches, filters by consent, opens a contact; axe finds no violations
 * on the list (filled and with a bad filter) or on the contact's page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { launchChromium, signInByForm, skipReason } from '../../test/helpers/browser.ts';
import { upsertContactBatch } from '../contacts/service.ts';

async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: typeof axe };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('contacts pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser | undefined;

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp();
    await upsertContactBatch(t.db, t.orgId, [
      { externalId: 'a-1', name: 'Aino Virtanen', email: 'aino@example.com', language: 'fi', segment: 'Gold', consent: { surveyEmail: true } },
      { externalId: 'a-2', name: 'Bertil Berg', email: 'bertil@example.com', language: 'sv', segment: 'Basic', consent: { surveySms: true } },
      { externalId: 'a-3', name: 'Cara Jones', email: 'cara@example.com', language: 'en', persona: 'Family' },
    ]);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('search, filter and open a contact by clicks; no axe violations', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInByForm(page, t.url, `admin-${t.orgId.slice(0, 8)}@example.com`);

    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    await page.waitForURL(/\/app\/contacts/);
    assert.equal(await page.locator('tbody tr').count(), 3);
    assert.deepEqual(await violations(page), []);

    await page.fill('#q', 'virta');
    await page.getByRole('button', { name: 'Show' }).click();
    assert.deepEqual(await page.locator('tbody th').allTextContents(), ['Aino Virtanen']);

    await page.fill('#q', '');
    await page.selectOption('#consent', 'sms');
    await page.getByRole('button', { name: 'Show' }).click();
    assert.deepEqual(await page.locator('tbody th').allTextContents(), ['Bertil Berg']);

    await page.getByRole('link', { name: 'Bertil Berg' }).click();
    await page.waitForURL(/\/app\/contacts\/[0-9a-f-]{36}/);
    assert.equal(await page.locator('h1').textContent(), 'Bertil Berg');
    assert.match(await page.locator('main').textContent() ?? '', /Surveys by SMS\s*Given/);
    assert.deepEqual(await violations(page), []);

    await page.goto(`${t.url}/app/contacts?lang=en&consent=maybe`);
    assert.match(await page.locator('#consent-error').textContent() ?? '', /not valid/);
    assert.deepEqual(await violations(page), []);
    await context.close();
  });
});
