import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signInAs, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { createUser } from '../auth/service.ts';
import { createEmployee } from '../orgs/service.ts';

const close = (actual: number | null, expected: number, tolerance = 1e-6) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < tolerance, `expected ${expected}, got ${actual}`);

const PII_TEXT = 'Call me on 040 123 4567 or write to matti.meikalainen@example.com, my id is 131052-308T. The bill was wrong.';

/**
 * Twelve open answers labelled by hand (sentiment, default topics), each the nps_why of its NPS
 * score; Eeva (frontline) served d2, d6, p2 and r1. March: d1–d3, p1, r1, r2; April: the rest.
 */
const labelled = [
  { key: 'd1', nps: 0, lang: 'en', month: '03', eeva: false, text: 'The queue was far too long, I waited an hour.', sentiment: 'negative', topics: ['wait_time'] },
  { key: 'd2', nps: 3, lang: 'en', month: '03', eeva: true, text: 'Your staff were rude and unhelpful.', sentiment: 'negative', topics: ['staff'] },
  { key: 'd3', nps: 5, lang: 'en', month: '03', eeva: false, text: 'The invoice was wrong again.', sentiment: 'negative', topics: ['billing'] },
  { key: 'd4', nps: 2, lang: 'fi', month: '04', eeva: false, text: 'Jonotin puhelimessa tunnin, liian pitkä odotus.', sentiment: 'negative', topics: ['wait_time'] },
  { key: 'd5', nps: 6, lang: 'fi', month: '04', eeva: false, text: 'Lasku oli virheellinen ja hinta liian korkea.', sentiment: 'negative', topics: ['price', 'billing'] },
  { key: 'd6', nps: 4, lang: 'en', month: '04', eeva: true, text: PII_TEXT, sentiment: 'negative', topics: ['billing'] },
  { key: 'p1', nps: 7, lang: 'en', month: '03', eeva: false, text: 'It was okay.', sentiment: 'neutral', topics: [] },
  { key: 'p2', nps: 8, lang: 'en', month: '04', eeva: true, text: 'Friendly staff.', sentiment: 'positive', topics: ['staff'] },
  { key: 'r1', nps: 10, lang: 'en', month: '03', eeva: true, text: 'Friendly and helpful staff, thank you!', sentiment: 'positive', topics: ['staff'] },
  { key: 'r2', nps: 9, lang: 'fi', month: '03', eeva: false, text: 'Henkilökunta oli todella ystävällistä.', sentiment: 'positive', topics: ['staff'] },
  { key: 'r3', nps: 9, lang: 'en', month: '04', eeva: false, text: 'Great price and a clear invoice.', sentiment: 'positive', topics: ['price', 'billing'] },
  { key: 'r4', nps: 10, lang: 'en', month: '04', eeva: false, text: 'Excellent!', sentiment: 'positive', topics: [] },
] as const;

