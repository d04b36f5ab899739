/**
 * A filter change on every analytic view, as a user makes it, in headless Chromium (issue 7:
 * "any filter change ≤ 300 ms"; "first load of the overview on demo data ≤ 1.5 s").
 *
 * `kaiku serve` (the `npm start` bundle) on a scratch PostgreSQL database with `kaiku demo`'s
 * data, signed in as the demo admin. For each view the page is opened once (warm-up), then
 * `--runs` times a filter is changed the way a user does it — a different option chosen in the
 * view's select, then its form's submit button clicked — and the time is taken from the click
 * to the new page's load event: the click instant (Date.now() in the page, just before it) to
 * `performance.timeOrigin + loadEventEnd` of the new document's navigation timing entry.
 * The dashboard sends no JavaScript, so a filter change is one server-rendered page load.
 * The churn view has no filters: its change is following the at-risk list's next-page link when
 * there is one, else a reload. Also: the overview's first load, cold (new browser context, only
 * the session cookie), median of `--runs`.
 *
 * Prints a Markdown table ready for BENCHMARKS.md, with the machine and the load average.
 * Run: npx tsx bench/filter-change.ts [--runs 7]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { openMigratedDatabase } from '../src/db/connection.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { dropDatabase, launchBrowser, machine, median, scratchDatabase, signIn, startServer, stopServer } from './lib.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, port: { type: 'string', default: '3911' } } });
const runs = Math.max(5, Number(values.runs));
const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');
const loadBefore = load();
const startedAt = new Date();

const name = 'kaiku_bench_filter_change';
const databaseUrl = await scratchDatabase(name);
const db = await openMigratedDatabase({ databaseUrl, dataDir: '', poolSize: 4 });
const { login } = await seedDemo(db); // ends with ANALYZE
const [{ count }] = await db.query<{ count: number }>(`select count(*)::int as count from responses`);
const [busiest] = await db.query<{ id: string }>(`select touchpoint_id::text as id from responses where touchpoint_id is not null group by 1 order by count(*) desc limit 1`);
const [statement] = await db.query<{ id: string }>(`select id::text from questions where type = 'likert7' order by key limit 1`);
await db.close();

/** A view and the change a user makes on it: choose another option of `select` and submit its form. */
interface View { label: string; path: string; select?: string; options?: string[] }
const views: View[] = [
  { label: 'overview `/app`', path: '/app', select: '#f-channel', options: ['web', 'email', ''] },
  { label: 'journey map `/app/journeys`', path: '/app/journeys', select: '#f-channel', options: ['web', 'email', ''] },
  { label: 'touchpoint (busiest)', path: `/app/touchpoints/${busiest.id}`, select: '#f-channel', options: ['web', 'email', ''] },
  { label: 'question (Likert statement)', path: `/app/questions/${statement.id}`, select: '#f-channel', options: ['web', 'email', ''] },
  { label: 'drivers `/app/drivers`', path: '/app/drivers', select: '#f-channel', options: ['web', 'email', ''] },
  { label: 'open answers `/app/text`', path: '/app/text', select: '#f-channel', options: ['web', 'email', ''] },
  { label: 'churn risk `/app/churn` (no filters: next page / reload)', path: '/app/churn' },
  { label: 'closing the loop `/app/loop` (unit)', path: '/app/loop', select: '#l-unit' },
  { label: 'feedback `/app/feedback` (unit)', path: '/app/feedback', select: '#unitId' },
];

