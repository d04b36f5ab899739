/**
 * Screenshots for the documentation, taken in headless Chromium from a running Kaiku with the
 * demo data: `KAIKU_URL=http://localhost:3000 npx tsx scripts/screenshots.ts`.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.env.KAIKU_URL ?? 'http://localhost:3000';
const out = new URL('../docs/screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await desktop.goto(`${base}/login?lang=en`);
  await desktop.screenshot({ path: `${out}login.png` });
  await desktop.fill('input[name=email]', 'demo@kaiku.example');
  await desktop.fill('input[name=password]', 'kaiku-demo-2026');
  await Promise.all([desktop.waitForURL(/\/app/), desktop.press('input[name=password]', 'Enter')]);
  await desktop.goto(`${base}/app?lang=en`);
  await desktop.screenshot({ path: `${out}journey-overview.png`, fullPage: true });

  const cookie = (await desktop.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const surveys = await (await fetch(`${base}/api/v1/surveys`, { headers: { cookie } })).json() as { items: Array<{ id: string; kind: string }> };
  const pulse = surveys.items.find((s) => s.kind === 'pulse') ?? surveys.items[0];
  const phone = await browser.newPage({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2 });
  await phone.goto(`${base}/s/${pulse.id}?lang=fi`);
  await phone.screenshot({ path: `${out}survey-phone.png`, fullPage: true });
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
}
