import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { signInAs, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { createUser } from '../auth/service.ts';
import { createRandom } from '../linalg/random.ts';
import type { FeatureColumn } from './features.ts';
import { analyseChurn, scoreContacts, topReasons } from './model.ts';
import { queueDueRetraining } from './service.ts';

const texts = (en: string) => ({ fi: en, en });
const survey = {
  name: 'Relationship', kind: 'strategic', defaultLanguage: 'en', languages: ['en', 'fi'], title: texts('Relationship'),
  questions: [
    { key: 'nps', type: 'nps', required: true, text: texts('Recommend?') },
    { key: 'csat', type: 'csat', text: texts('Satisfied?') },
    { key: 'ease', type: 'ces', text: texts('Easy?') },
    { key: 'nps_why', type: 'text', text: texts('Why?') },
  ],
};
const negative = 'Terrible, slow and rude service. Very disappointed.';
const positive = 'Great friendly service, thank you!';
const plans = ['basic', 'plus', 'pro'];

/** One generated contact and what the feature table must say about it. */
interface Generated {
  externalId: string;
  id?: string;
  plan: string;
  tenureMonths: number;
  revenue: number;
  churned: boolean | null;
  answers: Array<{ at: string; nps: number; csat?: number; ces?: number; text?: string; inUnit: boolean }>;
  complaints: number;
  openCases: number;
}

describe('churn risk over the database', () => {
  let t: TestApp;
  let unitA: string;
  let surveyId: string;
  const people: Generated[] = [];

  before(async () => {
    t = await startTestApp({ jobs: true });
    unitA = (await t.api('/api/v1/units', { body: { name: 'A' } })).body.id;
    const unitB = (await t.api('/api/v1/units', { body: { name: 'B' } })).body.id;
    await createUser(t.db, t.orgId, { email: 'manager-a@example.com', name: 'Manager A', role: 'unit_manager', unitId: unitA, password: 'manager-pass-1' });
    surveyId = (await t.api('/api/v1/surveys', { body: survey })).body.id;
    const random = createRandom(42);
    for (let i = 0; i < 260; i++) {
      const tenureMonths = 1 + Math.floor(random() * 60);
      const revenue = Math.round(200 + random() * 800);
      const plan = plans[i % 3];
      const answers: Generated['answers'] = [];
      const lastNps = Math.floor(random() * 11);
      if (i % 4 !== 3) {
        if (i % 2 === 0) answers.push({ at: '2026-03-01T10:00:00Z', nps: Math.floor(random() * 11), inUnit: i % 3 === 0 });
        answers.push({
          at: '2026-06-01T10:00:00Z', nps: lastNps, csat: i % 5 === 1 ? undefined : 1 + (i % 5), ces: i % 6 === 0 ? undefined : 1 + (i % 7),
          text: i % 8 === 0 ? negative : i % 8 === 4 ? positive : undefined, inUnit: i % 3 === 0,
        });
      }
      const complaints = i % 5 === 0 ? 1 : 0;
      const openCases = i % 10 === 0 ? 1 : 0;
      // Churn from a known model: detractors, short tenures and open complaints leave more often.
      const eta = -0.5 + (i % 4 !== 3 ? -0.35 * (lastNps - 6) : 0.4) - 0.03 * (tenureMonths - 30) + 0.8 * openCases + (plan === 'basic' ? 0.5 : 0);
      const churned = i >= 220 ? null : random() < 1 / (1 + Math.exp(-eta));
      people.push({ externalId: `c-${String(i).padStart(3, '0')}`, plan, tenureMonths, revenue, churned, answers, complaints, openCases });
    }
    const batch = await t.api('/api/v1/contacts/batch', {
      body: {
        contacts: people.map((p) => ({
          externalId: p.externalId, name: `Customer ${p.externalId}`, email: `${p.externalId}@example.com`,
          operational: { plan: p.plan, tenureMonths: p.tenureMonths, revenue: p.revenue, ...(p.churned === null ? {} : { churned: p.churned }), everyone: 'same' },
        })),
      },
    });
    assert.equal(batch.status, 200, JSON.stringify(batch.body));
    const ids = new Map<string, string>((batch.body.items as Array<{ externalId: string; id: string }>).map((item) => [item.externalId, item.id]));
    for (const p of people) p.id = ids.get(p.externalId);
    const responses = people.flatMap((p) => p.answers.map((a) => ({
      surveyId, contactId: p.id, submittedAt: a.at, language: 'en', ...(a.inUnit ? { unitId: unitA } : { unitId: unitB }),
      answers: [
        { question: 'nps', value: a.nps },
        ...(a.csat ? [{ question: 'csat', value: a.csat }] : []),
        ...(a.ces ? [{ question: 'ease', value: a.ces }] : []),
        ...(a.text ? [{ question: 'nps_why', value: a.text }] : []),
      ],
    })));
    const stored = await t.api('/api/v1/responses/batch', { body: { responses } });
    assert.equal(stored.status, 200, JSON.stringify(stored.body));
    // A complaint e-mail analysed as negative by the text job (feedback_texts) counts as a negative text.
    await t.db.query(`insert into feedback_texts (org_id, id, source, text, occurred_at, contact_id, sentiment) values ($1, $2, 'email', $3, now(), $4, 'negative')`,
      [t.orgId, randomUUID(), 'You lost my order twice.', people[1].id]);
    for (const p of people) {
      for (let k = 0; k < p.complaints; k++) {
        await t.db.query(`insert into cases (org_id, id, kind, title, status, contact_id) values ($1, $2, 'problem', 'Complaint', $3, $4)`,
          [t.orgId, randomUUID(), p.openCases ? 'new' : 'closed', p.id]);
      }
    }
  });
  after(() => t.close());

  /** The feature table written out from the generated data, in contact-id order, as the service must build it. */
  function expectedTable() {
    const ordered = [...people].sort((a, b) => (a.id! < b.id! ? -1 : 1));
    const last = (p: Generated) => p.answers[p.answers.length - 1];
    const num = (f: (p: Generated) => number | undefined) => Float64Array.from(ordered, (p) => f(p) ?? Number.NaN);
    const columns: FeatureColumn[] = [
      { name: 'nps', kind: 'numeric', values: num((p) => last(p)?.nps) },
      { name: 'npsChange', kind: 'numeric', values: num((p) => (p.answers.length === 2 ? p.answers[1].nps - p.answers[0].nps : undefined)) },
      { name: 'csat', kind: 'numeric', values: num((p) => last(p)?.csat) },
      { name: 'ces', kind: 'numeric', values: num((p) => last(p)?.ces) },
      { name: 'complaints', kind: 'numeric', values: num((p) => p.complaints) },
      { name: 'openCases', kind: 'numeric', values: num((p) => p.openCases) },
      { name: 'negativeTexts', kind: 'numeric', values: num((p) => p.answers.filter((a) => a.text === negative).length + (p === people[1] ? 1 : 0)) },
      { name: 'plan', kind: 'categorical', values: ordered.map((p) => p.plan) },
      { name: 'revenue', kind: 'numeric', values: num((p) => p.revenue) },
      { name: 'tenureMonths', kind: 'numeric', values: num((p) => p.tenureMonths) },
    ];
    const churned = Float64Array.from(ordered, (p) => (p.churned === null ? Number.NaN : p.churned ? 1 : 0));
    return { ordered, columns, churned };
  }

  async function train(body: object) {
    const res = await t.api('/api/v1/churn/models', { body });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    return waitUntil(async () => (await t.api(`/api/v1/churn/models/${res.body.id}`)).body, (run) => run.status === 'done' || run.status === 'failed', 'churn training', 60_000);
  }

  test('before training: no model is a 404 with a clear message; a missing flag or feature is a 400 naming it', async () => {
    const none = await t.api('/api/v1/churn/at-risk');
    assert.equal(none.status, 404);
    assert.match(none.body.detail, /No churn model has been trained yet/);
    const noFlag = await t.api('/api/v1/churn/models', { body: { target: 'cancelled' } });
    assert.equal(noFlag.status, 400);
    assert.equal(noFlag.body.field, 'target');
    const noFeature = await t.api('/api/v1/churn/models', { body: { features: ['nps', 'shoeSize'] } });
    assert.equal(noFeature.status, 400);
    assert.match(noFeature.body.detail, /shoeSize/);
  });

  test('training reproduces the model fitted on the hand-built feature table; holdout quality, risks and reasons are stored', async () => {
    const run = await train({});
    assert.equal(run.status, 'done', run.error);
    assert.equal(run.progress, 100);
    const { ordered, columns, churned } = expectedTable();
    const expected = analyseChurn(columns, churned, { random: createRandom(1), holdoutFraction: 0.2, l2: 1 });
    const report = (await t.api('/api/v1/churn/model')).body;
    assert.equal(report.id, run.id);
    assert.deepEqual(report.leftOut, [{ feature: 'everyone', reason: 'the same value for every contact with a churn flag' }]);
    assert.deepEqual(report.coefficients.map((c: any) => c.column), expected.model.labels);
    report.coefficients.forEach((c: any, k: number) => assert.ok(Math.abs(c.coefficient - expected.model.coefficients[k]) < 1e-9, `${c.column}: ${c.coefficient} vs ${expected.model.coefficients[k]}`));
    assert.equal(report.trainedOn, 176); // 220 labelled, 20 % (44) held out
    assert.equal(report.unlabelled, 40);
    assert.equal(report.holdout.holdoutN, 44);
    assert.ok(Math.abs(report.holdout.auc - expected.holdout.auc!) < 1e-12);
    // Which 44 contacts are held out follows the contacts' random ids, and on 44 the AUC of this
    // signal ranges widely (0.6 was once missed); the exact check is the equality above.
    assert.ok(report.holdout.auc > 0.5, `AUC ${report.holdout.auc}`);
    assert.equal(report.holdout.deciles.length, 10);
    assert.deepEqual(report.holdout.deciles.map((d: any) => d.churners), expected.holdout.deciles.map((d) => d.churners));

    // Scores: everyone not known to have churned, riskiest first, as the independent model scores them.
    const stayers = ordered.map((p, i) => ({ p, i })).filter(({ p }) => p.churned !== true);
    const rows = Uint32Array.from(stayers, (s) => s.i);
    const risk = scoreContacts(expected.model, columns);
    const reasons = topReasons(expected.model, columns, rows, 3);
    const expectedOrder = stayers.map((s, k) => ({ id: s.p.id!, risk: risk[s.i], reasons: reasons[k] }))
      .sort((a, b) => b.risk - a.risk || (a.id < b.id ? -1 : 1));
    assert.equal(report.scored, expectedOrder.length);
    const seen: any[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.api(`/api/v1/churn/at-risk?limit=70${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    assert.equal(seen.length, expectedOrder.length);
    seen.forEach((item, k) => {
      assert.equal(item.contactId, expectedOrder[k].id);
      assert.ok(Math.abs(item.risk - expectedOrder[k].risk) < 1e-9);
      assert.deepEqual(item.reasons.map((r: any) => r.feature), expectedOrder[k].reasons.map((r) => r.feature));
    });
    assert.match(seen[0].email, /@example\.com$/);

    const minRisk = expectedOrder[9].risk;
    const top = await t.api(`/api/v1/churn/at-risk?minRisk=${minRisk}`);
    assert.equal(top.body.items.length, 10);
    // Flagged as churned after scoring: off the list at once, back when the flag is cleared.
    await t.db.query(`update contacts set operational = operational || '{"churned": "yes"}' where org_id = $1 and id = $2`, [t.orgId, expectedOrder[0].id]);
    const after = await t.api(`/api/v1/churn/at-risk?minRisk=${minRisk}`);
    assert.deepEqual(after.body.items.map((i: any) => i.contactId), expectedOrder.slice(1, 10).map((e) => e.id));
    const original = people.find((p) => p.id === expectedOrder[0].id)!.churned;
    await t.db.query(`update contacts set operational = (operational - 'churned') || $3::jsonb where org_id = $1 and id = $2`,
      [t.orgId, expectedOrder[0].id, original === null ? '{}' : JSON.stringify({ churned: original })]);
  });

  test('CSV export for outreach: the same order, reasons named with their values; unit managers see only contacts who answered in their units', async () => {
    const res = await fetch(`${t.url}/api/v1/churn/at-risk.csv?limit=25`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /text\/csv/);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.equal(lines[0], 'contact_id,external_id,name,email,phone,segment,risk,reason_1,reason_2,reason_3');
    assert.equal(lines.length, 26);
    const page = (await t.api('/api/v1/churn/at-risk?limit=25')).body.items;
    lines.slice(1).forEach((line, k) => {
      const cells = line.split(',');
      assert.equal(cells[0], page[k].contactId);
      assert.equal(Number(cells[6]), Number(page[k].risk.toFixed(4)));
      if (page[k].reasons[0]) assert.ok(cells[7].startsWith(`${page[k].reasons[0].feature}`), cells[7]);
    });

    const manager = await signInAs(t, 'manager-a@example.com', 'manager-pass-1');
    const scoped = await manager('/api/v1/churn/at-risk?limit=500');
    assert.equal(scoped.status, 200, JSON.stringify(scoped.body));
    const inUnit = new Set(people.filter((p) => p.answers.some((a) => a.inUnit) && p.churned !== true).map((p) => p.id));
    assert.equal(scoped.body.items.length, inUnit.size);
    for (const item of scoped.body.items) assert.ok(inUnit.has(item.contactId));
    const trainAsManager = await manager('/api/v1/churn/models', { body: {} });
    assert.equal(trainAsManager.status, 403);
  });

  test('degenerate data fails the run with a clear message; the scheduled retrain queues a run only for a stale model', async () => {
    await t.db.query(`update contacts set operational = operational || '{"allGone": true}' where org_id = $1`, [t.orgId]);
    const failed = await train({ target: 'allGone' });
    assert.equal(failed.status, 'failed');
    assert.match(failed.error, /Every contact in the training data churned/);
    // The failed run leaves the current model in place.
    const report = (await t.api('/api/v1/churn/model')).body;
    assert.equal(report.latestRun.id, failed.id);
    assert.notEqual(report.id, failed.id);

    // A run lost with its process (still "running" hours later) neither blocks training nor the schedule.
    const [lost] = await t.db.query<{ id: string }>(
      `insert into churn_models (org_id, status, options, started_at, created_at) values ($1, 'running', '{}', now() - interval '7 hours', now() - interval '7 hours') returning id`, [t.orgId]);
    assert.equal(await queueDueRetraining(t.db, t.jobs!, new Date(Date.now() + 86_400_000)), 0);
    const lostRun = (await t.api(`/api/v1/churn/models/${lost.id}`)).body;
    assert.equal(lostRun.status, 'failed');
    assert.match(lostRun.error, /Interrupted/);
    assert.equal(await queueDueRetraining(t.db, t.jobs!, new Date(Date.now() + 8 * 86_400_000)), 1);
    const [scheduled] = await t.db.query<{ id: string }>(`select id from churn_models where org_id = $1 and trigger = 'schedule'`, [t.orgId]);
    await waitUntil(async () => (await t.api(`/api/v1/churn/models/${scheduled.id}`)).body, (run) => run.status === 'done', 'scheduled retrain', 60_000);
    const latest = (await t.api('/api/v1/churn/model')).body;
    // Every run of the organisation goes into the message, should another run ever appear here.
    const runs = await t.db.query(`select id, status, trigger, created_at, started_at, finished_at from churn_models where org_id = $1 order by created_at`, [t.orgId]);
    assert.equal(latest.id, scheduled.id, JSON.stringify(runs));
    assert.equal(latest.latestRun.id, scheduled.id, JSON.stringify(runs));
    assert.equal(latest.options.target, 'churned');
    const [{ models }] = await t.db.query<{ models: number }>('select count(distinct model_id)::int as models from churn_scores where org_id = $1', [t.orgId]);
    assert.equal(models, 1);
  });

  test('deleting a contact deletes its churn scores (churn_scores has no foreign key to cascade them)', async () => {
    const [scored] = await t.db.query<{ contactId: string }>(
      `select s.contact_id as "contactId" from churn_scores s
        where s.org_id = $1 and not exists (select 1 from responses r where r.org_id = s.org_id and r.contact_id = s.contact_id) limit 1`, [t.orgId]);
    assert.ok(scored, 'a scored contact without responses');
    const scoresOf = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from churn_scores where org_id = $1 and contact_id = $2', [t.orgId, scored.contactId]))[0].n;
    assert.equal(await scoresOf(), 1);
    assert.equal((await t.api(`/api/v1/contacts/${scored.contactId}`, { method: 'DELETE' })).status, 204);
    assert.equal(await scoresOf(), 0);
  });
});
