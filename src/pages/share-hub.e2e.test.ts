/**
 * The distribution hub by clicks in headless Chromium: from the survey list to the hub, reading
 * the link, downloading the QR SVG, creating a widget (allowed origin and trigger) and a kiosk,
 * opening the kiosk's device link, with axe-core finding no serious or critical violations.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import axe from 'axe-core';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { axeViolations, launchChromium, signInByForm, skipReason } from '../../test/helpers/browser.ts';
import { journeyWithTouchpoint, shortPulse } from '../../test/helpers/factories.ts';

describe('distribution hub in a browser', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  let surveyId: string;
  let tpId: string;
  before(async () => {
    t = await startTestApp();
    browser = await launchChromium();
    tpId = (await journeyWithTouchpoint(t)).touchpointId;
    surveyId = (await t.api('/api/v1/surveys', { body: shortPulse(tpId) })).body.id;
  });
  after(async () => { await browser?.close(); await t.close(); });

  test('open the hub from the list, read the link, download the QR, create a widget and a kiosk', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true });
    const res = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `admin-${t.orgId.slice(0, 8)}@example.com`, password: 'correct horse battery' }) });
    const [name, value] = (res.headers.get('set-cookie') ?? '').split(';')[0].split('=');
    await context.addCookies([{ name, value, url: t.url }]);
    const page = await context.newPage();
    await page.goto(`${t.url}/app/setup/surveys?lang=en`);
    await page.getByRole('link', { name: 'Share Checkout pulse' }).click();
    await page.waitForURL(`**/app/setup/surveys/${surveyId}/share`);
    assert.equal(await page.locator('#link-0').inputValue(), `${t.url}/s/${surveyId}?tp=${tpId}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download SVG' }).first().click()]);
    assert.match(await readFile((await download.path())!, 'utf8'), /<svg/);

    await page.getByLabel('Allowed origins').fill('https://shop.example');
    await page.getByLabel('Page address pattern').fill('/checkout/*');
    await page.getByRole('button', { name: 'Create widget' }).click();
    await page.getByText('The widget was created.').waitFor();
    assert.match(await page.locator('textarea[id^="snippet-"]').inputValue(), /data-site-key="pk_/);

    await page.getByLabel(/idle for/).fill('15');
    await page.getByRole('button', { name: 'Create kiosk' }).click();
    await page.getByText('The kiosk was created.').waitFor();
    const device = await page.getByLabel('Device link (English)').inputValue();

    await page.evaluate(axe.source);
    const violations = await page.evaluate(async () => (await (window as unknown as { axe: typeof axe }).axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert.deepEqual(violations, []);

    const kiosk = await context.newPage();
    assert.equal((await kiosk.goto(device))?.status(), 200);
    await context.close();
  });

  test('under the pages’ real CSP: copy the code, edit the widget’s trigger, see it open on its test page and answer it; set a kiosk to English', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fi-FI' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.url });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => { if (/Content.Security.Policy|Refused/i.test(m.text())) refused.push(m.text()); });
    await signInByForm(page, t.url, `admin-${t.orgId.slice(0, 8)}@example.com`);
    await page.goto(`${t.url}/app/setup/surveys/${surveyId}/share?lang=en`);

    // The link's copy button: the script adds it (the field alone works without script).
    await page.getByRole('button', { name: 'Copy link' }).first().click();
    await page.getByRole('status').filter({ hasText: 'Copied' }).first().waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${t.url}/s/${surveyId}?tp=${tpId}`);

    await page.getByLabel('Name').first().fill('Shop');
    await page.getByLabel('Allowed origins').fill('https://shop.example');
    await page.getByLabel('Page address pattern').fill('/checkout/*');
    await page.getByRole('button', { name: 'Create widget' }).click();
    await page.getByText('The widget was created.').waitFor();
    const card = page.getByRole('region', { name: 'Shop', exact: true });
    await card.getByRole('button', { name: 'Copy code' }).click();
    await card.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await card.locator('textarea').inputValue());

    await page.getByRole('link', { name: 'Edit settings: Shop' }).click();
    await page.getByLabel('Page address pattern').fill('/thanks/*');
    await page.getByLabel('Delay in seconds').fill('1');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The widget’s settings were saved.').waitFor();
    assert.match(await card.textContent() ?? '', /When the page address matches a pattern: \/thanks\/\* \(Delay in seconds: 1\)/);
    assert.deepEqual(await axeViolations(page), []);

    await page.getByRole('link', { name: 'Open the test page: Shop' }).click();
    await page.waitForURL(/\/widget\/[0-9a-f-]{36}\/test$/);
    assert.equal(await page.getByLabel('Page address to simulate a visit to').inputValue(), '/thanks/test');
    await page.waitForFunction(() => (window as unknown as { kaiku?: { loaded?: boolean } }).kaiku?.loaded === true);
    assert.equal(await page.locator('kaiku-widget').count(), 0, 'the test page’s own address does not match /thanks/*');
    const testUrl = page.url();
    await page.getByRole('button', { name: 'Simulate a visit' }).click();
    await page.getByText('Visit simulated').waitFor();
    assert.equal(page.url(), testUrl, 'the address bar is left as it was');
    const dialog = page.locator('kaiku-widget [role=dialog]');
    await dialog.waitFor();
    assert.equal(await dialog.locator('h2').textContent(), 'How did checkout go?', 'the page is in English, so is the widget');
    assert.deepEqual(await axeViolations(page), []);
    await dialog.getByRole('button', { name: 'Score 9' }).click();
    await dialog.getByRole('textbox').fill('Quick checkout');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.getByText('Thank you!').waitFor();
    const [{ n }] = await t.db.query<{ n: string }>(`select count(*) as n from responses where org_id = $1 and survey_id = $2`, [t.orgId, surveyId]);
    assert.equal(Number(n), 0, 'an answer on the test page is not stored');
    assert.deepEqual(refused, [], 'nothing was refused by the page’s policy');

    // The kiosk: created in Finnish, set to English, its device link shows the English question.
    await page.goto(`${t.url}/app/setup/surveys/${surveyId}/share?lang=en`);
    await page.locator('#kioskName').fill('Lobby tablet');
    await page.getByLabel('Language the kiosk starts in').selectOption('fi');
    await page.getByRole('button', { name: 'Create kiosk' }).click();
    await page.getByText('The kiosk was created.').waitFor();
    const kioskCard = page.getByRole('region', { name: 'Lobby tablet', exact: true });
    assert.match(await kioskCard.getByLabel('Device link (Suomi)').inputValue(), /\?lang=fi$/);
    await kioskCard.getByRole('link', { name: /^Edit settings:/ }).click();
    await page.getByLabel('Language the kiosk starts in').selectOption('en');
    await page.getByLabel(/idle for/).fill('5');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The kiosk’s settings were saved.').waitFor();
    const device = await kioskCard.getByLabel('Device link (English)').inputValue();
    assert.deepEqual(await axeViolations(page), []);
    const kiosk = await context.newPage();
    await kiosk.goto(device);
    await kiosk.getByText('How likely are you to recommend us?').waitFor();
    assert.equal(await kiosk.locator('html').getAttribute('lang'), 'en', 'English, though the tablet’s browser is in Finnish');
    await context.close();
  });
});
