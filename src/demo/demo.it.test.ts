import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabase } from '../../test/helpers/db.ts';
import { signIn } from '../auth/service.ts';
import type { Database } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import { DEMO_PASSWORD, DEMO_RESPONSE_COUNT, DEMO_USERS, seedDemo } from './seed.ts';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { pageClient, sessionCookie } from '../../test/helpers/pages.ts';
import { actionPlanEffect } from '../actions/service.ts';
import { DEMO_ACTION_PLANS } from './action-plans.ts';
import { generateDemo } from './generator.ts';
import { planDemoLoop } from './loop-plan.ts';

describe('demo seed', () => {
  let db: Database;
  let orgId: string;
  let seconds: number;
  let seededAt: Date;
  let loopSeconds = '';
  before(async () => {
    db = await testDatabase();
    const started = Date.now();
    seededAt = new Date();
    const result = await seedDemo(db, { onProgress: (text) => { if (text.startsWith('closed loop')) loopSeconds = text; } });
    seconds = (Date.now() - started) / 1000;
    orgId = result.orgId;
    assert.deepEqual(result.login, { email: 'demo@kaiku.example', password: 'kaiku-demo-2026' });
  });
  after(() => db.close());

  const count = async (table: string) =>
    (await db.query<{ n: number }>(`select count(*)::int as n from ${table} where org_id = $1`, [orgId]))[0].n;

  test('it writes 3 journeys, 12 touchpoints, 4 surveys, 3,000 contacts and 20,000 responses', async (t) => {
    // Speed is measured, not asserted: a loaded CI machine must not fail the suite (target: well under 15 s).
    t.diagnostic(`seeded in ${seconds.toFixed(1)} s on ${db.kind}; ${loopSeconds}`);
    assert.equal(await count('journeys'), 3);
    assert.equal(await count('stages'), 9); // before, during, after in each of 3 journeys
    assert.equal(await count('touchpoints'), 12);
    assert.equal(await count('surveys'), 4);
    assert.equal(await count('contacts'), 3_000);
    assert.equal(await count('responses'), DEMO_RESPONSE_COUNT);
    assert.equal(DEMO_RESPONSE_COUNT, 20_000);
    const [sources] = await db.query<{ sources: string[] }>(`select array_agg(distinct source::text) as sources from responses where org_id = $1`, [orgId]);
    assert.deepEqual(sources.sources, ['demo']);
  });

  test('the fault phone queue has the lowest NPS, computed from the stored answers', async () => {
    const rows = await db.query<{ name: string; nps: number }>(
      `select t.name, 100.0 * (avg((a.number >= 9)::int) - avg((a.number <= 6)::int)) as nps
         from responses r
         join touchpoints t on t.org_id = r.org_id and t.id = r.touchpoint_id
         join answers a on a.org_id = r.org_id and a.response_id = r.id
         join questions q on q.org_id = a.org_id and q.id = a.question_id and q.key = 'nps'
        where r.org_id = $1 group by t.name order by nps`, [orgId]);
    assert.equal(rows.length, 12);
    assert.equal(rows[0].name, 'Vikapuhelin (jono)');
    assert.ok(rows[0].nps < rows[1].nps - 30, JSON.stringify(rows.slice(0, 2)));
  });

  test('every pulse response carries the unit of its employee or of the touchpoint owner', async () => {
    const [row] = await db.query<{ missing: number }>(
      `select count(*)::int as missing from responses where org_id = $1 and touchpoint_id is not null and unit_id is null`, [orgId]);
    assert.equal(row.missing, 0);
  });

  test('every demo login signs in with the demo password; the frontline user is an employee', async () => {
    for (const user of DEMO_USERS) {
      const session = await signIn(db, user.email, DEMO_PASSWORD);
      assert.equal(session.orgId, orgId);
    }
    const [linked] = await db.query<{ n: number }>(
      `select count(*)::int as n from employees e join users u on u.org_id = e.org_id and u.id = e.user_id where e.org_id = $1 and u.role = 'frontline'`, [orgId]);
    assert.equal(linked.n, 1);
  });

  test('the demo trains a churn model from the contacts\' flags, so the churn page has an at-risk list', async () => {
    const [flags] = await db.query<{ labelled: number; churned: number; unlabelled: number }>(
      `select count(*) filter (where operational ? 'churned')::int as labelled,
              count(*) filter (where (operational ->> 'churned')::boolean)::int as churned,
              count(*) filter (where not operational ? 'churned')::int as unlabelled
         from contacts where org_id = $1`, [orgId]);
    assert.ok(flags.unlabelled > 500 && flags.labelled > 2000, JSON.stringify(flags));
    const [model] = await db.query<{ status: string; auc: number; trainedOn: number; scored: number }>(
      `select status, auc, trained_on as "trainedOn", scored from churn_models where org_id = $1`, [orgId]);
    assert.equal(model.status, 'done');
    assert.equal(model.trainedOn, flags.labelled - Math.round(0.2 * flags.labelled)); // 20 % held out for the quality report
    assert.equal(model.scored, 3_000 - flags.churned); // every contact not known to have churned
    // The flag follows the experience (latest NPS), so the model separates better than chance.
    assert.ok(model.auc > 0.6, `AUC ${model.auc}`);
    assert.equal(await count('churn_scores'), model.scored);
  });

  // The closed loop. The plan is pure data (loop-plan.ts); the rules stored below decide which cases open, so each
  // figure is counted in the tables and compared with the plan counted here.
  const demo = generateDemo();
  const plan = planDemoLoop(demo);
  const tally = <T>(items: T[], key: (item: T) => string) => {
    const out: Record<string, number> = {};
    for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
    return out;
  };
  const userIds = async () => new Map((await db.query<{ email: string; id: string }>(`select email, id from users where org_id = $1`, [orgId])).map((u) => [u.email, u.id]));

  test('alert rules: a detractor at any touchpoint, hard effort on the phone, praise; six root causes with Finnish names', async () => {
    const rules = await db.query<{ kind: string; condition: any; enabled: boolean }>(
      `select kind, condition, enabled from alert_rules where org_id = $1 order by created_at, id`, [orgId]);
    assert.deepEqual(rules.map((r) => [r.kind, r.enabled]), [['problem', true], ['problem', true], ['praise', true]]);
    assert.deepEqual(rules[0].condition, { nps: 'detractor' });
    const phone = await db.query<{ id: string }>(`select id from touchpoints where org_id = $1 and channel = 'phone' order by id`, [orgId]);
    assert.equal(phone.length, 3);
    assert.deepEqual([...rules[1].condition.all[0].touchpoint].sort(), phone.map((t) => t.id));
    assert.deepEqual(rules[1].condition.all[1], { answer: 'effort', op: 'lte', value: 3 }); // CES 1–7: 1–3 is the hard end
    const causes = await db.query<{ code: string; labels: Record<string, string> }>(`select code, labels from root_cause_codes where org_id = $1 and active`, [orgId]);
    assert.equal(causes.length, 6);
    for (const c of causes) for (const lang of ['fi', 'sv', 'en', 'pl']) assert.ok(c.labels[lang]?.length > 3, `${c.code} ${lang}`);
    assert.ok(causes.some((c) => c.labels.fi === 'Pitkä jonotusaika'));
  });

  test('about 60 problem cases in every state, on answers their rule matches, owned by the manager and the frontline user', async () => {
    const rows = await db.query<{ status: string; n: number }>(`select status::text, count(*)::int as n from cases where org_id = $1 and kind = 'problem' group by 1`, [orgId]);
    const stored = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    assert.deepEqual(stored, tally(plan.cases, (c) => c.status));
    for (const status of ['new', 'in_progress', 'waiting_customer', 'resolved', 'closed']) assert.ok(stored[status] >= 5, `${status}: ${stored[status]}`);
    const total = rows.reduce((s, r) => s + r.n, 0);
    assert.ok(total >= 55 && total <= 65, `${total} cases`);

    const facts = await db.query<{ rule: number; nps: number; effort: number | null; channel: string }>(
      `select (select count(*) from alert_rules x where x.org_id = c.org_id and x.created_at <= ar.created_at and x.id <> ar.id)::int as rule,
              (select a.number from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id where a.org_id = c.org_id and a.response_id = c.response_id and q.key = 'nps') as nps,
              (select a.number from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id where a.org_id = c.org_id and a.response_id = c.response_id and q.key = 'effort') as effort,
              t.channel::text as channel
         from cases c join alert_rules ar on ar.org_id = c.org_id and ar.id = c.rule_id join touchpoints t on t.org_id = c.org_id and t.id = c.touchpoint_id
        where c.org_id = $1 and c.kind = 'problem'`, [orgId]);
    assert.equal(facts.length, total);
    for (const f of facts) {
      if (f.rule === 0) assert.ok(f.nps <= 6, JSON.stringify(f));
      else assert.ok(f.channel === 'phone' && f.effort !== null && f.effort <= 3, JSON.stringify(f));
    }
    assert.ok(facts.some((f) => f.rule === 1), 'the phone-effort rule opened some');

    const owners = await db.query<{ email: string; n: number }>(
      `select u.email, count(*)::int as n from cases c join users u on u.org_id = c.org_id and u.id = c.owner_user_id where c.org_id = $1 and c.kind = 'problem' group by 1 order by 1`, [orgId]);
    assert.deepEqual(Object.fromEntries(owners.map((o) => [o.email, o.n])), tally(plan.cases, (c) => c.ownerEmail));
    assert.deepEqual(owners.map((o) => o.email), ['frontline@kaiku.example', 'manager@kaiku.example']);
  });

  test('worked cases have notes and a title saying what happened; closed ones a root cause and resolution; SLA clocks run, some overdue', async () => {
    const cases = await db.query<{ status: string; title: string; touchpoint: string; root: string | null; resolution: string | null; notes: number;
      dueAt: Date | null; resolvedAt: Date | null; closedAt: Date | null; createdAt: Date }>(
      `select c.status::text, c.title, t.name as touchpoint, c.root_cause_code as root, c.resolution, c.due_at as "dueAt", c.resolved_at as "resolvedAt",
              c.closed_at as "closedAt", c.created_at as "createdAt",
              (select count(*)::int from case_activity a where a.org_id = c.org_id and a.case_id = c.id and a.kind = 'note') as notes
         from cases c join touchpoints t on t.org_id = c.org_id and t.id = c.touchpoint_id where c.org_id = $1 and c.kind = 'problem'`, [orgId]);
    const codes = new Set((await db.query<{ code: string }>(`select code from root_cause_codes where org_id = $1`, [orgId])).map((r) => r.code));
    for (const c of cases) {
      assert.ok(c.dueAt && new Date(c.dueAt) > new Date(c.createdAt), 'every case has a due time after it opened');
      if (c.status === 'new') continue;
      assert.ok(c.notes >= 1, `${c.status} case without notes`);
      assert.ok(c.title.startsWith(`${c.touchpoint}: `), c.title);
      if (c.status === 'resolved' || c.status === 'closed') {
        assert.ok(c.root && codes.has(c.root) && c.resolution && c.resolvedAt, JSON.stringify(c));
        assert.ok(new Date(c.resolvedAt!) <= seededAt);
      }
      if (c.status === 'closed') assert.ok(c.closedAt && new Date(c.closedAt) > new Date(c.resolvedAt!) && new Date(c.closedAt) <= seededAt);
    }
    const open = cases.filter((c) => ['new', 'in_progress', 'waiting_customer'].includes(c.status));
    const overdue = open.filter((c) => new Date(c.dueAt!) < seededAt);
    assert.ok(overdue.length > 0 && overdue.length < open.length, `${overdue.length} of ${open.length} open cases overdue`);
    assert.ok(open.every((c) => new Date(c.createdAt) <= seededAt && seededAt.getTime() - new Date(c.createdAt).getTime() < 11 * 86_400_000), 'open cases opened in the last ten days');
  });

  test('praise for frontline employees, the frontline user\'s own among them', async () => {
    const praise = await db.query<{ email: string | null; employee: string | null; nps: number }>(
      `select u.email, e.external_id as employee,
              (select a.number from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id where a.org_id = c.org_id and a.response_id = c.response_id and q.key = 'nps') as nps
         from cases c left join employees e on e.org_id = c.org_id and e.id = c.employee_id left join users u on u.org_id = e.org_id and u.id = e.user_id
        where c.org_id = $1 and c.kind = 'praise'`, [orgId]);
    assert.equal(praise.length, plan.praise.length);
    assert.equal(praise.length, 12);
    assert.ok(praise.every((p) => p.employee !== null && p.nps >= 9));
    const sannas = plan.praise.filter((p) => demo.responses[p.responseIndex].employeeKey === 'fault-line-1').length;
    assert.equal(praise.filter((p) => p.email === 'frontline@kaiku.example').length, sannas);
    assert.ok(sannas >= 3);
  });

  test('the bell: a notification for each case to its owner, those of cases still open unread', async () => {
    const [missing] = await db.query<{ n: number }>(
      `select count(*)::int as n from cases c where c.org_id = $1 and c.kind = 'problem'
          and not exists (select 1 from notifications n where n.org_id = c.org_id and n.case_id = c.id and n.user_id = c.owner_user_id)`, [orgId]);
    assert.equal(missing.n, 0);
    const ids = await userIds();
    for (const email of ['manager@kaiku.example', 'frontline@kaiku.example']) {
      const [unread] = await db.query<{ n: number }>(
        `select count(*)::int as n from notifications where org_id = $1 and user_id = $2 and read_at is null and kind = 'case_assigned'`, [orgId, ids.get(email)]);
      assert.equal(unread.n, plan.cases.filter((c) => c.ownerEmail === email && c.status !== 'closed').length, email);
    }
    const [praised] = await db.query<{ n: number }>(`select count(*)::int as n from notifications where org_id = $1 and user_id = $2 and kind = 'praise_received'`, [orgId, ids.get('frontline@kaiku.example')]);
    assert.ok(praised.n >= 3, `${praised.n} praise notifications`);
  });

  test('three action plans, each with a measured rise in its touchpoint\'s NPS (90 days before vs after)', async () => {
    const ids = await userIds();
    const admin = { orgId, userId: ids.get('demo@kaiku.example'), role: 'admin' as const, scope: { kind: 'all' as const }, viaCookie: false };
    const plans = await db.query<{ id: string; title: string; startsOn: Date; touchpointId: string }>(
      `select id, title, starts_on as "startsOn", touchpoint_id as "touchpointId" from action_plans where org_id = $1`, [orgId]);
    assert.equal(plans.length, DEMO_ACTION_PLANS.length);
    assert.equal(plans.length, 3);
    for (const p of plans) {
      const start = new Date(p.startsOn).getTime();
      const window = async (from: number, to: number) => (await db.query<{ nps: number; n: number }>(
        `select 100.0 * (avg((a.number >= 9)::int) - avg((a.number <= 6)::int))::float8 as nps, count(*)::int as n
           from responses r join answers a on a.org_id = r.org_id and a.response_id = r.id join questions q on q.org_id = a.org_id and q.id = a.question_id and q.key = 'nps'
          where r.org_id = $1 and r.touchpoint_id = $2 and r.submitted_at >= $3 and r.submitted_at < $4`,
        [orgId, p.touchpointId, new Date(from).toISOString(), new Date(to).toISOString()]))[0];
      const day = 86_400_000;
      const before = await window(start - 90 * day, start);
      const after = await window(start, start + 90 * day);
      assert.ok(before.n >= 50 && after.n >= 50, `${p.title}: n ${before.n} / ${after.n}`);
      assert.ok(after.nps - before.nps > 10, `${p.title}: ${before.nps} → ${after.nps}`);
      const effect = await actionPlanEffect(db, admin, p.id, { days: 90, now: seededAt });
      const side = (s: object) => s as { n: number; nps: number };
      assert.equal(side(effect.before).n, before.n);
      assert.equal(side(effect.after).n, after.n);
      assert.ok(Math.abs(side(effect.after).nps - after.nps) < 1e-6 && Math.abs(side(effect.before).nps - before.nps) < 1e-6, JSON.stringify(effect));
      assert.equal(effect.significant, true, p.title);
    }
  });

  test('a monthly board report, a website widget and a kiosk, consent as a customer base has it, and one planned e-mail wave', async () => {
    const schedules = await db.query<{ recipients: string[]; dayOfMonth: number; enabled: boolean; language: string }>(
      `select recipients, day_of_month as "dayOfMonth", enabled, language from board_report_schedules where org_id = $1`, [orgId]);
    assert.deepEqual(schedules, [{ recipients: ['hallitus@kaiku.example', 'toimitusjohtaja@kaiku.example'], dayOfMonth: 3, enabled: true, language: 'fi' }]);

    const collectors = await db.query<{ kind: string; touchpoint: string; origins: string[] }>(
      `select c.kind, t.name as touchpoint, c.allowed_origins as origins from collectors c join touchpoints t on t.org_id = c.org_id and t.id = c.touchpoint_id
        where c.org_id = $1 and c.disabled_at is null order by c.kind::text`, [orgId]);
    assert.deepEqual(collectors, [
      { kind: 'kiosk', touchpoint: 'Maksusuunnitelma asiakaspisteessä', origins: [] },
      { kind: 'widget', touchpoint: 'Sopimus verkkopalvelussa', origins: ['https://energia.kaiku.example'] },
    ]);

    const [consent] = await db.query<{ email: number; sms: number; withdrawn: number; withdrawnWithConsent: number }>(
      `select count(*) filter (where consent_survey_email)::int as email, count(*) filter (where consent_survey_sms)::int as sms,
              count(*) filter (where consent_withdrawn_at is not null)::int as withdrawn,
              count(*) filter (where consent_withdrawn_at is not null and (consent_survey_email or consent_survey_sms))::int as "withdrawnWithConsent"
         from contacts where org_id = $1`, [orgId]);
    assert.deepEqual(consent, {
      email: demo.contacts.filter((c) => c.consent.surveyEmail).length, sms: demo.contacts.filter((c) => c.consent.surveySms).length,
      withdrawn: demo.contacts.filter((c) => c.consent.withdrawnAt).length, withdrawnWithConsent: 0,
    });
    assert.ok(consent.email > 1_800 && consent.email < 2_700 && consent.sms > 900 && consent.sms < consent.email && consent.withdrawn > 30, JSON.stringify(consent));

    const waves = await db.query<{ survey: string; sendAt: Date; launchedAt: Date | null; channels: string[]; invitations: number; reachable: number }>(
      `select s.name as survey, w.send_at as "sendAt", w.launched_at as "launchedAt", w.channels,
              (select count(*)::int from invitations i where i.org_id = w.org_id and i.wave_id = w.id) as invitations,
              (select count(*)::int from contacts c where c.org_id = w.org_id and c.cohort = w.cohort and c.consent_survey_email and c.consent_withdrawn_at is null) as reachable
         from survey_waves w join surveys s on s.org_id = w.org_id and s.id = w.survey_id where w.org_id = $1`, [orgId]);
    assert.equal(waves.length, 1);
    assert.equal(waves[0].survey, 'Strateginen asiakastutkimus 2025–2026');
    assert.deepEqual(waves[0].channels, ['email']);
    assert.equal(waves[0].launchedAt, null);
    assert.equal(waves[0].invitations, 0); // invitations are made when it goes out
    assert.ok(waves[0].reachable > 400, `${waves[0].reachable} reachable in the cohort`);
    const days = (new Date(waves[0].sendAt).getTime() - seededAt.getTime()) / 86_400_000;
    assert.ok(days > 13 && days < 15, `sends in ${days} days`);
  });

  test('seeding a second time is refused and changes nothing', async () => {
    await assert.rejects(seedDemo(db), (error: unknown) => error instanceof KaikuError && error.code === 'conflict');
    const [orgs] = await db.query<{ n: number }>(`select count(*)::int as n from organizations`);
    assert.equal(orgs.n, 1);
    assert.equal(await count('responses'), 20_000);
  });
  test('the demo admin sees the cases on /app/cases, each state filtered, and the touchpoints\' open links answer', async () => {
    let t: TestApp | undefined;
    try {
      t = await startTestApp({ db });
      const client = pageClient(t, await sessionCookie(t, 'demo@kaiku.example', DEMO_PASSWORD));
      const all = await client.get('/app/cases');
      assert.equal(all.status, 200);
      const expected = tally(plan.cases, (c) => c.status);
      for (const status of ['new', 'in_progress', 'waiting_customer', 'resolved', 'closed']) {
        const res = await client.get(`/app/cases?status=${status}`);
        assert.equal(res.status, 200);
        const links = new Set(res.text.match(/<th scope="row"><a href="\/app\/cases\/[0-9a-f-]{36}">/g) ?? []);
        // Praise cases are cases too (status new): the page lists both kinds.
        assert.equal(links.size, expected[status] + (status === 'new' ? plan.praise.length : 0), status);
      }
      const closed = await client.get('/app/cases?status=closed');
      assert.match(closed.text, /Vikapuhelin \(jono\): /);
      const [oneClosed] = await db.query<{ id: string; resolution: string }>(
        `select id, resolution from cases where org_id = $1 and status = 'closed' order by id limit 1`, [orgId]);
      const detail = await client.get(`/app/cases/${oneClosed.id}`);
      assert.equal(detail.status, 200);
      assert.ok(detail.text.includes(oneClosed.resolution), 'the case page shows its resolution');
      // The frontline user's praise wall holds the praise about her.
      const frontline = pageClient(t, await sessionCookie(t, 'frontline@kaiku.example', DEMO_PASSWORD));
      const wall = await frontline.get('/app/praise');
      assert.equal(wall.status, 200);
      assert.match(wall.text, /Sanna Virtanen/);
      // Her bell counts the notices of her cases not yet closed (the seed marks older ones read).
      const unread = plan.cases.filter((c) => c.ownerEmail === 'frontline@kaiku.example' && c.status !== 'closed').length;
      assert.ok(unread > 0);
      assert.match(wall.text, new RegExp(`<span class="bell-badge" aria-hidden="true">${unread}</span>`));
      const [survey] = await db.query<{ id: string }>(`select id from surveys where org_id = $1 and name like 'Asiakaspulssi: Vikailmoitus%'`, [orgId]);
      const [tp] = await db.query<{ id: string }>(`select id from touchpoints where org_id = $1 and name = 'Vikapuhelin (jono)'`, [orgId]);
      const link = await fetch(`${t.url}/s/${survey.id}?tp=${tp.id}`);
      assert.equal(link.status, 200);
    } finally {
      await t?.close();
    }
  });
});
