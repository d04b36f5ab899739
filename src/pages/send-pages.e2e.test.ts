/**
 * Sending a survey to one segment in headless Chromium by clicks: from the survey list to the Send
 * page, choosing segment Gold (three contacts, one never agreed to e-mail surveys), checking, and
 * sending; the sends list names the segment and the channel. axe finds nothing on the form with its
 * check or on the sends list.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { axeViolations, launchChromium, skipReason, signedInPage } from '../../test/helpers/browser.ts';
import { journeyWithTouchpoint, shortPulse } from '../../test/helpers/factories.ts';

describe('sending to a segment in Chromium', () => {
  let t: TestApp;
  let browser: Browser | undefined;

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp();
    const tp = await journeyWithTouchpoint(t);
    await t.api('/api/v1/surveys', { body: { ...shortPulse(tp.touchpointId), status: 'active' } });
    const people: Array<[string, object]> = [
      ['G-1', { segment: 'Gold', email: 'g1@example.com', language: 'fi', consent: { surveyEmail: true } }],
      ['G-2', { segment: 'Gold', email: 'g2@example.com', language: 'en', consent: { surveyEmail: true } }],
      ['G-3', { segment: 'Gold', email: 'g3@example.com' }],
      ['S-1', { segment: 'Silver', email: 's1@example.com', consent: { surveyEmail: true } }],
      ['N-1', { email: 'n1@example.com', consent: { surveyEmail: true } }],
    ];
    for (const [externalId, body] of people) {
      const res = await t.api(`/api/v1/contacts/by-external-id/${externalId}`, { method: 'PUT', body });
      assert.ok(res.status < 300, JSON.stringify(res.body));
    }
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('choose segment Gold, see the check, send, and see the send with its audience in the list', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { context, page } = await signedInPage(browser, t.url, `admin-${t.orgId.slice(0, 8)}@example.com`);
    await page.goto(`${t.url}/app/setup/surveys?lang=en`);
    await Promise.all([page.waitForURL(/\/send$/), page.getByRole('link', { name: 'Send to people Checkout pulse' }).click()]);
    assert.equal(await page.getByRole('radio', { name: 'By text message', exact: true }).isDisabled(), true, 'no SMS gateway in this test');
    await page.getByRole('radio', { name: 'The contacts of one segment' }).check();
    await page.getByLabel('Segment', { exact: true }).selectOption('Gold');
    await Promise.all([page.waitForURL(/\/send$/), page.getByRole('button', { name: 'Check', exact: true }).click()]);
    assert.equal(await page.locator('#preview-result').innerText(), 'Will be sent to 2 contacts; 1 of 3 left out: 1 without consent.');
    assert.equal(await page.locator('#preview-channels').innerText(), 'By channel: 2 contacts by e-mail.');
    assert.equal(await page.locator('#preview-languages').innerText(), 'By language: English 1, Finnish 1.');
    assert.deepEqual(await axeViolations(page), []);
    await Promise.all([page.waitForURL(/\/sends\?sent=/), page.getByRole('button', { name: 'Send to 2 contacts', exact: true }).click()]);
    const row = page.locator('tbody tr').first();
    assert.deepEqual((await row.locator('td').allInnerTexts()).slice(0, 2), ['Segment Gold', 'E-mail']);
    assert.deepEqual(await axeViolations(page), []);
    const waves = await t.db.query<{ segment: string }>(`select segment from survey_waves where org_id = $1`, [t.orgId]);
    assert.deepEqual(waves, [{ segment: 'Gold' }]);
    await context.close();
  });
});
