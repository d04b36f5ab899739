/**
 * Scoring texts with a topic model learned from an organisation's own labelled texts (the
 * model and its training are in learn.ts). Kept apart from the training, which detects the
 * language of unlabelled examples: topics.ts predicts with a model, and language detection
 * reads topics.ts, so prediction must not import the detector.
 */
import { textFeatures } from './features.ts';
import type { DetectedLanguage } from './tokens.ts';

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
export function topicScores(model: TopicModel, text: string, language: DetectedLanguage): Record<string, number> {
  const features = textFeatures(text, language);
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

export function predictTopics(model: TopicModel, text: string, language: DetectedLanguage): string[] {
  const scores = topicScores(model, text, language);
  return model.labels.filter((l) => scores[l] !== undefined && scores[l] > model.threshold);
}
