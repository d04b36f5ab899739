/**
 * The survey builder over HTTP: who may open it, creating and editing a survey through its form
 * (what is stored is read back through the API), errors at their fields without losing what was
 * typed, a survey with answers keeping them, another organisation's survey answering 404, and
 * the preview rendering the respondent's page in each language while storing nothing. Then the
 * publishing step ("Publish now?" → the distribution hub), new questions required by type,
 * display conditions set with pickers and checked as the API checks them, moving by drag
 * (move-<from>-<to>) with focus kept, and the unsaved-edits marker of a re-rendered form.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, shortPulse } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { createUser } from '../auth/service.ts';

type Fields = Array<[string, string]>;

/** The form as a browser posts it: a survey in fi/sv/en/pl with an NPS, a Likert statement and a single choice. */
function surveyForm(over: Record<string, string> = {}): Fields {
  const base: Record<string, string> = {
    name: 'Asiointikysely', kind: 'pulse', status: 'active', touchpointId: '', defaultLanguage: 'fi',
    title_fi: 'Miten asiointi sujui?', title_sv: 'Hur gick ärendet?', title_en: 'How did it go?', title_pl: 'Jak poszło?',
    intro_fi: '', intro_sv: '', intro_en: '', intro_pl: '', thanks_fi: 'Kiitos!', thanks_sv: 'Tack!', thanks_en: '', thanks_pl: '',
    qn: '3', previewLang: 'fi',
    q0_key: 'nps', q0_type: 'nps', q0_required: '1', q0_why: '1', q0_whyshown: '1',
    q0_text_fi: 'Suosittelisitko meitä?', q0_text_sv: 'Skulle du rekommendera oss?', q0_text_en: 'Would you recommend us?', q0_text_pl: 'Czy polecił(a)byś nas?',
    q1_key: 'staff', q1_type: 'likert7', q1_dk: '1', q1_driver: '1',
    q1_text_fi: 'Henkilökunta oli ystävällistä', q1_text_sv: 'Personalen var vänlig', q1_text_en: 'The staff were friendly', q1_text_pl: 'Personel był miły',
    q2_key: 'reason', q2_type: 'single_choice', q2_on: '3',
    q2_text_fi: 'Asioinnin syy', q2_text_sv: 'Orsak', q2_text_en: 'Reason', q2_text_pl: 'Powód',
    q2_o0_value: 'buy', q2_o0_fi: 'Osto', q2_o0_sv: 'Köp', q2_o0_en: 'Buying', q2_o0_pl: 'Zakup',
    q2_o1_value: '', q2_o1_fi: 'Palautus', q2_o1_sv: 'Retur', q2_o1_en: 'Return', q2_o1_pl: 'Zwrot',
    q2_o2_value: '', q2_o2_fi: '', q2_o2_sv: '', q2_o2_en: '', q2_o2_pl: '',
    intent: 'save', lang: 'en',
    ...over,
  };
  return [...['fi', 'sv', 'en', 'pl'].map((l): [string, string] => ['languages', l]), ...Object.entries(base).filter(([, v]) => v !== undefined)];
}
const withField = (fields: Fields, name: string, value: string | undefined): Fields =>
  value === undefined ? fields.filter(([n]) => n !== name) : fields.map(([n, v]) => [n, n === name ? value : v]);

