/**
 * Back-off after failed sign-ins, per account and per IP, counted in the database so every
 * app process sees the same count. The account is named by the SHA-256 of its lower-case
 * e-mail whether or not such a user exists, so a lockout reveals nothing about who has an
 * account. After `threshold` failures within the window a subject is locked for `baseSeconds`,
 * doubling with each further failure up to `maxSeconds`; a successful sign-in clears the
 * account's count (not the IP's).
 */
import type { Queryable } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import { sha256 } from './secrets.ts';

export interface LockoutRule { threshold: number; baseSeconds: number; maxSeconds: number; windowSeconds: number }

export const accountLockout: LockoutRule = { threshold: 5, baseSeconds: 30, maxSeconds: 900, windowSeconds: 900 };
export const ipLockout: LockoutRule = { threshold: 20, baseSeconds: 60, maxSeconds: 900, windowSeconds: 900 };

export const accountSubject = (email: string) => `account:${sha256(email.trim().toLowerCase())}`;
export const ipSubject = (ip: string) => `ip:${ip}`;

/** Refused before the password is even checked; `retryAfter` in seconds. */
export class LockedOut extends KaikuError {
  constructor(readonly retryAfter: number) {
    super('too_many_attempts', `Too many failed sign-ins; try again in ${retryAfter} s`, { status: 429 });
  }
}

/** Throws LockedOut when any subject is locked now. */
export async function assertNotLocked(db: Queryable, subjects: string[]): Promise<void> {
  const [row] = await db.query<{ seconds: number | null }>(
    `select ceil(extract(epoch from max(locked_until) - now()))::int as seconds
       from throttle.login_failures where subject = any($1::text[]) and locked_until > now()`, [subjects]);
  if (row?.seconds && row.seconds > 0) throw new LockedOut(row.seconds);
}

/** Counts one failure for each subject (a failure after the window starts a new count). */
export async function recordFailure(db: Queryable, failures: Array<[subject: string, rule: LockoutRule]>): Promise<void> {
  for (const [subject, rule] of failures) {
    const [row] = await db.query<{ failures: number }>(
      `insert into throttle.login_failures as f (subject, failures, first_failure_at) values ($1, 1, now())
       on conflict (subject) do update set
         failures = case when f.first_failure_at < now() - make_interval(secs => $2) then 1 else f.failures + 1 end,
         first_failure_at = case when f.first_failure_at < now() - make_interval(secs => $2) then now() else f.first_failure_at end
       returning failures`, [subject, rule.windowSeconds]);
    if (row.failures >= rule.threshold) {
      const seconds = Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** (row.failures - rule.threshold));
      await db.query(`update throttle.login_failures set locked_until = now() + make_interval(secs => $2) where subject = $1`, [subject, seconds]);
    }
  }
}

export async function clearFailures(db: Queryable, subject: string): Promise<void> {
  await db.query(`delete from throttle.login_failures where subject = $1`, [subject]);
}
