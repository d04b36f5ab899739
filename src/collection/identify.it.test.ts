import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, shortPulse } from '../../test/helpers/factories.ts';
import { drainPulseOutbox } from '../distribution/schedule.ts';
import { identitySignature } from './identify.ts';

/**
 * Web invitations through the widget's API: a pulse rule with the web channel leaves an
 * invitation waiting; the widget, told who is signed in with a signature only the site's backend
 * can make, gets it once and stores its answer once. Clock fixed: 2026-11-24 10:00 UTC.
 */
describe('identified widget visitors and their waiting web invitations', () => {
  const shop = 'https://shop.example';
  let now = new Date('2026-11-24T10:00:00Z');
  let t: TestApp;
  let touchpointId: string;
  let surveyId: string;
  let widget: { id: string; publicKey: string; identitySecret: string };

  const pub = (path: string, body: unknown, origin = shop, key = widget.publicKey) =>
    t.api(`/api/v1/public/collectors/${key}${path}`, { key: null, body, headers: { origin } });
  const signed = (externalId: string, secret = widget.identitySecret) => ({ externalId, signature: identitySignature(secret, externalId) });
  const invitationOf = async (contactId: string) => (await t.db.query<{ id: string; status: string; skip_reason: string | null; answered_at: Date | null; event_id: string }>(
    `select id, status, skip_reason, answered_at, event_id from invitations where org_id = $1 and contact_id = $2`, [t.orgId, contactId]))[0]!;

  /** A contact (time zone UTC) who met the touchpoint now: one waiting web invitation. */
  async function waitingFor(externalId: string, occurredAt = now): Promise<{ contactId: string; eventId: string }> {
    const contact = await t.api(`/api/v1/contacts/by-external-id/${externalId}`, { method: 'PUT', body: { language: 'fi', timeZone: 'UTC' } });
    assert.ok(contact.status < 300, JSON.stringify(contact.body));
    const event = await t.api('/api/v1/events', { body: { touchpointId, contactId: contact.body.id, occurredAt: occurredAt.toISOString() } });
    assert.ok(event.status < 300, JSON.stringify(event.body));
    await drainPulseOutbox(t.db, () => now);
    const invitation = await invitationOf(contact.body.id);
    assert.equal(invitation.status, 'waiting');
    return { contactId: contact.body.id, eventId: event.body.id };
  }

  before(async () => {
    t = await startTestApp({ now: () => now });
    ({ touchpointId } = await journeyWithTouchpoint(t));
    surveyId = (await t.api('/api/v1/surveys', { body: shortPulse(touchpointId) })).body.id;
    const rule = await t.api('/api/v1/pulse-rules', { body: { name: 'Web after visit', touchpointId, surveyId, channels: ['web'], expiryHours: 48 } });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    const w = await t.api('/api/v1/collectors', { body: { kind: 'widget', name: 'Shop', surveyId, allowedOrigins: [shop] } });
    assert.equal(w.status, 201, JSON.stringify(w.body));
    widget = w.body;
    assert.match(widget.identitySecret, /^wsk_[A-Za-z0-9_-]{43}$/);
  });
  after(async () => { await t.close(); });

  test('a signed identify gets the waiting invitation once; its answer is stored once, tied to contact, invitation and event', async () => {
    const { contactId, eventId } = await waitingFor('anna');
    const shown = await pub('/invitation', signed('anna'));
    assert.equal(shown.status, 200, JSON.stringify(shown.body));
    assert.equal(shown.body.invitation.survey.title, 'Miten kassalla meni?', 'in the contact\'s language');
    const token = shown.body.invitation.token as string;
    // Shown once: another tab, or the next page, does not get it again.
    assert.deepEqual((await pub('/invitation', signed('anna'))).body, { invitation: null });
    const answer = { token, idempotencyKey: 'anna-answer-0000001', answers: [{ question: 'nps', value: 9 }] };
    const first = await pub('/invitation/responses', answer);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const retry = await pub('/invitation/responses', answer);
    assert.deepEqual([retry.status, retry.body.id], [200, first.body.id], 'a retry of the same answer');
    const other = await pub('/invitation/responses', { ...answer, idempotencyKey: 'anna-answer-0000002' });
    assert.equal(other.status, 409, JSON.stringify(other.body));
    assert.equal(other.body.field, 'token');
    const rows = await t.db.query(
      `select r.contact_id, r.invitation_id, i.event_id, r.source::text, r.channel::text, r.touchpoint_id, a.number
         from responses r join answers a on a.org_id = r.org_id and a.response_id = r.id join invitations i on i.org_id = r.org_id and i.id = r.invitation_id
        where r.org_id = $1 and r.contact_id = $2`, [t.orgId, contactId]);
    const invitation = await invitationOf(contactId);
    assert.deepEqual(rows, [{ contact_id: contactId, invitation_id: invitation.id, event_id: eventId, source: 'widget', channel: 'web', touchpoint_id: touchpointId, number: 9 }]);
    assert.equal(invitation.status, 'delivered');
    assert.ok(invitation.answered_at);
    // The funnel: Anna's is the touchpoint's only web invitation so far, shown and completed.
    const funnel = await t.api(`/api/v1/distribution/funnel?channel=web&touchpointId=${touchpointId}`);
    assert.deepEqual([funnel.body.total.eligible, funnel.body.total.shown, funnel.body.total.completed, funnel.body.total.responseRate], [1, 1, 1, 1]);
  });

  test('no signature is 401, a forged one 403, each with a message naming the signature', async () => {
    await waitingFor('bert');
    const absent = await pub('/invitation', { externalId: 'bert' });
    assert.equal(absent.status, 401, JSON.stringify(absent.body));
    assert.equal(absent.body.field, 'signature');
    assert.match(absent.body.detail, /HMAC-SHA256 of externalId/);
    for (const signature of ['00'.repeat(32), identitySignature(widget.identitySecret, 'anna'), 'not hex', identitySignature('wsk_guess', 'bert')]) {
      const forged = await pub('/invitation', { externalId: 'bert', signature });
      assert.equal(forged.status, 403, signature);
      assert.equal(forged.body.field, 'signature');
      assert.match(forged.body.detail, /not this widget's HMAC-SHA256/);
    }
    // From a page the widget does not allow, even a good signature is refused.
    assert.equal((await pub('/invitation', signed('bert'), 'https://evil.example')).status, 403);
    // Bert's invitation is still waiting: nothing was shown.
    assert.equal((await pub('/invitation', signed('bert'))).body.invitation.survey.questions[0].key, 'nps');
  });

  test("another organisation: its widget's secret does not sign for this widget, its contacts and tokens are not found here", async () => {
    const { contactId } = await waitingFor('cecil');
    const other = await newOrg(t.db, 'Other shop');
    const theirSurvey = (await t.api('/api/v1/surveys', { key: other.apiKey, body: shortPulse() })).body.id;
    const theirs = (await t.api('/api/v1/collectors', { key: other.apiKey, body: { kind: 'widget', name: 'Theirs', surveyId: theirSurvey, allowedOrigins: [shop] } })).body;
    // Their secret, our key: refused.
    assert.equal((await pub('/invitation', signed('cecil', theirs.identitySecret))).status, 403);
    // Their key and secret, our contact's external id: no such contact there, nothing shown.
    assert.deepEqual((await pub('/invitation', signed('cecil', theirs.identitySecret), shop, theirs.publicKey)).body, { invitation: null });
    assert.equal((await invitationOf(contactId)).status, 'waiting');
    // Our invitation's token through their widget: not found.
    const [{ token }] = await t.db.query<{ token: string }>(`select token from invitations where org_id = $1 and contact_id = $2`, [t.orgId, contactId]);
    const answer = await pub('/invitation/responses', { token, idempotencyKey: 'cecil-answer-000001', answers: [{ question: 'nps', value: 5 }] }, shop, theirs.publicKey);
    assert.equal(answer.status, 404, JSON.stringify(answer.body));
  });

  test('an expired invitation is not shown (recorded as expired) and its answer is refused with 410', async () => {
    const { contactId } = await waitingFor('dora', new Date(now.getTime() - 47 * 3_600_000));
    const [{ token }] = await t.db.query<{ token: string }>(`select token from invitations where org_id = $1 and contact_id = $2`, [t.orgId, contactId]);
    now = new Date(now.getTime() + 2 * 3_600_000); // 49 hours after the event; the rule's expiry is 48
    try {
      assert.deepEqual((await pub('/invitation', signed('dora'))).body, { invitation: null });
      assert.deepEqual(await invitationOf(contactId).then((i) => [i.status, i.skip_reason]), ['skipped', 'expired']);
      const late = await pub('/invitation/responses', { token, idempotencyKey: 'dora-answer-000001', answers: [{ question: 'nps', value: 5 }] });
      assert.equal(late.status, 410, JSON.stringify(late.body));
      assert.match(late.body.detail, /expired/);
    } finally {
      now = new Date('2026-11-24T10:00:00Z');
    }
  });

  test('unsubscribing through an e-mail link withdraws the waiting web invitation', async () => {
    const { contactId } = await waitingFor('eve');
    const [{ token }] = await t.db.query<{ token: string }>(`select token from invitations where org_id = $1 and contact_id = $2`, [t.orgId, contactId]);
    assert.equal((await fetch(`${t.url}/u/${token}`, { method: 'POST' })).status, 200);
    assert.deepEqual((await pub('/invitation', signed('eve'))).body, { invitation: null });
    assert.deepEqual(await invitationOf(contactId).then((i) => [i.status, i.skip_reason]), ['skipped', 'unsubscribed']);
  });

  test("inside the rule's quiet hours (the contact's time zone) it waits for a later visit", async () => {
    const { touchpointId: lounge } = await journeyWithTouchpoint(t, 'Lounge');
    const quietSurvey = (await t.api('/api/v1/surveys', { body: { ...shortPulse(lounge), name: 'Lounge pulse' } })).body.id;
    await t.api('/api/v1/pulse-rules', { body: { name: 'Quiet web', touchpointId: lounge, surveyId: quietSurvey, channels: ['web'], quietHours: { start: '09:00', end: '11:00' } } });
    const contact = (await t.api('/api/v1/contacts/by-external-id/fay', { method: 'PUT', body: { timeZone: 'UTC' } })).body.id;
    await t.api('/api/v1/events', { body: { touchpointId: lounge, contactId: contact, occurredAt: now.toISOString() } });
    await drainPulseOutbox(t.db, () => now);
    assert.deepEqual((await pub('/invitation', signed('fay'))).body, { invitation: null }, '10:00 UTC is inside 09:00–11:00');
    assert.equal((await invitationOf(contact)).status, 'waiting');
    now = new Date('2026-11-24T11:30:00Z');
    try {
      assert.ok((await pub('/invitation', signed('fay'))).body.invitation, 'shown after the quiet hours');
    } finally {
      now = new Date('2026-11-24T10:00:00Z');
    }
  });

  test('rotating the identity secret makes old signatures fail at once', async () => {
    await waitingFor('gus');
    const old = signed('gus');
    const rotated = await t.api(`/api/v1/collectors/${widget.id}`, { method: 'PATCH', body: { rotateIdentitySecret: true } });
    assert.equal(rotated.status, 200, JSON.stringify(rotated.body));
    assert.notEqual(rotated.body.identitySecret, widget.identitySecret);
    assert.equal((await pub('/invitation', old)).status, 403);
    widget = rotated.body;
    assert.ok((await pub('/invitation', signed('gus'))).body.invitation);
  });
});
