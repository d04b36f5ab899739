import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { createUser } from '../auth/service.ts';
import { uuidv7 } from '../db/ids.ts';
import { createMailer, type Mailer, type MailMessage } from '../mail/mailer.ts';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp.ts';
import { EMAIL_LEASE_SECONDS, sendImmediateEmails, sendPendingEmails, type NotifyContext } from './service.ts';

/**
 * A process that dies while sending notification e-mail: before the mail server has the
 * message, or after it accepted it but before the database heard so. Neither loses the e-mail;
 * the resend waits for the claim to run out and repeats the first attempt's Message-ID.
 */
describe('notification e-mail survives a sender that dies mid-send', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let mailer: Mailer;
  let clock = new Date('2026-05-04T09:00:00Z');
  let userId: string;

  before(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp();
    mailer = createMailer({ smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecure: false, mailFrom: 'Kaiku <kaiku@example.com>' })!;
    userId = await createUser(t.db, t.orgId, { email: 'olli@example.com', name: 'Olli', role: 'frontline', language: 'en', password: 'olli-pass-1234' });
  });
  after(async () => { await t.close(); await smtp.close(); });
  beforeEach(async () => {
    smtp.received.length = 0;
    await t.db.query(`delete from notifications where org_id = $1`, [t.orgId]);
  });

  const context = (sender: Mailer): NotifyContext => ({ db: t.db, now: () => clock, publicUrl: () => 'https://cx.example.com', mailer: sender });
  const notify = async (title: string) => {
    const id = uuidv7();
    const notice = { kind: 'case_assigned', caseId: uuidv7(), title, priority: 'high', dueAt: null, verbatim: null, touchpoint: null, employee: null };
    await t.db.query(`insert into notifications (org_id, id, user_id, kind, data, created_at) values ($1, $2, $3, 'case_assigned', $4, $5)`,
      [t.orgId, id, userId, JSON.stringify(notice), clock.toISOString()]);
    return { orgId: t.orgId, id };
  };
  const state = async (id: string) => (await t.db.query<{ sent: Date | null; lease: Date | null; messageId: string | null }>(
    `select email_sent_at as sent, email_lease_until as lease, email_message_id as "messageId" from notifications where org_id = $1 and id = $2`,
    [t.orgId, id]))[0];

  /** A sender that dies: it never answers, so nothing after the send runs (the process is gone). */
  const dying = (deliverFirst: boolean) => {
    const attempts: MailMessage[] = [];
    const sender: Mailer = {
      async send(message) {
        attempts.push(message);
        if (deliverFirst) await mailer.send(message);
        await new Promise(() => {});
      },
      close() {},
    };
    return { sender, attempts };
  };

  test('died before the mail server had it: sent once the claim runs out, with the Message-ID of the first attempt', async () => {
    const n = await notify('Laskutusvirhe');
    const died = dying(false);
    void sendImmediateEmails(context(died.sender), [n]);
    await waitUntil(() => died.attempts.length, (k) => k === 1, 'the first attempt');
    const held = await state(n.id);
    assert.equal(held.sent, null);
    assert.equal(new Date(held.lease!).getTime(), clock.getTime() + EMAIL_LEASE_SECONDS * 1000, 'claimed for the lease');
    const firstId = died.attempts[0].messageId!;
    assert.match(firstId, /^<[0-9a-f]{32}\.notification@cx\.example\.com>$/);

    // While the claim holds, neither the job's retry nor the minute sweep sends it a second time.
    assert.equal(await sendImmediateEmails(context(mailer), [n]), 0);
    assert.equal(await sendPendingEmails(context(mailer)), 0);
    assert.equal(smtp.received.length, 0);

    clock = new Date(clock.getTime() + (EMAIL_LEASE_SECONDS + 1) * 1000);
    assert.equal(await sendPendingEmails(context(mailer)), 1);
    await smtp.waitFor(1);
    assert.equal(smtp.received[0].headers.get('message-id'), firstId);
    assert.match(smtp.received[0].subject, /Laskutusvirhe/);
    const done = await state(n.id);
    assert.equal(new Date(done.sent!).getTime(), clock.getTime());
    assert.equal(done.lease, null);
    assert.equal(await sendPendingEmails(context(mailer)), 0, 'nothing left to send');
  });

  test('died after the mail server accepted it: sent again under the same Message-ID, so the repeat is recognisable', async () => {
    const first = await notify('Mittari');
    const second = await notify('Vesikatko');
    const died = dying(true);
    void sendImmediateEmails(context(died.sender), [first, second]);
    await smtp.waitFor(1);
    assert.equal(died.attempts.length, 1, 'both cases in one e-mail');
    assert.equal((await state(first.id)).sent, null, 'the database never heard it was sent');

    clock = new Date(clock.getTime() + (EMAIL_LEASE_SECONDS + 1) * 1000);
    assert.equal(await sendPendingEmails(context(mailer)), 1);
    await smtp.waitFor(2);
    const [original, repeat] = smtp.received;
    assert.equal(repeat.headers.get('message-id'), original.headers.get('message-id'));
    assert.equal(repeat.subject, original.subject);
    assert.ok(repeat.text.includes('Mittari') && repeat.text.includes('Vesikatko'), repeat.text);
    assert.notEqual((await state(second.id)).sent, null);
  });

  test('a mail server that refuses gives the claim back at once: the retry sends it without waiting for the lease', async () => {
    const n = await notify('Palautus');
    const refusing: Mailer = { send: async () => { throw new Error('451 4.3.0 try again later'); }, close() {} };
    await assert.rejects(sendImmediateEmails(context(refusing), [n]), /1 of 1 notification e-mails failed: 451/);
    assert.equal((await state(n.id)).lease, null);
    assert.equal(await sendImmediateEmails(context(mailer), [n]), 1);
    await smtp.waitFor(1);
    assert.equal(smtp.received.length, 1);
  });
});
