/**
 * The notification bell in headless Chromium under the real CSP, by clicks: a detractor answer
 * opens a case for the touchpoint's unit, whose manager is notified by the loop-notify job; the
 * manager signs in by the form, sees the bell with 1 unread, follows it to the notifications
 * page, opens the case from its notice, comes back and sees nothing unread. axe finds nothing
 * on the overview with its bell or on the notifications page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { axeViolations, launchChromium, signInByForm, skipReason } from '../../test/helpers/browser.ts';
import { journeyWithTouchpoint, shortPulse } from '../../test/helpers/factories.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { createUser } from '../auth/service.ts';

describe('notification bell in Chromium', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  let managerId = '';

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp({ jobs: true });
    const tp = await journeyWithTouchpoint(t);
    managerId = await createUser(t.db, t.orgId, { email: 'mari@example.com', name: 'Mari', role: 'unit_manager', unitId: tp.unitId, language: 'en', password: 'correct horse battery' });
    const rule = await t.api('/api/v1/alert-rules', { body: {
      name: 'Detractor', kind: 'problem', priority: 'high', slaHours: 8, condition: { nps: 'detractor' }, route: { to: 'touchpoint_owner' },
    } });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    const survey = await t.api('/api/v1/surveys', { body: { ...shortPulse(tp.touchpointId), status: 'active' } });
    assert.equal(survey.status, 201, JSON.stringify(survey.body));
    const response = await t.api('/api/v1/responses', { body: { surveyId: survey.body.id, touchpointId: tp.touchpointId, answers: [{ question: 'nps', value: 2 }] } });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    await waitUntil(async () => (await t.db.query(`select 1 from notifications where org_id = $1 and user_id = $2`, [t.orgId, managerId])).length,
      (n) => n === 1, 'the manager’s notification', 15_000);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the manager follows the bell to the case, and the count goes to 0', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const [{ id: caseId }] = await t.db.query<{ id: string }>(`select id from cases where org_id = $1`, [t.orgId]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInByForm(page, t.url, 'mari@example.com');

    const bell = page.getByRole('link', { name: 'Notifications (1 unread)', exact: true });
    assert.equal(await bell.count(), 1);
    assert.equal(await page.locator('.bell-badge').textContent(), '1');
    assert.ok(await page.locator('.bell-badge').isVisible());
    assert.deepEqual(await axeViolations(page), []);

    await bell.click();
    await page.waitForURL(/\/app\/notifications$/);
    assert.equal(await page.locator('h1').textContent(), 'Notifications');
    assert.deepEqual(await page.locator('ul.notifications li .badge').allTextContents(), ['Unread']);
    assert.deepEqual(await axeViolations(page), []);

    await page.getByRole('link', { name: 'Case assigned to you: NPS 2 at Contract by phone', exact: true }).click();
    await page.waitForURL(new RegExp(`/app/cases/${caseId}$`));
    assert.equal(await page.getByRole('link', { name: 'Notifications (0 unread)', exact: true }).count(), 1);

    await page.goBack();
    await page.waitForURL(/\/app\/notifications$/);
    await page.reload(); // whatever the browser kept of the page, it is asked for again
    assert.equal(await page.getByRole('link', { name: 'Notifications (0 unread)', exact: true }).count(), 1);
    assert.equal(await page.locator('.bell-badge').count(), 0);
    assert.deepEqual(await page.locator('ul.notifications li .badge').allTextContents(), ['Read']);
    const [{ unread }] = await t.db.query<{ unread: number }>(`select count(*)::int as unread from notifications where org_id = $1 and user_id = $2 and read_at is null`, [t.orgId, managerId]);
    assert.equal(unread, 0);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
});
