/**
 * What the plan page shows of an effect (service.ts actionPlanEffect): the metric's headline
 * value before and after the start, the difference after − before with its 95 % interval, the
 * p-value of the metric's own test, and a verdict in plain words. Pure: plain data in, figures out.
 *
 * Intervals of the difference: NPS ± z·√(se_a² + se_b²) (the z-test's se); CSAT top-2-box and
 * Likert agree shares ± z·√(p_a(1−p_a)/n_a + p_b(1−p_b)/n_b) (unpooled Wald, the interval that
 * goes with the two-proportion test); CES and ratings ± t(0.975, Welch df)·√(se_a² + se_b²).
 */
import { studentTQuantile } from '../metrics/distributions.ts';
import { Z_95 } from '../metrics/scores.ts';
import type { Metric } from '../metrics/queries.ts';

/** Fewer answers than this on either side: the normal approximations behind the tests mean little. */
export const MIN_ANSWERS_PER_SIDE = 5;

export type EffectScale = 'points' | 'share' | 'mean';
export type EffectVerdict = 'notEnoughData' | 'notTestable' | 'up' | 'down' | 'noClearChange';

/** ci95: the side's own interval as the metrics domain gives it (Likert agree shares have none). */
export interface EffectSide { value: number | null; n: number; ci95: [number, number] | null; from: string; to: string }
export interface EffectFigures {
  metric: Metric;
  scale: EffectScale;
  windowDays: number;
  before: EffectSide;
  after: EffectSide;
  difference: number | null;
  ci95: [number, number] | null;
  p: number | null;
  verdict: EffectVerdict;
}

/** The effect as actionPlanEffect returns it (the fields read here). */
export interface EffectInput {
  metric: Metric;
  windowDays: number;
  /** A suppressed side (too few answers for a person-level view) has its figures as null. */
  before: Record<string, unknown> & { from: string; to: string };
  after: Record<string, unknown> & { from: string; to: string };
  test: Record<string, unknown> | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const headline = (metric: Metric, side: Record<string, unknown>) =>
  num(metric === 'nps' ? side.nps : metric === 'csat' ? side.topBoxShare : metric === 'likert' ? side.agree : side.mean);

export function effectFigures(effect: EffectInput): EffectFigures {
  const { metric } = effect;
  const scale: EffectScale = metric === 'nps' ? 'points' : metric === 'csat' || metric === 'likert' ? 'share' : 'mean';
  const side = (s: EffectInput['before']): EffectSide => ({
    value: headline(metric, s), n: num(s.n) ?? 0, from: s.from, to: s.to,
    ci95: Array.isArray(s.ci95) && num(s.ci95[0]) !== null && num(s.ci95[1]) !== null ? [s.ci95[0] as number, s.ci95[1] as number] : null,
  });
  const before = side(effect.before);
  const after = side(effect.after);
  const base = { metric, scale, windowDays: effect.windowDays, before, after };
  if (before.n < MIN_ANSWERS_PER_SIDE || after.n < MIN_ANSWERS_PER_SIDE || before.value === null || after.value === null) {
    return { ...base, difference: null, ci95: null, p: null, verdict: 'notEnoughData' };
  }
  const difference = after.value - before.value;
  const p = num(effect.test?.p);
  let half: number | null = null;
  if (scale === 'points') {
    const se = num(effect.test?.se);
    half = se === null ? null : Z_95 * se;
  } else if (scale === 'share') {
    const v = (after.value * (1 - after.value)) / after.n + (before.value * (1 - before.value)) / before.n;
    half = Z_95 * Math.sqrt(v);
  } else {
    const seA = num(effect.after.se); const seB = num(effect.before.se); const df = num(effect.test?.df);
    half = seA === null || seB === null || df === null ? null : studentTQuantile(0.975, df) * Math.sqrt(seA * seA + seB * seB);
  }
  const ci95: [number, number] | null = half === null ? null : [difference - half, difference + half];
  const verdict: EffectVerdict = p === null ? 'notTestable' : p >= 0.05 ? 'noClearChange' : difference > 0 ? 'up' : 'down';
  return { ...base, difference, ci95, p, verdict };
}
