/**
 * A signed-in person's own second factor, for the account pages: where it stands, and
 * turning it on and off through src/auth/second-factor.ts with the sign-in back-off in front.
 * A browser form has no per-route rate limit, so a wrong password or code counts towards the
 * account's back-off (src/auth/lockout.ts), as at sign-in: a borrowed session cannot guess
 * its way to someone else's second factor.
 */
import type { Queryable } from '../db/connection.ts';
import { asSystem } from '../db/scope.ts';
import { KaikuError } from '../errors.ts';
import { accountLockout, accountSubject, assertNotLocked, clearFailures, LockedOut, recordFailure } from './lockout.ts';
import type { AuthContext } from './permissions.ts';
import { confirmTotp, disableTotp, startTotpEnrolment } from './second-factor.ts';
import { otpauthUri } from './totp.ts';

/** The back-off counters are keyed by hashed e-mail, not tenant data: outside the organisation's scope. */
const counters = <T>(work: () => Promise<T>) => asSystem('sign-in back-off counters', work);

export type TwoStepState =
  | { kind: 'on' }
  | { kind: 'off' }
  /** Started with the password, not yet confirmed with a first code: sign-in does not ask for it yet. */
  | { kind: 'pending'; secret: string; otpauthUri: string };

export async function twoStepState(db: Queryable, orgId: string, userId: string): Promise<TwoStepState> {
  const [user] = await db.query<{ email: string; totp_secret: string | null; enabled: boolean }>(
    `select email, totp_secret, totp_enabled_at is not null as enabled from users where org_id = $1 and id = $2`, [orgId, userId]);
  if (user?.enabled) return { kind: 'on' };
  if (user?.totp_secret) return { kind: 'pending', secret: user.totp_secret, otpauthUri: otpauthUri(user.totp_secret, user.email) };
  return { kind: 'off' };
}

export type TwoStepProblem = 'wrongPassword' | 'wrongCode' | 'locked' | 'alreadyOn' | 'notStarted' | 'notOn';

/**
 * Runs one second-factor operation behind the account's back-off: a locked account is refused
 * before anything is checked; `wrong` errors count as a failed attempt, success clears the count.
 */
async function behindBackOff<T>(db: Queryable, auth: AuthContext, work: () => Promise<T>,
  problems: Record<string, TwoStepProblem>): Promise<{ ok: T } | { problem: TwoStepProblem }> {
  const [user] = await db.query<{ email: string }>(`select email from users where org_id = $1 and id = $2`, [auth.orgId, auth.userId]);
  if (!user) throw new KaikuError('forbidden', 'A second factor belongs to a person; sign in', { status: 403 });
  const account = accountSubject(user.email);
  try {
    await counters(() => assertNotLocked(db, [account]));
    const ok = await work();
    await counters(() => clearFailures(db, account));
    return { ok };
  } catch (error) {
    if (error instanceof LockedOut) return { problem: 'locked' };
    if (!(error instanceof KaikuError) || !(error.code in problems)) throw error;
    if (error.code !== 'conflict') await counters(() => recordFailure(db, [[account, accountLockout]]));
    return { problem: problems[error.code] };
  }
}

/** Checks the password and draws a new secret (any unconfirmed one is replaced). */
export function startOwnTwoStep(db: Queryable, auth: AuthContext, password: string) {
  return behindBackOff(db, auth, () => startTotpEnrolment(db, auth, password), { invalid_credentials: 'wrongPassword', conflict: 'alreadyOn' });
}

/** Turns the factor on with a first code; the ten recovery codes are returned once and only their hashes kept. */
export function confirmOwnTwoStep(db: Queryable, auth: AuthContext, code: string, now = Date.now()) {
  return behindBackOff(db, auth, () => confirmTotp(db, auth, code, now), { invalid_totp: 'wrongCode', conflict: 'notStarted' });
}

/** Turns the factor off with a current code or a recovery code. */
export function disableOwnTwoStep(db: Queryable, auth: AuthContext, code: string, now = Date.now()) {
  return behindBackOff(db, auth, () => disableTotp(db, auth, code, now), { invalid_totp: 'wrongCode', conflict: 'notOn' });
}
