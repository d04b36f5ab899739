/**
 * Errors are values: a stable machine code, an HTTP status and a message written for the
 * person who made the request. `field` names the offending input when there is one.
 * src/http/problem.ts is the one place that turns them into RFC 9457 problem details;
 * the CLI prints `message` and exits non-zero.
 */
export class KaikuError extends Error {
  readonly code: string;
  readonly status: number;
  readonly field?: string;

  constructor(code: string, message: string, options: { status?: number; field?: string } = {}) {
    super(message);
    this.name = 'KaikuError';
    this.code = code;
    this.status = options.status ?? 400;
    this.field = options.field;
  }
}

export const badInput = (message: string, field?: string) =>
  new KaikuError('invalid_input', message, { status: 400, field });

export const notFound = (what: string, field?: string) =>
  new KaikuError('not_found', `${what} not found`, { status: 404, field });

export const forbidden = (message = 'You do not have permission to do this') =>
  new KaikuError('forbidden', message, { status: 403 });

export const conflict = (message: string, field?: string) =>
  new KaikuError('conflict', message, { status: 409, field });
