/**
 * Seeds the demo's closed loop (loop-plan.ts) through the domains' own services: root causes and
 * alert rules as the set-up stores them; cases opened by the rule evaluation itself from the
 * planned responses, then worked (assigned, noted, resolved with a root cause, closed) through
 * the case operations, each at its planned time; the notifications the loop worker would have
 * written for them; three action plans; listening posts; a monthly board report; and a planned
 * e-mail wave of the strategic survey. `seed.ts` calls it once the responses are stored.
 */
import type { AuthContext, Role } from '../auth/permissions.ts';
import { dataScopeFor } from '../auth/service.ts';
import { createActionPlan } from '../actions/service.ts';
import { createCollector } from '../collection/service.ts';
import type { Database } from '../db/connection.ts';
import { uuidv7 } from '../db/ids.ts';
import { createWave } from '../distribution/waves.ts';
import { addNote, updateCase, type LoopDeps, type RecoveryOutcome } from '../loop/cases.ts';
import { createAlertRule, createRootCauseCode } from '../loop/configure.ts';
import { creationEvent, evaluateResponses, type NewCase } from '../loop/evaluate.ts';
import { handleLoopEvents, markAllRead } from '../notifications/service.ts';
import { createSchedule } from '../reports/schedule.ts';
import type { Survey } from '../surveys/schema.ts';
import { DEMO_ACTION_PLANS } from './action-plans.ts';
import type { DemoData } from './generator.ts';
import { DEMO_ROOT_CAUSES, DEMO_RULES, LOW_EFFORT_MAX, PHONE_TOUCHPOINTS, planDemoLoop, type DemoCasePlan, type DemoRuleKey } from './loop-plan.ts';

export interface SeededIds {
  users: Map<string, { id: string; role: Role; unitId: string | null }>;
  touchpoints: Map<string, string>;
  surveys: Map<string, Survey>;
  /** By index of DemoData.responses. */
  responses: string[];
}

const HOUR_MS = 3_600_000;
/** The board receives the report (a reserved example domain: nothing leaves the demo). */
export const DEMO_BOARD_RECIPIENTS = ['hallitus@kaiku.example', 'toimitusjohtaja@kaiku.example'];
/** The planned strategic-survey wave goes out this many days after the seeding, at 09:00 Helsinki (07:00 UTC in winter). */
export const DEMO_WAVE_DAYS_AHEAD = 14;

export function demoWaveSendAt(now: Date): Date {
  const day = new Date(now.getTime() + DEMO_WAVE_DAYS_AHEAD * 24 * HOUR_MS);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 7));
}

