import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FilterError, parseFilter } from './filter.ts';

const props = new Set(['SubmittedAt', 'TouchpointId', 'Channel', 'Number', 'DontKnow']);

test('comparisons join with and/or/not by precedence: not > and > or', () => {
  assert.deepEqual(parseFilter("Channel eq 'web' or Number ge 9 and not DontKnow eq true", props), {
    kind: 'or',
    left: { kind: 'compare', op: 'eq', property: 'Channel', literal: { kind: 'string', value: 'web' } },
    right: {
      kind: 'and',
      left: { kind: 'compare', op: 'ge', property: 'Number', literal: { kind: 'number', value: 9 } },
      right: { kind: 'not', operand: { kind: 'compare', op: 'eq', property: 'DontKnow', literal: { kind: 'boolean', value: true } } },
    },
  });
});

test('parentheses group, and a literal on the left flips the operator', () => {
  const tree = parseFilter("(Channel eq 'a' or Channel eq 'b') and 2026-03-01T00:00:00Z le SubmittedAt", props);
  assert.equal(tree.kind, 'and');
  if (tree.kind !== 'and') return;
  assert.equal(tree.left.kind, 'or');
  assert.deepEqual(tree.right, { kind: 'compare', op: 'ge', property: 'SubmittedAt', literal: { kind: 'dateTime', value: '2026-03-01T00:00:00Z' } });
});

test('literals as OData writes them: GUIDs, dates, date-times with offsets, doubled quotes, null, negative numbers', () => {
  const literal = (text: string) => {
    const tree = parseFilter(`Channel eq ${text}`, props);
    return tree.kind === 'compare' ? tree.literal : undefined;
  };
  assert.deepEqual(literal('0190A5C2-7A3E-7000-8000-00000000000F'), { kind: 'guid', value: '0190a5c2-7a3e-7000-8000-00000000000f' });
  assert.deepEqual(literal('2026-03-01'), { kind: 'date', value: '2026-03-01' });
  assert.deepEqual(literal('2026-03-01T08:30:00.123+02:00'), { kind: 'dateTime', value: '2026-03-01T08:30:00.123+02:00' });
  assert.deepEqual(literal("'it''s'"), { kind: 'string', value: "it's" });
  assert.deepEqual(literal('null'), { kind: 'null' });
  assert.deepEqual(literal('-2.5e1'), { kind: 'number', value: -25 });
});

test('unsupported or malformed filters fail with a message saying what and where', () => {
  const message = (text: string) => {
    try {
      parseFilter(text, props);
    } catch (error) {
      assert.ok(error instanceof FilterError, String(error));
      return error.message;
    }
    assert.fail(`"${text}" parsed`);
  };
  assert.match(message("contains(Channel,'w')"), /function contains\(\) is not supported/);
  assert.match(message("Nope eq 1"), /Unknown property "Nope" at position 1/);
  assert.match(message("Channel in ('a','b')"), /Expected a comparison operator .* at position 9, found "in"/);
  assert.match(message("Channel eq 'web"), /Unterminated string starting at position 12/);
  assert.match(message("Channel eq 'web' and"), /ends where a property or value was expected/);
  assert.match(message("(Channel eq 'web'"), /Expected "\)" at the end/);
  assert.match(message("Channel eq 'a' Number eq 1"), /Unexpected "Number" at position 16/);
  assert.match(message('Number eq Channel'), /Compare a property with a value/);
  assert.match(message('SubmittedAt gt 2026-02-30T00:00:00Z'), /not a valid date-time/);
  assert.match(message('Customer/Name eq 1'), /Unexpected character "\/" at position 9/);
  assert.match(message(''), /empty/);
});
