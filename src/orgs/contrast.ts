/**
 * WCAG 2.x contrast, pure: relative luminance of an sRGB colour, the contrast ratio of two
 * colours, and the nearest darker shade of a brand colour that reaches a ratio. The theme
 * (src/orgs/theme.ts) uses it to keep respondent pages at AA (4.5:1 for normal text).
 */

export type Hex = `#${string}`;

/** `#rrggbb` in lower case, or undefined for anything else (#rgb included: the colour input sends six digits). */
export function parseHex(value: string | undefined): Hex | undefined {
  const v = value?.trim().toLowerCase() ?? '';
  return /^#[0-9a-f]{6}$/.test(v) ? (v as Hex) : undefined;
}

const channels = (hex: Hex): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const toHex = (rgb: number[]): Hex => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/** WCAG 2.x relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(hex: Hex): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** (lighter + 0.05) / (darker + 0.05): 1 for equal colours, 21 for black on white; the order does not matter. */
export function contrastRatio(a: Hex, b: Hex): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * A ratio as people read it, rounded down to one decimal so a colour that fails never shows
 * the ratio it needed ("4.4:1", never "4.5:1" for 4.47).
 */
export const formatRatio = (ratio: number) => `${(Math.floor(ratio * 10 + 1e-9) / 10).toFixed(1)}:1`;

/** `hex` darkened by the factor (1 = unchanged, 0 = black), each channel rounded down. */
export function darken(hex: Hex, factor: number): Hex {
  return toHex(channels(hex).map((c) => Math.floor(c * factor)));
}

/**
 * The lightest shade of `hex` (same hue, channels scaled down together) that has at least
 * `minimum` contrast against every colour of `against`; `hex` itself when it already does.
 * Darkening only ever raises the contrast against light backgrounds, so a bisection finds it.
 */
export function nearestDarkerShade(hex: Hex, against: Hex[], minimum: number): Hex {
  const passes = (h: Hex) => against.every((b) => contrastRatio(h, b) >= minimum);
  if (passes(hex)) return hex;
  let low = 0; // black passes against light colours
  let high = 1;
  for (let i = 0; i < 30; i++) {
    const mid = (low + high) / 2;
    if (passes(darken(hex, mid))) low = mid;
    else high = mid;
  }
  return darken(hex, low);
}
