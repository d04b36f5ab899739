import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { EvalExample } from './evaluate.ts';
import { loadTrainingExamples, measuredTexts } from './training-data.ts';
import { DEFAULT_TOPICS } from './lexicon/index.ts';
import { LANGUAGES, type Language } from './tokens.ts';

const corpus = (language: Language): EvalExample[] =>
  readFileSync(new URL(`./corpus/${language}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalExample);

const key = (text: string) => text.trim().toLowerCase();

test('no text the model is trained on equals a held-out or test text', () => {
  for (const language of LANGUAGES) {
    const measured = measuredTexts(language);
    // Only ids are named on failure: held-out texts are never printed (eval/README.md).
    assert.deepEqual(loadTrainingExamples(language).filter((e) => measured.has(key(e.text))).map((e) => e.id), [], `${language}: trained on a measured text`);
    // The corpus itself may repeat a few (one-word answers recur by nature); training leaves them out.
    const shared = corpus(language).filter((e) => measured.has(key(e.text))).map((e) => e.id);
    assert.ok(shared.length <= 3, `${language}: corpus texts equal to measured ones: ${shared.join(', ')}`);
  }
});

test('every corpus line carries valid labels and its file language', () => {
  const sentiments = new Set(['positive', 'neutral', 'negative']);
  const topics = new Set<string>(DEFAULT_TOPICS);
  for (const language of LANGUAGES) {
    const lines = corpus(language);
    assert.ok(lines.length >= 1_000, `${language}: ${lines.length} corpus texts`);
    const bad = lines.filter((e) => e.language !== language || !sentiments.has(e.sentiment) || !e.topics.every((t) => topics.has(t)) || !e.text.trim());
    assert.deepEqual(bad.map((e) => e.id), [], `${language}: lines with bad labels`);
  }
});
