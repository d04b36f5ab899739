import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
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

describe('closed loop end to end: a detractor answer → a case → e-mail on SMTP and a signed webhook', () => {
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
    const hook = await t.api('/api/v1/webhooks', { body: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/kaiku`, events: ['case.created'] } });
    assert.equal(hook.status, 201);
    const rule = await t.api('/api/v1/alert-rules', { body: {
      name: 'Detractor', kind: 'problem', priority: 'high', slaHours: 8, condition: { nps: 'detractor' }, route: { to: 'touchpoint_owner' },
    } });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    const surveyId = (await t.api('/api/v1/surveys', { body: survey })).body.id;

    const started = Date.now();
    const words = 'Laskussa oli <virhe> & kukaan ei vastannut';
    const response = await t.api('/api/v1/responses', { body: { surveyId, touchpointId: tp.touchpointId, answers: [{ question: 'nps', value: 3 }, { question: 'why', value: words }] } });
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

    for (let i = 0; i < 100 && hits.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const [hit] = hits;
    const signature = createHmac('sha256', hook.body.secret).update(`${hit.headers['kaiku-timestamp']}.${hit.body}`).digest('hex');
    assert.equal(hit.headers['kaiku-signature'], `t=${hit.headers['kaiku-timestamp']},v1=${signature}`);
    assert.equal(JSON.parse(hit.body).data.case.id, caseId);

    const handOver = await t.api(`/api/v1/cases/${caseId}`, { method: 'PATCH', body: { ownerUserId: colleague } });
    assert.equal(handOver.status, 200, JSON.stringify(handOver.body));
    const [, second] = await smtp.waitFor(2, 15_000);
    assert.deepEqual(second.envelopeTo, ['kalle@example.com']);
    assert.match(second.subject, /^Nytt ärende till dig: /);
  });
});
