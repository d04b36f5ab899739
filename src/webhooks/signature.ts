/**
 * Webhook signatures and retry timing, as pure functions.
 *
 * `Kaiku-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` — the timestamp is
 * inside the signed text, so a receiver that rejects old timestamps also rejects replays of a
 * captured request.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const webhookEvents = ['response.created', 'case.created', 'case.updated', 'alert.fired', 'praise.received'] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export function signatureHeader(secret: string, timestamp: number, body: string): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${digest}`;
}

/** The receiver's side, as documented in docs/api.md (used by Kaiku's own tests of the docs). */
export function verifySignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureHeader(secret, t, body).split('v1=')[1], 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Seconds to wait after the n-th failed attempt (n = 1, 2, …): exponential back-off, ×4 from
 * 30 s, capped at 12 h; after MAX_ATTEMPTS the delivery is given up (and can be replayed).
 */
export const MAX_ATTEMPTS = 8;
export function retryDelaySeconds(failedAttempts: number): number | null {
  if (failedAttempts >= MAX_ATTEMPTS) return null;
  return Math.min(30 * 4 ** (failedAttempts - 1), 12 * 3600);
}
