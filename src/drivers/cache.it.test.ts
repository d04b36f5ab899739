import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, signInAs, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser } from '../auth/service.ts';
import { createUnit } from '../orgs/service.ts';
import { DriverResultCache, driverResultCache } from './cache.ts';

const texts = (fi: string) => ({ fi, en: fi });
const surveyBody = {
  name: 'Cache', kind: 'strategic', defaultLanguage: 'fi', languages: ['fi', 'en'], title: texts('Cache'),
  questions: [
    { key: 'nps', type: 'nps', required: true, text: texts('Recommend?') },
    { key: 'speed', type: 'likert7', isDriver: true, text: texts('speed') },
    { key: 'staff', type: 'likert7', isDriver: true, text: texts('staff') },
  ],
};
/** 40 respondents with fixed, varied answers (no randomness). */
const responses = (surveyId: string, unitId: string) => Array.from({ length: 40 }, (_, i) => ({
  surveyId, unitId,
  answers: [
    { question: 'speed', value: 1 + (i % 7) },
    { question: 'staff', value: 1 + ((i * 3) % 7) },
    { question: 'nps', value: Math.min(10, Math.round((i % 7) + ((i * 3) % 7) / 2)) },
  ],
}));

describe('driver result cache: exact hits, invalidated by data changes, never shared across organisations or scopes', () => {
  let t: TestApp;
  let surveyId: string;
  let unitId: string;
  const url = () => `/api/v1/drivers?surveyId=${surveyId}&target=nps&method=shapley&bootstrap=20`;
  /** Misses and hits caused by `work`. */
  async function counted(work: () => Promise<unknown>) {
    const before = driverResultCache.stats();
    await work();
    const after = driverResultCache.stats();
    return { misses: after.misses - before.misses, hits: after.hits - before.hits };
  }

  before(async () => {
    t = await startTestApp();
    unitId = await createUnit(t.db, t.orgId, { name: 'North', kind: 'region' });
    await createUser(t.db, t.orgId, { email: 'cache-manager@example.com', name: 'M', role: 'unit_manager', unitId, password: 'manager-pass-1' });
    const created = await t.api('/api/v1/surveys', { body: surveyBody });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    surveyId = created.body.id;
    const res = await t.api('/api/v1/responses/batch', { body: { responses: responses(surveyId, unitId) } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  });
  after(() => t.close());

  test('the second identical request is served from the cache, with the same body', async () => {
    let first: any;
    let second: any;
    assert.deepEqual(await counted(async () => { first = await t.api(url()); }), { misses: 1, hits: 0 });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(await counted(async () => { second = await t.api(url()); }), { misses: 0, hits: 1 });
    assert.deepEqual(second.body, first.body);
    // Another parameter (here the seed or a filter) is another entry.
    assert.deepEqual(await counted(() => t.api(`${url()}&seed=2`)), { misses: 1, hits: 0 });
    assert.deepEqual(await counted(() => t.api(`${url()}&channel=web`)).then((c) => c.hits), 0);
  });

  test('a new response, an edited answer and a deleted response each invalidate the cached result', async () => {
    const before = (await t.api(url())).body;
    const added = await t.api('/api/v1/responses/batch', { body: { responses: responses(surveyId, unitId).slice(0, 1) } });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    let res: any;
    assert.deepEqual(await counted(async () => { res = await t.api(url()); }), { misses: 1, hits: 0 });
    assert.equal(res.body.respondents, before.respondents + 1);

    // An edit that keeps the number of respondents (written by another process, say) is seen too.
    await t.db.query(`update answers set number = 7 where org_id = $1 and number = 1
                        and question_id = (select id from questions where survey_id = $2 and key = 'speed')`, [t.orgId, surveyId]);
    assert.deepEqual(await counted(async () => { res = await t.api(url()); }), { misses: 1, hits: 0 });
    assert.equal(res.body.respondents, before.respondents + 1);
    assert.notDeepEqual(res.body.attributes, before.attributes);

    const one = await t.db.query<{ id: string }>('select id from responses where org_id = $1 order by id limit 1', [t.orgId]);
    await t.db.query('delete from answers where org_id = $1 and response_id = $2', [t.orgId, one[0].id]);
    await t.db.query('delete from responses where org_id = $1 and id = $2', [t.orgId, one[0].id]);
    assert.deepEqual(await counted(async () => { res = await t.api(url()); }), { misses: 1, hits: 0 });
    assert.equal(res.body.respondents, before.respondents);
  });

  test('another organisation with identical data, and a unit manager seeing the same rows, get their own entries', async () => {
    await t.api(url());
    const other = await newOrg(t.db, 'Other');
    const created = await t.api('/api/v1/surveys', { body: surveyBody, key: other.apiKey });
    const otherUnit = await createUnit(t.db, other.orgId, { name: 'North', kind: 'region' });
    await t.api('/api/v1/responses/batch', { body: { responses: responses(created.body.id, otherUnit) }, key: other.apiKey });
    const otherUrl = `/api/v1/drivers?surveyId=${created.body.id}&target=nps&method=shapley&bootstrap=20`;
    assert.deepEqual(await counted(() => t.api(otherUrl, { key: other.apiKey })), { misses: 1, hits: 0 });

    const manager = await signInAs(t, 'cache-manager@example.com', 'manager-pass-1');
    let res: any;
    assert.deepEqual(await counted(async () => { res = await manager(url()); }), { misses: 1, hits: 0 });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(await counted(() => manager(url())), { misses: 0, hits: 1 });
  });

  test('the LRU keeps at most maxEntries results, dropping the least recently used', () => {
    const cache = new DriverResultCache(2);
    const key = (i: number) => DriverResultCache.key({ i }, [Float64Array.of(i)]);
    cache.get(key(1), () => 1);
    cache.get(key(2), () => 2);
    cache.get(key(1), () => -1); // hit: 1 becomes the most recent
    cache.get(key(3), () => 3); // drops 2
    assert.equal(cache.get(key(1), () => -1), 1);
    assert.equal(cache.get(key(2), () => 22), 22);
    assert.deepEqual(cache.stats(), { hits: 2, misses: 4, size: 2 });
    assert.notEqual(DriverResultCache.key({}, [Float64Array.of(1, 2)]), DriverResultCache.key({}, [Float64Array.of(1), Float64Array.of(2)]));
  });
});
