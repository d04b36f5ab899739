/**
 * Tokenisation shared by every text analysis. Works on lower-cased text; keeps emoji and
 * emoticons as tokens (they carry sentiment) and punctuation as clause boundaries.
 */
import { LANGUAGES, type Language } from '../vocabulary.ts';

export type TokenKind = 'word' | 'number' | 'punct' | 'emoji';

export interface Token {
  text: string;
  kind: TokenKind;
  /** A word joined to the word before it by a hyphen ("service" in "self-service"). */
  joined?: true;
}

// Emoticons first so ":)" is not split into punctuation; words keep inner apostrophes ("didn't").
// A hyphen after a one- or two-letter prefix stays inside the word (e-lasku, wi-fi, e-mail), so
// keyword lists can name them; longer compounds (self-service, sms-viesti) split into their parts,
// each later part marked `joined`, so lexicons can try the whole compound (compoundAt) and the parts.
const TOKEN_RE =
  /[:;=][-'^]?[()[\]dpo/\\|*]+(?![\p{L}\p{N}])|<\/?3|\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}\uFE0F])*|(?<![\p{L}\p{M}])[\p{L}\p{M}]{1,2}-[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\p{N}+|[.!?;,:]+/gu;

export { LANGUAGES, type Language };
export type DetectedLanguage = Language | 'other';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function tokenize(text: string): Token[] {
  const lower = text.toLowerCase().replace(/’/g, "'");
  const tokens: Token[] = [];
  let end = -1;
  for (const match of lower.matchAll(TOKEN_RE)) {
    const t = match[0];
    const start = match.index;
    const c = t.charCodeAt(0);
    let kind: TokenKind;
    if (/^[\p{L}\p{M}]/u.test(t)) kind = 'word';
    else if (c >= 48 && c <= 57) kind = 'number';
    else if (/^[.!?;,:]+$/.test(t)) kind = 'punct';
    else kind = 'emoji';
    const previous = tokens[tokens.length - 1];
    if (kind === 'word' && previous?.kind === 'word' && end === start - 1 && lower[end] === '-') tokens.push({ text: t, kind, joined: true });
    else tokens.push({ text: t, kind });
    end = start + t.length;
  }
  return tokens;
}

/** The hyphenated compound starting at word `i` ("self-service") and its last index, if the next word is joined to it. */
export function compoundAt(tokens: Token[], i: number): { text: string; last: number } | undefined {
  if (tokens[i]?.kind !== 'word' || tokens[i].joined || !tokens[i + 1]?.joined) return undefined;
  let text = tokens[i].text;
  let last = i;
  while (tokens[last + 1]?.joined) text += `-${tokens[++last].text}`;
  return { text, last };
}

/** Words only, for language detection, themes and the learned classifier. */
export function words(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.kind === 'word')
    .map((t) => t.text);
}

// Letters of fi, sv and pl that people leave out when typing on a phone or a foreign keyboard.
const FOLD: Record<string, string> = { ä: 'a', å: 'a', ö: 'o', ą: 'a', ę: 'e', ł: 'l', ó: 'o', ś: 's', ż: 'z', ź: 'z', ć: 'c', ń: 'n' };
const FOLDABLE = /[äåöąęłóśżźćń]/g;
const HAS_FOLDABLE = /[äåöąęłóśżźćń]/;

/** A lower-cased word with the fi/sv/pl diacritics taken off ("działa" → "dziala", "hyvä" → "hyva"). */
export function foldDiacritics(word: string): string {
  return word.replace(FOLDABLE, (ch) => FOLD[ch]);
}

/**
 * Whether a Finnish, Swedish or Polish text was typed without its diacritics: not one word carries
 * them. Only then are lexicons matched with diacritics folded, so a text written with "ä" and "ł"
 * never meets the folded collisions ("stad" for "städ", "laska" for "łaska").
 */
export function typedWithoutDiacritics(tokens: Token[], language: DetectedLanguage): boolean {
  if (language !== 'fi' && language !== 'sv' && language !== 'pl') return false;
  for (const t of tokens) if (t.kind === 'word' && HAS_FOLDABLE.test(t.text)) return false;
  return true;
}
