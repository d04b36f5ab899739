/**
 * What row-level security (KAIKU_DB_RLS, src/db/scope.ts) costs a query on PostgreSQL: the same
 * primary-key lookup through a Database with RLS off, with RLS on in one organisation's scope
 * (the connection keeps its settings), and with RLS on alternating between two organisations and
 * the system scope (every call switches its connection: one more round trip).
 * Run: npx tsx bench/rls-overhead.ts [--calls 3000] [--rounds 5]
 */
import { parseArgs } from 'node:util';
import { openPostgres, type Database } from '../src/db/connection.ts';
import { asSystem, inOrgScope } from '../src/db/scope.ts';
import { createOrganization } from '../src/orgs/service.ts';
import { dropDatabase, machine, median, scratchDatabase } from './lib.ts';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '3000' }, rounds: { type: 'string', default: '5' } } });
const calls = Number(values.calls);
const rounds = Number(values.rounds);

const url = await scratchDatabase('kaiku_bench_rls');
const off = openPostgres({ url, rls: false, max: 4 });
const on = openPostgres({ url, rls: true, max: 4 });
try {
  await off.migrate();
  const orgs = [await createOrganization(off, { name: 'A', slug: 'bench-a' }), await createOrganization(off, { name: 'B', slug: 'bench-b' })];
  const lookup = (db: Database, org: string) => db.query(`select id, name from organizations where id = $1`, [org], 'bench_rls_lookup');
  /** Microseconds per call, `calls` calls 4 at a time (the pool's size). */
  async function time(call: (i: number) => Promise<unknown>): Promise<number> {
    const started = process.hrtime.bigint();
    let next = 0;
    await Promise.all(Array.from({ length: 4 }, async () => { while (next < calls) await call(next++); }));
    return Number(process.hrtime.bigint() - started) / 1000 / calls;
  }
  const cases: Record<string, (i: number) => Promise<unknown>> = {
    'RLS off': () => lookup(off, orgs[0]),
    'RLS on, one organisation': () => inOrgScope(orgs[0], () => lookup(on, orgs[0])),
    'RLS on, switching every call': (i) => i % 3 === 2 ? asSystem('bench', () => lookup(on, orgs[0])) : inOrgScope(orgs[i % 3], () => lookup(on, orgs[i % 3])),
  };
  const results: Record<string, number[]> = {};
  for (const [name, call] of Object.entries(cases)) await time(call); // warm up plans and settings
  for (let round = 0; round < rounds; round++) {
    for (const [name, call] of Object.entries(cases)) (results[name] ??= []).push(await time(call));
  }
  console.log(`Primary-key lookup, ${calls} calls × ${rounds} rounds, 4 at a time (${machine()})`);
  for (const [name, times] of Object.entries(results)) console.log(`${name}: median ${median(times).toFixed(0)} µs/call (${times.map((t) => t.toFixed(0)).join(' / ')})`);
} finally {
  await off.close();
  await on.close();
  await dropDatabase('kaiku_bench_rls');
}
