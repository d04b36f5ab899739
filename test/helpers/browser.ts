/**
 * Headless Chromium for page tests: Debian's /usr/bin/chromium through playwright-core.
 * `launchChromium()` gives undefined when it is missing (the test skips with `skipReason`),
 * except under CI=true, where launching fails the test.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const skipReason = `${CHROMIUM} is not installed (apt-get install chromium); set CI=true to make this a failure`;

/** True when the page tests skip: no Chromium, and not under CI (where its absence is a failure). */
export const chromiumMissing = !existsSync(CHROMIUM) && !process.env.CI;

export async function launchChromium(): Promise<Browser | undefined> {
  if (chromiumMissing) return undefined;
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Signs `page` in through Kaiku's sign-in form (in English), by typing and a click, as a user would. */
export async function signInByForm(page: Page, baseUrl: string, email: string, password = 'correct horse battery'): Promise<void> {
  await page.goto(`${baseUrl}/login?lang=en`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(/\/app/), page.click('button[type="submit"]')]);
}

/** A 1280 × 900 page in a context of its own, signed in through the form as `email`. */
export async function signedInPage(browser: Browser, baseUrl: string, email: string, password?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInByForm(page, baseUrl, email, password);
  return { context, page };
}

/** axe-core's violations on the page as it is now, each as `rule: targets` (an empty list: none). */
export async function axeViolations(page: Page): Promise<string[]> {
  const { default: axe } = await import('axe-core');
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
