import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { IdParams, PageQuery, Uuid, decodeCursor, encodeCursor, literals, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { badInput } from '../errors.ts';
import { funnel, funnelGroups } from './funnel.ts';
import { DISPATCH_JOB } from './jobs.ts';
import { pulseChannels, skipReasons } from './policy.ts';
import {
  createPulseRule, deletePulseRule, getPulseRule, getQuarantineDays, listPulseRules, setQuarantineDays, updatePulseRule,
} from './service.ts';
import { createWave, listWaves, previewWave } from './waves.ts';
import { segmentAsSpelled } from '../contacts/service.ts';
import { listInvitations } from './invitations.ts';

const Channels = Type.Array(literals(pulseChannels), { minItems: 1, maxItems: 3, uniqueItems: true, description: 'Tried in order: the first the contact has an address and consent for' });
const Clock = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
const QuietHours = Type.Union([Type.Object({ start: Clock, end: Clock }, strict), Type.Null()], {
  description: "Nothing is sent from start to end (HH:MM, may wrap midnight) in the contact's time zone, else the organisation's",
});
const ruleFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  touchpointId: Uuid,
  surveyId: Uuid,
  enabled: Type.Optional(Type.Boolean()),
  delayMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 * 24 * 90, description: 'After the event (default 0)' })),
  channels: Type.Optional(Channels),
  samplingRate: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1, description: 'Share of events invited (default 1)' })),
  quietHours: Type.Optional(QuietHours),
  expiryHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 365, description: 'After the event: not sent later, link stops working (default 168)' })),
  reminderDays: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 60 }), Type.Null()], { description: 'One reminder to non-responders this many days after sending' })),
};
const RuleBody = Type.Object(ruleFields, strict);
const RulePatch = Type.Partial(Type.Object(ruleFields, strict), strict);
const WaveBody = Type.Object({
  quarter: Type.Optional(Type.String({ pattern: '^[0-9]{4}-Q[1-4]$', description: "2026-Q3 invites cohort 2 (quarter − 1); left out, every contact (the Send page's 'everyone')" })),
  segment: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Only the contacts of this segment (any letter case); must be a segment some contact has' })),
  sendAt: Type.Optional(Type.String({ format: 'date-time', description: 'Default: now' })),
  channels: Type.Optional(Channels),
  expiryDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  reminderDays: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 60 }), Type.Null()])),
}, strict);
const FunnelQuery = Type.Object({
  surveyId: Type.Optional(Uuid),
  channel: Type.Optional(literals(pulseChannels)),
  touchpointId: Type.Optional(Uuid),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  groupBy: Type.Optional(literals(funnelGroups)),
}, strict);
const InvitationQuery = Type.Object({
  ...PageQuery,
  surveyId: Type.Optional(Uuid),
  contactId: Type.Optional(Uuid),
  eventId: Type.Optional(Uuid),
  ruleId: Type.Optional(Uuid),
  waveId: Type.Optional(Uuid),
  status: Type.Optional(literals(['scheduled', 'sending', 'delivered', 'bounced', 'failed', 'skipped', 'waiting'] as const)),
  skipReason: Type.Optional(literals(skipReasons)),
}, strict);
const SurveyParams = Type.Object({ id: Uuid }, strict);

