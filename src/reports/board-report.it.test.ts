import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint } from '../../test/helpers/factories.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp.ts';
import { BOARD_REPORT_JOB } from './schedule.ts';

const CHROMIUM = '/usr/bin/chromium';
const POPPLER = '/usr/bin/pdftoppm';
const skip = !process.env.CI && (!existsSync(CHROMIUM) || !existsSync(POPPLER)) ? 'needs chromium and poppler-utils (apt-get install chromium poppler-utils)' : false;

// October 2026 and September 2026, scores chosen so the figures can be worked out by hand.
const october = [10, 10, 9, 9, 9, 9, 8, 8, 7, 6, 5, 3, 10, 9, 2, 9, 10, 8, 4, 9];
const september = [10, 6, 6, 5, 8, 9, 3, 7, 6, 2];

/** NPS with the trinomial standard error and its 95 % normal interval, worked out here independently. */
function npsByHand(scores: number[]) {
  const n = scores.length;
  const p = scores.filter((s) => s >= 9).length / n;
  const d = scores.filter((s) => s <= 6).length / n;
  const nps = 100 * (p - d);
  const se = 100 * Math.sqrt((p + d - (p - d) ** 2) / n);
  return { nps, low: nps - 1.959963984540054 * se, high: nps + 1.959963984540054 * se };
}

