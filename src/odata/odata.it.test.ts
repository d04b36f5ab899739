import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, signInAs, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { createApiKey, createUser } from '../auth/service.ts';
import { resurveySurveyId } from '../loop/followup.ts';

/** A BI client: HTTP Basic with the API key as password, as Power BI and Excel send it. */
function odata(t: TestApp, key: string) {
  const authorization = `Basic ${Buffer.from(`powerbi:${key}`).toString('base64')}`;
  return async (pathOrUrl: string, headers: Record<string, string> = {}) => {
    const res = await fetch(pathOrUrl.startsWith('http') ? pathOrUrl : `${t.url}/odata/v4${pathOrUrl}`, { headers: { authorization, ...headers } });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
  };
}

const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString().replace(/\+/g, '%20')}`;

describe('OData v4 feed', () => {
  let t: TestApp;
  let get: ReturnType<typeof odata>;
  let tp1: string;
  let tp2: string;
  let unitA: string;
  let unitB: string;
  /** The stored responses as the test wrote them, to compute expected results independently. */
  const fixture: Array<{ id: string; touchpoint: string | null; unit: string; channel: string | null; at: string; nps: number; csat?: number }> = [];

  before(async () => {
    t = await startTestApp();
    get = odata(t, t.apiKey);
    const j = await journeyWithTouchpoint(t);
    tp1 = j.touchpointId;
    tp2 = (await t.api('/api/v1/touchpoints', { body: { stageId: j.stageId, name: 'Invoice', channel: 'email', ownerUnitId: j.unitId } })).body.id;
    unitA = (await t.api('/api/v1/units', { body: { name: 'A' } })).body.id;
    unitB = (await t.api('/api/v1/units', { body: { name: 'B' } })).body.id;
    const survey = await t.api('/api/v1/surveys', { body: pulseSurvey() });
    assert.equal(survey.status, 201, JSON.stringify(survey.body));
    const rows: Array<Omit<(typeof fixture)[number], 'id'>> = [
      { touchpoint: tp1, unit: unitA, channel: 'web', at: '2026-01-05T10:00:00.000Z', nps: 10, csat: 5 },
      { touchpoint: null, unit: unitA, channel: null, at: '2026-01-06T10:00:00.000Z', nps: 9, csat: 4 },
      { touchpoint: tp1, unit: unitB, channel: 'phone', at: '2026-01-07T10:00:00.000Z', nps: 3, csat: 2 },
      { touchpoint: tp1, unit: unitB, channel: 'web', at: '2026-01-20T10:00:00.000Z', nps: 7 },
      { touchpoint: tp2, unit: unitA, channel: 'email', at: '2026-01-21T10:00:00.000Z', nps: 0, csat: 1 },
      { touchpoint: tp1, unit: unitA, channel: 'web', at: '2026-02-03T10:00:00.000Z', nps: 8, csat: 5 },
      { touchpoint: tp2, unit: unitB, channel: 'email', at: '2026-02-14T10:00:00.000Z', nps: 10 },
    ];
    const batch = await t.api('/api/v1/responses/batch', { body: { responses: rows.map((r) => ({
      surveyId: survey.body.id, ...(r.touchpoint ? { touchpointId: r.touchpoint } : {}), unitId: r.unit, ...(r.channel ? { channel: r.channel } : {}), language: 'fi', submittedAt: r.at,
      answers: [{ question: 'nps', value: r.nps }, ...(r.csat ? [{ question: 'csat', value: r.csat }] : []),
        ...(r.nps === 0 ? [{ question: 'nps_why', value: 'Soittakaa 040 123 4567 tai maija@example.com' }] : [])],
    })) } });
    assert.equal(batch.status, 200, JSON.stringify(batch.body));
    rows.forEach((r, i) => fixture.push({ ...r, id: batch.body.items[i].id }));
  });
  after(() => t.close());

  test('service document and $metadata describe the entity sets', async () => {
    const root = await get('/');
    assert.equal(root.status, 200);
    assert.equal(root.headers.get('odata-version'), '4.0');
    assert.deepEqual(root.body.value.map((s: { name: string }) => s.name), ['Responses', 'Answers', 'Metrics', 'Touchpoints', 'Units', 'Questions']);
    assert.equal(root.body['@odata.context'], `${t.url}/odata/v4/$metadata`);
    const metadata = await get('/$metadata');
    assert.equal(metadata.status, 200);
    assert.match(metadata.headers.get('content-type') ?? '', /application\/xml/);
    assert.match(metadata.text, /<EntityType Name="Response">\s*<Key><PropertyRef Name="Id"\/><\/Key>/);
    assert.match(metadata.text, /<Property Name="SubmittedAt" Type="Edm.DateTimeOffset" Nullable="false"\/>/);
    assert.match(metadata.text, /<EntitySet Name="Metrics" EntityType="Kaiku.Metric"\/>/);
    const unknown = await get('/Surveys');
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.error.message, /Surveys is not a resource of this service; the entity sets are Responses, Answers/);
  });

  test('a month of one touchpoint’s responses with $count, $select and $orderby', async () => {
    const res = await get(`/Responses${q({
      $filter: `SubmittedAt ge 2026-01-01T00:00:00Z and SubmittedAt lt 2026-02-01T00:00:00Z and TouchpointId eq ${tp1}`,
      $select: 'Id,Channel,SubmittedAt', $orderby: 'SubmittedAt desc', $count: 'true',
    })}`);
    assert.equal(res.status, 200, res.text);
    const expected = fixture.filter((r) => r.touchpoint === tp1 && r.at.startsWith('2026-01')).sort((a, b) => b.at.localeCompare(a.at));
    assert.equal(res.body['@odata.count'], expected.length);
    assert.deepEqual(res.body.value, expected.map((r) => ({ Id: r.id, Channel: r.channel, SubmittedAt: r.at })));
    assert.equal(res.body['@odata.context'], `${t.url}/odata/v4/$metadata#Responses(Id,Channel,SubmittedAt)`);
    assert.equal(res.body['@odata.nextLink'], undefined);
  });

  test('ne and not are two-valued as in OData: a response without a channel is "not web"', async () => {
    const ids = async (filter: string) => (await get(`/Responses${q({ $filter: filter, $select: 'Id' })}`)).body.value.map((r: { Id: string }) => r.Id).sort();
    const notWeb = fixture.filter((r) => r.channel !== 'web').map((r) => r.id).sort();
    assert.deepEqual(await ids("Channel ne 'web'"), notWeb);
    assert.deepEqual(await ids("not (Channel eq 'web')"), notWeb);
    assert.deepEqual(await ids('Channel eq null'), fixture.filter((r) => r.channel === null).map((r) => r.id).sort());
    assert.deepEqual(await ids(`(UnitId eq ${unitB} or Channel eq 'email') and SubmittedAt lt 2026-02-01`),
      fixture.filter((r) => (r.unit === unitB || r.channel === 'email') && r.at < '2026-02-01').map((r) => r.id).sort());
  });

  test('server-driven paging: following @odata.nextLink returns every row once, with $top across pages', async () => {
    const seen: string[] = [];
    let url: string | undefined = `/Responses${q({ $select: 'Id', $count: 'true' })}`;
    let pages = 0;
    while (url) {
      const res = await get(url, { prefer: 'odata.maxpagesize=2' });
      assert.equal(res.status, 200, res.text);
      if (pages === 0) assert.equal(res.headers.get('preference-applied'), 'odata.maxpagesize=2');
      assert.ok(res.body.value.length <= 2);
      assert.equal(res.body['@odata.count'], fixture.length, 'every page repeats the first page’s count');
      seen.push(...res.body.value.map((r: { Id: string }) => r.Id));
      url = res.body['@odata.nextLink'];
      pages++;
    }
    assert.equal(pages, 4);
    const byTime = [...fixture].sort((a, b) => a.at.localeCompare(b.at)).map((r) => r.id);
    assert.deepEqual(seen, byTime, 'default order is by submission time, each row once');

    const topped: string[] = [];
    url = `/Responses${q({ $select: 'Id', $orderby: 'SubmittedAt desc', $skip: '1', $top: '3' })}`;
    while (url) {
      const res = await get(url, { prefer: 'odata.maxpagesize=2' });
      topped.push(...res.body.value.map((r: { Id: string }) => r.Id));
      url = res.body['@odata.nextLink'];
    }
    assert.deepEqual(topped, [...byTime].reverse().slice(1, 4));
    assert.equal((await get('/Responses/$count')).text, String(fixture.length));
  });

  test('answers carry their response’s fields; Metrics are NPS and CSAT per touchpoint and month', async () => {
    const promoters = await get(`/Answers${q({ $filter: "QuestionKey eq 'nps' and Number ge 9", $select: 'ResponseId,Number' })}`);
    assert.equal(promoters.status, 200, promoters.text);
    assert.deepEqual(promoters.body.value.map((a: { ResponseId: string }) => a.ResponseId).sort(),
      fixture.filter((r) => r.nps >= 9).map((r) => r.id).sort());

    const why = await get(`/Answers${q({ $filter: "QuestionKey eq 'nps_why'", $select: 'Text' })}`);
    assert.equal(why.body.value.length, 1);
    assert.doesNotMatch(why.body.value[0].Text, /040 123 4567|maija@example\.com/, 'open answers go out PII-redacted');
    assert.match(why.body.value[0].Text, /^Soittakaa /);
    assert.match((await get(`/Answers${q({ $filter: "Text eq 'x'" })}`)).body.error.message, /Text cannot be filtered on/);

    const jan = fixture.filter((r) => r.touchpoint === tp1 && r.at.startsWith('2026-01'));
    const share = (n: number) => n / jan.length;
    const nps = 100 * (share(jan.filter((r) => r.nps >= 9).length) - share(jan.filter((r) => r.nps <= 6).length));
    const metric = await get(`/Metrics${q({ $filter: `Metric eq 'nps' and TouchpointId eq ${tp1} and Month eq 2026-01-01` })}`);
    assert.equal(metric.status, 200, metric.text);
    assert.equal(metric.body.value.length, 1);
    const row = metric.body.value[0];
    assert.equal(row.Id, `nps/${tp1}/2026-01-01`);
    assert.equal(row.TouchpointName, 'Contract by phone');
    assert.equal(row.Answers, jan.length);
    assert.ok(Math.abs(row.Score - nps) < 1e-9, `${row.Score} vs ${nps}`);
    assert.equal(row.Suppressed, false);

    const csatRows = await get(`/Metrics${q({ $filter: "Metric eq 'csat' and Month ge 2026-01-01", $orderby: 'Month,TouchpointName desc', $select: 'Month,TouchpointId,Score' })}`);
    const topBox = (rows: typeof fixture) => 100 * rows.filter((r) => (r.csat ?? 0) >= 4).length / rows.filter((r) => r.csat).length;
    // Descending puts nulls first, as PostgreSQL does.
    const expected = [
      { Month: '2026-01-01', TouchpointId: null, Score: topBox(fixture.filter((r) => r.touchpoint === null)) },
      { Month: '2026-01-01', TouchpointId: tp2, Score: topBox(fixture.filter((r) => r.touchpoint === tp2 && r.at < '2026-02')) },
      { Month: '2026-01-01', TouchpointId: tp1, Score: topBox(jan) },
      { Month: '2026-02-01', TouchpointId: tp1, Score: topBox(fixture.filter((r) => r.touchpoint === tp1 && r.at >= '2026-02')) },
    ];
    assert.deepEqual(csatRows.body.value.map((r: { Month: string; TouchpointId: string }) => [r.Month, r.TouchpointId]), expected.map((r) => [r.Month, r.TouchpointId]));
    csatRows.body.value.forEach((r: { Score: number }, i: number) => assert.ok(Math.abs(r.Score - expected[i].Score) < 1e-9, `${r.Score} vs ${expected[i].Score}`));
  });

  test('unsupported syntax and wrong types are a 400 in OData’s error format naming the problem', async () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ $filter: "contains(Channel,'w')" }, /function contains\(\) is not supported/],
      [{ $filter: 'Nope eq 1' }, /Unknown property "Nope"/],
      [{ $filter: "SubmittedAt ge 'yesterday'" }, /SubmittedAt is Edm.DateTimeOffset; compare it with a date-time/],
      [{ $filter: "TouchpointId eq 'x'" }, /compare it with a GUID/],
      [{ $filter: 'TouchpointId gt 0190a5c2-7a3e-7000-8000-000000000000' }, /only be compared with eq or ne/],
      [{ $expand: 'Answers' }, /\$expand is not supported/],
      [{ $top: '-1' }, /\$top must be a non-negative integer/],
      [{ $orderby: 'Channel sideways' }, /not "Property \[asc\|desc\]"/],
      [{ $select: 'Id,Secret' }, /unknown property "Secret"/],
      [{ $skiptoken: 'forged' }, /\$skiptoken is not one this service issued/],
    ];
    for (const [params, message] of cases) {
      const res = await get(`/Responses${q(params)}`);
      assert.equal(res.status, 400, `${JSON.stringify(params)} → ${res.status} ${res.text}`);
      assert.match(res.body.error.message, message);
      assert.equal(res.body.error.code, 'odata_query');
    }
  });

  test('authentication: Basic or Bearer API keys; a 401 asks for Basic credentials; scopes and data scopes apply', async () => {
    const anonymous = await fetch(`${t.url}/odata/v4/Responses`);
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Basic realm="Kaiku OData"/);
    assert.equal((await odata(t, 'kk_not-a-key')('/Responses')).status, 401);
    const bearer = await fetch(`${t.url}/odata/v4/Units`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    assert.equal(bearer.status, 200);

    const writeOnly = await createApiKey(t.db, t.orgId, 'ingest', ['write']);
    const denied = await odata(t, writeOnly.key)('/Responses');
    assert.equal(denied.status, 403);
    assert.match(denied.body.error.message, /responses:read/);
    const readOnly = await createApiKey(t.db, t.orgId, 'bi', ['read']);
    assert.equal((await odata(t, readOnly.key)('/Responses')).body.value.length, fixture.length);

    await createUser(t.db, t.orgId, { email: 'odata-manager@example.com', name: 'M', role: 'unit_manager', unitId: unitA, password: 'correct horse battery' });
    const manager = await signInAs(t, 'odata-manager@example.com', 'correct horse battery');
    const mine = await manager('/odata/v4/Responses?$select=Id');
    assert.equal(mine.status, 200);
    assert.deepEqual(mine.body.value.map((r: { Id: string }) => r.Id).sort(), fixture.filter((r) => r.unit === unitA).map((r) => r.id).sort());
    const mineAnswers = await manager('/odata/v4/Answers/$count');
    assert.equal(mineAnswers.body, fixture.filter((r) => r.unit === unitA).reduce((n, r) => n + (r.csat ? 2 : 1) + (r.nps === 0 ? 1 : 0), 0));
  });
});

