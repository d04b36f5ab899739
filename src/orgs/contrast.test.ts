import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contrastRatio, darken, formatRatio, nearestDarkerShade, parseHex, relativeLuminance } from './contrast.ts';

const close = (actual: number, expected: number, digits = 2) => assert.equal(actual.toFixed(digits), expected.toFixed(digits));

test('contrast ratios match the published WCAG values', () => {
  close(contrastRatio('#000000', '#ffffff'), 21);
  close(contrastRatio('#ffffff', '#ffffff'), 1);
  // WebAIM's and the WCAG examples: #767676 is the lightest grey with AA on white.
  close(contrastRatio('#767676', '#ffffff'), 4.54);
  close(contrastRatio('#777777', '#ffffff'), 4.48);
  // The order of the colours does not matter.
  close(contrastRatio('#ffffff', '#767676'), 4.54);
  // Kaiku's own blue with white text (survey.css.ts says ≥ 8:1), by hand: L = 0.2126·0.00335 + 0.7152·0.07819
  // + 0.0722·0.33245 = 0.08063, so 1.05 / 0.13063 = 8.04:1.
  close(contrastRatio('#0b4f9c', '#ffffff'), 8.04);
  // Pure red on white: 4.00:1, pure green: 1.37:1, pure blue: 8.59:1.
  close(contrastRatio('#ff0000', '#ffffff'), 4.0);
  close(contrastRatio('#00ff00', '#ffffff'), 1.37);
  close(contrastRatio('#0000ff', '#ffffff'), 8.59);
});

test('relative luminance of the primaries and of mid grey', () => {
  close(relativeLuminance('#ffffff'), 1, 4);
  close(relativeLuminance('#000000'), 0, 4);
  close(relativeLuminance('#ff0000'), 0.2126, 4);
  close(relativeLuminance('#00ff00'), 0.7152, 4);
  close(relativeLuminance('#0000ff'), 0.0722, 4);
  // (128/255 + 0.055) / 1.055 ^ 2.4 = 0.21586
  close(relativeLuminance('#808080'), 0.2159, 4);
});

test('a ratio is shown rounded down, so a failing one never reads as enough', () => {
  assert.equal(formatRatio(4.4999), '4.4:1');
  assert.equal(formatRatio(4.54), '4.5:1');
  assert.equal(formatRatio(21), '21.0:1');
  assert.equal(formatRatio(1.6), '1.6:1');
});

test('only six-digit hex colours are read, in lower case', () => {
  assert.equal(parseHex('#FFD400'), '#ffd400');
  assert.equal(parseHex(' #0b4f9c '), '#0b4f9c');
  assert.equal(parseHex('#fff'), undefined);
  assert.equal(parseHex('red'), undefined);
  assert.equal(parseHex('#12345g'), undefined);
  assert.equal(parseHex(undefined), undefined);
});

test('the nearest darker shade is the lightest of that hue that reaches the ratio', () => {
  const white = '#ffffff';
  const shade = nearestDarkerShade('#ffd400', [white], 4.5);
  assert.ok(contrastRatio(shade, white) >= 4.5);
  // One step lighter (a factor 1/255 up) would not do: it is the nearest.
  const [r] = [parseInt(shade.slice(1, 3), 16)];
  const lighter = darken('#ffd400', (r + 1) / 255);
  assert.ok(contrastRatio(lighter, white) < 4.5, `${lighter} should fail`);
  // Same hue: blue stays 0, red to green keeps 255:212.
  assert.equal(shade.slice(5), '00');
  assert.ok(Math.abs(parseInt(shade.slice(3, 5), 16) / r - 212 / 255) < 0.02);
  // A colour that passes is its own nearest shade.
  assert.equal(nearestDarkerShade('#0b4f9c', [white, '#eef0f3'], 4.5), '#0b4f9c');
  assert.equal(darken('#808080', 0.5), '#404040');
});
