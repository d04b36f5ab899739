import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emergingThemes } from './themes.ts';

test('a recurring subject that no topic covers becomes a theme with a readable phrase', () => {
  const texts = [
    { id: 'a', text: 'Sauna oli kylmä taas.', language: 'fi' },
    { id: 'b', text: 'Miksi sauna on aina kiinni?', language: 'fi' },
    { id: 'c', text: 'Saunan lauteet olivat rikki.', language: 'fi' },
    { id: 'd', text: 'Henkilökunta oli ystävällistä.', language: 'fi' },
    { id: 'e', text: 'Henkilökunta auttoi heti.', language: 'fi' },
    { id: 'f', text: 'Henkilökunta oli kiireistä.', language: 'fi' },
  ];
  const themes = emergingThemes(texts, { minCount: 3 });
  assert.deepEqual(themes.map((t) => [t.key, t.phrase, t.count]), [['fi:sauna', 'sauna', 3]]);
  assert.deepEqual(themes[0].examples, ['a', 'b', 'c']);
});

test('a phrase that carries a word replaces it; rare words are not themes', () => {
  const texts = ['The parking garage was full.', 'Parking garage closed again', 'No space in the parking garage', 'Nice visit'];
  const themes = emergingThemes(texts.map((text) => ({ text })), { minCount: 3 });
  assert.deepEqual(themes.map((t) => [t.phrase, t.count, t.examples]), [['parking garage', 3, ['1', '2', '3']]]);
});
