/**
 * First load of the dashboard overview on the demo data, from localhost in headless Chromium
 * (issue 7 targets: ≤ 1.5 s median of cold loads; ≤ 300 KB of JavaScript gzipped on the first
 * view). The server runs as `npm start` runs it (the esbuild bundle) on a scratch PostgreSQL
 * database with `kaiku demo`'s data. Each load is cold: a new browser context (no cache, no
 * cookies but the session), then `/app` until the load event. Also loads the overview with
 * every filter set, and counts the bytes of each kind the first view fetches (gzipped as a
 * server would send them).
 * Run: npx tsx bench/dashboard.ts [--runs 10]
 */
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { openMigratedDatabase } from '../src/db/connection.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { dropDatabase, launchBrowser, machine, median, scratchDatabase, signIn, startServer, stopServer } from './lib.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
const runs = Number(values.runs);
const name = 'kaiku_bench_dashboard';
const databaseUrl = await scratchDatabase(name);
const db = await openMigratedDatabase({ databaseUrl, dataDir: '', poolSize: 4 });
let seeded = performance.now();
const { login } = await seedDemo(db);
console.log(`demo seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
const [{ count }] = await db.query<{ count: number }>(`select count(*)::int as count from responses`);
await db.close();

const server = await startServer({ DATABASE_URL: databaseUrl, KAIKU_DATA_DIR: '' }, 3907);
const browser = await launchBrowser();
try {
  const { cookieName, cookieValue } = await signIn(server.url, login);

  async function coldLoad(path: string) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: cookieName, value: cookieValue, url: server.url }]);
    const page = await context.newPage();
    const bytes: Record<string, { raw: number; gzip: number }> = {};
    page.on('response', async (response) => {
      const type = response.request().resourceType();
      const body = await response.body().catch(() => Buffer.alloc(0));
      const entry = bytes[type] ?? (bytes[type] = { raw: 0, gzip: 0 });
      entry.raw += body.length;
      entry.gzip += gzipSync(body).length;
    });
    const started = performance.now();
    const answer = await page.goto(server.url + path, { waitUntil: 'load' });
    const seconds = (performance.now() - started) / 1000;
    if (answer?.status() !== 200 || !(await page.locator('#headline').count())) throw new Error(`${path}: ${answer?.status()}`);
    await context.close();
    return { seconds, bytes };
  }

  // One warm-up (the server's first query plans), then the measured cold loads.
  await coldLoad('/app?lang=en');
  const plain: number[] = [];
  const filtered: number[] = [];
  let firstView: Record<string, { raw: number; gzip: number }> = {};
  const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < runs; i++) {
    const a = await coldLoad('/app?lang=en');
    plain.push(a.seconds);
    firstView = a.bytes;
    filtered.push((await coldLoad(`/app?lang=fi&from=${from}&channel=phone&segment=household&language=fi`)).seconds);
  }
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(`machine: ${machine()}; demo data: ${count} responses; ${runs} cold loads each`);
  console.log(`overview /app: median ${median(plain).toFixed(3)} s (min ${Math.min(...plain).toFixed(3)}, max ${Math.max(...plain).toFixed(3)})`);
  console.log(`overview with filters: median ${median(filtered).toFixed(3)} s (min ${Math.min(...filtered).toFixed(3)}, max ${Math.max(...filtered).toFixed(3)})`);
  for (const [type, b] of Object.entries(firstView)) console.log(`first view ${type}: ${kb(b.raw)} KB, ${kb(b.gzip)} KB gzipped`);
  console.log(`first view script: ${kb(firstView.script?.gzip ?? 0)} KB gzipped`);
} finally {
  await browser.close();
  await stopServer(server.child);
  await dropDatabase(name);
}
