/**
 * The journey map and the touchpoint / question pages over real HTTP: every figure a page
 * shows is checked against values worked out by hand in the comments (NPS and its interval,
 * the change test against the previous period, CSAT with its Wilson interval, CES with its
 * t-interval, Likert buckets with don't know apart, the score distribution, breakdowns with
 * small-group suppression), plus roles, data scopes and another organisation's ids.
 * Periods are given in the URL (March 2026 against the 31 days before it), so nothing depends
 * on today's date.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser } from '../auth/service.ts';
import { createJourney, createStage, createTouchpoint } from '../journeys/service.ts';
import { parsePageFilters, periodOf } from './journey-figures.ts';
import { distributionBars } from './touchpoint-view.ts';
import { changeMark } from './journey-map-view.ts';
import { dashboardText } from '../i18n/dashboard.ts';
import { journeyPageText } from '../i18n/journey-pages.ts';
import { divergingGeometry, distributionGeometry } from './detail-charts.ts';

const PASSWORD = 'correct horse battery';
const MARCH = 'from=2026-03-01&to=2026-03-31';

/** Text of the element (li/tr) that contains `name`, tags stripped, spaces collapsed. */
function itemText(page: string, tag: 'li' | 'tr', name: string): string {
  const items = page.match(new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`, 'g')) ?? [];
  const item = items.find((r) => r.includes(`>${name}<`));
  assert.ok(item, `no ${tag} with ${name}`);
  return item.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}
const textOf = (page: string) => page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('journey map and touchpoint pages', () => {
  let t: TestApp;
  const ids = { unit: '', contract: '', visit: '', tiny: '', survey: '', likert: '', employeeA: '', employeeB: '', journeyMove: '', responses: [] as string[] };
  const emails = { admin: '', manager: 'manager-jm@example.com', frontlineA: 'aino-jm@example.com', frontlineB: 'bertta-jm@example.com', viewer: 'viewer-jm@example.com' };
  const cookies: Record<string, string> = {};

  const page = async (path: string, who: keyof typeof emails = 'admin') => {
    const res = await fetch(t.url + path, { redirect: 'manual', headers: { cookie: cookies[who] } });
    return { status: res.status, body: await res.text(), headers: res.headers };
  };

  before(async () => {
    t = await startTestApp();
    emails.admin = `admin-${t.orgId.slice(0, 8)}@example.com`;
    const [unit] = await t.db.query<{ id: string }>(`insert into units (org_id, name) values ($1, 'Customer service') returning id`, [t.orgId]);
    ids.unit = unit.id;
    ids.journeyMove = await createJourney(t.db, t.orgId, { name: 'Move-in', persona: 'Household' });
    const contract = await createStage(t.db, t.orgId, ids.journeyMove, { name: 'Contract', phase: 'before' });
    ids.contract = await createTouchpoint(t.db, t.orgId, { stageId: contract, name: 'Contract by phone', channel: 'phone', ownerUnitId: unit.id });
    ids.tiny = await createTouchpoint(t.db, t.orgId, { stageId: contract, name: 'Contract in store', channel: 'store' });
    const repair = await createJourney(t.db, t.orgId, { name: 'Fault repair', persona: 'Business' });
    const visitStage = await createStage(t.db, t.orgId, repair, { name: 'Repair visit', phase: 'during' });
    ids.visit = await createTouchpoint(t.db, t.orgId, { stageId: visitStage, name: 'Technician visit', channel: 'field' });

    const survey = await t.api('/api/v1/surveys', { body: {
      name: 'Pulse', kind: 'pulse', defaultLanguage: 'en', languages: ['en', 'fi'], title: { en: 'Pulse', fi: 'Pulssi' },
      questions: [
        { key: 'nps', type: 'nps', required: true, text: { en: 'Recommend?', fi: 'Suosittelisitko?' } },
        { key: 'csat', type: 'csat', text: { en: 'Satisfied?', fi: 'Tyytyväinen?' } },
        { key: 'ease', type: 'ces', text: { en: 'It was easy', fi: 'Oli helppoa' } },
        { key: 'staff', type: 'likert7', allowDontKnow: true, text: { en: 'The staff were friendly', fi: 'Henkilökunta oli ystävällistä' } },
        { key: 'why', type: 'text', text: { en: 'Why?', fi: 'Miksi?' } },
      ] } });
    assert.equal(survey.status, 201, JSON.stringify(survey.body));
    ids.survey = survey.body.id;
    [{ id: ids.likert }] = await t.db.query<{ id: string }>(`select id::text from questions where org_id = $1 and survey_id = $2 and key = 'staff'`, [t.orgId, ids.survey]);

    const userA = await createUser(t.db, t.orgId, { email: emails.frontlineA, name: 'Aino', role: 'frontline', unitId: unit.id, language: 'en', password: PASSWORD });
    const userB = await createUser(t.db, t.orgId, { email: emails.frontlineB, name: 'Bertta', role: 'frontline', unitId: unit.id, language: 'en', password: PASSWORD });
    await createUser(t.db, t.orgId, { email: emails.manager, name: 'Maija', role: 'unit_manager', unitId: unit.id, language: 'en', password: PASSWORD });
    await createUser(t.db, t.orgId, { email: emails.viewer, name: 'Ville', role: 'viewer', language: 'en', password: PASSWORD });
    [{ id: ids.employeeA }] = await t.db.query<{ id: string }>(`insert into employees (org_id, unit_id, name, user_id) values ($1, $2, 'Aino Esimerkki', $3) returning id`, [t.orgId, unit.id, userA]);
    [{ id: ids.employeeB }] = await t.db.query<{ id: string }>(`insert into employees (org_id, unit_id, name, user_id) values ($1, $2, 'Bertta Esimerkki', $3) returning id`, [t.orgId, unit.id, userB]);
    const contact = async (segment: string) => (await t.db.query<{ id: string }>(
      `insert into contacts (org_id, name, segment, cohort) values ($1, 'C', $2, 0) returning id`, [t.orgId, segment]))[0].id;
    const household = await contact('household');
    const business = await contact('business');

    // Contract by phone, March: NPS 10,10,10,10,10,9,9,8,7,6,5,0; the first six by Aino, the next two by Bertta;
    // the first eight from household contacts, the last four from business ones.
    const march = [10, 10, 10, 10, 10, 9, 9, 8, 7, 6, 5, 0];
    const csat = [5, 5, 4, 3, 1];
    const ces = [7, 6, 5, 4, 2];
    const likert: Array<number | 'dk'> = [7, 6, 5, 5, 4, 3, 1, 'dk', 'dk'];
    const responses: unknown[] = march.map((value, i) => ({
      surveyId: ids.survey, touchpointId: ids.contract, submittedAt: `2026-03-${String(10 + i).padStart(2, '0')}T10:00:00Z`,
      ...(i < 6 ? { employeeId: ids.employeeA } : i < 8 ? { employeeId: ids.employeeB } : {}),
      contactId: i < 8 ? household : business,
      answers: [
        { question: 'nps', value },
        ...(i < csat.length ? [{ question: 'csat', value: csat[i] }] : []),
        ...(i < ces.length ? [{ question: 'ease', value: ces[i] }] : []),
        ...(i < likert.length ? [likert[i] === 'dk' ? { question: 'staff', dontKnow: true } : { question: 'staff', value: likert[i] }] : []),
        ...(i === 11 ? [{ question: 'why', value: 'Nobody called back. Call me on 040 123 4567 or mail matti@example.com' }] : []),
      ],
    }));
    // February (the previous 31 days): 10,10,9,8,6,5,3,0,0,0 twice.
    for (const [i, value] of [10, 10, 9, 8, 6, 5, 3, 0, 0, 0, 10, 10, 9, 8, 6, 5, 3, 0, 0, 0].entries()) {
      responses.push({ surveyId: ids.survey, touchpointId: ids.contract, submittedAt: `2026-02-${String(1 + i).padStart(2, '0')}T10:00:00Z`, answers: [{ question: 'nps', value }] });
    }
    // Technician visit: five 9s in March; Contract in store: three answers (below the minimum group size of 5).
    for (let i = 0; i < 5; i++) responses.push({ surveyId: ids.survey, touchpointId: ids.visit, submittedAt: '2026-03-05T10:00:00Z', answers: [{ question: 'nps', value: 9 }] });
    for (const value of [10, 0, 0]) responses.push({ surveyId: ids.survey, touchpointId: ids.tiny, submittedAt: '2026-03-06T10:00:00Z', answers: [{ question: 'nps', value }] });
    const batch = await t.api('/api/v1/responses/batch', { body: { responses } });
    assert.equal(batch.status, 200, JSON.stringify(batch.body).slice(0, 500));
    ids.responses = batch.body.items.map((r: { id: string }) => r.id);
    const opened = await t.api('/api/v1/cases', { body: { responseId: ids.responses[11], title: 'Call back the customer', priority: 'high' } });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));

    for (const who of Object.keys(emails) as Array<keyof typeof emails>) {
      const res = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: emails[who], password: PASSWORD }) });
      assert.equal(res.status, 200, `sign-in as ${who}`);
      cookies[who] = (res.headers.get('set-cookie') ?? '').split(';')[0];
    }
  });
  after(async () => { await t?.close(); });

  test('the period and the previous one of equal length, in the organisation calendar', () => {
    const p = periodOf({ from: '2026-03-01', to: '2026-03-31' }, 'Europe/Helsinki', new Date('2026-11-24T12:00:00Z'), '90d');
    assert.equal(p.days, 31);
    assert.deepEqual(p.previousDays, { from: '2026-01-29', to: '2026-02-28' });
    // Helsinki is UTC+2 in winter; summer time starts on 29 March, so 1 April begins at 21:00 UTC.
    assert.deepEqual(p.current, { from: '2026-02-28T22:00:00.000Z', to: '2026-03-31T21:00:00.000Z' });
    assert.deepEqual(p.previous, { from: '2026-01-28T22:00:00.000Z', to: '2026-02-28T22:00:00.000Z' });
    // Without from/to: the organisation's default, the last 90 days up to today (24 Nov − 89 days = 27 Aug).
    const d = periodOf({}, 'Europe/Helsinki', new Date('2026-11-24T12:00:00Z'), '90d');
    assert.deepEqual([d.from, d.to, d.days, d.defaultPeriod], ['2026-08-27', '2026-11-24', 90, '90d']);
    assert.equal(p.defaultPeriod, null);
    // '18m': from the first of the month 17 months before November 2026, 1 June 2025 … 24 Nov 2026 = 542 days.
    const m = periodOf({}, 'Europe/Helsinki', new Date('2026-11-24T12:00:00Z'), '18m');
    assert.deepEqual([m.from, m.to, m.days], ['2025-06-01', '2026-11-24', 542]);
    // A change that rounds to zero as shown reads as unchanged.
    const ctx = { language: 'en' as const, t: dashboardText('en'), s: journeyPageText('en'), min: 5, metric: 'nps' as const };
    assert.match(changeMark({ difference: -0.3, p: 0.97, significant: false, direction: 'down' }, ctx).toString(), /▶ ±0<\/span>.*Unchanged ±0 NPS points/);
    assert.match(changeMark({ difference: -0.6, p: 0.9, significant: false, direction: 'down' }, ctx).toString(), /▼ −1<\/span>/);
    assert.deepEqual(parsePageFilters({ metric: 'pigeon', question: 'x', compare: ['A', 'B', 'A'] }),
      { filters: { metric: 'nps', compare: ['A', 'B'] }, invalid: ['metric', 'question'] });
  });

  test('chart geometry: distribution bars scale to the tallest; Likert bars centre on the neutral middle', () => {
    assert.deepEqual(distributionGeometry([{ label: '1', count: 1, share: 0.25 }, { label: '2', count: 2, share: 0.5 }], 100, 200),
      [{ x: 7.5, y: 100, w: 35, h: 100 }, { x: 57.5, y: 0, w: 35, h: 200 }]);
    // disagree 0.2, neutral 0.2, agree 0.6 on a 400-wide plot: centre 200, a share of 1 = 200.
    assert.deepEqual(divergingGeometry({ label: 's', disagree: 0.2, neutral: 0.2, agree: 0.6, dontKnow: 0 }, 400),
      { disagree: { x: 140, w: 40 }, neutral: { x: 180, w: 40 }, agree: { x: 220, w: 120 } });
    const bars = distributionBars('nps', { counts: [1, 0, 0, 0, 0, 1, 1, 1, 1, 2, 5], dontKnow: 0 }, 'DK');
    assert.deepEqual(bars.map((b) => [b.label, b.count, b.group]), [['0', 1, 'low'], ['1', 0, 'low'], ['2', 0, 'low'], ['3', 0, 'low'], ['4', 0, 'low'],
      ['5', 1, 'low'], ['6', 1, 'low'], ['7', 1, 'middle'], ['8', 1, 'middle'], ['9', 2, 'high'], ['10', 5, 'high']]);
  });

  test('map: NPS per touchpoint with n, interval, band and the change test against the previous period', async () => {
    const { status, body } = await page(`/app/journeys?lang=en&${MARCH}`);
    assert.equal(status, 200);
    // Contract by phone: P = 7/12, D = 3/12, NPS = 33.3 (good: 30–50). Var = 10/12 − (4/12)² = 0.72222,
    // SE = 100·√(0.72222/12) = 24.53, CI = 33.33 ± 1.96·24.53 = −14.7 … 81.4.
    // February: P = 6/20, D = 12/20, NPS = −30, SE = 100·√(0.81/20) = 20.12.
    // Change +63.3; z = 63.33/√(24.53² + 20.12²) = 63.33/31.73 = 1.996, p = 0.046 < 0.05: significant.
    const cell = itemText(body, 'li', 'Contract by phone');
    assert.match(cell, /Phone 33 \(good\) n = 12 ▲ \+63 \* Up \+63 NPS points on the previous period, statistically significant \(p = 0\.046\)/);
    const row = itemText(body, 'tr', 'Contract by phone');
    assert.equal(row, 'Contract by phone Contract Phone 12 33 (good) -15 … 81 ▲ +63 * Up +63 NPS points on the previous period, statistically significant (p = 0.046) 0.046');
    // Technician visit: five 9s, NPS 100 (excellent); nothing in February, so no comparison.
    assert.match(itemText(body, 'li', 'Technician visit'), /Field 100 \(excellent\) n = 5 no comparison/);
    // Contract in store: three answers, below the minimum group size of 5.
    assert.match(itemText(body, 'li', 'Contract in store'), /Store n too small n = 3 no comparison/);
    // Every cell links to its touchpoint page, with the period.
    assert.ok(body.includes(`href="/app/touchpoints/${ids.contract}?from=2026-03-01&amp;to=2026-03-31"`));
  });

  test('downloads: the map table and a breakdown as CSV hold the figures shown, with the page filters', async () => {
    const csv = await page(`/app/journeys?lang=en&${MARCH}&download=map-c0-${ids.journeyMove}.csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const line = csv.body.split(/\r?\n/).find((l) => l.startsWith('Contract by phone'));
    // n 12, NPS 33, interval −15 … 81, change +63 (rounded as shown), p 0.046.
    assert.equal(line, 'Contract by phone,Contract,Phone,12,33,-15,81,63,0.046');
    const segment = await page(`/app/touchpoints/${ids.contract}?lang=en&${MARCH}&download=breakdown-segment.csv`);
    assert.match(segment.body, /household,8,88,65,100/);
    assert.equal((await page(`/app/journeys?lang=en&download=nothing.csv`)).status, 404);
  });

  test('map: CSAT with its Wilson interval, CES with its t-interval, Likert agree share', async () => {
    // CSAT 5,5,4,3,1: top-2-box 3/5 = 60 % (fair: 50–70). Wilson: centre (0.6 + 1.92/5)/(1 + 3.84/5) = 0.5566,
    // half-width 1.1084·√(0.048 + 0.0384) = 0.3258 → 23 % … 88 %.
    const csat = await page(`/app/journeys?lang=en&${MARCH}&metric=csat`);
    assert.equal(itemText(csat.body, 'tr', 'Contract by phone'), 'Contract by phone Contract Phone 5 60 % (fair) 23 … 88 no comparison –');
    // CES 7,6,5,4,2: mean 4.8 (fair: 4–5), SD = √(14.8/4) = 1.924, SE = 0.860, t(0.975, 4) = 2.7764 → 2.4 … 7.2.
    const ces = await page(`/app/journeys?lang=en&${MARCH}&metric=ces`);
    assert.equal(itemText(ces.body, 'tr', 'Contract by phone'), 'Contract by phone Contract Phone 5 4.8 (fair) 2.4 … 7.2 no comparison –');
    // Likert 7,6,5,5,4,3,1 + 2 × don't know: agree 4/7 = 57 % of the scale answers (fair).
    const likert = await page(`/app/journeys?lang=en&${MARCH}&metric=likert&question=${ids.likert}`);
    assert.equal(itemText(likert.body, 'tr', 'Contract by phone'), 'Contract by phone Contract Phone 7 57 % (fair) – no comparison –');
    // In Finnish the decimal comma and the Finnish band names.
    const fi = await page(`/app/journeys?lang=fi&${MARCH}&metric=ces`);
    assert.match(itemText(fi.body, 'tr', 'Contract by phone'), /4,8 \(kohtalainen\) 2,4 … 7,2/);
  });

  test('map: personas side by side, one column each, and the persona filter', async () => {
    const { body } = await page(`/app/journeys?lang=en&${MARCH}&compare=Household&compare=Business`);
    const columns = body.match(/<section class="jm-column"[\s\S]*?<\/section>\s*<\/section>/g) ?? [];
    const headings = [...body.matchAll(/<h2 id="col-\d">([^<]+)<\/h2>/g)].map((m) => m[1]);
    assert.deepEqual(headings, ['Persona: Household', 'Persona: Business']);
    assert.ok(columns.length >= 1);
    const household = body.slice(body.indexOf('Persona: Household'), body.indexOf('Persona: Business'));
    assert.ok(household.includes('Contract by phone') && !household.includes('Technician visit'));
    assert.ok(body.slice(body.indexOf('Persona: Business')).includes('Technician visit'));
    // The same figure as with the persona filter alone.
    const filtered = await page(`/app/journeys?lang=en&${MARCH}&persona=Household`);
    assert.equal(itemText(filtered.body, 'li', 'Contract by phone'), itemText(body, 'li', 'Contract by phone'));
    assert.ok(!filtered.body.includes('Technician visit'));
  });

  test('map: empty period and invalid filters are said so', async () => {
    const empty = await page('/app/journeys?lang=en&from=2001-01-01&to=2001-01-31');
    assert.equal(empty.status, 200);
    assert.ok(empty.body.includes('<div class="empty" role="status"><h2>No responses yet</h2>'));
    const invalid = await page('/app/journeys?lang=en&metric=pigeon&from=2026-02-30');
    assert.equal(invalid.status, 200);
    assert.ok(invalid.body.includes('class="error-summary"'));
    assert.match(textOf(invalid.body), /Metric/);
  });

  test('touchpoint page: headline, distribution, Likert buckets, breakdowns, redacted words and the case', async () => {
    const { status, body } = await page(`/app/touchpoints/${ids.contract}?lang=en&${MARCH}`);
    assert.equal(status, 200);
    const text = textOf(body);
    assert.match(text, /33 \(good\) \(95 % confidence interval -15 … 81; n = 12\) ▲ \+63 \*/);
    // Distribution of the 12 scores: 10 five times = 5/12 = 42 %, 9 twice = 17 %, 0, 5, 6, 7, 8 once = 8 %.
    assert.equal(itemText(body, 'tr', '10'), '10 5 42');
    assert.equal(itemText(body, 'tr', '9'), '9 2 17');
    assert.equal(itemText(body, 'tr', '4'), '4 0 0');
    // Likert: 7 on the scale, 2 don't know (9 in all): disagree 2/7 = 29 %, neutral 1/7 = 14 %, agree 4/7 = 57 %, don't know 2/9 = 22 %.
    assert.equal(itemText(body, 'tr', 'The staff were friendly'), 'The staff were friendly 9 29 14 57 22');
    // By segment: household 10,10,10,10,10,9,9,8 → P 7/8, D 0: NPS 88 (87.5), CI to 100 (clipped);
    // business 7,6,5,0 → D 3/4: NPS −75 (critical), below the minimum group size of 5: not shown.
    assert.match(itemText(body, 'tr', 'household'), /^household 8 88 \(excellent\)/);
    assert.match(itemText(body, 'tr', 'business'), /^business 4 n too small –$/);
    // By employee: Aino 10,10,10,10,10,9 → NPS 100 (n 6); Bertta's two answers are suppressed by the metrics service.
    assert.match(itemText(body, 'tr', 'Aino Esimerkki'), /^Aino Esimerkki 6 100 \(excellent\)/);
    assert.match(itemText(body, 'tr', 'Bertta Esimerkki'), /^Bertta Esimerkki – n too small –$/);
    // Words: redacted as the verbatims API does; the case at this touchpoint.
    assert.ok(text.includes('Nobody called back'));
    assert.ok(!text.includes('040 123 4567') && !text.includes('matti@example.com'));
    assert.match(text, /Sentiment: (positive|neutral|negative)/);
    assert.match(itemText(body, 'tr', 'Call back the customer'), /Call back the customer new high/);
  });

  test('touchpoint page: the segment filter is a picker of the contacts\' segments, in any letter case', async () => {
    const { status, body } = await page(`/app/touchpoints/${ids.contract}?lang=en&${MARCH}&segment=HOUSEHOLD`);
    assert.equal(status, 200);
    const picker = /<select id="f-segment" name="segment">([\s\S]*?)<\/select>/.exec(body)?.[1] ?? '';
    assert.deepEqual([...picker.matchAll(/<option value="([^"]*)"( selected)?>/g)].map((m) => [m[1], Boolean(m[2])]),
      [['', false], ['business', false], ['household', true]]);
    // Household only: 10,10,10,10,10,9,9,8 → 7 promoters of 8, no detractors: NPS 87.5 → 88.
    assert.match(textOf(body), /88 \(excellent\) \(95 % confidence interval [^)]*; n = 8\)/);
  });

  test('question page: one Likert statement with its buckets and don’t know apart', async () => {
    const { status, body } = await page(`/app/questions/${ids.likert}?lang=en&${MARCH}`);
    assert.equal(status, 200);
    assert.match(body, /<h1>The staff were friendly<\/h1>/);
    // Headline: agree 4/7 = 57 %; the distribution 1–7 and don't know 2 of 9 = 22 %.
    assert.match(textOf(body), /57 % \(fair\)/);
    assert.equal(itemText(body, 'tr', '5'), '5 2 29');
    assert.equal(itemText(body, 'tr', 'Don’t know'), 'Don’t know 2 22');
  });

  test('roles and scopes: frontline staff see their own feedback only, small groups hidden; viewers no words or cases', async () => {
    // Aino's six answers: NPS 100 at Contract by phone; nothing of anyone else.
    const a = await page(`/app/journeys?lang=en&${MARCH}`, 'frontlineA');
    assert.equal(a.status, 200);
    assert.match(itemText(a.body, 'li', 'Contract by phone'), /100 \(excellent\) n = 6/);
    assert.match(itemText(a.body, 'li', 'Technician visit'), /No answers/i);
    const detail = await page(`/app/touchpoints/${ids.contract}?lang=en&${MARCH}`, 'frontlineA');
    assert.equal(detail.status, 200);
    assert.ok(!detail.body.includes('Bertta Esimerkki') && !detail.body.includes('Nobody called back'));
    // Bertta has two answers: below the minimum group size, every figure and word hidden.
    const b = await page(`/app/touchpoints/${ids.contract}?lang=en&${MARCH}`, 'frontlineB');
    assert.match(textOf(b.body), /n too small/);
    assert.ok(!b.body.includes('<data value='));
    // The unit manager sees the unit's figures; a viewer sees figures but no words and no cases (no responses:read, cases:read).
    const m = await page(`/app/touchpoints/${ids.contract}?lang=en&${MARCH}`, 'manager');
    assert.match(textOf(m.body), /33 \(good\)/);
    const v = await page(`/app/touchpoints/${ids.contract}?lang=en&${MARCH}`, 'viewer');
    assert.equal(v.status, 200);
    assert.ok(!v.body.includes('id="verbatims-heading"') && !v.body.includes('id="cases-heading"'));
    // Signed out: to the sign-in form, coming back here.
    const anonymous = await fetch(`${t.url}/app/journeys`, { redirect: 'manual' });
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.headers.get('location'), '/login?next=%2Fapp%2Fjourneys');
  });

  test('another organisation’s touchpoint or question reads as not found, in the reader’s language', async () => {
    const other = await newOrg(t.db, 'Other');
    const j = await createJourney(t.db, other.orgId, { name: 'Secret journey' });
    const s = await createStage(t.db, other.orgId, j, { name: 'Secret stage', phase: 'before' });
    const tp = await createTouchpoint(t.db, other.orgId, { stageId: s, name: 'Secret touchpoint', channel: 'web' });
    const res = await page(`/app/touchpoints/${tp}?lang=fi`);
    assert.equal(res.status, 404);
    assert.ok(!res.body.includes('Secret'));
    assert.match(res.body, /Ei löytynyt/);
    assert.equal((await page(`/app/questions/${tp}?lang=en`)).status, 404);
    assert.equal((await page('/app/touchpoints/not-a-uuid?lang=en')).status, 404);
  });
});
