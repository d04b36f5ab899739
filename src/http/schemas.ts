/** Schema pieces shared by the domains' routes (TypeBox → JSON Schema → validation and OpenAPI). */
import { Type, type TSchema, type TUnsafe } from '@sinclair/typebox';
import { badInput } from '../errors.ts';

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const Language = Type.String({ pattern: '^[a-z]{2}$', description: 'ISO 639-1 code, e.g. fi, sv, en, pl' });
/** Texts per language: { "fi": "…", "en": "…" }. */
export const LocalizedText = Type.Record(Type.String({ pattern: '^[a-z]{2}$' }), Type.String({ minLength: 1, maxLength: 2000 }));

export const ProblemSchema = Type.Object({
  type: Type.String(), title: Type.String(), status: Type.Integer(), detail: Type.String(), code: Type.String(), field: Type.Optional(Type.String()),
});

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'Opaque cursor from the previous page\'s nextCursor' })),
};

export const page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const strict = { additionalProperties: false } as const;

/** Cursor = base64url of the last row's sort key; opaque to clients. */
export const encodeCursor = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
export function decodeCursor(cursor: string | undefined): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts)) return parts;
  } catch { /* fall through to the error below */ }
  throw Object.assign(new Error('cursor is not valid'), { statusCode: 400, code: 'INVALID_CURSOR' });
}

/**
 * A string enum, typed as the union of its literals. Emitted as JSON Schema `enum` (not anyOf
 * of consts), so a wrong value is answered with the list of allowed ones.
 */
export function literals<const T extends readonly string[]>(values: T): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
}

/** A comma-separated query parameter as trimmed items: undefined when absent, a 400 naming it when it lists nothing. */
export function commaList(raw: string | undefined, field: string, hint: string): string[] | undefined {
  if (raw === undefined) return undefined;
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw badInput(`${field} lists nothing; ${hint}`, field);
  return items;
}
