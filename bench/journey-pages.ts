/**
 * First load of the journey map and the touchpoint and question pages on the demo data, from
 * localhost in headless Chromium (issue 7 target: ≤ 1.5 s). As bench/dashboard.ts: the server
 * as `npm start` runs it on a scratch PostgreSQL database with `kaiku demo`'s data; each load
 * is cold (a new browser context, only the session cookie), timed to the load event.
 * Views: the map (NPS, default 90 days), the map by CSAT with every persona side by side, the
 * busiest touchpoint's page (12 months: trend, distribution, statements, four breakdowns,
 * words, cases) and the first Likert statement's page.
 * Run: npx tsx bench/journey-pages.ts [--runs 5]
 */
import { parseArgs } from 'node:util';
import { openMigratedDatabase } from '../src/db/connection.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { dropDatabase, launchBrowser, machine, median, scratchDatabase, signIn, startServer, stopServer } from './lib.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const name = 'kaiku_bench_journey_pages';
const databaseUrl = await scratchDatabase(name);
const db = await openMigratedDatabase({ databaseUrl, dataDir: '', poolSize: 4 });
const seeded = performance.now();
const { login } = await seedDemo(db);
console.log(`demo seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
// seedDemo ends with ANALYZE: without planner statistics a Likert statement's breakdowns by segment
// and employee plan a nested loop (about 8 s each on this machine).
const [{ count }] = await db.query<{ count: number }>(`select count(*)::int as count from responses`);
const [busiest] = await db.query<{ id: string }>(`select touchpoint_id::text as id from responses where touchpoint_id is not null group by 1 order by count(*) desc limit 1`);
const [statement] = await db.query<{ id: string }>(`select id::text from questions where type = 'likert7' order by key limit 1`);
const personas = (await db.query<{ persona: string }>(`select distinct persona from journeys where persona is not null order by 1`)).map((r) => r.persona);
await db.close();

const server = await startServer({ DATABASE_URL: databaseUrl, KAIKU_DATA_DIR: '' }, 3908);
const browser = await launchBrowser();
try {
  const { cookieName, cookieValue } = await signIn(server.url, login);

  async function coldLoad(path: string) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: cookieName, value: cookieValue, url: server.url }]);
    const page = await context.newPage();
    const started = performance.now();
    const answer = await page.goto(server.url + path, { waitUntil: 'load' });
    const seconds = (performance.now() - started) / 1000;
    if (answer?.status() !== 200 || !(await page.locator('#headline').count())) throw new Error(`${path}: ${answer?.status()}`);
    await context.close();
    return seconds;
  }

  const views: Array<[string, string]> = [
    ['journey map /app/journeys (NPS, 90 days)', '/app/journeys?lang=en'],
    [`journey map, CSAT, ${personas.length} personas side by side`, `/app/journeys?lang=fi&metric=csat&${personas.map((p) => `compare=${encodeURIComponent(p)}`).join('&')}`],
    ['touchpoint page (busiest touchpoint, 12 months)', `/app/touchpoints/${busiest.id}?lang=en`],
    ['question page (Likert statement, 12 months)', `/app/questions/${statement.id}?lang=en`],
  ];
  for (const [, path] of views) await coldLoad(path); // warm-up: the server's first query plans
  console.log(`machine: ${machine()}; demo data: ${count} responses; ${runs} cold loads each`);
  for (const [label, path] of views) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await coldLoad(path));
    console.log(`${label}: median ${median(times).toFixed(3)} s (min ${Math.min(...times).toFixed(3)}, max ${Math.max(...times).toFixed(3)})`);
  }
} finally {
  await browser.close();
  await stopServer(server.child);
  await dropDatabase(name);
}