export async function seedLoop(db: Database, orgId: string, demo: DemoData, ids: SeededIds, now: Date): Promise<void> {
  const plan = planDemoLoop(demo);
  const user = (email: string) => {
    const found = ids.users.get(email);
    if (!found) throw new Error(`demo user ${email} is missing`);
    return found;
  };
  const auths = new Map<string, AuthContext>();
  const authOf = async (email: string): Promise<AuthContext> => {
    let auth = auths.get(email);
    if (!auth) {
      const u = user(email);
      auth = { orgId, userId: u.id, role: u.role, viaCookie: false, scope: await dataScopeFor(db, orgId, u.id, u.role, u.unitId) };
      auths.set(email, auth);
    }
    return auth;
  };

  for (const cause of DEMO_ROOT_CAUSES) await createRootCauseCode(db, orgId, cause);
  const conditions: Record<DemoRuleKey, unknown> = {
    detractor: { nps: 'detractor' },
    'phone-effort': { all: [{ touchpoint: PHONE_TOUCHPOINTS.map((key) => ids.touchpoints.get(key)) }, { answer: 'effort', op: 'lte', value: LOW_EFFORT_MAX }] },
    praise: { all: [{ nps: 'promoter' }, { text: 'positive' }] },
  };
  const ruleIds = new Map<DemoRuleKey, string>();
  for (const rule of DEMO_RULES) {
    const stored = await createAlertRule(db, orgId, { name: rule.name, kind: rule.kind, condition: conditions[rule.key], priority: rule.priority, slaHours: rule.slaHours });
    ruleIds.set(rule.key, stored.id);
  }

  // Each case opens as the rule evaluation opens it, at its own time; its work follows in order.
  const opened: Array<{ created: NewCase; at: Date; open: boolean }> = [];
  const open = async (responseIndex: number, at: Date) => {
    const created = await db.transaction((tx) => evaluateResponses(tx, null, orgId, [ids.responses[responseIndex]], at));
    if (created.length !== 1) throw new Error(`the demo rules opened ${created.length} cases for response ${responseIndex}, 1 planned`);
    return created[0];
  };
  const admin = await authOf('demo@kaiku.example');
  for (const c of plan.cases) {
    const at = c.hoursAgo === null
      ? new Date(new Date(demo.responses[c.responseIndex].submittedAt).getTime() + 5 * 60_000)
      : new Date(now.getTime() - c.hoursAgo * HOUR_MS);
    const created = await open(c.responseIndex, at);
    opened.push({ created, at, open: c.status !== 'closed' });
    await workCase(db, created, c, at, admin, await authOf(c.ownerEmail), user(c.ownerEmail).id);
  }
  for (const p of plan.praise) {
    const at = new Date(new Date(demo.responses[p.responseIndex].submittedAt).getTime() + 5 * 60_000);
    opened.push({ created: await open(p.responseIndex, at), at, open: false });
  }

  // The notifications the loop worker writes for these cases, at their time: older ones read, recent ones waiting in the bell.
  const notify = async (items: typeof opened) => {
    for (const { created, at } of items) {
      await handleLoopEvents({ db, now: () => at, publicUrl: () => '' }, [{ id: uuidv7(at.getTime()), data: creationEvent(orgId, created, at, null) }]);
    }
  };
  await notify(opened.filter((o) => !o.open));
  for (const u of ids.users.values()) await markAllRead(db, orgId, u.id, now);
  await notify(opened.filter((o) => o.open).sort((a, b) => a.at.getTime() - b.at.getTime()));

  for (const p of DEMO_ACTION_PLANS) {
    await createActionPlan(db, orgId, {
      title: p.title, description: p.description, ownerUserId: user(p.ownerEmail).id, status: p.status, metric: 'nps',
      touchpointId: ids.touchpoints.get(p.touchpointKey), startsOn: p.startsOn, dueOn: p.dueOn,
    });
  }

  // Listening posts: a widget on the website's move-in form, a kiosk at the Kamppi service point.
  // (Every touchpoint's open link and QR code exist by themselves on the survey's share hub.)
  await createCollector(db, orgId, {
    kind: 'widget', name: 'Verkkosivun muuttolomake', surveyId: (ids.surveys.get('pulse-move') as Survey).id,
    touchpointId: ids.touchpoints.get('move-web'), allowedOrigins: ['https://energia.kaiku.example'],
    triggers: [{ type: 'pageview', urlPattern: '/muutto/kiitos*', delaySeconds: 3 }],
  });
  await createCollector(db, orgId, {
    kind: 'kiosk', name: 'Asiakaspiste Kamppi, palautepääte', surveyId: (ids.surveys.get('pulse-billing') as Survey).id,
    touchpointId: ids.touchpoints.get('bill-store'),
  });

  await createSchedule(db, orgId, { recipients: DEMO_BOARD_RECIPIENTS, language: 'fi', dayOfMonth: 3, hour: 8 });

  const sendAt = demoWaveSendAt(now);
  await createWave(db, orgId, (ids.surveys.get('strategic') as Survey).id, {
    quarter: `${sendAt.getUTCFullYear()}-Q${Math.floor(sendAt.getUTCMonth() / 3) + 1}`, sendAt: sendAt.toISOString(),
    channels: ['email'], expiryDays: 30, reminderDays: 7,
  }, now);
}

/** Takes the case as far as its plan goes: assigned by the admin when routing gave it to someone else, then worked by its owner. */
async function workCase(db: Database, created: NewCase, c: DemoCasePlan, openedAt: Date, admin: AuthContext, owner: AuthContext, ownerId: string) {
  const at = (hours: number | null) => new Date(openedAt.getTime() + (hours ?? 0) * HOUR_MS);
  const deps = (hours: number | null): LoopDeps => ({ db, now: () => at(hours) });
  if (c.status === 'new') {
    if (created.ownerUserId !== ownerId) await updateCase(deps(0.2), admin, created.id, { ownerUserId: ownerId });
    return;
  }
  if (created.ownerUserId !== ownerId) await updateCase(deps(c.steps.takenOn - 0.2), admin, created.id, { ownerUserId: ownerId });
  await updateCase(deps(c.steps.takenOn), owner, created.id, { status: 'in_progress', title: c.title ?? undefined });
  const [first, ...rest] = c.notes;
  if (first) await addNote(deps(c.steps.takenOn), owner, created.id, first);
  if (c.steps.waiting !== null) {
    for (const note of rest) await addNote(deps(c.steps.waiting), owner, created.id, note);
    await updateCase(deps(c.steps.waiting), owner, created.id, { status: 'waiting_customer' });
  } else for (const note of rest) await addNote(deps(c.steps.takenOn + 0.5), owner, created.id, note);
  if (c.steps.resolved === null) return;
  await updateCase(deps(c.steps.resolved), owner, created.id, { status: 'resolved', rootCauseCode: c.rootCause, resolution: c.resolution });
  if (c.steps.closed !== null) await updateCase(deps(c.steps.closed), owner, created.id, { status: 'closed', recoveryOutcome: demoRecoveryOutcome(c) });
}

/**
 * A closed problem case needs its recovery outcome: chosen from the plan's own text, so the demo
 * stays deterministic, about 6 in 10 recovered, 2 partly, 1 not recovered, 1 not reached.
 */
function demoRecoveryOutcome(c: DemoCasePlan): RecoveryOutcome {
  let h = 0;
  for (const ch of `${c.rootCause}:${c.resolution}`) h = (h * 31 + ch.charCodeAt(0)) % 1000;
  const d = h % 10;
  return d < 6 ? 'recovered' : d < 8 ? 'partly' : d < 9 ? 'not_recovered' : 'unreachable';
}
