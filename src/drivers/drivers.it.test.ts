import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInAs, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createApiKey, createUser } from '../auth/service.ts';
import { seedDemo } from '../demo/seed.ts';
import { createEmployee, createUnit } from '../orgs/service.ts';

type Answer = { question: string; value?: number | string; dontKnow?: boolean };
type Row = { employee: 'eeva' | 'pekka' | 'frida'; answers: Answer[] };

const texts = (fi: string) => ({ fi, en: fi });
const likert = (key: string, isDriver = true) => ({ key, type: 'likert7', allowDontKnow: true, isDriver, text: texts(key) });
const survey = (name: string, questions: unknown[]) => ({
  name, kind: 'strategic', defaultLanguage: 'fi', languages: ['fi', 'en'], title: texts(name), questions,
});

/** Small deterministic generator (Park–Miller), independent of the code under test. */
function lcg(seed: number) {
  let state = seed;
  return () => { state = (state * 48271) % 2147483647; return state / 2147483647; };
}

/** R² of the least-squares fit of y on the columns (with intercept), by Gaussian elimination on the centred normal equations. */
function olsR2(y: number[], columns: number[][]): number {
  const n = y.length;
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / n;
  const yc = y.map((v) => v - mean(y));
  const xc = columns.map((c) => { const m = mean(c); return c.map((v) => v - m); });
  const k = xc.length;
  const a = xc.map((ci) => [...xc.map((cj) => ci.reduce((s, v, i) => s + v * cj[i], 0)), ci.reduce((s, v, i) => s + v * yc[i], 0)]);
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= k; c++) a[r][c] -= f * a[col][c];
    }
  }
  const beta = a.map((row, i) => row[k] / row[i]);
  const sse = yc.reduce((s, v, i) => s + (v - xc.reduce((t, c, j) => t + beta[j] * c[i], 0)) ** 2, 0);
  return 1 - sse / yc.reduce((s, v) => s + v * v, 0);
}

/** Shapley value of each attribute as the average R² gain over all p! orderings — a second implementation. */
function bruteForceShapley(y: number[], columns: number[][]): number[] {
  const p = columns.length;
  const perms: number[][] = [];
  const permute = (prefix: number[], rest: number[]) => {
    if (rest.length === 0) perms.push(prefix);
    rest.forEach((v, i) => permute([...prefix, v], [...rest.slice(0, i), ...rest.slice(i + 1)]));
  };
  permute([], columns.map((_, j) => j));
  const cache = new Map<string, number>();
  const r2Of = (set: number[]) => {
    const key = [...set].sort().join(',');
    if (!cache.has(key)) cache.set(key, set.length === 0 ? 0 : olsR2(y, set.map((j) => columns[j])));
    return cache.get(key)!;
  };
  const weights = new Array<number>(p).fill(0);
  for (const order of perms) {
    order.forEach((j, position) => { weights[j] += (r2Of(order.slice(0, position + 1)) - r2Of(order.slice(0, position))) / perms.length; });
  }
  return weights;
}

/**
 * Johnson's relative weights for two attributes in closed form: R = [[1, r], [r, 1]] has
 * R^½ = [[c, s], [s, c]] with c = (√(1+r) + √(1−r))/2, s = (√(1+r) − √(1−r))/2; the target's
 * weights on the orthogonalised attributes are β = R^−½ r_xy and ε_j = Σ_k (R^½)_jk² β_k².
 */
function johnsonTwo(y: number[], x1: number[], x2: number[]): number[] {
  const corr = (a: number[], b: number[]) => {
    const n = a.length;
    const ma = a.reduce((s, v) => s + v, 0) / n; const mb = b.reduce((s, v) => s + v, 0) / n;
    let sab = 0; let saa = 0; let sbb = 0;
    for (let i = 0; i < n; i++) { sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) ** 2; sbb += (b[i] - mb) ** 2; }
    return sab / Math.sqrt(saa * sbb);
  };
  const r = corr(x1, x2); const r1 = corr(x1, y); const r2 = corr(x2, y);
  const c = (Math.sqrt(1 + r) + Math.sqrt(1 - r)) / 2; const s = (Math.sqrt(1 + r) - Math.sqrt(1 - r)) / 2;
  const det = c * c - s * s;
  const beta = [(c * r1 - s * r2) / det, (c * r2 - s * r1) / det];
  return [c * c * beta[0] ** 2 + s * s * beta[1] ** 2, s * s * beta[0] ** 2 + c * c * beta[1] ** 2];
}