/** Re-survey answers ("is it solved?" after a case) stay in the feed, flagged, so a BI model can leave them out as the metrics do. */
describe('OData: IsResurvey', () => {
  let t: TestApp;
  let normal: string;
  let resurvey: string;
  before(async () => {
    t = await startTestApp();
    const survey = await t.api('/api/v1/surveys', { body: pulseSurvey() });
    const resurveyId = await resurveySurveyId(t.db, t.orgId);
    const batch = await t.api('/api/v1/responses/batch', { body: { responses: [
      { surveyId: survey.body.id, language: 'fi', submittedAt: '2026-02-01T08:00:00Z', answers: [{ question: 'nps', value: 2 }] },
      { surveyId: resurveyId, language: 'fi', submittedAt: '2026-02-03T08:00:00Z', answers: [{ question: 'solved', value: 'no' }, { question: 'score', value: 4 }] },
    ] } });
    assert.equal(batch.status, 200, JSON.stringify(batch.body));
    [normal, resurvey] = batch.body.items.map((i: { id: string }) => i.id);
  });
  after(() => t.close());

  test('Responses and Answers carry IsResurvey, filterable, and $metadata declares it', async () => {
    const get = odata(t, t.apiKey);
    assert.match((await get('/$metadata')).text, /<EntityType Name="Response">[\s\S]*<Property Name="IsResurvey" Type="Edm.Boolean" Nullable="false"\/>[\s\S]*<EntityType Name="Answer">[\s\S]*<Property Name="IsResurvey" Type="Edm.Boolean" Nullable="false"\/>/);
    const responses = await get(`/Responses${q({ $select: 'Id,IsResurvey', $orderby: 'SubmittedAt' })}`);
    assert.equal(responses.status, 200, responses.text);
    assert.deepEqual(responses.body.value, [{ Id: normal, IsResurvey: false }, { Id: resurvey, IsResurvey: true }]);
    const answers = await get(`/Answers${q({ $filter: 'IsResurvey eq true', $select: 'ResponseId,QuestionKey', $orderby: 'QuestionKey' })}`);
    assert.equal(answers.status, 200, answers.text);
    assert.deepEqual(answers.body.value, [{ ResponseId: resurvey, QuestionKey: 'score' }, { ResponseId: resurvey, QuestionKey: 'solved' }]);
    const counted = await get(`/Answers/$count${q({ $filter: 'IsResurvey eq false' })}`);
    assert.equal(counted.text, '1');
  });
});
