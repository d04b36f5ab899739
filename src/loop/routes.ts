import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { IdParams, LocalizedText, PageQuery, Uuid, literals, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { badInput, notFound } from '../errors.ts';
import { addNote, caseMetrics, casePriorities, caseStatuses, recoveryOutcomes, getCase, listCases, openCase, updateCase, type LoopDeps } from './cases.ts';
import { continueWatching, EVALUATE_ALERTS_JOB } from './evaluate.ts';
import { validateBusinessHours } from './sla.ts';
import {
  createAlertRule, createRootCauseCode, findAlertRule, listAlertRules, listRootCauseCodes, removeAlertRule, removeRootCauseCode, updateAlertRule, updateRootCauseCode,
} from './configure.ts';
import { setSlaCalendar, slaCalendarOf } from '../orgs/settings.ts';
import { sendFollowUp, sendResurvey, type CustomerMailDeps } from './followup.ts';
import { praiseWall } from './praise.ts';
import { myFeedback, unitFeedback } from './frontline.ts';
import { createMailer } from '../mail/mailer.ts';
import { mailLanguages } from '../mail/templates.ts';
import { isTimeZone } from '../i18n/calendar.ts';

const Priority = literals(casePriorities);
const RuleBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  enabled: Type.Optional(Type.Boolean()),
  kind: Type.Optional(literals(['problem', 'praise'] as const)),
  condition: Type.Unknown({ description: 'Condition tree: { all: [...] } | { any: [...] } | { not: … } | leaf (see docs/api.md)' }),
  route: Type.Optional(Type.Unknown({ description: '{ to: touchpoint_owner } | { to: user, userId } | { to: round_robin, unitId } | { to: employee }' })),
  priority: Type.Optional(Priority),
  slaHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 2000 })),
}, strict);
const RootCauseBody = Type.Object({
  code: Type.String({ pattern: '^[a-z0-9][a-z0-9_.-]{0,62}$' }),
  labels: LocalizedText,
  active: Type.Optional(Type.Boolean()),
}, strict);
const CodeParams = Type.Object({ code: Type.String({ maxLength: 63 }) }, strict);
const CaseQuery = Type.Object({
  ...PageQuery,
  inbox: Type.Optional(literals(['mine', 'unit', 'all'] as const)),
  status: Type.Optional(Type.Array(literals(caseStatuses), { description: 'One or more: status=new&status=in_progress' })),
  priority: Type.Optional(Priority),
  kind: Type.Optional(literals(['problem', 'praise'] as const)),
  ownerUserId: Type.Optional(Uuid),
  unitId: Type.Optional(Uuid),
  touchpointId: Type.Optional(Uuid),
  overdue: Type.Optional(Type.Boolean()),
}, strict);
const NewCaseBody = Type.Object({
  responseId: Uuid,
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  priority: Type.Optional(Priority),
  ownerUserId: Type.Optional(Uuid),
  slaHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 2000 })),
  note: Type.Optional(Type.String({ minLength: 1, maxLength: 10_000 })),
}, strict);
const CasePatchBody = Type.Object({
  status: Type.Optional(literals(caseStatuses)),
  ownerUserId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  rootCauseCode: Type.Optional(Type.Union([Type.String({ maxLength: 63 }), Type.Null()], { description: 'Required (here or already on the case) to close a problem case' })),
  recoveryOutcome: Type.Optional(Type.Union([literals(recoveryOutcomes), Type.Null()], { description: 'How the customer came out of it; required to close a problem case' })),
  resolution: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 10_000 }), Type.Null()])),
  priority: Type.Optional(Priority),
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
}, { ...strict, minProperties: 1 });
const NoteBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 10_000 }) }, strict);
const MailLanguage = literals(mailLanguages);
const PraiseQuery = Type.Object({ ...PageQuery, unitId: Type.Optional(Uuid), employeeId: Type.Optional(Uuid) }, strict);
const UnitParams = Type.Object({ unitId: Uuid }, strict);
const FollowUpBody = Type.Object({
  message: Type.String({ minLength: 1, maxLength: 10_000, description: 'Plain text; blank lines separate paragraphs' }),
  subject: Type.Optional(Type.String({ minLength: 1, maxLength: 150 })),
  language: Type.Optional(MailLanguage),
}, strict);
const ResurveyBody = Type.Object({
  language: Type.Optional(MailLanguage),
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
}, strict);
const MetricsQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  unitId: Type.Optional({ ...Uuid, description: 'Cases about this unit or owned by it, sub-units included' }),
  by: Type.Optional(literals(['unit', 'owner'] as const)),
}, strict);
const BusinessHoursBody = Type.Object({
  timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  businessHours: Type.Optional(Type.Unknown({ description: '{ days: [1..7], start: "HH:MM", end: "HH:MM" }' })),
}, { ...strict, minProperties: 1 });

