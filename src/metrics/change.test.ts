import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeBetween } from './change.ts';
import { compareMeans } from './compare.ts';
import { cesFromHistogram, histogramOf, likertFromHistogram, npsFromHistogram, csatFromHistogram } from './scores.ts';

const summary = <T extends object>(s: T) => ({ ...s, suppressed: false }) as Record<string, unknown>;

test('NPS change: z-test of the difference (hand-computed)', () => {
  // Now 10,10,10,10,10,9,9,8,7,6,5,0: NPS 33.33, SE 24.533. Before 10,10,9,8,6,5,3,0,0,0 twice: NPS −30, SE 20.125.
  // z = 63.33/√(24.533² + 20.125²) = 63.33/31.731 = 1.99595; two-sided p = 0.04594.
  const now = npsFromHistogram(histogramOf([10, 10, 10, 10, 10, 9, 9, 8, 7, 6, 5, 0]));
  const before = npsFromHistogram(histogramOf([10, 10, 9, 8, 6, 5, 3, 0, 0, 0, 10, 10, 9, 8, 6, 5, 3, 0, 0, 0]));
  const c = changeBetween('nps', summary(now), summary(before))!;
  assert.ok(Math.abs(c.difference - 63.3333) < 1e-3);
  assert.ok(Math.abs(c.p! - 0.04594) < 5e-5, String(c.p));
  assert.equal(c.significant, true);
  assert.equal(c.direction, 'up');
});

test('CSAT and Likert change: two-proportion z-test on counts recovered from share × n (R prop.test)', () => {
  // 60/100 vs 45/100: z = 2.123977, p = 0.0336721 (R prop.test(correct = FALSE)); difference 15 percentage points.
  const a = csatFromHistogram({ counts: [0, 20, 10, 10, 30, 30], dontKnow: 0 });
  const b = csatFromHistogram({ counts: [0, 30, 15, 10, 25, 20], dontKnow: 0 });
  const c = changeBetween('csat', summary(a), summary(b))!;
  assert.ok(Math.abs(c.difference - 15) < 1e-9);
  assert.ok(Math.abs(c.p! - 0.0336721) < 1e-6);
  // Likert: agree 5–7 among the scale answers; don't know left out: 6/10 vs 3/10 (+ 5 don't know).
  // Pooled p̂ = 0.45, SE = √(0.45·0.55·0.2) = 0.222486, z = 0.3/0.222486 = 1.348399, p = 0.177530.
  const l1 = likertFromHistogram({ counts: [0, 2, 1, 0, 1, 2, 2, 2], dontKnow: 0 });
  const l2 = likertFromHistogram({ counts: [0, 3, 2, 0, 2, 1, 1, 1], dontKnow: 5 });
  const cl = changeBetween('likert', summary(l1), summary(l2))!;
  assert.ok(Math.abs(cl.difference - 30) < 1e-9);
  assert.ok(Math.abs(cl.p! - 0.177530) < 1e-5, String(cl.p));
  assert.equal(cl.significant, false);
});

test('CES change: Welch t-test of the means; missing or suppressed sides give no change', () => {
  const a = cesFromHistogram(histogramOf([7, 6, 5, 4, 2]));
  const b = cesFromHistogram(histogramOf([1, 2, 3]));
  const c = changeBetween('ces', summary(a), summary(b))!;
  assert.ok(Math.abs(c.difference - 2.8) < 1e-9);
  assert.equal(c.p, compareMeans(a, b).p);
  assert.equal(changeBetween('ces', summary(a), undefined), null);
  assert.equal(changeBetween('nps', { n: null, nps: null, suppressed: true }, summary(npsFromHistogram(histogramOf([9])))), null);
  assert.equal(changeBetween('nps', summary(npsFromHistogram(histogramOf([9]))), summary(npsFromHistogram(histogramOf([])))), null);
});
