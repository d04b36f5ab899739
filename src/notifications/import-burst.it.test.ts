import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { createUser } from '../auth/service.ts';
import { createUnit } from '../orgs/service.ts';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp.ts';
import { BURST_EMAILS, BURST_WINDOW_SECONDS, DIGEST_JOB, NOTIFY_EMAIL_JOB, PENDING_EMAILS_JOB } from './service.ts';

// KAIKU_LOOP_IMPORT=50000 runs the full size (about a minute on PostgreSQL).
const IMPORT = Number(process.env.KAIKU_LOOP_IMPORT ?? 2000);

describe('a rule matching a whole import opens every case and does not flood anyone with e-mail', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let offsetMs = 0;
  before(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ jobs: true, now: () => new Date(Date.now() + offsetMs), config: { smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecure: false } });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  test(`${IMPORT} detractors in one import: ${IMPORT} cases, a handful of e-mails for the immediate owner, one digest for the other`, async () => {
    const unitId = await createUnit(t.db, t.orgId, { name: 'Billing' });
    const ilkka = await createUser(t.db, t.orgId, { email: 'ilkka@example.com', name: 'Ilkka', role: 'frontline', unitId, language: 'en', password: 'ilkka-pass-123' });
    const dora = await createUser(t.db, t.orgId, { email: 'dora@example.com', name: 'Dora', role: 'frontline', unitId, language: 'en', password: 'dora-pass-1234' });
    await t.db.query(`update users set notification_digest = true where org_id = $1 and id = $2`, [t.orgId, dora]);
    const rule = await t.api('/api/v1/alert-rules', { body: { name: 'Detractor', condition: { nps: 'detractor' }, route: { to: 'round_robin', unitId } } });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    const survey = await t.api('/api/v1/surveys', { body: {
      name: 'Import', kind: 'strategic', defaultLanguage: 'en', languages: ['en'], title: { en: 'Survey' },
      questions: [{ key: 'nps', type: 'nps', why: false, text: { en: 'Recommend?' } }],
    } });
    const started = Date.now();
    for (let offset = 0; offset < IMPORT; offset += 1000) {
      const responses = Array.from({ length: Math.min(1000, IMPORT - offset) }, (_, i) => ({ surveyId: survey.body.id, answers: [{ question: 'nps', value: (offset + i) % 7 }] }));
      const res = await t.api('/api/v1/responses/batch', { body: { responses } });
      assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
    }
    const count = async (sql: string) => (await t.db.query<{ n: number }>(sql, [t.orgId]))[0].n;
    await waitUntil(() => count(`select count(*)::int as n from cases where org_id = $1`), (n) => n === IMPORT, 'every case', 300_000);
    await waitUntil(() => count(`select count(*)::int as n from notifications where org_id = $1`), (n) => n === IMPORT, 'every in-app notification', 300_000);
    const perOwner = await t.db.query<{ owner: string; n: number }>(
      `select owner_user_id as owner, count(*)::int as n from cases where org_id = $1 group by 1 order by 1`, [t.orgId]);
    assert.deepEqual(perOwner, [{ owner: ilkka, n: IMPORT / 2 }, { owner: dora, n: IMPORT / 2 }].sort((a, b) => a.owner.localeCompare(b.owner)), 'round robin shares the burst');

    // Ilkka had a few e-mails at once; what came after them waits out the burst window.
    await waitUntil(async () => (await t.db.query<{ n: number }>(
      `select count(*)::int as n from pgboss.job where name = $1 and state in ('created', 'retry', 'active')`, [NOTIFY_EMAIL_JOB]))[0].n,
    (n) => n === 0, 'the e-mail jobs', 60_000);
    const to = (address: string) => smtp.received.filter((m) => m.envelopeTo.includes(address));
    const minutes = Math.ceil((Date.now() - started) / 60_000);
    assert.ok(to('ilkka@example.com').length >= 1 && to('ilkka@example.com').length <= BURST_EMAILS * minutes, `${to('ilkka@example.com').length} e-mails in ${minutes} min`);
    assert.equal(to('dora@example.com').length, 0, 'a digest user gets nothing at once');

    // A minute later anything held back goes as one e-mail; the subjects count every case once.
    const sentBefore = to('ilkka@example.com').length;
    offsetMs = (BURST_WINDOW_SECONDS + 1) * 1000;
    await t.jobs!.send(PENDING_EMAILS_JOB, {});
    const listed = () => to('ilkka@example.com').map((m) => Number(/^Kaiku: (\d+) new notifications$/.exec(m.subject)?.[1] ?? 1)).reduce((a, b) => a + b, 0);
    await waitUntil(listed, (n) => n === IMPORT / 2, 'every case listed once');
    assert.ok(to('ilkka@example.com').length <= sentBefore + 1, 'at most one gathered e-mail');
    assert.equal(await count(`select count(*)::int as n from notifications where org_id = $1 and email_sent_at is null and user_id <> '${dora}'`), 0);

    // Dora's digest at 07:00 (the organisation's time zone, UTC here) holds all of hers.
    await t.db.query(`update organizations set time_zone = 'UTC' where id = $1`, [t.orgId]);
    const seven = new Date(Date.now() + 86_400_000);
    seven.setUTCHours(7, 0, 0, 0);
    offsetMs = seven.getTime() - Date.now();
    await t.jobs!.send(DIGEST_JOB, {});
    await waitUntil(() => to('dora@example.com').length, (n) => n === 1, 'the digest');
    assert.equal(to('dora@example.com')[0].subject, `Kaiku – daily digest (${IMPORT / 2})`);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(to('dora@example.com').length, 1);
  });
});
