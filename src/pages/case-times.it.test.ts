/**
 * Issue 17.4: an organisation in Warsaw sees its case times in Warsaw time, on both sides of the
 * spring daylight-saving change (29 March 2026, 01:00 UTC: CET +1 → CEST +2), in the inbox and
 * on the case page. Worked by hand: 00:30 UTC is 01:30 in Warsaw (02:30 in Helsinki), 01:30 UTC
 * is 03:30 in Warsaw (04:30 in Helsinki).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, shortPulse } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie, type PageClient } from '../../test/helpers/pages.ts';

let t: TestApp;
let admin: PageClient;
const ids: string[] = [];

before(async () => {
  t = await startTestApp();
  await t.db.query(`update organizations set time_zone = 'Europe/Warsaw' where id = $1`, [t.orgId]);
  const tp = await journeyWithTouchpoint(t);
  const survey = await t.api('/api/v1/surveys', { body: { ...shortPulse(tp.touchpointId), status: 'active' } });
  for (const [title, at] of [['Before the change', '2026-03-29T00:30:00Z'], ['After the change', '2026-03-29T01:30:00Z']]) {
    const response = await t.api('/api/v1/responses', { body: { surveyId: survey.body.id, language: 'en', answers: [{ question: 'nps', value: 1 }] } });
    const opened = await t.api('/api/v1/cases', { body: { responseId: response.body.id, title } });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    await t.db.query(`update cases set created_at = $2 where id = $1`, [opened.body.id, at]);
    await t.db.query(`update case_activity set at = $2 where case_id = $1`, [opened.body.id, at]);
    ids.push(opened.body.id as string);
  }
  admin = pageClient(t, await sessionCookie(t, `admin-${t.orgId.slice(0, 8)}@example.com`));
});
after(() => t.close());

test('case times are shown in the organisation\'s zone (Warsaw) across the DST change', async () => {
  const [before, afterChange] = await Promise.all(ids.map((id) => admin.get(`/app/cases/${id}?lang=en`)));
  assert.equal(before.status, 200);
  assert.match(before.text, /29 Mar 2026, 01:30/);
  assert.doesNotMatch(before.text, /29 Mar 2026, 0[02]:30/);
  assert.match(afterChange.text, /29 Mar 2026, 03:30/);
  assert.doesNotMatch(afterChange.text, /29 Mar 2026, 0[124]:30/);
});
