import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  cesFromHistogram,
  csatFromHistogram,
  histogramOf,
  likertFromHistogram,
  mergeHistograms,
  npsFromHistogram,
  ratingFromHistogram,
  suppressBelow,
  type ScoreHistogram,
} from './scores.ts';

function close(actual: number | null | undefined, expected: number, tolerance: number, label = ''): void {
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= tolerance, `${label} expected ${expected} ± ${tolerance}, got ${actual}`);
}

function closeInterval(actual: [number, number] | null, expected: [number, number], tolerance: number): void {
  assert.ok(actual, 'expected an interval, got null');
  close(actual[0], expected[0], tolerance, 'low');
  close(actual[1], expected[1], tolerance, 'high');
}

/** Every number anywhere in the value is finite (null is fine). */
function assertNoNaN(value: unknown, path = 'result'): void {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `${path} is ${value}`);
  else if (Array.isArray(value)) value.forEach((v, i) => assertNoNaN(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertNoNaN(v, `${path}.${k}`);
}

const Z = 1.959963984540054; // R qnorm(0.975)

/** A histogram from "score × count" pairs, written the way a person reads them. */
function histogram(pairs: Record<number, number>, dontKnow = 0): ScoreHistogram {
  const counts: number[] = [];
  for (const [score, count] of Object.entries(pairs)) {
    while (counts.length <= Number(score)) counts.push(0);
    counts[Number(score)] = count;
  }
  return { counts, dontKnow };
}

test('histogramOf counts each score at its index and don\'t-know apart', () => {
  assert.deepEqual(histogramOf([3, 1, 'dont_know', 3, 0]), { counts: [1, 1, 0, 2], dontKnow: 1 });
  assert.deepEqual(histogramOf([]), { counts: [], dontKnow: 0 });
  assert.throws(() => histogramOf([2.5]), RangeError);
  assert.throws(() => histogramOf([-1]), RangeError);
});

test('mergeHistograms adds two groups of unequal length', () => {
  const merged = mergeHistograms({ counts: [1, 2], dontKnow: 1 }, { counts: [0, 1, 0, 4], dontKnow: 2 });
  assert.deepEqual(merged, { counts: [1, 3, 0, 4], dontKnow: 3 });
});

test('NPS of the Cross Validated 18609 example: P = 1/2, passives 1/3, D = 1/6 at n = 324', () => {
  // 162 promoters, 108 passives, 54 detractors. NPS = 100·(1/2 − 1/6) = 33.33…
  // Per-respondent variance = P + D − (P − D)² = 2/3 − 1/9 = 5/9; SE = 100·√(5/9/324) = 100·√5/54 ≈ 4.1409.
  const h = histogram({ 10: 100, 9: 62, 8: 60, 7: 48, 6: 20, 3: 20, 0: 14 });
  const s = npsFromHistogram(h);
  assert.equal(s.n, 324);
  close(s.promoters, 1 / 2, 1e-15);
  close(s.passives, 1 / 3, 1e-15);
  close(s.detractors, 1 / 6, 1e-15);
  close(s.nps, 100 / 3, 1e-12);
  close(s.se, (100 * Math.sqrt(5)) / 54, 1e-12);
  close(s.se, 4.14, 0.005, 'published ≈ 0.0414 on the −1…1 scale');
  closeInterval(s.ci95, [100 / 3 - Z * ((100 * Math.sqrt(5)) / 54), 100 / 3 + Z * ((100 * Math.sqrt(5)) / 54)], 1e-9);
});

test('NPS of ten answers: 5 promoters, 2 passives, 3 detractors', () => {
  // P = 0.5, D = 0.3: NPS = 20; variance = 0.5 + 0.3 − 0.2² = 0.76; SE = 100·√(0.076) ≈ 27.568.
  // CI = 20 ± 1.959964·27.5681 = 20 ± 54.03248 = [−34.03248, 74.03248].
  const s = npsFromHistogram(histogramOf([10, 10, 9, 9, 9, 8, 7, 6, 3, 0]));
  assert.equal(s.n, 10);
  close(s.promoters, 0.5, 1e-15);
  close(s.passives, 0.2, 1e-15);
  close(s.detractors, 0.3, 1e-15);
  close(s.nps, 20, 1e-12);
  close(s.se, 100 * Math.sqrt(0.076), 1e-12);
  closeInterval(s.ci95, [-34.03248, 74.03248], 1e-5);
});

test('NPS interval is clipped to −100…100', () => {
  // 4 promoters, 1 passive: NPS 80, variance 0.8 − 0.64 = 0.16, SE = 100·√(0.16/5) = 17.8885;
  // 80 + 1.96·17.89 = 115.06 → 100; 80 − 35.061 = 44.939.
  const s = npsFromHistogram(histogram({ 10: 4, 8: 1 }));
  close(s.nps, 80, 1e-12);
  close(s.se, 100 * Math.sqrt(0.032), 1e-12);
  closeInterval(s.ci95, [80 - Z * 100 * Math.sqrt(0.032), 100], 1e-9);
  // All promoters: no variance, the interval is the point.
  const unanimous = npsFromHistogram(histogram({ 9: 3 }));
  assert.deepEqual([unanimous.nps, unanimous.se, unanimous.ci95], [100, 0, [100, 100]]);
});

test('NPS of an empty group is null, not NaN, and don\'t-know answers are ignored', () => {
  assert.deepEqual(npsFromHistogram({ counts: [], dontKnow: 3 }), {
    n: 0, promoters: null, passives: null, detractors: null, nps: null, se: null, ci95: null,
  });
});

test('NPS rejects answers outside 0–10 and negative counts', () => {
  assert.throws(() => npsFromHistogram(histogram({ 11: 1 })), /0–10/);
  assert.throws(() => npsFromHistogram({ counts: [-1], dontKnow: 0 }), RangeError);
});

test('NPS standard error equals the population SD of +1/0/−1 scores over √n (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 60 }), (scores) => {
      const coded: number[] = scores.map((v) => (v >= 9 ? 1 : v >= 7 ? 0 : -1));
      const mean = coded.reduce((a, b) => a + b, 0) / coded.length;
      const variance = coded.reduce((a, b) => a + (b - mean) ** 2, 0) / coded.length;
      const s = npsFromHistogram(histogramOf(scores));
      close(s.nps, 100 * mean, 1e-9);
      close(s.se, 100 * Math.sqrt(variance / coded.length), 1e-9);
    }),
  );
});

