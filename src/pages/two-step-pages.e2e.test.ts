/**
 * Two-step sign-in in headless Chromium by clicks, under the real CSP: an analyst turns it on
 * from the banner's account link (password, QR code and secret, a wrong code named at its
 * field, the right code, the recovery codes), signs out, and signs in again with a code from
 * the app, computed here by RFC 6238. axe finds nothing on any of the pages on the way.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { axeViolations, launchChromium, skipReason, signedInPage } from '../../test/helpers/browser.ts';
import { earlyInStep, stepNow, totpAt } from '../../test/helpers/rfc6238.ts';
import { createUser } from '../auth/service.ts';

describe('two-step sign-in in Chromium', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  const email = 'aino@example.com';
  const password = 'correct horse battery';

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp();
    await createUser(t.db, t.orgId, { email, name: 'Aino Analyst', role: 'analyst', language: 'en', password });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('an analyst turns two-step sign-in on by clicks and signs in with a code from the app', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    await earlyInStep();
    const { context, page } = await signedInPage(browser, t.url, email);
    await page.getByRole('link', { name: 'Your account', exact: true }).click();
    await page.waitForURL(/\/app\/account$/);
    assert.equal(await page.locator('#two-step-heading + p').textContent(), 'Two-step sign-in is off.');
    await page.getByRole('link', { name: 'Turn on two-step sign-in' }).click();
    await page.waitForURL(/\/app\/account\/two-step$/);
    assert.deepEqual(await axeViolations(page), []);

    await page.getByLabel('Current password').fill('not my password');
    await page.getByRole('button', { name: 'Continue' }).click();
    assert.equal(await page.getByRole('alert').getByRole('link').textContent(), 'The current password is not correct.');
    assert.deepEqual(await axeViolations(page), []);
    await page.getByLabel('Current password').fill(password);
    await page.getByRole('button', { name: 'Continue' }).click();

    const qr = page.getByRole('img', { name: 'QR code for your authenticator app' });
    assert.equal(await qr.locator('svg').count(), 1, 'the QR code is inline SVG');
    const box = await qr.locator('svg').boundingBox();
    assert.ok(box && box.width >= 200 && box.height >= 200, 'large enough to scan');
    const shown = (await page.locator('code.two-step-secret').textContent()) ?? '';
    assert.match(shown, /^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/, 'eight groups of four');
    assert.deepEqual(await axeViolations(page), []);
    const secret = shown.replaceAll(' ', '');
    const [{ totp_secret: stored }] = await t.db.query<{ totp_secret: string }>(`select totp_secret from users where org_id = $1 and email = $2`, [t.orgId, email]);
    assert.equal(secret, stored);

    const n = stepNow();
    const wrong = ['000000', '111111', '222222'].find((c) => ![n - 1, n, n + 1].map((s) => totpAt(secret, s)).includes(c))!;
    await page.getByLabel('Code from your authenticator app').fill(wrong);
    await page.getByRole('button', { name: 'Turn on' }).click();
    assert.equal(await page.getByRole('alert').getByRole('link').textContent(), 'The code is not correct. Enter the code the app shows right now.');
    assert.equal(await page.getByLabel('Code from your authenticator app').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axeViolations(page), []);
    await page.getByLabel('Code from your authenticator app').fill(totpAt(secret, n - 1));
    await page.getByRole('button', { name: 'Turn on' }).click();

    assert.equal(await page.getByRole('status').textContent(), 'Two-step sign-in is now on.');
    const codes = await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents();
    assert.equal(codes.length, 10);
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('link', { name: 'I have stored the codes' }).click();
    await page.waitForURL(/\/app\/account$/);
    assert.equal(await page.locator('#two-step-heading + p').textContent(), 'Two-step sign-in is on.');

    await page.locator('form[action="/logout"] button').click();
    await page.waitForURL(/\/login/);
    await page.fill('#email', email);
    await page.fill('#password', password);
    await page.click('button[type="submit"]');
    assert.equal(await page.getByRole('alert').getByRole('link').textContent(), 'Enter your password and the code from your authenticator app.');
    assert.deepEqual(await axeViolations(page), []);
    await page.fill('#password', password);
    await page.getByLabel('Authentication code').fill(totpAt(secret, n));
    await Promise.all([page.waitForURL(/\/app$/), page.click('button[type="submit"]')]);
    assert.equal(await page.getByRole('link', { name: 'Your account', exact: true }).count(), 1, 'signed in');
    await context.close();
  });
});
