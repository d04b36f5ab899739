/**
 * The action-plan pages over HTTP: creating a plan through the form (errors next to the fields),
 * the list with its filters and overdue mark, changing the status, the plan's effect with figures
 * checked against hand-computed values, and who may see what (frontline refused, another
 * organisation's plan not found).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { createUser } from '../auth/service.ts';

/** The text of the element carrying data-figure="name" (the page marks each effect figure so). */
const figure = (page: string, name: string) => new RegExp(`data-figure="${name}">([^<]*)<`).exec(page)?.[1];

/**
 * Today is 2026-06-01. NPS answers at the touchpoint "Contract by phone": 10 on Feb 15; 10, 9, 6, 3, 0
 * on March 3–7; 10, 10, 9, 8, 2 on April 3–7; 0 on May 10. Another touchpoint ("Shop") has two answers.
 */
describe('action plan pages', () => {
  let t: TestApp;
  let admin: PageClient;
  let viewer: PageClient;
  let frontline: PageClient;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await startTestApp({ now: () => new Date('2026-06-01T00:00:00Z') });
    const tp = await journeyWithTouchpoint(t);
    ids.touchpoint = tp.touchpointId;
    ids.shop = (await t.api('/api/v1/touchpoints', { body: { stageId: tp.stageId, name: 'Shop', channel: 'store' } })).body.id;
    const survey = await t.api('/api/v1/surveys', { body: pulseSurvey() });
    ids.survey = survey.body.id;
    ids.driver = survey.body.questions.find((q: { key: string }) => q.key === 'staff_kind').id;
    ids.owner = await createUser(t.db, t.orgId, { email: 'olli@example.com', name: 'Olli Omistaja', role: 'analyst', password: 'correct horse battery' });
    await createUser(t.db, t.orgId, { email: 'vera@example.com', name: 'Vera', role: 'viewer', password: 'correct horse battery' });
    await createUser(t.db, t.orgId, { email: 'fanni@example.com', name: 'Fanni', role: 'frontline', unitId: tp.unitId, password: 'correct horse battery' });
    const at = (touchpointId: string, score: number, day: string) => ({ surveyId: ids.survey, touchpointId, submittedAt: `${day}T12:00:00Z`, answers: [{ question: 'nps', value: score }] });
    const stored = await t.api('/api/v1/responses/batch', { body: { responses: [
      at(ids.touchpoint, 10, '2026-02-15'),
      ...[10, 9, 6, 3, 0].map((s, i) => at(ids.touchpoint, s, `2026-03-0${i + 3}`)),
      ...[10, 10, 9, 8, 2].map((s, i) => at(ids.touchpoint, s, `2026-04-0${i + 3}`)),
      at(ids.touchpoint, 0, '2026-05-10'),
      at(ids.shop, 9, '2026-03-10'), at(ids.shop, 9, '2026-05-10'),
    ] } });
    assert.equal(stored.status, 200, JSON.stringify(stored.body));
    admin = pageClient(t, await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`));
    viewer = pageClient(t, await sessionCookie(t, 'vera@example.com'));
    frontline = pageClient(t, await sessionCookie(t, 'fanni@example.com'));
  });
  after(() => t.close());

  test('the form shows each problem next to its field and keeps what was typed', async () => {
    const res = await admin.post('/app/actions', { lang: 'en', title: '', description: 'Call every detractor', startsOn: '2026-02-30', dueOn: '' });
    assert.equal(res.status, 400);
    assert.match(res.text, /<p class="error-message" id="title-error">Fill in this field\.<\/p>\s*<input id="title"[^>]*aria-invalid="true"/);
    assert.match(res.text, /id="startsOn-error">Enter a date \(YYYY-MM-DD\)\.</);
    assert.match(res.text, /id="touchpointId-error">Choose a touchpoint, a driver question or a topic\.</);
    assert.match(res.text, /<a href="#title">Fill in this field\.<\/a>/, 'the summary links to the field');
    assert.match(res.text, />Call every detractor<\/textarea>/);
    const due = await admin.post('/app/actions', { lang: 'en', title: 'X', topic: 'waiting time', startsOn: '2026-04-01', dueOn: '2026-03-01' });
    assert.equal(due.status, 400);
    assert.match(due.text, /id="dueOn-error">The due date cannot be before the start\.</);
    // The service's own rule (a Likert plan measures its statement) also lands at its field.
    const likert = await admin.post('/app/actions', { lang: 'en', title: 'X', touchpointId: ids.touchpoint, metric: 'likert', startsOn: '2026-04-01' });
    assert.equal(likert.status, 400);
    assert.match(likert.text, /id="questionId-error">This is not valid/);
  });

  test('the touchpoint page links to a new plan prefilled with it, for those who may write plans', async () => {
    const link = new RegExp(`<a href="/app/actions/new\\?touchpointId=${ids.touchpoint}&amp;metric=nps">Start an action plan: Contract by phone</a>`);
    assert.match((await admin.get(`/app/touchpoints/${ids.touchpoint}?lang=en`)).text, link);
    const read = await viewer.get(`/app/touchpoints/${ids.touchpoint}?lang=en`);
    assert.equal(read.status, 200);
    assert.doesNotMatch(read.text, /\/app\/actions\/new/);
  });

  test('a plan created through the form, prefilled from a link, shows on the plan and in the list', async () => {
    const form = await admin.get(`/app/actions/new?lang=en&touchpointId=${ids.touchpoint}&questionId=${ids.driver}`);
    assert.equal(form.status, 200);
    assert.match(form.text, new RegExp(`<option value="${ids.touchpoint}" selected>Contract by phone</option>`));
    assert.match(form.text, new RegExp(`<option value="${ids.driver}" selected>`));
    const created = await admin.post('/app/actions', {
      lang: 'en', title: 'Call back within a day', touchpointId: ids.touchpoint, questionId: ids.driver, metric: 'nps', ownerUserId: ids.owner, startsOn: '2026-04-01', dueOn: '2026-05-15',
    });
    assert.equal(created.status, 303, created.text);
    const match = /^\/app\/actions\/([0-9a-f-]{36})\?done=created$/.exec(created.location ?? '');
    assert.ok(match, created.location ?? '');
    ids.plan = match[1]!;
    const plan = await admin.get(`/app/actions/${ids.plan}?lang=en&done=created`);
    assert.equal(plan.status, 200);
    assert.match(plan.text, /The action plan was created\./);
    assert.match(plan.text, /Touchpoint: Contract by phone/);
    assert.match(plan.text, /Olli Omistaja/);
    assert.match(plan.text, /15 May 2026 <span class="overdue">\(overdue\)<\/span>/);

    await admin.post('/app/actions', { lang: 'en', title: 'Shorter queues', topic: 'waiting time', startsOn: '2026-05-01' });
    const list = await admin.get('/app/actions?lang=en');
    assert.match(list.text, /2 action plans/);
    assert.match(list.text, new RegExp(`<a href="/app/actions/${ids.plan}">Call back within a day</a>`));
    assert.match(list.text, /\(overdue\)/);
    const mine = await admin.get(`/app/actions?lang=en&owner=${ids.owner}`);
    assert.match(mine.text, /1 action plan</);
    assert.doesNotMatch(mine.text, /Shorter queues/);
    const bad = await admin.get('/app/actions?lang=en&status=someday');
    assert.match(bad.text, /not understood and are ignored: status/);
  });

  test("the plan's effect equals the hand-computed NPS, interval and p-value", async () => {
    const page = (await viewer.get(`/app/actions/${ids.plan}?lang=en`)).text;
    // 90-day windows shrink to the 61 days since the start (Apr 1 → Jun 1): before is Jan 30 – Mar 31.
    assert.match(page, /The 61 days before the start compared with the 61 days after it\./);
    assert.match(page, /<th scope="row">Before<\/th><td>30 Jan 2026 – 31 Mar 2026<\/td>/);
    assert.match(page, /<th scope="row">After<\/th><td>1 Apr 2026 – 31 May 2026<\/td>/);
    // Before: 10 (Feb 15); 10, 9, 6, 3, 0 → n 6, promoters 3/6, detractors 3/6 → NPS 0.
    // After: 10, 10, 9, 8, 2; 0 (May 10) → n 6, promoters 3/6, detractors 2/6 → NPS 100·(1/2 − 1/3) = 16.67.
    assert.deepEqual([figure(page, 'before'), figure(page, 'before-n'), figure(page, 'after'), figure(page, 'after-n')], ['0.0', '6', '16.7', '6']);
    // se = 100·√((P + D − (P − D)²)/n): before √(1/6) = 40.825, after √((5/6 − 1/36)/6) = 36.641;
    // se of the difference √(40.825² + 36.641²) = 54.857; 95 % interval 16.667 ± 1.95996·54.857 = −90.85 … 124.18.
    assert.equal(figure(page, 'difference'), '+16.7 points');
    assert.equal(figure(page, 'ci'), 'from −90.9 points to +124.2 points');
    // z = 16.667/54.857 = 0.30382; two-sided p = 2·(1 − Φ(0.30382)) = 0.7613.
    assert.equal(figure(page, 'p'), '0.761');
    assert.match(page, /After the start NPS is 16\.7, compared with 0\.0 before: a change of \+16\.7 points\./);
    assert.match(page, /not statistically significant \(p ≥ 0\.05\): it could be chance/);
    assert.match(page, /<svg [^>]*id="effect-chart"[^>]*role="img"/);
    assert.match(page, /<desc id="effect-chart-desc">Before: 0\.0 \(n = 6\)\. After: 16\.7 \(n = 6\)\./);
    const fi = (await viewer.get(`/app/actions/${ids.plan}?lang=fi`)).text;
    assert.equal(figure(fi, 'p'), '0,761');
  });

  test('too few answers or a plan not started yet: an honest empty state instead of figures', async () => {
    const shop = await admin.post('/app/actions', { lang: 'en', title: 'Friendlier shop', touchpointId: ids.shop, startsOn: '2026-04-01' });
    const few = await admin.get(`${shop.location!.split('?')[0]}?lang=en`);
    assert.match(few.text, /Not enough data yet: 1 answer before the start and 1 after it\. At least 5 on each side/);
    assert.equal(figure(few.text, 'difference'), undefined);
    assert.doesNotMatch(few.text, /effect-chart/);
    const future = await admin.post('/app/actions', { lang: 'en', title: 'Next summer', touchpointId: ids.shop, startsOn: '2026-07-01' });
    const notYet = await admin.get(`${future.location!.split('?')[0]}?lang=en`);
    assert.equal(notYet.status, 200);
    assert.match(notYet.text, /The plan starts on 1 Jul 2026\. Its effect can be measured once it has started\./);
  });

  test('the status changes from the plan page; a bad status is shown at the field', async () => {
    const changed = await admin.post(`/app/actions/${ids.plan}/status`, { lang: 'en', status: 'done' });
    assert.deepEqual([changed.status, changed.location], [303, `/app/actions/${ids.plan}?done=status`]);
    const plan = await admin.get(`/app/actions/${ids.plan}?lang=en&done=status`);
    assert.match(plan.text, /<dt>Status<\/dt><dd>Done<\/dd>/);
    assert.doesNotMatch(plan.text, /\(overdue\)/, 'a done plan is not overdue');
    const bad = await admin.post(`/app/actions/${ids.plan}/status`, { lang: 'en', status: 'someday' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /id="status-error">Choose one of the options\.</);
    assert.match((await admin.get('/app/actions?lang=en&status=done')).text, /Call back within a day/);
  });

  test('viewers read but cannot change; frontline staff are refused; form posts from elsewhere are refused', async () => {
    const read = await viewer.get(`/app/actions/${ids.plan}?lang=en`);
    assert.equal(read.status, 200);
    assert.doesNotMatch(read.text, /action="\/app\/actions\/[^"]*\/status"/);
    assert.doesNotMatch((await viewer.get('/app/actions?lang=en')).text, /href="\/app\/actions\/new"/);
    assert.equal((await viewer.get('/app/actions/new')).status, 403);
    assert.equal((await viewer.post(`/app/actions/${ids.plan}/status`, { status: 'cancelled' })).status, 403);
    assert.equal((await frontline.get('/app/actions')).status, 403);
    assert.equal((await frontline.get(`/app/actions/${ids.plan}`)).status, 403);
    assert.doesNotMatch((await frontline.get('/app/praise?lang=en')).text, /href="\/app\/actions"/, 'not in their navigation');
    assert.equal((await admin.post('/app/actions', { title: 'x', topic: 'y', startsOn: '2026-04-01' }, 'https://evil.example')).status, 403);
  });

  test("another organisation's plan id is not found, on every page", async () => {
    const other = await newOrg(t.db, 'Other Org');
    const theirs = await t.api('/api/v1/action-plans', { key: other.apiKey, body: { title: 'Theirs', topic: 'x', startsOn: '2026-04-01' } });
    assert.equal(theirs.status, 201, JSON.stringify(theirs.body));
    const page = await admin.get(`/app/actions/${theirs.body.id}?lang=en`);
    assert.equal(page.status, 404);
    assert.doesNotMatch(page.text, /Theirs/);
    assert.equal((await admin.post(`/app/actions/${theirs.body.id}/status`, { status: 'done' })).status, 404);
    assert.equal((await admin.get('/app/actions/not-a-uuid')).status, 404);
    assert.equal((await t.api(`/api/v1/action-plans/${theirs.body.id}`, { key: other.apiKey })).body.status, 'planned');
    assert.doesNotMatch((await admin.get('/app/actions?lang=en')).text, /Theirs/);
  });
});