test('CSAT top-2-box with a Wilson interval matching scipy binomtest(6, 10).proportion_ci("wilson")', () => {
  // Scores 1,2,3,3,4,4,4,5,5,5: top-2-box (4–5) = 6/10; mean = (1+2+6+12+15)/10 = 3.6.
  const s = csatFromHistogram(histogramOf([1, 2, 3, 3, 4, 4, 4, 5, 5, 5]));
  assert.equal(s.n, 10);
  close(s.topBoxShare, 0.6, 1e-15);
  close(s.mean, 3.6, 1e-12);
  closeInterval(s.ci95, [0.3126737697336583, 0.8318196702937639], 1e-9);
});

test('CSAT Wilson interval at 0/5 starts at exactly 0', () => {
  // Upper = (z²/n)/(1 + z²/n) = 0.768292/1.768292 = 0.434482 (scipy: 0.43448246478317476).
  const s = csatFromHistogram(histogram({ 1: 2, 3: 3 }));
  close(s.topBoxShare, 0, 0);
  closeInterval(s.ci95, [0, 0.43448246478317476], 1e-9);
});

test('CSAT on a 0-less 1–10 scale with top-3-box counts 8–10', () => {
  // 8, 9, 10 are top-box; 7 and 2 are not → 3/5. Mean = 36/5 = 7.2.
  const s = csatFromHistogram(histogramOf([2, 7, 8, 9, 10]), { scaleMax: 10, topBox: 3 });
  close(s.topBoxShare, 0.6, 1e-15);
  close(s.mean, 7.2, 1e-12);
  assert.throws(() => csatFromHistogram(histogramOf([0, 5])), /1–5/);
  assert.deepEqual(csatFromHistogram({ counts: [], dontKnow: 0 }), { n: 0, topBoxShare: null, ci95: null, mean: null });
});

