import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';

describe('survey pages', () => {
  let t: TestApp;
  let surveyId: string;
  let ids: Awaited<ReturnType<typeof journeyWithTouchpoint>>;

  /** A browser-like request: no API key, redirects not followed. */
  async function page(path: string, init: { form?: Record<string, string | string[]>; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    let body: string | undefined;
    if (init.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(init.form)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
      body = params.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(t.url + path, { method: init.form ? 'POST' : 'GET', headers, body, redirect: 'manual' });
    return { status: res.status, html: await res.text(), headers: res.headers };
  }
  const nonceOf = (html: string) => /name="_nonce" value="([^"]+)"/.exec(html)?.[1] ?? assert.fail('no nonce in the form');
  const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;
  const responsesOf = async (survey: string) => (await t.db.query<{ n: number }>(
    `select count(*)::int as n from responses where org_id = $1 and survey_id = $2`, [t.orgId, survey]))[0].n;

  async function createSurvey(body: unknown) {
    const res = await t.api('/api/v1/surveys', { body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }

  async function invite(body: Record<string, unknown> = {}) {
    const res = await t.api(`/api/v1/surveys/${surveyId}/invitations`, { body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; token: string };
  }

  async function contact(language: string | null) {
    const [row] = await t.db.query<{ id: string }>(`insert into contacts (org_id, language, cohort) values ($1, $2, 0) returning id`, [t.orgId, language]);
    return row.id;
  }

  before(async () => {
    t = await startTestApp();
    ids = await journeyWithTouchpoint(t);
    surveyId = await createSurvey(pulseSurvey(ids.touchpointId));
  });
  after(() => t.close());

  test('the page follows Accept-Language and names its language', async () => {
    const res = await page(`/s/${surveyId}`, { headers: { 'accept-language': 'de-DE, sv;q=0.8, en;q=0.5' } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
    assert.match(res.html, /<html lang="sv">/);
    assert.match(res.html, /<h1>Berätta om din upplevelse<\/h1>/);
    assert.match(res.html, /0 = Inte alls troligt/);
    assert.match(res.html, /10 = Mycket troligt/);
    // csat has no Swedish text: it falls back to the default (fi) and says so with lang="fi".
    assert.match(res.html, /<legend id="l-csat" lang="fi">Kuinka tyytyväinen olit\?<\/legend>/);
  });

  test('?lang= wins over Accept-Language, and the switcher offers every survey language', async () => {
    const res = await page(`/s/${surveyId}?lang=pl`, { headers: { 'accept-language': 'sv' } });
    assert.match(res.html, /<html lang="pl">/);
    assert.match(res.html, /<nav class="lang" aria-label="Język">/);
    for (const lang of ['fi', 'en', 'sv', 'pl']) assert.match(res.html, new RegExp(`href="/s/${surveyId}\\?lang=${lang}" lang="${lang}" hreflang="${lang}"`));
    assert.match(res.html, /hreflang="pl" aria-current="true">Polski</);
  });

  test('without any preference the survey default language is used', async () => {
    const res = await page(`/s/${surveyId}`);
    assert.match(res.html, /<html lang="fi">/);
  });

  test('an invitation speaks its own language, else the contact\'s, before Accept-Language', async () => {
    const english = await invite({ language: 'en' });
    assert.match((await page(`/r/${english.token}`, { headers: { 'accept-language': 'fi' } })).html, /<html lang="en">/);
    const swede = await invite({ contactId: await contact('sv') });
    assert.match((await page(`/r/${swede.token}`, { headers: { 'accept-language': 'fi' } })).html, /<html lang="sv">/);
    const [opened] = await t.db.query<{ opened: boolean }>(`select opened_at is not null as opened from invitations where org_id = $1 and id = $2`, [t.orgId, swede.id]);
    assert.equal(opened.opened, true);
  });

  test('each choice question is a fieldset with a legend; scales are radio groups; the open answer has a label', async () => {
    const { html } = await page(`/s/${surveyId}?lang=en`);
    // pulseSurvey: nps, nps_why (text), csat, ease, staff_kind, topic → 5 fieldsets, 1 labelled textarea
    assert.equal(count(html, /<fieldset/g), 5);
    assert.equal(count(html, /<legend /g), 5);
    assert.equal(count(html, /<textarea /g), 1);
    assert.match(html, /<label class="qlabel" for="f-nps_why">What is the most important reason for your score\?<\/label>/);
    assert.match(html, /<textarea id="f-nps_why" name="nps_why" rows="4" maxlength="2000"/);
    // 11 (nps) + 5 (csat) + 7 (ces) + 7 + 1 don't know (likert) + 2 (topic) = 33 radios
    assert.equal(count(html, /type="radio"/g), 33);
    assert.match(html, /<legend id="l-nps">How likely are you to recommend us\? <span class="req">\(required\)<\/span><\/legend>/);
    assert.match(html, /<fieldset role="radiogroup" aria-labelledby="l-nps" aria-describedby="n-nps" aria-required="true">/);
    assert.match(html, /value="dk"> <span>Don&#39;t know \/ no experience<\/span>/);
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    // the follow-up says when it applies, for browsers without the script that hides it
    assert.match(html, /Answer if you answered “How likely are you to recommend us\?”\./);
  });

  test('pages send a strict Content-Security-Policy and no Referer', async () => {
    const { headers, html } = await page(`/s/${surveyId}`);
    const csp = headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(headers.get('x-content-type-options'), 'nosniff');
    assert.equal(headers.get('referrer-policy'), 'no-referrer');
    assert.equal(headers.get('cache-control'), 'no-store');
    assert.equal(count(html, /<script>/g), 1);
  });

  test('?nps=9 from an e-mail pre-fills the first question', async () => {
    const { html } = await page(`/s/${surveyId}?nps=9`);
    assert.match(html, /name="nps" value="9" checked/);
    assert.equal(count(html, / checked/g), 1);
  });

  test('a valid form is stored with exactly its typed answers and redirects to thanks in the respondent\'s language', async () => {
    const form = await page(`/s/${surveyId}?lang=en&tp=${ids.touchpointId}`);
    const res = await page(`/s/${surveyId}?lang=en&tp=${ids.touchpointId}`, { form: {
      _nonce: nonceOf(form.html), _lang: 'en', nps: '9', nps_why: '  Quick & friendly  ', csat: '4', ease: '', staff_kind: 'dk', topic: 'billing',
    } });
    assert.equal(res.status, 303, res.html);
    assert.equal(res.headers.get('location'), `/s/${surveyId}/thanks?lang=en`);
    const [response] = await t.db.query<{ id: string; language: string; source: string; touchpoint_id: string; channel: string; unit_id: string }>(
      `select id, language, source, touchpoint_id, channel, unit_id from responses where org_id = $1 and survey_id = $2 and idempotency_key like $3`,
      [t.orgId, surveyId, `%${nonceOf(form.html)}`]);
    assert.deepEqual({ ...response, id: undefined }, { id: undefined, language: 'en', source: 'web', touchpoint_id: ids.touchpointId, channel: 'phone', unit_id: ids.unitId });
    const answers = await t.db.query(`select q.key, a.number, a.choice, a.text, a.dont_know from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
      where a.org_id = $1 and a.response_id = $2 order by q.position`, [t.orgId, response.id]);
    assert.deepEqual(answers, [
      { key: 'nps', number: 9, choice: null, text: null, dont_know: false },
      { key: 'nps_why', number: null, choice: null, text: 'Quick & friendly', dont_know: false },
      { key: 'csat', number: 4, choice: null, text: null, dont_know: false },
      { key: 'staff_kind', number: null, choice: null, text: null, dont_know: true },
      { key: 'topic', number: null, choice: 'billing', text: null, dont_know: false },
    ]);
    const thanks = await page(`/s/${surveyId}/thanks?lang=en`);
    assert.equal(thanks.status, 200);
    assert.match(thanks.html, /<h1>Thank you for your answers!<\/h1>/);
  });

  test('the same form sent twice (double click) is stored once', async () => {
    const before = await responsesOf(surveyId);
    const nonce = nonceOf((await page(`/s/${surveyId}`)).html);
    const form = { _nonce: nonce, _lang: 'fi', nps: '3' };
    const [a, b] = await Promise.all([page(`/s/${surveyId}`, { form }), page(`/s/${surveyId}`, { form })]);
    assert.deepEqual([a.status, b.status], [303, 303]);
    assert.equal(await responsesOf(surveyId), before + 1);
  });

  const invalid: Array<[string, Record<string, string>, string, string]> = [
    ['an out-of-range score', { nps: '11', csat: '4' }, 'nps', 'Valitse luku väliltä 0–10.'],
    ['a missing required answer', { csat: '4' }, 'nps', 'Vastaa tähän kysymykseen.'],
    ['an unknown option', { nps: '5', topic: 'weather' }, 'topic', 'Valitse jokin annetuista vaihtoehdoista.'],
  ];
  for (const [name, fields, key, message] of invalid) {
    test(`${name} re-renders the form (400) with an error summary, the message by the field, and stores nothing`, async () => {
      const before = await responsesOf(surveyId);
      const nonce = nonceOf((await page(`/s/${surveyId}`)).html);
      const res = await page(`/s/${surveyId}`, { form: { _nonce: nonce, _lang: 'fi', ...fields } });
      assert.equal(res.status, 400);
      assert.match(res.html, /<title>Virhe: /);
      assert.match(res.html, /<div class="error-summary" id="error-summary" role="alert" tabindex="-1" autofocus/);
      assert.match(res.html, new RegExp(`<li><a href="#f-${key}-0">[^<]*: ${message}</a></li>`));
      assert.match(res.html, new RegExp(`<span class="field-error" id="e-${key}">${message}</span>`));
      assert.match(res.html, new RegExp(`aria-describedby="e-${key}[^"]*"[^>]*aria-invalid="true"`));
      // answers kept (those the form has a control for), and the same nonce, so the corrected form is still one submission
      for (const [k, v] of Object.entries(fields)) if (k !== 'topic' && v !== '11') assert.match(res.html, new RegExp(`name="${k}" value="${v}" checked`));
      assert.equal(nonceOf(res.html), nonce);
      assert.equal(await responsesOf(surveyId), before);
    });
  }

  test('an answer to a question whose condition is not met is ignored, not refused', async () => {
    const conditional = await createSurvey({
      name: 'Conditional', kind: 'adhoc', defaultLanguage: 'en', languages: ['en'], title: { en: 'Conditional' },
      questions: [
        { key: 'score', type: 'nps', required: true, why: false, text: { en: 'Recommend?' } },
        { key: 'low_reason', type: 'single_choice', displayIf: { question: 'score', op: 'lte', value: 6 }, text: { en: 'What went wrong?' },
          options: [{ value: 'price', label: { en: 'Price' } }, { value: 'service', label: { en: 'Service' } }] },
      ],
    });
    const form = await page(`/s/${conditional}`);
    assert.match(form.html, /Answer if your answer to “Recommend\?” was 6 or less\./);
    assert.match(form.html, /data-show-if="\{&quot;question&quot;:&quot;score&quot;,&quot;op&quot;:&quot;lte&quot;,&quot;value&quot;:6,&quot;numeric&quot;:true\}"/);
    const res = await page(`/s/${conditional}`, { form: { _nonce: nonceOf(form.html), score: '9', low_reason: 'price' } });
    assert.equal(res.status, 303, res.html);
    const answers = await t.db.query(`select q.key, a.number, a.choice from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
      join responses r on r.org_id = a.org_id and r.id = a.response_id where r.org_id = $1 and r.survey_id = $2`, [t.orgId, conditional]);
    assert.deepEqual(answers, [{ key: 'score', number: 9, choice: null }]);
  });

  test('an invitation is answered once: its context is stored, answered_at set, a second submission refused politely', async () => {
    const contactId = await contact('en');
    const invitation = await invite({ contactId, touchpointId: ids.touchpointId, unitId: ids.unitId });
    const first = await page(`/r/${invitation.token}`);
    const ok = await page(`/r/${invitation.token}`, { form: { _nonce: nonceOf(first.html), _lang: 'en', nps: '10' } });
    assert.equal(ok.status, 303, ok.html);
    const rows = await t.db.query<{ contact_id: string; touchpoint_id: string; unit_id: string; answered: boolean }>(
      `select r.contact_id, r.touchpoint_id, r.unit_id, i.answered_at is not null as answered
         from responses r join invitations i on i.org_id = r.org_id and i.id = r.invitation_id where r.org_id = $1 and r.invitation_id = $2`, [t.orgId, invitation.id]);
    assert.deepEqual(rows, [{ contact_id: contactId, touchpoint_id: ids.touchpointId, unit_id: ids.unitId, answered: true }]);

    // A new form (another tab) is refused with 409 and a polite page; the link itself shows that page with 200.
    const again = await page(`/r/${invitation.token}`, { form: { _nonce: nonceOf((await page(`/s/${surveyId}`)).html), _lang: 'en', nps: '0' } });
    assert.equal(again.status, 409);
    assert.match(again.html, /<h1>You have already answered<\/h1>/);
    const view = await page(`/r/${invitation.token}`);
    assert.equal(view.status, 200);
    assert.match(view.html, /You have already answered/);
    // The same form re-sent (a retry after a lost response) is thanked, not stored again.
    const retry = await page(`/r/${invitation.token}`, { form: { _nonce: nonceOf(first.html), _lang: 'en', nps: '10' } });
    assert.equal(retry.status, 303);
    const [n] = await t.db.query<{ n: number }>(`select count(*)::int as n from responses where org_id = $1 and invitation_id = $2`, [t.orgId, invitation.id]);
    assert.equal(n.n, 1);
  });

  test('two different submissions racing for one token store one response', async () => {
    const invitation = await invite();
    const nonces = [nonceOf((await page(`/s/${surveyId}`)).html), nonceOf((await page(`/s/${surveyId}`)).html)];
    const [a, b] = await Promise.all(nonces.map((nonce) =>
      page(`/r/${invitation.token}`, { form: { _nonce: nonce, nps: '7' } })));
    assert.deepEqual([a.status, b.status].sort(), [303, 409]);
    const [n] = await t.db.query<{ n: number }>(`select count(*)::int as n from responses where org_id = $1 and invitation_id = $2`, [t.orgId, invitation.id]);
    assert.equal(n.n, 1);
  });

  test('unknown surveys and tokens get a friendly 404 page', async () => {
    for (const path of ['/r/no-such-token-1234567', `/s/00000000-0000-4000-8000-000000000000`, '/s/not-a-uuid', '/r/x']) {
      const res = await page(path, { headers: { 'accept-language': 'fi' } });
      assert.equal(res.status, 404, path);
      assert.match(res.html, /<h1>Kyselyä ei löytynyt<\/h1>/, path);
    }
  });

  test('a closed survey and an expired invitation say the survey has ended', async () => {
    const closed = await createSurvey({ ...pulseSurvey(), name: 'Closed', status: 'closed' });
    const res = await page(`/s/${closed}?lang=en`);
    assert.equal(res.status, 410);
    assert.match(res.html, /<h1>This survey has ended<\/h1>/);
    assert.equal((await page(`/s/${closed}`, { form: { nps: '9' } })).status, 410);
    const expired = await invite({ expiresInDays: 1 });
    await t.db.query(`update invitations set expires_at = now() - interval '1 minute' where org_id = $1 and id = $2`, [t.orgId, expired.id]);
    const gone = await page(`/r/${expired.token}`, { headers: { 'accept-language': 'pl' } });
    assert.equal(gone.status, 410);
    assert.match(gone.html, /<h1>Ankieta została zakończona<\/h1>/);
  });

  test('a body the server cannot read still gets a page, not a JSON problem', async () => {
    const res = await fetch(`${t.url}/s/${surveyId}`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'sv' }, body: '{"nps":' });
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await res.text(), /<h1>Något gick fel<\/h1>/);
  });

  test('HTML in survey texts and in re-rendered answers is shown as text', async () => {
    const evil = await createSurvey({
      name: 'Evil', kind: 'adhoc', defaultLanguage: 'en', languages: ['en'], title: { en: '<script>alert("title")</script>' },
      intro: { en: '<img src=x onerror=alert(1)>' },
      questions: [
        { key: 'score', type: 'csat', required: true, text: { en: 'Rate <b>us</b>' } },
        { key: 'comment', type: 'text', text: { en: 'Comment' } },
      ],
    });
    const nonce = nonceOf((await page(`/s/${evil}`)).html);
    const res = await page(`/s/${evil}`, { form: { _nonce: nonce, score: '9', comment: '</textarea><script>alert("answer")</script>' } });
    assert.equal(res.status, 400);
    assert.match(res.html, /<h1>&lt;script&gt;alert\(&quot;title&quot;\)&lt;\/script&gt;<\/h1>/);
    assert.match(res.html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(res.html, /Rate &lt;b&gt;us&lt;\/b&gt;/);
    assert.match(res.html, />&lt;\/textarea&gt;&lt;script&gt;alert\(&quot;answer&quot;\)&lt;\/script&gt;<\/textarea>/);
    assert.equal(count(res.html, /<script>/g), 1); // only our own, hashed one
  });
});
