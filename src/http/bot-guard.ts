/**
 * Bot protection for public forms without a third-party service (survey pages, widget, kiosk):
 *
 * - a **signed form token**, issued when the form is rendered: issue time, random bytes and an
 *   HMAC-SHA256 over them and the form's id, keyed by KAIKU_SECRET. It cannot be forged, is
 *   bound to one form, and expires (`maxAgeMs`). Its text doubles as the submission's
 *   idempotency nonce, so a double submit of one rendered form still stores once;
 * - a **minimum fill time**: a form sent back sooner than `minFillMs` after it was issued was
 *   not filled in by a person;
 * - a **honeypot field** people never see (off-screen, `aria-hidden`, not focusable) that
 *   form-filling bots fill.
 *
 * A refused submission is answered and forgotten: the caller stores nothing.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Name of the honeypot input (no survey question key starts with "_"); any non-empty value marks a bot. */
export const honeypotField = '_website';

const TIME_BYTES = 6;
const RANDOM_BYTES = 9;
const MAC_BYTES = 12;
const TOKEN_BYTES = TIME_BYTES + RANDOM_BYTES + MAC_BYTES;
/** base64url of TOKEN_BYTES: 36 characters. */
export const formTokenPattern = /^[A-Za-z0-9_-]{36}$/;

export type BotVerdict = 'ok' | 'honeypot' | 'invalid_token' | 'expired' | 'too_fast';

export interface BotGuardOptions {
  secret: string;
  /** Refuse forms sent back sooner than this after rendering. */
  minFillMs: number;
  /** Refuse tokens older than this (default one day). */
  maxAgeMs?: number;
}

function mac(secret: string, formId: string, head: Buffer): Buffer {
  return createHmac('sha256', secret).update(formId).update('\0').update(head).digest().subarray(0, MAC_BYTES);
}

/** A new signed token for one rendering of form `formId` (e.g. a survey id). */
export function issueFormToken(secret: string, formId: string, now = Date.now()): string {
  const head = Buffer.alloc(TIME_BYTES + RANDOM_BYTES);
  head.writeUIntBE(Math.floor(now), 0, TIME_BYTES);
  randomBytes(RANDOM_BYTES).copy(head, TIME_BYTES);
  return Buffer.concat([head, mac(secret, formId, head)]).toString('base64url');
}

/** Checks a token for `formId`: its signature, its age and the time taken to fill the form. */
export function checkFormToken(options: BotGuardOptions, formId: string, token: unknown, now = Date.now()): BotVerdict {
  if (typeof token !== 'string' || !formTokenPattern.test(token)) return 'invalid_token';
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== TOKEN_BYTES) return 'invalid_token';
  const head = bytes.subarray(0, TIME_BYTES + RANDOM_BYTES);
  if (!timingSafeEqual(bytes.subarray(TIME_BYTES + RANDOM_BYTES), mac(options.secret, formId, head))) return 'invalid_token';
  const age = now - head.readUIntBE(0, TIME_BYTES);
  if (age > (options.maxAgeMs ?? 86_400_000)) return 'expired';
  if (age < options.minFillMs) return 'too_fast';
  return 'ok';
}

/** The whole check of a submitted form body: honeypot first (cheapest), then the token. */
export function checkSubmission(options: BotGuardOptions, formId: string, fields: Record<string, unknown>, token: unknown, now = Date.now()): BotVerdict {
  const trap = fields[honeypotField];
  if (trap !== undefined && !(typeof trap === 'string' && trap === '')) return 'honeypot';
  return checkFormToken(options, formId, token, now);
}

/**
 * The honeypot input for a form (HTML text; insert it raw). Hidden by the `hp` class, which
 * the page's stylesheet places off-screen; `aria-hidden` and `tabindex=-1` keep it away from
 * screen readers and keyboards, `autocomplete=off` away from password managers.
 */
export const honeypotInput = `<div class="hp" aria-hidden="true"><label for="${honeypotField}">Website</label><input type="text" id="${honeypotField}" name="${honeypotField}" value="" tabindex="-1" autocomplete="off"></div>`;

/** Style for the honeypot wrapper (pages add it to their stylesheet). */
export const honeypotCss = '.hp { position: absolute; left: -10000px; top: auto; width: 1px; height: 1px; overflow: hidden; }';
