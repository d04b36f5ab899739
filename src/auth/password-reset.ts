/**
 * Password reset by e-mail. A request creates a random token, stores only its SHA-256 with an
 * expiry (one hour) and mails a link; the link works once. The answer to a request is the same
 * whether or not the address has an account, and the e-mail is sent after the answer, so
 * neither the reply nor its timing tells who has one. Setting a new password ends every
 * session of the user and clears the account's sign-in back-off.
 */
import type { Database } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import { passwordResetEmail } from '../mail/password-reset.ts';
import { chooseLanguage, uiLanguages, type UiLanguage } from '../i18n/index.ts';
import { hashPassword, newToken, sha256 } from './secrets.ts';
import { accountSubject, clearFailures } from './lockout.ts';
import { hasNul } from './service.ts';
import { recordAudit } from '../audit/log.ts';
import { UUID } from '../vocabulary.ts';

export const RESET_VALID_MINUTES = 60;
export const MIN_PASSWORD_LENGTH = 10;

export const resetLink = (publicUrl: string, token: string) => `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`;

/**
 * Creates a reset token for every active account with this e-mail (in `orgSlug` when given)
 * and returns the e-mails to send; the caller sends them after answering.
 */
export async function createPasswordResets(db: Database, publicUrl: string, email: string, orgSlug?: string) {
  if (hasNul(email) || hasNul(orgSlug ?? '')) return []; // no stored address has one
  const users = await db.query<{ org_id: string; id: string; email: string; language: string }>(
    `select u.org_id, u.id, u.email, u.language from users u join organizations o on o.id = u.org_id
      where lower(u.email) = lower($1) and u.disabled_at is null and ($2::text is null or o.slug = $2)`, [email.trim(), orgSlug ?? null]);
  const mails = [];
  for (const user of users) {
    const secret = newToken(32);
    const token = `${user.org_id}.${secret}`;
    await db.query(
      `insert into password_resets (org_id, token_hash, user_id, expires_at) values ($1, $2, $3, now() + make_interval(mins => $4))`,
      [user.org_id, sha256(token), user.id, RESET_VALID_MINUTES]);
    const language = chooseLanguage([user.language], uiLanguages, 'en') as UiLanguage;
    mails.push({ to: user.email, language, ...passwordResetEmail(language, resetLink(publicUrl, token), RESET_VALID_MINUTES) });
  }
  return mails;
}

/** Sends the reset e-mails without making the requester wait (or learn anything from the wait). */
export function sendInBackground(mailer: Mailer | undefined, mails: Awaited<ReturnType<typeof createPasswordResets>>, log: (error: unknown) => void) {
  if (!mailer) return;
  for (const mail of mails) void mailer.send(mail).catch(log);
}

export const invalidResetToken = () => new KaikuError('invalid_reset_token', 'The reset link has expired or has already been used', { status: 400, field: 'token' });

/** Spends the token and sets the password; every session of the user ends. */
export async function resetPassword(db: Database, token: string, password: string, ip?: string): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new KaikuError('invalid_input', `The password must be at least ${MIN_PASSWORD_LENGTH} characters`, { status: 400, field: 'password' });
  const orgId = token.slice(0, token.indexOf('.'));
  if (!UUID.test(orgId)) throw invalidResetToken();
  const hash = await hashPassword(password);
  const email = await db.transaction(async (tx) => {
    const [spent] = await tx.query<{ user_id: string }>(
      `update password_resets set used_at = now() where org_id = $1 and token_hash = $2 and used_at is null and expires_at > now() returning user_id`,
      [orgId, sha256(token)]);
    if (!spent) throw invalidResetToken();
    const [user] = await tx.query<{ email: string }>(
      `update users set password_hash = $3 where org_id = $1 and id = $2 and disabled_at is null returning email`, [orgId, spent.user_id, hash]);
    if (!user) throw invalidResetToken();
    await tx.query(`delete from sessions where org_id = $1 and user_id = $2`, [orgId, spent.user_id]);
    // Other links sent earlier to the same person stop working too.
    await tx.query(`update password_resets set used_at = now() where org_id = $1 and user_id = $2 and used_at is null`, [orgId, spent.user_id]);
    await recordAudit(tx, { orgId, actor: { userId: spent.user_id }, action: 'user.password_reset', target: { type: 'user', id: spent.user_id }, ip });
    return user.email;
  });
  await clearFailures(db, accountSubject(email));
}