export async function loopRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const deps = (): LoopDeps => ({ db, jobs: app.deps.jobs, now: app.deps.now ?? (() => new Date()) });
  const mailer = createMailer(app.deps.config);
  app.addHook('onClose', async () => mailer?.close());
  const mailDeps = (): CustomerMailDeps => ({ ...deps(), mailer, publicUrl: app.deps.config.publicUrl });
  const read = { permission: 'cases:read' as const };
  const write = { permission: 'cases:write' as const };
  const manage = { permission: 'rules:manage' as const };

  // A process that runs jobs starts the outbox watcher at once instead of waiting for the schedule.
  app.addHook('onReady', async () => {
    const jobs = app.deps.jobs;
    if (jobs) await continueWatching({ db, queue: () => jobs }).catch((error) => app.log.warn({ err: error }, `could not start ${EVALUATE_ALERTS_JOB}`));
  });

  // --- cases
  app.get<{ Querystring: Static<typeof CaseQuery> }>('/api/v1/cases', { schema: { tags: ['cases'], querystring: CaseQuery }, config: read },
    async (request) => listCases(db, authOf(request), request.query, deps().now()));

  app.get<{ Querystring: Static<typeof MetricsQuery> }>('/api/v1/cases/metrics', { schema: { tags: ['cases'], querystring: MetricsQuery }, config: read },
    async (request) => caseMetrics(db, authOf(request), request.query, deps().now()));

  app.get<{ Params: Static<typeof IdParams> }>('/api/v1/cases/:id', { schema: { tags: ['cases'], params: IdParams }, config: read },
    async (request) => getCase(db, authOf(request), request.params.id));

  app.post<{ Body: Static<typeof NewCaseBody> }>('/api/v1/cases', { schema: { tags: ['cases'], body: NewCaseBody }, config: write },
    async (request, reply) => reply.status(201).send(await openCase(deps(), authOf(request), request.body)));

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof CasePatchBody> }>('/api/v1/cases/:id', {
    schema: { tags: ['cases'], params: IdParams, body: CasePatchBody }, config: write,
  }, async (request) => updateCase(deps(), authOf(request), request.params.id, request.body));

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof NoteBody> }>('/api/v1/cases/:id/notes', {
    schema: { tags: ['cases'], params: IdParams, body: NoteBody }, config: write,
  }, async (request, reply) => reply.status(201).send(await addNote(deps(), authOf(request), request.params.id, request.body.text)));

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof FollowUpBody> }>('/api/v1/cases/:id/follow-up', {
    schema: { tags: ['cases'], params: IdParams, body: FollowUpBody, description: 'E-mails the case\'s contact (in their language unless given) and logs it in the case.' },
    config: write,
  }, async (request, reply) => reply.status(201).send(await sendFollowUp(mailDeps(), authOf(request), request.params.id, request.body)));

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof ResurveyBody> }>('/api/v1/cases/:id/resurvey', {
    schema: { tags: ['cases'], params: IdParams, body: ResurveyBody, description: 'Sends the "is it solved?" re-survey with a personal link to the contact of a resolved case (once; needs survey e-mail consent).' },
    config: write,
  }, async (request, reply) => reply.status(201).send(await sendResurvey(mailDeps(), authOf(request), request.params.id, request.body)));

  // --- praise wall and frontline view
  app.get<{ Querystring: Static<typeof PraiseQuery> }>('/api/v1/praise', {
    schema: { tags: ['praise'], querystring: PraiseQuery, description: 'Praise cases in your scope, newest first, the customer\'s words with personal data redacted.' },
    config: read,
  }, async (request) => praiseWall(db, authOf(request), request.query));

  app.get('/api/v1/frontline/me', {
    schema: { tags: ['frontline'], description: 'Your own feedback: NPS, monthly trend and recent words for each employee record linked to you; hidden under the organisation\'s minimum group size.' },
    config: { permission: 'metrics:read' },
  }, async (request) => myFeedback(db, authOf(request), deps().now()));

  app.get<{ Params: Static<typeof UnitParams> }>('/api/v1/frontline/units/:unitId', {
    schema: { tags: ['frontline'], params: UnitParams, description: 'A unit\'s NPS and trend, and its people\'s NPS (each hidden under the minimum group size).' },
    config: { permission: 'metrics:read' },
  }, async (request) => unitFeedback(db, authOf(request), request.params.unitId, deps().now()));

  // --- alert rules
  const tags = ['alert rules'];
  app.get('/api/v1/alert-rules', { schema: { tags }, config: manage }, async (request) => ({
    items: await listAlertRules(db, authOf(request).orgId),
  }));

  app.get<{ Params: Static<typeof IdParams> }>('/api/v1/alert-rules/:id', { schema: { tags, params: IdParams }, config: manage }, async (request) => {
    const rule = await findAlertRule(db, authOf(request).orgId, request.params.id);
    if (!rule) throw notFound('Alert rule', 'id');
    return rule;
  });

  app.post<{ Body: Static<typeof RuleBody> }>('/api/v1/alert-rules', { schema: { tags, body: RuleBody }, config: manage }, async (request, reply) => {
    const rule = await createAlertRule(db, authOf(request).orgId, request.body);
    return reply.status(201).send(rule);
  });

  app.patch<{ Params: Static<typeof IdParams>; Body: Partial<Static<typeof RuleBody>> }>('/api/v1/alert-rules/:id', {
    schema: { tags, params: IdParams, body: Type.Partial(RuleBody, { ...strict, minProperties: 1 }) }, config: manage,
  }, async (request) => {
    const rule = await updateAlertRule(db, authOf(request).orgId, request.params.id, request.body);
    if (!rule) throw notFound('Alert rule', 'id');
    return rule;
  });

  app.delete<{ Params: Static<typeof IdParams> }>('/api/v1/alert-rules/:id', { schema: { tags, params: IdParams }, config: manage }, async (request, reply) => {
    // Cases keep their rule id as history; disable a rule to stop it, delete it when it was a mistake.
    if (!(await removeAlertRule(db, authOf(request).orgId, request.params.id))) throw notFound('Alert rule', 'id');
    return reply.status(204).send();
  });

  // --- root-cause codes
  const rcTags = ['cases'];
  app.get('/api/v1/root-causes', { schema: { tags: rcTags }, config: read }, async (request) => ({
    items: await listRootCauseCodes(db, authOf(request).orgId),
  }));

  app.post<{ Body: Static<typeof RootCauseBody> }>('/api/v1/root-causes', { schema: { tags: rcTags, body: RootCauseBody }, config: manage }, async (request, reply) => {
    const row = await createRootCauseCode(db, authOf(request).orgId, request.body);
    return reply.status(201).send(row);
  });

  app.patch<{ Params: Static<typeof CodeParams>; Body: { labels?: Record<string, string>; active?: boolean } }>('/api/v1/root-causes/:code', {
    schema: { tags: rcTags, params: CodeParams, body: Type.Object({ labels: Type.Optional(LocalizedText), active: Type.Optional(Type.Boolean()) }, { ...strict, minProperties: 1 }) },
    config: manage,
  }, async (request) => {
    const row = await updateRootCauseCode(db, authOf(request).orgId, request.params.code, request.body);
    if (!row) throw notFound('Root-cause code', 'code');
    return row;
  });

  app.delete<{ Params: Static<typeof CodeParams> }>('/api/v1/root-causes/:code', { schema: { tags: rcTags, params: CodeParams }, config: manage }, async (request, reply) => {
    if (!(await removeRootCauseCode(db, authOf(request).orgId, request.params.code))) throw notFound('Root-cause code', 'code');
    return reply.status(204).send();
  });

  // --- business hours the SLAs count
  app.get('/api/v1/business-hours', { schema: { tags: ['cases'] }, config: read }, async (request) => {
    return slaCalendarOf(db, authOf(request).orgId);
  });

  app.put<{ Body: Static<typeof BusinessHoursBody> }>('/api/v1/business-hours', { schema: { tags: ['cases'], body: BusinessHoursBody }, config: { permission: 'org:manage' } }, async (request) => {
    const b = request.body;
    if (b.timeZone) {
      if (!isTimeZone(b.timeZone)) throw badInput('is not an IANA time zone such as Europe/Helsinki', 'timeZone');
    }
    const businessHours = b.businessHours === undefined ? undefined : validateBusinessHours(b.businessHours);
    return setSlaCalendar(db, authOf(request).orgId, { timeZone: b.timeZone, businessHours });
  });
}
