import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareMeans, compareNps, compareProportions } from './compare.ts';
import type { NpsSummary } from './scores.ts';

function close(actual: number | null | undefined, expected: number, tolerance: number, label = ''): void {
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= tolerance, `${label} expected ${expected} ± ${tolerance}, got ${actual}`);
}

const npsOf = (nps: number | null, se: number | null, n = 100): NpsSummary => ({
  n, promoters: null, passives: null, detractors: null, nps, se, ci95: null,
});

// Reference p-values come from scipy.stats (norm.sf, t.sf, ttest_ind), which agree with R.

test('compareNps: 30 ± 3 vs 26 ± 4 → difference 4, se 5, z 0.8, p = 2·pnorm(−0.8)', () => {
  const c = compareNps(npsOf(30, 3), npsOf(26, 4));
  close(c.difference, 4, 1e-12);
  close(c.se, 5, 1e-12);
  close(c.z, 0.8, 1e-12);
  close(c.p, 0.4237107971667934, 1e-12);
  // Swapping the groups flips the sign, not the p-value.
  const swapped = compareNps(npsOf(26, 4), npsOf(30, 3));
  close(swapped.z, -0.8, 1e-12);
  close(swapped.p, 0.4237107971667934, 1e-12);
});

test('compareNps: z = 2 gives p = 0.0455', () => {
  // difference 10 over se √(3² + 4²) = 5.
  close(compareNps(npsOf(10, 3), npsOf(0, 4)).p, 0.04550026389635839, 1e-12);
});

test('compareNps with an empty group or no variance on either side gives nulls', () => {
  assert.deepEqual(compareNps(npsOf(null, null, 0), npsOf(20, 4)), { difference: null, se: null, z: null, p: null });
  assert.deepEqual(compareNps(npsOf(100, 0, 3), npsOf(-100, 0, 2)), { difference: 200, se: 0, z: null, p: null });
});

test('compareProportions: 60/100 vs 45/100 pooled z-test', () => {
  // pooled = 105/200 = 0.525; se = √(0.525·0.475·(1/100 + 1/100)) = √0.0049875 = 0.0706222;
  // z = 0.15/0.0706222 = 2.123977; two-sided p = 0.0336721 (R prop.test(correct = FALSE): X² = z² = 4.5113).
  const c = compareProportions(60, 100, 45, 100);
  close(c.difference, 0.15, 1e-12);
  close(c.z, 2.123976976214366, 1e-9);
  close(c.p, 0.033672068856345834, 1e-10);
});

test('compareProportions with an empty group or all-or-nothing pooled share gives nulls', () => {
  assert.deepEqual(compareProportions(0, 0, 3, 10), { difference: null, z: null, p: null });
  assert.deepEqual(compareProportions(5, 5, 8, 8), { difference: 0, z: null, p: null });
  assert.deepEqual(compareProportions(0, 5, 0, 8), { difference: 0, z: null, p: null });
  assert.throws(() => compareProportions(6, 5, 1, 2), RangeError);
  assert.throws(() => compareProportions(1.5, 5, 1, 2), RangeError);
});

test('compareMeans: Welch t-test matches scipy ttest_ind(equal_var=False)', () => {
  // A = 1,2,2,3,7: mean 3, sd² = 5.5; B = 4,5,5,6: mean 5, sd² = 2/3.
  // se² = 5.5/5 + (2/3)/4 = 1.1 + 1/6; t = −2/√1.26667 = −1.777047;
  // df = 1.26667² / (1.1²/4 + (1/6)²/3) = 1.604444/0.311759 = 5.146421.
  const c = compareMeans({ n: 5, mean: 3, sd: Math.sqrt(5.5) }, { n: 4, mean: 5, sd: Math.sqrt(2 / 3) });
  close(c.difference, -2, 1e-12);
  close(c.t, -1.777046633277277, 1e-12);
  close(c.df, 5.146421146421147, 1e-9);
  close(c.p, 0.1340424056020786, 1e-9);
});

test('compareMeans: equal n and variance gives df = 2(n − 1) and the t-table p', () => {
  // n = 11 each, sd² = 5.5 → se² = 0.5 + 0.5 = 1; df = 1/(0.25/10 + 0.25/10) = 20.
  // difference = qt(0.975, 20) = 2.085963 → p = 0.05.
  const c = compareMeans({ n: 11, mean: 2.085963 + 1, sd: Math.sqrt(5.5) }, { n: 11, mean: 1, sd: Math.sqrt(5.5) });
  close(c.df, 20, 1e-9);
  close(c.t, 2.085963, 1e-9);
  close(c.p, 0.05, 1e-6);
});

test('compareMeans: zero variance on one side leaves df = n − 1 of the other', () => {
  // A: n = 6, sd² = 6 → se² = 1; B has no spread. t = 2, df = 5, p = 2·(1 − pt(2, 5)) = 0.1019394.
  const c = compareMeans({ n: 6, mean: 4, sd: Math.sqrt(6) }, { n: 10, mean: 2, sd: 0 });
  close(c.t, 2, 1e-12);
  close(c.df, 5, 1e-12);
  close(c.p, 0.1019394, 1e-6);
});

test('compareMeans degenerate inputs give nulls, never NaN', () => {
  assert.deepEqual(compareMeans({ n: 5, mean: 3, sd: 0 }, { n: 4, mean: 3, sd: 0 }), { difference: 0, t: null, df: null, p: null });
  assert.deepEqual(compareMeans({ n: 1, mean: 3, sd: null }, { n: 4, mean: 5, sd: 1 }), { difference: -2, t: null, df: null, p: null });
  assert.deepEqual(compareMeans({ n: 0, mean: null, sd: null }, { n: 4, mean: 5, sd: 1 }), { difference: null, t: null, df: null, p: null });
});

test('comparisons never return NaN or Infinity for any counts (property)', () => {
  const finiteOrNull = (v: number | null) => v === null || Number.isFinite(v);
  fc.assert(
    fc.property(fc.nat(50), fc.nat(50), fc.nat(50), fc.nat(50), (a, extraA, b, extraB) => {
      const c = compareProportions(a, a + extraA, b, b + extraB);
      assert.ok([c.difference, c.z, c.p].every(finiteOrNull), JSON.stringify(c));
    }),
  );
  fc.assert(
    fc.property(fc.nat(30), fc.double({ min: 0, max: 10, noNaN: true }), fc.nat(30), fc.double({ min: 0, max: 10, noNaN: true }), (nA, sdA, nB, sdB) => {
      const c = compareMeans({ n: nA, mean: nA ? 3 : null, sd: nA > 1 ? sdA : null }, { n: nB, mean: nB ? 4 : null, sd: nB > 1 ? sdB : null });
      assert.ok([c.difference, c.t, c.df, c.p].every(finiteOrNull), JSON.stringify(c));
    }),
  );
});
