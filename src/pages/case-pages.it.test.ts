/**
 * The case pages over HTTP: the inbox with its tabs, filters and pagination, bulk actions
 * through the confirmation step, the case page (redacted verbatim, timeline) and its actions
 * with errors shown at the field; and that a frontline user reaches only their own cases.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, shortPulse } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { createUser } from '../auth/service.ts';

describe('case pages', () => {
  let t: TestApp;
  let admin: PageClient;
  let eeva: PageClient;
  let viewer: PageClient;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await startTestApp();
    const tp = await journeyWithTouchpoint(t);
    const survey = await t.api('/api/v1/surveys', { body: { ...shortPulse(tp.touchpointId), status: 'active' } });
    assert.equal(survey.status, 201, JSON.stringify(survey.body));
    const eevaUser = await createUser(t.db, t.orgId, { email: 'eeva@example.com', name: 'Eeva', role: 'frontline', unitId: tp.unitId, password: 'correct horse battery', language: 'en' });
    const olliUser = await createUser(t.db, t.orgId, { email: 'olli@example.com', name: 'Olli', role: 'frontline', unitId: tp.unitId, password: 'correct horse battery' });
    await createUser(t.db, t.orgId, { email: 'vera@example.com', name: 'Vera', role: 'viewer', password: 'correct horse battery' });
    const employee = async (name: string, userId: string) => (await t.api('/api/v1/employees', { body: { name, unitId: tp.unitId, userId } })).body.id as string;
    const eevaEmployee = await employee('Eeva Esimerkki', eevaUser);
    const olliEmployee = await employee('Olli Otus', olliUser);
    const contact = await t.api('/api/v1/contacts/by-external-id/c-1', { method: 'PUT', body: { email: 'asiakas@example.com', name: 'Asiakas Aino' } });
    const response = async (employeeId: string, text: string) => (await t.api('/api/v1/responses', {
      body: { surveyId: survey.body.id, contactId: contact.body.id, employeeId, language: 'en', answers: [{ question: 'nps', value: 2 }, { question: 'nps_why', value: text }] },
    })).body.id as string;
    const openCase = async (responseId: string, title: string) => {
      const res = await t.api('/api/v1/cases', { body: { responseId, title } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id as string;
    };
    ids.eevaCase = await openCase(await response(eevaEmployee, 'Slow queue, call me on matti.meikalainen@example.com'), 'Queue complaint for Eeva');
    ids.olliCase = await openCase(await response(olliEmployee, 'Rude answer'), 'Complaint about Olli');
    admin = pageClient(t, await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`));
    eeva = pageClient(t, await sessionCookie(t, 'eeva@example.com'));
    viewer = pageClient(t, await sessionCookie(t, 'vera@example.com'));
  });
  after(() => t.close());

  test('the inbox lists the cases in scope, with tabs, filters in the URL and empty states', async () => {
    const all = await admin.get('/app/cases?lang=en');
    assert.equal(all.status, 200);
    assert.match(all.text, /Queue complaint for Eeva/);
    assert.match(all.text, /Complaint about Olli/);
    assert.match(all.text, /<a href="\/app\/cases\?tab=all"[^>]*aria-current="page">All<\/a>/);
    const urgent = await admin.get('/app/cases?lang=en&priority=urgent');
    assert.match(urgent.text, /No cases match these filters/);
    assert.match(urgent.text, /<option value="urgent" selected>/);
    const bad = await admin.get('/app/cases?lang=en&status=bogus&from=2026-13-45');
    assert.equal(bad.status, 200);
    assert.match(bad.text, /not understood and are ignored: status, from/);
    const past = await admin.get('/app/cases?lang=en&from=2001-01-01&to=2001-12-31');
    assert.doesNotMatch(past.text, /Queue complaint/);
    // No unit has a manager, so the fallback owner rule gives both cases to the organisation's admin.
    const mine = await admin.get('/app/cases?lang=en&tab=mine');
    assert.match(mine.text, /Queue complaint for Eeva/);
    const csv = await admin.get('/app/cases?lang=en&tab=all&download=cases.csv');
    assert.equal(csv.status, 200);
    assert.match(csv.text, /Case,Score,Comment,Status,Priority,Owner,Unit,Touchpoint,Due,SLA left,Created/);
    assert.match(csv.text, /Queue complaint for Eeva,NPS 2,"Slow queue, call me on \[email\]",New,Normal,Admin,Customer service,Contract by phone/);
    assert.match(all.text, /href="\/app\/cases\?lang=en&amp;download=cases.xlsx"/);
    const fi = await admin.get('/app/cases?lang=fi');
    assert.match(fi.text, /<h1>Tapaukset<\/h1>/);
  });

  test('a frontline user sees and acts on only the cases on their own feedback', async () => {
    const list = await eeva.get('/app/cases?tab=all');
    assert.equal(list.status, 200);
    assert.match(list.text, /Queue complaint for Eeva/);
    assert.doesNotMatch(list.text, /Complaint about Olli/);
    const hidden = await eeva.get(`/app/cases/${ids.olliCase}?lang=fi`);
    assert.equal(hidden.status, 404);
    assert.match(hidden.text, /<h1>Ei löytynyt: sitä ei ole, tai se ei näy sinulle.<\/h1>/, 'in the reader’s language, inside the app');
    assert.match(hidden.text, /<a href="\/app\/cases" aria-current="page">/);
    assert.equal((await eeva.post(`/app/cases/${ids.olliCase}/note`, { text: 'peeking' })).status, 404);
    const bulk = await eeva.post('/app/cases/bulk', [['id', ids.olliCase], ['action', 'priority'], ['priority', 'urgent'], ['confirm', '1']]);
    assert.equal(bulk.status, 400, 'a case out of scope is as if not selected');
    assert.equal((await t.api(`/api/v1/cases/${ids.olliCase}`)).body.priority, 'normal');
    // Frontline staff see the open text with personal data hidden and no contact details.
    const own = await eeva.get(`/app/cases/${ids.eevaCase}?lang=en`);
    assert.equal(own.status, 200);
    assert.match(own.text, /Slow queue/);
    assert.doesNotMatch(own.text, /matti\.meikalainen@example\.com|asiakas@example\.com/);
    assert.match(own.text, /Hidden for your role/);
    const full = await admin.get(`/app/cases/${ids.eevaCase}?lang=en`);
    assert.match(full.text, /matti\.meikalainen@example\.com/);
    assert.match(full.text, /Asiakas Aino/);
  });

  test('viewers, anonymous callers and other sites are refused', async () => {
    assert.equal((await viewer.get('/app/cases')).status, 403);
    const anonymous = pageClient(t, null);
    const res = await anonymous.get('/app/cases?tab=all');
    assert.equal(res.status, 303);
    assert.equal(res.location, `/login?next=${encodeURIComponent('/app/cases?tab=all')}`);
    assert.equal((await admin.post(`/app/cases/${ids.eevaCase}/note`, { text: 'x' }, 'https://evil.example')).status, 403);
  });

  test('bulk actions go through a confirmation and then change every selected case', async () => {
    const ask = await admin.post('/app/cases/bulk', [['id', ids.eevaCase], ['id', ids.olliCase], ['action', 'priority'], ['priority', 'high'], ['back', '/app/cases?tab=all'], ['lang', 'en']]);
    assert.equal(ask.status, 200);
    assert.match(ask.text, /Please confirm/);
    assert.match(ask.text, /change 2 cases/);
    assert.equal((await t.api(`/api/v1/cases/${ids.eevaCase}`)).body.priority, 'normal', 'nothing changes before the confirmation');
    const done = await admin.post('/app/cases/bulk', [['id', ids.eevaCase], ['id', ids.olliCase], ['action', 'priority'], ['priority', 'high'], ['back', '/app/cases?tab=all'], ['confirm', '1']]);
    assert.equal(done.status, 303);
    assert.equal(done.location, '/app/cases?tab=all&done=2');
    for (const id of [ids.eevaCase, ids.olliCase]) assert.equal((await t.api(`/api/v1/cases/${id}`)).body.priority, 'high');

    const missing = await admin.post('/app/cases/bulk', [['id', ids.olliCase], ['action', 'close'], ['lang', 'en']]);
    assert.equal(missing.status, 400);
    assert.match(missing.text, /class="error-summary"/);
    assert.match(missing.text, /<a href="#bulk-reason">Fill in this field.<\/a>/);
    assert.match(missing.text, /id="bulk-reason"[^>]*aria-invalid="true"/);
    assert.match(missing.text, /<a href="#bulk-rootCauseCode">Choose a root cause to close the case.<\/a>/);
    assert.match(missing.text, /<a href="#bulk-recoveryOutcome">Choose how the customer relationship recovered.<\/a>/);
    assert.equal((await t.api('/api/v1/root-causes', { body: { code: 'queueing', labels: { en: 'Queueing' } } })).status, 201);
    const closed = await admin.post('/app/cases/bulk', [['id', ids.olliCase], ['action', 'close'], ['reason', 'Handled by phone'], ['rootCauseCode', 'queueing'], ['recoveryOutcome', 'partly'], ['confirm', '1']]);
    assert.equal(closed.status, 303);
    const after = (await t.api(`/api/v1/cases/${ids.olliCase}`)).body;
    assert.equal(after.status, 'closed');
    assert.equal(after.resolution, 'Handled by phone');
    assert.equal(after.rootCauseCode, 'queueing');
    assert.equal(after.recoveryOutcome, 'partly');
    assert.equal((await admin.post('/app/cases/bulk', [['action', 'priority'], ['priority', 'low'], ['lang', 'en']])).status, 400);
  });

  test('case actions: a note, a status change needing a resolution, an assignment — shown on the timeline', async () => {
    const empty = await admin.post(`/app/cases/${ids.eevaCase}/note`, { text: '', lang: 'en' });
    assert.equal(empty.status, 400);
    assert.match(empty.text, /<a href="#text">Fill in this field.<\/a>/);
    const noted = await admin.post(`/app/cases/${ids.eevaCase}/note`, { text: 'Called the customer back' });
    assert.equal(noted.status, 303);
    assert.equal(noted.location, `/app/cases/${ids.eevaCase}?done=noted`);
    assert.equal((await admin.post(`/app/cases/${ids.eevaCase}/status`, { status: 'in_progress' })).status, 303);
    const unresolved = await admin.post(`/app/cases/${ids.eevaCase}/status`, { status: 'resolved', lang: 'en' });
    assert.equal(unresolved.status, 400);
    assert.match(unresolved.text, /Write the resolution to resolve the case/);
    const wrong = await admin.post(`/app/cases/${ids.eevaCase}/status`, { status: 'closed', lang: 'en' });
    assert.equal(wrong.status, 400, 'a transition the case does not allow');
    const eevaId = (await t.db.query<{ id: string }>(`select id from users where email = 'eeva@example.com'`))[0].id;
    assert.equal((await admin.post(`/app/cases/${ids.eevaCase}/assign`, { ownerUserId: eevaId })).status, 303);
    const page = await admin.get(`/app/cases/${ids.eevaCase}?lang=en&done=noted`);
    assert.match(page.text, /The note was added/);
    assert.match(page.text, /Called the customer back/);
    assert.match(page.text, /Status: New → In progress/);
    assert.match(page.text, /Assigned to Eeva/);
    // Now Eeva's own: the Mine tab shows it.
    assert.match((await eeva.get('/app/cases?tab=mine')).text, /Queue complaint for Eeva/);
    // No SMTP here: sending the follow-up fails with the reason at the message field, not a crash.
    const mail = await admin.post(`/app/cases/${ids.eevaCase}/follow-up`, { message: 'Sorry about the wait', lang: 'en' });
    assert.equal(mail.status, 400);
    assert.match(mail.text, /<a href="#message">/);
  });
});
