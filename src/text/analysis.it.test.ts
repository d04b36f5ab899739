import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newOrg, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { createApiKey } from '../auth/service.ts';
import { uuidv7 } from '../db/ids.ts';
import { prepareResponse, storeResponses } from '../responses/service.ts';
import { ANALYSER_VERSION, analyseNewTexts, reanalyseOrganisation, reanalyseOutdated, rescanAllTexts, RESCAN_WINDOW_MS } from './analysis.ts';

/** Open answers labelled by hand: sentiment and default topics. */
const labelled = [
  { lang: 'en', text: 'The queue was far too long, I waited an hour.', sentiment: 'negative', topics: ['wait_time'] },
  { lang: 'fi', text: 'Lasku oli virheellinen ja hinta liian korkea.', sentiment: 'negative', topics: ['price', 'billing'] },
  { lang: 'fi', text: 'Henkilökunta oli todella ystävällistä.', sentiment: 'positive', topics: ['staff'] },
  { lang: 'sv', text: 'Personalen var otroligt hjälpsam, tack!', sentiment: 'positive', topics: ['staff'] },
  { lang: 'pl', text: 'Nie polecam, faktura była błędna.', sentiment: 'negative', topics: ['billing'] },
  { lang: 'fi', text: 'Saunassa oli liian kylmä ja saunan lauteet likaiset.', sentiment: 'negative', topics: ['cleanliness'] },
  { lang: 'en', text: 'It was okay.', sentiment: 'neutral', topics: [] },
] as const;

type Insight = { response_id: string; language: string; sentiment: string; topics: string[]; taxonomy_version: number; analyser_version: string; analysed_at: Date };

async function insights(t: TestApp): Promise<Insight[]> {
  return t.db.query<Insight>(
    `select response_id::text, language, sentiment, topics, taxonomy_version, analyser_version, analysed_at from text_insights where org_id = $1 order by response_id`, [t.orgId]);
}

