import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Database, Queryable } from '../db/connection.ts';
import { testBackend, testDatabase } from '../../test/helpers/db.ts';
import { createOrganization, createUnit } from '../orgs/service.ts';
import { createJourney, createStage, createTouchpoint } from '../journeys/service.ts';
import { createSurvey } from '../surveys/service.ts';
import { prepareResponse, storeResponses, type ResponseInput } from '../responses/service.ts';
import { ResponseWriter } from '../responses/group-commit.ts';
import type { DataScope } from '../auth/permissions.ts';
import { answerHistograms, scoreHistograms, type Dimension, type HistogramQuery, type Interval, type Metric, type MetricFilters } from './queries.ts';
import { foldScoreHistograms, rollupHistogramRows } from './rollups.ts';
import { summarize } from './service.ts';

/**
 * The rollup against a direct aggregation of the answers (`answerHistograms`, the SQL the
 * metrics used before the rollup): random responses, late ones among them, then random edits,
 * moves, deletions (answers first or the response first), folds at random moments and changes
 * of the organisation's time zone; after each step random slices, periods and filters must give
 * identical histograms — and so identical NPS, CSAT, CES, Likert figures, n and intervals.
 *
 * Responses arrive by both ingestion paths — the batch (`storeResponses`, atomic) and concurrent
 * single requests through the group-commit writer — which write their deltas in the ingestion
 * statement itself, and answers added later to stored responses by a plain insert, which the
 * answers insert trigger counts; also the two in one transaction, in either order and with a
 * repeated idempotency key that stores nothing, so the trigger must count exactly the
 * statements the ingestion statement did not (migration 0024).
 */
interface Fixture {
  orgId: string;
  units: string[];
  journeys: string[];
  stages: string[];
  touchpoints: string[];
  surveys: Array<{ id: string; questions: string[] }>;
}

/**
 * Answers and range ends cluster around these days (month and year ends, daylight saving time
 * changes) so that partial days at the ends of a range, local days that differ from UTC days
 * and late answers in earlier months all hold data.
 */
const days = ['2024-01-31', '2024-02-01', '2024-12-31', '2025-01-01', '2025-03-30', '2025-03-31', '2025-10-25', '2025-10-26',
  '2026-02-28', '2026-03-01', '2026-03-29', '2026-06-30', '2026-07-01', '2026-11-19'].map((d) => Date.parse(`${d}T00:00:00Z`));
/** Local midnights in Helsinki, some on the days daylight saving time starts or ends. */
const midnights = ['2024-02-01T00:00:00+02:00', '2025-01-01T00:00:00+02:00', '2025-03-30T00:00:00+02:00', '2025-06-15T00:00:00+03:00',
  '2025-10-26T00:00:00+03:00', '2026-03-01T00:00:00+02:00', '2026-03-29T00:00:00+02:00', '2026-07-01T00:00:00+03:00'].map((s) => new Date(s).toISOString());

