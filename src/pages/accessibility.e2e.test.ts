/**
 * axe-core on every HTML page of the product in headless Chromium, each as the role that
 * sees it: sign-in, password reset, the dashboard (overview with and without filters, in
 * Finnish and English, empty), praise wall, frontline view, unit view, the survey page with
 * every question type, its thank-you page, the kiosk and the unsubscribe page. A serious or
 * critical violation fails the test, naming the page, rule and elements.
 * The list of pages is in docs/accessibility.md; keep the two in step.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { launchChromium, skipReason } from '../../test/helpers/browser.ts';
import { journeyWithTouchpoint } from '../../test/helpers/factories.ts';
import { createUser } from '../auth/service.ts';
import { createWebhook } from '../webhooks/service.ts';

type Finding = { page: string; rule: string; impact: string; help: string; targets: string[] };

/** Runs axe on the page as it is and returns its serious and critical violations. */
async function seriousViolations(page: Page, name: string): Promise<Finding[]> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: typeof axe };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  // KAIKU_AXE_REPORT=1 prints the moderate and minor findings too (they do not fail the test).
  if (process.env.KAIKU_AXE_REPORT) for (const v of violations) console.log(`axe ${name}: ${v.rule} (${v.impact}) ${v.help} — ${v.targets.slice(0, 3).join(', ')}`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ page: name, ...v }));
}

const everyQuestionType = {
  name: 'Every question type', kind: 'pulse', defaultLanguage: 'fi', languages: ['fi', 'en'],
  title: { fi: 'Kerro kokemuksestasi', en: 'Tell us about your visit' },
  intro: { fi: 'Muutama kysymys.', en: 'A few questions.' },
  thanks: { fi: 'Kiitos!', en: 'Thank you!' },
  questions: [
    { key: 'nps', type: 'nps', required: true, text: { fi: 'Suosittelisitko meitä?', en: 'Would you recommend us?' } },
    { key: 'csat', type: 'csat', text: { fi: 'Kuinka tyytyväinen olit?', en: 'How satisfied were you?' } },
    { key: 'ces', type: 'ces', text: { fi: 'Asiointi oli helppoa', en: 'It was easy' } },
    { key: 'staff', type: 'likert7', allowDontKnow: true, text: { fi: 'Henkilökunta oli ystävällistä', en: 'The staff were friendly' } },
    { key: 'stars', type: 'rating', scaleMax: 5, text: { fi: 'Arvosana', en: 'Rating' } },
    { key: 'visit', type: 'single_choice', text: { fi: 'Käynnin syy', en: 'Reason' }, options: [{ value: 'buy', label: { fi: 'Osto', en: 'Buying' } }, { value: 'return', label: { fi: 'Palautus', en: 'Return' } }] },
    { key: 'channels', type: 'multi_choice', text: { fi: 'Kanavat', en: 'Channels' }, options: [{ value: 'web', label: { fi: 'Verkko', en: 'Web' } }, { value: 'phone', label: { fi: 'Puhelin', en: 'Phone' } }] },
    { key: 'comment', type: 'text', text: { fi: 'Kerro lisää', en: 'Tell us more' } },
  ],
};

