/**
 * Consent to be contacted, by clicks in headless Chromium under the real CSP: the admin ticks
 * the builder's option; a customer on a 390×844 phone answers 2 on the open link, ticks "You may
 * contact me about my answer" and types an e-mail address (first forgetting it: the field is
 * named); the detractor rule opens a case; the admin reads the consented address on the case
 * and sends the follow-up, which a real SMTP server in the test receives at that address. axe
 * finds nothing on the respondent's page or the case page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint } from '../../test/helpers/factories.ts';
import { axeViolations, launchChromium, skipReason, signedInPage } from '../../test/helpers/browser.ts';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp.ts';

describe('consent to be contacted, in Chromium', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let browser: Browser | undefined;
  let surveyId: string;

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    smtp = await startTestSmtp();
    t = await startTestApp({ jobs: true, config: { smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecure: false } });
    const tp = await journeyWithTouchpoint(t);
    const survey = await t.api('/api/v1/surveys', { body: {
      name: 'Billing pulse', kind: 'pulse', status: 'active', defaultLanguage: 'en', languages: ['en', 'fi'], title: { en: 'How was your bill?', fi: 'Miten lasku onnistui?' },
      touchpointId: tp.touchpointId,
      questions: [{ key: 'nps', type: 'nps', required: true, text: { en: 'How likely are you to recommend us?', fi: 'Suosittelisitko meitä?' } }],
    } });
    assert.equal(survey.status, 201, JSON.stringify(survey.body));
    surveyId = survey.body.id;
    const rule = await t.api('/api/v1/alert-rules', { body: { name: 'Detractor', condition: { nps: 'detractor' }, route: { to: 'round_robin', unitId: tp.unitId } } });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  test('the customer asks to be contacted; the case offers that address and the follow-up reaches it', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const { context, page } = await signedInPage(browser, t.url, `admin-${t.orgId.slice(0, 8)}@example.com`);
    await page.goto(`${t.url}/app/setup/surveys/${surveyId}?lang=en`);
    await page.getByLabel('Ask anonymous respondents whether we may contact them about their answer').check();
    await Promise.all([page.waitForNavigation(), page.click('.builder-actions button[value="save"]')]);
    assert.equal((await t.api(`/api/v1/surveys/${surveyId}`)).body.askContactConsent, true);

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-GB' });
    const answer = await phone.newPage();
    await answer.goto(`${t.url}/s/${surveyId}?lang=en`);
    await answer.locator('label.tile:has(input[name="nps"][value="2"])').tap();
    await answer.getByLabel('You may contact me about my answer').check();
    assert.deepEqual(await axeViolations(answer), []);
    const width = await answer.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling on the phone: ${width} px`);
    // Ticked without an address: refused at the field, nothing stored.
    await Promise.all([answer.waitForNavigation(), answer.locator('button[type="submit"]').last().tap()]);
    assert.match(await answer.locator('.error-summary').innerText(), /Give an e-mail address or a phone number/);
    assert.equal((await t.db.query(`select 1 from responses where org_id = $1`, [t.orgId])).length, 0);
    if (!(await answer.getByLabel('You may contact me about my answer').isChecked())) await answer.getByLabel('You may contact me about my answer').check();
    if (!(await answer.locator('input[name="nps"][value="2"]').isChecked())) await answer.locator('label.tile:has(input[name="nps"][value="2"])').tap();
    await answer.getByLabel('E-mail address').fill('matti@example.com');
    await Promise.all([answer.waitForNavigation(), answer.locator('button[type="submit"]').last().tap()]);
    if (!/\/thanks/.test(answer.url())) {
      // Answered faster than a person usually does: one more press, answers kept.
      await Promise.all([answer.waitForURL(/\/thanks/), answer.locator('button[type="submit"]').last().tap()]);
    }
    await phone.close();

    // The detractor rule opens the case in the background.
    let caseId: string | undefined;
    for (let i = 0; i < 100 && !caseId; i++) {
      caseId = (await t.db.query<{ id: string }>(`select id from cases where org_id = $1`, [t.orgId]))[0]?.id;
      if (!caseId) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(caseId, 'the detractor rule opened a case');
    await page.goto(`${t.url}/app/cases/${caseId}?lang=en`);
    assert.match(await page.locator('main').innerText(), /The customer asked to be contacted: matti@example\.com \(consent given /);
    assert.deepEqual(await axeViolations(page), []);
    await page.getByLabel('Message', { exact: true }).fill('Sorry about the bill: we corrected it today.');
    await Promise.all([page.waitForURL(/done=followUp/), page.getByRole('button', { name: 'Send e-mail' }).click()]);
    // The admin's own notice of the case (fallback owner) may arrive too; the customer gets one message.
    const toCustomer = () => smtp.received.filter((m) => m.envelopeTo.includes('matti@example.com'));
    for (let i = 0; i < 50 && toCustomer().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(toCustomer().length, 1);
    assert.deepEqual(toCustomer()[0].envelopeTo, ['matti@example.com']);
    assert.match(toCustomer()[0].text, /we corrected it today/);
    await context.close();
  });
});
