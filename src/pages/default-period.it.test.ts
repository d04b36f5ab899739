/**
 * The organisation's default period and business hours, set on the settings page by form post:
 * the analytic pages open on the default's days in the organisation's calendar and say so in
 * the filter bar; bad input answers 400 at the named field and stores nothing.
 *
 * The clock is fixed at 2026-12-07 22:30 UTC, already 8 December 00:30 in Helsinki (UTC+2), so
 * "today" is the 8th only if the days are counted in the organisation's zone. Expected days by
 * hand: 90 days ending 8 Dec start 10 Sep (Dec 8 … Dec 1 = 8 days, Nov 30, Oct 31, Sep 30 = 91,
 * so 89 days back is 10 Sep); 18 months start on the first of the month 17 months before
 * December 2026 = 1 July 2025.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';

const NOW = new Date('2026-12-07T22:30:00Z');

describe('default period and business hours on the organisation settings page', () => {
  let t: TestApp;
  let admin: PageClient;
  const settingsRow = async () => (await t.db.query<{ default_period: string; business_hours: { days: number[]; start: string; end: string }; name: string }>(
    `select default_period, business_hours, name from organizations where id = $1`, [t.orgId]))[0];
  const form = (changes: { period?: string; days?: string[]; start?: string; end?: string } = {}): Array<[string, string]> => [
    ['name', 'Test Org'], ['timeZone', 'Europe/Helsinki'], ['defaultLanguage', 'fi'], ['minGroupSize', '1'], ['quarantineDays', '30'],
    ['defaultPeriod', changes.period ?? '90d'], ...(changes.days ?? ['1', '2', '3', '4', '5', '6']).map((d): [string, string] => ['businessDays', d]),
    ['businessStart', changes.start ?? '09:00'], ['businessEnd', changes.end ?? '17:30'], ['lang', 'en'],
  ];
  const dateInputs = (text: string) => ({
    from: /<input id="f-from" name="from" type="date" value="([^"]*)"/.exec(text)?.[1],
    to: /<input id="f-to" name="to" type="date" value="([^"]*)"/.exec(text)?.[1],
  });
  const trendRows = (text: string) => {
    const start = text.indexOf('<caption id="trend-caption">');
    return text.slice(start, text.indexOf('</table>', start)).match(/<tr>/g)?.length;
  };

  before(async () => {
    t = await startTestApp({ now: () => NOW });
    const tp = await journeyWithTouchpoint(t);
    const survey = await t.api('/api/v1/surveys', { body: pulseSurvey(tp.touchpointId) });
    // Each answer says where it falls; Helsinki is UTC+3 in summer (to 25 Oct 2026), UTC+2 in winter.
    const answer = (submittedAt: string, value: number) => ({ surveyId: survey.body.id, touchpointId: tp.touchpointId, submittedAt, answers: [{ question: 'nps', value }] });
    const stored = await t.api('/api/v1/responses/batch', { body: { responses: [
      answer('2025-06-30T12:00:00Z', 0), // 30 June 2025 15:00: before both periods
      answer('2025-07-01T12:00:00Z', 10), // 1 July 2025: the first day of the 18 months
      answer('2026-09-09T20:00:00Z', 0), // 9 Sep 23:00: the day before the 90 days
      answer('2026-09-09T21:30:00Z', 10), // 10 Sep 00:30: the first of the 90 days
      answer('2026-12-01T10:00:00Z', 9),
    ] } });
    assert.equal(stored.status, 200, JSON.stringify(stored.body));
    // Every group shown, so the headline's n can be checked with five answers.
    await t.db.query(`update organizations set min_group_size = 1 where id = $1`, [t.orgId]);
    admin = pageClient(t, await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`));
  });
  after(() => t.close());

  test('an organisation starts on 18 months: the overview shows July 2025 to today in Helsinki, 18 trend months, and says it is the default', async () => {
    assert.equal((await settingsRow()).default_period, '18m');
    const overview = await admin.get('/app?lang=en');
    assert.equal(overview.status, 200);
    assert.deepEqual(dateInputs(overview.text), { from: '2025-07-01', to: '2026-12-08' });
    assert.match(overview.text, /<p class="muted period-note" id="period-note">Showing the last 18 months \(the organisation’s default\).<\/p>/);
    assert.match(overview.text, /id="f-from" name="from" type="date" value="2025-07-01" aria-describedby="period-note"/);
    assert.equal(trendRows(overview.text), 1 + 18);
    // 1 July, 9 Sep, 10 Sep, 1 Dec: 3 promoters, 1 detractor of 4 → NPS (3 − 1) / 4 = 50.
    assert.match(overview.text, /<data class="nps" value="50">50\.0<\/data>.*n = <data class="n" value="4">/s);
    const settings = await admin.get('/app/setup/organisation?lang=en');
    assert.match(settings.text, /<option value="18m" selected>the last 18 months<\/option>/);
    // The stored business hours (the column's default), Monday to Friday 08:00–16:00.
    for (const day of ['Monday', 'Friday']) assert.match(settings.text, new RegExp(`value="\\d" checked><label for="businessDays-\\d">${day}</label>`));
    assert.match(settings.text, /<input type="checkbox" id="businessDays-5" name="businessDays" value="6"><label for="businessDays-5">Saturday<\/label>/);
    assert.match(settings.text, /id="businessStart" name="businessStart" type="text" value="08:00"/);
  });

  test('saving 90 days and Mon–Sat 09:00–17:30 by form: the overview, journey map and loop figures open on 10 Sep … 8 Dec', async () => {
    const saved = await admin.post('/app/setup/organisation', form());
    assert.equal(saved.status, 303);
    assert.equal(saved.location, '/app/setup/organisation?saved=1');
    const row = await settingsRow();
    assert.equal(row.default_period, '90d');
    assert.deepEqual({ days: row.business_hours.days, start: row.business_hours.start, end: row.business_hours.end }, { days: [1, 2, 3, 4, 5, 6], start: '09:00', end: '17:30' });
    // The SLA clock's API reads the same hours.
    const api = await t.api('/api/v1/business-hours');
    assert.deepEqual(api.body.businessHours, { days: [1, 2, 3, 4, 5, 6], start: '09:00', end: '17:30' });
    const [audit] = await t.db.query<{ details: { changes: Record<string, unknown> } }>(
      `select details from audit_log where org_id = $1 and action = 'org.settings_change' order by at desc limit 1`, [t.orgId]);
    assert.deepEqual(Object.keys(audit.details.changes).sort(), ['businessHours', 'defaultPeriod']);

    const overview = await admin.get('/app?lang=en');
    assert.deepEqual(dateInputs(overview.text), { from: '2026-09-10', to: '2026-12-08' });
    assert.match(overview.text, /Showing the last 90 days \(the organisation’s default\)./);
    // The trend has a row for each month the 90 days touch: September to December.
    assert.equal(trendRows(overview.text), 1 + 4);
    // 10 Sep and 1 Dec, both promoters → NPS 100 of 2.
    assert.match(overview.text, /<data class="nps" value="100">100\.0<\/data>.*n = <data class="n" value="2">/s);

    const map = await admin.get('/app/journeys?lang=en');
    assert.equal(map.status, 200);
    assert.deepEqual(dateInputs(map.text), { from: '2026-09-10', to: '2026-12-08' });
    assert.match(map.text, /Showing the last 90 days \(the organisation’s default\)./);

    const loop = await admin.get('/app/loop?lang=en');
    assert.match(loop.text, /<input id="l-from" name="from" type="date" value="2026-09-10" aria-describedby="period-note">/);
    assert.match(loop.text, /<input id="l-to" name="to" type="date" value="2026-12-08" aria-describedby="period-note">/);

    // A period in the URL is the URL's, and the line is gone; only `to`: the default length ending there.
    const asked = await admin.get('/app?lang=en&from=2025-07-01&to=2025-09-30');
    assert.deepEqual(dateInputs(asked.text), { from: '2025-07-01', to: '2025-09-30' });
    assert.doesNotMatch(asked.text, /period-note/);
    assert.equal(trendRows(asked.text), 1 + 3, 'July, August, September');
    assert.match(asked.text, /n = <data class="n" value="1">/, 'the answer of 1 July 2025 only');
    // 90 days ending 31 March 2026: March 31 + February 28 + January 31 = 90, so from 1 January.
    assert.deepEqual(dateInputs((await admin.get('/app/journeys?lang=en&to=2026-03-31')).text), { from: '2026-01-01', to: '2026-03-31' });

    const settings = await admin.get('/app/setup/organisation?saved=1&lang=en');
    assert.match(settings.text, /<option value="90d" selected>the last 90 days<\/option>/);
    assert.match(settings.text, /<input type="checkbox" id="businessDays-5" name="businessDays" value="6" checked>/);
    assert.match(settings.text, /<input type="checkbox" id="businessDays-6" name="businessDays" value="7">/);
    assert.match(settings.text, /id="businessEnd" name="businessEnd" type="text" value="17:30"/);
  });

  test('a period of 7000, no days, a closing time before the opening and a time that is not one: 400 at each field, nothing stored', async () => {
    const before = await settingsRow();
    const bad = await admin.post('/app/setup/organisation', form({ period: '7000', days: [], start: '25:00', end: '08:00' }));
    assert.equal(bad.status, 400);
    assert.match(bad.text, /<a href="#defaultPeriod">Choose a period from the list.<\/a>/);
    assert.match(bad.text, /<a href="#businessDays">Choose at least one day.<\/a>/);
    assert.match(bad.text, /<a href="#businessStart">Give a time as HH:MM, e.g. 08:00.<\/a>/);
    assert.match(bad.text, /id="defaultPeriod"[^>]*aria-invalid="true"/);
    const endFirst = await admin.post('/app/setup/organisation', form({ period: '30d', start: '17:00', end: '09:00' }));
    assert.equal(endFirst.status, 400);
    assert.match(endFirst.text, /<a href="#businessEnd">The closing time must be after the opening time.<\/a>/);
    assert.doesNotMatch(endFirst.text, /href="#defaultPeriod"|href="#businessStart"/, 'only the wrong field is named');
    // What was typed is shown again, not the stored values.
    assert.match(endFirst.text, /<option value="30d" selected>/);
    assert.match(endFirst.text, /id="businessStart" name="businessStart" type="text" value="17:00"/);
    const day8 = await admin.post('/app/setup/organisation', form({ days: ['1', '8'] }));
    assert.match(day8.text, /<a href="#businessDays">Choose at least one day.<\/a>/);
    assert.deepEqual(await settingsRow(), before, 'nothing stored');
    // The database refuses an unknown period too, whatever writes it.
    await assert.rejects(t.db.query(`update organizations set default_period = '7000d' where id = $1`, [t.orgId]));
    assert.deepEqual(dateInputs((await admin.get('/app?lang=en')).text), { from: '2026-09-10', to: '2026-12-08' });
  });
});
