import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KaikuError } from '../errors.ts';
import { predictTopics, topicModelFromJSON, topicModelToJSON, trainTopicModel } from './learn.ts';
import { classifyTopics, compileTaxonomy } from './topics.ts';

const examples = [
  { text: 'Sauna oli kylmä koko illan.', language: 'fi', topics: ['sauna'] },
  { text: 'Saunan kiuas ei lämmennyt.', language: 'fi', topics: ['sauna'] },
  { text: 'Sauna kiinni taas huoltopäivänä.', language: 'fi', topics: ['sauna'] },
  { text: 'Uima-allas oli liian viileä.', language: 'fi', topics: ['pool'] },
  { text: 'Altaan vesi oli sameaa.', language: 'fi', topics: ['pool'] },
  { text: 'Allas suljettu ilman ilmoitusta.', language: 'fi', topics: ['pool'] },
  { text: 'Kaikki hyvin, kiitos.', language: 'fi', topics: [] },
  { text: 'Mukava käynti.', language: 'fi', topics: [] },
];

test('a model learned from labelled examples predicts the organisation topics', () => {
  const model = trainTopicModel(examples);
  assert.deepEqual(model.labels, ['pool', 'sauna']);
  assert.equal(model.documents, 8);
  assert.deepEqual(model.labelDocuments, [3, 3]);
  assert.deepEqual(predictTopics(model, 'Sauna oli taas kylmä.', 'fi'), ['sauna']);
  assert.deepEqual(predictTopics(model, 'Allas oli kylmä ja vesi sameaa.', 'fi'), ['pool']);
  assert.deepEqual(predictTopics(model, 'xyz', 'fi'), []);
});

test('the model survives a round trip through JSON unchanged', () => {
  const model = trainTopicModel(examples);
  const json = topicModelToJSON(model);
  const back = topicModelFromJSON(json);
  assert.deepEqual(JSON.parse(topicModelToJSON(back)), JSON.parse(json));
  for (const text of ['Sauna oli kylmä.', 'Allas oli suljettu.', 'Kiitos!']) {
    assert.deepEqual(predictTopics(back, text, 'fi'), predictTopics(model, text, 'fi'));
  }
  // Also from an already-parsed object, as a JSONB column returns it.
  assert.deepEqual(predictTopics(topicModelFromJSON(JSON.parse(json)), 'Sauna kylmä', 'fi'), ['sauna']);
});

test('a damaged model is an error value', () => {
  const isModelError = (e: unknown) => e instanceof KaikuError && e.code === 'invalid_model';
  assert.throws(() => topicModelFromJSON('{not json'), isModelError);
  assert.throws(() => topicModelFromJSON({ format: 'other' }), isModelError);
  const model = JSON.parse(topicModelToJSON(trainTopicModel(examples)));
  model.counts.sauna = [1];
  assert.throws(() => topicModelFromJSON(model), isModelError);
});

test('learned topics are added beside the rule topics', () => {
  const taxonomy = compileTaxonomy([], { learned: trainTopicModel(examples) });
  assert.deepEqual(classifyTopics('Sauna oli kylmä ja henkilökunta töykeää.', 'fi', taxonomy), ['staff', 'sauna']);
});
