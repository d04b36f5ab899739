import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLuhnValid, isValidHetu, isValidIban, isValidNrb, isValidPesel, redactPii } from './redact.ts';

// Checksums worked out by hand:
// hetu 131052-308T: 131052308 mod 31 = 25 → "T" (0-9, A B C D E F H J K L M N P R S T …: index 25 is T).
// hetu 010594Y9032 (2023 sign Y = 1900s): 010594903 mod 31 = 10594903 − 31·341771 = 2 → "2".
// hetu 010105A902W? 010105902 mod 31 = 10105902 − 31·325996 = 26 → "U", so the valid one is 010105A902U.
// IBAN FI21 1234 5600 0007 85: 12345600000785 + F(15) I(18) 21 → 12345600000785151821 mod 97 = 1.
// card 4111 1111 1111 1111: doubled digits 4→8 and seven 1→2 give 8+14, plus eight 1s = 30, divisible by 10.
// PESEL, weights 1 3 7 9 1 3 7 9 1 3 over the first ten digits, check = (10 − sum mod 10) mod 10:
//   4405140135|9: 4+12+0+45+1+12+0+9+3+15 = 101 → 9 (born 1944-05-14); …8 is wrong.
//   8501011234|5: 8+15+0+9+0+3+7+18+3+12 = 75 → 5 (1985-01-01).
//   0227080362|4: 0+6+14+63+0+24+0+27+6+6 = 146 → 4 (month 27 = July 2002).
//   8513311234|7: 8+15+7+27+3+3+7+18+3+12 = 103 → 7, but month 13 does not exist.
// NRB = IBAN without "PL": account + "2521" (P = 25, L = 21) + check digits, mod 97 = 1:
//   61 1090 1014 0000 0712 1981 2874, 60 1020 1026 0000 0422 7020 1111, 27 1240 1037 1111 0000 1234 5678
//   (check digits worked out as 98 − (account·10⁶ + 252100) mod 97, in Python, not by this code).

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

test('PESEL with a valid checksum and birth date is redacted; a wrong check digit or month is not', () => {
  assert.equal(isValidPesel('44051401359'), true);
  assert.equal(isValidPesel('85010112345'), true);
  assert.equal(isValidPesel('02270803624'), true);
  assert.equal(isValidPesel('44051401358'), false);
  assert.equal(isValidPesel('85133112347'), false);
  assert.equal(redactPii('PESEL 44051401359, błędny 44051401358.'), 'PESEL [pesel], błędny 44051401358.');
  assert.equal(redactPii('Mój PESEL to 85010112345'), 'Mój PESEL to [pesel]');
  assert.equal(redactPii('Syn: 02270803624, nie 85133112347'), 'Syn: [pesel], nie 85133112347');
  assert.equal(redactPii('Numer 85010112346 jest zły'), 'Numer 85010112346 jest zły');
});

test('Polish domestic account numbers (NRB) without "PL" are redacted as IBANs when mod-97 holds', () => {
  assert.equal(isValidNrb('61 1090 1014 0000 0712 1981 2874'), true);
  assert.equal(isValidNrb('61 1090 1014 0000 0712 1981 2875'), false);
  assert.equal(redactPii('Przelew na 61 1090 1014 0000 0712 1981 2874, dziękuję.'), 'Przelew na [iban], dziękuję.');
  assert.equal(redactPii('Konto 60102010260000042270201111 zwrot'), 'Konto [iban] zwrot');
  assert.equal(redactPii('nr rachunku 27 1240 1037 1111 0000 1234 5678.'), 'nr rachunku [iban].');
  assert.equal(redactPii('Konto 61 1090 1014 0000 0712 1981 2875 jest złe'), 'Konto 61 1090 1014 0000 0712 1981 2875 jest złe');
});

test('phone numbers without "+" and in North American format', () => {
  assert.equal(redactPii('Soita numeroon 040 123 4567'), 'Soita numeroon [phone]');
  assert.equal(redactPii('Vaihde 09-123 4567 ei vastaa'), 'Vaihde [phone] ei vastaa');
  assert.equal(redactPii('Mitt nummer är 070-123 45 67.'), 'Mitt nummer är [phone].');
  assert.equal(redactPii('Proszę dzwonić 601 234 567'), 'Proszę dzwonić [phone]');
  assert.equal(redactPii('Call me at (555) 123-4567 today'), 'Call me at [phone] today');
  assert.equal(redactPii('or 555-123-4567 after six'), 'or [phone] after six');
  assert.equal(redactPii('Tel. 0401234567'), 'Tel. [phone]');
  assert.equal(redactPii('Ring 08-123 456 78 eller 0701234567'), 'Ring [phone] eller [phone]');
});

