/**
 * Aggregations over analysed open answers: topic × sentiment matrix, topic trend by period,
 * topics as NPS drivers and emerging themes per period. Pure functions over plain data (the
 * service feeds them from the database); every count is per open answer, and the NPS score of
 * an answer is the score of the NPS question it explains (its `<key>_why` pair) in the same
 * response.
 *
 * Small groups: with `minGroupSize` set (person-level views), any group of answers smaller than
 * it is reported with null figures and `suppressed: true`, as the metrics do.
 */
import { compareProportions } from '../metrics/compare.ts';
import { npsFromHistogram, type ScoreHistogram } from '../metrics/scores.ts';
import type { SentimentLabel } from './sentiment.ts';
import { emergingThemes, type Theme, type ThemeInput } from './themes.ts';
import type { Taxonomy } from './topics.ts';

export interface AnalysedAnswer {
  /** Stable id of the answer (e.g. response id), used for theme examples. */
  id: string;
  sentiment: SentimentLabel;
  topics: readonly string[];
  /** The NPS score (0–10) this answer explains, or null when the response has none. */
  npsScore: number | null;
  /** Period key (e.g. "2026-03-01"); needed by the trend and themes. */
  period?: string;
}

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const satisfies readonly SentimentLabel[];

/** Share x/n, null for an empty group so JSON never carries NaN. */
const share = (x: number, n: number): number | null => (n === 0 ? null : x / n);

/** True when a group of n answers must be hidden in a person-level view. */
const hidden = (n: number, minGroupSize: number | undefined) => minGroupSize !== undefined && n < minGroupSize;

export interface SentimentCounts {
  positive: number;
  neutral: number;
  negative: number;
}

export interface MatrixRow {
  topic: string;
  /** Answers mentioning the topic. */
  mentions: number | null;
  /** mentions / all answers. */
  mentionShare: number | null;
  counts: SentimentCounts | null;
  /** Shares of the topic's mentions; they add up to one. */
  shares: { positive: number | null; neutral: number | null; negative: number | null } | null;
  /** Share positive − share negative, −1…1. */
  netSentiment: number | null;
  suppressed: boolean;
}

export interface TopicSentimentMatrix {
  answers: number | null;
  /** Answers that mention no topic (what emerging themes are made from). */
  withoutTopic: number | null;
  overall: SentimentCounts | null;
  rows: MatrixRow[];
}

function sentimentRow(topic: string, group: AnalysedAnswer[], total: number, minGroupSize?: number): MatrixRow {
  const n = group.length;
  if (hidden(n, minGroupSize)) {
    return { topic, mentions: null, mentionShare: null, counts: null, shares: null, netSentiment: null, suppressed: true };
  }
  const counts: SentimentCounts = { positive: 0, neutral: 0, negative: 0 };
  for (const a of group) counts[a.sentiment]++;
  return {
    topic,
    mentions: n,
    mentionShare: share(n, total),
    counts,
    shares: { positive: share(counts.positive, n), neutral: share(counts.neutral, n), negative: share(counts.negative, n) },
    netSentiment: n === 0 ? null : (counts.positive - counts.negative) / n,
    suppressed: false,
  };
}

/** Rows in the order of `topicIds` (the taxonomy's); topics nobody mentioned have zero rows. */
export function topicSentimentMatrix(answers: readonly AnalysedAnswer[], topicIds: readonly string[], minGroupSize?: number): TopicSentimentMatrix {
  const total = answers.length;
  const byTopic = groupByTopic(answers, topicIds);
  const overallRow = sentimentRow('', [...answers], total, minGroupSize);
  const withoutTopic = answers.filter((a) => a.topics.length === 0).length;
  return {
    answers: hidden(total, minGroupSize) ? null : total,
    withoutTopic: hidden(total, minGroupSize) ? null : withoutTopic,
    overall: overallRow.counts,
    rows: topicIds.map((id) => sentimentRow(id, byTopic.get(id) ?? [], total, minGroupSize)),
  };
}

function groupByTopic(answers: readonly AnalysedAnswer[], topicIds: readonly string[]): Map<string, AnalysedAnswer[]> {
  const known = new Set(topicIds);
  const byTopic = new Map<string, AnalysedAnswer[]>(topicIds.map((id) => [id, []]));
  for (const a of answers) for (const t of a.topics) if (known.has(t)) byTopic.get(t)?.push(a);
  return byTopic;
}

export interface TrendCell {
  topic: string;
  mentions: number | null;
  /** mentions / answers of the period. */
  share: number | null;
  /** Share of the mentions that are negative. */
  negativeShare: number | null;
  suppressed: boolean;
}

export interface TrendPeriod {
  period: string;
  answers: number | null;
  topics: TrendCell[];
  suppressed: boolean;
}

/** Mentions of each topic per period, oldest period first. Answers without a period are left out. */
export function topicTrend(answers: readonly AnalysedAnswer[], topicIds: readonly string[], minGroupSize?: number): TrendPeriod[] {
  const byPeriod = new Map<string, AnalysedAnswer[]>();
  for (const a of answers) {
    if (a.period === undefined) continue;
    let list = byPeriod.get(a.period);
    if (!list) byPeriod.set(a.period, (list = []));
    list.push(a);
  }
  return [...byPeriod.keys()].sort().map((period) => {
    const group = byPeriod.get(period) as AnalysedAnswer[];
    const n = group.length;
    if (hidden(n, minGroupSize)) {
      return { period, answers: null, suppressed: true, topics: topicIds.map((topic) => ({ topic, mentions: null, share: null, negativeShare: null, suppressed: true })) };
    }
    const byTopic = groupByTopic(group, topicIds);
    return {
      period,
      answers: n,
      suppressed: false,
      topics: topicIds.map((topic): TrendCell => {
        const mentioning = byTopic.get(topic) ?? [];
        const m = mentioning.length;
        if (hidden(m, minGroupSize)) return { topic, mentions: null, share: null, negativeShare: null, suppressed: true };
        return { topic, mentions: m, share: share(m, n), negativeShare: share(mentioning.filter((a) => a.sentiment === 'negative').length, m), suppressed: false };
      }),
    };
  });
}

