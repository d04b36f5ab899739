import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { retryDelaySeconds, signatureHeader, verifySignature, MAX_ATTEMPTS } from './signature.ts';

test('the signature is HMAC-SHA256 of "<t>.<body>" in hex', () => {
  const body = '{"id":"e1","type":"case.created"}';
  const expected = createHmac('sha256', 'whsec_test').update(`1767225600.${body}`).digest('hex');
  assert.equal(signatureHeader('whsec_test', 1767225600, body), `t=1767225600,v1=${expected}`);
});

test('verification accepts the signed body and refuses a changed body, another secret or an old timestamp', () => {
  const body = '{"a":1}';
  const header = signatureHeader('s3cret', 1000, body);
  assert.equal(verifySignature('s3cret', header, body, 1100), true);
  assert.equal(verifySignature('s3cret', header, '{"a":2}', 1100), false);
  assert.equal(verifySignature('other', header, body, 1100), false);
  assert.equal(verifySignature('s3cret', header, body, 1000 + 301), false);
  assert.equal(verifySignature('s3cret', 'garbage', body, 1000), false);
});

test('retries back off ×4 from 30 s, cap at 12 h and stop after the last attempt', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map(retryDelaySeconds), [30, 120, 480, 1920, 7680, 30720, 43200]);
  assert.equal(retryDelaySeconds(MAX_ATTEMPTS), null);
});
