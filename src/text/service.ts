/**
 * Text analytics on request: the texts of a slice (open answers and imported feedback texts)
 * are read from the database with their stored analyses (analysis.ts writes them in the
 * background) and aggregated (insights.ts) while the caller waits. A text without a stored
 * analysis of the organisation's current taxonomy — just arrived, or waiting for its
 * re-analysis — is analysed on the spot (~30,000 texts/s); a per-process LRU cache keeps those,
 * keyed by text, taxonomy version and a hash of the text.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/connection.ts';
import { isPersonLevel, type AuthContext } from '../auth/permissions.ts';
import { badInput } from '../errors.ts';
import type { Interval } from '../metrics/queries.ts';
import { getOrganization } from '../orgs/service.ts';
import { decodeCursor, encodeCursor } from '../http/schemas.ts';
import { analyzeText, type TextAnalysis } from './analyze.ts';
import { redactPii } from './redact.ts';
import { stem } from './stem.ts';
import { isLanguage, tokenize } from './tokens.ts';
import { orgTaxonomy, type OrgTaxonomy } from './taxonomy.ts';
import { themesByPeriod, topicNpsDrivers, topicSentimentMatrix, topicTrend, type AnalysedAnswer } from './insights.ts';
import { TEXT_SOURCES, openAnswers, verbatimChunk, type OpenAnswer, type TextFilters, type Verbatim, type VerbatimKey } from './queries.ts';
import type { SentimentLabel } from './sentiment.ts';
import { UUID } from '../vocabulary.ts';

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

interface AnalysisOf {
  language: string;
  sentiment: SentimentLabel;
  score: number;
  topics: readonly string[];
  /** 0–1; null for an analysis stored before confidences were. */
  sentimentConfidence: number | null;
  /** Shown as uncertain; null (shown as certain) for an analysis stored before confidences were. */
  lowConfidence: boolean | null;
}

/**
 * The analysis of one stored text: the stored one when it is of the current taxonomy, else
 * analysed now. The cache key holds the taxonomy version, the language hint and the text's
 * hash (each changes the result).
 */
export function analyseAnswer(answer: Pick<OpenAnswer, 'responseId' | 'questionId' | 'text' | 'language' | 'insight'>, taxonomy: OrgTaxonomy): AnalysisOf {
  if (answer.insight) return answer.insight;
  const hash = createHash('sha1').update(answer.text).digest('base64url');
  const key = `${answer.responseId}:${answer.questionId}:${taxonomy.version}:${answer.language}:${hash}`;
  let analysis = analysisCache.get(key);
  if (!analysis) {
    analysis = analyzeText(answer.text, { language: answer.language ?? undefined, taxonomy: taxonomy.taxonomy });
    analysisCache.set(key, analysis);
  }
  return analysis;
}

export interface SliceRequest {
  filters: TextFilters;
  interval: Interval;
}

/** Person-level views (frontline staff, or one employee's feedback) hide groups under minGroupSize. */
async function sliceContext(db: Queryable, auth: AuthContext, filters: TextFilters) {
  const org = await getOrganization(db, auth.orgId);
  const personLevel = isPersonLevel(auth, undefined) || Boolean(filters.employeeId);
  return { timeZone: org.timeZone, minGroupSize: personLevel ? org.minGroupSize : undefined };
}

async function analysedSlice(db: Queryable, auth: AuthContext, request: SliceRequest) {
  const context = await sliceContext(db, auth, request.filters);
  const taxonomy = await orgTaxonomy(db, auth.orgId);
  const rows = await openAnswers(db, {
    orgId: auth.orgId, filters: request.filters, scope: auth.scope, interval: request.interval, timeZone: context.timeZone, taxonomyVersion: taxonomy.version,
  });
  return { ...context, taxonomy, rows };
}

/** Topic × sentiment matrix, topics as NPS drivers and the topic trend of one slice. */
export async function topicReport(db: Queryable, auth: AuthContext, request: SliceRequest) {
  const started = performance.now();
  const { rows, minGroupSize, taxonomy } = await analysedSlice(db, auth, request);
  const fetchedMs = performance.now() - started;
  let stored = 0;
  const answers: AnalysedAnswer[] = rows.map((row) => {
    if (row.insight) stored++;
    const analysis = analyseAnswer(row, taxonomy);
    return { id: row.responseId, sentiment: analysis.sentiment, topics: analysis.topics, npsScore: row.npsScore, period: row.period };
  });
  const ids = taxonomy.topicIds;
  // Feedback sources side by side: the matrix's row arithmetic with each text's source as its one "topic".
  const present = TEXT_SOURCES.filter((source) => rows.some((r) => r.source === source));
  const bySource = topicSentimentMatrix(answers.map((a, i) => ({ ...a, topics: [rows[i].source] })), present, minGroupSize).rows
    .map(({ topic, mentionShare, ...row }) => ({ source: topic, ...row, share: mentionShare }));
  const matrix = topicSentimentMatrix(answers, ids, minGroupSize);
  const suppressed = minGroupSize !== undefined && answers.length < minGroupSize;
  return {
    interval: request.interval,
    minGroupSize,
    suppressed,
    answers: suppressed ? null : answers.length,
    topics: ids,
    matrix,
    /** Texts per source (survey answers, complaints, chats…) with their sentiment. */
    sources: bySource,
    drivers: topicNpsDrivers(answers, ids, minGroupSize),
    trend: topicTrend(answers, ids, minGroupSize),
    taxonomyVersion: taxonomy.version,
    /** Texts whose stored analysis was used; the others were analysed on request. */
    storedAnalyses: suppressed ? null : stored,
    timing: { fetchMs: Math.round(fetchedMs), totalMs: Math.round(performance.now() - started) },
  };
}

