import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { KaikuError } from '../errors.ts';
import { numericColumn, readPublishedExample } from '../linalg/published-examples.ts';
import { createRandom } from '../linalg/random.ts';
import { auc, decileTable, brierScore } from './evaluation.ts';
import { encodeColumns, type FeatureColumn } from './features.ts';
import { analyseChurn, scoreContacts, splitTrainHoldout, topReasons, trainChurnModel } from './model.ts';
import { syntheticContacts } from './synthetic.ts';

const close = (actual: number, expected: number, tolerance: number, what = '') =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what} ${actual} differs from ${expected} by more than ${tolerance}`);

test('AUC matches hand-counted pairs, ties counting one half', () => {
  // Pairs (churner, stayer): (0.35, 0.1) ✓, (0.35, 0.4) ✗, (0.8, 0.1) ✓, (0.8, 0.4) ✓ → 3/4.
  assert.equal(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), 0.75);
  // Churners 0.5, 0.9; stayers 0.5, 0.2: ½ + 1 + 1 + 1 = 3.5 of 4 pairs.
  assert.equal(auc([0.5, 0.5, 0.2, 0.9], [1, 0, 0, 1]), 0.875);
  assert.equal(auc([0.3, 0.3, 0.3], [1, 0, 1]), 0.5);
  assert.equal(auc([0.1, 0.2], [1, 1]), null);
});

test('property: AUC equals the share of churner–stayer pairs ranked correctly', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 2, maxLength: 40 }), (rows) => {
      const risk = rows.map(([r]) => r / 5);
      const churned = rows.map(([, c]) => (c ? 1 : 0));
      let wins = 0;
      let pairs = 0;
      rows.forEach((_, i) => rows.forEach((__, j) => {
        if (churned[i] === 1 && churned[j] === 0) {
          pairs++;
          wins += risk[i] > risk[j] ? 1 : risk[i] === risk[j] ? 0.5 : 0;
        }
      }));
      const area = auc(risk, churned);
      if (pairs === 0) assert.equal(area, null);
      else close(area!, wins / pairs, 1e-12);
    }),
    { numRuns: 300 },
  );
});

test('deciles give lift, capture and calibration worked by hand', () => {
  // 20 contacts, risks 0.95, 0.90, …, 0.00; churned: the top 4 and the 10th.
  const risk = Array.from({ length: 20 }, (_, i) => (19 - i) * 0.05);
  const churned = risk.map((_, i) => (i < 4 || i === 9 ? 1 : 0));
  const deciles = decileTable(risk, churned);
  assert.equal(deciles.length, 10);
  assert.deepEqual(deciles.map((d) => d.n), new Array(10).fill(2));
  assert.deepEqual(deciles.map((d) => d.churners), [2, 2, 0, 0, 1, 0, 0, 0, 0, 0]);
  // Overall rate 5/20 = 0.25; decile 1 rate 1.0 → lift 4; after two deciles 4 of 5 churners found.
  assert.equal(deciles[0].lift, 4);
  assert.equal(deciles[1].cumulativeCapture, 0.8);
  assert.equal(deciles[1].cumulativeLift, 4);
  close(deciles[0].meanPredicted, 0.925, 1e-12);
  close(deciles[9].meanPredicted, 0.025, 1e-12);
  assert.equal(deciles[9].cumulativeCapture, 1);
  close(brierScore([0.8, 0.3], [1, 0]), (0.04 + 0.09) / 2, 1e-15);
});

test('with no penalty the model reproduces R glm(vs ~ wt + disp, binomial) on the raw scale', () => {
  const mtcars = readPublishedExample('mtcars.csv');
  const features: FeatureColumn[] = [
    { name: 'wt', kind: 'numeric', values: numericColumn(mtcars, 'wt') },
    { name: 'disp', kind: 'numeric', values: numericColumn(mtcars, 'disp') },
  ];
  const model = trainChurnModel(features, numericColumn(mtcars, 'vs'), { l2: 0 });
  const [wt, disp] = model.features;
  assert.ok(wt.kind === 'numeric' && disp.kind === 'numeric');
  const slopeWt = model.coefficients[0] / wt.sd;
  const slopeDisp = model.coefficients[1] / disp.sd;
  close(slopeWt, 1.62635, 5e-6, 'wt');
  close(slopeDisp, -0.03443, 5e-6, 'disp');
  close(model.intercept - slopeWt * wt.mean - slopeDisp * disp.mean, 1.60859, 5e-6, 'intercept');
  const risk = scoreContacts(model, features);
  // Mazda RX4: wt 2.62, disp 160 → plogis(1.60859 + 1.62635·2.62 − 0.03443·160).
  close(risk[0], 1 / (1 + Math.exp(-(1.60859 + 1.62635 * 2.62 - 0.03443 * 160))), 2e-4, 'risk');
  // A reason is the coefficient times the standardised value: slope × (x − mean) on raw scale.
  const [reasons] = topReasons(model, features, Uint32Array.from([14]), 2); // Cadillac Fleetwood, wt 5.25, disp 472
  const byFeature = Object.fromEntries(reasons.map((r) => [r.feature, r.contribution]));
  close(byFeature.wt, slopeWt * (5.25 - wt.mean), 1e-9);
  assert.equal(byFeature.disp, undefined); // disp lowers the odds of vs here, so it is no reason
});

test('a large synthetic population recovers the true churn model and ranks like the true risk', () => {
  const data = syntheticContacts(200_000, 42);
  const analysis = analyseChurn(data.features, data.churned, { random: createRandom(1), l2: 1 });
  const { model } = analysis;
  const slope = (name: string) => {
    const k = model.labels.indexOf(name);
    const encoding = model.features.find((f) => f.feature === name)!;
    return model.coefficients[k] / (encoding.kind === 'numeric' ? encoding.sd : 1);
  };
  close(slope('nps'), -0.35, 0.03, 'nps');
  close(slope('complaints'), 0.45, 0.04, 'complaints');
  close(slope('tenure_months'), -0.02, 0.002, 'tenure');
  close(slope('csat'), 0, 0.05, 'csat has no true effect');
  // plan is one-hot against its most frequent level, basic.
  const plan = model.features.find((f) => f.feature === 'plan')!;
  assert.ok(plan.kind === 'categorical');
  assert.equal(plan.reference, 'basic');
  assert.deepEqual(plan.levels, ['standard', 'premium']);
  const holdoutTrueAuc = (() => {
    const split = splitTrainHoldout(200_000, createRandom(1), 0.2);
    return auc(Array.from(split.holdout, (i) => data.trueRisk[i]), Array.from(split.holdout, (i) => data.churned[i]))!;
  })();
  close(analysis.holdout.auc!, holdoutTrueAuc, 0.01, 'holdout AUC vs the true risk\'s AUC');
  for (const decile of analysis.holdout.deciles) close(decile.meanPredicted, decile.churnRate, 0.03, `calibration in decile ${decile.decile}`);
  assert.ok(analysis.holdout.deciles[0].lift > 2.5);
  assert.deepEqual(analysis.warnings, []);
});

test('missing values get an indicator, unseen and missing categories score sensibly', () => {
  const data = syntheticContacts(20_000, 3, { missingShare: 0.1 });
  const model = trainChurnModel(data.features, data.churned);
  assert.ok(model.labels.includes('ces (missing)'));
  assert.ok(model.labels.includes('plan=(missing)'));
  const one = (plan: string, ces: number): FeatureColumn[] =>
    data.features.map((f) => (f.name === 'plan' ? { ...f, kind: 'categorical', values: [plan] } : f.name === 'ces' ? { ...f, kind: 'numeric', values: [ces] } : f.kind === 'numeric' ? { ...f, values: [f.values[0]] } : f));
  const unseen = scoreContacts(model, one('platinum', 5))[0];
  const reference = scoreContacts(model, one('basic', 5))[0];
  assert.equal(unseen, reference);
  const risks = scoreContacts(model, data.features);
  for (const r of risks) assert.ok(r > 0 && r < 1);
});

test('the train/holdout split is seeded and disjoint', () => {
  const a = splitTrainHoldout(1000, createRandom(5), 0.25);
  const b = splitTrainHoldout(1000, createRandom(5), 0.25);
  assert.deepEqual(a, b);
  assert.equal(a.holdout.length, 250);
  assert.equal(new Set([...a.train, ...a.holdout]).size, 1000);
  assert.notDeepEqual(splitTrainHoldout(1000, createRandom(6), 0.25).holdout, a.holdout);
});

test('degenerate training data gives clear errors', () => {
  const varying = { name: 'tenure', kind: 'numeric' as const, values: Float64Array.from([1, 2, 3, 4]) };
  const flat = { name: 'region', kind: 'categorical' as const, values: ['north', 'north', 'north', 'north'] };
  assert.throws(() => trainChurnModel([varying, flat], [0, 1, 0, 1]), (e: unknown) => e instanceof KaikuError && /"region" has the same value \("north"\)/.test(e.message));
  assert.throws(() => trainChurnModel([varying], [1, 1, 1, 1]), /Every contact in the training data churned/);
  assert.throws(() => trainChurnModel([varying], [0, 0, 0, 0]), /No contact .* churned/);
  assert.throws(() => trainChurnModel([varying], [0, 2, 0, 1]), /must be 0 or 1; contact 2 has 2/);
  const ids = { name: 'customer', kind: 'categorical' as const, values: Array.from({ length: 200 }, (_, i) => `c${i}`) };
  assert.throws(() => trainChurnModel([ids], Array.from({ length: 200 }, (_, i) => i % 2)), /looks like an identifier/);
});

test('property: fast scoring on raw values equals the logistic of the standardised linear predictor', () => {
  const data = syntheticContacts(3000, 17, { missingShare: 0.1 });
  const model = trainChurnModel(data.features, data.churned, { l2: 0.5 });
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 2999 }), { minLength: 1, maxLength: 50 }), (picked) => {
      const rows = Uint32Array.from(picked);
      const subset = data.features.map((f): FeatureColumn =>
        f.kind === 'numeric' ? { ...f, values: Float64Array.from(rows, (i) => f.values[i]) } : { ...f, values: Array.from(rows, (i) => f.values[i]) });
      const fast = scoreContacts(model, subset);
      const columns = encodeColumns(model.features, data.features, rows);
      rows.forEach((_, r) => {
        const eta = model.intercept + model.coefficients.reduce((s, b, k) => s + b * columns[k][r], 0);
        close(fast[r], 1 / (1 + Math.exp(-eta)), 1e-12);
      });
    }),
    { numRuns: 50 },
  );
});