export async function distributionRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  /** The Send page's rule: a segment is one some contact has, spelled as the contacts spell it. */
  const waveInput = async (orgId: string, body: Static<typeof WaveBody>) => {
    if (body.segment === undefined) return body;
    const segment = await segmentAsSpelled(db, orgId, body.segment);
    if (!segment) throw badInput(`no contact has the segment "${body.segment}"`, 'segment');
    return { ...body, segment };
  };
  const tags = ['distribution'];
  const read = { permission: 'distribution:read' as const };
  const manage = { permission: 'distribution:manage' as const };
  const now = () => app.deps.now?.() ?? new Date();

  app.get<{ Querystring: { touchpointId?: string } }>('/api/v1/pulse-rules', {
    schema: { tags, querystring: Type.Object({ touchpointId: Type.Optional(Uuid) }, strict) }, config: read,
  }, async (request) => ({ items: await listPulseRules(db, authOf(request).orgId, request.query.touchpointId) }));

  app.post<{ Body: Static<typeof RuleBody> }>('/api/v1/pulse-rules', {
    schema: { tags, body: RuleBody, description: 'After an event at the touchpoint, invite its contact to the survey.' }, config: manage,
  }, async (request, reply) => reply.status(201).send(await createPulseRule(db, authOf(request).orgId, request.body)));

  app.get<{ Params: Static<typeof IdParams> }>('/api/v1/pulse-rules/:id', { schema: { tags, params: IdParams }, config: read },
    async (request) => getPulseRule(db, authOf(request).orgId, request.params.id));

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof RulePatch> }>('/api/v1/pulse-rules/:id', {
    schema: { tags, params: IdParams, body: RulePatch, description: 'Fields left out stay; applies to events scheduled from now on.' }, config: manage,
  }, async (request) => updatePulseRule(db, authOf(request).orgId, request.params.id, request.body));

  app.delete<{ Params: Static<typeof IdParams> }>('/api/v1/pulse-rules/:id', {
    schema: { tags, params: IdParams, description: '409 once the rule has made invitations: disable it instead.' }, config: manage,
  }, async (request, reply) => {
    await deletePulseRule(db, authOf(request).orgId, request.params.id);
    return reply.status(204).send();
  });

  const Settings = Type.Object({ quarantineDays: Type.Integer({ minimum: 0, maximum: 730, description: 'No contact is invited more than once per this many days, across all surveys (0 = no quarantine)' }) }, strict);
  app.get('/api/v1/distribution/settings', { schema: { tags }, config: read },
    async (request) => ({ quarantineDays: await getQuarantineDays(db, authOf(request).orgId) }));
  app.put<{ Body: Static<typeof Settings> }>('/api/v1/distribution/settings', { schema: { tags, body: Settings }, config: manage },
    async (request) => ({ quarantineDays: await setQuarantineDays(db, authOf(request).orgId, request.body.quarantineDays) }));

  app.post<{ Params: Static<typeof SurveyParams>; Body: Static<typeof WaveBody> }>('/api/v1/surveys/:id/waves', {
    schema: { tags, params: SurveyParams, body: WaveBody, description: "Invites, at sendAt, the quarter's cohort of contacts (one wave per survey and quarter), or every contact when no quarter is given; a segment narrows either to that segment's contacts." },
    config: manage,
  }, async (request, reply) => {
    const wave = await createWave(db, authOf(request).orgId, request.params.id, await waveInput(authOf(request).orgId, request.body), now());
    if (new Date(wave.sendAt).getTime() <= now().getTime()) await app.deps.jobs?.send(DISPATCH_JOB, {});
    return reply.status(201).send(wave);
  });

  app.post<{ Params: Static<typeof SurveyParams>; Body: Static<typeof WaveBody> }>('/api/v1/surveys/:id/waves/preview', {
    schema: { tags, params: SurveyParams, body: WaveBody, description: 'What the wave would decide now, storing nothing: the audience, who gets it by channel and language, who is left out and why (quarantine, consent, address).' },
    config: manage,
  }, async (request) => previewWave(db, authOf(request).orgId, request.params.id, await waveInput(authOf(request).orgId, request.body), now()));

  app.get<{ Params: Static<typeof SurveyParams> }>('/api/v1/surveys/:id/waves', { schema: { tags, params: SurveyParams }, config: read },
    async (request) => ({ items: await listWaves(db, authOf(request).orgId, request.params.id) }));

  app.get<{ Querystring: Static<typeof FunnelQuery> }>('/api/v1/distribution/funnel', {
    schema: { tags, querystring: FunnelQuery, description: 'Eligible → skipped (by reason) → sent → delivered/bounced → opened → started → completed, and the response rate.' },
    config: read,
  }, async (request) => {
    const q = request.query;
    if (q.from && q.to && q.from >= q.to) throw badInput('from must be before to', 'from');
    return funnel(db, authOf(request).orgId, q);
  });

  app.get<{ Querystring: Static<typeof InvitationQuery> }>('/api/v1/invitations', {
    schema: { tags, querystring: InvitationQuery, description: 'Invitations made by pulse rules and waves, newest first, with their outcome.' },
    config: read,
  }, async (request) => {
    const q = request.query;
    const limit = q.limit ?? 50;
    const cursor = decodeCursor(q.cursor);
    if (cursor && (typeof cursor[0] !== 'string' || !/^[0-9a-f-]{36}$/i.test(cursor[0]))) throw badInput('cursor is not valid', 'cursor');
    const rows = await listInvitations(db, authOf(request).orgId, { ...q, before: cursor?.[0] as string | undefined, limit });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
  });
}
