import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { analyseNewTexts } from '../text/analysis.ts';
import { analyzeText, LOW_SENTIMENT_CONFIDENCE } from '../text/analyze.ts';

// A one-word shrug the analyser cannot read with confidence, and a plainly happy comment.
const AMBIGUOUS = 'meh';
const CLEAR = 'Everything was excellent, thank you so much!';

/** The verbatim list item (figure) that quotes `text`. */
function itemOf(page: string, text: string): string {
  const item = [...page.matchAll(/<li><figure>[\s\S]*?<\/figure><\/li>/g)].map((m) => m[0]).find((li) => li.includes(`>${text}</blockquote>`));
  assert.ok(item, `no list item for ${text}`);
  return item;
}

describe('uncertain text readings: stored confidence and the "uncertain" marker', () => {
  let t: TestApp;
  let browser: PageClient;
  let touchpointId: string;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await startTestApp();
    ({ touchpointId } = await journeyWithTouchpoint(t));
    const surveyId = (await t.api('/api/v1/surveys', { body: pulseSurvey(touchpointId) })).body.id;
    const res = await t.api('/api/v1/responses/batch', { body: { responses: [AMBIGUOUS, CLEAR].map((text) => ({
      surveyId, language: 'en', answers: [{ question: 'nps', value: 7 }, { question: 'nps_why', value: text }],
    })) } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    ids[AMBIGUOUS] = res.body.items[0].id;
    ids[CLEAR] = res.body.items[1].id;
    assert.equal((await analyseNewTexts(t.db)).analysed, 2);
    browser = pageClient(t, await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`));
  });
  after(() => t.close());

  test('each stored analysis carries the analyser\'s sentiment confidence and low-confidence flag', async () => {
    const rows = await t.db.query<{ response_id: string; sentiment_confidence: number; low_confidence: boolean }>(
      `select response_id::text, sentiment_confidence, low_confidence from text_insights where org_id = $1`, [t.orgId]);
    const byId = new Map(rows.map((r) => [r.response_id, r]));
    const ambiguous = byId.get(ids[AMBIGUOUS])!;
    const clear = byId.get(ids[CLEAR])!;
    assert.deepEqual([Number(ambiguous.sentiment_confidence), ambiguous.low_confidence], [analyzeText(AMBIGUOUS, { language: 'en' }).sentimentConfidence, true]);
    assert.deepEqual([Number(clear.sentiment_confidence), clear.low_confidence], [analyzeText(CLEAR, { language: 'en' }).sentimentConfidence, false]);
    assert.ok(Number(ambiguous.sentiment_confidence) < LOW_SENTIMENT_CONFIDENCE && Number(clear.sentiment_confidence) > 0.9);
  });

  test('the verbatims API gives the confidence with each text', async () => {
    const res = await t.api('/api/v1/text/verbatims');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const byText = new Map(res.body.items.map((i: { text: string }) => [i.text, i]));
    const pick = (text: string) => { const i = byText.get(text) as { sentiment: string; sentimentConfidence: number; lowConfidence: boolean }; return [i.sentiment, i.sentimentConfidence, i.lowConfidence]; };
    assert.deepEqual(pick(AMBIGUOUS), ['neutral', analyzeText(AMBIGUOUS, { language: 'en' }).sentimentConfidence, true]);
    assert.deepEqual(pick(CLEAR), ['positive', analyzeText(CLEAR, { language: 'en' }).sentimentConfidence, false]);
  });

  test('the open-answers page and the touchpoint page mark only the uncertain reading, in the user\'s language', async () => {
    const marker = (word: string, why: string) => `<span class="muted uncertain" title="${why}">(${word})<span class="visually-hidden"> ${why}</span></span>`;
    const en = marker('uncertain', 'The automatic reading of this text is uncertain.');
    for (const path of ['/app/text?lang=en', `/app/touchpoints/${touchpointId}?lang=en`]) {
      const page = await browser.get(path);
      assert.equal(page.status, 200, path);
      assert.ok(itemOf(page.text, AMBIGUOUS).includes(en), `${path}: marker on the ambiguous text`);
      assert.ok(!itemOf(page.text, CLEAR).includes('uncertain'), `${path}: no marker on the clear text`);
    }
    const fi = await browser.get('/app/text?lang=fi');
    assert.ok(itemOf(fi.text, AMBIGUOUS).includes(marker('epävarma', 'Automaattinen tulkinta tästä tekstistä on epävarma.')));
    const sv = await browser.get('/app/text?lang=sv');
    assert.ok(itemOf(sv.text, AMBIGUOUS).includes('>(osäker)<'));
    const pl = await browser.get('/app/text?lang=pl');
    assert.ok(itemOf(pl.text, AMBIGUOUS).includes('>(niepewne)<'));
  });

  test('an analysis stored before confidences (null columns) is shown as before, without the marker', async () => {
    await t.db.query(`update text_insights set sentiment_confidence = null, low_confidence = null where org_id = $1`, [t.orgId]);
    const page = await browser.get('/app/text?lang=en');
    assert.ok(!itemOf(page.text, AMBIGUOUS).includes('uncertain'));
    const res = await t.api('/api/v1/text/verbatims');
    const item = res.body.items.find((i: { text: string }) => i.text === AMBIGUOUS);
    assert.deepEqual([item.sentimentConfidence, item.lowConfidence], [null, null]);
  });
});
