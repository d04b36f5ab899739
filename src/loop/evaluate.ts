/**
 * Alert evaluation: drains the response outbox (filled by the ingestion statement itself) in
 * batches of 500, records follow-up answers on earlier cases (recovery, src/loop/followup.ts),
 * evaluates each organisation's enabled rules against the responses and opens a case per match
 * with its owner, due time and a 'created' activity, and publishes `response.created` webhooks
 * — the notification and delivery jobs too — all in the transaction that took the batch. A failure leaves the batch in the outbox;
 * re-evaluation cannot duplicate a case (unique org, rule, response).
 *
 * Prompt without a busy scheduler: one job at a time keeps the outbox watched for a couple of
 * seconds (a cheap `delete … skip locked` every 200 ms while it is empty), then hands over to
 * its successor. The server starts the chain; a schedule re-starts it every minute should a
 * process die holding it.
 */
import type { Queryable } from '../db/connection.ts';
import { uuidv7 } from '../db/ids.ts';
import { defineJob, sendUnlessWaiting } from '../jobs/queue.ts';
import type { JobContext } from '../jobs/registry.ts';
import { LOOP_NOTIFY_JOB, publishLoopEvents } from './events.ts';
import { evaluatorFor, resolveUnits, unitsNamed, validateCondition, validateRoute, type AnswerFact, type Condition, type ResponseFacts, type Route } from './rules.ts';
import { Directory } from './routing.ts';
import { addBusinessHours } from './sla.ts';
import { recordFollowUpAnswers } from './followup.ts';
import { employeeNamedIn, type NamedEmployee } from './praise.ts';
import { publishResponsesCreated } from '../webhooks/response-events.ts';
import { factsFromAnswers, generatedTitle } from './case-summary.ts';
import { creationEvent, insertCases, orgClock, type NewCase } from './case-store.ts';

export { creationEvent, insertCases, orgClock, type NewCase, type OrgClock } from './case-store.ts';
import { uiLanguages, type UiLanguage } from '../i18n/index.ts';
import { WEBHOOK_DELIVER_JOB } from '../webhooks/service.ts';

export const EVALUATE_ALERTS_JOB = 'loop-evaluate-alerts';
export const OUTBOX_BATCH = 500;

export interface AlertRule {
  id: string;
  name: string;
  kind: 'problem' | 'praise';
  condition: Condition;
  route: Route;
  priority: string;
  slaHours: number;
}

interface ResponseRow {
  id: string;
  touchpoint_id: string | null;
  unit_id: string | null;
  employee_id: string | null;
  contact_id: string | null;
  segment: string | null;
  language: string;
  contact_segment: string | null;
  attributes: Record<string, unknown> | null;
  operational: Record<string, unknown> | null;
}

export async function enabledRules(db: Queryable, orgId: string): Promise<AlertRule[]> {
  const rows = await db.query<{ id: string; name: string; kind: 'problem' | 'praise'; condition: unknown; route: unknown; priority: string; sla_hours: number }>(
    `select id, name, kind, condition, route, priority, sla_hours from alert_rules where org_id = $1 and enabled order by created_at, id`, [orgId]);
  // Rules were validated when saved; a rule that no longer validates is skipped, not fatal to the batch.
  const rules: AlertRule[] = [];
  for (const r of rows) {
    try {
      rules.push({ id: r.id, name: r.name, kind: r.kind, condition: validateCondition(r.condition), route: validateRoute(r.route), priority: r.priority, slaHours: r.sla_hours });
    } catch (error) {
      process.emitWarning(`alert rule ${r.id} skipped: ${(error as Error).message}`);
    }
  }
  return rules;
}

/** The unit subtree lookup for `{ unit: [...] }` conditions. */
export async function subtrees(db: Queryable, orgId: string, conditions: Condition[]): Promise<(unitId: string) => string[]> {
  if (!conditions.some((c) => unitsNamed(c).length > 0)) return (id) => [id];
  const units = await db.query<{ id: string; parent_id: string | null }>(`select id, parent_id from units where org_id = $1`, [orgId]);
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parent_id) children.set(u.parent_id, [...(children.get(u.parent_id) ?? []), u.id]);
  return (root) => {
    const out: string[] = [];
    const stack = [root];
    while (stack.length) {
      const id = stack.pop() as string;
      if (out.includes(id)) continue;
      out.push(id);
      stack.push(...(children.get(id) ?? []));
    }
    return out;
  };
}

