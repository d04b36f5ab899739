import { StemmerFi } from '@nlpjs/lang-fi';
import { StemmerSv } from '@nlpjs/lang-sv';
import { StemmerEn } from '@nlpjs/lang-en';
import { StemmerPl } from '@nlpjs/lang-pl';
import type { DetectedLanguage } from './tokens.ts';

interface WordStemmer {
  stemWord(word: string): string;
}

const stemmers: Record<string, WordStemmer> = {
  fi: new StemmerFi(),
  sv: new StemmerSv(),
  en: new StemmerEn(),
  pl: new StemmerPl(),
};

// Feedback vocabulary is small and repetitive, so a bounded cache makes stemming nearly free.
const caches: Record<string, Map<string, string>> = { fi: new Map(), sv: new Map(), en: new Map(), pl: new Map() };
const CACHE_LIMIT = 200_000;

/** The nlp.js stem of a lower-cased word; other languages get the word back. */
export function stem(word: string, language: DetectedLanguage): string {
  const stemmer = stemmers[language];
  if (!stemmer) return word;
  const cache = caches[language];
  let result = cache.get(word);
  if (result === undefined) {
    try {
      result = stemmer.stemWord(word) || word;
    } catch {
      // The stemmers are third-party code; a word they choke on is used as it is.
      result = word;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, result);
  }
  return result;
}
