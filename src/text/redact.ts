/**
 * PII redaction before display and export. Each detector validates what it finds (hetu and PESEL
 * checksum and date, IBAN and Polish NRB mod-97, card Luhn) so order numbers and amounts stay
 * readable. Names and street addresses have no checksum: they are found by their context (a cue such
 * as "my name is" or "asiakaspalvelija", a listed first name before a surname, a street suffix before
 * a house number, a postcode before a town).
 */
import { FIRST_NAMES } from './lexicon/first-names.ts';

export type PiiKind = 'email' | 'iban' | 'hetu' | 'pesel' | 'card' | 'phone' | 'address' | 'name';

export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}\b/gi;
// DDMMYY + century sign (+ 1800s; - Y X W V U 1900s; A B C D E F 2000s, the extra signs since 2023) + NNN + check.
const HETU = /(?<![\p{L}\p{N}])(\d{2})(\d{2})(\d{2})([-+ABCDEFYXWVU])(\d{3})([0-9A-Y])(?![\p{L}\p{N}])/giu;
const CARD_CANDIDATE = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;
// PESEL: YYMMDD (month + 20/40/60/80 for other centuries) + 4 digits + check digit.
const PESEL_CANDIDATE = /(?<![\p{L}\p{N}])\d{11}(?![\p{L}\p{N}])/gu;
// Polish domestic account number (NRB): 2 check digits + 8-digit bank + 16-digit account, usually in groups of 4.
const NRB_CANDIDATE = /(?<![\p{L}\p{N}])\d{2}(?:[ -]?\d{4}){6}(?![\p{L}\p{N}])/gu;
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}+])(?:(?:\+|00)\d{1,3}[ -]?(?:\(0?\d{1,4}\)[ -]?)?|\(0?\d{1,4}\)[ -]?|0)?\d[\d -]{5,16}\d(?!\d)/gu;

const IBAN_LENGTHS: Record<string, number> = {
  FI: 18, SE: 24, PL: 28, DE: 22, GB: 22, EE: 20, NO: 15, DK: 18, FR: 27, NL: 18, ES: 24, IT: 27, LT: 20, LV: 21, BE: 16, AT: 20,
  IE: 22, CH: 21, PT: 25, LU: 20, IS: 26, CZ: 24, SK: 24, HU: 28, GR: 27, RO: 24, BG: 22, HR: 21, SI: 19, CY: 28, MT: 31,
};

