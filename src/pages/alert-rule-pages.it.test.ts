/**
 * The alert-rule builder over HTTP: the preview counts what a hand count of the stored responses
 * says, a saved rule is the condition the choices mean, the list says each condition in words,
 * rules are edited and disabled from the list, bad input is a 400 at the field with nothing
 * stored, and only roles that manage rules get in.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { createUser } from '../auth/service.ts';

const DAY = 86_400_000;

describe('alert-rule pages', () => {
  let t: TestApp;
  let admin: PageClient;
  let tp: Awaited<ReturnType<typeof journeyWithTouchpoint>>;
  let otherTouchpointId = '';
  let surveyId = '';
  const rules = () => t.db.query<{ id: string; name: string; enabled: boolean; condition: unknown; route: unknown; priority: string; sla_hours: number }>(
    `select id, name, enabled, condition, route, priority, sla_hours from alert_rules where org_id = $1 order by created_at, id`, [t.orgId]);
  const respond = async (touchpointId: string, score: number, daysAgo: number) => {
    const res = await t.api('/api/v1/responses', { body: { surveyId, touchpointId, submittedAt: new Date(Date.now() - daysAgo * DAY).toISOString(), answers: [{ question: 'nps', value: score }] } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  };

  before(async () => {
    t = await startTestApp();
    tp = await journeyWithTouchpoint(t);
    otherTouchpointId = (await t.api('/api/v1/touchpoints', { body: { stageId: tp.stageId, name: 'E-lasku', channel: 'web', ownerUnitId: tp.unitId } })).body.id;
    surveyId = (await t.api('/api/v1/surveys', { body: { ...pulseSurvey(tp.touchpointId), status: 'active' } })).body.id;
    for (const role of ['analyst', 'unit_manager', 'frontline', 'viewer'] as const) {
      await createUser(t.db, t.orgId, { email: `${role}@example.com`, name: `Person ${role}`, role, unitId: role === 'unit_manager' || role === 'frontline' ? tp.unitId : null, password: 'correct horse battery' });
    }
    admin = pageClient(t, await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`));
    // 12 answers at "Contract by phone" in the last 30 days; 2 at E-lasku; 2 there 40 days ago.
    const scores = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 4];
    for (const [i, score] of scores.entries()) await respond(tp.touchpointId, score, 1 + i * 2);
    await respond(otherTouchpointId, 2, 3);
    await respond(otherTouchpointId, 3, 5);
    await respond(tp.touchpointId, 1, 40);
    await respond(tp.touchpointId, 2, 45);
  });
  after(() => t.close());

  const scoreRule = (extra: Record<string, string> = {}) => ({
    name: 'Low scores by phone', kind: 'problem', enabled: '1', when: 'score', question: 'nps', scoreMax: '4', touchpoint: tp.touchpointId,
    routeTo: 'touchpoint_owner', priority: 'high', slaHours: '8', ...extra,
  });

  test('preview: score ≤ 4 at one touchpoint would have opened as many cases as the hand count, in each language', async () => {
    // Hand count: at "Contract by phone" within 30 days, scores 0, 1, 2, 3, 4 and 4 are ≤ 4 → 6 of the 14 responses in the window.
    const en = await admin.post('/app/setup/alert-rules', { ...scoreRule(), intent: 'preview', lang: 'en' });
    assert.equal(en.status, 200);
    assert.match(en.text, /id="preview-result">Would have opened 6 cases in the last 30 days \(of 14 responses\)\.<\/p>/);
    assert.match(en.text, /id="touchpoint" name="touchpoint"[^>]*><option value="">Any touchpoint<\/option>.*<option value="[^"]+" selected>Contract by phone<\/option>/s);
    const pl = await admin.post('/app/setup/alert-rules', { ...scoreRule(), intent: 'preview', lang: 'pl' });
    assert.match(pl.text, /Otworzyłaby 6 spraw w ciągu ostatnich 30 dni \(z 14 odpowiedzi\)/);
    const fi = await admin.post('/app/setup/alert-rules', { ...scoreRule({ scoreMax: '0' }), intent: 'preview', lang: 'fi' });
    assert.match(fi.text, /Olisi avannut 1 tapauksen viimeisten 30 päivän aikana \(14 vastauksesta\)/);
    // Detractors (0–6) anywhere: 0–6 and the second 4 by phone (8) + 2 at E-lasku; the older ones are outside the window.
    const sv = await admin.post('/app/setup/alert-rules', { ...scoreRule({ when: 'detractor', question: '', touchpoint: '' }), intent: 'preview', lang: 'sv' });
    assert.match(sv.text, /Skulle ha öppnat 10 ärenden under de senaste 30 dagarna \(av 14 svar\)/);
    assert.equal((await rules()).length, 0, 'a preview stores nothing');
  });

  test('bad input is a 400 naming the field, and nothing is stored', async () => {
    const bad = await admin.post('/app/setup/alert-rules', { ...scoreRule({ name: '', scoreMax: '11', routeTo: 'round_robin' }), lang: 'en' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /<a href="#name">Fill in this field.<\/a>/);
    assert.match(bad.text, /<a href="#scoreMax">Enter a whole number from 0 to 10.<\/a>/);
    assert.match(bad.text, /<a href="#routeUnit">Choose one of the options.<\/a>/);
    assert.match(bad.text, /id="scoreMax"[^>]*aria-describedby="scoreMax-hint scoreMax-error" aria-invalid="true"/);
    const noQuestion = await admin.post('/app/setup/alert-rules', { ...scoreRule({ question: '' }), intent: 'preview', lang: 'en' });
    assert.equal(noQuestion.status, 400);
    assert.match(noQuestion.text, /<a href="#question">Choose the question whose score is compared.<\/a>/);
    const notNps = await admin.post('/app/setup/alert-rules', { ...scoreRule({ when: 'detractor', question: 'csat' }), lang: 'en' });
    assert.match(notNps.text, /<a href="#question">Choose an NPS question/);
    const topic = await admin.post('/app/setup/alert-rules', { ...scoreRule({ when: 'topic', topic: 'weather' }), lang: 'en' });
    assert.match(topic.text, /<a href="#topic">Choose a topic.<\/a>/);
    const words = await admin.post('/app/setup/alert-rules', { ...scoreRule({ when: 'keyword', keywords: ' , ' }), lang: 'en' });
    assert.match(words.text, /<a href="#keywords">Enter at least one word.<\/a>/);
    const foreign = await admin.post('/app/setup/alert-rules', { ...scoreRule({ touchpoint: '00000000-0000-4000-8000-000000000000' }), lang: 'en' });
    assert.equal(foreign.status, 400);
    assert.match(foreign.text, /<a href="#touchpoint">/);
    assert.equal((await rules()).length, 0);
  });

  test('saving stores the chosen condition, the list says it in words, edit and disable work from the list', async () => {
    const ok = await admin.post('/app/setup/alert-rules', scoreRule());
    assert.equal(ok.status, 303, ok.text.slice(0, 300));
    const detractors = await admin.post('/app/setup/alert-rules', {
      name: 'Detractors at E-lasku', kind: 'problem', enabled: '1', when: 'detractor', question: '', touchpoint: otherTouchpointId, unit: tp.unitId, routeTo: 'touchpoint_owner', priority: 'normal', slaHours: '24',
    });
    assert.equal(detractors.status, 303);
    const billing = await admin.post('/app/setup/alert-rules', { ...scoreRule({ name: 'Invoices', when: 'keyword', keywords: 'lasku, faktura', touchpoint: '', priority: 'low' }) });
    assert.equal(billing.status, 303);
    const stored = await rules();
    assert.deepEqual(stored.map((r) => r.condition), [
      { all: [{ answer: 'nps', op: 'lte', value: 4 }, { touchpoint: [tp.touchpointId] }] },
      { all: [{ nps: 'detractor' }, { touchpoint: [otherTouchpointId] }, { unit: [tp.unitId] }] },
      { any: [{ keyword: 'lasku' }, { keyword: 'faktura' }] },
    ]);
    assert.deepEqual([stored[0].route, stored[0].priority, stored[0].sla_hours], [{ to: 'touchpoint_owner' }, 'high', 8]);

    const list = await admin.get('/app/setup/alert-rules?lang=en');
    assert.match(list.text, /<td>Score at most 4 in “How likely are you to recommend us\?” at Contract by phone<\/td>/);
    assert.match(list.text, /<td>Detractor \(NPS 0–6\) at E-lasku, unit Customer service<\/td>/);
    assert.match(list.text, /<td>Mentions “lasku” or “faktura”<\/td>/);
    assert.doesNotMatch(list.text, /"nps"|detractor"|lte/, 'no codes on screen');
    const fi = await admin.get('/app/setup/alert-rules?lang=fi');
    assert.match(fi.text, /<td>Arvostelija \(NPS 0–6\), kosketuspiste E-lasku, yksikkö Customer service<\/td>/);

    const edit = await admin.get(`/app/setup/alert-rules/${stored[0].id}?lang=en`);
    assert.equal(edit.status, 200);
    assert.match(edit.text, /id="when-score" name="when" value="score" checked>/);
    assert.match(edit.text, /id="scoreMax" name="scoreMax" type="number" value="4"/);
    const saved = await admin.post(`/app/setup/alert-rules/${stored[0].id}`, scoreRule({ scoreMax: '3', unit: tp.unitId, routeTo: 'user', routeUser: (await t.db.query<{ id: string }>(`select id from users where email = 'analyst@example.com'`))[0].id }));
    assert.equal(saved.status, 303);
    const [edited] = await rules();
    assert.deepEqual(edited.condition, { all: [{ answer: 'nps', op: 'lte', value: 3 }, { touchpoint: [tp.touchpointId] }, { unit: [tp.unitId] }] });
    assert.equal((edited.route as { to: string }).to, 'user');

    const off = await admin.post(`/app/setup/alert-rules/${stored[1].id}/enabled`, { enabled: '0' });
    assert.equal(off.status, 303);
    assert.deepEqual((await rules()).map((r) => r.enabled), [true, false, true]);
    assert.equal(off.location, '/app/setup/alert-rules?saved=disabled');
    const after = await admin.get('/app/setup/alert-rules?saved=disabled&lang=en');
    assert.match(after.text, /The rule was disabled./);
    assert.match(after.text, /value="1"><button class="button secondary" type="submit">Enable<span class="visually-hidden"> Detractors at E-lasku/);
    assert.equal((await admin.get('/app/setup/alert-rules/00000000-0000-4000-8000-000000000000')).status, 404);
  });

  test('a condition made through the API is kept, shown in words, unless replaced', async () => {
    const api = await t.api('/api/v1/alert-rules', { body: { name: 'VIP unhappy', condition: { all: [{ contact: 'vip', op: 'exists' }, { not: { nps: 'promoter' } }] } } });
    assert.equal(api.status, 201, JSON.stringify(api.body));
    const edit = await admin.get(`/app/setup/alert-rules/${api.body.id}?lang=en`);
    assert.match(edit.text, /<p>Customer’s vip and not \(Promoter \(NPS 9–10\)\)<\/p>/);
    assert.match(edit.text, /id="keep" name="keep" value="1" aria-describedby="keep-hint" checked>/);
    const kept = await admin.post(`/app/setup/alert-rules/${api.body.id}`, { name: 'VIP unhappy', kind: 'problem', enabled: '1', keep: '1', routeTo: 'touchpoint_owner', priority: 'urgent', slaHours: '4' });
    assert.equal(kept.status, 303, kept.text.slice(0, 300));
    const [row] = await t.db.query<{ condition: unknown; priority: string }>(`select condition, priority from alert_rules where id = $1`, [api.body.id]);
    assert.deepEqual(row, { condition: { all: [{ contact: 'vip', op: 'exists' }, { not: { nps: 'promoter' } }] }, priority: 'urgent' });
  });

  test('only roles that manage rules open the pages: the others get 403', async () => {
    for (const role of ['viewer', 'frontline', 'unit_manager']) {
      const client = pageClient(t, await sessionCookie(t, `${role}@example.com`));
      for (const path of ['/app/setup/alert-rules', '/app/setup/alert-rules/new']) assert.equal((await client.get(path)).status, 403, `${role} ${path}`);
      assert.equal((await client.post('/app/setup/alert-rules', scoreRule())).status, 403, role);
      assert.equal((await client.post('/app/setup/alert-rules', { ...scoreRule(), intent: 'preview' })).status, 403, role);
    }
    const analyst = pageClient(t, await sessionCookie(t, 'analyst@example.com'));
    assert.equal((await analyst.get('/app/setup/alert-rules/new')).status, 200, 'analysts manage rules (rules:manage)');
    assert.equal((await admin.post('/app/setup/alert-rules', scoreRule(), 'https://evil.example')).status, 403, 'a post from another site');
  });
});
