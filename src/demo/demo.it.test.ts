import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabase } from '../../test/helpers/db.ts';
import { signIn } from '../auth/service.ts';
import type { Database } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import { DEMO_PASSWORD, DEMO_RESPONSE_COUNT, DEMO_USERS, seedDemo } from './seed.ts';

describe('demo seed', () => {
  let db: Database;
  let orgId: string;
  let seconds: number;
  before(async () => {
    db = await testDatabase();
    const started = Date.now();
    const result = await seedDemo(db);
    seconds = (Date.now() - started) / 1000;
    orgId = result.orgId;
    assert.deepEqual(result.login, { email: 'demo@kaiku.example', password: 'kaiku-demo-2026' });
  });
  after(() => db.close());

  const count = async (table: string) =>
    (await db.query<{ n: number }>(`select count(*)::int as n from ${table} where org_id = $1`, [orgId]))[0].n;

  test('it writes 3 journeys, 12 touchpoints, 4 surveys, 3,000 contacts and 20,000 responses', async (t) => {
    // Speed is measured, not asserted: a loaded CI machine must not fail the suite (target: well under 15 s).
    t.diagnostic(`seeded in ${seconds.toFixed(1)} s on ${db.kind}`);
    assert.equal(await count('journeys'), 3);
    assert.equal(await count('stages'), 9); // before, during, after in each of 3 journeys
    assert.equal(await count('touchpoints'), 12);
    assert.equal(await count('surveys'), 4);
    assert.equal(await count('contacts'), 3_000);
    assert.equal(await count('responses'), DEMO_RESPONSE_COUNT);
    assert.equal(DEMO_RESPONSE_COUNT, 20_000);
    const [sources] = await db.query<{ sources: string[] }>(`select array_agg(distinct source::text) as sources from responses where org_id = $1`, [orgId]);
    assert.deepEqual(sources.sources, ['demo']);
  });

  test('the fault phone queue has the lowest NPS, computed from the stored answers', async () => {
    const rows = await db.query<{ name: string; nps: number }>(
      `select t.name, 100.0 * (avg((a.number >= 9)::int) - avg((a.number <= 6)::int)) as nps
         from responses r
         join touchpoints t on t.org_id = r.org_id and t.id = r.touchpoint_id
         join answers a on a.org_id = r.org_id and a.response_id = r.id
         join questions q on q.org_id = a.org_id and q.id = a.question_id and q.key = 'nps'
        where r.org_id = $1 group by t.name order by nps`, [orgId]);
    assert.equal(rows.length, 12);
    assert.equal(rows[0].name, 'Vikapuhelin (jono)');
    assert.ok(rows[0].nps < rows[1].nps - 30, JSON.stringify(rows.slice(0, 2)));
  });

  test('every pulse response carries the unit of its employee or of the touchpoint owner', async () => {
    const [row] = await db.query<{ missing: number }>(
      `select count(*)::int as missing from responses where org_id = $1 and touchpoint_id is not null and unit_id is null`, [orgId]);
    assert.equal(row.missing, 0);
  });

  test('every demo login signs in with the demo password; the frontline user is an employee', async () => {
    for (const user of DEMO_USERS) {
      const session = await signIn(db, user.email, DEMO_PASSWORD);
      assert.equal(session.orgId, orgId);
    }
    const [linked] = await db.query<{ n: number }>(
      `select count(*)::int as n from employees e join users u on u.org_id = e.org_id and u.id = e.user_id where e.org_id = $1 and u.role = 'frontline'`, [orgId]);
    assert.equal(linked.n, 1);
  });

  test('the demo trains a churn model from the contacts\' flags, so the churn page has an at-risk list', async () => {
    const [flags] = await db.query<{ labelled: number; churned: number; unlabelled: number }>(
      `select count(*) filter (where operational ? 'churned')::int as labelled,
              count(*) filter (where (operational ->> 'churned')::boolean)::int as churned,
              count(*) filter (where not operational ? 'churned')::int as unlabelled
         from contacts where org_id = $1`, [orgId]);
    assert.ok(flags.unlabelled > 500 && flags.labelled > 2000, JSON.stringify(flags));
    const [model] = await db.query<{ status: string; auc: number; trainedOn: number; scored: number }>(
      `select status, auc, trained_on as "trainedOn", scored from churn_models where org_id = $1`, [orgId]);
    assert.equal(model.status, 'done');
    assert.equal(model.trainedOn, flags.labelled - Math.round(0.2 * flags.labelled)); // 20 % held out for the quality report
    assert.equal(model.scored, 3_000 - flags.churned); // every contact not known to have churned
    // The flag follows the experience (latest NPS), so the model separates better than chance.
    assert.ok(model.auc > 0.6, `AUC ${model.auc}`);
    assert.equal(await count('churn_scores'), model.scored);
  });

  test('seeding a second time is refused and changes nothing', async () => {
    await assert.rejects(seedDemo(db), (error: unknown) => error instanceof KaikuError && error.code === 'conflict');
    const [orgs] = await db.query<{ n: number }>(`select count(*)::int as n from organizations`);
    assert.equal(orgs.n, 1);
    assert.equal(await count('responses'), 20_000);
  });
});
