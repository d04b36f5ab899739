import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chiSquareCdf,
  chiSquareSurvival,
  logGamma,
  normalCdf,
  normalQuantile,
  regularizedGammaP,
  regularizedGammaQ,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTQuantile,
  twoSidedNormalP,
  twoSidedTP,
} from './distributions.ts';

/** Asserts |actual − expected| ≤ tolerance, naming both in the failure message. */
function close(actual: number, expected: number, tolerance: number, label = ''): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${label} expected ${expected} ± ${tolerance}, got ${actual}`);
}

/** Relative closeness, for tail probabilities spanning many orders of magnitude. */
function relativelyClose(actual: number, expected: number, relative: number, label = ''): void {
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${label} expected ${expected} (rel ${relative}), got ${actual}`);
}

// Reference values below are R 4.x output (qnorm, pnorm, qt, pt, pchisq, lgamma) or exact
// closed forms worked out by hand; none comes from the code under test.

test('normalQuantile matches R qnorm to 1e-9 across the range', () => {
  close(normalQuantile(0.975), 1.959963984540054, 1e-12, 'qnorm(0.975)');
  close(normalQuantile(0.995), 2.575829303548901, 1e-12, 'qnorm(0.995)');
  close(normalQuantile(0.95), 1.644853626951472, 1e-12, 'qnorm(0.95)');
  close(normalQuantile(0.025), -1.959963984540054, 1e-12, 'qnorm(0.025)');
  close(normalQuantile(0.3), -0.5244005127080407, 1e-12, 'qnorm(0.3)');
  close(normalQuantile(1e-10), -6.361340902404056, 1e-9, 'qnorm(1e-10)');
  assert.equal(normalQuantile(0.5), 0);
  assert.equal(normalQuantile(0), -Infinity);
  assert.equal(normalQuantile(1), Infinity);
  assert.ok(Number.isNaN(normalQuantile(1.5)));
});

test('normalCdf matches R pnorm, including the far tail relatively', () => {
  close(normalCdf(1.96), 0.9750021048517795, 1e-14, 'pnorm(1.96)');
  close(normalCdf(0), 0.5, 0, 'pnorm(0)');
  relativelyClose(normalCdf(-3), 0.001349898031630095, 1e-12, 'pnorm(-3)');
  relativelyClose(normalCdf(-10), 7.619853024160527e-24, 1e-9, 'pnorm(-10)');
  close(normalCdf(normalQuantile(0.123)), 0.123, 1e-15, 'round trip');
});

test('twoSidedNormalP: z = 1.959964 gives p = 0.05 and z = 0 gives 1', () => {
  close(twoSidedNormalP(1.959963984540054), 0.05, 1e-12);
  close(twoSidedNormalP(-1.959963984540054), 0.05, 1e-12);
  assert.equal(twoSidedNormalP(0), 1);
});

test('logGamma matches log-factorials and ln √π', () => {
  close(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14, 'lgamma(0.5)');
  close(logGamma(1), 0, 1e-14, 'lgamma(1)');
  close(logGamma(2), 0, 1e-14, 'lgamma(2)');
  close(logGamma(10), Math.log(362880), 1e-12, 'lgamma(10) = ln 9!');
  close(logGamma(100), 359.1342053695754, 1e-10, 'lgamma(100)');
  // Γ(1.5) = √π / 2
  close(logGamma(1.5), Math.log(Math.sqrt(Math.PI) / 2), 1e-14, 'lgamma(1.5)');
  // Γ(0.1) = 9.513507698668732 (R gamma(0.1))
  close(logGamma(0.1), Math.log(9.513507698668732), 1e-13, 'lgamma(0.1)');
});

test('regularizedIncompleteBeta matches binomial-sum closed forms', () => {
  // I_x(a, b) with integer a, b = P(Bin(a+b−1, x) ≥ a). I_0.5(2, 3): Σ_{j=2..4} C(4,j)/16 = (6+4+1)/16.
  close(regularizedIncompleteBeta(0.5, 2, 3), 11 / 16, 1e-14);
  // I_0.3(1, 1) = 0.3 (uniform); I_x(a, 1) = x^a → I_0.4(3, 1) = 0.064.
  close(regularizedIncompleteBeta(0.3, 1, 1), 0.3, 1e-14);
  close(regularizedIncompleteBeta(0.4, 3, 1), 0.064, 1e-14);
  // I_0.9(2, 2) = 3x² − 2x³ = 2.43 − 1.458 = 0.972 (takes the symmetric branch).
  close(regularizedIncompleteBeta(0.9, 2, 2), 0.972, 1e-14);
  assert.equal(regularizedIncompleteBeta(0, 2, 3), 0);
  assert.equal(regularizedIncompleteBeta(1, 2, 3), 1);
});

