/**
 * The one place where errors become HTTP responses: RFC 9457 problem details
 * `{ type, title, status, detail, code, field? }`. Messages are written for the person who
 * sent the request; internal errors are logged and answered with a generic 500.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { KaikuError } from '../errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  field?: string;
}

const titles: Record<number, string> = {
  400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 409: 'Conflict',
  413: 'Payload too large', 415: 'Unsupported media type', 422: 'Unprocessable content', 429: 'Too many requests',
  500: 'Internal server error', 503: 'Service unavailable',
};

export function problem(status: number, code: string, detail: string, field?: string): Problem {
  return { type: `https://kaiku.dev/problems/${code}`, title: titles[status] ?? 'Error', status, detail, code, ...(field ? { field } : {}) };
}

/**
 * The columns of a foreign key (org_id, x) → (org_id, y) from the name Drizzle gives it:
 * `<table>_org_id_<x>_<referenced table>_org_id_<y>_fk` (x ends in _id or _code).
 */
function foreignKeyColumns(constraint: string | undefined): { referencing: string; referenced: string } | undefined {
  const match = /^\w+?_org_id_(\w+?_(?:id|code))_\w+_org_id_(\w+)_fk$/.exec(constraint ?? '');
  return match ? { referencing: match[1], referenced: match[2] } : undefined;
}

/** Postgres errors that bad input can cause, turned into 4xx naming the field. */
function fromDatabaseError(error: { code?: string; constraint?: string; detail?: string; column?: string; message?: string }): Problem | undefined {
  switch (error.code) {
    case '23503': {
      // foreign_key_violation: "Key (org_id, touchpoint_id)=(…) is not present in table "touchpoints"."
      // PostgreSQL leaves that detail out when the tables have row-level security (migration
      // 0023): then the key's name tells the column, and the message whether it was a delete.
      const stillReferenced = /is still referenced/.test(error.detail ?? '') || /^update or delete on table/.test(error.message ?? '');
      const named = foreignKeyColumns(error.constraint);
      const column = /\(org_id, (\w+)\)/.exec(error.detail ?? '')?.[1] ?? (named && (stillReferenced ? named.referenced : named.referencing)) ?? error.constraint ?? 'reference';
      const field = column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
      if (stillReferenced) {
        return problem(409, 'still_referenced', 'This item is still used by other records and cannot be deleted', field);
      }
      return problem(400, 'unknown_reference', `${field} does not refer to an existing item in this organisation`, field);
    }
    case '23505':
      return problem(409, 'duplicate', `An item with the same ${error.constraint ?? 'key'} already exists`);
    case '23514':
      return problem(400, 'constraint_violation', `The value breaks the rule ${error.constraint ?? ''}`.trim());
    case '22P02':
    case '22007':
    case '22008':
      return problem(400, 'invalid_value', 'A value has the wrong format');
    case '22021': // invalid byte sequence: a NUL character (\u0000) in text
    case '22P05': // untranslatable character: \u0000 inside JSON
      return problem(400, 'invalid_character', 'Text may not contain the NUL character (\\u0000)');
    default:
      return undefined;
  }
}

/** True when the database is unreachable: the client should retry later (503). */
export function isConnectionError(error: { code?: string; message?: string }): boolean {
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001', '08003'].includes(error.code ?? '')
    || /Connection terminated|connect ECONNREFUSED/.test(error.message ?? '');
}

export function toProblem(error: unknown): Problem {
  if (error instanceof KaikuError) return problem(error.status, error.code, error.message, error.field);
  const e = error as FastifyError & { constraint?: string; detail?: string };
  if (e.validation) {
    const first = e.validation[0];
    const path = (first?.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
    const missing = first?.params && 'missingProperty' in first.params ? String(first.params.missingProperty) : undefined;
    const extra = first?.params && 'additionalProperty' in first.params ? String(first.params.additionalProperty) : undefined;
    const field = [path, missing ?? extra].filter(Boolean).join('.') || e.validationContext || undefined;
    let detail: string;
    if (extra) detail = `Unknown field "${field}"`;
    else if (missing) detail = `"${field}" is required`;
    else if (first?.params && 'allowedValues' in first.params) {
      detail = `"${field}" must be one of: ${(first.params.allowedValues as unknown[]).join(', ')}`;
    } else detail = `"${field ?? e.validationContext}" ${first?.message ?? 'is invalid'}`;
    return problem(400, 'invalid_input', detail, field);
  }
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problem(413, 'body_too_large', 'The request body is larger than the server accepts');
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return problem(415, 'unsupported_media_type', 'Send the body as application/json');
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return problem(400, 'invalid_input', 'The JSON body is empty');
  if (e.statusCode === 400 && /JSON/.test(e.message)) return problem(400, 'invalid_json', `The body is not valid JSON: ${e.message}`);
  const db = fromDatabaseError(e);
  if (db) return db;
  if (isConnectionError(e)) return problem(503, 'database_unavailable', 'The database is not reachable right now; try again shortly');
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return problem(e.statusCode, e.code?.toLowerCase() ?? 'bad_request', e.message);
  }
  return problem(500, 'internal', 'Something went wrong on our side; the error has been logged');
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const body = toProblem(error);
  if (body.status >= 500) request.log.error({ err: error }, 'request failed');
  if (body.status === 503) reply.header('retry-after', '5');
  return reply.status(body.status).type('application/problem+json').send(body);
}