test('names after a cue, and listed first names before a surname, become [name]', () => {
  const cases: [string, string][] = [
    ['Asiakaspalvelija Maija auttoi nopeasti.', 'Asiakaspalvelija [name] auttoi nopeasti.'],
    ['Myyjä Pekka Virtanen oli ystävällinen.', 'Myyjä [name] oli ystävällinen.'],
    ['Hi, my name is John Smith and I waited.', 'Hi, my name is [name] and I waited.'],
    ['Nimeni on Liisa Korhonen.', 'Nimeni on [name].'],
    ['Hej, jag heter Erik och jag är arg.', 'Hej, jag heter [name] och jag är arg.'],
    ['Nazywam się Anna Nowak.', 'Nazywam się [name].'],
    ['Pani Anna była bardzo miła.', 'Pani [name] była bardzo miła.'],
    ['Niestety pan Kowalski nie oddzwonił.', 'Niestety pan [name] nie oddzwonił.'],
    ['Fru Andersson på kontoret hjälpte mig.', 'Fru [name] på kontoret hjälpte mig.'],
    ['Mrs. Johnson was rude, Mr Brown was fine.', 'Mrs. [name] was rude, Mr [name] was fine.'],
    ['I talked to Sarah yesterday.', 'I talked to [name] yesterday.'],
    ['Rozmawiałam z panią Kasią wczoraj.', 'Rozmawiałam z panią [name] wczoraj.'],
    ['Kiitos, Mikko Nieminen hoiti asian.', 'Kiitos, [name] hoiti asian.'],
    ['Ingrid Svensson på kundtjänst var toppen.', '[name] på kundtjänst var toppen.'],
    ['Katarzyna Wiśniewska z obsługi pomogła.', '[name] z obsługi pomogła.'],
    ['Herr Lindqvist ringde aldrig tillbaka.', 'Herr [name] ringde aldrig tillbaka.'],
    ['Puhuin Pekka Virtasen kanssa.', 'Puhuin [name] kanssa.'],
    ['Kiitos Mikko!', 'Kiitos [name]!'],
  ];
  for (const [text, expected] of cases) assert.equal(redactPii(text), expected, text);
});

test('street addresses and postcodes next to a town become one [address]', () => {
  const cases: [string, string][] = [
    ['Asun osoitteessa Hämeenkatu 12 A 5, 33100 Tampere.', 'Asun osoitteessa [address].'],
    ['Paketti meni osoitteeseen Mannerheimintie 5 B 12 väärin.', 'Paketti meni osoitteeseen [address] väärin.'],
    ['Toimitus Koivukuja 3, ei Koivupolku 3.', 'Toimitus [address], ei [address].'],
    ['Adress: Storgatan 12 B, 111 22 Stockholm.', 'Adress: [address].'],
    ['Jag bor på Kungsvägen 3 lgh 1102.', 'Jag bor på [address].'],
    ['Mieszkam przy ul. Długiej 5 m. 4.', 'Mieszkam przy [address].'],
    ['Kurier nie przyszedł na al. Jana Pawła II 12/3, 00-950 Warszawa.', 'Kurier nie przyszedł na [address].'],
    ['Send it to 221B Baker Street, Apt 4 please.', 'Send it to [address] please.'],
    ['Deliver to 12 High Road.', 'Deliver to [address].'],
    ['Postiin 00100 Helsinki kiitos', 'Postiin [address] kiitos'],
  ];
  for (const [text, expected] of cases) assert.equal(redactPii(text), expected, text);
});

test('order, customer and reference numbers, dates, amounts, times and brand words stay as they are', () => {
  for (const text of [
    'tilausnumero 12345678 ei näy',
    'My order #4471223 never came.',
    'viitenumero 12345 67890 oli väärä',
    'Mitt kundnummer 556677 fungerar inte.',
    'ordernummer 0012345678 saknas',
    'nr zamówienia 85010112345 nie działa',
    'Lasku 12.3.2025 oli 45,90 € ja eräpäivä 2025-04-01.',
    'Paid $1,299.99 on 12/03/2024 at 9:15 am.',
    'Kävin klo 14:30, odotin 45 minuuttia, 1 200 € lasku.',
    'Maksoin 12345 Euroa liikaa.',
    'I talked to Telia twice and MS Teams crashed.',
    'Puhuin Elisan kanssa, ei apua.',
    'Anna meille palautetta. Very Good Service From The Team',
    'Helsinki Airport oli ruuhkainen, Prisma Kaari oli kiinni.',
    'Asiakasnumero 2024-001234, tilaus 123 456 789.',
  ]) assert.equal(redactPii(text), text);
});
