import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { csvOf, pageTable } from '../../test/helpers/tables.ts';
import { signInAs, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { createUser } from '../auth/service.ts';
import { createUnit } from '../orgs/service.ts';
import { createJourney, createStage, createTouchpoint } from '../journeys/service.ts';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp.ts';

describe('praise reaches the person named and their manager and lands on the wall; the frontline view hides small numbers', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  const ids: Record<string, string> = {};
  let surveyId = '';
  before(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ jobs: true, config: { smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecure: false } });
    ids.unit = await createUnit(t.db, t.orgId, { name: 'Helsinki store' });
    ids.other = await createUnit(t.db, t.orgId, { name: 'Turku store' });
    ids.manager = await createUser(t.db, t.orgId, { email: 'maija@example.com', name: 'Maija', role: 'unit_manager', unitId: ids.unit, language: 'en', password: 'maija-pass-123' });
    ids.eevaUser = await createUser(t.db, t.orgId, { email: 'eeva@example.com', name: 'Eeva', role: 'frontline', unitId: ids.unit, language: 'en', password: 'eeva-pass-1234' });
    const employee = async (name: string, unitId: string, userId: string | null) => (await t.db.query<{ id: string }>(
      `insert into employees (org_id, unit_id, name, user_id) values ($1, $2, $3, $4) returning id`, [t.orgId, unitId, name, userId]))[0].id;
    ids.eeva = await employee('Eeva Esimerkki', ids.unit, ids.eevaUser);
    ids.kalle = await employee('Kalle Kolmonen', ids.unit, null);
    ids.tuula = await employee('Tuula Turkulainen', ids.other, null);
    const journey = await createJourney(t.db, t.orgId, { name: 'Store' });
    const stage = await createStage(t.db, t.orgId, journey, { name: 'Visit', phase: 'during' });
    ids.touchpoint = await createTouchpoint(t.db, t.orgId, { stageId: stage, name: 'Checkout', channel: 'store', ownerUnitId: ids.unit });
    surveyId = (await t.api('/api/v1/surveys', { body: {
      name: 'Store pulse', kind: 'pulse', defaultLanguage: 'fi', languages: ['fi'], title: { fi: 'Kysely' },
      questions: [{ key: 'nps', type: 'nps', required: true, why: false, text: { fi: 'Suosittelisitko?' } }, { key: 'why', type: 'text', text: { fi: 'Miksi?' } }],
    } })).body.id;
    const rule = await t.api('/api/v1/alert-rules', { body: { name: 'Praise', kind: 'praise', condition: { nps: 'promoter' } } });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  const answer = (score: number, why?: string, employeeId?: string) => t.api('/api/v1/responses', {
    body: { surveyId, touchpointId: ids.touchpoint, ...(employeeId ? { employeeId } : {}), answers: [{ question: 'nps', value: score }, ...(why ? [{ question: 'why', value: why }] : [])] },
  });

  test('praise naming Eeva in words goes to her and her manager, and the wall shows it redacted and escaped', async () => {
    const res = await answer(10, 'Kiitos Eevalle <3 — soittakaa minulle 040 123 4567 tai anna.asiakas@example.com');
    assert.equal(res.status, 201);
    const mails = await smtp.waitFor(2, 15_000);
    assert.deepEqual(mails.map((m) => m.envelopeTo[0]).sort(), ['eeva@example.com', 'maija@example.com']);
    assert.ok(mails.every((m) => m.subject.startsWith('Praise from a customer')));

    const eeva = await signInAs(t, 'eeva@example.com', 'eeva-pass-1234');
    const wall = await eeva('/api/v1/praise');
    assert.equal(wall.status, 200, JSON.stringify(wall.body));
    assert.equal(wall.body.items.length, 1);
    const [item] = wall.body.items;
    assert.equal(item.employee, 'Eeva Esimerkki');
    assert.equal(item.unit, 'Helsinki store');
    assert.equal(item.score, 10);
    assert.ok(!item.text.includes('040 123 4567') && !item.text.includes('anna.asiakas@example.com'), item.text);
    assert.match(item.text, /^Kiitos Eevalle <3/);

    // The page shows the same words as text, not markup.
    const cookie = (await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'eeva@example.com', password: 'eeva-pass-1234' }) }))
      .headers.get('set-cookie')!.split(';')[0];
    const page = await fetch(`${t.url}/app/praise?lang=en`, { headers: { cookie } });
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(html.includes('Kiitos Eevalle &lt;3'));
    assert.ok(!html.includes('040 123 4567'));
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    // The wall downloads as a table of the same praise, the words redacted as shown.
    assert.ok(html.includes('href="/app/praise?lang=en&amp;download=praise.csv"'));
    const wallCsv = await csvOf(await fetch(`${t.url}/app/praise?lang=en&download=praise.csv`, { headers: { cookie } }));
    assert.deepEqual(wallCsv[0], ['Date', 'Person', 'Unit', 'Touchpoint', 'NPS', 'Customer\'s words']);
    assert.equal(wallCsv.length, 2);
    assert.deepEqual(wallCsv[1].slice(1, 5), ['Eeva Esimerkki', 'Helsinki store', wallCsv[1][3], '10']);
    assert.equal(wallCsv[1][5], item.text);

    // Turku's praise is not Helsinki's manager's to see.
    await answer(9, 'Tuula Turkulainen oli ihana', ids.tuula);
    await waitUntil(async () => (await t.api('/api/v1/praise')).body.items.length, (n) => n === 2, 'both praise cases');
    const maija = await signInAs(t, 'maija@example.com', 'maija-pass-123');
    assert.deepEqual((await maija('/api/v1/praise')).body.items.map((i: { employee: string }) => i.employee), ['Eeva Esimerkki']);
  });

  test('Eeva sees her own figures only from five answers on; her manager sees the unit and its people, Kalle hidden with two', async () => {
    const eeva = await signInAs(t, 'eeva@example.com', 'eeva-pass-1234');
    await answer(9, undefined, ids.eeva);
    await answer(3, 'Jono oli pitkä', ids.eeva);
    let mine = await eeva('/api/v1/frontline/me');
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    // Three of Eeva's answers (the praise named her but was not given with her id): under five, hidden.
    assert.equal(mine.body.employees[0].overall.suppressed, true);
    assert.equal(mine.body.employees[0].overall.nps, null);
    assert.deepEqual(mine.body.employees[0].words, []);
    for (const score of [10, 10, 6]) await answer(score, undefined, ids.eeva);
    mine = await eeva('/api/v1/frontline/me');
    const me = mine.body.employees[0];
    assert.equal(me.overall.suppressed, false);
    // Eeva's five: 9, 3, 10, 10, 6 → promoters 3/5, detractors 2/5.
    assert.equal(me.overall.n, 5);
    assert.ok(Math.abs(me.overall.nps - 20) < 1e-9);
    assert.equal(me.trend.length, 1);
    assert.deepEqual(me.words.map((w: { text: string }) => w.text), ['Jono oli pitkä']);
    assert.equal((await eeva(`/api/v1/frontline/units/${ids.unit}`)).status, 403, 'frontline staff do not see the unit view');

    for (const score of [8, 2]) await answer(score, undefined, ids.kalle);
    const maija = await signInAs(t, 'maija@example.com', 'maija-pass-123');
    const unit = await maija(`/api/v1/frontline/units/${ids.unit}`);
    assert.equal(unit.status, 200, JSON.stringify(unit.body));
    assert.equal(unit.body.minGroupSize, 5);
    const people = Object.fromEntries(unit.body.people.map((p: { name: string; nps: number | null; suppressed: boolean; n: number | null }) => [p.name, p]));
    assert.equal(people['Eeva Esimerkki'].suppressed, false);
    assert.ok(Math.abs(people['Eeva Esimerkki'].nps - 20) < 1e-9);
    assert.equal(people['Kalle Kolmonen'].suppressed, true);
    assert.equal(people['Kalle Kolmonen'].nps, null);
    assert.equal(people['Kalle Kolmonen'].n, null);
    assert.equal((await maija(`/api/v1/frontline/units/${ids.other}`)).status, 404, 'another unit is outside her scope');
    const page = await fetch(`${t.url}/app/feedback?lang=en&unitId=${ids.unit}`, { headers: { cookie: await sessionCookie('maija@example.com', 'maija-pass-123') } });
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(html.includes('Eeva Esimerkki') && html.includes('Kalle Kolmonen'));
    // The people table and its download hold the API's figures: Eeva 20, Kalle hidden (fewer than 5 answers).
    const shown = pageTable(html, 'unit-people');
    assert.deepEqual(shown.slice(1).map((r) => r.slice(0, 2)), [['Eeva Esimerkki', '20'], ['Kalle Kolmonen', 'too few answers']]);
    const peopleCsv = await csvOf(await fetch(`${t.url}/app/feedback?lang=en&unitId=${ids.unit}&download=unit-people.csv`, { headers: { cookie: await sessionCookie('maija@example.com', 'maija-pass-123') } }));
    assert.deepEqual(peopleCsv, shown);
    // Frontline staff get their own page, which has no unit table to download.
    const eevaCookie = await sessionCookie('eeva@example.com', 'eeva-pass-1234');
    assert.equal((await fetch(`${t.url}/app/feedback?unitId=${ids.unit}&download=unit-people.csv`, { headers: { cookie: eevaCookie } })).status, 404);
    const ownCsv = await csvOf(await fetch(`${t.url}/app/feedback?lang=en&download=my-trend-1.csv`, { headers: { cookie: eevaCookie } }));
    assert.deepEqual(ownCsv[0], ['Month', 'NPS', 'Answers']);
  });

  async function sessionCookie(email: string, password: string) {
    const res = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    return res.headers.get('set-cookie')!.split(';')[0];
  }
});
