import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { eraseContacts } from '../privacy/erase.ts';
import { pageClient, sessionCookie } from '../../test/helpers/pages.ts';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp.ts';

describe('consent to be contacted on the open link', () => {
  let t: TestApp;
  let surveyId: string;
  let smtp: TestSmtp;

  async function post(form: Record<string, string>) {
    const get = await fetch(`${t.url}/s/${surveyId}?lang=en`);
    const nonce = /name="_nonce" value="([^"]+)"/.exec(await get.text())?.[1] ?? assert.fail('no nonce');
    const res = await fetch(`${t.url}/s/${surveyId}?lang=en`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _nonce: nonce, _lang: 'en', nps: '2', ...form }).toString(),
    });
    return { status: res.status, html: await res.text() };
  }
  const requests = async () => t.db.query<{ email: string | null; phone: string | null }>(
    `select email, phone from response_contact_requests where org_id = $1 order by email`, [t.orgId]);

  before(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ config: { smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecure: false } });
    const ids = await journeyWithTouchpoint(t);
    const res = await t.api('/api/v1/surveys', { body: { ...pulseSurvey(ids.touchpointId), askContactConsent: true } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    surveyId = res.body.id;
  });
  after(async () => { await t.close(); await smtp.close(); });

  test('the form offers an unticked box and the address fields', async () => {
    const html = await (await fetch(`${t.url}/s/${surveyId}?lang=en`)).text();
    assert.match(html, /<input type="checkbox" id="f-contact-consent" name="_contact_consent" value="1">/);
    assert.match(html, /You may contact me about my answer/);
    assert.match(html, /name="_contact_email"/);
  });

  test('a ticked box without an address is refused naming the field, and nothing is stored', async () => {
    const res = await post({ _contact_consent: '1' });
    assert.equal(res.status, 400);
    assert.match(res.html, /E-mail address: Give an e-mail address or a phone number/);
    assert.equal((await t.db.query(`select 1 from responses where org_id = $1`, [t.orgId])).length, 0);
    assert.deepEqual(await requests(), []);
  });

  test('an address without the box ticked is not kept; with it, it is', async () => {
    assert.equal((await post({ _contact_email: 'nobody@example.com' })).status, 303);
    assert.deepEqual(await requests(), []);
    assert.equal((await post({ _contact_consent: '1', _contact_email: 'Matti@Example.com' })).status, 303);
    assert.deepEqual(await requests(), [{ email: 'matti@example.com', phone: null }]);
  });

  test('the case page shows the consented address; without consent it says so and the comment stays redacted', async () => {
    const ids = await t.db.query<{ id: string; consented: boolean }>(
      `select r.id, exists (select 1 from response_contact_requests c where c.org_id = r.org_id and c.response_id = r.id) as consented
         from responses r where r.org_id = $1`, [t.orgId]);
    const admin = pageClient(t, await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`));
    for (const r of ids) {
      const res = await t.api('/api/v1/cases', { body: { responseId: r.id, title: r.consented ? 'With consent' : 'Without consent' } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const html = (await admin.get(`/app/cases/${res.body.id}?lang=en`)).text;
      if (r.consented) {
        assert.match(html, /The customer asked to be contacted: matti@example\.com \(consent given /);
        assert.match(html, /action="\/app\/cases\/[0-9a-f-]+\/follow-up"/);
        const sent = await admin.post(`/app/cases/${res.body.id}/follow-up?lang=en`, { message: 'Sorry about the queue, we fixed it.' });
        assert.equal(sent.status, 303, sent.text.slice(0, 300));
        assert.deepEqual(smtp.received.map((m) => m.envelopeTo), [['matti@example.com']]);
        assert.match(smtp.received[0].text, /Sorry about the queue, we fixed it\./);
      } else {
        assert.match(html, /The customer did not give consent to be contacted/);
        assert.doesNotMatch(html, /\/follow-up"/);
      }
    }
  });

  test('erasing a contact with the same address deletes the stored one', async () => {
    const [c] = await t.db.query<{ id: string }>(`insert into contacts (org_id, email, cohort) values ($1, 'matti@example.com', 0) returning id`, [t.orgId]);
    const figures = await t.db.transaction((tx) => eraseContacts(tx, t.orgId, [c.id]));
    assert.equal(figures.contactRequestsDeleted, 1);
    assert.deepEqual(await requests(), []);
  });
});
