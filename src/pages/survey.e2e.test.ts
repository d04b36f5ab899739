/**
 * End to end in headless Chromium: a respondent answers by keyboard only, and the answer
 * shows up in the metrics API; the page fits a phone. Needs Debian's chromium at
 * /usr/bin/chromium: skipped with a notice when it is missing, except under CI=true.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { launchChromium, skipReason } from '../../test/helpers/browser.ts';

// Test runs keep their screenshots out of the work tree; docs/screenshots/ comes from scripts/screenshots.ts.
const screenshotDir = `${process.env.KAIKU_SCREENSHOT_DIR ?? join(tmpdir(), 'kaiku-screenshots')}/`;

describe('survey page in a browser', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  let surveyId: string;

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp();
    const survey = await t.api('/api/v1/surveys', { body: {
      name: 'Branch visit', kind: 'pulse', defaultLanguage: 'en', languages: ['en', 'fi'],
      title: { en: 'How was your visit?', fi: 'Millainen käyntisi oli?' },
      intro: { en: 'Three quick questions.', fi: 'Kolme nopeaa kysymystä.' },
      questions: [
        { key: 'nps', type: 'nps', required: true, text: { en: 'How likely are you to recommend us to a friend?', fi: 'Kuinka todennäköisesti suosittelisit meitä ystävällesi?' } },
        { key: 'staff', type: 'likert7', allowDontKnow: true, text: { en: 'The staff were friendly', fi: 'Henkilökunta oli ystävällistä' } },
      ],
    } });
    assert.equal(survey.status, 201, JSON.stringify(survey.body));
    surveyId = survey.body.id;
    // Two earlier answers through the API: a detractor (3) and a promoter (10).
    for (const score of [3, 10]) {
      const res = await t.api('/api/v1/responses', { body: { surveyId, answers: [{ question: 'nps', value: score }] } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

  /** Tab until `id` has focus (keyboard only), failing after `limit` presses. */
  async function tabTo(page: Page, id: string, limit = 15) {
    for (let i = 0; i < limit; i++) {
      if (await focusedId(page) === id) return;
      await page.keyboard.press('Tab');
    }
    assert.equal(await focusedId(page), id, `Tab never reached #${id}`);
  }

  test('a respondent answers by keyboard only, and the answer is in the metrics API', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${t.url}/s/${surveyId}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    // The open "why" waits, hidden by the script, until the score is given.
    assert.equal(await page.isVisible('#f-nps_why'), false);

    await tabTo(page, 'f-nps-0');
    // Focus is visible: a solid outline on the tile of the focused radio.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!.nextElementSibling!).outlineStyle);
    assert.equal(outline, 'solid');
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight'); // 0 → 9
    assert.equal(await page.inputValue('input[name="nps"]:checked'), '9');

    assert.equal(await page.isVisible('#f-nps_why'), true);
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), 'f-nps_why');
    await page.keyboard.type('Friendly & quick <3');

    await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), 'f-staff-0');
    await page.keyboard.press('Space'); // 1
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight'); // 1 → 6
    assert.equal(await page.inputValue('input[name="staff"]:checked'), '6');

    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BUTTON');
    await Promise.all([page.waitForURL(/\/thanks\?lang=en$/), page.keyboard.press('Enter')]);
    assert.equal(await page.textContent('h1'), 'Thank you for your answers!');
    await page.close();

    // Scores 3, 10 (API) and 9 (browser): promoters 10 and 9, detractor 3, n = 3,
    // NPS = 100 × (2/3 − 1/3) = 33.33…
    const metrics = await t.api(`/api/v1/metrics/nps?surveyId=${surveyId}`);
    assert.equal(metrics.status, 200, JSON.stringify(metrics.body));
    assert.equal(metrics.body.overall.n, 3);
    assert.ok(Math.abs(metrics.body.overall.nps - 100 / 3) < 1e-9, `nps ${metrics.body.overall.nps}`);
    const answers = await t.db.query(`select q.key, a.number, a.text from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
      join responses r on r.org_id = a.org_id and r.id = a.response_id where r.org_id = $1 and r.source = 'web' order by q.position`, [t.orgId]);
    assert.deepEqual(answers, [
      { key: 'nps', number: 9, text: null },
      { key: 'nps_why', number: null, text: 'Friendly & quick <3' },
      { key: 'staff', number: 6, text: null },
    ]);
  });

  test('a missing required answer moves focus to the error summary, whose link leads to the question', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const page = await browser.newPage({ locale: 'fi-FI' });
    await page.goto(`${t.url}/s/${surveyId}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'fi');
    await tabTo(page, 'f-nps-0');
    await page.keyboard.press('Tab'); // the hidden "why" is skipped: next is the statement
    assert.equal(await focusedId(page), 'f-staff-0');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForLoadState('load'), page.waitForURL(/lang=fi/), page.keyboard.press('Enter')]);
    await page.waitForSelector('#error-summary');
    assert.equal(await focusedId(page), 'error-summary');
    assert.equal(await page.title(), 'Virhe: Millainen käyntisi oli?');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#f-nps-0');
    await page.keyboard.press('Enter');
    assert.equal(await focusedId(page), 'f-nps-0');
    await page.close();
  });

  test('on a phone the page fits the screen, with touch targets of at least 44 px', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    for (const viewport of [{ width: 375, height: 667 }, { width: 320, height: 568 }]) {
      const page = await browser.newPage({ viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'fi-FI' });
      await page.goto(`${t.url}/s/${surveyId}?lang=fi`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `horizontal overflow at ${viewport.width} px`);
      const small = await page.evaluate(() => [...document.querySelectorAll('label.tile, label.option, button, nav a')]
        .map((el) => el.getBoundingClientRect()).filter((r) => r.width < 44 || r.height < 44).length);
      assert.equal(small, 0, `targets under 44 px at ${viewport.width} px`);
      if (viewport.width === 375) {
        mkdirSync(screenshotDir, { recursive: true });
        await page.screenshot({ path: `${screenshotDir}survey-phone.png`, fullPage: true });
      }
      await page.close();
    }
  });
});
