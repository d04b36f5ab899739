import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { issueFormToken } from './bot-guard.ts';

describe('bot protection on public survey forms', () => {
  const minFillMs = 400;
  let t: TestApp;
  let surveyId: string;

  before(async () => {
    t = await startTestApp({ config: { formMinFillMs: minFillMs } });
    const ids = await journeyWithTouchpoint(t);
    surveyId = (await t.api('/api/v1/surveys', { body: { ...pulseSurvey(ids.touchpointId), status: 'active' } })).body.id;
  });
  after(() => t.close());

  const stored = async () => (await t.db.query<{ n: number }>(`select count(*)::int as n from responses where org_id = $1`, [t.orgId]))[0].n;
  const form = async () => {
    const html = await (await fetch(`${t.url}/s/${surveyId}?lang=en`)).text();
    return { html, nonce: /name="_nonce" value="([^"]+)"/.exec(html)![1] };
  };
  const post = (fields: Record<string, string>) => fetch(`${t.url}/s/${surveyId}`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(),
  });
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  test('the form carries a signed token and a hidden, unfocusable honeypot', async () => {
    const { html, nonce } = await form();
    assert.match(nonce, /^[A-Za-z0-9_-]{36}$/);
    assert.match(html, /<div class="hp" aria-hidden="true">.*name="_website" value="" tabindex="-1" autocomplete="off">/);
  });

  test('a person who takes their time is stored once', async () => {
    const { nonce } = await form();
    await wait(minFillMs + 50);
    const before = await stored();
    const res = await post({ _nonce: nonce, _lang: 'en', nps: '9', _website: '' });
    assert.equal(res.status, 303);
    assert.equal(await stored(), before + 1);
  });

  test('a form sent back faster than a person fills it comes back with the answers kept and stores nothing; sent again a moment later, it is stored', async () => {
    const { nonce } = await form();
    const before = await stored();
    const fast = await post({ _nonce: nonce, _lang: 'en', nps: '7' });
    assert.equal(fast.status, 400);
    const html = await fast.text();
    // A person is asked to confirm, never told that saving failed (issue 15.9).
    assert.match(html, /Please check your answers and confirm them by pressing “Send answers” once more\./);
    assert.doesNotMatch(html, /could not be saved|Something went wrong/);
    assert.match(html, /name="nps" value="7" checked/);
    assert.ok(html.includes(`name="_nonce" value="${nonce}"`));
    assert.equal(await stored(), before);
    await wait(minFillMs + 50);
    assert.equal((await post({ _nonce: nonce, _lang: 'en', nps: '7' })).status, 303);
    assert.equal(await stored(), before + 1);
  });

  const refusals: Array<[string, () => Promise<Record<string, string>>]> = [
    ['a filled honeypot', async () => { const { nonce } = await form(); await wait(minFillMs + 50); return { _nonce: nonce, nps: '9', _website: 'http://spam.example' }; }],
    ['a forged token', async () => ({ _nonce: issueFormToken('not-the-secret', surveyId, Date.now() - 10_000), nps: '9' })],
    ['a token of another survey', async () => ({ _nonce: issueFormToken(t.app.deps.config.secret, '00000000-0000-4000-8000-000000000000', Date.now() - 10_000), nps: '9' })],
    ['no token at all', async () => ({ nps: '9' })],
  ];
  for (const [name, fields] of refusals) {
    test(`${name} is refused with a page (400) and nothing is stored`, async () => {
      const before = await stored();
      const res = await post(await fields());
      assert.equal(res.status, 400);
      assert.match(await res.text(), /<h1>Something went wrong<\/h1>|<h1>Jotain meni vikaan<\/h1>/);
      assert.equal(await stored(), before);
    });
  }

  test('a page left open for over a day (expired token) asks to confirm with a fresh token, and the next press stores the answers', async () => {
    const before = await stored();
    const stale = issueFormToken(t.app.deps.config.secret, surveyId, Date.now() - 2 * 86_400_000);
    const res = await post({ _nonce: stale, _lang: 'en', nps: '9' });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /confirm them by pressing “Send answers” once more/);
    assert.match(html, /name="nps" value="9" checked/);
    const fresh = /name="_nonce" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(fresh && fresh !== stale);
    assert.equal(await stored(), before);
    await wait(minFillMs + 50);
    assert.equal((await post({ _nonce: fresh, _lang: 'en', nps: '9' })).status, 303);
    assert.equal(await stored(), before + 1);
  });
});
