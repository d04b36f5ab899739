/**
 * Issue 3 targets for the collection channels: the web widget ≤ 10 KB gzipped, and the kiosk
 * page usable within 1 s on a cold load from localhost. Starts the server as `npm start` runs
 * it (the dist/ bundle, which also serves the browser scripts) on a scratch PostgreSQL
 * database, then loads the kiosk in headless Chromium `--runs` times in fresh browser contexts
 * (empty HTTP cache, no service worker) and once more in each context with its service worker.
 * "Usable" = the kiosk script has drawn the first question and listens for taps
 * (performance mark `kaiku-kiosk-ready`, measured from navigation start).
 * Run: npx tsx bench/collection.ts [--runs 20]
 */
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/helpers/browser.ts';
import { bundleScript } from '../src/collection/bundles.ts';
import { benchOrganisation, dropDatabase, machine, median, startServer, stopServer } from './lib.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const runs = Number(values.runs);

for (const name of ['widget', 'kiosk', 'kioskWorker'] as const) {
  const bundle = await bundleScript(name);
  console.log(`${name}: ${bundle.code.length} bytes minified, ${bundle.gzipBytes} bytes gzipped`);
}

const { url, db, orgId } = await benchOrganisation('kaiku_bench_collection', 'read');
const [{ createSurvey }, { createCollector }] = await Promise.all([import('../src/surveys/service.ts'), import('../src/collection/service.ts')]);
const survey = await createSurvey(db, orgId, {
  name: 'Counter', kind: 'pulse', defaultLanguage: 'fi', languages: ['fi', 'sv', 'en'],
  title: { fi: 'Miten palvelimme?', sv: 'Hur betjänade vi dig?', en: 'How did we serve you?' },
  questions: [
    { key: 'csat', type: 'csat', required: true, text: { fi: 'Tyytyväisyys', sv: 'Nöjdhet', en: 'Satisfaction' } },
    { key: 'comment', type: 'text', text: { fi: 'Kerro lisää', sv: 'Berätta mer', en: 'Tell us more' } },
  ],
});
const kiosk = await createCollector(db, orgId, { kind: 'kiosk', name: 'Lobby', surveyId: survey.id });
await db.close();

const server = await startServer({ DATABASE_URL: url }, 3907);
const browser = await launchChromium();
if (!browser) throw new Error('Chromium is needed: apt-get install chromium');
const cold: number[] = [];
const warm: number[] = [];
const readyAt = async (page: import('playwright-core').Page) => {
  await page.waitForFunction(() => performance.getEntriesByName('kaiku-kiosk-ready').length > 0 && document.querySelectorAll('button.smiley').length === 5);
  return page.evaluate(() => performance.getEntriesByName('kaiku-kiosk-ready')[0].startTime);
};
try {
  for (let i = 0; i < runs + 1; i++) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/k/${kiosk.publicKey}`);
    const first = await readyAt(page);
    await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready');
    await page.reload();
    const second = await readyAt(page);
    await context.close();
    if (i === 0) continue; // the first load also warms the server's bundle and survey caches
    cold.push(first);
    warm.push(second);
  }
} finally {
  await browser.close();
  await stopServer(server.child);
  await dropDatabase('kaiku_bench_collection');
}
const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
console.log(`kiosk usable, cold load (fresh context, no cache, no service worker), ${runs} runs: ${fmt(cold)}`);
console.log(`kiosk usable, reload with its service worker, ${runs} runs: ${fmt(warm)}`);
console.log(machine());
