/**
 * End to end: a touchpoint event becomes an e-mail on a real SMTP server; the score link in
 * the received message opens the survey in headless Chromium with that score filled in; the
 * answer is stored tied to the contact and the event, and the funnel shows the whole path.
 * Needs Debian's chromium at /usr/bin/chromium (skipped with a notice without it, except under CI=true).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { chromiumMissing, launchChromium, skipReason } from '../../test/helpers/browser.ts';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp.ts';

describe('pulse e-mail to answer in a browser', { skip: chromiumMissing && skipReason }, () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let browser: Browser;

  before(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ jobs: true, config: { smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecure: false } });
    browser = await (await launchChromium()) as Browser;
  });
  after(async () => { await browser?.close(); await t?.close(); await smtp?.close(); });

  test('the e-mail arrives, its score link opens the survey with the score chosen, and the answer is tied to contact and event', async () => {
    const { touchpointId } = await journeyWithTouchpoint(t);
    const surveyId = (await t.api('/api/v1/surveys', { body: pulseSurvey(touchpointId) })).body.id;
    assert.equal((await t.api('/api/v1/pulse-rules', { body: { name: 'After contract', touchpointId, surveyId, channels: ['email'] } })).status, 201);
    const contactId = (await t.api('/api/v1/contacts/by-external-id/C-77', { method: 'PUT', body: {
      name: 'Sven', email: 'sven@example.com', language: 'sv', consent: { surveyEmail: true },
    } })).body.id;
    const event = await t.api('/api/v1/events', { body: { touchpointId, contactExternalId: 'C-77', attributes: { ticket: 'T-1' } } });
    assert.equal(event.status, 201);

    const [mail] = await smtp.waitFor(1, 15_000);
    assert.deepEqual(mail.envelopeTo, ['sven@example.com']);
    assert.equal(mail.subject, 'Test Org: berätta om din upplevelse');
    assert.equal(mail.headers.get('content-language'), 'sv');
    const link = /href="([^"]+\?nps=8)"/.exec(mail.html)?.[1].replace(/&amp;/g, '&') ?? '';
    assert.ok(link.startsWith(`${t.url}/r/`), mail.html);

    const page = await browser.newPage();
    await page.goto(link);
    assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
    assert.equal(await page.locator('input[name="nps"][value="8"]').isChecked(), true, 'the score from the e-mail is filled in');
    await page.waitForTimeout(2100); // a person reads the page (the bot guard refuses forms sent back at once)
    await Promise.all([page.waitForURL(/\/thanks/), page.locator('form#survey button[type="submit"]').click()]);
    await page.close();

    const [stored] = await t.db.query<{ contact_id: string; event_id: string; number: number; source: string }>(
      `select r.contact_id, i.event_id, a.number, r.source from responses r
         join invitations i on i.org_id = r.org_id and i.id = r.invitation_id
         join answers a on a.org_id = r.org_id and a.response_id = r.id
         join questions q on q.org_id = a.org_id and q.id = a.question_id and q.key = 'nps'
        where r.org_id = $1`, [t.orgId]);
    assert.deepEqual(stored, { contact_id: contactId, event_id: event.body.id, number: 8, source: 'web' });

    const funnel = await waitUntil(() => t.api(`/api/v1/distribution/funnel?surveyId=${surveyId}`), (r) => r.body.total.completed === 1, 'the funnel');
    assert.deepEqual(funnel.body.total, { eligible: 1, skipped: 0, skippedBy: {}, sent: 1, delivered: 1, bounced: 0, opened: 1, started: 1, completed: 1, shown: 0, responseRate: 1 });
  });
});