describe('board report: HTML, PDF printed by Chromium and checked as text and pixels, monthly e-mail', { skip }, () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let clock = new Date('2026-11-10T10:00:00Z');
  const work = mkdtempSync(join(tmpdir(), 'kaiku-board-'));
  before(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ jobs: true, now: () => clock, config: { smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecure: false } });
    await t.db.query(`update organizations set name = 'Kauppa <&> Oy' where id = $1`, [t.orgId]);
    const tp = await journeyWithTouchpoint(t);
    const survey = await t.api('/api/v1/surveys', { body: {
      name: 'Asiakaspulssi', kind: 'pulse', defaultLanguage: 'en', languages: ['en'], title: { en: 'Pulse' },
      questions: [
        { key: 'nps', type: 'nps', why: false, text: { en: 'Recommend?' } },
        { key: 'staff', type: 'likert7', isDriver: true, text: { en: 'Friendly staff' } },
        { key: 'speed', type: 'likert7', isDriver: true, text: { en: 'Quick service' } },
        { key: 'why', type: 'text', text: { en: 'Why?' } },
      ],
    } });
    assert.equal(survey.status, 201, JSON.stringify(survey.body));
    const answersFor = (score: number, i: number) => [
      { question: 'nps', value: score },
      { question: 'staff', value: Math.max(1, Math.min(7, Math.round(score * 0.6) + (i % 2))) },
      { question: 'speed', value: Math.max(1, Math.min(7, 7 - (i % 5))) },
      ...(score <= 6 ? [{ question: 'why', value: 'The invoice was wrong and the price too high' }] : []),
    ];
    const responses = [
      ...october.map((score, i) => ({ submittedAt: `2026-10-${String(2 + i).padStart(2, '0')}T09:00:00Z`, score, i })),
      ...september.map((score, i) => ({ submittedAt: `2026-09-${String(2 + i).padStart(2, '0')}T09:00:00Z`, score, i })),
    ].map((r) => ({ surveyId: survey.body.id, touchpointId: tp.touchpointId, submittedAt: r.submittedAt, answers: answersFor(r.score, r.i) }));
    const stored = await t.api('/api/v1/responses/batch', { body: { responses } });
    assert.equal(stored.status, 200, JSON.stringify(stored.body).slice(0, 300));
    const plan = await t.api('/api/v1/action-plans', { body: { title: 'Fix <invoices>', metric: 'nps', startsOn: '2026-10-01', touchpointId: tp.touchpointId } });
    assert.equal(plan.status, 201, JSON.stringify(plan.body));
  });
  after(async () => {
    await t.close();
    await smtp.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('the JSON behind the report has the month\'s NPS, its interval and change as worked out by hand', async () => {
    const res = await t.api('/api/v1/reports/board?month=2026-10&format=json');
    assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 500));
    const nps = res.body.headlines.find((h: { metric: string }) => h.metric === 'nps');
    const expected = npsByHand(october);
    assert.equal(nps.n, october.length);
    assert.ok(Math.abs(nps.value - expected.nps) < 1e-9, `${nps.value} vs ${expected.nps}`);
    assert.ok(Math.abs(nps.ci95[0] - expected.low) < 1e-6 && Math.abs(nps.ci95[1] - expected.high) < 1e-6);
    assert.equal(nps.previous.n, september.length);
    assert.ok(Math.abs(nps.change.difference - (expected.nps - npsByHand(september).nps)) < 1e-9);
    assert.equal(nps.trend.length, 12);
    assert.deepEqual(nps.trend.slice(-2).map((p: { month: string; n: number }) => [p.month, p.n]), [['2026-09', september.length], ['2026-10', october.length]]);
    assert.equal(res.body.actionPlans[0].title, 'Fix <invoices>');
    assert.equal(res.body.journeys.length > 0, true);
    assert.equal((await t.api('/api/v1/reports/board?month=2026-13')).status, 400);
  });

  test('the HTML page escapes the organisation\'s names and allows only its own stylesheet', async () => {
    const res = await fetch(`${t.url}/api/v1/reports/board?month=2026-10&lang=en`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    assert.equal(res.status, 200);
    const page = await res.text();
    assert.match(res.headers.get('content-security-policy') ?? '', /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.ok(page.includes('Kauppa &lt;&amp;&gt; Oy'));
    assert.ok(page.includes('Fix &lt;invoices&gt;'));
    assert.ok(!page.includes('<invoices>'));
    assert.match(page, /<h2>Closing the loop<\/h2>/);
  });

  test('the PDF prints every section: text by pdftotext, A4 pages with ink by pdftoppm', async () => {
    const res = await fetch(`${t.url}/api/v1/reports/board?month=2026-10&lang=en&format=pdf`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const pdfPath = join(work, 'report.pdf');
    writeFileSync(pdfPath, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    for (const expected of ['Customer experience board report', 'Kauppa <&> Oy · 2026-10', 'Headline metrics', 'Customer journey by stage',
      'Top drivers of recommendation', 'Topics in open answers', 'Closing the loop', 'Recovery rate', 'Action plans', 'Fix <invoices>']) {
      assert.ok(text.includes(expected), `PDF text lacks "${expected}"`);
    }
    const expectedNps = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(npsByHand(october).nps);
    assert.ok(text.includes(expectedNps), `PDF text lacks the NPS ${expectedNps}`);
    execFileSync('pdftoppm', ['-png', '-r', '40', pdfPath, join(work, 'page')]);
    const pages = readdirSync(work).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort();
    assert.ok(pages.length >= 2, `${pages.length} pages`);
    for (const file of pages) {
      const png = PNG.sync.read(readFileSync(join(work, file)));
      // A4 at 40 dpi: 8.27 × 11.69 in.
      assert.deepEqual([png.width, png.height], [331, 468]);
      let ink = 0;
      for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 200 || png.data[i + 1] < 200 || png.data[i + 2] < 200) ink++;
      assert.ok(ink > 500, `${file} is nearly blank (${ink} dark pixels)`);
    }
    // The trend charts are drawn in colour (the chart line #0072B2) on the first page.
    const first = PNG.sync.read(readFileSync(join(work, pages[0])));
    let blue = 0;
    for (let i = 0; i < first.data.length; i += 4) if (first.data[i + 2] > 150 && first.data[i] < 90) blue++;
    assert.ok(blue > 20, `no chart line on page 1 (${blue} blue pixels)`);
  });

  test('a schedule e-mails last month\'s report with the PDF attached, once, at its day and hour', async () => {
    const schedule = await t.api('/api/v1/reports/board/schedules', { body: { recipients: ['board@example.com', 'ceo@example.com'], language: 'sv', dayOfMonth: 3, hour: 7 } });
    assert.equal(schedule.status, 201, JSON.stringify(schedule.body));
    assert.equal((await t.api('/api/v1/reports/board/schedules', { body: { recipients: ['not an address'] } })).status, 400);
    clock = new Date('2026-11-03T04:00:00Z'); // 06:00 in Helsinki: not yet
    await t.jobs!.send(BOARD_REPORT_JOB, {});
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(smtp.received.length, 0);
    clock = new Date('2026-11-03T05:10:00Z'); // 07:10 in Helsinki
    await t.jobs!.send(BOARD_REPORT_JOB, {});
    await smtp.waitFor(2, 60_000);
    const [mail] = smtp.received.filter((m) => m.envelopeTo.includes('board@example.com'));
    assert.equal(mail.subject, 'Kundupplevelserapport 2026-10 – Kauppa <&> Oy');
    assert.ok(mail.html.includes('Styrelsens kundupplevelserapport'));
    const attachment = /Content-Type: application\/pdf[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([A-Za-z0-9+/=\r\n]+)/i.exec(mail.raw)?.[1] ?? assert.fail('no PDF attached');
    const pdf = Buffer.from(attachment.replace(/\s+/g, ''), 'base64');
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    writeFileSync(join(work, 'mailed.pdf'), pdf);
    assert.ok(execFileSync('pdftotext', [join(work, 'mailed.pdf'), '-'], { encoding: 'utf8' }).includes('Kauppa <&> Oy'));
    // The same hour again sends nothing twice.
    await t.jobs!.send(BOARD_REPORT_JOB, {});
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(smtp.received.length, 2);
    const listed = await t.api('/api/v1/reports/board/schedules');
    assert.equal(listed.body.items[0].lastSentPeriod, '2026-10');
    await waitUntil(() => listed.body.items.length, (n) => n === 1, 'one schedule');
  });
});
