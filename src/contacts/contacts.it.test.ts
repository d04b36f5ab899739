import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { cohortOf } from './normalize.ts';

describe('contacts API', () => {
  let t: TestApp;
  const count = async () => (await t.db.query<{ n: number }>(`select count(*)::int as n from contacts where org_id = $1`, [t.orgId]))[0].n;

  before(async () => { t = await startTestApp(); });
  after(async () => { await t.close(); });

  test('PUT by external id creates (201), then updates (200) without touching the cohort', async () => {
    const created = await t.api('/api/v1/contacts/by-external-id/AS-1', {
      method: 'PUT',
      body: {
        email: 'Maija.Meikalainen@Example.FI', phone: '040 123 4567', name: 'Maija Meikäläinen', language: 'fi', segment: 'household',
        persona: 'Kerrostaloasuja', timeZone: 'Europe/Helsinki', consent: { surveyEmail: true },
        attributes: { city: 'Tampere' }, operational: { revenue: 1234.5, tenureMonths: 26, plan: 'spot' },
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.externalId, 'AS-1');
    assert.equal(created.body.email, 'Maija.Meikalainen@example.fi');
    assert.equal(created.body.phone, '+358401234567');
    assert.equal(created.body.timeZone, 'Europe/Helsinki');
    assert.deepEqual(created.body.consent, { surveyEmail: true, surveySms: false, withdrawnAt: null });
    assert.deepEqual(created.body.operational, { revenue: 1234.5, tenureMonths: 26, plan: 'spot' });
    assert.equal(created.body.cohort, cohortOf(t.orgId, 'AS-1'));

    const updated = await t.api('/api/v1/contacts/by-external-id/AS-1', { method: 'PUT', body: { segment: 'vip', phone: null } });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.id, created.body.id);
    assert.equal(updated.body.segment, 'vip');
    assert.equal(updated.body.phone, null, 'null clears a field');
    assert.equal(updated.body.email, 'Maija.Meikalainen@example.fi', 'omitted fields stay');
    assert.equal(updated.body.cohort, created.body.cohort);
    assert.equal(await count(), 1);
  });

  test('withdrawing the last consent records when; giving consent again clears it', async () => {
    const contact = await t.api('/api/v1/contacts/by-external-id/AS-2', { method: 'PUT', body: { consent: { surveyEmail: true, surveySms: true } } });
    const smsOff = await t.api(`/api/v1/contacts/${contact.body.id}`, { method: 'PATCH', body: { consent: { surveySms: false } } });
    assert.deepEqual(smsOff.body.consent, { surveyEmail: true, surveySms: false, withdrawnAt: null });
    const before = Date.now();
    const allOff = await t.api(`/api/v1/contacts/${contact.body.id}`, { method: 'PATCH', body: { consent: { surveyEmail: false } } });
    assert.equal(allOff.body.consent.surveyEmail, false);
    const withdrawnAt = Date.parse(allOff.body.consent.withdrawnAt);
    assert.ok(withdrawnAt >= before - 1000 && withdrawnAt <= Date.now() + 1000);
    const again = await t.api(`/api/v1/contacts/${contact.body.id}`, { method: 'PATCH', body: { consent: { surveyEmail: true } } });
    assert.deepEqual(again.body.consent, { surveyEmail: true, surveySms: false, withdrawnAt: null });
    const explicit = await t.api(`/api/v1/contacts/${contact.body.id}`, { method: 'PATCH', body: { consent: { withdrawnAt: '2026-01-15T08:00:00Z' } } });
    assert.deepEqual(explicit.body.consent, { surveyEmail: false, surveySms: false, withdrawnAt: '2026-01-15T08:00:00.000Z' });
  });

  test('bad input is refused naming the field, and nothing is stored', async () => {
    const before = await count();
    const cases: Array<[unknown, string]> = [
      [{ email: 'not-an-address' }, 'email'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ timeZone: '+02:00' }, 'timeZone'],
      [{ phone: '12345' }, 'phone'],
      [{ language: 'finnish' }, 'language'],
      [{ mood: 'happy' }, 'mood'],
      [{ segment: 5 }, 'segment'],
      [{ consent: { surveyEmail: 'yes' } }, 'consent.surveyEmail'],
      [{ consent: { surveyEmail: true, withdrawnAt: '2026-01-01T00:00:00Z' } }, 'consent.withdrawnAt'],
      [{ operational: { tenureMonths: 2.5 } }, 'operational.tenureMonths'],
      [{ operational: { nested: { a: 1 } } }, 'operational.nested'],
      [{ attributes: { blob: 'x'.repeat(17_000) } }, 'attributes'],
    ];
    for (const [body, field] of cases) {
      const res = await t.api('/api/v1/contacts/by-external-id/BAD-1', { method: 'PUT', body });
      assert.equal(res.status, 400, `${JSON.stringify(body).slice(0, 80)} → ${res.status}`);
      assert.equal(res.body.field, field, JSON.stringify(res.body));
    }
    assert.equal(await count(), before);
  });

  test('batch upserts atomically and names every invalid item as contacts[i].field', async () => {
    const ok = await t.api('/api/v1/contacts/batch', { body: { contacts: [
      { externalId: 'B-1', email: 'b1@example.com', segment: 'business' },
      { externalId: 'B-2', email: 'b2@example.com', segment: 'business' },
      { externalId: 'AS-1', segment: 'household' },
    ] } });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual([ok.body.created, ok.body.updated, ok.body.unchanged], [2, 1, 0]);
    assert.deepEqual(ok.body.items.map((i: { externalId: string; outcome: string }) => `${i.externalId}:${i.outcome}`), ['B-1:created', 'B-2:created', 'AS-1:updated']);

    const again = await t.api('/api/v1/contacts/batch', { body: { contacts: [{ externalId: 'B-1', email: 'b1@example.com', segment: 'business' }] } });
    assert.deepEqual([again.body.created, again.body.updated, again.body.unchanged], [0, 0, 1]);

    const before = await count();
    const bad = await t.api('/api/v1/contacts/batch', { body: { contacts: [
      { externalId: 'B-3', email: 'b3@example.com' },
      { externalId: 'B-4', email: 'b4@@example.com' },
      { externalId: 'B-5', timeZone: 'Europe/Nowhere' },
    ] } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors.map((e: { field: string }) => e.field), ['contacts[1].email', 'contacts[2].timeZone']);
    assert.equal(bad.body.field, 'contacts[1].email');

    const wrongType = await t.api('/api/v1/contacts/batch', { body: { contacts: [{ externalId: 'B-6' }, { externalId: 'B-7', cohort: 2 }] } });
    assert.equal(wrongType.status, 400);
    assert.equal(wrongType.body.field, 'contacts[1].cohort');
    const duplicate = await t.api('/api/v1/contacts/batch', { body: { contacts: [{ externalId: 'B-8' }, { externalId: 'B-8' }] } });
    assert.equal(duplicate.status, 400);
    assert.equal(duplicate.body.field, 'contacts[1].externalId');
    assert.equal(await count(), before, 'nothing of a refused batch is stored');

    const tooMany = await t.api('/api/v1/contacts/batch', { body: { contacts: Array.from({ length: 1001 }, (_, i) => ({ externalId: `X-${i}` })) } });
    assert.equal(tooMany.status, 400);
  });

  test('list: filters, search by external id or e-mail, cursor pagination', async () => {
    const page1 = await t.api('/api/v1/contacts?segment=business&limit=1');
    assert.equal(page1.status, 200);
    assert.equal(page1.body.items.length, 1);
    assert.ok(page1.body.nextCursor);
    const page2 = await t.api(`/api/v1/contacts?segment=business&limit=1&cursor=${page1.body.nextCursor}`);
    assert.equal(page2.body.items.length, 1);
    assert.equal(page2.body.nextCursor, null);
    assert.deepEqual([page1.body.items[0].externalId, page2.body.items[0].externalId].sort(), ['B-1', 'B-2']);

    const byEmail = await t.api('/api/v1/contacts?search=B2@EXAMPLE.COM');
    assert.deepEqual(byEmail.body.items.map((c: { externalId: string }) => c.externalId), ['B-2']);
    const byExternal = await t.api('/api/v1/contacts?search=AS-1');
    assert.deepEqual(byExternal.body.items.map((c: { externalId: string }) => c.externalId), ['AS-1']);
    const cohort = cohortOf(t.orgId, 'B-1');
    const byCohort = await t.api(`/api/v1/contacts?cohort=${cohort}&segment=business`);
    assert.ok(byCohort.body.items.some((c: { externalId: string }) => c.externalId === 'B-1'));
    assert.ok(byCohort.body.items.every((c: { cohort: number }) => c.cohort === cohort));
    assert.equal((await t.api('/api/v1/contacts?cohort=4')).status, 400);
    assert.equal((await t.api('/api/v1/contacts?cursor=bogus')).status, 400);
    assert.equal((await t.api('/api/v1/contacts?language=fi')).body.items.length, 1);
  });

  test('PATCH changes the external id but never the cohort; a taken external id is a conflict', async () => {
    const b1 = (await t.api('/api/v1/contacts?search=B-1')).body.items[0];
    const renamed = await t.api(`/api/v1/contacts/${b1.id}`, { method: 'PATCH', body: { externalId: 'B-1-new' } });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.externalId, 'B-1-new');
    assert.equal(renamed.body.cohort, b1.cohort);
    const taken = await t.api(`/api/v1/contacts/${b1.id}`, { method: 'PATCH', body: { externalId: 'B-2' } });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.field, 'externalId');
    assert.equal((await t.api(`/api/v1/contacts/${b1.id}`, { method: 'PATCH', body: { email: 'nope' } })).body.field, 'email');
  });

  test('DELETE: 204, then 404; a contact with responses is kept (409)', async () => {
    const doomed = await t.api('/api/v1/contacts/by-external-id/DEL-1', { method: 'PUT', body: {} });
    assert.equal(doomed.status, 201);
    assert.equal((await t.api(`/api/v1/contacts/${doomed.body.id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await t.api(`/api/v1/contacts/${doomed.body.id}`)).status, 404);
    assert.equal((await t.api(`/api/v1/contacts/${doomed.body.id}`, { method: 'DELETE' })).status, 404);

    const answered = await t.api('/api/v1/contacts/by-external-id/DEL-2', { method: 'PUT', body: {} });
    await t.db.query(`insert into responses (org_id, id, survey_id, contact_id, language, source, submitted_at) values ($1, gen_random_uuid(), gen_random_uuid(), $2, 'fi', 'api', now())`,
      [t.orgId, answered.body.id]);
    const refused = await t.api(`/api/v1/contacts/${answered.body.id}`, { method: 'DELETE' });
    assert.equal(refused.status, 409);
    assert.equal((await t.api(`/api/v1/contacts/${answered.body.id}`)).status, 200);
  });

  test('another organisation can neither read, change nor delete these contacts', async () => {
    const other = await newOrg(t.db, 'Other');
    const as1 = (await t.api('/api/v1/contacts?search=AS-1')).body.items[0];
    const asOther = { key: other.apiKey };
    assert.equal((await t.api(`/api/v1/contacts/${as1.id}`, asOther)).status, 404);
    assert.equal((await t.api(`/api/v1/contacts/${as1.id}`, { ...asOther, method: 'PATCH', body: { name: 'Hijacked' } })).status, 404);
    assert.equal((await t.api(`/api/v1/contacts/${as1.id}`, { ...asOther, method: 'DELETE' })).status, 404);
    assert.deepEqual((await t.api('/api/v1/contacts?search=AS-1', asOther)).body.items, []);
    // The same external id in the other organisation is another contact.
    const theirs = await t.api('/api/v1/contacts/by-external-id/AS-1', { ...asOther, method: 'PUT', body: { name: 'Their AS-1' } });
    assert.equal(theirs.status, 201);
    assert.notEqual(theirs.body.id, as1.id);
    assert.equal((await t.api(`/api/v1/contacts/${as1.id}`)).body.name, 'Maija Meikäläinen');
  });

  test('a read-only API key cannot write contacts', async () => {
    const { createApiKey } = await import('../auth/service.ts');
    const readOnly = await createApiKey(t.db, t.orgId, 'reader', ['read']);
    assert.equal((await t.api('/api/v1/contacts', { key: readOnly.key })).status, 200);
    assert.equal((await t.api('/api/v1/contacts/by-external-id/RO-1', { key: readOnly.key, method: 'PUT', body: {} })).status, 403);
  });
});
