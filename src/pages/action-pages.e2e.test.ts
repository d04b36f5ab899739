/**
 * Action plans in headless Chromium under the real CSP: an analyst starts a plan from the list,
 * is shown what is missing next to the fields, creates it, sees its effect (figures, chart and
 * table) and marks it done; the page needs no script and breaks no CSP rule.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { launchChromium, skipReason } from '../../test/helpers/browser.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { createUser } from '../auth/service.ts';

describe('action plan pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser | undefined;

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp({ now: () => new Date('2026-06-01T00:00:00Z') });
    const tp = await journeyWithTouchpoint(t);
    const survey = await t.api('/api/v1/surveys', { body: pulseSurvey() });
    await createUser(t.db, t.orgId, { email: 'anna@example.com', name: 'Anna Analyytikko', role: 'analyst', password: 'correct horse battery', language: 'en' });
    // Ten answers a side of April 1: before 6 detractors and 4 promoters (NPS −20), after 2 and 8 (NPS 60).
    const responses = [...[0, 1, 2, 3, 4, 5, 9, 9, 10, 10].map((s, i) => ({ s, day: `2026-03-${String(i + 10)}` })),
      ...[3, 5, 9, 9, 9, 10, 10, 10, 10, 9].map((s, i) => ({ s, day: `2026-04-${String(i + 10)}` }))]
      .map(({ s, day }) => ({ surveyId: survey.body.id, touchpointId: tp.touchpointId, submittedAt: `${day}T12:00:00Z`, answers: [{ question: 'nps', value: s }] }));
    const batch = await t.api('/api/v1/responses/batch', { body: { responses } });
    assert.equal(batch.status, 200, JSON.stringify(batch.body).slice(0, 300));
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(email: string): Promise<{ page: Page; cspErrors: string[] }> {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text()); });
    await page.goto(`${t.url}/login?lang=en`);
    await page.fill('#email', email);
    await page.fill('#password', 'correct horse battery');
    await Promise.all([page.waitForURL(/\/app/), page.click('button[type="submit"]')]);
    return { page, cspErrors };
  }

  test('an analyst creates a plan, reads its effect and marks it done', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { page, cspErrors } = await signIn('anna@example.com');
    await page.goto(`${t.url}/app/actions?lang=en`);
    assert.equal(await page.locator('nav.main-nav a[href="/app/actions"][aria-current="page"]').count(), 1);
    assert.match(await page.locator('.empty').textContent() ?? '', /No action plans yet/);
    await Promise.all([page.waitForURL(/\/app\/actions\/new/), page.click('a[href="/app/actions/new"]')]);

    await page.fill('#startsOn', '');
    await Promise.all([page.waitForSelector('.error-summary'), page.click('form[action="/app/actions"] button[type="submit"]')]);
    assert.equal(await page.locator('#title-error').textContent(), 'Fill in this field.');
    assert.equal(await page.locator('#startsOn-error').textContent(), 'Fill in this field.');
    assert.equal(await page.locator('#touchpointId').getAttribute('aria-invalid'), 'true');

    await page.fill('#title', 'Call back every detractor within a day');
    await page.selectOption('#touchpointId', { label: 'Contract by phone' });
    await page.selectOption('#ownerUserId', { label: 'Anna Analyytikko' });
    await page.fill('#startsOn', '2026-04-01');
    await page.fill('#dueOn', '2026-06-30');
    await Promise.all([page.waitForURL(/\/app\/actions\/[0-9a-f-]{36}\?done=created/), page.click('form[action="/app/actions"] button[type="submit"]')]);
    assert.equal(await page.locator('h1').textContent(), 'Call back every detractor within a day');
    // Windows of up to 90 days each side, here the 61 since the start: every answer above counts.
    assert.equal(await page.locator('[data-figure="before"]').textContent(), '-20.0');
    assert.equal(await page.locator('[data-figure="after"]').textContent(), '60.0');
    assert.equal(await page.locator('[data-figure="difference"]').textContent(), '+80.0 points');
    assert.equal(await page.locator('svg#effect-chart circle').count(), 2);
    assert.ok(await page.locator('svg#effect-chart').isVisible());

    await page.selectOption('#status', 'done');
    await Promise.all([page.waitForURL(/done=status/), page.click('form[action$="/status"] button[type="submit"]')]);
    assert.match(await page.locator('.notice').textContent() ?? '', /The status was changed\./);
    await page.goto(`${t.url}/app/actions?lang=en&status=done`);
    assert.deepEqual(await page.locator('tbody th a').allTextContents(), ['Call back every detractor within a day']);
    assert.deepEqual(cspErrors, []);
  });
});