/** Emerging themes (phrases no topic covers) per period of one slice. */
export async function themeReport(db: Queryable, auth: AuthContext, request: SliceRequest & { minCount?: number; limit?: number }) {
  const { rows, minGroupSize, taxonomy } = await analysedSlice(db, auth, request);
  const texts = rows.map((row) => ({ id: row.responseId, text: row.text, language: analyseAnswer(row, taxonomy).language, period: row.period }));
  const suppressed = minGroupSize !== undefined && texts.length < minGroupSize;
  return {
    interval: request.interval,
    minGroupSize,
    suppressed,
    answers: suppressed ? null : texts.length,
    periods: suppressed ? [] : themesByPeriod(texts, { minCount: request.minCount, limit: request.limit, minGroupSize, taxonomy: taxonomy.taxonomy }),
  };
}

export interface VerbatimRequest {
  filters: TextFilters;
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
  if (parts.length !== 3 || typeof parts[0] !== 'string' || Number.isNaN(Date.parse(parts[0])) || !UUID.test(String(parts[1])) || !UUID.test(String(parts[2]))) {
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
  const taxonomy = await orgTaxonomy(db, auth.orgId);
  if (request.topic !== undefined && !taxonomy.topicIds.includes(request.topic)) {
    throw badInput(`Unknown topic "${request.topic}"; use one of ${taxonomy.topicIds.join(', ')}`, 'topic');
  }
  let after = parseVerbatimCursor(request.cursor);
  // In person-level views (frontline staff, one employee's feedback) a comment's date, exact
  // score and touchpoint could point at the one customer who wrote it when the group is small
  // (issue 15.10). They show the words only, as the feedback page does; the order stays newest first.
  const { minGroupSize } = await sliceContext(db, auth, request.filters);
  const personLevel = minGroupSize !== undefined;
  const filtered = request.topic !== undefined || request.sentiment !== undefined || Boolean(request.q?.trim());
  const chunkSize = filtered ? 1_000 : request.limit + 1;
  const present = (row: Verbatim, analysis: AnalysisOf, text: string) => {
    const imported = row.source !== 'survey';
    return {
      source: row.source,
      responseId: imported ? null : row.responseId,
      questionId: imported ? null : row.questionId,
      questionKey: row.questionKey,
      /** An imported text's id and external id. */
      feedbackTextId: imported ? row.responseId : null,
      externalId: row.externalId,
      submittedAt: personLevel ? null : row.submittedAt,
      text,
      language: analysis.language,
      sentiment: analysis.sentiment,
      score: analysis.score,
      topics: analysis.topics,
      sentimentConfidence: analysis.sentimentConfidence,
      lowConfidence: analysis.lowConfidence,
      npsScore: personLevel ? null : row.npsScore,
      touchpointId: personLevel ? null : row.touchpointId,
      touchpoint: personLevel ? null : row.touchpoint,
      channel: personLevel ? null : row.channel,
    };
  };
  const items: Array<ReturnType<typeof present>> = [];
  const keys: VerbatimKey[] = [];
  scan: for (;;) {
    const rows = await verbatimChunk(db, { orgId: auth.orgId, filters: request.filters, scope: auth.scope, after, limit: chunkSize, taxonomyVersion: taxonomy.version });
    for (const row of rows) {
      const analysis = analyseAnswer(row, taxonomy);
      if (request.topic !== undefined && !analysis.topics.includes(request.topic)) continue;
      if (request.sentiment !== undefined && analysis.sentiment !== request.sentiment) continue;
      // Search runs on the redacted text, so a query cannot probe for an e-mail or a hetu.
      const text = redactPii(row.text);
      if (request.q && !matchesSearch(text, request.q, analysis.language)) continue;
      items.push(present(row, analysis, text));
      keys.push([row.submittedAt, row.responseId, row.questionId]);
      if (items.length > request.limit) break scan;
    }
    if (rows.length < chunkSize) break;
    const last = rows[rows.length - 1];
    after = [last.submittedAt, last.responseId, last.questionId];
  }
  const page = items.slice(0, request.limit);
  const lastKey = keys[page.length - 1];
  return {
    items: page,
    nextCursor: items.length > request.limit && lastKey ? encodeCursor(lastKey) : null,
    /** True when date, score and touchpoint are left out of every item (person-level view). */
    wordsOnly: personLevel,
  };
}

export interface TextToAnalyse {
  id?: string;
  text: string;
  language?: string;
}

/** Analyses of texts sent by an integration, with the organisation's taxonomy; ids default to 1-based positions, like the CLI. */
export async function analyseTexts(db: Queryable, orgId: string, texts: readonly TextToAnalyse[]) {
  const taxonomy = await orgTaxonomy(db, orgId);
  return {
    taxonomyVersion: taxonomy.version,
    items: texts.map((t, i) => {
      const a = analyzeText(t.text, { language: t.language, taxonomy: taxonomy.taxonomy });
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
