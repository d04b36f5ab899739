import { compiledPack } from './lexicon/index.ts';
import { stem } from './stem.ts';
import { tokenize, type DetectedLanguage } from './tokens.ts';

/** Content words of a text: stop words and very short words dropped, the rest stemmed. */
export function contentStems(text: string, language: DetectedLanguage): Array<{ word: string; stem: string } | null> {
  const stop = language === 'other' ? undefined : compiledPack(language).stopwords;
  return tokenize(text).map((t) => {
    if (t.kind !== 'word' || t.text.length < 2 || stop?.has(t.text)) return null;
    return { word: t.text, stem: stem(t.text, language) };
  });
}

/**
 * Classifier features: stems and adjacent stem bigrams. A stop word breaks a bigram, so
 * "laskun eräpäivä" is a bigram but "lasku ja hinta" is not.
 */
export function textFeatures(text: string, language: DetectedLanguage): string[] {
  const stems = contentStems(text, language);
  const features: string[] = [];
  for (let i = 0; i < stems.length; i++) {
    const s = stems[i];
    if (!s) continue;
    features.push(s.stem);
    const next = stems[i + 1];
    if (next) features.push(`${s.stem} ${next.stem}`);
  }
  return features;
}
