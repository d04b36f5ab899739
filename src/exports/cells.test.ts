import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, csvField, csvRecord, neutralizeFormula } from './cells.ts';

describe('formula-injection neutralisation', () => {
  const cases: Array<[string, string]> = [
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+358 40 123 4567', `'+358 40 123 4567`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['Hyvä palvelu = nopea', 'Hyvä palvelu = nopea'],
    [' =not first', ' =not first'],
    ['', ''],
    ["'already quoted", "'already quoted"],
    ['\ncmd', '\ncmd'],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(neutralizeFormula(input), expected));
  }
});

describe('RFC 4180 fields', () => {
  test('plain text is left alone', () => assert.equal(csvField('Kiitos'), 'Kiitos'));
  test('a comma, quote, CR or LF quotes the field and doubles quotes', () => {
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('sanoi "moi"'), '"sanoi ""moi"""');
    assert.equal(csvField('rivi 1\nrivi 2'), '"rivi 1\nrivi 2"');
    assert.equal(csvField('cr\r'), '"cr\r"');
  });
  test('a semicolon needs no quotes in comma-separated CSV', () => assert.equal(csvField('a;b'), 'a;b'));
});

describe('CSV cells and records', () => {
  test('null is empty; numbers, booleans and times are not neutralised', () => {
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(-3), '-3');
    assert.equal(csvCell(7.5), '7.5');
    assert.equal(csvCell(false), 'false');
    assert.equal(csvCell(new Date('2026-01-10T08:00:00Z')), '2026-01-10T08:00:00.000Z');
  });
  test('text is neutralised before it is quoted', () => {
    assert.equal(csvCell('=1+1,"x"'), `"'=1+1,""x"""`);
  });
  test('a record ends with CRLF', () => {
    assert.equal(csvRecord(['a', 1, null, true]), 'a,1,,true\r\n');
  });
});
