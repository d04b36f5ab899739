import { readFileSync } from 'node:fs';
import { detectLanguage } from './language.ts';
import {
  FeatureBuffer, RULE_TOPIC_THRESHOLD_SHARE, TOPIC_RELATIVE_CUT, extractFeatures, lexiconTier, loadModel, modelScores, sentimentProbabilities, sigmoid, SENTIMENT_CLASSES, type NgramModel, type NgramModelFile,
} from './ngram.ts';
import { sentimentOfTokens, type SentimentLabel } from './sentiment.ts';
import { LANGUAGES, isLanguage, tokenize, type DetectedLanguage, type Language, type Token } from './tokens.ts';
import { getDefaultTaxonomy, topicsOfTokens, type Taxonomy } from './topics.ts';

export interface TextAnalysis {
  language: DetectedLanguage;
  sentiment: SentimentLabel;
  /** −1…1 */
  score: number;
  topics: string[];
  /**
   * 0–1: the blended probability (lexicon and learned layer, ngram.ts) of the sentiment given;
   * 1 for an empty text.
   */
  sentimentConfidence: number;
  /** Per topic of `topics` that the learned layer knows (the default ones): its blended probability, 0–1. */
  topicConfidence: Record<string, number>;
  /** The sentiment or a reported topic is close to its decision boundary: show it as uncertain. */
  lowConfidence: boolean;
  /** The text was longer than MAX_TEXT_LENGTH and only its beginning was analysed. */
  truncated: boolean;
  warning?: string;
}

export interface AnalyzeOptions {
  /** Known language (e.g. from the survey version); detected when absent or not supported. */
  language?: string;
  taxonomy?: Taxonomy;
  /** false: the lexicon core alone, without the learned layer (training and comparisons). */
  learned?: boolean;
}

/** Below this blended probability the sentiment is shown as uncertain. */
export const LOW_SENTIMENT_CONFIDENCE = 0.6;
/** A topic within this of its threshold is shown as uncertain. */
const TOPIC_MARGIN = 0.1;

export const MAX_TEXT_LENGTH = 5_000;

// C0/C1 controls other than tab and line breaks, and U+FFFD left by decoding binary as UTF-8.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/g;

const EMPTY = (truncated: boolean, language: DetectedLanguage = 'other', warning?: string): TextAnalysis => ({
  language,
  sentiment: 'neutral',
  score: 0,
  topics: [],
  sentimentConfidence: 1,
  topicConfidence: {},
  lowConfidence: false,
  truncated,
  ...(warning ? { warning } : {}),
});

/**
 * Language, sentiment and topics of one text. Total: any string (or even a non-string from a
 * loose caller) gives a result; garbage gives a neutral result with a warning.
 */
export function analyzeText(text: string, options: AnalyzeOptions = {}): TextAnalysis {
  if (typeof text !== 'string') return EMPTY(false, 'other', 'not_text');
  let body = text;
  let truncated = false;
  if (body.length > MAX_TEXT_LENGTH) {
    let end = MAX_TEXT_LENGTH;
    // Do not cut a surrogate pair (an emoji) in half.
    const code = body.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
    body = body.slice(0, end);
    truncated = true;
  }
  const controls = body.match(CONTROL)?.length ?? 0;
  if (controls > 0) {
    if (body.includes('\u0000') || controls / body.length > 0.05) return EMPTY(truncated, 'other', 'binary_or_control_characters');
    body = body.replace(CONTROL, ' ');
  }
  if (!body.trim()) return EMPTY(truncated, isLanguage(options.language) ? options.language : 'other');

  const language: DetectedLanguage = isLanguage(options.language) ? options.language : detectLanguage(body);
  const tokens = tokenize(body);
  const taxonomy = options.taxonomy ?? getDefaultTaxonomy();
  const topics = topicsOfTokens(tokens, language, taxonomy, body);
  const aboutWaiting = topics.includes('wait_time') || (language !== 'other' && mentionsWaiting(tokens, language));
  const lexicon = sentimentOfTokens(tokens, language, { aboutWaiting });
  const model = options.learned === false || language === 'other' ? undefined : ngramModel(language);
  const result: TextAnalysis = model
    ? { language, ...blend(model, tokens, body, lexicon, topics, taxonomy), truncated }
    : { language, ...lexicon, topics, ...lexiconConfidence(lexicon.score), topicConfidence: {}, truncated };
  if (!tokens.some((t) => t.kind === 'word' || t.kind === 'emoji')) result.warning = 'no_words';
  return result;
}

