import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { pulseSurvey } from '../../test/helpers/factories.ts';
import { createApiKey } from './service.ts';

/**
 * API-key scopes through the permissions table: read reads, write ingests, admin does both and
 * manages the organisation. Expected outcomes are written out by hand, not read from the table.
 */
describe('API key scopes', () => {
  let t: TestApp;
  let surveyId: string;
  const keys: Record<string, string> = {};

  before(async () => {
    t = await startTestApp();
    surveyId = (await t.api('/api/v1/surveys', { body: pulseSurvey() })).body.id;
    for (const scopes of [['read'], ['write'], ['admin'], ['read', 'write']] as const) {
      keys[scopes.join('+')] = (await createApiKey(t.db, t.orgId, scopes.join('+'), [...scopes])).key;
    }
  });
  after(() => t.close());

  const attempts = {
    'list journeys': (key: string) => t.api('/api/v1/journeys', { key }),
    'read metrics': (key: string) => t.api('/api/v1/metrics/nps', { key }),
    'read responses over OData': (key: string) => t.api('/odata/v4/Responses', { key }),
    'store a response': (key: string) => t.api('/api/v1/responses', { key, body: { surveyId, answers: [{ question: 'nps', value: 9 }] } }),
    'create a journey': (key: string) => t.api('/api/v1/journeys', { key, body: { name: 'By key' } }),
    'create an API key': (key: string) => t.api('/api/v1/api-keys', { key, body: { name: 'child', scopes: ['read'] } }),
  } as const;
  type Attempt = keyof typeof attempts;
  const allowed: Record<string, Attempt[]> = {
    read: ['list journeys', 'read metrics', 'read responses over OData'],
    write: ['store a response'],
    admin: ['list journeys', 'read metrics', 'read responses over OData', 'store a response', 'create a journey', 'create an API key'],
    'read+write': ['list journeys', 'read metrics', 'read responses over OData', 'store a response'],
  };

  for (const [scopes, permitted] of Object.entries(allowed)) {
    test(`a key with scope ${scopes} may ${permitted.join(', ')} and nothing else`, async () => {
      for (const [name, attempt] of Object.entries(attempts) as Array<[Attempt, (key: string) => Promise<{ status: number; body: any }>]>) {
        const res = await attempt(keys[scopes]);
        if (permitted.includes(name)) assert.ok(res.status < 300, `${scopes}: ${name} → ${res.status} ${JSON.stringify(res.body)}`);
        else {
          assert.equal(res.status, 403, `${scopes}: ${name} → ${res.status}`);
          assert.match(JSON.stringify(res.body), /does not allow \w+:\w+/);
        }
      }
    });
  }

  test('keys are created only with known scopes, and a revoked key stops working at once', async () => {
    const bad = await t.api('/api/v1/api-keys', { body: { name: 'x', scopes: ['superuser'] } });
    assert.equal(bad.status, 400);
    assert.equal((await t.api('/api/v1/api-keys', { body: { name: 'x', scopes: [] } })).status, 400);
    await assert.rejects(t.db.query(`insert into api_keys (org_id, name, key_hash, scopes) values ($1, 'raw', 'h', '{root}')`, [t.orgId]), /api_keys_scopes_known/);

    const created = await t.api('/api/v1/api-keys', { body: { name: 'temporary', scopes: ['read'] } });
    assert.equal(created.status, 201);
    assert.equal((await t.api('/api/v1/journeys', { key: created.body.key })).status, 200);
    assert.equal((await t.api(`/api/v1/api-keys/${created.body.id}`, { method: 'DELETE' })).status, 204);
    const revoked = await t.api('/api/v1/journeys', { key: created.body.key });
    assert.equal(revoked.status, 401);
  });
});
