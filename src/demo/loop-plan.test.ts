import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_SEED, generateDemo } from './generator.ts';
import { DEMO_CASE_STATUSES, DEMO_PRAISE_COUNT, DEMO_ROOT_CAUSES, demoRulesMatching, planDemoLoop } from './loop-plan.ts';
import { DEMO_ACTION_PLANS, actionUplift } from './action-plans.ts';

const demo = generateDemo();
const plan = planDemoLoop(demo);

describe('demo closed-loop plan', () => {
  test('the same seed gives the same plan', () => {
    assert.deepEqual(planDemoLoop(generateDemo(DEMO_SEED)), plan);
  });

  test('60 cases: 12 new, 14 in progress, 8 waiting, 8 resolved, 18 closed, each on a different answer', () => {
    const count = (status: string) => plan.cases.filter((c) => c.status === status).length;
    assert.deepEqual([count('new'), count('in_progress'), count('waiting_customer'), count('resolved'), count('closed')], [12, 14, 8, 8, 18]);
    assert.equal(plan.cases.length, DEMO_CASE_STATUSES.reduce((s, [, n]) => s + n, 0));
    assert.equal(new Set(plan.cases.map((c) => c.responseIndex)).size, 60);
  });

  test('each planned case is on an answer exactly one problem rule matches, checked from the answers', () => {
    for (const c of plan.cases) {
      const r = demo.responses[c.responseIndex];
      const nps = r.answers.find((a) => a.question === 'nps')?.value as number;
      const effort = r.answers.find((a) => a.question === 'effort')?.value as number | undefined;
      const phone = ['move-phone', 'bill-phone', 'fault-phone'].includes(r.touchpointKey ?? '');
      const detractor = nps <= 6;
      const hard = phone && effort !== undefined && effort <= 3;
      assert.ok(detractor !== hard, `${c.responseIndex}: nps ${nps}, effort ${effort}, phone ${phone}`);
      assert.equal(c.rule, detractor ? 'detractor' : 'phone-effort');
      assert.deepEqual(demoRulesMatching(r), [c.rule]);
    }
  });

  test('worked cases have their steps in order; done ones a known root cause and a resolution', () => {
    const codes = new Set(DEMO_ROOT_CAUSES.map((r) => r.code));
    for (const c of plan.cases) {
      const { takenOn, waiting, resolved, closed } = c.steps;
      if (c.status === 'new') { assert.equal(c.title, null); continue; }
      assert.ok(c.notes.length >= 1 && c.title);
      if (waiting !== null) assert.ok(waiting > takenOn);
      if (resolved !== null) assert.ok(resolved > (waiting ?? takenOn));
      if (closed !== null) assert.ok(closed > (resolved as number));
      // Nothing planned happens after the seeding.
      if (c.hoursAgo !== null) assert.ok(Math.max(takenOn, waiting ?? 0, resolved ?? 0) < c.hoursAgo, JSON.stringify(c));
      const done = c.status === 'resolved' || c.status === 'closed';
      assert.equal(done, c.rootCause !== null && codes.has(c.rootCause) && c.resolution !== null);
    }
  });

  test('praise: 12 promoters who name nobody else, five of them about the frontline demo user', () => {
    assert.equal(plan.praise.length, DEMO_PRAISE_COUNT);
    const employees = plan.praise.map((p) => demo.responses[p.responseIndex].employeeKey);
    assert.ok(employees.every((e) => e !== null));
    assert.equal(employees.filter((e) => e === 'fault-line-1').length, 5);
    for (const p of plan.praise) assert.ok((demo.responses[p.responseIndex].answers.find((a) => a.question === 'nps')?.value as number) >= 9);
  });

  test('action plans lift their touchpoint only from their start', () => {
    for (const p of DEMO_ACTION_PLANS) {
      assert.equal(actionUplift(p.touchpointKey, `${p.startsOn}T00:00:00.000Z`), p.uplift);
      assert.equal(actionUplift(p.touchpointKey, '2026-01-01T00:00:00.000Z'), 0);
    }
    assert.equal(actionUplift('move-web', '2026-10-01T00:00:00.000Z'), 0);
  });

  test('consent: most contacts allow survey e-mail, fewer SMS, about 3 % withdrew both', () => {
    const share = (f: (c: (typeof demo.contacts)[number]) => boolean) => demo.contacts.filter(f).length / demo.contacts.length;
    assert.ok(Math.abs(share((c) => c.consent.surveyEmail) - 0.76) < 0.05);
    assert.ok(Math.abs(share((c) => c.consent.surveySms) - 0.44) < 0.05);
    assert.ok(Math.abs(share((c) => c.consent.withdrawnAt !== null) - 0.03) < 0.01);
    assert.ok(demo.contacts.every((c) => c.consent.withdrawnAt === null || (!c.consent.surveyEmail && !c.consent.surveySms)));
  });
});
