/**
 * Trains the learned layer of the text analytics (src/text/ngram.ts) from the labelled corpus
 * (src/text/corpus/README.md) and writes src/text/model/<lang>.json. Deterministic: a seeded
 * shuffle and fold assignment, so the same data gives the same file.
 *
 *   npm run train-text                    train all four languages and write the models
 *   npm run train-text -- --search        also compare settings by 5-fold cross-validation (prints, writes the best)
 *   npm run train-text -- --lang fi       one language
 *
 * The blend weights and topic thresholds are tuned on out-of-fold predictions of the training
 * data itself (5 folds); the held-out split of src/text/eval/ is never read here.
 */
import { writeFileSync } from 'node:fs';
import { analyzeText } from '../src/text/analyze.ts';
import { macroF1 } from '../src/text/evaluate.ts';
import { loadTrainingExamples } from '../src/text/training-data.ts';
import { DEFAULT_TOPICS } from '../src/text/lexicon/index.ts';
import { FeatureBuffer, SENTIMENT_CLASSES, extractFeatures, lexiconTier, type NgramModelFile } from '../src/text/ngram.ts';
import { tokenize, type Language } from '../src/text/tokens.ts';
import { TEXT_LANGUAGES, trainingDataHash } from './text-training-data.mjs';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const only = argv.includes('--lang') ? [argv[argv.indexOf('--lang') + 1]] : TEXT_LANGUAGES;
const SEED = 16;
const FOLDS = 5;

interface Settings {
  buckets: number;
  epochs: number;
  rate: number;
  l2: number;
  /** Weight sentiment classes by inverse frequency (macro-F1 counts each class alike). */
  balanced: boolean;
}
const DEFAULTS: Settings = { buckets: 1 << 16, epochs: 12, rate: 0.4, l2: 1e-5, balanced: true };

interface Example {
  text: string;
  sentiment: number;
  topics: Uint8Array;
  /** Feature buckets (hash & mask) and the 1/√n of the text. */
  features: Int32Array;
  norm: number;
  lexiconSentiment: number;
  lexiconScore: number;
  lexiconTopics: Uint8Array;
  /** From src/text/corpus/ (written after the lexicons), not from the sets the lexicons were tuned on. */
  corpus: boolean;
  /** From the tidy issue-5 sentences (eval/dev.*.jsonl). */
  tidy: boolean;
}

const T = DEFAULT_TOPICS.length;
const K = 3 + T;

