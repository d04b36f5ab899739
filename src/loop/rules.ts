/**
 * Alert rules as data: a condition tree over one response (its answers, their text and its
 * context) and where a match is routed. Pure: validation and evaluation take plain values, no
 * database, no clock; the evaluation job (evaluate.ts) feeds them, text analysis included.
 *
 *   { all: [c, …] } | { any: [c, …] } | { not: c } | a leaf:
 *   answers  { answer: key, op: 'lte'|'gte'|'eq'|'in'|'dont_know', value }
 *            { nps: 'detractor'|'passive'|'promoter' }   { csat: { lte?: n, gte?: n } }
 *            { likert: key, bucket: 'agree'|'neutral'|'disagree'|'dont_know' }
 *   text     { text: 'negative'|'neutral'|'positive' }  { topic: id }  { keyword: 'lasku' }
 *   context  { touchpoint: [id…] }  { unit: [id…] } (with sub-units)  { segment: [name…] }
 *            { contact: attribute, op: 'eq'|'in'|'gte'|'lte'|'exists', value }
 */
import { analyzeText, type TextAnalysis } from '../text/analyze.ts';
import { defaultTopicDefinitions } from '../text/topics.ts';
import { badInput } from '../errors.ts';
import { UUID } from '../vocabulary.ts';

export type AnswerOp = 'lte' | 'gte' | 'eq' | 'in' | 'dont_know';
export type ContactOp = 'eq' | 'in' | 'gte' | 'lte' | 'exists';
export type NpsCategory = 'detractor' | 'passive' | 'promoter';
export type LikertBucket = 'agree' | 'neutral' | 'disagree' | 'dont_know';
export type Sentiment = 'negative' | 'neutral' | 'positive';
type Scalar = string | number | boolean;

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { answer: string; op: AnswerOp; value?: Scalar | Scalar[] }
  | { nps: NpsCategory }
  | { csat: { lte?: number; gte?: number } }
  | { likert: string; bucket: LikertBucket }
  | { text: Sentiment }
  | { topic: string }
  | { keyword: string }
  | { touchpoint: string[] }
  | { unit: string[] }
  | { segment: string[] }
  | { contact: string; op: ContactOp; value?: Scalar | Scalar[] };

export type Route =
  | { to: 'touchpoint_owner' }
  | { to: 'user'; userId: string }
  | { to: 'round_robin'; unitId: string }
  | { to: 'employee' };

/** One answer as the evaluator sees it: the question's key and type with the typed value. */
export interface AnswerFact {
  key: string;
  type: string;
  number: number | null;
  choice: string | null;
  choices: string[] | null;
  text: string | null;
  dontKnow: boolean;
}

/** Everything a rule may look at for one response. */
export interface ResponseFacts {
  touchpointId: string | null;
  unitId: string | null;
  segment: string | null;
  language: string | null;
  answers: AnswerFact[];
  contact: { segment: string | null; attributes: Record<string, unknown>; operational: Record<string, unknown> } | null;
}

export const MAX_DEPTH = 8;
export const MAX_NODES = 200;

const ANSWER_OPS: readonly AnswerOp[] = ['lte', 'gte', 'eq', 'in', 'dont_know'];
const CONTACT_OPS: readonly ContactOp[] = ['eq', 'in', 'gte', 'lte', 'exists'];
const NPS: readonly NpsCategory[] = ['detractor', 'passive', 'promoter'];
const BUCKETS: readonly LikertBucket[] = ['agree', 'neutral', 'disagree', 'dont_know'];
const SENTIMENTS: readonly Sentiment[] = ['negative', 'neutral', 'positive'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

function onlyKeys(node: Record<string, unknown>, allowed: string[], path: string) {
  for (const key of Object.keys(node)) {
    if (!allowed.includes(key)) throw badInput(`unknown field "${key}" (allowed here: ${allowed.join(', ')})`, `${path}.${key}`);
  }
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) throw badInput(`must be one of ${allowed.join(', ')}`, path);
  return value as T;
}

function nonEmptyString(value: unknown, path: string, max = 200): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) throw badInput(`must be a non-empty text of at most ${max} characters`, path);
  return value;
}

function idList(value: unknown, path: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 500) throw badInput('must be a list of 1–500 ids', path);
  value.forEach((v, i) => { if (typeof v !== 'string' || !UUID.test(v)) throw badInput('must be a UUID', `${path}[${i}]`); });
  return value as string[];
}

