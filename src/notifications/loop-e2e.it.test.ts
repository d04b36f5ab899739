import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { signInAs, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint } from '../../test/helpers/factories.ts';
import { createUser } from '../auth/service.ts';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp.ts';

const survey = {
  name: 'Pulse', kind: 'pulse', defaultLanguage: 'fi', languages: ['fi', 'en'], title: { fi: 'Kysely', en: 'Survey' },
  questions: [
    { key: 'nps', type: 'nps', required: true, text: { fi: 'Suosittelisitko?', en: 'Recommend?' } },
    { key: 'why', type: 'text', text: { fi: 'Miksi?', en: 'Why?' } },
  ],
};

describe('closed loop end to end: a detractor answer → a case → e-mail on SMTP and a signed webhook → closure → re-survey → recovery', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let receiver: http.Server;
  const hits: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  before(async () => {
    smtp = await startTestSmtp();
    receiver = http.createServer((request, response) => {
      let body = '';
      request.on('data', (c) => { body += c; });
      request.on('end', () => { hits.push({ headers: request.headers, body }); response.end('ok'); });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
    t = await startTestApp({ jobs: true, config: { smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecure: false, webhooksAllowPrivate: true } });
  });
  after(async () => {
    await t.close();
    await smtp.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  test('the touchpoint owner\'s manager is e-mailed and the webhook signed within seconds; a hand-over e-mails the new owner', async () => {
    const tp = await journeyWithTouchpoint(t);
    const manager = await createUser(t.db, t.orgId, { email: 'mari@example.com', name: 'Mari', role: 'unit_manager', unitId: tp.unitId, language: 'en', password: 'manager-pass-1' });
    const colleague = await createUser(t.db, t.orgId, { email: 'kalle@example.com', name: 'Kalle', role: 'frontline', unitId: tp.unitId, language: 'sv', password: 'kalle-pass-123' });
    const hook = await t.api('/api/v1/webhooks', {
      body: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/kaiku`, events: ['case.created', 'response.created', 'alert.fired'] },
    });
    assert.equal(hook.status, 201);
    const rule = await t.api('/api/v1/alert-rules', { body: {
      name: 'Detractor', kind: 'problem', priority: 'high', slaHours: 8, condition: { nps: 'detractor' }, route: { to: 'touchpoint_owner' },
    } });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    const surveyId = (await t.api('/api/v1/surveys', { body: survey })).body.id;

    const started = Date.now();
    const words = 'Laskussa oli <virhe> & kukaan ei vastannut';
    const contact = await t.api('/api/v1/contacts/by-external-id/C-77', {
      method: 'PUT', body: { email: 'asiakas@example.com', name: 'Aino <Asiakas>', language: 'fi', consent: { surveyEmail: true } },
    });
    assert.ok(contact.status < 300, JSON.stringify(contact.body));
    const response = await t.api('/api/v1/responses', {
      body: { surveyId, touchpointId: tp.touchpointId, contactId: contact.body.id, answers: [{ question: 'nps', value: 3 }, { question: 'why', value: words }] },
    });
    assert.equal(response.status, 201);
    const [mail] = await smtp.waitFor(1, 15_000);
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 10_000, `e-mail after ${elapsed} ms`);
    assert.deepEqual(mail.envelopeTo, ['mari@example.com']);
    assert.match(mail.subject, /^New case assigned to you: /);
    assert.ok(mail.html.includes('Laskussa oli &lt;virhe&gt; &amp; kukaan ei vastannut'));

    const cases = await t.api('/api/v1/cases?inbox=all');
    assert.equal(cases.body.items.length, 1);
    const caseId = cases.body.items[0].id;
    assert.equal(cases.body.items[0].ownerUserId, manager);
    assert.ok(mail.text.includes(`${t.url}/app/cases/${caseId}`));

    // Three signed webhooks: the stored response, the rule firing and the case it opened.
    for (let i = 0; i < 100 && hits.length < 3; i++) await new Promise((r) => setTimeout(r, 100));
    for (const hit of hits) {
      const signature = createHmac('sha256', hook.body.secret).update(`${hit.headers['kaiku-timestamp']}.${hit.body}`).digest('hex');
      assert.equal(hit.headers['kaiku-signature'], `t=${hit.headers['kaiku-timestamp']},v1=${signature}`);
    }
    const byEvent = Object.fromEntries(hits.map((hit) => [hit.headers['kaiku-event'], JSON.parse(hit.body)]));
    assert.equal(byEvent['case.created'].data.case.id, caseId);
    assert.equal(byEvent['alert.fired'].data.rule.id, rule.body.id);
    assert.equal(byEvent['alert.fired'].data.responseId, response.body.id);
    assert.equal(byEvent['response.created'].data.response.id, response.body.id);
    // Scores travel, the customer's words do not.
    assert.deepEqual(byEvent['response.created'].data.response.answers, [{ question: 'nps', type: 'nps', value: 3 }]);
    assert.ok(!hits.some((hit) => hit.body.includes('Laskussa')));

    const handOver = await t.api(`/api/v1/cases/${caseId}`, { method: 'PATCH', body: { ownerUserId: colleague } });
    assert.equal(handOver.status, 200, JSON.stringify(handOver.body));
    const [, second] = await smtp.waitFor(2, 15_000);
    assert.deepEqual(second.envelopeTo, ['kalle@example.com']);
    assert.match(second.subject, /^Nytt ärende till dig: /);

    // The new owner works the case through to closure, writing to the customer on the way.
    const kalle = await signInAs(t, 'kalle@example.com', 'kalle-pass-123');
    const before = await t.api('/api/v1/cases/metrics');
    assert.equal(before.body.overall.recoveryRate, null);
    assert.equal((await kalle(`/api/v1/cases/${caseId}`, { method: 'PATCH', body: { status: 'in_progress' } })).status, 200);
    const followUp = await kalle(`/api/v1/cases/${caseId}/follow-up`, { body: { message: 'Pahoittelut <virheestä>.\n\nKorjasimme laskun & hyvitimme sen.' } });
    assert.equal(followUp.status, 201, JSON.stringify(followUp.body));
    const [, , toCustomer] = await smtp.waitFor(3, 15_000);
    assert.deepEqual(toCustomer.envelopeTo, ['asiakas@example.com']);
    assert.match(toCustomer.subject, /^Palautteesi – /);
    assert.ok(toCustomer.html.includes('Hei Aino &lt;Asiakas&gt;,'));
    assert.ok(toCustomer.html.includes('Pahoittelut &lt;virheestä&gt;.</p>'));
    assert.ok(toCustomer.html.includes('Korjasimme laskun &amp; hyvitimme sen.'));
    assert.ok(toCustomer.html.includes('Kalle'));
    assert.ok(followUp.body.activity.some((a: { kind: string }) => a.kind === 'follow_up_sent'));
    const early = await kalle(`/api/v1/cases/${caseId}/resurvey`, { body: {} });
    assert.equal(early.status, 409, 'the re-survey waits for the resolution');
    assert.equal((await kalle(`/api/v1/cases/${caseId}`, { method: 'PATCH', body: { status: 'resolved', resolution: 'Invoice corrected and credited' } })).status, 200);
    assert.equal((await t.api('/api/v1/root-causes', { body: { code: 'billing', labels: { en: 'Billing' } } })).status, 201);
    const resurvey = await kalle(`/api/v1/cases/${caseId}/resurvey`, { body: {} });
    assert.equal(resurvey.status, 201, JSON.stringify(resurvey.body));
    assert.equal((await kalle(`/api/v1/cases/${caseId}/resurvey`, { body: {} })).status, 409, 'one re-survey per case');
    assert.equal((await kalle(`/api/v1/cases/${caseId}`, { method: 'PATCH', body: { status: 'closed', rootCauseCode: 'billing', recoveryOutcome: 'recovered' } })).body.status, 'closed');

    // The customer answers the re-survey through the personal link in the e-mail: solved, 9.
    const [, , , invitationMail] = await smtp.waitFor(4, 15_000);
    assert.deepEqual(invitationMail.envelopeTo, ['asiakas@example.com']);
    assert.match(invitationMail.subject, /^Ratkesiko asiasi\? – /);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/r\/[A-Za-z0-9_-]+)/.exec(invitationMail.text)?.[1] ?? assert.fail('no personal link in the re-survey e-mail');
    const form = await (await fetch(link)).text();
    assert.match(form, /Ratkesiko asiasi\?/);
    const nonce = /name="_nonce" value="([^"]+)"/.exec(form)?.[1] ?? assert.fail('no nonce');
    const answered = await fetch(link, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _nonce: nonce, _lang: 'fi', solved: 'yes', score: '9' }).toString(),
    });
    assert.equal(answered.status, 303);

    // The answer is tied to the case and the recovery rate moves from none to 1 of 1.
    let recovered: { body: { followUpScore: number | null; followUpSolved: boolean | null; recovered: boolean | null; activity: Array<{ kind: string; data: Record<string, unknown> }> } } | undefined;
    for (let i = 0; i < 100; i++) {
      recovered = await t.api(`/api/v1/cases/${caseId}`);
      if (recovered.body.recovered !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(recovered?.body.followUpScore, 9);
    assert.equal(recovered?.body.followUpSolved, true);
    assert.equal(recovered?.body.recovered, true);
    assert.deepEqual(recovered?.body.activity.find((a) => a.kind === 'follow_up_answer')?.data,
      { responseId: recovered?.body.activity.find((a) => a.kind === 'follow_up_answer')?.data.responseId, score: 9, solved: true, viaResurvey: true, recovered: true });
    const after = await t.api('/api/v1/cases/metrics?by=owner');
    assert.equal(after.body.overall.detractorsFollowedUp, 1);
    assert.equal(after.body.overall.recoveryRate, 1);
    assert.deepEqual(after.body.groups.map((g: { key: string; recoveryRate: number | null }) => [g.key, g.recoveryRate]), [[colleague, 1]]);
    // The re-survey answer (a 9) opened no case of its own under the detractor rule, nor would a 2.
    assert.equal((await t.api('/api/v1/cases?inbox=all')).body.items.length, 1);
  });
});