describe(`score-histogram rollup equals the answers (${testBackend})`, () => {
  let db: Database;
  let runs = 0;
  before(async () => { db = await testDatabase(); });
  after(() => db.close());

  async function fixture(): Promise<Fixture> {
    const orgId = await createOrganization(db, { name: 'Rollup', slug: `rollup-${++runs}` });
    const region = await createUnit(db, orgId, { name: 'North', kind: 'region' });
    const units = [region, await createUnit(db, orgId, { name: 'N1', parentId: region }), await createUnit(db, orgId, { name: 'South' })];
    units.push(await createUnit(db, orgId, { name: 'N1a', parentId: units[1] }));
    const journeys = [await createJourney(db, orgId, { name: 'Move-in' }), await createJourney(db, orgId, { name: 'Billing' })];
    const stages = [await createStage(db, orgId, journeys[0], { name: 'Contract', phase: 'before' }), await createStage(db, orgId, journeys[0], { name: 'Keys', phase: 'during' }),
      await createStage(db, orgId, journeys[1], { name: 'Invoice', phase: 'after' })];
    const touchpoints = [
      await createTouchpoint(db, orgId, { stageId: stages[0], name: 'Phone', channel: 'phone', ownerUnitId: units[1] }),
      await createTouchpoint(db, orgId, { stageId: stages[1], name: 'Office', channel: 'store', ownerUnitId: units[3] }),
      await createTouchpoint(db, orgId, { stageId: stages[2], name: 'Web', channel: 'web', ownerUnitId: units[2] }),
    ];
    const full = await createSurvey(db, orgId, {
      name: 'Strategic', kind: 'strategic', defaultLanguage: 'fi', languages: ['fi', 'sv'], title: { fi: 'T', sv: 'T' },
      questions: [
        { key: 'nps', type: 'nps', required: true, text: { fi: 'a' } },
        { key: 'csat', type: 'csat', text: { fi: 'b' } },
        { key: 'ces', type: 'ces', text: { fi: 'c' } },
        { key: 'staff', type: 'likert7', allowDontKnow: true, text: { fi: 'd' } },
        { key: 'price', type: 'likert7', allowDontKnow: true, text: { fi: 'e' } },
      ],
    });
    const pulse = await createSurvey(db, orgId, {
      name: 'Pulse', kind: 'pulse', defaultLanguage: 'fi', languages: ['fi'], title: { fi: 'P' },
      questions: [{ key: 'nps', type: 'nps', required: true, text: { fi: 'a' } }, { key: 'staff', type: 'likert7', allowDontKnow: true, text: { fi: 'd' } }],
    });
    return { orgId, units, journeys, stages, touchpoints, surveys: [full, pulse].map((s) => ({ id: s.id, questions: s.questions.map((q) => q.id) })) };
  }

  const pick = <T>(list: T[], i: number) => list[i % list.length];
  const when = fc.tuple(fc.constantFrom(...days), fc.integer({ min: -6 * 60, max: 30 * 60 })).map(([day, minutes]) => new Date(day + minutes * 60_000 + 7_000).toISOString());
  const response = fc.record({
    survey: fc.nat(), touchpoint: fc.option(fc.nat(), { nil: undefined }), unit: fc.option(fc.nat(), { nil: undefined }),
    channel: fc.option(fc.constantFrom('web', 'phone', 'email'), { nil: undefined }), language: fc.constantFrom('fi', 'sv'), at: when,
    nps: fc.integer({ min: 0, max: 10 }), csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    ces: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
    staff: fc.option(fc.oneof(fc.integer({ min: 1, max: 7 }), fc.constant('dk' as const)), { nil: undefined }),
  });
  const step = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), responses: fc.array(response, { minLength: 1, maxLength: 8 }) }),
    fc.record({ kind: fc.constant('single' as const), responses: fc.array(response, { minLength: 1, maxLength: 6 }) }),
    fc.record({ kind: fc.constant('late' as const), response: fc.nat(), value: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ kind: fc.constant('mixed' as const), responses: fc.array(response, { minLength: 1, maxLength: 4 }), response: fc.nat(),
      value: fc.integer({ min: 0, max: 7 }), lateFirst: fc.boolean() }),
    fc.record({ kind: fc.constant('fold' as const) }),
    fc.record({ kind: fc.constant('rescore' as const), response: fc.nat(), value: fc.integer({ min: 0, max: 10 }) }),
    fc.record({ kind: fc.constant('dontKnow' as const), response: fc.nat() }),
    fc.record({ kind: fc.constant('move' as const), response: fc.nat(), unit: fc.option(fc.nat(), { nil: null }), touchpoint: fc.option(fc.nat(), { nil: null }),
      channel: fc.option(fc.constantFrom('web', 'store'), { nil: null }), at: when }),
    fc.record({ kind: fc.constant('deleteResponse' as const), response: fc.nat(), answersFirst: fc.boolean() }),
    fc.record({ kind: fc.constant('deleteAnswer' as const), response: fc.nat() }),
    fc.record({ kind: fc.constant('timeZone' as const), zone: fc.constantFrom('Europe/Helsinki', 'Asia/Kolkata', 'America/St_Johns') }),
  );
  const dims: Dimension[] = ['period', 'journey', 'stage', 'touchpoint', 'channel', 'unit', 'survey', 'question', 'language'];
  /** Absent five times in six: filters that send a query to the answers stay rare. */
  const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: arb, weight: 1 });
  const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
  const instant = fc.oneof(fc.constantFrom(...midnights), when);
  const slice = fc.record({
    metric: fc.constantFrom<Metric>('nps', 'csat', 'ces', 'likert'),
    by: fc.subarray(dims, { maxLength: 2 }),
    interval: fc.constantFrom<Interval>('day', 'week', 'month', 'quarter', 'year'),
    range: fc.tuple(sometimes(instant), sometimes(instant)).map(([a, b]) => (a && b && a > b ? [b, a] : [a, b])),
    unit: sometimes(fc.nat()), touchpoint: rarely(fc.nat()), journey: rarely(fc.nat()), stage: rarely(fc.nat()),
    channel: rarely(fc.constantFrom('web', 'phone', 'store')), survey: rarely(fc.nat()), question: rarely(fc.nat()),
    language: rarely(fc.constantFrom('fi', 'sv')), scopeUnits: rarely(fc.subarray([0, 1, 2, 3], { minLength: 1 })),
  });

  function histogramQuery(fx: Fixture, s: typeof slice extends fc.Arbitrary<infer T> ? T : never, timeZone: string): HistogramQuery {
    const filters: MetricFilters = {};
    const [from, to] = s.range;
    if (from) filters.from = from;
    if (to) filters.to = to;
    if (s.unit !== undefined) filters.unitId = pick(fx.units, s.unit);
    if (s.touchpoint !== undefined) filters.touchpointId = pick(fx.touchpoints, s.touchpoint);
    if (s.journey !== undefined) filters.journeyId = pick(fx.journeys, s.journey);
    if (s.stage !== undefined) filters.stageId = pick(fx.stages, s.stage);
    if (s.channel) filters.channel = s.channel;
    if (s.survey !== undefined) filters.surveyId = pick(fx.surveys, s.survey).id;
    if (s.question !== undefined) filters.questionId = pick(fx.surveys.flatMap((sv) => sv.questions), s.question);
    if (s.language) filters.language = s.language;
    const scope: DataScope = s.scopeUnits ? { kind: 'units', unitIds: s.scopeUnits.map((i) => fx.units[i]) } : { kind: 'all' };
    return { orgId: fx.orgId, metric: s.metric, by: s.by, interval: s.interval, timeZone, filters, scope };
  }

  type Generated = typeof response extends fc.Arbitrary<infer T> ? T : never;
  async function prepare(fx: Fixture, responses: Generated[], keyed = false) {
    const prepared = [];
    for (const r of responses) {
      const survey = pick(fx.surveys, r.survey);
      const answers: ResponseInput['answers'] = [{ question: 'nps', value: r.nps }];
      if (survey === fx.surveys[0]) {
        if (r.csat !== undefined) answers.push({ question: 'csat', value: r.csat });
        if (r.ces !== undefined) answers.push({ question: 'ces', value: r.ces });
      }
      if (r.staff === 'dk') answers.push({ question: 'staff', dontKnow: true });
      else if (r.staff !== undefined) answers.push({ question: 'staff', value: r.staff });
      prepared.push(await prepareResponse(db, fx.orgId, {
        surveyId: survey.id, touchpointId: r.touchpoint === undefined ? null : pick(fx.touchpoints, r.touchpoint),
        unitId: r.unit === undefined ? null : pick(fx.units, r.unit), channel: r.channel ?? null, language: r.language, submittedAt: r.at, answers,
        idempotencyKey: keyed ? `key-${++keys}` : null,
      }));
    }
    return prepared;
  }
  let keys = 0;

  /** The batch path: one atomic ingestion statement. */
  async function insert(fx: Fixture, ids: string[], responses: Generated[], on: Queryable = db, keyed = false) {
    const prepared = await prepare(fx, responses, keyed);
    const stored = await storeResponses(on, fx.orgId, prepared, 'api');
    ids.push(...stored.filter((s) => s.created).map((s) => s.id));
    return prepared;
  }

  /** The single-request path: concurrent writes through the group-commit writer (several per statement). */
  async function insertSingly(fx: Fixture, ids: string[], responses: Generated[]) {
    const writer = new ResponseWriter(db, { maxConcurrent: 2, maxBatch: 3 });
    const prepared = await prepare(fx, responses);
    const stored = await Promise.all(prepared.map((p) => writer.write(fx.orgId, p, 'api')));
    ids.push(...stored.map((s) => s.id));
  }

  /** A late answer: a score question the response has not answered, added by a plain insert (the trigger's path). */
  async function lateAnswer(on: Queryable, orgId: string, responseId: string, value: number) {
    await on.query(`insert into answers (org_id, response_id, question_id, number, dont_know)
      select $1, r.id, q.id, case when q.type = 'likert7' and $3::int = 0 then null else least(greatest($3::int, 1), case q.type when 'csat' then 5 else 7 end) end,
             q.type = 'likert7' and $3::int = 0
        from responses r join questions q on q.org_id = r.org_id and q.survey_id = r.survey_id and q.type in ('csat', 'ces', 'likert7')
       where r.org_id = $1 and r.id = $2 and not exists (select 1 from answers a where a.org_id = $1 and a.response_id = r.id and a.question_id = q.id)
       order by q.position limit 1`, [orgId, responseId, value]);
  }

  async function apply(fx: Fixture, ids: string[], s: typeof step extends fc.Arbitrary<infer T> ? T : never): Promise<string | undefined> {
    const target = ids.length > 0 && 'response' in s ? pick(ids, s.response) : undefined;
    switch (s.kind) {
      case 'insert': await insert(fx, ids, s.responses); return;
      case 'single': await insertSingly(fx, ids, s.responses); return;
      case 'fold': await foldScoreHistograms(db); return;
      case 'timeZone': await db.query(`update organizations set time_zone = $2 where id = $1`, [fx.orgId, s.zone]); return s.zone;
    }
    if (!target) return;
    switch (s.kind) {
      case 'late': await lateAnswer(db, fx.orgId, target, s.value); return;
      case 'mixed':
        // One transaction: ingestion, the same responses again (duplicates: no answers stored),
        // and a late answer, the late answer first or last.
        await db.transaction(async (tx) => {
          if (s.lateFirst) await lateAnswer(tx, fx.orgId, target, s.value);
          const prepared = await insert(fx, ids, s.responses, tx, true);
          const again = await storeResponses(tx, fx.orgId, prepared, 'api');
          assert.ok(again.every((r) => !r.created));
          if (!s.lateFirst) await lateAnswer(tx, fx.orgId, target, s.value);
        });
        return;
      case 'rescore':
        await db.query(`update answers set number = $3, dont_know = false from questions q
          where answers.org_id = $1 and answers.response_id = $2 and q.org_id = $1 and q.id = answers.question_id and q.key = 'nps'`, [fx.orgId, target, s.value]);
        return;
      case 'dontKnow':
        await db.query(`update answers set number = null, dont_know = true from questions q
          where answers.org_id = $1 and answers.response_id = $2 and q.org_id = $1 and q.id = answers.question_id and q.type = 'likert7'`, [fx.orgId, target]);
        return;
      case 'move':
        await db.query(`update responses set unit_id = $3, touchpoint_id = $4, channel = $5::channel, submitted_at = $6 where org_id = $1 and id = $2`,
          [fx.orgId, target, s.unit === null ? null : pick(fx.units, s.unit), s.touchpoint === null ? null : pick(fx.touchpoints, s.touchpoint), s.channel, s.at]);
        return;
      case 'deleteResponse': {
        const answers = () => db.query(`delete from answers where org_id = $1 and response_id = $2`, [fx.orgId, target]);
        const response = () => db.query(`delete from responses where org_id = $1 and id = $2`, [fx.orgId, target]);
        if (s.answersFirst) { await answers(); await response(); } else { await response(); await answers(); }
        ids.splice(ids.indexOf(target), 1);
        return;
      }
      case 'deleteAnswer':
        await db.query(`delete from answers where org_id = $1 and response_id = $2 and question_id in (select id from questions where org_id = $1 and key = 'nps')`, [fx.orgId, target]);
    }
  }

  test('random slices agree after inserts, late answers, edits, moves, deletions, folds and time-zone changes', async () => {
    let servedByRollup = 0;
    let queries = 0;
    await fc.assert(fc.asyncProperty(
      fc.array(response, { minLength: 5, maxLength: 30 }), fc.array(step, { minLength: 1, maxLength: 8 }), fc.array(slice, { minLength: 4, maxLength: 4 }),
      async (initial, steps, slices) => {
        const fx = await fixture();
        const ids: string[] = [];
        let timeZone = 'Europe/Helsinki';
        await insert(fx, ids, initial);
        for (const [i, s] of steps.entries()) {
          timeZone = await apply(fx, ids, s) ?? timeZone;
          const query = histogramQuery(fx, slices[i % slices.length], timeZone);
          const expected = await answerHistograms(db, query);
          const actual = await scoreHistograms(db, query);
          assert.deepEqual(actual, expected, JSON.stringify(query));
          assert.deepEqual(actual.map((g) => summarize(query.metric, g.histogram)), expected.map((g) => summarize(query.metric, g.histogram)));
          queries++;
          if (await rollupHistogramRows(db, query)) servedByRollup++;
        }
        // And every answer counted once: each metric per question and unit over all time.
        for (const metric of ['nps', 'csat', 'ces', 'likert'] as const) {
          const query: HistogramQuery = { orgId: fx.orgId, metric, by: ['question', 'unit'], interval: 'month', timeZone, filters: {}, scope: { kind: 'all' } };
          assert.deepEqual(await scoreHistograms(db, query), await answerHistograms(db, query), `all of ${metric}`);
        }
      }), { numRuns: testBackend === 'pglite' ? 25 : 40 });
    // The comparison is only worth something if most slices were answered by the rollup.
    assert.ok(servedByRollup > queries / 3, `${servedByRollup} of ${queries} queries used the rollup`);
  });

  test('concurrent ingestion and folds neither lose nor double-count a response', async () => {
    const fx = await fixture();
    const ids: string[] = [];
    const responses = fc.sample(response, { numRuns: 200, seed: 4 });
    let folding = true;
    const folds = (async () => { while (folding) await foldScoreHistograms(db); })();
    await Promise.all([0, 1, 2, 3].map(async (w) => {
      for (let i = w * 50; i < (w + 1) * 50; i += 5) await insert(fx, ids, responses.slice(i, i + 5));
    }));
    folding = false;
    await folds;
    const query: HistogramQuery = { orgId: fx.orgId, metric: 'nps', by: ['unit', 'period'], interval: 'month', timeZone: 'Europe/Helsinki', filters: {}, scope: { kind: 'all' } };
    const total = (groups: Awaited<ReturnType<typeof scoreHistograms>>) => groups.reduce((n, g) => n + g.histogram.counts.reduce((a, b) => a + b, 0), 0);
    assert.equal(ids.length, 200);
    assert.equal(total(await scoreHistograms(db, query)), 200);
    await foldScoreHistograms(db);
    assert.deepEqual(await scoreHistograms(db, query), await answerHistograms(db, query));
    const [{ pending }] = await db.query<{ pending: number }>(`select count(*)::int as pending from score_histogram_deltas where org_id = $1`, [fx.orgId]);
    assert.equal(pending, 0);
  });

  test('the backfill counts the answers stored before the rollup existed', async () => {
    const fx = await fixture();
    const ids: string[] = [];
    await insert(fx, ids, fc.sample(response, { numRuns: 40, seed: 9 }));
    await insert(fx, ids, fc.sample(response, { numRuns: 25, seed: 10 }));
    // As the migration found an existing database: no rollup rows (nothing folded yet), answers present.
    await db.query(`delete from score_histogram_deltas where org_id = $1`, [fx.orgId]);
    await db.query(`select kaiku_rebuild_score_histograms($1)`, [fx.orgId]);
    const query: HistogramQuery = { orgId: fx.orgId, metric: 'likert', by: ['question', 'period'], interval: 'quarter', timeZone: 'Europe/Helsinki', filters: {}, scope: { kind: 'all' } };
    const expected = await answerHistograms(db, query);
    assert.ok(expected.length > 0);
    assert.deepEqual(await scoreHistograms(db, query), expected);
  });
});
