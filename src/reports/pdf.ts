/**
 * HTML → PDF by headless Chromium (Debian's package through playwright-core; no browser
 * download). One browser per print: reports are monthly or on demand, and a browser left
 * running would hold ~100 MB for nothing.
 */
import { chromium, type Browser } from 'playwright-core';
import { KaikuError } from '../errors.ts';

/** Headless Chromium for one rendering; a 503 `<format>_unavailable` naming KAIKU_CHROMIUM when it cannot start. */
export async function launchHeadless(chromiumPath: string, format: 'pdf' | 'png'): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (error) {
    const what = format === 'pdf' ? 'PDF printing needs' : 'PNG images need';
    throw new KaikuError(`${format}_unavailable`, `${what} Chromium at ${chromiumPath} (KAIKU_CHROMIUM): ${(error as Error).message.split('\n')[0]}`, { status: 503 });
  }
}

export async function printPdf(documentHtml: string, chromiumPath: string): Promise<Buffer> {
  const browser = await launchHeadless(chromiumPath, 'pdf');
  try {
    const page = await browser.newPage();
    // The report has no scripts and loads nothing; block any request it might still make.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(documentHtml, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
