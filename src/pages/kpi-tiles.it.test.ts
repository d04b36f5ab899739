/**
 * The overview's key-figure tiles against figures computed by hand (and checked with SciPy 1.17:
 * scipy.stats.norm.sf for the z-tests, scipy.stats.t.ppf for the CES interval and
 * scipy.stats.ttest_ind(equal_var=False) for Welch's test), for January 2026 against December 2025.
 *
 *   January:  NPS answers 10 10 10 9 9 8 7 6 3 0 → 5 promoters, 3 detractors of 10: NPS 20,
 *             se = 100·√((0.5 + 0.3 − 0.2²)/10) = 27.568, interval 20 ± 1.96·27.568 = −34.0 … 74.0.
 *             CSAT 5 5 4 4 4 3 2 5 4 1 → 7 of 10 in 4–5: 70 %, Wilson interval 39.7 … 89.2 %.
 *             CES 7 6 6 5 5 4 7 6 5 3 → mean 5.4, sd 1.265, t(0.975, 9) = 2.262: 4.5 … 6.3.
 *   December: NPS 10 9 8 8 7 6 5 4 2 0 → 2 promoters, 5 detractors: −30, se 24.698.
 *             CSAT 5 4 3 3 2 2 1 4 3 2 → 3 of 10: 30 %.  CES 4 4 3 5 3 2 4 3 5 4 → mean 3.7, sd 0.949.
 *   Change:   NPS +50, z = 50/√(27.568² + 24.698²) = 1.351, p = 0.177: not significant.
 *             CSAT +40 percentage points, pooled 0.5, z = 0.4/√(0.25·0.2) = 1.789, p = 0.074: not significant.
 *             CES +1.7, Welch t = 3.4 on 16.7 df, p = 0.003: significant.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { createUser } from '../auth/service.ts';

/** The text of each tile, tags stripped and spaces collapsed. */
function tiles(page: string): string[] {
  const section = /<section class="kpis"[\s\S]*?<\/section>/.exec(page);
  assert.ok(section, 'no key-figure tiles on the page');
  return [...section[0].matchAll(/<li class="kpi">([\s\S]*?)<\/li>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
}

describe('overview key figures: NPS, CSAT and CES with interval, n and change', () => {
  let t: TestApp;
  let admin: PageClient;

  before(async () => {
    t = await startTestApp();
    const tp = await journeyWithTouchpoint(t);
    const survey = await t.api('/api/v1/surveys', { body: { ...pulseSurvey(tp.touchpointId), status: 'active' } });
    assert.equal(survey.status, 201, JSON.stringify(survey.body));
    const post = async (day: string, nps: number[], csat: number[], ces: number[]) => {
      const res = await t.api('/api/v1/responses/batch', { body: { responses: nps.map((value, i) => ({
        surveyId: survey.body.id, touchpointId: tp.touchpointId, submittedAt: `${day}T10:00:00Z`,
        answers: [{ question: 'nps', value }, { question: 'csat', value: csat[i] }, { question: 'ease', value: ces[i] }],
      })) } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    };
    await post('2026-01-15', [10, 10, 10, 9, 9, 8, 7, 6, 3, 0], [5, 5, 4, 4, 4, 3, 2, 5, 4, 1], [7, 6, 6, 5, 5, 4, 7, 6, 5, 3]);
    await post('2025-12-10', [10, 9, 8, 8, 7, 6, 5, 4, 2, 0], [5, 4, 3, 3, 2, 2, 1, 4, 3, 2], [4, 4, 3, 5, 3, 2, 4, 3, 5, 4]);
    // Three answers in November: too few (minimum group size 5) to show, or to compare December with.
    await post('2025-11-20', [10, 10, 0], [5, 5, 1], [7, 7, 1]);
    await createUser(t.db, t.orgId, { email: 'kia@example.com', name: 'Kia', role: 'admin', language: 'en', password: 'correct horse battery' });
    admin = pageClient(t, await sessionCookie(t, 'kia@example.com'));
  });
  after(async () => { await t?.close(); });

  test('January against December: figures, intervals, n and the change with its test, in words', async () => {
    const page = await admin.get('/app?from=2026-01-01&to=2026-01-31');
    assert.equal(page.status, 200);
    assert.deepEqual(tiles(page.text), [
      'NPS promoters minus detractors, −100 to 100 20 95 % interval -34 to 74; n = 10 Up 50 points from the previous period: not a significant change (p = 0.177)',
      'CSAT share satisfied (4 or 5 of 5) 70 % 95 % interval 40 to 89; n = 10 Up 40 percentage points from the previous period: not a significant change (p = 0.074)',
      'CES mean ease on the 1–7 scale 5.4 95 % interval 4.5 to 6.3; n = 10 Up 1.7 scale points from the previous period: a significant change (p = 0.003)',
    ]);
    // The previous period is the 31 days just before, named under the tiles.
    assert.match(page.text, /Compared with the period of the same length just before, 1 Dec 2025 – 31 Dec 2025\./);
    // The tiles come before the trend.
    assert.ok(page.text.indexOf('id="kpi-heading"') < page.text.indexOf('id="trend-heading"'));
  });

  test('December against November: a previous period under the minimum group size gives no change', async () => {
    const page = await admin.get('/app?from=2025-12-01&to=2025-12-31');
    assert.deepEqual(tiles(page.text), [
      'NPS promoters minus detractors, −100 to 100 -30 95 % interval -78 to 18; n = 10 Too few answers in the previous period to compare with',
      'CSAT share satisfied (4 or 5 of 5) 30 % 95 % interval 11 to 60; n = 10 Too few answers in the previous period to compare with',
      'CES mean ease on the 1–7 scale 3.7 95 % interval 3.0 to 4.4; n = 10 Too few answers in the previous period to compare with',
    ]);
  });

  test('a period under the minimum group size shows no figure, only why', async () => {
    const page = await admin.get('/app?from=2025-11-01&to=2025-11-30');
    const shown = tiles(page.text);
    assert.equal(shown.length, 3);
    for (const tile of shown) {
      assert.doesNotMatch(tile, /n = |interval|previous period/);
      assert.match(tile, /too/i);
    }
  });

  test('the tiles read in Finnish with Finnish plural forms', async () => {
    const fi = pageClient(t, await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`));
    const page = await fi.get('/app?from=2026-01-01&to=2026-01-31&lang=fi');
    const [nps, csat, ces] = tiles(page.text);
    assert.match(nps, /Nousu 50 pistettä edelliseen jaksoon verrattuna: ei tilastollisesti merkitsevä \(p = 0,177\)/);
    assert.match(csat, /70 %/);
    assert.match(csat, /Nousu 40 prosenttiyksikköä/);
    assert.match(ces, /5,4/);
    assert.match(ces, /Nousu 1,7 asteikon pistettä edelliseen jaksoon verrattuna: tilastollisesti merkitsevä muutos \(p = 0,003\)/);
  });
});