test('regularizedGammaP and Q match exponential closed forms', () => {
  close(regularizedGammaP(1, 1), 1 - Math.exp(-1), 1e-14);
  // P(2, x) = 1 − e^{−x}(1 + x): at x = 3, Q = 4e^{−3}.
  close(regularizedGammaQ(2, 3), 4 * Math.exp(-3), 1e-14);
  close(regularizedGammaP(2, 3), 1 - 4 * Math.exp(-3), 1e-14);
  // Series branch (x < a + 1): Q(3, 1) = e^{−1}(1 + 1 + 1/2) = 2.5/e.
  close(regularizedGammaQ(3, 1), 2.5 * Math.exp(-1), 1e-14);
  assert.equal(regularizedGammaP(2, 0), 0);
  assert.equal(regularizedGammaQ(2, 0), 1);
});

test('studentTQuantile matches R qt and t tables', () => {
  close(studentTQuantile(0.975, 9), 2.262157, 1e-6, 'qt(0.975, 9)');
  close(studentTQuantile(0.975, 1), 12.7062047, 1e-6, 'qt(0.975, 1)');
  // df = 2 has the closed form t = (2p − 1)/√(2p(1 − p)) = 0.95/√0.04875.
  close(studentTQuantile(0.975, 2), 0.95 / Math.sqrt(0.04875), 1e-10, 'qt(0.975, 2)');
  close(studentTQuantile(0.975, 30), 2.042272, 1e-6, 'qt(0.975, 30)');
  close(studentTQuantile(0.95, 10), 1.812461, 1e-6, 'qt(0.95, 10)');
  close(studentTQuantile(0.995, 20), 2.845340, 1e-6, 'qt(0.995, 20)');
  close(studentTQuantile(0.975, 120), 1.979930, 1e-6, 'qt(0.975, 120)');
  close(studentTQuantile(0.025, 9), -2.262157, 1e-6, 'qt(0.025, 9)');
  assert.equal(studentTQuantile(0.5, 7), 0);
  close(studentTQuantile(0.975, Infinity), 1.959963984540054, 1e-12, 'df = Inf is normal');
});

test('studentTCdf matches R pt', () => {
  close(studentTCdf(2, 5), 0.9490303, 1e-7, 'pt(2, 5)');
  close(studentTCdf(-2, 5), 1 - 0.9490303, 1e-7, 'pt(-2, 5)');
  // df = 1 is Cauchy: F(t) = 1/2 + atan(t)/π → F(1) = 0.75.
  close(studentTCdf(1, 1), 0.75, 1e-14, 'pt(1, 1)');
  assert.equal(studentTCdf(0, 3), 0.5);
});

test('twoSidedTP is the two-tailed probability of the t table', () => {
  close(twoSidedTP(2.262157, 9), 0.05, 1e-6);
  // 2·(1 − pt(2, 5)) = 2·0.0509697 = 0.1019394
  close(twoSidedTP(2, 5), 0.1019394, 1e-6);
  assert.equal(twoSidedTP(0, 5), 1);
});

test('chiSquareSurvival matches R pchisq(lower = FALSE)', () => {
  relativelyClose(chiSquareSurvival(30.070149, 2), 2.953589e-7, 1e-6, 'pchisq(30.070149, 2)');
  // df = 2 is exponential: P(X > x) = e^{−x/2}.
  relativelyClose(chiSquareSurvival(10, 2), Math.exp(-5), 1e-13, 'df 2 closed form');
  close(chiSquareSurvival(3.841459, 1), 0.05, 1e-7, 'qchisq(0.95, 1) = 3.841459');
  close(chiSquareSurvival(18.307038, 10), 0.05, 1e-7, 'qchisq(0.95, 10) = 18.307038');
  close(chiSquareSurvival(9.487729, 4), 0.05, 1e-7, 'qchisq(0.95, 4) = 9.487729');
  close(chiSquareCdf(3.841459, 1), 0.95, 1e-7);
  assert.equal(chiSquareSurvival(0, 3), 1);
});
