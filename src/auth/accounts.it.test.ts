import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp.ts';
import { createUser } from './service.ts';
import { base32Decode, totp } from './totp.ts';
import { sha256 } from './secrets.ts';

describe('accounts: sessions, back-off, password reset, second factor, audit log', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  const password = 'correct horse battery';
  let adminEmail: string;

  before(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ config: { smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecure: false } });
    adminEmail = `admin-${t.orgId.slice(0, 8)}@example.com`;
  });
  after(async () => { await t.close(); await smtp.close(); });

  const login = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0];
  const me = async (cookie: string) => (await fetch(`${t.url}/api/v1/auth/me`, { headers: { cookie } })).status;
  const newUser = async (email: string, extra: { language?: string; role?: 'admin' | 'analyst' } = {}) =>
    createUser(t.db, t.orgId, { email, name: email, role: extra.role ?? 'analyst', password, language: extra.language });

  test('signing in starts a new session and ends the one the browser had (session rotation)', async () => {
    const first = await login({ email: adminEmail, password });
    const firstCookie = cookieOf(first);
    assert.equal(await me(firstCookie), 200);
    const second = await login({ email: adminEmail, password }, { cookie: firstCookie });
    const secondCookie = cookieOf(second);
    assert.notEqual(secondCookie, firstCookie);
    assert.equal(await me(secondCookie), 200);
    assert.equal(await me(firstCookie), 401);
    // The cookie is HttpOnly and SameSite=Lax.
    assert.match(second.headers.get('set-cookie') ?? '', /HttpOnly; SameSite=Lax/);
  });

  test('five wrong passwords lock the account for a while, also for the right password, and the same happens to an address with no account', async () => {
    const email = 'lock-me@example.com';
    await newUser(email);
    const ip = { 'x-forwarded-for': '198.51.100.50' };
    for (const who of [email, 'no-such-person@example.com']) {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await login({ email: who, password: 'wrong password' }, ip)).status);
      assert.deepEqual(statuses, [401, 401, 401, 401, 401], who);
      const locked = await login({ email: who, password: who === email ? password : 'wrong password' }, ip);
      assert.equal(locked.status, 429, who);
      const retryAfter = Number(locked.headers.get('retry-after'));
      assert.ok(retryAfter > 0 && retryAfter <= 30, `${who}: Retry-After ${retryAfter}`);
      const body = await locked.json();
      assert.equal(body.code, 'too_many_attempts');
    }
    // Unknown and known addresses got word-for-word the same answers.
    const a = await (await login({ email: 'other-unknown@example.com', password: 'x' }, { 'x-forwarded-for': '198.51.100.51' })).json();
    await newUser('other-known@example.com');
    const b = await (await login({ email: 'other-known@example.com', password: 'x' }, { 'x-forwarded-for': '198.51.100.51' })).json();
    assert.deepEqual({ ...a, instance: undefined }, { ...b, instance: undefined });
    // When the lock has passed, one more failure locks it again for longer (back-off doubles).
    await t.db.query(`update throttle.login_failures set locked_until = now() - interval '1 second' where subject = $1`, [`account:${sha256(email)}`]);
    assert.equal((await login({ email, password: 'wrong again' }, ip)).status, 401);
    const relocked = await login({ email, password }, ip);
    assert.equal(relocked.status, 429);
    assert.ok(Number(relocked.headers.get('retry-after')) > 30);
  });

  test('twenty failures from one IP lock that IP for every account; other IPs can still sign in', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.77' };
    for (let i = 0; i < 20; i++) await login({ email: `spray-${i}@example.com`, password: 'guess' }, ip);
    const email = 'victim-of-spray@example.com';
    await newUser(email);
    assert.equal((await login({ email, password }, ip)).status, 429);
    assert.equal((await login({ email, password }, { 'x-forwarded-for': '203.0.113.78' })).status, 200);
  });

  test('password reset: one e-mail in the user\'s language over SMTP, a single-use expiring link stored as a hash, every session ended', async () => {
    const email = 'forgetful@example.com';
    await newUser(email, { language: 'sv' });
    const session = cookieOf(await login({ email, password }));
    const before = smtp.received.length;
    const reset = await fetch(`${t.url}/api/v1/auth/password-reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
    assert.equal(reset.status, 202);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    assert.deepEqual(mail.envelopeTo, [email]);
    assert.equal(mail.subject, 'Kaiku: byte av lösenord');
    const link = /https?:\/\/\S+\/reset-password\?token=(\S+)/.exec(mail.text);
    assert.ok(link, mail.text);
    const token = decodeURIComponent(link[1]);
    assert.ok(mail.html.includes(`/reset-password?token=${encodeURIComponent(token)}`));
    // Only the hash is stored.
    const stored = await t.db.query<{ token_hash: string }>(`select token_hash from password_resets where org_id = $1`, [t.orgId]);
    assert.ok(stored.some((r) => r.token_hash === sha256(token)));
    assert.ok(!JSON.stringify(stored).includes(token.split('.')[1]));

    const confirm = (body: unknown) => fetch(`${t.url}/api/v1/auth/password-reset/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal((await confirm({ token, password: 'short' })).status, 400);
    assert.equal((await confirm({ token, password: 'a brand new secret' })).status, 204);
    assert.equal(await me(session), 401); // sessions ended
    assert.equal((await login({ email, password })).status, 401);
    assert.equal((await login({ email, password: 'a brand new secret' })).status, 200);
    const again = await confirm({ token, password: 'yet another secret' });
    assert.equal(again.status, 400);
    assert.equal((await again.json()).code, 'invalid_reset_token');

    // An expired link does not work either.
    await fetch(`${t.url}/api/v1/auth/password-reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
    const [late] = (await smtp.waitFor(before + 2)).slice(before + 1);
    const lateToken = decodeURIComponent(/token=(\S+)/.exec(late.text)![1]);
    await t.db.query(`update password_resets set expires_at = now() - interval '1 second' where org_id = $1 and token_hash = $2`, [t.orgId, sha256(lateToken)]);
    assert.equal((await confirm({ token: lateToken, password: 'expired link try' })).status, 400);
  });

  test('a reset for an unknown address answers the same and sends nothing', async () => {
    const before = smtp.received.length;
    const res = await fetch(`${t.url}/api/v1/auth/password-reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody-here@example.com' }) });
    assert.equal(res.status, 202);
    assert.deepEqual(await res.json(), { status: 'accepted' });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(smtp.received.length, before);
  });

  test('the reset pages work without script in Finnish, Swedish, English and Polish', async () => {
    const titles = { fi: 'Unohtunut salasana', sv: 'Glömt lösenord', en: 'Forgotten password', pl: 'Nie pamiętam hasła' };
    for (const [lang, title] of Object.entries(titles)) {
      const page = await fetch(`${t.url}/forgot-password?lang=${lang}`);
      const html = await page.text();
      assert.equal(page.status, 200);
      assert.match(html, new RegExp(`<html lang="${lang}">`));
      assert.match(html, new RegExp(`<h1>${title}</h1>`));
      assert.doesNotMatch(html, /<script/);
    }
    const email = 'page-reset@example.com';
    await newUser(email, { language: 'pl' });
    const before = smtp.received.length;
    const sent = await fetch(`${t.url}/forgot-password`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email, lang: 'en' }).toString(),
    });
    assert.equal(sent.status, 200);
    assert.match(await sent.text(), /role="status">If the address belongs to a Kaiku account/);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    assert.equal(mail.subject, 'Kaiku: zmiana hasła');
    const url = /(https?:\/\/\S+\/reset-password\?token=\S+)/.exec(mail.text)![1];
    const form = await (await fetch(`${url}&lang=pl`)).text();
    assert.match(form, /<h1>Nowe hasło<\/h1>/);
    const token = /name="token" value="([^"]+)"/.exec(form)![1];
    const done = await fetch(`${t.url}/reset-password`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token, password: 'pierogi z serem', lang: 'pl' }).toString(),
    });
    assert.equal(done.status, 200);
    assert.match(await done.text(), /Hasło zostało zmienione/);
    assert.equal((await login({ email, password: 'pierogi z serem' })).status, 200);
    const reused = await fetch(`${t.url}/reset-password`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token, password: 'another password', lang: 'en' }).toString(),
    });
    assert.equal(reused.status, 400);
    assert.match(await reused.text(), /The link has expired or has already been used/);
    // A post from another site is refused.
    const forged = await fetch(`${t.url}/forgot-password`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, body: 'email=x%40y.z',
    });
    assert.equal(forged.status, 403);
  });

  test('TOTP second factor: enrol with the password, confirm with a code, then sign-in needs a code; codes and recovery codes work once', async () => {
    const email = 'second-factor@example.com';
    await newUser(email, { role: 'admin' });
    const cookie = cookieOf(await login({ email, password }));
    const post = (path: string, body: unknown) => fetch(t.url + path, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });

    assert.equal((await post('/api/v1/auth/totp/enrol', { password: 'not my password' })).status, 400);
    const enrol = await (await post('/api/v1/auth/totp/enrol', { password })).json();
    assert.match(enrol.otpauthUri, new RegExp(`^otpauth://totp/Kaiku:second-factor%40example\\.com\\?secret=${enrol.secret}&issuer=Kaiku`));
    const key = base32Decode(enrol.secret);
    const previousStep = Date.now() - 30_000; // the previous 30-second step, so the "now" code is still unused
    assert.equal((await post('/api/v1/auth/totp/confirm', { code: '000000' === totp(key, Date.now()) ? '111111' : '000000' })).status, 400);
    const confirmed = await post('/api/v1/auth/totp/confirm', { code: totp(key, previousStep) });
    assert.equal(confirmed.status, 200);
    const { recoveryCodes } = await confirmed.json();
    assert.equal(recoveryCodes.length, 10);

    const noCode = await login({ email, password });
    assert.equal(noCode.status, 401);
    assert.equal((await noCode.json()).code, 'totp_required');
    const wrongCode = await login({ email, password, totpCode: '12345' });
    assert.equal((await wrongCode.json()).code, 'invalid_totp');
    const code = totp(key, Date.now());
    assert.equal((await login({ email, password, totpCode: code })).status, 200);
    const replay = await login({ email, password, totpCode: code });
    assert.equal(replay.status, 401, 'the same code twice');
    assert.equal((await login({ email, password, totpCode: recoveryCodes[0].toUpperCase() })).status, 200);
    assert.equal((await login({ email, password, totpCode: recoveryCodes[0] })).status, 401, 'a recovery code twice');
    const [row] = await t.db.query<{ n: number }>(`select cardinality(recovery_code_hashes) as n from users where org_id = $1 and lower(email) = $2`, [t.orgId, email]);
    assert.equal(row.n, 9);

    // The sign-in page asks for the code after the password.
    const page = await fetch(`${t.url}/login`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email, password, lang: 'en' }).toString(),
    });
    assert.equal(page.status, 401);
    assert.match(await page.text(), /<label for="totpCode">Authentication code<\/label>/);
    const signedIn = await fetch(`${t.url}/login`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password, totpCode: recoveryCodes[1], lang: 'en' }).toString(),
    });
    assert.equal(signedIn.status, 303);

    assert.equal((await post('/api/v1/auth/totp/disable', { code: recoveryCodes[2] })).status, 204);
    assert.equal((await login({ email, password })).status, 200);
  });

  test('admin actions and exports are in the audit log with who did them; only admins may read it', async () => {
    const cookie = cookieOf(await login({ email: adminEmail, password }));
    const asAdmin = (path: string, method: string, body?: unknown) => fetch(t.url + path, {
      method, headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const adminId = (await (await fetch(`${t.url}/api/v1/auth/me`, { headers: { cookie } })).json()).userId;

    const key = await (await asAdmin('/api/v1/api-keys', 'POST', { name: 'BI tool', scopes: ['read'] })).json();
    const user = await (await asAdmin('/api/v1/users', 'POST', { email: 'promoted@example.com', name: 'Pat', role: 'viewer' })).json();
    assert.equal((await asAdmin(`/api/v1/users/${user.id}`, 'PATCH', { role: 'analyst' })).status, 200);
    assert.equal((await asAdmin('/api/v1/org', 'PATCH', { minGroupSize: 7 })).status, 200);
    const csv = await fetch(`${t.url}/api/v1/exports/answers.csv`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    assert.equal(csv.status, 200);
    await csv.text();

    const log = await t.api('/api/v1/audit-log?limit=100');
    assert.equal(log.status, 200);
    const entries = log.body.items as Array<{ id: string; action: string; actorUserId: string | null; actorApiKeyId: string | null; targetId: string | null; details: any; ip: string }>;
    const find = (action: string, targetId?: string) => entries.find((e) => e.action === action && (targetId === undefined || e.targetId === targetId));
    assert.deepEqual(find('api_key.create', key.id)?.details, { name: 'BI tool', scopes: ['read'], rateLimitPerMinute: null });
    assert.equal(find('api_key.create', key.id)?.actorUserId, adminId);
    assert.deepEqual(find('user.role_change', user.id)?.details, { from: 'viewer', to: 'analyst' });
    assert.deepEqual(find('org.settings_change')?.details, { changes: { minGroupSize: 7 } });
    const exported = find('export.download', 'answers');
    assert.equal(exported?.details.format, 'csv');
    assert.ok(exported?.actorApiKeyId, 'the export was made with the API key');
    assert.ok(find('user.password_reset'), 'the password resets of the earlier tests');
    assert.ok(find('user.totp_enable') && find('user.totp_disable'));
    // Newest first, and paginated.
    const firstPage = await t.api('/api/v1/audit-log?limit=2');
    assert.equal(firstPage.body.items.length, 2);
    const next = await t.api(`/api/v1/audit-log?limit=100&cursor=${firstPage.body.nextCursor}`);
    assert.deepEqual([...firstPage.body.items, ...next.body.items].map((e: { id: string }) => e.id), entries.map((e) => e.id));
    const onlyExports = await t.api('/api/v1/audit-log?action=export.download');
    assert.ok(onlyExports.body.items.every((e: { action: string }) => e.action === 'export.download'));

    await newUser('curious-analyst@example.com');
    const analyst = cookieOf(await login({ email: 'curious-analyst@example.com', password }));
    assert.equal((await fetch(`${t.url}/api/v1/audit-log`, { headers: { cookie: analyst } })).status, 403);
  });
});
