import { PatternLexicon, PhraseIndex } from '../patterns.ts';
import { stem } from '../stem.ts';
import type { Language } from '../tokens.ts';
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

function flagLexicon(language: Language, patterns: string[]): PatternLexicon<true> {
  const lexicon = new PatternLexicon<true>((w) => stem(w, language));
  for (const p of patterns) lexicon.add(p, true);
  return lexicon;
}

export function compiledPack(language: Language): CompiledPack {
  let c = compiled.get(language);
  if (c) return c;
  const pack = packs[language];
  const sentiment = new PatternLexicon<number>((w) => stem(w, language));
  const phrases = new PhraseIndex<number>();
  for (const [pattern, value] of Object.entries(pack.sentiment)) {
    if (pattern.includes(' ')) phrases.add(pattern, value);
    else sentiment.add(pattern, value);
  }
  for (const [pattern, value] of Object.entries(pack.phrases)) {
    if (pattern.includes(' ')) phrases.add(pattern, value);
    else sentiment.add(pattern, value);
  }
  const concessive = new Map<string, string[]>();
  for (const marker of pack.concessive) {
    const [first, second = ''] = marker.split(' ');
    concessive.set(first, [...(concessive.get(first) ?? []), second]);
  }
  c = {
    pack,
    stopwords: new Set(pack.stopwords),
    negators: new Set(pack.negators),
    degree: new Map(Object.entries(pack.degree)),
    excess: new Set(pack.excess),
    dimensions: flagLexicon(language, pack.dimensions),
    contrast: new Set(pack.contrast),
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
