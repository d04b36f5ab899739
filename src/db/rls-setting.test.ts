import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rlsFromEnvironment } from './connection.ts';

test('row-level security is on unless KAIKU_DB_RLS turns it off', () => {
  for (const value of [undefined, '', ' ', 'on', 'ON', 'true', '1', ' on ']) assert.equal(rlsFromEnvironment({ KAIKU_DB_RLS: value }), true, `KAIKU_DB_RLS=${value}`);
  for (const value of ['off', 'OFF', 'false', '0', ' off ']) assert.equal(rlsFromEnvironment({ KAIKU_DB_RLS: value }), false, `KAIKU_DB_RLS=${value}`);
  assert.throws(() => rlsFromEnvironment({ KAIKU_DB_RLS: 'maybe' }), /KAIKU_DB_RLS must be on or off/);
});