export interface NpsDriverRow {
  topic: string;
  /** Detractors (0–6) and promoters (9–10) with an open answer, and how many of them mention the topic. */
  detractors: number | null;
  detractorMentions: number | null;
  promoters: number | null;
  promoterMentions: number | null;
  /** detractorMentions / detractors and promoterMentions / promoters. */
  detractorShare: number | null;
  promoterShare: number | null;
  /** detractorShare − promoterShare: positive = a pain point, negative = a delighter. */
  difference: number | null;
  /** Two-proportion z-test (pooled) of detractorShare vs promoterShare. */
  z: number | null;
  p: number | null;
  /** NPS of the answers mentioning the topic and of those not mentioning it, and their difference. */
  mentioning: { n: number; nps: number | null } | null;
  notMentioning: { n: number; nps: number | null } | null;
  npsImpact: number | null;
  suppressed: boolean;
}

export interface NpsDrivers {
  /** Answers with an NPS score (the base of the table). */
  scored: number;
  detractors: number;
  promoters: number;
  rows: NpsDriverRow[];
}

function npsOf(scores: number[]): number | null {
  const counts = new Array<number>(11).fill(0);
  for (const s of scores) counts[s]++;
  return npsFromHistogram({ counts, dontKnow: 0 } satisfies ScoreHistogram).nps;
}

const isScore = (s: number | null): s is number => s !== null && Number.isInteger(s) && s >= 0 && s <= 10;

/**
 * Topics as drivers of NPS: which topics detractors mention more than promoters (seed 003's
 * question, "what turns a detractor into a promoter"), with the NPS of answers mentioning vs
 * not mentioning each topic. Rows sorted by difference, biggest pain point first.
 */
export function topicNpsDrivers(answers: readonly AnalysedAnswer[], topicIds: readonly string[], minGroupSize?: number): NpsDrivers {
  const scored = answers.filter((a) => isScore(a.npsScore));
  const detractors = scored.filter((a) => (a.npsScore as number) <= 6);
  const promoters = scored.filter((a) => (a.npsScore as number) >= 9);
  const rows = topicIds.map((topic): NpsDriverRow => {
    const mentions = (a: AnalysedAnswer) => a.topics.includes(topic);
    const xd = detractors.filter(mentions).length;
    const xp = promoters.filter(mentions).length;
    const mentioning = scored.filter(mentions).map((a) => a.npsScore as number);
    const notMentioning = scored.filter((a) => !mentions(a)).map((a) => a.npsScore as number);
    const groups = [detractors.length, promoters.length, mentioning.length, notMentioning.length];
    if (groups.some((n) => hidden(n, minGroupSize))) {
      return {
        topic, detractors: null, detractorMentions: null, promoters: null, promoterMentions: null, detractorShare: null, promoterShare: null,
        difference: null, z: null, p: null, mentioning: null, notMentioning: null, npsImpact: null, suppressed: true,
      };
    }
    const test = compareProportions(xd, detractors.length, xp, promoters.length);
    const npsMentioning = npsOf(mentioning);
    const npsNotMentioning = npsOf(notMentioning);
    return {
      topic,
      detractors: detractors.length,
      detractorMentions: xd,
      promoters: promoters.length,
      promoterMentions: xp,
      detractorShare: share(xd, detractors.length),
      promoterShare: share(xp, promoters.length),
      difference: test.difference,
      z: test.z,
      p: test.p,
      mentioning: { n: mentioning.length, nps: npsMentioning },
      notMentioning: { n: notMentioning.length, nps: npsNotMentioning },
      npsImpact: npsMentioning === null || npsNotMentioning === null ? null : npsMentioning - npsNotMentioning,
      suppressed: false,
    };
  });
  rows.sort((a, b) => (b.difference ?? -Infinity) - (a.difference ?? -Infinity) || topicIds.indexOf(a.topic) - topicIds.indexOf(b.topic));
  return { scored: scored.length, detractors: detractors.length, promoters: promoters.length, rows };
}

export interface ThemePeriod {
  period: string;
  answers: number | null;
  themes: Theme[];
  suppressed: boolean;
}

export interface ThemeText extends ThemeInput {
  id: string;
  period?: string;
}

/**
 * Emerging themes (phrases no topic covers) per period, oldest first. In a person-level view a
 * theme must be written by at least minGroupSize people, so no one's words stand alone.
 */
export function themesByPeriod(
  texts: readonly ThemeText[],
  options: { minCount?: number; limit?: number; minGroupSize?: number; taxonomy?: Taxonomy } = {},
): ThemePeriod[] {
  const byPeriod = new Map<string, ThemeText[]>();
  for (const t of texts) {
    if (t.period === undefined) continue;
    let list = byPeriod.get(t.period);
    if (!list) byPeriod.set(t.period, (list = []));
    list.push(t);
  }
  const minCount = Math.max(options.minCount ?? 3, options.minGroupSize ?? 0);
  return [...byPeriod.keys()].sort().map((period) => {
    const group = byPeriod.get(period) as ThemeText[];
    if (hidden(group.length, options.minGroupSize)) return { period, answers: null, themes: [], suppressed: true };
    return { period, answers: group.length, themes: emergingThemes(group, { minCount, limit: options.limit, taxonomy: options.taxonomy }), suppressed: false };
  });
}
