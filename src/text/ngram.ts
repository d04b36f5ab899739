/**
 * The learned layer of the text analytics (issue 16): per language, a linear model over hashed
 * word uni- and bigrams and character 2–5-grams within words, blended with the lexicon core in
 * analyze.ts. Sentiment is a 3-class softmax, each default topic a one-vs-rest logistic output
 * with its own threshold. Character n-grams are taken from each word as typed and, for a word
 * with fi/sv/pl diacritics, also with them folded, so "dziala" meets what "działa" taught.
 * The weights are trained by scripts/train-text.ts and ship in src/text/model/ (no download).
 */
import { foldDiacritics, type Language, type Token } from './tokens.ts';

export const SENTIMENT_CLASSES = ['positive', 'neutral', 'negative'] as const;

/** The model file of one language, as scripts/train-text.ts writes it. */
export interface NgramModelFile {
  format: 'kaiku-ngram-linear';
  version: 1;
  language: Language;
  /** SHA-256 of the training texts and labels (scripts/train-text.ts), to notice a stale model. */
  dataHash: string;
  trainedOn: number;
  /** Hash buckets (a power of two); outputs per bucket = 3 sentiment + topics.length. */
  buckets: number;
  topics: string[];
  /** Per output: weight = int8 × scale. */
  scales: number[];
  bias: number[];
  /** Base64 of buckets × outputs int8 weights, bucket-major. */
  weights: string;
  /**
   * Blend: probability = (1 − w) · model + w · lexicon, for sentiment and for topics. Sentiment
   * has one w per lexicon tier (lexiconTier): it matched nothing, scored weakly, scored strongly.
   */
  sentimentLexiconWeights: number[];
  topicLexiconWeight: number;
  /** Per topic, the blended probability above which the topic is reported. */
  thresholds: number[];
  /** Out-of-fold figures on the training data when it was trained (README in src/text/corpus/). */
  validation?: Record<string, number>;
}

export interface NgramModel {
  file: NgramModelFile;
  outputs: number;
  mask: number;
  /** Kept as int8 (scaled per output at the end): a quarter of the memory, so fewer cache misses per feature. */
  weights: Int8Array;
}

