/**
 * What a signed-in person changes about themselves (/app/account): their name, their UI
 * language and their password. A password change needs the current password (a wrong one
 * counts towards the account's sign-in back-off, so a borrowed session cannot guess it) and
 * ends every other session of the person; the one in use stays signed in.
 */
import type { Database, Queryable } from '../db/connection.ts';
import { recordAudit } from '../audit/log.ts';
import { uiLanguages } from '../i18n/index.ts';
import { accountLockout, accountSubject, assertNotLocked, clearFailures, LockedOut, recordFailure } from './lockout.ts';
import { MIN_PASSWORD_LENGTH } from './password-reset.ts';
import { hashPassword, sha256, verifyPassword } from './secrets.ts';
import { parseSessionCookie } from './service.ts';
import { asSystem } from '../db/scope.ts';

/** The back-off counters are keyed by hashed e-mail, not tenant data (src/auth/lockout.ts): outside the organisation's scope. */
const counters = <T>(work: () => Promise<T>) => asSystem('sign-in back-off counters', work);

export const MAX_PASSWORD_LENGTH = 1000;

export interface OwnProfile { name: string; email: string; language: string }

export async function ownProfile(db: Queryable, orgId: string, userId: string): Promise<OwnProfile> {
  const [row] = await db.query<OwnProfile>(`select name, email, language from users where org_id = $1 and id = $2`, [orgId, userId]);
  return row;
}

export type ProfileProblem = { field: 'name'; problem: 'required' | 'tooLong' } | { field: 'language'; problem: 'unknownLanguage' };

export function profileProblems(input: { name?: string; language?: string }): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const name = input.name?.trim() ?? '';
  if (!name) problems.push({ field: 'name', problem: 'required' });
  else if (name.length > 200) problems.push({ field: 'name', problem: 'tooLong' });
  if (!(uiLanguages as readonly string[]).includes(input.language ?? '')) problems.push({ field: 'language', problem: 'unknownLanguage' });
  return problems;
}

export async function saveOwnProfile(db: Queryable, orgId: string, userId: string, profile: { name: string; language: string }): Promise<void> {
  await db.query(`update users set name = $3, language = $4 where org_id = $1 and id = $2`, [orgId, userId, profile.name.trim(), profile.language]);
}

export type PasswordProblem = { field: 'currentPassword'; problem: 'required' | 'wrong' | 'locked' } | { field: 'newPassword'; problem: 'tooShort' | 'tooLong' } | { field: 'repeatPassword'; problem: 'mismatch' };

/** Problems with the new password itself, before the current one is checked (pure). */
export function newPasswordProblems(input: { currentPassword?: string; newPassword?: string; repeatPassword?: string }): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const next = input.newPassword ?? '';
  if (!input.currentPassword) problems.push({ field: 'currentPassword', problem: 'required' });
  if (next.length < MIN_PASSWORD_LENGTH) problems.push({ field: 'newPassword', problem: 'tooShort' });
  else if (next.length > MAX_PASSWORD_LENGTH) problems.push({ field: 'newPassword', problem: 'tooLong' });
  if (next !== (input.repeatPassword ?? '')) problems.push({ field: 'repeatPassword', problem: 'mismatch' });
  return problems;
}

/**
 * Checks the current password and sets the new one (check newPasswordProblems first); the
 * session `keepCookie` survives, every other session of the person ends. Returns the problem
 * with the current password, or undefined when the password was changed.
 */
export async function changeOwnPassword(db: Database, orgId: string, userId: string, currentPassword: string, newPassword: string,
  keepCookie: string | undefined, ip?: string): Promise<PasswordProblem | undefined> {
  const [user] = await db.query<{ email: string; password_hash: string | null }>(
    `select email, password_hash from users where org_id = $1 and id = $2 and disabled_at is null`, [orgId, userId]);
  if (!user) return { field: 'currentPassword', problem: 'wrong' };
  const account = accountSubject(user.email);
  try {
    await counters(() => assertNotLocked(db, [account]));
  } catch (error) {
    if (error instanceof LockedOut) return { field: 'currentPassword', problem: 'locked' };
    throw error;
  }
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    await counters(() => recordFailure(db, [[account, accountLockout]]));
    return { field: 'currentPassword', problem: 'wrong' };
  }
  const hash = await hashPassword(newPassword);
  const kept = keepCookie ? parseSessionCookie(keepCookie) : undefined;
  await db.transaction(async (tx) => {
    await tx.query(`update users set password_hash = $3 where org_id = $1 and id = $2`, [orgId, userId, hash]);
    await tx.query(`delete from sessions where org_id = $1 and user_id = $2 and token_hash <> $3`, [orgId, userId, kept ? sha256(kept.token) : '']);
    await tx.query(`update password_resets set used_at = now() where org_id = $1 and user_id = $2 and used_at is null`, [orgId, userId]);
    await recordAudit(tx, { orgId, actor: { userId }, action: 'user.password_change', target: { type: 'user', id: userId }, ip });
  });
  await counters(() => clearFailures(db, account));
  return undefined;
}

/** The name and language shown in the page frame; undefined for a user that no longer exists. */
export async function userNameAndLanguage(db: Queryable, orgId: string, userId: string): Promise<{ name: string; language: string | null } | undefined> {
  const [user] = await db.query<{ name: string; language: string | null }>(`select name, language from users where org_id = $1 and id = $2`, [orgId, userId]);
  return user;
}

/** Keeps an explicit language choice on the user: it follows them to other browsers and into e-mails. */
export async function setUserLanguage(db: Queryable, orgId: string, userId: string, language: string): Promise<void> {
  await db.query(`update users set language = $3 where org_id = $1 and id = $2`, [orgId, userId, language]);
}
