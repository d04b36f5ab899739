/**
 * The journey map and the touchpoint page in a real browser, as a unit manager (keyboard:
 * sign in, the navigation, the filter form, into a touchpoint) and as frontline staff (the
 * same pages, their own feedback only). Periods are in the URL (March 2026), so nothing
 * depends on today's date. Needs Debian's chromium; skipped without it, except under CI.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { chromiumMissing, launchChromium, skipReason } from '../../test/helpers/browser.ts';
import { createUser } from '../auth/service.ts';
import { createJourney, createStage, createTouchpoint } from '../journeys/service.ts';

const PASSWORD = 'correct horse battery';
const MARCH = 'from=2026-03-01&to=2026-03-31';

describe('journey map and touchpoint page in a browser', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  const ids = { contract: '', visit: '' };

  before(async () => {
    if (chromiumMissing) return;
    t = await startTestApp();
    const [unit] = await t.db.query<{ id: string }>(`insert into units (org_id, name) values ($1, 'Customer service') returning id`, [t.orgId]);
    const move = await createJourney(t.db, t.orgId, { name: 'Move-in', persona: 'Household' });
    const stage = await createStage(t.db, t.orgId, move, { name: 'Contract', phase: 'before' });
    ids.contract = await createTouchpoint(t.db, t.orgId, { stageId: stage, name: 'Contract by phone', channel: 'phone', ownerUnitId: unit.id });
    const repair = await createJourney(t.db, t.orgId, { name: 'Fault repair', persona: 'Business' });
    const visitStage = await createStage(t.db, t.orgId, repair, { name: 'Repair visit', phase: 'during' });
    ids.visit = await createTouchpoint(t.db, t.orgId, { stageId: visitStage, name: 'Technician visit', channel: 'field' });
    const survey = await t.api('/api/v1/surveys', { body: {
      name: 'Pulse', kind: 'pulse', defaultLanguage: 'en', languages: ['en', 'fi'], title: { en: 'Pulse', fi: 'Pulssi' },
      questions: [
        { key: 'nps', type: 'nps', required: true, text: { en: 'Recommend?', fi: 'Suosittelisitko?' } },
        { key: 'ease', type: 'ces', text: { en: 'It was easy', fi: 'Oli helppoa' } },
        { key: 'staff', type: 'likert7', allowDontKnow: true, text: { en: 'The staff were friendly', fi: 'Henkilökunta oli ystävällistä' } },
      ] } });
    assert.equal(survey.status, 201, JSON.stringify(survey.body));
    await createUser(t.db, t.orgId, { email: 'maija-e2e@example.com', name: 'Maija', role: 'unit_manager', unitId: unit.id, language: 'en', password: PASSWORD });
    const aino = await createUser(t.db, t.orgId, { email: 'aino-e2e@example.com', name: 'Aino', role: 'frontline', unitId: unit.id, language: 'en', password: PASSWORD });
    const bertta = await createUser(t.db, t.orgId, { email: 'bertta-e2e@example.com', name: 'Bertta', role: 'frontline', unitId: unit.id, language: 'en', password: PASSWORD });
    const [a] = await t.db.query<{ id: string }>(`insert into employees (org_id, unit_id, name, user_id) values ($1, $2, 'Aino Esimerkki', $3) returning id`, [t.orgId, unit.id, aino]);
    const [b] = await t.db.query<{ id: string }>(`insert into employees (org_id, unit_id, name, user_id) values ($1, $2, 'Bertta Esimerkki', $3) returning id`, [t.orgId, unit.id, bertta]);
    // Contract by phone in March: Aino 10,10,10,10,10,9 (NPS 100); Bertta 9, 8; no one 7, 6, 5, 0 — NPS 33 in all.
    // CES 7,6,5,4,2 (mean 4.8); Likert 7,6,5,5,4,3,1 and two don't know.
    const scores = [10, 10, 10, 10, 10, 9, 9, 8, 7, 6, 5, 0];
    const ces = [7, 6, 5, 4, 2];
    const likert = [7, 6, 5, 5, 4, 3, 1, null, null];
    const responses: unknown[] = scores.map((value, i) => ({
      surveyId: survey.body.id, touchpointId: ids.contract, submittedAt: `2026-03-${String(10 + i).padStart(2, '0')}T10:00:00Z`,
      ...(i < 6 ? { employeeId: a.id } : i < 8 ? { employeeId: b.id } : {}),
      answers: [
        { question: 'nps', value },
        ...(i < ces.length ? [{ question: 'ease', value: ces[i] }] : []),
        ...(i < likert.length ? [likert[i] === null ? { question: 'staff', dontKnow: true } : { question: 'staff', value: likert[i] }] : []),
      ],
    }));
    for (let i = 0; i < 5; i++) responses.push({ surveyId: survey.body.id, touchpointId: ids.visit, submittedAt: '2026-03-05T10:00:00Z', answers: [{ question: 'nps', value: 9 }] });
    const batch = await t.api('/api/v1/responses/batch', { body: { responses } });
    assert.equal(batch.status, 200, JSON.stringify(batch.body).slice(0, 300));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A fresh context that records CSP violations (the pages run without any script). */
  async function newPage(): Promise<{ context: BrowserContext; page: Page; csp: string[] }> {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const csp: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) csp.push(m.text()); });
    return { context, page, csp };
  }

  /** Loads a page and logs how long its first load took (BENCHMARKS.md has the demo-data figures). */
  async function timedGoto(page: Page, path: string, label: string) {
    const started = performance.now();
    const res = await page.goto(t.url + path, { waitUntil: 'load' });
    console.log(`first load ${label}: ${((performance.now() - started) / 1000).toFixed(3)} s`);
    return res;
  }

  test('a unit manager finds the map from the navigation, changes the metric and opens a touchpoint, by keyboard', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { context, page, csp } = await newPage();
    await page.goto(`${t.url}/login?lang=en&next=${encodeURIComponent(`/app/journeys?lang=en&${MARCH}`)}`);
    await page.locator('#email').focus();
    await page.keyboard.type('maija-e2e@example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await Promise.all([page.waitForURL(/\/app\/journeys/), page.keyboard.press('Enter')]);
    assert.equal(await page.locator('h1').textContent(), 'Journey map');
    // The navigation marks this page.
    assert.equal(await page.locator('.main-nav a[aria-current="page"]').textContent(), 'Journey map');

    // The unit's answers only: the technician visit belongs to no unit of hers.
    const contract = page.locator('li.jm-cell', { hasText: 'Contract by phone' });
    assert.match((await contract.innerText()).replace(/\s+/g, ' '), /33 \(good\) n = 12/);
    assert.match((await page.locator('li.jm-cell', { hasText: 'Technician visit' }).innerText()).replace(/\s+/g, ' '), /no answers/);

    // The filter form by keyboard: metric CES, then apply; the URL keeps every filter.
    await page.locator('#f-metric').focus();
    await page.keyboard.press('ArrowDown'); // csat
    await page.keyboard.press('ArrowDown'); // ces
    await page.locator('.filters button[type="submit"]').focus();
    await Promise.all([page.waitForURL(/metric=ces/), page.keyboard.press('Enter')]);
    assert.match(page.url(), /from=2026-03-01/);
    assert.match((await page.locator('li.jm-cell', { hasText: 'Contract by phone' }).innerText()).replace(/\s+/g, ' '), /4\.8 \(fair\) n = 5/);

    // Into the touchpoint: focus its link and press Enter.
    await page.locator('li.jm-cell a', { hasText: 'Contract by phone' }).focus();
    await Promise.all([page.waitForURL(/\/app\/touchpoints\//), page.keyboard.press('Enter')]);
    assert.equal(await page.locator('h1').textContent(), 'Contract by phone');
    assert.match(page.url(), /metric=ces/);
    for (const chart of ['svg#detail-trend', 'svg#detail-distribution', 'svg#detail-likert']) assert.ok(await page.locator(chart).isVisible(), chart);
    // Aino's five CES answers: mean 4.8.
    assert.match((await page.locator('#breakdown-employee tr', { hasText: 'Aino Esimerkki' }).innerText()).replace(/\s+/g, ' '), /5 4\.8 \(fair\)/);
    // Downloads carry the page's filters.
    const csv = await page.locator('a[href*="download=breakdown-unit.csv"]').getAttribute('href');
    assert.match(csv ?? '', /from=2026-03-01&to=2026-03-31&metric=ces/);
    // By NPS, person-level rows: Aino's six answers show, Bertta's two do not.
    assert.equal((await timedGoto(page, `/app/touchpoints/${ids.contract}?lang=en&${MARCH}`, 'touchpoint page (unit manager)'))?.status(), 200);
    assert.match((await page.locator('#breakdown-employee tr', { hasText: 'Aino Esimerkki' }).innerText()).replace(/\s+/g, ' '), /6 100 \(excellent\)/);
    assert.match((await page.locator('#breakdown-employee tr', { hasText: 'Bertta Esimerkki' }).innerText()).replace(/\s+/g, ' '), /– n too small/);
    assert.deepEqual(csp, []);
    await context.close();
  });

  test('frontline staff see the same views with their own feedback only', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { context, page, csp } = await newPage();
    const res = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'aino-e2e@example.com', password: PASSWORD }) });
    const [name, value] = (res.headers.get('set-cookie') ?? '').split(';')[0].split('=');
    await context.addCookies([{ name, value, url: t.url }]);
    assert.equal((await timedGoto(page, `/app/journeys?lang=en&${MARCH}`, 'journey map (frontline)'))?.status(), 200);
    // Aino's six answers: NPS 100; nothing of anyone else's (the technician visit has no answers of hers).
    assert.match((await page.locator('li.jm-cell', { hasText: 'Contract by phone' }).innerText()).replace(/\s+/g, ' '), /100 \(excellent\) n = 6/);
    assert.match((await page.locator('li.jm-cell', { hasText: 'Technician visit' }).innerText()).replace(/\s+/g, ' '), /no answers/);
    // The navigation offers no set-up pages to her role.
    assert.equal(await page.locator('.main-nav a[href="/app/setup"]').count(), 0);
    assert.equal((await timedGoto(page, `/app/touchpoints/${ids.contract}?lang=en&${MARCH}`, 'touchpoint page (frontline)'))?.status(), 200);
    const text = await page.locator('main').innerText();
    assert.ok(!text.includes('Bertta'), 'another person’s name');
    assert.match(text, /n = 6/);
    assert.deepEqual(csp, []);
    await context.close();
  });
});
