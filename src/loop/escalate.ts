/**
 * SLA escalation, scheduled every minute: an open problem case past its due time is escalated
 * once — stamped, logged, and announced to the owner's unit manager (the next manager up when
 * the owner is that manager). Uses the job clock, so tests move time instead of waiting.
 */
import type { Queryable } from '../db/connection.ts';
import { defineJob } from '../jobs/queue.ts';
import type { JobContext } from '../jobs/registry.ts';
import { publishLoopEvents, type LoopEvent } from './events.ts';
import { Directory } from './routing.ts';
import { openCaseStatuses } from '../vocabulary.ts';

export const ESCALATE_OVERDUE_JOB = 'loop-escalate-overdue';
const BATCH = 500;

interface Overdue { org_id: string; id: string; owner_user_id: string | null; owner_unit_id: string | null; due_at: Date; title: string; priority: string }

async function escalateBatch(tx: Queryable, ctx: Pick<JobContext, 'queue'>, now: Date): Promise<number> {
  const overdue = await tx.query<Overdue>(
    `with overdue as (
       select org_id, id from cases
        where status = any($3::case_status[]) and kind = 'problem'
          and escalated_at is null and due_at < $1
        limit $2 for update skip locked)
     update cases c set escalated_at = $1, updated_at = $1
       from overdue o where c.org_id = o.org_id and c.id = o.id
     returning c.org_id, c.id, c.owner_user_id, c.owner_unit_id, c.due_at, c.title, c.priority`, [now.toISOString(), BATCH, openCaseStatuses]);
  const byOrg = new Map<string, Overdue[]>();
  for (const c of overdue) byOrg.set(c.org_id, [...(byOrg.get(c.org_id) ?? []), c]);
  const events: LoopEvent[] = [];
  for (const [orgId, list] of byOrg) {
    const directory = await Directory.load(tx, orgId, [], []);
    const targets = list.map((c) => directory.escalationTarget(c.owner_user_id, c.owner_unit_id));
    await tx.query(
      `insert into case_activity (org_id, case_id, id, at, kind, data)
       select $1, c.case_id, gen_random_uuid(), $3, 'escalated', jsonb_build_object('escalatedToUserId', c.target, 'dueAt', c.due_at)
         from unnest($2::uuid[], $4::uuid[], $5::timestamptz[]) as c(case_id, target, due_at)`,
      [orgId, list.map((c) => c.id), now.toISOString(), targets, list.map((c) => new Date(c.due_at).toISOString())]);
    list.forEach((c, i) => events.push({
      type: 'case.escalated', orgId, caseId: c.id, at: now.toISOString(),
      data: { title: c.title, priority: c.priority, ownerUserId: c.owner_user_id, ownerUnitId: c.owner_unit_id, escalatedToUserId: targets[i], dueAt: new Date(c.due_at).toISOString() },
    }));
  }
  await publishLoopEvents(ctx, events, tx);
  return overdue.length;
}

/** Escalates every overdue case (in batches); returns how many. */
export async function escalateOverdue(ctx: Pick<JobContext, 'db' | 'queue' | 'now'>): Promise<number> {
  const now = ctx.now();
  let total = 0;
  for (;;) {
    const n = await ctx.db.transaction((tx) => escalateBatch(tx, ctx, now));
    total += n;
    if (n < BATCH) return total;
  }
}

export function escalationJob(ctx: JobContext) {
  return defineJob<Record<string, never>>({
    name: ESCALATE_OVERDUE_JOB,
    batchSize: 1,
    retryLimit: 1,
    handle: async () => { await escalateOverdue(ctx); },
  });
}