function prepare(language: Language, buckets: number): Example[] {
  const buffer = new FeatureBuffer();
  const mask = buckets - 1;
  return loadTrainingExamples(language).map((e) => {
    extractFeatures(tokenize(e.text), e.text, buffer);
    const features = new Int32Array(buffer.length);
    for (let i = 0; i < buffer.length; i++) features[i] = buffer.hashes[i] & mask;
    const lexicon = analyzeText(e.text, { language, learned: false });
    return {
      text: e.text,
      sentiment: SENTIMENT_CLASSES.indexOf(e.sentiment),
      topics: Uint8Array.from(DEFAULT_TOPICS, (id) => (e.topics.includes(id) ? 1 : 0)),
      features,
      norm: 1 / Math.sqrt(buffer.length),
      lexiconSentiment: SENTIMENT_CLASSES.indexOf(lexicon.sentiment),
      lexiconScore: lexicon.score,
      lexiconTopics: Uint8Array.from(DEFAULT_TOPICS, (id) => (lexicon.topics.includes(id) ? 1 : 0)),
      corpus: e.corpus,
      tidy: e.tidy,
    };
  });
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Trained {
  weights: Float32Array;
  bias: Float64Array;
}

/** Softmax (sentiment) and one-vs-rest logistic (topics) regression by AdaGrad with L2, on shared features. */
function train(examples: Example[], s: Settings, seed: number): Trained {
  const weights = new Float32Array(s.buckets * K);
  const squares = new Float32Array(s.buckets * K).fill(1e-8);
  const bias = new Float64Array(K);
  const biasSquares = new Float64Array(K).fill(1e-8);
  const counts = [0, 0, 0];
  for (const e of examples) counts[e.sentiment]++;
  const classWeight = counts.map((c) => (s.balanced && c ? examples.length / (3 * c) : 1));
  const order = examples.map((_, i) => i);
  const rand = random(seed);
  const g = new Float64Array(K);
  const z = new Float64Array(K);
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const index of order) {
      const e = examples[index];
      const { features, norm } = e;
      z.set(bias);
      for (let f = 0; f < features.length; f++) {
        const base = features[f] * K;
        for (let k = 0; k < K; k++) z[k] += weights[base + k] * norm;
      }
      // Gradients of the losses with respect to the outputs.
      const m = Math.max(z[0], z[1], z[2]);
      const a = Math.exp(z[0] - m);
      const b = Math.exp(z[1] - m);
      const c = Math.exp(z[2] - m);
      const sum = a + b + c;
      const cw = classWeight[e.sentiment];
      g[0] = cw * (a / sum - (e.sentiment === 0 ? 1 : 0));
      g[1] = cw * (b / sum - (e.sentiment === 1 ? 1 : 0));
      g[2] = cw * (c / sum - (e.sentiment === 2 ? 1 : 0));
      for (let t = 0; t < T; t++) g[3 + t] = 1 / (1 + Math.exp(-z[3 + t])) - e.topics[t];
      for (let k = 0; k < K; k++) {
        biasSquares[k] += g[k] * g[k];
        bias[k] -= (s.rate * g[k]) / Math.sqrt(biasSquares[k]);
      }
      for (let f = 0; f < features.length; f++) {
        const base = features[f] * K;
        for (let k = 0; k < K; k++) {
          const grad = g[k] * norm + s.l2 * weights[base + k];
          squares[base + k] += grad * grad;
          weights[base + k] -= (s.rate * grad) / Math.sqrt(squares[base + k]);
        }
      }
    }
  }
  return { weights, bias };
}

function predict(model: Trained, e: Example, into: Float64Array): void {
  into.set(model.bias);
  for (let f = 0; f < e.features.length; f++) {
    const base = e.features[f] * K;
    for (let k = 0; k < K; k++) into[k] += model.weights[base + k] * e.norm;
  }
}

/** Out-of-fold model outputs (sentiment probabilities, topic probabilities) for every example. */
function outOfFold(examples: Example[], s: Settings): Float64Array[] {
  const rand = random(SEED + 1);
  const fold = examples.map(() => Math.floor(rand() * FOLDS));
  const out = examples.map(() => new Float64Array(K));
  for (let k = 0; k < FOLDS; k++) {
    const model = train(examples.filter((_, i) => fold[i] !== k), s, SEED + k);
    examples.forEach((e, i) => {
      if (fold[i] === k) predict(model, e, out[i]);
    });
  }
  return out.map(probabilitiesOf);
}

function probabilitiesOf(z: Float64Array): Float64Array {
  const p = new Float64Array(K);
  const m = Math.max(z[0], z[1], z[2]);
  const e = [Math.exp(z[0] - m), Math.exp(z[1] - m), Math.exp(z[2] - m)];
  const sum = e[0] + e[1] + e[2];
  for (let k = 0; k < 3; k++) p[k] = e[k] / sum;
  for (let t = 0; t < T; t++) p[3 + t] = 1 / (1 + Math.exp(-z[3 + t]));
  return p;
}

/** Which of the lexicon weights applies: nothing matched, a weak score, a strong one (ngram.ts lexiconTier). */
function blendSentiment(e: Example, p: Float64Array, weights: number[]): number {
  const weight = weights[lexiconTier(e.lexiconScore)];
  let best = 0;
  let bestP = -1;
  for (let k = 0; k < 3; k++) {
    const q = (1 - weight) * p[k] + (e.lexiconSentiment === k ? weight : 0);
    if (q > bestP) (bestP = q), (best = k);
  }
  return best;
}

