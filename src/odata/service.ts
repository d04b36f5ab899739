/** One page of an entity set for a caller: SQL-backed sets in the database, computed sets in memory. */
import type { Queryable } from '../db/connection.ts';
import type { AuthContext } from '../auth/permissions.ts';
import type { EntitySet, Property } from './entities.ts';
import { metricRows } from './metrics.ts';
import { compareValues, filterSql, matches, type PageToken, type QueryOptions, type Value } from './query.ts';

export interface Page {
  rows: Array<Record<string, unknown>>;
  count?: number;
  next?: PageToken;
}

/** How many rows this page may hold: the page size, or what is left of $top. */
function pageLimit(options: QueryOptions, pageSize: number): number {
  const returned = options.token?.returned ?? 0;
  return Math.max(0, Math.min(pageSize, options.top === undefined ? pageSize : options.top - returned));
}

function nextToken(options: QueryOptions, shown: number, more: boolean, position: Omit<PageToken, 'returned' | 'count'>, count: number | undefined): PageToken | undefined {
  const returned = (options.token?.returned ?? 0) + shown;
  if (!more || (options.top !== undefined && returned >= options.top)) return undefined;
  return { returned, ...position, ...(count !== undefined ? { count } : {}) };
}

export async function queryEntitySet(db: Queryable, auth: AuthContext, set: EntitySet, options: QueryOptions, pageSize: number): Promise<Page> {
  const byName = new Map(set.properties.map((prop) => [prop.name, prop]));
  const selected = options.select ?? set.properties;
  const limit = pageLimit(options, pageSize);
  if (!set.sql) {
    const all = (await metricRows(db, auth, options.filter)).filter((row) => !options.filter || matches(options.filter, row, byName));
    const order = [...options.orderBy, ...set.key.map((k) => ({ property: byName.get(k) as Property, desc: false }))];
    all.sort((a, b) => {
      for (const o of order) {
        const c = compareValues(a[o.property.name], b[o.property.name]);
        if (c !== 0) return o.desc ? -c : c;
      }
      return 0;
    });
    const offset = options.token?.offset ?? options.skip;
    const rows = all.slice(offset, offset + limit).map((row) => Object.fromEntries(selected.map((prop) => [prop.name, row[prop.name] ?? null])));
    const count = options.count ? all.length : undefined;
    return { rows, count, next: nextToken(options, rows.length, offset + limit < all.length, { offset: offset + rows.length }, count) };
  }

  const source = set.sql;
  const params: unknown[] = [auth.orgId];
  const where = source.where(auth, params);
  if (options.filter) where.push(filterSql(options.filter, byName, params));
  const countParams = [...params];
  const countWhere = [...where];

  const keyset = options.orderBy.length === 0;
  const keys = source.defaultOrder;
  let offset = options.token?.offset ?? options.skip;
  if (keyset && options.token?.after) {
    const after = options.token.after;
    if (after.length !== keys.length) throw new Error('page token does not match the entity set');
    const at = after.map((value, i) => { params.push(value); return `$${params.length}::${keys[i].cast}`; });
    // The first-column bound lets an index on it start at the page; the row comparison breaks ties.
    where.push(`${keys[0].sql} >= ${at[0]}`, `(${keys.map((k) => k.sql).join(', ')}) > (${at.join(', ')})`);
    offset = 0;
  }
  const orderSql = keyset ? keys.map((k) => k.sql)
    : [...options.orderBy.map((o) => `${o.property.sql} ${o.desc ? 'desc' : 'asc'}`), ...keys.map((k) => k.sql)];
  const columns = [
    ...selected.map((prop) => `${prop.sql} as "${prop.name}"`),
    ...(keyset ? keys.map((k, i) => `${k.sql}::text as "_k${i}"`) : []),
  ];
  params.push(limit + 1, offset);
  const found = limit === 0 ? [] : await db.query<Record<string, unknown>>(
    `select ${columns.join(', ')} from ${source.from} where ${where.join(' and ')}
      order by ${orderSql.join(', ')} limit $${params.length - 1} offset $${params.length}`, params);
  const more = found.length > limit;
  const rows = found.slice(0, limit);
  const last = rows[rows.length - 1];
  const position = keyset && last ? { after: keys.map((_, i) => String(last[`_k${i}`])) } : { offset: offset + rows.length };
  if (keyset) for (const row of rows) keys.forEach((_, i) => { delete row[`_k${i}`]; });
  for (const prop of selected) {
    if (!prop.present) continue;
    for (const row of rows) if (typeof row[prop.name] === 'string') row[prop.name] = prop.present(row[prop.name] as string);
  }
  let count = options.count ? options.token?.count : undefined;
  if (options.count && count === undefined) {
    count = (await db.query<{ n: number }>(`select count(*)::int as n from ${source.from} where ${countWhere.join(' and ')}`, countParams))[0].n;
  }
  return { rows, count, next: nextToken(options, rows.length, more, position, count) };
}
