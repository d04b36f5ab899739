/**
 * The survey builder over HTTP: who may open it, creating and editing a survey through its form
 * (what is stored is read back through the API), errors at their fields without losing what was
 * typed, a survey with answers keeping them, another organisation's survey answering 404, and
 * the preview rendering the respondent's page in each language while storing nothing.
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
    const id = /^\/app\/setup\/surveys\/([0-9a-f-]{36})\?saved=created$/.exec(res.location ?? '')?.[1];
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
});
