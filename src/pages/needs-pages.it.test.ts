/**
 * /app/segments/needs over HTTP: two groups of respondents answered two 1–7 statements alike
 * (ten gave 7 and 6, five gave 2 and 3), two more answered only the first and are left out.
 * Worked out by hand: everyone's averages are 80/15 = 5.33 and 75/15 = 5.00; the first group
 * sits +1.7 and +1.0 above them, the second −3.3 and −2.0 below; every respondent is at
 * distance 0 from their own group, so the mean silhouette is exactly 1 (a strong structure).
 *
 * The clock is fixed at 2026-12-07 10:00 UTC and the organisation's default period is 90 days,
 * 9 September to 7 December in Helsinki. Ten more respondents answered 7 and 6 on 8 September,
 * outside it: the default leaves them out; a period from 1 September counts them too (below).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';
import { createUser } from '../auth/service.ts';
import { silhouetteBand } from './needs-pages.ts';
import { needsText } from '../i18n/needs-clusters.ts';

const NOW = new Date('2026-12-07T10:00:00Z');
const IN_PERIOD = '2026-11-20T10:00:00Z';
/** 8 September 15:00 in Helsinki: the day before the default 90 days. */
const BEFORE_PERIOD = '2026-09-08T12:00:00Z';
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('needs-based clusters page', () => {
  let t: TestApp;
  let admin: PageClient;
  let surveyId: string;

  before(async () => {
    t = await startTestApp({ now: () => NOW });
    await t.db.query(`update organizations set default_period = '90d' where id = $1`, [t.orgId]);
    const tp = await journeyWithTouchpoint(t);
    const survey = await t.api('/api/v1/surveys', { body: {
      name: 'Service check', kind: 'pulse', defaultLanguage: 'en', languages: ['en', 'fi'], title: { en: 'Service check', fi: 'Palvelukysely' },
      questions: [
        { key: 'staff', type: 'likert7', isDriver: true, text: { en: 'The staff were friendly', fi: 'Henkilökunta oli ystävällistä' } },
        { key: 'speed', type: 'likert7', isDriver: true, text: { en: 'It was quick', fi: 'Asiointi oli nopeaa' } },
        { key: 'why', type: 'text', text: { en: 'Why?', fi: 'Miksi?' } },
      ] } });
    assert.equal(survey.status, 201, JSON.stringify(survey.body));
    surveyId = survey.body.id;
    const answers = (staff: number, speed?: number, submittedAt = IN_PERIOD) => ({ surveyId, touchpointId: tp.touchpointId, submittedAt,
      answers: [{ question: 'staff', value: staff }, ...(speed === undefined ? [] : [{ question: 'speed', value: speed }])] });
    const responses = [...Array.from({ length: 10 }, () => answers(7, 6)), ...Array.from({ length: 5 }, () => answers(2, 3)), answers(5), answers(4),
      ...Array.from({ length: 10 }, () => answers(7, 6, BEFORE_PERIOD))];
    const batch = await t.api('/api/v1/responses/batch', { body: { responses } });
    assert.equal(batch.status, 200, JSON.stringify(batch.body).slice(0, 300));
    await createUser(t.db, t.orgId, { email: 'aino@example.com', name: 'Aino', role: 'analyst', language: 'en', password: 'correct horse battery' });
    admin = pageClient(t, await sessionCookie(t, 'aino@example.com'));
  });
  after(() => t.close());

  test('silhouette read on Kaufman and Rousseeuw’s scale', () => {
    assert.deepEqual([0.71, 0.7, 0.51, 0.5, 0.26, 0.25, -0.1].map(silhouetteBand), ['strong', 'reasonable', 'reasonable', 'weak', 'weak', 'none', 'none']);
    // Counts are written as each language writes numbers, in its plural form.
    assert.equal(needsText('en').summary(2, 4341), '2 clusters among 4,341 respondents.');
    assert.equal(needsText('fi').summary(1, 4341), '1 ryhmä, 4\u00a0341 vastaajaa.');
    assert.equal(needsText('pl').summary(5, 22), '5 skupień wśród 22 respondentów.');
  });

  test('the segments page links to it; choosing a survey preselects its driver questions', async () => {
    const segments = await admin.get('/app/segments?lang=en');
    assert.match(segments.text, /<a href="\/app\/segments\/needs">Needs-based clusters of respondents<\/a>/);
    const step = await admin.get(`/app/segments/needs?lang=en&survey=${surveyId}`);
    assert.equal(step.status, 200);
    assert.match(step.text, /<input type="checkbox" id="q-0" name="q" value="staff" checked><label for="q-0">The staff were friendly<\/label>/);
    assert.match(step.text, /<input type="checkbox" id="q-1" name="q" value="speed" checked>/);
    assert.ok(!step.text.includes('value="why"'), 'open questions are not offered');
    assert.ok(!step.text.includes('id="needs-result"'), 'nothing is computed before the reader asks');
    // The filter bar: the default period's days in the date fields, and the line saying it is the default.
    assert.match(step.text, /<input id="f-from" name="from" type="date" value="2026-09-09" aria-describedby="period-note">/);
    assert.match(step.text, /<input id="f-to" name="to" type="date" value="2026-12-07" aria-describedby="period-note">/);
    assert.match(step.text, /<p class="muted period-note" id="period-note">Showing the last 90 days \(the organisation’s default\)\.<\/p>/);
    assert.match(step.text, /<select id="f-channel" name="channel">/);
  });

  test('two clusters described against everyone, by hand', async () => {
    const res = await admin.get(`/app/segments/needs?lang=en&survey=${surveyId}&go=1&q=staff&q=speed&k=2`);
    assert.equal(res.status, 200);
    const words = text(res.text);
    assert.ok(words.includes('2 clusters among 15 respondents.'), words);
    assert.ok(words.includes('2 respondents were left out for a missing or “don’t know” answer.'));
    assert.ok(words.includes('Quality: mean silhouette 1.00, a strong structure.'));
    assert.ok(words.includes('Only 15 respondents for 2 clusters: about 30 per cluster are needed for stable groups.'));
    assert.ok(!words.includes('different scales'), 'both statements use one scale');
    // Each cluster's section; the two statements set a two-valued cluster apart equally (the same z), in either order.
    const section = (share: string) => words.slice(words.indexOf(`: ${share} of respondents`), words.indexOf('It was quick', words.indexOf('Difference', words.indexOf(`: ${share} of respondents`))) + 40);
    const big = section('67%');
    assert.match(big, /^: 67% of respondents \(10\) Sets it apart: /);
    assert.ok(big.includes('higher than average on “The staff were friendly” (+1.7 points)') && big.includes('higher than average on “It was quick” (+1.0 points)'), big);
    assert.ok(big.includes('The staff were friendly 7.0 5.3 +1.7') && big.includes('It was quick 6.0 5.0 +1.0'), big);
    const small = section('33%');
    assert.match(small, /^: 33% of respondents \(5\) Sets it apart: /);
    assert.ok(small.includes('lower than average on “The staff were friendly” (-3.3 points)') && small.includes('lower than average on “It was quick” (-2.0 points)'), small);
    assert.ok(small.includes('The staff were friendly 2.0 5.3 -3.3') && small.includes('It was quick 3.0 5.0 -2.0'), small);
    assert.deepEqual([...words.matchAll(/Cluster (\d):/g)].map((m) => m[1]).sort(), ['1', '2']);

    // The best of 2–5 keeps 2: more clusters cannot beat a silhouette of 1.
    const best = text((await admin.get(`/app/segments/needs?lang=en&survey=${surveyId}&go=1&q=staff&q=speed&k=best`)).text);
    assert.ok(best.includes('2 clusters among 15 respondents.'), best);
    assert.match(best, /2 clusters had the best silhouette of those tried \(2: 1\.00/);

    // From 1 September the ten answers of 8 September count too: 20 gave 7 and 6, 5 gave 2 and 3, of 25.
    // Everyone's averages: (20 · 7 + 5 · 2) / 25 = 6.0 and (20 · 6 + 5 · 3) / 25 = 5.4; the big group +1.0 and +0.6.
    const wider = await admin.get(`/app/segments/needs?lang=en&survey=${surveyId}&go=1&q=staff&q=speed&k=2&from=2026-09-01`);
    assert.equal(wider.status, 200);
    const widerWords = text(wider.text);
    assert.ok(widerWords.includes('2 clusters among 25 respondents.'), widerWords);
    assert.match(widerWords, /: 80% of respondents \(20\) /);
    assert.ok(widerWords.includes('The staff were friendly 7.0 6.0 +1.0') && widerWords.includes('It was quick 6.0 5.4 +0.6'), widerWords);
    assert.ok(widerWords.includes('The staff were friendly 2.0 6.0 -4.0') && widerWords.includes('It was quick 3.0 5.4 -2.4'), widerWords);
    assert.match(wider.text, /<input id="f-from" name="from" type="date" value="2026-09-01">/);
    assert.ok(!wider.text.includes('period-note'), 'a chosen period is not the default');

    // In Finnish, with its plural forms.
    const fi = text((await admin.get(`/app/segments/needs?lang=fi&survey=${surveyId}&go=1&q=staff&q=speed&k=2`)).text);
    assert.ok(fi.includes('2 ryhmää, 15 vastaajaa.'), fi);
    assert.ok(fi.includes('2 vastaajaa jätettiin pois'));
  });

  test('bad input is named at its field and computes nothing', async () => {
    const one = await admin.get(`/app/segments/needs?lang=en&survey=${surveyId}&go=1&q=staff&k=2`);
    assert.equal(one.status, 400);
    assert.ok(one.text.includes('<a href="#q">Questions to cluster on: choose at least two.</a>'));
    assert.ok(!one.text.includes('id="needs-result"'));
    const k = await admin.get(`/app/segments/needs?lang=en&survey=${surveyId}&go=1&q=staff&q=speed&k=40`);
    assert.equal(k.status, 400);
    assert.ok(k.text.includes('<a href="#k">Number of clusters: choose one from the list.</a>'));
    const survey = await admin.get('/app/segments/needs?lang=en&survey=00000000-0000-4000-8000-000000000000');
    assert.equal(survey.status, 400);
    assert.ok(survey.text.includes('<a href="#survey">Survey: choose a survey from the list.</a>'));
        const many = await admin.get(`/app/segments/needs?lang=en&survey=${surveyId}&go=1&q=staff&q=speed&k=6`);
    // Six clusters asked of answers with two distinct patterns: four stay empty and are said so, not shown.
    assert.equal(many.status, 200);
    const manyWords = text(many.text);
    assert.ok(manyWords.includes('2 clusters among 15 respondents. 4 of the 6 clusters asked for stayed empty'), manyWords);
    assert.ok(!manyWords.includes('Cluster 3') && !manyWords.includes('NaN'));
  });
});