describe('survey builder pages', () => {
  let t: TestApp;
  let admin: PageClient;
  let analyst: PageClient;
  let tp: Awaited<ReturnType<typeof journeyWithTouchpoint>>;

  before(async () => {
    t = await startTestApp();
    tp = await journeyWithTouchpoint(t);
    for (const role of ['analyst', 'unit_manager', 'frontline', 'viewer'] as const) {
      await createUser(t.db, t.orgId, { email: `${role}@example.com`, name: `Person ${role}`, role, unitId: role === 'unit_manager' || role === 'frontline' ? tp.unitId : null, password: 'correct horse battery' });
    }
    admin = pageClient(t, await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`));
    analyst = pageClient(t, await sessionCookie(t, 'analyst@example.com'));
  });
  after(() => t.close());

  test('viewers, frontline staff and unit managers are refused; analysts find the builder from set-up', async () => {
    const { body } = await t.api('/api/v1/surveys', { body: shortPulse(tp.touchpointId) });
    for (const role of ['viewer', 'frontline', 'unit_manager']) {
      const client = pageClient(t, await sessionCookie(t, `${role}@example.com`));
      for (const path of ['/app/setup/surveys', '/app/setup/surveys/new', `/app/setup/surveys/${body.id}`]) assert.equal((await client.get(path)).status, 403, `${role} ${path}`);
      assert.equal((await client.post('/app/setup/surveys', surveyForm())).status, 403, role);
      assert.equal((await client.post('/app/setup/surveys/preview', surveyForm())).status, 403, role);
    }
    assert.equal((await pageClient(t, null).get('/app/setup/surveys')).status, 303, 'anonymous: to sign in');
    const index = await analyst.get('/app/setup?lang=en');
    assert.match(index.text, /<a href="\/app\/setup\/surveys">Surveys<\/a>/);
    const list = await analyst.get('/app/setup/surveys?lang=en');
    assert.equal(list.status, 200);
    assert.match(list.text, /<a href="\/app\/setup\/surveys\/[0-9a-f-]+">Checkout pulse<\/a><\/th><td>Customer pulse<\/td><td>[^<]+<\/td>\s*<td>English, Suomi<\/td><td>Active<\/td><td class="num">0<\/td>/);
  });

  test('a survey created through the form is stored as typed, in every language, with the NPS follow-up', async () => {
    const res = await admin.post('/app/setup/surveys', withField(surveyForm(), 'touchpointId', tp.touchpointId));
    assert.equal(res.status, 303, res.text.slice(0, 2000));
    // An active survey goes on to its distribution hub.
    const id = /^\/app\/setup\/surveys\/([0-9a-f-]{36})\/share\?saved=created$/.exec(res.location ?? '')?.[1];
    assert.ok(id, res.location ?? '');
    const { body: survey } = await t.api(`/api/v1/surveys/${id}`);
    assert.deepEqual([survey.name, survey.kind, survey.status, survey.defaultLanguage, survey.languages, survey.touchpointId], ['Asiointikysely', 'pulse', 'active', 'fi', ['fi', 'sv', 'en', 'pl'], tp.touchpointId]);
    assert.deepEqual(survey.texts, { title: { fi: 'Miten asiointi sujui?', sv: 'Hur gick ärendet?', en: 'How did it go?', pl: 'Jak poszło?' }, thanks: { fi: 'Kiitos!', sv: 'Tack!' } });
    assert.deepEqual(survey.questions.map((q: { key: string; type: string; required: boolean }) => [q.key, q.type, q.required]),
      [['nps', 'nps', true], ['nps_why', 'text', false], ['staff', 'likert7', false], ['reason', 'single_choice', false]]);
    const staff = survey.questions[2];
    assert.deepEqual([staff.allowDontKnow, staff.isDriver, staff.texts.sv.label, staff.texts.pl.label], [true, true, 'Personalen var vänlig', 'Personel był miły']);
    assert.deepEqual(survey.questions[3].options, [
      { value: 'buy', label: { fi: 'Osto', sv: 'Köp', en: 'Buying', pl: 'Zakup' } },
      { value: 'o2', label: { fi: 'Palautus', sv: 'Retur', en: 'Return', pl: 'Zwrot' } },
    ]);
    const page = await admin.get(`/app/setup/surveys/${id}?saved=created&lang=en`);
    assert.equal(page.status, 200);
    assert.match(page.text, /The survey was created\./);
    assert.match(page.text, /id="q2_text_sv" name="q2_text_sv" type="text" value="Personalen var vänlig"/);
  });

  test('errors are shown at their fields and in the summary, and everything typed stays in the form', async () => {
    const before = (await t.db.query<{ n: number }>(`select count(*)::int as n from surveys where org_id = $1`, [t.orgId]))[0].n;
    let fields = surveyForm({ name: '', q1_text_fi: '', q2_o1_fi: '', q2_o1_sv: '', q2_o1_en: '', q2_o1_pl: '', q0_key: 'Bad key' });
    fields = withField(fields, 'q1_text_sv', 'Personalen var vänlig <b>');
    const res = await admin.post('/app/setup/surveys', fields);
    assert.equal(res.status, 400);
    assert.match(res.text, /<a href="#name">Fill in this field\.<\/a>/);
    assert.match(res.text, /<a href="#q0_key">The code starts with a letter/);
    assert.match(res.text, /<a href="#q1_text_fi">Write the text in the default language \(fi\)\.<\/a>/);
    assert.match(res.text, /<a href="#q2_o0_value">Give at least two options\.<\/a>/);
    assert.match(res.text, /id="q1_text_fi" name="q1_text_fi" type="text" value=""[^>]*aria-describedby="q1_text_fi-error" aria-invalid="true"/);
    assert.match(res.text, /value="Personalen var vänlig &lt;b&gt;"/, 'what was typed is kept, escaped');
    assert.match(res.text, /value="Bad key"/);
    const after = (await t.db.query<{ n: number }>(`select count(*)::int as n from surveys where org_id = $1`, [t.orgId]))[0].n;
    assert.equal(after, before, 'nothing stored');
    // The service's own rules reach the form too: the default language must be one of the chosen ones.
    const noDefault = await admin.post('/app/setup/surveys', surveyForm({ defaultLanguage: 'de' }));
    assert.equal(noDefault.status, 400);
    assert.match(noDefault.text, /<a href="#defaultLanguage">The default language must be one of the chosen languages\.<\/a>/);
  });

  test('the buttons add, move and remove questions and options without saving', async () => {
    const surveys = async () => (await t.db.query<{ n: number }>(`select count(*)::int as n from surveys where org_id = $1`, [t.orgId]))[0].n;
    const before = await surveys();
    const added = await admin.post('/app/setup/surveys', surveyForm({ intent: 'add', newType: 'multi_choice' }));
    assert.equal(added.status, 200);
    assert.match(added.text, /<legend>Question 4: Several choices<\/legend>/);
    assert.match(added.text, /id="q3_key" name="q3_key" type="text" value="choices"/);
    assert.match(added.text, /value="Suosittelisitko meitä\?"/, 'texts kept');
    const moved = await admin.post('/app/setup/surveys', surveyForm({ intent: 'down-0' }));
    assert.match(moved.text, /id="q0_key" name="q0_key" type="text" value="staff"[\s\S]*id="q1_key" name="q1_key" type="text" value="nps"/);
    const removed = await admin.post('/app/setup/surveys', surveyForm({ intent: 'remove-1' }));
    assert.doesNotMatch(removed.text, /value="staff"/);
    assert.match(removed.text, /id="q1_key" name="q1_key" type="text" value="reason"/);
    const option = await admin.post('/app/setup/surveys', surveyForm({ intent: 'addopt-2' }));
    assert.match(option.text, /name="q2_on" value="4"/);
    assert.equal(await surveys(), before, 'nothing stored');
  });

  test('editing a survey with answers keeps them: answered questions cannot be removed or retyped, texts can change', async () => {
    const { body: created } = await t.api('/api/v1/surveys', { body: shortPulse(tp.touchpointId) });
    assert.equal((await t.api('/api/v1/responses', { body: { surveyId: created.id, answers: [{ question: 'nps', value: 9 }] } })).status, 201);
    const page = await admin.get(`/app/setup/surveys/${created.id}?lang=en`);
    assert.match(page.text, /This survey has 1 responses\./);
    assert.match(page.text, /<legend>Question 1: Likelihood to recommend 0–10 \(NPS\)<\/legend>\s*<p class="answered-note">This question has answers\.<\/p>/);
    assert.doesNotMatch(page.text, /value="remove-0"/, 'no removing an answered question');
    const form: Fields = [['name', 'Checkout pulse'], ['kind', 'pulse'], ['status', 'active'], ['touchpointId', tp.touchpointId], ['languages', 'en'], ['languages', 'fi'], ['defaultLanguage', 'en'],
      ['title_en', 'How did checkout go today?'], ['title_fi', 'Miten kassalla meni?'], ['qn', '2'],
      ['q0_key', 'nps'], ['q0_type', 'nps'], ['q0_required', '1'], ['q0_text_en', 'Would you recommend us to a friend?'], ['q0_text_fi', 'Suosittelisitko meitä?'],
      ['q1_key', 'nps_why'], ['q1_type', 'text'], ['q1_text_en', 'Why?'], ['q1_text_fi', 'Miksi?'], ['q1_extra', JSON.stringify({ displayIf: { question: 'nps', op: 'answered' } })],
      ['intent', 'save'], ['lang', 'en']];
    const saved = await admin.post(`/app/setup/surveys/${created.id}`, form);
    assert.equal(saved.status, 303, saved.text.slice(0, 1500));
    const { body: after } = await t.api(`/api/v1/surveys/${created.id}`);
    assert.equal(after.questions[0].texts.en.label, 'Would you recommend us to a friend?');
    assert.deepEqual(after.questions[1].displayIf, { question: 'nps', op: 'answered' }, 'the condition is kept');
    const answers = await t.db.query<{ n: number; q: string }>(`select a.number as n, q.key as q from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id where a.org_id = $1 and q.survey_id = $2`, [t.orgId, created.id]);
    assert.deepEqual(answers.map((a) => [a.q, Number(a.n)]), [['nps', 9]]);
    // A forged form that drops or retypes the answered question is refused, with the reason on the page.
    const dropped = await admin.post(`/app/setup/surveys/${created.id}`, form.filter(([n]) => n !== 'q1_extra').map(([n, v]): [string, string] => [n, n === 'q0_key' ? 'recommend' : v]));
    assert.equal(dropped.status, 409);
    assert.match(dropped.text, /<a href="#questions">This change cannot be saved because the survey has answers: Questions that already have answers cannot be removed: nps<\/a>/);
    const retyped = await admin.post(`/app/setup/surveys/${created.id}`, form.map(([n, v]): [string, string] => [n, n === 'q0_type' ? 'csat' : v]));
    assert.equal(retyped.status, 409, /error-summary[\s\S]*?<\/ul>/.exec(retyped.text)?.[0]);
    assert.equal((await t.api(`/api/v1/surveys/${created.id}`)).body.questions[0].type, 'nps');
  });

  test('another organisation’s survey answers 404 and is not changed', async () => {
    const other = await newOrg(t.db, 'Other');
    const theirs = await t.api('/api/v1/surveys', { body: shortPulse(), key: other.apiKey });
    assert.equal(theirs.status, 201);
    assert.equal((await admin.get(`/app/setup/surveys/${theirs.body.id}`)).status, 404);
    assert.equal((await admin.post(`/app/setup/surveys/${theirs.body.id}`, surveyForm())).status, 404);
    assert.equal((await admin.get('/app/setup/surveys/not-a-uuid')).status, 404);
    assert.equal((await t.api(`/api/v1/surveys/${theirs.body.id}`, { key: other.apiKey })).body.name, 'Checkout pulse');
  });

  test('the preview is the respondent page in each of the survey’s languages, never cached, storing nothing', async () => {
    const count = async () => (await t.db.query<{ n: number }>(`select (select count(*) from surveys) + (select count(*) from questions) as n`))[0].n;
    const before = await count();
    const expected = { fi: ['Suosittelisitko meitä?', 'Henkilökunta oli ystävällistä', 'Palautus'], sv: ['Skulle du rekommendera oss?', 'Personalen var vänlig', 'Retur'],
      en: ['Would you recommend us?', 'The staff were friendly', 'Return'], pl: ['Czy polecił(a)byś nas?', 'Personel był miły', 'Zwrot'] };
    for (const [lang, texts] of Object.entries(expected)) {
      const res = await fetch(`${t.url}/app/setup/surveys/preview`, {
        method: 'POST', headers: { cookie: await sessionCookie(t, 'analyst@example.com'), origin: t.url, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(withField(surveyForm(), 'previewLang', lang)).toString(),
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const page = await res.text();
      assert.match(page, new RegExp(`<html lang="${lang}">`));
      for (const text of texts) assert.ok(page.includes(text), `${lang}: ${text}`);
      assert.match(page, /<fieldset role="radiogroup"/, 'the public page’s own markup');
    }
    // An unfinished draft still previews (no title yet, a question without a code).
    const draft = await admin.post('/app/setup/surveys/preview', surveyForm({ title_fi: '', q0_key: '' }));
    assert.equal(draft.status, 200);
    assert.match(draft.text, /Suosittelisitko meitä\?/);
    assert.equal(await count(), before);
    // The editor's CSP allows the survey page's inline style and script by hash only, our script, and framing nothing else.
    const editor = await fetch(`${t.url}/app/setup/surveys/new?lang=en`, { headers: { cookie: await sessionCookie(t, 'analyst@example.com') } });
    const csp = editor.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self' 'sha256-[^']+';/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    const html = await editor.text();
    assert.match(html, /<iframe id="preview-frame" name="survey-preview" title="Preview of the survey on a phone, in English" sandbox="allow-scripts" srcdoc="&lt;!doctype html&gt;/);
    assert.match(html, /<script src="\/assets\/survey-builder.js" defer><\/script>/);
    const script = await fetch(`${t.url}/assets/survey-builder.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
  });

  const count = async () => (await t.db.query<{ n: number }>(`select count(*)::int as n from surveys where org_id = $1`, [t.orgId]))[0].n;

  test('a saved draft asks “Publish now?”; publishing makes it answerable and goes on to its distribution hub', async () => {
    const res = await admin.post('/app/setup/surveys', surveyForm({ status: 'draft', name: 'Luonnoskysely' }));
    assert.equal(res.status, 303, res.text.slice(0, 1500));
    const id = /^\/app\/setup\/surveys\/([0-9a-f-]{36})\/publish\?saved=created$/.exec(res.location ?? '')?.[1];
    assert.ok(id, res.location ?? '');
    assert.equal((await t.api(`/api/v1/surveys/${id}`)).body.status, 'draft');
    assert.equal((await fetch(`${t.url}/s/${id}`)).status, 404, 'a draft is not open to respondents');
    const list = await admin.get('/app/setup/surveys?lang=en');
    assert.match(list.text, new RegExp(`<td class="status-draft">Draft</td><td class="num">0</td>\\s*<td><a href="/app/setup/surveys/${id}/publish">Publish now<span class="visually-hidden"> Luonnoskysely</span></a></td>`));
    const editor = await admin.get(`/app/setup/surveys/${id}?lang=en`);
    assert.match(editor.text, /<p class="survey-status" id="survey-status"><span class="status-badge status-draft">Draft<\/span> Draft: respondents cannot see the survey yet\.<\/p>/);

    const ask = await admin.get(`/app/setup/surveys/${id}/publish?saved=created&lang=en`);
    assert.equal(ask.status, 200);
    assert.match(ask.text, /<h1>Publish now\?<\/h1>/);
    assert.match(ask.text, /<p>The draft “Luonnoskysely” was saved\. Publish it now\?<\/p>/);
    assert.match(ask.text, new RegExp(`<form method="post" action="/app/setup/surveys/${id}/publish"><input type="hidden" name="confirm" value="1">\\s*<div class="form-actions"><button class="button" type="submit">Publish now</button> <a href="/app/setup/surveys/${id}/share">Not yet, keep it a draft</a>`));
    // A post without the confirmation publishes nothing.
    const unconfirmed = await admin.post(`/app/setup/surveys/${id}/publish`, { lang: 'en' });
    assert.equal(unconfirmed.status, 200);
    assert.equal((await t.api(`/api/v1/surveys/${id}`)).body.status, 'draft');
    // Roles without surveys:write and other sites cannot publish.
    const viewer = pageClient(t, await sessionCookie(t, 'viewer@example.com'));
    assert.equal((await viewer.post(`/app/setup/surveys/${id}/publish`, { confirm: '1' })).status, 403);
    assert.equal((await admin.post(`/app/setup/surveys/${id}/publish`, { confirm: '1' }, 'https://evil.example')).status, 403);
    assert.equal((await t.api(`/api/v1/surveys/${id}`)).body.status, 'draft');

    const published = await admin.post(`/app/setup/surveys/${id}/publish`, { confirm: '1' });
    assert.equal(published.status, 303);
    assert.equal(published.location, `/app/setup/surveys/${id}/share?published=1`);
    assert.equal((await t.api(`/api/v1/surveys/${id}`)).body.status, 'active');
    assert.equal((await fetch(`${t.url}/s/${id}`)).status, 200, 'respondents can answer it now');
    assert.equal((await admin.get(`/app/setup/surveys/${id}/publish`)).location, `/app/setup/surveys/${id}/share`, 'nothing left to ask');
    const after = await admin.get(`/app/setup/surveys/${id}?lang=en`);
    assert.match(after.text, new RegExp(`<span class="status-badge status-active">Active</span> Published: the survey can be answered through its links\\. <a href="/app/setup/surveys/${id}/share">Share</a>`));
    // Saving a published survey again goes straight to its hub.
    const again = await admin.post(`/app/setup/surveys/${id}`, surveyForm({ name: 'Luonnoskysely' }));
    assert.equal(again.location, `/app/setup/surveys/${id}/share?saved=1`);
    // Another organisation's survey: 404, unchanged.
    const other = await newOrg(t.db, 'Publisher');
    const theirs = await t.api('/api/v1/surveys', { body: { ...shortPulse(), status: 'draft' }, key: other.apiKey });
    assert.equal((await admin.get(`/app/setup/surveys/${theirs.body.id}/publish`)).status, 404);
    assert.equal((await admin.post(`/app/setup/surveys/${theirs.body.id}/publish`, { confirm: '1' })).status, 404);
    assert.equal((await t.api(`/api/v1/surveys/${theirs.body.id}`, { key: other.apiKey })).body.status, 'draft');
  });

  test('new questions are required where the type expects an answer; an open answer is optional', async () => {
    const expected = { nps: true, csat: true, ces: true, likert7: true, rating: true, single_choice: true, multi_choice: true, text: false };
    for (const [type, required] of Object.entries(expected)) {
      const res = await admin.post('/app/setup/surveys', surveyForm({ intent: 'add', newType: type }));
      assert.equal(res.status, 200);
      const box = /<input type="checkbox" id="q3_required" name="q3_required" value="1"( checked)?>/.exec(res.text);
      assert.ok(box, type);
      assert.equal(box[1] === ' checked', required, type);
      assert.match(res.text, /<select id="q3_type" name="q3_type" autofocus>/, 'focus on the new question');
    }
    const fresh = await admin.get('/app/setup/surveys/new?lang=en');
    assert.match(fresh.text, /<input type="checkbox" id="q0_required" name="q0_required" value="1" checked>/, 'the first NPS question too');
  });

  test('a display condition set with pickers is stored as the API’s condition and shown back in the pickers', async () => {
    const fields = surveyForm({ q2_if: 'nps', q2_ifop: 'lte', q2_ifvalue: '6', q2_ifshown: '1', q1_ifshown: '1' });
    const res = await admin.post('/app/setup/surveys', fields);
    assert.equal(res.status, 303, /error-summary[\s\S]*?<\/ul>/.exec(res.text)?.[0]);
    const id = /surveys\/([0-9a-f-]{36})\//.exec(res.location ?? '')?.[1];
    const { body } = await t.api(`/api/v1/surveys/${id}`);
    assert.deepEqual(body.questions.map((q: { key: string; displayIf: unknown }) => [q.key, q.displayIf]),
      [['nps', null], ['nps_why', { question: 'nps', op: 'answered' }], ['staff', null], ['reason', { question: 'nps', op: 'lte', value: 6 }]]);
    const editor = await admin.get(`/app/setup/surveys/${id}?lang=en`);
    // The reason question is now the fourth (the NPS follow-up was stored as its own question).
    assert.match(editor.text, /<select id="q3_if" name="q3_if" data-condition-question[^>]*>\s*<option value="">always<\/option><option value="nps" data-kind="scale"[^>]* selected>1\. Suosittelisitko meitä\?<\/option>/);
    assert.match(editor.text, /<option value="lte" data-for="scale" selected>is at most \(≤\)<\/option>/);
    assert.match(editor.text, /<select id="q3_ifvalue" name="q3_ifvalue"><option value="">–<\/option><option value="0">0<\/option>[\s\S]*?<option value="6" selected>6<\/option>/);
    // "is one of" on a choice question: checkboxes of its options, stored as a list.
    const choiceFirst: Fields = [['name', 'Syykysely'], ['kind', 'pulse'], ['status', 'active'], ['languages', 'en'], ['defaultLanguage', 'en'], ['title_en', 'Why here?'], ['qn', '2'],
      ['q0_key', 'reason'], ['q0_type', 'single_choice'], ['q0_on', '2'], ['q0_text_en', 'Reason'], ['q0_o0_value', 'buy'], ['q0_o0_en', 'Buying'], ['q0_o1_value', 'return'], ['q0_o1_en', 'Return'],
      ['q1_key', 'staff'], ['q1_type', 'likert7'], ['q1_text_en', 'Staff'], ['q1_ifshown', '1'], ['q1_if', 'reason'], ['q1_ifop', 'in'], ['q1_ifvalue', 'buy'], ['q1_ifvalue', 'return'], ['intent', 'save']];
    const inRes = await admin.post('/app/setup/surveys', choiceFirst);
    assert.equal(inRes.status, 303, /error-summary[\s\S]*?<\/ul>/.exec(inRes.text)?.[0]);
    const inId = /surveys\/([0-9a-f-]{36})\//.exec(inRes.location ?? '')?.[1];
    assert.deepEqual((await t.api(`/api/v1/surveys/${inId}`)).body.questions[1].displayIf, { question: 'reason', op: 'in', value: ['buy', 'return'] });
    const inEditor = await admin.get(`/app/setup/surveys/${inId}?lang=en`);
    assert.match(inEditor.text, /<fieldset class="choices condition-values" id="q1_ifvalue"><legend>Values<\/legend>\s*<div class="choice"><input type="checkbox" id="q1_ifvalue-0" name="q1_ifvalue" value="buy" checked><label for="q1_ifvalue-0">Buying<\/label><\/div>/);
    assert.match(inEditor.text, /<option value="lte" data-for="scale" hidden disabled>/, 'no ≤ for a choice');
  });

  test('conditions the question cannot meet are refused at their pickers, and nothing is stored', async () => {
    const before = await count();
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ q2_if: 'nps', q2_ifop: 'lte', q2_ifvalue: '11' }, 'q2_ifvalue', /Choose a value for the condition that fits the question’s answers\./],
      [{ q2_if: 'nps', q2_ifop: 'lte', q2_ifvalue: '' }, 'q2_ifvalue', /Choose a value for the condition that fits the question’s answers\./],
      [{ q1_if: 'reason', q1_ifop: 'eq', q1_ifvalue: 'buy' }, 'q1_if', /The condition’s question must come before this question\./],
      [{ q2_if: 'staff', q2_ifop: 'bogus', q2_ifvalue: '3' }, 'q2_ifop', /Choose one of the options\./],
    ];
    for (const [over, field, message] of cases) {
      const res = await admin.post('/app/setup/surveys', surveyForm({ ...over, q1_ifshown: '1', q2_ifshown: '1' }));
      assert.equal(res.status, 400, JSON.stringify(over));
      assert.match(res.text, new RegExp(`<a href="#${field}">${message.source}</a>`), JSON.stringify(over));
      assert.match(res.text, new RegExp(`id="${field}"[^>]*aria-invalid="true"`), field);
    }
    // "Update condition choices" (no JS) offers the values of the question chosen: the statement's 1–7.
    const refresh = await admin.post('/app/setup/surveys', surveyForm({ q2_if: 'staff', q2_ifop: 'gte', q2_ifshown: '1', intent: 'refresh' }));
    assert.equal(refresh.status, 200);
    assert.match(refresh.text, /<select id="q2_ifvalue" name="q2_ifvalue"><option value="">–<\/option><option value="1">1<\/option>[\s\S]*<option value="7">7<\/option><\/select>/);
    assert.doesNotMatch(/<select id="q2_ifvalue"[\s\S]*?<\/select>/.exec(refresh.text)?.[0] ?? '', /value="8"/);
    assert.equal(await count(), before);
    // The API refuses the same through the survey service: a value off the target's scale, "≤" on a choice.
    const api = await t.api('/api/v1/surveys', { body: { ...shortPulse(), questions: [
      { key: 'nps', type: 'nps', text: { en: 'Recommend?' } },
      { key: 'low', type: 'text', text: { en: 'Why?' }, displayIf: { question: 'nps', op: 'lte', value: 11 } }] } });
    assert.equal(api.status, 400);
    assert.equal(api.body.field, 'questions[1].displayIf.value');
    const choice = await t.api('/api/v1/surveys', { body: { ...shortPulse(), questions: [
      { key: 'pick', type: 'single_choice', text: { en: 'Pick' }, options: [{ value: 'a', label: { en: 'A' } }, { value: 'b', label: { en: 'B' } }] },
      { key: 'low', type: 'text', text: { en: 'Why?' }, displayIf: { question: 'pick', op: 'gte', value: 'a' } }] } });
    assert.equal(choice.status, 400);
    assert.equal(choice.body.field, 'questions[1].displayIf.op');
    assert.equal(await count(), before);
  });

  test('a dragged question lands where it was dropped; a moved question keeps keyboard focus; re-rendered edits are marked unsaved', async () => {
    const dropped = await admin.post('/app/setup/surveys', surveyForm({ intent: 'move-2-0' }));
    assert.equal(dropped.status, 200);
    assert.deepEqual([...dropped.text.matchAll(/id="q(\d)_key" name="q\d_key" type="text" value="([^"]*)"/g)].map((m) => m[2]), ['reason', 'nps', 'staff']);
    assert.match(dropped.text, /<button class="button secondary" type="submit" name="intent" value="down-0" id="q0_down" autofocus>/);
    const up = await admin.post('/app/setup/surveys', surveyForm({ intent: 'up-2' }));
    assert.match(up.text, /value="up-1" id="q1_up" autofocus>/, 'focus follows the question to its new place');
    assert.equal((up.text.match(/autofocus/g) ?? []).length, 1);
    assert.match(up.text, /<form id="builder-form" method="post" action="\/app\/setup\/surveys" data-preview="\/app\/setup\/surveys\/preview" data-unsaved="1"/);
    const bad = await admin.post('/app/setup/surveys', surveyForm({ intent: 'move-0-9' }));
    assert.deepEqual([...bad.text.matchAll(/id="q\d_key" name="q\d_key" type="text" value="([^"]*)"/g)].map((m) => m[1]), ['nps', 'staff', 'reason'], 'out of range: unchanged');
    const fresh = await admin.get('/app/setup/surveys/new');
    assert.doesNotMatch(fresh.text, /data-unsaved/);
  });
});
