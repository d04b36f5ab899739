import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeSentiment } from './sentiment.ts';
import type { Language } from './tokens.ts';

const label = (text: string, language: Language | 'other') => analyzeSentiment(text, language).sentiment;

test('Finnish negation verbs and clitics turn the sentiment word', () => {
  assert.equal(label('Palvelu oli hyvä.', 'fi'), 'positive');
  assert.equal(label('Ei ollut hyvä.', 'fi'), 'negative');
  assert.equal(label('En ole tyytyväinen.', 'fi'), 'negative');
  assert.equal(label('Emme olleet tyytyväisiä palveluun.', 'fi'), 'negative');
  assert.equal(label('Eivät olleet ystävällisiä.', 'fi'), 'negative');
  assert.equal(label('Ei ollut huono kokemus.', 'fi'), 'positive');
  assert.equal(label('Ei mitään hyvääkään sanottavaa.', 'fi'), 'negative');
  assert.equal(label('Tilaus meni läpi eikä mitään ongelmia.', 'fi'), 'positive');
});

test('Swedish negation before the word and after the verb', () => {
  assert.equal(label('Inte bra alls.', 'sv'), 'negative');
  assert.equal(label('Jag är inte nöjd.', 'sv'), 'negative');
  assert.equal(label('Appen fungerar inte.', 'sv'), 'negative');
  assert.equal(label('Inte dåligt!', 'sv'), 'positive');
});

test('English negation, including "not bad"', () => {
  assert.equal(label('Not bad at all.', 'en'), 'positive');
  assert.equal(label('The food was not good.', 'en'), 'negative');
  assert.equal(label("I wasn't happy with the service.", 'en'), 'negative');
  assert.equal(label('Never had such good service!', 'en'), 'positive');
});

test('Polish negation, including "nie polecam" and "nie był miły"', () => {
  assert.equal(label('Polecam!', 'pl'), 'positive');
  assert.equal(label('Nie polecam.', 'pl'), 'negative');
  assert.equal(label('Nie był miły.', 'pl'), 'negative');
  assert.equal(label('Nikomu nie polecam tej firmy.', 'pl'), 'negative');
  assert.equal(label('Nie jest źle.', 'pl'), 'positive');
});

test('the clause after "but" weighs more; the clause after "although" less', () => {
  assert.equal(label('Hyvä palvelu, mutta todella kallis.', 'fi'), 'negative');
  assert.equal(label('Kallis, mutta laatu on erinomainen.', 'fi'), 'positive');
  assert.equal(label('The staff were great but the wait was terrible.', 'en'), 'negative');
  assert.equal(label('Kön var lång men personalen var jättetrevlig.', 'sv'), 'positive');
  assert.equal(label('Drogo, ale bardzo dobra jakość.', 'pl'), 'positive');
  assert.equal(label('I would not recommend them, although the price was fine.', 'en'), 'negative');
});

test('intensifiers strengthen, downtoners soften, "too" complains', () => {
  const plain = analyzeSentiment('Hyvä palvelu.', 'fi').score;
  const strong = analyzeSentiment('Todella hyvä palvelu.', 'fi').score;
  const soft = analyzeSentiment('Hieman hyvä palvelu.', 'fi').score;
  assert.ok(strong > plain && plain > soft, `${strong} > ${plain} > ${soft}`);
  assert.equal(label('Odotusaika oli liian pitkä.', 'fi'), 'negative');
  assert.equal(label('Prices are too high.', 'en'), 'negative');
});

test('emoji and emoticons carry sentiment in every language, even unknown ones', () => {
  assert.equal(label('👍', 'other'), 'positive');
  assert.equal(label('😡😡', 'other'), 'negative');
  assert.equal(label('Kiitos :)', 'fi'), 'positive');
  assert.equal(label('Taas myöhässä :(', 'fi'), 'negative');
});

test('neutral idioms and questions stay neutral; scores stay within -1…1', () => {
  assert.equal(label('En osaa sanoa.', 'fi'), 'neutral');
  assert.equal(label('Vet inte.', 'sv'), 'neutral');
  assert.equal(label('Trudno powiedzieć.', 'pl'), 'neutral');
  assert.equal(label('When does the new price list start?', 'en'), 'neutral');
  const extreme = analyzeSentiment('Terrible terrible awful horrible disgusting worst!!!!!!', 'en');
  assert.equal(extreme.sentiment, 'negative');
  assert.ok(extreme.score >= -1 && extreme.score < -0.9);
});
