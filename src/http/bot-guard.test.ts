import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFormToken, checkSubmission, formTokenPattern, honeypotField, issueFormToken } from './bot-guard.ts';

const options = { secret: 'test-secret', minFillMs: 2000, maxAgeMs: 3_600_000 };
const t0 = 1_800_000_000_000;

test('a token issued for a form is accepted after the minimum fill time and before it expires', () => {
  const token = issueFormToken(options.secret, 'form-a', t0);
  assert.match(token, formTokenPattern);
  assert.equal(checkFormToken(options, 'form-a', token, t0 + 2000), 'ok');
  assert.equal(checkFormToken(options, 'form-a', token, t0 + 3_600_000), 'ok');
});

test('too fast, too old, another form, another secret, a changed byte or garbage are refused', () => {
  const token = issueFormToken(options.secret, 'form-a', t0);
  assert.equal(checkFormToken(options, 'form-a', token, t0 + 1999), 'too_fast');
  assert.equal(checkFormToken(options, 'form-a', token, t0 + 3_600_001), 'expired');
  assert.equal(checkFormToken(options, 'form-b', token, t0 + 5000), 'invalid_token');
  assert.equal(checkFormToken({ ...options, secret: 'other' }, 'form-a', token, t0 + 5000), 'invalid_token');
  // Move the issue time back an hour without the key: the signature no longer matches.
  const bytes = Buffer.from(token, 'base64url');
  bytes.writeUIntBE(t0 - 3_600_000, 0, 6);
  assert.equal(checkFormToken(options, 'form-a', bytes.toString('base64url'), t0 + 5000), 'invalid_token');
  for (const garbage of [undefined, '', 'x'.repeat(36), `${token}A`, 42, ['a']]) {
    assert.equal(checkFormToken(options, 'form-a', garbage, t0 + 5000), 'invalid_token');
  }
});

test('a filled honeypot refuses the submission even with a good token; an empty one does not', () => {
  const token = issueFormToken(options.secret, 'form-a', t0);
  assert.equal(checkSubmission(options, 'form-a', { [honeypotField]: 'http://spam.example' }, token, t0 + 5000), 'honeypot');
  assert.equal(checkSubmission(options, 'form-a', { [honeypotField]: ['', 'x'] }, token, t0 + 5000), 'honeypot');
  assert.equal(checkSubmission(options, 'form-a', { [honeypotField]: '' }, token, t0 + 5000), 'ok');
  assert.equal(checkSubmission(options, 'form-a', {}, token, t0 + 5000), 'ok');
});
