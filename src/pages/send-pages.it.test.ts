/**
 * Sending a survey by e-mail over HTTP: the check counts who gets it and who is left out and why
 * (hand-counted from five contacts), in each language's plural forms; bad input is a 400 at the
 * field with nothing stored; a draft survey says so; a send becomes a wave of every contact, the
 * sends list and the funnel count it; only roles that manage distribution may send.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { createUser } from '../auth/service.ts';
import { launchDueWaves } from '../distribution/waves.ts';
import { localDateTime } from './send-pages.ts';

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
    assert.match(en.text, /<p id="preview-result">Will be sent to 2 contacts; 3 left out: 1 unsubscribed, 1 without consent, 1 without an e-mail address\.<\/p>/);
    assert.match(en.text, />Send to 2 contacts<\/button>/);
    const pl = await admin.post(`/app/setup/surveys/${surveyId}/send`, { when: 'now', intent: 'check', lang: 'pl' });
    assert.match(pl.text, /Zostanie wysłana do 2 kontaktów; 3 pominięte: wypisani: 1, bez zgody: 1, bez adresu e-mail: 1\./);
    const fi = await admin.post(`/app/setup/surveys/${surveyId}/send`, { when: 'now', intent: 'check', lang: 'fi' });
    assert.match(fi.text, /Lähetetään 2 vastaanottajalle; 3 jätetään pois: 1 perunut tilauksen, 1 ilman suostumusta, 1 ilman sähköpostiosoitetta\./);
    const sv = await admin.post(`/app/setup/surveys/${surveyId}/send`, { when: 'now', intent: 'check', lang: 'sv' });
    assert.match(sv.text, /Skickas till 2 kontakter; 3 utelämnas: 1 har avregistrerat sig, 1 utan samtycke, 1 utan e-postadress\./);
    assert.deepEqual(await waves(), [], 'a check stores nothing');
  });

  test('bad input is a 400 naming the field, and nothing is stored', async () => {
    const path = `/app/setup/surveys/${surveyId}/send`;
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ when: 'later' }, /id="sendAt-error">Fill in this field\./],
      [{ when: 'later', sendAt: '2027-02-30T09:00' }, /id="sendAt-error">Enter a date and time, such as 2026-12-24 09:00\./],
      [{ when: 'later', sendAt: '2020-01-01T09:00' }, /id="sendAt-error">Choose a time in the future\./],
      [{ when: 'now', reminderDays: '30' }, /id="reminderDays-error">/],
      [{ when: 'now', reminderDays: 'soon' }, /id="reminderDays-error">/],
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
    assert.match(list.text, new RegExp(`href="/app/setup/surveys/${surveyId}/send">Send by e-mail<span class="visually-hidden">`));
    assert.doesNotMatch(list.text, new RegExp(`/app/setup/surveys/${draftId}/send"`));
    const hub = await admin.get(`/app/setup/surveys/${surveyId}/share?lang=en`);
    assert.match(hub.text, new RegExp(`<a class="button" href="/app/setup/surveys/${surveyId}/send">Send by e-mail</a>`));
  });

  test('a date-time is read in the organisation\'s time zone (Helsinki: +3 h in summer, +2 h in winter)', () => {
    assert.equal(localDateTime('2027-06-01T09:00', 'Europe/Helsinki')?.toISOString(), '2027-06-01T06:00:00.000Z');
    assert.equal(localDateTime('2027-01-15T09:30', 'Europe/Helsinki')?.toISOString(), '2027-01-15T07:30:00.000Z');
    assert.equal(localDateTime('2027-13-01T09:00', 'Europe/Helsinki'), undefined);
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
    assert.match(list.text, /<td>All contacts<\/td>\s*<td>Waiting to be sent<\/td>/);

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
    assert.match(sends.text, /<td>All contacts<\/td>\s*<td>Sent<\/td><td class="num">2<\/td><td class="num">3<\/td><td class="num">0<\/td>/);
    const funnelPage = await admin.get(`/app/setup/surveys/${surveyId}/sends/${sent.id}?lang=en`);
    assert.equal(funnelPage.status, 200);
    const steps = Object.fromEntries([...funnelPage.text.matchAll(/<tr data-step="(\w+)"><th scope="row">[^<]+<\/th><td class="num">(\d+)<\/td>/g)].map((m) => [m[1], Number(m[2])]));
    assert.deepEqual(steps, { invited: 2, sent: 0, delivered: 0, opened: 0, started: 0, completed: 0, bounced: 0, leftOut: 3, unsubscribed: 1 });
    assert.match(funnelPage.text, /0 of 0 sent invitations answered\./);
    const waiting = await admin.get(`/app/setup/surveys/${surveyId}/sends/${planned.id}?lang=en`);
    assert.match(waiting.text, /Nothing has been sent yet: the send is scheduled for 1 Jun 2031, 09:00\./);
    assert.equal((await admin.get(`/app/setup/surveys/${draftId}/sends/${sent.id}`)).status, 404, 'a send of another survey');
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
