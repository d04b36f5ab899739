/**
 * Text analytics on request: the open answers of a slice are read from the database, analysed
 * (analyze.ts, ~30,000 texts/s) and aggregated (insights.ts) while the caller waits. Analyses
 * are not stored yet — that comes with the background job queue (issue 5) — but a per-process
 * LRU cache keeps them, keyed by answer and a hash of its text, so repeated views of the same
 * slice skip the analysis.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/connection.ts';
import { isPersonLevel, type AuthContext } from '../auth/permissions.ts';
import { badInput } from '../errors.ts';
import type { Interval, MetricFilters } from '../metrics/queries.ts';
import { getOrganization } from '../orgs/service.ts';
import { decodeCursor, encodeCursor } from '../http/schemas.ts';
import { analyzeText, type TextAnalysis } from './analyze.ts';
import { redactPii } from './redact.ts';
import { stem } from './stem.ts';
import { isLanguage, tokenize } from './tokens.ts';
import { getDefaultTaxonomy } from './topics.ts';
import { themesByPeriod, topicNpsDrivers, topicSentimentMatrix, topicTrend, type AnalysedAnswer } from './insights.ts';
import { openAnswers, verbatimChunk, type OpenAnswer, type Verbatim, type VerbatimKey } from './queries.ts';
import type { SentimentLabel } from './sentiment.ts';

/** Topic ids of the organisation's taxonomy. Organisation taxonomies are not stored yet: the default one. */
export function topicIds(): string[] {
  return getDefaultTaxonomy().topics.map((t) => t.id);
}

/** A small least-recently-used map: Map keeps insertion order, so the first key is the oldest. */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();
  hits = 0;
  misses = 0;
  constructor(readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
  }
}

/** ~200 bytes an entry: 200,000 analyses ≈ 40 MB, ten demo organisations' worth of answers. */
export const analysisCache = new LruCache<TextAnalysis>(Number(process.env.KAIKU_TEXT_CACHE_SIZE ?? 200_000));

/**
 * The analysis of one stored open answer. The key holds the text's hash (an edited answer is
 * analysed again) and the language hint (it changes the result).
 */
export function analyseAnswer(answer: Pick<OpenAnswer, 'responseId' | 'questionId' | 'text' | 'language'>): TextAnalysis {
  const hash = createHash('sha1').update(answer.text).digest('base64url');
  const key = `${answer.responseId}:${answer.questionId}:${answer.language}:${hash}`;
  let analysis = analysisCache.get(key);
  if (!analysis) {
    analysis = analyzeText(answer.text, { language: answer.language });
    analysisCache.set(key, analysis);
  }
  return analysis;
}

export interface SliceRequest {
  filters: MetricFilters;
  interval: Interval;
}

/** Person-level views (frontline staff, or one employee's feedback) hide groups under minGroupSize. */
async function sliceContext(db: Queryable, auth: AuthContext, filters: MetricFilters) {
  const org = await getOrganization(db, auth.orgId);
  const personLevel = isPersonLevel(auth, undefined) || Boolean(filters.employeeId);
  return { timeZone: org.timeZone, minGroupSize: personLevel ? org.minGroupSize : undefined };
}

async function analysedSlice(db: Queryable, auth: AuthContext, request: SliceRequest) {
  const context = await sliceContext(db, auth, request.filters);
  const rows = await openAnswers(db, { orgId: auth.orgId, filters: request.filters, scope: auth.scope, interval: request.interval, timeZone: context.timeZone });
  return { ...context, rows };
}

/** Topic × sentiment matrix, topics as NPS drivers and the topic trend of one slice. */
export async function topicReport(db: Queryable, auth: AuthContext, request: SliceRequest) {
  const started = performance.now();
  const { rows, minGroupSize } = await analysedSlice(db, auth, request);
  const fetchedMs = performance.now() - started;
  const answers: AnalysedAnswer[] = rows.map((row) => {
    const analysis = analyseAnswer(row);
    return { id: row.responseId, sentiment: analysis.sentiment, topics: analysis.topics, npsScore: row.npsScore, period: row.period };
  });
  const ids = topicIds();
  const matrix = topicSentimentMatrix(answers, ids, minGroupSize);
  const suppressed = minGroupSize !== undefined && answers.length < minGroupSize;
  return {
    interval: request.interval,
    minGroupSize,
    suppressed,
    answers: suppressed ? null : answers.length,
    topics: ids,
    matrix,
    drivers: topicNpsDrivers(answers, ids, minGroupSize),
    trend: topicTrend(answers, ids, minGroupSize),
    timing: { fetchMs: Math.round(fetchedMs), totalMs: Math.round(performance.now() - started) },
  };
}

/** Emerging themes (phrases no topic covers) per period of one slice. */
export async function themeReport(db: Queryable, auth: AuthContext, request: SliceRequest & { minCount?: number; limit?: number }) {
  const { rows, minGroupSize } = await analysedSlice(db, auth, request);
  const texts = rows.map((row) => ({ id: row.responseId, text: row.text, language: analyseAnswer(row).language, period: row.period }));
  const suppressed = minGroupSize !== undefined && texts.length < minGroupSize;
  return {
    interval: request.interval,
    minGroupSize,
    suppressed,
    answers: suppressed ? null : texts.length,
    periods: suppressed ? [] : themesByPeriod(texts, { minCount: request.minCount, limit: request.limit, minGroupSize }),
  };
}

