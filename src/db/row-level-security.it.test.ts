/**
 * The second wall of tenant isolation: PostgreSQL row-level security (migration 0023_rls.sql,
 * src/db/scope.ts). The first wall, every query's own org_id condition, is tested route by route
 * in src/http/tenant-isolation.it.test.ts; here the SQL deliberately forgets it.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { testDatabase } from '../../test/helpers/db.ts';
import type { Database } from './connection.ts';
import { asSystem, inOrgScope } from './scope.ts';
import { createOrganization } from '../orgs/service.ts';
import { createApiKey } from '../auth/service.ts';
import { buildServer } from '../http/server.ts';
import { identify } from '../auth/plugin.ts';
import { loadConfig } from '../config.ts';

let db: Database;
let orgA: string;
let orgB: string;

/** One row in each of the tables the test reads, for one organisation (system scope). */
async function seed(orgId: string, label: string) {
  await asSystem('test data for two organisations', async () => {
    await db.query(`insert into contacts (org_id, cohort, name) values ($1, 1, $2)`, [orgId, `contact ${label}`]);
    await db.query(`insert into responses (org_id, survey_id, language, source, submitted_at) values ($1, $2, 'en', 'api', now())`, [orgId, randomUUID()]);
    await db.query(`insert into cases (org_id, id, title) values ($1, $2, $3)`, [orgId, randomUUID(), `case ${label}`]);
    await db.query(`insert into feedback_texts (org_id, id, source, text, occurred_at) values ($1, $2, 'complaint', $3, now())`, [orgId, randomUUID(), `text ${label}`]);
  });
}

const TABLES = ['responses', 'contacts', 'cases', 'feedback_texts'];

before(async () => {
  db = await testDatabase({ rls: true });
  orgA = await createOrganization(db, { name: 'A', slug: `rls-a-${process.pid}` });
  orgB = await createOrganization(db, { name: 'B', slug: `rls-b-${process.pid}` });
  await seed(orgA, 'A');
  await seed(orgB, 'B');
});

after(async () => {
  await db.close();
});

test('every table with org_id, and organizations, has row-level security enabled, forced and a policy, and kaiku_app may use it', async () => {
  const tables = await db.query<{ table: string; enabled: boolean; forced: boolean; policies: number; usable: boolean | null }>(
    `select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
            (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies,
            case when exists (select 1 from pg_roles where rolname = 'kaiku_app')
                 then has_table_privilege('kaiku_app', c.oid, 'select') and has_table_privilege('kaiku_app', c.oid, 'insert')
                  and has_table_privilege('kaiku_app', c.oid, 'update') and has_table_privilege('kaiku_app', c.oid, 'delete')
                  and not has_table_privilege('kaiku_app', c.oid, 'truncate') end as usable
       from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        and (c.relname = 'organizations'
             or exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped))
      order by 1`);
  assert.ok(tables.length >= 40, `expected every tenant table, found ${tables.length}`);
  const missing = tables.filter((t) => !t.enabled || !t.forced || t.policies === 0 || t.usable === false);
  assert.deepEqual(missing, [], 'tables without enabled + forced row-level security and a policy, or without exactly select/insert/update/delete for kaiku_app');
  // Organisation-scoped work must not run as a role that policies never restrict.
  const [role] = await db.query<{ super: boolean; bypass: boolean }>(
    `select rolsuper as super, rolbypassrls as bypass from pg_roles where rolname = 'kaiku_app'`);
  assert.deepEqual(role, { super: false, bypass: false });
});

test("in an organisation's scope an unscoped select sees only its own rows", async () => {
  for (const table of TABLES) {
    const all = await asSystem('test: every row', () => db.query<{ org_id: string }>(`select org_id from ${table}`));
    assert.deepEqual(new Set(all.map((r) => r.org_id)), new Set([orgA, orgB]), `${table} has rows of both organisations`);
    const seenByA = await inOrgScope(orgA, () => db.query<{ org_id: string }>(`select * from ${table}`));
    assert.ok(seenByA.length > 0, `${table}: A sees its own rows`);
    assert.deepEqual([...new Set(seenByA.map((r) => r.org_id))], [orgA], `${table}: A sees nothing of B`);
    const seenByB = await inOrgScope(orgB, () => db.transaction((tx) => tx.query<{ org_id: string }>(`select * from ${table}`)));
    assert.deepEqual([...new Set(seenByB.map((r) => r.org_id))], [orgB], `${table}: B (in a transaction) sees nothing of A`);
  }
  const orgs = await inOrgScope(orgA, () => db.query<{ id: string }>(`select id from organizations`));
  assert.deepEqual(orgs.map((o) => o.id), [orgA]);
  // Asking for B's rows by id finds nothing either.
  const [byId] = await inOrgScope(orgA, () => db.query<{ n: number }>(`select count(*)::int as n from contacts where org_id = $1`, [orgB]));
  assert.equal(byId.n, 0);
});

