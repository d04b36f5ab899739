/**
 * A case's re-survey answer ("is it solved?") measures the recovery, not the experience: it
 * moves the recovery rate and leaves NPS (from the rollup and from the answers alike), drivers
 * and text topics as they were (issue 6).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { shortPulse } from '../../test/helpers/factories.ts';
import { resurveySurveyId, recordFollowUpAnswers } from './followup.ts';
import { foldScoreHistograms } from '../metrics/rollups.ts';

describe('re-survey answers stay out of the experience metrics', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp(); });
  after(async () => { await t.close(); });

  const nps = async (query = '') => {
    const res = await t.api(`/api/v1/metrics/nps${query}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return { n: res.body.overall.n as number, nps: res.body.overall.nps as number };
  };

  test('an organisation\'s NPS is the same before and after a re-survey answer; the recovery rate counts it', async () => {
    const surveyId = (await t.api('/api/v1/surveys', { body: shortPulse() })).body.id as string;
    const contact = await t.api('/api/v1/contacts/by-external-id/C-1', {
      method: 'PUT', body: { email: 'aino@example.com', name: 'Aino', language: 'en', consent: { surveyEmail: true } },
    });
    assert.ok(contact.status < 300, JSON.stringify(contact.body));
    const answer = async (score: number, extra: Record<string, unknown> = {}, survey = surveyId, answers?: unknown[]) => {
      const res = await t.api('/api/v1/responses', { body: { surveyId: survey, language: 'en', answers: answers ?? [{ question: 'nps', value: score }], ...extra } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id as string;
    };
    // 10, 9: promoters; 8: passive; 6 and the contact's 3: detractors. NPS = (2 − 2) / 5 = 0.
    for (const score of [10, 9, 8, 6]) await answer(score);
    const detractor = await answer(3, { contactId: contact.body.id });
    const expected = { n: 5, nps: 0 };
    // Rollup path (whole days, no filter it lacks), the answers path (language is not in the rollup), by survey.
    assert.deepEqual(await nps(), expected);
    assert.deepEqual(await nps('?language=en'), expected);

    const opened = await t.api('/api/v1/cases', { body: { responseId: detractor, title: 'Called back' } });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    // The customer answers the re-survey: solved, 10. Counted, it would make NPS (3 − 2) / 6 = 16.7.
    const resurvey = await resurveySurveyId(t.db, t.orgId);
    const followUp = await answer(10, { contactId: contact.body.id }, resurvey,
      [{ question: 'solved', value: 'yes' }, { question: 'score', value: 10 }, { question: 'comment', value: 'Thank you, the invoice is fixed' }]);
    const recorded = await t.db.transaction((tx) => recordFollowUpAnswers(tx, null, t.orgId, [followUp], new Date()));
    assert.deepEqual([...recorded], [followUp], 'recognised as a re-survey answer');

    assert.deepEqual(await nps(), expected);
    assert.deepEqual(await nps('?language=en'), expected);
    await foldScoreHistograms(t.db);
    assert.deepEqual(await nps(), expected, 'after the rollup is folded');
    const bySurvey = await t.api('/api/v1/metrics/nps?by=survey');
    assert.deepEqual(bySurvey.body.groups.map((g: { key: { survey: string }; n: number }) => [g.key.survey, g.n]), [[surveyId, 5]]);

    // The recovery rate does count it: 1 detractor case followed up, 1 recovered.
    const metrics = await t.api('/api/v1/cases/metrics');
    assert.equal(metrics.status, 200);
    assert.equal(metrics.body.overall.detractorsFollowedUp, 1);
    assert.equal(metrics.body.overall.recovered, 1);
    assert.equal(metrics.body.overall.recoveryRate, 1);
  });
});
