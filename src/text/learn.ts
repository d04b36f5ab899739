import { KaikuError } from '../errors.ts';
import { textFeatures } from './features.ts';
import { detectLanguage } from './language.ts';
import { isLanguage, type DetectedLanguage } from './tokens.ts';

export { predictTopics, topicScores, type TopicModel } from './learned.ts';
import type { TopicModel } from './learned.ts';

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
