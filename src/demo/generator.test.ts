import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEMO_CONTACT_COUNT, DEMO_RESPONSE_COUNT, DEMO_SEED, DEMO_STRATEGIC_PER_WAVE, DEMO_STRATEGIC_WAVES, DEMO_USERS,
  WORST_TOUCHPOINT, demoPeriod, generateDemo, type DemoResponse,
} from './generator.ts';

const demo = generateDemo();

function nps(scores: number[]): number {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return (100 * (promoters - detractors)) / scores.length;
}
const npsOf = (r: DemoResponse) => r.answers.find((a) => a.question === 'nps')?.value as number;

describe('demo generator', () => {
  test('the same seed gives identical data; another seed different data', () => {
    assert.deepEqual(generateDemo(DEMO_SEED), demo);
    const other = generateDemo(DEMO_SEED + 1);
    assert.notDeepEqual(other.responses.slice(0, 50), demo.responses.slice(0, 50));
  });

  test('it has the stated sizes', () => {
    assert.equal(demo.journeys.length, 3);
    // 4 touchpoints in each of the 3 journeys
    assert.equal(demo.journeys.flatMap((j) => j.stages.flatMap((s) => s.touchpoints)).length, 12);
    assert.deepEqual(demo.journeys.map((j) => j.stages.map((s) => s.phase)), [['before', 'during', 'after'], ['before', 'during', 'after'], ['before', 'during', 'after']]);
    assert.equal(demo.contacts.length, DEMO_CONTACT_COUNT);
    assert.equal(demo.responses.length, DEMO_RESPONSE_COUNT);
    // 6 quarterly waves × 400 strategic responses = 2,400; the other 17,600 are pulses
    assert.equal(demo.responses.filter((r) => r.surveyKey === 'strategic').length, DEMO_STRATEGIC_WAVES * DEMO_STRATEGIC_PER_WAVE);
    assert.equal(DEMO_STRATEGIC_WAVES * DEMO_STRATEGIC_PER_WAVE, 2_400);
    assert.deepEqual(demo.surveys.map((s) => s.key), ['pulse-move', 'pulse-billing', 'pulse-fault', 'strategic']);
    assert.deepEqual(DEMO_USERS.map((u) => u.role), ['admin', 'analyst', 'unit_manager', 'frontline', 'viewer']);
    assert.equal(DEMO_USERS[0].email, 'demo@kaiku.example');
  });

  test('responses lie in the 18 months before the fixed reference date 2026-11-01', () => {
    const { from, to } = demoPeriod();
    assert.equal(from.toISOString(), '2025-05-01T00:00:00.000Z');
    assert.equal(to.toISOString(), '2026-11-01T00:00:00.000Z');
    for (const r of demo.responses) assert.ok(r.submittedAt >= from.toISOString() && r.submittedAt < to.toISOString(), r.submittedAt);
  });

  test('the fault phone line has the lowest NPS of all touchpoints', () => {
    const byTouchpoint = new Map<string, number[]>();
    for (const r of demo.responses) if (r.touchpointKey) byTouchpoint.set(r.touchpointKey, [...(byTouchpoint.get(r.touchpointKey) ?? []), npsOf(r)]);
    const ranked = [...byTouchpoint].map(([key, scores]) => [key, nps(scores)] as const).sort((a, b) => a[1] - b[1]);
    assert.equal(ranked[0][0], WORST_TOUCHPOINT);
    // "clearly": at least 30 points below the next worst
    assert.ok(ranked[1][1] - ranked[0][1] > 30, JSON.stringify(ranked.slice(0, 2)));
  });

  test('employees differ: the star of the phone team scores well above the struggling billing agent', () => {
    const scores = (employee: string) => demo.responses.filter((r) => r.employeeKey === employee).map(npsOf);
    const star = scores('south-phone-1');
    const struggling = scores('west-billing-3');
    assert.ok(star.length >= 100 && struggling.length >= 100, `${star.length} and ${struggling.length} responses`);
    assert.ok(nps(star) - nps(struggling) > 40, `${nps(star)} vs ${nps(struggling)}`);
  });

  test('billing NPS dips in winter (December–February)', () => {
    const billing = demo.responses.filter((r) => r.surveyKey === 'pulse-billing');
    const winter = billing.filter((r) => [11, 0, 1].includes(new Date(r.submittedAt).getUTCMonth())).map(npsOf);
    const rest = billing.filter((r) => ![11, 0, 1].includes(new Date(r.submittedAt).getUTCMonth())).map(npsOf);
    assert.ok(nps(rest) - nps(winter) > 15, `${nps(rest)} vs ${nps(winter)}`);
  });

  test('reliability relates to NPS more strongly than sustainability in the strategic survey', () => {
    const rows = demo.responses.filter((r) => r.surveyKey === 'strategic');
    const corr = (key: string) => {
      const pairs = rows.map((r) => [npsOf(r), r.answers.find((a) => a.question === key)?.value] as const).filter((p): p is readonly [number, number] => typeof p[1] === 'number');
      const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
      const mx = mean(pairs.map((p) => p[0])); const my = mean(pairs.map((p) => p[1]));
      const cov = pairs.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
      const sx = Math.sqrt(pairs.reduce((s, [x]) => s + (x - mx) ** 2, 0)); const sy = Math.sqrt(pairs.reduce((s, [, y]) => s + (y - my) ** 2, 0));
      return cov / (sx * sy);
    };
    assert.ok(corr('reliability') > corr('sustainability') + 0.1, `${corr('reliability')} vs ${corr('sustainability')}`);
    assert.ok(rows.some((r) => r.answers.some((a) => a.dontKnow)), 'some driver answers are "don\'t know"');
  });

  test('open answers come in all four languages, mostly Finnish, and follow the score', () => {
    const whys = demo.responses.filter((r) => r.answers.some((a) => a.question === 'nps_why'));
    const count = (lang: string) => whys.filter((r) => r.language === lang).length;
    for (const lang of ['sv', 'en', 'pl']) assert.ok(count(lang) > 0 && count(lang) < count('fi'), lang);
    assert.ok(count('fi') > whys.length / 2);
    const queueFi = demo.responses.filter((r) => r.touchpointKey === WORST_TOUCHPOINT && r.language === 'fi' && npsOf(r) <= 6)
      .map((r) => r.answers.find((a) => a.question === 'nps_why')?.value).filter(Boolean);
    assert.ok(queueFi.some((text) => /jono/i.test(String(text))), 'detractors of the phone line talk about the queue');
  });
  test('churn flags: a quarter unknown, and contacts whose latest NPS is low leave more often', () => {
    const unknown = demo.contacts.filter((c) => c.operational.churned === undefined).length;
    assert.ok(Math.abs(unknown / demo.contacts.length - 0.25) < 0.04, `${unknown} unknown`);
    const latest = new Map<number, number>();
    for (const r of demo.responses) latest.set(r.contactIndex, npsOf(r));
    const rate = (low: boolean) => {
      const group = demo.contacts.filter((c, i) => c.operational.churned !== undefined && latest.has(i) && (latest.get(i)! <= 6) === low);
      return group.filter((c) => c.operational.churned).length / group.length;
    };
    assert.ok(rate(true) > rate(false) + 0.05, `detractors ${rate(true)}, others ${rate(false)}`);
  });
});
