import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { pulseSurvey } from '../../test/helpers/factories.ts';
import { createApiKey } from '../auth/service.ts';

const RAW = 'Soita 040 123 4567 tai matti@example.com, hetu 131052-308T, tili FI21 1234 5600 0007 85.';
const REDACTED = 'Soita [phone] tai [email], hetu [hetu], tili [iban].';

let t: TestApp;
let readKey: string;

before(async () => {
  t = await startTestApp();
  const surveyId = (await t.api('/api/v1/surveys', { body: pulseSurvey() })).body.id;
  const res = await t.api('/api/v1/responses', { body: { surveyId, language: 'fi', answers: [{ question: 'nps', value: 3 }, { question: 'nps_why', value: RAW }] } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  readKey = (await createApiKey(t.db, t.orgId, 'bi', ['read'])).key;
});
after(() => t.close());

test('exports redact PII in open answers by default, in every dataset', async () => {
  for (const dataset of ['answers', 'responses']) {
    const res = await t.api(`/api/v1/exports/${dataset}.csv`, { key: readKey });
    assert.equal(res.status, 200);
    assert.ok(res.body.includes(REDACTED), res.body);
    assert.ok(!res.body.includes('040 123 4567') && !res.body.includes('matti@') && !res.body.includes('131052'), res.body);
  }
});

test('an admin may export raw text, and it is audited; others are refused', async () => {
  const refused = await t.api('/api/v1/exports/answers.csv?rawText=true', { key: readKey });
  assert.equal(refused.status, 403);
  const raw = await t.api('/api/v1/exports/answers.csv?rawText=true');
  assert.equal(raw.status, 200);
  assert.ok(raw.body.includes(RAW), raw.body);
  const audit = await t.db.query<{ details: { rawText: boolean } }>(
    `select details from audit_log where org_id = $1 and action = 'export.download' order by at`, [t.orgId]);
  assert.deepEqual(audit.map((a) => a.details.rawText), [false, false, true]);
});