const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const CENTURY: Record<string, number> = { '+': 1800, '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900, A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000 };

export function isValidHetu(code: string): boolean {
  HETU.lastIndex = 0;
  const m = new RegExp(HETU.source, 'iu').exec(code.trim());
  if (!m || m[0].length !== code.trim().length) return false;
  const [, dd, mm, yy, sign, nnn, check] = m;
  const century = CENTURY[sign.toUpperCase()];
  const year = century + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return false;
  if (Number(nnn) < 2) return false; // 000 and 001 are never issued
  return HETU_CHECK[Number(`${dd}${mm}${yy}${nnn}`) % 31] === check.toUpperCase();
}

export function isValidIban(candidate: string): boolean {
  const iban = candidate.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export function isLuhnValid(digits: string): boolean {
  const d = digits.replace(/[ -]/g, '');
  if (!/^\d{13,19}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = Number(d[d.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
// The month's tens encode the century: 1–12 the 1900s, 21–32 the 2000s, 41–52 the 2100s, 61–72 the 2200s, 81–92 the 1800s.
const PESEL_CENTURY = [1900, 2000, 2100, 2200, 1800];

export function isValidPesel(code: string): boolean {
  if (!/^\d{11}$/.test(code)) return false;
  const d = [...code].map(Number);
  const sum = PESEL_WEIGHTS.reduce((s, w, i) => s + w * d[i], 0);
  if ((10 - (sum % 10)) % 10 !== d[10]) return false;
  const monthField = d[2] * 10 + d[3];
  const year = PESEL_CENTURY[Math.floor(monthField / 20)] + d[0] * 10 + d[1];
  const month = monthField % 20;
  const day = d[4] * 10 + d[5];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A Polish domestic account number is the IBAN without its "PL": the same mod-97 check. */
export function isValidNrb(candidate: string): boolean {
  const digits = candidate.replace(/[ -]/g, '');
  return digits.length === 26 && isValidIban(`PL${digits}`);
}

// A number right after one of these words is the organisation's own reference, not the customer's
// phone or PESEL ("tilausnumero 0401234567", "ordernummer 0012345678", "nr zamówienia 85010112345").
const REFERENCE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${[
  'tilaus', 'tilausnumero', 'tilausnro', 'tilauksen', 'asiakasnumero', 'asiakasnro', 'viite', 'viitenumero', 'laskunumero', 'lasku',
  'sopimusnumero', 'seurantanumero', 'order', 'ordernummer', 'ordernr', 'beställning', 'beställningsnummer', 'kundnummer', 'kundnr',
  'referens', 'referensnummer', 'ärende', 'ärendenummer', 'fakturanummer', 'customer', 'reference', 'ref', 'invoice', 'ticket', 'case',
  'tracking', 'zamówienie', 'zamówienia', 'klienta', 'faktury', 'faktura', 'przesyłki', 'umowy', 'sprawy',
].join('|')})(?:\\s*(?:no|nr|nro|number|numero|nummer|numer|id))?\\.?\\s*[:#]?\\s*#?$`, 'iu');

function isReference(text: string, start: number): boolean {
  return REFERENCE_BEFORE.test(text.slice(Math.max(0, start - 32), start));
}

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  const international = /^(?:\+|00)/.test(candidate);
  if (international) return digits.length >= 8 && digits.length <= 15;
  if (/^\(?0/.test(candidate)) return digits.length >= 7 && digits.length <= 11; // fi/sv national: 040 123 4567, 08-123 456 78
  // Polish national numbers are 9 digits, written 601 234 567 or 601-234-567 or (22) 123 45 67.
  // North American numbers: (555) 123-4567, 555-123-4567.
  if (digits.length === 10 && /^(?:\([2-9]\d{2}\) ?|[2-9]\d{2}-)\d{3}-\d{4}$/.test(candidate)) return true;
  if (digits.length === 9 && /^(?:\(\d{2}\) ?\d{3}[ -]?\d{2}[ -]?\d{2}|\d{3}[ -]\d{3}[ -]\d{3}|\d{2} \d{3} \d{2} \d{2})$/.test(candidate)) return true;
  return false;
}

// Street addresses: a street name with its suffix, then a house number and an optional staircase or
// apartment ("Hämeenkatu 12 A 5", "Storgatan 12 B lgh 1102"); Polish "ul./al./os./pl." before the name
// ("ul. Długa 5 m. 4", "al. Jana Pawła II 12/3"); English number-first ("221B Baker Street, Apt 4").
// A house number is never followed by a decimal, a time, a currency or a per cent.
const HOUSE_END = String.raw`(?![\d.,:]\d|\s?[€$%])`;
const STREET_NORDIC = new RegExp(String.raw`(?<![\p{L}\p{N}])\p{Lu}\p{Ll}{2,}(?:katu|tie|kuja|polku|väylä|kaari|raitti|rinne|ranta|tori|aukio|gatan|vägen|gränd|torget|backen|stigen|allén|leden)` +
  String.raw` \d{1,4}[a-z]?(?: ?[A-H](?: ?\d{1,3})?(?!\p{L}))?(?: (?:as\.?|lgh\.?|lägenhet) ?\d{1,4})?${HOUSE_END}(?!\d)`, 'gu');
const STREET_PL = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:[Uu]l\.|[Uu]lic[aąy]|[Aa]l\.|[Aa]lej[aią]|[Aa]lei|[Oo]s\.|[Oo]siedl[eu]|[Pp]l\.|[Pp]lac[u]?)\s?` +
  String.raw`(?:\p{Lu}[\p{L}.-]*|\d{1,2})(?:\s\p{Lu}[\p{L}.-]*){0,3}\s\d{1,4}[a-zA-Z]?(?:\/\d{1,4}[a-zA-Z]?)?(?:\s?(?:m\.|m|lok\.|lok)\s?\d{1,4})?${HOUSE_END}(?!\d)`, 'gu');
const STREET_EN = new RegExp(String.raw`(?<![\p{L}\p{N}])\d{1,5}[A-Za-z]?\s(?:\p{Lu}\p{Ll}+\s){1,3}(?:Street|Road|Avenue|Lane|Drive|Boulevard|Court|Place|Way|Close|Crescent|Terrace|(?:St|Rd|Ave|Ln|Blvd)\.?)(?![\p{L}])` +
  String.raw`(?:,?\s(?:Apt|Apartment|Suite|Unit|Flat)\.?\s?#?\d{1,5}[A-Za-z]?)?`, 'gu');
// Cheap tests that a street pattern can match at all: a regular expression that starts with a
// look-behind and a Unicode class tries every position, the literal words are found much faster.
const STREET_NORDIC_HINT = /(?:katu|tie|kuja|polku|väylä|kaari|raitti|rinne|ranta|tori|aukio|gatan|vägen|gränd|torget|backen|stigen|allén|leden) \d/u;
const STREET_PL_HINT = /(?:ul|al|os|pl)\.|ulic|alej|alei|osiedl|plac/i;
const STREET_EN_HINT = /(?:Street|Road|Avenue|Lane|Drive|Boulevard|Court|Place|Way|Close|Crescent|Terrace|St|Rd|Ave|Ln|Blvd)\b/;
// The look-behinds come after the first character, so most positions fail on that character alone.
// Postcodes next to a town: fi "33100 Tampere", sv "111 22 Stockholm", pl "00-950 Warszawa".
const POSTCODE = /\d(?<![\p{L}\p{N}.,:/-]\d)(?:\d{4}|\d{2} \d{2}|\d-\d{3}) (?!(?:Euro|Eur|Kr|Sek|Zł|Zl|Pln|Usd|Dollar|Kpl|Kappale)\p{L}*)\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?![\p{L}\p{N}])/gu;

// Names. A capitalised word (Anna, Anna-Liisa, O'Brien, McDonald) after a cue is a name; so is a listed
// first name before another capitalised word (a surname). Titles are case-sensitive ("MS Teams" is not "Ms").
const CAPITALISED = /\p{Lu}(?<![\p{L}\p{N}'’-]\p{Lu})\p{Ll}*(?:['’]\p{Lu})?\p{Ll}+(?:-\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+)?(?![\p{L}\p{N}])/gu;
const NAME_CUES = [
  // fi
  'asiakaspalvelija', 'asiakaspalvelijan', 'asiakaspalvelijalle', 'asiakasneuvoja', 'myyjä', 'myyjän', 'myyjältä', 'myyjälle', 'nimeni on',
  'nimeni', 'nimi on', 'herra', 'rouva', 'neiti', 'asentaja', 'kuljettaja', 'lääkäri', 'hoitaja', 'virkailija', 'puhuin', 'juttelin',
  // sv
  'jag heter', 'mitt namn är', 'heter', 'herr', 'fru', 'handläggare', 'handläggaren', 'säljare', 'säljaren', 'pratade med', 'talade med',
  // en
  'my name is', 'name is', 'talked to', 'talked with', 'spoke to', 'spoke with', 'speaking to', 'speaking with', 'agent', 'advisor',
  'adviser', 'representative', 'named',
  // pl
  'nazywam się', 'mam na imię', 'pan', 'pani', 'panią', 'panem', 'pana', 'panu', 'panie', 'rozmawiałam z', 'rozmawiałem z',
  'konsultant', 'konsultantka', 'konsultantką', 'konsultantem', 'doradca', 'doradczyni', 'sprzedawca', 'sprzedawczyni', 'kurier',
];
const NAME_CUE_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${NAME_CUES.join('|').replace(/ /g, String.raw`\s+`)})\s+$`, 'iu');
const TITLE_BEFORE = /(?:^|[^\p{L}])(?:Mrs|Mr|Ms|Miss|Dr)\.?\s+$/u;
const GREETINGS = ['kiitos', 'hei', 'moi', 'thanks', 'thank you', 'hi', 'hello', 'dear', 'tack', 'hej', 'dziękuję', 'dzięki', 'cześć'];
// Greetings and thanks are a cue only for a listed first name: "Kiitos Mikko", "Thanks Sarah", not "Thanks Again".
const GREETING_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${GREETINGS.join('|').replace(/ /g, String.raw`\s+`)})[,!]?\s+$`, 'iu');
const FIRST_NAME = new Set(FIRST_NAMES);
// Brands and places that follow the same cues ("talked to Telia", "puhuin Elisan kanssa"), base forms.
const NOT_A_NAME = new Set([
  'Elisa', 'Telia', 'Tele', 'Telenor', 'Tre', 'Play', 'Plus', 'Orange', 'Ikea', 'Posti', 'Postnord', 'Nordea', 'Danske', 'Swedbank',
  'Handelsbanken', 'Klarna', 'Google', 'Apple', 'Amazon', 'Microsoft', 'Allegro', 'Zalando', 'Lidl', 'Prisma', 'Alko', 'Fortum',
  'Vattenfall', 'Tauron', 'Enea', 'Kela', 'Skatteverket', 'Ica', 'Coop', 'Stockmann', 'Verkkokauppa', 'Finnair', 'Sas', 'Vr', 'Hsl',
  'Helen', 'Caruna', 'Support', 'Customer', 'Service', 'The', 'You', 'Your',
]);
const FI_CASE_ENDING = /(?:lle|lla|llä|lta|ltä|ssa|ssä|sta|stä|n|a|ä)$/u;

const CUE_LAST_WORDS = new Set([...NAME_CUES, ...GREETINGS, 'mrs', 'mr', 'ms', 'miss', 'dr'].map((cue) => cue.split(' ').pop() as string));

/** The word before position `at` (skipping spaces, a comma or a title's full stop), lower-cased. */
function previousWord(text: string, at: number): string {
  let end = at;
  while (end > 0 && /[\s.,!]/.test(text[end - 1])) end--;
  let start = end;
  while (start > 0 && /\p{L}/u.test(text[start - 1])) start--;
  return text.slice(start, end).toLowerCase();
}

function isBrand(word: string): boolean {
  return NOT_A_NAME.has(word) || NOT_A_NAME.has(word.replace(FI_CASE_ENDING, ''));
}

// Every name this file finds has a capitalised word right after a word (a cue, a first name) or a
// title. Not a Unicode regular expression on purpose: it runs on every text and is several times faster.
const NAME_HINT = /[^\s.!?]\s+[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻŠŽ]|\b(?:Mrs?|Ms|Miss|Dr)\.\s/;

function findNames(text: string, taken: (start: number, end: number) => boolean, add: (start: number, end: number) => void): void {
  const words: { start: number; end: number; word: string }[] = [];
  CAPITALISED.lastIndex = 0;
  for (const m of text.matchAll(CAPITALISED)) words.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, word: m[0] });
  // The next word when it follows with a single space: a surname, not the start of the next sentence.
  const next = (i: number) => (i + 1 < words.length && words[i + 1].start === words[i].end + 1 && text[words[i].end] === ' ' ? words[i + 1] : undefined);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.start === 0 && !FIRST_NAME.has(w.word)) continue; // a sentence-initial word can only be a listed first name
    if (isBrand(w.word) || taken(w.start, w.end)) continue;
    // The regular expressions run only when the word before is the last word of some cue: most capitalised words have none.
    const cueWord = CUE_LAST_WORDS.has(previousWord(text, w.start));
    const before = cueWord ? text.slice(Math.max(0, w.start - 32), w.start) : '';
    let last = next(i);
    if (last && (isBrand(last.word) || taken(last.start, last.end))) last = undefined;
    let end: number | undefined;
    if (cueWord && (NAME_CUE_BEFORE.test(before) || TITLE_BEFORE.test(before))) end = (last ?? w).end;
    else if (FIRST_NAME.has(w.word) && last) {
      const third = FIRST_NAME.has(last.word) ? next(i + 1) : undefined; // Anna Maria Kowalska
      end = (third && !isBrand(third.word) ? third : last).end;
    } else if (cueWord && FIRST_NAME.has(w.word) && GREETING_BEFORE.test(before)) end = w.end;
    if (end === undefined) continue;
    add(w.start, end);
    while (i + 1 < words.length && words[i + 1].start < end) i++;
  }
}

