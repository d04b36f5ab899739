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

test('texts typed without diacritics reach the lexicon with diacritics folded (issue 16)', () => {
  assert.equal(label('Kuljettaja oli tosi ystavallinen ja nopea', 'fi'), 'positive');
  assert.equal(label('Laskun selvittely oli arsyttavan hankalaa', 'fi'), 'negative');
  assert.equal(label('Kurier byl bardzo mily, paczka cala', 'pl'), 'positive');
  assert.equal(label('Strona dziala zle od tygodnia', 'pl'), 'negative');
  assert.equal(label('Sjukskoterskan var valdigt hjalpsam', 'sv'), 'positive');
  // Folded Swedish forms that are other words do not count: "vanlig" is "usual", "svar" an answer.
  assert.equal(label('Det var en helt vanlig leverans och jag fick svar i tid', 'sv'), 'neutral');
  // A text that carries its diacritics is read exactly: "vanliga" stays "usual" there too.
  assert.equal(label('Paketet kom på den vanliga tiden', 'sv'), 'neutral');
});

test('litotes and praise through negation are positive; "neither … nor" is neutral (issue 16)', () => {
  assert.equal(label('Ei yhtään hullumpi kokemus tällä kertaa.', 'fi'), 'positive');
  assert.equal(label('Asentajaa ei voi kuin kehua.', 'fi'), 'positive');
  assert.equal(label('Nie mam zarzutów do montera.', 'pl'), 'positive');
  assert.equal(label('Do kuriera nie mam się do czego przyczepić.', 'pl'), 'positive');
  assert.equal(label('Den nya appen var inte alls dum.', 'sv'), 'positive');
  assert.equal(label('Kan inte klaga på leveransen.', 'sv'), 'positive');
  assert.equal(label("The new tariff is not half bad, can't complain.", 'en'), 'positive');
  assert.equal(label('The engineer was neither quick nor slow.', 'en'), 'neutral');
  assert.equal(label('Varken bra eller dålig kundtjänst.', 'sv'), 'neutral');
  assert.equal(label('Ani dobra, ani zła ta obsługa.', 'pl'), 'neutral');
  assert.equal(label('Hinta ei ollut hyvä eikä huono.', 'fi'), 'neutral');
});

test('a negation turns only what it governs: "and" ends its reach (issue 16)', () => {
  assert.equal(label('Laskua ei tullut ajallaan ja asiakaspalvelu oli erinomainen', 'fi'), 'positive');
  assert.equal(label("The parcel didn't come on Monday and the driver was lovely about it", 'en'), 'positive');
  assert.equal(label('Nie dostałem SMS-a i konsultant był bardzo pomocny', 'pl'), 'positive');
});

test('contrast weighs the clause after "but" in all four languages (issue 16)', () => {
  assert.equal(label('Myyjä oli mukava, mutta jonotin ikuisuuden.', 'fi'), 'negative');
  assert.equal(label('Kassörskan var trevlig, men jag väntade en evighet.', 'sv'), 'negative');
  assert.equal(label('The cashier was polite, but I queued forever.', 'en'), 'negative');
  assert.equal(label('Kasjerka była miła, ale stałem całą wieczność.', 'pl'), 'negative');
  assert.equal(label('Jono oli pitkä, mutta myyjä oli todella ystävällinen.', 'fi'), 'positive');
  assert.equal(label('Kolejka była długa, ale pani była bardzo pomocna.', 'pl'), 'positive');
});

test('sarcasm and counterfactual wishes are complaints (issue 16)', () => {
  assert.equal(label('Oh great, the router reset itself again.', 'en'), 'negative');
  assert.equal(label('Loved waiting in the rain for the van. Not.', 'en'), 'negative');
  assert.equal(label('It would have been nice to hear about the price rise before the bill.', 'en'), 'negative');
  assert.equal(label('Olisi ollut mukava saada tieto katkosta etukäteen.', 'fi'), 'negative');
  assert.equal(label('Det hade varit bra att få veta om avbrottet i förväg.', 'sv'), 'negative');
  assert.equal(label('Byłoby miło, gdyby ktoś zadzwonił przed wizytą.', 'pl'), 'negative');
  assert.equal(label('No pięknie, znowu brak prądu.', 'pl'), 'negative');
});
