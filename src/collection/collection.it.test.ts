import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { newOrg, startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint, shortPulse } from '../../test/helpers/factories.ts';
import { forgetExpiredVisitors } from './service.ts';
import { contactRequestOf } from '../surveys/contact-requests.ts';

// jsqr is CommonJS with an ES-style default export: typed as the module, the function is its `default`.
const jsQR = (jsQRModule as unknown as { default: typeof jsQRModule.default }).default;

describe('widget site keys, kiosk links and their public endpoints', () => {
  const shop = 'https://shop.example';
  let now = new Date('2026-11-24T10:00:00Z');
  let t: TestApp;
  let touchpointId: string;
  let unitId: string;
  let surveyId: string;
  let widget: { id: string; publicKey: string; snippet: string };
  let kiosk: { id: string; publicKey: string; kioskUrl: string };

  const pub = (key: string, path = '', init: { body?: unknown; origin?: string | null; method?: string } = {}) => {
    const headers: Record<string, string> = {};
    if (init.origin !== null) headers.origin = init.origin ?? shop;
    return t.api(`/api/v1/public/collectors/${key}${path}`, { key: null, body: init.body, method: init.method, headers });
  };
  const stored = (key: string) => t.db.query<{ id: string; touchpoint_id: string; unit_id: string; channel: string; source: string; submitted_at: Date; answers: number }>(
    `select r.id, r.touchpoint_id, r.unit_id, r.channel, r.source, r.submitted_at,
            (select count(*)::int from answers a where a.org_id = r.org_id and a.response_id = r.id) as answers
       from responses r where r.org_id = $1 and r.idempotency_key like $2`, [t.orgId, `%:${key}`]);

  before(async () => {
    t = await startTestApp({ now: () => now });
    ({ touchpointId, unitId } = await journeyWithTouchpoint(t));
    surveyId = (await t.api('/api/v1/surveys', { body: shortPulse(touchpointId) })).body.id;
    const w = await t.api('/api/v1/collectors', { body: {
      kind: 'widget', name: 'Web shop', surveyId, allowedOrigins: [`${shop}/`], triggers: [{ type: 'event', name: 'checkout_done' }], frequencyDays: 30,
    } });
    assert.equal(w.status, 201, JSON.stringify(w.body));
    widget = w.body;
    const k = await t.api('/api/v1/collectors', { body: { kind: 'kiosk', name: 'Branch lobby', surveyId, unitId } });
    assert.equal(k.status, 201, JSON.stringify(k.body));
    kiosk = k.body;
  });
  after(async () => { await t.close(); });

  test('an admin gets the snippet and the kiosk address; origins are normalised; the touchpoint comes from the survey', async () => {
    assert.match(widget.publicKey, /^pk_[A-Za-z0-9_-]{22}$/);
    assert.ok(widget.snippet.includes(`${t.url}/widget.js`) && widget.snippet.includes(`data-site-key="${widget.publicKey}"`));
    assert.equal(kiosk.kioskUrl, `${t.url}/k/${kiosk.publicKey}`);
    const got = await t.api(`/api/v1/collectors/${widget.id}`);
    assert.deepEqual([got.body.allowedOrigins, got.body.touchpointId, got.body.kind], [[shop], touchpointId, 'widget']);
    const list = await t.api('/api/v1/collectors?kind=kiosk');
    assert.deepEqual(list.body.items.map((c: { id: string }) => c.id), [kiosk.id]);
  });

  test('bad settings are refused naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ kind: 'widget', name: 'x', surveyId }, 'allowedOrigins'],
      [{ kind: 'widget', name: 'x', surveyId, allowedOrigins: ['https://shop.example/cart'] }, 'allowedOrigins[0]'],
      [{ kind: 'widget', name: 'x', surveyId, allowedOrigins: ['javascript:alert(1)'] }, 'allowedOrigins[0]'],
      [{ kind: 'kiosk', name: 'x', surveyId, triggers: [{ type: 'exit_intent' }] }, 'triggers'],
      [{ kind: 'widget', name: 'x', surveyId, allowedOrigins: [shop], triggers: [{ type: 'hover' }] }, 'triggers.0'],
      [{ kind: 'kiosk', name: 'x', surveyId: '00000000-0000-4000-8000-000000000000' }, 'surveyId'],
    ];
    for (const [body, field] of cases) {
      const res = await t.api('/api/v1/collectors', { body });
      assert.equal(res.status >= 400 && res.status < 500, true, JSON.stringify(res.body));
      assert.ok(String(res.body.field).startsWith(field), `${JSON.stringify(body)} → ${JSON.stringify(res.body)}`);
    }
    const choice = await t.api('/api/v1/surveys', { body: { ...shortPulse(), questions: [
      { key: 'topic', type: 'single_choice', required: true, text: { en: 'Topic' }, options: [{ value: 'a', label: { en: 'A' } }, { value: 'b', label: { en: 'B' } }] }] } });
    const refused = await t.api('/api/v1/collectors', { body: { kind: 'kiosk', name: 'x', surveyId: choice.body.id } });
    assert.equal(refused.status, 400);
    assert.match(refused.body.detail, /score and open questions only; "topic" is single_choice/);
  });

  test('the widget config answers only its allowed origins, with CORS for that origin alone', async () => {
    const ok = await pub(widget.publicKey, '?lang=fi');
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.headers.get('access-control-allow-origin'), shop);
    assert.equal(ok.body.survey.language, 'fi');
    assert.equal(ok.body.survey.title, 'Miten kassalla meni?');
    assert.deepEqual(ok.body.survey.questions[0].scale, [0, 10]);
    assert.deepEqual(ok.body.triggers, [{ type: 'event', name: 'checkout_done' }]);
    const preflight = await pub(widget.publicKey, '/responses', { method: 'OPTIONS' });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'content-type');
    for (const origin of ['https://evil.example', null]) {
      const res = await pub(widget.publicKey, '', { origin });
      assert.equal(res.status, 403);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
    }
    assert.equal((await pub('pk_AAAAAAAAAAAAAAAAAAAAAA')).status, 404);
    assert.equal((await pub(kiosk.publicKey)).status, 404, 'a kiosk key is not a widget');
  });

  test('a visitor is asked once per frequency period, however many tabs ask', async () => {
    const visitorId = 'v'.repeat(20);
    const asks = await Promise.all([1, 2, 3].map(() => pub(widget.publicKey, '/show', { body: { visitorId } })));
    assert.deepEqual(asks.map((r) => r.body.show).sort(), [false, false, true]);
    now = new Date(now.getTime() + 29 * 86_400_000);
    assert.equal((await pub(widget.publicKey, '/show', { body: { visitorId } })).body.show, false);
    now = new Date(now.getTime() + 2 * 86_400_000);
    assert.equal((await pub(widget.publicKey, '/show', { body: { visitorId } })).body.show, true);
    assert.equal((await pub(widget.publicKey, '/show', { body: { visitorId: 'short' } })).status, 400);
  });

  test('the daily job forgets only visitors whose last ask is older than the frequency period', async () => {
    const visitors = async () => (await t.db.query<{ visitor_id: string }>(`select visitor_id from widget_visitors where org_id = $1 order by 1`, [t.orgId])).map((r) => r.visitor_id);
    await pub(widget.publicKey, '/show', { body: { visitorId: 'old'.repeat(6) } });
    now = new Date(now.getTime() + 20 * 86_400_000);
    await pub(widget.publicKey, '/show', { body: { visitorId: 'new'.repeat(6) } });
    assert.deepEqual(await visitors(), ['new'.repeat(6), 'old'.repeat(6), 'v'.repeat(20)]);
    // 30-day period: 'old' and 'v…' were asked 20 days before now, 'new' just now.
    assert.equal(await forgetExpiredVisitors(t.db, new Date(now.getTime() + 10 * 86_400_000 - 1000)), 0);
    assert.equal(await forgetExpiredVisitors(t.db, new Date(now.getTime() + 10 * 86_400_000)), 2);
    assert.deepEqual(await visitors(), ['new'.repeat(6)]);
  });

  test('a widget answer is stored once with the touchpoint, its unit and the web channel', async () => {
    const body = { idempotencyKey: 'k'.repeat(32), language: 'en', answers: [{ question: 'nps', value: 9 }, { question: 'nps_why', value: 'Fast <b>checkout</b>' }] };
    const first = await pub(widget.publicKey, '/responses', { body });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.headers.get('access-control-allow-origin'), shop);
    const again = await pub(widget.publicKey, '/responses', { body });
    assert.deepEqual([again.status, again.body.id], [200, first.body.id]);
    const rows = await stored('k'.repeat(32));
    assert.equal(rows.length, 1);
    assert.deepEqual({ ...rows[0], submitted_at: undefined }, { id: first.body.id, touchpoint_id: touchpointId, unit_id: unitId, channel: 'web', source: 'widget', submitted_at: undefined, answers: 2 });
  });

  test('a consent to be contacted is stored with a widget or kiosk answer only when ticked, with a valid address, on a survey that asks', async () => {
    const asking = (await t.api('/api/v1/surveys', { body: { ...shortPulse(), name: 'Asks consent', askContactConsent: true } })).body.id;
    const w = (await t.api('/api/v1/collectors', { body: { kind: 'widget', name: 'Consent shop', surveyId: asking, allowedOrigins: [shop] } })).body;
    const k = (await t.api('/api/v1/collectors', { body: { kind: 'kiosk', name: 'Consent lobby', surveyId: asking } })).body;
    // The widget learns that it must ask, with the texts in the page's language.
    assert.equal((await pub(w.publicKey, '?lang=fi')).body.survey.contact.legend, 'Saammeko ottaa yhteyttä?');
    assert.equal((await pub(widget.publicKey, '?lang=fi')).body.survey.contact, undefined, 'a survey that does not ask');
    const answer = (key: string, contact: unknown) => ({ idempotencyKey: key.repeat(20), language: 'en', answers: [{ question: 'nps', value: 2 }], contact });
    const requestOf = async (key: string) => {
      const [row] = await stored(key.repeat(20));
      return row ? (await contactRequestOf(t.db, t.orgId, row.id)) ?? 'none' : 'no response';
    };

    const ticked = await pub(w.publicKey, '/responses', { body: answer('a', { consent: true, email: ' Maija@Example.FI ' }) });
    assert.equal(ticked.status, 201, JSON.stringify(ticked.body));
    const request = await requestOf('a');
    assert.deepEqual(typeof request === 'object' ? [request.email, request.phone, request.consentedAt.toISOString()] : request, ['maija@example.fi', null, now.toISOString()]);
    const kioskOrigin = t.url;
    const queued = await pub(k.publicKey, '/responses', { origin: kioskOrigin, body: { ...answer('b', { consent: true, phone: '+358 40 123 4567' }), submittedAt: now.toISOString() } });
    assert.equal(queued.status, 201, JSON.stringify(queued.body));
    assert.deepEqual(await requestOf('b').then((r) => typeof r === 'object' ? [r.email, r.phone] : r), [null, '+358 40 123 4567']);

    const refused: Array<[string, unknown, string]> = [
      ['c', { consent: true, email: 'maija@' }, 'contact.email'],
      ['d', { consent: true, phone: '12' }, 'contact.phone'],
      ['e', { consent: true }, 'contact.email'],
      ['f', { consent: true, email: 'maija@example.fi', phone: 'call me' }, 'contact.phone'],
    ];
    for (const [key, contact, field] of refused) {
      const res = await pub(w.publicKey, '/responses', { body: answer(key, contact) });
      assert.deepEqual([res.status, res.body.field], [400, field], `${JSON.stringify(contact)} → ${JSON.stringify(res.body)}`);
      assert.equal(await requestOf(key), 'no response', 'nothing stored');
    }
    // An unticked box stores the answer and drops the typed address; so does a survey that does not ask.
    assert.equal((await pub(w.publicKey, '/responses', { body: answer('g', { consent: false, email: 'maija@example.fi' }) })).status, 201);
    assert.equal(await requestOf('g'), 'none');
    assert.equal((await pub(widget.publicKey, '/responses', { body: answer('h', { consent: true, email: 'maija@example.fi' }) })).status, 201);
    assert.equal(await requestOf('h'), 'none');
    // A resend of the ticked answer is the same response, still with one request.
    const again = await pub(w.publicKey, '/responses', { body: answer('a', { consent: true, email: 'other@example.fi' }) });
    assert.deepEqual([again.status, again.body.id], [200, ticked.body.id]);
    assert.equal(await requestOf('a').then((r) => typeof r === 'object' ? r.email : r), 'maija@example.fi');
  });

  test('bad public requests are refused and store nothing', async () => {
    const key = (n: number) => `bad${String(n).padStart(13, '0')}`;
    const cases: Array<[unknown, number]> = [
      [{ idempotencyKey: key(1), answers: [{ question: 'nps', value: 11 }] }, 400],
      [{ idempotencyKey: key(2), answers: [{ question: 'nps_why', value: 'no score' }] }, 400],
      [{ idempotencyKey: key(3), answers: [{ question: 'nps', value: 5 }], extra: 1 }, 400],
      [{ idempotencyKey: 'x', answers: [{ question: 'nps', value: 5 }] }, 400],
      [{ idempotencyKey: key(5), answers: [{ question: 'nps', value: '5' }] }, 400],
      [{ idempotencyKey: key(6), answers: [{ question: 'nps', value: 5 }], submittedAt: '2026-11-23T10:00:00Z' }, 400],
      [{ idempotencyKey: key(7), answers: [{ question: 'nps_why', value: 'x'.repeat(20_000) }] }, 413],
    ];
    for (const [body, status] of cases) {
      const res = await pub(widget.publicKey, '/responses', { body });
      assert.equal(res.status, status, `${JSON.stringify(body).slice(0, 120)} → ${JSON.stringify(res.body)}`);
    }
    const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from responses where org_id = $1 and idempotency_key like '%:bad%'`, [t.orgId]);
    assert.equal(n, 0);
    assert.equal((await pub(widget.publicKey, '/responses', { origin: 'https://evil.example', body: { idempotencyKey: key(8), answers: [{ question: 'nps', value: 5 }] } })).status, 403);
  });

  test('fuzzed public requests never get a 5xx, and only accepted answers are stored', async () => {
    const count = async () => (await t.db.query<{ n: number }>(`select count(*)::int as n from responses where org_id = $1`, [t.orgId]))[0].n;
    const before = await count();
    let accepted = 0;
    const answer = fc.record({ question: fc.constantFrom('nps', 'nps_why', 'other', ''), value: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double(), fc.string(), fc.constant(null)) },
      { requiredKeys: [] });
    const shaped = fc.record({
      idempotencyKey: fc.oneof(fc.string(), fc.stringMatching(/^[a-z0-9]{16,20}$/)), language: fc.oneof(fc.constantFrom('fi', 'en', 'xx'), fc.string()),
      submittedAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()), answers: fc.array(answer, { maxLength: 4 }),
      extra: fc.anything(),
    }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(fc.oneof(shaped, fc.anything().filter((v) => v !== undefined)), fc.constantFrom('/responses', '/show', ''), async (body, path) => {
      // The GET of the widget's config takes its input from the query string.
      const res = path ? await pub(widget.publicKey, path, { body }) : await pub(widget.publicKey, `?lang=${encodeURIComponent(JSON.stringify(body))}`);
      assert.ok(res.status < 500, `${path} ${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`);
      if (path === '/responses' && res.status === 201) accepted++;
    }), { numRuns: 300, seed: 3 });
    assert.equal(await count() - before, accepted);
  });

  test('a kiosk answer queued a day ago is stored once at the time it was given; a month-old one is refused', async () => {
    const origin = t.url;
    const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
    const body = { idempotencyKey: 'q'.repeat(24), submittedAt: dayAgo, language: 'fi', answers: [{ question: 'nps', value: 3 }] };
    assert.equal((await pub(kiosk.publicKey, '/responses', { origin, body })).status, 201);
    assert.equal((await pub(kiosk.publicKey, '/responses', { origin, body })).status, 200);
    const rows = await stored('q'.repeat(24));
    assert.equal(rows.length, 1);
    assert.deepEqual([rows[0].submitted_at.toISOString(), rows[0].channel, rows[0].source, rows[0].unit_id], [dayAgo, 'kiosk', 'kiosk', unitId]);
    const old = await pub(kiosk.publicKey, '/responses', { origin, body: { ...body, idempotencyKey: 'o'.repeat(24), submittedAt: new Date(now.getTime() - 31 * 86_400_000).toISOString() } });
    assert.deepEqual([old.status, old.body.field], [400, 'submittedAt']);
    assert.equal((await pub(kiosk.publicKey, '/responses', { body: { ...body, idempotencyKey: 'e'.repeat(24) } })).status, 403, 'a kiosk key from another site');
  });

  test('a disabled key stops answering at once; another organisation cannot see or change it', async () => {
    const other = await newOrg(t.db, 'Other');
    assert.equal((await t.api(`/api/v1/collectors/${widget.id}`, { key: other.apiKey })).status, 404);
    assert.equal((await t.api(`/api/v1/collectors/${widget.id}`, { key: other.apiKey, method: 'PATCH', body: { disabled: true } })).status, 404);
    const off = await t.api(`/api/v1/collectors/${kiosk.id}`, { method: 'PATCH', body: { disabled: true } });
    assert.equal(off.status, 200);
    assert.ok(off.body.disabledAt);
    const gone = await fetch(kiosk.kioskUrl, { headers: { 'accept-language': 'sv' } });
    assert.equal(gone.status, 404);
    assert.match(gone.headers.get('content-type') ?? '', /^text\/html/, 'the tablet shows a page, not JSON');
    assert.match(await gone.text(), /<html lang="sv"/);
    await t.api(`/api/v1/collectors/${kiosk.id}`, { method: 'PATCH', body: { disabled: false } });
    assert.equal((await fetch(kiosk.kioskUrl)).status, 200);
  });

  test('a touchpoint QR code opens its survey with the touchpoint: the PNG decodes to the link, the SVG has the same modules', async () => {
    const expected = `${t.url}/s/${surveyId}?tp=${touchpointId}`;
    const png = await fetch(`${t.url}/api/v1/touchpoints/${touchpointId}/qr?format=png&size=300`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    assert.equal(png.headers.get('content-type'), 'image/png');
    const image = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
    assert.equal(image.width, 300);
    assert.equal(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data, expected);

    const svg = await t.api(`/api/v1/touchpoints/${touchpointId}/qr`);
    assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
    const size = QRCode.create(expected, { errorCorrectionLevel: 'M' }).modules.size;
    assert.match(svg.body, new RegExp(`^<svg [^>]*viewBox="0 0 ${size + 8} ${size + 8}"`));

    // A kiosk's own address, for setting up the tablet by scanning.
    const kioskPng = await fetch(`${t.url}/api/v1/collectors/${kiosk.id}/qr?format=png&size=256`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    const kioskImage = PNG.sync.read(Buffer.from(await kioskPng.arrayBuffer()));
    assert.equal(jsQR(new Uint8ClampedArray(kioskImage.data), kioskImage.width, kioskImage.height)?.data, kiosk.kioskUrl);
    assert.deepEqual(await t.api(`/api/v1/collectors/${widget.id}/qr`).then((r) => [r.status, r.body.field]), [400, 'id']);

    const none = await t.api(`/api/v1/touchpoints/${(await journeyWithTouchpoint(t, 'Other')).touchpointId}/qr`);
    assert.deepEqual([none.status, none.body.field], [400, 'surveyId']);
    assert.equal((await t.api('/api/v1/touchpoints/00000000-0000-4000-8000-000000000000/qr')).status, 404);
  });
});
