/**
 * Needs-based clusters in headless Chromium under the real CSP, by clicks: an analyst opens
 * Segments from the menu, follows the link to needs-based clusters, chooses the survey, keeps
 * the preselected driver questions, asks for two clusters and reads them (ten respondents at
 * 7 and 6, five at 2 and 3: worked out in needs-pages.it.test.ts). axe finds nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint } from '../../test/helpers/factories.ts';
import { axeViolations, launchChromium, skipReason, signedInPage } from '../../test/helpers/browser.ts';
import { createUser } from '../auth/service.ts';

describe('needs-based clusters page in Chromium', () => {
  let t: TestApp;
  let browser: Browser | undefined;

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp();
    const tp = await journeyWithTouchpoint(t);
    const survey = await t.api('/api/v1/surveys', { body: {
      name: 'Service check', kind: 'pulse', defaultLanguage: 'en', languages: ['en', 'fi'], title: { en: 'Service check', fi: 'Palvelukysely' },
      questions: [
        { key: 'staff', type: 'likert7', isDriver: true, text: { en: 'The staff were friendly', fi: 'Henkilökunta oli ystävällistä' } },
        { key: 'speed', type: 'likert7', isDriver: true, text: { en: 'It was quick', fi: 'Asiointi oli nopeaa' } },
      ] } });
    const surveyId = survey.body.id;
    const answers = (staff: number, speed: number) => ({ surveyId, touchpointId: tp.touchpointId, answers: [{ question: 'staff', value: staff }, { question: 'speed', value: speed }] });
    const batch = await t.api('/api/v1/responses/batch', { body: { responses: [...Array.from({ length: 10 }, () => answers(7, 6)), ...Array.from({ length: 5 }, () => answers(2, 3))] } });
    assert.equal(batch.status, 200, JSON.stringify(batch.body).slice(0, 300));
    await createUser(t.db, t.orgId, { email: 'aino@example.com', name: 'Aino', role: 'analyst', language: 'en', password: 'correct horse battery' });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the analyst finds two clusters of respondents', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { context, page } = await signedInPage(browser, t.url, 'aino@example.com');
    await Promise.all([page.waitForURL(/\/app\/segments$/), page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Segments', exact: true }).click()]);
    await Promise.all([page.waitForURL(/\/app\/segments\/needs$/), page.getByRole('link', { name: 'Needs-based clusters of respondents' }).click()]);
    assert.equal(await page.locator('h1').textContent(), 'Needs-based clusters');
    assert.deepEqual(await axeViolations(page), []);

    await page.getByLabel('Survey').selectOption({ label: 'Service check' });
    await Promise.all([page.waitForURL(/survey=/), page.getByRole('button', { name: 'Choose a survey' }).click()]);
    assert.equal(await page.getByLabel('The staff were friendly').isChecked(), true);
    assert.equal(await page.getByLabel('It was quick').isChecked(), true);
    await page.getByLabel('Number of clusters').selectOption({ label: '2 clusters' });
    await Promise.all([page.waitForURL(/k=2/), page.getByRole('button', { name: 'Find clusters' }).click()]);
    assert.equal(await page.locator('#needs-result').textContent(), '2 clusters among 15 respondents.');
    assert.ok((await page.getByText('Quality: mean silhouette').textContent())?.includes('1.00, a strong structure'));
    const headings = (await page.locator('#needs-result ~ section h3').allTextContents()).map((h) => h.replace(/^Cluster \d: /, '')).sort();
    assert.deepEqual(headings, ['33% of respondents (5)', '67% of respondents (10)']);
    assert.deepEqual(await axeViolations(page), []);

    // Unticking one question is refused at the field.
    await page.getByLabel('It was quick').uncheck();
    await page.getByRole('button', { name: 'Find clusters' }).click();
    await page.waitForSelector('.error-summary');
    assert.ok((await page.locator('.error-summary').textContent())?.includes('Questions to cluster on: choose at least two.'));
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
});
