import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { strict } from '../http/schemas.ts';
import { fromSameOrigin } from '../http/csrf.ts';
import { forbidden, KaikuError } from '../errors.ts';
import { createMailer } from '../mail/mailer.ts';
import { auditRequest } from '../audit/log.ts';
import { authOf } from './plugin.ts';
import { LockedOut } from './lockout.ts';
import { createPasswordResets, MIN_PASSWORD_LENGTH, resetPassword, sendInBackground } from './password-reset.ts';
import { SESSION_COOKIE, signIn, signOut } from './service.ts';
import { confirmTotp, disableTotp, startTotpEnrolment } from './second-factor.ts';

const LoginBody = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 320 }),
  password: Type.String({ minLength: 1, maxLength: 1000 }),
  organization: Type.Optional(Type.String({ maxLength: 100, description: 'Organisation slug, when the e-mail is used in several' })),
  totpCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Authenticator code or recovery code, for users with a second factor' })),
}, strict);
const ResetRequestBody = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 320 }),
  organization: Type.Optional(Type.String({ maxLength: 100 })),
}, strict);
const ResetConfirmBody = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 200, description: 'The token from the e-mailed link' }),
  password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1000 }),
}, strict);
const PasswordBody = Type.Object({ password: Type.String({ minLength: 1, maxLength: 1000 }) }, strict);
const CodeBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }, strict);

/** A sign-in refused by the back-off says when to come back. */
export function withRetryAfter(reply: FastifyReply, error: unknown): never {
  if (error instanceof LockedOut) reply.header('retry-after', error.retryAfter);
  throw error;
}

export async function authRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;
  const tags = ['auth'];
  const mailer = createMailer(config);
  app.addHook('onClose', async () => mailer?.close());
  const login = { rateLimit: 'login' as const };
  // Guessing a code or the password through a stolen session is held to the sign-in rate.
  const secondFactor = { permission: 'org:read' as const, rateLimit: 'login' as const };

  app.post<{ Body: Static<typeof LoginBody> }>('/api/v1/auth/login', {
    schema: { tags, body: LoginBody, description: 'Starts a new session (any earlier session cookie of this browser is ended). 401 totp_required: send totpCode too. 429 after repeated failures, with Retry-After.' },
    config: login,
  }, async (request, reply) => {
    if (!fromSameOrigin(request)) throw forbidden('Sign in from Kaiku’s own pages');
    const { cookie, userId, orgId } = await signIn(db, request.body.email, request.body.password, {
      orgSlug: request.body.organization, ip: request.ip, totpCode: request.body.totpCode, previousCookie: request.cookies[SESSION_COOKIE],
    }).catch((error: unknown) => withRetryAfter(reply, error));
    reply.setCookie(SESSION_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: 14 * 86400 });
    return { userId, orgId };
  });

  app.post('/api/v1/auth/logout', { schema: { tags } }, async (request, reply) => {
    if (!fromSameOrigin(request)) throw forbidden('Sign out from Kaiku’s own pages');
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) await signOut(db, cookie);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/v1/auth/me', { schema: { tags }, config: { permission: 'org:read' } }, async (request) => {
    const auth = authOf(request);
    if (!auth.userId) return { orgId: auth.orgId, apiKeyId: auth.apiKeyId, scopes: auth.scopes };
    const [user] = await db.query<{ id: string; email: string; name: string; role: string; unit_id: string | null; language: string; totp: boolean }>(
      `select id, email, name, role, unit_id, language, totp_enabled_at is not null as totp from users where org_id = $1 and id = $2`, [auth.orgId, auth.userId]);
    return { orgId: auth.orgId, userId: user.id, email: user.email, name: user.name, role: user.role, unitId: user.unit_id, language: user.language, totpEnabled: user.totp };
  });

  app.post<{ Body: Static<typeof ResetRequestBody> }>('/api/v1/auth/password-reset', {
    schema: { tags, body: ResetRequestBody, description: 'E-mails a single-use reset link valid for one hour. Always 202, whether or not the address has an account.' },
    config: login,
  }, async (request, reply) => {
    if (!fromSameOrigin(request)) throw forbidden('Ask for a reset from Kaiku’s own pages');
    const mails = await createPasswordResets(db, config.publicUrl, request.body.email, request.body.organization);
    sendInBackground(mailer, mails, (error) => request.log.error({ err: error }, 'password reset e-mail failed'));
    return reply.status(202).send({ status: 'accepted' });
  });

  app.post<{ Body: Static<typeof ResetConfirmBody> }>('/api/v1/auth/password-reset/confirm', {
    schema: { tags, body: ResetConfirmBody, description: 'Sets a new password with the e-mailed token (once); ends every session of the user.' },
    config: login,
  }, async (request, reply) => {
    if (!fromSameOrigin(request)) throw forbidden('Reset the password from Kaiku’s own pages');
    await resetPassword(db, request.body.token, request.body.password, request.ip);
    return reply.status(204).send();
  });

  // The second factor belongs to a person signed in with a session, never to an API key.
  const person = (request: Parameters<typeof authOf>[0]) => {
    const auth = authOf(request);
    if (!auth.userId) throw new KaikuError('forbidden', 'A second factor belongs to a person; sign in', { status: 403 });
    return auth;
  };

  app.post<{ Body: Static<typeof PasswordBody> }>('/api/v1/auth/totp/enrol', {
    schema: { tags, body: PasswordBody, description: 'Starts TOTP enrolment (current password required): returns the secret and its otpauth:// URI. Active after /confirm.' },
    config: secondFactor,
  }, async (request) => startTotpEnrolment(db, person(request), request.body.password));

  app.post<{ Body: Static<typeof CodeBody> }>('/api/v1/auth/totp/confirm', {
    schema: { tags, body: CodeBody, description: 'Confirms enrolment with a current code; returns 10 one-time recovery codes (shown only here).' },
    config: secondFactor,
  }, async (request) => {
    const auth = person(request);
    const recoveryCodes = await confirmTotp(db, auth, request.body.code);
    await auditRequest(db, request, auth, { action: 'user.totp_enable', target: { type: 'user', id: auth.userId! } });
    return { recoveryCodes };
  });

  app.post<{ Body: Static<typeof CodeBody> }>('/api/v1/auth/totp/disable', {
    schema: { tags, body: CodeBody, description: 'Turns the second factor off; needs a current code or a recovery code.' },
    config: secondFactor,
  }, async (request, reply) => {
    const auth = person(request);
    await disableTotp(db, auth, request.body.code);
    await auditRequest(db, request, auth, { action: 'user.totp_disable', target: { type: 'user', id: auth.userId! } });
    return reply.status(204).send();
  });
}
