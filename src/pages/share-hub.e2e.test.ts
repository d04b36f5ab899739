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
import { launchChromium, skipReason } from '../../test/helpers/browser.ts';
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
});
