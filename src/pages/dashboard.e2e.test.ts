/**
 * The dashboard in a real browser: sign in through the form by keyboard, see the journey
 * overview and its trend chart, and keep screenshots for the documentation.
 * Needs Debian's chromium at /usr/bin/chromium; skipped without it, except under CI.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { chromiumMissing, launchChromium, skipReason } from '../../test/helpers/browser.ts';

// Test runs keep their screenshots out of the work tree; docs/screenshots/ comes from scripts/screenshots.ts.
const screenshots = `${process.env.KAIKU_SCREENSHOT_DIR ?? join(tmpdir(), 'kaiku-screenshots')}/`;
const available = !chromiumMissing;

/** Deterministic answers: a promoter share that dips in the winter months, like the demo data. */
function monthScores(monthIndex: number, count: number, offset: number): number[] {
  let seed = 7919 * (monthIndex + 1) + offset;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const promoters = 0.5 + 0.15 * Math.cos((monthIndex / 12) * 2 * Math.PI) + offset / 100;
  return Array.from({ length: count }, () => {
    const r = next();
    if (r < promoters) return 9 + Math.round(next());
    if (r < promoters + 0.25) return 7 + Math.round(next());
    return Math.floor(next() * 7);
  });
}

describe('dashboard in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let email: string;

  before(async () => {
    if (!available) return;
    t = await startTestApp();
    email = `admin-${t.orgId.slice(0, 8)}@example.com`;
    const moveIn = await journeyWithTouchpoint(t, 'Move-in');
    const survey = (await t.api('/api/v1/surveys', { body: pulseSurvey() })).body.id as string;
    const stage2 = await t.api(`/api/v1/journeys/${moveIn.journeyId}/stages`, { body: { name: 'Moving day', phase: 'during' } });
    const stage3 = await t.api(`/api/v1/journeys/${moveIn.journeyId}/stages`, { body: { name: 'First bill', phase: 'after' } });
    const touchpoints = [moveIn.touchpointId];
    for (const [stageId, name, channel] of [[stage2.body.id, 'Meter reading', 'app'], [stage2.body.id, 'Installation visit', 'field'], [stage3.body.id, 'Bill explained', 'email']]) {
      touchpoints.push((await t.api('/api/v1/touchpoints', { body: { stageId, name, channel } })).body.id);
    }
    // 18 months × 4 touchpoints × 8 answers; the installation visit (offset −20) is clearly worse.
    const now = new Date();
    const responses = [];
    for (let back = 17; back >= 0; back--) {
      const at = back === 0 ? new Date(now.getTime() - 3_600_000) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 15, 10));
      for (const [i, touchpointId] of touchpoints.entries()) {
        for (const value of monthScores(17 - back + now.getUTCMonth(), 8, i === 2 ? -20 : i * 3)) {
          responses.push({ surveyId: survey, touchpointId, submittedAt: at.toISOString(), answers: [{ question: 'nps', value }] });
        }
      }
    }
    const res = await t.api('/api/v1/responses/batch', { body: { responses } });
    assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 500));
    browser = await (await launchChromium()) as Browser;
    mkdirSync(screenshots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('sign in by keyboard, see the journey overview and the trend chart', async (ctx) => {
    if (!available) { ctx.skip(skipReason); return; }
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text()); });

    await page.goto(`${t.url}/app?lang=en`);
    assert.match(page.url(), /\/login\?next=/);
    assert.equal(await page.locator('h1').textContent(), 'Sign in');
    await page.screenshot({ path: `${screenshots}login.png` });

    // Keyboard only: the skip link comes first, then the language links, then the form.
    await page.locator('#email').focus();
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('correct horse battery');
    await Promise.all([page.waitForURL(/\/app(\?|$)/), page.keyboard.press('Enter')]);

    assert.equal(await page.locator('h1').textContent(), 'Journey overview');
    assert.equal(await page.locator('main h2', { hasText: 'Move-in' }).count(), 1);
    for (const name of ['Contract by phone', 'Meter reading', 'Installation visit', 'Bill explained']) {
      assert.equal(await page.locator('tr.touchpoint-row th', { hasText: name }).count(), 1, name);
    }
    const trend = page.locator('svg#nps-trend');
    assert.ok(await trend.isVisible());
    assert.equal(await trend.locator('title').first().textContent(), 'NPS trend by month');
    // Every month has 32 answers: one line and one band across all 18 points.
    assert.equal(await trend.locator('polygon.band').count(), 1);
    assert.equal(await trend.locator('circle').count(), 18);
    const box = await trend.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 100, `trend box ${JSON.stringify(box)}`);
    assert.deepEqual(cspViolations, []);
    await page.screenshot({ path: `${screenshots}journey-overview.png`, fullPage: true });
    await context.close();
  });
});
