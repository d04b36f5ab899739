import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { pulseSurvey } from '../../test/helpers/factories.ts';
import { metricsEndpointFrom } from './plugin.ts';

/** The value of one sample line of the Prometheus text format, 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('Prometheus /metrics', () => {
  let t: TestApp;
  let surveyId: string;
  before(async () => {
    t = await startTestApp();
    surveyId = (await t.api('/api/v1/surveys', { body: pulseSurvey() })).body.id;
  });
  after(() => t.close());

  const scrape = async () => {
    const res = await fetch(`${t.url}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  test('a POST /api/v1/responses moves the request counter, the latency histogram and the ingestion counter', async () => {
    const requests = 'kaiku_http_requests_total{method="POST",route="/api/v1/responses",status="201"}';
    const latency = 'kaiku_http_request_duration_seconds_count{method="POST",route="/api/v1/responses"}';
    const ingested = 'kaiku_responses_ingested_total{source="api"}';
    const before = await scrape();
    const res = await t.api('/api/v1/responses', { body: { surveyId, answers: [{ question: 'nps', value: 8 }] } });
    assert.equal(res.status, 201);
    const batch = await t.api('/api/v1/responses/batch', { body: { responses: [
      { surveyId, answers: [{ question: 'nps', value: 1 }] }, { surveyId, answers: [{ question: 'nps', value: 2 }] }] } });
    assert.equal(batch.status, 200);
    const afterText = await scrape();
    assert.equal(sample(afterText, requests) - sample(before, requests), 1);
    assert.equal(sample(afterText, latency) - sample(before, latency), 1);
    assert.equal(sample(afterText, ingested) - sample(before, ingested), 3);
  });

  test('routes are labelled by pattern, not by id, and unknown paths share one label', async () => {
    await t.api(`/api/v1/surveys/${surveyId}`);
    await t.api('/no/such/path');
    const text = await scrape();
    assert.ok(text.includes('route="/api/v1/surveys/:id"'));
    assert.ok(!text.includes(surveyId));
    assert.ok(text.includes('route="unmatched",status="404"'));
  });

  test('group-commit queue depth and process metrics are exposed', async () => {
    const text = await scrape();
    assert.match(text, /^kaiku_queue_depth\{queue="responses_group_commit"\} \d+$/m);
    assert.match(text, /^kaiku_process_resident_memory_bytes \d+/m);
  });
});

describe('database figures on /metrics', () => {
  test('cases open by status and background jobs waiting are counted from the database at each scrape', async () => {
    const t = await startTestApp({ jobs: true });
    try {
      const surveyId = (await t.api('/api/v1/surveys', { body: pulseSurvey() })).body.id;
      const scrape = async () => (await fetch(`${t.url}/metrics`)).text();
      const before = await scrape();
      const stored = await t.api('/api/v1/responses/batch', { body: { responses: [
        { surveyId, answers: [{ question: 'nps', value: 1 }] }, { surveyId, answers: [{ question: 'nps', value: 2 }] }] } });
      const [first, second] = stored.body.items.map((r: { id: string }) => r.id);
      const opened = await t.api('/api/v1/cases', { body: { responseId: first } });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      const other = await t.api('/api/v1/cases', { body: { responseId: second } });
      assert.equal((await t.api(`/api/v1/cases/${other.body.id}`, { method: 'PATCH', body: { status: 'in_progress' } })).status, 200);
      // A job due in an hour waits in the shared queue.
      const [queue] = await t.jobs!.boss.getQueues();
      await t.jobs!.send(queue.name, {}, { startAfter: 3600 });
      const after = await scrape();
      const open = (text: string, status: string) => sample(text, `kaiku_cases_open{status="${status}"}`);
      // The loop's own rules may open cases for these detractors too: compare the changes by status.
      assert.equal(open(after, 'in_progress') - open(before, 'in_progress'), 1);
      assert.ok(open(after, 'new') >= 1);
      assert.equal(sample(after, `kaiku_queue_depth{queue="jobs:${queue.name}"}`) - sample(before, `kaiku_queue_depth{queue="jobs:${queue.name}"}`), 1);
    } finally {
      await t.close();
    }
  });
});

describe('KAIKU_METRICS_TOKEN', () => {
  test('unset: open; "off": disabled; a value: the bearer token', () => {
    assert.deepEqual(metricsEndpointFrom({}), { enabled: true });
    assert.deepEqual(metricsEndpointFrom({ KAIKU_METRICS_TOKEN: 'OFF' }), { enabled: false });
    assert.deepEqual(metricsEndpointFrom({ KAIKU_METRICS_TOKEN: ' s3cret ' }), { enabled: true, token: 's3cret' });
  });

  test('with a token, a scraper without it gets 401 and with it the metrics', async () => {
    const saved = process.env.KAIKU_METRICS_TOKEN;
    process.env.KAIKU_METRICS_TOKEN = 'scrape-secret';
    const t = await startTestApp();
    try {
      assert.equal((await fetch(`${t.url}/metrics`)).status, 401);
      assert.equal((await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer wrong-secret' } })).status, 401);
      const ok = await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer scrape-secret' } });
      assert.equal(ok.status, 200);
      assert.match(await ok.text(), /kaiku_http_requests_total/);
    } finally {
      if (saved === undefined) delete process.env.KAIKU_METRICS_TOKEN; else process.env.KAIKU_METRICS_TOKEN = saved;
      await t.close();
    }
  });

  test('"off" removes the endpoint', async () => {
    const saved = process.env.KAIKU_METRICS_TOKEN;
    process.env.KAIKU_METRICS_TOKEN = 'off';
    const t = await startTestApp();
    try {
      assert.equal((await fetch(`${t.url}/metrics`)).status, 404);
    } finally {
      if (saved === undefined) delete process.env.KAIKU_METRICS_TOKEN; else process.env.KAIKU_METRICS_TOKEN = saved;
      await t.close();
    }
  });
});
