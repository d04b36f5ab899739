/**
 * Persisted text analysis. Every open answer gets a row in `text_insights` and every imported
 * feedback text its analysis columns, written by background jobs so ingestion never waits:
 *
 * - `text-analyse` picks up texts that have no analysis yet, in batches, in one transaction per
 *   batch. Open answers are found by scanning each organisation's answers from a cursor
 *   (response ids are uuidv7, so newer responses come later in the primary key) and skipping
 *   those already analysed. The cursor stays RESCAN_WINDOW_MS behind the clock, because a
 *   transaction that took its ids earlier may commit later (between those rescans, which come
 *   every 30 s, a process starts after the newest answer it analysed, so a pass under heavy
 *   ingestion does not re-read two minutes of answers); `text-analyse-sweep` (hourly) sends
 *   every cursor back to the start, so even an answer stored with an old id is found. Feedback
 *   texts carry `analysed_at is null` in a partial index. Rows are claimed with
 *   `for update skip locked`, and inserts are `on conflict do nothing`, so several workers
 *   never analyse a text twice and a retried batch changes nothing.
 * - `text-reanalyse` re-analyses one organisation's texts after its taxonomy changed (those
 *   with an older taxonomy_version), in keyset order; progress is the share at the current
 *   version (taxonomy.ts `taxonomyStatus`).
 *
 * Any text gives a result: analyzeText is total (empty, binary, huge — capped at 5,000
 * characters and marked truncated — or unknown language), and should it ever throw, the text
 * is stored as neutral with warning `analysis_failed` instead of failing its batch.
 */
import type { Database, Queryable } from '../db/connection.ts';
import { defineJob, sendUnlessWaiting, type JobQueue } from '../jobs/queue.ts';
import type { JobContext } from '../jobs/registry.ts';
import { analyzeText, type TextAnalysis } from './analyze.ts';
import { bumpVersion, orgTaxonomy, type OrgTaxonomy } from './taxonomy.ts';

/**
 * Recorded with each analysis; bump when the analyser's results change. The hourly sweep then
 * re-analyses every text stored by an older one (reanalyseOutdated). 2: the learned n-gram layer.
 */
export const ANALYSER_VERSION = 'kaiku-text-2';
export const TEXT_ANALYSE_JOB = 'text-analyse';
export const TEXT_SWEEP_JOB = 'text-analyse-sweep';
export const TEXT_REANALYSE_JOB = 'text-reanalyse';
export const ANALYSIS_BATCH = 2_000;
export const RESCAN_WINDOW_MS = 120_000;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** The analysis of one text; never throws. */
export function analyseSafely(text: string, languageHint: string | null | undefined, taxonomy: OrgTaxonomy): TextAnalysis {
  try {
    return analyzeText(text, { language: languageHint ?? undefined, taxonomy: taxonomy.taxonomy });
  } catch (error) {
    process.emitWarning(`text analysis failed: ${(error as Error).message}`);
    return {
      language: 'other', sentiment: 'neutral', score: 0, topics: [], sentimentConfidence: 0, topicConfidence: {}, lowConfidence: true, truncated: false, warning: 'analysis_failed',
    };
  }
}

const maxUuid = (a: string, b: string | undefined) => (b !== undefined && b > a ? b : a);

