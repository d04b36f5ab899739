import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uuidv7 } from './ids.ts';

test('uuidv7 carries the millisecond timestamp, version 7 and the RFC variant', () => {
  // 1795478400000 ms (2026-11-24T00:00:00Z) = 0x01A2_0ADA_2C00: 1795478400000 = 0x01A20ADA2C00 since
  // 0x01A20ADA2C00 = 1·16^10 + 10·16^9 + 2·16^8 + 0·16^7 + 10·16^6 + 13·16^5 + 10·16^4 + 2·16^3 + 12·16^2.
  const id = uuidv7(1795478400000);
  assert.match(id, /^01a20ada-2c00-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('ids made later sort later, so inserts append to the index', () => {
  const a = uuidv7(1_000_000);
  const b = uuidv7(1_000_001);
  assert.ok(a < b);
  assert.notEqual(uuidv7(5), uuidv7(5));
});
