/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) with node:crypto: the optional
 * second factor at sign-in. Secrets are 20 random bytes shown as base32 (RFC 4648) in an
 * `otpauth://` URI for authenticator apps; codes are 6 digits over 30-second steps, accepted
 * one step early or late for clock drift, and each step only once (the caller stores it).
 */
import { createHmac, randomBytes } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** RFC 4226 HOTP: HMAC of the 8-byte counter, dynamic truncation, `digits` decimal digits. */
export function hotp(key: Buffer, counter: number, digits = 6, algorithm: TotpAlgorithm = 'sha1'): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export const TOTP_STEP_SECONDS = 30;

/** The time step of a moment (RFC 6238 T with T0 = 0). */
export const totpStep = (timeMs: number, stepSeconds = TOTP_STEP_SECONDS) => Math.floor(timeMs / 1000 / stepSeconds);

export function totp(key: Buffer, timeMs: number, options: { digits?: number; algorithm?: TotpAlgorithm; stepSeconds?: number } = {}): string {
  return hotp(key, totpStep(timeMs, options.stepSeconds), options.digits ?? 6, options.algorithm ?? 'sha1');
}

/**
 * The step a 6-digit code matches (now, one before or one after), if it is later than
 * `lastUsedStep`: a code already accepted is not accepted again (RFC 6238 §5.2).
 */
export function matchTotp(secretBase32: string, code: string, timeMs: number, lastUsedStep: number | null = null): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const key = base32Decode(secretBase32);
  const now = totpStep(timeMs);
  for (const step of [now, now - 1, now + 1]) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    if (hotp(key, step) === code) return step;
  }
  return undefined;
}

export const newTotpSecret = () => base32Encode(randomBytes(20));

/** The enrolment URI authenticator apps read (usually from a QR code). */
export function otpauthUri(secretBase32: string, account: string, issuer = 'Kaiku'): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({ secret: secretBase32, issuer, algorithm: 'SHA1', digits: '6', period: String(TOTP_STEP_SECONDS) });
  return `otpauth://totp/${label}?${params.toString()}`;
}

/** One-time recovery codes, e.g. `k3m9-q2xa-7tpw`: for when the authenticator is lost. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const code = base32Encode(randomBytes(8)).toLowerCase().slice(0, 12);
    return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
  });
}

/** Recovery codes are compared without dashes, spaces or case. */
export const normalizeRecoveryCode = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();