const close = (actual: number, expected: number, what: string, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${what}: ${actual} vs ${expected}`);

describe('drivers API: weights from stored answers, listwise deletion, roles and bad input', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const rows: Row[] = [];

  before(async () => {
    t = await startTestApp();
    ids.north = await createUnit(t.db, t.orgId, { name: 'North', kind: 'region' });
    ids.n1 = await createUnit(t.db, t.orgId, { name: 'N1', parentId: ids.north, kind: 'branch' });
    ids.south = await createUnit(t.db, t.orgId, { name: 'South', kind: 'region' });
    const eevaUser = await createUser(t.db, t.orgId, { email: 'eeva@example.com', name: 'Eeva', role: 'frontline', password: 'frontline-pass-1' });
    const fridaUser = await createUser(t.db, t.orgId, { email: 'frida@example.com', name: 'Frida', role: 'frontline', password: 'frontline-pass-2' });
    ids.eeva = await createEmployee(t.db, t.orgId, { name: 'Eeva', unitId: ids.n1, userId: eevaUser });
    ids.frida = await createEmployee(t.db, t.orgId, { name: 'Frida', unitId: ids.n1, userId: fridaUser });
    ids.pekka = await createEmployee(t.db, t.orgId, { name: 'Pekka', unitId: ids.south });
    await createUser(t.db, t.orgId, { email: 'manager@example.com', name: 'Maija', role: 'unit_manager', unitId: ids.north, password: 'manager-pass-1' });

    // Main survey: four driver statements, answers drawn around a known model with don't-knows and skipped statements.
    const main = await t.api('/api/v1/surveys', { body: survey('Strategic', [
      { key: 'nps', type: 'nps', required: true, text: texts('Recommend?') },
      likert('speed'), likert('staff'), likert('price'), likert('clarity'),
      { key: 'why', type: 'text', text: texts('Why?') },
      { key: 'stars', type: 'rating', scaleMax: 5, text: texts('Stars') },
    ]) });
    assert.equal(main.status, 201, JSON.stringify(main.body));
    ids.main = main.body.id;
    const random = lcg(2026);
    const normal = () => Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
    const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));
    for (let i = 0; i < 150; i++) {
      const general = normal();
      const x = [0, 1, 2, 3].map(() => 0.6 * general + 0.8 * normal());
      const nps = clamp(6.5 + 1.2 * x[0] + 0.8 * x[1] + 0.5 * x[2] + 0.2 * x[3] + normal(), 0, 10);
      const answers: Answer[] = [{ question: 'nps', value: nps }, { question: 'why', value: 'ok' }];
      ['speed', 'staff', 'price', 'clarity'].forEach((key, k) => {
        const u = random();
        if (u < 0.06) answers.push({ question: key, dontKnow: true });
        else if (u < 0.1) { /* skipped */ } else answers.push({ question: key, value: clamp(4 + 1.3 * x[k], 1, 7) });
      });
      // Frida serves only three customers: below the minimum group size of 5.
      rows.push({ employee: i < 3 ? 'frida' : i < 60 ? 'eeva' : 'pekka', answers });
    }
    const employeeOf = { eeva: ids.eeva, pekka: ids.pekka, frida: ids.frida };
    const res = await t.api('/api/v1/responses/batch', { body: { responses: rows.map((r) => ({ surveyId: ids.main, employeeId: employeeOf[r.employee], answers: r.answers })) } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  });
  after(() => t.close());

  /** The respondents of `rows` that answered the target and every attribute (listwise), as columns. */
  function complete(subset: Row[], target: string, attributes: string[]) {
    const value = (r: Row, key: string) => { const a = r.answers.find((x) => x.question === key); return a && !a.dontKnow ? Number(a.value) : undefined; };
    const used = subset.filter((r) => [target, ...attributes].every((k) => value(r, k) !== undefined));
    return { used: used.length, y: used.map((r) => value(r, target)!), columns: attributes.map((k) => used.map((r) => value(r, k)!)) };
  }

  test('Shapley weights over HTTP equal a brute-force average over all orderings of the respondents with every answer', async () => {
    const res = await t.api(`/api/v1/drivers?surveyId=${ids.main}&target=nps&method=shapley&bootstrap=0`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const attributes = ['speed', 'staff', 'price', 'clarity'];
    const expected = complete(rows, 'nps', attributes);
    const weights = bruteForceShapley(expected.y, expected.columns);
    assert.equal(res.body.respondents, 150);
    assert.equal(res.body.n, expected.used);
    assert.equal(res.body.excluded, 150 - expected.used);
    assert.deepEqual(res.body.attributes.map((a: any) => a.key), attributes);
    close(res.body.r2, olsR2(expected.y, expected.columns), 'R²');
    attributes.forEach((key, j) => {
      const item = res.body.attributes.find((a: any) => a.key === key);
      close(item.weight, weights[j], key);
      close(item.rescaled, (100 * weights[j]) / res.body.r2, `${key} %`);
      close(item.performance, expected.columns[j].reduce((s, v) => s + v, 0) / expected.used, `${key} mean`);
    });
    assert.equal(res.body.bootstrap, null);
  });

  test('relative weights of two named attributes match the closed form, with listwise deletion over those two only', async () => {
    const res = await t.api(`/api/v1/drivers?surveyId=${ids.main}&target=nps&attributes=speed,price&bootstrap=0`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const expected = complete(rows, 'nps', ['speed', 'price']);
    const [w1, w2] = johnsonTwo(expected.y, expected.columns[0], expected.columns[1]);
    assert.equal(res.body.method, 'relative-weights');
    assert.equal(res.body.n, expected.used);
    close(res.body.attributes[0].weight, w1, 'speed');
    close(res.body.attributes[1].weight, w2, 'price');
    close(res.body.r2, olsR2(expected.y, expected.columns), 'weights sum to R²');
  });

  test('bootstrap intervals are seeded: the same seed gives the same intervals, another seed others; they cover the estimate', async () => {
    const url = `/api/v1/drivers?surveyId=${ids.main}&target=nps&method=shapley&bootstrap=100`;
    const [a, b, c] = await Promise.all([t.api(`${url}&seed=7`), t.api(`${url}&seed=7`), t.api(`${url}&seed=8`)]);
    assert.equal(a.status, 200, JSON.stringify(a.body));
    assert.deepEqual(a.body.attributes, b.body.attributes);
    assert.notDeepEqual(a.body.attributes.map((x: any) => x.weightCi95), c.body.attributes.map((x: any) => x.weightCi95));
    assert.deepEqual(a.body.bootstrap, { method: 'percentile', level: 0.95, replicates: 100, used: 100, seed: 7 });
    for (const item of a.body.attributes) {
      assert.ok(item.weightCi95.lower <= item.weight && item.weight <= item.weightCi95.upper, `${item.key} ${JSON.stringify(item)}`);
    }
    assert.ok(a.body.r2Ci95.lower <= a.body.r2 && a.body.r2 <= a.body.r2Ci95.upper);
    // Default for the weight methods: 200 resamples with seed 1.
    const defaults = await t.api(`/api/v1/drivers?surveyId=${ids.main}&target=nps`);
    assert.equal(defaults.body.bootstrap.replicates, 200);
    assert.equal(defaults.body.bootstrap.seed, 1);
  });

  test('orthogonal attributes: both methods give each attribute its own r² (3/17 and 12/17 by hand) and the quadrants follow', async () => {
    const created = await t.api('/api/v1/surveys', { body: survey('Orthogonal', [
      { key: 'nps', type: 'nps', required: true, text: texts('Recommend?') }, likert('x1'), likert('x2'),
    ]) });
    // 3 × 3 balanced design, each cell 4 times; y = x1 + 2·x2 + (x1 − 2)(x2 − 2) − 1 (values 3…9).
    // Sums of squares about the means: x1 6, x2 6 per replicate; y = 5 + (x1−2) + 2(x2−2) + (x1−2)(x2−2) with
    // orthogonal parts, so SS(y) = 6 + 24 + 4 = 34, r²(y, x1) = 6/34 = 3/17, r²(y, x2) = 24/34 = 12/17, R² = 15/17.
    const responses = [];
    for (let rep = 0; rep < 4; rep++) {
      for (const x1 of [1, 2, 3]) {
        for (const x2 of [1, 2, 3]) {
          const y = x1 + 2 * x2 + (x1 - 2) * (x2 - 2) - 1;
          responses.push({ surveyId: created.body.id, answers: [{ question: 'nps', value: y }, { question: 'x1', value: x1 }, { question: 'x2', value: x2 }] });
        }
      }
    }
    assert.equal((await t.api('/api/v1/responses/batch', { body: { responses } })).status, 200);
    for (const method of ['relative-weights', 'shapley']) {
      const res = await t.api(`/api/v1/drivers?surveyId=${created.body.id}&target=nps&method=${method}&bootstrap=0`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.n, 36);
      close(res.body.r2, 15 / 17, `${method} R²`);
      close(res.body.attributes[0].weight, 3 / 17, `${method} x1`);
      close(res.body.attributes[1].weight, 12 / 17, `${method} x2`);
      close(res.body.attributes[0].rescaled, 20, `${method} x1 %`);
      close(res.body.attributes[1].rescaled, 80, `${method} x2 %`);
      assert.deepEqual(res.body.warnings, []);
      // Importance split at 50 %, performance at the mean 2 (both means are 2: at the mean counts as high).
      assert.deepEqual(res.body.attributes.map((a: any) => [a.key, a.quadrant]), [['x1', 'overkill'], ['x2', 'keep']]);
      close(res.body.priority.importanceThreshold, 50, 'importance threshold');
      assert.deepEqual(res.body.priority.items.map((i: any) => i.attribute), ['x2', 'x1']);
    }
    const topBox = await t.api(`/api/v1/drivers?surveyId=${created.body.id}&target=nps&performance=top-box&bootstrap=0`);
    // No answer reaches 6–7 on either statement.
    assert.deepEqual(topBox.body.attributes.map((a: any) => a.performance), [0, 0]);
    assert.equal(topBox.body.priority.performanceMeasure, 'top-box');
  });

  test('promoter-logistic on one two-level attribute: the coefficient is the log odds ratio, its se √(1/a + 1/b + 1/c + 1/d)', async () => {
    const created = await t.api('/api/v1/surveys', { body: survey('Promoters', [
      { key: 'nps', type: 'nps', required: true, text: texts('Recommend?') }, likert('fair'),
    ]) });
    // fair = 1: 10 promoters, 20 passives; fair = 2: 24 promoters, 12 passives; 5 detractors; 2 don't know.
    const cell = (fair: number, nps: number, count: number) => Array.from({ length: count }, () => ({
      surveyId: created.body.id, answers: [{ question: 'nps', value: nps }, { question: 'fair', value: fair }],
    }));
    const responses = [...cell(1, 9, 10), ...cell(1, 7, 20), ...cell(2, 10, 24), ...cell(2, 8, 12), ...cell(2, 3, 5),
      ...Array.from({ length: 2 }, () => ({ surveyId: created.body.id, answers: [{ question: 'nps', value: 9 }, { question: 'fair', dontKnow: true }] }))];
    assert.equal((await t.api('/api/v1/responses/batch', { body: { responses } })).status, 200);
    const res = await t.api(`/api/v1/drivers?surveyId=${created.body.id}&target=nps&method=promoter-logistic`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.n, 66);
    assert.equal(res.body.promoters, 34);
    assert.equal(res.body.passives, 32);
    assert.equal(res.body.detractorsExcluded, 5);
    assert.equal(res.body.excluded, 2);
    const [intercept, fair] = res.body.coefficients;
    // log OR = ln((24/12) / (10/20)) = ln 4; intercept = ln(10/20) − ln 4 = ln(1/8).
    close(fair.coefficient, Math.log(4), 'log odds ratio', 1e-7);
    close(fair.oddsRatio, 4, 'odds ratio', 1e-6);
    close(fair.se, Math.sqrt(1 / 10 + 1 / 20 + 1 / 24 + 1 / 12), 'se', 1e-7);
    close(intercept.coefficient, Math.log(1 / 8), 'intercept', 1e-7);
    assert.equal(intercept.key, '(Intercept)');
  });

  test('a unit manager gets the weights of their subtree only; a frontline employee their own respondents', async () => {
    const manager = await signInAs(t, 'manager@example.com', 'manager-pass-1');
    const res = await manager(`/api/v1/drivers?surveyId=${ids.main}&target=nps&method=shapley&bootstrap=0`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const north = rows.filter((r) => r.employee !== 'pekka');
    const expected = complete(north, 'nps', ['speed', 'staff', 'price', 'clarity']);
    assert.equal(res.body.respondents, north.length);
    assert.equal(res.body.n, expected.used);
    bruteForceShapley(expected.y, expected.columns).forEach((w, j) => close(res.body.attributes[j].weight, w, `manager ${j}`));

    const eeva = await signInAs(t, 'eeva@example.com', 'frontline-pass-1');
    const own = await eeva(`/api/v1/drivers?surveyId=${ids.main}&target=nps&bootstrap=0`);
    assert.equal(own.status, 200, JSON.stringify(own.body));
    assert.equal(own.body.respondents, rows.filter((r) => r.employee === 'eeva').length);
  });

  test('a frontline employee with fewer respondents than the minimum group size is refused, without the count', async () => {
    const frida = await signInAs(t, 'frida@example.com', 'frontline-pass-2');
    const res = await frida(`/api/v1/drivers?surveyId=${ids.main}&target=nps&bootstrap=0`);
    assert.equal(res.status, 403, JSON.stringify(res.body));
    assert.equal(res.body.code, 'group_too_small');
    assert.match(res.body.detail, /Fewer than 5 respondents/);
    // The same slice through an employee filter, for an analyst, is person-level too.
    const analyst = await t.api(`/api/v1/drivers?surveyId=${ids.main}&target=nps&employeeId=${ids.frida}&bootstrap=0`);
    assert.equal(analyst.status, 403);
  });

  test('bad input is refused with a 400 naming the field and saying what to do', async () => {
    const base = `/api/v1/drivers?surveyId=${ids.main}`;
    const cases: Array<[string, string, RegExp]> = [
      [`${base}&target=loyalty`, 'target', /no question "loyalty".*nps, speed, staff, price, clarity, stars/],
      [`${base}&target=why`, 'target', /"why" is a text question/],
      [`${base}&target=speed&method=promoter-logistic`, 'target', /must be an NPS question/],
      [`${base}&target=nps&attributes=speed,weather`, 'attributes', /no question "weather"/],
      [`${base}&target=nps&attributes=speed,why`, 'attributes', /"why" is a text question/],
      [`${base}&target=nps&attributes=nps,speed`, 'attributes', /"nps" is the target/],
      [`${base}&target=nps&method=promoter-logistic&bootstrap=50`, 'bootstrap', /promoter-logistic reports standard errors/],
      [`${base}&target=nps&method=magic`, 'method', /"method" must be one of: relative-weights, shapley, promoter-logistic/],
      [`${base}&target=nps&colour=red`, 'colour', /Unknown field/],
      [`/api/v1/drivers?target=nps`, 'surveyId', /required/],
    ];
    for (const [url, field, message] of cases) {
      const res = await t.api(url);
      assert.equal(res.status, 400, `${url}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.field, field, url);
      assert.match(res.body.detail, message, url);
    }
    const unknownSurvey = await t.api('/api/v1/drivers?surveyId=00000000-0000-4000-8000-000000000000&target=nps');
    assert.equal(unknownSurvey.status, 404);
  });

  test('no driver attributes, too few respondents and a constant attribute are explained', async () => {
    const plain = await t.api('/api/v1/surveys', { body: survey('Plain', [
      { key: 'nps', type: 'nps', required: true, text: texts('Recommend?') }, likert('a', false), likert('b', false), likert('same', false),
    ]) });
    const none = await t.api(`/api/v1/drivers?surveyId=${plain.body.id}&target=nps`);
    assert.equal(none.status, 400);
    assert.equal(none.body.field, 'attributes');
    assert.match(none.body.detail, /no driver attributes.*attributes=key1,key2/);

    const post = (answers: Array<[number, number, number, number]>) => t.api('/api/v1/responses/batch', { body: { responses: answers.map(([nps, a, b, same]) => ({
      surveyId: plain.body.id, answers: [{ question: 'nps', value: nps }, { question: 'a', value: a }, { question: 'b', value: b }, { question: 'same', value: same }],
    })) } });
    await post([[9, 6, 5, 4], [7, 5, 7, 4], [3, 2, 3, 4]]);
    const few = await t.api(`/api/v1/drivers?surveyId=${plain.body.id}&target=nps&attributes=a,b`);
    assert.equal(few.status, 400);
    assert.match(few.body.detail, /Only 3 respondents.*at least 4 are needed/);

    await post([[10, 7, 6, 4], [5, 3, 2, 4], [8, 5, 4, 4], [6, 4, 6, 4]]);
    const constant = await t.api(`/api/v1/drivers?surveyId=${plain.body.id}&target=nps&attributes=a,same&bootstrap=0`);
    assert.equal(constant.status, 400);
    assert.equal(constant.body.field, 'attributes');
    assert.match(constant.body.detail, /"same" has the same value \(4\) for every respondent/);
    // With 7 respondents for 2 attributes the figures come with a warning.
    const small = await t.api(`/api/v1/drivers?surveyId=${plain.body.id}&target=nps&attributes=a,b&bootstrap=0`);
    assert.equal(small.status, 200, JSON.stringify(small.body));
    assert.deepEqual(small.body.warnings.map((w: any) => w.code), ['few_respondents']);
  });
});

