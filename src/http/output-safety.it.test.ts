/**
 * Customers' words and users' names containing HTML or script are shown as text everywhere
 * Kaiku shows them: survey pages, dashboard pages, e-mails and exports.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { caseEmail } from '../mail/templates.ts';

const script = '<script>alert("xss")</script>';
const image = '<img src=x onerror=alert(1)>';
const formula = '=HYPERLINK("http://evil.example","click")';
const answer = `${script}${image} ${formula}`;
const escaped = '&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;';

describe('open texts and names with HTML render as text', () => {
  let t: TestApp;
  let surveyId: string;
  let cookie: string;

  before(async () => {
    t = await startTestApp();
    const unit = await t.api('/api/v1/units', { body: { name: `Unit ${script}` } });
    const journey = await t.api('/api/v1/journeys', { body: { name: `Journey ${image}`, persona: script } });
    const stage = await t.api(`/api/v1/journeys/${journey.body.id}/stages`, { body: { name: `Stage ${script}`, phase: 'before' } });
    const touchpoint = await t.api('/api/v1/touchpoints', { body: { stageId: stage.body.id, name: `Touchpoint ${script}`, channel: 'web', ownerUnitId: unit.body.id } });
    const survey = await t.api('/api/v1/surveys', { body: {
      name: 'Open', kind: 'pulse', defaultLanguage: 'en', languages: ['en'], title: { en: 'Tell us' }, touchpointId: touchpoint.body.id, status: 'active',
      questions: [
        { key: 'nps', type: 'nps', required: true, text: { en: 'Recommend?' } },
        { key: 'why', type: 'text', text: { en: 'Why?' } },
      ],
    } });
    assert.equal(survey.status, 201, JSON.stringify(survey.body));
    surveyId = survey.body.id;
    const stored = await t.api('/api/v1/responses', { body: { surveyId, answers: [{ question: 'nps', value: 2 }, { question: 'why', value: answer }] } });
    assert.equal(stored.status, 201);
    const login = await fetch(`${t.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `admin-${t.orgId.slice(0, 8)}@example.com`, password: 'correct horse battery' }),
    });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  });
  after(() => t.close());

  test('survey page: an answer sent back with an error is shown escaped inside its text area', async () => {
    const form = await (await fetch(`${t.url}/s/${surveyId}`)).text();
    const nonce = /name="_nonce" value="([^"]+)"/.exec(form)![1];
    const res = await fetch(`${t.url}/s/${surveyId}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _nonce: nonce, why: `</textarea>${answer}` }).toString(),
    });
    assert.equal(res.status, 400); // nps is required
    const html = await res.text();
    assert.ok(html.includes(`&lt;/textarea&gt;${escaped}`), 'the answer is escaped');
    assert.equal((html.match(/<script>/g) ?? []).length, 1, 'only the page\'s own hashed script');
    assert.doesNotMatch(html, /<img src=x/);
  });

  test('dashboard pages: names and texts are escaped and the page runs no script at all', async () => {
    const res = await fetch(`${t.url}/app?lang=en`, { headers: { cookie } });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Touchpoint &lt;script&gt;alert\(&quot;xss&quot;\)&lt;\/script&gt;/);
    assert.doesNotMatch(html, /<script|<img/);
    assert.match(res.headers.get('content-security-policy') ?? '', /^default-src 'none'/); // and would not run one anyway
  });

  test('e-mails: the customer\'s words are escaped in the HTML part and verbatim in the text part', () => {
    const mail = caseEmail({
      kind: 'case_assigned', caseId: '00000000-0000-4000-8000-000000000001', title: `Detractor ${script}`, priority: 'high',
      dueAt: null, verbatim: answer, touchpoint: `Touchpoint ${image}`, employee: null,
    }, { language: 'en', publicUrl: 'https://cx.example.com', timeZone: 'Europe/Helsinki', recipientName: `Ann ${script}` });
    assert.ok(mail.html.includes(escaped), 'verbatim escaped');
    assert.doesNotMatch(mail.html, /<script|<img src=x/);
    assert.ok(mail.text.includes(answer), 'the text part carries the words as written');
  });

  test('exports: the words are data (not markup), formulas are neutralised, and the file is a download that never renders', async () => {
    const res = await t.api(`/api/v1/exports/answers.csv?surveyId=${surveyId}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment;/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('content-security-policy') ?? '', /^default-src 'none'/);
    const csv = res.body as string;
    assert.ok(csv.includes(`"${answer.replace(/"/g, '""')}"`), 'the answer as one quoted CSV field');
    const formulaOnly = await t.api('/api/v1/responses', { body: { surveyId, answers: [{ question: 'nps', value: 9 }, { question: 'why', value: formula }] } });
    assert.equal(formulaOnly.status, 201);
    const again = (await t.api(`/api/v1/exports/answers.csv?surveyId=${surveyId}`)).body as string;
    assert.ok(again.includes(`"'${formula.replace(/"/g, '""')}"`), 'a leading = gets an apostrophe');
    const xlsx = await fetch(`${t.url}/api/v1/exports/answers.xlsx?surveyId=${surveyId}`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    assert.match(xlsx.headers.get('content-disposition') ?? '', /^attachment;/);
    await xlsx.arrayBuffer();
  });
});
