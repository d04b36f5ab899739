/**
 * The kiosk in headless Chromium with the network cut: answers given offline (also after the
 * page is reloaded without a network, from the service worker) wait in IndexedDB and are
 * stored exactly once when the connection returns — also when a sent answer is sent again,
 * and when the tablet was offline for a day (issue 9's fault test 3).
 */
import type { IncomingMessage } from 'node:http';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { launchChromium, skipReason } from '../../test/helpers/browser.ts';
import { journeyWithTouchpoint } from '../../test/helpers/factories.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { contactRequestOf } from '../surveys/contact-requests.ts';

const counterSurvey = (touchpointId: string) => ({
  name: 'Service counter', kind: 'pulse', defaultLanguage: 'fi', languages: ['fi', 'en', 'sv'],
  title: { fi: 'Miten palvelimme sinua tänään?', en: 'How did we serve you today?', sv: 'Hur betjänade vi dig i dag?' },
  thanks: { fi: 'Kiitos palautteestasi!', en: 'Thank you for your feedback!', sv: 'Tack för din feedback!' },
  touchpointId,
  questions: [
    { key: 'csat', type: 'csat', required: true, text: { fi: 'Kuinka tyytyväinen olit?', en: 'How satisfied were you?', sv: 'Hur nöjd var du?' } },
    { key: 'comment', type: 'text', text: { fi: 'Haluatko kertoa lisää?', en: 'Anything to add?', sv: 'Vill du berätta mer?' } },
  ],
});

