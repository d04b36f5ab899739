/**
 * The contacts pages over HTTP: who may open them, search and filters (the expected rows worked
 * out from the contacts stored below), paging, bad filters answering 400 at the field, and one
 * contact's page with their answers, cases and consent; another organisation's contact is 404.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { newOrg, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { createUser } from '../auth/service.ts';
import { upsertContactBatch } from '../contacts/service.ts';

describe('contacts pages', () => {
  let t: TestApp;
  let admin: PageClient;
  const people = Array.from({ length: 60 }, (_, i) => ({
    externalId: `c-${String(i).padStart(3, '0')}`, name: `Person ${i}`, email: `p${i}@example.com`, language: i % 2 ? 'fi' : 'en',
    segment: i % 3 === 0 ? 'Gold' : 'Basic', persona: i % 4 === 0 ? 'Family' : null,
    consent: i % 5 === 0 ? { withdrawnAt: '2026-01-01T00:00:00Z' } : { surveyEmail: true, surveySms: i % 2 === 0 },
  }));

  before(async () => {
    t = await startTestApp();
    await upsertContactBatch(t.db, t.orgId, people);
    for (const role of ['analyst', 'unit_manager', 'frontline', 'viewer'] as const) {
      await createUser(t.db, t.orgId, { email: `${role}@example.com`, name: `Person ${role}`, role, unitId: null, password: 'correct horse battery' }).catch(() => undefined);
    }
    admin = pageClient(t, await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`));
  });
  after(() => t.close());

  const names = (text: string) => [...text.matchAll(/<th scope="row"><a href="\/app\/contacts\/[0-9a-f-]+">([^<]+)<\/a>/g)].map((m) => m[1]);

  test('only roles with the contacts permission open the pages and see the menu entry', async () => {
    const analyst = pageClient(t, await sessionCookie(t, 'analyst@example.com'));
    assert.equal((await analyst.get('/app/contacts?lang=en')).status, 200);
    assert.match((await analyst.get('/app/contacts?lang=en')).text, /<a href="\/app\/contacts" aria-current="page">Contacts<\/a>/);
    for (const role of ['viewer']) {
      const client = pageClient(t, await sessionCookie(t, `${role}@example.com`));
      assert.equal((await client.get('/app/contacts')).status, 403, role);
      assert.doesNotMatch((await client.get('/app/praise')).text, /href="\/app\/contacts"/, role);
    }
    assert.equal((await pageClient(t, null).get('/app/contacts')).status, 303);
  });

  test('search, filters and pages give the contacts the data says they should', async () => {
    const first = await admin.get('/app/contacts?lang=en');
    assert.equal(first.status, 200);
    assert.equal(names(first.text).length, 50);
    const next = first.text.match(/href="(\/app\/contacts\?after=[0-9a-f-]+)"/);
    assert.ok(next, 'a next-page link');
    assert.equal(names((await admin.get(next[1].replaceAll('&amp;', '&'))).text).length, 10);

    const expect = (f: (p: (typeof people)[number], i: number) => boolean) => people.filter(f).map((p) => p.name).sort();
    const got = async (query: string) => names((await admin.get(`/app/contacts?lang=en&${query}`)).text).sort();
    assert.deepEqual(await got('segment=Gold'), expect((_, i) => i % 3 === 0));
    assert.deepEqual(await got('persona=Family&segment=Gold'), expect((_, i) => i % 4 === 0 && i % 3 === 0));
    assert.deepEqual(await got('consent=withdrawn'), expect((_, i) => i % 5 === 0));
    assert.deepEqual(await got('consent=sms'), expect((_, i) => i % 5 !== 0 && i % 2 === 0));
    assert.deepEqual(await got('q=p1%40'), expect((p) => p.email.startsWith('p1@')));
    assert.deepEqual(await got('q=PERSON+42'), ['Person 42']);
    const empty = await admin.get('/app/contacts?lang=en&q=nobody-here');
    assert.match(empty.text, /No contacts match the filters/);
  });

  test('bad filters answer 400 with the field named next to it', async () => {
    const bad = await admin.get('/app/contacts?lang=en&consent=maybe&cohort=9');
    assert.equal(bad.status, 400);
    assert.match(bad.text, /id="consent-error"/);
    assert.match(bad.text, /id="cohort-error"/);
    assert.match(bad.text, /<select id="consent" name="consent" aria-describedby="consent-error" aria-invalid="true">/);
  });

  test('a contact’s page: details, consent, answers and cases; another organisation’s is 404', async () => {
    const [row] = await t.db.query<{ id: string }>(`select id from contacts where org_id = $1 and external_id = 'c-005'`, [t.orgId]);
    const surveyId = randomUUID();
    await t.db.query(`insert into surveys (org_id, id, name, kind, default_language, languages, texts) values ($1, $2, 'Spring pulse', 'pulse', 'en', '{en}', '{}')`, [t.orgId, surveyId]);
    await t.db.query(`insert into responses (org_id, id, survey_id, contact_id, language, source, submitted_at) values ($1, $2, $3, $4, 'en', 'api', '2026-03-02T10:00:00Z')`, [t.orgId, randomUUID(), surveyId, row.id]);
    await t.db.query(`insert into cases (org_id, id, title, status, contact_id) values ($1, $2, 'Late delivery', 'in_progress', $3)`, [t.orgId, randomUUID(), row.id]);
    const res = await admin.get(`/app/contacts/${row.id}?lang=en`);
    assert.equal(res.status, 200);
    assert.match(res.text, /<h1>Person 5<\/h1>/);
    assert.match(res.text, /Spring pulse/);
    assert.match(res.text, /Late delivery<\/a> – In progress/);
    assert.match(res.text, /<dt>Withdrawn<\/dt>/);
    const other = await newOrg(t.db, 'Other');
    const [foreign] = await upsertContactBatch(t.db, other.orgId, [{ externalId: 'x-1', name: 'Foreign' }]);
    assert.equal((await admin.get(`/app/contacts/${foreign.id}?lang=en`)).status, 404);
    assert.equal((await admin.get('/app/contacts/not-a-uuid?lang=en')).status, 404);
  });
});