const sentimentF1 = (examples: Example[], labels: number[]) =>
  macroF1(examples.map((e) => SENTIMENT_CLASSES[e.sentiment]), labels.map((l) => SENTIMENT_CLASSES[l]));

interface Tuned {
  sentimentLexiconWeights: number[];
  topicLexiconWeight: number;
  thresholds: number[];
  figures: Record<string, number>;
}

const GRID = Array.from({ length: 21 }, (_, i) => i / 20);
const THRESHOLDS = Array.from({ length: 37 }, (_, i) => 0.05 + i * 0.025);

/**
 * Blend weights and thresholds that score best on the out-of-fold predictions, with the figures
 * they reach. Only corpus texts count (when there are any): the lexicons were tuned on the
 * others, so there they look better than on new text and would win the blend unfairly.
 */
function tune(all: Example[], allOof: Float64Array[]): Tuned {
  const keep = all.some((e) => e.corpus) ? all.map((e) => e.corpus) : all.map(() => true);
  const examples = all.filter((_, i) => keep[i]);
  const oof = allOof.filter((_, i) => keep[i]);
  // Sentiment weights must also keep the tidy sentences right, where the lexicon is at home (eval.test.ts floors).
  const tidy = all.filter((e) => e.tidy);
  const tidyOof = allOof.filter((_, i) => all[i].tidy);
  let sentimentLexiconWeights = [0, 0, 0];
  let bestSentiment = -1;
  let bestTidy = -1;
  let bestObjective = -1;
  for (const w0 of GRID) {
    for (const w1 of GRID) {
      for (const w2 of GRID) {
        const weights = [w0, w1, w2];
        const f1 = sentimentF1(examples, examples.map((e, i) => blendSentiment(e, oof[i], weights)));
        const tidyF1 = tidy.length ? sentimentF1(tidy, tidy.map((e, i) => blendSentiment(e, tidyOof[i], weights))) : f1;
        if (f1 + tidyF1 > bestObjective + 1e-9) (bestObjective = f1 + tidyF1), (bestSentiment = f1), (bestTidy = tidyF1), (sentimentLexiconWeights = weights);
      }
    }
  }
  let best = { micro: -1, w: 0, thresholds: [] as number[], macro: 0 };
  for (const w of GRID) {
    const thresholds: number[] = [];
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let macroSum = 0;
    for (let t = 0; t < T; t++) {
      let bestT = { f1: -1, threshold: 0.5, tp: 0, fp: 0, fn: 0 };
      for (const threshold of THRESHOLDS) {
        let a = 0;
        let b = 0;
        let c = 0;
        examples.forEach((e, i) => {
          const q = (1 - w) * oof[i][3 + t] + w * e.lexiconTopics[t];
          const on = q > threshold;
          if (on && e.topics[t]) a++;
          else if (on) b++;
          else if (e.topics[t]) c++;
        });
        const f1 = a + b + c ? (2 * a) / (2 * a + b + c) : 1;
        if (f1 > bestT.f1 + 1e-9) bestT = { f1, threshold, tp: a, fp: b, fn: c };
      }
      thresholds.push(bestT.threshold);
      tp += bestT.tp;
      fp += bestT.fp;
      fn += bestT.fn;
      macroSum += bestT.f1;
    }
    const micro = (2 * tp) / (2 * tp + fp + fn);
    if (micro > best.micro + 1e-9) best = { micro, w, thresholds, macro: macroSum / T };
  }
  const lexiconSentiment = sentimentF1(examples, examples.map((e) => e.lexiconSentiment));
  const modelSentiment = sentimentF1(examples, examples.map((e, i) => blendSentiment(e, oof[i], [0, 0, 0])));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const e of examples) {
    for (let t = 0; t < T; t++) {
      if (e.lexiconTopics[t] && e.topics[t]) tp++;
      else if (e.lexiconTopics[t]) fp++;
      else if (e.topics[t]) fn++;
    }
  }
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    sentimentLexiconWeights,
    topicLexiconWeight: best.w,
    thresholds: best.thresholds,
    figures: {
      texts: examples.length,
      lexiconSentimentMacroF1: r(lexiconSentiment),
      modelSentimentMacroF1: r(modelSentiment),
      blendedSentimentMacroF1: r(bestSentiment),
      tidyBlendedSentimentMacroF1: r(bestTidy),
      lexiconTopicMicroF1: r((2 * tp) / (2 * tp + fp + fn)),
      blendedTopicMicroF1: r(best.micro),
      blendedTopicMacroF1: r(best.macro),
    },
  };
}

