/**
 * /app/segments and /app/benchmarks over the services, with figures computed by hand: NPS and
 * its interval per channel, the chi-square test in words (df 2, where p = e^(−χ²/2)), a group
 * under the minimum group size named without figures; the percentile among the benchmark's
 * organisations by linear interpolation; the empty states; who may open the pages; both pages
 * counting only the answers in the filter bar's period, the organisation's default (90 days
 * here) when none is chosen.
 *
 * The clock is fixed at 2026-12-07 10:00 UTC (12:00 in Helsinki): 90 days ending 7 December
 * start on 9 September (7 + 30 + 31 + 22 days back to 9 Sep inclusive = 90), so an answer on
 * 8 September is outside the default period and one on 9 September inside it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { createUser } from '../auth/service.ts';
import { createEmployee, createUnit } from '../orgs/service.ts';
import { pageRoutes } from './page-kit.ts';

const texts = (en: string) => ({ fi: en, en, sv: en });
const npsSurvey = { name: 'Pulse', kind: 'pulse', defaultLanguage: 'en', languages: ['en', 'fi', 'sv'], title: texts('Pulse'), questions: [{ key: 'nps', type: 'nps', text: texts('Recommend?') }] };
/** `p` answers of 10, `pa` of 8, `d` of 3. */
const scores = (p: number, pa: number, d: number) => [...Array(p).fill(10), ...Array(pa).fill(8), ...Array(d).fill(3)] as number[];
/** The visible text of a page: tags out, entities back, white space collapsed. */
const words = (page: string) => page.replace(/<[^>]+>/g, ' ').replaceAll('&amp;', '&').replaceAll('&#39;', '\'').replaceAll('&quot;', '"').replace(/\s+/g, ' ');
const Z = 1.959963984540054;
const en = (n: number, digits = 0) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const NOW = new Date('2026-12-07T10:00:00Z');
const IN_PERIOD = '2026-11-20T10:00:00Z';
/** 8 September 15:00 in Helsinki: the day before the default 90 days. */
const BEFORE_PERIOD = '2026-09-08T12:00:00Z';
const dateInputs = (text: string) => ({
  from: /<input id="f-from" name="from" type="date" value="([^"]*)"/.exec(text)?.[1],
  to: /<input id="f-to" name="to" type="date" value="([^"]*)"/.exec(text)?.[1],
});
const defaultNote = /<p class="muted period-note" id="period-note">Showing the last 90 days \(the organisation’s default\)\.<\/p>/;

