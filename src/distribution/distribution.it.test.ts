import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { startSmsGateway } from '../../test/helpers/sms-gateway.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp.ts';
import { DISPATCH_JOB } from './jobs.ts';

/** Answers the invitation's page the way a browser without JavaScript would: GET, then POST the form with a score. */
async function answerByForm(url: string, score: number) {
  const page = await (await fetch(url)).text();
  const action = /<form id="survey" method="post" action="([^"]+)"/.exec(page)?.[1].replace(/&amp;/g, '&');
  assert.ok(action, 'the survey form');
  const form = new URLSearchParams();
  for (const m of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) form.set(m[1], m[2]);
  form.set('nps', String(score));
  await new Promise((r) => setTimeout(r, 2100)); // a person takes a moment (bot guard: forms sent back at once are refused)
  const res = await fetch(new URL(action, url), { method: 'POST', body: form, redirect: 'manual' });
  assert.equal(res.status, 303, await res.text());
}

describe('pulse distribution: rules, quarantine, e-mail, SMS, reminders, unsubscribe, funnel, waves', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let sms: Awaited<ReturnType<typeof startSmsGateway>>;
  let offsetMs = 0;
  let touchpointId: string;
  let surveyId: string;
  let ruleId: string;
  const contacts: Record<string, string> = {};
  const invitations = async (query = '') => (await t.api(`/api/v1/invitations?limit=200${query}`)).body.items as Array<Record<string, any>>;
  const token = async (invitationId: string) => (await t.db.query<{ token: string }>(`select token from invitations where org_id = $1 and id = $2`, [t.orgId, invitationId]))[0].token;
  const dispatch = () => t.jobs?.send(DISPATCH_JOB, {});

  before(async () => {
    smtp = await startTestSmtp({ rejectRecipient: (address) => address.startsWith('nobody@') });
    sms = await startSmsGateway();
    t = await startTestApp({
      jobs: true, now: () => new Date(Date.now() + offsetMs),
      config: { smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecure: false, smsUrl: sms.url, smsAuth: 'Bearer sms-secret', smsFrom: 'Kaiku' },
    });
    ({ touchpointId } = await journeyWithTouchpoint(t));
    surveyId = (await t.api('/api/v1/surveys', { body: pulseSurvey(touchpointId) })).body.id;
    const people: Record<string, object> = {
      anna: { name: 'Anna <b>&</b>', email: 'anna@example.com', language: 'fi', consent: { surveyEmail: true } },
      hugo: { email: 'hugo@example.com', language: 'en', consent: { surveyEmail: true } },
      bert: { email: 'nobody@example.com', language: 'sv', consent: { surveyEmail: true } },
      cecil: { phone: '+358401112222', language: 'pl', consent: { surveySms: true } },
      ivan: { phone: '+358400000000', consent: { surveySms: true } },
      dora: { email: 'dora@example.com', consent: { surveyEmail: false } },
      eve: { consent: { surveyEmail: true } },
      fay: { email: 'fay@example.com', consent: { withdrawnAt: '2026-01-01T00:00:00Z' } },
    };
    for (const [name, body] of Object.entries(people)) {
      const res = await t.api(`/api/v1/contacts/by-external-id/${name}`, { method: 'PUT', body });
      assert.ok(res.status < 300, JSON.stringify(res.body));
      contacts[name] = res.body.id;
    }
  });
  after(async () => { await t.close(); await smtp.close(); await sms.close(); });

  test('pulse rules: created, read, changed and deleted through the API; bad rules are refused naming the field', async () => {
    const bad = [
      [{ channels: ['email', 'fax'] }, 'channels/1'],
      [{ channels: ['email', 'email'] }, 'channels'],
      [{ samplingRate: 0 }, 'samplingRate'],
      [{ quietHours: { start: '25:00', end: '07:00' } }, 'quietHours/start'],
      [{ reminderDays: 8, expiryHours: 168 }, 'reminderDays'],
      [{ touchpointId: '00000000-0000-4000-8000-000000000000' }, 'touchpointId'],
      [{ extra: 1 }, 'extra'],
    ] as const;
    for (const [patch, field] of bad) {
      const res = await t.api('/api/v1/pulse-rules', { body: { name: 'x', touchpointId, surveyId, ...patch } });
      assert.equal(res.status, 400, JSON.stringify(patch));
      assert.match(`${res.body.field ?? ''} ${res.body.detail ?? ''}`, new RegExp(field.replace('/', '.?')), JSON.stringify(res.body));
    }
    const created = await t.api('/api/v1/pulse-rules', { body: { name: 'Scratch', touchpointId, surveyId, channels: ['sms'], quietHours: { start: '21:00', end: '08:00' } } });
    assert.equal(created.status, 201);
    assert.deepEqual({ ...created.body, id: undefined, createdAt: undefined, updatedAt: undefined }, {
      id: undefined, createdAt: undefined, updatedAt: undefined, name: 'Scratch', touchpointId, surveyId, enabled: true, delayMinutes: 0,
      channels: ['sms'], samplingRate: 1, quietHours: { start: '21:00', end: '08:00' }, expiryHours: 168, reminderDays: null,
    });
    const patched = await t.api(`/api/v1/pulse-rules/${created.body.id}`, { method: 'PATCH', body: { enabled: false, quietHours: null } });
    assert.equal(patched.body.enabled, false);
    assert.equal(patched.body.quietHours, null);
    assert.equal((await t.api(`/api/v1/pulse-rules/${created.body.id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await t.api(`/api/v1/pulse-rules/${created.body.id}`)).status, 404);
  });

  test('events become one invitation per (contact, rule, event): sent by e-mail or SMS, or skipped with the reason', async () => {
    ruleId = (await t.api('/api/v1/pulse-rules', { body: { name: 'After contract', touchpointId, surveyId, channels: ['email', 'sms'], reminderDays: 2 } })).body.id;
    const event = (name: string, key?: string) => ({ touchpointId, contactExternalId: name, ...(key ? { idempotencyKey: key } : {}) });
    const batch = { events: ['anna', 'hugo', 'bert', 'cecil', 'ivan', 'dora', 'eve', 'fay'].map((n) => event(n, `crm-${n}`)) };
    const first = await t.api('/api/v1/events/batch', { body: batch });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    // The CRM delivers the same batch again, and Anna meets the touchpoint a second time the same day.
    const again = await t.api('/api/v1/events/batch', { body: batch });
    assert.deepEqual([again.body.created, again.body.duplicates], [0, 8]);
    const secondVisit = await t.api('/api/v1/events', { body: event('anna') });
    assert.equal(secondVisit.status, 201);

    const settled = await waitUntil(() => invitations(), (rows) => rows.length === 9 && rows.every((r) => !['scheduled', 'sending'].includes(r.status)), 'invitations sent or skipped');
    const outcome = Object.fromEntries(Object.entries(contacts).map(([name, id]) => [name,
      settled.filter((r) => r.contactId === id).map((r) => `${r.channel}:${r.status}${r.skipReason ? `:${r.skipReason}` : ''}`).sort().join(' ')]));
    assert.deepEqual(outcome, {
      anna: 'email:delivered email:skipped:quarantined', hugo: 'email:delivered', bert: 'email:bounced', cecil: 'sms:delivered',
      ivan: 'sms:bounced', dora: 'email:skipped:no_consent', eve: 'email:skipped:no_address', fay: 'email:skipped:no_consent',
    });
    assert.ok(settled.every((r) => r.ruleId === ruleId && r.eventId));
    const [dupes] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from (select 1 from invitations where org_id = $1 group by contact_id, rule_id, event_id having count(*) > 1) d`, [t.orgId]);
    assert.equal(dupes.n, 0);
    assert.match(settled.find((r) => r.contactId === contacts.bert)?.lastError, /550/);
    assert.match(settled.find((r) => r.contactId === contacts.ivan)?.lastError, /400.*unknown number/);

    // The SMS gateway got a JSON POST with the auth header, the personal link and the unsubscribe link, in Polish.
    const cecilInvitation = settled.find((r) => r.contactId === contacts.cecil) as Record<string, any>;
    const cecilToken = await token(cecilInvitation.id);
    const text = sms.received.find((r) => r.body.to === '+358401112222');
    assert.deepEqual(text && { ...text, body: { ...text.body, text: undefined } },
      { authorization: 'Bearer sms-secret', body: { from: 'Kaiku', to: '+358401112222', text: undefined, reference: cecilInvitation.id } });
    assert.equal(text?.body.text, `Test Org: opowiedz o swoim doświadczeniu ${t.url}/r/${cecilToken} Rezygnacja: ${t.url}/u/${cecilToken}`);

    // Anna's e-mail: Finnish, her name escaped, the NPS question with 11 score links, an unsubscribe link and header.
    const annaInvitation = settled.find((r) => r.contactId === contacts.anna && r.status === 'delivered') as Record<string, any>;
    const annaToken = await token(annaInvitation.id);
    const mail = smtp.received.find((m) => m.envelopeTo.includes('anna@example.com'));
    assert.ok(mail);
    assert.equal(mail.subject, 'Test Org: kerro kokemuksestasi');
    assert.match(mail.html, /Hei Anna &lt;b&gt;&amp;&lt;\/b&gt;,/);
    assert.doesNotMatch(mail.html, /<b>&<\/b>/);
    const scoreLinks = [...mail.html.matchAll(/href="([^"]+\?nps=(\d+))"/g)].map((m) => Number(m[2]));
    assert.deepEqual(scoreLinks, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.ok(mail.html.includes(`${t.url}/r/${annaToken}?nps=10`));
    assert.equal(mail.headers.get('list-unsubscribe'), `<${t.url}/u/${annaToken}>`);
    assert.equal(mail.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    assert.match(mail.text, new RegExp(`${t.url}/u/${annaToken}`));
    // A delivered invitation plans its one reminder two days later.
    assert.equal(new Date(annaInvitation.remindAt).getTime() - new Date(annaInvitation.sentAt).getTime(), 2 * 86_400_000);
  });

  test('opened and started are tracked; one reminder goes only to non-responders; unsubscribing stops everything at once', async () => {
    const rows = await invitations('&status=delivered');
    const anna = rows.find((r) => r.contactId === contacts.anna) as Record<string, any>;
    const hugo = rows.find((r) => r.contactId === contacts.hugo) as Record<string, any>;
    const cecil = rows.find((r) => r.contactId === contacts.cecil) as Record<string, any>;
    const pixel = await fetch(`${t.url}/r/${await token(anna.id)}/opened.gif`);
    assert.equal(pixel.headers.get('content-type'), 'image/gif');
    await answerByForm(`${t.url}/r/${await token(hugo.id)}`, 9);

    // Cecil unsubscribes through the link of his SMS: the page asks first (GET changes nothing), the button does it.
    const cecilToken = await token(cecil.id);
    const ask = await fetch(`${t.url}/u/${cecilToken}`, { headers: { 'accept-language': 'en' } });
    assert.match(await ask.text(), /Zrezygnować z zaproszeń do ankiet\?/, 'in the invitation\'s language');
    const [{ unsubscribed_at: before }] = await t.db.query<{ unsubscribed_at: Date | null }>(`select unsubscribed_at from contacts where org_id = $1 and id = $2`, [t.orgId, contacts.cecil]);
    assert.equal(before, null);
    const done = await fetch(`${t.url}/u/${cecilToken}`, { method: 'POST' });
    assert.equal(done.status, 200);
    assert.match(await done.text(), /Zrezygnowano z ankiet/);
    const contact = (await t.api(`/api/v1/contacts/${contacts.cecil}`)).body;
    assert.equal(contact.consent.surveySms, false);
    assert.ok(contact.consent.withdrawnAt);
    assert.equal((await fetch(`${t.url}/u/not-a-real-token-123`)).status, 404);

    // Two days later: Anna (no answer) gets one reminder; Hugo answered and Cecil unsubscribed.
    const mailsBefore = smtp.received.length;
    const smsBefore = sms.received.length;
    offsetMs = 2 * 86_400_000 + 60_000;
    await dispatch();
    const reminded = await waitUntil(() => invitations('&status=delivered'), (r) => r.some((i) => i.contactId === contacts.anna && i.remindedAt), 'the reminder');
    await dispatch(); // a second run sends nothing more
    // remindedAt is set when the SMTP server accepted the message, but on a loaded machine the
    // test server may record it a moment later: wait for it, then a little for any second one.
    await waitUntil(async () => smtp.received.length, (n) => n > mailsBefore, 'the reminder e-mail');
    await new Promise((r) => setTimeout(r, 1500));
    const newMails = smtp.received.slice(mailsBefore);
    assert.deepEqual(newMails.map((m) => [m.envelopeTo[0], m.subject]), [['anna@example.com', 'Muistutus: Test Org kysyy kokemuksestasi']]);
    assert.equal(sms.received.length, smsBefore);
    assert.equal(reminded.find((i) => i.contactId === contacts.hugo)?.remindedAt, null);
    assert.equal(reminded.find((i) => i.contactId === contacts.cecil)?.remindAt, null);

    // After unsubscribing, Cecil's next event is skipped as unsubscribed.
    await t.api('/api/v1/events', { body: { touchpointId, contactId: contacts.cecil } });
    await waitUntil(() => invitations(`&contactId=${contacts.cecil}`), (r) => r.length === 2, 'Cecil\'s second invitation');
    assert.deepEqual((await invitations(`&contactId=${contacts.cecil}`)).map((r) => r.skipReason), ['unsubscribed', null]);
  });

  test('the funnel counts every step per channel, with skips by reason and the response rate', async () => {
    const res = await t.api(`/api/v1/distribution/funnel?surveyId=${surveyId}&groupBy=channel`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    // e-mail: anna ×2, hugo, bert, dora, eve, fay and Cecil's skipped second one (a skip that reached no channel is
    // counted on the rule's first); SMS: cecil, ivan (counted by hand from the cases above).
    assert.deepEqual(res.body.groups, [
      { key: 'email', eligible: 8, skipped: 5, skippedBy: { no_address: 1, no_consent: 2, quarantined: 1, unsubscribed: 1 }, sent: 3, delivered: 2, bounced: 1,
        opened: 2, started: 1, completed: 1, shown: 0, responseRate: 0.5 },
      { key: 'sms', eligible: 2, skipped: 0, skippedBy: {}, sent: 2, delivered: 1, bounced: 1,
        opened: 0, started: 0, completed: 0, shown: 0, responseRate: 0 },
    ]);
    assert.deepEqual(res.body.total, { eligible: 10, skipped: 5, skippedBy: { no_address: 1, no_consent: 2, quarantined: 1, unsubscribed: 1 },
      sent: 5, delivered: 3, bounced: 2, opened: 2, started: 1, completed: 1, shown: 0, responseRate: 1 / 3 });
    const bad = await t.api('/api/v1/distribution/funnel?groupBy=planet');
    assert.equal(bad.status, 400);
  });

  test('bad input: malformed or unknown events are refused and schedule nothing', async () => {
    const before = (await invitations()).length;
    const cases = [
      [{ events: [{ touchpointId, contactExternalId: 'anna' }, { touchpointId: '00000000-0000-4000-8000-000000000000', contactExternalId: 'anna' }] }, 'events[1].touchpointId'],
      [{ events: [{ touchpointId, contactExternalId: 'nobody-known' }] }, 'events[0].contactExternalId'],
      [{ events: [{ touchpointId }] }, 'events[0].contactId'],
      [{ events: [{ touchpointId, contactId: contacts.anna, occurredAt: 'yesterday' }] }, 'occurredAt'],
    ] as const;
    for (const [body, field] of cases) {
      const res = await t.api('/api/v1/events/batch', { body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.match(`${res.body.field} ${res.body.detail}`, new RegExp(field.replace(/[[\].]/g, '.?')), JSON.stringify(res.body));
    }
    assert.equal((await t.api('/api/v1/events/batch', { body: '{"events": [' })).status, 400);
    const badEmail = await t.api('/api/v1/contacts/by-external-id/zed', { method: 'PUT', body: { email: 'zed@@example', consent: { surveyEmail: true } } });
    assert.equal(badEmail.status, 400);
    assert.equal(badEmail.body.field, 'email');
    await new Promise((r) => setTimeout(r, 700));
    assert.equal((await invitations()).length, before);
    const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from pulse_outbox where org_id = $1`, [t.orgId]);
    assert.equal(n, 0);
  });

  test('a strategic wave invites one cohort of the contact base, skipping with reasons', async () => {
    await t.api('/api/v1/distribution/settings', { method: 'PUT', body: { quarantineDays: 0 } });
    const strategic = (await t.api('/api/v1/surveys', { body: { ...pulseSurvey(), name: 'Strategic 2026', kind: 'strategic' } })).body.id;
    const all = (await t.api('/api/v1/contacts?limit=100')).body.items as Array<{ id: string; externalId: string; cohort: number }>;
    const cohort = all.find((c) => c.externalId === 'anna')?.cohort as number;
    const members = all.filter((c) => c.cohort === cohort).map((c) => c.externalId).sort();
    const quarter = `2026-Q${cohort + 1}`;
    const wave = await t.api(`/api/v1/surveys/${strategic}/waves`, { body: { quarter, channels: ['email', 'sms'] } });
    assert.equal(wave.status, 201, JSON.stringify(wave.body));
    assert.equal(wave.body.cohort, cohort);
    assert.equal((await t.api(`/api/v1/surveys/${strategic}/waves`, { body: { quarter } })).status, 409);
    const rows = await waitUntil(() => invitations(`&waveId=${wave.body.id}`), (r) => r.length === members.length && r.every((i) => i.status !== 'scheduled' && i.status !== 'sending'), 'the wave');
    // Expected by hand from the contacts' addresses and consents above (quarantine off).
    const expected: Record<string, string> = {
      anna: 'delivered', hugo: 'delivered', bert: 'bounced', cecil: 'skipped:unsubscribed', ivan: 'bounced', dora: 'skipped:no_consent',
      eve: 'skipped:no_address', fay: 'skipped:no_consent',
    };
    const byId = new Map(all.map((c) => [c.id, c.externalId]));
    assert.deepEqual(Object.fromEntries(rows.map((r) => [byId.get(r.contactId), `${r.status}${r.skipReason ? `:${r.skipReason}` : ''}`])),
      Object.fromEntries(members.map((m) => [m, expected[m]])));
    const listed = (await t.api(`/api/v1/surveys/${strategic}/waves`)).body.items[0];
    assert.ok(listed.launchedAt);
  });
  test('an invitation still waiting when its pulse expires is skipped as expired, not sent late', async () => {
    offsetMs = 0;
    const rule = (await t.api('/api/v1/pulse-rules', { body: { name: 'Short-lived', touchpointId, surveyId, channels: ['email'], delayMinutes: 30, expiryHours: 1 } })).body.id;
    await t.api(`/api/v1/pulse-rules/${ruleId}`, { method: 'PATCH', body: { enabled: false } });
    const event = (await t.api('/api/v1/events', { body: { touchpointId, contactId: contacts.hugo } })).body.id;
    const [scheduled] = await waitUntil(() => invitations(`&eventId=${event}`), (r) => r.length === 1, 'the invitation');
    assert.deepEqual([scheduled.ruleId, scheduled.status], [rule, 'scheduled']);
    const mails = smtp.received.length;
    offsetMs = 2 * 3_600_000; // the sender was down for two hours
    await dispatch();
    const [expired] = await waitUntil(() => invitations(`&eventId=${event}`), (r) => r[0]?.status === 'skipped', 'the expiry');
    assert.equal(expired.skipReason, 'expired');
    assert.equal(smtp.received.length, mails);
  });
  test("quiet hours are the contact's own: a pulse due inside them waits until they end in the contact's time zone", async () => {
    offsetMs = 0;
    const { touchpointId: store } = await journeyWithTouchpoint(t, 'Store visit');
    // Kiritimati is UTC+14, twelve hours from the organisation's Helsinki: a window around its local hour now.
    const zone = 'Pacific/Kiritimati';
    const localHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
    const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
    await t.api('/api/v1/pulse-rules', { body: { name: 'Store', touchpointId: store, surveyId, channels: ['email'], quietHours: { start: hh(localHour), end: hh(localHour + 2) } } });
    const kim = (await t.api('/api/v1/contacts/by-external-id/kim', { method: 'PUT', body: { email: 'kim@example.com', timeZone: zone, consent: { surveyEmail: true } } })).body.id;
    const event = (await t.api('/api/v1/events', { body: { touchpointId: store, contactId: kim } })).body.id;
    const [row] = await waitUntil(() => invitations(`&eventId=${event}`), (r) => r.length === 1, 'the invitation');
    assert.equal(row.status, 'scheduled');
    const sendAt = new Date(row.sendAt);
    assert.equal(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(sendAt), hh(localHour + 2));
    assert.ok(sendAt.getTime() > Date.now() + 3_600_000 - 120_000 && sendAt.getTime() <= Date.now() + 2 * 3_600_000, row.sendAt);
  });
  test('a gateway that is busy (503) is tried again later: the invitation goes back to scheduled with the error, not bounced', async () => {
    offsetMs = 0;
    const { touchpointId: desk } = await journeyWithTouchpoint(t, 'Help desk');
    await t.api('/api/v1/pulse-rules', { body: { name: 'Desk', touchpointId: desk, surveyId, channels: ['sms'] } });
    const jon = (await t.api('/api/v1/contacts/by-external-id/jon', { method: 'PUT', body: { phone: '+358400000503', consent: { surveySms: true } } })).body.id;
    const event = (await t.api('/api/v1/events', { body: { touchpointId: desk, contactId: jon } })).body.id;
    const [row] = await waitUntil(() => invitations(`&eventId=${event}`), (r) => r[0]?.attempts === 1 && r[0]?.status === 'scheduled', 'the first attempt');
    assert.match(row.lastError, /503/);
    // Tried again two minutes later (then 4, 8, 16; failed after five attempts).
    assert.ok(Math.abs(new Date(row.sendAt).getTime() - Date.now() - 2 * 60_000) < 30_000, row.sendAt);
  });
  test('a wave to one segment through the API: previewed, then sent to that segment only; an unknown segment is refused and stores nothing', async () => {
    offsetMs = 0;
    await t.api('/api/v1/distribution/settings', { method: 'PUT', body: { quarantineDays: 0 } });
    const people = {
      gina: { email: 'gina@example.com', consent: { surveyEmail: true }, segment: 'Gold' },
      hank: { email: 'hank@example.com', consent: { surveyEmail: false }, segment: 'Gold' },
      iris: { email: 'iris@example.com', consent: { surveyEmail: true }, segment: 'Silver' },
    };
    const ids: Record<string, string> = {};
    for (const [name, body] of Object.entries(people)) ids[name] = (await t.api(`/api/v1/contacts/by-external-id/${name}`, { method: 'PUT', body })).body.id;
    const survey = (await t.api('/api/v1/surveys', { body: { ...pulseSurvey(), name: 'Gold customers 2026', kind: 'strategic' } })).body.id;
    // By hand: Gold has Gina (e-mail consent) and Hank (refused e-mail); Iris is Silver.
    const preview = await t.api(`/api/v1/surveys/${survey}/waves/preview`, { body: { segment: 'gold', channels: ['email'] } });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.deepEqual([preview.body.audience, preview.body.invited, preview.body.leftOut, preview.body.leftOutBy], [2, 1, 1, { no_consent: 1 }]);
    assert.equal((await t.api(`/api/v1/surveys/${survey}/waves`)).body.items.length, 0, 'a preview stores no wave');

    for (const [body, field] of [[{ segment: 'Platinum' }, 'segment'], [{ segment: '' }, 'segment'], [{ quarter: 'Q3' }, 'quarter']] as const) {
      const bad = await t.api(`/api/v1/surveys/${survey}/waves`, { body });
      assert.equal(bad.status, 400, JSON.stringify(body));
      assert.match(`${bad.body.field ?? ''} ${bad.body.detail ?? ''}`, new RegExp(field), JSON.stringify(bad.body));
    }
    assert.equal((await t.api(`/api/v1/surveys/${survey}/waves`)).body.items.length, 0, 'refused waves store nothing');

    const wave = await t.api(`/api/v1/surveys/${survey}/waves`, { body: { segment: 'GOLD', channels: ['email'] } });
    assert.equal(wave.status, 201, JSON.stringify(wave.body));
    assert.deepEqual([wave.body.segment, wave.body.quarter, wave.body.cohort], ['Gold', null, null]);
    const rows = await waitUntil(() => invitations(`&waveId=${wave.body.id}`), (r) => r.length === 2 && r.every((i) => i.status !== 'scheduled' && i.status !== 'sending'), 'the segment wave');
    assert.deepEqual(Object.fromEntries(rows.map((r) => [r.contactId, `${r.status}${r.skipReason ? `:${r.skipReason}` : ''}`])),
      { [ids.gina]: 'delivered', [ids.hank]: 'skipped:no_consent' });
    assert.ok(smtp.received.some((m) => m.envelopeTo.includes('gina@example.com')), 'Gina got the e-mail');
  });
});