function finite(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badInput('must be a number', path);
  return value;
}

/**
 * Checks a rule's condition and returns it typed; a bad node is reported by its path, e.g.
 * `condition.all[1].op`. Unknown fields are errors, not ignored.
 */
export function validateCondition(input: unknown, path = 'condition'): Condition {
  let nodes = 0;
  const topics = new Set(defaultTopicDefinitions().map((t) => t.id));
  const visit = (node: unknown, at: string, depth: number): Condition => {
    if (++nodes > MAX_NODES) throw badInput(`a condition may have at most ${MAX_NODES} nodes`, at);
    if (depth > MAX_DEPTH) throw badInput(`conditions may nest at most ${MAX_DEPTH} levels`, at);
    if (!isObject(node)) throw badInput('must be an object: { all: [...] }, { any: [...] }, { not: … } or a leaf such as { nps: "detractor" }', at);
    if ('all' in node || 'any' in node) {
      const key = 'all' in node ? 'all' : 'any';
      onlyKeys(node, [key], at);
      const list = node[key];
      if (!Array.isArray(list) || list.length === 0) throw badInput(`"${key}" must be a non-empty list of conditions`, `${at}.${key}`);
      const children = list.map((child, i) => visit(child, `${at}.${key}[${i}]`, depth + 1));
      return key === 'all' ? { all: children } : { any: children };
    }
    if ('not' in node) {
      onlyKeys(node, ['not'], at);
      return { not: visit(node.not, `${at}.not`, depth + 1) };
    }
    if ('answer' in node) {
      onlyKeys(node, ['answer', 'op', 'value'], at);
      const answer = nonEmptyString(node.answer, `${at}.answer`);
      const op = oneOf(node.op, ANSWER_OPS, `${at}.op`);
      if (op === 'dont_know') {
        if ('value' in node) throw badInput('op dont_know takes no value', `${at}.value`);
        return { answer, op };
      }
      if (op === 'lte' || op === 'gte') return { answer, op, value: finite(node.value, `${at}.value`) };
      if (op === 'eq') {
        if (!isScalar(node.value)) throw badInput('must be a number, text or true/false', `${at}.value`);
        return { answer, op, value: node.value };
      }
      if (!Array.isArray(node.value) || node.value.length === 0) throw badInput('op in takes a non-empty list of values', `${at}.value`);
      node.value.forEach((v, i) => { if (!isScalar(v)) throw badInput('must be a number or text', `${at}.value[${i}]`); });
      return { answer, op, value: node.value as Scalar[] };
    }
    if ('nps' in node) {
      onlyKeys(node, ['nps'], at);
      return { nps: oneOf(node.nps, NPS, `${at}.nps`) };
    }
    if ('csat' in node) {
      onlyKeys(node, ['csat'], at);
      const bounds = node.csat;
      if (!isObject(bounds) || (!('lte' in bounds) && !('gte' in bounds))) throw badInput('must be { lte: n } and/or { gte: n }', `${at}.csat`);
      onlyKeys(bounds, ['lte', 'gte'], `${at}.csat`);
      const out: { lte?: number; gte?: number } = {};
      if ('lte' in bounds) out.lte = finite(bounds.lte, `${at}.csat.lte`);
      if ('gte' in bounds) out.gte = finite(bounds.gte, `${at}.csat.gte`);
      return { csat: out };
    }
    if ('likert' in node) {
      onlyKeys(node, ['likert', 'bucket'], at);
      return { likert: nonEmptyString(node.likert, `${at}.likert`), bucket: oneOf(node.bucket, BUCKETS, `${at}.bucket`) };
    }
    if ('text' in node) {
      onlyKeys(node, ['text'], at);
      return { text: oneOf(node.text, SENTIMENTS, `${at}.text`) };
    }
    if ('topic' in node) {
      onlyKeys(node, ['topic'], at);
      const topic = nonEmptyString(node.topic, `${at}.topic`, 63);
      if (!topics.has(topic)) throw badInput(`unknown topic; known topics: ${[...topics].join(', ')}`, `${at}.topic`);
      return { topic };
    }
    if ('keyword' in node) {
      onlyKeys(node, ['keyword'], at);
      return { keyword: nonEmptyString(node.keyword, `${at}.keyword`).trim() };
    }
    if ('touchpoint' in node) {
      onlyKeys(node, ['touchpoint'], at);
      return { touchpoint: idList(node.touchpoint, `${at}.touchpoint`) };
    }
    if ('unit' in node) {
      onlyKeys(node, ['unit'], at);
      return { unit: idList(node.unit, `${at}.unit`) };
    }
    if ('segment' in node) {
      onlyKeys(node, ['segment'], at);
      const list = node.segment;
      if (!Array.isArray(list) || list.length === 0) throw badInput('must be a non-empty list of segment names', `${at}.segment`);
      list.forEach((v, i) => nonEmptyString(v, `${at}.segment[${i}]`));
      return { segment: list as string[] };
    }
    if ('contact' in node) {
      onlyKeys(node, ['contact', 'op', 'value'], at);
      const contact = nonEmptyString(node.contact, `${at}.contact`, 100);
      const op = oneOf(node.op, CONTACT_OPS, `${at}.op`);
      if (op === 'exists') {
        if ('value' in node) throw badInput('op exists takes no value', `${at}.value`);
        return { contact, op };
      }
      if (op === 'lte' || op === 'gte') return { contact, op, value: finite(node.value, `${at}.value`) };
      if (op === 'eq') {
        if (!isScalar(node.value)) throw badInput('must be a number, text or true/false', `${at}.value`);
        return { contact, op, value: node.value };
      }
      if (!Array.isArray(node.value) || node.value.length === 0) throw badInput('op in takes a non-empty list of values', `${at}.value`);
      node.value.forEach((v, i) => { if (!isScalar(v)) throw badInput('must be a number, text or true/false', `${at}.value[${i}]`); });
      return { contact, op, value: node.value as Scalar[] };
    }
    const keys = Object.keys(node);
    throw badInput(`unknown condition${keys.length ? ` "${keys[0]}"` : ''}; use all, any, not, answer, nps, csat, likert, text, topic, keyword, touchpoint, unit, segment or contact`, at);
  };
  return visit(input, path, 1);
}