function quantise(model: Trained, s: Settings): { scales: number[]; weights: string } {
  const scales = Array.from({ length: K }, () => 0);
  for (let i = 0; i < model.weights.length; i++) scales[i % K] = Math.max(scales[i % K], Math.abs(model.weights[i]));
  for (let k = 0; k < K; k++) scales[k] = scales[k] / 127 || 1;
  const bytes = Buffer.alloc(s.buckets * K);
  for (let i = 0; i < model.weights.length; i++) bytes[i] = Math.round(model.weights[i] / scales[i % K]) & 0xff;
  return { scales: scales.map((x) => Number(x.toPrecision(6))), weights: bytes.toString('base64') };
}

const searchSpace: Settings[] = argv.includes('--search')
  ? [
      DEFAULTS,
      { ...DEFAULTS, balanced: false },
      { ...DEFAULTS, l2: 1e-4 },
      { ...DEFAULTS, l2: 1e-6 },
      { ...DEFAULTS, epochs: 6 },
      { ...DEFAULTS, epochs: 24 },
      { ...DEFAULTS, rate: 0.2 },
      { ...DEFAULTS, rate: 0.8 },
      { ...DEFAULTS, buckets: 1 << 15 },
      { ...DEFAULTS, buckets: 1 << 17 },
    ]
  : [DEFAULTS];

for (const language of only as Language[]) {
  const started = Date.now();
  let chosen: { s: Settings; tuned: Tuned; examples: Example[]; score: number } | undefined;
  for (const s of searchSpace) {
    const examples = prepare(language, s.buckets);
    const tuned = tune(examples, outOfFold(examples, s));
    const score = tuned.figures.blendedSentimentMacroF1 + tuned.figures.blendedTopicMicroF1;
    if (searchSpace.length > 1) console.log(`${language} ${JSON.stringify(s)} → ${JSON.stringify(tuned.figures)}`);
    if (!chosen || score > chosen.score + 1e-9) chosen = { s, tuned, examples, score };
  }
  const { s, tuned, examples } = chosen!;
  const model = train(examples, s, SEED);
  const { scales, weights } = quantise(model, s);
  const file: NgramModelFile = {
    format: 'kaiku-ngram-linear',
    version: 1,
    language,
    dataHash: trainingDataHash(root, language),
    trainedOn: examples.length,
    buckets: s.buckets,
    topics: [...DEFAULT_TOPICS],
    sentimentLexiconWeights: tuned.sentimentLexiconWeights,
    topicLexiconWeight: tuned.topicLexiconWeight,
    thresholds: tuned.thresholds,
    validation: { folds: FOLDS, ...tuned.figures },
    bias: [...model.bias].map((x) => Number(x.toPrecision(6))),
    scales,
    weights,
  };
  // dataHash stays in the first few hundred characters: scripts/build.mjs reads only the head.
  writeFileSync(`${root}src/text/model/${language}.json`, `${JSON.stringify(file)}\n`);
  console.log(
    `${language}: ${examples.length} texts, settings ${JSON.stringify(s)}, blend ${tuned.sentimentLexiconWeights}/${tuned.topicLexiconWeight}, ` +
      `5-fold ${JSON.stringify(tuned.figures)} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}
