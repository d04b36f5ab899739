/**
 * Screenshots for the documentation, taken in headless Chromium from a running Kaiku with the
 * demo data: `KAIKU_URL=http://localhost:3000 npx tsx scripts/screenshots.ts [--only name,name]`
 * (`--only` retakes just the named pictures, e.g. `--only loop,praise`).
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.env.KAIKU_URL ?? 'http://localhost:3000';
const out = new URL('../docs/screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? new Set(process.argv[onlyAt + 1]?.split(',')) : null;
/** Takes the picture docs/screenshots/<name>.png unless --only leaves it out. */
const shot = async (page: import('playwright-core').Page, name: string, fullPage = true) => {
  if (!only || only.has(name)) await page.screenshot({ path: `${out}${name}.png`, fullPage });
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await desktop.goto(`${base}/login?lang=en`);
  await shot(desktop, 'login', false);
  await desktop.fill('input[name=email]', 'demo@kaiku.example');
  await desktop.fill('input[name=password]', 'kaiku-demo-2026');
  await Promise.all([desktop.waitForURL(/\/app/), desktop.press('input[name=password]', 'Enter')]);
  await desktop.goto(`${base}/app?lang=en`);
  await shot(desktop, 'journey-overview');
  // Closing the loop, the unit's feedback and the praise wall.
  for (const [name, path] of [['loop', '/app/loop?lang=en'], ['feedback', '/app/feedback?lang=en'], ['praise', '/app/praise?lang=en']]) {
    await desktop.goto(`${base}${path}`);
    await shot(desktop, name);
  }
  // The analytic pages: drivers, open answers (the demo's last six months) and churn risk.
  for (const [name, path] of [['drivers', '/app/drivers?lang=en'], ['text', '/app/text?lang=en'], ['churn', '/app/churn?lang=en']]) {
    await desktop.goto(`${base}${path}`);
    await shot(desktop, name);
  }

  const cookie = (await desktop.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  // The journey map (by NPS; by CSAT with every persona side by side) and the busiest touchpoint's page.
  const journeys = await (await fetch(`${base}/api/v1/journeys`, { headers: { cookie } })).json() as { items: Array<{ persona: string | null }> };
  const personas = [...new Set(journeys.items.flatMap((j) => (j.persona ? [j.persona] : [])))];
  await desktop.goto(`${base}/app/journeys?lang=en`);
  await shot(desktop, 'journey-map');
  await desktop.goto(`${base}/app/journeys?lang=en&metric=csat&${personas.map((p) => `compare=${encodeURIComponent(p)}`).join('&')}`);
  await shot(desktop, 'journey-map-personas');
  const byTouchpoint = await (await fetch(`${base}/api/v1/metrics/nps?by=touchpoint`, { headers: { cookie } })).json() as { groups: Array<{ key: { touchpoint: string | null }; n: number | null }> };
  const busiest = byTouchpoint.groups.filter((g) => g.key.touchpoint).sort((a, b) => (b.n ?? 0) - (a.n ?? 0))[0];
  await desktop.goto(`${base}/app/touchpoints/${busiest.key.touchpoint}?lang=en`);
  await shot(desktop, 'touchpoint');
  // Cases: the inbox and one case with its timeline; set-up: users and roles, an alert rule in the condition builder.
  // The demo seeds no cases or alert rules: the committed pictures show eight cases and one rule made through the API first.
  await desktop.goto(`${base}/app/cases?lang=en`);
  await shot(desktop, 'cases');
  const caseLinks = desktop.locator('tbody th a');
  const firstCase = (await caseLinks.count()) > 0 ? await caseLinks.first().getAttribute('href') : null;
  if (firstCase) {
    await desktop.goto(`${base}${firstCase}?lang=en`);
    await shot(desktop, 'case');
  }
  // Action plans: the list and the plan whose effect has the most answers. The demo seeds no plans:
  // the committed pictures show plans made through the API first (docs/user-guide.md, action plans).
  await desktop.goto(`${base}/app/actions?lang=en`);
  await shot(desktop, 'actions');
  const plans = await (await fetch(`${base}/api/v1/action-plans`, { headers: { cookie } })).json() as { items: Array<{ id: string }> };
  if (plans.items[0]) {
    await desktop.goto(`${base}/app/actions/${plans.items[0].id}?lang=en`);
    await shot(desktop, 'action-plan');
  }
  await desktop.goto(`${base}/app/setup/users?lang=en`);
  await shot(desktop, 'setup-users');
  for (const [name, path] of [['setup-api-keys', '/app/setup/api-keys?lang=en'], ['setup-webhooks', '/app/setup/webhooks?lang=en']]) {
    await desktop.goto(`${base}${path}`);
    await shot(desktop, name);
  }
  const rules = await (await fetch(`${base}/api/v1/alert-rules`, { headers: { cookie } })).json() as { items: Array<{ id: string }> };
  await desktop.goto(`${base}/app/setup/alert-rules/${rules.items[0]?.id ?? 'new'}?lang=en`);
  await shot(desktop, 'alert-rule');
  // The journey and touchpoint editor: the list, then the first journey's stages and touchpoints.
  await desktop.goto(`${base}/app/setup/journeys?lang=en`);
  await shot(desktop, 'setup-journeys');
  const editable = await (await fetch(`${base}/api/v1/journeys`, { headers: { cookie } })).json() as { items: Array<{ id: string }> };
  if (editable.items[0]) {
    await desktop.goto(`${base}/app/setup/journeys/${editable.items[0].id}?lang=en`);
    await shot(desktop, 'journey-editor');
  }
  const surveys = await (await fetch(`${base}/api/v1/surveys`, { headers: { cookie } })).json() as { items: Array<{ id: string; kind: string }> };
  const pulse = surveys.items.find((s) => s.kind === 'pulse') ?? surveys.items[0];
  // The survey builder: the pulse's texts in each language beside its phone preview (kept in view while the form scrolls).
  const builder = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
  await builder.context().addCookies(await desktop.context().cookies());
  await builder.goto(`${base}/app/setup/surveys/${pulse.id}?lang=en`);
  await builder.frameLocator('#preview-frame').locator('form#survey').waitFor();
  await builder.evaluate(() => document.getElementById('questions-heading')?.scrollIntoView());
  await builder.waitForTimeout(1000); // the sandboxed frame paints again after the scroll
  await shot(builder, 'survey-builder', false);
  const phone = await browser.newPage({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2 });
  await phone.goto(`${base}/s/${pulse.id}?lang=fi`);
  await shot(phone, 'survey-phone');
  // Pages added for running Kaiku from the browser (issue 15): the bell's page, the survey's hub
  // and e-mail send, the contacts import, root causes, organisation, account, audit log, reports,
  // segments and benchmarks.
  for (const [name, path] of [
    ['notifications', '/app/notifications?lang=en'], ['share-hub', `/app/setup/surveys/${pulse.id}/share?lang=en`],
    ['send', `/app/setup/surveys/${pulse.id}/send?lang=en`], ['sends', `/app/setup/surveys/${pulse.id}/sends?lang=en`],
    ['contacts-import', '/app/contacts/import?lang=en'], ['root-causes', '/app/setup/root-causes?lang=en'],
    ['setup-organisation', '/app/setup/organisation?lang=en'], ['account', '/app/account?lang=en'],
    ['audit-log', '/app/setup/audit-log?lang=en'], ['board-report', '/app/reports/board?lang=en'],
    ['segments', '/app/segments?lang=en'], ['benchmarks', '/app/benchmarks?lang=en'],
    ['theme', '/app/setup/organisation/theme?lang=en'],
  ]) {
    await desktop.goto(`${base}${path}`);
    await shot(desktop, name);
  }
  // The send page after "Check": who gets it and who is left out, in words.
  await desktop.goto(`${base}/app/setup/surveys/${pulse.id}/send?lang=en`);
  await Promise.all([desktop.waitForNavigation(), desktop.getByRole('button', { name: 'Check', exact: true }).click()]);
  await shot(desktop, 'send-check');
  // Needs-based clusters of the first survey that has score questions, with its driver questions and the best of 2–5.
  if (!only || only.has('needs-clusters')) {
    await desktop.goto(`${base}/app/segments/needs?lang=en`);
    const first = await desktop.locator('#survey option').nth(1).getAttribute('value');
    if (first) {
      await desktop.getByLabel('Survey').selectOption(first);
      await Promise.all([desktop.waitForNavigation(), desktop.getByRole('button', { name: 'Choose a survey' }).click()]);
      await Promise.all([desktop.waitForNavigation(), desktop.getByRole('button', { name: 'Find clusters' }).click()]);
      await shot(desktop, 'needs-clusters');
    }
  }
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
}