export function validateRoute(input: unknown, path = 'route'): Route {
  if (!isObject(input)) throw badInput('must be an object such as { "to": "touchpoint_owner" }', path);
  const to = oneOf(input.to, ['touchpoint_owner', 'user', 'round_robin', 'employee'] as const, `${path}.to`);
  if (to === 'user') {
    onlyKeys(input, ['to', 'userId'], path);
    if (typeof input.userId !== 'string' || !UUID.test(input.userId)) throw badInput('must be the UUID of a user', `${path}.userId`);
    return { to, userId: input.userId };
  }
  if (to === 'round_robin') {
    onlyKeys(input, ['to', 'unitId'], path);
    if (typeof input.unitId !== 'string' || !UUID.test(input.unitId)) throw badInput('must be the UUID of a unit', `${path}.unitId`);
    return { to, unitId: input.unitId };
  }
  onlyKeys(input, ['to'], path);
  return { to };
}

/** Replaces every `{ unit: [...] }` list by the units and all their sub-units. */
export function resolveUnits(condition: Condition, subtreeOf: (unitId: string) => string[]): Condition {
  if ('all' in condition) return { all: condition.all.map((c) => resolveUnits(c, subtreeOf)) };
  if ('any' in condition) return { any: condition.any.map((c) => resolveUnits(c, subtreeOf)) };
  if ('not' in condition) return { not: resolveUnits(condition.not, subtreeOf) };
  if ('unit' in condition) return { unit: [...new Set(condition.unit.flatMap((id) => subtreeOf(id)))] };
  return condition;
}

/** Does the condition look at open-answer text (so its analysis is worth computing)? */
export function usesTextAnalysis(condition: Condition): boolean {
  if ('all' in condition) return condition.all.some(usesTextAnalysis);
  if ('any' in condition) return condition.any.some(usesTextAnalysis);
  if ('not' in condition) return usesTextAnalysis(condition.not);
  return 'text' in condition || 'topic' in condition;
}

/** Every unit id the condition names (for resolving subtrees before evaluation). */
export function unitsNamed(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(unitsNamed);
  if ('any' in condition) return condition.any.flatMap(unitsNamed);
  if ('not' in condition) return unitsNamed(condition.not);
  return 'unit' in condition ? condition.unit : [];
}

