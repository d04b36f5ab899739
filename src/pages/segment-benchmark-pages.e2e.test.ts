/**
 * Segments and benchmarks in headless Chromium under the real CSP, by clicks: an analyst signs
 * in by the form, opens Segments from the menu, picks "Channel" and sees NPS per channel with
 * the chi-square test in words; then opens Benchmarks and reads the percentile over the default
 * period and over a period chosen in the filter bar. axe finds
 * nothing on either page (nor on the benchmark page's empty state).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { axeViolations, launchChromium, skipReason, signedInPage } from '../../test/helpers/browser.ts';
import { createUser } from '../auth/service.ts';

const texts = (en: string) => ({ fi: en, en });
/** `p` answers of 10, `pa` of 8, `d` of 3. */
const scores = (p: number, pa: number, d: number) => [...Array(p).fill(10), ...Array(pa).fill(8), ...Array(d).fill(3)] as number[];

describe('segments and benchmarks pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser | undefined;

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    // A fixed clock: the organisation's default 18 months then run from 1 July 2025 to 7 December 2026.
    t = await startTestApp({ now: () => new Date('2026-12-07T10:00:00Z') });
    const survey = await t.api('/api/v1/surveys', {
      body: { name: 'Pulse', kind: 'pulse', defaultLanguage: 'en', languages: ['en', 'fi'], title: texts('Pulse'), questions: [{ key: 'nps', type: 'nps', text: texts('Recommend?') }] },
    });
    const surveyId = survey.body.id;
    const answer = (channel: string, submittedAt: string) => (value: number) => ({ surveyId, channel, submittedAt, answers: [{ question: 'nps', value }] });
    const responses = [
      // Q3 2025 by e-mail: 12 / 4 / 4 → NPS 40; Q4 2025 by SMS: 4 / 4 / 12 → NPS −40.
      ...scores(12, 4, 4).map(answer('email', '2025-08-15T10:00:00Z')),
      ...scores(4, 4, 12).map(answer('sms', '2025-11-15T10:00:00Z')),
    ];
    const stored = await t.api('/api/v1/responses/batch', { body: { responses } });
    assert.equal(stored.status, 200, JSON.stringify(stored.body));
    await createUser(t.db, t.orgId, { email: 'aino@example.com', name: 'Aino', role: 'analyst', language: 'en', password: 'correct horse battery' });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the analyst compares channels and reads the industry percentile', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { context, page } = await signedInPage(browser, t.url, 'aino@example.com');
    const menu = page.getByRole('navigation', { name: 'Main', exact: true });

    await menu.getByRole('link', { name: 'Segments', exact: true }).click();
    await page.waitForURL(/\/app\/segments$/);
    assert.equal(await page.locator('h1').textContent(), 'Segments');
    await page.getByLabel('Group by').selectOption({ label: 'Channel' });
    // The filter bar sends its period too: the default's days, shown in the date fields.
    assert.equal(await page.getByLabel('From', { exact: true }).inputValue(), '2025-07-01');
    assert.equal(await page.getByLabel('To', { exact: true }).inputValue(), '2026-12-07');
    assert.equal(await page.locator('#period-note').textContent(), 'Showing the last 18 months (the organisation’s default).');
    await Promise.all([page.waitForURL(/\/app\/segments\?by=channel&from=2025-07-01&to=2026-12-07&channel=$/), page.getByRole('button', { name: 'Show' }).click()]);
    // email 12 / 4 / 4 and sms 4 / 4 / 12: expected 8 / 4 / 8 per row, χ² = 4 · 4² / 8 = 8, df 2, p = e^(−8/2) = 0.0183.
    assert.equal(Math.exp(-4).toFixed(3), '0.018');
    assert.equal((await page.locator('.test-result').textContent())?.trim(), 'The segments differ: χ² = 8.0, df = 2, p = 0.018');
    const rows = await page.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim())));
    // NPS ± 1.96 · 100 · √((P + D − (P − D)²) / n) = 40 ± 1.96 · 100 · √(0.64 / 20) = 40 ± 35.06.
    assert.deepEqual(rows, [['E-mail', '20', '40', '5 – 75'], ['SMS', '20', '-40', '-75 – -5']]);
    assert.equal(await page.getByLabel('Group by').inputValue(), 'channel', 'the chosen grouping stays selected');
    assert.deepEqual(await axeViolations(page), []);

    await menu.getByRole('link', { name: 'Benchmarks', exact: true }).click();
    await page.waitForURL(/\/app\/benchmarks$/);
    assert.match((await page.locator('.empty').textContent()) ?? '', /No benchmark has been imported yet/);
    assert.deepEqual(await axeViolations(page), []);

    const csv = 'industry,metric,period,n,mean,p10,p25,p50,p75,p90,source\nretail,nps,2025-Q3,120,22,-10,5,20,35,50,Survey Institute 2025\n';
    assert.equal((await t.api('/api/v1/benchmarks/import', { body: { csv } })).status, 200);
    assert.equal((await t.api('/api/v1/org', { method: 'PATCH', body: { industry: 'retail' } })).status, 200);
    await page.reload();
    let nps = page.getByRole('region', { name: 'NPS (likelihood to recommend)' });
    // The default 18 months hold both channels' answers: 16 / 8 / 16 of 40 → NPS 0; between p10 = −10 and p25 = 5: 10 + 10 / 15 · 15 = 20.
    assert.match((await nps.textContent()) ?? '', /Your NPS \(likelihood to recommend\) from 1 Jul 2025 to 7 Dec 2026: 0 \(from 40 answers\)\./);
    assert.equal(await nps.locator('strong').textContent(), 'This puts you at the 20th percentile of 120 organisations (benchmark for Q3 2025).');
    assert.equal(await page.locator('#period-note').textContent(), 'Showing the last 18 months (the organisation’s default).');
    assert.deepEqual(await axeViolations(page), []);
    // The benchmark's own quarter chosen in the filter bar: the e-mail answers only, NPS 40; between p75 = 35 and p90 = 50: 75 + 5 / 15 · 15 = 80.
    await page.getByLabel('From', { exact: true }).fill('2025-07-01');
    await page.getByLabel('To', { exact: true }).fill('2025-09-30');
    await Promise.all([page.waitForURL(/\/app\/benchmarks\?from=2025-07-01&to=2025-09-30$/), page.getByRole('button', { name: 'Show' }).click()]);
    nps = page.getByRole('region', { name: 'NPS (likelihood to recommend)' });
    assert.match((await nps.textContent()) ?? '', /Your NPS \(likelihood to recommend\) from 1 Jul 2025 to 30 Sept? 2025: 40 \(from 20 answers\)\./);
    assert.equal(await nps.locator('strong').textContent(), 'This puts you at the 80th percentile of 120 organisations (benchmark for Q3 2025).');
    assert.equal(await page.locator('#period-note').count(), 0);
    await context.close();
  });
});
