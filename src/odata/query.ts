/**
 * OData system query options ($filter, $select, $orderby, $top, $skip, $count, $skiptoken)
 * for one entity set: validated into `QueryOptions`, then compiled to parameterised SQL or
 * applied to computed rows in memory. Values never enter SQL text, only `$n` parameters.
 *
 * Server-driven paging: without $orderby, pages continue after the last row's default-order
 * key (keyset), so deep pages cost the same as the first; with $orderby, by offset.
 */
import { KaikuError } from '../errors.ts';
import { comparisons, FilterError, parseFilter, type FilterNode, type Literal } from './filter.ts';
import type { EntitySet, Property } from './entities.ts';
import { UUID } from '../vocabulary.ts';

export interface OrderBy { property: Property; desc: boolean }

/**
 * Where the next page starts: rows already returned, and the last row's key or the offset.
 * `count` carries the first page's $count, so later pages do not count the whole result again.
 */
export interface PageToken { returned: number; after?: string[]; offset?: number; count?: number }

export interface QueryOptions {
  filter?: FilterNode;
  select?: Property[];
  orderBy: OrderBy[];
  top?: number;
  skip: number;
  count: boolean;
  token?: PageToken;
}

export const oDataError = (message: string, field?: string) => new KaikuError('odata_query', message, { status: 400, field });

const SUPPORTED = new Set(['$filter', '$select', '$orderby', '$top', '$skip', '$count', '$skiptoken', '$format']);

function nonNegativeInteger(value: string, option: string): number {
  if (!/^\d{1,9}$/.test(value)) throw oDataError(`${option} must be a non-negative integer`, option);
  return Number(value);
}

export function encodeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeToken(text: string): PageToken {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as PageToken;
    const valid = Number.isInteger(token.returned) && token.returned >= 0
      && (token.after === undefined || (Array.isArray(token.after) && token.after.every((v) => typeof v === 'string')))
      && (token.offset === undefined || (Number.isInteger(token.offset) && token.offset >= 0))
      && (token.count === undefined || (Number.isInteger(token.count) && token.count >= 0));
    if (valid) return token;
  } catch { /* reported below */ }
  throw oDataError('$skiptoken is not one this service issued; follow @odata.nextLink as given', '$skiptoken');
}

export function parseQueryOptions(set: EntitySet, query: Record<string, string | string[] | undefined>): QueryOptions {
  const byName = new Map(set.properties.map((prop) => [prop.name, prop]));
  const single = (name: string): string | undefined => {
    const value = query[name];
    if (Array.isArray(value)) throw oDataError(`${name} is given more than once`, name);
    return value;
  };
  for (const name of Object.keys(query)) {
    if (name.startsWith('$') && !SUPPORTED.has(name)) {
      throw oDataError(`${name} is not supported; this service supports ${[...SUPPORTED].join(', ')}`, name);
    }
  }
  const format = single('$format');
  if (format !== undefined && format !== 'json' && !format.startsWith('application/json')) throw oDataError('$format must be json', '$format');

  let filter: FilterNode | undefined;
  const filterText = single('$filter');
  if (filterText !== undefined) {
    try {
      filter = parseFilter(filterText, new Set(byName.keys()));
    } catch (error) {
      if (error instanceof FilterError) throw oDataError(`$filter: ${error.message}`, '$filter');
      throw error;
    }
    for (const c of comparisons(filter)) {
      const prop = byName.get(c.property) as Property;
      if (prop.present) throw oDataError(`$filter: ${prop.name} cannot be filtered on`, '$filter');
      checkComparison(prop, c.op, c.literal);
    }
  }

  const property = (name: string, option: string) => {
    const prop = byName.get(name);
    if (!prop) throw oDataError(`${option}: unknown property "${name}" of ${set.name}`, option);
    return prop;
  };
  const selectText = single('$select');
  const select = selectText === undefined || selectText.trim() === '*' ? undefined
    : [...new Set(selectText.split(',').map((s) => s.trim()))].map((name) => property(name, '$select'));

  const orderBy: OrderBy[] = [];
  const orderText = single('$orderby');
  if (orderText !== undefined) {
    for (const part of orderText.split(',')) {
      const m = /^\s*([A-Za-z_]\w*)(?:\s+(asc|desc))?\s*$/.exec(part);
      if (!m) throw oDataError(`$orderby: "${part.trim()}" is not "Property [asc|desc]"`, '$orderby');
      const prop = property(m[1], '$orderby');
      if (prop.type.startsWith('Collection') || prop.present) throw oDataError(`$orderby: ${prop.name} cannot be ordered by`, '$orderby');
      orderBy.push({ property: prop, desc: m[2] === 'desc' });
    }
  }

  const topText = single('$top');
  const skipText = single('$skip');
  const countText = single('$count');
  if (countText !== undefined && countText !== 'true' && countText !== 'false') throw oDataError('$count must be true or false', '$count');
  const tokenText = single('$skiptoken');
  return {
    filter,
    select,
    orderBy,
    top: topText === undefined ? undefined : nonNegativeInteger(topText, '$top'),
    skip: skipText === undefined ? 0 : nonNegativeInteger(skipText, '$skip'),
    count: countText === 'true',
    token: tokenText === undefined ? undefined : decodeToken(tokenText),
  };
}


