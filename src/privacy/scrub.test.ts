import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scrubText } from './erase.ts';

test('scrubbing replaces the contact\'s own identifiers in any case, then the PII patterns', () => {
  assert.equal(
    scrubText('Called MAIJA MEIKÄLÄINEN back; she wrote from maija@example.com, customer no. CRM-4711, tel 040 123 4567.', ['Maija Meikäläinen', 'maija@example.com', 'CRM-4711']),
    'Called [erased] back; she wrote from [erased], customer no. [erased], tel [phone].');
  // An e-mail the contact record does not hold is still caught by the patterns.
  assert.equal(scrubText('Reply to m.m@work.example', ['Maija']), 'Reply to [email]');
});

test('identifiers shorter than three characters are left alone, and regular-expression characters are literal', () => {
  assert.equal(scrubText('Al said the price (a.b) was wrong', ['Al', '(a.b)']), 'Al said the price [erased] was wrong');
  assert.equal(scrubText('nothing personal here', []), 'nothing personal here');
});