export const npsCategory = (score: number): NpsCategory => (score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter');

export function likertBucket(answer: AnswerFact): LikertBucket | null {
  if (answer.dontKnow) return 'dont_know';
  if (answer.number === null) return null;
  return answer.number >= 5 ? 'agree' : answer.number === 4 ? 'neutral' : 'disagree';
}

function compare(actual: unknown, op: 'eq' | 'in' | 'gte' | 'lte', expected: Scalar | Scalar[] | undefined): boolean {
  if (actual === undefined || actual === null) return false;
  if (op === 'gte' || op === 'lte') {
    const n = typeof actual === 'number' ? actual : typeof actual === 'string' && actual.trim() !== '' ? Number(actual) : Number.NaN;
    if (!Number.isFinite(n)) return false;
    return op === 'gte' ? n >= (expected as number) : n <= (expected as number);
  }
  const list = op === 'eq' ? [expected as Scalar] : (expected as Scalar[]);
  const values = Array.isArray(actual) ? actual : [actual];
  // Texts compare case-insensitively ("VIP" = "vip"); numbers and booleans exactly.
  const norm = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
  return values.some((v) => list.some((e) => norm(e) === norm(v)));
}

function answerMatches(answer: AnswerFact, op: AnswerOp, value: Scalar | Scalar[] | undefined): boolean {
  if (op === 'dont_know') return answer.dontKnow;
  if (answer.dontKnow) return false;
  if (op === 'lte' || op === 'gte') return answer.number !== null && compare(answer.number, op, value);
  const actual = answer.number ?? answer.choice ?? answer.choices ?? answer.text;
  return compare(actual, op, value);
}

/**
 * Evaluates prepared conditions against one response. `analyze` gives the text analysis of an
 * open answer (memoised by the caller's evaluator, so each text is analysed once per response).
 */
export function matches(condition: Condition, facts: ResponseFacts, analyze: (answer: AnswerFact) => TextAnalysis): boolean {
  if ('all' in condition) return condition.all.every((c) => matches(c, facts, analyze));
  if ('any' in condition) return condition.any.some((c) => matches(c, facts, analyze));
  if ('not' in condition) return !matches(condition.not, facts, analyze);
  const openAnswers = () => facts.answers.filter((a) => a.text !== null && a.text.trim() !== '');
  if ('answer' in condition) {
    return facts.answers.some((a) => a.key === condition.answer && answerMatches(a, condition.op, condition.value));
  }
  if ('nps' in condition) {
    return facts.answers.some((a) => a.type === 'nps' && !a.dontKnow && a.number !== null && npsCategory(a.number) === condition.nps);
  }
  if ('csat' in condition) {
    const { lte, gte } = condition.csat;
    return facts.answers.some((a) => a.type === 'csat' && !a.dontKnow && a.number !== null
      && (lte === undefined || a.number <= lte) && (gte === undefined || a.number >= gte));
  }
  if ('likert' in condition) return facts.answers.some((a) => a.key === condition.likert && likertBucket(a) === condition.bucket);
  if ('text' in condition) return openAnswers().some((a) => analyze(a).sentiment === condition.text);
  if ('topic' in condition) return openAnswers().some((a) => analyze(a).topics.includes(condition.topic));
  if ('keyword' in condition) {
    const needle = condition.keyword.toLocaleLowerCase();
    return openAnswers().some((a) => (a.text as string).toLocaleLowerCase().includes(needle));
  }
  if ('touchpoint' in condition) return facts.touchpointId !== null && condition.touchpoint.includes(facts.touchpointId);
  if ('unit' in condition) return facts.unitId !== null && condition.unit.includes(facts.unitId);
  if ('segment' in condition) {
    const segment = facts.segment ?? facts.contact?.segment ?? null;
    return segment !== null && condition.segment.some((s) => s.toLowerCase() === segment.toLowerCase());
  }
  // contact: operational data first (revenue, plan…), then free attributes (vip…).
  const contact = facts.contact;
  if (!contact) return false;
  const value = condition.contact in contact.operational ? contact.operational[condition.contact] : contact.attributes[condition.contact];
  if (condition.op === 'exists') return value !== undefined && value !== null && value !== false && value !== '';
  return compare(value, condition.op, condition.value);
}

/** An evaluator for one response: text analyses are computed lazily and at most once each. */
export function evaluatorFor(facts: ResponseFacts): (condition: Condition) => boolean {
  const cache = new Map<AnswerFact, TextAnalysis>();
  const analyze = (answer: AnswerFact) => {
    let analysis = cache.get(answer);
    if (!analysis) {
      analysis = analyzeText(answer.text ?? '', { language: facts.language ?? undefined });
      cache.set(answer, analysis);
    }
    return analysis;
  };
  return (condition) => matches(condition, facts, analyze);
}
