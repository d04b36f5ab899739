import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testBackend, testDatabase } from '../../test/helpers/db.ts';
import { defineJob, startJobQueue, type JobQueue } from './queue.ts';

const waitFor = async (check: () => Promise<boolean>, ms = 20_000) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail('timed out waiting for the jobs');
};

test('every job is done exactly once, also with two workers on one database', async () => {
  const db = await testDatabase();
  const queues: JobQueue[] = [];
  try {
    // A scratch table outside the app schema's rules: which worker did which job.
    await db.query(`create table job_log (job text primary key, worker text not null)`);
    const worker = (name: string) => defineJob<{ n: number }>({
      name: 'kaiku-test-work',
      batchSize: 50,
      handle: async (jobs) => {
        for (const job of jobs) await db.query(`insert into job_log (job, worker) values ($1, $2)`, [String(job.data.n), name]);
      },
    });
    const url = (db as unknown as { url?: string }).url;
    const databaseUrl = testBackend === 'postgres' ? url : undefined;
    queues.push(await startJobQueue(db, { databaseUrl, pollingIntervalSeconds: 0.5, definitions: [worker('a')] }));
    if (testBackend === 'postgres') queues.push(await startJobQueue(db, { databaseUrl, pollingIntervalSeconds: 0.5, definitions: [worker('b')] }));
    for (let n = 1; n <= 200; n++) await queues[0].send('kaiku-test-work', { n });
    await waitFor(async () => (await db.query<{ c: number }>(`select count(*)::int as c from job_log`))[0].c === 200);
    // The primary key would have failed a second insert of the same job: 200 rows = 200 distinct jobs once each.
    const [{ distinct, total }] = await db.query<{ distinct: number; total: number }>(`select count(distinct job)::int as distinct, count(*)::int as total from job_log`);
    assert.deepEqual([distinct, total], [200, 200]);
    assert.equal(await queues[0].size('kaiku-test-work'), 0);
  } finally {
    for (const q of queues) await q.stop();
    await db.close();
  }
});
