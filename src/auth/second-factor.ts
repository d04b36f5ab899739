/**
 * Enrolment in the TOTP second factor (src/auth/totp.ts): start with the current password
 * (a stolen session alone cannot add a factor the thief controls), confirm with a first code,
 * receive ten one-time recovery codes, of which only hashes are kept.
 */
import type { Queryable } from '../db/connection.ts';
import { KaikuError, conflict } from '../errors.ts';
import type { AuthContext } from './permissions.ts';
import { sha256, verifyPassword } from './secrets.ts';
import { matchTotp, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, otpauthUri } from './totp.ts';
import { useSecondFactor } from './service.ts';

const invalidCode = () => new KaikuError('invalid_totp', 'The authentication code is not correct', { status: 400, field: 'code' });

export async function startTotpEnrolment(db: Queryable, auth: AuthContext, password: string) {
  const [user] = await db.query<{ email: string; password_hash: string | null; enabled: boolean }>(
    `select email, password_hash, totp_enabled_at is not null as enabled from users where org_id = $1 and id = $2`, [auth.orgId, auth.userId]);
  if (!user || !(await verifyPassword(user.password_hash, password))) {
    throw new KaikuError('invalid_credentials', 'The password is not correct', { status: 400, field: 'password' });
  }
  if (user.enabled) throw conflict('A second factor is already on; turn it off first', 'code');
  const secret = newTotpSecret();
  await db.query(`update users set totp_secret = $3, totp_enabled_at = null, totp_last_step = null, recovery_code_hashes = null where org_id = $1 and id = $2`,
    [auth.orgId, auth.userId, secret]);
  return { secret, otpauthUri: otpauthUri(secret, user.email) };
}

export async function confirmTotp(db: Queryable, auth: AuthContext, code: string, now = Date.now()): Promise<string[]> {
  const [user] = await db.query<{ totp_secret: string | null }>(
    `select totp_secret from users where org_id = $1 and id = $2 and totp_enabled_at is null`, [auth.orgId, auth.userId]);
  if (!user?.totp_secret) throw conflict('Start enrolment first (or the second factor is already on)', 'code');
  const step = matchTotp(user.totp_secret, code.trim(), now);
  if (step === undefined) throw invalidCode();
  const codes = newRecoveryCodes();
  await db.query(
    `update users set totp_enabled_at = now(), totp_last_step = $3, recovery_code_hashes = $4 where org_id = $1 and id = $2`,
    [auth.orgId, auth.userId, step, codes.map((c) => sha256(normalizeRecoveryCode(c)))]);
  return codes;
}

export async function disableTotp(db: Queryable, auth: AuthContext, code: string, now = Date.now()): Promise<void> {
  const [user] = await db.query<{ totp_secret: string | null; totp_last_step: string | null }>(
    `select totp_secret, totp_last_step from users where org_id = $1 and id = $2 and totp_enabled_at is not null`, [auth.orgId, auth.userId]);
  if (!user?.totp_secret) throw conflict('The second factor is not on', 'code');
  if (!(await useSecondFactor(db, auth.orgId, auth.userId!, user.totp_secret, user.totp_last_step, code, now))) throw invalidCode();
  await db.query(`update users set totp_secret = null, totp_enabled_at = null, totp_last_step = null, recovery_code_hashes = null where org_id = $1 and id = $2`,
    [auth.orgId, auth.userId]);
}
