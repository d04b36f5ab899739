/**
 * Sending a survey to people over HTTP, through the page's forms. Without an SMS gateway: the
 * check counts who gets it and who is left out and why (hand-counted from five contacts), in each
 * language's plural forms; text messages are offered disabled with the reason; bad input is a 400
 * at the field with nothing stored; a draft survey says so; a send becomes a wave of every contact
 * or of a quarter's cohort, the sends list and the funnel count it; only roles that manage
 * distribution may send. With an SMS gateway and SMTP: a segment of ten contacts, hand-counted by
 * channel, language and reason, sent by e-mail and by text message, and the messages arrive.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { startSmsGateway } from '../../test/helpers/sms-gateway.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { createUser } from '../auth/service.ts';
import { launchDueWaves } from '../distribution/waves.ts';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp.ts';
import { comingQuarters, localDateTime } from './send-pages.ts';

describe('send pages', () => {
  let t: TestApp;
  let admin: PageClient;
  let surveyId = '';
  let draftId = '';
  const waves = () => t.db.query<{ id: string; quarter: string | null; cohort: number | null; channels: string[]; send_at: Date; reminder_days: number | null }>(
    `select id, quarter, cohort, channels, send_at, reminder_days from survey_waves where org_id = $1 order by created_at`, [t.orgId]);
  const contact = async (externalId: string, body: Record<string, unknown>) => {
    const res = await t.api(`/api/v1/contacts/by-external-id/${externalId}`, { method: 'PUT', body });
    assert.ok(res.status === 200 || res.status === 201, JSON.stringify(res.body));
    return res.body.id as string;
  };

  before(async () => {
    t = await startTestApp();
    const { touchpointId } = await journeyWithTouchpoint(t);
    surveyId = (await t.api('/api/v1/surveys', { body: { ...pulseSurvey(touchpointId), status: 'active' } })).body.id;
    draftId = (await t.api('/api/v1/surveys', { body: { ...pulseSurvey(touchpointId), name: 'Draft pulse', status: 'draft' } })).body.id;
    // Five contacts: two may be e-mailed, one unsubscribed through an invitation's link, one never agreed, one has only a phone.
    await contact('C-1', { name: 'Aino', email: 'aino@example.com', consent: { surveyEmail: true } });
    await contact('C-2', { name: 'Bertil', email: 'bertil@example.com', consent: { surveyEmail: true } });
    const gone = await contact('C-3', { name: 'Cecilia', email: 'cecilia@example.com', consent: { surveyEmail: true } });
    await contact('C-4', { name: 'Dawid', email: 'dawid@example.com' });
    await contact('C-5', { name: 'Eero', phone: '+358401234567', consent: { surveySms: true } });
    // What the unsubscribe link does to a contact (distribution/service.ts unsubscribeByToken).
    await t.db.query(`update contacts set consent_survey_email = false, consent_survey_sms = false, consent_withdrawn_at = now(), unsubscribed_at = now()
                       where org_id = $1 and id = $2`, [t.orgId, gone]);
    for (const role of ['frontline', 'viewer'] as const) {
      await createUser(t.db, t.orgId, { email: `${role}@example.com`, name: `Person ${role}`, role, unitId: null, password: 'correct horse battery' });
    }
    admin = pageClient(t, await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`));
  });
  after(() => t.close());

  test('the check says in words who gets it and who is left out, in each language', async () => {
    const en = await admin.post(`/app/setup/surveys/${surveyId}/send`, { when: 'now', intent: 'check', lang: 'en' });
    assert.equal(en.status, 200);
    assert.match(en.text, /<p id="preview-result">Will be sent to 2 contacts; 3 of 5 left out: 1 unsubscribed, 1 without consent, 1 without an e-mail address\.<\/p>/);
    assert.match(en.text, /<p id="preview-channels">By channel: 2 contacts by e-mail\.<\/p>/);
    // Aino and Bertil have no language of their own: both get the survey's default.
    assert.match(en.text, /<p id="preview-languages">By language: Finnish 2\. 2 contacts get the survey&#39;s default language, Finnish, as the survey is not in theirs\.<\/p>/);
    assert.match(en.text, />Send to 2 contacts<\/button>/);
    const pl = await admin.post(`/app/setup/surveys/${surveyId}/send`, { when: 'now', intent: 'check', lang: 'pl' });
    assert.match(pl.text, /Zostanie wysłana do 2 kontaktów; pominięto 3 z 5: wypisani: 1, bez zgody: 1, bez adresu e-mail: 1\./);
    assert.match(pl.text, /Według kanału: e-mailem 2 kontakty\./);
    const fi = await admin.post(`/app/setup/surveys/${surveyId}/send`, { when: 'now', intent: 'check', lang: 'fi' });
    assert.match(fi.text, /Lähetetään 2 vastaanottajalle; 3 jätetään pois \(yhteensä 5\): 1 perunut tilauksen, 1 ilman suostumusta, 1 ilman sähköpostiosoitetta\./);
    assert.match(fi.text, /Kielittäin: suomi 2\./);
    const sv = await admin.post(`/app/setup/surveys/${surveyId}/send`, { when: 'now', intent: 'check', lang: 'sv' });
    assert.match(sv.text, /Skickas till 2 kontakter; 3 av 5 utelämnas: 1 har avregistrerat sig, 1 utan samtycke, 1 utan e-postadress\./);
    assert.match(sv.text, /Per kanal: 2 kontakter per e-post\./);
    assert.deepEqual(await waves(), [], 'a check stores nothing');
  });

  test('without an SMS gateway, text messages are shown disabled with the reason, and refused when posted', async () => {
    const form = await admin.get(`/app/setup/surveys/${surveyId}/send?lang=en`);
    assert.match(form.text, /<input type="radio" id="channel-email" name="channel" value="email" checked>/);
    assert.match(form.text, /<input type="radio" id="channel-sms" name="channel" value="sms" disabled><label for="channel-sms">By text message<\/label>/);
    assert.match(form.text, /<input type="radio" id="channel-both" name="channel" value="both" disabled>/);
    assert.match(form.text, /id="channel-hint">Text messages cannot be sent: no text message service has been set up for Kaiku\./);
    for (const channel of ['sms', 'both']) {
      const res = await admin.post(`/app/setup/surveys/${surveyId}/send`, { channel, when: 'now', intent: 'send', lang: 'en' });
      assert.equal(res.status, 400);
      assert.match(res.text, /id="channel-error">Text messages cannot be sent/);
    }
    assert.deepEqual(await waves(), []);
  });

  test('bad input is a 400 naming the field, and nothing is stored', async () => {
    const path = `/app/setup/surveys/${surveyId}/send`;
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ when: 'later' }, /id="sendAt-error">Fill in this field\./],
      [{ when: 'later', sendAt: '2027-02-30T09:00' }, /id="sendAt-error">Enter a date and time, such as 2026-12-24 09:00\./],
      [{ when: 'later', sendAt: '2020-01-01T09:00' }, /id="sendAt-error">Choose a time in the future\./],
      [{ when: 'now', reminderDays: '30' }, /id="reminderDays-error">/],
      [{ when: 'now', reminderDays: 'soon' }, /id="reminderDays-error">/],
      [{ when: 'now', audience: 'segment' }, /id="segment-error">Fill in this field\./],
      [{ when: 'now', audience: 'segment', segment: 'Platinum' }, /id="segment-error">No contact is in the segment “Platinum”\. Choose one from the list\./],
      [{ when: 'now', audience: 'cohort' }, /id="quarter-error">Fill in this field\./],
      [{ when: 'now', audience: 'cohort', quarter: '2031-Q5' }, /id="quarter-error">Each contact belongs to one of four cohorts/],
    ];
    for (const [fields, message] of cases) {
      for (const intent of ['check', 'send']) {
        const res = await admin.post(path, { ...fields, intent, lang: 'en' });
        assert.equal(res.status, 400, JSON.stringify(fields));
        assert.match(res.text, message);
        assert.match(res.text, /class="error-summary"/);
      }
    }
    assert.deepEqual(await waves(), []);
  });

  test('a draft survey says it must be published first, on the form and on a post', async () => {
    const get = await admin.get(`/app/setup/surveys/${draftId}/send?lang=en`);
    assert.equal(get.status, 200);
    assert.match(get.text, /This survey is a draft: publish it before sending it\. <a href="\/app\/setup\/surveys\/[^"]+\/publish">Publish the survey<\/a>/);
    assert.doesNotMatch(get.text, /name="when"/);
    const post = await admin.post(`/app/setup/surveys/${draftId}/send`, { when: 'now', intent: 'send', lang: 'en' });
    assert.equal(post.status, 400);
    assert.match(post.text, /This survey is a draft/);
    assert.deepEqual(await waves(), []);
  });

  test('the survey list and the share hub lead to sending a published survey, not a draft', async () => {
    const list = await admin.get('/app/setup/surveys?lang=en');
    assert.match(list.text, new RegExp(`href="/app/setup/surveys/${surveyId}/send">Send to people<span class="visually-hidden">`));
    assert.doesNotMatch(list.text, new RegExp(`/app/setup/surveys/${draftId}/send"`));
    const hub = await admin.get(`/app/setup/surveys/${surveyId}/share?lang=en`);
    assert.match(hub.text, new RegExp(`<a class="button" href="/app/setup/surveys/${surveyId}/send">Send by e-mail</a>`));
  });

  test('a date-time is read in the organisation\'s time zone (Helsinki: +3 h in summer, +2 h in winter)', () => {
    assert.equal(localDateTime('2027-06-01T09:00', 'Europe/Helsinki')?.toISOString(), '2027-06-01T06:00:00.000Z');
    assert.equal(localDateTime('2027-01-15T09:30', 'Europe/Helsinki')?.toISOString(), '2027-01-15T07:30:00.000Z');
    assert.equal(localDateTime('2027-13-01T09:00', 'Europe/Helsinki'), undefined);
  });

  test('the quarters offered start with the current one in the organisation\'s time zone', () => {
    // 31 Dec 23:30 UTC is already 1 Jan in Helsinki.
    assert.deepEqual(comingQuarters(new Date('2026-12-31T23:30:00Z'), 'Europe/Helsinki'), ['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    assert.deepEqual(comingQuarters(new Date('2026-12-31T23:30:00Z'), 'UTC'), ['2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3']);
  });

  test('a later send waits; a send now invites every contact, and the sends list and funnel count it', async () => {
    const later = await admin.post(`/app/setup/surveys/${surveyId}/send`, { when: 'later', sendAt: '2031-06-01T09:00', reminderDays: '3', intent: 'send', lang: 'en' });
    assert.equal(later.status, 303);
    const [planned] = await waves();
    assert.deepEqual({ ...planned, send_at: new Date(planned.send_at).toISOString() },
      { id: planned.id, quarter: null, cohort: null, channels: ['email'], send_at: '2031-06-01T06:00:00.000Z', reminder_days: 3 });
    assert.equal(later.location, `/app/setup/surveys/${surveyId}/sends?sent=${planned.id}`);
    const list = await admin.get(`${later.location}&lang=en`);
    assert.match(list.text, /The send is scheduled for 1 Jun 2031, 09:00\./);
    assert.match(list.text, /<td>All contacts<\/td><td>E-mail<\/td>\s*<td>Waiting to be sent<\/td>/);

    const now = await admin.post(`/app/setup/surveys/${surveyId}/send`, { when: 'now', intent: 'send', lang: 'en' });
    assert.equal(now.status, 303);
    const sent = (await waves())[1];
    assert.equal(await launchDueWaves(t.db, new Date()), 1, 'only the send of now is due');
    const invitations = await t.db.query<{ status: string; skip_reason: string | null; n: number }>(
      `select status, skip_reason, count(*)::int as n from invitations where org_id = $1 and wave_id = $2 group by 1, 2 order by 1, 2`, [t.orgId, sent.id]);
    assert.deepEqual(invitations, [
      { status: 'scheduled', skip_reason: null, n: 2 },
      { status: 'skipped', skip_reason: 'no_address', n: 1 },
      { status: 'skipped', skip_reason: 'no_consent', n: 1 },
      { status: 'skipped', skip_reason: 'unsubscribed', n: 1 },
    ]);
    const sends = await admin.get(`/app/setup/surveys/${surveyId}/sends?lang=en`);
    assert.equal(sends.status, 200);
    // Newest first: the send of now was made after the later one, and both are listed.
    assert.match(sends.text, /<td>All contacts<\/td><td>E-mail<\/td>\s*<td>Sent<\/td><td class="num">2<\/td><td class="num">3<\/td><td class="num">0<\/td>/);
    const funnelPage = await admin.get(`/app/setup/surveys/${surveyId}/sends/${sent.id}?lang=en`);
    assert.equal(funnelPage.status, 200);
    const steps = Object.fromEntries([...funnelPage.text.matchAll(/<tr data-step="(\w+)"><th scope="row">[^<]+<\/th><td class="num">(\d+)<\/td>/g)].map((m) => [m[1], Number(m[2])]));
    assert.deepEqual(steps, { invited: 2, sent: 0, delivered: 0, opened: 0, started: 0, completed: 0, bounced: 0, leftOut: 3, unsubscribed: 1 });
    assert.match(funnelPage.text, /0 of 0 sent invitations answered\./);
    const waiting = await admin.get(`/app/setup/surveys/${surveyId}/sends/${planned.id}?lang=en`);
    assert.match(waiting.text, /Nothing has been sent yet: the send is scheduled for 1 Jun 2031, 09:00\./);
    assert.equal((await admin.get(`/app/setup/surveys/${draftId}/sends/${sent.id}`)).status, 404, 'a send of another survey');
  });

  test('a quarter\'s cohort: the check counts only that cohort, one send per quarter', async () => {
    // The quarter 2031-Q2 invites cohort 1: Aino (may be e-mailed) and Dawid (never agreed).
    await t.db.query(`update contacts set cohort = case when external_id in ('C-1', 'C-4') then 1 else 0 end where org_id = $1`, [t.orgId]);
    const fields = { audience: 'cohort', quarter: '2031-Q2', channel: 'email', when: 'later', sendAt: '2031-04-02T09:00', lang: 'en' };
    const check = await admin.post(`/app/setup/surveys/${surveyId}/send`, { ...fields, intent: 'check' });
    assert.equal(check.status, 200);
    assert.match(check.text, /<p id="preview-result">Will be sent to 1 contact; 1 of 2 left out: 1 without consent\.<\/p>/);
    assert.match(check.text, /<input type="hidden" name="quarter" value="2031-Q2">/);
    const sent = await admin.post(`/app/setup/surveys/${surveyId}/send`, { ...fields, intent: 'send' });
    assert.equal(sent.status, 303);
    const wave = (await waves()).find((w) => w.quarter === '2031-Q2');
    assert.equal(wave?.cohort, 1);
    const again = await admin.post(`/app/setup/surveys/${surveyId}/send`, { ...fields, intent: 'check' });
    assert.match(again.text, /<option value="2031-Q2" selected>2031-Q2 \(already sent\)<\/option>/);
    assert.equal(again.status, 400);
    assert.match(again.text, /id="quarter-error">This survey has already been sent to quarter 2031-Q2&#39;s cohort\. Choose another quarter\./);
    const list = await admin.get(`/app/setup/surveys/${surveyId}/sends?lang=en`);
    assert.match(list.text, /<td>Quarter 2031-Q2&#39;s cohort<\/td><td>E-mail<\/td>/);
  });

  test('only roles that manage distribution may send; others are refused', async () => {
    for (const role of ['frontline', 'viewer']) {
      const other = pageClient(t, await sessionCookie(t, `${role}@example.com`));
      assert.equal((await other.get(`/app/setup/surveys/${surveyId}/send`)).status, 403, role);
      assert.equal((await other.post(`/app/setup/surveys/${surveyId}/send`, { when: 'now', intent: 'send' })).status, 403, role);
      assert.equal((await other.get(`/app/setup/surveys/${surveyId}/sends`)).status, 403, role);
    }
  });
});

describe('send pages: a segment, by e-mail and by text message', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let sms: Awaited<ReturnType<typeof startSmsGateway>>;
  let admin: PageClient;
  let surveyId = '';
  const ids: Record<string, string> = {};

  before(async () => {
    smtp = await startTestSmtp();
    sms = await startSmsGateway();
    t = await startTestApp({ jobs: true, config: { smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecure: false, smsUrl: sms.url, smsAuth: 'Bearer sms-secret' } });
    const { touchpointId } = await journeyWithTouchpoint(t);
    // In Finnish by default, also in English, Swedish and Polish.
    surveyId = (await t.api('/api/v1/surveys', { body: { ...pulseSurvey(touchpointId), status: 'active' } })).body.id;
    await t.db.query(`update organizations set quarantine_days = 90 where id = $1`, [t.orgId]);
    // Ten contacts. Gold (4): G-1 and G-2 may be e-mailed (G-2 speaks German, which the survey lacks), G-3 was asked
    // 10 days ago, G-4 never agreed. Silver (3): S-1 e-mail, S-2 a phone with consent to texts, S-3 a phone without.
    // Three more without a segment, who may all be e-mailed.
    const people: Record<string, object> = {
      'G-1': { segment: 'Gold', email: 'g1@example.com', language: 'en', consent: { surveyEmail: true } },
      'G-2': { segment: 'Gold', email: 'g2@example.com', language: 'de', phone: '+358401110002', consent: { surveyEmail: true, surveySms: true } },
      'G-3': { segment: 'Gold', email: 'g3@example.com', language: 'fi', consent: { surveyEmail: true } },
      'G-4': { segment: 'Gold', email: 'g4@example.com', language: 'fi' },
      'S-1': { segment: 'Silver', email: 's1@example.com', language: 'sv', consent: { surveyEmail: true } },
      'S-2': { segment: 'Silver', phone: '+358401110006', language: 'pl', consent: { surveySms: true } },
      'S-3': { segment: 'Silver', phone: '+358401110007', language: 'pl' },
      'N-1': { email: 'n1@example.com', consent: { surveyEmail: true } },
      'N-2': { email: 'n2@example.com', consent: { surveyEmail: true } },
      'N-3': { email: 'n3@example.com', consent: { surveyEmail: true } },
    };
    for (const [externalId, body] of Object.entries(people)) {
      const res = await t.api(`/api/v1/contacts/by-external-id/${externalId}`, { method: 'PUT', body: { name: externalId, ...body } });
      assert.ok(res.status === 200 || res.status === 201, JSON.stringify(res.body));
      ids[externalId] = res.body.id;
    }
    await t.db.query(`insert into invitations (org_id, token, survey_id, contact_id, channel, status, send_at, sent_at)
                      values ($1, 'asked-ten-days-ago', $2, $3, 'email', 'delivered', now() - interval '10 days', now() - interval '10 days')`, [t.orgId, surveyId, ids['G-3']]);
    admin = pageClient(t, await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`));
  });
  after(async () => { await t.close(); await smtp.close(); await sms.close(); });

  const waveOf = async (segment: string) => (await t.db.query<{ id: string; segment: string; quarter: string | null; channels: string[] }>(
    `select id, segment, quarter, channels from survey_waves where org_id = $1 and segment = $2`, [t.orgId, segment]))[0];

  test('the form offers the contacts\' segments and text messages', async () => {
    const form = await admin.get(`/app/setup/surveys/${surveyId}/send?lang=en`);
    assert.match(form.text, /<select id="segment" name="segment"><option value="Gold">Gold<\/option><option value="Silver">Silver<\/option><\/select>/);
    assert.match(form.text, /<input type="radio" id="channel-sms" name="channel" value="sms"><label for="channel-sms">By text message<\/label>/);
    assert.doesNotMatch(form.text, /id="channel-hint"/);
  });

  test('segment Gold (asked for as "gold") by e-mail: 2 of 4 get it, by language; the e-mails arrive', async () => {
    const fields = { audience: 'segment', segment: 'gold', channel: 'email', when: 'now', lang: 'en' };
    const check = await admin.post(`/app/setup/surveys/${surveyId}/send`, { ...fields, intent: 'check' });
    assert.equal(check.status, 200);
    assert.match(check.text, /<p id="preview-result">Will be sent to 2 contacts; 2 of 4 left out: 1 without consent, 1 asked within the last 90 days\.<\/p>/);
    assert.match(check.text, /<p id="preview-channels">By channel: 2 contacts by e-mail\.<\/p>/);
    assert.match(check.text, /<p id="preview-languages">By language: English 1, Finnish 1\. 1 contact gets the survey&#39;s default language, Finnish, as the survey is not in theirs\.<\/p>/);
    assert.match(check.text, /<input type="hidden" name="segment" value="Gold">/);
    assert.equal(await waveOf('Gold'), undefined, 'a check stores nothing');

    const sent = await admin.post(`/app/setup/surveys/${surveyId}/send`, { ...fields, segment: 'Gold', intent: 'send' });
    assert.equal(sent.status, 303);
    const wave = await waveOf('Gold');
    assert.deepEqual({ ...wave, id: undefined }, { id: undefined, segment: 'Gold', quarter: null, channels: ['email'] });
    const mails = await smtp.waitFor(2, 20_000);
    assert.deepEqual(mails.flatMap((m) => m.envelopeTo).sort(), ['g1@example.com', 'g2@example.com']);
    // The server took the messages a moment before the sender records it.
    const rows = await waitUntil(() => t.db.query<{ external_id: string; status: string; skip_reason: string | null; language: string }>(
      `select c.external_id, i.status, i.skip_reason, i.language from invitations i join contacts c on c.org_id = i.org_id and c.id = i.contact_id
        where i.org_id = $1 and i.wave_id = $2 order by 1`, [t.orgId, wave.id]), (r) => r.every((i) => i.status === 'delivered' || i.status === 'skipped'), 'the outcomes');
    assert.deepEqual(rows.map((r) => `${r.external_id} ${r.status} ${r.skip_reason ?? ''} ${r.language}`), [
      'G-1 delivered  en', 'G-2 delivered  fi', 'G-3 skipped quarantined fi', 'G-4 skipped no_consent fi',
    ]);
    const list = await admin.get(`/app/setup/surveys/${surveyId}/sends?lang=en`);
    assert.match(list.text, /<td>Segment Gold<\/td><td>E-mail<\/td>\s*<td>Sent<\/td><td class="num">2<\/td><td class="num">2<\/td>/);
  });

  test('segment Silver by e-mail and text message: 1 of each, and the text message reaches the gateway', async () => {
    const fields = { audience: 'segment', segment: 'Silver', channel: 'both', when: 'now', lang: 'en' };
    const check = await admin.post(`/app/setup/surveys/${surveyId}/send`, { ...fields, intent: 'check' });
    assert.equal(check.status, 200);
    assert.match(check.text, /<p id="preview-result">Will be sent to 2 contacts; 1 of 3 left out: 1 without consent\.<\/p>/);
    assert.match(check.text, /<p id="preview-channels">By channel: 1 contact by e-mail, 1 contact by text message\.<\/p>/);
    assert.match(check.text, /<p id="preview-languages">By language: Polish 1, Swedish 1\.<\/p>/);
    const pl = await admin.post(`/app/setup/surveys/${surveyId}/send`, { ...fields, intent: 'check', lang: 'pl' });
    assert.match(pl.text, /Według kanału: e-mailem 1 kontakt, SMS-em 1 kontakt\./);

    const sent = await admin.post(`/app/setup/surveys/${surveyId}/send`, { ...fields, intent: 'send' });
    assert.equal(sent.status, 303);
    const wave = await waveOf('Silver');
    assert.deepEqual(wave.channels, ['email', 'sms']);
    const texts = await waitUntil(() => sms.received, (r) => r.length >= 1, 'a text message');
    assert.equal(texts.length, 1);
    assert.equal(texts[0].body.to, '+358401110006');
    assert.equal(texts[0].authorization, 'Bearer sms-secret');
    const [invitation] = await t.db.query<{ id: string; channel: string }>(
      `select id, channel::text from invitations where org_id = $1 and wave_id = $2 and contact_id = $3`, [t.orgId, wave.id, ids['S-2']]);
    assert.deepEqual([invitation.channel, texts[0].body.reference], ['sms', invitation.id]);
    const mails = await smtp.waitFor(3, 20_000);
    assert.ok(mails.some((m) => m.envelopeTo.includes('s1@example.com')));
    const list = await admin.get(`/app/setup/surveys/${surveyId}/sends?lang=en`);
    assert.match(list.text, /<td>Segment Silver<\/td><td>E-mail or text message<\/td>/);
  });
});
