/**
 * Headless Chromium for page tests: Debian's /usr/bin/chromium through playwright-core.
 * `launchChromium()` gives undefined when it is missing (the test skips with `skipReason`),
 * except under CI=true, where launching fails the test.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
