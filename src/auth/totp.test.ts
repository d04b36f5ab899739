import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, base32Encode, hotp, matchTotp, newRecoveryCodes, otpauthUri, totp, totpStep } from './totp.ts';

// RFC 6238 appendix B: the seeds are the ASCII strings below (20, 32 and 64 bytes).
const seeds = {
  sha1: Buffer.from('12345678901234567890', 'ascii'),
  sha256: Buffer.from('12345678901234567890123456789012', 'ascii'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234', 'ascii'),
} as const;
const vectors: Array<[seconds: number, sha1: string, sha256: string, sha512: string]> = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

test('TOTP matches every test vector of RFC 6238 appendix B (SHA-1, SHA-256, SHA-512, 8 digits)', () => {
  for (const [seconds, ...expected] of vectors) {
    const got = (['sha1', 'sha256', 'sha512'] as const).map((algorithm) => totp(seeds[algorithm], seconds * 1000, { digits: 8, algorithm }));
    assert.deepEqual(got, expected, `T = ${seconds}`);
  }
});

test('HOTP matches RFC 4226 appendix D (counters 0–9)', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  assert.deepEqual(expected.map((_, i) => hotp(seeds.sha1, i)), expected);
});

test('base32 round-trips and matches RFC 4648 §10', () => {
  assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
  assert.equal(base32Decode('MZXW6YTBOI======').toString(), 'foobar');
  assert.equal(base32Encode(seeds.sha1), 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
});

test('a code is accepted in its step and one step either side, and never twice', () => {
  const secret = base32Encode(seeds.sha1);
  const t = 1_111_111_111_000;
  const code = totp(seeds.sha1, t);
  const step = totpStep(t);
  assert.equal(matchTotp(secret, code, t), step);
  assert.equal(matchTotp(secret, code, t + 30_000), step); // 30 s late
  assert.equal(matchTotp(secret, code, t - 30_000), step); // 30 s early
  assert.equal(matchTotp(secret, code, t + 90_000), undefined);
  assert.equal(matchTotp(secret, code, t, step), undefined); // replay
  assert.equal(matchTotp(secret, '12345', t), undefined);
  assert.equal(matchTotp(secret, 'abcdef', t), undefined);
});

test('otpauth URI and recovery codes have the shapes authenticator apps and people expect', () => {
  assert.equal(otpauthUri('JBSWY3DPEHPK3PXP', 'ann@example.com'),
    'otpauth://totp/Kaiku:ann%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Kaiku&algorithm=SHA1&digits=6&period=30');
  const codes = newRecoveryCodes();
  assert.equal(codes.length, 10);
  assert.equal(new Set(codes).size, 10);
  for (const c of codes) assert.match(c, /^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
});
