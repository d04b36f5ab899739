/**
 * The overview's filters live in the URL (a GET form, no script): a bookmarked URL with every
 * filter shows the same figures as the metrics API asked with the same filters, the export
 * links carry them, and the language chosen is kept on the user (Finnish strings and decimal
 * commas also in a new browser). Headless Chromium; skipped without it, except under CI.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { launchChromium, skipReason } from '../../test/helpers/browser.ts';
import { pulseSurvey } from '../../test/helpers/factories.ts';

describe('dashboard filters in the URL and the language per user', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  let email = '';
  const ids: Record<string, string> = {};

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp();
    email = `admin-${t.orgId.slice(0, 8)}@example.com`;
    ids.north = (await t.api('/api/v1/units', { body: { name: 'North' } })).body.id;
    ids.south = (await t.api('/api/v1/units', { body: { name: 'South' } })).body.id;
    const touchpoints: Array<{ id: string; channel: string }> = [];
    for (const [name, persona] of [['Move-in', 'Household'], ['Business move', 'Company']]) {
      const journey = (await t.api('/api/v1/journeys', { body: { name, persona } })).body.id;
      const stage = (await t.api(`/api/v1/journeys/${journey}/stages`, { body: { name: 'Contract', phase: 'before' } })).body.id;
      for (const [tp, channel, unit] of [['By phone', 'phone', ids.north], ['Online', 'web', ids.south]]) {
        const id = (await t.api('/api/v1/touchpoints', { body: { stageId: stage, name: `${name}: ${tp}`, channel, ownerUnitId: unit } })).body.id;
        touchpoints.push({ id, channel });
      }
      ids[persona] = journey;
    }
    ids.survey = (await t.api('/api/v1/surveys', { body: pulseSurvey() })).body.id;
    // 4 touchpoints × 2 languages × 60 days: scores cycle through 0–10 (7 is prime to 11). Each
    // Swedish answer is its Finnish twin's score + 3 (at most 10), so a Swedish slice always has a
    // higher NPS than its Finnish twin whatever today's date is (an offset of 5 was equal some days).
    const responses = [];
    for (let day = 1; day <= 60; day++) {
      for (const [i, tp] of touchpoints.entries()) {
        const fi = (day * 7 + i * 3) % 11;
        for (const language of ['fi', 'sv']) {
          responses.push({ surveyId: ids.survey, touchpointId: tp.id, language, submittedAt: new Date(Date.now() - day * 86_400_000).toISOString(),
            answers: [{ question: 'nps', value: language === 'sv' ? Math.min(10, fi + 3) : fi }] });
        }
      }
    }
    const res = await t.api('/api/v1/responses/batch', { body: { responses } });
    assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
    // Segments come from contacts; here every third answer is from a "premium" customer.
    await t.db.query(`update responses set segment = case when extract(day from submitted_at)::int % 3 = 0 then 'premium' else 'basic' end where org_id = $1`, [t.orgId]);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(): Promise<BrowserContext> {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    const res = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse battery' }) });
    assert.equal(res.status, 200);
    const [name, value] = (res.headers.get('set-cookie') ?? '').split(';')[0].split('=');
    await context.addCookies([{ name, value, url: t.url }]);
    return context;
  }

  test('a URL with every filter shows the figures of the metrics API with the same filters, and the exports get them too', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const context = await signedIn();
    const page = await context.newPage();
    const from = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
    const url = `/app?lang=en&from=${from}&to=${to}&persona=Household&channel=phone&unit=${ids.north}&segment=basic&language=fi`;
    await page.goto(t.url + url);
    // The form shows what the URL says.
    assert.equal(await page.inputValue('#f-from'), from);
    assert.equal(await page.inputValue('#f-to'), to);
    assert.equal(await page.inputValue('#f-persona'), 'Household');
    assert.equal(await page.inputValue('#f-channel'), 'phone');
    assert.equal(await page.inputValue('#f-unit'), ids.north);
    assert.equal(await page.inputValue('#f-segment'), 'basic');
    assert.equal(await page.inputValue('#f-language'), 'fi');
    // Only the persona's journey is shown.
    assert.equal(await page.locator('section.journey h2').allTextContents().then((h) => h.join('|')), 'Move-in');

    // The export links carry the filters as the API takes them (instants of the org's days).
    const href = await page.getAttribute('a[href^="/api/v1/exports/responses.csv"]', 'href');
    const query = new URL(href!, t.url).searchParams;
    for (const [k, v] of Object.entries({ persona: 'Household', channel: 'phone', unitId: ids.north, segment: 'basic', language: 'fi' })) assert.equal(query.get(k), v, k);
    assert.ok(query.get('from') && query.get('to'), href!);

    // The same question of the metrics API, by touchpoint and overall.
    const api = await t.api(`/api/v1/metrics/nps?${query.toString()}&by=touchpoint`);
    assert.equal(api.status, 200, JSON.stringify(api.body));
    const headlineN = Number(await page.getAttribute('#headline data.n', 'value'));
    const headlineNps = Number(await page.getAttribute('#headline data.nps', 'value'));
    assert.equal(headlineN, api.body.overall.n);
    assert.ok(api.body.overall.n > 10, `enough answers in the slice: ${api.body.overall.n}`);
    assert.equal(headlineNps, api.body.overall.nps);
    // By hand: the slice the filters describe, from the stored rows.
    const [byHand] = await t.db.query<{ n: number; nps: number }>(
      `select count(*)::int as n, 100.0 * (count(*) filter (where a.number >= 9) - count(*) filter (where a.number <= 6)) / count(*) as nps
         from responses r join answers a on a.org_id = r.org_id and a.response_id = r.id
         join touchpoints tp on tp.org_id = r.org_id and tp.id = r.touchpoint_id
        where r.org_id = $1 and tp.journey_id = $2 and r.channel = 'phone' and r.unit_id = $3 and r.segment = 'basic' and r.language = 'fi'
          and r.submitted_at >= $4::timestamptz and r.submitted_at < $5::timestamptz`, [t.orgId, ids.Household, ids.north, query.get('from'), query.get('to')]);
    assert.equal(byHand.n, headlineN);
    assert.ok(Math.abs(Number(byHand.nps) - headlineNps) < 1e-9, `${byHand.nps} vs ${headlineNps}`);
    // Persona Household and channel phone leave one touchpoint; its row has the API's n.
    const groups = (api.body.groups as Array<{ key: { touchpoint: string }; n: number }>).filter((g) => g.n > 0);
    assert.equal(groups.length, 1);
    const row = page.locator('tr.touchpoint-row', { hasText: 'Move-in: By phone' });
    assert.equal(await row.locator('td.num').first().textContent(), String(groups[0].n));
    assert.equal(await page.locator('tr.touchpoint-row', { hasText: 'Move-in: Online' }).locator('td.num').first().textContent(), '0');
    // The export with the page's filters has one row per response in the slice.
    const cookies = await context.cookies();
    const csv = await fetch(new URL(href!, t.url), { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') } });
    assert.equal(csv.status, 200);
    const lines = (await csv.text()).trim().split(/\r\n/);
    assert.equal(lines.length - 1, headlineN);

    // Changing a filter in the form (no script: a GET form) gives a URL to bookmark.
    await page.selectOption('#f-language', 'sv');
    await Promise.all([page.waitForURL(/language=sv/), page.click('form.filters button[type="submit"]')]);
    const shared = new URL(page.url());
    assert.equal(shared.searchParams.get('persona'), 'Household');
    assert.equal(shared.searchParams.get('segment'), 'basic');
    const sv = await t.api(`/api/v1/metrics/nps?${new URLSearchParams({ ...Object.fromEntries(query), language: 'sv' })}`);
    assert.equal(Number(await page.getAttribute('#headline data.n', 'value')), sv.body.overall.n);
    assert.ok(sv.body.overall.nps > api.body.overall.nps, `${sv.body.overall.nps} vs ${api.body.overall.nps}`);
    await context.close();
  });

  test('the language chosen is kept on the user: Finnish strings and decimal commas, also in a new browser', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const first = await signedIn();
    const page = await first.newPage();
    await page.goto(`${t.url}/app?lang=en`);
    const stored = async () => (await t.db.query<{ language: string }>(`select language from users where org_id = $1 and email = $2`, [t.orgId, email]))[0].language;
    assert.equal(await stored(), 'en');
    await page.click('nav.languages a[hreflang="fi"]');
    await page.waitForURL(/lang=fi/);
    assert.equal(await page.getAttribute('html', 'lang'), 'fi');
    assert.equal(await page.textContent('h1'), 'Palvelupolkujen yleiskuva');
    await first.close();

    // Another browser, no language cookie: the user's own choice, from their profile.
    const second = await signedIn();
    const again = await second.newPage();
    await again.goto(`${t.url}/app`);
    assert.equal(await again.getAttribute('html', 'lang'), 'fi');
    assert.equal(await again.textContent('h1'), 'Palvelupolkujen yleiskuva');
    const headline = await again.textContent('#headline');
    assert.match(headline!, /^NPS valitulla jaksolla: [−-]?\d+,\d \(95 %:n luottamusväli [−-]?\d+,\d … [−-]?\d+,\d/, headline!);
    const nps = Number(await again.getAttribute('#headline data.nps', 'value'));
    assert.equal(await again.textContent('#headline strong'), new Intl.NumberFormat('fi-FI', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(nps));
    await second.close();
    assert.equal(await stored(), 'fi');
  });
});
