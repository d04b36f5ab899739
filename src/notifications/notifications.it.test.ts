import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInAs, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint } from '../../test/helpers/factories.ts';
import { createUser } from '../auth/service.ts';
import { createEmployee, createUnit } from '../orgs/service.ts';
import { uuidv7 } from '../db/ids.ts';
import { publishLoopEvent, type LoopEvent } from '../loop/events.ts';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp.ts';
import { DIGEST_JOB, handleLoopEvents } from './service.ts';
import { createMailer } from '../mail/mailer.ts';
import { waitUntil } from '../../test/helpers/wait.ts';

const verbatim = 'Kukaan ei soittanut <script>alert("x")</script> & odotin "kaksi" viikkoa';

const survey = {
  name: 'Pulse', kind: 'pulse', defaultLanguage: 'fi', languages: ['fi', 'en'], title: { fi: 'Kysely', en: 'Survey' },
  questions: [
    { key: 'nps', type: 'nps', required: true, text: { fi: 'Suosittelisitko?', en: 'Recommend?' } },
    { key: 'why', type: 'text', text: { fi: 'Miksi?', en: 'Why?' } },
  ],
};

describe('notifications: e-mail on a real SMTP server, in-app list, daily digest', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  /** Real time, except while the digest test sets the hour. */
  let clock: Date | undefined;
  const ids: Record<string, string> = {};
  const emails = {
    owner: 'olli.owner@example.com', manager: 'maja.manager@example.com', eeva: 'eeva@example.com', digest: 'piotr@example.com',
  };

  const insertCase = async (fields: { kind?: 'problem' | 'praise'; title: string; ownerUserId?: string | null; ownerUnitId?: string | null; employeeId?: string | null }) => {
    const id = uuidv7();
    await t.db.query(
      `insert into cases (org_id, id, kind, title, priority, response_id, touchpoint_id, unit_id, employee_id, owner_user_id, owner_unit_id, due_at)
       values ($1, $2, $3, $4, 'high', $5, $6, $7, $8, $9, $10, '2026-03-02T10:30:00Z')`,
      [t.orgId, id, fields.kind ?? 'problem', fields.title, ids.response, ids.touchpoint, ids.n1, fields.employeeId ?? null,
        fields.ownerUserId ?? null, fields.ownerUnitId ?? ids.n1]);
    return id;
  };
  const publish = (type: LoopEvent['type'], caseId: string, data?: Record<string, unknown>) =>
    publishLoopEvent({ queue: () => t.jobs! }, { type, orgId: t.orgId, caseId, at: new Date().toISOString(), data });
  const mailsTo = (address: string) => smtp.received.filter((m) => m.envelopeTo.includes(address));

  before(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ jobs: true, now: () => clock ?? new Date(), config: { smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecure: false, mailFrom: 'Kaiku <kaiku@example.com>' } });
    const tp = await journeyWithTouchpoint(t);
    ids.touchpoint = tp.touchpointId;
    ids.north = await createUnit(t.db, t.orgId, { name: 'North', kind: 'region' });
    ids.n1 = await createUnit(t.db, t.orgId, { name: 'N1', parentId: ids.north, kind: 'branch' });
    ids.owner = await createUser(t.db, t.orgId, { email: emails.owner, name: 'Olli', role: 'frontline', unitId: ids.n1, language: 'fi', password: 'owner-pass-123' });
    // The manager sits one level up: N1 has none, so escalation walks up the unit tree.
    ids.manager = await createUser(t.db, t.orgId, { email: emails.manager, name: 'Maja', role: 'unit_manager', unitId: ids.north, language: 'sv', password: 'manager-pass-1' });
    ids.eevaUser = await createUser(t.db, t.orgId, { email: emails.eeva, name: 'Eeva', role: 'frontline', unitId: ids.n1, language: 'en', password: 'eeva-pass-1234' });
    ids.eeva = await createEmployee(t.db, t.orgId, { name: 'Eeva Esimerkki', unitId: ids.n1, userId: ids.eevaUser });
    ids.digest = await createUser(t.db, t.orgId, { email: emails.digest, name: 'Piotr', role: 'frontline', unitId: ids.n1, language: 'pl', password: 'piotr-pass-123' });
    const surveyId = (await t.api('/api/v1/surveys', { body: survey })).body.id;
    const response = await t.api('/api/v1/responses', { body: { surveyId, touchpointId: ids.touchpoint, answers: [{ question: 'nps', value: 2 }, { question: 'why', value: verbatim }] } });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    ids.response = response.body.id;
  });
  after(async () => { await t.close(); await smtp.close(); });

  test('a new case e-mails its owner in Finnish with the customer\'s words escaped and a link to the case', async () => {
    const caseId = await insertCase({ title: 'Arvostelija <i>puhelimessa</i>', ownerUserId: ids.owner });
    await publish('case.created', caseId);
    await smtp.waitFor(1);
    const [mail] = mailsTo(emails.owner);
    assert.ok(mail, 'the owner got an e-mail');
    assert.deepEqual(mail.envelopeTo, [emails.owner]);
    assert.equal(mail.subject, 'Uusi tapaus sinulle: Arvostelija <i>puhelimessa</i>');
    assert.equal(mail.headers.get('content-language'), 'fi');
    assert.match(mail.headers.get('from') ?? '', /kaiku@example\.com/);
    assert.ok(mail.html.includes('Kukaan ei soittanut &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; odotin &quot;kaksi&quot; viikkoa'), mail.html);
    assert.ok(!mail.html.includes('<script>'));
    assert.ok(mail.html.includes('Arvostelija &lt;i&gt;puhelimessa&lt;/i&gt;'));
    assert.ok(mail.text.includes(`> ${verbatim}`));
    assert.ok(mail.html.includes(`href="${t.url}/app/cases/${caseId}"`));
    assert.ok(mail.text.includes('Prioriteetti: korkea'));
    assert.ok(mail.text.includes('Kosketuspiste: Contract by phone'));
  });

  test('an escalation goes to the manager up the unit tree, in Swedish', async () => {
    const before = smtp.received.length;
    const caseId = await insertCase({ title: 'Late case', ownerUserId: ids.owner });
    await publish('case.escalated', caseId, { dueAt: '2026-03-02T10:30:00Z' });
    await smtp.waitFor(before + 1);
    const mail = mailsTo(emails.manager).at(-1)!;
    assert.equal(mail.subject, 'Ärendet är försenat och eskalerat: Late case');
    assert.ok(mail.text.startsWith('Hej Maja,'));
    assert.equal(smtp.received.length, before + 1, 'the owner is not told that their own case was escalated to them');
  });

  test('praise reaches the employee\'s own login and their manager', async () => {
    const before = smtp.received.length;
    const caseId = await insertCase({ kind: 'praise', title: 'Kiitos Eevalle', employeeId: ids.eeva, ownerUserId: null });
    await publish('case.created', caseId); // a praise case is not work to assign: no e-mail for this one
    await publish('praise.received', caseId);
    await smtp.waitFor(before + 2);
    await new Promise((r) => setTimeout(r, 700));
    assert.equal(smtp.received.length, before + 2);
    assert.equal(mailsTo(emails.eeva).at(-1)!.subject, 'Praise from a customer: Kiitos Eevalle');
    assert.ok(mailsTo(emails.eeva).at(-1)!.text.includes('Employee: Eeva Esimerkki'));
    assert.equal(mailsTo(emails.manager).at(-1)!.subject, 'Beröm från en kund: Kiitos Eevalle');
  });

  test('a digest user gets nothing at once, then one e-mail with everything when the digest runs', async () => {
    const piotr = await signInAs(t, emails.digest, 'piotr-pass-123');
    const set = await piotr('/api/v1/me/notification-settings', { method: 'PATCH', body: { notificationDigest: true } });
    assert.deepEqual([set.status, set.body], [200, { notificationDigest: true }]);
    const first = await insertCase({ title: 'Digest one', ownerUserId: ids.digest });
    const second = await insertCase({ title: 'Digest two', ownerUserId: ids.digest });
    const marker = await insertCase({ title: 'Marker for Olli', ownerUserId: ids.owner });
    const before = smtp.received.length;
    await publish('case.created', first);
    await publish('case.created', second);
    await publish('case.created', marker);
    await smtp.waitFor(before + 1);
    await waitUntil(async () => (await piotr('/api/v1/notifications')).body.items.length, (n) => n === 2, 'two in-app notifications for Piotr');
    await new Promise((r) => setTimeout(r, 700));
    assert.equal(mailsTo(emails.digest).length, 0, 'no immediate e-mail for a digest user');

    // 06:30 in Helsinki (UTC+2 in March): not yet the organisation's digest hour.
    clock = new Date('2026-03-02T04:30:00Z');
    await t.jobs!.send(DIGEST_JOB, {});
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(mailsTo(emails.digest).length, 0, 'the hourly digest job waits for 07:00 local time');
    clock = new Date('2026-03-02T05:00:00Z');
    await t.jobs!.send(DIGEST_JOB, {});
    await waitUntil(async () => mailsTo(emails.digest).length, (n) => n === 1, 'the digest e-mail');
    const digest = mailsTo(emails.digest)[0];
    assert.equal(digest.subject, 'Kaiku – podsumowanie dnia (2)');
    assert.ok(digest.text.includes('Nowa sprawa przypisana do Ciebie: Digest one'));
    assert.ok(digest.text.includes('Nowa sprawa przypisana do Ciebie: Digest two'));
    const order = await t.db.query<{ title: string }>(
      `select data->>'title' as title from notifications where org_id = $1 and user_id = $2 order by created_at, id`, [t.orgId, ids.digest]);
    assert.ok(digest.text.indexOf(order[0].title) < digest.text.indexOf(order[1].title), 'oldest first');
    const unsent = await t.db.query(`select 1 from notifications where org_id = $1 and user_id = $2 and email_sent_at is null`, [t.orgId, ids.digest]);
    assert.equal(unsent.length, 0, 'the digest marks what it sent');

    await t.jobs!.send(DIGEST_JOB, {});
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(mailsTo(emails.digest).length, 1, 'a second digest run sends nothing again');
    clock = undefined;
  });

  test('a reassignment tells the new owner; taking a case yourself does not', async () => {
    const caseId = await insertCase({ title: 'Handed over', ownerUserId: ids.eevaUser });
    const before = smtp.received.length;
    await publish('case.updated', caseId, { ownerUserId: ids.eevaUser, actorUserId: ids.eevaUser });
    await publish('case.updated', caseId, { status: 'in_progress', actorUserId: ids.owner });
    await publish('case.updated', caseId, { ownerUserId: ids.eevaUser, actorUserId: ids.owner });
    await smtp.waitFor(before + 1);
    await new Promise((r) => setTimeout(r, 700));
    assert.equal(smtp.received.length, before + 1);
    assert.equal(smtp.received.at(-1)!.subject, 'New case assigned to you: Handed over');
  });

  test('a burst of cases for one person in one batch becomes one e-mail listing them, and a retried batch sends nothing twice', async () => {
    const cases = [await insertCase({ title: 'Burst 1', ownerUserId: ids.eevaUser }), await insertCase({ title: 'Burst 2', ownerUserId: ids.eevaUser }),
      await insertCase({ title: 'Burst 3', ownerUserId: ids.eevaUser })];
    const jobs = cases.map((caseId) => ({ id: uuidv7(), data: { type: 'case.created' as const, orgId: t.orgId, caseId, at: new Date().toISOString() } }));
    const mailer = createMailer({ smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecure: false, mailFrom: 'Kaiku <kaiku@example.com>' });
    const ctx = { db: t.db, now: () => new Date(), publicUrl: () => t.url, mailer };
    const before = smtp.received.length;
    await handleLoopEvents(ctx, jobs);
    await handleLoopEvents(ctx, jobs); // pg-boss may hand the same batch out again after a failure
    await smtp.waitFor(before + 1);
    assert.equal(smtp.received.length, before + 1);
    const mail = smtp.received.at(-1)!;
    assert.equal(mail.subject, 'Kaiku: 3 new notifications');
    assert.ok(['Burst 1', 'Burst 2', 'Burst 3'].every((title) => mail.text.includes(`New case assigned to you: ${title}`)));
    const rows = await t.db.query(`select 1 from notifications where org_id = $1 and case_id = any($2::uuid[])`, [t.orgId, cases]);
    assert.equal(rows.length, 3, 'one notification per case, however often the batch runs');
  });

  test('in-app: own notifications unread first with a cursor, mark one and all read', async () => {
    const olli = await signInAs(t, emails.owner, 'owner-pass-123');
    const all = await olli('/api/v1/notifications');
    assert.equal(all.status, 200);
    const count = all.body.items.length;
    assert.equal(count, 2, 'the case he owns and the marker case; not the escalation of his own case');
    assert.equal(all.body.unreadCount, count);
    assert.ok(all.body.items.every((n: any) => n.readAt === null && n.url === `/app/cases/${n.caseId}` && n.emailSentAt !== null));
    assert.equal(all.body.items[0].data.verbatim, verbatim, 'stored as the customer wrote it; escaping is the renderer\'s job');

    const oldest = all.body.items.at(-1);
    const read = await olli(`/api/v1/notifications/${oldest.id}/read`, { method: 'POST' });
    assert.equal(read.status, 200);
    assert.ok(read.body.readAt);
    const page1 = await olli('/api/v1/notifications?limit=1');
    assert.equal(page1.body.unreadCount, count - 1);
    const pages = [...page1.body.items];
    let cursor = page1.body.nextCursor;
    while (cursor) {
      const next = await olli(`/api/v1/notifications?limit=1&cursor=${cursor}`);
      pages.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    assert.deepEqual(pages.map((n: any) => n.id), [...all.body.items.filter((n: any) => n.id !== oldest.id).map((n: any) => n.id), oldest.id],
      'unread newest first, then the read one');
    assert.equal((await olli('/api/v1/notifications?unread=true')).body.items.length, count - 1);

    const allRead = await olli('/api/v1/notifications/read-all', { method: 'POST' });
    assert.deepEqual(allRead.body, { marked: count - 1 });
    assert.equal((await olli('/api/v1/notifications')).body.unreadCount, 0);
  });

  test('someone else\'s notification is not found; API keys and bad input are refused', async () => {
    const olli = await signInAs(t, emails.owner, 'owner-pass-123');
    const [maja] = await t.db.query<{ id: string }>(`select id from notifications where org_id = $1 and user_id = $2 limit 1`, [t.orgId, ids.manager]);
    assert.equal((await olli(`/api/v1/notifications/${maja.id}/read`, { method: 'POST' })).status, 404);
    assert.equal((await t.api('/api/v1/notifications')).status, 403, 'an API key belongs to no person');
    const bad = await olli('/api/v1/me/notification-settings', { method: 'PATCH', body: { notificationDigest: 'yes' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.field, 'notificationDigest');
    const unknown = await olli('/api/v1/me/notification-settings', { method: 'PATCH', body: { notificationDigest: true, language: 'fi' } });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.field, 'language');
  });
});
