import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './language.ts';

test('detects the four languages, also from short texts', () => {
  assert.equal(detectLanguage('Jouduin odottamaan jonossa puoli tuntia.'), 'fi');
  assert.equal(detectLanguage('Kiitos!'), 'fi');
  assert.equal(detectLanguage('Personalen var väldigt trevlig.'), 'sv');
  assert.equal(detectLanguage('Toppen, tack!'), 'sv');
  assert.equal(detectLanguage('The delivery was late again.'), 'en');
  assert.equal(detectLanguage('Highly recommend!'), 'en');
  assert.equal(detectLanguage('Obsługa była bardzo miła.'), 'pl');
  assert.equal(detectLanguage('Polecam!'), 'pl');
});

test('other languages, numbers and symbols are "other"', () => {
  assert.equal(detectLanguage('Der Service war sehr gut und freundlich.'), 'other');
  assert.equal(detectLanguage('Teenindus oli väga hea, aitäh.'), 'other');
  assert.equal(detectLanguage('El servicio fue muy bueno, gracias.'), 'other');
  assert.equal(detectLanguage('12345 678'), 'other');
  assert.equal(detectLanguage('👍'), 'other');
  assert.equal(detectLanguage(''), 'other');
});

test('a mixed-language text gets its dominant language', () => {
  assert.equal(detectLanguage('Palvelu oli todella hyvä ja henkilökunta ystävällistä, thanks!'), 'fi');
  assert.equal(detectLanguage('The app is great and support was quick, kiitos.'), 'en');
  assert.equal(detectLanguage('Bardzo miła obsługa i szybka dostawa, tack.'), 'pl');
});
