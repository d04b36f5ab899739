/**
 * The subset of OData v4 `$filter` that Power BI and Excel fold into a query: comparisons
 * (eq ne gt ge lt le) of a property with a literal, combined with and / or / not and
 * parentheses. A small recursive-descent parser over a tokenizer; anything outside the
 * subset is a `FilterError` naming the position, which the routes answer with 400.
 *
 * Literals: 'text' (quotes doubled inside), numbers, true / false / null, GUIDs, dates
 * (2026-03-01) and date-times with an offset (2026-03-01T00:00:00Z), as OData writes them.
 */

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'guid'; value: string }
  | { kind: 'date'; value: string }
  | { kind: 'dateTime'; value: string };

export const comparisonOperators = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;
export type ComparisonOperator = (typeof comparisonOperators)[number];

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: ComparisonOperator; property: string; literal: Literal };

export class FilterError extends Error {}

type Token =
  | { type: 'word'; text: string; at: number }
  | { type: 'literal'; literal: Literal; at: number }
  | { type: '(' | ')' | ','; at: number };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\d:T])/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?(?![\w-])/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Date.parse rolls 2026-02-30 over into March; a filter date must name a day that exists. */
function realDate(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) { i += space[0].length; continue; }
    const ch = text[i];
    if (ch === '(' || ch === ')' || ch === ',') { tokens.push({ type: ch, at: i }); i++; continue; }
    if (ch === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new FilterError(`Unterminated string starting at position ${i + 1}`);
        if (text[j] === "'") {
          if (text[j + 1] === "'") { value += "'"; j += 2; continue; }
          break;
        }
        value += text[j++];
      }
      tokens.push({ type: 'literal', literal: { kind: 'string', value }, at: i });
      i = j + 1;
      continue;
    }
    // Order matters: a GUID or date starts with digits that NUMBER would also accept.
    const guid = GUID.exec(rest);
    if (guid && !/[\w-]/.test(rest[guid[0].length] ?? '')) {
      tokens.push({ type: 'literal', literal: { kind: 'guid', value: guid[0].toLowerCase() }, at: i });
      i += guid[0].length;
      continue;
    }
    const dateTime = DATE_TIME.exec(rest);
    if (dateTime) {
      if (!realDate(dateTime[0]) || Number.isNaN(Date.parse(dateTime[0]))) throw new FilterError(`"${dateTime[0]}" at position ${i + 1} is not a valid date-time`);
      tokens.push({ type: 'literal', literal: { kind: 'dateTime', value: dateTime[0] }, at: i });
      i += dateTime[0].length;
      continue;
    }
    const date = DATE.exec(rest);
    if (date) {
      if (!realDate(date[0])) throw new FilterError(`"${date[0]}" at position ${i + 1} is not a valid date`);
      tokens.push({ type: 'literal', literal: { kind: 'date', value: date[0] }, at: i });
      i += date[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ type: 'literal', literal: { kind: 'number', value: Number(number[0]) }, at: i });
      i += number[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      const w = word[0];
      if (w === 'true' || w === 'false') tokens.push({ type: 'literal', literal: { kind: 'boolean', value: w === 'true' }, at: i });
      else if (w === 'null') tokens.push({ type: 'literal', literal: { kind: 'null' }, at: i });
      else tokens.push({ type: 'word', text: w, at: i });
      i += w.length;
      continue;
    }
    throw new FilterError(`Unexpected character "${ch}" at position ${i + 1}`);
  }
  return tokens;
}

const flipped: Record<ComparisonOperator, ComparisonOperator> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' };

/** Parses a `$filter` expression; `properties` are the names the entity set allows. */
export function parseFilter(text: string, properties: ReadonlySet<string>): FilterNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const where = (t: Token | undefined) => (t ? `at position ${t.at + 1}` : 'at the end');
  const isWord = (t: Token | undefined, w: string): boolean => t?.type === 'word' && t.text === w;

  const orExpr = (): FilterNode => {
    let left = andExpr();
    while (isWord(peek(), 'or')) { pos++; left = { kind: 'or', left, right: andExpr() }; }
    return left;
  };
  const andExpr = (): FilterNode => {
    let left = unary();
    while (isWord(peek(), 'and')) { pos++; left = { kind: 'and', left, right: unary() }; }
    return left;
  };
  const unary = (): FilterNode => {
    if (isWord(peek(), 'not')) { pos++; return { kind: 'not', operand: unary() }; }
    if (peek()?.type === '(') {
      pos++;
      const inner = orExpr();
      if (peek()?.type !== ')') throw new FilterError(`Expected ")" ${where(peek())}`);
      pos++;
      return inner;
    }
    return comparison();
  };
  const operand = (): { property: string } | { literal: Literal } => {
    const t = peek();
    if (!t) throw new FilterError('The filter ends where a property or value was expected');
    if (t.type === 'literal') { pos++; return { literal: t.literal }; }
    if (t.type === 'word') {
      if (tokens[pos + 1]?.type === '(') throw new FilterError(`The function ${t.text}() is not supported; use eq, ne, gt, ge, lt, le with and, or, not`);
      if (!properties.has(t.text)) throw new FilterError(`Unknown property "${t.text}" ${where(t)}`);
      pos++;
      return { property: t.text };
    }
    throw new FilterError(`Unexpected "${t.type}" ${where(t)}`);
  };
  const comparison = (): FilterNode => {
    const left = operand();
    const opToken = peek();
    if (opToken?.type !== 'word' || !(comparisonOperators as readonly string[]).includes(opToken.text)) {
      const found = opToken?.type === 'word' ? `"${opToken.text}"` : opToken ? `"${opToken.type}"` : 'the end';
      throw new FilterError(`Expected a comparison operator (eq, ne, gt, ge, lt, le) ${where(opToken)}, found ${found}`);
    }
    pos++;
    const op = opToken.text as ComparisonOperator;
    const right = operand();
    if ('property' in left && 'literal' in right) return { kind: 'compare', op, property: left.property, literal: right.literal };
    if ('literal' in left && 'property' in right) return { kind: 'compare', op: flipped[op], property: right.property, literal: left.literal };
    throw new FilterError(`Compare a property with a value ${where(opToken)}`);
  };

  if (tokens.length === 0) throw new FilterError('The filter is empty');
  const tree = orExpr();
  if (pos < tokens.length) {
    const t = tokens[pos];
    throw new FilterError(`Unexpected ${t.type === 'word' ? `"${t.text}"` : t.type === 'literal' ? 'value' : `"${t.type}"`} ${where(t)}`);
  }
  return tree;
}

/** Every comparison in the tree, for type checking against the entity's properties. */
export function comparisons(node: FilterNode): Array<Extract<FilterNode, { kind: 'compare' }>> {
  switch (node.kind) {
    case 'compare': return [node];
    case 'not': return comparisons(node.operand);
    default: return [...comparisons(node.left), ...comparisons(node.right)];
  }
}
