import { badInput } from '../errors.ts';
import { compareNps } from '../metrics/compare.ts';
import { npsFromHistogram, type Interval } from '../metrics/scores.ts';
import { bonferroniAdjust, chiSquareIndependence, holmAdjust } from './chi-square.ts';

export interface SegmentNps {
  segment: string;
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100…100. */
  nps: number;
  /** Standard error of the NPS in points, and its 95 % interval. */
  se: number;
  ci95: Interval | null;
}

export interface PairwiseComparison {
  a: string;
  b: string;
  /** NPS of a − NPS of b, in points. */
  npsDifference: number;
  /** Chi-square test of the promoter/passive/detractor split of the two segments. */
  chi2: number;
  dof: number;
  p: number;
  /** p adjusted for the number of pairs (Holm by default). */
  pAdjusted: number;
  /** pAdjusted < alpha. */
  significant: boolean;
  /** z-test of the NPS difference (trinomial standard errors), p adjusted in the same way. */
  npsTest: { se: number; z: number | null; p: number | null; pAdjusted: number | null };
}

export interface SegmentWarning {
  code: 'small_expected_counts' | 'small_segment';
  message: string;
}

export interface SegmentComparison {
  /** Omnibus chi-square test: are promoter/passive/detractor shares the same in every segment? */
  chi2: number;
  dof: number;
  p: number;
  groups: SegmentNps[];
  pairwise: PairwiseComparison[];
  correction: 'holm' | 'bonferroni';
  alpha: number;
  /** Answers left out: no segment, or no score (missing / don't know). */
  excluded: number;
  warnings: SegmentWarning[];
}

export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export function npsCategory(score: number): NpsCategory {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/**
 * NPS per segment with a chi-square test of independence of the NPS categories across the
 * segments, and every pair of segments compared (2 × 3 chi-square and NPS-difference z-test),
 * with p-values adjusted for the number of pairs. `segments[i]` is the segment of `scores[i]`;
 * an empty segment or a NaN score leaves the answer out.
 */
export function compareNpsAcrossSegments(
  segments: readonly string[],
  scores: ArrayLike<number>,
  options: { correction?: 'holm' | 'bonferroni'; alpha?: number; scoreName?: string } = {},
): SegmentComparison {
  const correction = options.correction ?? 'holm';
  const alpha = options.alpha ?? 0.05;
  const scoreName = options.scoreName ?? 'score';
  if (segments.length !== scores.length) throw badInput(`${segments.length} segments for ${scores.length} scores`);
  const histograms = new Map<string, number[]>();
  let excluded = 0;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i];
    const segment = segments[i];
    if (Number.isNaN(score) || segment === '') {
      excluded++;
      continue;
    }
    if (!(Number.isInteger(score) && score >= 0 && score <= 10)) {
      throw badInput(`"${scoreName}" must be a 0–10 likelihood-to-recommend answer; respondent ${i + 1} has ${score}`, scoreName);
    }
    let counts = histograms.get(segment);
    if (!counts) histograms.set(segment, (counts = new Array<number>(11).fill(0)));
    counts[score]++;
  }
  const names = [...histograms.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (names.length < 2) {
    throw badInput(`Comparing segments needs at least two segments with answers; found ${names.length}${names.length ? ` ("${names[0]}")` : ''}`, 'segment');
  }
  const summaries = names.map((segment) => npsFromHistogram({ counts: histograms.get(segment)!, dontKnow: 0 }));
  const categoryCounts = names.map((segment) => {
    const h = histograms.get(segment)!;
    const sum = (from: number, to: number) => h.slice(from, to + 1).reduce((s, v) => s + v, 0);
    return [sum(9, 10), sum(7, 8), sum(0, 6)];
  });
  const groups: SegmentNps[] = names.map((segment, g) => ({
    segment,
    n: summaries[g].n,
    promoters: categoryCounts[g][0],
    passives: categoryCounts[g][1],
    detractors: categoryCounts[g][2],
    nps: summaries[g].nps!,
    se: summaries[g].se!,
    ci95: summaries[g].ci95,
  }));
  const omnibus = chiSquareIndependence(categoryCounts);
  if (!omnibus) {
    const only = ['promoters', 'passives', 'detractors'][[0, 1, 2].find((j) => categoryCounts.some((row) => row[j] > 0))!];
    throw badInput(`Every answer is in one NPS category (all ${only}), so there is no difference between segments to test`, scoreName);
  }

  const pairs: Array<Omit<PairwiseComparison, 'pAdjusted' | 'significant' | 'npsTest'> & { nps: ReturnType<typeof compareNps> }> = [];
  for (let a = 0; a < names.length; a++) {
    for (let b = a + 1; b < names.length; b++) {
      const test = chiSquareIndependence([categoryCounts[a], categoryCounts[b]]);
      pairs.push({
        a: names[a],
        b: names[b],
        npsDifference: groups[a].nps - groups[b].nps,
        // Two segments with all answers in the same single category do not differ at all.
        chi2: test?.chi2 ?? 0,
        dof: test?.dof ?? 0,
        p: test?.p ?? 1,
        nps: compareNps(summaries[a], summaries[b]),
      });
    }
  }
  const adjust = correction === 'holm' ? holmAdjust : bonferroniAdjust;
  const adjusted = adjust(pairs.map((pair) => pair.p));
  const npsPs = pairs.map((pair) => pair.nps.p);
  const testable = npsPs.flatMap((p, i) => (p === null ? [] : [i]));
  const npsAdjusted = adjust(testable.map((i) => npsPs[i]!));
  const pairwise = pairs.map(({ nps, ...pair }, i): PairwiseComparison => {
    const position = testable.indexOf(i);
    return {
      ...pair,
      pAdjusted: adjusted[i],
      significant: adjusted[i] < alpha,
      npsTest: { se: nps.se ?? 0, z: nps.z, p: nps.p, pAdjusted: position === -1 ? null : npsAdjusted[position] },
    };
  });

  const warnings: SegmentWarning[] = [];
  const cells = omnibus.expected.flat();
  const smallCells = cells.filter((e) => e < 5).length;
  if (smallCells > 0.2 * cells.length) {
    warnings.push({
      code: 'small_expected_counts',
      message: `${smallCells} of ${cells.length} expected counts are below 5, so the chi-square p-value is only approximate; merge small segments`,
    });
  }
  const small = groups.filter((g) => g.n < 30).map((g) => `"${g.segment}" (${g.n})`);
  if (small.length > 0) {
    warnings.push({ code: 'small_segment', message: `Segments with fewer than 30 answers have wide NPS intervals: ${small.join(', ')}` });
  }
  return { chi2: omnibus.chi2, dof: omnibus.dof, p: omnibus.p, groups, pairwise, correction, alpha, excluded, warnings };
}