describe('drivers API on the demo data', () => {
  let t: TestApp;
  let key: string;
  let surveyId: string;
  before(async () => {
    t = await startTestApp();
    const { orgId } = await seedDemo(t.db);
    key = (await createApiKey(t.db, orgId, 'drivers test', ['read'])).key;
    [{ id: surveyId }] = await t.db.query<{ id: string }>(`select id from surveys where org_id = $1 and kind = 'strategic'`, [orgId]);
  });
  after(() => t.close());

  test('the strategic survey\'s NPS is driven most by reliability, then price fairness, as the generator built it', async () => {
    const res = await t.api(`/api/v1/drivers?surveyId=${surveyId}&target=nps&method=shapley&bootstrap=200`, { key });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const ranked = [...res.body.attributes].sort((a: any, b: any) => b.weight - a.weight).map((a: any) => a.key);
    assert.deepEqual(ranked.slice(0, 2), ['reliability', 'price_fairness']);
    assert.equal(ranked.at(-1), 'sustainability');
    // Reliability's interval lies above price fairness's point estimate: the lead is not resampling noise.
    const [reliability, price] = ['reliability', 'price_fairness'].map((k) => res.body.attributes.find((a: any) => a.key === k));
    assert.ok(reliability.rescaledCi95.lower > price.rescaled, JSON.stringify([reliability, price]));
    assert.equal(res.body.respondents, 2400);
    assert.ok(res.body.excluded > 0 && res.body.n + res.body.excluded === 2400);
    const logistic = await t.api(`/api/v1/drivers?surveyId=${surveyId}&target=nps&method=promoter-logistic`, { key });
    assert.ok(logistic.body.coefficients.slice(1).every((c: any) => c.oddsRatio > 1), 'every better answer raises the odds of promoting');
  });
});
