/**
 * An organisation's topic taxonomy, stored in the database: the default topics, its own topics
 * (keyword rules per language, stem-aware, or `any` for every language), extra keywords for a
 * default topic (a topic row with the default's id), and a topic model learned from texts its
 * analysts labelled (learn.ts). Every change bumps the taxonomy version and starts a
 * re-analysis of the organisation's texts (analysis.ts); analyses made with an older version
 * are not shown as current.
 */
import type { Queryable } from '../db/connection.ts';
import { KaikuError, badInput, notFound } from '../errors.ts';
import { DEFAULT_TOPICS } from './lexicon/index.ts';
import { topicModelFromJSON, trainTopicModel, type LabelledText, type TopicModel } from './learn.ts';
import { LANGUAGES, type Language } from './tokens.ts';
import { compileTaxonomy, type Taxonomy, type TopicDefinition } from './topics.ts';

const isDefaultTopic = (id: string) => (DEFAULT_TOPICS as readonly string[]).includes(id);

export type Keywords = Partial<Record<Language | 'any', string[]>>;

export interface OrgTopic {
  id: string;
  label: string | null;
  keywords: Keywords;
  /** A default topic this row adds keywords to. */
  isDefault: boolean;
}

export interface OrgTaxonomy {
  version: number;
  taxonomy: Taxonomy;
  /** Every topic id, defaults first, then the organisation's own in id order, then learned-only labels. */
  topicIds: string[];
}

/** Labelled examples kept per organisation; training on all of them stays well under a second. */
export const MAX_EXAMPLES = 20_000;
export const MAX_CUSTOM_TOPICS = 200;

/** Creates the organisation's state row if it has none. */
export async function ensureState(db: Queryable, orgId: string): Promise<void> {
  await db.query(`insert into text_analysis_state (org_id) values ($1) on conflict (org_id) do nothing`, [orgId]);
}

async function readState(db: Queryable, orgId: string): Promise<{ version: number; model: unknown }> {
  const [row] = await db.query<{ taxonomy_version: number; model: unknown }>(
    `select taxonomy_version, model from text_analysis_state where org_id = $1`, [orgId]);
  return { version: row?.taxonomy_version ?? 1, model: row?.model ?? null };
}

export async function listTopics(db: Queryable, orgId: string): Promise<OrgTopic[]> {
  const rows = await db.query<{ id: string; label: string | null; keywords: Keywords }>(
    `select id, label, keywords from text_topics where org_id = $1 order by id`, [orgId]);
  return rows.map((r) => ({ id: r.id, label: r.label, keywords: r.keywords ?? {}, isDefault: isDefaultTopic(r.id) }));
}

function build(version: number, topics: OrgTopic[], model: TopicModel | undefined): OrgTaxonomy {
  const definitions: TopicDefinition[] = topics.map((t) => ({ id: t.id, label: t.label ?? undefined, keywords: t.keywords }));
  const taxonomy = compileTaxonomy(definitions, { learned: model });
  const ids = taxonomy.topics.map((t) => t.id);
  for (const label of model?.labels ?? []) if (!ids.includes(label)) ids.push(label);
  return { version, taxonomy, topicIds: ids };
}

// Compiling is a few milliseconds; the version check is one primary-key read per use.
const compiled = new Map<string, OrgTaxonomy>();

/** The organisation's compiled taxonomy at its current version. */
export async function orgTaxonomy(db: Queryable, orgId: string): Promise<OrgTaxonomy> {
  const state = await readState(db, orgId);
  const cached = compiled.get(orgId);
  if (cached && cached.version === state.version) return cached;
  let model: TopicModel | undefined;
  if (state.model) {
    try {
      model = topicModelFromJSON(state.model);
    } catch (error) {
      // A damaged model must not stop the rule topics; the next label change retrains it.
      process.emitWarning(`text topic model of ${orgId} ignored: ${(error as Error).message}`);
    }
  }
  const result = build(state.version, await listTopics(db, orgId), model);
  if (compiled.size > 1_000) compiled.clear();
  compiled.set(orgId, result);
  return result;
}

