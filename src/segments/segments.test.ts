import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KaikuError } from '../errors.ts';
import { createRandom, randomNormal } from '../linalg/random.ts';
import { bonferroniAdjust, chiSquareIndependence, holmAdjust } from './chi-square.ts';
import { kMeans, silhouetteScore } from './kmeans.ts';
import { segmentByNeeds } from './needs.ts';
import { compareNpsAcrossSegments } from './nps-segments.ts';

const close = (actual: number, expected: number, tolerance: number, what = '') =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what} ${actual} differs from ${expected} by more than ${tolerance}`);

test('chi-square test of independence reproduces Agresti (2007, p. 39): party identification × gender', () => {
  const test = chiSquareIndependence([[762, 327, 468], [484, 239, 477]])!;
  assert.equal(test.chi2.toFixed(6), '30.070149');
  assert.equal(test.dof, 2);
  assert.equal(test.p.toExponential(6), '2.953589e-7');
  // Expected count females × Democrat: 1557 · 1246 / 2757.
  close(test.expected[0][0], (1557 * 1246) / 2757, 1e-9);
});

test('empty rows and columns are dropped, and a one-column table cannot be tested', () => {
  const withEmpty = chiSquareIndependence([[762, 0, 327, 468], [0, 0, 0, 0], [484, 0, 239, 477]])!;
  assert.equal(withEmpty.chi2.toFixed(6), '30.070149');
  assert.deepEqual(withEmpty.columnsKept, [0, 2, 3]);
  assert.equal(chiSquareIndependence([[5, 0], [7, 0]]), null);
});

test('Holm and Bonferroni adjustments match hand calculation (as R p.adjust)', () => {
  // Sorted 0.005, 0.01, 0.03, 0.04 → ×4, ×3, ×2, ×1 = 0.02, 0.03, 0.06, 0.04 → running max.
  const holm = holmAdjust([0.01, 0.04, 0.03, 0.005]);
  [0.03, 0.06, 0.06, 0.02].forEach((expected, i) => close(holm[i], expected, 1e-15));
  const bonferroni = bonferroniAdjust([0.01, 0.3, 0.2, 0.5]);
  [0.04, 1, 0.8, 1].forEach((expected, i) => close(bonferroni[i], expected, 1e-15));
});

/** Answers for a segment: promoters, passives, detractors as scores 10, 8 and 3. */
function answers(segment: string, promoters: number, passives: number, detractors: number) {
  const scores = [...new Array(promoters).fill(10), ...new Array(passives).fill(8), ...new Array(detractors).fill(3)];
  return { segments: scores.map(() => segment), scores };
}

test('NPS per segment, omnibus chi-square and Holm-adjusted pairwise comparisons', () => {
  const parts = [answers('north', 60, 25, 15), answers('south', 30, 30, 40), answers('west', 55, 30, 15)];
  const segments = parts.flatMap((p) => p.segments);
  const scores = [...parts.flatMap((p) => p.scores), Number.NaN, 9];
  segments.push('north', '');
  const result = compareNpsAcrossSegments(segments, scores);
  assert.equal(result.excluded, 2);
  assert.deepEqual(result.groups.map((g) => [g.segment, g.n, g.promoters, g.passives, g.detractors]), [
    ['north', 100, 60, 25, 15],
    ['south', 100, 30, 30, 40],
    ['west', 100, 55, 30, 15],
  ]);
  [45, -10, 40].forEach((nps, g) => close(result.groups[g].nps, nps, 1e-12));
  // Omnibus: same as the chi-square of the 3 × 3 table of counts.
  const direct = chiSquareIndependence([[60, 25, 15], [30, 30, 40], [55, 30, 15]])!;
  assert.equal(result.chi2, direct.chi2);
  assert.equal(result.dof, 4);
  assert.equal(result.pairwise.length, 3);
  const raw = result.pairwise.map((p) => p.p);
  assert.deepEqual(result.pairwise.map((p) => p.pAdjusted), holmAdjust(raw));
  const northWest = result.pairwise.find((p) => p.a === 'north' && p.b === 'west')!;
  close(northWest.npsDifference, 5, 1e-12);
  assert.equal(northWest.significant, false);
  const northSouth = result.pairwise.find((p) => p.a === 'north' && p.b === 'south')!;
  assert.equal(northSouth.significant, true);
  // NPS z-test: SE² per group = (P + D − (P − D)²)/n, in points.
  const se = (p: number, d: number, n: number) => 100 * Math.sqrt((p + d - (p - d) ** 2) / n);
  close(northSouth.npsTest.se, Math.hypot(se(0.6, 0.15, 100), se(0.3, 0.4, 100)), 1e-9);
  assert.deepEqual(result.warnings, []);
});

test('segment comparison refuses input it cannot test', () => {
  assert.throws(() => compareNpsAcrossSegments(['a', 'a'], [9, 3]), (e: unknown) => e instanceof KaikuError && /at least two segments/.test(e.message));
  assert.throws(() => compareNpsAcrossSegments(['a', 'b', 'a'], [9, 10, 10]), /all promoters/);
  assert.throws(() => compareNpsAcrossSegments(['a', 'b'], [9, 11], { scoreName: 'ltr' }), /"ltr" must be a 0–10 .* respondent 2 has 11/);
  const small = compareNpsAcrossSegments(['a', 'a', 'b', 'b'], [9, 3, 8, 10]);
  assert.ok(small.warnings.some((w) => w.code === 'small_expected_counts'));
  assert.ok(small.warnings.some((w) => w.code === 'small_segment'));
});

test('silhouette matches a hand calculation on four points', () => {
  // Clusters {0, 1} and {10, 11}: point 0 has a = 1, b = 10.5; point 1 has a = 1, b = 9.5; symmetric.
  const s = silhouetteScore({ values: Float64Array.from([0, 1, 10, 11]), dimensions: 1 }, Int32Array.from([0, 0, 1, 1]), 2)!;
  close(s, (9.5 / 10.5 + 8.5 / 9.5) / 2, 1e-15);
});

/** Three well-separated groups of respondents on four 1–7 attributes. */
function blobs(seed: number, perCluster: number) {
  const random = createRandom(seed);
  const centres = [[6, 6, 2, 2], [2, 6, 6, 2], [4, 2, 2, 6]];
  const truth: number[] = [];
  const columns = centres[0].map(() => [] as number[]);
  centres.forEach((centre, c) => {
    for (let i = 0; i < perCluster; i++) {
      truth.push(c);
      centre.forEach((mean, j) => columns[j].push(mean + 0.4 * randomNormal(random)));
    }
  });
  return { truth, attributes: columns.map((values, j) => ({ name: ['price', 'speed', 'staff', 'app'][j], values: Float64Array.from(values) })) };
}

test('k-means recovers well-separated clusters, and a k range chooses the right k by silhouette', () => {
  const { truth, attributes } = blobs(3, 200);
  const result = segmentByNeeds(attributes, { k: [2, 6], random: createRandom(1) });
  assert.equal(result.k, 3);
  assert.ok(result.silhouette! > 0.7);
  // Same partition as the truth, up to the numbering of clusters.
  const mapping = new Map<number, number>();
  truth.forEach((t, i) => {
    const c = result.assignments[i];
    if (!mapping.has(c)) mapping.set(c, t);
    assert.equal(mapping.get(c), t, `respondent ${i}`);
  });
  assert.deepEqual(result.clusters.map((c) => c.size), [200, 200, 200]);
  const speedy = result.clusters.find((c) => c.attributes.find((a) => a.attribute === 'speed')!.difference < -2)!;
  close(speedy.attributes.find((a) => a.attribute === 'app')!.mean, 6, 0.1);
  assert.ok(speedy.distinctive.includes('app'));
  // Seeded: the same seed gives the same clustering.
  const again = segmentByNeeds(attributes, { k: [2, 6], random: createRandom(1) });
  assert.deepEqual(again.assignments, result.assignments);
});

test('k-means within-cluster sum of squares matches its definition and missing rows are left out', () => {
  const { attributes } = blobs(8, 30);
  attributes[0].values[5] = Number.NaN;
  const result = segmentByNeeds(attributes, { k: 3, random: createRandom(2) });
  assert.equal(result.n, 89);
  assert.equal(result.excluded, 1);
  assert.equal(result.assignments[5], -1);
  const points = { values: Float64Array.from([0, 0, 0, 2, 10, 10, 10, 12]), dimensions: 2 };
  const fit = kMeans(points, 2, { random: createRandom(4) });
  // Centroids (0, 1) and (10, 11): every point is 1 away → WSS 4.
  assert.equal(fit.withinSumOfSquares, 4);
  assert.throws(() => segmentByNeeds([{ name: 'flat', values: Float64Array.from([3, 3, 3, 3]) }], { k: 2, random: createRandom(1) }), /"flat" has the same value/);
  assert.throws(() => kMeans(points, 5, { random: createRandom(1) }), /Cannot form 5 clusters from 4/);
});
