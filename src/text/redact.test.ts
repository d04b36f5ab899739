import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLuhnValid, isValidHetu, isValidIban, redactPii } from './redact.ts';

// Checksums worked out by hand:
// hetu 131052-308T: 131052308 mod 31 = 25 → "T" (0-9, A B C D E F H J K L M N P R S T …: index 25 is T).
// hetu 010594Y9032 (2023 sign Y = 1900s): 010594903 mod 31 = 10594903 − 31·341771 = 2 → "2".
// hetu 010105A902W? 010105902 mod 31 = 10105902 − 31·325996 = 26 → "U", so the valid one is 010105A902U.
// IBAN FI21 1234 5600 0007 85: 12345600000785 + F(15) I(18) 21 → 12345600000785151821 mod 97 = 1.
// card 4111 1111 1111 1111: doubled digits 4→8 and seven 1→2 give 8+14, plus eight 1s = 30, divisible by 10.

test('hetu: valid codes with the old and the 2023 century signs are valid; a wrong check character is not', () => {
  assert.equal(isValidHetu('131052-308T'), true);
  assert.equal(isValidHetu('010594Y9032'), true);
  assert.equal(isValidHetu('010105A902U'), true);
  assert.equal(isValidHetu('131052-308U'), false);
  assert.equal(isValidHetu('010594Y9033'), false);
  assert.equal(isValidHetu('310252-308T'), false); // 31 February
});

test('IBAN mod-97 and card Luhn checks', () => {
  assert.equal(isValidIban('FI21 1234 5600 0007 85'), true);
  assert.equal(isValidIban('FI21 1234 5600 0007 86'), false);
  assert.equal(isValidIban('FI21 1234 5600 0007 8'), false); // Finnish IBANs have 18 characters
  assert.equal(isLuhnValid('4111 1111 1111 1111'), true);
  assert.equal(isLuhnValid('4111 1111 1111 1112'), false);
});

test('redaction replaces only valid identifiers with placeholders', () => {
  assert.equal(redactPii('Hetu 131052-308T, väärä 131052-308U.'), 'Hetu [hetu], väärä 131052-308U.');
  assert.equal(redactPii('Uusi tunnus 010594Y9032 toimii.'), 'Uusi tunnus [hetu] toimii.');
  assert.equal(redactPii('Tilille FI21 1234 5600 0007 85 kiitos'), 'Tilille [iban] kiitos');
  assert.equal(redactPii('Tili FI21 1234 5600 0007 86 on väärin'), 'Tili FI21 1234 5600 0007 86 on väärin');
  assert.equal(redactPii('Card 4111 1111 1111 1111, not 4111 1111 1111 1112.'), 'Card [card], not 4111 1111 1111 1112.');
  assert.equal(redactPii('Write to anna.k@example.co.uk please'), 'Write to [email] please');
});

test('phone numbers in Finnish, Swedish, Polish and international formats', () => {
  assert.equal(redactPii('Soita 040 123 4567 tai 09-123 4567'), 'Soita [phone] tai [phone]');
  assert.equal(redactPii('Ring 070-123 45 67 eller +46 70 123 45 67'), 'Ring [phone] eller [phone]');
  assert.equal(redactPii('Tel. 601 234 567 lub +48 22 123 45 67'), 'Tel. [phone] lub [phone]');
  assert.equal(redactPii('Call +44 20 7946 0958 or 0044 20 7946 0958'), 'Call [phone] or [phone]');
});

test('dates, amounts and order numbers are left alone', () => {
  const text = 'Tilaus 123456 / 12.03.2024, summa 1 200 €, asiakasnumero 2024-001234.';
  assert.equal(redactPii(text), text);
  assert.equal(redactPii(''), '');
});
