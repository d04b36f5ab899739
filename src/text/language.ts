import { compiledPack, packs } from './lexicon/index.ts';
import { mentionsTopic } from './topics.ts';
import { LANGUAGES, words, type DetectedLanguage, type Language } from './tokens.ts';

/**
 * Language identification for fi / sv / en / pl, anything else `other`.
 * Evidence per word: hand-written profile words and stop words, hits in the language's own
 * sentiment lexicon, and weighted character n-grams (word edges marked `_`). A profile of
 * common other European languages competes, so German or Estonian does not land in a near
 * neighbour. Mixed texts go to the language with the most evidence.
 */
const SLOTS = [...LANGUAGES, 'other'] as const;
const OTHER = SLOTS.length - 1;

// Function words and letters typical of languages Kaiku does not analyse (de, da, no, et, fr, es, it, nl, pt).
const OTHER_WORDS = [
  'der', 'die', 'das', 'und', 'ist', 'nicht', 'ich', 'sehr', 'mit', 'ein', 'eine', 'war', 'auf', 'für', 'sie', 'wir', 'auch', 'aber', 'gut',
  'og', 'ikke', 'jeg', 'meget', 'af', 'hvad', 'hun', 'ikkje', 'veldig', 'bare', 'være',
  'väga', 'hea', 'aga', 'mis', 'kui', 'teenindus', 'ning', 'minu', 'tänan', 'halb', 'kõik',
  'le', 'la', 'les', 'est', 'une', 'très', 'pas', 'je', 'nous', 'vous', 'avec', 'mais', 'pour', 'bien', 'merci',
  'el', 'los', 'las', 'y', 'es', 'muy', 'pero', 'con', 'por', 'que', 'bueno', 'gracias', 'malo', 'una',
  'il', 'di', 'che', 'sono', 'molto', 'non', 'della', 'grazie', 'het', 'een', 'niet', 'zeer', 'goed', 'voor', 'maar', 'não', 'muito', 'obrigado',
];
const OTHER_GRAMS: Record<string, number> = {
  ü: 2, ß: 2.5, é: 1.5, è: 2, ê: 2, ñ: 2.5, ç: 2, õ: 2.5, æ: 2.5, ø: 2.5, à: 2, ì: 2, ò: 2, ù: 2, â: 2, î: 2, ô: 2, û: 2, ë: 2, ï: 2,
  œ: 2.5, ã: 2.5, í: 1.5, ú: 1.5, á: 1.5, ý: 1, č: 2, š: 1.5, ž: 1.5, ř: 2.5, ğ: 2.5, ı: 2.5, 'sch': 1.5, 'ei_': 0.2, 'ij': 0.8,
};

interface Evidence {
  weights: Float64Array;
}

let table: { words: Map<string, Float64Array>; grams: Map<string, Float64Array>; maxGram: number } | undefined;

function buildTable() {
  const wordsMap = new Map<string, Float64Array>();
  const grams = new Map<string, Float64Array>();
  const bump = (map: Map<string, Float64Array>, key: string, slot: number, weight: number) => {
    let v = map.get(key);
    if (!v) map.set(key, (v = new Float64Array(SLOTS.length)));
    v[slot] += weight;
  };
  LANGUAGES.forEach((language, slot) => {
    const pack = packs[language];
    for (const w of pack.profile.words) bump(wordsMap, w, slot, 2);
    for (const w of pack.stopwords) bump(wordsMap, w, slot, 1);
    for (const [g, weight] of Object.entries(pack.profile.grams)) bump(grams, g, slot, weight);
  });
  for (const w of OTHER_WORDS) bump(wordsMap, w, OTHER, 2);
  for (const [g, weight] of Object.entries(OTHER_GRAMS)) bump(grams, g, OTHER, weight);
  let maxGram = 1;
  for (const g of grams.keys()) maxGram = Math.max(maxGram, g.length);
  return { words: wordsMap, grams, maxGram };
}

export interface LanguageScores {
  language: DetectedLanguage;
  scores: Record<(typeof SLOTS)[number], number>;
}

/** Below this much evidence a text (e.g. "ok", "👍", "12345") is not confidently any language. */
const MIN_EVIDENCE = 1;
/** Detection needs the first words only; long texts do not change the answer. */
const MAX_WORDS = 200;

export function languageScores(text: string): LanguageScores {
  table ??= buildTable();
  const totals = new Float64Array(SLOTS.length);
  const ws = words(text).slice(0, MAX_WORDS);
  for (const w of ws) {
    const wv = table.words.get(w);
    if (wv) for (let s = 0; s < SLOTS.length; s++) totals[s] += wv[s];
    const padded = `_${w}_`;
    for (let n = 1; n <= table.maxGram; n++) {
      for (let i = 0; i + n <= padded.length; i++) {
        const gv = table.grams.get(padded.slice(i, i + n));
        if (gv) for (let s = 0; s < SLOTS.length; s++) totals[s] += gv[s] / 2;
      }
    }
    if (w.length >= 3) {
      LANGUAGES.forEach((language, slot) => {
        const v = compiledPack(language).sentiment.lookup(w);
        if (v !== undefined && v !== 0) totals[slot] += 1.2;
        else if (w.length >= 4 && mentionsTopic(w, language)) totals[slot] += 1;
      });
    }
  }
  let best = -1;
  for (let s = 0; s < SLOTS.length; s++) if (best < 0 || totals[s] > totals[best]) best = s;
  const scores = Object.fromEntries(SLOTS.map((l, s) => [l, Math.round(totals[s] * 100) / 100])) as LanguageScores['scores'];
  const language: DetectedLanguage = best === OTHER || totals[best] < MIN_EVIDENCE ? 'other' : (SLOTS[best] as Language);
  return { language, scores };
}

export function detectLanguage(text: string): DetectedLanguage {
  return languageScores(text).language;
}