export function loadModel(file: NgramModelFile): NgramModel {
  const outputs = 3 + file.topics.length;
  const bytes = Buffer.from(file.weights, 'base64');
  if (bytes.length !== file.buckets * outputs) throw new Error(`text model ${file.language}: ${bytes.length} weights, expected ${file.buckets * outputs}`);
  return { file, outputs, mask: file.buckets - 1, weights: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
}

// FNV-1a, 32 bits; one seed per feature family so a word and a character gram never share a hash.
const FNV_OFFSET = 0x811c9dc5;
const mix = (h: number, c: number) => Math.imul(h ^ c, 0x01000193);
const WORD = 0x57;
const BIGRAM = 0x42;
const CHAR = 0x43;
const SIGNAL = 0x53;

/** Feature hashes of a text, reused between calls (one text at a time; pure otherwise). */
export class FeatureBuffer {
  hashes = new Int32Array(1024);
  length = 0;
  push(h: number): void {
    if (this.length === this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[this.length++] = h;
  }
}

const HAS_FOLDABLE = /[äåöąęłóśżźćń]/;
const CAPS_RUN = /\p{Lu}{3}/u;

function hashString(seed: number, s: string): number {
  let h = mix(FNV_OFFSET, seed);
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

const CHAR_START = mix(FNV_OFFSET, CHAR);
const codes = new Int32Array(256);

/** Character 2–5-grams of "<word>" (boundary marks included), hashed without building substrings. */
function charGrams(word: string, out: FeatureBuffer): void {
  const n = Math.min(word.length, codes.length - 2) + 2;
  codes[0] = 60;
  for (let i = 1; i < n - 1; i++) codes[i] = word.charCodeAt(i - 1);
  codes[n - 1] = 62;
  for (let start = 0; start < n - 1; start++) {
    let h = mix(CHAR_START, codes[start]);
    const end = Math.min(n, start + 5);
    for (let i = start + 1; i < end; i++) {
      h = mix(h, codes[i]);
      out.push(h);
    }
  }
}

const CAPS = hashString(SIGNAL, 'caps');
const CAPS_WORD = hashString(SIGNAL, 'caps-word');
const EXCLAMATION = hashString(SIGNAL, '!');
const QUESTION = hashString(SIGNAL, '?');
const BIAS = hashString(SIGNAL, 'bias');

/**
 * Features of a tokenised text (tokens.ts): word unigrams, bigrams of neighbouring words (not
 * across punctuation), character grams, emoji, and signals of tone that tokenising loses (all
 * capitals, "!", "?"). `raw` is the text as typed, for the capitals.
 */
export function extractFeatures(tokens: Token[], raw: string, out: FeatureBuffer): void {
  out.length = 0;
  let previous = -1;
  for (const t of tokens) {
    if (t.kind === 'word') {
      const h = hashString(WORD, t.text);
      out.push(h);
      if (previous !== -1) out.push(mix(mix(previous, BIGRAM), h));
      previous = h;
      charGrams(t.text, out);
      if (HAS_FOLDABLE.test(t.text)) {
        const folded = foldDiacritics(t.text);
        out.push(hashString(WORD, folded));
        charGrams(folded, out);
      }
    } else if (t.kind === 'emoji') {
      const h = hashString(WORD, t.text);
      out.push(h);
      previous = h;
    } else if (t.kind === 'punct') {
      if (t.text.includes('!')) out.push(EXCLAMATION);
      if (t.text.includes('?')) out.push(QUESTION);
      previous = -1;
    } else previous = -1;
  }
  if (CAPS_RUN.test(raw)) {
    if (!/\p{Ll}{3}/u.test(raw)) out.push(CAPS);
    else if (/(?<!\p{L})\p{Lu}{4,}(?!\p{L})/u.test(raw)) out.push(CAPS_WORD);
  }
  out.push(BIAS);
}

/**
 * Raw outputs of the model: 3 sentiment logits then one logit per topic, into `scores`. Each
 * feature counts 1/√n so that long and short texts are on one scale.
 */
export function modelScores(model: NgramModel, features: FeatureBuffer, scores: Float64Array): void {
  const { outputs, mask, weights, file } = model;
  for (let k = 0; k < outputs; k++) scores[k] = 0;
  const { hashes, length } = features;
  for (let i = 0; i < length; i++) {
    const base = (hashes[i] & mask) * outputs;
    for (let k = 0; k < outputs; k++) scores[k] += weights[base + k];
  }
  const norm = length ? 1 / Math.sqrt(length) : 0;
  for (let k = 0; k < outputs; k++) scores[k] = scores[k] * file.scales[k] * norm + file.bias[k];
}

/** Softmax of the first three scores into `into[0..2]` (positive, neutral, negative). */
export function sentimentProbabilities(scores: Float64Array, into: Float64Array): void {
  const m = Math.max(scores[0], scores[1], scores[2]);
  const a = Math.exp(scores[0] - m);
  const b = Math.exp(scores[1] - m);
  const c = Math.exp(scores[2] - m);
  const s = a + b + c;
  into[0] = a / s;
  into[1] = b / s;
  into[2] = c / s;
}

/**
 * A default topic over its threshold is still dropped when its blended probability is below
 * this fraction of the text's most probable topic: a text about one thing picked up weak
 * neighbours (an unhappy delivery text also 'communication' and 'quality'). Chosen on the
 * out-of-fold predictions of the hand-labelled tune split (scripts/train-text.ts, BENCHMARKS.md).
 */
export const TOPIC_RELATIVE_CUT = 0.6;

/**
 * A default topic the lexicon rules found is reported from this fraction of its threshold on
 * (the rules are precise when they fire; the model alone decides the rest). Chosen like
 * TOPIC_RELATIVE_CUT.
 */
export const RULE_TOPIC_THRESHOLD_SHARE = 0.8;

/** 0: the lexicon matched nothing (its "neutral" is weak evidence); 1: |score| under 0.5; 2: a strong score. */
export const lexiconTier = (score: number) => (score === 0 ? 0 : Math.abs(score) < 0.5 ? 1 : 2);

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
