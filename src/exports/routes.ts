import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { strict } from '../http/schemas.ts';
import { authOf } from '../auth/plugin.ts';
import { contentTypes, formats } from './formats.ts';
import { datasets } from './queries.ts';
import { exportFileName, exportTable, validateExport, type ExportRequest } from './service.ts';
import { exportInWorker, type ExportIsolation } from './isolated.ts';
import { filterFields } from '../metrics/filters.ts';
import { auditRequest } from '../audit/log.ts';
import { allows } from '../auth/permissions.ts';
import { forbidden } from '../errors.ts';

// The metrics API's filters (src/metrics/filters.ts), so an export holds exactly the rows a
// report with the same filters counts.
const ExportQuery = Type.Object({
  ...filterFields,
  questionId: Type.Optional(Type.String({ format: 'uuid', description: 'Answers exports only' })),
  rawText: Type.Optional(Type.Boolean({ description: 'Open answers as stored instead of PII-redacted (admins only; recorded in the audit log)' })),
}, strict);

const descriptions = {
  answers: 'One row per answer: response_id, submitted_at, survey_id, question_key, question_type, number, choice, choices (joined by "|"), text, dont_know, '
    + 'touchpoint_id, channel, unit_id, employee_id, contact_id, segment, language, source, is_resurvey (true for answers to the "is it solved?" re-survey after a case, which metrics leave out).',
  responses: 'One row per response in wide form: the response context (ending with is_resurvey, true for the "is it solved?" re-survey after a case, which metrics leave out), '
    + 'then one column per question key (and <key>_dont_know where "don\'t know" is offered).',
};
const formatNotes = {
  csv: 'RFC 4180, CRLF, UTF-8 with a byte order mark (Excel). Text cells starting with = + - @ tab or CR get a leading apostrophe (formula-injection neutralisation).',
  xlsx: 'Streaming XLSX; numbers and dates typed; text neutralised like the CSV; a new sheet every 1,048,575 rows.',
  parquet: 'Parquet with Snappy: DOUBLE scores, BOOLEAN don\'t-know, TIMESTAMP_MILLIS (UTC) times, UTF-8 text as stored.',
};

export async function exportRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;
  // On PostgreSQL each export runs in a worker thread with a heap of its own (src/exports/isolated.ts);
  // PGlite lives in this thread, so its exports do too. KAIKU_EXPORT_HEAP_MB=0 keeps them here.
  const isolation: ExportIsolation | undefined = config.databaseUrl && db.kind === 'postgres' && config.exportHeapMb > 0
    ? { databaseUrl: config.databaseUrl, heapMb: config.exportHeapMb, maxWorkers: Math.max(1, config.exportWorkers) }
    : undefined;
  for (const dataset of datasets) {
    for (const format of formats) {
      app.get<{ Querystring: Static<typeof ExportQuery> }>(`/api/v1/exports/${dataset}.${format}`, {
        schema: {
          tags: ['exports'], querystring: ExportQuery,
          description: `${descriptions[dataset]} ${formatNotes[format]} Streamed; the caller's data scope applies; contacts by id only; `
            + 'open answers PII-redacted (e-mail, phone, henkilötunnus, IBAN, card) unless an admin asks for rawText.',
        },
        config: { permission: 'exports:read' },
      }, async (request, reply) => {
        const auth = authOf(request);
        const { rawText, ...filters } = request.query;
        if (rawText && !allows(auth, 'org:manage')) throw forbidden('Only admins may export open answers without PII redaction (rawText)');
        const exportRequest: ExportRequest = { orgId: auth.orgId, scope: auth.scope, dataset, format, filters, rawText };
        // Everything that can be refused is checked before the first byte, so refusals are problem details.
        await validateExport(db, exportRequest);
        await auditRequest(db, request, auth, { action: 'export.download', target: { type: 'dataset', id: dataset }, details: { format, filters, rawText: rawText ?? false } });
        const body = new PassThrough();
        (isolation ? exportInWorker(isolation, exportRequest, body) : exportTable(db, exportRequest, body)).catch((error: unknown) => {
          // Headers are gone: the only honest signal left is a broken download.
          request.log.error({ err: error, dataset, format }, 'export failed');
          body.destroy(error as Error);
        });
        return reply
          .header('content-type', contentTypes[format])
          .header('content-disposition', `attachment; filename="${exportFileName(dataset, format)}"`)
          .header('cache-control', 'no-store')
          .send(body);
      });
    }
  }
}
