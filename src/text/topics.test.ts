import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KaikuError } from '../errors.ts';
import { DEFAULT_TOPICS } from './lexicon/index.ts';
import { classifyTopics, compileTaxonomy } from './topics.ts';

test('the default taxonomy has exactly the nine issue-5 topic ids', () => {
  assert.deepEqual([...DEFAULT_TOPICS], ['wait_time', 'staff', 'price', 'billing', 'quality', 'digital', 'delivery', 'communication', 'cleanliness']);
  assert.deepEqual(compileTaxonomy().topics.map((t) => t.id), [...DEFAULT_TOPICS]);
});

test('rules match inflected and compound words in every language', () => {
  assert.deepEqual(classifyTopics('Jouduin odottamaan puhelinjonossa.', 'fi'), ['wait_time']);
  assert.deepEqual(classifyTopics('Sähkölaskussa oli virhe.', 'fi'), ['billing']);
  assert.deepEqual(classifyTopics('Fakturan kom för sent.', 'sv'), ['billing']);
  assert.deepEqual(classifyTopics('Telefonkön var lång.', 'sv'), ['wait_time']);
  assert.deepEqual(classifyTopics('The app keeps crashing.', 'en'), ['digital']);
  assert.deepEqual(classifyTopics('Kurier zgubił przesyłkę.', 'pl'), ['delivery']);
  assert.deepEqual(classifyTopics('W toalecie było brudno.', 'pl'), ['cleanliness']);
});

test('hyphenated keywords after a short prefix stay one word (wi-fi, e-mail, e-lasku)', () => {
  assert.deepEqual(classifyTopics('Wi-Fi was useless.', 'en'), ['quality']);
  assert.deepEqual(classifyTopics('Sent it by e-mail twice.', 'en'), ['communication']);
  assert.deepEqual(classifyTopics('Tilasin e-laskun.', 'fi'), ['billing']);
});

test('a text can have several topics or none', () => {
  assert.deepEqual(classifyTopics('Friendly staff but the prices are high and the toilets dirty.', 'en'), ['staff', 'price', 'cleanliness']);
  assert.deepEqual(classifyTopics('Ihan ok.', 'fi'), []);
  assert.deepEqual(classifyTopics('Whatever.', 'other'), []);
});

test('an organisation adds its own topics with keyword rules, per language or for all', () => {
  const taxonomy = compileTaxonomy([
    { id: 'parking', keywords: { fi: ['pysäköin*', 'parkki*'], sv: ['parkering*'], any: ['parking'] } },
    { id: 'billing', keywords: { en: ['statement of account'] } },
  ]);
  assert.deepEqual(classifyTopics('Parkkipaikkoja oli liian vähän.', 'fi', taxonomy), ['parking']);
  assert.deepEqual(classifyTopics('Parkeringen var full.', 'sv', taxonomy), ['parking']);
  assert.deepEqual(classifyTopics('Brak miejsc, parking pełny.', 'pl', taxonomy), ['parking']);
  assert.deepEqual(classifyTopics('My statement of account is confusing.', 'en', taxonomy), ['billing']);
  const own = compileTaxonomy([{ id: 'parking', keywords: { any: ['parking'] } }], { includeDefaults: false });
  assert.deepEqual(classifyTopics('The parking staff were rude.', 'en', own), ['parking']);
});

test('bad topic definitions are errors with a code', () => {
  assert.throws(() => compileTaxonomy([{ id: 'Bad Id', keywords: {} }]), (e: unknown) => e instanceof KaikuError && e.code === 'invalid_topic');
  assert.throws(() => compileTaxonomy([{ id: 'ok_id', keywords: { de: ['x'] } as never }]), (e: unknown) => e instanceof KaikuError && e.code === 'invalid_topic');
});

test('longer hyphenated keywords match whole, and their parts still match (issue 16)', () => {
  assert.deepEqual(classifyTopics('The self-service kiosk kept rebooting.', 'en'), ['digital']);
  assert.deepEqual(classifyTopics('Paperi-lasku tuli kahdesti.', 'fi'), ['billing']);
  assert.deepEqual(classifyTopics('Our super-fast broadband dropped twice.', 'en'), ['quality']);
});

test('topic words typed without diacritics match, folded collisions do not (issue 16)', () => {
  assert.deepEqual(classifyTopics('Henkilokunta ei osannut auttaa', 'fi'), ['staff']);
  assert.deepEqual(classifyTopics('Przesylka przyszla uszkodzona', 'pl'), ['quality', 'delivery']);
  assert.deepEqual(classifyTopics('Vantetiden i telefon var lang', 'sv'), ['wait_time']);
  assert.deepEqual(classifyTopics('Nie moge sie zalogowac do aplikacji', 'pl'), ['digital']);
  assert.deepEqual(classifyTopics('Butiken mitt i stan, inget att tillagga', 'sv'), []);
});
