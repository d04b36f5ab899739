/**
 * Privacy (issue 9): erasing a contact leaves no trace of them in any table while every
 * aggregate — rollup-based NPS included — stays equal to the answers; exporting a contact gives
 * everything held about them; retention policies run by the daily job under a test clock;
 * a consent withdrawal or unsubscribe stops every planned message at once.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../db/connection.ts';
import { newOrg, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint } from '../../test/helpers/factories.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { foldScoreHistograms, rollupHistogramRows } from '../metrics/rollups.ts';
import { answerHistograms, scoreHistograms, type HistogramQuery } from '../metrics/queries.ts';
import { dispatchDue, dispatchReminders } from '../distribution/dispatch.ts';
import { runPrivacy } from './cli.ts';
import { RETENTION_JOB, applyRetention } from './retention.ts';

const survey = (touchpointId: string) => ({
  name: 'Service pulse', kind: 'pulse', defaultLanguage: 'en', languages: ['en', 'fi'], status: 'active',
  title: { en: 'How did it go?', fi: 'Miten meni?' }, touchpointId,
  questions: [
    { key: 'nps', type: 'nps', required: true, text: { en: 'How likely are you to recommend us?', fi: 'Suosittelisitko?' } },
    { key: 'why', type: 'text', text: { en: 'Why?', fi: 'Miksi?' } },
  ],
});

/** NPS from the answers by hand-written SQL: promoters 9–10, detractors 0–6 of every NPS answer of the survey. */
async function rawNps(db: Database, orgId: string, surveyId: string): Promise<{ n: number; nps: number }> {
  const [row] = await db.query<{ n: number; p: number; d: number }>(
    `select count(*)::int as n, count(*) filter (where a.number >= 9)::int as p, count(*) filter (where a.number <= 6)::int as d
       from answers a join responses r on r.org_id = a.org_id and r.id = a.response_id join questions q on q.org_id = a.org_id and q.id = a.question_id
      where a.org_id = $1 and r.survey_id = $2 and q.type = 'nps' and a.number is not null`, [orgId, surveyId]);
  return { n: row.n, nps: row.n === 0 ? 0 : (100 * (row.p - row.d)) / row.n };
}

/** The rollup (deltas not yet folded, then folded) must give the same NPS histogram as the answers. */
async function assertRollupExact(db: Database, orgId: string, surveyId: string) {
  const query: HistogramQuery = { orgId, metric: 'nps', by: ['survey'], interval: 'month', timeZone: 'Europe/Helsinki', filters: { surveyId }, scope: { kind: 'all' } };
  const expected = await answerHistograms(db, query);
  assert.ok(await rollupHistogramRows(db, query), 'the NPS by survey is served by the rollup');
  assert.deepEqual(await scoreHistograms(db, query), expected, 'rollup with pending deltas');
  await foldScoreHistograms(db);
  assert.deepEqual(await scoreHistograms(db, query), expected, 'rollup after folding');
}

/** Every row of the organisation in every table with org_id, as JSON text. */
async function everythingOf(db: Database, orgId: string): Promise<string> {
  const tables = await db.query<{ table_name: string }>(
    `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'org_id' order by table_name`);
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await db.query<{ j: string }>(`select row_to_json(t)::text as j from "${table_name}" t where org_id = $1`, [orgId]);
    parts.push(...rows.map((r) => `${table_name}: ${r.j}`));
  }
  return parts.join('\n');
}

