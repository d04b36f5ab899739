import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { emailsSent } from '../observability/metrics.ts';
import { startTestSmtp, type TestSmtp } from './test-smtp.ts';
import { createThreadedMailer } from './threaded.ts';

const config = { smtpHost: '127.0.0.1', smtpSecure: false, mailFrom: 'Kaiku <kaiku@example.com>' };
const counted = async (outcome: string) => (await emailsSent.get()).values.find((v) => v.labels.outcome === outcome)?.value ?? 0;

describe('mailer in a worker thread (the notification e-mail)', () => {
  let smtp: TestSmtp;
  before(async () => { smtp = await startTestSmtp({ rejectRecipient: (address) => address.startsWith('nobody@') }); });
  after(() => smtp.close());

  test('e-mails reach a real SMTP server as the app built them, many at once over the pooled connections', async () => {
    const mailer = createThreadedMailer({ ...config, smtpPort: smtp.port }, { maxConnections: 4 })!;
    const sentBefore = await counted('sent');
    try {
      await Promise.all(Array.from({ length: 30 }, (_, i) => mailer.send({
        to: `user${i}@example.com`, subject: `Tapaus ${i} – äö`, text: `Rivi ${i}`, html: `<p>Rivi ${i}</p>`, language: 'fi',
        messageId: `<case-${i}.notification@cx.example.com>`,
      })));
      assert.equal(smtp.received.length, 30);
      const mail = smtp.received.find((m) => m.envelopeTo[0] === 'user7@example.com')!;
      assert.equal(mail.subject, 'Tapaus 7 – äö');
      assert.equal(mail.text, 'Rivi 7');
      assert.equal(mail.headers.get('message-id'), '<case-7.notification@cx.example.com>');
      assert.equal(mail.headers.get('content-language'), 'fi');
      assert.equal(await counted('sent') - sentBefore, 30, 'counted in this process, where /metrics is served');
    } finally {
      mailer.close();
    }
  });

  test('a refused recipient fails with the server\'s words; the others of the same moment still go', async () => {
    const mailer = createThreadedMailer({ ...config, smtpPort: smtp.port }, { maxConnections: 2 })!;
    const failedBefore = await counted('failed');
    const before = smtp.received.length;
    try {
      const results = await Promise.allSettled(['ok1@example.com', 'nobody@example.com', 'ok2@example.com'].map((to) =>
        mailer.send({ to, subject: 'Hei', text: 'x', html: '<p>x</p>' })));
      assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
      assert.match(String((results[1] as PromiseRejectedResult).reason.message), /mailbox unavailable/);
      assert.equal(smtp.received.length - before, 2);
      assert.equal(await counted('failed') - failedBefore, 1);
    } finally {
      mailer.close();
    }
  });

  test('no SMTP server configured: no mailer, and a server that is down fails the send instead of hanging', async () => {
    assert.equal(createThreadedMailer({ ...config, smtpHost: undefined, smtpPort: 25 }, { maxConnections: 1 }), undefined);
    const down = createThreadedMailer({ ...config, smtpPort: 1 }, { maxConnections: 1 })!;
    try {
      await assert.rejects(down.send({ to: 'a@example.com', subject: 'x', text: 'x', html: 'x' }), /ECONNREFUSED|connect/);
    } finally {
      down.close();
    }
  });
});