/** What the rules see of each response (the evaluator's input; the rule preview reads the same). */
export async function loadFacts(db: Queryable, orgId: string, responseIds: string[]): Promise<Array<{ row: ResponseRow; facts: ResponseFacts }>> {
  const [rows, answers] = await Promise.all([
    db.query<ResponseRow>(
      `select r.id, r.touchpoint_id, r.unit_id, r.employee_id, r.contact_id, r.segment, r.language,
              c.segment as contact_segment, c.attributes, c.operational
         from responses r left join contacts c on c.org_id = r.org_id and c.id = r.contact_id
        where r.org_id = $1 and r.id = any($2::uuid[])`, [orgId, responseIds]),
    db.query<{ response_id: string; key: string; type: string; number: number | null; choice: string | null; choices: string[] | null; text: string | null; dont_know: boolean }>(
      `select a.response_id, q.key, q.type::text as type, a.number, a.choice, a.choices, a.text, a.dont_know
         from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
        where a.org_id = $1 and a.response_id = any($2::uuid[]) order by q.position`, [orgId, responseIds]),
  ]);
  const byResponse = new Map<string, AnswerFact[]>();
  for (const a of answers) {
    const list = byResponse.get(a.response_id) ?? [];
    list.push({ key: a.key, type: a.type, number: a.number, choice: a.choice, choices: a.choices, text: a.text, dontKnow: a.dont_know });
    byResponse.set(a.response_id, list);
  }
  return rows.map((row) => ({
    row,
    facts: {
      touchpointId: row.touchpoint_id, unitId: row.unit_id, segment: row.segment, language: row.language,
      answers: byResponse.get(row.id) ?? [],
      contact: row.contact_id ? { segment: row.contact_segment, attributes: row.attributes ?? {}, operational: row.operational ?? {} } : null,
    },
  }));
}

/** Evaluates one organisation's responses against its rules and opens the cases (inside `tx`). */
export async function evaluateResponses(tx: Queryable, ctx: Pick<JobContext, 'queue'> | null, orgId: string, responseIds: string[], now: Date): Promise<NewCase[]> {
  const rules = await enabledRules(tx, orgId);
  if (rules.length === 0 || responseIds.length === 0) return [];
  const subtreeOf = await subtrees(tx, orgId, rules.map((r) => r.condition));
  const prepared = rules.map((rule) => ({ rule, condition: resolveUnits(rule.condition, subtreeOf) }));
  const loaded = await loadFacts(tx, orgId, responseIds);
  const matched: Array<{ rule: AlertRule; row: ResponseRow }> = [];
  for (const { row, facts } of loaded) {
    const test = evaluatorFor(facts);
    for (const { rule, condition } of prepared) if (test(condition)) matched.push({ rule, row });
  }
  if (matched.length === 0) return [];
  // Praise that names an employee in its words is theirs, as if the response carried their id.
  const unnamed = matched.filter((m) => m.rule.kind === 'praise' && !m.row.employee_id);
  if (unnamed.length > 0) {
    const employees = await tx.query<NamedEmployee>(`select id, name, unit_id as "unitId" from employees where org_id = $1`, [orgId]);
    const textOf = new Map(loaded.map(({ row, facts }) => [row.id, facts.answers.map((a) => a.text).filter(Boolean).join('\n')]));
    for (const m of unnamed) {
      const named = employeeNamedIn(textOf.get(m.row.id) ?? '', employees, m.row.unit_id);
      if (named) m.row = { ...m.row, employee_id: named };
    }
  }
  const directory = await Directory.load(tx, orgId,
    [...new Set(matched.map((m) => m.row.touchpoint_id).filter((id): id is string => id !== null))],
    [...new Set(matched.map((m) => m.row.employee_id).filter((id): id is string => id !== null))]);
  const clock = await orgClock(tx, orgId);
  const dueCache = new Map<number, Date>();
  const dueAfter = (hours: number) => {
    let due = dueCache.get(hours);
    if (!due) dueCache.set(hours, (due = addBusinessHours(now, hours, clock.businessHours, clock.timeZone)));
    return due;
  };
  // Titled by what happened ("NPS 2 at E-lasku: …") in the organisation's language; see case-summary.ts.
  const touchpointIds = [...new Set(matched.map((m) => m.row.touchpoint_id).filter((id): id is string => id !== null))];
  const [touchpoints, [org]] = await Promise.all([
    tx.query<{ id: string; name: string }>(`select id, name from touchpoints where org_id = $1 and id = any($2::uuid[])`, [orgId, touchpointIds]),
    tx.query<{ default_language: string }>(`select default_language from organizations where id = $1`, [orgId]),
  ]);
  const touchpointName = new Map(touchpoints.map((t) => [t.id, t.name]));
  const language: UiLanguage = (uiLanguages as readonly string[]).includes(org?.default_language ?? '') ? org.default_language as UiLanguage : 'en';
  const answersOf = new Map(loaded.map(({ row, facts }) => [row.id, facts.answers]));
  const titleOf = (rule: AlertRule, row: ResponseRow) =>
    generatedTitle(factsFromAnswers(answersOf.get(row.id) ?? [], row.touchpoint_id ? touchpointName.get(row.touchpoint_id) ?? null : null, rule.name), language, false) ?? rule.name;
  const newCases: NewCase[] = matched.map(({ rule, row }) => {
    const owner = directory.owner(rule.route, { touchpointId: row.touchpoint_id, unitId: row.unit_id, employeeId: row.employee_id }, rule.kind);
    return {
      id: uuidv7(now.getTime()), kind: rule.kind, title: titleOf(rule, row), priority: rule.priority, ruleId: rule.id, responseId: row.id,
      contactId: row.contact_id, touchpointId: row.touchpoint_id, unitId: row.unit_id, employeeId: row.employee_id,
      ownerUserId: owner.userId, ownerUnitId: owner.unitId,
      // Praise is to be passed on, not resolved against a clock.
      dueAt: rule.kind === 'praise' ? null : dueAfter(rule.slaHours),
      activity: { ruleId: rule.id, ownerUserId: owner.userId, ownerUnitId: owner.unitId, routedBy: owner.routedBy, assignedByFallback: owner.assignedByFallback ?? null },
    };
  });
  const created = await insertCases(tx, orgId, newCases, now);
  if (ctx) {
    await publishLoopEvents(ctx, created.map((c) => creationEvent(orgId, c, now, directory.managerOf(c.ownerUnitId, c.ownerUserId))), tx);
  }
  return created;
}