test("writes in an organisation's scope cannot create, change or delete another organisation's rows", async () => {
  await assert.rejects(
    inOrgScope(orgA, () => db.query(`insert into contacts (org_id, cohort, name) values ($1, 1, 'planted')`, [orgB])),
    /row-level security/);
  await assert.rejects(
    inOrgScope(orgA, () => db.query(`update contacts set org_id = $1 where org_id = $2`, [orgB, orgA])),
    /row-level security/);
  const changed = await inOrgScope(orgA, () => db.query(`update contacts set name = 'renamed by A' where org_id = $1 returning id`, [orgB]));
  assert.equal(changed.length, 0);
  const deleted = await inOrgScope(orgA, () => db.query(`delete from feedback_texts returning org_id`));
  assert.deepEqual([...new Set(deleted.map((r) => (r as { org_id: string }).org_id))], [orgA]);
  const names = await asSystem('test: B unchanged', () => db.query<{ name: string }>(`select name from contacts where org_id = $1`, [orgB]));
  assert.deepEqual(names.map((r) => r.name), ['contact B']);
  const [texts] = await asSystem('test: B unchanged', () => db.query<{ n: number }>(`select count(*)::int as n from feedback_texts where org_id = $1`, [orgB]));
  assert.equal(texts.n, 1);
  // Own rows are written as before.
  await inOrgScope(orgA, () => db.query(`insert into feedback_texts (org_id, id, source, text, occurred_at) values ($1, $2, 'chat', 'again', now())`, [orgA, randomUUID()]));
});

test('the system scope sees and writes every organisation, for jobs that sweep them all', async () => {
  const counts = await asSystem('test: a sweep over all organisations', () => db.query<{ org_id: string; n: number }>(
    `select org_id, count(*)::int as n from responses group by org_id order by org_id`));
  assert.deepEqual(counts.map((r) => r.org_id).sort(), [orgA, orgB].sort());
  // Scopes interleaved on one database (one connection on PGlite) never mix.
  const results = await Promise.all(Array.from({ length: 30 }, (_, i) => {
    const org = i % 3 === 0 ? undefined : i % 3 === 1 ? orgA : orgB;
    const read = () => db.query<{ org_id: string }>(`select distinct org_id from responses`);
    return (org ? inOrgScope(org, read) : asSystem('test: interleaved', read)).then((rows) => ({ org, seen: rows.map((r) => r.org_id).sort() }));
  }));
  for (const { org, seen } of results) assert.deepEqual(seen, org ? [org] : [orgA, orgB].sort());
});

test("an authenticated request runs in its organisation's scope; a public route in the system scope", async () => {
  const app = await buildServer({ db, config: { ...loadConfig({}), rateLimitApiKey: 0, rateLimitPublic: 0 } });
  // Test-only routes whose SQL forgets org_id on purpose.
  app.get('/api/v1/test-rls', { config: { permission: 'org:read' } },
    async () => db.query(`select distinct org_id from responses`));
  app.post('/api/v1/test-rls', { config: { permission: 'org:read' } },
    async () => db.query(`select distinct org_id from responses`));
  app.get('/test-rls-public', async () => db.query(`select distinct org_id from responses order by 1`));
  // A dashboard page authenticates in its handler: from then on it is the caller's organisation's.
  app.get('/test-rls-page', async (request) => {
    const before = await db.query<{ org_id: string }>(`select distinct org_id from responses`);
    await identify(app, request);
    const after = await db.query<{ org_id: string }>(`select distinct org_id from responses`);
    return { before: before.length, after: after.map((r) => r.org_id) };
  });
  try {
    const key = await createApiKey(db, orgB, 'rls test', ['read']);
    const headers = { authorization: `Bearer ${key.key}` };
    const scoped = await app.inject({ url: '/api/v1/test-rls', headers });
    assert.equal(scoped.statusCode, 200, scoped.body);
    assert.deepEqual(scoped.json(), [{ org_id: orgB }]);
    // With a body, which Fastify reads in another async context than the request's start.
    const posted = await app.inject({ method: 'POST', url: '/api/v1/test-rls', headers: { ...headers, 'content-type': 'application/json' }, payload: '{}' });
    assert.deepEqual(posted.json(), [{ org_id: orgB }]);
    const unscoped = await app.inject({ url: '/test-rls-public' });
    assert.deepEqual(unscoped.json().map((r: { org_id: string }) => r.org_id).sort(), [orgA, orgB].sort());
    const page = await app.inject({ url: '/test-rls-page', headers });
    assert.deepEqual(page.json(), { before: 2, after: [orgB] });
    // PostgreSQL hides a foreign-key error's key values when the tables have row-level security;
    // the 400 still names the field (src/http/problem.ts), also for another organisation's unit.
    const admin = await createApiKey(db, orgB, 'rls admin', ['admin']);
    const [unitOfA] = await asSystem('test: a unit of A', () => db.query<{ id: string }>(`insert into units (org_id, name) values ($1, 'A unit') returning id`, [orgA]));
    for (const parentId of [randomUUID(), unitOfA.id]) {
      const unit = await app.inject({ method: 'POST', url: '/api/v1/units', headers: { authorization: `Bearer ${admin.key}`, 'content-type': 'application/json' }, payload: { name: 'Child', parentId } });
      assert.equal(unit.statusCode, 400, unit.body);
      assert.equal(unit.json().field, 'parentId');
    }
  } finally {
    await app.close();
  }
});