describe('text analytics API: topics, NPS drivers, verbatims, analysis', () => {
  let t: TestApp;
  const responseIdOf: Record<string, string> = {};
  let eevaApi: TestApp['api'];

  before(async () => {
    t = await startTestApp();
    const { unitId, touchpointId } = await journeyWithTouchpoint(t);
    const user = await createUser(t.db, t.orgId, { email: 'eeva@example.com', name: 'Eeva', role: 'frontline', password: 'frontline-pass-1' });
    const eeva = await createEmployee(t.db, t.orgId, { name: 'Eeva', unitId, userId: user });
    const other = await createEmployee(t.db, t.orgId, { name: 'Olli', unitId });
    const surveyId = (await t.api('/api/v1/surveys', { body: pulseSurvey(touchpointId) })).body.id;
    const res = await t.api('/api/v1/responses/batch', { body: { responses: [
      ...labelled.map((l, i) => ({
        surveyId, touchpointId, employeeId: l.eeva ? eeva : other, language: l.lang, submittedAt: `2026-${l.month}-1${i % 10}T10:00:00Z`,
        answers: [{ question: 'nps', value: l.nps }, { question: 'nps_why', value: l.text }],
      })),
      // A score without an open answer counts in no text figure.
      { surveyId, touchpointId, employeeId: other, submittedAt: '2026-04-20T10:00:00Z', answers: [{ question: 'nps', value: 10 }] },
    ] } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    labelled.forEach((l, i) => { responseIdOf[l.key] = res.body.items[i].id; });
    eevaApi = await signInAs(t, 'eeva@example.com', 'frontline-pass-1');
  });
  after(() => t.close());

  test('every hand-labelled text is analysed as labelled', async () => {
    const res = await t.api('/api/v1/text/verbatims?limit=200');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.items.length, labelled.length);
    const byResponse = new Map(res.body.items.map((v: any) => [v.responseId, v]));
    for (const l of labelled) {
      const v: any = byResponse.get(responseIdOf[l.key]);
      assert.deepEqual([l.key, v.sentiment, v.topics, v.npsScore, v.language], [l.key, l.sentiment, l.topics, l.nps, l.lang]);
      assert.equal(v.touchpoint, 'Contract by phone');
      assert.equal(v.questionKey, 'nps_why');
    }
  });

  test('topic × sentiment matrix: exact counts', async () => {
    const res = await t.api('/api/v1/text/topics');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const { matrix } = res.body;
    assert.equal(res.body.answers, 12);
    assert.equal(matrix.withoutTopic, 2); // p1, r4
    assert.deepEqual(matrix.overall, { positive: 5, neutral: 1, negative: 6 });
    const row = Object.fromEntries(matrix.rows.map((r: any) => [r.topic, r]));
    assert.deepEqual(row.wait_time.counts, { positive: 0, neutral: 0, negative: 2 }); // d1, d4
    assert.deepEqual(row.staff.counts, { positive: 3, neutral: 0, negative: 1 }); // d2 | p2, r1, r2
    assert.deepEqual(row.billing.counts, { positive: 1, neutral: 0, negative: 3 }); // d3, d5, d6 | r3
    assert.deepEqual(row.price.counts, { positive: 1, neutral: 0, negative: 1 }); // d5 | r3
    assert.deepEqual(row.quality.counts, { positive: 0, neutral: 0, negative: 0 });
    assert.deepEqual(row.billing.shares, { positive: 0.25, neutral: 0, negative: 0.75 });
    assert.equal(row.staff.mentionShare, 4 / 12);
  });

  test('NPS drivers: detractor vs promoter mention shares and the z-test p computed by hand', async () => {
    const { drivers } = (await t.api('/api/v1/text/topics')).body;
    assert.equal(drivers.scored, 12);
    assert.equal(drivers.detractors, 6); // d1–d6
    assert.equal(drivers.promoters, 4); // r1–r4
    const row = Object.fromEntries(drivers.rows.map((r: any) => [r.topic, r]));
    // billing: 3/6 detractors vs 1/4 promoters; pooled 4/10; se = √(0.4·0.6·(1/6 + 1/4)) = √0.1;
    // z = 0.25/√0.1 = 0.790569, p = 2·(1 − Φ(z)) = 0.429195 (Python: math.erfc(0.790569/√2)).
    assert.deepEqual([row.billing.detractorMentions, row.billing.detractors, row.billing.promoterMentions, row.billing.promoters], [3, 6, 1, 4]);
    assert.equal(row.billing.detractorShare, 0.5);
    assert.equal(row.billing.promoterShare, 0.25);
    assert.equal(row.billing.difference, 0.25);
    close(row.billing.z, 0.790569);
    close(row.billing.p, 0.429195);
    // Mentioning billing: 5, 6, 4, 9 → NPS (1 − 3)/4 = −50; not: 0, 3, 2, 7, 8, 10, 9, 10 → (3 − 3)/8 = 0.
    assert.equal(row.billing.mentioning.nps, -50);
    assert.equal(row.billing.notMentioning.nps, 0);
    assert.equal(row.billing.npsImpact, -50);
    // staff: 1/6 vs 2/4; pooled 0.3; z = (1/6 − 1/2)/√(0.21·5/12) = −1.126872, p = 0.259796.
    close(row.staff.difference, 1 / 6 - 0.5);
    close(row.staff.p, 0.259796);
    // wait_time: 2/6 vs 0/4; pooled 0.2; z = (1/3)/√(0.16·5/12) = 1.290994, p = 0.196706.
    close(row.wait_time.p, 0.196706);
    assert.equal(drivers.rows[0].topic, 'wait_time', 'the biggest pain point first');
    assert.equal(drivers.rows.at(-1).topic, 'staff', 'the biggest delighter last');
  });

  test('trend by month in the organisation time zone', async () => {
    const { trend } = (await t.api('/api/v1/text/topics?interval=month')).body;
    assert.deepEqual(trend.map((p: any) => [p.period, p.answers]), [['2026-03-01', 6], ['2026-04-01', 6]]);
    const april = Object.fromEntries(trend[1].topics.map((c: any) => [c.topic, c]));
    assert.deepEqual([april.billing.mentions, april.billing.negativeShare], [3, 2 / 3]); // d5, d6 | r3
    const march = Object.fromEntries(trend[0].topics.map((c: any) => [c.topic, c]));
    assert.deepEqual([march.staff.mentions, march.staff.share], [3, 0.5]); // d2, r1, r2
  });

  test('filters narrow the slice like the metrics do', async () => {
    const res = await t.api('/api/v1/text/topics?from=2026-04-01T00:00:00Z&language=fi');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.answers, 2); // d4, d5 (r2 is Finnish too, but from March)
    const row = Object.fromEntries(res.body.matrix.rows.map((r: any) => [r.topic, r.mentions]));
    assert.deepEqual([row.wait_time, row.billing, row.price, row.staff], [1, 1, 1, 0]);
  });

  test('verbatims: PII is redacted before it leaves the server, and cannot be searched for', async () => {
    const res = await t.api('/api/v1/text/verbatims?topic=billing&sentiment=negative');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.items.map((v: any) => v.responseId).sort(), [responseIdOf.d3, responseIdOf.d5, responseIdOf.d6].sort());
    const pii = res.body.items.find((v: any) => v.responseId === responseIdOf.d6);
    assert.equal(pii.text, 'Call me on [phone] or write to [email], my id is [hetu]. The bill was wrong.');
    assert.doesNotMatch(JSON.stringify(res.body), /131052|example\.com|4567/);
    assert.equal((await t.api('/api/v1/text/verbatims?q=example.com')).body.items.length, 0);
    assert.equal((await t.api('/api/v1/text/verbatims?q=131052-308T')).body.items.length, 0);
  });

  test('verbatim search is case-insensitive and matches words by stem', async () => {
    const ids = async (q: string) => (await t.api(`/api/v1/text/verbatims?q=${encodeURIComponent(q)}`)).body.items.map((v: any) => v.responseId).sort();
    assert.deepEqual(await ids('INVOICE'), [responseIdOf.d3, responseIdOf.r3].sort());
    assert.deepEqual(await ids('invoices'), [responseIdOf.d3, responseIdOf.r3].sort(), '"invoices" finds "invoice" by its stem');
    assert.deepEqual(await ids('laskut'), [responseIdOf.d5], 'Finnish: "laskut" finds "Lasku"');
  });

  test('verbatims page with cursors, newest first, each answer exactly once', async () => {
    const seen: string[] = [];
    const times: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: any } = await t.api(`/api/v1/text/verbatims?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      seen.push(...res.body.items.map((v: any) => v.responseId));
      times.push(...res.body.items.map((v: any) => v.submittedAt));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    assert.equal(pages, 3);
    assert.equal(seen.length, 12);
    assert.equal(new Set(seen).size, 12);
    assert.deepEqual(times, [...times].sort().reverse());
    // A filtered listing pages too: 4 billing answers in pages of 3.
    const first = await t.api('/api/v1/text/verbatims?topic=billing&limit=3');
    assert.equal(first.body.items.length, 3);
    const second = await t.api(`/api/v1/text/verbatims?topic=billing&limit=3&cursor=${first.body.nextCursor}`);
    assert.equal(second.body.items.length, 1);
    assert.equal(second.body.nextCursor, null);
  });

  test('a frontline user sees only their own verbatims, and their figures are suppressed under the group size', async () => {
    const res = await eevaApi('/api/v1/text/verbatims?limit=200');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.items.map((v: any) => v.responseId).sort(), ['d2', 'd6', 'p2', 'r1'].map((k) => responseIdOf[k]).sort());
    // Four answers under a group size of five: the words show, but nothing that could point at the customer (issue 15.10).
    assert.equal(res.body.wordsOnly, true);
    for (const v of res.body.items) assert.deepEqual([v.submittedAt, v.npsScore, v.touchpoint, v.touchpointId, v.channel], [null, null, null, null, null]);
    const page = await eevaApi('/app/text?lang=en&from=2026-01-01&to=2026-12-31');
    assert.equal(page.status, 200);
    assert.match(String(page.body), /Shown without date, score or touchpoint/);
    assert.equal(String(page.body).match(/<blockquote/g)?.length, 4);
    assert.doesNotMatch(String(page.body), /NPS \d/);
    const analyst = await t.api('/api/v1/text/verbatims?limit=200');
    assert.equal(analyst.body.wordsOnly, false);
    assert.ok(analyst.body.items.every((v: any) => typeof v.submittedAt === 'string'));
    const topics = await eevaApi('/api/v1/text/topics');
    assert.equal(topics.status, 200);
    assert.equal(topics.body.suppressed, true); // 4 answers < minGroupSize 5
    assert.equal(topics.body.answers, null);
    assert.ok(topics.body.matrix.rows.every((r: any) => r.suppressed && r.counts === null));
    assert.ok(topics.body.drivers.rows.every((r: any) => r.suppressed && r.p === null));
    const themes = await eevaApi('/api/v1/text/themes');
    assert.deepEqual([themes.body.suppressed, themes.body.periods], [true, []]);
    assert.equal((await eevaApi('/api/v1/text/analyze', { body: { texts: [{ text: 'ok' }] } })).status, 200);
  });

  test('emerging themes per period', async () => {
    const res = await t.api('/api/v1/text/themes?minCount=2');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.periods.map((p: any) => [p.period, p.answers]), [['2026-03-01', 6], ['2026-04-01', 6]]);
  });

  test('POST /text/analyze analyses texts for integrations, ids default to positions', async () => {
    const res = await t.api('/api/v1/text/analyze', { body: { texts: [
      { id: 'a', text: 'Jonot olivat pitkiä.' },
      { text: 'Friendly staff.', language: 'en' },
      { text: '' },
    ] } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.items.map((i: any) => [i.id, i.language, i.sentiment, i.topics]), [
      ['a', 'fi', 'negative', ['wait_time']], ['2', 'en', 'positive', ['staff']], ['3', 'other', 'neutral', []],
    ]);
  });

  test('bad input is answered 400 naming the field', async () => {
    const field = async (path: string, init?: { body: unknown }) => {
      const res = await t.api(path, init);
      assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.body)}`);
      return res.body.field;
    };
    assert.equal(await field('/api/v1/text/verbatims?topic=weather'), 'topic');
    assert.equal(await field('/api/v1/text/verbatims?sentiment=angry'), 'sentiment');
    assert.equal(await field('/api/v1/text/verbatims?limit=1000'), 'limit');
    assert.equal(await field('/api/v1/text/verbatims?cursor=bm90LWEtY3Vyc29y'), 'cursor');
    assert.equal(await field('/api/v1/text/topics?interval=fortnight'), 'interval');
    assert.equal(await field('/api/v1/text/topics?colour=blue'), 'colour');
    assert.equal(await field('/api/v1/text/analyze', { body: { texts: Array.from({ length: 1001 }, () => ({ text: 'x' })) } }), 'texts');
    assert.equal(await field('/api/v1/text/analyze', { body: { texts: [{ text: 5 }] } }), 'texts.0.text');
    assert.equal((await t.api('/api/v1/text/topics', { key: null })).status, 401);
  });
});
