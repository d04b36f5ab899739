import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { IdParams, PageQuery, strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { csvRecord, UTF8_BOM } from '../exports/cells.ts';
import { auditRequest } from '../audit/log.ts';
import { experienceFeatures } from './queries.ts';
import {
  atRiskAll, atRiskPage, churnModelReport, currentModelId, defaultTrainOptions, getChurnRun, requestChurnTraining,
} from './service.ts';

const TrainBody = Type.Object({
  target: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Operational data key of the churned flag (default "churned")' })),
  features: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
    minItems: 1, maxItems: 100, uniqueItems: true,
    description: `Experience features (${experienceFeatures.join(', ')}) or operational data keys; default every one that varies`,
  })),
  l2: Type.Optional(Type.Number({ minimum: 0, maximum: 1e6, description: 'Ridge penalty on standardised coefficients (default 1)' })),
  holdoutFraction: Type.Optional(Type.Number({ minimum: 0.05, maximum: 0.5, description: 'Share of labelled contacts held out for evaluation (default 0.2)' })),
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, description: 'Seed of the train/holdout split (default 1)' })),
}, strict);

const AtRiskQuery = Type.Object({
  ...PageQuery,
  minRisk: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Only contacts with at least this risk' })),
}, strict);

const ExportQuery = Type.Object({
  minRisk: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Only contacts with at least this risk' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'At most this many contacts, riskiest first' })),
}, strict);

export async function churnRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const tags = ['churn'];

  app.post<{ Body: Static<typeof TrainBody> }>('/api/v1/churn/models', {
    schema: {
      tags, body: TrainBody,
      description: 'Queues a churn-model training run (a background job): features from contacts\' answers and cases joined with their operational data, '
        + 'L2-regularised logistic regression on the contacts with a churn flag, evaluated on a seeded holdout; then every contact not known to have churned is scored. '
        + 'Answers 202 with the run; follow it at GET /api/v1/churn/models/{id}. One run at a time per organisation (409 otherwise).',
    },
    config: { permission: 'churn:train' },
  }, async (request, reply) => {
    const run = await requestChurnTraining(db, app.deps.jobs, authOf(request), { ...defaultTrainOptions, ...request.body });
    return reply.status(202).header('location', `/api/v1/churn/models/${run.id}`).send(run);
  });

  app.get<{ Params: Static<typeof IdParams> }>('/api/v1/churn/models/:id', {
    schema: { tags, params: IdParams, description: 'A training run: status (queued, running, done, failed), progress 0–100 and stage, or the error of a failed run.' },
    config: { permission: 'churn:read' },
  }, async (request) => getChurnRun(db, authOf(request).orgId, request.params.id));

  app.get('/api/v1/churn/model', {
    schema: {
      tags,
      description: 'The current churn model (the latest finished run): holdout AUC, Brier score, lift and calibration by risk decile, Hosmer–Lemeshow test, '
        + 'coefficients per standard deviation, features used and left out, warnings, and the latest run\'s status.',
    },
    config: { permission: 'churn:read' },
  }, async (request) => churnModelReport(db, authOf(request).orgId));

  app.get<{ Querystring: Static<typeof AtRiskQuery> }>('/api/v1/churn/at-risk', {
    schema: {
      tags, querystring: AtRiskQuery,
      description: 'Contacts not known to have churned, riskiest first, with their risk (0–1) and top reasons (features that raise the log-odds most against an average contact). '
        + 'Unit managers see the contacts who answered in their unit subtree.',
    },
    config: { permission: 'churn:read' },
  }, async (request) => {
    const { limit = 50, cursor, minRisk } = request.query;
    return atRiskPage(db, authOf(request), { limit, cursor, minRisk });
  });

  app.get<{ Querystring: Static<typeof ExportQuery> }>('/api/v1/churn/at-risk.csv', {
    schema: {
      tags, querystring: ExportQuery,
      description: 'The at-risk list for outreach as CSV (UTF-8 with BOM, formula-neutralised): contact_id, external_id, name, email, phone, segment, risk, reason_1…reason_3. Streamed; the caller\'s data scope applies.',
    },
    config: { permission: 'churn:read' },
  }, async (request, reply) => {
    const auth = authOf(request);
    await currentModelId(db, auth.orgId); // no model → 404 problem before the first byte
    // Names, e-mails and phone numbers leave the system: in the audit log (src/audit/).
    await auditRequest(db, request, auth, { action: 'export.download', target: { type: 'dataset', id: 'churn-at-risk' }, details: { format: 'csv', filters: request.query } });
    const body = new PassThrough();
    (async () => {
      body.write(UTF8_BOM + csvRecord(['contact_id', 'external_id', 'name', 'email', 'phone', 'segment', 'risk', 'reason_1', 'reason_2', 'reason_3']));
      for await (const rows of atRiskAll(db, auth, { minRisk: request.query.minRisk, max: request.query.limit })) {
        let chunk = '';
        for (const r of rows) {
          const reasons = r.reasons.map((reason) => `${reason.feature}${reason.value === null ? ' (missing)' : `=${reason.value}`}`);
          chunk += csvRecord([r.contactId, r.externalId, r.name, r.email, r.phone, r.segment, Number(r.risk.toFixed(4)), reasons[0] ?? null, reasons[1] ?? null, reasons[2] ?? null]);
        }
        if (!body.write(chunk)) await new Promise((resolve) => body.once('drain', resolve));
      }
      body.end();
    })().catch((error: unknown) => {
      request.log.error({ err: error }, 'churn export failed');
      body.destroy(error as Error);
    });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="churn-at-risk.csv"')
      .header('cache-control', 'no-store')
      .send(body);
  });
}
