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
}

export type EvalSplit = 'dev' | 'test';

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
  const path = fileURLToPath(new URL(`./eval/${split}.${language}.jsonl`, import.meta.url));
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
