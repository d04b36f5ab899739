/**
 * A CX manager builds a pulse survey in the builder by clicks and typing only, in headless
 * Chromium under the page's CSP: NPS + an open "why" + CSAT in Finnish and English, the why
 * shown only to detractors ("NPS ≤ 6", set with the condition pickers), a question moved by
 * keyboard (focus stays on it) and one by dragging, a warning before leaving unsaved edits,
 * then save → "Publish now?" → publish → the survey's distribution hub. Without JavaScript the
 * pickers work as plain selects and an "Update condition choices" button.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { launchChromium, skipReason } from '../../test/helpers/browser.ts';

describe('building a pulse survey by clicks in Chromium', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  let surveyId = '';

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}): Promise<{ page: Page; refused: string[] }> {
    const context = await browser!.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => { if (/Content[- ]Security[- ]Policy/i.test(m.text())) refused.push(m.text()); });
    await page.goto(`${t.url}/login?lang=en`);
    await page.fill('#email', `admin-${t.orgId.slice(0, 8)}@example.com`);
    await page.fill('#password', 'correct horse battery');
    await Promise.all([page.waitForURL(/\/app/), page.click('button[type="submit"]')]);
    return { page, refused };
  }

  const keys = (page: Page) => page.$$eval('input[name$="_key"]', (inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  const submit = async (page: Page, selector: string) => { await Promise.all([page.waitForNavigation(), page.click(selector)]); };

  test('NPS + why + CSAT in fi and en, why only for NPS ≤ 6, reordered by keyboard, saved, published, on to sharing', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { page, refused } = await signIn();
    await page.click('nav a[href="/app/setup"]');
    await submit(page, 'a[href="/app/setup/surveys"]');
    await submit(page, 'a[href="/app/setup/surveys/new"]');
    assert.match(await page.locator('#survey-status').textContent() ?? '', /Draft/);

    await page.fill('#name', 'Asiointipulssi');
    await page.check('input[name="languages"][value="fi"]');
    await submit(page, 'button[value="refresh"]:has-text("Update languages")');
    await page.selectOption('#defaultLanguage', 'fi');
    await page.fill('#title_fi', 'Miten asiointi sujui?');
    await page.fill('#title_en', 'How did it go?');
    await page.fill('#q0_text_fi', 'Suosittelisitko meitä ystävällesi?');
    await page.fill('#q0_text_en', 'Would you recommend us to a friend?');
    assert.equal(await page.isChecked('#q0_required'), true, 'NPS is required from the start');
    await page.uncheck('#q0_why'); // the builder's own why question, with its own condition, follows

    await page.selectOption('#newType', 'csat');
    await submit(page, 'button[value="add"]');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q1_type', 'focus on the new question');
    assert.equal(await page.isChecked('#q1_required'), true, 'CSAT is required by default');
    await page.fill('#q1_text_fi', 'Kuinka tyytyväinen olit asiointiin?');
    await page.fill('#q1_text_en', 'How satisfied were you with your visit?');
    await page.selectOption('#newType', 'text');
    await submit(page, 'button[value="add"]');
    assert.equal(await page.isChecked('#q2_required'), false, 'an open answer is optional');
    await page.fill('#q2_key', 'why');
    await page.fill('#q2_text_fi', 'Mitä voisimme tehdä paremmin?');
    await page.fill('#q2_text_en', 'What could we do better?');
    assert.deepEqual(await keys(page), ['nps', 'csat', 'why']);

    // By keyboard: focus "Move up" of the why question, press Enter; focus stays with it.
    await page.focus('#q2_up');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.deepEqual(await keys(page), ['nps', 'why', 'csat']);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q1_up', 'focus is on the moved question’s move button');
    assert.equal(await page.inputValue('#q1_text_en'), 'What could we do better?', 'texts kept across the move');

    // The condition with pickers: question → operator → value.
    await page.selectOption('#q1_if', 'nps');
    const ops = await page.$$eval('#q1_ifop option:not([disabled])', (o) => o.map((x) => x.textContent));
    assert.deepEqual(ops, ['is at most (≤)', 'is at least (≥)', 'is', 'is not', 'is one of', 'is answered']);
    await page.selectOption('#q1_ifop', 'lte');
    const values = await page.$$eval('#q1_ifvalue option', (o) => o.map((x) => (x as HTMLOptionElement).value));
    assert.deepEqual(values, ['', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    await page.selectOption('#q1_ifvalue', '6');

    // The preview follows: the why appears for a 3 and hides for a 9.
    const preview = page.frameLocator('#preview-frame');
    await preview.locator('#q-why[data-show-if*="lte"]').waitFor({ state: 'attached', timeout: 20_000 });
    await preview.locator('label.tile:has(#f-nps-3)').click();
    await preview.locator('#q-why').waitFor({ state: 'visible' });
    await preview.locator('label.tile:has(#f-nps-9)').click();
    await preview.locator('#q-why').waitFor({ state: 'hidden' });

    // Leaving with unsaved edits asks first; staying keeps everything.
    const dialogs: string[] = [];
    page.once('dialog', (d) => { dialogs.push(d.type()); void d.dismiss(); });
    await page.click('.builder-actions a:has-text("Cancel")', { noWaitAfter: true });
    await page.waitForTimeout(500);
    assert.deepEqual(dialogs, ['beforeunload']);
    assert.equal(await page.inputValue('#q1_ifvalue'), '6', 'still on the builder, edits kept');

    // Save → “Publish now?” → publish → the distribution hub.
    await Promise.all([page.waitForURL(/\/publish\?saved=created$/), page.click('.builder-actions button[value="save"]')]);
    surveyId = /surveys\/([0-9a-f-]{36})\/publish/.exec(page.url())?.[1] ?? '';
    assert.equal(await page.locator('h1').textContent(), 'Publish now?');
    const draft = (await t.api(`/api/v1/surveys/${surveyId}`)).body;
    assert.equal(draft.status, 'draft', 'saved as a draft first');
    await Promise.all([page.waitForURL(new RegExp(`/app/setup/surveys/${surveyId}/share\\?published=1$`)), page.click('button:has-text("Publish now")')]);
    assert.deepEqual(dialogs, ['beforeunload'], 'no warning when saving');

    const { body } = await t.api(`/api/v1/surveys/${surveyId}`);
    assert.equal(body.status, 'active');
    assert.deepEqual([body.defaultLanguage, body.languages.slice().sort()], ['fi', ['en', 'fi']]);
    assert.deepEqual(body.questions.map((q: { key: string; type: string; required: boolean; displayIf: unknown }) => [q.key, q.type, q.required, q.displayIf]), [
      ['nps', 'nps', true, null], ['why', 'text', false, { question: 'nps', op: 'lte', value: 6 }], ['csat', 'csat', true, null]]);
    assert.deepEqual(body.questions[1].texts, { fi: { label: 'Mitä voisimme tehdä paremmin?' }, en: { label: 'What could we do better?' } });
    assert.deepEqual(refused, [], 'nothing refused by the CSP');
    await page.context().close();
  });

  test('a question dragged onto another takes its place; the drag posts without the unsaved warning', async (ctx) => {
    if (!browser || !surveyId) return ctx.skip(skipReason);
    const { page } = await signIn({ viewport: { width: 1400, height: 2400 } }); // both cards in view
    await page.goto(`${t.url}/app/setup/surveys/${surveyId}?lang=en`);
    assert.match(await page.locator('#survey-status').textContent() ?? '', /Published/);
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.type()); void d.accept(); });
    await page.fill('#q2_text_en', 'How satisfied were you today?');
    // A pointer drag of the card's handle onto the first card, step by step as a hand does it.
    const handle = (await page.locator('#q2 .drag-handle').boundingBox())!;
    const target = (await page.locator('#q0 > legend').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x, handle.y - 40, { steps: 5 });
    await Promise.all([page.waitForNavigation(), (async () => {
      await page.mouse.move(target.x + 20, target.y + target.height + 10, { steps: 8 });
      await page.mouse.up();
    })()]);
    assert.deepEqual(await keys(page), ['csat', 'nps', 'why']);
    assert.equal(await page.inputValue('#q0_text_en'), 'How satisfied were you today?');
    assert.deepEqual(dialogs, []);
    // The re-rendered page holds unsaved edits: leaving still warns.
    await page.click('.builder-actions a:has-text("Cancel")', { noWaitAfter: true });
    await page.waitForURL(/\/app\/setup\/surveys$/);
    assert.deepEqual(dialogs, ['beforeunload']);
    assert.equal((await t.api(`/api/v1/surveys/${surveyId}`)).body.questions[0].key, 'nps', 'nothing saved');
    await page.context().close();
  });

  test('without JavaScript the condition is set with plain selects and “Update condition choices”', async (ctx) => {
    if (!browser || !surveyId) return ctx.skip(skipReason);
    const { page } = await signIn({ javaScriptEnabled: false });
    await page.goto(`${t.url}/app/setup/surveys/${surveyId}?lang=en`);
    // The CSAT question (third) asked of promoters only: NPS ≥ 9.
    await page.selectOption('#q2_if', 'nps');
    await submit(page, '#q2_condition button[value="refresh"]');
    await page.selectOption('#q2_ifop', 'gte');
    await page.selectOption('#q2_ifvalue', '9');
    await Promise.all([page.waitForURL(/\/share\?saved=1$/), page.click('.builder-actions button[value="save"]')]);
    const { body } = await t.api(`/api/v1/surveys/${surveyId}`);
    assert.deepEqual(body.questions[2].displayIf, { question: 'nps', op: 'gte', value: 9 });
    await page.context().close();
  });
});
