/**
 * The root-cause page over HTTP: a new organisation's case page says where causes are added (a
 * link for those who may), an admin adds, renames, retires and brings back causes with errors
 * at the field they name (nothing stored), a retired cause cannot be chosen but the closed case
 * keeps it, and roles without rules:manage are refused.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, shortPulse } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { createUser } from '../auth/service.ts';

describe('root-cause page', () => {
  let t: TestApp;
  let admin: PageClient;
  let manager: PageClient;
  let frontline: PageClient;
  let caseId = '';
  let otherCaseId = '';
  const causes = async () => t.db.query<{ code: string; labels: Record<string, string>; active: boolean }>(
    `select code, labels, active from root_cause_codes where org_id = $1 order by code`, [t.orgId]);

  before(async () => {
    t = await startTestApp();
    const tp = await journeyWithTouchpoint(t);
    await createUser(t.db, t.orgId, { email: 'mari@example.com', name: 'Mari', role: 'unit_manager', unitId: tp.unitId, language: 'en', password: 'correct horse battery' });
    await createUser(t.db, t.orgId, { email: 'eeva@example.com', name: 'Eeva', role: 'frontline', unitId: tp.unitId, language: 'en', password: 'correct horse battery' });
    const survey = await t.api('/api/v1/surveys', { body: { ...shortPulse(tp.touchpointId), status: 'active' } });
    const openCase = async (title: string) => {
      const response = await t.api('/api/v1/responses', { body: { surveyId: survey.body.id, touchpointId: tp.touchpointId, answers: [{ question: 'nps', value: 2 }] } });
      const opened = await t.api('/api/v1/cases', { body: { responseId: response.body.id, title } });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      return opened.body.id as string;
    };
    caseId = await openCase('Slow contract');
    otherCaseId = await openCase('Second case');
    admin = pageClient(t, await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`));
    manager = pageClient(t, await sessionCookie(t, 'mari@example.com'));
    frontline = pageClient(t, await sessionCookie(t, 'eeva@example.com'));
  });
  after(() => t.close());

  test('with no causes, the Close form says where they are added: a link for an admin, words for a unit manager', async () => {
    const forAdmin = await admin.get(`/app/cases/${caseId}?lang=en`);
    assert.equal(forAdmin.status, 200);
    assert.match(forAdmin.text, /<p id="no-root-causes">No root causes have been defined yet\. Add them under <a href="\/app\/setup\/root-causes">Set-up › Root causes<\/a>\.<\/p>/);
    assert.doesNotMatch(forAdmin.text, /id="rootCauseCode"/);
    const forManager = await manager.get(`/app/cases/${caseId}?lang=en`);
    assert.equal(forManager.status, 200);
    assert.match(forManager.text, /<p id="no-root-causes">No root causes have been defined yet; an administrator adds them under Set-up › Root causes\.<\/p>/);
    // The inbox's bulk close says the same beside its (empty) root-cause choice.
    const inbox = await admin.get('/app/cases?lang=en');
    assert.match(inbox.text, /<p class="muted hint" id="bulk-rootCauseCode-hint">No root causes have been defined yet; an administrator adds them under Set-up › Root causes\.<\/p>/);
    const list = await admin.get('/app/setup/root-causes?lang=en');
    assert.equal(list.status, 200);
    assert.match(list.text, /No root causes yet\./);
    const index = await admin.get('/app/setup?lang=en');
    assert.match(index.text, /<a href="\/app\/setup\/root-causes">Root causes<\/a>/);
  });

  test('an empty, too long or duplicate name is refused at its field with 400, nothing stored', async () => {
    const added = await admin.post('/app/setup/root-causes', { lang: 'en', 'name-en': 'Billing error', 'name-fi': 'Laskuvirhe' });
    assert.equal(added.status, 303);
    assert.equal(added.location, '/app/setup/root-causes?done=added');
    assert.deepEqual(await causes(), [{ code: 'billing-error', labels: { en: 'Billing error', fi: 'Laskuvirhe' }, active: true }]);

    const empty = await admin.post('/app/setup/root-causes', { lang: 'en', 'name-en': ' ', 'name-fi': '' });
    assert.equal(empty.status, 400);
    assert.match(empty.text, /<p class="error-message" id="name-en-error">Give a name in at least one language\.<\/p>/);
    assert.match(empty.text, /<li><a href="#name-en">Give a name in at least one language\.<\/a><\/li>/);
    assert.match(empty.text, /id="name-en" name="name-en"[^>]* aria-describedby="name-en-error" aria-invalid="true"/);

    const long = await admin.post('/app/setup/root-causes', { lang: 'en', 'name-sv': 'x'.repeat(101) });
    assert.equal(long.status, 400);
    assert.match(long.text, /id="name-sv-error">/);

    // Same name in English, other case and spaces.
    const same = await admin.post('/app/setup/root-causes', { lang: 'en', 'name-en': ' billing ERROR ' });
    assert.equal(same.status, 400);
    assert.match(same.text, /<p class="error-message" id="name-en-error">The root cause “billing ERROR” is already on the list\.<\/p>/);
    assert.match(same.text, /value="billing ERROR"/, 'the typed name is kept');
    // Only a Swedish name 'Laskuvirhe': a Finnish reader would see it twice, and the Swedish field is where it was typed.
    const shown = await admin.post('/app/setup/root-causes', { lang: 'en', 'name-sv': 'Laskuvirhe' });
    assert.equal(shown.status, 400);
    assert.match(shown.text, /id="name-sv-error">The root cause “Laskuvirhe” is already on the list\./);
    assert.equal((await causes()).length, 1);
  });

  test('rename: the form shows the names, saves new ones, and refuses another cause’s name', async () => {
    await admin.post('/app/setup/root-causes', { lang: 'en', 'name-en': 'Long queue' });
    const form = await admin.get('/app/setup/root-causes/billing-error?lang=en');
    assert.equal(form.status, 200);
    assert.match(form.text, /<h1>Edit: Billing error<\/h1>/);
    assert.match(form.text, /id="name-fi" name="name-fi" type="text" value="Laskuvirhe"/);

    const taken = await admin.post('/app/setup/root-causes/billing-error', { lang: 'en', 'name-en': 'Long Queue', 'name-fi': 'Laskuvirhe' });
    assert.equal(taken.status, 400);
    assert.match(taken.text, /id="name-en-error">The root cause “Long Queue” is already on the list\./);

    const renamed = await admin.post('/app/setup/root-causes/billing-error', { lang: 'en', 'name-en': 'Invoice error', 'name-fi': 'Laskuvirhe', 'name-pl': 'Błąd faktury' });
    assert.equal(renamed.status, 303);
    assert.equal(renamed.location, '/app/setup/root-causes?done=renamed');
    const emptied = await admin.post('/app/setup/root-causes/long-queue', { lang: 'en' });
    assert.equal(emptied.status, 400);
    assert.match(emptied.text, /id="name-en-error">Give a name in at least one language\./);
    assert.deepEqual(await causes(), [
      { code: 'billing-error', labels: { en: 'Invoice error', fi: 'Laskuvirhe', pl: 'Błąd faktury' }, active: true },
      { code: 'long-queue', labels: { en: 'Long queue' }, active: true },
    ]);
    const list = await admin.get('/app/setup/root-causes?lang=en&done=renamed');
    assert.match(list.text, /The name was saved\./);
    assert.match(list.text, /<tr><th scope="row">Invoice error<\/th><td>In use<\/td><td class="num">0<\/td>/);
    assert.equal((await admin.get('/app/setup/root-causes/no-such-cause?lang=en')).status, 404);
  });

  test('retire: not offered when closing, refused if posted; the closed case keeps its cause; bring back', async () => {
    const closed = await admin.post(`/app/cases/${caseId}/close`, { lang: 'en', rootCauseCode: 'long-queue', recoveryOutcome: 'recovered', resolution: 'Called back' });
    assert.equal(closed.status, 303);
    const retired = await admin.post('/app/setup/root-causes/long-queue/active', { lang: 'en', active: '0' });
    assert.equal(retired.status, 303);
    assert.equal(retired.location, '/app/setup/root-causes?done=retired');
    assert.equal((await causes()).find((c) => c.code === 'long-queue')?.active, false);
    const list = await admin.get('/app/setup/root-causes?lang=en&done=retired');
    assert.match(list.text, /The root cause was retired\./);
    assert.match(list.text, /<tr><th scope="row">Long queue<\/th><td>Retired<\/td><td class="num">1<\/td>/);
    assert.match(list.text, /Bring back into use<span class="visually-hidden"> Long queue<\/span>/);
    const kept = await admin.get(`/app/cases/${caseId}?lang=en`);
    assert.match(kept.text, /<dd id="root-cause">Long queue<\/dd>/);

    const page = await admin.get(`/app/cases/${otherCaseId}?lang=en`);
    assert.match(page.text, /<option value="billing-error">Invoice error<\/option>/);
    assert.doesNotMatch(page.text, /<option value="long-queue">/);
    const refused = await admin.post(`/app/cases/${otherCaseId}/close`, { lang: 'en', rootCauseCode: 'long-queue', recoveryOutcome: 'recovered', resolution: 'Called back' });
    assert.equal(refused.status, 400);
    assert.match(refused.text, /id="rootCauseCode-error">Choose a root cause to close the case\./);

    const back = await admin.post('/app/setup/root-causes/long-queue/active', { lang: 'en', active: '1' });
    assert.equal(back.location, '/app/setup/root-causes?done=restored');
    assert.equal((await causes()).find((c) => c.code === 'long-queue')?.active, true);
  });

  test('roles without rules:manage are refused (403) and change nothing', async () => {
    for (const client of [manager, frontline]) {
      assert.equal((await client.get('/app/setup/root-causes?lang=en')).status, 403);
      assert.equal((await client.get('/app/setup/root-causes/billing-error?lang=en')).status, 403);
      assert.equal((await client.post('/app/setup/root-causes', { 'name-en': 'Sneaky' })).status, 403);
      assert.equal((await client.post('/app/setup/root-causes/billing-error', { 'name-en': 'Sneaky' })).status, 403);
      assert.equal((await client.post('/app/setup/root-causes/billing-error/active', { active: '0' })).status, 403);
    }
    assert.deepEqual((await causes()).map((c) => [c.code, c.labels.en, c.active]), [['billing-error', 'Invoice error', true], ['long-queue', 'Long queue', true]]);
  });
});
