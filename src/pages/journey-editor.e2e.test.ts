/**
 * The journey editor in a real browser, by keyboard: an admin renames a stage (typing, Enter)
 * and moves it down (focus the button, Enter), and the journey map then draws the stages in the
 * new order under the new name. The pages run without scripts; CSP violations are caught.
 * Needs Debian's chromium; skipped without it, except under CI.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { chromiumMissing, launchChromium, skipReason } from '../../test/helpers/browser.ts';
import { sessionCookie } from '../../test/helpers/pages.ts';
import { createJourney, createStage, createTouchpoint } from '../journeys/service.ts';

describe('journey editor in a browser', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  const ids = { journey: '', first: '' };

  before(async () => {
    if (chromiumMissing) return;
    t = await startTestApp();
    ids.journey = await createJourney(t.db, t.orgId, { name: 'Move-in', persona: 'Household' });
    ids.first = await createStage(t.db, t.orgId, ids.journey, { name: 'Contract', phase: 'before' });
    const second = await createStage(t.db, t.orgId, ids.journey, { name: 'Moving day', phase: 'during' });
    await createTouchpoint(t.db, t.orgId, { stageId: ids.first, name: 'Contract by phone', channel: 'phone' });
    await createTouchpoint(t.db, t.orgId, { stageId: second, name: 'Meter reading', channel: 'web' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('rename a stage and move it down by keyboard; the journey map follows', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const [name, value] = (await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`)).split('=');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await context.addCookies([{ name, value, url: t.url }]);
    const page = await context.newPage();
    const csp: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) csp.push(m.text()); });

    await page.goto(`${t.url}/app/setup/journeys/${ids.journey}?lang=en`, { waitUntil: 'load' });
    assert.equal(await page.locator('h1').textContent(), 'Journey: Move-in');

    const field = page.locator(`#stage-${ids.first}-name`);
    await field.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Signing the contract');
    await Promise.all([page.waitForURL(/done=stageSaved/), page.keyboard.press('Enter')]);
    assert.equal(await page.locator('.notice').textContent(), 'The stage was saved.');

    const moveDown = page.locator(`form[action="/app/setup/stages/${ids.first}/move"] button`);
    assert.match(await moveDown.innerText(), /^Move down\s+Signing the contract$/); // the stage's name for screen readers
    await moveDown.focus();
    await Promise.all([page.waitForURL(/done=stageMoved/), page.keyboard.press('Enter')]);
    assert.equal(await page.locator('.notice').textContent(), 'The stage was moved.');

    await page.goto(`${t.url}/app/journeys?lang=en`, { waitUntil: 'load' });
    const stages = (await page.locator('.jm-stage h4').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
    assert.deepEqual(stages, ['During purchase Moving day', 'Before purchase Signing the contract']);
    assert.match((await page.locator('.jm-stage').nth(1).innerText()), /Contract by phone/);
    assert.deepEqual(csp, []);
    await context.close();
  });
});
