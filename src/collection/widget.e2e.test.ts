/**
 * The web widget in headless Chromium on a customer's page served from another origin, whose
 * stylesheet tries hard to break it (hides buttons, dialogs and the widget's own element,
 * recolours everything). A visitor triggers it, answers with the keyboard only, and the
 * answer is in the database with the site key's touchpoint.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { launchChromium, skipReason } from '../../test/helpers/browser.ts';
import { journeyWithTouchpoint, shortPulse } from '../../test/helpers/factories.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { contactRequestOf } from '../surveys/contact-requests.ts';

const hostileCss = `
* { font-family: "Comic Sans MS", cursive !important; color: #ff00ff !important; background: #00ff00 !important; font-size: 40px !important; }
button, textarea, [role=dialog], div { display: none !important; visibility: hidden !important; }
kaiku-widget { display: none !important; opacity: 0 !important; position: static !important; }
body > * { transform: scale(0) !important; }
`;

const shopPage = (kaikuUrl: string, siteKey: string) => `<!doctype html>
<html lang="fi"><head><meta charset="utf-8"><title>Shop</title><style>${hostileCss}</style>
<script>window.kaiku=window.kaiku||function(){(kaiku.q=kaiku.q||[]).push(arguments)}</script>
<script async src="${kaikuUrl}/widget.js" data-site-key="${siteKey}"></script>
</head><body><main><h1>Thank you for your order</h1>
<p><a id="finish" href="#">Finish</a> <a id="help" href="#">Help</a></p></main>
<script>document.getElementById('finish').addEventListener('click', function (e) { e.preventDefault(); kaiku('track', 'checkout_done'); });</script>
</body></html>`;

describe('web widget on a hostile page', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  let shop: Server;
  let shopUrl: string;
  let touchpointId: string;
  let consentSurveyId: string;
  const siteKeys: Record<string, string> = {};

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp();
    ({ touchpointId } = await journeyWithTouchpoint(t));
    const surveyId = (await t.api('/api/v1/surveys', { body: shortPulse(touchpointId) })).body.id;
    consentSurveyId = (await t.api('/api/v1/surveys', { body: { ...shortPulse(), name: 'Checkout, may we call', askContactConsent: true } })).body.id;
    shop = createServer((request, response) => {
      const key = new URL(request.url ?? '/', 'http://x').searchParams.get('key') ?? '';
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(shopPage(t.url, siteKeys[key]));
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    // localhost vs 127.0.0.1: the shop is another origin than Kaiku, as on a real site.
    shopUrl = `http://localhost:${(shop.address() as AddressInfo).port}`;
    const triggers = {
      event: [{ type: 'event', name: 'checkout_done' }],
      pageview: [{ type: 'pageview', urlPattern: '/cart/*' }],
      click: [{ type: 'click', selector: '#help' }],
      exit: [{ type: 'exit_intent' }],
    };
    for (const [name, list] of Object.entries(triggers)) {
      const res = await t.api('/api/v1/collectors', { body: { kind: 'widget', name, surveyId, allowedOrigins: [shopUrl], triggers: list } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      siteKeys[name] = res.body.publicKey;
    }
    const consent = await t.api('/api/v1/collectors', { body: { kind: 'widget', name: 'consent', surveyId: consentSurveyId, allowedOrigins: [shopUrl], triggers: triggers.event } });
    assert.equal(consent.status, 201, JSON.stringify(consent.body));
    siteKeys.consent = consent.body.publicKey;
  });
  after(async () => {
    await browser?.close();
    shop?.close();
    await t?.close();
  });

  const widgetOpen = (page: Page) => page.evaluate(() => {
    const host = document.querySelector('kaiku-widget');
    const box = host?.shadowRoot?.querySelector('[role=dialog]');
    if (!host || !box) return false;
    const rect = box.getBoundingClientRect();
    return getComputedStyle(host).display !== 'none' && rect.width > 100 && rect.height > 50;
  });
  /** Text of the element focused inside the widget (empty when focus is elsewhere). */
  const focusedInWidget = (page: Page) => page.evaluate(() => {
    const host = document.querySelector('kaiku-widget');
    const active = document.activeElement === host ? host?.shadowRoot?.activeElement : null;
    return active ? `${active.tagName.toLowerCase()}:${active.textContent ?? ''}` : '';
  });
  const storedAnswers = () => t.db.query<{ touchpoint_id: string; source: string; language: string; number: number | null; text: string | null }>(
    `select r.touchpoint_id, r.source, r.language, a.number, a.text from responses r join answers a on a.org_id = r.org_id and a.response_id = r.id
      where r.org_id = $1 order by a.number nulls last`, [t.orgId]);

  async function openShop(context: BrowserContext, key: string, path = '/checkout/done') {
    const page = await context.newPage();
    await page.goto(`${shopUrl}${path}?key=${key}`);
    // The widget has fetched its site key's settings and listens for its triggers.
    await page.waitForFunction(() => (window as unknown as { kaiku?: { loaded?: boolean } }).kaiku?.loaded === true);
    return page;
  }

  test('kaiku("track") opens it; a keyboard-only visitor answers; the answer is stored with the touchpoint', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await openShop(context, 'event');
    assert.equal(await widgetOpen(page), false, 'nothing shows before the trigger');
    await page.focus('#finish');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !!document.querySelector('kaiku-widget')?.shadowRoot?.querySelector('[role=dialog]'));
    assert.equal(await widgetOpen(page), true, 'the page CSS does not hide it');
    // The page is in Finnish (html lang), so the widget is too.
    assert.equal(await page.evaluate(() => document.querySelector('kaiku-widget')!.shadowRoot!.querySelector('h2')!.textContent), 'Miten kassalla meni?');
    const style = await page.evaluate(() => {
      const button = document.querySelector('kaiku-widget')!.shadowRoot!.querySelector('button.score')!;
      const s = getComputedStyle(button);
      return { display: s.display, color: s.color, font: s.fontSize };
    });
    assert.deepEqual(style, { display: 'block', color: 'rgb(255, 255, 255)', font: '16px' });

    assert.equal(await focusedInWidget(page), 'button:0', 'focus moves to the first score');
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    assert.equal(await focusedInWidget(page), 'button:9');
    await page.keyboard.press('Enter');
    assert.equal(await focusedInWidget(page), 'textarea:', 'the open question follows, focused');
    await page.keyboard.type('Nopea <b>kassa</b>');
    await page.keyboard.press('Tab');
    assert.equal(await focusedInWidget(page), 'button:Lähetä');
    await page.keyboard.press('Enter');
    assert.match(await focusedInWidget(page), /^p:Kiitos!/);

    const rows = await waitUntil(storedAnswers, (r) => r.length === 2, 'the widget answer');
    assert.deepEqual(rows, [
      { touchpoint_id: touchpointId, source: 'widget', language: 'fi', number: 9, text: null },
      { touchpoint_id: touchpointId, source: 'widget', language: 'fi', number: null, text: 'Nopea <b>kassa</b>' },
    ]);

    // The same visitor is not asked again: remembered in the browser…
    const again = await openShop(context, 'event');
    let asks = 0;
    again.on('request', (r) => { if (r.url().endsWith('/show')) asks++; });
    await again.focus('#finish');
    await again.keyboard.press('Enter');
    await again.waitForTimeout(300);
    assert.equal(await widgetOpen(again), false);
    assert.equal(asks, 0, 'the browser knew without asking Kaiku');
    // …and by the server, when the browser forgot (another device with the same visitor id).
    const visitor = await again.evaluate(() => localStorage.getItem('kaiku:visitor'));
    const forgetful = await browser.newContext();
    await forgetful.addInitScript((id) => localStorage.setItem('kaiku:visitor', id!), visitor);
    const other = await openShop(forgetful, 'event');
    const asked = other.waitForResponse((r) => r.url().endsWith('/show'));
    await other.evaluate(() => (window as unknown as { kaiku: (...a: string[]) => void }).kaiku('track', 'checkout_done'));
    assert.deepEqual(await (await asked).json(), { show: false });
    assert.equal(await widgetOpen(other), false);
    await forgetful.close();
    await context.close();
  });

  test('page-view, click and exit-intent triggers; Escape closes and gives focus back', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const context = await browser.newContext();

    const cart = await openShop(context, 'pageview', '/cart/42');
    await cart.waitForFunction(() => !!document.querySelector('kaiku-widget'));
    const notCart = await openShop(await browser.newContext(), 'pageview', '/checkout');
    await notCart.waitForTimeout(500);
    assert.equal(await widgetOpen(notCart), false, 'the URL pattern does not match /checkout');
    // A single-page app moves to the cart without loading a page.
    await notCart.evaluate(() => history.pushState({}, '', '/cart/7'));
    await notCart.waitForFunction(() => !!document.querySelector('kaiku-widget'));

    const help = await openShop(await browser.newContext(), 'click');
    await help.focus('#help');
    await help.keyboard.press('Enter');
    await help.waitForFunction(() => !!document.querySelector('kaiku-widget'));
    assert.equal(await focusedInWidget(help), 'button:0');
    await help.keyboard.press('Escape');
    assert.equal(await help.evaluate(() => document.querySelector('kaiku-widget')), null);
    assert.equal(await help.evaluate(() => document.activeElement?.id), 'help', 'focus returns to what opened it');

    const leaving = await openShop(await browser.newContext(), 'exit');
    await leaving.mouse.move(300, 200);
    // The pointer leaves through the top edge: the browser's mouseout with no related target.
    await leaving.evaluate(() => document.documentElement.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, clientX: 300, clientY: -1, relatedTarget: null })));
    await leaving.waitForFunction(() => !!document.querySelector('kaiku-widget'));
    await context.close();
  });

  test('a survey that asks ends with an unticked consent box; ticked with an address, the request is stored with the answer', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const context = await browser.newContext();
    const page = await openShop(context, 'consent');
    await page.evaluate(() => (window as unknown as { kaiku: (...a: string[]) => void }).kaiku('track', 'checkout_done'));
    const widget = page.locator('kaiku-widget');
    await widget.locator('button.score').nth(3).click();
    await widget.locator('button.send').click(); // the reason left unsaid
    // The page is in Finnish: so is the question.
    assert.equal(await widget.locator('legend').textContent(), 'Saammeko ottaa yhteyttä?');
    assert.equal(await widget.locator('#kc-consent').isChecked(), false);
    assert.equal(await focusedInWidget(page), 'input:', 'focus moves to the box');
    await page.keyboard.press('Space');
    await widget.locator('#kc-email').fill('asiakas@example.fi');
    await widget.locator('button.send').click();
    assert.match(await focusedInWidget(page), /^p:Kiitos!/);
    const [row] = await waitUntil(() => t.db.query<{ id: string; source: string }>(`select id, source from responses where org_id = $1 and survey_id = $2`, [t.orgId, consentSurveyId]),
      (r) => r.length === 1, 'the answer with consent');
    const request = await waitUntil(() => contactRequestOf(t.db, t.orgId, row.id), (r) => r !== undefined, 'the contact request');
    assert.deepEqual([row.source, request?.email, request?.phone], ['widget', 'asiakas@example.fi', null]);
    await context.close();
  });
});