/** All PII spans in text, non-overlapping, earlier detectors first. */
export function findPii(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  const taken = (start: number, end: number) => found.some((m) => start < m.end && end > m.start);
  const scan: Scan = (re, kind, valid, trim = false) => {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      let value = m[0];
      if (trim) value = value.replace(/[ -]+$/, '');
      const start = m.index ?? 0;
      const end = start + value.length;
      if (!taken(start, end) && valid(value, start)) found.push({ kind, start, end });
    }
  };
  if (text.includes('@')) scan(EMAIL, 'email', () => true);
  if (/\d/.test(text)) findNumbered(text, found, taken, scan);
  if (NAME_HINT.test(text)) findNames(text, taken, (start, end) => found.push({ kind: 'name', start, end }));
  found.sort((a, b) => a.start - b.start);
  // "Hämeenkatu 12 A 5, 33100 Tampere" is one address, not two.
  const merged: PiiMatch[] = [];
  for (const m of found) {
    const prev = merged[merged.length - 1];
    if (prev && prev.kind === 'address' && m.kind === 'address' && /^[\s,]*$/.test(text.slice(prev.end, m.start))) prev.end = m.end;
    else merged.push(m);
  }
  return merged;
}

type Scan = (re: RegExp, kind: PiiKind, valid: (s: string, start: number) => boolean, trim?: boolean) => void;

