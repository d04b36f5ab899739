/**
 * The root-cause page in headless Chromium by clicks: an admin of an organisation with no root
 * causes adds two from set-up, renames one, retires the other, then closes a case choosing the
 * one in use with a recovery outcome and sees it closed. axe finds nothing on the root-cause
 * page or on the case's Close form.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { axeViolations, launchChromium, skipReason, signedInPage } from '../../test/helpers/browser.ts';
import { journeyWithTouchpoint, shortPulse } from '../../test/helpers/factories.ts';

describe('root causes in Chromium', () => {
  let t: TestApp;
  let browser: Browser | undefined;

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp();
    const tp = await journeyWithTouchpoint(t);
    const survey = await t.api('/api/v1/surveys', { body: { ...shortPulse(tp.touchpointId), status: 'active' } });
    const response = await t.api('/api/v1/responses', { body: { surveyId: survey.body.id, touchpointId: tp.touchpointId, answers: [{ question: 'nps', value: 2 }] } });
    const opened = await t.api('/api/v1/cases', { body: { responseId: response.body.id, title: 'Slow contract' } });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('an admin adds, renames and retires root causes, then closes a case with the one in use', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { context, page } = await signedInPage(browser, t.url, `admin-${t.orgId.slice(0, 8)}@example.com`);
    await page.goto(`${t.url}/app/setup?lang=en`);
    await Promise.all([page.waitForURL(/\/app\/setup\/root-causes$/), page.getByRole('link', { name: 'Root causes', exact: true }).click()]);
    assert.equal(await page.locator('h1').textContent(), 'Root causes');
    assert.deepEqual(await axeViolations(page), []);

    for (const name of ['Billing error', 'Long queue']) {
      await page.fill('#name-en', name);
      await Promise.all([page.waitForURL(/done=added/), page.getByRole('button', { name: 'Add', exact: true }).click()]);
    }
    await Promise.all([page.waitForURL(/\/root-causes\/billing-error$/), page.getByRole('link', { name: 'Rename Billing error', exact: true }).click()]);
    await page.fill('#name-en', 'Invoice error');
    await Promise.all([page.waitForURL(/done=renamed/), page.getByRole('button', { name: 'Save', exact: true }).click()]);
    await Promise.all([page.waitForURL(/done=retired/), page.getByRole('button', { name: 'Retire Long queue', exact: true }).click()]);
    assert.equal(await page.locator('[role="status"]').textContent(), 'The root cause was retired.');
    const rows = await page.locator('#root-causes tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 3).map((c) => c.textContent)));
    assert.deepEqual(rows, [['Invoice error', 'In use', '0'], ['Long queue', 'Retired', '0']]);
    assert.deepEqual(await axeViolations(page), []);

    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await Promise.all([page.waitForURL(/\/app\/cases\/[0-9a-f-]{36}/), page.getByRole('link', { name: 'Slow contract', exact: true }).click()]);
    assert.deepEqual(await page.locator('#rootCauseCode option').allTextContents(), ['–', 'Invoice error']);
    await page.selectOption('#rootCauseCode', { label: 'Invoice error' });
    await page.getByLabel('Recovered', { exact: true }).check();
    await page.fill('#closeResolution', 'Refunded the double charge');
    assert.deepEqual(await axeViolations(page), []);
    await Promise.all([page.waitForURL(/done=closed/), page.getByRole('button', { name: 'Close case', exact: true }).click()]);
    assert.equal(await page.locator('[role="status"]').first().textContent(), 'The case was closed.');
    assert.equal(await page.locator('#root-cause').textContent(), 'Invoice error');
    assert.equal(await page.locator('#recovery-outcome').textContent(), 'Recovered');
    const [stored] = await t.db.query<{ status: string; rootCauseCode: string; recoveryOutcome: string }>(
      `select status, root_cause_code as "rootCauseCode", recovery_outcome as "recoveryOutcome" from cases where org_id = $1`, [t.orgId]);
    assert.deepEqual(stored, { status: 'closed', rootCauseCode: 'billing-error', recoveryOutcome: 'recovered' });
    await context.close();
  });
});
