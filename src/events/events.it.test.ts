import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint } from '../../test/helpers/factories.ts';
import { eventsReceivedAfter } from './service.ts';

describe('touchpoint events API', () => {
  let t: TestApp;
  let touchpointId: string;
  let unitId: string;
  let contactId: string;
  let employeeId: string;
  let employeeUnitId: string;
  const count = async () => (await t.db.query<{ n: number }>(`select count(*)::int as n from touchpoint_events where org_id = $1`, [t.orgId]))[0].n;

  before(async () => {
    t = await startTestApp();
    ({ touchpointId, unitId } = await journeyWithTouchpoint(t));
    employeeUnitId = (await t.api('/api/v1/units', { body: { name: 'Store Tampere' } })).body.id;
    employeeId = (await t.api('/api/v1/employees', { body: { name: 'Sanna Virtanen', unitId: employeeUnitId, externalId: 'EMP-1' } })).body.id;
    contactId = (await t.api('/api/v1/contacts/by-external-id/AS-1', { method: 'PUT', body: { email: 'as1@example.com' } })).body.id;
    await t.api('/api/v1/contacts/by-external-id/AS-2', { method: 'PUT', body: {} });
  });
  after(async () => { await t.close(); });

  test('one event: 201, stored with the contact resolved from its external id and the unit filled in', async () => {
    const res = await t.api('/api/v1/events', { body: {
      touchpointId, contactExternalId: 'AS-1', employeeId, occurredAt: '2026-03-02T09:15:00+02:00', attributes: { ticket: 'T-4711', minutes: 12 },
    } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.created, true);
    const [row] = await t.db.query<Record<string, unknown>>(
      `select touchpoint_id, contact_id, employee_id, unit_id, occurred_at, attributes, idempotency_key from touchpoint_events where org_id = $1 and id = $2`, [t.orgId, res.body.id]);
    assert.deepEqual(row, {
      touchpoint_id: touchpointId, contact_id: contactId, employee_id: employeeId, unit_id: employeeUnitId,
      occurred_at: new Date('2026-03-02T07:15:00Z'), attributes: { ticket: 'T-4711', minutes: 12 }, idempotency_key: null,
    });
    const plain = await t.api('/api/v1/events', { body: { touchpointId, contactId } });
    assert.equal(plain.status, 201);
    const [unit] = await t.db.query<{ unit_id: string }>(`select unit_id from touchpoint_events where org_id = $1 and id = $2`, [t.orgId, plain.body.id]);
    assert.equal(unit.unit_id, unitId, "without employee or unit: the touchpoint's owner unit");
  });

  test('duplicate delivery with the same Idempotency-Key: 200 with the same id, one row', async () => {
    const before = await count();
    const body = { touchpointId, contactId, occurredAt: '2026-03-02T10:00:00Z' };
    const first = await t.api('/api/v1/events', { body, headers: { 'idempotency-key': 'pos-receipt-1' } });
    const second = await t.api('/api/v1/events', { body, headers: { 'idempotency-key': 'pos-receipt-1' } });
    const asField = await t.api('/api/v1/events', { body: { ...body, idempotencyKey: 'pos-receipt-1' } });
    assert.deepEqual([first.status, second.status, asField.status], [201, 200, 200]);
    assert.equal(second.body.id, first.body.id);
    assert.equal(asField.body.id, first.body.id);
    assert.equal(await count(), before + 1);
    const clash = await t.api('/api/v1/events', { body: { ...body, idempotencyKey: 'a' }, headers: { 'idempotency-key': 'b' } });
    assert.equal(clash.status, 400);
    assert.equal(clash.body.field, 'idempotencyKey');
  });

  test('unknown references and malformed events: 400 naming the field, nothing stored', async () => {
    const before = await count();
    const missing = '0190a000-0000-7000-8000-000000000099';
    const cases: Array<[unknown, string]> = [
      [{ touchpointId: missing, contactId }, 'touchpointId'],
      [{ touchpointId, contactId: missing }, 'contactId'],
      [{ touchpointId, contactExternalId: 'NO-SUCH' }, 'contactExternalId'],
      [{ touchpointId, contactId, employeeId: missing }, 'employeeId'],
      [{ touchpointId, contactId, unitId: missing }, 'unitId'],
      [{ touchpointId }, 'contactId'],
      [{ touchpointId, contactId, contactExternalId: 'AS-1' }, 'contactExternalId'],
      [{ touchpointId: 'not-a-uuid', contactId }, 'touchpointId'],
      [{ touchpointId, contactId, occurredAt: 'yesterday' }, 'occurredAt'],
      [{ touchpointId, contactId, occurredAt: '2099-01-01T00:00:00Z' }, 'occurredAt'],
      [{ touchpointId, contactId, attributes: 'vip' }, 'attributes'],
      [{ touchpointId, contactId, attributes: { blob: 'x'.repeat(9000) } }, 'attributes'],
      [{ touchpointId, contactId, channel: 'sms' }, 'channel'],
    ];
    for (const [body, field] of cases) {
      const res = await t.api('/api/v1/events', { body });
      assert.equal(res.status, 400, `${JSON.stringify(body).slice(0, 100)} → ${res.status}`);
      assert.equal(res.body.field, field, JSON.stringify(res.body));
    }
    const notJson = await t.api('/api/v1/events', { body: '{"touchpointId": ', headers: { 'content-type': 'application/json' } });
    assert.equal(notJson.status, 400);
    assert.equal(await count(), before);
  });

  test('another organisation cannot refer to these contacts or touchpoints, nor see the events', async () => {
    const other = await newOrg(t.db, 'Other');
    const res = await t.api('/api/v1/events', { key: other.apiKey, body: { touchpointId, contactId } });
    assert.equal(res.status, 400);
    assert.equal(res.body.field, 'touchpointId');
    const list = await t.api('/api/v1/events', { key: other.apiKey });
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.items, []);
  });

  test('batch: idempotent per item, atomic on an unknown reference', async () => {
    const before = await count();
    const events = [
      { touchpointId, contactExternalId: 'AS-1', idempotencyKey: 'crm-1' },
      { touchpointId, contactExternalId: 'AS-2', idempotencyKey: 'crm-2' },
      { touchpointId, contactExternalId: 'AS-2', idempotencyKey: 'crm-2' },
      { touchpointId, contactId, idempotencyKey: 'pos-receipt-1' },
    ];
    const res = await t.api('/api/v1/events/batch', { body: { events } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual([res.body.created, res.body.duplicates], [2, 2]);
    assert.equal(res.body.items[2].id, res.body.items[1].id, 'the same key twice in one batch is one event');
    assert.equal(await count(), before + 2);
    const again = await t.api('/api/v1/events/batch', { body: { events } });
    assert.deepEqual([again.body.created, again.body.duplicates], [0, 4]);
    assert.deepEqual(again.body.items.map((i: { id: string }) => i.id), res.body.items.map((i: { id: string }) => i.id));

    const bad = await t.api('/api/v1/events/batch', { body: { events: [
      { touchpointId, contactId, idempotencyKey: 'crm-3' },
      { touchpointId, contactExternalId: 'AS-404', idempotencyKey: 'crm-4' },
    ] } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.field, 'events[1].contactExternalId');
    assert.equal(await count(), before + 2, 'the valid event of a refused batch is not stored');
    const tooMany = await t.api('/api/v1/events/batch', { body: { events: Array.from({ length: 1001 }, () => ({ touchpointId, contactId })) } });
    assert.equal(tooMany.status, 400);
  });

  test('list: newest received first, filters and cursor pages; the watermark read is oldest first', async () => {
    const total = await count();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } =
        await t.api(`/api/v1/events?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(res.status, 200);
      seen.push(...res.body.items.map((e) => e.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total);
    const ascending = await eventsReceivedAfter(t.db, t.orgId, null, 100);
    assert.deepEqual(ascending.map((e) => e.id), [...seen].reverse());
    const afterFirst = await eventsReceivedAfter(t.db, t.orgId, ascending[0].id, 100);
    assert.deepEqual(afterFirst.map((e) => e.id), ascending.slice(1).map((e) => e.id));

    const mine = await t.api(`/api/v1/events?contactId=${contactId}&from=2026-03-02T07:00:00Z&to=2026-03-02T08:00:00Z`);
    assert.equal(mine.body.items.length, 1);
    assert.equal(mine.body.items[0].contactExternalId, 'AS-1');
    assert.deepEqual(mine.body.items[0].attributes, { ticket: 'T-4711', minutes: 12 });
  });

  test('deleting a contact deletes its events', async () => {
    const contact = await t.api('/api/v1/contacts/by-external-id/GONE-1', { method: 'PUT', body: {} });
    await t.api('/api/v1/events', { body: { touchpointId, contactId: contact.body.id } });
    assert.equal((await t.api(`/api/v1/events?contactId=${contact.body.id}`)).body.items.length, 1);
    assert.equal((await t.api(`/api/v1/contacts/${contact.body.id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await t.api(`/api/v1/events?contactId=${contact.body.id}`)).body.items.length, 0);
  });
});
