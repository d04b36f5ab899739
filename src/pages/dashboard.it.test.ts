import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { monthsBetween, parseOverviewFilters } from './dashboard-view.ts';
import { startOfDayIn } from '../i18n/calendar.ts';

/** Text of the table row whose header cell is `name`, tags stripped and spaces collapsed. */
function rowText(page: string, name: string): string {
  const rows = page.match(/<tr[\s\S]*?<\/tr>/g) ?? [];
  const row = rows.find((r) => r.includes(`<th scope="row">${name}`));
  assert.ok(row, `no row for ${name}`);
  return row.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

describe('overview filters and the organisation calendar', () => {
  test('days start at local midnight in the organisation time zone, across daylight saving time', () => {
    // Helsinki is UTC+2 in winter and UTC+3 in summer; DST began at 03:00 on 29 March 2026, so that midnight is still +2.
    assert.equal(startOfDayIn(2026, 1, 1, 'Europe/Helsinki').toISOString(), '2025-12-31T22:00:00.000Z');
    assert.equal(startOfDayIn(2026, 7, 1, 'Europe/Helsinki').toISOString(), '2026-06-30T21:00:00.000Z');
    assert.equal(startOfDayIn(2026, 3, 29, 'Europe/Helsinki').toISOString(), '2026-03-28T22:00:00.000Z');
    assert.equal(startOfDayIn(2026, 3, 30, 'Europe/Helsinki').toISOString(), '2026-03-29T21:00:00.000Z');
    // The day after 31 January (used for the exclusive end of a period).
    assert.equal(startOfDayIn(2026, 1, 32, 'Europe/Helsinki').toISOString(), '2026-01-31T22:00:00.000Z');
  });

  test('months between two dates, inclusive, keyed as the metrics API labels periods', () => {
    assert.deepEqual(monthsBetween({ year: 2025, month: 11 }, { year: 2026, month: 2 }), ['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    assert.deepEqual(monthsBetween({ year: 2026, month: 3 }, { year: 2026, month: 2 }), []);
  });

  test('filters that do not parse are dropped and named; an end before the start is dropped', () => {
    const id = '0b7a2c1e-1111-4222-8333-444455556666';
    assert.deepEqual(parseOverviewFilters({ from: '2026-01-01', to: '2026-03-31', journey: id, channel: 'phone', unit: id }),
      { filters: { from: '2026-01-01', to: '2026-03-31', journeyId: id, channel: 'phone', unitId: id }, invalid: [] });
    assert.deepEqual(parseOverviewFilters({ from: '2026-02-30', journey: 'x', channel: 'pigeon', unit: '' }),
      { filters: {}, invalid: ['from', 'journey', 'channel'] });
    assert.deepEqual(parseOverviewFilters({ from: '2026-05-01', to: '2026-04-01' }), { filters: { from: '2026-05-01' }, invalid: ['to'] });
  });
});

describe('dashboard pages', () => {
  let t: TestApp;
  let adminEmail: string;
  let moveIn: Awaited<ReturnType<typeof journeyWithTouchpoint>>;
  let repairTouchpointId: string;
  let htmlJourneyId: string;
  let surveyId: string;

  const form = (fields: Record<string, string>, headers: Record<string, string> = {}, path = '/login', cookie?: string) => fetch(t.url + path, {
    method: 'POST', redirect: 'manual', body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}), ...headers },
  });
  const page = (path: string, cookie?: string, headers: Record<string, string> = {}) =>
    fetch(t.url + path, { redirect: 'manual', headers: { ...(cookie ? { cookie } : {}), ...headers } });
  const signInAs = async (email: string, password = 'correct horse battery') => {
    const res = await form({ email, password });
    assert.equal(res.status, 303);
    return /kaiku_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  };
  const post = async (touchpointId: string, scores: number[], employeeId?: string) => {
    const res = await t.api('/api/v1/responses/batch', { body: { responses: scores.map((value) => ({
      surveyId, touchpointId, ...(employeeId ? { employeeId } : {}), answers: [{ question: 'nps', value }] })) } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  };

  before(async () => {
    t = await startTestApp();
    adminEmail = `admin-${t.orgId.slice(0, 8)}@example.com`;
    moveIn = await journeyWithTouchpoint(t, 'Move-in');
    const survey = await t.api('/api/v1/surveys', { body: pulseSurvey() });
    surveyId = survey.body.id;
    const movingDay = await t.api(`/api/v1/journeys/${moveIn.journeyId}/stages`, { body: { name: 'Moving day', phase: 'during' } });
    const installation = await t.api('/api/v1/touchpoints', { body: { stageId: movingDay.body.id, name: 'Installation visit', channel: 'field' } });
    const welcome = await t.api('/api/v1/touchpoints', { body: { stageId: movingDay.body.id, name: 'Welcome call', channel: 'phone' } });
    await post(moveIn.touchpointId, [10, 10, 9, 9, 8, 7, 6, 3, 0, 10]);
    await post(installation.body.id, [9, 9, 9, 10, 2, 8]);
    await post(welcome.body.id, [10, 0, 5]);

    const repair = await t.api('/api/v1/journeys', { body: { name: 'Fault repair' } });
    const visit = await t.api(`/api/v1/journeys/${repair.body.id}/stages`, { body: { name: 'Repair visit', phase: 'during' } });
    repairTouchpointId = (await t.api('/api/v1/touchpoints', { body: { stageId: visit.body.id, name: 'Technician visit', channel: 'field' } })).body.id;

    const html = await t.api('/api/v1/journeys', { body: { name: 'Move <script>alert("x")</script> & out' } });
    htmlJourneyId = html.body.id;
  });
  after(() => t.close());

  test('without a session, / and /app send the browser to the sign-in form, keeping the view', async () => {
    const root = await page('/');
    assert.equal(root.status, 303);
    assert.equal(root.headers.get('location'), '/login');
    const app = await page(`/app?journey=${moveIn.journeyId}`);
    assert.equal(app.status, 303);
    assert.equal(app.headers.get('location'), `/login?next=${encodeURIComponent(`/app?journey=${moveIn.journeyId}`)}`);
    const login = await page(`/login?next=${encodeURIComponent('/app?x=1')}`);
    assert.equal(login.status, 200);
    const body = await login.text();
    assert.match(body, /<form class="login-form" method="post" action="\/login"/);
    assert.ok(body.includes('<input type="hidden" name="next" value="/app?x=1">'));
    assert.match(body, /<label for="email">/);
  });

  test('a wrong password gives the form again with an announced error, status 401 and no cookie', async () => {
    const res = await form({ email: adminEmail, password: 'wrong horse', lang: 'en' });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('set-cookie'), null);
    const body = await res.text();
    assert.match(body, /<div class="error-summary" role="alert"/);
    assert.ok(body.includes('The e-mail address or password is not correct.'));
    assert.ok(body.includes(`value="${adminEmail}" aria-invalid="true" aria-describedby="login-error"`));
    const empty = await form({ email: '', password: '', lang: 'en' });
    assert.equal(empty.status, 400);
    assert.ok((await empty.text()).includes('Enter your e-mail address and password.'));
  });

  test('the right password sets an httpOnly, SameSite=Lax session cookie and redirects with 303', async () => {
    const res = await form({ email: adminEmail, password: 'correct horse battery', next: '/app?journey=x' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/app?journey=x');
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, /kaiku_session=[0-9a-f-]{36}\./);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    // An off-site "next" is ignored.
    const offsite = await form({ email: adminEmail, password: 'correct horse battery', next: '//evil.example/app' });
    assert.equal(offsite.headers.get('location'), '/app');
  });

  test('a form post from another site is refused (login CSRF)', async () => {
    const res = await form({ email: adminEmail, password: 'correct horse battery' }, { origin: 'https://evil.example' });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('set-cookie'), null);
  });

  test('the overview shows each stage and touchpoint with the hand-computed NPS, n and interval', async () => {
    const cookie = await signInAs(adminEmail);
    const res = await page('/app?lang=en', cookie);
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.ok(body.includes('<h2 id="journey-' + moveIn.journeyId + '">Move-in</h2>'));
    // Contract by phone: 10,10,9,9,8,7,6,3,0,10 → 5 promoters, 2 passives, 3 detractors of 10.
    // NPS = 100·(0.5 − 0.3) = 20; var = 0.5 + 0.3 − 0.2² = 0.76; se = 100·√(0.76/10) = 27.568;
    // 95 % CI = 20 ± 1.959964·27.568 = 20 ± 54.03 → −34.03 … 74.03, shown rounded: -34 … 74.
    assert.equal(rowText(body, 'Contract by phone'), 'Contract by phone Phone 10 20 (fair) -34 … 74');
    // Stage "Contract" has only that touchpoint: the same figures.
    assert.equal(rowText(body, 'Contract'), 'Contract (Before purchase) Phone 10 20 (fair) -34 … 74');
    // Installation visit: 9,9,9,10,2,8 → 4 promoters, 1 detractor of 6: NPS = 100·3/6 = 50;
    // var = 4/6 + 1/6 − 0.5² = 0.58333; se = 100·√(0.58333/6) = 31.18; CI 50 ± 61.11 → -11 … 100 (clipped at 100).
    assert.equal(rowText(body, 'Installation visit'), 'Installation visit Field 6 50 (good) -11 … 100');
    // Welcome call has 3 answers, fewer than the minimum group of 5: no NPS.
    assert.equal(rowText(body, 'Welcome call'), 'Welcome call Phone 3 n too small –');
    // Stage "Moving day": 9 answers, promoters 9,9,9,10,10 = 5, detractors 2,0,5 = 3: NPS = 100·2/9 = 22.2 → 22.
    // var = 5/9 + 3/9 − (2/9)² = 0.83951; se = 100·√(0.83951/9) = 30.542; CI 22.22 ± 59.86 → -38 … 82.
    assert.equal(rowText(body, 'Moving day'), 'Moving day (During purchase) Field, Phone 9 22 (fair) -38 … 82');
    // Whole journey: 19 answers, 10 promoters, 6 detractors: NPS = 100·4/19 = 21.05 → 21.
    const whole = /Whole journey: <span class="nps-cell band-(\w+)"><data value="([^"]+)">([^<]+)<\/data>/.exec(body);
    assert.ok(whole, 'whole journey NPS');
    assert.equal(whole[1], 'fair');
    assert.ok(Math.abs(Number(whole[2]) - 400 / 19) < 1e-9);
    assert.equal(whole[3], '21');
    // By channel: phone = 10 + 3 answers (promoters 5 + 1 = 6, detractors 3 + 2 = 5): NPS = 100·1/13 = 7.69 → 8;
    // field = the installation visit's 6 answers: 50.
    assert.match(rowText(body, 'Phone'), /^Phone 13 8 \(fair\)/);
    assert.match(rowText(body, 'Field'), /^Field 6 50 \(good\)/);
    // Stages in order, with their phase.
    assert.ok(body.indexOf('<span class="stage-name">Contract</span>') < body.indexOf('<span class="stage-name">Moving day</span>'));
    // The trend: an SVG with title and desc, and this month's 19 answers in its table (NPS 21).
    assert.match(body, /<svg [^>]*id="nps-trend"[^>]*role="img" aria-labelledby="nps-trend-title nps-trend-desc"/);
    assert.match(body, /<polygon class="band"|<line class="whisker"/);
    const month = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/Helsinki' }).format(new Date());
    assert.match(rowText(body, month), new RegExp(`^${month} 19 21 \\(fair\\)`));
    // 18 months in the trend table.
    const trendTable = body.slice(body.indexOf('<caption id="trend-caption">'), body.indexOf('</table>', body.indexOf('<caption id="trend-caption">')));
    assert.equal(trendTable.match(/<tr>/g)?.length, 1 + 18);
  });

  test('a unit manager sees only their unit subtree, and the unit filter narrows an admin view the same way', async () => {
    const north = await t.api('/api/v1/units', { body: { name: 'North region' } });
    const manager = await t.api('/api/v1/users', { body: {
      email: 'manager@example.com', name: 'Maija Manager', role: 'unit_manager', password: 'manager secret 1', unitId: moveIn.unitId, language: 'en' } });
    assert.equal(manager.status, 201, JSON.stringify(manager.body));
    // Only "Contract by phone" is owned by the manager's unit: its 10 answers, NPS 20, as above.
    const body = await (await page('/app', await signInAs('manager@example.com', 'manager secret 1'))).text();
    assert.equal(rowText(body, 'Contract by phone'), 'Contract by phone Phone 10 20 (fair) -34 … 74');
    assert.equal(rowText(body, 'Installation visit'), 'Installation visit Field 0 no answers –');
    assert.ok(body.includes(`<option value="${moveIn.unitId}">Customer service</option>`));
    assert.ok(!body.includes(north.body.id), 'units outside the subtree are not offered');

    const admin = await (await page(`/app?lang=en&unit=${moveIn.unitId}`, await signInAs(adminEmail))).text();
    assert.equal(rowText(admin, 'Contract by phone'), 'Contract by phone Phone 10 20 (fair) -34 … 74');
    assert.equal(rowText(admin, 'Installation visit'), 'Installation visit Field 0 no answers –');
    assert.ok(admin.includes(`<option value="${moveIn.unitId}" selected>Customer service</option>`));
  });

  test('pages carry a strict CSP without inline scripts, and refuse framing and sniffing', async () => {
    const cookie = await signInAs(adminEmail);
    for (const res of [await page('/app', cookie), await page('/login')]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      const body = await res.text();
      assert.doesNotMatch(body, /<script|style="/);
    }
    const css = await page('/assets/kaiku.css');
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
  });

  test('HTML in a journey name is shown as text', async () => {
    const cookie = await signInAs(adminEmail);
    const body = await (await page('/app?lang=en', cookie)).text();
    assert.ok(body.includes('Move &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; out'));
    assert.ok(!body.includes('<script>alert'));
  });

  test('a frontline employee sees only their own feedback', async () => {
    const password = 'frontline secret 1';
    const user = await t.api('/api/v1/users', { body: { email: 'frontline@example.com', name: 'Fia Frontline', role: 'frontline', password, unitId: moveIn.unitId, language: 'en' } });
    assert.equal(user.status, 201, JSON.stringify(user.body));
    const own = await t.api('/api/v1/employees', { body: { name: 'Fia Frontline', unitId: moveIn.unitId, userId: user.body.id } });
    const other = await t.api('/api/v1/employees', { body: { name: 'Olli Other', unitId: moveIn.unitId } });
    await post(repairTouchpointId, [10, 10, 10, 9, 9], own.body.id);
    await post(repairTouchpointId, [0, 0, 0, 0, 0, 1], other.body.id);

    // The admin sees both people: 11 answers, 5 promoters, 6 detractors: NPS = 100·(−1)/11 = −9.09 → -9.
    const admin = await (await page('/app?lang=en', await signInAs(adminEmail))).text();
    assert.match(rowText(admin, 'Technician visit'), /^Technician visit Field 11 -9 \(critical\)/);

    // Fia sees her own 5 answers, all promoters: NPS 100, se 0, CI 100 … 100.
    const body = await (await page('/app', await signInAs('frontline@example.com', password))).text();
    assert.match(body, /<html lang="en">/); // her profile language
    assert.equal(rowText(body, 'Technician visit'), 'Technician visit Field 5 100 (excellent) 100 … 100');
    // The move-in answers carry no employee of hers: nothing to show.
    assert.equal(rowText(body, 'Contract by phone'), 'Contract by phone Phone 0 no answers –');
    assert.ok(!body.includes('Olli'));
    // Checked on the visible text: ids in links and attributes are random UUIDs, which can hold "-100".
    const visible = body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    assert.ok(!/(^| )11( |$)/.test(visible) && !visible.includes('-9 (critical)') && !/(^| )-100( |$)/.test(visible), visible);
    // No unit filter for frontline staff.
    assert.ok(!body.includes('id="f-unit"'));
  });

  test('filters stay in the URL: a period without answers shows the empty state; bad values are named', async () => {
    const cookie = await signInAs(adminEmail);
    const empty = await (await page('/app?lang=en&from=2001-01-01&to=2001-12-31', cookie)).text();
    assert.ok(empty.includes('No responses yet'));
    assert.ok(empty.includes('<input id="f-from" name="from" type="date" value="2001-01-01">'));
    assert.ok(empty.includes('<input id="f-to" name="to" type="date" value="2001-12-31">'));
    const oneJourney = await (await page(`/app?lang=en&journey=${moveIn.journeyId}&channel=phone`, cookie)).text();
    assert.ok(oneJourney.includes(`<option value="${moveIn.journeyId}" selected>Move-in</option>`));
    assert.ok(!oneJourney.includes('Fault repair</h2>'));
    // Channel phone only: 13 answers, NPS 8 for the whole journey, the field visit has none.
    assert.equal(rowText(oneJourney, 'Installation visit'), 'Installation visit Field 0 no answers –');
    assert.match(oneJourney, /Whole journey: <span class="nps-cell band-fair"><data value="7\.6923\d*">8<\/data>/);
    const bad = await (await page('/app?lang=en&from=banana&channel=pigeon', cookie)).text();
    assert.ok(bad.includes('“From” was not understood and is ignored.'));
    assert.ok(bad.includes('“Channel” was not understood and is ignored.'));
  });

  test('the language comes from ?lang, then the profile, then Accept-Language', async () => {
    const login = await (await page('/login', undefined, { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.5' })).text();
    assert.match(login, /<html lang="sv">/);
    assert.ok(login.includes('<h1>Logga in</h1>'));
    const cookie = await signInAs(adminEmail);
    // An explicit choice on a signed-in page is kept on the user, and the profile beats Accept-Language
    // (the requests here send no language cookie, like another browser).
    assert.equal((await page('/app?lang=fi', cookie)).status, 200);
    const fi = await (await page('/app', cookie, { 'accept-language': 'en' })).text();
    assert.match(fi, /<html lang="fi">/);
    assert.ok(fi.includes('<h1>Palvelupolkujen yleiskuva</h1>'));
    const pl = await page('/app?lang=pl', cookie);
    assert.ok((await pl.text()).includes('<h1>Przegląd ścieżek klienta</h1>'));
    assert.match(pl.headers.get('set-cookie') ?? '', /kaiku_lang=pl/);
  });

  test('signing out ends the session', async () => {
    const cookie = await signInAs(adminEmail);
    const res = await form({}, {}, '/logout', cookie);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/login?signedOut=1');
    const after = await page('/app', cookie);
    assert.equal(after.status, 303);
    assert.match(after.headers.get('location') ?? '', /^\/login/);
  });

  test('a journey without answers still lists its structure', async () => {
    const cookie = await signInAs(adminEmail);
    const body = await (await page(`/app?lang=en&journey=${htmlJourneyId}`, cookie)).text();
    assert.ok(body.includes('No responses yet'));
  });

  test('the segment filter is a picker of the contacts\' segments, and a value in another case is the same segment', async () => {
    for (const [id, segment] of [['S-1', 'Gold'], ['S-2', 'Basic'], ['S-3', 'Gold']]) {
      const res = await t.api(`/api/v1/contacts/by-external-id/${id}`, { method: 'PUT', body: { name: id, segment } });
      assert.ok(res.status === 200 || res.status === 201, JSON.stringify(res.body));
    }
    const cookie = await signInAs(adminEmail);
    const body = await (await page('/app?lang=en&segment=GOLD', cookie)).text();
    const picker = /<select id="f-segment" name="segment">([\s\S]*?)<\/select>/.exec(body)?.[1] ?? '';
    assert.deepEqual([...picker.matchAll(/<option value="([^"]*)"( selected)?>([^<]*)<\/option>/g)].map((m) => [m[1], Boolean(m[2]), m[3]]),
      [['', false, 'All segments'], ['Basic', false, 'Basic'], ['Gold', true, 'Gold']]);
    // The exports and figures use the stored spelling.
    assert.match(body, /href="\/api\/v1\/exports\/responses\.csv\?[^"]*segment=Gold/);
  });
});
