/**
 * What the rate limiter (src/http/rate-limit.ts) costs per request, without the noise of a
 * loaded machine's HTTP benchmark: the in-memory decision (`hit`), and the once-a-second sync
 * statement that adds a process's counts to PostgreSQL, for 10 and 10,000 active buckets.
 * Run: npx tsx bench/rate-limit.ts
 */
import { openPostgres } from '../src/db/connection.ts';
import { RateLimiter } from '../src/http/rate-limit.ts';
import { dropDatabase, machine, median, scratchDatabase } from './lib.ts';

const url = await scratchDatabase('kaiku_bench_rate_limit');
const db = openPostgres({ url });
await db.migrate();
try {
  const limiter = new RateLimiter(db, 60_000, 3_600_000); // sync only when this script asks
  const hitNs: number[] = [];
  for (let run = 0; run < 5; run++) {
    const n = 1_000_000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) limiter.hit(`key:${i % 1000}`, 1_000_000_000);
    hitNs.push(Number(process.hrtime.bigint() - start) / n);
  }
  const syncMs: Record<number, number[]> = { 10: [], 10_000: [] };
  for (const buckets of [10, 10_000]) {
    for (let run = 0; run < 5; run++) {
      for (let i = 0; i < buckets; i++) limiter.hit(`sync:${buckets}:${i}`, 1_000_000_000);
      const start = process.hrtime.bigint();
      await limiter.sync();
      syncMs[buckets].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  await limiter.close();
  console.log(`Rate limiter on PostgreSQL (${machine()}, ${new Date().toISOString().slice(0, 10)})`);
  console.log(`hit(): median ${median(hitNs).toFixed(0)} ns per call (1,000 buckets; a request makes 1–2 calls)`);
  console.log(`sync, once a second per process: median ${median(syncMs[10]).toFixed(1)} ms for 10 active buckets, ${median(syncMs[10_000]).toFixed(1)} ms for 10,000`);
} finally {
  await db.close();
  await dropDatabase('kaiku_bench_rate_limit');
}
