/**
 * Two-step sign-in (TOTP, src/auth/second-factor.ts) on one's own account, for every role,
 * without scripts:
 *
 *  - /app/account shows whether it is on and links here;
 *  - /app/account/two-step, when off: the current password → a new secret, shown as a QR code
 *    of its otpauth:// URI (inline SVG) and as text in groups of four → the first code from the
 *    app turns it on → the ten recovery codes, shown in that answer only (only hashes are kept);
 *  - when on: a current code (or a recovery code) turns it off.
 *
 * The unconfirmed secret is shown again (after a wrong code, or a reload) only to the browser
 * that gave the password: it holds a short-lived cookie with the secret's hash, so a session
 * taken without the password cannot read a secret that someone left half set up.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditRequest } from '../audit/log.ts';
import { confirmOwnTwoStep, disableOwnTwoStep, startOwnTwoStep, twoStepState, type TwoStepProblem } from '../auth/own-second-factor.ts';
import { sha256 } from '../auth/secrets.ts';
import { drawQr } from '../collection/qr.ts';
import type { Queryable } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import { twoStepText, type TwoStepStrings } from '../i18n/two-step.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { errorSummary, inputField, notice, one, page, type Errors, type OpenPage } from './page-kit.ts';

const ACCOUNT = '/app/account';
export const TWO_STEP = '/app/account/two-step';
const PENDING_COOKIE = 'kaiku_two_step';
const PENDING_SECONDS = 15 * 60;

/** The account page's section: the status in words and the way to change it. */
export async function twoStepSection(db: Queryable, p: OpenPage): Promise<SafeHtml> {
  const s = twoStepText(p.language);
  const on = p.auth.userId ? (await twoStepState(db, p.auth.orgId, p.auth.userId)).kind === 'on' : false;
  return html`<section class="panel" aria-labelledby="two-step-heading"><h2 id="two-step-heading">${s.heading}</h2>
<p><strong>${on ? s.on : s.off}</strong></p><p>${s.explain}</p>
<p><a href="${TWO_STEP}">${on ? s.turnOffLink : s.turnOnLink}</a></p></section>`;
}

/** The secret as an app's manual entry shows it: `ABCD EFGH …`. */
export const groupedSecret = (secret: string) => (secret.match(/.{1,4}/g) ?? []).join(' ');

/** A form field's raw value (passwords are not trimmed). */
const rawField = (request: FastifyRequest, name: string) => {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
};
/** Codes are typed with spaces or dashes as the app groups them; recovery codes keep their dashes (normalised later). */
const codeField = (request: FastifyRequest) => one(request.body, 'code')?.replace(/\s+/g, '');