async function postAnswers(t: TestApp, surveyId: string, texts: ReadonlyArray<{ lang: string; text: string }>, nps = 5): Promise<string[]> {
  const res = await t.api('/api/v1/responses/batch', { body: { responses: texts.map((l) => ({
    surveyId, language: l.lang, answers: [{ question: 'nps', value: nps }, { question: 'nps_why', value: l.text }],
  })) } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.items.map((i: { id: string }) => i.id);
}

/** One app for the suites without a job queue; each suite has its own organisation. */
let shared: TestApp;
before(async () => { shared = await startTestApp(); });
after(() => shared.close());

/** The shared app seen as another organisation: its API key on every request. */
function asOrganisation(app: TestApp, org: { orgId: string; apiKey: string }): TestApp {
  return { ...app, ...org, api: (path, init = {}) => app.api(path, { ...init, key: init.key === undefined ? org.apiKey : init.key }) };
}

describe('persisted text analysis, run by hand (no job queue)', () => {
  let t: TestApp;
  let surveyId: string;
  const ids: string[] = [];

  before(async () => {
    t = shared;
    const { touchpointId } = await journeyWithTouchpoint(t);
    surveyId = (await t.api('/api/v1/surveys', { body: pulseSurvey(touchpointId) })).body.id;
    ids.push(...await postAnswers(t, surveyId, labelled));
  });

  test('a pass stores one analysis per open answer, as labelled, and a second pass changes nothing', async () => {
    const first = await analyseNewTexts(t.db);
    assert.equal(first.analysed, labelled.length);
    const rows = await insights(t);
    const byResponse = new Map(rows.map((r) => [r.response_id, r]));
    labelled.forEach((l, i) => {
      const r = byResponse.get(ids[i]) as Insight;
      assert.deepEqual([r.language, r.sentiment, r.topics, r.taxonomy_version, r.analyser_version], [l.lang, l.sentiment, [...l.topics], 1, ANALYSER_VERSION], l.text);
    });
    assert.deepEqual(await analyseNewTexts(t.db), { analysed: 0, more: false });
    assert.deepEqual((await insights(t)).map((r) => r.analysed_at.getTime()), rows.map((r) => r.analysed_at.getTime()));
  });

  test('batches: a backlog larger than the batch is taken in order, each answer exactly once', async () => {
    const more = await postAnswers(t, surveyId, Array.from({ length: 5 }, (_, i) => ({ lang: 'en', text: `Friendly staff, visit ${i}.` })));
    const passes = [];
    for (let i = 0; i < 4; i++) passes.push(await analyseNewTexts(t.db, { limit: 2 }));
    assert.deepEqual(passes.map((p) => p.analysed), [2, 2, 1, 0]);
    assert.equal((await insights(t)).filter((r) => more.includes(r.response_id)).length, 5);
  });

  test('a pass stops after about a batch, and organisations left over keep their place', async () => {
    const other = await newOrg(t.db, 'Other Org');
    const otherSurvey = (await t.api('/api/v1/surveys', { body: pulseSurvey(), key: other.apiKey })).body.id;
    const texts = [{ lang: 'en', text: 'Rude staff.' }, { lang: 'en', text: 'Slow queue.' }, { lang: 'en', text: 'Fine.' }];
    await postAnswers(t, surveyId, texts);
    const res = await t.api('/api/v1/responses/batch', { key: other.apiKey, body: { responses: texts.map((l) => ({
      surveyId: otherSurvey, language: l.lang, answers: [{ question: 'nps', value: 5 }, { question: 'nps_why', value: l.text }] })) } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const passes = [];
    for (let i = 0; i < 6; i++) passes.push(await analyseNewTexts(t.db, { limit: 2 }));
    assert.equal(passes.reduce((sum, p) => sum + p.analysed, 0), 6);
    // The first pass analysed one organisation's full batch and left the other for later.
    assert.deepEqual(passes[0], { analysed: 2, more: true });
    const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from text_insights where org_id = $1`, [other.orgId]);
    assert.equal(n, 3);
  });

  test('two workers at once analyse each text exactly once', async () => {
    const more = await postAnswers(t, surveyId, Array.from({ length: 6 }, (_, i) => ({ lang: 'fi', text: `Jonotin ${i + 2} tuntia.` })));
    const [a, b] = await Promise.all([analyseNewTexts(t.db), analyseNewTexts(t.db)]);
    assert.equal(a.analysed + b.analysed, 6);
    const rows = (await insights(t)).filter((r) => more.includes(r.response_id));
    assert.deepEqual(rows.map((r) => r.topics), more.map(() => ['wait_time']));
  });

  test('passes start after the newest answer seen; a rescan of the window finds one committed late', async () => {
    const newestSeen = new Map<string, string>();
    await postAnswers(t, surveyId, [{ lang: 'en', text: 'Great price.' }]);
    assert.equal((await analyseNewTexts(t.db, { newestSeen })).analysed, 1);
    // Took its id 30 s ago, inside the rescan window, and commits only now.
    const prepared = await prepareResponse(t.db, t.orgId, { surveyId, language: 'en', answers: [{ question: 'nps', value: 9 }, { question: 'nps_why', value: 'Quick delivery.' }] }, '', Date.now() - 30_000);
    await storeResponses(t.db, t.orgId, [prepared], 'api');
    assert.equal((await analyseNewTexts(t.db, { newestSeen })).analysed, 0);
    assert.equal((await analyseNewTexts(t.db)).analysed, 1);
  });

  test('the cursor passes old ids by, and the sweep finds an answer stored late with an old id', async () => {
    // A response whose id was taken long before it was committed (a stalled transaction).
    const old = Date.now() - 2 * RESCAN_WINDOW_MS - 60_000;
    const prepared = await prepareResponse(t.db, t.orgId, { surveyId, language: 'en', answers: [{ question: 'nps', value: 2 }, { question: 'nps_why', value: 'The invoice was wrong.' }] }, '', old);
    assert.ok(prepared.id < uuidv7(Date.now() - RESCAN_WINDOW_MS));
    await storeResponses(t.db, t.orgId, [prepared], 'api');
    assert.equal((await analyseNewTexts(t.db)).analysed, 0);
    await rescanAllTexts(t.db);
    assert.equal((await analyseNewTexts(t.db)).analysed, 1);
    const [row] = await t.db.query<{ topics: string[] }>(`select topics from text_insights where org_id = $1 and response_id = $2`, [t.orgId, prepared.id]);
    assert.deepEqual(row.topics, ['billing']);
  });

  test('the text API reads the stored analyses', async () => {
    const res = await t.api('/api/v1/text/topics');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.answers, labelled.length + 17);
    assert.equal(res.body.storedAnalyses, labelled.length + 17);
    // Proof that the stored row is what is shown: change it behind the analyser's back.
    await t.db.query(`update text_insights set sentiment = 'positive' where org_id = $1 and response_id = $2`, [t.orgId, ids[0]]);
    const verbatims = await t.api('/api/v1/text/verbatims?limit=200');
    const first = verbatims.body.items.find((v: any) => v.responseId === ids[0]);
    assert.equal(first.sentiment, 'positive');
    assert.equal(first.source, 'survey');
    await t.db.query(`update text_insights set sentiment = 'negative' where org_id = $1 and response_id = $2`, [t.orgId, ids[0]]);
  });

  test('a keyword topic (stem-aware) re-analyses every text; progress counts texts at the new version', async () => {
    const put = await t.api('/api/v1/text/taxonomy/topics/sauna', { method: 'PUT', body: { label: 'Sauna', keywords: { fi: ['sauna'], sv: ['bastu'], en: ['sauna'] } } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(put.body.version, 2);
    const total = labelled.length + 17;
    assert.deepEqual([put.body.reanalysis.analysed, put.body.reanalysis.total, put.body.reanalysis.pending, put.body.reanalysis.done], [0, total, total, false]);
    // Until re-analysed, views analyse on request with the new taxonomy: "Saunassa", "saunan" are found by stem.
    const before = await t.api('/api/v1/text/topics');
    assert.equal(before.body.storedAnalyses, 0);
    assert.equal(before.body.matrix.rows.find((r: any) => r.topic === 'sauna').mentions, 1);

    assert.equal((await reanalyseOrganisation(t.db, t.orgId, { limit: 4 })).reanalysed, total);
    const status = (await t.api('/api/v1/text/taxonomy')).body;
    assert.deepEqual([status.reanalysis.analysed, status.reanalysis.pending, status.reanalysis.done], [total, 0, true]);
    assert.ok(status.reanalysis.finishedAt);
    assert.deepEqual(status.topics, [{ id: 'sauna', label: 'Sauna', keywords: { fi: ['sauna'], sv: ['bastu'], en: ['sauna'] }, isDefault: false }]);
    const saunaRow = (await insights(t)).find((r) => r.response_id === ids[5]) as Insight;
    assert.deepEqual([saunaRow.topics, saunaRow.taxonomy_version], [['cleanliness', 'sauna'], 2]);
    const after = await t.api('/api/v1/text/topics');
    assert.equal(after.body.storedAnalyses, total);
    assert.equal((await t.api('/api/v1/text/verbatims?topic=sauna')).body.items.length, 1);
  });

  test('labelled examples train a topic model stored in the database; new texts get the learned topic', async () => {
    assert.equal((await t.api('/api/v1/text/taxonomy/topics/parking', { method: 'PUT', body: { label: 'Parking', keywords: {} } })).status, 200);
    const parking = [
      'The parking lot was full and I drove around for ages.', 'No free parking spaces near the entrance.', 'Parking is far too expensive here.',
      'Pysäköintipaikkoja ei ollut tarpeeksi.', 'Parkkihalli oli täynnä.', 'Parkering saknades helt.',
    ];
    const other = ['The coffee was cold.', 'Great music in the lobby.', 'Kahvi oli kylmää.', 'Musiikki oli hyvää.', 'The lift was broken.', 'Hissi oli rikki.'];
    const res = await t.api('/api/v1/text/taxonomy/examples', { body: { examples: [
      ...parking.map((text) => ({ text, topics: ['parking'] })), ...other.map((text) => ({ text, topics: [] })),
    ] } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.examples, 12);
    assert.deepEqual(res.body.learnedModel.topics, ['parking']);
    const listed: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await t.api(`/api/v1/text/taxonomy/examples?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      listed.push(...page.body.items.map((e: any) => e.text));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(listed.sort(), [...parking, ...other].sort());
    const [state] = await t.db.query<{ model: { format: string; documents: number } }>(`select model from text_analysis_state where org_id = $1`, [t.orgId]);
    assert.deepEqual([state.model.format, state.model.documents], ['kaiku-topic-nb', 12]);

    const [fresh] = await postAnswers(t, surveyId, [{ lang: 'en', text: 'Could not find parking, the lot was full.' }]);
    await analyseNewTexts(t.db);
    const row = (await insights(t)).find((r) => r.response_id === fresh) as Insight;
    assert.ok(row.topics.includes('parking'), JSON.stringify(row));
    assert.equal(row.taxonomy_version, res.body.version);

    const unknown = await t.api('/api/v1/text/taxonomy/examples', { body: { examples: [{ text: 'x', topics: ['weather'] }] } });
    assert.deepEqual([unknown.status, unknown.body.field], [400, 'examples.0.topics.0']);
    const deleted = await t.api('/api/v1/text/taxonomy/topics/parking', { method: 'DELETE' });
    assert.equal(deleted.status, 200);
    assert.deepEqual(deleted.body.learnedModel.topics, []);
  });

  test('taxonomy input errors name the field; a read-only key may read the taxonomy but not change it', async () => {
    const bad = await t.api('/api/v1/text/taxonomy/topics/sauna', { method: 'PUT', body: { keywords: { de: ['sauna'] } } });
    assert.equal(bad.status, 400);
    assert.match(bad.body.field ?? bad.body.detail, /de/);
    assert.equal((await t.api('/api/v1/text/taxonomy/topics/Bad-Id', { method: 'PUT', body: { keywords: {} } })).status, 400);
    assert.equal((await t.api('/api/v1/text/taxonomy/topics/nothing_here', { method: 'DELETE' })).status, 404);
    const readKey = (await createApiKey(t.db, t.orgId, 'viewer', ['read'])).key;
    assert.equal((await t.api('/api/v1/text/taxonomy', { key: readKey })).status, 200);
    assert.equal((await t.api('/api/v1/text/taxonomy/topics/sauna', { method: 'PUT', body: { keywords: {} }, key: readKey })).status, 403);
    assert.equal((await t.api('/api/v1/text/taxonomy/examples', { body: { examples: [{ text: 'x', topics: [] }] }, key: readKey })).status, 403);
  });
});

describe('an upgrade that changed the analyser re-analyses the texts stored by the older one', () => {
  test('only the organisation with older analyses is redone, once, and its texts carry the new version', async () => {
    const upgraded = asOrganisation(shared, await newOrg(shared.db, 'Upgraded Org'));
    const current = asOrganisation(shared, await newOrg(shared.db, 'Current Org'));
    for (const org of [upgraded, current]) {
      const { touchpointId } = await journeyWithTouchpoint(org);
      const survey = (await org.api('/api/v1/surveys', { body: pulseSurvey(touchpointId) })).body.id;
      await postAnswers(org, survey, labelled.slice(0, 3));
    }
    while ((await analyseNewTexts(shared.db)).more) { /* until every new text is analysed */ }
    // As if stored by the analyser before this upgrade.
    await shared.db.query(`update text_insights set analyser_version = 'kaiku-text-1' where org_id = $1`, [upgraded.orgId]);
    const version = async (orgId: string) =>
      (await shared.db.query<{ v: number }>(`select taxonomy_version as v from text_analysis_state where org_id = $1`, [orgId]))[0]?.v ?? 1;
    const [upgradedBefore, currentBefore] = [await version(upgraded.orgId), await version(current.orgId)];

    assert.deepEqual(await reanalyseOutdated(shared.db, undefined), [upgraded.orgId]);
    assert.equal(await version(upgraded.orgId), upgradedBefore + 1);
    assert.equal(await version(current.orgId), currentBefore);
    // While its re-analysis runs, the sweep does not start it again.
    assert.deepEqual(await reanalyseOutdated(shared.db, undefined), []);
    const progress = (await upgraded.api('/api/v1/text/taxonomy')).body.reanalysis;
    assert.deepEqual([progress.analysed, progress.total, progress.done], [0, 3, false]);

    assert.equal((await reanalyseOrganisation(shared.db, upgraded.orgId)).reanalysed, 3);
    const rows = await shared.db.query<{ analyser_version: string; taxonomy_version: number }>(
      `select analyser_version, taxonomy_version from text_insights where org_id = $1`, [upgraded.orgId]);
    assert.deepEqual(rows.map((r) => [r.analyser_version, r.taxonomy_version]), Array(3).fill([ANALYSER_VERSION, upgradedBefore + 1]));
    assert.deepEqual(await reanalyseOutdated(shared.db, undefined), []);
  });
});

describe('imported feedback texts', () => {
  let t: TestApp;
  let unitId: string;

  before(async () => {
    t = asOrganisation(shared, await newOrg(shared.db, 'Feedback Org'));
    ({ unitId } = await journeyWithTouchpoint(t));
  });

  test('single texts are idempotent by external id', async () => {
    const body = { source: 'complaint', externalId: 'C-1', text: 'Lasku oli väärin, soittakaa 040 123 4567.', language: 'fi', occurredAt: '2026-03-02T10:00:00Z', unitId };
    const first = await t.api('/api/v1/text/feedback', { body });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const again = await t.api('/api/v1/text/feedback', { body });
    assert.deepEqual([again.status, again.body], [200, { id: first.body.id, created: false }]);
    const bad = await t.api('/api/v1/text/feedback', { body: { ...body, externalId: 'C-2', text: '   ' } });
    assert.deepEqual([bad.status, bad.body.field], [400, 'text']);
  });

  test('a batch stores the good texts and answers each bad one with its own error', async () => {
    const huge = 'Odotin jonossa tunnin. '.repeat(1_000); // 23,000 characters: stored, analysed up to 5,000
    const res = await t.api('/api/v1/text/feedback/batch', { body: { texts: [
      { source: 'chat', externalId: 'chat-1', text: 'The agent was rude and the wait was long.', occurredAt: '2026-03-03T09:00:00Z' },
      { source: 'chat', externalId: 'chat-2', text: '' },
      { source: 'social', externalId: 'post-1', text: 'binary\u0000data' },
      { source: 'social', externalId: 'post-2', text: 'x'.repeat(100_001) },
      { source: 'email', externalId: 'mail-1', text: 'Hello', unitId: '00000000-0000-4000-8000-000000000000' },
      { source: 'review', externalId: 'rev-1', text: 'Nice', occurredAt: '2999-01-01T00:00:00Z' },
      { source: 'social', externalId: 'post-3', text: 'Das Essen war sehr gut und der Service auch.', occurredAt: '2026-03-04T09:00:00Z' },
      { source: 'social', externalId: 'post-4', text: 'Palvelu oli hyvä but the price was too high.', occurredAt: '2026-03-04T10:00:00Z' },
      { source: 'complaint', externalId: 'C-3', text: huge, occurredAt: '2026-03-05T10:00:00Z' },
      { source: 'chat', externalId: 'chat-1', text: 'The agent was rude and the wait was long.' },
    ] } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const fields = res.body.items.map((i: any) => i.error?.field ?? (i.created ? 'created' : 'duplicate'));
    assert.deepEqual(fields, ['created', 'text', 'text', 'text', 'unitId', 'occurredAt', 'created', 'created', 'created', 'duplicate']);
    assert.equal(res.body.items[9].id, res.body.items[0].id);
    assert.match(res.body.items[2].error.message, /binary/);
    assert.match(res.body.items[3].error.message, /100,001 characters; at most 100,000/);
    assert.deepEqual([res.body.stored, res.body.duplicates, res.body.rejected], [4, 1, 5]);

    assert.equal((await analyseNewTexts(t.db)).analysed, 5);
    const rows = await t.db.query<{ external_id: string; language: string; sentiment: string; topics: string[]; truncated: boolean }>(
      `select external_id, language, sentiment, topics, truncated from feedback_texts where org_id = $1 order by external_id`, [t.orgId]);
    const byId = Object.fromEntries(rows.map((r) => [r.external_id, r]));
    assert.deepEqual([byId['C-1'].language, byId['C-1'].sentiment, byId['C-1'].topics], ['fi', 'negative', ['billing']]);
    assert.deepEqual([byId['chat-1'].sentiment, byId['chat-1'].topics], ['negative', ['wait_time', 'staff']]);
    assert.deepEqual([byId['post-3'].language, byId['post-3'].topics], ['other', []]);
    assert.deepEqual([byId['C-3'].truncated, byId['C-3'].topics, byId['C-3'].language], [true, ['wait_time'], 'fi']);
    assert.equal(byId['post-4'].topics.includes('price'), true);
  });

  test('the text API shows imported texts beside survey answers, redacted, filtered by source', async () => {
    const complaints = await t.api('/api/v1/text/verbatims?source=complaint');
    assert.equal(complaints.status, 200, JSON.stringify(complaints.body));
    assert.deepEqual(complaints.body.items.map((v: any) => v.externalId), ['C-3', 'C-1']);
    const c1 = complaints.body.items[1];
    assert.equal(c1.text, 'Lasku oli väärin, soittakaa [phone].');
    assert.deepEqual([c1.source, c1.responseId, c1.sentiment, c1.topics], ['complaint', null, 'negative', ['billing']]);
    const all = await t.api('/api/v1/text/topics');
    assert.equal(all.body.answers, 5);
    assert.equal(all.body.storedAnalyses, 5);
    assert.deepEqual(all.body.sources.map((s: any) => [s.source, s.mentions, s.share]), [['complaint', 2, 0.4], ['chat', 1, 0.2], ['social', 2, 0.4]]);
    assert.deepEqual(all.body.sources[1].counts, { positive: 0, neutral: 0, negative: 1 });
    assert.equal((await t.api('/api/v1/text/topics?source=survey')).body.answers, 0);
    assert.equal((await t.api(`/api/v1/text/topics?source=complaint&unitId=${unitId}`)).body.answers, 1);
    // Survey-only filters leave imported texts out.
    assert.equal((await t.api('/api/v1/text/topics?segment=household')).body.answers, 0);
    // Pages: each text exactly once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await t.api(`/api/v1/text/verbatims?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((v: any) => v.externalId));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, ['C-3', 'post-4', 'post-3', 'chat-1', 'C-1']);
  });
});

describe('the background job analyses every new text', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp({ jobs: true }); });
  after(() => t.close());

  test('answers and imported texts are analysed within seconds, and a taxonomy change is re-analysed by its job', async () => {
    const { touchpointId } = await journeyWithTouchpoint(t);
    const surveyId = (await t.api('/api/v1/surveys', { body: pulseSurvey(touchpointId) })).body.id;
    await postAnswers(t, surveyId, labelled);
    await t.api('/api/v1/text/feedback', { body: { source: 'social', externalId: 'p1', text: 'Saunan lauteet olivat likaiset, mutta henkilökunta oli ystävällistä.' } });
    await waitUntil(async () => (await insights(t)).length, (n) => n === labelled.length, 'open answers analysed', 20_000);
    await waitUntil(async () => (await t.db.query(`select 1 from feedback_texts where org_id = $1 and analysed_at is not null`, [t.orgId])).length, (n) => n === 1, 'imported text analysed', 20_000);

    const put = await t.api('/api/v1/text/taxonomy/topics/sauna', { method: 'PUT', body: { keywords: { fi: ['sauna'] } } });
    assert.equal(put.status, 200);
    const done = await waitUntil(async () => (await t.api('/api/v1/text/taxonomy')).body.reanalysis, (r) => r.done && r.finishedAt !== null, 're-analysis', 20_000);
    assert.equal(done.total, labelled.length + 1);
    const [p1] = await t.db.query<{ topics: string[] }>(`select topics from feedback_texts where org_id = $1`, [t.orgId]);
    assert.deepEqual(p1.topics, ['staff', 'cleanliness', 'sauna']);
  });
});
