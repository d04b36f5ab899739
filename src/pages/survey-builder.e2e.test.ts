/**
 * The survey builder in headless Chromium under its real CSP: editing a question's Finnish text
 * updates the phone preview without reloading the page, the preview switches to Swedish (by
 * mouse and by keyboard), nothing the CSP refuses is attempted, saving stores the text, and
 * without JavaScript the "Update preview" button renders the preview on the server.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { launchChromium, skipReason } from '../../test/helpers/browser.ts';
import { journeyWithTouchpoint } from '../../test/helpers/factories.ts';

const survey = (touchpointId: string) => ({
  name: 'Asiointipulssi', kind: 'pulse', status: 'active', defaultLanguage: 'fi', languages: ['fi', 'sv', 'en'], touchpointId,
  title: { fi: 'Miten asiointi sujui?', sv: 'Hur gick ärendet?', en: 'How did it go?' },
  questions: [
    { key: 'nps', type: 'nps', required: true, text: { fi: 'Suosittelisitko meitä?', sv: 'Skulle du rekommendera oss?', en: 'Would you recommend us?' } },
    { key: 'staff', type: 'likert7', allowDontKnow: true, text: { fi: 'Henkilökunta oli ystävällistä', sv: 'Personalen var vänlig', en: 'The staff were friendly' } },
    { key: 'visit', type: 'single_choice', text: { fi: 'Käynnin syy', sv: 'Orsak', en: 'Reason' }, options: [{ value: 'buy', label: { fi: 'Osto', sv: 'Köp', en: 'Buying' } }, { value: 'return', label: { fi: 'Palautus', sv: 'Retur', en: 'Return' } }] },
  ],
});

describe('survey builder in Chromium', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  let surveyId = '';
  let admin = '';

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp();
    admin = `admin-${t.orgId.slice(0, 8)}@example.com`;
    const tp = await journeyWithTouchpoint(t);
    const created = await t.api('/api/v1/surveys', { body: survey(tp.touchpointId) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    surveyId = created.body.id;
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; refused: string[] }> {
    const context = await browser!.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
    const page = await context.newPage();
    // Anything the page's CSP refuses shows up as a console error; the builder must need nothing refused.
    const refused: string[] = [];
    page.on('console', (m) => { if (/Content[- ]Security[- ]Policy/i.test(m.text())) refused.push(m.text()); });
    await page.goto(`${t.url}/login?lang=en`);
    await page.fill('#email', admin);
    await page.fill('#password', 'correct horse battery');
    await Promise.all([page.waitForURL(/\/app/), page.click('button[type="submit"]')]);
    return { page, refused };
  }

  const preview = (page: Page) => page.frameLocator('#preview-frame');

  test('typing a Finnish text updates the phone preview without a reload; the preview switches to Swedish', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { page, refused } = await signIn();
    await page.goto(`${t.url}/app/setup/surveys/${surveyId}?lang=fi`);
    await preview(page).locator('html[lang="fi"]').waitFor();
    assert.match(await preview(page).locator('#l-nps').textContent() ?? '', /Suosittelisitko meitä\?/);
    // The phone frame is a phone: 375 × 740 CSS px, with its title naming the language.
    const box = await page.locator('#preview-frame').boundingBox();
    assert.deepEqual([Math.round(box!.width), Math.round(box!.height)], [375, 740]);
    assert.equal(await page.locator('#preview-frame').getAttribute('title'), 'Kyselyn esikatselu puhelimessa, kieli Suomi');
    await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });

    await page.fill('#q0_text_fi', 'Suosittelisitko meitä ystävällesi?');
    await preview(page).locator('#l-nps', { hasText: 'Suosittelisitko meitä ystävällesi?' }).waitFor({ timeout: 20_000 });
    await page.fill('#q3_o1_fi', 'Palautus tai vaihto');
    await preview(page).locator('label.option', { hasText: 'Palautus tai vaihto' }).waitFor({ timeout: 20_000 });
    assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true, 'the builder was not reloaded');

    await page.click('button[data-preview-lang][value="sv"]');
    await preview(page).locator('html[lang="sv"]').waitFor({ timeout: 20_000 });
    assert.match(await preview(page).locator('#l-nps').textContent() ?? '', /Skulle du rekommendera oss\?/);
    assert.match(await preview(page).locator('.options').textContent() ?? '', /Köp\s*Retur/);
    assert.equal(await page.locator('button[data-preview-lang][value="sv"]').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('button[data-preview-lang][value="fi"]').getAttribute('aria-pressed'), 'false');
    assert.equal(await page.locator('#preview-frame').getAttribute('title'), 'Kyselyn esikatselu puhelimessa, kieli Svenska');
    // By keyboard: Tab reaches the language buttons, Enter switches.
    await page.focus('button[data-preview-lang][value="sv"]');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('value')), 'en');
    await page.keyboard.press('Enter');
    await preview(page).locator('html[lang="en"]').waitFor({ timeout: 20_000 });
    assert.match(await preview(page).locator('#l-nps').textContent() ?? '', /Would you recommend us\?/);
    assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true);
    assert.deepEqual(refused, [], 'nothing refused by the CSP');

    // axe on the builder as edited (evaluated through the DevTools protocol, which the page's CSP does not govern).
    await page.evaluate(axe.source);
    const violations = await page.evaluate(async () => {
      const w = window as unknown as { axe: typeof axe };
      const result = await w.axe.run(document, { resultTypes: ['violations'], iframes: false });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    });
    assert.deepEqual(violations, []);

    // Saving an active survey goes on to its distribution hub.
    await Promise.all([page.waitForURL(new RegExp(`/app/setup/surveys/${surveyId}/share\\?saved=1$`)), page.click('.builder-actions button[value="save"]')]);
    const { body } = await t.api(`/api/v1/surveys/${surveyId}`);
    assert.equal(body.questions[0].texts.fi.label, 'Suosittelisitko meitä ystävällesi?');
    assert.deepEqual(body.questions.find((q: { key: string }) => q.key === 'visit').options[1], { value: 'return', label: { fi: 'Palautus tai vaihto', sv: 'Retur', en: 'Return' } });
    await page.context().close();
  });

  test('without JavaScript, “Update preview” renders the edited survey on the server and keeps the form', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { page } = await signIn({ javaScriptEnabled: false });
    await page.goto(`${t.url}/app/setup/surveys/${surveyId}?lang=en`);
    await page.fill('#q2_text_en', 'The staff were helpful');
    await page.fill('#q2_text_fi', 'Henkilökunta oli avuliasta');
    await Promise.all([page.waitForNavigation(), page.click('.builder-actions button[value="preview"]')]);
    await preview(page).locator('#l-staff', { hasText: 'The staff were helpful' }).waitFor({ timeout: 20_000 });
    await Promise.all([page.waitForNavigation(), page.click('button[data-preview-lang][value="fi"]')]);
    await preview(page).locator('#l-staff', { hasText: 'Henkilökunta oli avuliasta' }).waitFor({ timeout: 20_000 });
    assert.equal(await page.inputValue('#q2_text_fi'), 'Henkilökunta oli avuliasta');
    await Promise.all([page.waitForNavigation(), page.click('button[data-preview-lang][value="sv"]')]);
    await preview(page).locator('html[lang="sv"]').waitFor({ timeout: 20_000 });
    assert.equal(await page.inputValue('#q2_text_fi'), 'Henkilökunta oli avuliasta', 'still not saved, still in the form');
    const { body } = await t.api(`/api/v1/surveys/${surveyId}`);
    assert.equal(body.questions.find((q: { key: string }) => q.key === 'staff').texts.fi.label, 'Henkilökunta oli ystävällistä', 'previews store nothing');
    await page.context().close();
  });
});
