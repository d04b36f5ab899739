import { test } from 'node:test';
import assert from 'node:assert/strict';
import { themesByPeriod, topicNpsDrivers, topicSentimentMatrix, topicTrend, type AnalysedAnswer } from './insights.ts';

const TOPICS = ['wait_time', 'staff', 'billing'];
const close = (actual: number | null, expected: number, tolerance = 1e-6) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < tolerance, `expected ${expected}, got ${actual}`);

// Ten answers labelled by hand: score, sentiment, topics, month.
const answers: AnalysedAnswer[] = [
  { id: 'd1', npsScore: 0, sentiment: 'negative', topics: ['wait_time'], period: '2026-03-01' },
  { id: 'd2', npsScore: 3, sentiment: 'negative', topics: ['wait_time', 'billing'], period: '2026-03-01' },
  { id: 'd3', npsScore: 6, sentiment: 'negative', topics: ['staff'], period: '2026-04-01' },
  { id: 'd4', npsScore: 5, sentiment: 'neutral', topics: [], period: '2026-04-01' },
  { id: 'p1', npsScore: 7, sentiment: 'neutral', topics: ['wait_time'], period: '2026-03-01' },
  { id: 'p2', npsScore: 8, sentiment: 'positive', topics: ['staff'], period: '2026-04-01' },
  { id: 'r1', npsScore: 10, sentiment: 'positive', topics: ['staff'], period: '2026-03-01' },
  { id: 'r2', npsScore: 9, sentiment: 'positive', topics: ['staff', 'billing'], period: '2026-04-01' },
  { id: 'r3', npsScore: 9, sentiment: 'positive', topics: [], period: '2026-04-01' },
  { id: 'x1', npsScore: null, sentiment: 'negative', topics: ['billing'], period: '2026-04-01' },
];

test('the topic × sentiment matrix counts each answer once per topic it mentions', () => {
  const m = topicSentimentMatrix(answers, TOPICS);
  assert.equal(m.answers, 10);
  assert.equal(m.withoutTopic, 2);
  assert.deepEqual(m.overall, { positive: 4, neutral: 2, negative: 4 });
  const byTopic = Object.fromEntries(m.rows.map((r) => [r.topic, r]));
  assert.deepEqual(byTopic.wait_time.counts, { positive: 0, neutral: 1, negative: 2 });
  assert.deepEqual(byTopic.staff.counts, { positive: 3, neutral: 0, negative: 1 });
  assert.deepEqual(byTopic.billing.counts, { positive: 1, neutral: 0, negative: 2 });
  assert.equal(byTopic.staff.mentionShare, 0.4);
  assert.deepEqual(byTopic.staff.shares, { positive: 0.75, neutral: 0, negative: 0.25 });
  assert.equal(byTopic.staff.netSentiment, 0.5);
  assert.deepEqual(m.rows.map((r) => r.topic), TOPICS, 'taxonomy order');
});

test('NPS drivers: detractor vs promoter mention shares, the pooled z-test and the NPS of mentioning vs not', () => {
  const d = topicNpsDrivers(answers, TOPICS);
  // Scored: 9 answers (x1 has no score); detractors d1–d4 (4), promoters r1–r3 (3).
  assert.equal(d.scored, 9);
  assert.equal(d.detractors, 4);
  assert.equal(d.promoters, 3);
  const byTopic = Object.fromEntries(d.rows.map((r) => [r.topic, r]));
  // wait_time: 2/4 detractors vs 0/3 promoters; pooled 2/7; se = √(2/7 · 5/7 · (1/4 + 1/3)) = 0.345033…;
  // z = 0.5 / 0.345033 = 1.449138, p = 2·(1 − Φ(1.449138)) = 0.147299 (Python: math.erfc(1.449138/√2)).
  const wait = byTopic.wait_time;
  assert.equal(wait.detractorMentions, 2);
  assert.equal(wait.promoterMentions, 0);
  assert.equal(wait.detractorShare, 0.5);
  assert.equal(wait.promoterShare, 0);
  assert.equal(wait.difference, 0.5);
  close(wait.z, 1.449138);
  close(wait.p, 0.147299);
  // Mentioning wait_time: 0, 3, 7 → P 0, D 2/3 → NPS −66.67; not mentioning: 6, 5, 8, 10, 9, 9 → P 3/6, D 2/6 → 16.67.
  close(wait.mentioning?.nps ?? null, -200 / 3);
  assert.equal(wait.mentioning?.n, 3);
  close(wait.notMentioning?.nps ?? null, 100 / 6);
  close(wait.npsImpact, -200 / 3 - 100 / 6);
  // staff: 1/4 detractors vs 2/3 promoters, difference −5/12: the biggest delighter, sorted last.
  close(byTopic.staff.difference, 0.25 - 2 / 3);
  assert.deepEqual(d.rows.map((r) => r.topic), ['wait_time', 'billing', 'staff']);
});

test('the trend counts mentions per period, oldest first', () => {
  const trend = topicTrend(answers, TOPICS);
  assert.deepEqual(trend.map((p) => [p.period, p.answers]), [['2026-03-01', 4], ['2026-04-01', 6]]);
  const april = Object.fromEntries(trend[1].topics.map((c) => [c.topic, c]));
  assert.equal(april.staff.mentions, 3);
  assert.equal(april.staff.share, 0.5);
  assert.equal(april.staff.negativeShare, 1 / 3);
  assert.equal(april.wait_time.mentions, 0);
  assert.equal(april.wait_time.negativeShare, null);
});

test('person-level views hide every group smaller than the minimum group size', () => {
  const m = topicSentimentMatrix(answers, TOPICS, 4);
  const byTopic = Object.fromEntries(m.rows.map((r) => [r.topic, r]));
  assert.equal(byTopic.staff.suppressed, false);
  assert.equal(byTopic.staff.mentions, 4);
  assert.equal(byTopic.wait_time.suppressed, true);
  assert.equal(byTopic.wait_time.counts, null);
  // Promoters are 3 < 4: no driver row can be shown.
  assert.ok(topicNpsDrivers(answers, TOPICS, 4).rows.every((r) => r.suppressed && r.p === null));
  const trend = topicTrend(answers, TOPICS, 5);
  assert.equal(trend[0].suppressed, true);
  assert.equal(trend[0].answers, null);
  assert.equal(trend[1].suppressed, false);
  assert.equal(trend[1].topics.find((c) => c.topic === 'staff')?.mentions, null);
  const all = topicSentimentMatrix(answers, TOPICS, 11);
  assert.equal(all.answers, null);
  assert.equal(all.overall, null);
});

test('emerging themes are found per period; in person-level views a theme needs minGroupSize writers', () => {
  const texts = [
    ...['Sauna oli kylmä.', 'Sauna oli kiinni.', 'Saunan ovi jumissa.'].map((text, i) => ({ id: `m${i}`, text, language: 'fi', period: '2026-03-01' })),
    ...['Parking garage full.', 'Parking garage closed.', 'The parking garage again.', 'Nice.'].map((text, i) => ({ id: `a${i}`, text, language: 'en', period: '2026-04-01' })),
  ];
  const periods = themesByPeriod(texts, { minCount: 3 });
  assert.deepEqual(periods.map((p) => [p.period, p.answers, p.themes.map((t) => t.phrase)]), [
    ['2026-03-01', 3, ['sauna']],
    ['2026-04-01', 4, ['parking garage']],
  ]);
  const personLevel = themesByPeriod(texts, { minCount: 3, minGroupSize: 4 });
  assert.deepEqual(personLevel.map((p) => [p.suppressed, p.themes.length]), [[true, 0], [false, 0]]);
});