/** The smallest uuid of a millisecond: uuidv7 ids made at or after `ms` sort at or above it. */
export function uuidFloor(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

interface Pending {
  key1: string;
  key2?: string;
  text: string;
  hint: string | null;
}

/** Column arrays of analyses for an unnest() statement. */
function columns(analyses: TextAnalysis[], version: number) {
  return [
    analyses.map((a) => a.language), analyses.map((a) => a.sentiment), analyses.map((a) => a.score), analyses.map((a) => a.topics.join(',')),
    analyses.map((a) => a.truncated), analyses.map((a) => a.warning ?? null), analyses.map((a) => a.sentimentConfidence), analyses.map((a) => a.lowConfidence),
    version, ANALYSER_VERSION,
  ];
}

/** The unnest() arguments of `columns`, numbered from parameter `first`. */
const analysisColumns = (first: number) =>
  ['text', 'text', 'float8', 'text', 'bool', 'text', 'float8', 'bool'].map((type, i) => `$${first + i}::${type}[]`).join(', ');
const analysisNames = 'language, sentiment, score, topics, truncated, warning, sentiment_confidence, low_confidence';

async function storeAnswerInsights(tx: Queryable, orgId: string, rows: Pending[], analyses: TextAnalysis[], version: number): Promise<number> {
  if (rows.length === 0) return 0;
  const stored = await tx.query(
    `insert into text_insights (org_id, response_id, question_id, language, sentiment, score, topics, truncated, warning, sentiment_confidence, low_confidence,
                                taxonomy_version, analyser_version, analysed_at)
     select $1, u.response_id, u.question_id, u.language, u.sentiment, u.score, string_to_array(u.topics, ','), u.truncated, u.warning,
            u.sentiment_confidence, u.low_confidence, $12, $13, now()
       from unnest($2::uuid[], $3::uuid[], ${analysisColumns(4)}) as u(response_id, question_id, ${analysisNames})
     on conflict (org_id, response_id, question_id) do nothing
     returning 1`,
    [orgId, rows.map((r) => r.key1), rows.map((r) => r.key2), ...columns(analyses, version)]);
  return stored.length;
}

/** Replaces analyses older than `version` (re-analysis). */
async function replaceAnswerInsights(tx: Queryable, orgId: string, rows: Pending[], analyses: TextAnalysis[], version: number): Promise<number> {
  if (rows.length === 0) return 0;
  const stored = await tx.query(
    `update text_insights i set language = u.language, sentiment = u.sentiment, score = u.score, topics = string_to_array(u.topics, ','),
            truncated = u.truncated, warning = u.warning, sentiment_confidence = u.sentiment_confidence, low_confidence = u.low_confidence,
            taxonomy_version = $12, analyser_version = $13, analysed_at = now()
       from unnest($2::uuid[], $3::uuid[], ${analysisColumns(4)}) as u(response_id, question_id, ${analysisNames})
      where i.org_id = $1 and i.response_id = u.response_id and i.question_id = u.question_id and i.taxonomy_version < $12
     returning 1`,
    [orgId, rows.map((r) => r.key1), rows.map((r) => r.key2), ...columns(analyses, version)]);
  return stored.length;
}

async function storeFeedbackAnalyses(tx: Queryable, orgId: string, rows: Pending[], analyses: TextAnalysis[], version: number): Promise<number> {
  if (rows.length === 0) return 0;
  const stored = await tx.query(
    `update feedback_texts f set language = u.language, sentiment = u.sentiment, score = u.score, topics = string_to_array(u.topics, ','),
            truncated = u.truncated, warning = u.warning, sentiment_confidence = u.sentiment_confidence, low_confidence = u.low_confidence,
            taxonomy_version = $11, analyser_version = $12, analysed_at = now()
       from unnest($2::uuid[], ${analysisColumns(3)}) as u(id, ${analysisNames})
      where f.org_id = $1 and f.id = u.id and (f.analysed_at is null or f.taxonomy_version < $11)
     returning 1`,
    [orgId, rows.map((r) => r.key1), ...columns(analyses, version)]);
  return stored.length;
}

function groupByOrg<T extends { orgId: string }>(rows: T[]): Map<string, T[]> {
  const byOrg = new Map<string, T[]>();
  for (const row of rows) {
    let list = byOrg.get(row.orgId);
    if (!list) byOrg.set(row.orgId, (list = []));
    list.push(row);
  }
  return byOrg;
}

/**
 * One pass of the new-text analysis: up to `limit` unanalysed open answers per organisation and
 * up to `limit` unanalysed feedback texts, organisation by organisation until about `limit`
 * texts are analysed. Returns how many it analysed and whether more may be waiting.
 */
export async function analyseNewTexts(
  db: Database,
  options: { limit?: number; nowMs?: number; newestSeen?: Map<string, string> } = {},
): Promise<{ analysed: number; more: boolean }> {
  const limit = options.limit ?? ANALYSIS_BATCH;
  const floor = uuidFloor((options.nowMs ?? Date.now()) - RESCAN_WINDOW_MS);
  return db.transaction(async (tx) => {
    await tx.query(
      `insert into text_analysis_state (org_id)
       select id from organizations o where not exists (select 1 from text_analysis_state s where s.org_id = o.id)
       on conflict (org_id) do nothing`);
    const states = await tx.query<{ org_id: string; scanned_through: string }>(
      `select org_id::text, scanned_through::text from text_analysis_state order by org_id for update skip locked`);
    if (states.length === 0) return { analysed: 0, more: false };
    const answerRows = await tx.query<{ orgId: string; responseId: string; questionId: string; text: string; language: string | null }>(
      `select s.org_id::text as "orgId", a.response_id::text as "responseId", a.question_id::text as "questionId", a.text, r.language
         from unnest($1::uuid[], $2::uuid[]) as s(org_id, after)
         cross join lateral (
           select a.response_id, a.question_id, a.text from answers a
            where a.org_id = s.org_id and a.response_id >= s.after and a.text is not null
              and not exists (select 1 from text_insights i where i.org_id = a.org_id and i.response_id = a.response_id and i.question_id = a.question_id)
            order by a.response_id, a.question_id limit $3) a
         left join responses r on r.org_id = s.org_id and r.id = a.response_id
        order by 1, 2, 3`,
      [states.map((s) => s.org_id), states.map((s) => maxUuid(s.scanned_through, options.newestSeen?.get(s.org_id))), limit]);
    const lockedOrgs = states.map((s) => s.org_id);
    const feedbackRows = await tx.query<{ orgId: string; id: string; text: string; language_hint: string | null }>(
      `select org_id::text as "orgId", id::text, text, language_hint from feedback_texts
        where analysed_at is null and org_id = any($1::uuid[]) order by org_id, id limit $2 for update skip locked`,
      [lockedOrgs, limit]);

    let analysed = 0;
    let more = feedbackRows.length === limit;
    const answersByOrg = groupByOrg(answerRows);
    const feedbackByOrg = groupByOrg(feedbackRows);
    for (const state of states) {
      const orgId = state.org_id;
      const answers = answersByOrg.get(orgId) ?? [];
      const feedback = feedbackByOrg.get(orgId) ?? [];
      // One pass analyses about `limit` texts, so it holds the organisations' state rows briefly;
      // an organisation left for the next pass keeps its cursor.
      if (analysed >= limit && (answers.length > 0 || feedback.length > 0)) {
        more = true;
        continue;
      }
      if (answers.length > 0 || feedback.length > 0) {
        const taxonomy = await orgTaxonomy(tx, orgId);
        const pending = answers.map((a): Pending => ({ key1: a.responseId, key2: a.questionId, text: a.text, hint: a.language }));
        analysed += await storeAnswerInsights(tx, orgId, pending, pending.map((p) => analyseSafely(p.text, p.hint, taxonomy)), taxonomy.version);
        const texts = feedback.map((f): Pending => ({ key1: f.id, text: f.text, hint: f.language_hint }));
        analysed += await storeFeedbackAnalyses(tx, orgId, texts, texts.map((p) => analyseSafely(p.text, p.hint, taxonomy)), taxonomy.version);
      }
      if (answers.length > 0) options.newestSeen?.set(orgId, maxUuid(answers[answers.length - 1].responseId, options.newestSeen.get(orgId)));
      // The stored cursor moves on past a full batch, but never into the rescan window.
      const full = answers.length === limit;
      if (full) more = true;
      const last = full ? answers[answers.length - 1].responseId : floor;
      const cursor = maxUuid(state.scanned_through, last < floor ? last : floor);
      if (cursor !== state.scanned_through) {
        await tx.query(`update text_analysis_state set scanned_through = $2 where org_id = $1`, [orgId, cursor]);
      }
    }
    return { analysed, more };
  });
}

/** Sends every organisation's cursor back to the start, so the next pass finds any text it missed. */
export async function rescanAllTexts(db: Queryable): Promise<void> {
  await db.query(`update text_analysis_state set scanned_through = $1`, [NIL_UUID]);
}

/**
 * Re-analyses one organisation's texts whose analysis is older than its taxonomy, in batches
 * of `limit` (one transaction each), and marks the re-analysis finished when none is left.
 */
export async function reanalyseOrganisation(db: Database, orgId: string, options: { limit?: number } = {}): Promise<{ reanalysed: number }> {
  const limit = options.limit ?? ANALYSIS_BATCH;
  let reanalysed = 0;
  for (let pass = 0; pass < 5; pass++) {
    let version = 0;
    let after: [string, string] = [NIL_UUID, NIL_UUID];
    for (;;) {
      const taken = await db.transaction(async (tx) => {
        const taxonomy = await orgTaxonomy(tx, orgId);
        version = taxonomy.version;
        const rows = await tx.query<{ response_id: string; question_id: string; text: string; language: string | null }>(
          `select i.response_id::text, i.question_id::text, a.text, r.language
             from text_insights i
             join answers a on a.org_id = i.org_id and a.response_id = i.response_id and a.question_id = i.question_id
             left join responses r on r.org_id = i.org_id and r.id = i.response_id
            where i.org_id = $1 and i.taxonomy_version < $2 and (i.response_id, i.question_id) > ($3::uuid, $4::uuid)
            order by i.response_id, i.question_id limit $5 for update of i skip locked`,
          [orgId, taxonomy.version, after[0], after[1], limit]);
        const pending = rows.map((r): Pending => ({ key1: r.response_id, key2: r.question_id, text: r.text, hint: r.language }));
        reanalysed += await replaceAnswerInsights(tx, orgId, pending, pending.map((p) => analyseSafely(p.text, p.hint, taxonomy)), taxonomy.version);
        if (rows.length > 0) after = [rows[rows.length - 1].response_id, rows[rows.length - 1].question_id];
        return rows.length;
      });
      if (taken < limit) break;
    }
    let afterText = NIL_UUID;
    for (;;) {
      const taken = await db.transaction(async (tx) => {
        const taxonomy = await orgTaxonomy(tx, orgId);
        const rows = await tx.query<{ id: string; text: string; language_hint: string | null }>(
          `select id::text, text, language_hint from feedback_texts
            where org_id = $1 and analysed_at is not null and taxonomy_version < $2 and id > $3::uuid
            order by id limit $4 for update skip locked`,
          [orgId, taxonomy.version, afterText, limit]);
        const texts = rows.map((r): Pending => ({ key1: r.id, text: r.text, hint: r.language_hint }));
        reanalysed += await storeFeedbackAnalyses(tx, orgId, texts, texts.map((p) => analyseSafely(p.text, p.hint, taxonomy)), taxonomy.version);
        if (rows.length > 0) afterText = rows[rows.length - 1].id;
        return rows.length;
      });
      if (taken < limit) break;
    }
    // Finished only when nothing older than the version is left (a row another worker holds, or
    // a change of taxonomy during the pass, means another pass).
    const [left] = await db.query<{ stale: boolean; version: number }>(
      `select exists (select 1 from text_insights where org_id = $1 and taxonomy_version < s.taxonomy_version)
           or exists (select 1 from feedback_texts where org_id = $1 and analysed_at is not null and taxonomy_version < s.taxonomy_version) as stale,
              s.taxonomy_version as version
         from text_analysis_state s where s.org_id = $1`, [orgId]);
    if (!left) break;
    if (!left.stale) {
      await db.query(
        `update text_analysis_state set reanalysis_finished_at = now() where org_id = $1 and taxonomy_version = $2 and reanalysis_finished_at is null`,
        [orgId, left.version]);
      break;
    }
    if (left.version === version) break;
  }
  return { reanalysed };
}

/**
 * After an upgrade that changed the analyser (ANALYSER_VERSION), the organisations that have
 * texts analysed by an older one: their taxonomy version is bumped and their re-analysis
 * started, so the texts are redone in the background with the progress shown as after a
 * taxonomy change, and a chart never mixes two analysers' readings as current. An organisation
 * whose re-analysis is still running (started within six hours) is left to finish it. Once a
 * sweep finds none left, later sweeps of the same process skip the look.
 */
export async function reanalyseOutdated(db: Database, queue: JobQueue | undefined): Promise<string[]> {
  if (analysesCurrent.has(db)) return [];
  const rows = await db.query<{ orgId: string; running: boolean }>(
    `select s.org_id as "orgId",
            (s.reanalysis_started_at is not null and s.reanalysis_finished_at is null and s.reanalysis_started_at >= now() - interval '6 hours') as running
       from text_analysis_state s
      where exists (select 1 from text_insights i where i.org_id = s.org_id and i.analyser_version <> $1)
         or exists (select 1 from feedback_texts f where f.org_id = s.org_id and f.analysed_at is not null and f.analyser_version is distinct from $1)`,
    [ANALYSER_VERSION]);
  // None left: the analyser cannot change without a restart, so this process need not look again
  // (the look reads every stored analysis).
  if (rows.length === 0) analysesCurrent.add(db);
  const started = rows.filter((r) => !r.running).map((r) => r.orgId);
  for (const orgId of started) {
    await db.transaction((tx) => bumpVersion(tx, orgId));
    await startReanalysis(queue, orgId);
  }
  return started;
}

/** Databases whose stored analyses are all by this analyser, as a sweep found. */
const analysesCurrent = new WeakSet<Database>();

/** Starts the re-analysis of an organisation (after its taxonomy changed). */
export async function startReanalysis(queue: JobQueue | undefined, orgId: string): Promise<void> {
  await queue?.send(TEXT_REANALYSE_JOB, { orgId }, { retryLimit: 3, retryDelay: 30 });
}

export interface AnalysisTiming {
  /** The next run starts this long after one finds nothing more to do. */
  restartSeconds: number;
  /** A run busy with a backlog hands over after this long, so shutdowns stay quick. */
  maxRunMs: number;
  /** How often a pass looks at the whole rescan window again (the others start after the newest answer seen). */
  rescanEveryMs: number;
}

export const defaultAnalysisTiming: AnalysisTiming = { restartSeconds: 2, maxRunMs: 20_000, rescanEveryMs: 30_000 };

/** Sends the next run unless one is already waiting (several processes converge on one chain). */
export async function continueAnalysing(ctx: Pick<JobContext, 'db' | 'queue'>, exceptJobIds: string[] = [], startAfter = 0): Promise<void> {
  await sendUnlessWaiting(ctx.db, ctx.queue(), TEXT_ANALYSE_JOB, exceptJobIds, { retryLimit: 0, startAfter });
}

export function textAnalysisJob(ctx: JobContext, timing: AnalysisTiming = defaultAnalysisTiming) {
  // Passes start after the newest answer this process has analysed; every rescanEveryMs one pass
  // starts from the database cursor instead, to find answers committed late within the window.
  const newestSeen = new Map<string, string>();
  let rescannedAt = 0;
  return defineJob<Record<string, never>>({
    name: TEXT_ANALYSE_JOB,
    batchSize: 10,
    // The job re-sends itself; a retried one would be a second chain.
    retryLimit: 0,
    handle: async (jobs) => {
      const started = Date.now();
      try {
        for (;;) {
          if (Date.now() - rescannedAt >= timing.rescanEveryMs) {
            newestSeen.clear();
            rescannedAt = Date.now();
          }
          const { more } = await analyseNewTexts(ctx.db, { newestSeen });
          if (!more || Date.now() - started > timing.maxRunMs) break;
        }
      } finally {
        await continueAnalysing(ctx, jobs.map((j) => j.id), timing.restartSeconds);
      }
    },
  });
}

export const textSweepJob = (ctx: JobContext) => defineJob<object>({
  name: TEXT_SWEEP_JOB,
  batchSize: 1,
  retryLimit: 1,
  handle: async () => {
    await rescanAllTexts(ctx.db);
    await reanalyseOutdated(ctx.db, ctx.queue());
  },
});

export const textReanalysisJob = (ctx: JobContext) => defineJob<{ orgId: string }>({
  name: TEXT_REANALYSE_JOB,
  batchSize: 5,
  retryLimit: 3,
  handle: async (jobs) => {
    for (const orgId of new Set(jobs.map((j) => j.data.orgId))) await reanalyseOrganisation(ctx.db, orgId);
  },
});