/** Validates keywords: lists of non-empty words or phrases per language (or `any`). */
export function validateKeywords(keywords: unknown, field = 'keywords'): Keywords {
  if (!keywords || typeof keywords !== 'object' || Array.isArray(keywords)) throw badInput('keywords must be an object of lists per language', field);
  const out: Keywords = {};
  for (const [language, list] of Object.entries(keywords)) {
    if (language !== 'any' && !(LANGUAGES as readonly string[]).includes(language)) {
      throw badInput(`keywords.${language}: the language must be one of ${LANGUAGES.join(', ')} or any`, `${field}.${language}`);
    }
    if (!Array.isArray(list)) throw badInput(`keywords.${language} must be a list`, `${field}.${language}`);
    const words = list.map((w, i) => {
      if (typeof w !== 'string' || !w.trim() || w.length > 100) throw badInput(`keywords.${language}[${i}] must be a word or phrase of 1–100 characters`, `${field}.${language}.${i}`);
      return w.trim().toLowerCase();
    });
    out[language as Language | 'any'] = [...new Set(words)];
  }
  return out;
}

/**
 * Bumps the taxonomy version (in the caller's transaction); the caller then starts the re-analysis.
 * Also used when a Kaiku upgrade changed the analyser's results (analysis.ts `reanalyseOutdated`).
 */
export async function bumpVersion(tx: Queryable, orgId: string, model?: { model: TopicModel | null; examples: number }): Promise<number> {
  await ensureState(tx, orgId);
  const [row] = await tx.query<{ taxonomy_version: number }>(
    `update text_analysis_state set taxonomy_version = taxonomy_version + 1, updated_at = now(),
            reanalysis_started_at = now(), reanalysis_finished_at = null
            ${model ? ', model = $2::jsonb, model_examples = $3' : ''}
      where org_id = $1 returning taxonomy_version`,
    model ? [orgId, model.model === null ? null : JSON.stringify(model.model), model.examples] : [orgId]);
  return row.taxonomy_version;
}

export interface TopicInput {
  label?: string;
  keywords: Keywords;
}

/** Creates or replaces an organisation topic; returns the new taxonomy version. */
export async function putTopic(tx: Queryable, orgId: string, id: string, input: TopicInput): Promise<number> {
  const keywords = validateKeywords(input.keywords);
  try {
    compileTaxonomy([{ id, keywords }], { includeDefaults: false });
  } catch (error) {
    if (error instanceof KaikuError) throw badInput(error.message, error.field ?? 'id');
    throw error;
  }
  const [{ count }] = await tx.query<{ count: number }>(`select count(*)::int as count from text_topics where org_id = $1 and id <> $2`, [orgId, id]);
  if (count >= MAX_CUSTOM_TOPICS) throw badInput(`An organisation can have at most ${MAX_CUSTOM_TOPICS} topics of its own`, 'id');
  await tx.query(
    `insert into text_topics (org_id, id, label, keywords) values ($1, $2, $3, $4::jsonb)
     on conflict (org_id, id) do update set label = excluded.label, keywords = excluded.keywords, updated_at = now()`,
    [orgId, id, input.label ?? null, JSON.stringify(keywords)]);
  return bumpVersion(tx, orgId);
}

/**
 * Deletes an organisation topic (for a default id: only the keywords it added). Its label is
 * taken off the examples and the model retrained, so no analysis keeps a topic that is gone.
 */
export async function deleteTopic(tx: Queryable, orgId: string, id: string): Promise<number> {
  const deleted = await tx.query(`delete from text_topics where org_id = $1 and id = $2 returning id`, [orgId, id]);
  if (deleted.length === 0) throw notFound(`Topic "${id}" of this organisation`, 'id');
  if (isDefaultTopic(id)) return bumpVersion(tx, orgId);
  const relabelled = await tx.query(
    `update text_topic_examples set topics = array_remove(topics, $2) where org_id = $1 and $2 = any(topics) returning id`, [orgId, id]);
  return bumpVersion(tx, orgId, relabelled.length > 0 ? await retrain(tx, orgId) : undefined);
}

export interface ExampleInput {
  text: string;
  language?: string;
  topics: string[];
}

async function retrain(tx: Queryable, orgId: string): Promise<{ model: TopicModel | null; examples: number }> {
  const rows = await tx.query<{ text: string; language: string | null; topics: string[] }>(
    `select text, language, topics from text_topic_examples where org_id = $1 order by created_at, id`, [orgId]);
  const examples: LabelledText[] = rows.map((r) => ({ text: r.text, language: r.language ?? undefined, topics: r.topics }));
  return { model: examples.length === 0 ? null : trainTopicModel(examples), examples: examples.length };
}