const server = await startServer({ DATABASE_URL: databaseUrl, KAIKU_DATA_DIR: '' }, Number(values.port));
const browser = await launchBrowser();
const rows: Array<{ label: string; change: number[]; server: number[]; how: string }> = [];
let cold: number[] = [];
try {
  const { cookieName, cookieValue } = await signIn(server.url, login);
  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: cookieName, value: cookieValue, url: server.url }]);
    return { context, page: await context.newPage() };
  };

  /** Click → load event of the next document, in ms; and the server's part (request start → response end). */
  async function timedNavigation(page: Page, act: () => Promise<void>): Promise<{ change: number; server: number }> {
    const clickedAt = await page.evaluate(() => Date.now());
    await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: 120_000 }), act()]);
    // The load event's handlers have run when `load` fires; loadEventEnd is set just after.
    await page.waitForFunction(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd! > 0);
    const t = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { origin: performance.timeOrigin, loadEventEnd: n.loadEventEnd, requestStart: n.requestStart, responseEnd: n.responseEnd, status: n.responseStatus };
    });
    if (t.status && t.status !== 200) throw new Error(`${page.url()}: HTTP ${t.status}`);
    return { change: t.origin + t.loadEventEnd - clickedAt, server: t.responseEnd - t.requestStart };
  }

  // First load of the overview, cold: one warm-up, then `runs` loads each in a new context.
  for (let i = 0; i <= runs; i++) {
    const { context, page } = await newPage();
    const requested = Date.now();
    const answer = await page.goto(`${server.url}/app?lang=en`, { waitUntil: 'load' });
    if (answer?.status() !== 200) throw new Error(`/app: ${answer?.status()}`);
    const origin = await page.evaluate(() => performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    if (i > 0) cold.push(origin - requested);
    await context.close();
  }

  for (const view of views) {
    const { context, page } = await newPage();
    const answer = await page.goto(`${server.url}${view.path}?lang=en`, { waitUntil: 'load' });
    if (answer?.status() !== 200) throw new Error(`${view.path}: ${answer?.status()}`);
    const change: number[] = [];
    const serverMs: number[] = [];
    let how = '';
    for (let i = 0; i < runs; i++) {
      let act: () => Promise<void>;
      if (view.select) {
        const select = page.locator(view.select);
        if (!(await select.count())) throw new Error(`${view.path}: no ${view.select}`);
        // The options offered (units from the page itself); each run picks the next one that is not selected now.
        const offered = view.options ?? await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        const current = await select.inputValue();
        const choices = offered.filter((v) => v !== current);
        const value = choices[i % choices.length];
        await select.selectOption(value);
        const submit = select.locator('xpath=ancestor::form').locator('button[type=submit], button:not([type])').first();
        act = () => submit.click();
        how = `choose another \`${view.select}\`, submit`;
      } else {
        const next = page.locator('a[rel=next]').first();
        if (await next.count()) { act = () => next.click(); how = 'next-page link'; } else { act = async () => { await page.reload({ waitUntil: 'commit' }); }; how = 'reload'; }
      }
      const t = await timedNavigation(page, act);
      change.push(t.change);
      serverMs.push(t.server);
    }
    rows.push({ label: view.label, change, server: serverMs, how });
    console.error(`${view.label}: ${change.map((c) => Math.round(c)).join(', ')} ms`);
    await context.close();
  }
} finally {
  await browser.close();
  await stopServer(server.child);
  await dropDatabase(name);
}

const ms = (v: number) => `${Math.round(v)} ms`;
const loadAfter = load();
console.log(`
### Filter change in headless Chromium (issue 7, ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC)

\`npx tsx bench/filter-change.ts --runs ${runs}\`: \`kaiku serve\` (the \`npm start\` bundle) on a scratch
PostgreSQL database with \`kaiku demo\`'s data (${count.toLocaleString('en')} responses), signed in as the demo admin,
headless Chromium on the same machine. A change is: another option chosen in the view's filter,
then its form's submit button clicked; timed from the click to the new page's load event
(navigation timing). Server = request start → response end of that navigation.
${machine()}; load average (1 / 5 / 15 min) ${loadBefore} before, ${loadAfter} after.

| view | change | median of ${runs} | min – max | server (median) | target |
|---|---|---|---|---|---|
| overview, first load (cold context) | – | ${ms(median(cold))} | ${ms(Math.min(...cold))} – ${ms(Math.max(...cold))} | – | ≤ 1.5 s |
${rows.map((r) => `| ${r.label} | ${r.how} | ${ms(median(r.change))} | ${ms(Math.min(...r.change))} – ${ms(Math.max(...r.change))} | ${ms(median(r.server))} | ≤ 300 ms |`).join('\n')}
`);