describe('accessibility of every page (axe-core in headless Chromium)', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  const users = { admin: '', manager: 'maija@example.com', frontline: 'eeva@example.com' };
  let surveyId = '';
  let kioskUrl = '';
  let unitId = '';
  let journeyId = '';
  let touchpointId = '';
  let likertId = '';

  before(async () => {
    browser = await launchChromium();
    if (!browser) return;
    t = await startTestApp();
    users.admin = `admin-${t.orgId.slice(0, 8)}@example.com`;
    const tp = await journeyWithTouchpoint(t, 'Move-in');
    ({ unitId, journeyId } = tp);
    await createUser(t.db, t.orgId, { email: users.manager, name: 'Maija', role: 'unit_manager', unitId, language: 'fi', password: 'correct horse battery' });
    const eeva = await createUser(t.db, t.orgId, { email: users.frontline, name: 'Eeva', role: 'frontline', unitId, language: 'fi', password: 'correct horse battery' });
    await t.db.query(`insert into employees (org_id, unit_id, name, user_id) values ($1, $2, 'Eeva Esimerkki', $3)`, [t.orgId, unitId, eeva]);
    const survey = await t.api('/api/v1/surveys', { body: { ...everyQuestionType, touchpointId: tp.touchpointId } });
    assert.equal(survey.status, 201, JSON.stringify(survey.body));
    surveyId = survey.body.id;
    touchpointId = tp.touchpointId;
    [{ id: likertId }] = await t.db.query<{ id: string }>(`select id::text from questions where org_id = $1 and survey_id = $2 and key = 'staff'`, [t.orgId, surveyId]);
    const responses = Array.from({ length: 40 }, (_, i) => ({
      surveyId, touchpointId: tp.touchpointId, submittedAt: new Date(Date.now() - (i + 1) * 5 * 86_400_000).toISOString(),
      answers: [{ question: 'nps', value: i % 11 }, { question: 'comment', value: i % 3 === 0 ? 'Ystävällinen palvelu, kiitos' : 'Jonotin liian kauan' }],
    }));
    const batch = await t.api('/api/v1/responses/batch', { body: { responses } });
    assert.equal(batch.status, 200, JSON.stringify(batch.body).slice(0, 300));
    // The kiosk asks score and open questions only.
    const kioskSurvey = await t.api('/api/v1/surveys', { body: { ...everyQuestionType, name: 'Kiosk', touchpointId: tp.touchpointId,
      questions: everyQuestionType.questions.filter((q) => ['csat', 'comment'].includes(q.key)) } });
    const kiosk = await t.api('/api/v1/collectors', { body: { kind: 'kiosk', name: 'Lobby', surveyId: kioskSurvey.body.id } });
    assert.equal(kiosk.status, 201, JSON.stringify(kiosk.body));
    kioskUrl = kiosk.body.kioskUrl;
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A browser context signed in as `email` (through the login API, as the form would). */
  async function signedIn(email: string | null): Promise<BrowserContext> {
    // Tests inject axe's script; the pages' own CSP would (rightly) refuse it.
    const context = await browser!.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    if (email) {
      const res = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse battery' }) });
      assert.equal(res.status, 200, `sign-in as ${email}`);
      const [name, value] = (res.headers.get('set-cookie') ?? '').split(';')[0].split('=');
      await context.addCookies([{ name, value, url: t.url }]);
    }
    return context;
  }

  async function check(context: BrowserContext, pages: Array<[name: string, path: string, ready?: string, status?: number]>): Promise<Finding[]> {
    const page = await context.newPage();
    const findings: Finding[] = [];
    for (const [name, path, ready, status = 200] of pages) {
      const res = await page.goto(path.startsWith('http') ? path : t.url + path);
      assert.equal(res?.status(), status, `${name}: ${path}`);
      if (ready) await page.waitForSelector(ready);
      findings.push(...await seriousViolations(page, name));
    }
    await page.close();
    return findings;
  }

  const report = (findings: Finding[]) => findings.map((f) => `${f.page}: ${f.rule} (${f.impact}) ${f.help} — ${f.targets.slice(0, 3).join(', ')}`).join('\n');

  test('the check can fail: axe reports a page without lang, title, alt text and labels', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent('<html><body><img src="data:,"><input type="text"><p style="color:#bbb">pale</p></body></html>');
    const rules = (await seriousViolations(page, 'control')).map((f) => f.rule).sort();
    assert.deepEqual(rules, ['color-contrast', 'document-title', 'html-has-lang', 'image-alt', 'label']);
    await context.close();
  });

  test('no serious or critical violations on any page, for each role', async (ctx) => {
    if (!browser) return ctx.skip(skipReason);
    const findings: Finding[] = [];
    const anonymous = await signedIn(null);
    findings.push(...await check(anonymous, [
      ['sign-in (fi)', '/login?lang=fi'],
      ['sign-in with an error (en)', '/login?lang=en'],
      ['forgot password', '/forgot-password?lang=sv'],
      ['reset password', '/reset-password?token=not-a-real-token&lang=pl'],
      ['survey page, every question type (fi)', `/s/${surveyId}`],
      ['survey page, every question type (en)', `/s/${surveyId}?lang=en`],
      ['thank-you page', `/s/${surveyId}/thanks`],
      ['kiosk', kioskUrl, 'button.smiley'],
      ['unsubscribe, unknown link', '/u/not-a-real-token', undefined, 404],
    ]));
    // The sign-in form after a failed attempt: the error summary and invalid fields.
    const page = await anonymous.newPage();
    await page.goto(`${t.url}/login?lang=en`);
    await page.fill('#email', 'nobody@example.com');
    await page.fill('#password', 'wrong password');
    await Promise.all([page.waitForSelector('.error-summary'), page.click('button[type="submit"]')]);
    findings.push(...await seriousViolations(page, 'sign-in after a failed attempt'));
    await anonymous.close();

    // One unread and one read notification for the admin: the bell's badge and both states of the list.
    await t.db.query(`insert into notifications (org_id, id, user_id, kind, data, read_at)
      select $1, gen_random_uuid(), id, 'case_assigned', '{"title": "Pitkä jono", "touchpoint": "Muutto"}', r from users, unnest(array[null, now()]) as r
       where org_id = $1 and email = $2`, [t.orgId, users.admin]);
    const admin = await signedIn(users.admin);
    findings.push(...await check(admin, [
      ['notifications (pl)', '/app/notifications?lang=pl'], ['notifications, unread (en)', '/app/notifications?lang=en&filter=unread'],
      ['overview (en)', '/app?lang=en'],
      ['overview (fi), filtered', `/app?lang=fi&journey=${journeyId}&channel=phone&unit=${unitId}`],
      ['overview, empty period', '/app?lang=en&from=2001-01-01&to=2001-02-01'],
      ['overview, invalid filter', '/app?lang=sv&from=not-a-date'],
      ['praise wall', '/app/praise?lang=pl'],
      ['feedback (admin)', '/app/feedback?lang=en'],
      ['drivers (en)', '/app/drivers?lang=en'],
      ['open answers (fi)', '/app/text?lang=fi'],
      ['churn risk, no model (sv)', '/app/churn?lang=sv'],
      ['closing the loop (en)', '/app/loop?lang=en'], ['closing the loop, invalid filter (fi)', '/app/loop?lang=fi&from=not-a-date'],
      ['journey map (en)', '/app/journeys?lang=en'],
      ['journey map, CSAT, personas side by side (sv)', '/app/journeys?lang=sv&metric=csat&compare=Household'],
      ['journey map, Likert statement (fi)', `/app/journeys?lang=fi&metric=likert&question=${likertId}`],
      ['journey map, empty period (pl)', '/app/journeys?lang=pl&from=2001-01-01&to=2001-02-01'],
      ['touchpoint page (en)', `/app/touchpoints/${touchpointId}?lang=en`],
      ['touchpoint page, empty period (fi)', `/app/touchpoints/${touchpointId}?lang=fi&from=2001-01-01&to=2001-02-01`],
      ['question page, Likert (en)', `/app/questions/${likertId}?lang=en`],
      ['touchpoint page, not found', '/app/touchpoints/00000000-0000-4000-8000-000000000001?lang=en', undefined, 404],
    ]));
    await admin.close();
    const manager = await signedIn(users.manager);
    findings.push(...await check(manager, [['overview (unit manager)', '/app'], ['my unit (unit manager)', '/app/feedback'], ['closing the loop (unit manager)', '/app/loop'],
      ['journey map (unit manager)', '/app/journeys'], ['touchpoint page (unit manager)', `/app/touchpoints/${touchpointId}`],
      ['notifications, none yet (unit manager)', '/app/notifications']]));
    await manager.close();
    const frontline = await signedIn(users.frontline);
    findings.push(...await check(frontline, [['my feedback (frontline)', '/app/feedback'], ['praise wall (frontline)', '/app/praise'],
      ['journey map (frontline)', '/app/journeys'], ['touchpoint page (frontline)', `/app/touchpoints/${touchpointId}`]]));
    await frontline.close();

    // Cases and set-up (case-pages.ts, setup-pages.ts), with a refused form and a confirmation step.
    const response = await t.api('/api/v1/responses', { body: { surveyId, answers: [{ question: 'nps', value: 1 }, { question: 'comment', value: 'Jonotin liian kauan' }] } });
    const opened = await t.api('/api/v1/cases', { body: { responseId: response.body.id, title: 'Pitkä jono' } });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    await t.api(`/api/v1/cases/${opened.body.id}/notes`, { body: { text: 'Soitin asiakkaalle' } });
    // Straight through the service: this app does not allow private addresses and has no DNS to check a public one.
    const hook = { body: await createWebhook(t.db, t.orgId, { url: 'http://127.0.0.1:9/hook', events: ['case.created'] }, true) };
    await t.db.query(`insert into webhook_deliveries (org_id, id, webhook_id, event, payload, status, attempts, last_status_code, last_error, next_attempt_at)
      values ($1, gen_random_uuid(), $2, 'case.created', '{}', 'failed', 3, 500, 'Internal Server Error', now())`, [t.orgId, hook.body.id]);
    const rule = await t.api('/api/v1/alert-rules', { body: { name: 'Detractors', condition: { any: [{ nps: 'detractor' }, { keyword: 'jono' }] } } });
    // An action plan started 60 days ago: its effect page shows figures and the chart (the responses reach 200 days back).
    const plan = await t.api('/api/v1/action-plans', { body: { title: 'Lyhyemmät jonot', touchpointId, startsOn: new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10) } });
    assert.equal(plan.status, 201, JSON.stringify(plan.body));
    const work = await signedIn(users.admin);
    findings.push(...await check(work, [
      ['case inbox (en)', '/app/cases?lang=en'], ['case inbox, filtered, empty (fi)', '/app/cases?lang=fi&priority=urgent&sla=breached'],
      ['case page (sv)', `/app/cases/${opened.body.id}?lang=sv`], ['set-up (pl)', '/app/setup?lang=pl'], ['users and roles (en)', '/app/setup/users?lang=en'],
      ['API keys (fi)', '/app/setup/api-keys?lang=fi'], ['webhooks (en)', '/app/setup/webhooks?lang=en'], ['webhook deliveries (en)', `/app/setup/webhooks/${hook.body.id}?lang=en`],
      ['alert rules (sv)', '/app/setup/alert-rules?lang=sv'], ['alert rule editor (en)', `/app/setup/alert-rules/${rule.body.id}?lang=en`],
      ['new alert rule (pl)', '/app/setup/alert-rules/new?lang=pl'], ['distribution rules (en)', '/app/setup/pulse-rules?lang=en'],
      ['new distribution rule (fi)', '/app/setup/pulse-rules/new?lang=fi'],
      ['surveys (en)', '/app/setup/surveys?lang=en'], ['survey builder with its phone preview (fi)', `/app/setup/surveys/${surveyId}?lang=fi`, '#preview-frame'],
      ['new survey (sv)', '/app/setup/surveys/new?lang=sv'],
      ['journeys (fi)', '/app/setup/journeys?lang=fi'], ['journey editor (en)', `/app/setup/journeys/${journeyId}?lang=en`],
      ['touchpoint editor (sv)', `/app/setup/touchpoints/${touchpointId}?lang=sv`],
      ['action plans (en)', '/app/actions?lang=en'], ['action plans, filtered, empty (sv)', '/app/actions?lang=sv&status=cancelled'],
      ['action plan with its effect (fi)', `/app/actions/${plan.body.id}?lang=fi`], ['new action plan (pl)', `/app/actions/new?lang=pl&touchpointId=${touchpointId}`],
    ]));
    const form = await work.newPage();
    await form.goto(`${t.url}/app/setup/users?lang=en`);
    await Promise.all([form.waitForSelector('.error-summary'), form.click('form[action="/app/setup/users"] button[type="submit"]')]);
    findings.push(...await seriousViolations(form, 'users, invitation refused'));
    await form.goto(`${t.url}/app/setup/surveys/new?lang=en`);
    await Promise.all([form.waitForSelector('.error-summary'), form.click('.builder-actions button[value="save"]')]);
    findings.push(...await seriousViolations(form, 'survey builder, save refused'));
    await form.goto(`${t.url}/app/setup/journeys/${journeyId}?lang=pl`);
    await form.fill('#stage-name', '');
    await Promise.all([form.waitForSelector('.error-summary'), form.click('form[action$="/stages"] button[type="submit"]')]);
    findings.push(...await seriousViolations(form, 'journey editor, stage refused (pl)'));
    await form.goto(`${t.url}/app/cases?lang=en`);
    await form.check(`#select-${opened.body.id}`);
    await form.selectOption('#bulk-action', 'priority');
    await form.selectOption('#bulk-priority', 'high');
    await Promise.all([form.waitForSelector('#confirm-heading'), form.click('form[action="/app/cases/bulk"] button[type="submit"]')]);
    findings.push(...await seriousViolations(form, 'bulk action confirmation'));
    await form.goto(`${t.url}/app/actions/new?lang=en`);
    await Promise.all([form.waitForSelector('.error-summary'), form.click('form[action="/app/actions"] button[type="submit"]')]);
    findings.push(...await seriousViolations(form, 'new action plan, refused'));
    await work.close();
    const frontlineWork = await signedIn(users.frontline);
    findings.push(...await check(frontlineWork, [['case inbox (frontline)', '/app/cases?tab=mine']]));
    await frontlineWork.close();

    assert.equal(findings.length, 0, `axe found serious or critical violations:\n${report(findings)}`);
  });
});
