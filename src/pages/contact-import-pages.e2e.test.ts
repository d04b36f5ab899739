/**
 * The contact import in headless Chromium under the real CSP, by clicks: an admin opens Contacts,
 * clicks Import, first picks a file that is not a table (the field says so), then uploads a
 * 20-row CSV whose row 7 has a bad e-mail, sees that row named in the check, imports, reads
 * "19 contacts imported" and finds the contacts on the contacts page. axe finds nothing on the
 * upload form (empty and with the error), the mapping and check, or the result.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { axeViolations, launchChromium, skipReason, signedInPage } from '../../test/helpers/browser.ts';

const csv = ['external_id,email,name,language',
  ...Array.from({ length: 20 }, (_, i) => `e-${i + 1},${i + 1 === 7 ? 'anna@' : `person${i + 1}@example.com`},Imported ${i + 1},fi`)].join('\n');

describe('contact import in Chromium', () => {
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

  test('upload, check, import and find the contacts by clicks; no axe violations', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { context, page } = await signedInPage(browser, t.url, `admin-${t.orgId.slice(0, 8)}@example.com`);

    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    await page.waitForURL(/\/app\/contacts$/);
    await page.getByRole('link', { name: 'Import contacts' }).click();
    await page.waitForURL(/\/app\/contacts\/import$/);
    assert.equal(await page.locator('h1').textContent(), 'Import contacts');
    assert.deepEqual(await axeViolations(page), []);

    await page.getByLabel('CSV or XLSX file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some notes') });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    assert.match(await page.locator('#file-error').textContent() ?? '', /^The file is not a CSV or XLSX file\./);
    assert.deepEqual(await axeViolations(page), []);

    await page.getByLabel('CSV or XLSX file').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.waitForURL(/\/app\/contacts\/import\/[0-9a-f-]{36}$/);
    assert.equal(await page.getByLabel('Column “email”').inputValue(), 'email');
    assert.equal(await page.getByLabel('Column “external_id”').inputValue(), 'externalId');
    assert.equal(await page.locator('tbody tr').count(), 5);
    assert.match(await page.getByRole('status').textContent() ?? '', /19 rows can be imported; 1 has a problem/);
    assert.deepEqual(await page.locator('ul.problems li').allTextContents(), ["Row 7: e-mail 'anna@' is not an e-mail address"]);
    assert.deepEqual(await axeViolations(page), []);

    await page.getByRole('button', { name: 'Import contacts' }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    assert.equal(await page.getByRole('status').textContent(), '19 contacts imported');
    assert.match(await page.locator('main').textContent() ?? '', /1 row skipped because of a problem/);
    assert.deepEqual(await axeViolations(page), []);

    await page.getByRole('link', { name: 'Back to contacts' }).click();
    await page.waitForURL(/\/app\/contacts$/);
    const names = await page.locator('tbody th').allTextContents();
    assert.equal(names.length, 19);
    assert.ok(names.includes('Imported 20'));
    assert.ok(!names.includes('Imported 7'));
    await context.close();
  });
});
