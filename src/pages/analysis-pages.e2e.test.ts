/**
 * The analytic pages in headless Chromium, for each role: what each role reaches (and the
 * navigation it is shown), the chooser and filters kept in the URL, a download from the page,
 * and axe-core on the pages with their figures (0 serious or critical violations).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { launchChromium, skipReason } from '../../test/helpers/browser.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { churnContacts, seedAnalysisData } from '../../test/helpers/analysis-data.ts';
import type { Role } from '../auth/permissions.ts';
import { dashboardText } from '../i18n/dashboard.ts';

describe('drivers, open answers and churn risk in the browser, for each role', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  let emails: Record<Role, string>;
  const contexts = new Map<Role, BrowserContext>();

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp({ jobs: true });
    ({ emails } = await seedAnalysisData(t));
    assert.equal((await t.api('/api/v1/contacts/batch', { body: { contacts: churnContacts } })).status, 200);
    const run = await t.api('/api/v1/churn/models', { body: {} });
    assert.equal(run.status, 202, JSON.stringify(run.body));
    await waitUntil(() => t.api('/api/v1/churn/model'), (r) => r.status === 200, 'a trained churn model', 60_000);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function as(role: Role): Promise<BrowserContext> {
    const existing = contexts.get(role);
    if (existing) return existing;
    const context = await browser!.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${t.url}/login?lang=en`);
    await page.fill('#email', emails[role]);
    await page.fill('#password', 'correct horse battery');
    await Promise.all([page.waitForURL(/\/app/), page.click('button[type="submit"]')]);
    await page.close();
    contexts.set(role, context);
    return context;
  }

  async function open(role: Role, path: string): Promise<{ page: Page; status: number }> {
    const page = await (await as(role)).newPage();
    const res = await page.goto(`${t.url}${path}`);
    return { page, status: res?.status() ?? 0 };
  }

  async function serious(page: Page): Promise<string[]> {
    await page.evaluate(axe.source);
    const found = await page.evaluate(async () => {
      const w = window as unknown as { axe: typeof axe };
      const result = await w.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    });
    return found;
  }

  test('each role reaches what the permissions table gives it, and the navigation shows only that', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const reach: Record<Role, [drivers: number, text: number, churn: number]> = {
      admin: [200, 200, 200], analyst: [200, 200, 200], unit_manager: [200, 200, 200], viewer: [200, 200, 403], frontline: [200, 200, 403],
    };
    for (const [role, expected] of Object.entries(reach) as Array<[Role, number[]]>) {
      const statuses: number[] = [];
      for (const path of ['/app/drivers?lang=en', '/app/text?lang=en', '/app/churn?lang=en']) {
        const { page, status } = await open(role, path);
        statuses.push(status);
        if (status === 200) {
          const nav = await page.locator('nav.main-nav a').allTextContents();
          assert.ok(nav.includes('Drivers') && nav.includes('Open answers'), `${role}: ${nav.join(', ')}`);
          assert.equal(nav.includes('Churn risk'), expected[2] === 200, `${role} sees the churn link only with churn:read`);
        } else {
          assert.equal(await page.locator('h1').textContent(), dashboardText('en').errors.forbidden);
        }
        await page.close();
      }
      assert.deepEqual(statuses, expected, role);
    }
  });

  test('drivers: the chooser keeps its choice and the filters in the URL; the matrix and its table are there', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { page } = await open('analyst', '/app/drivers?lang=en');
    assert.equal(await page.locator('#drivers-matrix-chart title').first().textContent(), 'Priority matrix');
    await page.selectOption('#f-method', 'shapley');
    await page.fill('#f-from', '2026-06-01');
    await Promise.all([page.waitForURL(/method=shapley/), page.click('form.filters button[type="submit"]')]);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('method'), 'shapley');
    assert.equal(url.searchParams.get('from'), '2026-06-01');
    assert.equal(await page.locator('#f-method').inputValue(), 'shapley');
    assert.ok(await page.locator('#drivers-matrix tbody tr').count() === 3);
    // The CSV link downloads the table with the same filters.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href*="download=drivers-matrix.csv"]')]);
    assert.equal(download.suggestedFilename(), 'drivers-matrix.csv');
    assert.match(download.url(), /method=shapley/);
    await page.close();
  });

  test('open answers: search by keyboard, and the answers shown are redacted', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { page } = await open('admin', '/app/text?lang=en&from=2026-01-01');
    assert.ok(await page.locator('#text-topics tbody tr').count() >= 2);
    await page.focus('#f-q');
    await page.keyboard.type('friendly');
    await Promise.all([page.waitForURL(/q=friendly/), page.keyboard.press('Enter')]);
    const quotes = await page.locator('ul.verbatims blockquote').allTextContents();
    assert.ok(quotes.length > 0 && quotes.every((q) => q.includes('Friendly staff') && !q.includes('anna.asiakas@example.com')), quotes.join('\n'));
    await page.close();
  });

  test('churn: quality, the list with reasons, and no "train now" for a unit manager', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const admin = await open('admin', '/app/churn?lang=en');
    assert.equal(await admin.page.locator('#churn-at-risk tbody tr').count(), 25);
    assert.ok(await admin.page.locator('form[action="/app/churn/train"] button').isVisible());
    assert.match(await admin.page.locator('dl.figures').textContent() ?? '', /AUC/);
    await admin.page.close();
    const manager = await open('unit_manager', '/app/churn?lang=en');
    assert.equal(await manager.page.locator('form[action="/app/churn/train"]').count(), 0);
    await manager.page.close();
  });

  test('axe finds no serious or critical violations on the pages with their figures', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const pages: Array<[Role, string]> = [
      ['admin', '/app/drivers?lang=en'], ['analyst', '/app/drivers?lang=fi&method=shapley&performance=top-box'],
      ['admin', '/app/text?lang=sv&from=2026-01-01'], ['admin', '/app/text?lang=en&from=2026-01-01&q=zzzz'],
      ['admin', '/app/churn?lang=pl'], ['unit_manager', '/app/churn?lang=en'],
      ['frontline', '/app/drivers?lang=en'], ['frontline', '/app/text?lang=fi'], ['viewer', '/app/text?lang=en&from=2026-01-01'],
    ];
    const findings: string[] = [];
    for (const [role, path] of pages) {
      const { page, status } = await open(role, path);
      assert.equal(status, 200, path);
      findings.push(...(await serious(page)).map((f) => `${role} ${path}: ${f}`));
      await page.close();
    }
    assert.deepEqual(findings, []);
  });
});
