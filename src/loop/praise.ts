/**
 * Praise (seed 004, rule 7: praise in the organisation): positive feedback tied to an employee
 * — by the response's employee, or by the customer naming them in an open answer — is routed
 * to them and their manager (src/loop/evaluate.ts, src/notifications/recipients.ts) and
 * collected on the praise wall: the customers' words with personal data redacted, newest first,
 * within the reader's data scope.
 */
import type { Queryable } from '../db/connection.ts';
import type { AuthContext } from '../auth/permissions.ts';
import { decodeCursor, encodeCursor } from '../http/schemas.ts';
import { redactPii } from '../text/redact.ts';
import { caseScope } from './cases.ts';

export interface NamedEmployee { id: string; name: string; unitId: string }

const fold = (text: string) => text.toLocaleLowerCase('fi').normalize('NFC');
const words = (text: string) => fold(text).split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);

/** Does `text` contain the words of `name` in a row? */
function mentions(textWords: string[], name: string): boolean {
  const nameWords = words(name);
  if (nameWords.length === 0) return false;
  for (let i = 0; i + nameWords.length <= textWords.length; i++) {
    if (nameWords.every((w, j) => textWords[i + j] === w || (j === nameWords.length - 1 && textWords[i + j].startsWith(w) && textWords[i + j].length - w.length <= 3))) return true;
  }
  return false;
}

/**
 * The one employee an open answer names: by full name, else by a first name only one employee
 * of the response's unit (or, without a unit, of the organisation) has. A trailing case ending
 * of up to three letters is allowed ("Eevalle", "Eevan"). Ambiguous or no mention: null.
 */
export function employeeNamedIn(text: string, employees: NamedEmployee[], unitId: string | null): string | null {
  const textWords = words(text);
  const full = employees.filter((e) => words(e.name).length > 1 && mentions(textWords, e.name));
  if (full.length === 1) return full[0].id;
  if (full.length > 1) return null;
  const pool = unitId && employees.some((e) => e.unitId === unitId) ? employees.filter((e) => e.unitId === unitId) : employees;
  const firstName = (e: NamedEmployee) => words(e.name)[0] ?? '';
  const named = pool.filter((e) => mentions(textWords, firstName(e)));
  if (named.length !== 1) return null;
  return pool.filter((e) => firstName(e) === firstName(named[0])).length === 1 ? named[0].id : null;
}

export interface PraiseQuery { unitId?: string; employeeId?: string; limit?: number; cursor?: string }

export interface PraiseItem {
  caseId: string;
  at: string;
  employee: string | null;
  unit: string | null;
  touchpoint: string | null;
  score: number | null;
  /** The customer's words, personal data redacted. */
  text: string | null;
}

/** The praise wall: praise cases in the caller's scope, newest first, with redacted verbatims. */
export async function praiseWall(db: Queryable, auth: AuthContext, q: PraiseQuery): Promise<{ items: PraiseItem[]; nextCursor: string | null }> {
  const params: unknown[] = [auth.orgId];
  const add = (v: unknown) => { params.push(v); return `$${params.length}`; };
  let where = caseScope(auth, params);
  if (q.employeeId) where += ` and c.employee_id = ${add(q.employeeId)}::uuid`;
  if (q.unitId) where += ` and coalesce(e.unit_id, c.unit_id) in (with recursive sub as (select id from units where org_id = $1 and id = ${add(q.unitId)}::uuid
      union all select u.id from units u join sub on u.parent_id = sub.id where u.org_id = $1) select id from sub)`;
  const cursor = decodeCursor(q.cursor);
  if (cursor) where += ` and (c.created_at, c.id) < (${add(cursor[0])}::timestamptz, ${add(cursor[1])}::uuid)`;
  const limit = q.limit ?? 50;
  const rows = await db.query<{ id: string; created_at: Date; employee: string | null; unit: string | null; touchpoint: string | null; score: number | null; text: string | null }>(
    `select c.id, c.created_at, e.name as employee, un.name as unit, t.name as touchpoint,
            (select a.number from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
              where a.org_id = c.org_id and a.response_id = c.response_id and q.type = 'nps' order by q.position limit 1) as score,
            (select string_agg(a.text, ' / ' order by q.position) from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
              where a.org_id = c.org_id and a.response_id = c.response_id and a.text is not null) as text
       from cases c
       left join employees e on e.org_id = c.org_id and e.id = c.employee_id
       left join units un on un.org_id = c.org_id and un.id = coalesce(e.unit_id, c.unit_id)
       left join touchpoints t on t.org_id = c.org_id and t.id = c.touchpoint_id
      where c.org_id = $1 and c.kind = 'praise'${where}
      order by c.created_at desc, c.id desc limit ${add(limit + 1)}`, params);
  const items = rows.slice(0, limit).map((r) => ({
    caseId: r.id, at: new Date(r.created_at).toISOString(), employee: r.employee, unit: r.unit, touchpoint: r.touchpoint, score: r.score,
    text: r.text === null ? null : redactPii(r.text),
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.at, last.caseId]) : null };
}
