import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { IdParams, literals, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { uiLanguages } from '../i18n/index.ts';
import { getOrganization } from '../orgs/service.ts';
import { loadBoardReport, previousMonth } from './board.ts';
import { renderBoardReport, reportCsp } from './render.ts';
import { printPdf } from './pdf.ts';
import { createSchedule, deleteSchedule, listSchedules, reportLanguage, updateSchedule } from './schedule.ts';

const ReportQuery = Type.Object({
  month: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM; default: the previous month in the organisation\'s time zone' })),
  format: Type.Optional(literals(['html', 'pdf', 'json'] as const)),
  lang: Type.Optional(literals(uiLanguages)),
}, strict);
const ScheduleBody = Type.Object({
  recipients: Type.Array(Type.String({ minLength: 3, maxLength: 320 }), { minItems: 1, maxItems: 50, uniqueItems: true }),
  language: Type.Optional(literals(uiLanguages)),
  dayOfMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 28 })),
  hour: Type.Optional(Type.Integer({ minimum: 0, maximum: 23 })),
  enabled: Type.Optional(Type.Boolean()),
}, strict);

export async function reportRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;
  const now = () => (app.deps.now ?? (() => new Date()))();
  const tags = ['reports'];

  app.get<{ Querystring: Static<typeof ReportQuery> }>('/api/v1/reports/board', {
    schema: { tags, querystring: ReportQuery, description: 'The board report of one month as HTML (default), PDF or the JSON behind them.' },
    config: { permission: 'reports:read' },
    // After the server-wide security headers: the HTML report may use its own inline stylesheet.
    onSend: async (_request, reply, payload) => {
      if (String(reply.getHeader('content-type')).startsWith('text/html')) reply.header('content-security-policy', reportCsp);
      return payload;
    },
  }, async (request, reply) => {
    const orgId = authOf(request).orgId;
    const org = await getOrganization(db, orgId);
    const month = request.query.month ?? previousMonth(now(), org.timeZone);
    const report = await loadBoardReport(db, orgId, month, now());
    if (request.query.format === 'json') return report;
    const documentHtml = renderBoardReport(report, reportLanguage(request.query.lang ?? org.defaultLanguage));
    reply.header('cache-control', 'private, no-store');
    if (request.query.format === 'pdf') {
      const pdf = await printPdf(documentHtml, config.chromiumPath);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="board-report-${month}.pdf"`).send(pdf);
    }
    return reply.type('text/html; charset=utf-8').send(documentHtml);
  });

  const manage = { permission: 'reports:manage' as const };
  app.get('/api/v1/reports/board/schedules', { schema: { tags }, config: manage }, async (request) => ({ items: await listSchedules(db, authOf(request).orgId) }));

  app.post<{ Body: Static<typeof ScheduleBody> }>('/api/v1/reports/board/schedules', {
    schema: { tags, body: ScheduleBody, description: 'E-mails the previous month\'s report (PDF attached) on dayOfMonth at hour, in the organisation\'s time zone.' },
    config: manage,
  }, async (request, reply) => reply.status(201).send(await createSchedule(db, authOf(request).orgId, request.body)));

  app.patch<{ Params: Static<typeof IdParams>; Body: Partial<Static<typeof ScheduleBody>> }>('/api/v1/reports/board/schedules/:id', {
    schema: { tags, params: IdParams, body: Type.Partial(ScheduleBody, { ...strict, minProperties: 1 }) }, config: manage,
  }, async (request) => updateSchedule(db, authOf(request).orgId, request.params.id, request.body));

  app.delete<{ Params: Static<typeof IdParams> }>('/api/v1/reports/board/schedules/:id', { schema: { tags, params: IdParams }, config: manage }, async (request, reply) => {
    await deleteSchedule(db, authOf(request).orgId, request.params.id);
    return reply.status(204).send();
  });
}