export async function twoStepPageRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;
  const back = (s: TwoStepStrings) => html`<p><a href="${ACCOUNT}">${s.back}</a></p>`;
  const codeAttrs = (max: number, numeric: boolean) => `autocomplete="one-time-code" maxlength="${max}" spellcheck="false"${numeric ? ' inputmode="numeric"' : ''}`;

  const problemText = (s: TwoStepStrings, problem: TwoStepProblem) =>
    ({ wrongPassword: s.wrongPassword, wrongCode: s.wrongCode, locked: s.locked, alreadyOn: s.on, notStarted: s.startAgain, notOn: s.off })[problem];

  function passwordStep(p: OpenPage, state: { errors?: Errors; message?: string } = {}, status = 200) {
    const s = twoStepText(p.language);
    const errors = state.errors ?? new Map();
    return p.send('account', s.title, html`<h1>${s.title}</h1>${notice(state.message)}${errorSummary(p.w, errors)}
<p><strong>${s.off}</strong></p><p class="lead">${s.explain}</p><p>${s.passwordIntro}</p>
<form method="post" action="${TWO_STEP}/start" class="form-grid" novalidate>
${inputField('password', s.password, '', errors, { type: 'password', required: true, attrs: 'autocomplete="current-password" maxlength="1000"' })}
<div><button class="button" type="submit">${s.start}</button></div></form>${back(s)}`, status);
  }

  async function scanStep(p: OpenPage, pending: { secret: string; otpauthUri: string }, errors: Errors = new Map(), status = 200) {
    const s = twoStepText(p.language);
    // qrcode's SVG has a viewBox and no size: give it one, and leave its naming to the wrapper.
    const svg = String(await drawQr(pending.otpauthUri, 'svg', 0)).replace(/^<\?xml[^>]*>/, '')
      .replace('<svg ', '<svg width="220" height="220" aria-hidden="true" focusable="false" ');
    return p.send('account', s.title, html`<h1>${s.title}</h1>${errorSummary(p.w, errors)}
<p class="lead">${s.scanIntro}</p>
<div class="two-step-qr" role="img" aria-label="${s.qrLabel}">${raw(svg)}</div>
<h2>${s.secretHeading}</h2><p>${s.secretHint}</p>
<p><code class="two-step-secret">${groupedSecret(pending.secret)}</code></p>
<form method="post" action="${TWO_STEP}/confirm" class="form-grid" novalidate>
${inputField('code', s.code, '', errors, { required: true, hint: s.codeHint, attrs: codeAttrs(12, true) })}
<div><button class="button" type="submit">${s.confirm}</button> <a href="${ACCOUNT}">${s.cancel}</a></div></form>`, status);
  }

  function offStep(p: OpenPage, errors: Errors = new Map(), status = 200) {
    const s = twoStepText(p.language);
    return p.send('account', s.title, html`<h1>${s.title}</h1>${errorSummary(p.w, errors)}
<p><strong>${s.on}</strong></p><p>${s.offIntro}</p>
<form method="post" action="${TWO_STEP}/disable" class="form-grid" novalidate>
${inputField('code', s.offCode, '', errors, { required: true, hint: s.offCodeHint, attrs: codeAttrs(40, false) })}
<div><button class="button" type="submit">${s.turnOff}</button></div></form>${back(s)}`, status);
  }

  /** Where the caller stands, with an unconfirmed secret counted only in the browser that started it. */
  async function stateFor(request: FastifyRequest, p: OpenPage) {
    const state = await twoStepState(db, p.auth.orgId, self(p));
    if (state.kind === 'pending' && request.cookies[PENDING_COOKIE] !== sha256(state.secret)) return { kind: 'off' as const };
    return state;
  }

  page(app, 'GET', TWO_STEP, 'notifications:read', async (request, _reply, p) => {
    const state = await stateFor(request, p);
    if (state.kind === 'on') return offStep(p);
    if (state.kind === 'pending') return scanStep(p, state);
    return passwordStep(p, { message: one(request.query, 'done') === 'off' ? twoStepText(p.language).turnedOff : undefined });
  });

  page(app, 'POST', `${TWO_STEP}/start`, 'notifications:read', async (request, reply, p) => {
    const s = twoStepText(p.language);
    const password = rawField(request, 'password');
    if (!password) return passwordStep(p, { errors: new Map([['password', s.missingPassword]]) }, 400);
    const started = await startOwnTwoStep(db, p.auth, password);
    if ('problem' in started) {
      if (started.problem === 'alreadyOn') return reply.redirect(TWO_STEP, 303);
      return passwordStep(p, { errors: new Map([['password', problemText(s, started.problem)]]) }, started.problem === 'locked' ? 429 : 400);
    }
    reply.setCookie(PENDING_COOKIE, sha256(started.ok.secret), { path: TWO_STEP, httpOnly: true, sameSite: 'strict', secure: config.secureCookies, maxAge: PENDING_SECONDS });
    return reply.redirect(TWO_STEP, 303);
  });

  page(app, 'POST', `${TWO_STEP}/confirm`, 'notifications:read', async (request, reply, p) => {
    const s = twoStepText(p.language);
    const state = await stateFor(request, p);
    if (state.kind === 'on') return reply.redirect(TWO_STEP, 303);
    if (state.kind === 'off') return passwordStep(p, { errors: new Map([['password', s.startAgain]]) }, 400);
    const code = codeField(request);
    if (!code) return scanStep(p, state, new Map([['code', s.missingCode]]), 400);
    const confirmed = await confirmOwnTwoStep(db, p.auth, code);
    if ('problem' in confirmed) {
      if (confirmed.problem === 'notStarted') return reply.redirect(TWO_STEP, 303);
      return scanStep(p, state, new Map([['code', problemText(s, confirmed.problem)]]), confirmed.problem === 'locked' ? 429 : 400);
    }
    await auditRequest(db, request, p.auth, { action: 'user.totp_enable', target: { type: 'user', id: self(p) } });
    reply.clearCookie(PENDING_COOKIE, { path: TWO_STEP });
    // Shown in this answer only, never behind a redirect: the codes exist nowhere else in clear.
    return p.send('account', s.title, html`<h1>${s.title}</h1>${notice(s.turnedOn)}
<section class="panel" aria-labelledby="recovery-heading"><h2 id="recovery-heading">${s.recoveryHeading}</h2>
<p><strong>${s.recoveryNote}</strong></p>
<ul class="recovery-codes" aria-label="${s.recoveryListLabel}">${confirmed.ok.map((c) => html`<li><code>${c}</code></li>`)}</ul></section>
<p><a class="button" href="${ACCOUNT}">${s.done}</a></p>`);
  });

  page(app, 'POST', `${TWO_STEP}/disable`, 'notifications:read', async (request, reply, p) => {
    const s = twoStepText(p.language);
    const code = codeField(request);
    if (!code) return offStep(p, new Map([['code', s.missingCode]]), 400);
    const disabled = await disableOwnTwoStep(db, p.auth, code);
    if ('problem' in disabled) {
      if (disabled.problem === 'notOn') return reply.redirect(TWO_STEP, 303);
      return offStep(p, new Map([['code', problemText(s, disabled.problem)]]), disabled.problem === 'locked' ? 429 : 400);
    }
    await auditRequest(db, request, p.auth, { action: 'user.totp_disable', target: { type: 'user', id: self(p) } });
    return reply.redirect(`${TWO_STEP}?done=off`, 303);
  });
}

/** The caller's own user id: API keys never get here (notifications:read grants no scope). */
function self(p: OpenPage): string {
  if (!p.auth.userId) throw new KaikuError('forbidden', 'Your role does not allow this page', { status: 403 });
  return p.auth.userId;
}
