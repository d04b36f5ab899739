import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeText, MAX_TEXT_LENGTH } from './analyze.ts';

test('a full analysis of a Finnish complaint', () => {
  const result = analyzeText('Lasku oli väärin ja jouduin jonottamaan puhelimessa tunnin.');
  assert.deepEqual(result, {
    language: 'fi',
    sentiment: 'negative',
    score: result.score,
    topics: ['wait_time', 'billing'],
    sentimentConfidence: result.sentimentConfidence,
    topicConfidence: { wait_time: result.topicConfidence.wait_time, billing: result.topicConfidence.billing },
    lowConfidence: false,
    truncated: false,
  });
  assert.ok(result.score < -0.3);
  // Lexicon and learned layer agree on a plain complaint: both sure.
  assert.ok(result.sentimentConfidence > 0.8, `sentiment confidence ${result.sentimentConfidence}`);
  assert.ok(result.topicConfidence.wait_time > 0.5 && result.topicConfidence.billing > 0.5, JSON.stringify(result.topicConfidence));
});

test('the learned layer reads what the lexicon misses, and says how sure it is', () => {
  // No lexicon word in either: the character n-grams of the learned layer carry them.
  const lexicon = analyzeText('no nyt meni ihan pieleen koko homma', { learned: false });
  const blended = analyzeText('no nyt meni ihan pieleen koko homma');
  assert.deepEqual([lexicon.sentiment, lexicon.score, lexicon.sentimentConfidence, lexicon.lowConfidence], ['neutral', 0, 0.5, true]);
  assert.equal(blended.sentiment, 'negative');
  assert.ok(blended.sentimentConfidence > 0.5 && blended.sentimentConfidence <= 1, `confidence ${blended.sentimentConfidence}`);
  const app = analyzeText('apka się ciągle wiesza');
  assert.equal(app.sentiment, 'negative');
  assert.deepEqual(Object.keys(app.topicConfidence), app.topics);
});

test('a default topic the learned layer decides against stays off even when a lexicon rule found it', () => {
  // "money back" reads as price to the rules; the blend knows a refund wait is about waiting.
  const text = 'Still waiting for my money back, two weeks now.';
  assert.deepEqual(analyzeText(text, { language: 'en', learned: false }).topics, ['wait_time', 'price']);
  const blended = analyzeText(text, { language: 'en' });
  assert.deepEqual(blended.topics, ['wait_time']);
  assert.deepEqual(Object.keys(blended.topicConfidence), ['wait_time']);
});

test('a given language is used instead of detection', () => {
  assert.equal(analyzeText('ok', { language: 'sv' }).language, 'sv');
  assert.equal(analyzeText('Service was bad', { language: 'xx' }).language, 'en');
});

test('empty text is neutral with no topics', () => {
  for (const text of ['', '   ', '\n\t']) {
    assert.deepEqual(analyzeText(text), {
      language: 'other', sentiment: 'neutral', score: 0, topics: [], sentimentConfidence: 1, topicConfidence: {}, lowConfidence: false, truncated: false,
    });
  }
});

test('a 100 KB text is capped at 5,000 characters and flagged', () => {
  const text = 'The staff were friendly but the invoice was wrong. '.repeat(2_000);
  assert.ok(text.length > 100_000);
  const result = analyzeText(text);
  assert.equal(result.truncated, true);
  assert.equal(result.language, 'en');
  assert.deepEqual(result.topics, ['staff', 'billing']);
  assert.equal(MAX_TEXT_LENGTH, 5_000);
});

test('binary garbage is "other", neutral, with a warning', () => {
  const binary = String.fromCharCode(...Array.from({ length: 300 }, (_, i) => (i * 37) % 256));
  assert.deepEqual(analyzeText(binary), {
    language: 'other',
    sentiment: 'neutral',
    score: 0,
    topics: [],
    sentimentConfidence: 1,
    topicConfidence: {},
    lowConfidence: false,
    truncated: false,
    warning: 'binary_or_control_characters',
  });
  assert.equal(analyzeText('\uFFFD\uFFFD\uFFFD PNG \u0000\u0001').warning, 'binary_or_control_characters');
});

test('never throws, whatever the string', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
      const r = analyzeText(text);
      return r.score >= -1 && r.score <= 1 && Array.isArray(r.topics);
    }),
    { numRuns: 400 },
  );
  assert.equal(analyzeText(undefined as unknown as string).warning, 'not_text');
  assert.equal(analyzeText('🙂'.repeat(3_000)).truncated, true);
});
