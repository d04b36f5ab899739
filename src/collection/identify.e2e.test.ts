/**
 * A signed-in customer on a shop's page in headless Chromium: the shop's backend signs the
 * customer's external id with the widget's identity secret and renders
 * `kaiku('identify', …)` into the page; the widget shows the customer's waiting web invitation
 * (made by a pulse rule from a touchpoint event), the customer answers with the keyboard, and
 * the answer is stored once against the invitation, its contact and event. A forged signature
 * on the same page shows nothing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { launchChromium, skipReason } from '../../test/helpers/browser.ts';
import { journeyWithTouchpoint, shortPulse } from '../../test/helpers/factories.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { drainPulseOutbox } from '../distribution/schedule.ts';
import { identitySignature } from './identify.ts';

/** The shop's account page, as its backend renders it for the signed-in customer. */
const accountPage = (kaikuUrl: string, siteKey: string, externalId: string, signature: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Your account</title>
<script>window.kaiku=window.kaiku||function(){(kaiku.q=kaiku.q||[]).push(arguments)}</script>
<script>kaiku('identify', ${JSON.stringify({ externalId, signature })});</script>
<script async src="${kaikuUrl}/widget.js" data-site-key="${siteKey}"></script>
</head><body><main><h1>Your orders</h1><p><a id="orders" href="#">Orders</a></p></main></body></html>`;

describe('web invitations in the widget for a signed-in customer', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  let shop: Server;
  let shopUrl: string;
  let touchpointId: string;
  let widget: { publicKey: string; identitySecret: string };

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp();
    ({ touchpointId } = await journeyWithTouchpoint(t));
    // The score and its "why" (which every NPS question gets).
    const surveyId = (await t.api('/api/v1/surveys', { body: shortPulse(touchpointId) })).body.id;
    await t.api('/api/v1/pulse-rules', { body: { name: 'After delivery, on the web', touchpointId, surveyId, channels: ['web'] } });
    shop = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      const customer = url.searchParams.get('customer') ?? '';
      // The shop's backend signs with the secret, which never reaches the browser. `claim` plays a
      // visitor who edited the page to claim this customer while holding a signature for another id.
      const signedId = url.searchParams.has('claim') ? `${customer}-someone-else` : customer;
      const signature = identitySignature(widget.identitySecret, signedId);
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(accountPage(t.url, widget.publicKey, customer, signature));
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    shopUrl = `http://localhost:${(shop.address() as AddressInfo).port}`;
    // The widget's own survey has no triggers: on this page only the invitation can show.
    const created = await t.api('/api/v1/collectors', { body: { kind: 'widget', name: 'Shop account', surveyId, allowedOrigins: [shopUrl] } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    widget = created.body;
  });
  after(async () => {
    await browser?.close();
    shop?.close();
    await t?.close();
  });

  const dialog = (page: Page) => page.waitForFunction(() => !!document.querySelector('kaiku-widget')?.shadowRoot?.querySelector('[role=dialog]'));
  const focused = (page: Page) => page.evaluate(() => {
    const host = document.querySelector('kaiku-widget');
    const active = document.activeElement === host ? host?.shadowRoot?.activeElement : null;
    return active ? `${active.tagName.toLowerCase()}:${active.textContent ?? ''}` : '';
  });

  async function customerWithInvitation(externalId: string) {
    const contact = (await t.api(`/api/v1/contacts/by-external-id/${externalId}`, { method: 'PUT', body: { language: 'en' } })).body.id as string;
    const event = (await t.api('/api/v1/events', { body: { touchpointId, contactId: contact } })).body.id as string;
    await drainPulseOutbox(t.db, () => new Date());
    const [invitation] = await t.db.query<{ id: string; status: string }>(`select id, status from invitations where org_id = $1 and contact_id = $2`, [t.orgId, contact]);
    assert.equal(invitation?.status, 'waiting');
    return { contact, event, invitation: invitation!.id };
  }

  test('the identified customer sees the invitation once, answers by keyboard, and the answer is tied to invitation, contact and event', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { contact, event, invitation } = await customerWithInvitation('leo');
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${shopUrl}/account?customer=leo`);
    await dialog(page);
    assert.equal(await page.evaluate(() => document.querySelector('kaiku-widget')!.shadowRoot!.querySelector('h2')!.textContent), 'How did checkout go?');
    assert.equal(await focused(page), 'button:0', 'focus moves to the first score');
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    assert.equal(await focused(page), 'textarea:');
    await page.keyboard.type('Fast delivery');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'button:Send');
    await page.keyboard.press('Enter');
    assert.match(await focused(page), /^p:Thank you!/);

    const rows = await waitUntil(() => t.db.query<{ contact_id: string; invitation_id: string; event_id: string; source: string; number: number | null; text: string | null }>(
      `select r.contact_id, r.invitation_id, i.event_id, r.source::text as source, a.number, a.text
         from responses r join answers a on a.org_id = r.org_id and a.response_id = r.id join invitations i on i.org_id = r.org_id and i.id = r.invitation_id
        where r.org_id = $1 order by a.number nulls last`, [t.orgId]), (r) => r.length === 2, 'the answer');
    const tied = { contact_id: contact, invitation_id: invitation, event_id: event, source: 'widget' };
    assert.deepEqual(rows, [{ ...tied, number: 8, text: null }, { ...tied, number: null, text: 'Fast delivery' }]);
    const [marked] = await t.db.query<{ answered: boolean; status: string }>(`select answered_at is not null as answered, status from invitations where org_id = $1 and id = $2`, [t.orgId, invitation]);
    assert.deepEqual(marked, { answered: true, status: 'delivered' });

    // The next page of the same visit, and a later visit from another browser: nothing more to show.
    for (const next of [page, await (await browser.newContext()).newPage()]) {
      const asked = next.waitForResponse((r) => r.url().endsWith('/invitation'));
      await next.goto(`${shopUrl}/account?customer=leo`);
      assert.deepEqual(await (await asked).json(), { invitation: null });
      assert.equal(await next.evaluate(() => document.querySelector('kaiku-widget')), null);
    }
    const funnel = await t.api(`/api/v1/distribution/funnel?channel=web&touchpointId=${touchpointId}`);
    assert.deepEqual([funnel.body.total.shown, funnel.body.total.completed], [1, 1]);
    await context.close();
  });

  test('a page that claims another customer with a signature it could not make shows nothing and leaves the invitation waiting', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { invitation } = await customerWithInvitation('mia');
    const page = await (await browser.newContext()).newPage();
    const refused = page.waitForResponse((r) => r.url().endsWith('/invitation'));
    await page.goto(`${shopUrl}/account?customer=mia&claim=1`);
    const response = await refused;
    assert.equal(response.status(), 403);
    assert.equal(await page.evaluate(() => document.querySelector('kaiku-widget')), null);
    const [row] = await t.db.query<{ status: string }>(`select status from invitations where org_id = $1 and id = $2`, [t.orgId, invitation]);
    assert.equal(row?.status, 'waiting');
  });
});
