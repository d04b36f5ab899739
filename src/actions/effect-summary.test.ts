import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectFigures } from './effect-summary.ts';

const close = (actual: number | null | undefined, expected: number, what: string) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-6, `${what}: ${actual} ≠ ${expected}`);
const window = (from: string, to: string) => ({ from, to });

test('CSAT: the change in the satisfied share with an unpooled Wald interval', () => {
  // Before 4/10 satisfied, after 8/10: change 0.4; se = √(0.8·0.2/10 + 0.4·0.6/10) = √0.04 = 0.2;
  // 95 % interval 0.4 ± 1.959964·0.2 = 0.008007 … 0.791993.
  const f = effectFigures({
    metric: 'csat', windowDays: 30,
    before: { ...window('2026-03-02', '2026-04-01'), n: 10, topBoxShare: 0.4, ci95: [0.17, 0.69] },
    after: { ...window('2026-04-01', '2026-05-01'), n: 10, topBoxShare: 0.8, ci95: [0.49, 0.94] },
    test: { p: 0.0679 },
  });
  assert.equal(f.scale, 'share');
  close(f.difference, 0.4, 'difference');
  close(f.ci95?.[0], 0.008007, 'low');
  close(f.ci95?.[1], 0.791993, 'high');
  assert.deepEqual([f.p, f.verdict, f.before.ci95], [0.0679, 'noClearChange', [0.17, 0.69]]);
});

test('CES: the change in means with a Welch t interval', () => {
  // Means 3 → 5, se 0.5 each, Welch df 6: half-width t(0.975, 6)·√(0.25 + 0.25) = 2.446912·0.707107 = 1.730228.
  const f = effectFigures({
    metric: 'ces', windowDays: 90,
    before: { ...window('a', 'b'), n: 5, mean: 3, se: 0.5 }, after: { ...window('b', 'c'), n: 5, mean: 5, se: 0.5 },
    test: { p: 0.03, df: 6 },
  });
  close(f.difference, 2, 'difference');
  close(f.ci95?.[0], 2 - 1.730228, 'low');
  close(f.ci95?.[1], 2 + 1.730228, 'high');
  assert.equal(f.verdict, 'up');
});

test('fewer than five answers on a side, or a suppressed side, is not enough data', () => {
  const few = effectFigures({ metric: 'nps', windowDays: 10, before: { ...window('a', 'b'), n: 4, nps: 50 }, after: { ...window('b', 'c'), n: 40, nps: 10 }, test: { p: 0.2, se: 10 } });
  assert.deepEqual([few.verdict, few.difference, few.ci95, few.p], ['notEnoughData', null, null, null]);
  const hidden = effectFigures({ metric: 'nps', windowDays: 10, before: { ...window('a', 'b'), n: null, nps: null, suppressed: true }, after: { ...window('b', 'c'), n: null, nps: null }, test: null });
  assert.deepEqual([hidden.verdict, hidden.before.n], ['notEnoughData', 0]);
  const down = effectFigures({ metric: 'nps', windowDays: 10, before: { ...window('a', 'b'), n: 50, nps: 30 }, after: { ...window('b', 'c'), n: 50, nps: 0 }, test: { p: 0.01, se: 12 } });
  assert.equal(down.verdict, 'down');
  close(down.ci95?.[0], -30 - 1.959963984540054 * 12, 'NPS low');
});
