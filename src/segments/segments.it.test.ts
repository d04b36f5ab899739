import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInAs, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser } from '../auth/service.ts';
import { createUnit } from '../orgs/service.ts';

const texts = (fi: string) => ({ fi, en: fi, sv: fi });
const npsSurvey = (name: string) => ({
  name, kind: 'pulse', defaultLanguage: 'fi', languages: ['fi', 'en', 'sv'], title: texts(name),
  questions: [{ key: 'nps', type: 'nps', required: true, text: texts('Recommend?') }],
});
const close = (actual: number, expected: number, what: string, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${what}: ${actual} vs ${expected}`);

/** `promoters` answers of 10, `passives` of 8, `detractors` of 3. */
const scores = (promoters: number, passives: number, detractors: number) =>
  [...Array(promoters).fill(10), ...Array(passives).fill(8), ...Array(detractors).fill(3)] as number[];

describe('segments API: NPS across groups and the unit league', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  async function post(surveyId: string, values: number[], extra: Record<string, string>) {
    for (let i = 0; i < values.length; i += 1000) {
      const res = await t.api('/api/v1/responses/batch', { body: { responses: values.slice(i, i + 1000).map((value) => ({ surveyId, ...extra, answers: [{ question: 'nps', value }] })) } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
  }

  before(async () => {
    t = await startTestApp();
    // Agresti (2007) p. 39, party identification by gender: [[762, 327, 468], [484, 239, 477]], χ² = 30.070149, df 2,
    // p = 2.953589e-07. Here the columns are promoters / passives / detractors and the rows two languages.
    ids.agresti = (await t.api('/api/v1/surveys', { body: npsSurvey('Agresti') })).body.id;
    await post(ids.agresti, scores(762, 327, 468), { language: 'fi' });
    await post(ids.agresti, scores(484, 239, 477), { language: 'en' });
    await post(ids.agresti, scores(2, 1, 0), { language: 'sv' });

    // Units: region R holds Alpha and Bravo; Charlie, Delta and Echo stand alone.
    ids.region = await createUnit(t.db, t.orgId, { name: 'R', kind: 'region' });
    ids.alpha = await createUnit(t.db, t.orgId, { name: 'Alpha', parentId: ids.region });
    ids.bravo = await createUnit(t.db, t.orgId, { name: 'Bravo', parentId: ids.region });
    ids.charlie = await createUnit(t.db, t.orgId, { name: 'Charlie' });
    ids.delta = await createUnit(t.db, t.orgId, { name: 'Delta' });
    ids.echo = await createUnit(t.db, t.orgId, { name: 'Echo' });
    await createUser(t.db, t.orgId, { email: 'manager@example.com', name: 'Maija', role: 'unit_manager', unitId: ids.region, password: 'manager-pass-1' });
    ids.units = (await t.api('/api/v1/surveys', { body: npsSurvey('Units') })).body.id;
    const april = { submittedAt: '2026-04-15T10:00:00Z' };
    const march = { submittedAt: '2026-03-15T10:00:00Z' };
    await post(ids.units, scores(6, 2, 2), { unitId: ids.alpha, ...april }); // NPS 40
    await post(ids.units, scores(2, 4, 4), { unitId: ids.alpha, ...march }); // NPS −20
    await post(ids.units, scores(5, 5, 0), { unitId: ids.bravo, ...april }); // NPS 50
    await post(ids.units, scores(3, 0, 0), { unitId: ids.bravo, ...march }); // too few to compare
    await post(ids.units, scores(4, 2, 4), { unitId: ids.charlie, ...april }); // NPS 0
    await post(ids.units, scores(1, 1, 1), { unitId: ids.delta, ...april }); // too few answers
    await post(ids.units, scores(4, 6, 0), { unitId: ids.echo, ...april }); // NPS 40, ties with Alpha
  });
  after(() => t.close());

  test('NPS by language reproduces Agresti\'s chi-square; the three-answer group is left out and listed', async () => {
    const res = await t.api(`/api/v1/segments/nps?by=language&surveyId=${ids.agresti}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.chi2.toFixed(6), '30.070149');
    assert.equal(res.body.dof, 2);
    assert.equal(res.body.p.toPrecision(7), '2.953589e-7');
    assert.deepEqual(res.body.tooSmall, [{ key: 'sv', label: 'sv', n: 3 }]);
    const byKey = Object.fromEntries(res.body.groups.map((g: any) => [g.key, g]));
    assert.equal(byKey.fi.n, 1557);
    close(byKey.fi.nps, (100 * (762 - 468)) / 1557, 'fi NPS');
    close(byKey.en.nps, (100 * (484 - 477)) / 1200, 'en NPS');
    close(byKey.en.shares.passives, 239 / 1200, 'en passives');
    // One pair: the same 2 × 3 table, nothing to adjust.
    assert.equal(res.body.pairwise.length, 1);
    close(res.body.pairwise[0].chi2, res.body.chi2, 'pair χ²');
    assert.equal(res.body.pairwise[0].pAdjusted, res.body.pairwise[0].p);
  });

  test('NPS by unit: every pair tested, p-values Holm-adjusted; a unit under the minimum size is listed, not tested', async () => {
    const res = await t.api(`/api/v1/segments/nps?by=unit&surveyId=${ids.units}&from=2026-04-01T00:00:00Z&to=2026-05-01T00:00:00Z`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.groups.map((g: any) => [g.label, g.nps]), [['Alpha', 40], ['Bravo', 50], ['Charlie', 0], ['Echo', 40]]);
    assert.deepEqual(res.body.tooSmall, [{ key: ids.delta, label: 'Delta', n: 3 }]);
    assert.equal(res.body.pairwise.length, 6);
    // Alpha [6, 2, 2] vs Bravo [5, 5, 0]: expected 5.5 / 3.5 / 1 per row, χ² = 2·(0.25/5.5 + 2.25/3.5 + 1/1) = 3.3766234,
    // and with 2 df p = exp(−χ²/2) = 0.1848313.
    const ab = res.body.pairwise.find((p: any) => [p.a.label, p.b.label].sort().join() === 'Alpha,Bravo');
    close(ab.chi2, 3.3766234, 'Alpha–Bravo χ²', 1e-7);
    close(ab.p, 0.1848313, 'Alpha–Bravo p', 1e-7);
    assert.equal(ab.npsDifference, ab.a.label === 'Alpha' ? -10 : 10);
    // Holm: the i-th smallest of m = 6 p-values times (6 − i), running maximum, capped at 1.
    const raw = res.body.pairwise.map((p: any) => p.p);
    const order = raw.map((_: number, i: number) => i).sort((a: number, b: number) => raw[a] - raw[b]);
    let running = 0;
    order.forEach((index: number, rank: number) => {
      running = Math.max(running, Math.min(1, (6 - rank) * raw[index]));
      close(res.body.pairwise[index].pAdjusted, running, `Holm ${index}`);
    });
    // Bonferroni on request: every p times the 6 pairs, capped at 1.
    const bonferroni = await t.api(`/api/v1/segments/nps?by=unit&correction=bonferroni&surveyId=${ids.units}&from=2026-04-01T00:00:00Z&to=2026-05-01T00:00:00Z`);
    assert.equal(bonferroni.body.correction, 'bonferroni');
    bonferroni.body.pairwise.forEach((pair: any, i: number) => close(pair.pAdjusted, Math.min(1, 6 * raw[i]), `Bonferroni ${i}`));
  });

  test('the unit league ranks units with ties sharing a rank, and tests the change against the previous 30 days', async () => {
    const res = await t.api(`/api/v1/units/league?metric=nps&surveyId=${ids.units}&from=2026-04-01T00:00:00Z&to=2026-05-01T00:00:00Z`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.previousPeriod, { from: '2026-03-02T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
    assert.deepEqual(res.body.units.map((u: any) => [u.rank, u.name, u.n, u.value]), [
      [1, 'Bravo', 10, 50], [2, 'Alpha', 10, 40], [2, 'Echo', 10, 40], [4, 'Charlie', 10, 0],
    ]);
    assert.deepEqual(res.body.tooFewAnswers, [{ unitId: ids.delta, name: 'Delta', n: 3 }]);
    // Alpha: 40 now (P .6, D .2: var .64, se 100·√(.064)), −20 before (P .2, D .4: var .56, se 100·√(.056));
    // difference 60, se √(640 + 560) = √1200, z = √3, p = 2·(1 − Φ(√3)) = 0.0832645.
    const alpha = res.body.units.find((u: any) => u.name === 'Alpha');
    assert.equal(alpha.change.previousN, 10);
    close(alpha.change.previousValue, -20, 'previous NPS');
    close(alpha.change.difference, 60, 'difference');
    close(alpha.change.p, 0.0832645167, 'p', 1e-9);
    // Bravo had three answers before: too few to compare; Charlie none.
    assert.equal(res.body.units.find((u: any) => u.name === 'Bravo').change, null);
    assert.equal(res.body.units.find((u: any) => u.name === 'Charlie').change, null);
  });

  test('a unit manager sees their subtree only, in both views', async () => {
    const manager = await signInAs(t, 'manager@example.com', 'manager-pass-1');
    const league = await manager(`/api/v1/units/league?surveyId=${ids.units}&from=2026-04-01T00:00:00Z&to=2026-05-01T00:00:00Z`);
    assert.equal(league.status, 200, JSON.stringify(league.body));
    assert.deepEqual(league.body.units.map((u: any) => u.name), ['Bravo', 'Alpha']);
    assert.deepEqual(league.body.tooFewAnswers, []);
    const segments = await manager(`/api/v1/segments/nps?by=unit&surveyId=${ids.units}&from=2026-04-01T00:00:00Z&to=2026-05-01T00:00:00Z`);
    assert.deepEqual(segments.body.groups.map((g: any) => g.label), ['Alpha', 'Bravo']);
  });

  test('bad input names the field: unknown dimension, one group only, unknown parameter, empty period', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['/api/v1/segments/nps?by=weather', 'by', /"by" must be one of: segment, unit, channel, language, touchpoint, journey/],
      ['/api/v1/segments/nps', 'by', /required/],
      [`/api/v1/segments/nps?by=unit&unitId=${ids.alpha}`, 'by', /at least two groups with 5 or more answers.*found 1/],
      ['/api/v1/segments/nps?by=segment&colour=red', 'colour', /Unknown field/],
      ['/api/v1/units/league?from=2026-05-01T00:00:00Z&to=2026-04-01T00:00:00Z', 'from', /before/],
      ['/api/v1/units/league?metric=rating', 'questionId', /per question/],
      ['/api/v1/units/league?metric=happiness', 'metric', /"metric" must be one of: nps, csat, ces, rating/],
    ];
    for (const [url, field, message] of cases) {
      const res = await t.api(url);
      assert.equal(res.status, 400, `${url}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.field, field, url);
      assert.match(res.body.detail, message, url);
    }
  });
});
