/**
 * The labelled texts the learned layer (ngram.ts) is trained on: src/text/corpus/ and the
 * tuning sets of src/text/eval/ (files listed in scripts/text-training-data.mjs). A text equal
 * to one of a measured set (held-out or test; a one-word answer written twice) is left out; only
 * the lower-cased texts are compared, nothing of the measured sets is printed or learned from.
 */
import { existsSync, readFileSync } from 'node:fs';
import { trainingFiles } from '../../scripts/text-training-data.mjs';
import { loadEvalSet, type EvalExample } from './evaluate.ts';
import type { Language } from './tokens.ts';

export interface TrainingExample extends EvalExample {
  /** From src/text/corpus/ (written after the lexicons), not from the sets the lexicons were tuned on. */
  corpus: boolean;
  /** From the tidy issue-5 sentences (eval/dev.*.jsonl). */
  tidy: boolean;
}

const root = new URL('../../', import.meta.url);
const key = (text: string) => text.trim().toLowerCase();

export function measuredTexts(language: Language): Set<string> {
  return new Set([...loadEvalSet('heldout', language), ...loadEvalSet('test', language)].map((e) => key(e.text)));
}

/** Training texts of a language, each once, in file order. */
export function loadTrainingExamples(language: Language): TrainingExample[] {
  const seen = measuredTexts(language);
  const out: TrainingExample[] = [];
  for (const file of trainingFiles(language)) {
    const url = new URL(file, root);
    if (!existsSync(url)) continue;
    for (const line of readFileSync(url, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const e = JSON.parse(line) as EvalExample;
      if (e.language !== language || seen.has(key(e.text))) continue;
      seen.add(key(e.text));
      out.push({ ...e, corpus: file.startsWith('src/text/corpus/'), tidy: file.includes('/dev.') });
    }
  }
  return out;
}
