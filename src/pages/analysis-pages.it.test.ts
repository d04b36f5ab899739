import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { csvOf, pageTable } from '../../test/helpers/tables.ts';
import { churnContacts, respondents, seedAnalysisData } from '../../test/helpers/analysis-data.ts';

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const Z95 = 1.959964;

describe('analytic pages: drivers, open answers and churn risk', () => {
  let t: TestApp;
  let cookies: Record<string, string>;
  const get = (path: string, role: string) => fetch(t.url + path, { redirect: 'manual', headers: { cookie: cookies[role] } });
  const body = async (path: string, role: string) => {
    const res = await get(path, role);
    assert.equal(res.status, 200, `${path} as ${role}: ${res.status}`);
    return res.text();
  };

  before(async () => {
    t = await startTestApp({ jobs: true });
    const { emails } = await seedAnalysisData(t);
    cookies = {};
    for (const [role, email] of Object.entries(emails)) {
      const login = await fetch(t.url + '/login', { method: 'POST', redirect: 'manual', body: new URLSearchParams({ email, password: 'correct horse battery' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(login.status, 303);
      cookies[role] = /kaiku_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
    }
  });
  after(() => t.close());

  test('drivers: n, performance, thresholds and quadrants as computed by hand; weights as the API gives them', async () => {
    const page = await body('/app/drivers?lang=en', 'analyst');
    const complete = respondents.filter((r) => r.price !== null);
    assert.ok(page.includes(`${complete.length} respondents with every answer (3 left out`), 'n = 37, excluded = 3');
    const apiBody = (await t.api(`/api/v1/drivers?surveyId=${await surveyIdOf(t)}&target=nps`)).body;
    const performance: Record<string, number> = {
      'Service was fast': mean(complete.map((r) => r.speed)), 'Staff were friendly': mean(complete.map((r) => r.staff)), 'Price was fair': mean(complete.map((r) => r.price as number)),
    };
    const performanceThreshold = mean(Object.values(performance));
    const table = pageTable(page, 'drivers-matrix');
    assert.deepEqual(table[0], ['Attribute', 'Importance (% of R²)', '95 % interval', 'Performance (mean answer)', 'Priority']);
    const byLabel = new Map<string, { rescaled: number; rescaledCi95: { lower: number; upper: number } }>(apiBody.attributes.map((a: { label: string }) => [a.label, a]));
    for (const row of table.slice(1)) {
      const [label, importance, low, high, perf, quadrant] = row;
      const attr = byLabel.get(label)!;
      assert.equal(Number(importance), Math.round(attr.rescaled * 10) / 10, label);
      assert.equal(Number(low), Math.round(attr.rescaledCi95.lower * 10) / 10);
      assert.equal(Number(high), Math.round(attr.rescaledCi95.upper * 10) / 10);
      assert.equal(Number(perf), Math.round(performance[label] * 100) / 100, `performance of ${label}`);
      // Split at 100/3 % importance and the mean of the three means; at the mean counts as high.
      const important = attr.rescaled >= 100 / 3;
      const performing = performance[label] >= performanceThreshold;
      assert.equal(quadrant, important ? (performing ? 'Keep' : 'Fix first') : (performing ? 'Overkill' : 'Low priority'), label);
    }
    // Most important first, and the rescaled weights add up to 100.
    const importances = table.slice(1).map((r) => Number(r[1]));
    assert.deepEqual(importances, [...importances].sort((x, y) => y - x));
    assert.ok(Math.abs(importances.reduce((s, x) => s + x, 0) - 100) <= 0.15);
    assert.equal(table[1][0], 'Service was fast', 'speed drives the made-up NPS most');
    assert.match(page, /<svg[^>]*id="drivers-matrix-chart"[\s\S]*?Fix first[\s\S]*?<\/svg>/);
    // Each driver, most important first, links to a new action plan prefilled with it and the NPS target.
    const drivers = table.slice(1).map((r) => r[0]);
    const links = [...page.matchAll(/<a href="\/app\/actions\/new\?questionId=([0-9a-f-]{36})&amp;metric=nps">Start an action plan: ([^<]*)<\/a>/g)];
    assert.deepEqual(links.map((m) => m[2]), drivers);
    assert.deepEqual(links.map((m) => m[1]), drivers.map((label) => apiBody.attributes.find((a: { label: string }) => a.label === label).questionId));
  });

  test('drivers: promoter-versus-passive odds ratios and their intervals exp(b ± 1.96·se) by hand from the API\'s coefficients', async () => {
    const page = await body('/app/drivers?lang=en', 'admin');
    const res = await t.api(`/api/v1/drivers?surveyId=${await surveyIdOf(t)}&target=nps&method=promoter-logistic`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const fit = res.body;
    const promoters = respondents.filter((r) => r.price !== null && r.nps >= 9).length;
    const passives = respondents.filter((r) => r.price !== null && (r.nps === 7 || r.nps === 8)).length;
    assert.equal(fit.promoters, promoters);
    assert.equal(fit.passives, passives);
    assert.ok(page.includes(`${promoters} promoters and ${passives} passives`));
    const table = pageTable(page, 'drivers-promoters');
    assert.equal(table.length, 4, 'three attributes, no intercept row');
    const coefficients = table.slice(1).map((r) => Number(r[1]));
    assert.deepEqual(coefficients, [...coefficients].sort((x, y) => y - x), 'largest effect first');
    for (const row of table.slice(1)) {
      const c = fit.coefficients.find((x: { label: string }) => x.label === row[0]);
      const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
      assert.deepEqual(row.slice(1, 5).map(Number), [
        round(c.coefficient, 3), round(Math.exp(c.coefficient), 2), round(Math.exp(c.coefficient - Z95 * c.se), 2), round(Math.exp(c.coefficient + Z95 * c.se), 2),
      ], row[0]);
      assert.equal(row[5], c.p < 0.0005 ? '< 0.001' : String(round(c.p, 3)), `p of ${row[0]}`);
    }
  });

  test('drivers: the chooser, filters in the URL and downloads; a slice too small for a person-level view says why', async () => {
    const shapley = await body('/app/drivers?lang=en&method=shapley&performance=top-box&from=2026-06-01&to=2026-06-30', 'analyst');
    assert.match(shapley, /<option value="shapley" selected>/);
    assert.ok(shapley.includes('Performance (top-two-box %)'));
    const csv = await csvOf(await get('/app/drivers?lang=en&method=shapley&performance=top-box&from=2026-06-01&to=2026-06-30&download=drivers-matrix.csv', 'analyst'));
    assert.deepEqual(csv.slice(1).map((r) => r.slice(0, 2)), pageTable(shapley, 'drivers-matrix').slice(1).map((r) => r.slice(0, 2)));
    // A period without answers: no figures, and the reason.
    const empty = await body('/app/drivers?lang=en&from=2025-01-01&to=2025-01-31', 'analyst');
    assert.ok(empty.includes('These figures cannot be computed for this selection:'));
    // Frontline staff see their own feedback only: none here, so nothing is computed for them.
    const frontline = await body('/app/drivers?lang=en', 'frontline');
    assert.ok(frontline.includes('These figures cannot be computed'));
    assert.ok(!frontline.includes('id="drivers-matrix"'));
    const bad = await body('/app/drivers?lang=en&method=magic&from=2026-13-01', 'analyst');
    assert.ok(bad.includes('“Method” was not valid') && bad.includes('“From” was not valid'));
  });

  test('open answers: topic × sentiment shares are the API\'s counts as percentages; search finds redacted answers', async () => {
    const page = await body('/app/text?lang=en&from=2026-01-01&to=2026-06-30', 'analyst');
    const api = (await t.api(`/api/v1/text/topics?from=${encodeURIComponent('2025-12-31T22:00:00.000Z')}&to=${encodeURIComponent('2026-06-30T21:00:00.000Z')}`)).body;
    assert.equal(api.answers, respondents.filter((r) => r.why).length);
    const table = pageTable(page, 'text-topics');
    assert.deepEqual(table[0], ['Topic', 'Mentions', 'Share of texts (%)', 'Negative', 'Neutral', 'Positive', 'Net sentiment (positive − negative, %)']);
    const mentioned = api.matrix.rows.filter((r: { mentions: number }) => r.mentions > 0);
    assert.ok(mentioned.length >= 2, JSON.stringify(api.matrix.rows));
    assert.equal(table.length - 1, mentioned.length);
    const one = (v: number) => String(Math.round(v * 10) / 10);
    for (const r of mentioned) {
      const row = table.find((x) => x[0] === ({ wait_time: 'Waiting time', staff: 'Staff', price: 'Price' } as Record<string, string>)[r.topic]) ?? table.find((x) => x[0].toLowerCase().replace(/ /g, '_') === r.topic);
      assert.ok(row, r.topic);
      const c = r.counts;
      assert.deepEqual(row.slice(1), [String(r.mentions), one((100 * r.mentions) / api.answers), one((100 * c.negative) / r.mentions), one((100 * c.neutral) / r.mentions), one((100 * c.positive) / r.mentions), one((100 * (c.positive - c.negative)) / r.mentions)], r.topic);
    }
    // Most mentioned first.
    const counts = table.slice(1).map((r) => Number(r[1]));
    assert.deepEqual(counts, [...counts].sort((x, y) => y - x));
    const search = await body('/app/text?lang=en&from=2026-01-01&q=friendly', 'analyst');
    assert.ok(search.includes('Friendly staff, thank you!'));
    assert.ok(!search.includes('anna.asiakas@example.com'), 'the e-mail address is redacted');
    assert.ok(!search.includes('waiting time was far too long'));
    // Viewers may read figures but not answers: no search.
    const viewer = await body('/app/text?lang=en&from=2026-01-01', 'viewer');
    assert.ok(viewer.includes('id="text-topics"') && !viewer.includes('id="search-heading"'));
    const csv = await csvOf(await get('/app/text?lang=en&from=2026-01-01&to=2026-06-30&download=text-topics.csv', 'analyst'));
    assert.deepEqual(csv.slice(1).map((r) => r.slice(0, 2)), table.slice(1).map((r) => r.slice(0, 2)));
  });

  test('churn: empty state with "train now" for those who may train; frontline and viewers are refused', async () => {
    for (const role of ['frontline', 'viewer']) assert.equal((await get('/app/churn', role)).status, 403, role);
    const manager = await body('/app/churn?lang=en', 'unit_manager');
    assert.ok(manager.includes('No churn model yet') && !manager.includes('action="/app/churn/train"'));
    const admin = await body('/app/churn?lang=en', 'admin');
    assert.ok(admin.includes('No churn model yet') && admin.includes('<form method="post" action="/app/churn/train">'));
    // The form post: refused from another site and for a unit manager.
    const post = (role: string, headers: Record<string, string> = {}) => fetch(`${t.url}/app/churn/train`, { method: 'POST', redirect: 'manual', headers: { cookie: cookies[role], 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: '' });
    assert.equal((await post('admin', { origin: 'https://evil.example' })).status, 403);
    assert.equal((await post('unit_manager')).status, 403);
    // Nobody has a churn flag yet: nothing is queued, and the page says why in the user's language.
    const refused = await post('admin');
    assert.equal(refused.status, 303);
    assert.equal(refused.headers.get('location'), '/app/churn?trainError=no_flag');
    assert.ok((await body('/app/churn?lang=fi&trainError=no_flag', 'admin')).includes('Yhdenkään asiakkaan operatiivisissa tiedoissa ei vielä ole ”churned”-merkintää'));
    assert.equal((await t.db.query(`select count(*)::int as n from churn_models where org_id = $1`, [t.orgId]))[0].n, 0);
  });

  test('churn: after training, quality and the at-risk list are the API\'s, rates shown as percentages', async () => {
    assert.equal((await t.api('/api/v1/contacts/batch', { body: { contacts: churnContacts } })).status, 200);
    const train = await fetch(`${t.url}/app/churn/train`, { method: 'POST', redirect: 'manual', headers: { cookie: cookies.analyst, origin: t.url, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    assert.equal(train.status, 303);
    assert.equal(train.headers.get('location'), '/app/churn?queued=1');
    assert.ok((await body('/app/churn?lang=en&queued=1', 'analyst')).includes('Training has been queued'));
    await waitUntil(() => t.api('/api/v1/churn/model'), (r) => r.status === 200, 'a trained churn model', 60_000);
    const model = (await t.api('/api/v1/churn/model')).body;
    const page = await body('/app/churn?lang=en', 'analyst');
    assert.match(page, new RegExp(`<data value="${model.holdout.auc}">${model.holdout.auc.toFixed(3)}</data>`));
    const deciles = pageTable(page, 'churn-deciles');
    assert.equal(deciles.length - 1, model.holdout.deciles.length);
    model.holdout.deciles.forEach((d: { decile: number; n: number; churners: number; churnRate: number; meanPredicted: number; lift: number; cumulativeCapture: number }, i: number) => {
      const round = (v: number, k: number) => String(Math.round(v * 10 ** k) / 10 ** k);
      // Rate = churners / n, by hand.
      assert.deepEqual(deciles[i + 1], [String(d.decile), String(d.n), String(d.churners), round((100 * d.churners) / d.n, 1), round(100 * d.meanPredicted, 1), round(d.lift, 2), round(100 * d.cumulativeCapture, 1)]);
    });
    const list = pageTable(page, 'churn-at-risk');
    const api = (await t.api('/api/v1/churn/at-risk?limit=25')).body;
    assert.deepEqual(list.slice(1).map((r) => [r[0], r[2]]), api.items.map((c: { name: string; risk: number }) => [c.name, String(Math.round(1000 * c.risk) / 10)]));
    assert.ok(list[1][3].startsWith('Tenure months: '), list[1][3]); // the key in words, not the code tenureMonths
    assert.ok(page.includes('href="/api/v1/churn/at-risk.csv"'));
    // The next page continues where this one ended.
    if (api.nextCursor) {
      const next = pageTable(await body(`/app/churn?lang=en&cursor=${encodeURIComponent(api.nextCursor)}`, 'analyst'), 'churn-at-risk');
      const second = (await t.api(`/api/v1/churn/at-risk?limit=25&cursor=${encodeURIComponent(api.nextCursor)}`)).body;
      assert.deepEqual(next.slice(1).map((r) => r[0]), second.items.map((c: { name: string }) => c.name));
    }
  });
});

async function surveyIdOf(t: TestApp): Promise<string> {
  const [row] = await t.db.query<{ id: string }>(`select id from surveys where org_id = $1 and name = 'Service study'`, [t.orgId]);
  return row.id;
}
