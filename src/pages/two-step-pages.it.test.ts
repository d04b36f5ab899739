/**
 * Two-step sign-in from the account pages over HTTP, as a browser without scripts does it:
 * the password, the QR code and the secret, a first code computed here by RFC 6238 (not with
 * src/auth/totp.ts), the recovery codes once; then signing in needs a code, a recovery code
 * works once, and a current code turns it off. Wrong input is named at its field with 400.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import QRCode from 'qrcode';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { earlyInStep, RFC6238_SHA1_SECRET, stepNow, totpAt } from '../../test/helpers/rfc6238.ts';
import { createUser } from '../auth/service.ts';

/** A browser without scripts: keeps its cookies, posts forms from Kaiku's origin, does not follow redirects. */
function browserLike(t: TestApp) {
  const jar = new Map<string, string>();
  const send = async (path: string, init: RequestInit = {}) => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(t.url + path, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return { status: res.status, text: await res.text(), location: res.headers.get('location') };
  };
  return {
    jar,
    get: (path: string) => send(path),
    post: (path: string, fields: Record<string, string>) => send(path, {
      method: 'POST', headers: { origin: t.url, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(),
    }),
  };
}

describe('two-step sign-in on the account pages', () => {
  let t: TestApp;
  const email = 'veera@example.com';
  const password = 'correct horse battery';
  const userRow = async () => (await t.db.query<{ id: string; totp_secret: string | null; on: boolean; codes: number | null }>(
    `select id, totp_secret, totp_enabled_at is not null as on, cardinality(recovery_code_hashes) as codes from users where org_id = $1 and email = $2`, [t.orgId, email]))[0];
  const auditActions = async (userId: string) => (await t.db.query<{ action: string }>(
    `select action from audit_log where org_id = $1 and actor_user_id = $2 and target_id = $2::text order by at, id`, [t.orgId, userId])).map((r) => r.action);

  before(async () => {
    t = await startTestApp();
    await createUser(t.db, t.orgId, { email, name: 'Veera Viewer', role: 'viewer', password, language: 'en' });
    await createUser(t.db, t.orgId, { email: 'guesser@example.com', name: 'Gus', role: 'frontline', password, language: 'en' });
  });
  after(() => t.close());

  async function signedIn(who = email) {
    const b = browserLike(t);
    const res = await b.post('/login', { email: who, password, lang: 'en' });
    assert.equal(res.status, 303, `signed in as ${who}`);
    return b;
  }

  test('the test\'s own TOTP matches RFC 6238 appendix B', () => {
    assert.equal(totpAt(RFC6238_SHA1_SECRET, 1), '287082', 'T = 59 s');
    assert.equal(totpAt(RFC6238_SHA1_SECRET, Math.floor(1111111109 / 30)), '081804');
  });

  test('enrol by the forms, sign in with a code and with a recovery code once, turn it off with a code', async () => {
    // Confirming, signing in and turning off use three steps in a row (N-1, N, N+1), all accepted within step N: start early in a step.
    await earlyInStep();

    const b = await signedIn();
    const account = await b.get('/app/account');
    assert.equal(account.status, 200);
    assert.match(account.text, /<h2 id="two-step-heading">Two-step sign-in<\/h2>\s*<p><strong>Two-step sign-in is off.<\/strong><\/p>/);
    assert.match(account.text, /<a href="\/app\/account\/two-step">Turn on two-step sign-in<\/a>/);
    const finnish = await b.get('/app/account?lang=fi');
    assert.match(finnish.text, /Kaksivaiheinen kirjautuminen ei ole käytössä./);

    const start = await b.get('/app/account/two-step?lang=en');
    assert.match(start.text, /<label for="password">Current password<\/label>/);
    const empty = await b.post('/app/account/two-step/start', { password: '' });
    assert.equal(empty.status, 400);
    assert.match(empty.text, /<a href="#password">Enter your current password.<\/a>/);
    const wrong = await b.post('/app/account/two-step/start', { password: 'not my password' });
    assert.equal(wrong.status, 400);
    assert.match(wrong.text, /<a href="#password">The current password is not correct.<\/a>/);
    assert.match(wrong.text, /<input id="password" name="password" type="password" value="" required [^>]*aria-invalid="true">/);
    assert.equal((await userRow()).totp_secret, null, 'no secret drawn for a wrong password');

    const started = await b.post('/app/account/two-step/start', { password });
    assert.equal(started.status, 303);
    assert.equal(started.location, '/app/account/two-step');
    const row = await userRow();
    assert.match(row.totp_secret ?? '', /^[A-Z2-7]{32}$/, '20 random bytes in base32');
    assert.equal(row.on, false, 'not on before the first code');

    const scan = await b.get('/app/account/two-step');
    const secret = row.totp_secret!;
    const grouped = secret.match(/.{4}/g)!.join(' ');
    assert.match(scan.text, new RegExp(`<code class="two-step-secret">${grouped}</code>`), 'the secret in groups of four');
    // The QR code carries the otpauth URI, written out here by hand (Key Uri Format).
    const uri = `otpauth://totp/Kaiku:veera%40example.com?secret=${secret}&issuer=Kaiku&algorithm=SHA1&digits=6&period=30`;
    const expectedQr = (await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })).match(/<path stroke="#000000" d="([^"]+)"/)![1];
    const shownQr = scan.text.match(/<div class="two-step-qr" role="img" aria-label="QR code for your authenticator app"><svg [^>]*><path[^>]*\/><path stroke="#000000" d="([^"]+)"/);
    assert.equal(shownQr?.[1], expectedQr, 'the inline SVG is the QR code of the otpauth URI');
    assert.match(scan.text, /<label for="code">Code from your authenticator app<\/label>/);

    // Another session of the same person (no password given there) does not see the half-set-up secret.
    const other = await signedIn();
    const elsewhere = await other.get('/app/account/two-step');
    assert.doesNotMatch(elsewhere.text, new RegExp(secret.slice(0, 8)));
    assert.match(elsewhere.text, /<label for="password">Current password<\/label>/);

    const n = stepNow();
    const window = [n - 1, n, n + 1].map((s) => totpAt(secret, s));
    const notACode = ['000000', '111111', '222222', '333333'].find((c) => !window.includes(c))!;
    const badCode = await b.post('/app/account/two-step/confirm', { code: notACode });
    assert.equal(badCode.status, 400);
    assert.match(badCode.text, /<a href="#code">The code is not correct. Enter the code the app shows right now.<\/a>/);
    assert.match(badCode.text, new RegExp(`<code class="two-step-secret">${grouped}</code>`), 'the same secret again, to retry');
    assert.equal((await userRow()).on, false);

    const codeN1 = totpAt(secret, n - 1);
    const confirmed = await b.post('/app/account/two-step/confirm', { code: `${codeN1.slice(0, 3)} ${codeN1.slice(3)}` });
    assert.equal(confirmed.status, 200, 'the recovery codes are in this answer');
    assert.match(confirmed.text, /<p class="notice" role="status">Two-step sign-in is now on.<\/p>/);
    assert.match(confirmed.text, /The codes are shown only now./);
    const recovery = [...confirmed.text.matchAll(/<li><code>([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})<\/code><\/li>/g)].map((m) => m[1]);
    assert.equal(recovery.length, 10);
    assert.equal(new Set(recovery).size, 10);
    assert.equal(b.jar.has('kaiku_two_step'), false, 'the pending mark is cleared');
    const on = await userRow();
    assert.equal(on.on, true);
    assert.equal(on.codes, 10);
    assert.deepEqual(await auditActions(on.id), ['user.totp_enable']);
    assert.match((await b.get('/app/account')).text, /<p><strong>Two-step sign-in is on.<\/strong><\/p>/);
    assert.doesNotMatch((await b.get('/app/account/two-step')).text, /two-step-secret/, 'the secret is never shown again');

    // Signing out and in again: the password alone is not enough.
    assert.equal((await b.post('/logout', {})).status, 303);
    const passwordOnly = await b.post('/login', { email, password, lang: 'en' });
    assert.equal(passwordOnly.status, 401);
    assert.match(passwordOnly.text, /Enter your password and the code from your authenticator app./);
    assert.match(passwordOnly.text, /<label for="totpCode">Authentication code<\/label>/);
    assert.equal((await b.get('/app/account')).status, 303, 'not signed in');
    const wrongCode = await b.post('/login', { email, password, totpCode: notACode, lang: 'en' });
    assert.equal(wrongCode.status, 401);
    assert.match(wrongCode.text, /The authentication code is not correct./);
    const reused = await b.post('/login', { email, password, totpCode: codeN1, lang: 'en' });
    assert.equal(reused.status, 401, 'the code that turned it on is spent');
    const withCode = await b.post('/login', { email, password, totpCode: totpAt(secret, n), lang: 'en' });
    assert.equal(withCode.status, 303);
    assert.equal((await b.get('/app/account')).status, 200);

    const r = browserLike(t);
    assert.equal((await r.post('/login', { email, password, totpCode: recovery[3].toUpperCase(), lang: 'en' })).status, 303, 'a recovery code instead of the app');
    assert.equal((await userRow()).codes, 9);
    assert.equal((await browserLike(t).post('/login', { email, password, totpCode: recovery[3], lang: 'en' })).status, 401, 'a recovery code works once');

    // Turning it off needs a current code.
    const offPage = await b.get('/app/account/two-step');
    assert.match(offPage.text, /<p><strong>Two-step sign-in is on.<\/strong><\/p>/);
    const noCode = await b.post('/app/account/two-step/disable', { code: '' });
    assert.equal(noCode.status, 400);
    assert.match(noCode.text, /<a href="#code">Enter the code from your authenticator app.<\/a>/);
    const badOff = await b.post('/app/account/two-step/disable', { code: notACode });
    assert.equal(badOff.status, 400);
    assert.match(badOff.text, /<a href="#code">The code is not correct. Enter the code the app shows right now.<\/a>/);
    assert.equal((await userRow()).on, true);
    const off = await b.post('/app/account/two-step/disable', { code: totpAt(secret, n + 1) });
    assert.equal(off.status, 303);
    assert.equal(off.location, '/app/account/two-step?done=off');
    assert.match((await b.get(off.location!)).text, /<p class="notice" role="status">Two-step sign-in was turned off.<\/p>/);
    const offRow = await userRow();
    assert.deepEqual([offRow.on, offRow.totp_secret, offRow.codes], [false, null, null]);
    assert.deepEqual(await auditActions(offRow.id), ['user.totp_enable', 'user.totp_disable']);
    assert.match((await b.get('/app/account')).text, /<p><strong>Two-step sign-in is off.<\/strong><\/p>/);
    assert.equal((await browserLike(t).post('/login', { email, password, lang: 'en' })).status, 303, 'the password alone again');
  });

  test('wrong passwords on the form count towards the sign-in back-off', async () => {
    const b = await signedIn('guesser@example.com');
    for (let i = 0; i < 5; i++) assert.equal((await b.post('/app/account/two-step/start', { password: `guess ${i}` })).status, 400);
    const locked = await b.post('/app/account/two-step/start', { password });
    assert.equal(locked.status, 429, 'the sixth try is refused even with the right password');
    assert.match(locked.text, /<a href="#password">Too many wrong attempts. Try again later.<\/a>/);
    const [row] = await t.db.query<{ totp_secret: string | null }>(`select totp_secret from users where org_id = $1 and email = 'guesser@example.com'`, [t.orgId]);
    assert.equal(row.totp_secret, null);
  });

  test('an API key has no two-step page', async () => {
    const res = await fetch(`${t.url}/app/account/two-step`, { headers: { authorization: `Bearer ${t.apiKey}` }, redirect: 'manual' });
    assert.equal(res.status, 403);
  });
});
