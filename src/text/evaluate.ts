import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeText } from './analyze.ts';
import type { SentimentLabel } from './sentiment.ts';
import { LANGUAGES, type Language } from './tokens.ts';

/** One labelled text of the evaluation set (src/text/eval/*.jsonl). */
export interface EvalExample {
  id: string;
  language: Language;
  text: string;
  sentiment: SentimentLabel;
  topics: string[];
  /** Failure classes of the realistic set (eval/README.md): col, typo, nod, sar, mix, emo, … */
  tags?: string[];
}

/**
 * `dev` / `test`: the tidy issue-5 set. `tune` / `heldout`: the realistic issue-16 set;
 * `heldout` is for measuring only, never for reading errors to fix (eval/README.md).
 */
export type EvalSplit = 'dev' | 'test' | 'tune' | 'heldout';

export interface LanguageScore {
  language: Language;
  texts: number;
  sentimentMacroF1: number;
  topicMicroF1: number;
  topicPrecision: number;
  topicRecall: number;
  languageAccuracy: number;
}

export function loadEvalSet(split: EvalSplit, language: Language): EvalExample[] {
  const file = split === 'dev' || split === 'test' ? `${split}.${language}.jsonl` : `${split}/${language}.jsonl`;
  const path = fileURLToPath(new URL(`./eval/${file}`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalExample);
}

const LABELS: SentimentLabel[] = ['positive', 'neutral', 'negative'];

/** Macro-F1 over the three labels (a label absent from both gold and predictions scores 1). */
export function macroF1(gold: SentimentLabel[], predicted: SentimentLabel[]): number {
  const f1s = LABELS.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (g === label && p === label) tp++;
      else if (p === label) fp++;
      else if (g === label) fn++;
    });
    if (tp + fp + fn === 0) return 1;
    return (2 * tp) / (2 * tp + fp + fn);
  });
  return f1s.reduce((a, b) => a + b, 0) / LABELS.length;
}

/** Micro-F1 over (text, topic) pairs; a set where both sides are empty scores 1. */
export function microF1(gold: string[][], predicted: string[][]): { f1: number; precision: number; recall: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    const p = new Set(predicted[i]);
    const gs = new Set(g);
    for (const t of p) if (gs.has(t)) tp++; else fp++;
    for (const t of gs) if (!p.has(t)) fn++;
  });
  if (tp + fp + fn === 0) return { f1: 1, precision: 1, recall: 1 };
  return { f1: (2 * tp) / (2 * tp + fp + fn), precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
}

/** End to end: the language is detected, not given, as for texts imported without one. */
export function evaluate(split: EvalSplit): LanguageScore[] {
  return LANGUAGES.map((language) => {
    const examples = loadEvalSet(split, language);
    const results = examples.map((e) => analyzeText(e.text));
    const topics = microF1(examples.map((e) => e.topics), results.map((r) => r.topics));
    return {
      language,
      texts: examples.length,
      sentimentMacroF1: macroF1(examples.map((e) => e.sentiment), results.map((r) => r.sentiment)),
      topicMicroF1: topics.f1,
      topicPrecision: topics.precision,
      topicRecall: topics.recall,
      languageAccuracy: results.filter((r, i) => r.language === examples[i].language).length / examples.length,
    };
  });
}

/** Quality figures of one group of texts (a language, a failure class or all). */
export interface QualityScore {
  texts: number;
  sentimentMacroF1: number;
  /** Share of texts with the right sentiment (for classes whose texts share one label). */
  sentimentAccuracy: number;
  /** Micro-F1 over (text, topic) pairs. */
  topicMicroF1: number;
  /** Mean F1 of the topics that occur in the gold labels or the predictions. */
  topicMacroF1: number;
  topicPrecision: number;
  topicRecall: number;
  languageAccuracy: number;
  /** Texts with letters, of fewer than five words, and the language accuracy on them. */
  shortTexts: number;
  shortLanguageAccuracy: number;
}

export interface Prediction {
  language: string;
  sentiment: SentimentLabel;
  topics: string[];
}

export function macroTopicF1(gold: string[][], predicted: string[][]): number {
  const ids = new Set([...gold.flat(), ...predicted.flat()]);
  if (ids.size === 0) return 1;
  let sum = 0;
  for (const id of ids) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const inGold = g.includes(id);
      const inPredicted = predicted[i].includes(id);
      if (inGold && inPredicted) tp++;
      else if (inPredicted) fp++;
      else if (inGold) fn++;
    });
    sum += (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / ids.size;
}

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

export function scoreExamples(examples: EvalExample[], predictions: Prediction[]): QualityScore {
  const topics = microF1(examples.map((e) => e.topics), predictions.map((r) => r.topics));
  // A text without a single letter ("😡😡😡", "10/10") has no language to find: left out of the language figures.
  const lettered = examples.map((e, i) => [e, i] as const).filter(([e]) => /\p{L}/u.test(e.text));
  const short = lettered.filter(([e]) => wordCount(e.text) < 5);
  const languageRight = (i: number) => predictions[i].language === examples[i].language;
  return {
    texts: examples.length,
    sentimentMacroF1: macroF1(examples.map((e) => e.sentiment), predictions.map((r) => r.sentiment)),
    sentimentAccuracy: examples.length ? examples.filter((e, i) => predictions[i].sentiment === e.sentiment).length / examples.length : 1,
    topicMicroF1: topics.f1,
    topicMacroF1: macroTopicF1(examples.map((e) => e.topics), predictions.map((r) => r.topics)),
    topicPrecision: topics.precision,
    topicRecall: topics.recall,
    languageAccuracy: lettered.length ? lettered.filter(([, i]) => languageRight(i)).length / lettered.length : 1,
    shortTexts: short.length,
    shortLanguageAccuracy: short.length ? short.filter(([, i]) => languageRight(i)).length / short.length : 1,
  };
}

export interface QualityReport {
  split: EvalSplit;
  perLanguage: Array<QualityScore & { language: Language }>;
  overall: QualityScore;
  /** Per failure class (eval/README.md tags), all languages together. */
  perTag: Array<QualityScore & { tag: string }>;
}

/** End to end on a split, language detected (not given), as for imported texts. */
export function qualityReport(split: EvalSplit, analyse: (text: string) => Prediction = analyzeText): QualityReport {
  const all: Array<{ example: EvalExample; prediction: Prediction }> = [];
  const perLanguage = LANGUAGES.map((language) => {
    const examples = loadEvalSet(split, language);
    const predictions = examples.map((e) => analyse(e.text));
    examples.forEach((example, i) => all.push({ example, prediction: predictions[i] }));
    return { language, ...scoreExamples(examples, predictions) };
  });
  const tags = [...new Set(all.flatMap((a) => a.example.tags ?? []))].sort();
  const group = (rows: typeof all) => scoreExamples(rows.map((r) => r.example), rows.map((r) => r.prediction));
  return {
    split,
    perLanguage,
    overall: group(all),
    perTag: tags.map((tag) => ({ tag, ...group(all.filter((a) => a.example.tags?.includes(tag))) })),
  };
}
