import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from './analyze.ts';
import { FeatureBuffer, extractFeatures, lexiconTier } from './ngram.ts';
import { tokenize } from './tokens.ts';
import { compileTaxonomy } from './topics.ts';

const featuresOf = (text: string) => {
  const buffer = new FeatureBuffer();
  extractFeatures(tokenize(text), text, buffer);
  return [...buffer.hashes.subarray(0, buffer.length)];
};

test('a word typed without diacritics shares all its features with the folded view of the word', () => {
  const plain = featuresOf('dziala');
  const withMarks = new Set(featuresOf('działa'));
  assert.ok(plain.every((h) => withMarks.has(h)));
  // "<dziala>": unigram, 2-grams 7, 3-grams 6, 4-grams 5, 5-grams 4, plus the bias feature = 24.
  assert.equal(plain.length, 24);
  assert.deepEqual(featuresOf('dziala'), plain, 'deterministic');
});

test('capitals and exclamations are features of their own', () => {
  const calm = new Set(featuresOf('bad service'));
  assert.equal(featuresOf('BAD SERVICE').filter((h) => !calm.has(h)).length, 1);
  assert.equal(featuresOf('bad service!').filter((h) => !calm.has(h)).length, 1);
});

test('lexicon tiers: nothing matched, weak, strong', () => {
  assert.deepEqual([0, 0.2, -0.49, 0.5, -0.9].map(lexiconTier), [0, 1, 1, 2, 2]);
});

test("an organisation's taxonomy without the default topics gets no topics from the learned layer", () => {
  const taxonomy = compileTaxonomy([{ id: 'parking', keywords: { fi: ['parkkipaikka'] } }], { includeDefaults: false });
  const text = 'Lasku oli väärin ja jouduin jonottamaan puhelimessa tunnin, parkkipaikka täynnä.';
  assert.deepEqual(analyzeText(text, { taxonomy }).topics, ['parking']);
  assert.deepEqual([...analyzeText(text).topics].sort(), ['billing', 'wait_time']);
  assert.deepEqual(Object.keys(analyzeText(text, { taxonomy }).topicConfidence), []);
});
