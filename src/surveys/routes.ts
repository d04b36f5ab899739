import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { IdParams, Language, Uuid, strict, literals } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { channels } from '../journeys/service.ts';
import { SurveyInput } from './schema.ts';
import { createSurvey, deleteSurvey, getSurvey, listSurveys, replaceSurvey } from './service.ts';
import { createInvitation } from './invitations.ts';

const InvitationBody = Type.Object({
  contactId: Type.Optional(Uuid),
  touchpointId: Type.Optional(Uuid),
  unitId: Type.Optional(Uuid),
  employeeId: Type.Optional(Uuid),
  channel: Type.Optional(literals(channels)),
  language: Type.Optional(Language),
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
}, strict);

export async function surveyRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;
  const tags = ['surveys'];

  app.get('/api/v1/surveys', { schema: { tags }, config: { permission: 'surveys:read' } }, async (request) => ({
    items: await listSurveys(db, authOf(request).orgId),
  }));

  app.get<{ Params: Static<typeof IdParams> }>('/api/v1/surveys/:id', { schema: { tags, params: IdParams }, config: { permission: 'surveys:read' } },
    async (request) => ({ ...(await getSurvey(db, authOf(request).orgId, request.params.id, { fresh: true })), url: `${config.publicUrl}/s/${request.params.id}` }));

  app.post<{ Body: Static<typeof SurveyInput> }>('/api/v1/surveys', {
    schema: { tags, body: SurveyInput, description: 'Creates a survey. An nps question gets an open "why" follow-up (key <key>_why) unless why is false.' },
    config: { permission: 'surveys:write' },
  }, async (request, reply) => reply.status(201).send(await createSurvey(db, authOf(request).orgId, request.body)));

  app.put<{ Params: Static<typeof IdParams>; Body: Static<typeof SurveyInput> }>('/api/v1/surveys/:id', {
    schema: { tags, params: IdParams, body: SurveyInput, description: 'Replaces the definition; questions are matched by key so answered ones keep their history.' },
    config: { permission: 'surveys:write' },
  }, async (request) => replaceSurvey(db, authOf(request).orgId, request.params.id, request.body));

  app.delete<{ Params: Static<typeof IdParams> }>('/api/v1/surveys/:id', { schema: { tags, params: IdParams }, config: { permission: 'surveys:write' } },
    async (request, reply) => {
      await deleteSurvey(db, authOf(request).orgId, request.params.id);
      return reply.status(204).send();
    });

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof InvitationBody> }>('/api/v1/surveys/:id/invitations', {
    schema: { tags, params: IdParams, body: InvitationBody, description: 'Creates a personal answer link (one response per token).' },
    config: { permission: 'responses:write' },
  }, async (request, reply) => {
    const invitation = await createInvitation(db, authOf(request).orgId, request.params.id, request.body);
    return reply.status(201).send({ ...invitation, url: `${config.publicUrl}/r/${invitation.token}` });
  });
}