export interface VerbatimRequest {
  filters: MetricFilters;
  topic?: string;
  sentiment?: SentimentLabel;
  q?: string;
  limit: number;
  cursor?: string;
}

/**
 * Whether a (redacted) text matches a search: the whole query as a case-insensitive substring,
 * or every query word or number by its stem in the text's language ("invoices" finds
 * "invoice") or, from three characters on, as a substring ("lask" finds "laskutus").
 */
export function matchesSearch(text: string, query: string, language: string): boolean {
  const lower = text.toLowerCase();
  const needle = query.trim().toLowerCase();
  if (!needle || lower.includes(needle)) return true;
  const terms = searchTerms(needle);
  if (terms.length === 0) return false;
  const lang = isLanguage(language) ? language : 'other';
  const textStems = new Set(searchTerms(text).map((w) => stem(w, lang)));
  return terms.every((w) => textStems.has(stem(w, lang)) || (w.length >= 3 && lower.includes(w)));
}

const searchTerms = (text: string) => tokenize(text).filter((t) => t.kind === 'word' || t.kind === 'number').map((t) => t.text);

function parseVerbatimCursor(cursor: string | undefined): VerbatimKey | undefined {
  let parts: unknown[] | undefined;
  try {
    parts = decodeCursor(cursor);
  } catch {
    throw badInput('cursor is not valid; pass nextCursor from the previous page', 'cursor');
  }
  if (parts === undefined) return undefined;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (parts.length !== 3 || typeof parts[0] !== 'string' || Number.isNaN(Date.parse(parts[0])) || !uuid.test(String(parts[1])) || !uuid.test(String(parts[2]))) {
    throw badInput('cursor is not valid; pass nextCursor from the previous page', 'cursor');
  }
  return parts as VerbatimKey;
}

/**
 * One page of open answers, newest first, PII-redacted, each with its analysis. Topic,
 * sentiment and search need the analysis, so the slice is read in chunks until the page is
 * full (keyset on submitted_at, response id, question id).
 */
export async function verbatimPage(db: Queryable, auth: AuthContext, request: VerbatimRequest) {
  if (request.topic !== undefined && !topicIds().includes(request.topic)) {
    throw badInput(`Unknown topic "${request.topic}"; use one of ${topicIds().join(', ')}`, 'topic');
  }
  let after = parseVerbatimCursor(request.cursor);
  const filtered = request.topic !== undefined || request.sentiment !== undefined || Boolean(request.q?.trim());
  const chunkSize = filtered ? 1_000 : request.limit + 1;
  const present = (row: Verbatim, analysis: TextAnalysis, text: string) => ({
    responseId: row.responseId,
    questionId: row.questionId,
    questionKey: row.questionKey,
    submittedAt: row.submittedAt,
    text,
    language: analysis.language,
    sentiment: analysis.sentiment,
    score: analysis.score,
    topics: analysis.topics,
    npsScore: row.npsScore,
    touchpointId: row.touchpointId,
    touchpoint: row.touchpoint,
    channel: row.channel,
  });
  const items: Array<ReturnType<typeof present>> = [];
  scan: for (;;) {
    const rows = await verbatimChunk(db, { orgId: auth.orgId, filters: request.filters, scope: auth.scope, after, limit: chunkSize });
    for (const row of rows) {
      const analysis = analyseAnswer(row);
      if (request.topic !== undefined && !analysis.topics.includes(request.topic)) continue;
      if (request.sentiment !== undefined && analysis.sentiment !== request.sentiment) continue;
      // Search runs on the redacted text, so a query cannot probe for an e-mail or a hetu.
      const text = redactPii(row.text);
      if (request.q && !matchesSearch(text, request.q, analysis.language)) continue;
      items.push(present(row, analysis, text));
      if (items.length > request.limit) break scan;
    }
    if (rows.length < chunkSize) break;
    const last = rows[rows.length - 1];
    after = [last.submittedAt, last.responseId, last.questionId];
  }
  const page = items.slice(0, request.limit);
  const last = page[page.length - 1];
  return {
    items: page,
    nextCursor: items.length > request.limit && last ? encodeCursor([last.submittedAt, last.responseId, last.questionId]) : null,
  };
}

export interface TextToAnalyse {
  id?: string;
  text: string;
  language?: string;
}

/** Analyses of texts sent by an integration; ids default to 1-based positions, like the CLI. */
export function analyseTexts(texts: readonly TextToAnalyse[]) {
  return {
    items: texts.map((t, i) => {
      const a = analyzeText(t.text, { language: t.language });
      return {
        id: t.id ?? String(i + 1),
        language: a.language,
        sentiment: a.sentiment,
        score: a.score,
        topics: a.topics,
        truncated: a.truncated,
        ...(a.warning ? { warning: a.warning } : {}),
      };
    }),
  };
}
