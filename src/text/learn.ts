import { KaikuError } from '../errors.ts';
import { textFeatures } from './features.ts';
import { detectLanguage } from './language.ts';
import { isLanguage, type DetectedLanguage } from './tokens.ts';

/**
 * Topics learned from an organisation's own labelled texts: one-vs-rest multinomial naive
 * Bayes over stems and stem bigrams. The model is plain JSON of counts, so it can be stored in
 * the database, merged with new examples later, and read back without any library.
 */
export interface TopicModel {
  format: 'kaiku-topic-nb';
  version: 1;
  labels: string[];
  /** Documents seen, and documents per label (same order as labels). */
  documents: number;
  labelDocuments: number[];
  /** Feature occurrences in all documents, and per label. */
  totalFeatures: number;
  labelFeatures: number[];
  /** feature → [count in all documents, count in documents of label 0, label 1, …]. */
  counts: Record<string, number[]>;
  /** Decision threshold on the log-odds; higher means fewer, surer topics. */
  threshold: number;
}

export interface LabelledText {
  text: string;
  language?: string;
  topics: string[];
}

const LABEL = /^[a-z][a-z0-9_]{0,62}$/;

function languageOf(text: string, language?: string): DetectedLanguage {
  return isLanguage(language) ? language : detectLanguage(text);
}

export function trainTopicModel(examples: LabelledText[], options: { threshold?: number } = {}): TopicModel {
  const labels = [...new Set(examples.flatMap((e) => e.topics ?? []))].sort();
  for (const label of labels) {
    if (!LABEL.test(label)) throw new KaikuError('invalid_label', `Topic label "${label}" must be lower-case letters, digits and _`, { field: 'topics' });
  }
  const index = new Map(labels.map((l, i) => [l, i]));
  const model: TopicModel = {
    format: 'kaiku-topic-nb',
    version: 1,
    labels,
    documents: 0,
    labelDocuments: labels.map(() => 0),
    totalFeatures: 0,
    labelFeatures: labels.map(() => 0),
    counts: Object.create(null) as Record<string, number[]>,
    threshold: options.threshold ?? 0,
  };
  for (const example of examples) {
    if (typeof example?.text !== 'string') continue;
    const features = textFeatures(example.text, languageOf(example.text, example.language));
    const own = [...new Set(example.topics ?? [])].map((l) => index.get(l)!);
    model.documents++;
    for (const l of own) model.labelDocuments[l]++;
    model.totalFeatures += features.length;
    for (const l of own) model.labelFeatures[l] += features.length;
    for (const f of features) {
      const row = (model.counts[f] ??= new Array<number>(labels.length + 1).fill(0));
      row[0]++;
      for (const l of own) row[l + 1]++;
    }
  }
  return model;
}

/** Per-model constants of the scoring, computed once: counting the vocabulary per text was most of its cost. */
interface Prepared {
  /** Per label: prior log-odds and the two smoothing denominators, or null when the label is not predicted. */
  labels: Array<{ prior: number; logIn: number; logOut: number } | null>;
}
const preparedModels = new WeakMap<TopicModel, Prepared>();

function prepare(model: TopicModel): Prepared {
  let prepared = preparedModels.get(model);
  if (prepared) return prepared;
  const vocabulary = Object.keys(model.counts).length || 1;
  prepared = {
    labels: model.labels.map((_, l) => {
      const docsIn = model.labelDocuments[l];
      const docsOut = model.documents - docsIn;
      if (docsIn < 2 || docsOut < 1) return null;
      const tokensIn = model.labelFeatures[l];
      const tokensOut = model.totalFeatures - tokensIn;
      return { prior: Math.log(docsIn / docsOut), logIn: Math.log(tokensIn + vocabulary), logOut: Math.log(tokensOut + vocabulary) };
    }),
  };
  preparedModels.set(model, prepared);
  return prepared;
}

/** Log-odds per label that the text has it; labels with under two examples are not predicted. */
export function topicScores(model: TopicModel, text: string, language?: DetectedLanguage): Record<string, number> {
  const features = textFeatures(text, language ?? languageOf(text));
  const { labels } = prepare(model);
  const rows = features.map((f) => model.counts[f]).filter((row): row is number[] => row !== undefined);
  const scores: Record<string, number> = {};
  // A text with no known words says nothing; do not let the prior alone decide.
  if (rows.length === 0) return scores;
  model.labels.forEach((label, l) => {
    const constants = labels[l];
    if (!constants) return;
    let logOdds = constants.prior;
    for (const row of rows) {
      const cIn = row[l + 1];
      const cOut = row[0] - cIn;
      logOdds += Math.log(cIn + 1) - constants.logIn - Math.log(cOut + 1) + constants.logOut;
    }
    scores[label] = logOdds;
  });
  return scores;
}

export function predictTopics(model: TopicModel, text: string, language?: DetectedLanguage): string[] {
  const scores = topicScores(model, text, language);
  return model.labels.filter((l) => scores[l] !== undefined && scores[l] > model.threshold);
}

export function topicModelToJSON(model: TopicModel): string {
  return JSON.stringify(model);
}

/** Parses and validates a stored model; a damaged one is an error value, never a silent guess. */
export function topicModelFromJSON(json: string | unknown): TopicModel {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new KaikuError('invalid_model', `The topic model is not valid JSON: ${(error as Error).message}`);
    }
  }
  const m = value as Partial<TopicModel>;
  const fail = (why: string) => new KaikuError('invalid_model', `The topic model is damaged: ${why}`);
  if (!m || typeof m !== 'object' || m.format !== 'kaiku-topic-nb' || m.version !== 1) throw fail('unknown format or version');
  if (!Array.isArray(m.labels) || !m.labels.every((l) => typeof l === 'string')) throw fail('labels');
  const n = m.labels.length;
  const isCount = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  if (!isCount(m.documents) || !isCount(m.totalFeatures) || typeof m.threshold !== 'number') throw fail('totals');
  if (!Array.isArray(m.labelDocuments) || m.labelDocuments.length !== n || !m.labelDocuments.every(isCount)) throw fail('labelDocuments');
  if (!Array.isArray(m.labelFeatures) || m.labelFeatures.length !== n || !m.labelFeatures.every(isCount)) throw fail('labelFeatures');
  if (!m.counts || typeof m.counts !== 'object') throw fail('counts');
  const counts = Object.create(null) as Record<string, number[]>;
  for (const [f, row] of Object.entries(m.counts)) {
    if (!Array.isArray(row) || row.length !== n + 1 || !row.every(isCount)) throw fail(`counts of "${f}"`);
    counts[f] = row;
  }
  return { ...(m as TopicModel), counts };
}