test('CES mean with a Student-t interval (df = n − 1)', () => {
  // 1,2,2,3,7: mean 3; squared deviations 4+1+1+0+16 = 22; sd = √(22/4) = √5.5; se = √1.1.
  // qt(0.975, 4) = 2.7764451051977934 (scipy); CI = 3 ± 2.776445·1.048809 = [0.088021, 5.911979].
  const s = cesFromHistogram(histogramOf([1, 2, 2, 3, 7]));
  assert.equal(s.n, 5);
  close(s.mean, 3, 1e-14);
  close(s.sd, Math.sqrt(5.5), 1e-14);
  close(s.se, Math.sqrt(1.1), 1e-14);
  const half = 2.7764451051977934 * Math.sqrt(1.1);
  closeInterval(s.ci95, [3 - half, 3 + half], 1e-9);
  assert.throws(() => cesFromHistogram(histogramOf([8])), /1–7/);
});

test('CES with fewer than two answers has a mean but no interval', () => {
  assert.deepEqual(cesFromHistogram(histogramOf([4])), { n: 1, mean: 4, sd: null, se: null, ci95: null });
  assert.deepEqual(cesFromHistogram({ counts: [], dontKnow: 0 }), { n: 0, mean: null, sd: null, se: null, ci95: null });
});

test('rating mean works on any integer scale, 0 included', () => {
  // 0 and 10: mean 5, sd = √50, se = 5, qt(0.975, 1) = 12.706204736174707 → 5 ± 63.531.
  const s = ratingFromHistogram(histogramOf([0, 10]));
  close(s.mean, 5, 1e-14);
  close(s.sd, Math.sqrt(50), 1e-12);
  close(s.se, 5, 1e-12);
  closeInterval(s.ci95, [5 - 5 * 12.706204736174707, 5 + 5 * 12.706204736174707], 1e-9);
});

test('Likert buckets agree 5–7 / neutral 4 / disagree 1–3 with don\'t know reported apart', () => {
  // 1,3 disagree; 4,4 neutral; 5,6,7,7 agree; two don't-knows. n = 8, nTotal = 10.
  // Mean over answers = (1+3+4+4+5+6+7+7)/8 = 37/8 = 4.625.
  const s = likertFromHistogram(histogramOf([1, 3, 4, 4, 5, 6, 7, 7, 'dont_know', 'dont_know']));
  assert.deepEqual(s, {
    n: 8,
    nTotal: 10,
    agree: 0.5,
    neutral: 0.25,
    disagree: 0.25,
    dontKnowShare: 0.2,
    withDontKnow: { agree: 0.4, neutral: 0.2, disagree: 0.2, dontKnow: 0.2 },
    mean: 4.625,
  });
});

test('Likert with only don\'t-know answers has null buckets but a full don\'t-know share', () => {
  assert.deepEqual(likertFromHistogram({ counts: [], dontKnow: 2 }), {
    n: 0,
    nTotal: 2,
    agree: null,
    neutral: null,
    disagree: null,
    dontKnowShare: 1,
    withDontKnow: { agree: 0, neutral: 0, disagree: 0, dontKnow: 1 },
    mean: null,
  });
  const empty = likertFromHistogram({ counts: [], dontKnow: 0 });
  assert.equal(empty.dontKnowShare, null);
  assert.throws(() => likertFromHistogram(histogramOf([0])), /1–7/);
});

test('suppressBelow hides person-level figures under the threshold (default 5)', () => {
  assert.equal(suppressBelow(4), true);
  assert.equal(suppressBelow(5), false);
  assert.equal(suppressBelow(0), true);
  assert.equal(suppressBelow(3, 3), false);
  assert.equal(suppressBelow(9, 10), true);
});

test('no summary ever contains NaN or Infinity, whatever the histogram (property)', () => {
  const scaleHistogram = (min: number, max: number) =>
    fc.record({
      counts: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: max + 1 }).map((counts) => counts.map((c, v) => (v < min ? 0 : c))),
      dontKnow: fc.integer({ min: 0, max: 3 }),
    });
  fc.assert(fc.property(scaleHistogram(0, 10), (h) => assertNoNaN(npsFromHistogram(h))));
  fc.assert(fc.property(scaleHistogram(1, 5), (h) => assertNoNaN(csatFromHistogram(h))));
  fc.assert(fc.property(scaleHistogram(1, 7), (h) => assertNoNaN(cesFromHistogram(h))));
  fc.assert(fc.property(scaleHistogram(1, 7), (h) => assertNoNaN(likertFromHistogram(h))));
  fc.assert(fc.property(scaleHistogram(0, 10), (h) => assertNoNaN(ratingFromHistogram(h))));
});
