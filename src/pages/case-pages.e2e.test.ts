/**
 * Cases and set-up in headless Chromium under the real CSP: a frontline user works their own
 * case and cannot reach another person's case or any set-up page (nor is offered them); an
 * admin runs a bulk action through its confirmation and creates an API key, seeing it once.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { launchChromium, skipReason } from '../../test/helpers/browser.ts';
import { journeyWithTouchpoint, shortPulse } from '../../test/helpers/factories.ts';
import { createUser } from '../auth/service.ts';

describe('case and set-up pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  const ids: Record<string, string> = {};

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp();
    const tp = await journeyWithTouchpoint(t);
    const survey = await t.api('/api/v1/surveys', { body: { ...shortPulse(tp.touchpointId), status: 'active' } });
    for (const [name, email] of [['Eeva', 'eeva@example.com'], ['Olli', 'olli@example.com']]) {
      const userId = await createUser(t.db, t.orgId, { email, name, role: 'frontline', unitId: tp.unitId, password: 'correct horse battery', language: 'en' });
      const employee = (await t.api('/api/v1/employees', { body: { name: `${name} Employee`, unitId: tp.unitId, userId } })).body.id;
      const response = (await t.api('/api/v1/responses', { body: { surveyId: survey.body.id, employeeId: employee, answers: [{ question: 'nps', value: 3 }] } })).body.id;
      ids[name] = (await t.api('/api/v1/cases', { body: { responseId: response, title: `Case of ${name}` } })).body.id;
    }
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(email: string): Promise<Page> {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${t.url}/login?lang=en`);
    await page.fill('#email', email);
    await page.fill('#password', 'correct horse battery');
    await Promise.all([page.waitForURL(/\/app/), page.click('button[type="submit"]')]);
    return page;
  }

  test('a frontline user works their own case and reaches neither another person’s case nor set-up', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const page = await signIn('eeva@example.com');
    await page.goto(`${t.url}/app/cases?tab=all&lang=en`);
    assert.equal(await page.locator('nav.main-nav a[href="/app/setup"]').count(), 0, 'no set-up link offered');
    assert.equal(await page.locator('nav.main-nav a[href="/app/cases"]').count(), 1);
    assert.deepEqual(await page.locator('tbody th a').allTextContents(), ['Case of Eeva']);
    for (const path of ['/app/setup', '/app/setup/users', '/app/setup/alert-rules']) {
      const res = await page.goto(`${t.url}${path}`);
      assert.equal(res?.status(), 403, path);
      assert.match(await page.locator('h1').textContent() ?? '', /does not allow/);
    }
    assert.equal((await page.goto(`${t.url}/app/cases/${ids.Olli}`))?.status(), 404);

    await page.goto(`${t.url}/app/cases/${ids.Eeva}?lang=en`);
    await page.fill('#text', 'I called the customer back');
    await Promise.all([page.waitForURL(/done=noted/), page.click('form[action$="/note"] button[type="submit"]')]);
    assert.match(await page.locator('[role="status"]').first().textContent() ?? '', /The note was added/);
    assert.match(await page.locator('.timeline').textContent() ?? '', /I called the customer back/);
    // An empty note: the error summary names the field and its link moves focus to it.
    await page.click('form[action$="/note"] button[type="submit"]');
    await page.waitForSelector('.error-summary');
    await page.click('.error-summary a[href="#text"]');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'text');
    await page.context().close();
  });

  test('an admin bulk-changes cases through the confirmation and sees a new API key once', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const page = await signIn(`admin-${t.orgId.slice(0, 8)}@example.com`);
    await page.goto(`${t.url}/app/cases?lang=en`);
    await page.check(`#select-${ids.Eeva}`);
    await page.check(`#select-${ids.Olli}`);
    await page.selectOption('#bulk-action', 'priority');
    await page.selectOption('#bulk-priority', 'urgent');
    await Promise.all([page.waitForSelector('#confirm-heading'), page.click('form[action="/app/cases/bulk"] button[type="submit"]')]);
    assert.match(await page.locator('.confirm').textContent() ?? '', /change 2 cases/);
    await Promise.all([page.waitForURL(/done=2/), page.click('.confirm button[type="submit"]')]);
    assert.match(await page.locator('[role="status"]').first().textContent() ?? '', /2 cases changed/);
    for (const id of [ids.Eeva, ids.Olli]) assert.equal((await t.api(`/api/v1/cases/${id}`)).body.priority, 'urgent');

    await page.goto(`${t.url}/app/setup/api-keys?lang=en`);
    await page.fill('#name', 'Warehouse');
    await page.check('#scopes-1');
    await Promise.all([page.waitForSelector('.secret'), page.click('form[action="/app/setup/api-keys"] button[type="submit"]')]);
    const key = (await page.locator('.secret').textContent())?.trim() ?? '';
    assert.match(key, /^kk_/);
    assert.equal((await t.api('/api/v1/org', { key })).status, 200);
    await page.goto(`${t.url}/app/setup/api-keys?lang=en`);
    assert.equal(await page.locator('.secret').count(), 0, 'shown only once');
    await page.context().close();
  });
});