describe('segments page', () => {
  let t: TestApp;
  let analyst: PageClient;

  before(async () => {
    t = await startTestApp({ now: () => NOW });
    await t.db.query(`update organizations set default_period = '90d' where id = $1`, [t.orgId]);
    const surveyId = (await t.api('/api/v1/surveys', { body: npsSurvey })).body.id;
    const answers = (values: number[], channel: string, language: string, submittedAt = IN_PERIOD) =>
      values.map((value) => ({ surveyId, channel, language, submittedAt, answers: [{ question: 'nps', value }] }));
    const responses = [
      ...answers(scores(6, 2, 2), 'email', 'fi'), ...answers(scores(6, 2, 2), 'email', 'en'),
      ...answers(scores(3, 2, 5), 'sms', 'fi'), ...answers(scores(1, 2, 7), 'sms', 'en'),
      ...answers(scores(2, 0, 0), 'web', 'sv'), // two answers: under the minimum group size (5) in either grouping
      // Outside the default period: counted, they would make web a group of 7 and add to SMS.
      ...answers(scores(4, 1, 0), 'web', 'sv', BEFORE_PERIOD), ...answers(scores(0, 1, 4), 'sms', 'sv', BEFORE_PERIOD),
    ];
    const stored = await t.api('/api/v1/responses/batch', { body: { responses } });
    assert.equal(stored.status, 200, JSON.stringify(stored.body));
    await createUser(t.db, t.orgId, { email: 'analyst@example.com', name: 'Aino', role: 'analyst', language: 'en', password: 'correct horse battery' });
    analyst = pageClient(t, await sessionCookie(t, 'analyst@example.com'));
  });
  after(() => t.close());

  test('by channel: NPS, interval and n per channel by hand, and "the segments differ" with χ² = 8', async () => {
    const res = await analyst.get('/app/segments?by=channel&lang=en');
    assert.equal(res.status, 200);
    const text = words(res.text);
    // email 12 / 4 / 4, sms 4 / 4 / 12: expected 8 / 4 / 8 in each row, χ² = 4 · (4² / 8) = 8, df = 2, p = e^(−4) = 0.0183.
    assert.match(text, /The segments differ: χ² = 8\.0, df = 2, p = 0\.018/);
    // E-mail: NPS 100 · (12 − 4) / 20 = 40; SE = 100 · √((0.6 + 0.2 − 0.4²) / 20) = 17.889; 40 ± 1.96 · 17.889 = 4.94 … 75.06.
    const se = 100 * Math.sqrt((0.6 + 0.2 - 0.16) / 20);
    assert.match(text, new RegExp(`E-mail 20 40 ${en(40 - Z * se)} – ${en(40 + Z * se)}`));
    assert.equal(`${en(40 - Z * se)} – ${en(40 + Z * se)}`, '5 – 75');
    assert.match(text, new RegExp(`SMS 20 -40 ${en(-40 - Z * se)} – ${en(-40 + Z * se)}`));
    // Web has two answers: named, without figures, and left out of the test.
    assert.match(text, /Web Fewer than 5 answers, not shown/);
    assert.match(text, /1 group has fewer than 5 answers and is left out of the test\./);
    assert.doesNotMatch(res.text, />email<|>sms<|>web</, 'channel codes are shown by their names');
    // The filter bar shows the default period's days and says it is the default.
    assert.deepEqual(dateInputs(res.text), { from: '2026-09-09', to: '2026-12-07' });
    assert.match(res.text, defaultNote);
    assert.match(res.text, /<select id="f-channel" name="channel">/);
  });

  test('a chosen period counts only its answers: 1–8 September has web 4 / 1 / 0 and SMS 0 / 1 / 4, χ² = 8', async () => {
    const res = await analyst.get('/app/segments?by=channel&from=2026-09-01&to=2026-09-08&lang=en');
    assert.equal(res.status, 200);
    const text = words(res.text);
    // Expected 2 / 1 / 2 in each row: χ² = 4 · (2² / 2) = 8, df = 2. Web NPS 100 · 4 / 5 = 80, SMS −80; e-mail had no answers then.
    assert.match(text, /The segments differ: χ² = 8\.0, df = 2, p = 0\.018/);
    assert.match(text, /Web 5 80 /);
    assert.match(text, /SMS 5 -80 /);
    assert.doesNotMatch(res.text, /<th scope="row">E-mail</);
    assert.deepEqual(dateInputs(res.text), { from: '2026-09-01', to: '2026-09-08' });
    assert.doesNotMatch(res.text, /period-note/, 'a chosen period is not the default');
    const bad = await analyst.get('/app/segments?by=channel&from=2026-13-01&lang=en');
    assert.equal(bad.status, 200);
    assert.match(words(bad.text), /“From” was not valid and is ignored\./);
    assert.match(words(bad.text), /E-mail 20 40 /);
  });

  test('by language: "no clear difference" with p = e^(−0.25) = 0.78; languages by their names', async () => {
    const res = await analyst.get('/app/segments?by=language&lang=en');
    assert.equal(res.status, 200);
    const text = words(res.text);
    // fi 9 / 4 / 7, en 7 / 4 / 9: expected 8 / 4 / 8, χ² = 4 · (1 / 8) = 0.5, p = e^(−0.25) = 0.7788.
    assert.equal(Math.exp(-0.25).toFixed(2), '0.78');
    assert.match(text, /No clear difference \(p = 0\.78\)/);
    assert.match(text, /English 20 -10 /);
    assert.match(text, /Suomi 20 10 /);
    assert.match(text, /Svenska Fewer than 5 answers, not shown/);
  });

  test('the grouping select offers every grouping by name; a grouping with one group left says so; a made-up one is a 400', async () => {
    const form = await analyst.get('/app/segments?lang=en');
    assert.equal(form.status, 200);
    const select = form.text.slice(form.text.indexOf('<select id="by"'), form.text.indexOf('</select>', form.text.indexOf('<select id="by"')));
    const options = [...select.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)</g)].map((m) => `${m[1]}=${m[2]}`);
    assert.deepEqual(options, ['=Choose a grouping', 'segment=Customer segment', 'unit=Unit', 'channel=Channel', 'language=Answer language', 'touchpoint=Touchpoint', 'journey=Journey']);
    const units = await analyst.get('/app/segments?by=unit&lang=en');
    assert.equal(units.status, 200);
    assert.match(words(units.text), /needs at least two groups with 5 or more answers each/);
    const bad = await analyst.get('/app/segments?by=colour&lang=en');
    assert.equal(bad.status, 400);
    assert.match(bad.text, /<a href="#by">Choose a grouping from the list\.<\/a>/);
  });

  test('Finnish and Polish: the test in their words and number formats', async () => {
    const fi = words((await analyst.get('/app/segments?by=channel&lang=fi')).text);
    assert.match(fi, /Ryhmät eroavat: χ² = 8,0, vapausasteet = 2, p = 0,018/);
    const pl = words((await analyst.get('/app/segments?by=channel&lang=pl')).text);
    assert.match(pl, /Grupy się różnią: χ² = 8,0, stopnie swobody = 2, p = 0,018/);
    assert.match(pl, /1 grupa ma mniej niż 5 odpowiedzi/);
  });

  test('the pages check the permission the APIs use; without a session the browser goes to sign in', async () => {
    const checked = Object.fromEntries(pageRoutes.filter((r) => r.path === '/app/segments' || r.path === '/app/benchmarks').map((r) => [r.path, r.permission]));
    assert.deepEqual(checked, { '/app/segments': 'metrics:read', '/app/benchmarks': 'metrics:read' });
    const anonymous = pageClient(t, null);
    const res = await anonymous.get('/app/segments?by=channel');
    assert.equal(res.status, 303);
    assert.equal(res.location, `/login?next=${encodeURIComponent('/app/segments?by=channel')}`);
    const menu = await analyst.get('/app?lang=en');
    assert.match(menu.text, /<a href="\/app\/segments">Segments<\/a>/);
    assert.match(menu.text, /<a href="\/app\/benchmarks">Benchmarks<\/a>/);
  });
});

