/**
 * The distribution funnel over invitations made by pulse rules and waves: eligible (every
 * contact × rule × event or wave × contact considered) → skipped by reason → sent →
 * delivered / bounced → opened → started → completed, and the response rate
 * completed ÷ reached (delivered messages plus web invitations, which reach the contact on
 * their next visit). Web invitations have their own step: shown (by the widget to the
 * identified contact; shown ones also count as sent, delivered, opened and started). Optionally grouped by survey, channel, touchpoint or a period in the
 * organisation's time zone.
 */
import type { Queryable } from '../db/connection.ts';

export const funnelGroups = ['survey', 'channel', 'touchpoint', 'day', 'week', 'month'] as const;
export type FunnelGroup = (typeof funnelGroups)[number];

export interface FunnelFilter {
  surveyId?: string;
  channel?: string;
  touchpointId?: string;
  /** One wave's invitations. */
  waveId?: string;
  /** Invitations decided at or after `from`, before `to`. */
  from?: string;
  to?: string;
  groupBy?: FunnelGroup;
}

export interface FunnelCounts {
  eligible: number;
  skipped: number;
  skippedBy: Record<string, number>;
  sent: number;
  delivered: number;
  bounced: number;
  opened: number;
  started: number;
  completed: number;
  /** Web invitations the widget showed to their contact. */
  shown: number;
  responseRate: number | null;
}

export interface FunnelRow extends FunnelCounts { key: string | null }

const groupKey: Record<FunnelGroup, string> = {
  survey: 'i.survey_id::text',
  channel: 'i.channel::text',
  touchpoint: 'i.touchpoint_id::text',
  day: `to_char(date_trunc('day', i.created_at at time zone o.time_zone), 'YYYY-MM-DD')`,
  week: `to_char(date_trunc('week', i.created_at at time zone o.time_zone), 'YYYY-MM-DD')`,
  month: `to_char(date_trunc('month', i.created_at at time zone o.time_zone), 'YYYY-MM')`,
};

export async function funnel(db: Queryable, orgId: string, f: FunnelFilter): Promise<{ total: FunnelCounts; groups: FunnelRow[] }> {
  const key = f.groupBy ? groupKey[f.groupBy] : 'null::text';
  const rows = await db.query<Omit<FunnelRow, 'skippedBy' | 'responseRate'> & { reached: number; reason: string | null; reason_count: number }>(
    `with scoped as (
       select ${key} as key, i.* from invitations i join organizations o on o.id = i.org_id
        where i.org_id = $1 and i.status <> 'created'
          and ($2::uuid is null or i.survey_id = $2) and ($3::text is null or i.channel::text = $3) and ($4::uuid is null or i.touchpoint_id = $4)
          and ($5::timestamptz is null or i.created_at >= $5) and ($6::timestamptz is null or i.created_at < $6)
          and ($7::uuid is null or i.wave_id = $7)
     ), counts as (
       select key, count(*)::int as eligible, count(*) filter (where status = 'skipped')::int as skipped,
              count(sent_at)::int as sent, count(delivered_at)::int as delivered, count(bounced_at)::int as bounced,
              count(opened_at)::int as opened, count(started_at)::int as started, count(answered_at)::int as completed,
              count(*) filter (where channel = 'web' and opened_at is not null)::int as shown,
              count(*) filter (where delivered_at is not null or (channel = 'web' and status <> 'skipped'))::int as reached
         from scoped group by key
     ), reasons as (
       select key, skip_reason as reason, count(*)::int as reason_count from scoped where status = 'skipped' group by key, skip_reason
     )
     select c.*, r.reason, coalesce(r.reason_count, 0) as reason_count from counts c left join reasons r on r.key is not distinct from c.key
      order by c.key nulls first, r.reason`,
    [orgId, f.surveyId ?? null, f.channel ?? null, f.touchpointId ?? null, f.from ?? null, f.to ?? null, f.waveId ?? null]);
  const groups = new Map<string | null, FunnelRow & { reached: number }>();
  for (const row of rows) {
    let group = groups.get(row.key);
    if (!group) {
      group = { key: row.key, eligible: row.eligible, skipped: row.skipped, skippedBy: {}, sent: row.sent, delivered: row.delivered, bounced: row.bounced,
        opened: row.opened, started: row.started, completed: row.completed, shown: row.shown, reached: row.reached, responseRate: null };
      groups.set(row.key, group);
    }
    if (row.reason) group.skippedBy[row.reason] = row.reason_count;
  }
  const total: FunnelCounts & { reached: number } = { eligible: 0, skipped: 0, skippedBy: {}, sent: 0, delivered: 0, bounced: 0, opened: 0, started: 0, completed: 0, shown: 0, reached: 0, responseRate: null };
  const rate = (completed: number, reached: number) => (reached > 0 ? completed / reached : null);
  const out: FunnelRow[] = [];
  for (const { reached, ...g } of groups.values()) {
    for (const k of ['eligible', 'skipped', 'sent', 'delivered', 'bounced', 'opened', 'started', 'completed', 'shown'] as const) total[k] += g[k];
    total.reached += reached;
    for (const [reason, n] of Object.entries(g.skippedBy)) total.skippedBy[reason] = (total.skippedBy[reason] ?? 0) + n;
    out.push({ ...g, responseRate: rate(g.completed, reached) });
  }
  const { reached, ...totals } = total;
  return { total: { ...totals, responseRate: rate(total.completed, reached) }, groups: f.groupBy ? out : [] };
}
