import { contentStems } from './features.ts';
import { detectLanguage } from './language.ts';
import { compiledPack } from './lexicon/index.ts';
import { isLanguage, type DetectedLanguage } from './tokens.ts';
import { getDefaultTaxonomy, type Taxonomy } from './topics.ts';

/**
 * Emerging themes: keywords and two-word phrases that recur across a set of texts (one period's
 * feedback) but that no topic rule covers, so an analyst can turn them into topics. Words are
 * grouped by stem per language; stop words, sentiment words and topic keywords are left out;
 * each theme is shown with its most common surface form.
 */
export interface ThemeInput {
  id?: string;
  text: string;
  language?: string;
}

export interface Theme {
  /** language:stem or language:stem stem — stable across periods, for trend lines. */
  key: string;
  language: DetectedLanguage;
  /** The most frequent way the texts wrote it. */
  phrase: string;
  /** Number of texts that mention it. */
  count: number;
  /** Up to three ids (or 1-based positions) of texts that mention it. */
  examples: string[];
}

export interface ThemeOptions {
  taxonomy?: Taxonomy;
  /** A theme must appear in at least this many texts (default 3). */
  minCount?: number;
  /** At most this many themes (default 20). */
  limit?: number;
}

export function emergingThemes(inputs: ThemeInput[], options: ThemeOptions = {}): Theme[] {
  const taxonomy = options.taxonomy ?? getDefaultTaxonomy();
  const minCount = options.minCount ?? 3;
  const limit = options.limit ?? 20;
  const stats = new Map<string, { language: DetectedLanguage; docs: Set<string>; surfaces: Map<string, number>; bigram: boolean }>();

  inputs.forEach((input, index) => {
    if (!input || typeof input.text !== 'string' || !input.text.trim()) return;
    const text = input.text.slice(0, 5_000);
    const language = isLanguage(input.language) ? input.language : detectLanguage(text);
    if (language === 'other') return;
    const pack = compiledPack(language);
    const covered = (word: string) =>
      taxonomy.topics.some((t) => t.words[language]?.lookup(word)) || pack.sentiment.lookup(word) !== undefined ||
      pack.negators.has(word) || pack.degree.has(word) || /\d/.test(word);
    const stems = contentStems(text, language).map((s) => (s && s.word.length >= 3 && !covered(s.word) ? s : null));
    const docId = input.id ?? String(index + 1);
    const seen = new Set<string>();
    const count = (key: string, surface: string, bigram: boolean) => {
      if (seen.has(key)) return;
      seen.add(key);
      let entry = stats.get(key);
      if (!entry) stats.set(key, (entry = { language, docs: new Set(), surfaces: new Map(), bigram }));
      entry.docs.add(docId);
      entry.surfaces.set(surface, (entry.surfaces.get(surface) ?? 0) + 1);
    };
    for (let i = 0; i < stems.length; i++) {
      const s = stems[i];
      if (!s) continue;
      count(`${language}:${s.stem}`, s.word, false);
      const next = stems[i + 1];
      if (next) count(`${language}:${s.stem} ${next.stem}`, `${s.word} ${next.word}`, true);
    }
  });

  const candidates = [...stats.entries()].filter(([, e]) => e.docs.size >= minCount);
  // A phrase that carries most of a word's mentions replaces the word ("sauna" → "sauna closed").
  const hidden = new Set<string>();
  for (const [key, e] of candidates) {
    if (!e.bigram) continue;
    const [lang, pair] = key.split(':');
    for (const part of pair.split(' ')) {
      const single = stats.get(`${lang}:${part}`);
      if (single && e.docs.size >= 0.6 * single.docs.size) hidden.add(`${lang}:${part}`);
    }
  }
  return candidates
    .filter(([key]) => !hidden.has(key))
    .sort((a, b) => b[1].docs.size - a[1].docs.size || Number(b[1].bigram) - Number(a[1].bigram) || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([key, e]) => ({
      key,
      language: e.language,
      phrase: [...e.surfaces.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0],
      count: e.docs.size,
      examples: [...e.docs].slice(0, 3),
    }));
}