describe('benchmarks page', () => {
  let t: TestApp;
  let analyst: PageClient;
  let frontline: PageClient;

  before(async () => {
    t = await startTestApp({ now: () => NOW });
    await t.db.query(`update organizations set default_period = '90d' where id = $1`, [t.orgId]);
    const survey = await t.api('/api/v1/surveys', {
      body: { ...npsSurvey, questions: [{ key: 'nps', type: 'nps', text: texts('Recommend?') }, { key: 'csat', type: 'csat', text: texts('Satisfied?') }] },
    });
    const surveyId = survey.body.id;
    const nps = (value: number, submittedAt = IN_PERIOD) => ({ surveyId, submittedAt, answers: [{ question: 'nps', value }] });
    const csat = (value: number) => ({ surveyId, submittedAt: '2026-10-01T10:00:00Z', answers: [{ question: 'csat', value }] });
    const unitId = await createUnit(t.db, t.orgId, { name: 'Shop' });
    const user = await createUser(t.db, t.orgId, { email: 'anni@example.com', name: 'Anni', role: 'frontline', language: 'en', password: 'correct horse battery' });
    const employeeId = await createEmployee(t.db, t.orgId, { name: 'Anni', unitId, userId: user });
    const responses = [
      ...[10, 10, 10, 9, 8, 8, 3].map((v) => nps(v)),
      nps(0, BEFORE_PERIOD), // a detractor the day before the default period
      ...[10, 9, 5].map((v) => ({ ...nps(v), unitId, employeeId })), // Anni's three: too few to show her on her own
      ...[5, 5, 4, 2].map(csat),
    ];
    const stored = await t.api('/api/v1/responses/batch', { body: { responses } });
    assert.equal(stored.status, 200, JSON.stringify(stored.body));
    await createUser(t.db, t.orgId, { email: 'analyst@example.com', name: 'Aino', role: 'analyst', language: 'en', password: 'correct horse battery' });
    analyst = pageClient(t, await sessionCookie(t, 'analyst@example.com'));
    frontline = pageClient(t, await sessionCookie(t, 'anni@example.com'));
  });
  after(() => t.close());

  test('before any import: a clear empty state', async () => {
    const res = await analyst.get('/app/benchmarks?lang=en');
    assert.equal(res.status, 200);
    assert.match(words(res.text), /No benchmark has been imported yet\./);
  });

  test('after an import, each measure in words: own value, percentile by hand, the benchmark\'s n and period', async () => {
    const csv = 'industry;metric;period;n;mean;p10;p25;p50;p75;p90;source\nretail;nps;2025-Q3;120;22;-10;5;20;35;50;Survey Institute 2025\nretail;csat;2025;80;76,5;;70;78;85;;\nretail;nps;2024;110;18;-20;0;15;30;45;\n';
    const imported = await t.api('/api/v1/benchmarks/import', { body: { csv } });
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    const noIndustry = await analyst.get('/app/benchmarks?lang=en');
    assert.match(words(noIndustry.text), /The organisation’s industry is not set/);
    assert.equal((await t.api('/api/v1/org', { method: 'PATCH', body: { industry: 'retail' } })).status, 200);

    const page = await analyst.get('/app/benchmarks?lang=en');
    const text = words(page.text);
    // The default 90 days, 9 Sep – 7 Dec 2026: 6 promoters, 2 passives, 2 detractors of 10 (the detractor of 8 Sep left out) → NPS 40;
    // against Q3 2025, between p75 = 35 and p90 = 50: 75 + (40 − 35) / 15 · 15 = 80.
    assert.match(text, /Your NPS \(likelihood to recommend\) from 9 Sept? 2026 to 7 Dec 2026: 40 \(from 10 answers\)\./);
    assert.match(text, /This puts you at the 80th percentile of 120 organisations \(benchmark for Q3 2025\)\./);
    assert.match(text, /Source: Survey Institute 2025/);
    // 3 of 4 CSAT answers are 4 or 5 → 75 %; between p25 = 70 and p50 = 78: 25 + (75 − 70) / 8 · 25 = 40.625 → 41st.
    assert.match(text, /from 9 Sept? 2026 to 7 Dec 2026: 75 % \(from 4 answers\)\./);
    assert.match(text, /This puts you at the 41st percentile of 80 organisations \(benchmark for 2025\)\./);
    assert.match(text, /Customer effort \(CES\) There are no benchmark figures for this measure\./);
    assert.doesNotMatch(text, /2025-Q3|retail/, 'no raw period or industry codes');
    // The filter bar: the default's days and the line saying so; no unit or channel control, and the page says why.
    assert.deepEqual(dateInputs(page.text), { from: '2026-09-09', to: '2026-12-07' });
    assert.match(page.text, defaultNote);
    assert.doesNotMatch(page.text, /name="unit"|name="channel"/);
    assert.match(text, /Benchmarks compare whole organisations, so these figures are not narrowed to a unit or channel/);

    // A period from 1 September counts the detractor of 8 September too: 6 / 2 / 3 of 11 → NPS 300 / 11 = 27.3;
    // between p50 = 20 and p75 = 35: 50 + (27.27 − 20) / 15 · 25 = 62.1 → 62nd.
    const wider = await analyst.get('/app/benchmarks?from=2026-09-01&lang=en');
    assert.match(words(wider.text), /Your NPS \(likelihood to recommend\) from 1 Sept? 2026 to 7 Dec 2026: 27 \(from 11 answers\)\. This puts you at the 62nd percentile of 120 organisations/);
    assert.doesNotMatch(wider.text, /period-note/, 'a chosen period is not the default');
    // Links to the other benchmark period keep the chosen days.
    assert.match(wider.text, /<a href="\/app\/benchmarks\?from=2026-09-01&(amp;)?nps=2024">2024<\/a>/);

    // The NPS benchmark's other period is a link; picked, the same 40 sits between 2024's p75 = 30 and p90 = 45: 75 + 10 / 15 · 15 = 85.
    assert.match(text, /NPS \(likelihood to recommend\) .* Other benchmark periods: 2024 /);
    const earlier = await analyst.get('/app/benchmarks?nps=2024&lang=en');
    assert.match(earlier.text, /<a href="\/app\/benchmarks\?nps=2025-Q3">Q3 2025<\/a>/);
    assert.match(words(earlier.text), /This puts you at the 85th percentile of 110 organisations \(benchmark for 2024\)\./);
    assert.match(earlier.text, /<input type="hidden" name="nps" value="2024">/, 'the filter bar keeps the picked benchmark');
    const january = words((await analyst.get('/app/benchmarks?from=2025-01-01&to=2025-01-31&lang=en')).text);
    assert.match(january, /Your NPS \(likelihood to recommend\): no answers from 1 Jan 2025 to 31 Jan 2025\./);
    const unknown = words((await analyst.get('/app/benchmarks?nps=1999&lang=en')).text);
    assert.match(unknown, /There is no benchmark for the chosen period, so the latest one is shown\./);
    assert.match(unknown, /80th percentile/);

    const fi = words((await analyst.get('/app/benchmarks?lang=fi')).text);
    assert.match(fi, /Olet 80\. persentiilillä 120 organisaation joukossa \(vertailu 3\. neljännes 2025\)\./);
  });

  test('a frontline person sees the page, but not a figure from fewer answers than the minimum group size', async () => {
    const res = await frontline.get('/app/benchmarks?lang=en');
    assert.equal(res.status, 200);
    const text = words(res.text);
    assert.match(text, /Fewer than 5 answers from 9 Sept? 2026 to 7 Dec 2026, so the result is not shown\./);
    assert.doesNotMatch(text, /percentile of/);
  });
});
