/** Privacy API (admins only): erase a contact, export everything about one, the retention policy. */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { IdParams, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { auditRequest } from '../audit/log.ts';
import { eraseContact } from './erase.ts';
import { exportContact } from './export.ts';
import { MAX_MONTHS, getRetentionPolicy, setRetentionPolicy } from './retention.ts';

const EraseBody = Type.Object({
  confirm: Type.Literal('erase', { description: 'Must be "erase": erasing cannot be undone' }),
}, strict);

const Months = (what: string) => Type.Union([Type.Integer({ minimum: 1, maximum: MAX_MONTHS }), Type.Null()], { description: `${what}; null keeps them without limit` });
const RetentionBody = Type.Object({
  openTextMonths: Months('Open-text answers and imported feedback texts older than this many months are deleted (scores stay)'),
  responseMonths: Months('Responses older than this many months are deleted'),
  inactiveContactMonths: Months('Contacts with no response, event, invitation or change for this many months are erased'),
}, strict);

export async function privacyRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const now = () => app.deps.now?.() ?? new Date();
  const tags = ['privacy'];
  const config = { permission: 'privacy:manage' as const };

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof EraseBody> }>('/api/v1/contacts/:id/erase', {
    schema: {
      tags, params: IdParams, body: EraseBody,
      description: 'Erases the contact: personal data deleted, answers kept anonymously so every aggregate stays right. Irreversible. '
        + 'Erasing again answers 200 with status "already_erased"; an id this organisation never had is 404.',
    },
    config,
  }, async (request) => {
    const auth = authOf(request);
    return eraseContact(db, auth.orgId, request.params.id, { actor: { userId: auth.userId, apiKeyId: auth.apiKeyId }, ip: request.ip, now: now() });
  });

  app.get<{ Params: Static<typeof IdParams> }>('/api/v1/contacts/:id/export', {
    schema: { tags, params: IdParams, description: 'Everything held about the contact as one JSON document (the data subject\'s copy); audited.' },
    config,
  }, async (request, reply) => {
    const auth = authOf(request);
    const document = await exportContact(db, auth.orgId, request.params.id, now());
    await auditRequest(db, request, auth, { action: 'contact.export', target: { type: 'contact', id: request.params.id } });
    return reply.header('content-disposition', `attachment; filename="contact-${request.params.id}.json"`).send(document);
  });

  app.get('/api/v1/privacy/retention', {
    schema: { tags, description: 'How long personal data is kept, and what the last daily run deleted.' }, config,
  }, async (request) => getRetentionPolicy(db, authOf(request).orgId));

  app.put<{ Body: Static<typeof RetentionBody> }>('/api/v1/privacy/retention', {
    schema: { tags, body: RetentionBody, description: 'Sets the retention policy; the daily job applies it (audited).' }, config,
  }, async (request) => {
    const auth = authOf(request);
    return setRetentionPolicy(db, auth.orgId, request.body, { actor: { userId: auth.userId, apiKeyId: auth.apiKeyId }, ip: request.ip });
  });
}