describe('erasing and exporting a contact', () => {
  let t: TestApp;
  let surveyId: string;
  const maija = { name: 'Maija Meikäläinen', email: 'maija.meikalainen@example.com', phone: '+358401234567', externalId: 'CRM-4711' };
  const ids: Record<string, string> = {};

  before(async () => {
    t = await startTestApp();
    const tp = await journeyWithTouchpoint(t);
    surveyId = (await t.api('/api/v1/surveys', { body: survey(tp.touchpointId) })).body.id;
    const contact = await t.api(`/api/v1/contacts/by-external-id/${maija.externalId}`, {
      method: 'PUT', body: { name: maija.name, email: maija.email, phone: '040 1234567', segment: 'household', consent: { surveyEmail: true } },
    });
    assert.equal(contact.status, 201, JSON.stringify(contact.body));
    ids.maija = contact.body.id;
    ids.other = (await t.api('/api/v1/contacts/by-external-id/CRM-1', { method: 'PUT', body: { name: 'Olli Other', email: 'olli@example.com' } })).body.id;
    const respond = async (contactId: string, score: number, why?: string) => {
      const res = await t.api('/api/v1/responses', { body: {
        surveyId, contactId, language: 'en', answers: [{ question: 'nps', value: score }, ...(why ? [{ question: 'why', value: why }] : [])] } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id as string;
    };
    ids.detractor = await respond(ids.maija, 2, `I am ${maija.name}, write to ${maija.email} or call 040 1234567`);
    await respond(ids.maija, 10, 'Quick and friendly');
    await respond(ids.other, 9, 'Fine');
    await respond(ids.other, 8);
    const event = await t.api('/api/v1/events', { body: { touchpointId: tp.touchpointId, contactId: ids.maija, occurredAt: '2026-05-04T10:00:00Z' } });
    assert.equal(event.status, 201, JSON.stringify(event.body));
    const text = await t.api('/api/v1/text/feedback', { body: { source: 'complaint', text: `Complaint from ${maija.name}: the invoice was wrong`, contactId: ids.maija } });
    assert.equal(text.status, 201, JSON.stringify(text.body));
    await t.api('/api/v1/text/taxonomy/examples', { body: { examples: [{ text: 'Quick and friendly', topics: ['staff'] }] } });
    const kase = await t.api('/api/v1/cases', { body: { responseId: ids.detractor, note: `Called ${maija.name} back on 040 1234567` } });
    assert.equal(kase.status, 201, JSON.stringify(kase.body));
    ids.case = kase.body.id;
    // What the jobs and the mailer would have written: the follow-up e-mail in the timeline, the text's analysis, the pulse outbox row.
    await t.db.query(`insert into case_activity (org_id, case_id, id, kind, data) values ($1, $2, gen_random_uuid(), 'follow_up_sent',
      jsonb_build_object('subject', 'About your feedback', 'message', $3::text))`, [t.orgId, ids.case, `Dear ${maija.name}, we are sorry.`]);
    const [why] = await t.db.query<{ question_id: string }>(`select question_id from answers where org_id = $1 and response_id = $2 and text is not null`, [t.orgId, ids.detractor]);
    await t.db.query(`insert into text_insights (org_id, response_id, question_id, language, sentiment, score, topics, taxonomy_version, analyser_version)
      values ($1, $2, $3, 'en', 'negative', -0.5, '{staff}', 1, 'test')`, [t.orgId, ids.detractor, why.question_id]);
    await t.db.query(`insert into pulse_outbox (org_id, event_id) values ($1, $2)`, [t.orgId, event.body.id]);
    const [inv] = await t.db.query<{ id: string }>(
      `insert into invitations (org_id, token, survey_id, contact_id, channel, status, send_at)
       values ($1, 'tok-maija-0123456789', $2, $3, 'email', 'scheduled', now() + interval '1 day') returning id`, [t.orgId, surveyId, ids.maija]);
    ids.invitation = inv.id;
    const [model] = await t.db.query<{ id: string }>(
      `insert into churn_models (org_id, status, options, finished_at) values ($1, 'done', '{}', now()) returning id`, [t.orgId]);
    await t.db.query(`insert into churn_scores (org_id, model_id, contact_id, risk, reasons) values ($1, $2, $3, 0.81, '[{"feature":"nps","value":2}]'),
      ($1, $2, $4, 0.1, '[]')`, [t.orgId, model.id, ids.maija, ids.other]);
    const [hook] = await t.db.query<{ id: string }>(
      `insert into webhooks (org_id, url, secret, events) values ($1, 'http://127.0.0.1:9/hook', 'secret', '{response.created}') returning id`, [t.orgId]);
    await t.db.query(
      `insert into webhook_deliveries (org_id, id, webhook_id, event, payload, status) values
         ($1, gen_random_uuid(), $2, 'response.created', jsonb_build_object('response', jsonb_build_object('id', $3::text, 'contactId', $4::text)), 'pending')`,
      [t.orgId, hook.id, ids.detractor, ids.maija]);
    const [admin] = await t.db.query<{ id: string }>(`select id from users where org_id = $1 limit 1`, [t.orgId]);
    await t.db.query(`insert into notifications (org_id, id, user_id, case_id, kind, data) values ($1, gen_random_uuid(), $2, $3, 'case_assigned',
      jsonb_build_object('title', 'Follow up on feedback', 'verbatim', $4::text))`, [t.orgId, admin.id, ids.case, `I am ${maija.name}`]);
  });
  after(() => t.close());

  test('the export holds everything about the contact, and is audited', async () => {
    const res = await t.api(`/api/v1/contacts/${ids.maija}/export`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const doc = res.body;
    assert.equal(doc.format, 'kaiku.contact-export/1');
    assert.equal(doc.contact.email, maija.email);
    assert.equal(doc.contact.phone, maija.phone);
    assert.equal(doc.contact.consent.surveyEmail, true);
    assert.deepEqual(doc.responses.map((r: any) => r.answers.map((a: any) => a.number ?? a.text)),
      [[2, `I am ${maija.name}, write to ${maija.email} or call 040 1234567`], [10, 'Quick and friendly']]);
    assert.equal(doc.responses[0].answers[0].label, 'How likely are you to recommend us?');
    assert.equal(doc.touchpointEvents.length, 1);
    assert.equal(doc.feedbackTexts.length, 1);
    assert.equal(doc.invitations.length, 1);
    assert.equal(doc.invitations[0].token, undefined, 'tokens are credentials, not exported');
    assert.equal(doc.cases.length, 1);
    assert.ok(doc.cases[0].activity.some((a: any) => a.kind === 'note'));
    assert.equal(doc.churnRisk.risk, 0.81);
    assert.equal(JSON.stringify(doc).includes('Olli'), false, 'nothing about another contact');
    const audit = await t.api('/api/v1/audit-log?action=contact.export');
    assert.equal(audit.body.items[0].targetId, ids.maija);
  });

  test('erase needs the confirmation, keeps NPS exact in the rollup and leaves no trace of the person', async () => {
    // 2 and 10 from Maija, 9 and 8 from Olli: promoters 2, detractors 1 of 4 → NPS 25.
    const before = await t.api(`/api/v1/metrics/nps?surveyId=${surveyId}`);
    assert.equal(before.body.overall.n, 4);
    assert.equal(before.body.overall.nps, 25);

    const unconfirmed = await t.api(`/api/v1/contacts/${ids.maija}/erase`, { body: {} });
    assert.equal(unconfirmed.status, 400);
    assert.match(JSON.stringify(unconfirmed.body), /confirm/);
    const erased = await t.api(`/api/v1/contacts/${ids.maija}/erase`, { body: { confirm: 'erase' } });
    assert.equal(erased.status, 200, JSON.stringify(erased.body));
    assert.equal(erased.body.status, 'erased');
    assert.deepEqual(
      [erased.body.contacts, erased.body.responsesAnonymised, erased.body.textAnswersDeleted, erased.body.feedbackTextsDeleted, erased.body.topicExamplesDeleted,
        erased.body.eventsDeleted, erased.body.churnScoresDeleted, erased.body.invitationsAnonymised, erased.body.casesScrubbed, erased.body.webhookDeliveriesErased],
      [1, 2, 2, 1, 1, 1, 1, 1, 1, 1]);

    // The same four scores still count: NPS 25 from the API (rollup), the raw answers and the histograms.
    const afterwards = await t.api(`/api/v1/metrics/nps?surveyId=${surveyId}`);
    assert.equal(afterwards.body.overall.n, 4);
    assert.equal(afterwards.body.overall.nps, 25);
    assert.deepEqual(await rawNps(t.db, t.orgId, surveyId), { n: 4, nps: 25 });
    await assertRollupExact(t.db, t.orgId, surveyId);

    const everything = await everythingOf(t.db, t.orgId);
    for (const trace of [maija.name, 'Maija', maija.email, maija.phone, '040 1234567', maija.externalId, ids.maija, 'tok-maija-0123456789']) {
      const at = everything.split('\n').filter((line) => line.includes(trace));
      assert.deepEqual(at.filter((line) => !(trace === ids.maija && line.startsWith('audit_log:'))), [], `"${trace}" is still stored`);
    }
    assert.match(everything, /Olli Other/, 'the other contact is untouched');
    assert.doesNotMatch(everything, /^(text_insights|pulse_outbox|touchpoint_events):/m, 'the text analysis and the event with its outbox row are gone');
    assert.match(everything, /"kind":"follow_up_sent","data":\{"message": ?"\[erased\]"/, 'the follow-up e-mail stays in the timeline without its words');
    const [inv] = await t.db.query<{ status: string; skip_reason: string; contact_id: string | null }>(
      `select status, skip_reason, contact_id from invitations where org_id = $1 and id = $2`, [t.orgId, ids.invitation]);
    assert.deepEqual(inv, { status: 'skipped', skip_reason: 'erased', contact_id: null });
    const [delivery] = await t.db.query<{ status: string }>(`select status from webhook_deliveries where org_id = $1`, [t.orgId]);
    assert.equal(delivery.status, 'failed', 'an undelivered payload about the person is not sent');

    assert.equal((await t.api(`/api/v1/contacts/${ids.maija}`)).status, 404);
    assert.equal((await t.api(`/api/v1/contacts/${ids.maija}/export`)).status, 404);
    const again = await t.api(`/api/v1/contacts/${ids.maija}/erase`, { body: { confirm: 'erase' } });
    assert.equal(again.status, 200);
    assert.equal(again.body.status, 'already_erased');
    assert.equal((await t.api('/api/v1/contacts/00000000-0000-4000-8000-000000000009/erase', { body: { confirm: 'erase' } })).status, 404);
  });

  test('another organisation can neither erase nor export the contact', async () => {
    const b = await newOrg(t.db, 'Other');
    assert.equal((await t.api(`/api/v1/contacts/${ids.other}/erase`, { body: { confirm: 'erase' }, key: b.apiKey })).status, 404);
    assert.equal((await t.api(`/api/v1/contacts/${ids.other}/export`, { key: b.apiKey })).status, 404);
    assert.equal((await t.api(`/api/v1/contacts/${ids.other}`)).status, 200);
  });

  test('kaiku privacy export and erase', async () => {
    const open = async () => ({ db: t.db, close: async () => {} });
    const [org] = await t.db.query<{ slug: string }>(`select slug from organizations where id = $1`, [t.orgId]);
    const io = { out: '', err: '' };
    const capture = { out: (s: string) => { io.out += s; }, err: (s: string) => { io.err += s; } };
    assert.equal(await runPrivacy(['export', '--org', org.slug, '--external-id', 'CRM-1'], capture, open), 0);
    assert.equal(JSON.parse(io.out).contact.name, 'Olli Other');
    await assert.rejects(runPrivacy(['erase', '--org', org.slug, '--external-id', 'CRM-1'], capture, open), /--confirm/);
    io.out = '';
    assert.equal(await runPrivacy(['erase', '--org', org.slug, '--external-id', 'CRM-1', '--confirm'], capture, open), 0);
    assert.match(io.out, /Erased contact .* 2 responses anonymised/);
    io.out = '';
    assert.equal(await runPrivacy(['erase', '--org', org.slug, '--contact', ids.other, '--confirm'], capture, open), 0);
    assert.match(io.out, /already erased/);
    assert.deepEqual(await rawNps(t.db, t.orgId, surveyId), { n: 4, nps: 25 });
    await assertRollupExact(t.db, t.orgId, surveyId);
  });
});

describe('retention policies, applied by the daily job under a test clock', () => {
  let t: TestApp;
  // Later than the rows' real created_at, so contacts created by this test are old at this clock.
  const clock = new Date('2029-06-15T12:00:00Z');
  let surveyId: string;

  before(async () => {
    t = await startTestApp({ now: () => clock, jobs: true });
    const tp = await journeyWithTouchpoint(t);
    surveyId = (await t.api('/api/v1/surveys', { body: survey(tp.touchpointId) })).body.id;
  });
  after(() => t.close());

  test('the policy is validated, audited and applied in batches; a second run changes nothing; NPS stays exact', async () => {
    assert.deepEqual((await t.api('/api/v1/privacy/retention')).body.openTextMonths, null);
    const bad = await t.api('/api/v1/privacy/retention', { method: 'PUT', body: { openTextMonths: 0, responseMonths: null, inactiveContactMonths: null } });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /openTextMonths/);
    const set = await t.api('/api/v1/privacy/retention', { method: 'PUT', body: { openTextMonths: 24, responseMonths: 36, inactiveContactMonths: 24 } });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.body.responseMonths, 36);
    assert.equal((await t.api('/api/v1/audit-log?action=privacy.retention_change')).body.items.length, 1);

    const contact = async (externalId: string) => (await t.api(`/api/v1/contacts/by-external-id/${externalId}`, { method: 'PUT', body: { name: externalId } })).body.id as string;
    const [old, active, silent] = [await contact('old-customer'), await contact('active-customer'), await contact('silent-customer')];
    const respond = async (contactId: string, score: number, submittedAt: string) => {
      const res = await t.api('/api/v1/responses', { body: { surveyId, contactId, language: 'en', answers: [{ question: 'nps', value: score }, { question: 'why', value: `said at ${submittedAt}` }] } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      // Moved into the past by SQL, as an import of history would place it: the rollup triggers follow the move.
      await t.db.query(`update responses set submitted_at = $3 where org_id = $1 and id = $2`, [t.orgId, res.body.id, submittedAt]);
    };
    await respond(old, 0, '2026-01-10T09:00:00Z'); // older than 36 months: deleted
    await respond(old, 3, '2027-03-01T09:00:00Z'); // older than 24 months: its text goes, its score stays
    await respond(active, 10, '2029-06-01T09:00:00Z');
    await respond(active, 9, '2029-06-02T09:00:00Z');
    for (const [occurredAt, text] of [['2027-01-01T00:00:00Z', 'old complaint'], ['2029-05-01T00:00:00Z', 'new complaint']]) {
      const stored = await t.api('/api/v1/text/feedback', { body: { source: 'complaint', text } });
      assert.equal(stored.status, 201, JSON.stringify(stored.body));
      await t.db.query(`update feedback_texts set occurred_at = $3 where org_id = $1 and id = $2`, [t.orgId, stored.body.id, occurredAt]);
    }

    assert.equal((await t.jobs!.send(RETENTION_JOB, {})) !== null, true);
    const policy = await waitUntil(async () => (await t.api('/api/v1/privacy/retention')).body, (p) => p.lastRunAt !== null, 'the retention job ran', 90_000);
    assert.equal(policy.lastRunAt, clock.toISOString());
    // old-customer (last response 2027-03) and silent-customer (nothing at all) are inactive for 24 months; active-customer answered in 2029.
    assert.deepEqual(policy.lastRun, { responses: 1, openTexts: 1, feedbackTexts: 1, contacts: 2 });
    assert.deepEqual((await t.db.query(`select name from contacts where org_id = $1`, [t.orgId])).map((r) => r.name), ['active-customer']);
    void silent;
    const texts = await t.db.query<{ text: string }>(`select text from answers where org_id = $1 and text is not null order by text`, [t.orgId]);
    assert.deepEqual(texts.map((r) => r.text), ['said at 2029-06-01T09:00:00Z', 'said at 2029-06-02T09:00:00Z']);
    // Left: 3, 10, 9 → promoters 2, detractors 1 of 3 → NPS 33.3…
    const nps = await t.api(`/api/v1/metrics/nps?surveyId=${surveyId}`);
    assert.equal(nps.body.overall.n, 3);
    assert.ok(Math.abs(nps.body.overall.nps - 100 / 3) < 1e-9, String(nps.body.overall.nps));
    assert.deepEqual(await rawNps(t.db, t.orgId, surveyId), { n: 3, nps: 100 / 3 });
    await assertRollupExact(t.db, t.orgId, surveyId);

    // Idempotent: the same clock again finds nothing; batches of one give the same result as one batch.
    assert.deepEqual(await applyRetention(t.db, t.orgId, clock, 1), { openTexts: 0, feedbackTexts: 0, responses: 0, contacts: 0 });
    const runs = await t.api('/api/v1/audit-log?action=privacy.retention_run');
    assert.equal(runs.body.items.length, 2);
  });
});

describe('consent withdrawal and unsubscribe stop every planned message at once', () => {
  let t: TestApp;
  let surveyId: string;
  const sent: string[] = [];
  const senders = {
    publicUrl: 'http://kaiku.test',
    mailer: { send: async (m: { to: string }) => { sent.push(`mail ${m.to}`); } },
    sms: { send: async (m: { to: string }) => { sent.push(`sms ${m.to}`); return { outcome: 'delivered' as const }; } },
  };

  before(async () => {
    // SMTP points at a closed port: the follow-up route gets as far as its consent check.
    t = await startTestApp({ config: { smtpHost: '127.0.0.1', smtpPort: 9 } });
    const tp = await journeyWithTouchpoint(t);
    surveyId = (await t.api('/api/v1/surveys', { body: survey(tp.touchpointId) })).body.id;
  });
  after(() => t.close());

  async function contactWithPlans(externalId: string) {
    const contact = await t.api(`/api/v1/contacts/by-external-id/${externalId}`, {
      method: 'PUT', body: { email: `${externalId}@example.com`, phone: '+358401111111', consent: { surveyEmail: true, surveySms: true } } });
    const id = contact.body.id as string;
    const plan = (token: string, channel: string, status: string, extra = '') => t.db.query(
      `insert into invitations (org_id, token, survey_id, contact_id, channel, status, send_at, expires_at${extra ? ', remind_at, delivered_at' : ''})
       values ($1, $2, $3, $4, $5, $6, now() - interval '1 minute', now() + interval '7 days'${extra ? `, ${extra}` : ''})`,
      [t.orgId, `${token}-${externalId}`, surveyId, id, channel, status]);
    await plan('email0123456789', 'email', 'scheduled');
    await plan('sms0123456789', 'sms', 'scheduled');
    await plan('web0123456789', 'web', 'waiting');
    await plan('remind0123456789', 'email', 'delivered', `now() - interval '1 minute', now() - interval '2 days'`);
    return id;
  }

  const planned = (contactId: string) => t.db.query<{ channel: string; status: string; skip_reason: string | null; remind_at: Date | null }>(
    `select channel, status, skip_reason, remind_at from invitations where org_id = $1 and contact_id = $2 order by token`, [t.orgId, contactId]);

  test('a withdrawal through the API cancels invitations, SMS, web invitations and reminders; the senders send nothing; follow-up e-mails and re-surveys are refused', async () => {
    const id = await contactWithPlans('withdrawing');
    const response = await t.api('/api/v1/responses', { body: { surveyId, contactId: id, language: 'en', answers: [{ question: 'nps', value: 1 }] } });
    const kase = await t.api('/api/v1/cases', { body: { responseId: response.body.id } });
    const patched = await t.api(`/api/v1/contacts/${id}`, { method: 'PATCH', body: { consent: { withdrawnAt: new Date(Date.now() - 1000).toISOString() } } });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.deepEqual((await planned(id)).map((i) => [i.channel, i.status, i.skip_reason, i.remind_at]), [
      ['email', 'skipped', 'no_consent', null],
      ['email', 'delivered', null, null],
      ['sms', 'skipped', 'no_consent', null],
      ['web', 'skipped', 'no_consent', null],
    ]);
    const later = new Date(Date.now() + 3 * 86_400_000);
    assert.equal((await dispatchDue(t.db, senders as never, later)).claimed, 0);
    assert.equal((await dispatchReminders(t.db, senders as never, later)).sent, 0);
    assert.deepEqual(sent, []);
    const followUp = await t.api(`/api/v1/cases/${kase.body.id}/follow-up`, { body: { message: 'Sorry about that' } });
    assert.equal(followUp.status, 409, JSON.stringify(followUp.body));
    assert.match(followUp.body.detail, /withdrawn/);
    assert.equal((await t.api(`/api/v1/cases/${kase.body.id}`, { method: 'PATCH', body: { status: 'in_progress' } })).status, 200);
    const resolved = await t.api(`/api/v1/cases/${kase.body.id}`, { method: 'PATCH', body: { status: 'resolved', resolution: 'Refunded' } });
    assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
    const resurvey = await t.api(`/api/v1/cases/${kase.body.id}/resurvey`, { body: {} });
    assert.equal(resurvey.status, 409, JSON.stringify(resurvey.body));
    assert.equal((await t.db.query(`select 1 from invitations where org_id = $1 and contact_id = $2 and created_at > now() - interval '1 minute' and status = 'created'`, [t.orgId, id])).length, 0);
  });

  test('the unsubscribe link does the same, web invitations included', async () => {
    const id = await contactWithPlans('unsubscribing');
    const res = await fetch(`${t.url}/u/email0123456789-unsubscribing`, { method: 'POST' });
    assert.equal(res.status, 200);
    assert.deepEqual((await planned(id)).map((i) => [i.channel, i.status, i.skip_reason, i.remind_at]), [
      ['email', 'skipped', 'unsubscribed', null],
      ['email', 'delivered', null, null],
      ['sms', 'skipped', 'unsubscribed', null],
      ['web', 'skipped', 'unsubscribed', null],
    ]);
    assert.equal((await dispatchDue(t.db, senders as never, new Date(Date.now() + 86_400_000))).claimed, 0);
    assert.deepEqual(sent, []);
  });
});
