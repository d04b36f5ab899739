/**
 * JavaScript per dashboard page (issue 15 target: ≤ 50 kB gzipped on every page). The server
 * runs as `npm start` runs it (the esbuild bundle) on a scratch PostgreSQL database with the
 * demo's data; the demo admin opens every page of the main menu and of set-up, plus the survey
 * builder and a survey's distribution hub, each in a fresh browser context (nothing cached).
 * Every script the page loads is counted, gzipped as a server would send it.
 * Run: npx tsx bench/page-js.ts
 */
import { gzipSync } from 'node:zlib';
import { openMigratedDatabase } from '../src/db/connection.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { navigation } from '../src/pages/layout.ts';
import { dropDatabase, launchBrowser, machine, scratchDatabase, signIn, startServer, stopServer } from './lib.ts';

const TARGET_KB = 50;
const name = 'kaiku_bench_page_js';
const databaseUrl = await scratchDatabase(name);
const db = await openMigratedDatabase({ databaseUrl, dataDir: '', poolSize: 4 });
const { login } = await seedDemo(db);
const [survey] = await db.query<{ id: string }>(`select id from surveys order by created_at limit 1`);
await db.close();

const server = await startServer({ DATABASE_URL: databaseUrl, KAIKU_DATA_DIR: '' }, 3908);
const browser = await launchBrowser();
try {
  const { cookieName, cookieValue } = await signIn(server.url, login);
  const setup = ['/app/setup', '/app/setup/users', '/app/setup/api-keys', '/app/setup/webhooks', '/app/setup/alert-rules', '/app/setup/alert-rules/new', '/app/setup/pulse-rules'];
  const pages = [...new Set([...navigation.map((item) => item.path), ...setup, '/app/setup/surveys', '/app/setup/surveys/new', `/app/setup/surveys/${survey.id}`, `/app/setup/surveys/${survey.id}/share`])];
  const rows: Array<{ path: string; status: number; scripts: number; raw: number; gzip: number }> = [];
  for (const path of pages) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: cookieName, value: cookieValue, url: server.url }]);
    const page = await context.newPage();
    const seen: Array<Promise<Buffer>> = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') seen.push(response.body().catch(() => Buffer.alloc(0)));
    });
    const answer = await page.goto(`${server.url}${path}?lang=en`, { waitUntil: 'networkidle' });
    const bodies = await Promise.all(seen);
    rows.push({ path, status: answer?.status() ?? 0, scripts: bodies.length, raw: bodies.reduce((s, b) => s + b.length, 0), gzip: bodies.reduce((s, b) => s + gzipSync(b).length, 0) });
    await context.close();
  }
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(`machine: ${machine()}`);
  console.log('| page | status | scripts | JS | JS gzipped |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(`| \`${r.path.replace(survey.id, ':id')}\` | ${r.status} | ${r.scripts} | ${kb(r.raw)} kB | ${kb(r.gzip)} kB |`);
  const worst = rows.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  console.log(`largest: ${worst.path.replace(survey.id, ':id')} ${kb(worst.gzip)} kB gzipped; target ≤ ${TARGET_KB} kB; ratio ${(worst.gzip / 1024 / TARGET_KB).toFixed(2)}`);
  const failed = rows.filter((r) => r.status !== 200);
  if (failed.length) throw new Error(`pages not 200: ${failed.map((r) => `${r.path} ${r.status}`).join(', ')}`);
} finally {
  await browser.close();
  await stopServer(server.child);
  await dropDatabase(name);
}
