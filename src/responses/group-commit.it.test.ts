import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database, Queryable } from '../db/connection.ts';
import { testDatabase } from '../../test/helpers/db.ts';
import { newOrg } from '../../test/helpers/app.ts';
import { createSurvey } from '../surveys/service.ts';
import { ResponseWriter } from './group-commit.ts';
import { prepareResponse } from './service.ts';

describe('group-commit writer', () => {
  let db: Database;
  let orgId: string;
  let surveyId: string;
  before(async () => {
    db = await testDatabase();
    ({ orgId } = await newOrg(db));
    surveyId = (await createSurvey(db, orgId, { name: 'P', kind: 'pulse', defaultLanguage: 'en', languages: ['en'], title: { en: 'P' },
      questions: [{ key: 'nps', type: 'nps', required: true, why: false, text: { en: 'Recommend?' } }] })).id;
  });
  after(() => db.close());

  test('concurrent requests share statements; a bad one fails alone; a repeated key is stored once', async () => {
    let statements = 0;
    const counting: Queryable = { query: (text, params, name) => { if (text.includes('insert into responses')) statements++; return db.query(text, params, name); } };
    const writer = new ResponseWriter(counting, { maxConcurrent: 1, maxBatch: 500 });
    const inputs = Array.from({ length: 30 }, (_, i) => ({ surveyId, idempotencyKey: i === 29 ? 'same' : i === 28 ? 'same' : `k${i}`, answers: [{ question: 'nps', value: i % 11 }] }));
    inputs[7] = { ...inputs[7], touchpointId: '00000000-0000-4000-8000-000000000000' } as typeof inputs[number];
    const prepared = await Promise.all(inputs.map((input) => prepareResponse(db, orgId, input)));
    const results = await Promise.allSettled(prepared.map((p) => writer.write(orgId, p, 'api')));

    const rejected = results.map((r, i) => [r.status, i] as const).filter(([status]) => status === 'rejected').map(([, i]) => i);
    assert.deepEqual(rejected, [7]);
    assert.equal(((results[7] as PromiseRejectedResult).reason as { field?: string }).field, 'touchpointId');
    const ok = results.filter((r): r is PromiseFulfilledResult<{ id: string; created: boolean }> => r.status === 'fulfilled').map((r) => r.value);
    // 29 accepted: 28 distinct keys created, the second 'same' answered with the first one's id.
    assert.equal(ok.filter((r) => r.created).length, 28);
    assert.equal((results[29] as PromiseFulfilledResult<{ id: string }>).value.id, (results[28] as PromiseFulfilledResult<{ id: string }>).value.id);
    const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from responses where org_id = $1`, [orgId]);
    assert.equal(n, 28);
    // With one write slot, the first request goes alone and the other 29 wait for the next statement.
    assert.equal(statements, 2);
  });
});
