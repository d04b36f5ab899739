import { PatternLexicon, PhraseIndex } from '../patterns.ts';
import { stem } from '../stem.ts';
import { foldDiacritics, type Language } from '../tokens.ts';
import { en } from './en.ts';
import { fi } from './fi.ts';
import { pl } from './pl.ts';
import { sv } from './sv.ts';
import type { LanguagePack } from './types.ts';

export { DEFAULT_TOPICS, type DefaultTopic, type LanguagePack } from './types.ts';

export const packs: Record<Language, LanguagePack> = { fi, sv, en, pl };

/** A language pack turned into lookup structures once, on first use. */
export interface CompiledPack {
  pack: LanguagePack;
  stopwords: Set<string>;
  negators: Set<string>;
  degree: Map<string, number>;
  excess: Set<string>;
  dimensions: PatternLexicon<true>;
  contrast: Set<string>;
  /** First word → second word ('' when the marker is one word). */
  concessive: Map<string, string[]>;
  sentiment: PatternLexicon<number>;
  phrases: PhraseIndex<number>;
  waitLong: PatternLexicon<true>;
  waitShort: PatternLexicon<true>;
  waitUnits: PatternLexicon<true>;
}

const compiled = new Map<Language, CompiledPack>();

/**
 * Closed word lists (negators, degree words, "but") with each word also typed without its
 * diacritics ("zadnego", "vahan", "naprawde"). Folded forms under four letters are other words
 * too often ("älä" → "ala" field, "så" → "sa" said) and are left out.
 */
function folded(word: string): string[] {
  const f = foldDiacritics(word);
  return f !== word && f.length >= 4 ? [word, f] : [word];
}
function withFolded(words: string[]): string[] {
  return [...new Set(words.flatMap(folded))];
}

function flagLexicon(language: Language, patterns: string[]): PatternLexicon<true> {
  const lexicon = new PatternLexicon<true>((w) => stem(w, language), undefined, packs[language].foldExceptions);
  for (const p of patterns) lexicon.add(p, true);
  return lexicon;
}

export function compiledPack(language: Language): CompiledPack {
  let c = compiled.get(language);
  if (c) return c;
  const pack = packs[language];
  const sentiment = new PatternLexicon<number>((w) => stem(w, language), undefined, pack.foldExceptions);
  const phrases = new PhraseIndex<number>(pack.foldExceptions);
  for (const [pattern, value] of Object.entries(pack.sentiment)) {
    if (pattern.includes(' ')) phrases.add(pattern, value);
    else sentiment.add(pattern, value);
  }
  for (const [pattern, value] of Object.entries(pack.phrases)) {
    if (pattern.includes(' ')) phrases.add(pattern, value);
    else sentiment.add(pattern, value);
  }
  const concessive = new Map<string, string[]>();
  for (const marker of withFolded(pack.concessive)) {
    const [first, second = ''] = marker.split(' ');
    concessive.set(first, [...(concessive.get(first) ?? []), second]);
  }
  c = {
    pack,
    stopwords: new Set(pack.stopwords),
    negators: new Set(withFolded(pack.negators)),
    degree: new Map(Object.entries(pack.degree).flatMap(([w, v]) => folded(w).map((f) => [f, v] as [string, number]))),
    excess: new Set(withFolded(pack.excess)),
    dimensions: flagLexicon(language, pack.dimensions),
    contrast: new Set(withFolded(pack.contrast)),
    concessive,
    sentiment,
    phrases,
    waitLong: flagLexicon(language, pack.waitLength.long.filter((p) => !p.includes(' '))),
    waitShort: flagLexicon(language, pack.waitLength.short.filter((p) => !p.includes(' '))),
    waitUnits: flagLexicon(language, pack.waitLength.units),
  };
  compiled.set(language, c);
  return c;
}
