/**
 * Tokenisation shared by every text analysis. Works on lower-cased text; keeps emoji and
 * emoticons as tokens (they carry sentiment) and punctuation as clause boundaries.
 */
export type TokenKind = 'word' | 'number' | 'punct' | 'emoji';

export interface Token {
  text: string;
  kind: TokenKind;
}

// Emoticons first so ":)" is not split into punctuation; words keep inner apostrophes ("didn't").
const TOKEN_RE =
  /[:;=][-'^]?[()[\]dpo/\\|*]+(?![\p{L}\p{N}])|<\/?3|\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}\uFE0F])*|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\p{N}+|[.!?;,:]+/gu;

export const LANGUAGES = ['fi', 'sv', 'en', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];
export type DetectedLanguage = Language | 'other';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function tokenize(text: string): Token[] {
  const lower = text.toLowerCase().replace(/’/g, "'");
  const tokens: Token[] = [];
  for (const match of lower.matchAll(TOKEN_RE)) {
    const t = match[0];
    const c = t.charCodeAt(0);
    let kind: TokenKind;
    if (/^[\p{L}\p{M}]/u.test(t)) kind = 'word';
    else if (c >= 48 && c <= 57) kind = 'number';
    else if (/^[.!?;,:]+$/.test(t)) kind = 'punct';
    else kind = 'emoji';
    tokens.push({ text: t, kind });
  }
  return tokens;
}

/** Words only, for language detection, themes and the learned classifier. */
export function words(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.kind === 'word')
    .map((t) => t.text);
}