/**
 * Stores labelled examples and retrains the organisation's topic model from all of them.
 * Labels must be topics of the taxonomy (a topic with no keywords is learned from examples only).
 */
export async function addExamples(tx: Queryable, orgId: string, examples: ExampleInput[]): Promise<{ ids: string[]; version: number; examples: number }> {
  const known = new Set([...DEFAULT_TOPICS, ...(await listTopics(tx, orgId)).map((t) => t.id)]);
  examples.forEach((e, i) => {
    if (!e.text.trim()) throw badInput('text is empty', `examples.${i}.text`);
    if (e.text.includes('\u0000')) throw badInput('text contains binary data (NUL characters)', `examples.${i}.text`);
    e.topics.forEach((topic, j) => {
      if (!known.has(topic)) throw badInput(`Unknown topic "${topic}"; create it first (PUT /api/v1/text/taxonomy/topics/${topic})`, `examples.${i}.topics.${j}`);
    });
  });
  const [{ count }] = await tx.query<{ count: number }>(`select count(*)::int as count from text_topic_examples where org_id = $1`, [orgId]);
  if (count + examples.length > MAX_EXAMPLES) throw badInput(`An organisation can keep at most ${MAX_EXAMPLES.toLocaleString('en')} labelled examples (it has ${count})`, 'examples');
  const rows = await tx.query<{ id: string }>(
    `insert into text_topic_examples (org_id, text, language, topics)
     select $1, t, l, string_to_array(p, ',') from unnest($2::text[], $3::text[], $4::text[]) as u(t, l, p)
     returning id`,
    [orgId, examples.map((e) => e.text), examples.map((e) => e.language ?? null), examples.map((e) => [...new Set(e.topics)].join(','))]);
  const trained = await retrain(tx, orgId);
  return { ids: rows.map((r) => r.id), version: await bumpVersion(tx, orgId, trained), examples: trained.examples };
}

export async function deleteExample(tx: Queryable, orgId: string, id: string): Promise<number> {
  const deleted = await tx.query(`delete from text_topic_examples where org_id = $1 and id = $2 returning id`, [orgId, id]);
  if (deleted.length === 0) throw notFound('Example', 'id');
  return bumpVersion(tx, orgId, await retrain(tx, orgId));
}

export async function listExamples(db: Queryable, orgId: string, limit: number, after?: string) {
  return db.query<{ id: string; text: string; language: string | null; topics: string[]; createdAt: string }>(
    `select id, text, language, topics, created_at as "createdAt" from text_topic_examples
      where org_id = $1 and ($2::uuid is null or id > $2::uuid) order by id limit $3`, [orgId, after ?? null, limit]);
}

const isoOrNull = (t: Date | string | null) => (t === null ? null : new Date(t).toISOString());

/** Re-analysis progress: texts analysed with the current taxonomy version out of all analysed texts. */
export async function taxonomyStatus(db: Queryable, orgId: string) {
  await ensureState(db, orgId);
  const [state] = await db.query<{ taxonomy_version: number; model_examples: number; model: { labels?: string[] } | null; reanalysis_started_at: Date | null; reanalysis_finished_at: Date | null }>(
    `select taxonomy_version, model_examples, model, reanalysis_started_at, reanalysis_finished_at from text_analysis_state where org_id = $1`, [orgId]);
  const [counts] = await db.query<{ current: number; total: number }>(
    `select (select count(*) filter (where taxonomy_version = $2) from text_insights where org_id = $1)
          + (select count(*) filter (where taxonomy_version = $2) from feedback_texts where org_id = $1 and analysed_at is not null) as current,
            (select count(*) from text_insights where org_id = $1)
          + (select count(*) from feedback_texts where org_id = $1 and analysed_at is not null) as total`,
    [orgId, state.taxonomy_version]);
  const current = Number(counts.current);
  const total = Number(counts.total);
  return {
    version: state.taxonomy_version,
    learnedModel: { examples: state.model_examples, topics: state.model?.labels ?? [] },
    reanalysis: {
      startedAt: isoOrNull(state.reanalysis_started_at),
      finishedAt: isoOrNull(state.reanalysis_finished_at),
      analysed: current,
      total,
      pending: total - current,
      done: total === current,
    },
  };
}
