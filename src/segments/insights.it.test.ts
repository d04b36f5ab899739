import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';

const texts = (en: string) => ({ fi: en, en });
const close = (actual: number, expected: number, what: string, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${what}: ${actual} vs ${expected}`);
/** t(0.975) quantiles from published tables (R: qt(0.975, df)). */
const t975 = { 2: 4.302652729911275 };

describe('revenue and churn by NPS category', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    const survey = await t.api('/api/v1/surveys', {
      body: {
        name: 'Relationship', kind: 'strategic', defaultLanguage: 'en', languages: ['en', 'fi'], title: texts('R'),
        questions: [{ key: 'nps', type: 'nps', text: texts('Recommend?') }, { key: 'csat', type: 'csat', text: texts('Satisfied?') }],
      },
    });
    const surveyId = survey.body.id;
    // contact: [revenue, churned, latest NPS]
    const people: Record<string, [number | null, boolean | null, number | null]> = {
      A: [200, false, 10], B: [300, false, 9], C: [400, true, 10], // promoters
      D: [150, false, 7], E: [250, true, 8], // passives
      F: [100, true, 0], G: [50, true, 6], H: [null, true, 3], I: [null, false, 5], J: [90, null, 2], // detractors
      K: [1000, true, null], // answered only CSAT: not in any category
    };
    const batch = await t.api('/api/v1/contacts/batch', {
      body: {
        contacts: Object.entries(people).map(([externalId, [revenue, churned]]) => ({
          externalId, operational: { ...(revenue === null ? {} : { revenue }), ...(churned === null ? {} : { churned }) },
        })),
      },
    });
    assert.equal(batch.status, 200, JSON.stringify(batch.body));
    const id = Object.fromEntries(batch.body.items.map((i: any) => [i.externalId, i.id]));
    // Revenue that is not a number (the API refuses one; an older import may have stored it) is left out.
    await t.db.query(`update contacts set operational = operational || '{"revenue": "n/a"}' where org_id = $1 and id = $2`, [t.orgId, id.H]);
    const responses: object[] = Object.entries(people).flatMap(([name, [, , nps]]) => (nps === null
      ? [{ surveyId, contactId: id[name], answers: [{ question: 'csat', value: 5 }] }]
      : [{ surveyId, contactId: id[name], submittedAt: '2026-05-01T10:00:00Z', answers: [{ question: 'nps', value: nps }] }]));
    // J was a promoter before; only the latest answer counts. An anonymous promoter counts nowhere.
    responses.push({ surveyId, contactId: id.J, submittedAt: '2026-01-01T10:00:00Z', answers: [{ question: 'nps', value: 10 }] });
    responses.push({ surveyId, submittedAt: '2026-05-01T10:00:00Z', answers: [{ question: 'nps', value: 10 }] });
    const stored = await t.api('/api/v1/responses/batch', { body: { responses } });
    assert.equal(stored.status, 200, JSON.stringify(stored.body));
  });
  after(() => t.close());

  test('means with t-intervals, churn rates and ratios to the average, by hand', async () => {
    const res = await t.api('/api/v1/segments/outcomes?values=revenue&churn=churned');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.contacts, 10);
    const [promoters, passives, detractors] = res.body.categories;
    assert.deepEqual([promoters.contacts, passives.contacts, detractors.contacts], [3, 2, 5]);
    // Overall revenue: 200, 300, 400, 150, 250, 100, 50, 90 → 1540 / 8 ("n/a" and missing left out).
    const overall = 1540 / 8;
    close(res.body.overall.values.revenue.mean, overall, 'overall mean');
    // Promoters 200, 300, 400: mean 300, sd 100, 300 ± t(0.975, 2) · 100 / √3.
    const p = promoters.values.revenue;
    assert.equal(p.n, 3);
    close(p.mean, 300, 'promoter mean');
    close(p.sd, 100, 'promoter sd');
    close(p.ci95[0], 300 - (t975[2] * 100) / Math.sqrt(3), 'promoter CI low', 1e-6);
    close(p.ratioToAverage, 300 / overall, 'promoter ratio');
    // Detractors 100, 50, 90 (J's latest answer is 2): mean 80, sd √700.
    const d = detractors.values.revenue;
    close(d.mean, 80, 'detractor mean');
    close(d.sd, Math.sqrt(700), 'detractor sd');
    close(passives.values.revenue.mean, 200, 'passive mean');
    // Churn: flags of A…I (J has none): 5 of 9 churned; promoters 1 of 3, detractors 3 of 4.
    assert.deepEqual([res.body.overall.churn.n, res.body.overall.churn.churned], [9, 5]);
    close(promoters.churn.rate, 1 / 3, 'promoter churn');
    close(promoters.churn.ratioToAverage, (1 / 3) / (5 / 9), 'promoter churn ratio');
    close(detractors.churn.rate, 3 / 4, 'detractor churn');
    // Welch: se² = 100²/3 + 700/3, t = 220 / se, df = se⁴ / ((100²/3)²/2 + (700/3)²/2).
    const se2 = 10000 / 3 + 700 / 3;
    const welch = res.body.promotersVsDetractors.values.revenue;
    close(welch.difference, 220, 'difference');
    close(welch.t, 220 / Math.sqrt(se2), 't');
    close(welch.df, (se2 * se2) / ((10000 / 3) ** 2 / 2 + (700 / 3) ** 2 / 2), 'df');
    assert.match(res.body.warnings.join(' '), /Fewer than 30 contacts/);
  });

  test('a key no contact has is a warning, no slice with NPS answers a 400, an empty list a 400', async () => {
    const res = await t.api('/api/v1/segments/outcomes?values=margin&churn=');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.overall.values.margin.mean, null);
    assert.equal(res.body.categories[0].churn, null);
    assert.match(res.body.warnings[0], /numeric "margin"/);
    const none = await t.api('/api/v1/segments/outcomes?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z');
    assert.equal(none.status, 400);
    assert.match(none.body.detail, /No contact in this slice has answered an NPS question/);
    assert.equal((await t.api('/api/v1/segments/outcomes?values=,')).status, 400);
  });
});

describe('needs-based segmentation API', () => {
  let t: TestApp;
  let surveyId: string;
  /** Respondents' answers to q1…q4 by planted group. */
  const groups: Record<string, number[][]> = { a: [], b: [], c: [] };

  before(async () => {
    t = await startTestApp();
    const likert = (key: string, extra = {}) => ({ key, type: 'likert7', isDriver: true, text: texts(key), ...extra });
    const survey = await t.api('/api/v1/surveys', {
      body: {
        name: 'Needs', kind: 'strategic', defaultLanguage: 'en', languages: ['en', 'fi'], title: texts('Needs'),
        questions: [likert('q1'), likert('q2', { allowDontKnow: true }), likert('q3'), likert('q4'), { key: 'nps', type: 'nps', text: texts('NPS') }],
      },
    });
    surveyId = survey.body.id;
    for (let i = 0; i < 20; i++) groups.a.push([7 - (i % 2), 7 - (i % 3 === 0 ? 1 : 0), 1 + (i % 2), 1]);
    for (let i = 0; i < 15; i++) groups.b.push([1 + (i % 2), 1, 7, 7 - (i % 3 === 0 ? 1 : 0)]);
    for (let i = 0; i < 10; i++) groups.c.push([1, 7, 7 - (i % 2), 1]);
    const responses = Object.values(groups).flat().map((row) => ({
      surveyId, answers: [...row.map((value, j) => ({ question: `q${j + 1}`, value })), { question: 'nps', value: 8 }],
    }));
    // Three respondents cannot be placed: don't know on q2, q3 missing, q2 don't know again.
    responses.push({ surveyId, answers: [{ question: 'q1', value: 4 }, { question: 'q2', dontKnow: true } as any, { question: 'q3', value: 4 }, { question: 'q4', value: 4 }] });
    responses.push({ surveyId, answers: [{ question: 'q1', value: 4 }, { question: 'q2', value: 4 }, { question: 'q4', value: 4 }] });
    responses.push({ surveyId, answers: [{ question: 'q1', value: 7 }, { question: 'q2', dontKnow: true } as any, { question: 'q3', value: 1 }, { question: 'q4', value: 1 }] });
    const stored = await t.api('/api/v1/responses/batch', { body: { responses } });
    assert.equal(stored.status, 200, JSON.stringify(stored.body));
  });
  after(() => t.close());

  /** Brute-force mean silhouette of the planted grouping (Rousseeuw 1987), Euclidean on raw answers. */
  function plantedSilhouette(): number {
    const labelled = Object.entries(groups).flatMap(([g, rows]) => rows.map((row) => ({ g, row })));
    const distance = (x: number[], y: number[]) => Math.sqrt(x.reduce((s, v, j) => s + (v - y[j]) ** 2, 0));
    let total = 0;
    for (const p of labelled) {
      const meanTo = (g: string) => {
        const others = labelled.filter((q) => q.g === g && q !== p);
        return others.reduce((s, q) => s + distance(p.row, q.row), 0) / others.length;
      };
      const a = meanTo(p.g);
      const b = Math.min(...Object.keys(groups).filter((g) => g !== p.g).map(meanTo));
      total += (b - a) / Math.max(a, b);
    }
    return total / labelled.length;
  }

  test('k chosen from 2–5 by silhouette recovers the planted groups; sizes, means and silhouette match independent computation', async () => {
    const res = await t.api(`/api/v1/segments/needs?surveyId=${surveyId}&k=2-5`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.k, 3);
    assert.equal(res.body.n, 45);
    assert.equal(res.body.excluded, 3);
    assert.equal(res.body.standardised, false, 'one answer scale: raw answers');
    assert.deepEqual(res.body.attributes.map((a: any) => a.key), ['q1', 'q2', 'q3', 'q4'], 'driver questions by default, NPS not among them');
    assert.deepEqual(res.body.quality.tried.map((x: any) => x.k), [2, 3, 4, 5]);
    close(res.body.quality.silhouette, plantedSilhouette(), 'silhouette');
    const bySize = new Map(res.body.clusters.map((c: any) => [c.size, c]));
    const all = Object.values(groups).flat();
    for (const [name, size] of [['a', 20], ['b', 15], ['c', 10]] as const) {
      const cluster: any = bySize.get(size);
      assert.ok(cluster, `a cluster of ${size}`);
      close(cluster.share, size / 45, 'share');
      for (let j = 0; j < 4; j++) {
        const mean = groups[name].reduce((s, row) => s + row[j], 0) / size;
        const overall = all.reduce((s, row) => s + row[j], 0) / all.length;
        close(cluster.attributes[j].mean, mean, `${name} q${j + 1} mean`);
        close(cluster.attributes[j].difference, mean - overall, `${name} q${j + 1} difference`);
      }
    }
    // Group b answers q2 low and q4 high where the others do the opposite: those set it apart.
    const b: any = bySize.get(15);
    assert.deepEqual(b.distinctive.slice(0, 2).map((d: any) => `${d.key} ${d.direction}`).sort(), ['q2 lower', 'q4 higher']);
  });

  test('a chosen k is used as given; degenerate requests get clear 400s', async () => {
    const two = await t.api(`/api/v1/segments/needs?surveyId=${surveyId}&k=2&attributes=q1,q3`);
    assert.equal(two.status, 200, JSON.stringify(two.body));
    assert.equal(two.body.k, 2);
    assert.equal(two.body.n, 47, 'only q1 and q3 must be answered now');
    const one = await t.api(`/api/v1/segments/needs?surveyId=${surveyId}&attributes=q1`);
    assert.equal(one.status, 400);
    assert.match(one.body.detail, /at least two score questions/);
    const backwards = await t.api(`/api/v1/segments/needs?surveyId=${surveyId}&k=5-2`);
    assert.equal(backwards.status, 400);
    assert.equal(backwards.body.field, 'k');
    const empty = await t.api(`/api/v1/segments/needs?surveyId=${surveyId}&from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z`);
    assert.equal(empty.status, 400);
    assert.match(empty.body.detail, /Only 0 respondents answered all 4 attributes/);
    const text = await t.api(`/api/v1/segments/needs?surveyId=${surveyId}&attributes=q1,nope`);
    assert.equal(text.status, 400);
    assert.equal(text.body.field, 'attributes');
  });
});
