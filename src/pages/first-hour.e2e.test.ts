/**
 * The first-hour test (issue 15): a new organisation's CX manager does the whole job in
 * headless Chromium by clicks and typing, without an API call and without typing a URL except
 * the start page. Signs in; builds a journey with three stages and a touchpoint; sets up an alert
 * rule for detractors; builds a pulse survey (NPS + why + CSAT) in Finnish and English and
 * publishes it; imports 20 customers from a CSV file; sends the survey to them by e-mail (a real
 * SMTP server in the test receives the 20 messages); one customer answers a 2 on a 390 × 844
 * phone from the link in the received e-mail; the answer is on the dashboard; the detractor's
 * case reaches the bell of the fallback owner (the touchpoint has no owning unit, so the
 * organisation's admin), who opens it from the bell, adds a root cause to the organisation's
 * list and closes the case with it. A website widget and a kiosk are set up from the
 * distribution hub and each answered once. The database is read only to check what the clicks did.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { axeViolations, launchChromium, signInByForm, skipReason } from '../../test/helpers/browser.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp.ts';

describe('a CX manager’s first hour, by clicks only', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  let shop: Server | undefined;
  let shopSnippet = '';
  let smtp: TestSmtp | undefined;
  /** The survey link of the e-mail the first imported customer received. */
  let mailedLink = '';
  let admin: BrowserContext;
  let page: Page;

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    smtp = await startTestSmtp();
    t = await startTestApp({ jobs: true, config: { smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecure: false } });
    // The organisation's website, on another origin than Kaiku; its page carries the snippet the
    // manager copies from the hub (set below, as a site owner pastes it into their template).
    shop = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Oma Vesi</title>${shopSnippet}</head><body><main><h1>Laskut</h1></main></body></html>`);
    });
    await new Promise<void>((resolve) => shop!.listen(0, '127.0.0.1', resolve));
    admin = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    page = await admin.newPage();
  });
  after(async () => {
    await browser?.close();
    shop?.close();
    await t?.close();
    await smtp?.close();
  });

  const shopUrl = () => `http://localhost:${(shop!.address() as AddressInfo).port}`;
  const adminEmail = () => `admin-${t.orgId.slice(0, 8)}@example.com`;
  /** Clicks and waits for the page the click leads to. */
  const go = async (target: Page, click: () => Promise<void>) => { await Promise.all([target.waitForNavigation(), click()]); };
  /** The survey's distribution hub, from the surveys list. */
  const openHub = async () => {
    await menu('Set-up');
    await go(page, () => page.locator('main a[href="/app/setup/surveys"]').click());
    await go(page, () => page.getByRole('link', { name: 'Share E-laskupulssi' }).click());
  };
  const menu = (name: string) => go(page, () => page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name, exact: true }).click());
  /**
   * Answers a widget or kiosk pulse step by step as a visitor taps it: the scale button at
   * `score` from the low end (or the highest one there is), a few words in an open question,
   * until the thanks. Playwright's locators reach into the widget's open shadow root.
   */
  async function tapThrough(target: Page, score: number, comment: string) {
    for (let step = 0; step < 6; step++) {
      if (await target.locator('.thanks, kaiku-widget [role=status]').count()) return;
      const box = target.locator('textarea');
      if (await box.count()) {
        await box.fill(comment);
        await target.locator('button.send').tap();
        await box.waitFor({ state: 'detached' });
        continue;
      }
      const scale = target.locator('button.score');
      await scale.first().waitFor();
      const button = (await scale.nth(Math.min(score, (await scale.count()) - 1)).elementHandle())!;
      await button.tap();
      await button.waitForElementState('hidden'); // the step is replaced by the next one
    }
    throw new Error('the pulse did not end in thanks');
  }
  const stored = () => t.db.query<{ source: string; channel: string; nps: number | null; csat: number | null }>(
    `select r.source, r.channel, max(a.number) filter (where q.key = 'nps') as nps, max(a.number) filter (where q.key = 'csat') as csat
       from responses r left join answers a on a.org_id = r.org_id and a.response_id = r.id
       left join questions q on q.org_id = a.org_id and q.id = a.question_id
      where r.org_id = $1 group by r.org_id, r.id order by r.submitted_at`, [t.orgId]);

  test('1. sign in and build a journey with three stages and a touchpoint', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    await signInByForm(page, t.url, adminEmail());
    await menu('Set-up');
    await go(page, () => page.locator('main a[href="/app/setup/journeys"]').click());
    await page.getByLabel('Name').fill('Vesihuolto');
    await page.getByLabel('Persona').fill('Kotitalous');
    await go(page, () => page.getByRole('button', { name: 'Create journey' }).click());
    for (const [name, phase] of [['Sopimus', 'before'], ['Laskutus', 'during'], ['Muutto pois', 'after']]) {
      await page.locator('#stage-name').fill(name);
      await page.locator('#stage-phase').selectOption(phase);
      await go(page, () => page.getByRole('button', { name: 'Add stage' }).click());
    }
    const billing = page.locator('section.stage-editor', { hasText: 'Laskutus' });
    await billing.locator('summary').click();
    await billing.getByLabel('Name').last().fill('E-lasku');
    await billing.getByLabel('Channel').last().selectOption('web');
    await go(page, () => billing.getByRole('button', { name: 'Add touchpoint' }).click());
    const journeys = await t.db.query<{ stages: number; touchpoint: string }>(
      `select (select count(*)::int from stages s where s.org_id = j.org_id and s.journey_id = j.id) as stages,
              (select tp.name from touchpoints tp join stages s on s.org_id = tp.org_id and s.id = tp.stage_id where s.journey_id = j.id) as touchpoint
         from journeys j where j.org_id = $1`, [t.orgId]);
    assert.deepEqual(journeys, [{ stages: 3, touchpoint: 'E-lasku' }]);
  });

  test('2. an alert rule for detractors, built from the default condition', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    await menu('Set-up');
    await go(page, () => page.locator('main a[href="/app/setup/alert-rules"]').click());
    await go(page, () => page.getByRole('link', { name: /New alert rule/ }).click());
    await page.getByLabel('Name', { exact: true }).fill('Arvostelija');
    await go(page, () => page.getByRole('button', { name: /^Save/ }).first().click());
    const rules = await t.db.query<{ name: string; enabled: boolean }>(`select name, enabled from alert_rules where org_id = $1`, [t.orgId]);
    assert.deepEqual(rules, [{ name: 'Arvostelija', enabled: true }]);
  });

  test('3. a pulse survey (NPS + why + CSAT) in Finnish and English, published, on to the hub', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    await menu('Set-up');
    await go(page, () => page.locator('main a[href="/app/setup/surveys"]').click());
    await go(page, () => page.getByRole('link', { name: 'New survey' }).click());
    await page.fill('#name', 'E-laskupulssi');
    await page.selectOption('#touchpointId', { label: 'E-lasku' });
    await page.check('input[name="languages"][value="fi"]');
    await go(page, () => page.click('button[value="refresh"]:has-text("Update languages")'));
    await page.selectOption('#defaultLanguage', 'fi');
    await page.fill('#title_fi', 'Miten e-laskun käyttöönotto sujui?');
    await page.fill('#title_en', 'How did setting up your e-invoice go?');
    await page.fill('#q0_text_fi', 'Suosittelisitko meitä ystävällesi?');
    await page.fill('#q0_text_en', 'Would you recommend us to a friend?');
    assert.equal(await page.isChecked('#q0_why'), true, 'the NPS comes with its open why');
    await page.selectOption('#newType', 'csat');
    await go(page, () => page.click('button[value="add"]'));
    await page.fill('#q1_text_fi', 'Kuinka tyytyväinen olit?');
    await page.fill('#q1_text_en', 'How satisfied were you?');
    await Promise.all([page.waitForURL(/\/publish\?saved=created$/), page.click('.builder-actions button[value="save"]')]);
    await Promise.all([page.waitForURL(/\/share\?published=1$/), page.getByRole('button', { name: 'Publish now' }).click()]);
    const [survey] = await t.db.query<{ status: string; languages: string[] }>(`select status, languages from surveys where org_id = $1`, [t.orgId]);
    assert.deepEqual([survey.status, [...survey.languages].sort()], ['active', ['en', 'fi']]);
    assert.deepEqual(await axeViolations(page), []);
  });

  test('4. twenty customers imported from a CSV file, with their consent to e-mail surveys', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const rows = Array.from({ length: 20 }, (_, i) => {
      const n = String(i + 1).padStart(2, '0');
      return `A-10${n};Asiakas ${n};asiakas${n}@example.com;${i < 15 ? 'fi' : 'en'};yes`;
    });
    const csv = ['external_id;name;email;language;consent_survey_email', ...rows].join('\r\n');
    await menu('Contacts');
    await go(page, () => page.getByRole('link', { name: 'Import contacts', exact: true }).click());
    await page.setInputFiles('#file', { name: 'asiakkaat.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await go(page, () => page.getByRole('button', { name: 'Upload and check' }).click());
    assert.match(await page.locator('#check-heading + *').innerText(), /20/);
    assert.deepEqual(await axeViolations(page), []);
    await go(page, () => page.getByRole('button', { name: 'Import contacts' }).click());
    // A large file goes on in the background; this one is done by the time the page is reloaded.
    for (let i = 0; i < 20 && !(await page.getByText('20 contacts imported').count()); i++) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    assert.equal(await page.getByText('20 contacts imported').count(), 1);
    const [{ n }] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from contacts where org_id = $1 and email like 'asiakas%@example.com'`, [t.orgId]);
    assert.equal(n, 20);
  });

  test('5. the survey sent by e-mail to the 20 customers: checked, sent, 20 messages received', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    await openHub();
    await go(page, () => page.getByRole('link', { name: 'Send by e-mail', exact: true }).click());
    await go(page, () => page.getByRole('button', { name: 'Check', exact: true }).click());
    assert.match(await page.locator('#preview-result').innerText(), /Will be sent to 20 contacts/);
    assert.deepEqual(await axeViolations(page), []);
    await go(page, () => page.getByRole('button', { name: 'Send to 20 contacts', exact: true }).click());
    // The send goes on to the survey's sends, and each send to its funnel; axe finds nothing on either.
    assert.match(page.url(), /\/sends\?sent=/);
    assert.deepEqual(await axeViolations(page), []);
    await go(page, () => page.getByRole('link', { name: /^Show progress/ }).first().click());
    assert.match(await page.locator('main').innerText(), /Invited/);
    assert.deepEqual(await axeViolations(page), []);
    const mails = await smtp!.waitFor(20, 30_000);
    assert.equal(new Set(mails.flatMap((m) => m.envelopeTo)).size, 20);
    const first = mails.find((m) => m.envelopeTo.includes('asiakas01@example.com'));
    assert.ok(first, 'the first customer got the survey');
    // The e-mail's score buttons each open the survey with that score chosen.
    mailedLink = /href="([^"]+\?nps=2)"/.exec(first.html)?.[1].replace(/&amp;/g, '&') ?? '';
    assert.ok(mailedLink.startsWith(`${t.url}/r/`), first.html);
  });

  test('6. a customer on a phone answers from the e-mail with a 2; the answer is on the dashboard', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const link = mailedLink;
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'fi-FI' });
    const answer = await phone.newPage();
    await answer.goto(link);
    assert.equal(await answer.locator('h1').textContent(), 'Miten e-laskun käyttöönotto sujui?');
    const width = await answer.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling on the phone: ${width} px`);
    await answer.locator('label.tile:has(input[name="nps"][value="2"])').tap();
    await answer.locator('#f-nps_why').fill('Laskussa virhe, tuplaveloitus. Soittakaa minulle.');
    await answer.locator('label.tile:has(input[name="csat"][value="2"])').tap();
    await Promise.all([answer.waitForNavigation(), answer.locator('button[type="submit"]').last().tap()]);
    if (!/\/thanks/.test(answer.url())) {
      // Answered faster than a person usually does: the page asks for one more press, answers kept.
      await Promise.all([answer.waitForURL(/\/thanks/), answer.locator('button[type="submit"]').last().tap()]);
    }
    await phone.close();
    assert.deepEqual(await stored(), [{ source: 'web', channel: 'web', nps: 2, csat: 2 }]);

    // One answer is under the organisation's minimum group size: the overview counts it but
    // shows no NPS; the open answers page shows the customer's words.
    await menu('Journey overview');
    assert.equal(await page.locator('.empty[role=status]').count(), 0, 'not the empty overview any more');
    await menu('Open answers');
    assert.match(await page.locator('main').innerText(), /tuplaveloitus/);
  });

  test('7. the detractor’s case reaches the bell of the fallback owner, who opens it', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    await waitUntil(async () => (await t.db.query(`select 1 from notifications where org_id = $1`, [t.orgId])).length, (n) => n >= 1, 'the notification', 20_000);
    await page.reload();
    const bell = page.getByRole('link', { name: 'Notifications (1 unread)', exact: true });
    await go(page, () => bell.click());
    await go(page, () => page.locator('ul.notifications li a').first().click());
    assert.match(page.url(), /\/app\/cases\/[0-9a-f-]{36}$/);
    assert.match(await page.locator('main').innerText(), /assigned by fallback/i);
    const [found] = await t.db.query<{ owner: string }>(`select u.email as owner from cases c join users u on u.org_id = c.org_id and u.id = c.owner_user_id where c.org_id = $1`, [t.orgId]);
    assert.equal(found.owner, adminEmail());
  });

  test('8. the case is worked to closed with a root cause the admin adds to the organisation\'s list', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    await menu('Set-up');
    await go(page, () => page.locator('main a[href="/app/setup/root-causes"]').click());
    await page.fill('#name-en', 'Billing error');
    await page.fill('#name-fi', 'Laskutusvirhe');
    await go(page, () => page.getByRole('button', { name: 'Add', exact: true }).click());
    await menu('Cases');
    await go(page, () => page.locator('main tbody a[href^="/app/cases/"]').first().click());
    await page.selectOption('#rootCauseCode', { label: 'Billing error' });
    await page.getByLabel('Recovered', { exact: true }).check();
    await page.fill('#closeResolution', 'Tuplaveloitus hyvitetty, asiakkaalle soitettu');
    assert.deepEqual(await axeViolations(page), []);
    await go(page, () => page.getByRole('button', { name: 'Close case', exact: true }).click());
    assert.equal(await page.locator('#root-cause').textContent(), 'Billing error');
    const [closed] = await t.db.query<{ status: string; recoveryOutcome: string; rootCause: string }>(
      `select c.status, c.recovery_outcome as "recoveryOutcome", c.root_cause_code as "rootCause" from cases c where c.org_id = $1`, [t.orgId]);
    assert.deepEqual([closed.status, closed.recoveryOutcome, typeof closed.rootCause], ['closed', 'recovered', 'string']);
  });

  test('9. a website widget and a kiosk from the hub, each answered once', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    await openHub();
    await page.getByLabel('Allowed origins').fill(shopUrl());
    await page.getByLabel('Page address pattern').fill('/laskut*');
    await go(page, () => page.getByRole('button', { name: 'Create widget' }).click());
    shopSnippet = await page.locator('textarea[id^="snippet-"]').inputValue();
    const visitor = await browser.newContext({ locale: 'fi-FI', hasTouch: true });
    const site = await visitor.newPage();
    await site.goto(`${shopUrl()}/laskut`);
    await site.waitForFunction(() => !!document.querySelector('kaiku-widget')?.shadowRoot?.querySelector('[role=dialog]'), undefined, { timeout: 15_000 });
    await tapThrough(site, 9, 'Helppo ottaa käyttöön');
    await waitUntil(stored, (rows) => rows.some((r) => r.source === 'widget'), 'the widget answer');
    await visitor.close();

    // The kiosk starts in the language chosen for it (the survey's default, Finnish, unless changed).
    await page.getByLabel('Language the kiosk starts in').selectOption({ label: 'English' });
    await go(page, () => page.getByRole('button', { name: 'Create kiosk' }).click());
    const device = await page.getByLabel('Device link (English)').inputValue();
    assert.match(device, /\/k\/pk_[^?]+\?lang=en$/);
    const tablet = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    const kiosk = await tablet.newPage();
    await kiosk.goto(device);
    await tapThrough(kiosk, 8, 'Nopeaa palvelua');
    await waitUntil(stored, (rows) => rows.some((r) => r.channel === 'kiosk'), 'the kiosk answer');
    await tablet.close();
    const sources = (await stored()).map((r) => r.source).sort();
    assert.equal(sources.length, 3, JSON.stringify(sources));
  });
});
