/**
 * The organisation's theme in headless Chromium by clicks: an admin opens Theme from set-up,
 * is refused a yellow too light for white text, then saves a dark red and an SVG logo and sees
 * them in the preview; the survey's public link (from its distribution hub) then shows the logo
 * with the organisation's name as its text and a submit button in the brand colour, with no
 * style or image refused by the page's policy. axe finds nothing on either page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { axeViolations, launchChromium, skipReason, signedInPage } from '../../test/helpers/browser.ts';
import { journeyWithTouchpoint, shortPulse } from '../../test/helpers/factories.ts';
import { systemDatabase } from '../db/connection.ts';

const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" fill="#b30000"/></svg>';

describe('organisation theme in Chromium', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  let surveyId: string;

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp();
    const tp = await journeyWithTouchpoint(t);
    surveyId = (await t.api('/api/v1/surveys', { body: { ...shortPulse(tp.touchpointId), status: 'active' } })).body.id;
    await systemDatabase(t.db, 'test names the organisation').query(`update organizations set name = 'Lumo Energia' where id = $1`, [t.orgId]);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('an admin sets a colour and a logo; the survey page respondents open shows both', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { context, page } = await signedInPage(browser, t.url, `admin-${t.orgId.slice(0, 8)}@example.com`);
    const refused: string[] = [];
    page.on('console', (message) => { if (/Refused to|Content Security Policy/i.test(message.text())) refused.push(message.text()); });

    await page.goto(`${t.url}/app/setup?lang=en`);
    await Promise.all([page.waitForURL(/\/app\/setup\/organisation\/theme$/), page.getByRole('link', { name: 'Theme', exact: true }).click()]);
    assert.equal(await page.locator('h1').textContent(), 'Theme');
    assert.deepEqual(await axeViolations(page), []);

    // Too light for white text: refused, the field named and its ratio said (1.43:1 by hand, see theme-pages.it.test.ts).
    await page.locator('#brandColor').fill('#ffd400');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Save theme', exact: true }).click()]);
    const message = await page.locator('.error-summary li').first().textContent();
    assert.match(message ?? '', /^The colour #ffd400 with white text has contrast 1\.4:1; at least 4\.5:1 is needed\./);
    assert.deepEqual(await axeViolations(page), []);

    await page.locator('#brandColor').fill('#b30000');
    await page.locator('#logo').setInputFiles({ name: 'lumo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
    await Promise.all([page.waitForURL(/saved=theme/), page.getByRole('button', { name: 'Save theme', exact: true }).click()]);
    assert.equal(await page.locator('[role="status"]').first().textContent(), 'The theme has been saved.');
    const preview = page.locator('#theme-preview img');
    assert.equal(await preview.getAttribute('alt'), 'Lumo Energia');
    assert.equal(await preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), 120);
    assert.equal(await page.locator('#theme-preview .sample-button').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(179, 0, 0)');
    assert.equal(await page.locator('#brandColor').inputValue(), '#b30000');
    assert.deepEqual(await axeViolations(page), []);

    // The open link as the distribution hub gives it, opened as a respondent would.
    await page.goto(`${t.url}/app/setup/surveys/${surveyId}/share?lang=en`);
    const link = await page.locator('input.share-url').first().inputValue();
    assert.match(link, new RegExp(`/s/${surveyId}`));
    const respondent = await context.browser()!.newPage();
    respondent.on('console', (m) => { if (/Refused to|Content Security Policy/i.test(m.text())) refused.push(m.text()); });
    await respondent.goto(`${link}${link.includes('?') ? '&' : '?'}lang=en`);
    const logo = respondent.locator('img.logo');
    assert.equal(await logo.getAttribute('alt'), 'Lumo Energia');
    assert.equal(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), 120);
    const button = respondent.getByRole('button', { name: 'Send answers', exact: true });
    assert.equal(await button.evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(179, 0, 0)');
    assert.equal(await button.evaluate((e) => getComputedStyle(e).color), 'rgb(255, 255, 255)');
    assert.deepEqual(await axeViolations(respondent), []);
    assert.deepEqual(refused, []);
    await respondent.close();
    await context.close();
  });
});