/** Takes up to `limit` responses from the outbox and evaluates them; returns how many it took. */
export async function drainOutboxOnce(ctx: Pick<JobContext, 'db' | 'now' | 'queue'>, limit = OUTBOX_BATCH): Promise<{ responses: number; cases: number }> {
  const drained = await ctx.db.transaction(async (tx) => {
    const taken = await tx.query<{ org_id: string; response_id: string }>(
      `delete from response_outbox where (org_id, response_id) in (
         select org_id, response_id from response_outbox limit $1 for update skip locked)
       returning org_id, response_id`, [limit]);
    if (taken.length === 0) return { responses: 0, cases: 0 };
    const byOrg = new Map<string, string[]>();
    for (const t of taken) byOrg.set(t.org_id, [...(byOrg.get(t.org_id) ?? []), t.response_id]);
    let cases = 0;
    const now = ctx.now();
    for (const [orgId, ids] of byOrg) {
      const resurveyAnswers = await recordFollowUpAnswers(tx, ctx, orgId, ids, now);
      cases += (await evaluateResponses(tx, ctx, orgId, ids.filter((id) => !resurveyAnswers.has(id)), now)).length;
      await publishResponsesCreated(tx, ctx, orgId, ids);
    }
    return { responses: taken.length, cases };
  });
  // The notify and delivery jobs exist now that the batch committed: this process's workers take
  // them at once instead of at their next poll (issue 6: stored → notified ≤ 2 s p95).
  // (Follow-up answers publish case.updated too, so any drained response may have made work.)
  if (drained.responses > 0) {
    ctx.queue().wake(LOOP_NOTIFY_JOB);
    ctx.queue().wake(WEBHOOK_DELIVER_JOB);
  }
  return drained;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface EvaluationTiming {
  /** How long one job watches an empty outbox before handing over to its successor. */
  holdMs: number;
  idlePollMs: number;
  /** A job busy with a large import hands over after this long, so shutdowns stay quick. */
  maxRunMs: number;
}

export const defaultTiming: EvaluationTiming = { holdMs: 2_000, idlePollMs: 200, maxRunMs: 20_000 };

/** Sends the next watcher unless one is already waiting (several processes converge on one chain). */
export async function continueWatching(ctx: Pick<JobContext, 'db' | 'queue'>, exceptJobIds: string[] = []): Promise<void> {
  await sendUnlessWaiting(ctx.db, ctx.queue(), EVALUATE_ALERTS_JOB, exceptJobIds, { retryLimit: 0 });
}

export function alertEvaluationJob(ctx: JobContext, timing: EvaluationTiming = defaultTiming) {
  return defineJob<Record<string, never>>({
    name: EVALUATE_ALERTS_JOB,
    batchSize: 10,
    // The job re-sends itself; a retried one would become a second watcher.
    retryLimit: 0,
    handle: async (jobs) => {
      const started = Date.now();
      try {
        for (;;) {
          const { responses } = await drainOutboxOnce(ctx);
          const elapsed = Date.now() - started;
          if (responses === OUTBOX_BATCH) {
            if (elapsed > timing.maxRunMs) break;
            continue;
          }
          if (elapsed >= timing.holdMs) break;
          if (responses === 0) await sleep(timing.idlePollMs);
        }
      } finally {
        await continueWatching(ctx, jobs.map((j) => j.id));
      }
    },
  });
}
