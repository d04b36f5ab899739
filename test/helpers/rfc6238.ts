/**
 * RFC 4648 base32 and RFC 6238 TOTP (HMAC-SHA-1, 6 digits, 30-second steps) written out for
 * tests, independently of src/auth/totp.ts: what an authenticator app would show.
 */
import { createHmac } from 'node:crypto';

export function base32Bytes(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...text.replace(/\s/g, '')].map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('');
  return Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
}

/** The code of time step `step` (Unix seconds / 30) for a base32 secret. */
export function totpAt(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeUInt32BE(Math.floor(step / 2 ** 32), 0);
  counter.writeUInt32BE(step % 2 ** 32, 4);
  const mac = createHmac('sha1', base32Bytes(secret)).update(counter).digest();
  const offset = mac[19] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

export const stepNow = () => Math.floor(Date.now() / 30_000);

/**
 * Waits for a fresh step when less than 15 s of this one are left, so a test can use the
 * codes of steps N-1, N and N+1 (all accepted during step N) without crossing a boundary.
 */
export async function earlyInStep(): Promise<void> {
  const into = Date.now() % 30_000;
  if (into > 15_000) await new Promise((resolve) => setTimeout(resolve, 30_000 - into + 100));
}

/** The RFC 6238 appendix B test vector (SHA-1 key "12345678901234567890", T = 59 s → 94287082, 8 digits; 6 digits: 287082). */
export const RFC6238_SHA1_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