function mentionsWaiting(tokens: ReturnType<typeof tokenize>, language: (typeof LANGUAGES)[number]): boolean {
  // The default wait_time rules decide "long" vs "short", even when an organisation's taxonomy dropped the topic.
  const waitTopic = getDefaultTaxonomy().topics.filter((t) => t.id === 'wait_time');
  return topicsOfTokens(tokens, language, { topics: waitTopic, phrases: {} }).length > 0;
}

const models = new Map<Language, NgramModel | null>();

/** The committed model of a language (src/text/model/, next to this file or in dist/model/), read on first use. */
export function ngramModel(language: Language): NgramModel | undefined {
  let model = models.get(language);
  if (model === undefined) {
    try {
      const file = JSON.parse(readFileSync(new URL(`./model/${language}.json`, import.meta.url), 'utf8')) as NgramModelFile;
      model = loadModel(file);
    } catch (error) {
      // No model shipped (a checkout before the first training): the lexicon core alone.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      model = null;
    }
    models.set(language, model);
  }
  return model ?? undefined;
}

/** The lexicon alone: sure in proportion to its score, half sure of a neutral it found nothing for. */
function lexiconConfidence(score: number): { sentimentConfidence: number; lowConfidence: boolean } {
  const sentimentConfidence = score === 0 ? 0.5 : Math.min(1, 0.5 + Math.abs(score));
  return { sentimentConfidence, lowConfidence: sentimentConfidence < LOW_SENTIMENT_CONFIDENCE };
}

const features = new FeatureBuffer();
const scores = new Float64Array(64);
const probabilities = new Float64Array(3);

/**
 * Lexicon and learned layer together: class probabilities (1 − w) · model + w · lexicon, where
 * the lexicon counts as certain of its label, with w by how much it found (lexiconTier). Topics likewise per default topic; an organisation's own topics and the
 * learned organisation model (topicsOfTokens) stay as the rules found them.
 */
function blend(
  model: NgramModel,
  tokens: Token[],
  body: string,
  lexicon: { sentiment: SentimentLabel; score: number },
  ruleTopics: string[],
  taxonomy: Taxonomy,
): Pick<TextAnalysis, 'sentiment' | 'score' | 'topics' | 'sentimentConfidence' | 'topicConfidence' | 'lowConfidence'> {
  const file = model.file;
  extractFeatures(tokens, body, features);
  modelScores(model, features, scores);
  sentimentProbabilities(scores, probabilities);
  const w = file.sentimentLexiconWeights[lexiconTier(lexicon.score)];
  let best = 0;
  let bestP = -1;
  const p = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    p[k] = (1 - w) * probabilities[k] + (lexicon.sentiment === SENTIMENT_CLASSES[k] ? w : 0);
    if (p[k] > bestP) (bestP = p[k]), (best = k);
  }
  let lowConfidence = bestP < LOW_SENTIMENT_CONFIDENCE;
  const topicConfidence: Record<string, number> = {};
  const blended = new Map<string, boolean>();
  const wt = file.topicLexiconWeight;
  const q = file.topics.map((id, t) => (1 - wt) * sigmoid(scores[3 + t]) + (ruleTopics.includes(id) ? wt : 0));
  const over = file.topics.map((id, t) => q[t] > (ruleTopics.includes(id) ? RULE_TOPIC_THRESHOLD_SHARE : 1) * file.thresholds[t]);
  let top = 0;
  q.forEach((x, t) => {
    if (over[t] && x > top) top = x;
  });
  file.topics.forEach((id, t) => {
    const threshold = file.thresholds[t];
    const on = over[t] && q[t] >= TOPIC_RELATIVE_CUT * top;
    blended.set(id, on);
    if (on) {
      topicConfidence[id] = Math.round(q[t] * 1000) / 1000;
      if (q[t] - threshold < TOPIC_MARGIN) lowConfidence = true;
    }
  });
  // Taxonomy order, as topicsOfTokens gives it; a default topic the organisation removed stays removed.
  const topics = taxonomy.topics.map((t) => t.id).filter((id) => (blended.has(id) ? blended.get(id) : ruleTopics.includes(id)));
  // Topics the rules found outside the taxonomy (the learned organisation model) stay; a default
  // topic the blend decided against stays off, even when the rules found it.
  for (const id of ruleTopics) if (!topics.includes(id) && !blended.has(id)) topics.push(id);
  for (const id of Object.keys(topicConfidence)) if (!topics.includes(id)) delete topicConfidence[id];
  const sentiment = SENTIMENT_CLASSES[best];
  // The score keeps the lexicon's strength when the blend agrees with it, else the blend's lean.
  const score = sentiment === lexicon.sentiment ? lexicon.score : Math.round((p[0] - p[2]) * 1000) / 1000;
  return { sentiment, score, topics, sentimentConfidence: Math.round(bestP * 1000) / 1000, topicConfidence, lowConfidence };
}