describe('kiosk offline and online', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  let touchpointId: string;
  let surveyId: string;
  let consentSurveyId: string;

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp();
    ({ touchpointId } = await journeyWithTouchpoint(t));
    surveyId = (await t.api('/api/v1/surveys', { body: counterSurvey(touchpointId) })).body.id;
    consentSurveyId = (await t.api('/api/v1/surveys', { body: { ...counterSurvey(touchpointId), name: 'Counter, may we call', askContactConsent: true } })).body.id;
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function newKiosk(name: string, survey = surveyId) {
    const res = await t.api('/api/v1/collectors', { body: { kind: 'kiosk', name, surveyId: survey, resetSeconds: 2 } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; kioskUrl: string };
  }
  const stored = (collectorId: string) => t.db.query<{ key: string; submitted_at: Date; csat: number; comment: string | null; touchpoint_id: string; channel: string }>(
    `select r.idempotency_key as key, r.submitted_at, r.touchpoint_id, r.channel,
            (select a.number from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id where a.org_id = r.org_id and a.response_id = r.id and q.key = 'csat') as csat,
            (select a.text from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id where a.org_id = r.org_id and a.response_id = r.id and q.key = 'comment') as comment
       from responses r where r.org_id = $1 and r.idempotency_key like $2 order by r.submitted_at, csat`, [t.orgId, `kiosk:${collectorId}:%`]);
  const pending = (page: Page) => page.evaluate(() => Number(document.documentElement.dataset.pending ?? -1));

  /**
   * One customer: a smiley (1–5), optionally a comment, Send, thanks. The kiosk returns to its
   * first question by itself after resetSeconds; `next: 'tap'` starts the next customer at once
   * by tapping the current language, as staff may.
   */
  async function answer(page: Page, score: number, comment = '', next: 'reset' | 'tap' = 'tap') {
    await page.waitForSelector('button.smiley');
    await page.click(`button.smiley:nth-child(${score})`);
    await page.waitForSelector('textarea');
    if (comment) await page.fill('textarea', comment);
    await page.click('button.send');
    await page.waitForSelector('.thanks');
    if (next === 'tap') await page.click('button[aria-pressed="true"]');
    await page.waitForSelector('button.smiley', { timeout: 5000 });
  }

  test('answers given offline, before and after an offline reload, are each stored once when the network returns', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const kiosk = await newKiosk('Lobby tablet');
    const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 1024, height: 768 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(kiosk.kioskUrl);
    await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready');
    assert.equal(await page.textContent('h1'), 'Miten palvelimme sinua tänään?');
    // Big touch targets: every smiley is at least 72 px each way.
    const sizes = await page.$$eval('button.smiley', (buttons) => buttons.map((b) => [b.getBoundingClientRect().width, b.getBoundingClientRect().height]));
    assert.equal(sizes.length, 5);
    assert.ok(sizes.every(([w, h]) => w >= 72 && h >= 72), JSON.stringify(sizes));

    await answer(page, 5, 'Ystävällinen palvelu', 'reset');
    await waitUntil(() => stored(kiosk.id), (rows) => rows.length === 1, 'the online answer');

    const reachedKaiku: string[] = [];
    // The browser's own update check of the service worker script (/k/sw.js) is not the page's
    // traffic and escapes Chromium's offline emulation; everything the kiosk itself asks for counts.
    const count = (request: IncomingMessage) => { if (request.url !== '/k/sw.js') reachedKaiku.push(`${request.method} ${request.url}`); };
    t.app.server.on('request', count);
    await context.setOffline(true);
    await answer(page, 1, 'Jono oli pitkä');
    await answer(page, 2);
    // The tablet restarts without a network: the service worker serves the page from its cache.
    const reloaded = await page.reload();
    assert.ok(reloaded?.fromServiceWorker(), 'the page came from the service worker');
    await page.click('button[data-lang="en"]');
    assert.equal(await page.textContent('h1'), 'How did we serve you today?');
    await answer(page, 3, 'OK');
    await answer(page, 4);
    assert.equal(await pending(page), 4);
    assert.match(await page.textContent('#status') ?? '', /^4 /);
    assert.equal((await stored(kiosk.id)).length, 1, 'nothing was stored while offline');
    t.app.server.off('request', count);
    assert.deepEqual(reachedKaiku, [], 'no request reached Kaiku while offline: the reload came from the cache');

    await context.setOffline(false);
    await page.waitForFunction(() => document.documentElement.dataset.pending === '0', undefined, { timeout: 20_000 });
    const rows = await stored(kiosk.id);
    assert.deepEqual(rows.map((r) => [r.csat, r.comment]).sort(), [[1, 'Jono oli pitkä'], [2, null], [3, 'OK'], [4, null], [5, 'Ystävällinen palvelu']]);
    assert.equal(new Set(rows.map((r) => r.key)).size, 5);
    assert.ok(rows.every((r) => r.touchpoint_id === touchpointId && r.channel === 'kiosk'));

    // A reply lost after the server stored an answer: the kiosk still has it queued and sends it again.
    const resent = rows[2].key.split(':')[2];
    const resentReply = page.waitForResponse((r) => r.url().endsWith('/responses') && r.request().postDataJSON().idempotencyKey === resent);
    await page.evaluate(async (key) => {
      const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('kaiku-kiosk', 1); r.onsuccess = () => resolve(r.result); });
      await new Promise((resolve) => {
        const tx = db.transaction('queue', 'readwrite');
        tx.objectStore('queue').put({ idempotencyKey: key, submittedAt: new Date().toISOString(), language: 'en', answers: [{ question: 'csat', value: 3 }] });
        tx.oncomplete = resolve;
      });
      dispatchEvent(new Event('online'));
    }, resent);
    const reply = await resentReply;
    assert.deepEqual([reply.status(), (await reply.json()).created], [200, false], 'acknowledged as the answer already stored');
    await page.waitForFunction(() => document.documentElement.dataset.pending === '0');
    assert.equal((await stored(kiosk.id)).length, 5, 'the resend was stored once, not twice');
    await context.close();
  });

  test('a customer who walks away after the score: the score is kept and the kiosk starts over', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const kiosk = await newKiosk('Door tablet');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(kiosk.kioskUrl);
    await page.click('button.smiley:nth-child(4)');
    await page.waitForSelector('textarea');
    // The installed clock also moves with real time, which a busy machine spends between the
    // click and here: 40 s leaves a margin before the default 45-s idle limit (collectors.idle_seconds).
    await page.clock.runFor(40_000);
    assert.equal(await page.isVisible('textarea'), true, 'still waiting for the comment after 40 s');
    await page.clock.runFor(6_000);
    await page.waitForSelector('.thanks');
    const rows = await waitUntil(() => stored(kiosk.id), (r) => r.length === 1, 'the abandoned answer');
    assert.deepEqual(rows.map((r) => [r.csat, r.comment]), [[4, null]]);
    await page.clock.runFor(2_100);
    await page.waitForSelector('button.smiley');
    await context.close();
  });

  test('a kiosk offline for a day syncs every queued answer once, at the times they were given', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const kiosk = await newKiosk('Branch tablet');
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(kiosk.kioskUrl);
    await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready');

    await context.setOffline(true);
    // Yesterday: the tablet's clock says so while it collects answers with no network.
    const yesterday = new Date(Date.now() - 24 * 3_600_000);
    yesterday.setMilliseconds(0);
    await page.clock.setFixedTime(yesterday);
    await answer(page, 2, 'Kylmä sali');
    await page.reload();
    await answer(page, 4);
    await answer(page, 5);
    assert.equal(await pending(page), 3);

    // A day later the network is back.
    await page.clock.setFixedTime(new Date());
    await context.setOffline(false);
    await page.waitForFunction(() => document.documentElement.dataset.pending === '0', undefined, { timeout: 20_000 });
    const rows = await stored(kiosk.id);
    assert.deepEqual(rows.map((r) => [r.csat, r.comment]), [[2, 'Kylmä sali'], [4, null], [5, null]]);
    assert.ok(rows.every((r) => r.submitted_at.getTime() === yesterday.getTime()), rows.map((r) => r.submitted_at.toISOString()).join());
    await context.close();
  });

  /** The consent step at the end of a survey that asks: the box and both fields as the customer sees them. */
  const consentStep = (page: Page) => page.evaluate(() => ({
    ticked: document.querySelector<HTMLInputElement>('#kc-consent')!.checked,
    email: document.querySelector<HTMLInputElement>('#kc-email')!.value,
    phone: document.querySelector<HTMLInputElement>('#kc-phone')!.value,
  }));
  const contactOf = async (collectorId: string, csat: number) => {
    const [row] = await t.db.query<{ id: string }>(`select r.id from responses r join answers a on a.org_id = r.org_id and a.response_id = r.id
      where r.org_id = $1 and r.idempotency_key like $2 and a.number = $3`, [t.orgId, `kiosk:${collectorId}:%`, csat]);
    const request = await contactRequestOf(t.db, t.orgId, row?.id);
    return request ? [request.email, request.phone] : row ? 'none' : 'no response';
  };
  async function toConsentStep(page: Page, score: number) {
    await page.click(`button.smiley:nth-child(${score})`);
    await page.waitForSelector('textarea');
    await page.click('button.send');
    await page.waitForSelector('#kc-consent');
  }

  test('a customer ticks the consent box and gives an address; it waits offline in the queue with the answer and is stored with it', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const kiosk = await newKiosk('Counter tablet', consentSurveyId);
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${kiosk.kioskUrl}?lang=en`);
    await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready');
    await toConsentStep(page, 1);
    assert.equal(await page.textContent('legend'), 'May we contact you?');
    assert.deepEqual(await consentStep(page), { ticked: false, email: '', phone: '' }, 'the box starts unticked');
    await page.click('label.consent');
    await page.fill('#kc-email', 'maija@');
    await page.click('button.send');
    // Checked on the tablet with the server's rule: an answer is never queued with an address the server would refuse.
    assert.equal(await page.textContent('#kc-email-note'), 'The e-mail address is not valid. Write it as name@example.com.');
    assert.equal(await page.isVisible('.thanks'), false);

    await context.setOffline(true);
    await page.fill('#kc-email', 'Maija@Example.fi');
    await page.click('button.send');
    await page.waitForSelector('.thanks');
    assert.equal(await page.evaluate(() => document.body.textContent!.includes('Maija')), false, 'the address left the screen');
    const queued = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('kaiku-kiosk', 1); r.onsuccess = () => resolve(r.result); });
      return new Promise<unknown[]>((resolve) => { const r = db.transaction('queue').objectStore('queue').getAll(); r.onsuccess = () => resolve(r.result); });
    });
    assert.deepEqual((queued as Array<{ answers: unknown; contact: unknown }>).map((q) => [q.answers, q.contact]),
      [[[{ question: 'csat', value: 1 }], { consent: true, email: 'maija@example.fi' }]]);
    // The next customer leaves the box unticked: whatever they typed is not sent.
    await page.waitForSelector('button.smiley', { timeout: 5000 });
    await toConsentStep(page, 4);
    await page.fill('#kc-phone', '040 123 4567');
    await page.click('button.send');
    await page.waitForSelector('.thanks');

    await context.setOffline(false);
    await page.waitForFunction(() => document.documentElement.dataset.pending === '0', undefined, { timeout: 20_000 });
    assert.deepEqual(await contactOf(kiosk.id, 1), ['maija@example.fi', null]);
    assert.equal(await contactOf(kiosk.id, 4), 'none');
    await context.close();
  });

  test('a customer who walks away from the consent step: the answer is kept, the typed address is not, and the next customer sees empty fields', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const kiosk = await newKiosk('Exit tablet', consentSurveyId);
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${kiosk.kioskUrl}?lang=en`);
    await toConsentStep(page, 3);
    await page.click('label.consent');
    await page.fill('#kc-email', 'pekka@example.fi');
    await page.fill('#kc-phone', '+358 50 765 4321');
    await page.clock.runFor(40_000);
    assert.deepEqual(await consentStep(page), { ticked: true, email: 'pekka@example.fi', phone: '+358 50 765 4321' }, 'still typing after 40 s');
    await page.clock.runFor(6_000);
    await page.waitForSelector('.thanks');
    assert.equal(await page.evaluate(() => document.body.textContent!.includes('pekka')), false);
    await page.clock.runFor(2_100);
    await page.waitForSelector('button.smiley');
    await toConsentStep(page, 5);
    assert.deepEqual(await consentStep(page), { ticked: false, email: '', phone: '' }, 'the next customer sees nothing of the last one');
    assert.equal(await page.getAttribute('#kc-email', 'autocomplete'), 'off', 'and the browser offers no earlier address');
    assert.equal(await waitUntil(() => contactOf(kiosk.id, 3), (r) => r !== 'no response', 'the abandoned answer'), 'none');
    await context.close();
  });
});