/** The literal's value as the property's type, or a 400 saying what was expected. */
function literalValue(prop: Property, literal: Literal): string | number | boolean | null {
  const wrong = (expected: string) => oDataError(`$filter: ${prop.name} is ${prop.type}; compare it with ${expected}`, '$filter');
  if (literal.kind === 'null') {
    if (!prop.nullable) throw oDataError(`$filter: ${prop.name} is never null`, '$filter');
    return null;
  }
  switch (prop.type) {
    case 'Edm.Guid':
      if (literal.kind === 'guid') return literal.value;
      if (literal.kind === 'string' && UUID.test(literal.value)) return literal.value.toLowerCase();
      throw wrong('a GUID such as 0190a5c2-7a3e-7000-8000-000000000000');
    case 'Edm.String':
      if (literal.kind === 'string') return literal.value;
      throw wrong("a string in single quotes, e.g. 'web'");
    case 'Edm.DateTimeOffset':
      if (literal.kind === 'dateTime') return new Date(literal.value).toISOString();
      if (literal.kind === 'date') return `${literal.value}T00:00:00.000Z`;
      throw wrong('a date-time such as 2026-03-01T00:00:00Z');
    case 'Edm.Date':
      if (literal.kind === 'date') return literal.value;
      throw wrong('a date such as 2026-03-01');
    case 'Edm.Double':
    case 'Edm.Int32':
      if (literal.kind === 'number') return literal.value;
      throw wrong('a number');
    case 'Edm.Boolean':
      if (literal.kind === 'boolean') return literal.value;
      throw wrong('true or false');
    case 'Collection(Edm.String)':
      throw oDataError(`$filter: ${prop.name} is a collection and cannot be compared`, '$filter');
  }
}

function checkComparison(prop: Property, op: string, literal: Literal): void {
  const value = literalValue(prop, literal);
  if (value === null && op !== 'eq' && op !== 'ne') throw oDataError(`$filter: null can only be compared with eq or ne (${prop.name} ${op} null)`, '$filter');
  if ((prop.type === 'Edm.Guid' || prop.type === 'Edm.Boolean') && op !== 'eq' && op !== 'ne') {
    throw oDataError(`$filter: ${prop.name} can only be compared with eq or ne`, '$filter');
  }
}

const sqlCast: Partial<Record<Property['type'], string>> = {
  'Edm.Guid': '::uuid', 'Edm.DateTimeOffset': '::timestamptz', 'Edm.Date': '::date', 'Edm.Double': '::float8', 'Edm.Int32': '::float8', 'Edm.Boolean': '::boolean',
};
const sqlOperator = { eq: '=', gt: '>', ge: '>=', lt: '<', le: '<=' } as const;

/**
 * The filter as a SQL condition. OData comparisons are two-valued (null ne 'x' is true), so
 * ne is `is distinct from` and not is `is not true`; the positive comparisons stay plain so
 * indexes serve them.
 */
export function filterSql(node: FilterNode, byName: Map<string, Property>, params: unknown[]): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${filterSql(node.left, byName, params)} ${node.kind} ${filterSql(node.right, byName, params)})`;
    case 'not':
      return `((${filterSql(node.operand, byName, params)}) is not true)`;
    case 'compare': {
      const prop = byName.get(node.property) as Property;
      const value = literalValue(prop, node.literal);
      if (value === null) return `(${prop.sql} is ${node.op === 'eq' ? '' : 'not '}null)`;
      params.push(value);
      const param = `$${params.length}${sqlCast[prop.type] ?? ''}`;
      return node.op === 'ne' ? `(${prop.sql} is distinct from ${param})` : `(${prop.sql} ${sqlOperator[node.op]} ${param})`;
    }
  }
}

export type Value = string | number | boolean | null | string[];

/** The same semantics as filterSql, for computed rows. */
export function matches(node: FilterNode, row: Record<string, Value>, byName: Map<string, Property>): boolean {
  switch (node.kind) {
    case 'and': return matches(node.left, row, byName) && matches(node.right, row, byName);
    case 'or': return matches(node.left, row, byName) || matches(node.right, row, byName);
    case 'not': return !matches(node.operand, row, byName);
    case 'compare': {
      const prop = byName.get(node.property) as Property;
      const wanted = literalValue(prop, node.literal);
      const actual = row[prop.name] ?? null;
      if (node.op === 'eq') return actual === wanted;
      if (node.op === 'ne') return actual !== wanted;
      if (actual === null || wanted === null) return false;
      const order = compareValues(actual, wanted);
      return node.op === 'gt' ? order > 0 : node.op === 'ge' ? order >= 0 : node.op === 'lt' ? order < 0 : order <= 0;
    }
  }
}

/** Nulls sort last ascending, as PostgreSQL orders them. */
export function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}
