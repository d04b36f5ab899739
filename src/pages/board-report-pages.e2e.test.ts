/**
 * The board report page in headless Chromium under the real CSP, by clicks: an admin opens
 * Reports from the menu, picks October 2026 and Swedish, reads the preview in Swedish,
 * downloads the PDF and adds an e-mail schedule that is then listed in words. axe finds
 * nothing on the page, with the preview and with the schedule.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { axeViolations, launchChromium, signInByForm, skipReason } from '../../test/helpers/browser.ts';
import { createUser } from '../auth/service.ts';

describe('board report page in Chromium', () => {
  let t: TestApp;
  let browser: Browser | undefined;

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    // 10 December 2026 in Helsinki: November is the last complete month.
    t = await startTestApp({ now: () => new Date('2026-12-10T09:00:00Z') });
    await t.db.query(`update organizations set time_zone = 'Europe/Helsinki', name = 'Kauppa Oy' where id = $1`, [t.orgId]);
    await createUser(t.db, t.orgId, { email: 'aino@example.com', name: 'Aino', role: 'admin', language: 'en', password: 'correct horse battery' });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('an admin previews October in Swedish, downloads the PDF and schedules the report', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signInByForm(page, t.url, 'aino@example.com');

    await Promise.all([page.waitForURL(/\/app\/reports\/board$/), page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Reports', exact: true }).click()]);
    assert.equal(await page.locator('h1').textContent(), 'Board report');
    assert.equal(await page.getByLabel('Month', { exact: true }).inputValue(), '2026-11');

    await page.getByLabel('Month', { exact: true }).selectOption({ label: 'October 2026' });
    await page.getByLabel('Report language', { exact: true }).selectOption({ label: 'Swedish' });
    await Promise.all([page.waitForURL(/month=2026-10&language=sv/), page.getByRole('button', { name: 'Show report', exact: true }).click()]);
    const preview = page.locator('section.report-preview');
    assert.equal(await preview.getAttribute('lang'), 'sv');
    assert.equal(await preview.locator('#report-title').textContent(), 'Styrelsens kundupplevelserapport');
    assert.match(await preview.locator('p.sub').textContent() ?? '', /^Kauppa Oy · oktober 2026 · Skapad /);
    assert.ok(await preview.getByRole('heading', { name: 'Nyckeltal', exact: true }).isVisible());
    assert.deepEqual(await axeViolations(page), []);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF (October 2026)', exact: true }).click()]);
    assert.equal(download.suggestedFilename(), 'board-report-2026-10.pdf');
    const pdf = readFileSync(await download.path());
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');

    await page.getByLabel('Recipients', { exact: true }).fill('board@example.com\ncfo@example.com');
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption({ label: 'Swedish' });
    await page.getByLabel('Day of the month', { exact: true }).fill('5');
    await page.getByLabel('Time of day', { exact: true }).fill('8');
    await Promise.all([page.waitForURL(/saved=added/), page.getByRole('button', { name: 'Add schedule', exact: true }).click()]);
    assert.equal(await page.getByRole('status').textContent(), 'Schedule added.');
    const row = page.locator('#schedules ~ .table-scroll tbody tr');
    assert.equal(await row.count(), 1);
    assert.deepEqual((await row.locator('th, td').allTextContents()).slice(0, 4),
      ['board@example.com and cfo@example.com', 'Swedish', 'On day 5 of every month at 08:00', 'Not sent yet']);
    assert.deepEqual(await axeViolations(page), []);

    // Pause it, then move it to the 10th by editing.
    await Promise.all([page.waitForURL(/saved=paused/), row.getByRole('button', { name: /^Pause/ }).click()]);
    assert.equal(await page.getByRole('status').textContent(), 'Schedule paused: no reports are sent until you resume it.');
    assert.equal(await row.locator('td').nth(1).textContent(), 'On day 5 of every month at 08:00 (paused)');
    await Promise.all([page.waitForURL(/\/edit$/), row.getByRole('link', { name: /^Edit/ }).click()]);
    assert.equal(await page.locator('h1').textContent(), 'Edit schedule');
    assert.equal(await page.getByLabel('Active: send the reports').isChecked(), false);
    assert.deepEqual(await axeViolations(page), []);
    await page.getByLabel('Day of the month', { exact: true }).fill('10');
    await page.getByLabel('Active: send the reports').check();
    await Promise.all([page.waitForURL(/saved=updated/), page.getByRole('button', { name: 'Save', exact: true }).click()]);
    assert.equal(await row.locator('td').nth(1).textContent(), 'On day 10 of every month at 08:00');
    await context.close();
  });
});