/** The detectors that need a digit: identifiers, account and card numbers, addresses, phones. */
/** IBANs (at least 8 digits in every country's format). */
function findIbans(text: string, found: PiiMatch[], taken: (start: number, end: number) => boolean, scan: Scan): void {
  scan(IBAN_CANDIDATE, 'iban', isValidIban);
  // An IBAN regex match can swallow a following word; try the grouped prefix lengths too.
  IBAN_CANDIDATE.lastIndex = 0;
  for (const m of text.matchAll(IBAN_CANDIDATE)) {
    const start = m.index ?? 0;
    if (taken(start, start + m[0].length)) continue;
    const parts = m[0].split(' ');
    for (let k = parts.length - 1; k >= 2; k--) {
      const value = parts.slice(0, k).join(' ');
      if (isValidIban(value)) {
        found.push({ kind: 'iban', start, end: start + value.length });
        break;
      }
    }
  }
}

function findNumbered(text: string, found: PiiMatch[], taken: (start: number, end: number) => boolean, scan: Scan): void {
  // Each detector needs a least count of digits: a text with a date or "ref 1234" skips most of them.
  let digits = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) digits++;
  if (digits >= 8) findIbans(text, found, taken, scan);
  if (digits >= 9) scan(HETU, 'hetu', isValidHetu);
  if (digits >= 11) scan(PESEL_CANDIDATE, 'pesel', (s, start) => isValidPesel(s) && !isReference(text, start));
  if (digits >= 26) scan(NRB_CANDIDATE, 'iban', isValidNrb); // shown as an IBAN: it is one without the "PL"
  if (digits >= 13) scan(CARD_CANDIDATE, 'card', isLuhnValid);
  if (STREET_NORDIC_HINT.test(text)) scan(STREET_NORDIC, 'address', () => true);
  if (STREET_PL_HINT.test(text)) scan(STREET_PL, 'address', () => true);
  if (STREET_EN_HINT.test(text)) scan(STREET_EN, 'address', () => true);
  if (digits >= 5) scan(POSTCODE, 'address', (_, start) => !isReference(text, start));
  if (digits >= 7) scan(PHONE_CANDIDATE, 'phone', (s, start) => isPhone(s) && !isReference(text, start), true);
}

const PLACEHOLDER: Record<PiiKind, string> = {
  email: '[email]', iban: '[iban]', hetu: '[hetu]', pesel: '[pesel]', card: '[card]', phone: '[phone]', address: '[address]', name: '[name]',
};

export function redactPii(text: string): string {
  if (typeof text !== 'string' || text === '') return typeof text === 'string' ? text : '';
  // Every kind but a name holds a digit or an @, and a name has a capitalised word after a word or a title:
  // most feedback has none of these and costs two quick scans (exports redact every text).
  if (!/[\d@]/.test(text) && !NAME_HINT.test(text)) return text;
  let out = '';
  let at = 0;
  for (const m of findPii(text)) {
    out += text.slice(at, m.start) + PLACEHOLDER[m.kind];
    at = m.end;
  }
  return out + text.slice(at);
}
